package brief

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

func annotated(id, body, published string) *accord.Document {
	d := &accord.Document{ID: id, Text: body, Published: published}
	text.New().Annotate(d)
	return d
}

func TestSupportingDocs(t *testing.T) {
	stmt := "The Harbour Authority closed the northern pier to ferries on Friday."
	a := annotated("a", stmt, "")
	b := annotated("b", "Ferries could not use the northern pier after the harbour authority closed it.", "")
	// Names and a date only: it reports something else.
	n := annotated("n", "The Harbour Authority met the Ferry Union on Friday.", "")
	s := annotated("s", "The port authority shut the northern jetty to boats on Friday.", "")
	c := accord.NewCorpus([]*accord.Document{a, b, n, s}, accord.Options{})
	cl := accord.Claim{Statement: stmt, Documents: []string{"a", "b", "n", "s"}, Evidence: []accord.SpanRef{
		{Document: "a", Text: a.Text}, {Document: "b", Text: b.Text}, {Document: "n", Text: n.Text}, {Document: "s", Text: s.Text},
	}}
	k := keyer{}
	got := k.supportingDocs(c, cl, nil)
	if len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Errorf("supporting = %v, want [a b]", got)
	}
	// A machine rewrite of a supporting document may say it in related words.
	got = k.supportingDocs(c, cl, map[string][]string{"s": {"a"}})
	if len(got) != 3 || got[2] != "s" {
		t.Errorf("with s spun from a: %v, want [a b s]", got)
	}
	// ... but not when what it rewrites does not state the claim.
	got = k.supportingDocs(c, cl, map[string][]string{"s": {"n"}})
	if len(got) != 2 {
		t.Errorf("with s spun from n: %v, want [a b]", got)
	}
}

