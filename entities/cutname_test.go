package entities

import (
	"strings"
	"testing"
)

// TestCutNames: a word news never shows, capitalised inside a sentence right
// after a tagged name, is decoded as part of that name (the structured
// tagger cut "Ava | DuQuesnoy" to an ORG "Ava" and nothing). Invented names.
func TestCutNames(t *testing.T) {
	for _, tc := range []struct{ text, want, typ string }{
		{"Critics say that Ava DuQuesnoy is more careful than most.", "Ava DuQuesnoy", "PERSON"},
		{"The best thing that Ava DuQuesnoy did was to leave early.", "Ava DuQuesnoy", "PERSON"},
		{"Critics say that Zora VanHouten is more careful than most.", "Zora VanHouten", "PERSON"},
	} {
		d := annotate(t, "x", tc.text)
		var got []string
		ok := false
		for _, m := range d.Mentions {
			if m.Kind != "name" {
				continue
			}
			got = append(got, m.Text+"/"+m.Type)
			if m.Text == tc.want && m.Type == tc.typ {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: names %s, want %s/%s", tc.text, strings.Join(got, ", "), tc.want, tc.typ)
		}
	}
}

func TestCutNamesWords(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	// Known words, acronyms, lower-case words, non-letters and the first
	// word are never cuts.
	for _, tc := range []struct {
		words []string
		tags  []int
		want  int // index of the cut, -1 none
	}{
		{[]string{"that", "Ava", "DuQuesnoy", "is"}, []int{tagO, tagBORG, tagO, tagO}, 2},
		{[]string{"that", "Ava", "Monday", "is"}, []int{tagO, tagBORG, tagO, tagO}, -1},
		{[]string{"that", "Ava", "QXZW", "is"}, []int{tagO, tagBORG, tagO, tagO}, -1},
		{[]string{"that", "Ava", "duquesnoy", "is"}, []int{tagO, tagBORG, tagO, tagO}, -1},
		{[]string{"that", "Ava", "Du-Quesnoy", "is"}, []int{tagO, tagBORG, tagO, tagO}, -1},
		{[]string{"DuQuesnoy", "is"}, []int{tagO, tagO}, -1},
		{[]string{"that", "ava", "DuQuesnoy", "is"}, []int{tagO, tagO, tagO, tagO}, -1},
	} {
		cuts := cutNames(m.Sentence(tc.words), tc.tags)
		got := -1
		if len(cuts) > 0 {
			got = cuts[0]
		}
		if got != tc.want || len(cuts) > 1 {
			t.Errorf("%v: cuts %v, want %d", tc.words, cuts, tc.want)
		}
	}
}
