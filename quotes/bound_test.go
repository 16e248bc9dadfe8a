package quotes

import (
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

func TestTrimmed(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"  “Hello, world.”  ", "Hello, world"},
		{"(that it was ‘over’)", "that it was ‘over"},
		{"$5 billion,", "$5 billion"},
		{"…", ""},
	} {
		sp := trimmed(c.in, accord.Span{Start: 0, End: len(c.in)})
		if got := c.in[sp.Start:sp.End]; got != c.want {
			t.Errorf("trimmed(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestBoundaries checks the candidates the boundary model chooses from: the
// rules' own boundaries are among them, starts lie before the quote and ends
// after it, within the sentence, and every candidate has features.
func TestBoundaries(t *testing.T) {
	txt := "Opening words. Smith said on Monday that the plan was “dead on arrival” in the Senate, and left. " +
		"“We will not move,” Jones told reporters after the vote."
	d := &accord.Document{ID: "b", Text: txt}
	if err := text.New().Annotate(d); err != nil {
		t.Fatal(err)
	}
	ms := Boundaries(d)
	if len(ms) != 2 {
		t.Fatalf("got %d mentions, want 2", len(ms))
	}
	for _, m := range ms {
		var rs, re int
		for _, c := range m.Starts {
			if c.Offset > m.Quote.Start || c.Offset < 15 && m.Quote.Start > 15 {
				t.Errorf("start %d outside [sentence, quote %d]", c.Offset, m.Quote.Start)
			}
			if c.Rule {
				rs++
				if c.Offset != m.Span.Start {
					t.Errorf("rule start %d != span %d", c.Offset, m.Span.Start)
				}
			}
			if len(c.Feats) == 0 {
				t.Errorf("start %d has no features", c.Offset)
			}
		}
		for _, c := range m.Ends {
			if c.Offset < m.Quote.End {
				t.Errorf("end %d before the quote's end %d", c.Offset, m.Quote.End)
			}
			if c.Rule {
				re++
			}
		}
		if rs != 1 || re != 1 {
			t.Errorf("%q: %d rule starts, %d rule ends, want 1 and 1", txt[m.Span.Start:m.Span.End], rs, re)
		}
		if len(m.Filter) == 0 {
			t.Error("no filter features")
		}
	}
	// The second quote's end candidates stop before its attribution.
	for _, c := range ms[1].Ends {
		if c.Offset > ms[1].Quote.End {
			t.Errorf("end candidate %q takes in the attribution", txt[ms[1].Quote.Start:c.Offset])
		}
	}
	// The extractor keeps the quoted words inside what it draws.
	for _, q := range Extract(d) {
		for _, fr := range q.Fragments {
			if fr.Start < q.Start || fr.End > q.End {
				t.Errorf("fragment %v outside %v", fr, q.Span)
			}
		}
	}
}

// TestJoins checks that a quote going on after its attribution sentence
// joins the previous mention, and that a second act or a long attribution
// without the speaker's name keeps them apart.
func TestJoins(t *testing.T) {
	for _, c := range []struct {
		txt  string
		want int
	}{
		{"“We will build the bridge this year,” Mara Quill said on Monday. “The money is already there.”", 1},
		{"“We will build the bridge this year,” said Mara Quill, who was the regional minister for roads, rail and public transport in the years before the last election and now leads the party. “The money is already there.”", 1},
		{"“We will build the bridge this year,” Mara Quill said, adding that the money was there. “Nobody doubts it now.”", 2},
		{"Mara Quill spoke in Ostrava. “We will build the bridge this year,” she told reporters in the city hall on Monday after long talks with Ivo Brandt, the regional minister for roads, rail and public transport. “The money is already there.”", 2},
		{"“We will build the bridge this year,” Mara Quill said.\n\n“The money is already there,” Ivo Brandt said.", 2},
	} {
		d := &accord.Document{ID: "j", Text: c.txt}
		if err := text.New().Annotate(d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, q := range Extract(d) {
			if q.Direct {
				got = append(got, q.Text)
			}
		}
		if len(got) != c.want {
			t.Errorf("%q: got %d direct mentions %q, want %d", c.txt, len(got), got, c.want)
		}
	}
}
