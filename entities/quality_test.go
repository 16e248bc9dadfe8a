package entities

import (
	"context"
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

// nameTypes lists "Text/TYPE" for the name mentions of d.
func nameTypes(t *testing.T, s string) []string {
	t.Helper()
	d := annotate(t, "x", s)
	var out []string
	for _, m := range d.Mentions {
		if m.Kind == "name" {
			out = append(out, m.Text+"/"+m.Type)
		}
	}
	return out
}

func TestTitleBeforeName(t *testing.T) {
	for _, c := range []struct {
		in        string
		want, not []string
		role      [2]string // holder, role
	}{
		{in: "US Secretary of State Antony Blinken stated that he expects no breakthrough.",
			want: []string{"US/GPE", "Antony Blinken/PERSON"}, not: []string{"Antony/PERSON"},
			role: [2]string{"Antony Blinken", "Secretary of State"}},
		{in: "Later, State Division Speaker Ned Cost stated on Wednesday that talks go on.",
			want: []string{"State Division/ORG", "Ned Cost/PERSON"}, role: [2]string{"Ned Cost", "Speaker"}},
		// The tagger leaves the organization out: it is still a name of its
		// own; a sentence-initial adverb is not part of it.
		{in: "Then Foreign Office Spokesman Jo Marten said talks go on.",
			want: []string{"Foreign Office/ORG", "Jo Marten/PERSON"}, not: []string{"Then Foreign Office/ORG"},
			role: [2]string{"Jo Marten", "Spokesman"}},
		{in: "General Motors Chairman Mary Barra spoke to reporters in Detroit.",
			want: []string{"General Motors/ORG", "Mary Barra/PERSON"}, role: [2]string{"Mary Barra", "Chairman"}},
		{in: "President Obama Monday said he would veto the bill.",
			want: []string{"Obama/PERSON"}, not: []string{"Obama Monday/PERSON"}},
		{in: "Deputy Secretary of State Wendy Sherman met the press.",
			want: []string{"Wendy Sherman/PERSON"}, role: [2]string{"Wendy Sherman", "Deputy Secretary of State"}},
		{in: "General Motors said sales rose.", want: []string{"General Motors/ORG"}},
	} {
		got := nameTypes(t, c.in)
		j := strings.Join(got, "; ")
		for _, w := range c.want {
			if !strings.Contains("; "+j+"; ", "; "+w+"; ") {
				t.Errorf("%q: names %s, want %s", c.in, j, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains("; "+j+"; ", "; "+w+"; ") {
				t.Errorf("%q: names %s, must not have %s", c.in, j, w)
			}
		}
		for _, m := range got {
			if strings.Contains(m, "Secretary") || strings.Contains(m, "Speaker") || strings.Contains(m, "Chairman") {
				t.Errorf("%q: a title inside a name: %s", c.in, m)
			}
		}
		if c.role[0] != "" {
			d := annotate(t, "x", c.in)
			rs := roleOf(d, c.role[0])
			if !strings.Contains(strings.Join(rs, "|"), c.role[1]) {
				t.Errorf("%q: roles of %s = %v, want %s", c.in, c.role[0], rs, c.role[1])
			}
		}
	}
}

func TestOtherSurnameJoinsPerson(t *testing.T) {
	type nm struct{ text, typ string }
	for _, tc := range []struct {
		name  string
		names [][]nm // per document
		a, b  string
		same  bool
	}{
		{"OTHER surname of one person", [][]nm{{{"Jane Doerr", "PERSON"}}, {{"Doerr", "OTHER"}}}, "Doerr", "Jane Doerr", true},
		{"ORG named like a person keeps apart", [][]nm{{{"Henry Ford", "PERSON"}}, {{"Ford", "ORG"}}}, "Ford", "Henry Ford", false},
		{"two people share the surname", [][]nm{{{"Jane Doerr", "PERSON"}, {"Karl Doerr", "PERSON"}}, {{"Doerr", "OTHER"}}}, "Doerr", "Jane Doerr", false},
		{"a nationality is not a surname", [][]nm{{{"Tom Italian", "PERSON"}}, {{"Italian", "OTHER"}}}, "Italian", "Tom Italian", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var docs []*accord.Document
			for k, ns := range tc.names {
				text := ""
				var ms []accord.Mention
				for ci, n := range ns {
					text += "Today "
					ms = append(ms, accord.Mention{Span: accord.Span{Start: len(text), End: len(text) + len(n.text)}, Text: n.text, Type: n.typ, Kind: accord.MentionName, Chain: ci})
					text += n.text + " spoke. "
				}
				docs = append(docs, &accord.Document{ID: string(rune('a' + k)), Text: text, Mentions: ms})
			}
			c := accord.NewCorpus(docs, accord.Options{})
			if err := NewCorpus().Analyze(context.Background(), c); err != nil {
				t.Fatal(err)
			}
			ea, eb := entityOf(c, tc.a), entityOf(c, tc.b)
			if ea == nil || eb == nil {
				t.Fatalf("missing entity")
			}
			if (ea == eb) != tc.same {
				t.Fatalf("%q (%s %v) and %q (%s %v): same = %v, want %v", tc.a, ea.ID, ea.Aliases, tc.b, eb.ID, eb.Aliases, ea == eb, tc.same)
			}
			if tc.same && ea.Type != "PERSON" {
				t.Errorf("type %s, want PERSON", ea.Type)
			}
		})
	}
}

func TestSentenceInitialCommonWord(t *testing.T) {
	for _, c := range []struct {
		in, word string
		keep     bool
	}{
		{"Talks ended on Thursday.\n\n'Drumbeat of war is sounding loud': US envoy to the alliance\n\nThe envoy said the rhetoric had become shrill.", "Drumbeat", false},
		{"MINSK 1996-08-22\n\nTalks ended on Thursday in the capital.", "MINSK", true},
		{"Paris is calm. Officials in Paris said the talks went well.", "Paris", true},
	} {
		got := nameTypes(t, c.in)
		found := false
		for _, g := range got {
			if strings.HasPrefix(g, c.word+"/") {
				found = true
			}
		}
		if found != c.keep {
			t.Errorf("%q: names %v; %s kept = %v, want %v", c.in, got, c.word, found, c.keep)
		}
	}
}

func TestMiddleInitial(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
		not  []string
	}{
		{in: "The talks were led by Sergei A Ryabkov, a deputy minister.", want: []string{"Sergei A Ryabkov/PERSON"}},
		{in: "The talks were led by Ivan K. Petrovsky, a deputy minister.", want: []string{"Ivan K. Petrovsky/PERSON"}},
		{in: "Mary J Blige sang.", want: []string{"Mary J Blige/PERSON"}},
		{in: "Then I Said No was played.", not: []string{"Then I Said/PERSON"}},
	} {
		got := nameTypes(t, c.in)
		j := strings.Join(got, "; ")
		for _, w := range c.want {
			if !strings.Contains("; "+j+"; ", "; "+w+"; ") {
				t.Errorf("%q: names %s, want %s", c.in, j, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains("; "+j+"; ", "; "+w+"; ") {
				t.Errorf("%q: names %s, must not have %s", c.in, j, w)
			}
		}
	}
}
