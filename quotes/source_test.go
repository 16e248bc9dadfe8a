package quotes

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

func TestCanBeSource(t *testing.T) {
	for w, want := range map[string]bool{
		"development": false, "move": false, "crisis": false, "change": false,
		"report": true, "statement": true, "figures": true, "data": true, "survey": true, "study": true,
		"lawsuit": true, "documentary": true, "festival": true, "station": true, "website": true, "site": true, "campaign": true, "footage": true,
		"adoption": false, "links": false, "box": false, "progress": false,
		"officials": true, "police": true, "film-maker": true, "leaflets": true, "spokeswoman": true, "ministry": true, "sources": true, "analysts": true,
	} {
		if got := canBeSource(w); got != want {
			t.Errorf("canBeSource(%q) = %v, want %v", w, got, want)
		}
	}
	for s, want := range map[string]string{
		"the recent development": "the recent development", "a spokeswoman for Acme": "a spokeswoman", "the head of the agency": "the head",
		"Mr Roe's aides": "Mr Roe aides", "Labor Department figures": "Labor Department figures",
	} {
		if got := strings.Join(nominalWords(s), " "); got != want {
			t.Errorf("nominalWords(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestMuteNominal: a source noun that cannot speak gives no speaker, and
// no earlier speaker is guessed instead; a report can speak.
func TestMuteNominal(t *testing.T) {
	cases := []struct{ in, quote, speaker string }{
		{"Jane Roe said the harbour was safe.\n\nAccording to the recent development, the council has closed the harbour, raising fears of a “long and costly blockade” by the fleet.",
			"a “long and costly blockade” by the fleet", ""},
		{"According to the harbour report, the council has closed the harbour, raising fears of a “long and costly blockade” by the fleet.",
			"", "the harbour report"},
	}
	for _, c := range cases {
		d := annotate(t, "m", c.in)
		var found *accord.QuoteMention
		for i, q := range d.Quotes {
			t.Logf("%q: %q cue %v", q.Text, q.SpeakerText, q.Cue)
			if q.Direct {
				found = &d.Quotes[i]
			}
		}
		if found == nil {
			t.Fatalf("%q: no direct quote", c.in)
		}
		if c.quote != "" && found.Text != c.quote {
			t.Errorf("quote %q, want %q", found.Text, c.quote)
		}
		if found.SpeakerText != c.speaker {
			t.Errorf("speaker %q, want %q", found.SpeakerText, c.speaker)
		}
	}
	// A role the lexicon does not know, used as a title before a name.
	d0 := annotate(t, "t", "Prop Roe ready for the match\n\nThe prop said: “We will see how good they are on the day.”")
	if len(d0.Quotes) == 0 || d0.Quotes[0].SpeakerText != "The prop" {
		t.Errorf("title noun: %+v, want speaker The prop", d0.Quotes)
	}
	d0 = annotate(t, "t2", "The prop said: “We will see how good they are on the day.”")
	if len(d0.Quotes) == 0 || d0.Quotes[0].SpeakerText != "" {
		t.Errorf("no title: %+v, want no speaker", d0.Quotes)
	}
	// Reported speech with such a subject keeps its content (PolNeAR
	// annotates framed contents whatever their source) but no speaker.
	d := annotate(t, "r", "According to the recent development, the council has closed the harbour to all ships for the winter.")
	if len(d.Quotes) != 1 || d.Quotes[0].SpeakerText != "" || d.Quotes[0].Speaker >= 0 {
		t.Errorf("reported speech: %+v, want one with no speaker", d.Quotes)
	}
}
