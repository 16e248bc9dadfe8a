package brief

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/quantity"
	"github.com/accord-news/accord/text"
)

// withFigures annotates a document with sentences and quantities.
func withFigures(id, outlet, body string) *accord.Document {
	d := &accord.Document{ID: id, Outlet: outlet, Text: body}
	_ = text.New().Annotate(d)
	_ = quantity.New().Annotate(d)
	return d
}

// name adds a name mention of the given type and entity to d.
func name(d *accord.Document, n, typ, id string) {
	i := strings.Index(d.Text, n)
	d.Mentions = append(d.Mentions, accord.Mention{Span: accord.Span{Start: i, End: i + len(n)}, Text: n, Type: typ, Kind: accord.MentionName, EntityID: id})
}

func wholeClaim(docs ...*accord.Document) accord.Claim {
	cl := accord.Claim{Statement: docs[0].Text, Kind: "number", Status: "corroborated"}
	for _, d := range docs {
		cl.Documents = append(cl.Documents, d.ID)
		cl.Evidence = append(cl.Evidence, accord.SpanRef{Document: d.ID, Start: 0, End: len(d.Text), Text: d.Text})
	}
	return cl
}

// TestFigureAgreementNeedsSubject: the same figure of different things is
// no agreement: passages must name someone the statement names, or, when
// it names no one, share two words of what happened besides the figure's;
// a measure going on in another unit ("two hours 15 minutes") is only part
// of a figure.
func TestFigureAgreementNeedsSubject(t *testing.T) {
	tests := []struct {
		a, b   string
		agrees bool
	}{
		{"The singer Mara Tollen also took home two awards at the harbour gala.", "The band Grey Pier took home two awards each at the harbour gala.", false},
		{"The singer Mara Tollen also took home two awards at the harbour gala.", "Tollen won two awards on the night, the gala organisers said.", true},
		{"Grocery store sales were up 0.5% in the quarter.", "Sales at the riverside shops grew by 0.5% on a like-for-like basis.", false},
		{"Ferry ticket sales were up 0.5% in the quarter.", "Ticket sales for the ferry rose 0.5%, the operator said.", true},
		{"The final took two hours 15 minutes to settle on the harbour court.", "The final on the harbour court lasted two hours and 45 minutes.", false},
	}
	for _, tc := range tests {
		a := withFigures("a", "Harbour Times", tc.a)
		b := withFigures("b", "Coast Daily", tc.b)
		c := accord.NewCorpus([]*accord.Document{a, b}, accord.Options{})
		got, _ := keyer{}.agreement(c, wholeClaim(a, b), nil)
		if (got != "") != tc.agrees {
			t.Errorf("%q / %q: agreement %q, want agrees=%v", tc.a, tc.b, got, tc.agrees)
		}
	}
}

// TestCitationNeedsSameFacts: a document is cited for a statement only
// when its passage gives no other figure of the same thing and names one
// of its people when it names people.
func TestCitationNeedsSameFacts(t *testing.T) {
	stmt := withFigures("s", "Harbour Times", "The average price of a harbour flat now stands at £162,086, the Pier Society said.")
	same := withFigures("a", "Coast Daily", "The Pier Society said the average price of a harbour flat now stands at £162,086.")
	other := withFigures("b", "Bay News", "The average price of a harbour flat now stands at £152,879, the Pier Society said.")
	noFig := withFigures("f", "Dock Weekly", "The average price of a harbour flat now stands at a record, the Pier Society said.")
	c := accord.NewCorpus([]*accord.Document{stmt, same, other, noFig}, accord.Options{})
	got := keyer{}.supportingDocs(c, wholeClaim(stmt, same, other, noFig), nil)
	if strings.Join(got, " ") != "s a f" {
		t.Errorf("figures: supporting %v, want [s a f]", got)
	}

	p := annotated("p", "Number eight Tam Vellor has been dropped from the harbour squad for the cup match.", "")
	q := annotated("q", "Prop Ewan Morrit has been dropped from the harbour squad ahead of the cup match.", "")
	r := annotated("r", "Vellor has been dropped from the harbour squad for the cup match, the coach said.", "")
	name(p, "Tam Vellor", "PERSON", "E1")
	name(q, "Ewan Morrit", "PERSON", "E2")
	name(r, "Vellor", "PERSON", "E1")
	c = accord.NewCorpus([]*accord.Document{p, q, r}, accord.Options{})
	got = keyer{}.supportingDocs(c, wholeClaim(p, q, r), nil)
	if strings.Join(got, " ") != "p r" {
		t.Errorf("people: supporting %v, want [p r]", got)
	}
}

