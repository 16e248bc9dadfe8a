package brief

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

// mention is a name, its type and its canonical entity, for names().
type mention struct{ text, typ, id string }

// names adds name mentions to d (each at its first place not yet taken).
func names(d *accord.Document, ms ...mention) *accord.Document {
	from := map[string]int{}
	for _, m := range ms {
		i := strings.Index(d.Text[from[m.text]:], m.text) + from[m.text]
		from[m.text] = i + len(m.text)
		d.Mentions = append(d.Mentions, accord.Mention{Span: accord.Span{Start: i, End: i + len(m.text)}, Text: m.text, Type: m.typ, Kind: accord.MentionName, EntityID: m.id})
	}
	return d
}

// TestCitationByEntity: a company's statement is not cited to a passage
// about another company, though both names end in "Corp"; the entity
// stage's canonical ids tell them apart, and join "PLN" to "Pierline
// Corp".
func TestCitationByEntity(t *testing.T) {
	const out = "said its February harbour ferry output declined to 35,661 from 39,823 a year ago."
	p := names(withFigures("p", "Harbour Times", "Pierline Corp "+out), mention{"Pierline Corp", "ORG", "E1"})
	q := names(withFigures("q", "Coast Daily", "Bayline Corp "+out), mention{"Bayline Corp", "ORG", "E2"})
	r := names(withFigures("r", "Bay News", "PLN "+out), mention{"PLN", "ORG", "E1"})
	s := withFigures("s", "Dock Weekly", "The company "+out)
	// The company is named in the sentence before ("… said on Monday." /
	// "Its February …").
	const prev = "Bayline Corp reported on Monday. "
	u := names(withFigures("u", "Quay Post", prev+"Its February harbour ferry output declined to 35,661 from 39,823 a year ago."), mention{"Bayline Corp", "ORG", "E2"})
	c := accord.NewCorpus([]*accord.Document{p, q, r, s, u}, accord.Options{})
	cl := wholeClaim(p, q, r, s, u)
	cl.Evidence[4].Start, cl.Evidence[4].Text = len(prev), u.Text[len(prev):]
	if got := (keyer{}).supportingDocs(c, cl, nil); strings.Join(got, " ") != "p r s" {
		t.Errorf("supporting %v, want [p r s]", got)
	}
	for n, want := range map[string]string{"General Motors Corp": "motors", "Pierline Corp.": "pierline", "Corp": "corp", "Smith's": "smith"} {
		if got := lastNameWord(n); got != want {
			t.Errorf("lastNameWord(%q) = %q, want %q", n, got, want)
		}
	}
}

// TestFigureAgreementParticipants: the names compared are those of the
// clause holding the figure, and participants only: a rival both name in
// another clause, or a competition both go for, makes no two teams' wins
// one fact.
func TestFigureAgreementParticipants(t *testing.T) {
	stmt := names(withFigures("a", "Harbour Times", "Harbourside are going for their first Quay Cup since 1948 after two opening wins, and Norland represent their sternest test so far."),
		mention{"Harbourside", "GPE", "E1"}, mention{"Quay Cup", "OTHER", "E9"}, mention{"Norland", "GPE", "E3"})
	other := names(withFigures("b", "Coast Daily", "Winger Tam Vellor says Bayford can claim another Quay Cup despite two lacklustre wins so far against Norland."),
		mention{"Tam Vellor", "PERSON", "E4"}, mention{"Bayford", "GPE", "E2"}, mention{"Quay Cup", "OTHER", "E9"}, mention{"Norland", "GPE", "E3"})
	same := names(withFigures("c", "Bay News", "Harbourside have two opening wins behind them and face Norland at home."),
		mention{"Harbourside", "GPE", "E1"}, mention{"Norland", "GPE", "E3"})
	for _, tc := range []struct {
		b      *accord.Document
		agrees bool
	}{{other, false}, {same, true}} {
		c := accord.NewCorpus([]*accord.Document{stmt, tc.b}, accord.Options{})
		if got, _ := (keyer{}).agreement(c, wholeClaim(stmt, tc.b), nil); (got != "") != tc.agrees {
			t.Errorf("%q: agreement %q, want agrees=%v", tc.b.Text, got, tc.agrees)
		}
	}
}

// TestFigureAgreementClause: a statement naming no one agrees on words of
// the clause holding its figure only, with a passage that names no other
// subject for it.
func TestFigureAgreementClause(t *testing.T) {
	const stmt = "Bakery sales rose by 0.3% in the quarter, while grocery store sales were up 0.5%."
	const said = " Quayside said so." // a tagged name outside the sentences
	for _, tc := range []struct {
		b      string
		named  []mention
		agrees bool
	}{
		// "rose", "quarter": words of the bakery clause.
		{"Sales at the riverside shops rose by 0.5% in the quarter.", nil, false},
		// The Pierside chain's own stores.
		{"Sales at the 49 Pierside stores were up 0.5% on a year earlier.", []mention{{"Pierside", "ORG", "E5"}}, false},
		{"Grocery store sales were up 0.5%, the trade body said.", nil, true},
	} {
		a := names(withFigures("a", "Harbour Times", stmt+said), mention{"Quayside", "ORG", "E6"})
		b := names(withFigures("b", "Coast Daily", tc.b+said), append(tc.named, mention{"Quayside", "ORG", "E6"})...)
		c := accord.NewCorpus([]*accord.Document{a, b}, accord.Options{})
		cl := accord.Claim{Statement: stmt, Kind: "number", Status: "corroborated", Documents: []string{"a", "b"},
			Evidence: []accord.SpanRef{{Document: "a", Start: 0, End: len(stmt), Text: stmt}, {Document: "b", Start: 0, End: len(tc.b), Text: tc.b}}}
		if got, _ := (keyer{}).agreement(c, cl, nil); (got != "") != tc.agrees {
			t.Errorf("%q: agreement %q, want agrees=%v", tc.b, got, tc.agrees)
		}
	}
}

// TestDistanceFromPlace: distances measured from different places, or in
// different directions, are different figures.
func TestDistanceFromPlace(t *testing.T) {
	const stmt = "The Harbour Queen sank about 25 miles east of Portmoor, the coastguard said."
	for b, agrees := range map[string]bool{
		"The Harbour Queen went down about 25 miles north-west of Bayford, rescuers said.": false,
		"The Harbour Queen went down about 25 miles west of Portmoor, rescuers said.":      false,
		"The Harbour Queen went down some 25 miles east of Portmoor, rescuers said.":       true,
	} {
		a := withFigures("a", "Harbour Times", stmt)
		d := withFigures("b", "Coast Daily", b)
		c := accord.NewCorpus([]*accord.Document{a, d}, accord.Options{})
		if got, _ := (keyer{}).agreement(c, wholeClaim(a, d), nil); (got != "") != agrees {
			t.Errorf("%q: agreement %q, want agrees=%v", b, got, agrees)
		}
	}
}
