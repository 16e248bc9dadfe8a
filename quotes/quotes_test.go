package quotes

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

func annotate(t testing.TB, id, txt string) *accord.Document {
	t.Helper()
	d := &accord.Document{ID: id, Text: txt}
	if err := text.New().Annotate(d); err != nil {
		t.Fatal(err)
	}
	if err := New().Annotate(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestExtract(t *testing.T) {
	type want struct {
		text, speaker string
		frags         int
	}
	cases := []struct {
		name string
		in   string
		want []want
	}{
		{"after name", "“We will win this race,” Smith said on Monday.", []want{{"We will win this race,", "Smith", 0}}},
		{"inverted", "“We will win this race,” said Jane Smith.", []want{{"We will win this race,", "Jane Smith", 0}}},
		{"colon before", "Smith said: “We will win this race.”", []want{{"We will win this race.", "Smith", 0}}},
		{"according to", "According to Jane Smith, “the talks failed again.”", []want{{"the talks failed again.", "Jane Smith", 0}}},
		{"headline single", "‘The talks failed again,’ says US Deputy Secretary of State John Doe.", []want{{"The talks failed again,", "John Doe", 0}}},
		{"apostrophes", "'We don't know what they're planning,' the official said.", []want{{"We don't know what they're planning,", "the official", 0}}},
		{"straight double", "\"We are not going anywhere,\" Maria Lopez told reporters.", []want{{"We are not going anywhere,", "Maria Lopez", 0}}},
		{"guillemets", "«We will leave tomorrow morning,» Dupont said.", []want{{"We will leave tomorrow morning,", "Dupont", 0}}},
		{"interrupted", "“We will listen to your concerns,” Smith said on Twitter, “but we will not move.”",
			[]want{{"We will listen to your concerns,” Smith said on Twitter, “but we will not move.", "Smith", 2}}},
		{"two paragraphs", "Smith said: “The first part is long enough to count.\n“And the second part goes on,” she added.",
			[]want{{"The first part is long enough to count.", "Smith", 0}, {"And the second part goes on,", "Smith", 0}}},
		{"pronoun", "Jane Smith arrived late. “We are ready for anything,” she said.", []want{{"We are ready for anything,", "Jane Smith", 0}}},
		{"dash", "“It is over and we all know it.” ― Maria Lopez", []want{{"It is over and we all know it.", "Maria Lopez", 0}}},
		{"appositive", "“We need more time,” Donald Duck, the party's nominee, said.", []want{{"We need more time,", "Donald Duck", 0}}},
		{"reported clause", "Smith said that the plan was “dead on arrival” in the Senate.",
			[]want{{"that the plan was “dead on arrival” in the Senate", "Smith", 1}}},
		{"clause before a tail", "They want to “create jobs for everyone,” Smith said.",
			[]want{{"They want to “create jobs for everyone,", "Smith", 1}}},
		{"fragment before a tail", "The firm is paying “dozens” of workers to knock on doors, according to Jane Smith.",
			[]want{{"The firm is paying “dozens” of workers to knock on doors", "Jane Smith", 1}}},
		{"transcript label", "“SMITH: We will see what happens next.", []want{{"We will see what happens next.", "SMITH", 0}}},
		{"statement read", "“We will respond decisively,” read the statement released by press secretary Jane Doe.",
			[]want{{"We will respond decisively,", "Jane Doe", 0}}},
		{"statement read, no author", "“We will respond decisively,” read the statement.",
			[]want{{"We will respond decisively,", "the statement", 0}}},
		{"organization, role, person", "“We will respond decisively,” said Kremlin spokesman Ivan Petrov.",
			[]want{{"We will respond decisively,", "Ivan Petrov", 0}}},
		{"scare quote", "The so-called “peace dividend” never came.", nil},
		{"title", "She watched “The Long Goodbye” on Sunday.", nil},
		{"programme title after a possessive", "The ministry also released the transcript of Minister Jane Doe’s appearance on CBC’s “Morning Talk with Jane Roe” on Sunday, in which he discussed the border and offered two options.", nil},
		{"two apostrophes", "''We will not move,'' Jane Smith said.", []want{{"We will not move,", "Jane Smith", 0}}},
		{"empty marks", "He said “” and left.", nil},
		{"unclosed apostrophe", "It was the ’90s and rock ’n’ roll ruled.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := annotate(t, "t", c.in)
			if len(d.Quotes) != len(c.want) {
				for _, q := range d.Quotes {
					t.Logf("got %q speaker %q", q.Text, q.SpeakerText)
				}
				t.Fatalf("got %d quotes, want %d", len(d.Quotes), len(c.want))
			}
			for i, w := range c.want {
				q := d.Quotes[i]
				if !q.Direct {
					continue
				}
				if q.Text != w.text || d.Slice(q.Span) != q.Text {
					t.Errorf("quote %d: text %q, want %q", i, q.Text, w.text)
				}
				if q.SpeakerText != w.speaker {
					t.Errorf("quote %d: speaker %q, want %q", i, q.SpeakerText, w.speaker)
				}
				if len(q.Fragments) != w.frags {
					t.Errorf("quote %d: %d fragments, want %d", i, len(q.Fragments), w.frags)
				}
				if !q.Direct || q.Speaker != -1 {
					t.Errorf("quote %d: direct %v speaker index %d", i, q.Direct, q.Speaker)
				}
			}
		})
	}
}

// TestIndirect checks reported speech without quotation marks: the content
// is the complement of the cue, Direct false.
func TestIndirect(t *testing.T) {
	cases := []struct{ in, text, speaker string }{
		{"Jane Smith said on Monday that the talks had failed again.", "that the talks had failed again", "Jane Smith"},
		{"The talks had failed again, Smith told reporters.", "The talks had failed again", "Smith"},
		{"The talks had failed again, according to Jane Smith.", "The talks had failed again", "Jane Smith"},
		{"The talks failed again on Monday.", "", ""},
		// The cue's own subject speaks, not a name in a later clause.
		{"Mr Doe stated he saw no reason to meet again, although the Freedonian government has proposed they would meet next week.",
			"he saw no reason to meet again, although the Freedonian government has proposed they would meet next week", "Doe"},
		// An appositive after the source names it; it is no content.
		{"According to Jane Smith, the lead negotiator, the delegation rejected the proposals.", "the delegation rejected the proposals", "Jane Smith"},
		// A fronted adverbial is no content of the verb after it.
		{"Amid rising tension over the border, senior officials held a meeting on Monday.", "", ""},
		{"As the two sides appeared to talk past each other, the words they used showed how far apart they remain.", "", ""},
		// A weaker cue right after a subject that opens the sentence.
		{"Critics say the new bridge will cost twice as much as planned.", "the new bridge will cost twice as much as planned", "Critics"},
		// A plural noun the cue table half-knows before the cue.
		{"The bridge could reopen before the winter storms arrive in January, officials say.",
			"The bridge could reopen before the winter storms arrive in January", "officials"},
		// A participle cue after the sentence's named subject.
		{"Jane Smith visited the school on Monday, saying it would close next year.", "it would close next year", "Jane Smith"},
		// A sentence cut at an abbreviation gives no content.
		{"Smith also said that the U.", "", ""},
		// "X, the mayor, said …": the words before the comma are the subject.
		{"Jane Smith, the mayor of the town, said the bridge would reopen soon.", "the bridge would reopen soon", "Jane Smith"},
	}
	for _, c := range cases {
		d := annotate(t, "i", c.in)
		if c.text == "" {
			if len(d.Quotes) != 0 {
				t.Errorf("%q: got %q", c.in, d.Quotes[0].Text)
			}
			continue
		}
		if len(d.Quotes) != 1 {
			t.Fatalf("%q: got %d quotes", c.in, len(d.Quotes))
		}
		q := d.Quotes[0]
		if q.Direct || q.Text != c.text || q.SpeakerText != c.speaker {
			t.Errorf("%q: got direct=%v %q by %q, want %q by %q", c.in, q.Direct, q.Text, q.SpeakerText, c.text, c.speaker)
		}
	}
	// A participle cue after the content is a second reported content of
	// the same speaker.
	d := annotate(t, "i", "Smith said the talks had failed, adding that a new round would start soon.")
	if len(d.Quotes) != 2 || d.Quotes[0].Text != "the talks had failed" || d.Quotes[1].Text != "that a new round would start soon" ||
		d.Quotes[1].SpeakerText != "Smith" {
		for _, q := range d.Quotes {
			t.Logf("got %q by %q", q.Text, q.SpeakerText)
		}
		t.Errorf("second act: got %d quotes", len(d.Quotes))
	}
	d = &accord.Document{ID: "i", Text: cases[0].in}
	_ = text.New().Annotate(d)
	_ = (&Extractor{DirectOnly: true}).Annotate(d)
	if len(d.Quotes) != 0 {
		t.Errorf("DirectOnly: got %d quotes", len(d.Quotes))
	}
}

// TestMentions checks that a speaker resolves through the entity chains when
// the entities stage has filled Mentions.
func TestMentions(t *testing.T) {
	txt := "Wendy Sherman met the press. “We will not discuss it without our allies,” she said."
	d := &accord.Document{ID: "m", Text: txt}
	_ = text.New().Annotate(d)
	name := strings.Index(txt, "Wendy Sherman")
	she := strings.Index(txt, "she said")
	d.Mentions = []accord.Mention{
		{Span: accord.Span{Start: name, End: name + len("Wendy Sherman")}, Text: "Wendy Sherman", Type: "PERSON", Kind: accord.MentionName, Chain: 0},
		{Span: accord.Span{Start: she, End: she + 3}, Text: "she", Type: "PERSON", Kind: accord.MentionPronoun, Chain: 0},
	}
	_ = New().Annotate(d)
	if len(d.Quotes) != 1 || d.Quotes[0].Speaker != 0 {
		t.Fatalf("quotes %+v", d.Quotes)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“We will win,” Smith said.", "'a' 'b ' ' c'", "\"\"\"", "« »", "„Ja“, sagte er.", "”Wrong way round,” he said",
		"“Open\n“Still open\nEnd”", "SMITH: “x: y”", "\xff“\xfe”", "’’’‘‘‘", "said said said “ said ” said",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &accord.Document{ID: "f", Text: s}
		_ = text.New().Annotate(d)
		_ = New().Annotate(d)
		for _, q := range d.Quotes {
			if q.Start < 0 || q.End > len(s) || q.Start >= q.End || s[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %+v in %q", q, s)
			}
			for _, fr := range q.Fragments {
				if fr.Start < q.Start || fr.End > q.End || fr.Start > fr.End {
					t.Fatalf("bad fragment %+v of %+v", fr, q.Span)
				}
			}
			if q.SpeakerSpan.Start < 0 || q.SpeakerSpan.End > len(s) || q.SpeakerSpan.Start > q.SpeakerSpan.End {
				t.Fatalf("bad speaker span %+v", q.SpeakerSpan)
			}
		}
		c := accord.NewCorpus([]*accord.Document{d}, accord.Options{})
		_ = NewCorpus().Analyze(t.Context(), c)
	})
}
