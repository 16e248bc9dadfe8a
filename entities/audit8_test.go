package entities

import (
	"strings"
	"testing"
)

// TestPlatformAfterSpeech: "said on X", "posted on X" name where something
// was said, not a place; a place the lexicon knows stays one ("speaking on
// Cuba"). Invented sentences; without the repair the tagger's LOC reads as
// GPE.
func TestPlatformAfterSpeech(t *testing.T) {
	for _, tc := range []struct{ text, name, typ string }{
		{`"We will listen," Jo Quarles said on Twitter, "but we have been clear."`, "Twitter", "ORG"},
		{"The minister later posted on Facebook that the plan was dead.", "Facebook", "ORG"},
		{"She wrote on Instagram that she was sorry.", "Instagram", "ORG"},
		{"He said on Cuba that the talks had failed.", "Cuba", "GPE"},
		{"The ban on Cuba was lifted.", "Cuba", "GPE"},
	} {
		checkName(t, tc.text, tc.name, tc.typ)
	}
}

// checkName: the text has a name mention exactly name, of type typ.
func checkName(t *testing.T, text, name, typ string) {
	t.Helper()
	d := annotate(t, "x", text)
	var got []string
	for _, m := range d.Mentions {
		if m.Kind != "name" {
			continue
		}
		got = append(got, m.Text+"/"+m.Type)
		if m.Text == name && m.Type == typ {
			return
		}
	}
	t.Errorf("%q: names %s, want %s/%s", text, strings.Join(got, ", "), name, typ)
}

// TestAuditRepairs: span-level repairs with the tagger's spans given.
// Invented sentences.
func TestAuditRepairs(t *testing.T) {
	for _, tc := range []struct {
		text string
		in   []span
		want string
	}{
		// a name of capitalised common words cut at "and"
		{"not without our Regional Allies and Partners , it said", []span{{3, 5, clsORG}}, "Regional Allies and Partners/ORG"},
		{"the Office for Budget and Management said so", []span{{1, 4, clsORG}}, "Office for Budget and Management/ORG"},
		// two names joined by "and" stay two
		{"the Harbour Insider and Fitch said so", []span{{1, 3, clsORG}}, "Harbour Insider/ORG"},
		{"the Harbour Insider and Think Secret websites", []span{{1, 3, clsORG}}, "Harbour Insider/ORG"},
		{"Mr Quarles and Partners said so", []span{{1, 2, clsPER}}, "Quarles/PER"},
		// a title opening a band's or a film's name
		{"members of King Marmalade and others", []span{{2, 4, clsPER}}, "King Marmalade/PER"},
		{"the film Coach Saucepan opened", []span{{2, 4, clsPER}}, "Coach Saucepan/PER"},
		// a title before a person's name is cut as before
		{"visited by Prince Alwaleed on Monday", []span{{2, 4, clsPER}}, "Alwaleed/PER"},
		{"with Princess Marguerite of Ruritania", []span{{1, 3, clsPER}}, "Marguerite/PER"},
		{"with Prince Charles on Monday", []span{{1, 3, clsPER}}, "Charles/PER"},
		// a month or a weekday after a first name is a surname
		{"Delia May , the spokeswoman , said so", []span{{0, 2, clsPER}}, "Delia May/PER"},
		{"coach John Friday said so", []span{{1, 3, clsPER}}, "John Friday/PER"},
		// a date after a name is cut as before
		{"Quarrington Monday said so", []span{{0, 2, clsPER}}, "Quarrington/PER"},
		{"Delia May 5 said so", []span{{0, 2, clsPER}}, "Delia/PER"},
		{"John Tomorrow said so", []span{{0, 2, clsPER}}, "John/PER"},
	} {
		words := strings.Fields(tc.text)
		got := strings.Join(repairSpans(t, words, tc.in), "; ")
		if got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.text, got, tc.want)
		}
	}
}

// TestBareCompanies: a one-word name the tagger reads as a person is an
// organization when the document says so ("its profits", "shares in X",
// "X, which", "X, a mining firm") and nothing says it is a person.
// Invented names.
func TestBareCompanies(t *testing.T) {
	for _, tc := range []struct{ text, name, typ string }{
		{"Zarvoline said its profits rose by 5% last year.", "Zarvoline", "ORG"},
		{"Zarvoline, a Swiss mining firm, said profits rose. Zarvoline said more jobs would go.", "Zarvoline", "ORG"},
		{"Shares in Zarvoline fell sharply. Zarvoline said the cuts would continue.", "Zarvoline", "ORG"},
		{"Zarvoline said his profits rose by 5% last year.", "Zarvoline", "PERSON"},
		{"Zarvoline, who runs the group, said profits rose. Zarvoline said its future was bright.", "Zarvoline", "PERSON"},
	} {
		checkName(t, tc.text, tc.name, tc.typ)
	}
}

// TestLeftCuts: a word news writes capitalised, left out just before a
// name other than a person's, is re-decoded as the name's first word.
func TestLeftCuts(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		words []string
		tags  []int
		want  int // index of the cut, -1 none
	}{
		{[]string{"the", "Liberal", "Democrats", "said"}, []int{tagO, tagO, tagBMISC, tagO}, 1},
		{[]string{"Liberal", "Democrats", "said"}, []int{tagO, tagBMISC, tagO}, -1},                        // opens the sentence
		{[]string{"the", "Liberal", "Jo", "Smith", "said"}, []int{tagO, tagO, tagBPER, tagIPER, tagO}, -1}, // before a person
		{[]string{"the", "Actor", "Guild", "said"}, []int{tagO, tagO, tagBORG, tagO}, -1},                  // a common word
		{[]string{"the", "Chancellor", "Group", "said"}, []int{tagO, tagO, tagBORG, tagO}, -1},             // a title
		{[]string{"the", "LIBERAL", "Democrats", "said"}, []int{tagO, tagO, tagBMISC, tagO}, -1},           // capitals
	} {
		cuts := leftCuts(m.Sentence(tc.words), tc.tags)
		got := -1
		if len(cuts) > 0 {
			got = cuts[0]
		}
		if got != tc.want || len(cuts) > 1 {
			t.Errorf("%v: cuts %v, want %d", tc.words, cuts, tc.want)
		}
	}
	checkName(t, "The Liberal Democrats have argued for flexibility in deciding access rules.", "Liberal Democrats", "ORG")
	checkName(t, "The Liberal Democrat leader will visit the temple in Neasden.", "Liberal Democrat", "ORG")
}
