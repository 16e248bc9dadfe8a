package entities

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
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

// repairSpans runs the span repairs over one sentence of words with the
// tagger's spans given (class per span), and returns "words/CLS" per span.
func repairSpans(t *testing.T, words []string, cs []span) []string {
	t.Helper()
	var ws []word
	var sb strings.Builder
	for i, w := range words {
		if i > 0 {
			sb.WriteByte(' ')
		}
		ws = append(ws, word{accord.Span{Start: sb.Len(), End: sb.Len() + len(w)}, w})
		sb.WriteString(w)
	}
	a := &annotator{d: &accord.Document{ID: "x", Text: sb.String()}, sents: [][]word{ws}}
	var out []string
	for _, r := range a.repair(0, cs) {
		out = append(out, strings.Join(words[r.i:r.j], " ")+"/"+classNames[r.cls])
	}
	return out
}

// TestTitleThenName: a title opening an organization span before one
// surname-like word leaves a person ("President/ORG Smith/ORG"); a name the
// tagger calls an organization after a title written in lower case is a
// person when its words are not common words. Invented sentences.
func TestTitleThenName(t *testing.T) {
	w1 := strings.Fields("An adviser to President Quarrington said so .")
	w2 := strings.Fields("Shares in General Motors fell .")
	w3 := strings.Fields("the panel 's chairman Trevor Phillips said so .")
	w4 := strings.Fields("the fund manager Matrix Asset Advisors said so .")
	w5 := strings.Fields("the official No Campaign said so .")
	for _, tc := range []struct {
		words []string
		in    []span
		want  string
	}{
		{w1, []span{{3, 5, clsORG}}, "Quarrington/PER"},
		{w2, []span{{2, 4, clsORG}}, "General Motors/ORG"},
		{w3, []span{{4, 6, clsORG}}, "Trevor Phillips/PER"},
		{w4, []span{{3, 6, clsORG}}, "Matrix Asset Advisors/ORG"},
		{w5, []span{{2, 4, clsORG}}, "No Campaign/ORG"},
	} {
		got := strings.Join(repairSpans(t, tc.words, tc.in), "; ")
		if got != tc.want {
			t.Errorf("%s: got %s, want %s", strings.Join(tc.words, " "), got, tc.want)
		}
	}
}