// TestDisputeNeedsOneSubject: two reports of where two different films
// topped the charts are no dispute on the place.
func TestDisputeNeedsOneSubject(t *testing.T) {
	mk := func(bText, bSays string) (*accord.Corpus, accord.Conflict) {
		a := annotated("a", "Harbour Lights topped the box office charts in Norland last weekend.", "")
		b := annotated("b", bText, "")
		c := accord.NewCorpus([]*accord.Document{a, b}, accord.Options{})
		ia, ib := strings.Index(a.Text, "Norland"), strings.Index(b.Text, bSays)
		return c, accord.Conflict{Kind: accord.ConflictOther, Subkind: "place", Documents: []string{"a", "b"},
			Sides: []accord.ConflictSide{{Says: "Norland", Documents: []string{"a"}}, {Says: bSays, Documents: []string{"b"}}},
			Evidence: []accord.SpanRef{
				{Document: "a", Start: ia, End: ia + len("Norland"), Text: "Norland"},
				{Document: "b", Start: ib, End: ib + len(bSays), Text: bSays},
			}}
	}
	c, cf := mk("The film Quay Street has topped the box office chart in Sudavia.", "Sudavia")
	if got := disputeSentence(c, cf); got != "" {
		t.Errorf("two films: %q, want no dispute", got)
	}
	c, cf = mk("Harbour Lights has topped the box office chart in Sudavia.", "Sudavia")
	if got := disputeSentence(c, cf); !strings.HasPrefix(got, "Sources disagree on the place") {
		t.Errorf("one film: %q, want a dispute", got)
	}
}

// TestWordingReadsAlone: a quotation whose speaker is a pronoun, and two
// sentences the splitter left joined, are left out; a lone quotation
// opening a passage before a sentence that reads alone is dropped.
func TestWordingReadsAlone(t *testing.T) {
	c := accord.NewCorpus(nil, accord.Options{})
	for s, want := range map[string]bool{
		"“We did not play well against the harbour side,” he said.":                     true,
		"The money would pay for free ferries for the elderly, he said.":                true,
		"“We did not play well against the harbour side,” coach Lee Marr said.":         false,
		"“We did not play well,” he told reporters, Lee Marr said.":                     false,
		"The Act will cover the harbour from next year. Similar rules come in the bay.": true,
		"Mr. Marr said the pier opened at 5 p.m. Monday as planned.":                    false,
		"The pier will open on Monday.":                                                 false,
	} {
		if got := dangling(c, accord.SpanRef{}, s); got != want {
			t.Errorf("dangling(%q) = %v, want %v", s, got, want)
		}
	}
	for in, want := range map[string]string{
		"\"I think we got it right.\" Mr Marr said voters faced a clear choice at the next election.": "Mr Marr said voters faced a clear choice at the next election.",
		"\"I think we got it right.\" Mr Marr said so.":                                               "\"I think we got it right.\" Mr Marr said so.",
		"\"I think we got it right,\" Mr Marr said of the harbour plan.":                              "\"I think we got it right,\" Mr Marr said of the harbour plan.",
	} {
		if got := stripLoneQuote(in); got != want {
			t.Errorf("stripLoneQuote(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFragment: a piece of a hard-wrapped line is no sentence; a headline
// is.
func TestFragment(t *testing.T) {
	c := accord.NewCorpus(nil, accord.Options{})
	for s, want := range map[string]bool{
		"of its harbour operations to Pier Partners, which":               true,
		"Harbour ferry sales rose 12 pct in the year from":                true,
		"Harbour ferry sales rise in the year":                            false,
		"The ferry will run on Monday, the council said,":                 true,
		"The ferry ran, raising hopes of a “regular crossing”":            false,
		"The ferry will run on Monday (the council said).":                false,
		"Pier Partners said its harbour trade rose 12 pct in the year.":   false,
		"21.7 mln dlrs or 46 cts per share from sale of its ferry unit":   true,
		"$4.5 mln in fees from the harbour authority.":                    true,
		"1987 was a record year for the harbour ferry, the council said.": false,
	} {
		if got := dangling(c, accord.SpanRef{}, s); got != want {
			t.Errorf("dangling(%q) = %v, want %v", s, got, want)
		}
	}
}
