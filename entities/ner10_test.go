package entities

import "testing"

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
