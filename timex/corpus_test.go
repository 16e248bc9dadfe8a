package timex

import (
	"context"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

func corpusOf(t *testing.T, opt accord.Options, docs ...*accord.Document) *accord.Corpus {
	t.Helper()
	for _, d := range docs {
		_ = text.New().Annotate(d)
		_ = New().Annotate(d)
	}
	c := accord.NewCorpus(docs, opt)
	if err := NewCorpus().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestInference(t *testing.T) {
	tests := []struct {
		name      string
		dated     string // text of a document published 2022-01-14 (Friday)
		undated   string
		refDate   string
		published string // expected inferred date ("" = none)
		basis     string
		value     string // expected value of the undated document's first timex
	}{
		{
			name:      "yesterday",
			dated:     "Diplomats met in Vienna on Thursday for security talks with Moscow.",
			undated:   "The security talks with Moscow in Vienna yesterday ended without agreement.",
			published: "2022-01-14", basis: accord.BasisInferred, value: "2022-01-13",
		},
		{
			name:      "weekday",
			dated:     "Diplomats met in Vienna on Thursday for security talks with Moscow.",
			undated:   "Security talks with Moscow in Vienna on Thursday ended without agreement.",
			published: "2022-01-14", basis: accord.BasisInferred, value: "2022-01-13",
		},
		{
			name:    "unrelated",
			dated:   "Diplomats met in Vienna on Thursday for security talks with Moscow.",
			undated: "The football club sacked its coach on Monday after a run of defeats.",
			value:   "XXXX-WXX-1",
		},
		{
			name:    "refdate only",
			dated:   "Diplomats met in Vienna on Thursday for security talks with Moscow.",
			undated: "The football club sacked its coach on Monday after a run of defeats.",
			refDate: "2022-02-04", value: "2022-01-31",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &accord.Document{ID: "a", Text: tc.dated, Published: "2022-01-14", PublishedBasis: accord.BasisMetadata}
			b := &accord.Document{ID: "b", Text: tc.undated}
			c := corpusOf(t, accord.Options{RefDate: tc.refDate}, a, b)
			d := c.Doc("b")
			if d.Published != tc.published || tc.published != "" && d.PublishedBasis != tc.basis {
				t.Errorf("published %q (%s), want %q (%s)", d.Published, d.PublishedBasis, tc.published, tc.basis)
			}
			if len(d.Timexes) == 0 || d.Timexes[0].Value != tc.value {
				t.Errorf("timexes %+v, want first value %s", d.Timexes, tc.value)
			}
		})
	}
}

func TestTimelineMerge(t *testing.T) {
	a := &accord.Document{ID: "a", Published: "2022-01-14", Text: "Officials from Washington and Moscow held talks in Geneva on Monday. Prices rose."}
	b := &accord.Document{ID: "b", Published: "2022-01-12", Text: "The talks between Washington and Moscow in Geneva on Monday lasted eight hours."}
	c := corpusOf(t, accord.Options{}, a, b)
	if len(c.Timeline) != 1 {
		t.Fatalf("timeline %+v, want one item", c.Timeline)
	}
	it := c.Timeline[0]
	if it.Date != "2022-01-10" || len(it.Documents) != 2 || len(it.Evidence) != 2 {
		t.Errorf("item %+v", it)
	}
	for _, e := range it.Evidence {
		if d := c.Doc(e.Document); d.Text[e.Start:e.End] != e.Text {
			t.Errorf("evidence span mismatch %+v", e)
		}
	}
}

// TestInferenceUndatedStory: a story whose documents carry no date infers
// nothing from the dates the texts mention (an anniversary, a planned day),
// historical dates never anchor "on Tuesday" or "today", and only a
// document's own statement of its date ("today (4 November 2011)") dates it.
// Invented texts.
func TestInferenceUndatedStory(t *testing.T) {
	mk := func(id, pub, txt string) *accord.Document {
		d := &accord.Document{ID: id, Text: txt, Published: pub}
		if pub != "" {
			d.PublishedBasis = accord.BasisMetadata
		}
		return d
	}
	history := "The first ferry across Lake Varn sailed on 4 March 1952 from Oster harbour, carrying the mayor of Oster."
	plan := "The Lake Varn ferry company asks passengers to wear blue on 14 June for its Oster harbour festival."
	tests := []struct {
		name string
		docs []*accord.Document
		want map[string]string // id -> published ("" = none)
	}{
		{
			name: "no dated document",
			docs: []*accord.Document{
				mk("a", "", history+" The ferry from Oster harbour across Lake Varn sailed again on Tuesday with the mayor of Oster."),
				mk("b", "", "The ferry across Lake Varn sailed on Tuesday from Oster harbour, the mayor of Oster said."),
				mk("c", "", "Ferries across Lake Varn from Oster harbour are common today, the mayor of Oster said."),
				mk("d", "", plan+" The Lake Varn ferry company has named Tuesday its Oster harbour festival day."),
			},
			want: map[string]string{"a": "", "b": "", "c": "", "d": ""},
		},
		{
			name: "historical date in a dated document",
			docs: []*accord.Document{
				mk("a", "2022-01-14", history+" The ferry company said on Friday that fares will rise."),
				mk("b", "", "The first ferry across Lake Varn sailed on Tuesday from Oster harbour, carrying the mayor of Oster."),
			},
			want: map[string]string{"a": "2022-01-14", "b": ""},
		},
		{
			name: "own date as a publication cue",
			docs: []*accord.Document{
				mk("a", "", "The Lake Varn ferry company meets today (4 November 2011) in Oster to discuss fares."),
				mk("b", "", "Ferry fares on Lake Varn rose on Tuesday, the Oster company said."),
			},
			want: map[string]string{"a": "2011-11-04", "b": ""},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := corpusOf(t, accord.Options{}, tc.docs...)
			for id, want := range tc.want {
				d := c.Doc(id)
				if d.Published != want {
					t.Errorf("%s: published %q (%s), want %q", id, d.Published, d.PublishedBasis, want)
				}
				if want == "" && d.PublishedBasis == accord.BasisInferred {
					t.Errorf("%s: basis inferred without a date", id)
				}
			}
		})
	}
}

