package quotes

import (
	"testing"

	"github.com/accord-news/accord"
)

// TestPairingNews covers real-news pairing faults with invented sentences:
// a paragraph whose first straight mark closes a quote opened elsewhere, a
// quote left unclosed before the next one opens, a quoted letter before a
// real quote, and nominal speakers ("A Harbour Board spokeswoman said").
func TestPairingNews(t *testing.T) {
	type want struct{ text, speaker string }
	cases := []struct {
		name string
		in   string
		want []want
	}{
		{"close-shaped first mark", `Fine" added Tom Pell. A Harbour Board spokeswoman said: "We are reviewing the rules for every ferry operator." "We will publish them next week," she added.`,
			[]want{{"We are reviewing the rules for every ferry operator.", "A Harbour Board spokeswoman"}, {"We will publish them next week,", ""}}},
		{"unclosed quote before the next", `"I was on the night ferry to the islands with my two brothers. "We had just sat down when the lights went out," said Anna Reyes.`,
			[]want{{"I was on the night ferry to the islands with my two brothers.", "Anna Reyes"}, {"We had just sat down when the lights went out,", "Anna Reyes"}}},
		{"unclosed quote, three parts", `"The bridge has been shut for a month now. "Nobody has told us when it will reopen. "We are losing customers every day," said shop owner Lee Hart.`,
			[]want{{"The bridge has been shut for a month now.", "Lee Hart"}, {"Nobody has told us when it will reopen.", "Lee Hart"}, {"We are losing customers every day,", "Lee Hart"}}},
		{"no resync after an abbreviation", `"Talks with the U.S. "hawks" went nowhere at all, and we left early," said Anna Reyes.`,
			[]want{{`Talks with the U.S. `, ""}}},
		{"quoted letter before a quote", `In a statement, prisoner 'B' at Northgate Jail said: "I hope the court will act upon this ruling and release us all."`,
			[]want{{"I hope the court will act upon this ruling and release us all.", ""}}},
		{"nominal with a name inside", `A Department for Roads, Rail and Ports spokesman said: "The line will reopen on Monday morning."`,
			[]want{{"The line will reopen on Monday morning.", "A Department for Roads, Rail and Ports spokesman"}}},
		{"possessive nominal", `Mr Pell's official spokesman said: "The minister has no plans to resign this year."`,
			[]want{{"The minister has no plans to resign this year.", "Mr Pell's official spokesman"}}},
		{"role for an organisation", `A spokeswoman for Northgate Rail said: "Services will run as normal from Monday."`,
			[]want{{"Services will run as normal from Monday.", "A spokeswoman for Northgate Rail"}}},
		{"quote after reported speech", `Jane Roe, who runs the ferry company, said the strike had cost her dearly. "We have lost a month of bookings and nobody will pay us back."`,
			[]want{{"We have lost a month of bookings and nobody will pay us back.", "Jane Roe"}}},
		{"closing mark typed as an opening one", "“It was a long night,“ said Anna Reyes. “We never expected the river to rise so fast.”",
			[]want{{"It was a long night,“ said Anna Reyes. “We never expected the river to rise so fast.", "Anna Reyes"}}},
		{"abbreviation in parentheses", `A spokesman for the Northgate Rail Company (NRC) said: "Services will run as normal from Monday."`,
			[]want{{"Services will run as normal from Monday.", "A spokesman for the Northgate Rail Company"}}},
		{"nominal before a relative clause", `The firm, which lost two ferries last year, said: "We will not cut any routes this winter."`,
			[]want{{"We will not cut any routes this winter.", "The firm"}}},
		{"unclosed quote before an attribution", `Mr Reed said: "I lost three years of my life for nothing. He added: "They wanted to break me but they made me stronger."`,
			[]want{{"I lost three years of my life for nothing.", "Reed"}, {"They wanted to break me but they made me stronger.", "Reed"}}},
		{"possessive before a role and a name", `"No wedding plans have been set yet," said Roe's agent Tim Vale.`,
			[]want{{"No wedding plans have been set yet,", "Tim Vale"}}},
		{"heading label", "- Northgate coach Jane Roe: \"We were not good enough today and we know it.\"",
			[]want{{"We were not good enough today and we know it.", "Jane Roe"}}},
		{"participle after a conjunction", `But Jane Roe hit out at the board's decision, saying: "Nobody asked the players what they wanted."`,
			[]want{{"Nobody asked the players what they wanted.", "Jane Roe"}}},
		{"appositive ending in a name", `Tom Pell, spokesman for Northgate Rail, said: "Services will run as normal from Monday."`,
			[]want{{"Services will run as normal from Monday.", "Tom Pell"}}},
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
			if c.name == "no resync after an abbreviation" {
				// The inner mark after "U.S." must not start a new quote
				// that continues the first.
				for _, q := range d.Quotes {
					if q.Text == `hawks" went nowhere at all, and we left early,` {
						t.Fatalf("resynced after an abbreviation")
					}
				}
				return
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %d quotes, want %d", len(got), len(c.want))
			}
			for i, w := range c.want {
				if got[i].Text != w.text {
					t.Errorf("quote %d: text %q, want %q", i, got[i].Text, w.text)
				}
				if w.speaker != "" && got[i].SpeakerText != w.speaker {
					t.Errorf("quote %d: speaker %q, want %q", i, got[i].SpeakerText, w.speaker)
				}
			}
		})
	}
}
