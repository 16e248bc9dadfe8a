package entities

import (
	"context"
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

// Round 10 (companies read as persons, titles of works): invented sentences,
// each failing before its fix.

// A company's name the tagger reads as a person's: a corporate suffix ends
// it, the document names it in full with one, or a noun of its kind stands
// before it ("press distributor X") or after it ("X daily said").
func TestCompaniesReadAsPersons(t *testing.T) {
	for _, tc := range []struct{ text, name, typ string }{
		{"The bid by Tomas Wrede SA was rejected.", "Tomas Wrede SA", "ORG"},
		{"Dorvane Kepple Industries Inc said on Friday it completed the purchase . Dorvane Kepple completes purchase .",
			"Dorvane Kepple", "ORG"},
		{"Talks with Bruno Herzig , a rival bidder , failed . The bid was backed by press distributor Kasper Vell . Kasper Vell would pay $ 10 a share .",
			"Kasper Vell", "ORG"},
		{"Rival bids came in on Friday , Gazeta Mlynska daily said on Saturday . Gazeta Mlynska said its publisher had also bid .",
			"Gazeta Mlynska", "ORG"},
		// a person's name keeps its type whatever the weak cues say
		{"In 1940 the air force under Hermann Gotting began its bombing of the city.", "Hermann Gotting", "PERSON"},
		{"The award went to the film . Producer Shogo Tamiyaki said the film would open in May . The film by Shogo Tamiyaki is long .",
			"Shogo Tamiyaki", "PERSON"},
		{"Flavio Cetti , the chairman of the Organisation for Security , said the talks went well.", "Flavio Cetti", "PERSON"},
	} {
		checkName(t, tc.text, tc.name, tc.typ)
	}
}

// Titles of works in quotation marks after a work noun, and the titles
// listed after them, are one name each (OTHER), whatever the tagger made of
// their words; title-case quotes without such a cue are left to the tagger.
func TestQuotedWorks(t *testing.T) {
	for _, tc := range []struct{ text, name, typ string }{
		{`The actor is best known for " Salt in the Harbour " and " Marrow of Umbria " .`, "Salt in the Harbour", "OTHER"},
		{`The actor is best known for " Salt in the Harbour " and " Marrow of Umbria " .`, "Marrow of Umbria", "OTHER"},
		{`His 1992 film " Robert Kestley " was banned in three countries .`, "Robert Kestley", "OTHER"},
		{`Her other novels translate as " In the Month of Rain " ( 1963 ) and " The Quiet Harbour " ( 1975 ) .`, "In the Month of Rain", "OTHER"},
		{`Her other novels translate as " In the Month of Rain " ( 1963 ) and " The Quiet Harbour " ( 1975 ) .`, "The Quiet Harbour", "OTHER"},
	} {
		checkName(t, tc.text, tc.name, tc.typ)
	}
	// no cue: the tagger's names stand
	d := annotate(t, "x", `Protesters chanted " Robert Kestley Out " outside the hall .`)
	for _, m := range d.Mentions {
		if m.Type == "OTHER" && m.Text == "Robert Kestley Out" {
			t.Errorf("uncued quote read as a title: %v", m)
		}
	}
}

// A place and its club are two entities (TestPlaceAndNamesakeKeptApart), but
// the tagger's type of each document's chain is not always right: a chain
// whose own mentions say "place" ("in X", "the X athlete") or "club" ("X v
// Y", "X 2 Y 1", "the X prop") more often than its type takes the other
// type and joins that entity.
func TestNamesakeChainsSorted(t *testing.T) {
	docs := []*accord.Document{
		taggedDoc("a", "Fires burned near Leicester on Monday.", [2]string{"Leicester", "GPE"}),
		taggedDoc("b", "Officials in Leicester said the roads were shut.", [2]string{"Leicester", "GPE"}),
		taggedDoc("c", "Leicester 2 Bristol 1", [2]string{"Leicester", "ORG"}, [2]string{"Bristol", "ORG"}),
		taggedDoc("d", "Saturday: Leicester v Bristol", [2]string{"Leicester", "GPE"}, [2]string{"Bristol", "GPE"}),
		taggedDoc("e", "The Leicester athlete won the race easily.", [2]string{"Leicester", "ORG"}),
		taggedDoc("f", "Bristol beat Derby 3-0.", [2]string{"Bristol", "ORG"}, [2]string{"Derby", "ORG"}),
		taggedDoc("g", "A factory in Bristol closed.", [2]string{"Bristol", "GPE"}),
	}
	c := accord.NewCorpus(docs, accord.Options{})
	if err := NewCorpus().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	typeOf := map[string]string{} // doc|name -> entity type
	for _, e := range c.Entities {
		for _, m := range e.Mentions {
			typeOf[m.Document+"|"+m.Text] = e.Type
		}
	}
	for k, want := range map[string]string{"a|Leicester": "GPE", "c|Leicester": "ORG", "d|Leicester": "ORG",
		"d|Bristol": "ORG", "e|Leicester": "GPE", "g|Bristol": "GPE"} {
		if typeOf[k] != want {
			t.Errorf("%s: entity type %q, want %s", k, typeOf[k], want)
		}
	}
}

// A results table's club and its town's bracketed initial are one name,
// whether the tagger left the letters out or read them as a name; a
// person's bracket and a longer bracketed word are not joined.
func TestBracketQualifier(t *testing.T) {
	for _, tc := range []struct {
		text string
		in   []span
		want string
	}{
		{"Hajduk 2 Kovacevo ( Z ) 0", []span{{0, 1, clsORG}, {2, 3, clsORG}, {4, 5, clsORG}}, "Hajduk/ORG; Kovacevo ( Z )/ORG"},
		{"Zemun 1 Kovacevo ( BJ ) 0", []span{{0, 1, clsORG}, {2, 3, clsORG}}, "Zemun/ORG; Kovacevo ( BJ )/ORG"},
		{"Senator Jo Kovac ( R ) voted", []span{{1, 3, clsPER}}, "Jo Kovac/PER"},
		{"the Kovac Bank ( UKB ) said", []span{{1, 3, clsORG}}, "Kovac Bank/ORG"},
	} {
		words := strings.Fields(tc.text)
		got := strings.Join(repairSpans(t, words, tc.in), "; ")
		if got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.text, got, tc.want)
		}
	}
}
