package entities

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

func annotate(t testing.TB, id, s string) *accord.Document {
	t.Helper()
	d := &accord.Document{ID: id, Text: s}
	if err := text.New().Annotate(d); err != nil {
		t.Fatal(err)
	}
	if err := New().Annotate(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestShape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Ryabkov", "Xx"}, {"U.S.", "X.X."}, {"1996-08-22", "d-d-d"}, {"iPhone", "xXx"}, {"", ""}, {"Ñandú", "Xx"},
	} {
		if got := Shape(c.in); got != c.want {
			t.Errorf("Shape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAcronymAndKeys(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Organization for Security and Co-operation in Europe", "OSCE"},
		{"Organisation for Security and Cooperation in Europe", "OSCE"},
		{"North Atlantic Treaty Organization", "NATO"},
		{"European Union", "EU"},
		{"Apple", ""},
		{"the organization of states", ""},
	} {
		if got := Acronym(c.in); got != c.want {
			t.Errorf("Acronym(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range [][2]string{
		{"Organisation for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe"},
		{"Apple Inc.", "Apple"},
		{"The Ministry of Defence", "Ministry of Defense"},
	} {
		if NormKey(c[0]) != NormKey(c[1]) {
			t.Errorf("NormKey(%q) = %q != NormKey(%q) = %q", c[0], NormKey(c[0]), c[1], NormKey(c[1]))
		}
	}
}

func TestFirstCompatible(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"sergei", "sergey", true}, {"sergei", "s", true}, {"", "wendy", true}, {"john", "joan", false},
		{"wendy", "sergei", false}, {"alexander", "aleksandr", true}, {"ann", "anne", false},
	} {
		if got := firstCompatible(c.a, c.b); got != c.want {
			t.Errorf("firstCompatible(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestNormalizeRole(t *testing.T) {
	for _, c := range [][2]string{
		{"the deputy foreign minister", "Deputy Foreign Minister"},
		{"Deputy Secretary of State", "Deputy Secretary of State"},
		{"a secretary-general", "Secretary-General"},
		{"CEO", "CEO"},
	} {
		if got := normalizeRole(c[0]); got != c[1] {
			t.Errorf("normalizeRole(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

func TestFineType(t *testing.T) {
	for _, c := range []struct {
		cls  int
		in   string
		want string
	}{
		{1, "jens stoltenberg", "PERSON"}, {2, "nato", "ORG"}, {3, "vienna", "GPE"}, {3, "middle east", "LOC"},
		{3, "danube river", "LOC"}, {4, "russian", "NORP"}, {4, "americans", "NORP"}, {4, "world cup", "EVENT"},
		{4, "patriot act", "LAW"}, {4, "windows", "OTHER"},
	} {
		if got := fineType(c.cls, strings.Fields(c.in)); got != c.want {
			t.Errorf("fineType(%d, %q) = %q, want %q", c.cls, c.in, got, c.want)
		}
	}
}

// roleOf returns the roles (normalized "Role/Org") given to the name mention
// whose text is holder.
func roleOf(d *accord.Document, holder string) []string {
	var out []string
	for _, r := range d.Roles {
		if r.Mention >= 0 && r.Mention < len(d.Mentions) && d.Mentions[r.Mention].Text == holder {
			out = append(out, r.Role+"/"+r.Organization)
		}
	}
	sort.Strings(out)
	return out
}

func TestRoles(t *testing.T) {
	for _, c := range []struct {
		text   string
		holder string
		want   string // "" = no role
	}{
		{"Wendy Sherman, the Deputy Secretary of State, and Sergey Ryabkov, the Russian Deputy Foreign Minister, met in Geneva.", "Wendy Sherman", "Deputy Secretary of State/"},
		{"Wendy Sherman, the Deputy Secretary of State, and Sergey Ryabkov, the Russian Deputy Foreign Minister, met in Geneva.", "Sergey Ryabkov", "Deputy Foreign Minister/Russian"},
		{"NATO Secretary-General Jens Stoltenberg said the alliance was ready.", "Jens Stoltenberg", "Secretary-General/NATO"},
		{"Russia's Foreign Minister Sergei Lavrov spoke to reporters in Moscow.", "Sergei Lavrov", "Foreign Minister/Russia"},
		{"The talks were led by Sergei A Ryabkov, who is a Russian deputy foreign minister.", "Sergei A Ryabkov", "Deputy Foreign Minister/Russian"},
		{"Angela Merkel, the German Chancellor, arrived in Paris on Monday.", "Angela Merkel", "Chancellor/German"},
		{"Peter Smith said the market was calm.", "Peter Smith", ""},
		{"Russia's deputy foreign minister, Sergei Ryabkov, said the talks were difficult.", "Sergei Ryabkov", "Deputy Foreign Minister/Russia"},
		{"The company's chief executive, Tim Cook, said sales rose.", "Tim Cook", "Chief Executive/"},
		{"He met the minister, and Peter Smith said nothing.", "Peter Smith", ""},
		{"Speaking after Ryabkov, US Ambassador to the OSCE Michael Carpenter said talks would go on.", "Ryabkov", ""},
		{"US Deputy Secretary of State John Bolton met Russian officials.", "John Bolton", "Deputy Secretary of State/US"},
		{"Jen Psaki, the White House press secretary, said on Friday that talks would continue.", "Jen Psaki", "Press Secretary/White House"},
		// A portfolio may join a name of no person or place with "and".
		{"He spoke with Anna Kovalenko, Ukraine's deputy prime minister for Europe and Euro-Atlantic Integration, on Monday.", "Anna Kovalenko", "Deputy Prime Minister for Europe and Euro-Atlantic Integration/Ukraine"},
	} {
		d := annotate(t, "t", c.text)
		got := roleOf(d, c.holder)
		if c.want == "" {
			if len(got) != 0 {
				t.Errorf("%q: %s got roles %v, want none", c.text, c.holder, got)
			}
			continue
		}
		found := false
		for _, g := range got {
			if g == c.want {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: %s got roles %v, want %q (mentions %v)", c.text, c.holder, got, c.want, mentionTexts(d))
		}
	}
}

func mentionTexts(d *accord.Document) []string {
	var out []string
	for _, m := range d.Mentions {
		out = append(out, m.Text+"/"+m.Type+"/"+m.Kind)
	}
	return out
}

func TestCoref(t *testing.T) {
	s := "Russian Deputy Foreign Minister Sergei A. Ryabkov arrived in Geneva on Sunday. " +
		"Mr Ryabkov told reporters that he expected difficult talks. " +
		"Wendy Sherman said she was ready. Ryabkov later left the building."
	d := annotate(t, "t", s)
	chainOf := func(text string, kind string) []int {
		var out []int
		for _, m := range d.Mentions {
			if m.Text == text && (kind == "" || m.Kind == kind) {
				out = append(out, m.Chain)
			}
		}
		return out
	}
	full := chainOf("Sergei A. Ryabkov", accord.MentionName)
	bare := chainOf("Ryabkov", accord.MentionName)
	he := chainOf("he", accord.MentionPronoun)
	she := chainOf("she", accord.MentionPronoun)
	sherman := chainOf("Wendy Sherman", accord.MentionName)
	if len(full) != 1 || len(bare) != 2 || len(he) != 1 || len(she) != 1 || len(sherman) != 1 {
		t.Fatalf("mentions: %v", mentionTexts(d))
	}
	for _, c := range append(append([]int{}, bare...), he...) {
		if c != full[0] || c < 0 {
			t.Errorf("chain %d, want %d: %v", c, full[0], d.Mentions)
		}
	}
	if she[0] != sherman[0] || she[0] == full[0] {
		t.Errorf("she -> chain %d, Sherman %d, Ryabkov %d", she[0], sherman[0], full[0])
	}
}

func checkSpans(t testing.TB, d *accord.Document) {
	for _, m := range d.Mentions {
		if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End || d.Text[m.Start:m.End] != m.Text {
			t.Fatalf("bad mention %+v in %q", m, d.Text)
		}
		if !utf8.ValidString(m.Text) && utf8.ValidString(d.Text) {
			t.Fatalf("mention splits a rune: %+v", m)
		}
	}
	for _, r := range d.Roles {
		if r.Mention < 0 || r.Mention >= len(d.Mentions) || r.Start < 0 || r.End > len(d.Text) || r.Start >= r.End {
			t.Fatalf("bad role %+v", r)
		}
	}
}

func TestBadInput(t *testing.T) {
	for _, s := range []string{"", " ", "\xff\xfe", "Mr", "'s", "A.", "He said.", strings.Repeat("Foo ", 2000), "“”’", "The the the of of", "Mr. . . ,"} {
		d := annotate(t, "t", s)
		checkSpans(t, d)
	}
	// Layers missing entirely: the stage tokenizes itself.
	d := &accord.Document{Text: "Jens Stoltenberg visited Vienna."}
	if err := New().Annotate(d); err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{"Wendy Sherman, the Deputy Secretary of State, said he was.", "US Secretary of State Antony Blinken", "\xffA. B. ’s", "OSCE (Organization for Security)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := annotate(t, "f", s)
		checkSpans(t, d)
		c := accord.NewCorpus([]*accord.Document{d}, accord.Options{})
		if err := NewCorpus().Analyze(context.Background(), c); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzReadModel(f *testing.F) {
	f.Add(modelData[:200])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		ReadModel(b) // must not panic
	})
}

func loadSeeds(t testing.TB) []*accord.Document {
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seed fixtures")
	}
	var docs []*accord.Document
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(fn), ".txt")
		docs = append(docs, annotate(t, id, string(b)))
	}
	return docs
}

func TestSeedsLinker(t *testing.T) {
	docs := loadSeeds(t)
	c := accord.NewCorpus(docs, accord.Options{})
	if err := NewCorpus().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	byAlias := map[string]*accord.Entity{}
	for i := range c.Entities {
		e := &c.Entities[i]
		for _, a := range e.Aliases {
			byAlias[a] = e
		}
		if e.ID == "" || len(e.Mentions) == 0 {
			t.Errorf("entity %+v", e)
		}
		for _, m := range e.Mentions {
			d := c.Doc(m.Document)
			if d == nil || d.Slice(accord.Span{Start: m.Start, End: m.End}) != m.Text {
				t.Errorf("bad mention %+v", m)
			}
		}
	}
	same := func(names ...string) {
		t.Helper()
		var id string
		for _, n := range names {
			e := byAlias[n]
			if e == nil {
				t.Errorf("no entity for %q", n)
				return
			}
			if id == "" {
				id = e.ID
			} else if e.ID != id {
				t.Errorf("%q is %s (%s), want %s", n, e.ID, e.Name, id)
			}
		}
	}
	same("Sergei Ryabkov", "Sergey Ryabkov", "Sergei A Ryabkov", "Ryabkov")
	same("OSCE", "Organization for Security and Co-operation in Europe")
	same("Wendy Sherman", "Sherman")
	// One country, however written and however the tagger typed its
	// metonymic uses ("the US said": ORG).
	same("United States", "US", "U.S.", "USA", "America")
	same("Russia", "Russian Federation")
	if e := byAlias["US"]; e != nil && e.Type != "GPE" {
		t.Errorf("US: type %s, want GPE", e.Type)
	}
	// Another spelling of the expansion joins it (the greedy tagger cut this
	// one short, "... and Cooperation", and the linker joined the cut name to
	// the full one; the structured tagger reads it whole).
	if byAlias["Organization for Security and Cooperation"] != nil {
		same("Organization for Security and Cooperation", "OSCE")
	} else {
		same("Organization for Security and Cooperation in Europe", "OSCE")
	}
	for _, e := range c.Entities {
		switch e.Name {
		case "State", "Council", "Intermediate-Range", "Euro-Atlantic", "NATO-Russia":
			t.Errorf("fragment entity %s (%s)", e.Name, e.Type)
		case "Kremlin", "White House":
			if e.Type != "ORG" {
				t.Errorf("%s: type %s, want ORG", e.Name, e.Type)
			}
		}
	}
	if a, b := byAlias["Wendy Sherman"], byAlias["John Bolton"]; a != nil && b != nil && a.ID == b.ID {
		t.Error("Sherman and Bolton merged")
	}
	if a, b := byAlias["Sergei Ryabkov"], byAlias["Sergei Lavrov"]; a != nil && b != nil && a.ID == b.ID {
		t.Error("Ryabkov and Lavrov merged")
	}
	roleDocs := func(name, role string) int {
		e := byAlias[name]
		if e == nil {
			return 0
		}
		for _, r := range e.Roles {
			if r.Role == role {
				return len(r.Documents)
			}
		}
		return 0
	}
	if n := roleDocs("Wendy Sherman", "Deputy Secretary of State"); n < 2 {
		t.Errorf("Sherman: Deputy Secretary of State in %d documents; roles %+v", n, byAlias["Wendy Sherman"].Roles)
	}
	if n := roleDocs("John Bolton", "Deputy Secretary of State"); n != 1 {
		t.Errorf("Bolton: Deputy Secretary of State in %d documents, want 1", n)
	}
	if n := roleDocs("Sergei Ryabkov", "Deputy Foreign Minister"); n < 3 {
		t.Errorf("Ryabkov: roles %+v", byAlias["Sergei Ryabkov"].Roles)
	}
	if e := byAlias["Jens Stoltenberg"]; e != nil && roleDocs("Jens Stoltenberg", "Deputy Secretary of State") > 0 {
		t.Error("title leaked to Stoltenberg")
	}
	// Deterministic: a second run gives the same entities.
	c2 := accord.NewCorpus(loadSeeds(t), accord.Options{})
	NewCorpus().Analyze(context.Background(), c2)
	if len(c2.Entities) != len(c.Entities) {
		t.Fatalf("non-deterministic: %d vs %d entities", len(c.Entities), len(c2.Entities))
	}
	for i := range c.Entities {
		if c.Entities[i].ID != c2.Entities[i].ID || c.Entities[i].Name != c2.Entities[i].Name {
			t.Errorf("non-deterministic entity %d: %s/%s vs %s/%s", i, c.Entities[i].ID, c.Entities[i].Name, c2.Entities[i].ID, c2.Entities[i].Name)
		}
	}
}

func BenchmarkAnnotate(b *testing.B) {
	docs := loadSeeds(b)
	var total int
	for _, d := range docs {
		total += len(d.Text)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			New().Annotate(d)
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
}

func TestSeedRolesPrint(t *testing.T) {
	if os.Getenv("PRINT") == "" {
		t.Skip()
	}
	c := accord.NewCorpus(loadSeeds(t), accord.Options{})
	NewCorpus().Analyze(context.Background(), c)
	for _, e := range c.Entities {
		if e.Type == "PERSON" || len(e.Roles) > 0 {
			t.Logf("%s %s %s %v", e.ID, e.Name, e.Type, e.Aliases)
			for _, r := range e.Roles {
				o := ""
				if r.Organization != nil {
					o = *r.Organization
				}
				t.Logf("    %s / %s %v", r.Role, o, r.Documents)
			}
		}
	}
}

func TestConcurrent(t *testing.T) {
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	done := make(chan *accord.Document)
	for _, fn := range files {
		go func(fn string) {
			b, _ := os.ReadFile(fn)
			d := &accord.Document{ID: fn, Text: string(b)}
			text.New().Annotate(d)
			New().Annotate(d)
			done <- d
		}(fn)
	}
	for range files {
		checkSpans(t, <-done)
	}
}

func TestOrgNominals(t *testing.T) {
	for _, c := range []struct{ text, nominal, name string }{
		{"NATO Secretary-General Jens Stoltenberg met officials. The alliance said it would not change.", "The alliance", "NATO"},
		{"Apple Computer released a phone on Monday. The company said sales were strong.", "The company", "Apple Computer"},
	} {
		d := annotate(t, "t", c.text)
		nom, name := -2, -3
		for _, m := range d.Mentions {
			if m.Text == c.nominal && m.Kind == accord.MentionNominal {
				nom = m.Chain
			}
			if m.Text == c.name && m.Kind == accord.MentionName {
				name = m.Chain
			}
		}
		if nom != name {
			t.Errorf("%q: %q chain %d, %q chain %d: %v", c.text, c.nominal, nom, c.name, name, mentionTexts(d))
		}
	}
}

func BenchmarkReadModel(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := ReadModel(modelData); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPronounPreferences(t *testing.T) {
	for _, c := range []struct{ text, pronoun, want string }{
		// subject of the nearest sentence, not the last name in it
		{"Peter Smith met Michael Jones in London on Monday. He said the talks went well.", "He", "Peter Smith"},
		// a name inside a quote is not the speaker
		{"Peter Smith spoke on Monday.\n“We will never trust Michael Jones,” he said.", "he", "Peter Smith"},
	} {
		d := annotate(t, "t", c.text)
		pc, wc := -2, -3
		for _, m := range d.Mentions {
			if m.Text == c.pronoun && m.Kind == accord.MentionPronoun {
				pc = m.Chain
			}
			if m.Text == c.want && m.Kind == accord.MentionName {
				wc = m.Chain
			}
		}
		if pc != wc {
			t.Errorf("%q: %q chain %d, %q chain %d: %v", c.text, c.pronoun, pc, c.want, wc, mentionTexts(d))
		}
	}
}

func TestHeadlineProjection(t *testing.T) {
	d := annotate(t, "t", "Obama Sees Personal Insult If Black Voters Stay Home\nPresident Obama said on Saturday that he would take it personally.\n")
	var head []string
	for _, m := range d.Mentions {
		if m.End <= 52 && m.Kind == accord.MentionName {
			head = append(head, m.Text+"/"+m.Type)
		}
	}
	if len(head) != 1 || head[0] != "Obama/PERSON" {
		t.Errorf("headline mentions %v, want [Obama/PERSON]", head)
	}
}