// TestInferenceByEvent: within a story, an undated document is dated only
// from the documents of its own event (an earlier, similar happening in the
// same story says nothing of its day). Invented texts.
func TestInferenceByEvent(t *testing.T) {
	docs := []*accord.Document{
		{ID: "a", Published: "2022-01-14", PublishedBasis: accord.BasisMetadata, Text: "A storm flooded the Oster harbour on Thursday, the mayor of Oster said."},
		{ID: "b", Text: "A storm flooded the Oster harbour on Thursday, the mayor of Oster said after the ferry sank."},
		{ID: "c", Text: "The storm that flooded the Oster harbour on Thursday sank the ferry, the mayor of Oster said."},
	}
	for _, d := range docs {
		_ = text.New().Annotate(d)
		_ = New().Annotate(d)
	}
	for _, split := range []bool{false, true} {
		c := accord.NewCorpus(docs, accord.Options{})
		st := accord.Story{ID: "s", Documents: []string{"a", "b", "c"}}
		if split {
			st.Events = []accord.Event{{ID: "e1", Documents: []string{"a", "b"}}, {ID: "e2", Documents: []string{"c"}}}
		}
		c.Stories = []accord.Story{st}
		for _, d := range docs[1:] {
			d.Published, d.PublishedBasis = "", ""
		}
		if err := NewCorpus().Analyze(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"b": "2022-01-14", "c": "2022-01-14"}
		if split {
			want["c"] = ""
		}
		for id, w := range want {
			if got := c.Doc(id).Published; got != w {
				t.Errorf("events %v: %s published %q, want %q", split, id, got, w)
			}
		}
	}
}

// TestInferenceNarrowing: a weekday that fits two dated happenings equally
// is decided by a week or month reference of the same document whose
// happening a dated report places in that week or month. Invented texts.
func TestInferenceNarrowing(t *testing.T) {
	tests := []struct {
		name  string
		dated [][2]string // published, text
		u     string
		want  string
	}{
		{
			name: "last week",
			dated: [][2]string{
				{"2022-03-04", "Farm ministers met in Lisbon on Tuesday to discuss fishing quotas."},
				{"2022-03-18", "Farm ministers met in Lisbon on Tuesday to discuss fishing quotas."},
				{"2022-03-09", "Dock workers in Lisbon went on strike on Monday over pay."},
			},
			u:    "Farm ministers met in Lisbon on Tuesday to discuss fishing quotas. Last week, dock workers in Lisbon went on strike over pay.",
			want: "2022-03-16",
		},
		{
			name: "this month",
			dated: [][2]string{
				{"2022-01-28", "Energy ministers met in Oslo on Thursday over gas prices."},
				{"2022-02-25", "Energy ministers met in Oslo on Thursday over gas prices."},
				{"2022-02-10", "Oil workers in Norway ended their strike on Monday."},
			},
			u:    "Energy ministers met in Oslo on Thursday over gas prices. Earlier this month, oil workers in Norway ended their strike.",
			want: "2022-02-25",
		},
		{
			name: "last month",
			dated: [][2]string{
				{"2022-01-28", "Energy ministers met in Oslo on Thursday over gas prices."},
				{"2022-02-25", "Energy ministers met in Oslo on Thursday over gas prices."},
				{"2022-01-20", "Oil workers in Norway ended their strike on Monday."},
			},
			u:    "Energy ministers met in Oslo on Thursday over gas prices. Last month, oil workers in Norway ended their strike.",
			want: "2022-02-25",
		},
		{
			// Alone, a month reference dates nothing.
			name: "month only",
			dated: [][2]string{
				{"2022-01-20", "Oil workers in Norway ended their strike on Monday."},
			},
			u:    "Last month, oil workers in Norway ended their strike.",
			want: "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var docs []*accord.Document
			for i, d := range tc.dated {
				docs = append(docs, &accord.Document{ID: string(rune('a' + i)), Published: d[0], PublishedBasis: accord.BasisMetadata, Text: d[1]})
			}
			docs = append(docs, &accord.Document{ID: "u", Text: tc.u})
			c := corpusOf(t, accord.Options{}, docs...)
			if got := c.Doc("u").Published; got != tc.want {
				t.Errorf("published %q, want %q", got, tc.want)
			}
		})
	}
}