func TestStripConnective(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Meanwhile, the council voted to close the pier.", "The council voted to close the pier."},
		{"On the other hand, officials said the pier was safe.", "Officials said the pier was safe."},
		{"But the ferries kept running.", "The ferries kept running."},
		{"However, \"the pier is closed\", she said.", "\"the pier is closed\", she said."},
		{"Meanwhile the pier stayed open.", "Meanwhile the pier stayed open."},
		{"Thus far the pier stayed open.", "Thus far the pier stayed open."},
		{"Also-rans were not invited.", "Also-rans were not invited."},
	}
	for _, tc := range tests {
		if got := stripConnective(tc.in); got != tc.want {
			t.Errorf("stripConnective(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAnnotateDates(t *testing.T) {
	body := "Meanwhile, on Thursday the council met, as it did last month and on March 3."
	d := annotated("a", body, "2023-03-10")
	d.Timexes = []accord.Timex{
		{Span: accord.Span{Start: 14, End: 22}, Text: "Thursday", Type: "DATE", Value: "2023-03-09"},
		{Span: accord.Span{Start: 51, End: 61}, Text: "last month", Type: "DATE", Value: "2023-02"},
		{Span: accord.Span{Start: 69, End: 76}, Text: "March 3", Type: "DATE", Value: "2023-03-03"},
	}
	c := accord.NewCorpus([]*accord.Document{d}, accord.Options{})
	cl := accord.Claim{Statement: body, Documents: []string{"a"}, Evidence: []accord.SpanRef{{Document: "a", Start: 0, End: len(body), Text: body}}}
	got := claimText(c, cl)
	want := "On Thursday (9 March 2023) the council met, as it did last month (February 2023) and on March 3."
	if got != want {
		t.Errorf("claimText = %q\nwant %q", got, want)
	}
	if !Supported("One source reports: "+got, []*accord.Document{d}) {
		t.Errorf("date notes count as unsupported words: %v", Unsupported(got, []*accord.Document{d}))
	}
	// Unresolved values get no note.
	if n := dateNote(accord.Timex{Text: "the next day", Type: "DATE", Value: "XXXX-XX-XX"}); n != "" {
		t.Errorf("unresolved note %q", n)
	}
}

func TestDisputeSentence(t *testing.T) {
	body := "‘We’ll keep the pier open,’ says harbour master Ann Lee. Later the mayor’s office said the words were Tom Ray’s."
	d := annotated("a", body, "")
	c := accord.NewCorpus([]*accord.Document{d, annotated("b", "Other text.", "")}, accord.Options{})
	cf := accord.Conflict{Kind: accord.ConflictSpeaker, Documents: []string{"a"},
		Sides:    []accord.ConflictSide{{Says: "Ann Lee", Documents: []string{"a"}}, {Says: "Tom Ray", Documents: []string{"a"}}},
		Evidence: []accord.SpanRef{{Document: "a", Start: 54, End: 61, Text: "Ann Lee"}}}
	want := "One source attributes “We’ll keep the pier open” to both Ann Lee and Tom Ray."
	if got := disputeSentence(c, cf); got != want {
		t.Errorf("one document: %q\nwant %q", got, want)
	}
	cf.Documents = []string{"a", "b"}
	want = "Sources disagree on who said “We’ll keep the pier open”: Ann Lee vs Tom Ray."
	if got := disputeSentence(c, cf); got != want {
		t.Errorf("two documents: %q\nwant %q", got, want)
	}
	cf.Kind = accord.ConflictNumber
	cf.Documents = []string{"a"}
	want = "One source is inconsistent on the number: \"Ann Lee\" vs \"Tom Ray\"."
	if got := disputeSentence(c, cf); got != want {
		t.Errorf("number, one document: %q\nwant %q", got, want)
	}
}

func TestFirstQuotation(t *testing.T) {
	tests := []struct{ in, want string }{
		{`He said "the pier is closed," and left.`, "the pier is closed"},
		{"‘Russia’s ferries will dock,’ she said.", "Russia’s ferries will dock"},
		{"No quotation here.", ""},
		{`An "open" pier.`, ""},
	}
	for _, tc := range tests {
		if got := firstQuotation(tc.in); got != tc.want {
			t.Errorf("firstQuotation(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDanglingDate(t *testing.T) {
	body := "The council will meet the next day in the town hall."
	d := annotated("a", body, "")
	d.Timexes = []accord.Timex{{Span: accord.Span{Start: 22, End: 34}, Text: "the next day", Type: "DATE", Value: "XXXX-XX-XX"}}
	c := accord.NewCorpus([]*accord.Document{d}, accord.Options{})
	cl := accord.Claim{Statement: body, Documents: []string{"a"}, Evidence: []accord.SpanRef{{Document: "a", Start: 0, End: len(body), Text: body}}}
	if !danglingDate(c, cl) {
		t.Error("an unplaced 'the next day' is not dangling")
	}
	d.Timexes[0].Value = "2023-03-10"
	if danglingDate(c, cl) {
		t.Error("a placed 'the next day' is dangling")
	}
}

// TestDisputeSentenceContext: a disputed figure is quoted with its clause,
// so the reader learns what it measures.
func TestDisputeSentenceContext(t *testing.T) {
	a := annotated("a", "The ferry company owes the harbour £13m in unpaid fees, the council said.", "")
	b := annotated("b", "Officials say the company owes £14.5m in unpaid fees to the harbour.", "")
	c := accord.NewCorpus([]*accord.Document{a, b}, accord.Options{})
	cf := accord.Conflict{Kind: accord.ConflictNumber, Documents: []string{"a", "b"},
		Sides: []accord.ConflictSide{{Says: "£13m", Documents: []string{"a"}}, {Says: "£14.5m", Documents: []string{"b"}}},
		Evidence: []accord.SpanRef{
			{Document: "a", Start: strings.Index(a.Text, "£13m"), End: strings.Index(a.Text, "£13m") + len("£13m"), Text: "£13m"},
			{Document: "b", Start: strings.Index(b.Text, "£14.5m"), End: strings.Index(b.Text, "£14.5m") + len("£14.5m"), Text: "£14.5m"},
		}}
	got := disputeSentence(c, cf)
	want := "Sources disagree on the number: “The ferry company owes the harbour £13m in unpaid fees” vs “Officials say the company owes £14.5m in unpaid fees to the harbour”."
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if !Supported(got, []*accord.Document{a, b}) {
		t.Errorf("%q is not supported by its documents", got)
	}
	// Without evidence the bare values are all there is.
	cf.Evidence = nil
	if got, want := disputeSentence(c, cf), "Sources disagree on the number: \"£13m\" vs \"£14.5m\"."; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
