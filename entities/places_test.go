package entities

import (
	"context"
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

func TestCountrySense(t *testing.T) {
	us := countrySense("US")
	if us == 0 {
		t.Fatal("US: no country sense")
	}
	for _, w := range []string{"USA", "U.S.", "America"} {
		if got := countrySense(w); got != us {
			t.Errorf("%s: sense %d, want US's %d", w, got, us)
		}
	}
	for _, w := range []string{"Russia", "England", "Ukraine", "Japan"} {
		if countrySense(w) == 0 {
			t.Errorf("%s: not a country", w)
		}
	}
	for _, w := range []string{"Moscow", "Washington", "Paris", "NATO", "Europe", "United States", "apple", "Apple"} {
		if countrySense(w) != 0 {
			t.Errorf("%s: a country", w)
		}
	}
	if countrySense("Russia") == us || countrySense("England") == countrySense("Britain") {
		t.Error("distinct countries share a sense")
	}
}

func TestIsStructure(t *testing.T) {
	if !isStructure("Kremlin") {
		t.Error("Kremlin: not a structure")
	}
	for _, w := range []string{"Moscow", "Russia", "NATO", "Apple", "Pentagon", "Europe", "White House"} {
		if isStructure(w) {
			t.Errorf("%s: a structure", w)
		}
	}
}

func TestFragments(t *testing.T) {
	for _, c := range []struct {
		in        string
		want, not []string
	}{
		{in: "On the other hand, the State Department spokesperson said talks would go on.",
			want: []string{"State Department/ORG"}, not: []string{"State/ORG"}},
		{in: "The Permanent Council of the alliance will meet on Thursday in Vienna.",
			want: []string{"Permanent Council/ORG"}, not: []string{"Council/ORG"}},
		{in: "NATO and Russia will hold a NATO-Russia meeting in Brussels on Wednesday.",
			not: []string{"NATO-Russia/OTHER", "NATO-Russia/ORG"}},
		{in: "They spoke of the Intermediate-Range Nuclear Forces Treaty, which lapsed.",
			not: []string{"Intermediate-Range/ORG", "Intermediate-Range/OTHER"}},
		{in: "Shares of Mercedes-Benz rose sharply in Frankfurt on Monday.",
			want: []string{"Mercedes-Benz/"}}, // kept (the tagger's type aside)
		{in: "The statement was released by White House press secretary Jane Smith.",
			want: []string{"White House/ORG"}},
	} {
		got := nameTypes(t, c.in)
		j := "; " + strings.Join(got, "; ") + "; "
		for _, w := range c.want {
			if !strings.Contains(j, "; "+w+"; ") && !(strings.HasSuffix(w, "/") && strings.Contains(j, "; "+w)) {
				t.Errorf("%q: names %s, want %s", c.in, j, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(j, "; "+w+"; ") {
				t.Errorf("%q: names %s, must not have %s", c.in, j, w)
			}
		}
	}
}

func TestLinkCountries(t *testing.T) {
	docs := []*accord.Document{
		annotate(t, "a", "The United States said on Monday that it would talk. The US said in a statement that talks go on. The US said more."),
		annotate(t, "b", "Officials in the United States met Russian officials in Geneva. The United States wants calm."),
		annotate(t, "c", "Russian officials have told America that they had no plans to move troops."),
		annotate(t, "d", "The USA and its allies met in Vienna on Thursday."),
	}
	c := accord.NewCorpus(docs, accord.Options{})
	if err := NewCorpus().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	var us []accord.Entity
	for _, e := range c.Entities {
		for _, a := range e.Aliases {
			if a == "US" || a == "United States" || a == "America" || a == "USA" {
				us = append(us, e)
				break
			}
		}
	}
	if len(us) != 1 || us[0].Type != "GPE" {
		for _, e := range us {
			t.Errorf("entity %s %s %v", e.Name, e.Type, e.Aliases)
		}
	}
}

func TestCountryNotClub(t *testing.T) {
	if countrySense("Albion") != 0 {
		t.Error("Albion (a club's name in the gazetteer) taken for a country")
	}
	got := strings.Join(nameTypes(t, "Arab and Israeli leaders met in Paris for Arab-Israeli talks."), "; ")
	if !strings.Contains(got, "Arab-Israeli/") {
		t.Errorf("Arab-Israeli dropped: %s", got)
	}
}
