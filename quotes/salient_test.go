package quotes

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/text"
)

// speakersOf runs the text, entities and quotes stages over txt and returns
// the speaker text of each direct quote by its first words.
func speakersOf(t *testing.T, txt string) map[string]string {
	t.Helper()
	d := &accord.Document{ID: "s", Text: txt}
	for _, st := range []accord.DocStage{text.New(), entities.New(), New()} {
		if err := st.Annotate(d); err != nil {
			t.Fatal(err)
		}
	}
	out := map[string]string{}
	for _, q := range d.Quotes {
		if !q.Direct {
			continue
		}
		f := strings.Fields(q.Text)
		if len(f) > 3 {
			f = f[:3]
		}
		out[strings.Join(f, " ")] = q.SpeakerText
		t.Logf("%q: %q", q.Text, q.SpeakerText)
	}
	return out
}

// TestPronounTakesNearestSubject: a "he"/"she" attribution goes to the
// person who is the subject of the sentence just before (or of its own
// sentence), not to a name the coreference chain read paragraphs earlier.
func TestPronounTakesNearestSubject(t *testing.T) {
	txt := "Martin Okafor moderated the forum in Dayton on Tuesday night.\n\n" +
		"\"We will take questions from the floor after the opening statements,\" Okafor said.\n\n" +
		"Several voters said the forum came too late. Some had driven for hours to get there.\n\n" +
		"In an interview with radio host Robert Hale, Dwayne Petrakis made it clear he had doubts about both candidates.\n\n" +
		"\"A lot of their answers come across as rehearsed lines,\" he told the host.\n\n" +
		"In a newspaper essay last week, Rosalind Mbeki described the forum as a missed chance. \"Nobody asked about the rents that families pay here,\" she wrote."
	got := speakersOf(t, txt)
	for q, want := range map[string]string{"A lot of": "Petrakis", "Nobody asked about": "Rosalind Mbeki"} {
		if !strings.Contains(got[q], want) {
			t.Errorf("%q: speaker %q, want %s", q, got[q], want)
		}
	}
}
