package brief

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/quantity"
	"github.com/accord-news/accord/text"
)

func TestStripEmptyAttribution(t *testing.T) {
	c := accord.NewCorpus(nil, accord.Options{})
	tests := []struct{ in, want string }{
		{"According to the recent development., the ferry has carried about 400 passengers a day.", "The ferry has carried about 400 passengers a day."},
		{"According to the latest developments, the bridge reopened.", "The bridge reopened."},
		{"According to city intelligence, the bridge reopened.", "According to city intelligence, the bridge reopened."},
		{"According to Harbour Police, the bridge reopened.", "According to Harbour Police, the bridge reopened."},
		{"According to officials, the bridge reopened.", "According to officials, the bridge reopened."},
		{"According to reports, the bridge reopened.", "According to reports, the bridge reopened."},
		{"According to sources, the bridge reopened.", "According to sources, the bridge reopened."},
		{"According to the recent development, it reopened.", "According to the recent development, it reopened."},
	}
	for _, tc := range tests {
		if got := stripEmptyAttribution(c, accord.Claim{Statement: tc.in}, tc.in); got != tc.want {
			t.Errorf("stripEmptyAttribution(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestQuoteAround(t *testing.T) {
	s := "While the vote on Tuesday ended in a tie, the council said it would meet again."
	a := strings.Index(s, "Tuesday")
	if got, want := quoteAround(s, a, a+len("Tuesday")), "“the vote on Tuesday ended in a tie”"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	s = "On Tuesday, the council approved the new ferry timetable."
	a = strings.Index(s, "Tuesday")
	if got, want := quoteAround(s, a, a+len("Tuesday")), "“On Tuesday, the council approved the new ferry timetable”"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	s = "he told reporters on Tuesday that the ferry would run."
	a = strings.Index(s, "Tuesday")
	if got := quoteAround(s, a, a+len("Tuesday")); got != "" {
		t.Errorf("a clause opening on a pronoun was quoted: %s", got)
	}
}

func TestSupportedAgreement(t *testing.T) {
	a := &accord.Document{ID: "a", Text: "The ferry carried about 400 passengers on its first day, the operator said."}
	b := &accord.Document{ID: "b", Text: "Some four hundred riders took the new ferry on Monday."}
	ok := "Two independent sources give the same figure: “The ferry carried about 400 passengers on its first day”; “Some four hundred riders took the new ferry on Monday”."
	if !Supported(ok, []*accord.Document{a, b}) {
		t.Errorf("own words rejected: %v", Unsupported(ok, []*accord.Document{a, b}))
	}
	if Supported(ok, []*accord.Document{b, a}) {
		t.Error("quotations credited to the wrong documents accepted")
	}
	bad := "Two independent sources give the same figure: “The ferry carried about 400 passengers”; “Some four hundred riders took the ferry on Monday”."
	if Supported(bad, []*accord.Document{a, b}) {
		t.Error("a quotation that is no document's text accepted")
	}
}

// TestIsFigure: counts, amounts and measures of something are figures;
// a decade read as a count ("nineteen sixties"), a duration placing
// something in time ("two years ago") and a bare number are not; an age is
// a figure said to be "the same age".
func TestIsFigure(t *testing.T) {
	tests := []struct {
		text     string
		fig, age bool
	}{
		{"The club was founded in the nineteen sixties by friends.", false, false},
		{"A 15-year-old boy was hurt.", true, true},
		{"About 100,000 troops massed.", true, false},
		{"The deal is worth $160 million.", true, false},
		{"He served two decades in prison.", true, false},
		{"The election comes two years after the death of the president.", false, false},
		{"Talks began three weeks before the release.", false, false},
		{"The vote was held two years ago.", false, false},
		{"Prices rose 12 percent.", true, false},
		{"The road is 5 km long.", true, false},
		{"The agency said 12 were hurt.", false, false},
		// Windows of time are shared by reports of different things.
		{"The economy grew at an annual rate in the three months to September.", false, false},
		{"Rates have been on hold for the past three months.", false, false},
		{"Exports rose over the next two years.", false, false},
		{"The plant will close within six weeks.", false, false},
		{"He was jailed for three months.", true, false},
	}
	for _, tc := range tests {
		d := &accord.Document{Text: tc.text}
		_ = text.New().Annotate(d)
		_ = quantity.New().Annotate(d)
		fig, age := false, false
		for i := range d.Quantities {
			if q := &d.Quantities[i]; isFigure(q) && !timeReference(q, d.Text) {
				fig, age = true, age || isAge(q)
			}
		}
		if fig != tc.fig || age != tc.age {
			t.Errorf("%q (%+v): figure %v age %v, want %v %v", tc.text, d.Quantities, fig, age, tc.fig, tc.age)
		}
	}
}

// TestAgreementKinds: two independent documents giving a claim's quantity
// in other words agree on "the same figure" for a count, on "the same age
// for <person>" for an age of one person both name, and on nothing for a
// decade.
func TestAgreementKinds(t *testing.T) {
	tests := []struct {
		a, b, want string
	}{
		{"About 400 passengers rode the harbour ferry on its first day.", "The new harbour ferry carried some 400 passengers on Monday.",
			"Two independent sources give the same figure: “About 400 passengers rode the harbour ferry on its first day”; “The new harbour ferry carried some 400 passengers on Monday”."},
		// An age is someone's: the sentence names the one person both
		// passages name, and says nothing when they name none or others.
		{"The 15-year-old swimmer Tamsin Orrey crossed the harbour channel alone.", "The 15-year-old Orrey reached the far shore of the harbour before noon.",
			"Two independent sources give the same age for Tamsin Orrey: “The 15-year-old swimmer Tamsin Orrey crossed the harbour channel alone”; “The 15-year-old Orrey reached the far shore of the harbour before noon”."},
		{"A 15-year-old swimmer crossed the harbour channel alone.", "The 15-year-old girl reached the far shore of the harbour before noon.", ""},
		{"The 15-year-old swimmer Tamsin Orrey crossed the harbour channel alone.", "The 15-year-old Bryn Calder reached the far shore of the harbour before noon.", ""},
		{"The harbour ferry first ran in the nineteen sixties with two decks.", "Ferries have crossed the harbour since the nineteen sixties, records show.", ""},
	}
	for _, tc := range tests {
		a := &accord.Document{ID: "a", Outlet: "Harbour Times", Text: tc.a}
		b := &accord.Document{ID: "b", Outlet: "Coast Daily", Text: tc.b}
		for _, d := range []*accord.Document{a, b} {
			_ = text.New().Annotate(d)
			_ = quantity.New().Annotate(d)
		}
		c := accord.NewCorpus([]*accord.Document{a, b}, accord.Options{})
		cl := accord.Claim{Statement: tc.a, Kind: "number", Documents: []string{"a", "b"}, Status: "corroborated", Evidence: []accord.SpanRef{
			{Document: "a", Start: 0, End: len(tc.a), Text: tc.a},
			{Document: "b", Start: 0, End: len(tc.b), Text: tc.b},
		}}
		got, docs := keyer{}.agreement(c, cl, nil)
		if got != tc.want {
			t.Errorf("agreement:\n got %q\nwant %q", got, tc.want)
		}
		if got != "" && !Supported(got, []*accord.Document{a, b}) {
			t.Errorf("unsupported %v: %q (%v)", docs, got, Unsupported(got, []*accord.Document{a, b}))
		}
	}
}

// TestDateAgreementNeedsParticipant: a day is shared by many happenings,
// so two passages agree on a date only when they name someone the
// statement names (canonical entities: "U.S." is "United States").
func TestDateAgreementNeedsParticipant(t *testing.T) {
	mention := func(d *accord.Document, name, typ, id string) {
		i := strings.Index(d.Text, name)
		d.Mentions = append(d.Mentions, accord.Mention{Span: accord.Span{Start: i, End: i + len(name)}, Text: name, Type: typ, Kind: accord.MentionName, EntityID: id})
	}
	tests := []struct {
		a, b   string
		names  [][4]string // document, name, type, entity
		agrees bool
	}{
		{"On Monday, Norland and Sudavia began border talks in Lisvik.", "While the talks on Monday ended without a deal, N. officials said more would follow.",
			[][4]string{{"a", "Norland", "GPE", "E1"}, {"a", "Sudavia", "GPE", "E2"}, {"b", "N.", "GPE", "E1"}}, true},
		{"Harbour United beat Lisvik Rovers in the cup on Sunday.", "Port Athletic lost their cup match at home on Sunday.",
			[][4]string{{"a", "Harbour United", "ORG", "E1"}, {"a", "Lisvik Rovers", "ORG", "E2"}, {"b", "Port Athletic", "ORG", "E3"}}, false},
	}
	for _, tc := range tests {
		a := &accord.Document{ID: "a", Outlet: "Harbour Times", Text: tc.a}
		b := &accord.Document{ID: "b", Outlet: "Coast Daily", Text: tc.b}
		docs := map[string]*accord.Document{"a": a, "b": b}
		for _, d := range []*accord.Document{a, b} {
			_ = text.New().Annotate(d)
		}
		for _, n := range tc.names {
			mention(docs[n[0]], n[1], n[2], n[3])
		}
		c := accord.NewCorpus([]*accord.Document{a, b}, accord.Options{})
		cl := accord.Claim{Statement: tc.a, Kind: "event", Documents: []string{"a", "b"}, Status: "corroborated", Evidence: []accord.SpanRef{
			{Document: "a", Start: 0, End: len(tc.a), Text: tc.a},
			{Document: "b", Start: 0, End: len(tc.b), Text: tc.b},
		}}
		got, _ := keyer{}.agreement(c, cl, nil)
		if (got != "") != tc.agrees {
			t.Errorf("%q / %q: agreement %q, want agrees=%v", tc.a, tc.b, got, tc.agrees)
		}
	}
}
