package entities

import (
	"strings"
	"testing"
)

// TestSurnameHonorificGender: "Mr Dorr" after "Aaron Dorr" and a later
// "Greta Dorr" (a first name of unknown gender) joins Aaron's chain, and
// the chains' genders come out of first names and honorifics.
func TestSurnameHonorificGender(t *testing.T) {
	txt := "The singer Aaron Dorr faces trial in Ohio.\n\nMr Dorr denies the charges. His mother Greta Dorr told reporters on Sunday that her son was innocent. \"I know his character,\" she said. Describing Mr Dorr as a kind person, she said she feared he would not get a fair trial."
	d := annotate(t, "g", txt)
	chainOf := func(off int) int {
		for _, m := range d.Mentions {
			if m.Start == off {
				return m.Chain
			}
		}
		t.Fatalf("no mention at %d", off)
		return -1
	}
	aaron := chainOf(strings.Index(txt, "Aaron"))
	greta := chainOf(strings.Index(txt, "Greta"))
	lastMr := chainOf(strings.LastIndex(txt, "Dorr as"))
	if aaron < 0 || greta < 0 || aaron == greta {
		t.Fatalf("chains: Aaron %d, Greta %d", aaron, greta)
	}
	if lastMr != aaron {
		t.Errorf("the last \"Mr Dorr\" is in chain %d, want Aaron's %d (Greta's is %d)", lastMr, aaron, greta)
	}
	if she := chainOf(strings.Index(txt, "she said")); she != greta {
		t.Errorf("\"she said\" is in chain %d, want Greta's %d", she, greta)
	}
	g := ChainGenders(d)
	// Greta: no known first name, no honorific; her pronouns are no
	// evidence.
	if g[aaron] != "m" || g[greta] != "" {
		t.Errorf("genders: Aaron %q, Greta %q; want m and none", g[aaron], g[greta])
	}
}

func TestHonorificBefore(t *testing.T) {
	for _, c := range []struct {
		txt  string
		want int
	}{
		{"said Mr. Roe", genderMale}, {"said Mrs Roe", genderFemale}, {"Lady Roe", genderFemale},
		{"Roe", genderUnknown}, {"the Roe", genderUnknown},
	} {
		off := strings.LastIndex(c.txt, "Roe")
		if got := honorificBefore(c.txt, off); got != c.want {
			t.Errorf("%q: %d, want %d", c.txt, got, c.want)
		}
	}
}
