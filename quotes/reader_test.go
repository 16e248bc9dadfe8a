package quotes

import (
	"testing"

	"github.com/accord-news/accord"
)

// TestReaderSpeakers covers speakers a reader would find wrong, with
// invented sentences: the subject of a passive "is said to" is no speaker,
// an "according to" source and a headline label are read in full, a
// pronoun agrees in gender with the name an honorific marks, and two quotes
// of different speakers in one sentence stay apart.
func TestReaderSpeakers(t *testing.T) {
	type want struct{ text, speaker string }
	cases := []struct {
		name string
		in   string
		want []want
	}{
		{"passive said to", `The meeting is said to be a key part of the “joint harbour review” process on fishing rights that began in May.`,
			[]want{{"to be a key part of the “joint harbour review” process on fishing rights that began in May", ""}}},
		{"according to a nominal", `According to Northland police, the gang had reportedly made all plans to "rob the bank" this week-- a claim the gang denied.`,
			[]want{{`the gang had reportedly made all plans to "rob the bank" this week`, "Northland police"}}},
		{"pronoun gender", "Mr Tom Pell met Ms Anna Reyes in Oslo.\n\nMr Pell said the talks were hard.\n\n\" I think that the meeting lasted four hours and the other side talked a lot,\" she said Wednesday.",
			[]want{{"I think that the meeting lasted four hours and the other side talked a lot,", "Anna Reyes"}}},
		{"two speakers in a sentence", `The union had called the changes "reforms," while Ms Reyes replied that no firm plans were agreed in what she called "talks."`,
			[]want{{`the changes "reforms,`, "The union"}, {`that no firm plans were agreed in what she called "talks."`, "Reyes"}}},
		{"headline naming its speaker", "Jane Roe: Harbour Plan Is ‘Dead on Arrival’ in the Council.\n\nThe plan was published on Monday.",
			[]want{{"Harbour Plan Is ‘Dead on Arrival’ in the Council", "Jane Roe"}}},
		{"headline label in full", "'Storm clouds are gathering': Northland Ambassador to the Harbour Council\n\nThe ambassador spoke on Monday.",
			[]want{{"Storm clouds are gathering", "Northland Ambassador to the Harbour Council"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := annotate(t, "t", c.in)
			var got []accord.QuoteMention
			for _, q := range d.Quotes {
				if q.Direct {
					got = append(got, q)
				}
			}
			for _, q := range got {
				t.Logf("got %q speaker %q", q.Text, q.SpeakerText)
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %d quotes, want %d", len(got), len(c.want))
			}
			for i, w := range c.want {
				if got[i].Text != w.text {
					t.Errorf("quote %d: text %q, want %q", i, got[i].Text, w.text)
				}
				if got[i].SpeakerText != w.speaker {
					t.Errorf("quote %d: speaker %q, want %q", i, got[i].SpeakerText, w.speaker)
				}
			}
		})
	}
}

func TestPassiveKeepsSpeaker(t *testing.T) {
	for _, in := range []string{
		`"They will not stop us this time," Mr Pell is reported as saying.`,
	} {
		d := annotate(t, "t", in)
		if len(d.Quotes) == 0 || d.Quotes[0].SpeakerText != "Pell" {
			for _, q := range d.Quotes {
				t.Logf("%q %q", q.Text, q.SpeakerText)
			}
			t.Errorf("%q: want speaker Pell", in)
		}
	}
}

func TestPassiveSpeechInfinitive(t *testing.T) {
	in := `Mr Pell is reported to have said that the harbour plan was "dead on arrival" in the council.`
	d := annotate(t, "t", in)
	for _, q := range d.Quotes {
		t.Logf("%q %q", q.Text, q.SpeakerText)
	}
	if len(d.Quotes) == 0 || d.Quotes[0].SpeakerText != "Pell" {
		t.Errorf("want speaker Pell")
	}
}
