package claims

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

// Sentences whose predicates are antonyms ("have fallen" / "have risen")
// state two facts, however many words they share.
func TestOpposedPredicatesDoNotCorroborate(t *testing.T) {
	c := run(t,
		titled("a", "Norland lending", "Norland mortgage approvals for house purchases have fallen sharply in the last month, the Kestrel Bank said.\n"),
		titled("b", "Norland housing", "Norland mortgage approvals for house purchases have risen sharply in the last month, the Kestrel Bank said.\n"))
	for _, cl := range claimsWith(c, "approvals") {
		if len(cl.Documents) > 1 {
			t.Errorf("fallen and risen corroborate: %+v", cl)
		}
	}
	// Control: the same verb corroborates.
	c = run(t,
		titled("a", "Norland lending", "Norland mortgage approvals for house purchases have fallen sharply in the last month, the Kestrel Bank said.\n"),
		titled("b", "Norland housing", "Norland mortgage approvals for house purchases fell sharply in the last month, according to the Kestrel Bank.\n"))
	found := false
	for _, cl := range claimsWith(c, "approvals") {
		found = found || len(cl.Documents) > 1
	}
	if !found {
		t.Errorf("one fall not corroborated: %+v", c.Claims)
	}
}

func TestAntonymTable(t *testing.T) {
	a := antonyms()
	has := func(x, y string) bool {
		for _, z := range a[x] {
			if z == y {
				return true
			}
		}
		return false
	}
	for _, p := range [][2]string{{"rise", "fall"}, {"win", "lose"}, {"increase", "decrease"}} {
		if !has(p[0], p[1]) || !has(p[1], p[0]) {
			t.Errorf("%v not antonyms", p)
		}
	}
	if has("buy", "sell") {
		t.Errorf("buy/sell (one sale from its two sides) taken for antonyms")
	}
}

// A figure measures its noun with its modifiers: "£35bn of cuts" (of
// spending) and "£4bn in tax cuts" are figures of two things.
func TestNumberNeedsSameModifiers(t *testing.T) {
	tests := []struct {
		name, odd string
		conflict  bool
	}{
		{"other modifier", "Minister Jane Corvo said the Norland party has promised £35bn of cuts to public services.", false},
		{"same modifier", "Minister Jane Corvo said the Norland party has promised £35bn in tax cuts to public services.", true},
	}
	for _, tc := range tests {
		a := "Minister Jane Corvo said the Norland party has promised £4bn in tax cuts to public services."
		b := "Minister Jane Corvo said the Norland party plans tax cuts worth £4bn to public services."
		c := run(t, doc("a", a), doc("b", b), doc("c", tc.odd))
		if got := hasConflict(c, accord.ConflictNumber); got != tc.conflict {
			t.Errorf("%s: number conflict %v, want %v (%+v)", tc.name, got, tc.conflict, c.Conflicts)
		}
	}
}

// Two notices of one form about two companies share the names of an
// exchange or an agency, not a subject.
func TestNoticesOfTwoCompanies(t *testing.T) {
	notice := func(co string) string {
		return co + " said its common stock will continue to be quoted on the Harbour Dealers Exchange system due to an exception from its capital rules.\n"
	}
	for _, same := range []bool{false, true} {
		other := "Pellwick Tractor Corp"
		if same {
			other = "Harlow Baler Corp"
		}
		c := run(t,
			titled("a", "HARLOW BALER CORP <HBC> GETS EXCEPTION", notice("Harlow Baler Corp")),
			titled("b", strings.ToUpper(other)+" GETS EXCEPTION", notice(other)))
		corroborated := false
		for _, cl := range claimsWith(c, "Harbour Dealers Exchange") {
			corroborated = corroborated || len(cl.Documents) > 1
		}
		if corroborated != same {
			t.Errorf("same company %v: corroborated %v (%+v)", same, corroborated, c.Claims)
		}
	}
}

// A bid stated by a copula ("the opening bid ... was $8bn") and a price
// paid ("bought the unit for $9.3bn") are figures of two things.
func TestBidIsNoPrice(t *testing.T) {
	a := "State-owned Corvane bought the Kestrel unit for $9.3bn in a sale forced by Norland."
	b := "State-owned Corvane bought the Kestrel unit for $9.3bn after Norland forced a sale."
	for _, tc := range []struct {
		odd      string
		conflict bool
	}{
		{"State-owned Corvane said the opening bid for the Kestrel unit was $8bn in a sale forced by Norland.", false},
		{"State-owned Corvane bought the Kestrel unit for $8bn in a sale forced by Norland.", true},
	} {
		c := run(t, doc("a", a), doc("b", b), doc("c", tc.odd))
		if got := hasConflict(c, accord.ConflictNumber); got != tc.conflict {
			t.Errorf("%q: number conflict %v, want %v (%+v)", tc.odd, got, tc.conflict, c.Conflicts)
		}
	}
}
