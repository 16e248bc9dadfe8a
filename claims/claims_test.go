package claims

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/quantity"
	"github.com/accord-news/accord/text"
)

func doc(id, body string) *accord.Document {
	d := &accord.Document{ID: id, Text: body}
	text.New().Annotate(d)
	quantity.New().Annotate(d)
	return d
}

func run(t *testing.T, docs ...*accord.Document) *accord.Corpus {
	t.Helper()
	c := accord.NewCorpus(docs, accord.Options{})
	if err := New().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	for _, cf := range c.Conflicts {
		for _, e := range cf.Evidence {
			if d := c.Doc(e.Document); d == nil || d.Slice(accord.Span{Start: e.Start, End: e.End}) != e.Text {
				t.Fatalf("bad evidence span %+v", e)
			}
		}
	}
	return c
}

func seeds(t *testing.T) []*accord.Document {
	t.Helper()
	files, _ := filepath.Glob("testdata/0*.txt")
	sort.Strings(files)
	var out []*accord.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")[:3]
		out = append(out, doc(id, string(b)))
	}
	if len(out) != 5 {
		t.Fatalf("want 5 seeds, got %d", len(out))
	}
	return out
}

func hasConflict(c *accord.Corpus, kind string, texts ...string) bool {
	for _, cf := range c.Conflicts {
		if cf.Kind == kind && quotesAll(cf.Summary, cf.Evidence, texts) {
			return true
		}
	}
	return false
}

func TestSeeds(t *testing.T) {
	ds := seeds(t)
	// 002 and 004 both relay TASS for Ryabkov's "dead-end" remark.
	for _, d := range ds {
		if d.ID == "002" || d.ID == "004" {
			i := strings.Index(d.Text, "TASS")
			d.Citations = append(d.Citations, accord.Citation{Span: accord.Span{Start: i, End: i + 4}, Outlet: "TASS"})
		}
	}
	c := run(t, ds...)
	if !hasConflict(c, accord.ConflictSpeaker, "Bolton", "Sherman") {
		t.Errorf("speaker conflict Bolton/Sherman not found: %+v", c.Conflicts)
	}
	if !hasConflict(c, accord.ConflictRole, "Bolton", "Sherman") {
		t.Errorf("role conflict Bolton/Sherman (Deputy Secretary of State) not found: %+v", c.Conflicts)
	}
	for _, cf := range c.Conflicts {
		if cf.Kind == accord.ConflictNumber {
			t.Errorf("false number conflict: %s", cf.Summary)
		}
	}
	// 100,000 and one lakh are one value.
	var v []float64
	for _, d := range ds {
		for _, q := range d.Quantities {
			if q.Counts == "troop" {
				v = append(v, q.Value)
			}
		}
	}
	if len(v) < 2 {
		t.Fatalf("troop quantities: %v", v)
	}
	for _, x := range v {
		if x != 100000 {
			t.Errorf("troop value %v", x)
		}
	}
	// The dead-end claim: 002 and 004 count once.
	found := false
	for _, cl := range c.Claims {
		if !strings.Contains(cl.Statement, "dead-end") {
			continue
		}
		found = true
		in := map[string]bool{}
		for _, id := range cl.Documents {
			in[id] = true
		}
		want := len(cl.Documents)
		if in["002"] && in["004"] {
			want--
		}
		if cl.IndependentSources != want {
			t.Errorf("dead-end claim: %d independent sources for %v", cl.IndependentSources, cl.Documents)
		}
		if !in["002"] || !in["004"] {
			t.Errorf("dead-end claim not matched across 002 and 004: %v", cl.Documents)
		}
	}
	if !found {
		t.Error("no dead-end claim")
	}
	// A document is evidence for a claim only when its sentence states it:
	// 003's Ryabkov quote about escalation shares only his name and title
	// with 000's account of his arrival.
	for _, cl := range c.Claims {
		all := ""
		for _, e := range cl.Evidence {
			all += " | " + e.Text
		}
		if strings.Contains(all, "escorted by the Swiss police") && strings.Contains(all, "escalatory scenario") {
			t.Errorf("claim joins sentences sharing only a name: %+v", cl)
		}
		if cl.Kind == "quote" && !hasQuotation(cl.Statement) {
			t.Errorf("claim without quotation has kind quote: %q", cl.Statement)
		}
	}
	// The troop figure (000, 004; 002 spins 004) is one claim.
	troops := false
	for _, cl := range c.Claims {
		in := strings.Join(cl.Documents, " ")
		if strings.Contains(cl.Statement, "troops") && strings.Contains(in, "000") && strings.Contains(in, "004") && cl.IndependentSources >= 2 {
			troops = true
			if cl.Kind != "number" {
				t.Errorf("troop claim kind %q", cl.Kind)
			}
		}
	}
	if !troops {
		t.Error("troop figure of 000 and 004 not corroborated")
	}
	// The talks are corroborated by several independent sources.
	corr := 0
	for _, cl := range c.Claims {
		if cl.Status == accord.StatusCorroborated {
			corr++
		}
	}
	if corr == 0 {
		t.Error("no corroborated claim")
	}
}

// Each case: documents (one per line block) and the conflict expected, or
// none. Groups are one per document unless noted.
func TestConflictKinds(t *testing.T) {
	tests := []struct {
		name string
		docs []string
		kind string // "" for no conflict
		odd  string // text the conflict must point at
	}{
		{"number", []string{
			"The man who killed four people in a brazen courthouse escape was sentenced on Saturday.",
			"A judge sentenced the man who killed four people in a courthouse escape to life.",
			"The man who killed nine people during a brazen courthouse escape was sentenced.",
		}, accord.ConflictNumber, "nine people"},
		{"number words and rounding are no conflict", []string{
			"Police said the gunman fired 12 shots at the crowd near the station.",
			"Police said the gunman fired twelve shots at the crowd outside the station.",
			"Witnesses said the gunman fired about 12 shots at the crowd near the station.",
			"The back rushed for 404 yards and scored two touchdowns in the game.",
			"He rushed for about 400 yards and scored two touchdowns in the game.",
			"In the game he rushed for 404 yards and scored two touchdowns.",
		}, "", ""},
		{"weekday", []string{
			"Williams died early Thursday in her sleep, her publicist said.",
			"Williams, 91, died early Thursday in her sleep at home, her publicist said.",
			"Williams died early Sunday in her sleep, according to her publicist.",
		}, accord.ConflictDate, "Sunday"},
		{"name", []string{
			"Chargers receiver Vincent Jackson was arrested on Tuesday.",
			"San Diego receiver Vincent Jackson will play on Sunday.",
			"Receiver Vincent Jackson was arrested early yesterday.",
			"Chargers receiver Karl Jackson was arrested on suspicion of drunk driving.",
		}, accord.ConflictName, "Karl Jackson"},
		{"nickname is no conflict", []string{
			"Coach William Hakim said the team would win.",
			"William Hakim said the team was ready.",
			"Bill Hakim, the coach, spoke on Monday.",
		}, "", ""},
		{"role", []string{
			"Interior Secretary Dirk Kempthorne called the move a clarification.",
			"Interior Secretary Dirk Kempthorne said the rule was narrow.",
			"Interior Undersecretary Dirk Kempthorne called the rule changes narrow.",
		}, accord.ConflictRole, "Undersecretary Dirk Kempthorne"},
		{"abbreviated clergy title is no conflict", []string{
			"The Rev. Larry Kroon said some parishioners were in the church.",
			"The Rev. Larry Kroon of the Wasilla Bible Church told CNN.",
			"The Reverend Larry Kroon said no one was injured.",
		}, "", ""},
		{"abbreviated title is no conflict", []string{
			"Interior Secretary Dirk Kempthorne called the move a clarification.",
			"Interior Secretary Dirk Kempthorne said the rule was narrow.",
			"Interior Sec. Dirk Kempthorne called the rule changes narrow.",
		}, "", ""},
		{"speaker", []string{
			"\"I felt we were not progressing the way we had wanted to progress,\" Stefanski said.",
			"Team president Ed Stefanski spoke to reporters on Monday about the coach.",
			"\"I made the decision because I felt we were not progressing the way we wanted to progress,\" said Rick Howard.",
		}, accord.ConflictSpeaker, "Rick Howard"},
		{"a relative shares the surname", []string{
			"Singer Dora Vallis died on Thursday at her home in Esk, her family said.",
			"Dora Vallis, the singer, died on Thursday in Esk.",
			"The singer Dora Vallis died at home in Esk on Thursday.",
			"Vallis died in Esk on Thursday and is survived by her brother Tomas Vallis.",
		}, "", ""},
		{"a generic title fits the holder's office", []string{
			"Harbour manager Ivo Kestrel said the squad was ready for the final.",
			"Manager Ivo Kestrel said the squad was ready to play the final.",
			"Harbour boss Ivo Kestrel said the squad was ready for the final.",
		}, "", ""},
		{"a place in a list of names", []string{
			"The striker missed games against Dallow, Esk and Marrow with the injury.",
			"He missed the games against Dallow, Esk and Marrow through injury.",
			"The striker missed games against Tarnby, Esk and Marrow with the injury.",
		}, "", ""},
		{"place", []string{
			"The actress has entered the Promises Treatment Center in Malibu, her publicist said.",
			"The actress checked into the Promises Treatment Center in Malibu on Tuesday.",
			"The actress has checked into Promises Treatment Center in Dayton, according to her publicist.",
		}, accord.ConflictOther, "Dayton"},
	}
	for _, tc := range tests {
		var ds []*accord.Document
		for i, b := range tc.docs {
			ds = append(ds, doc(string(rune('a'+i)), b))
		}
		c := run(t, ds...)
		if tc.kind == "" {
			if len(c.Conflicts) != 0 {
				t.Errorf("%s: false alarm: %+v", tc.name, c.Conflicts)
			}
			continue
		}
		if !hasConflict(c, tc.kind, tc.odd) {
			t.Errorf("%s: want %s conflict on %q, got %+v", tc.name, tc.kind, tc.odd, c.Conflicts)
		}
		for _, cl := range c.Claims {
			if cl.Status == accord.StatusDisputed {
				goto ok
			}
		}
		t.Errorf("%s: no disputed claim", tc.name)
	ok:
	}
}

// TestSpunTitleIsNoConflict: a title garbled by a spinner's synonyms in a
// machine-spun copy ("Assistant of State") is no conflict with the title the
// other sources give.
func TestSpunTitleIsNoConflict(t *testing.T) {
	bodies := []string{
		"Interior Secretary Dirk Kempthorne called the move a clarification.",
		"Interior Secretary Dirk Kempthorne said the rule was narrow.",
		"Interior Assistant Dirk Kempthorne called the rule changes narrow.",
	}
	for _, spun := range []bool{false, true} {
		var ds []*accord.Document
		for i, b := range bodies {
			ds = append(ds, doc(string(rune('a'+i)), b))
		}
		c := accord.NewCorpus(ds, accord.Options{})
		if spun {
			c.Links = []accord.Link{{From: "c", To: "b", Kind: accord.LinkSpun, Score: 0.8}}
		}
		if err := New().Analyze(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		if got := hasConflict(c, accord.ConflictRole, "Assistant Dirk Kempthorne"); got == spun {
			t.Errorf("spun copy %v: role conflict %v, want %v (%+v)", spun, got, !spun, c.Conflicts)
		}
	}
}

func TestClaimsIndependence(t *testing.T) {
	a := doc("a", "Russia and the United States began security talks in Geneva on Monday.")
	b := doc("b", "Russia and the United States began security talks in Geneva on Monday.")
	cc := doc("c", "On Monday Russia and the United States began their security talks in Geneva.")
	c := accord.NewCorpus([]*accord.Document{a, b, cc}, accord.Options{})
	c.SetGroups([][]string{{"a", "b"}, {"c"}})
	if err := New().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	if len(c.Claims) == 0 {
		t.Fatal("no claims")
	}
	cl := c.Claims[0]
	if len(cl.Documents) != 3 || cl.IndependentSources != 2 || cl.Status != accord.StatusCorroborated {
		t.Fatalf("claim %+v", cl)
	}
}

func TestEmptyAndBadInput(t *testing.T) {
	ds := []*accord.Document{
		{ID: "x", Text: ""},
		{ID: "y", Text: "\xff\xfe \"\" said , ,", Sentences: []accord.Span{{Start: 5, End: 100}}, Tokens: []accord.Token{{Span: accord.Span{Start: -1, End: 3}}}},
		{ID: "z", Text: "One. Two.", Mentions: []accord.Mention{{Span: accord.Span{Start: 50, End: 60}, Type: "GPE"}}},
	}
	c := accord.NewCorpus(ds, accord.Options{})
	if err := New().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("Interior Secretary Dirk Kempthorne said 12 people died on Monday in Paris.", "Interior Undersecretary Dirk Kempthorne said nine people died on Sunday in Rome.")
	f.Add("\"We will win,\" said John Smith.", "\"We will win,\" said Jane Doe.")
	f.Fuzz(func(t *testing.T, a, b string) {
		ds := []*accord.Document{doc("a", a), doc("b", b), doc("c", a)}
		c := accord.NewCorpus(ds, accord.Options{})
		if err := New().Analyze(context.Background(), c); err != nil {
			t.Fatal(err)
		}
	})
}

func TestOpenQuote(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"", -1},
		{`He said "yes." Then`, -1},
		{`"Biden urged calm. `, 0},
		{`It read: “We will act. `, 9},
		{`“A,” he said. “B. `, len(`“A,” he said. `)},
		{`“A “nested” phrase. `, 0},
		{`She said ”stray. `, -1},
		{`«Nous verrons. `, 0},
	} {
		if got := openQuote(tt.in); got != tt.want {
			t.Errorf("openQuote(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// A claim whose sentence starts inside a quotation shows the quotation from
// its opening, and its evidence covers what it shows.
func TestStatementStartsAtTheQuote(t *testing.T) {
	body := "The talks ended. \"The minister urged calm on the border. He made clear that the allies will respond firmly to any attack,\" read the statement from the ministry.\n"
	c := run(t, doc("a", body), doc("b", "Other news first. "+body))
	var found bool
	for _, cl := range c.Claims {
		if !strings.Contains(cl.Statement, "He made clear") {
			continue
		}
		found = true
		if !strings.HasPrefix(cl.Statement, "\"The minister urged calm") {
			t.Errorf("statement %q does not start at the quotation", cl.Statement)
		}
		for _, e := range cl.Evidence {
			if strings.Contains(e.Text, cl.Statement) {
				return
			}
		}
		t.Errorf("no evidence covers the statement %q: %+v", cl.Statement, cl.Evidence)
	}
	if !found {
		t.Fatalf("no claim for the quoted sentence: %+v", c.Claims)
	}
}

// chainDocs returns n documents linked in a chain: document i shares one
// made-up word with i-1 and another with i+1, and nothing else.
func chainDocs(n int) []*accord.Document {
	word := func(i int) string {
		return "zq" + string(rune('a'+i/26%26)) + string(rune('a'+i%26)) + "x"
	}
	var docs []*accord.Document
	for i := range n {
		body := strings.Repeat(word(i)+" "+word(i+1)+" ", 3)
		docs = append(docs, &accord.Document{ID: word(i), Text: body})
	}
	return docs
}

func TestPartitionBound(t *testing.T) {
	docs := chainDocs(30)
	c := accord.NewCorpus(docs, accord.Options{})
	var infos []*docInfo
	nums := newWordNums()
	for _, d := range c.Docs {
		infos = append(infos, newDocInfo(c, d, nums))
	}
	sizes := func(maxTopic int) []int {
		parts, err := partition(context.Background(), infos, maxTopic)
		if err != nil {
			t.Fatal(err)
		}
		var out []int
		for _, p := range parts {
			out = append(out, len(p))
		}
		return out
	}
	// Unbounded, or bounded above the component's size: one topic.
	for _, m := range []int{-1, 30, 200} {
		if got := sizes(m); len(got) != 1 || got[0] != 30 {
			t.Errorf("maxTopic %d: topics %v, want [30]", m, got)
		}
	}
	// Bounded: cut along the (equal, so the later) links into runs of 10.
	if got := sizes(10); len(got) != 3 || got[0] != 10 || got[1] != 10 || got[2] != 10 {
		t.Errorf("maxTopic 10: topics %v, want [10 10 10]", got)
	}
	for _, m := range []int{1, 4, 7} {
		total := 0
		for _, s := range sizes(m) {
			if s > m {
				t.Errorf("maxTopic %d: a topic of %d", m, s)
			}
			total += s
		}
		if total != 30 {
			t.Errorf("maxTopic %d: %d documents in topics, want 30", m, total)
		}
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := accord.NewCorpus(seeds(t), accord.Options{})
	if err := New().Analyze(ctx, c); err != context.Canceled {
		t.Fatalf("cancelled run: err %v, want context.Canceled", err)
	}
}

// TestPersonAfterPrepositionIsNoPlace: a name the entity layer types as a
// person more often than as a place is no place, though a preposition puts
// it where a place could stand ("in Dayton" for a person named Dayton).
func TestPersonAfterPrepositionIsNoPlace(t *testing.T) {
	bodies := []string{
		"The actress has entered the Promises Treatment Center in Malibu, her publicist said.",
		"The actress checked into the Promises Treatment Center in Malibu on Tuesday.",
		"The actress has checked into Promises Treatment Center in Dayton, according to her publicist.",
	}
	for _, typed := range []bool{false, true} {
		var ds []*accord.Document
		for i, b := range bodies {
			ds = append(ds, doc(string(rune('a'+i)), b))
		}
		if typed {
			d := ds[2]
			i := strings.Index(d.Text, "Dayton")
			d.Mentions = append(d.Mentions, accord.Mention{Span: accord.Span{Start: i, End: i + len("Dayton")}, Type: "PERSON"})
		}
		c := run(t, ds...)
		if got := hasConflict(c, accord.ConflictOther, "Dayton"); got == typed {
			t.Errorf("Dayton typed PERSON %v: place conflict %v, want %v", typed, got, !typed)
		}
	}
}

// Conflicts need reports of one happening: when the story stage put the
// odd document in another event than the others, and its sentence says
// little of theirs, its figure is of another happening.
func TestConflictsNeedOneEvent(t *testing.T) {
	bodies := []string{
		"The coach of the Harbour club was banned for four years by the tribunal on Monday.",
		"The Harbour club's coach has been banned for four years by the tribunal.",
		"The coach was also banned for two years by the tribunal in an earlier case.",
	}
	for _, split := range []bool{false, true} {
		var ds []*accord.Document
		for i, b := range bodies {
			ds = append(ds, doc(string(rune('a'+i)), b))
		}
		c := accord.NewCorpus(ds, accord.Options{})
		ev := []accord.Event{{ID: "e1", Documents: []string{"a", "b", "c"}}}
		if split {
			ev = []accord.Event{{ID: "e1", Documents: []string{"a", "b"}}, {ID: "e2", Documents: []string{"c"}}}
		}
		c.Stories = []accord.Story{{ID: "s1", Documents: []string{"a", "b", "c"}, Events: ev}}
		if err := New().Analyze(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		if got := hasConflict(c, accord.ConflictNumber, "two years"); got == split {
			t.Errorf("odd document in another event %v: number conflict %v (%+v)", split, got, c.Conflicts)
		}
	}
}

// Two given names of one surname are two people when a report of the story,
// in another event, names both: no name conflict then.
func TestNameConflictNamedTogether(t *testing.T) {
	bodies := []string{
		"Wing Tomas Harrow scored twice as Dallow beat Esk on Saturday.",
		"Tomas Harrow scored twice for Dallow against Esk on Saturday.",
		"Wing Tomas Harrow scored both tries when Dallow beat Esk on Saturday.",
		"Emrys Harrow scored twice as Dallow beat Esk on Saturday.",
		"Tomas Harrow and Emrys Harrow trained with the squad before the season.",
	}
	for _, both := range []bool{false, true} {
		n := 4
		if both {
			n = 5
		}
		var ds []*accord.Document
		var ids []string
		for i, b := range bodies[:n] {
			id := string(rune('a' + i))
			ds = append(ds, doc(id, b))
			ids = append(ids, id)
		}
		c := accord.NewCorpus(ds, accord.Options{})
		ev := []accord.Event{{ID: "e1", Documents: ids[:4]}}
		if both {
			ev = append(ev, accord.Event{ID: "e2", Documents: ids[4:]})
		}
		c.Stories = []accord.Story{{ID: "s1", Documents: ids, Events: ev}}
		if err := New().Analyze(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		if got := hasConflict(c, accord.ConflictName, "Emrys Harrow"); got == both {
			t.Errorf("both named in another report %v: name conflict %v (%+v)", both, got, c.Conflicts)
		}
	}
}

// Titles are keyed by surname: a title of a person with another given name
// is no role conflict (a name conflict, maybe).
func TestRoleNeedsOnePerson(t *testing.T) {
	c := run(t,
		doc("a", "Harbour coach Eddie Brandt said the squad was ready for the final."),
		doc("b", "Coach Eddie Brandt said the squad was ready to play the final."),
		doc("c", "Prop Duncan Brandt said the squad was ready for the final."))
	if hasConflict(c, accord.ConflictRole, "Brandt") {
		t.Errorf("role conflict between two people: %+v", c.Conflicts)
	}
}

// Figures of different named participants are different facts, whatever
// words the sentences share.
func TestNumberNeedsSameParticipants(t *testing.T) {
	for _, other := range []bool{false, true} {
		third := "Harbour Mills said its load factor rose to 50.5 pct in January."
		if other {
			third = "Tarn Airways said its load factor rose to 50.5 pct in January."
		}
		c := run(t,
			doc("a", "Harbour Mills said its load factor rose to 54.1 pct in January."),
			doc("b", "Harbour Mills said load factor rose to 54.1 pct in January from a year earlier."),
			doc("c", third))
		if got := hasConflict(c, accord.ConflictNumber, "50.5 pct"); got == other {
			t.Errorf("other company %v: number conflict %v (%+v)", other, got, c.Conflicts)
		}
	}
}

// A former holder of an office contradicts no current holder.
func TestFormerHolderIsNoConflict(t *testing.T) {
	c := run(t,
		doc("a", "Secretary of State George Hale said the talks would go on."),
		doc("b", "Secretary of State George Hale said talks would continue next week."),
		doc("c", "The panel includes former Secretary of State Edwin Marsh, who said the talks would go on."))
	if len(c.Conflicts) != 0 {
		t.Errorf("former holder: %+v", c.Conflicts)
	}
}

// Titles one person holds at once are no role conflict: a founder, owner or
// spokesman holds any office besides; a rank is worn with a post. Two
// ranks, or two offices, still conflict.
func TestConcurrentTitles(t *testing.T) {
	tests := []struct {
		name, maj, odd string
		conflict       bool
	}{
		{"founder and president", "Harbour Labs president Ivo Trask", "Harbour Labs founder Ivo Trask", false},
		{"spokesman and shadow treasurer", "Shadow treasurer Ivo Trask", "Party spokesman Ivo Trask", false},
		{"rank and post", "Council aide Ivo Trask", "Lt. Col. Ivo Trask", false},
		{"captain and coach", "Harbour coach Ivo Trask", "Harbour captain Ivo Trask", false},
		{"two ranks", "Colonel Ivo Trask", "General Ivo Trask", true},
		{"two offices", "Harbour coach Ivo Trask", "Harbour chairman Ivo Trask", true},
		{"party leader and prime minister", "Prime Minister Ivo Trask", "Harbour Party leader Ivo Trask", false},
		{"labour leader and prime minister", "Prime Minister Ivo Trask", "Labour leader Ivo Trask", false},
		{"star and singer", "Singer Ivo Trask", "Pop star Ivo Trask", false},
	}
	for _, tc := range tests {
		c := run(t,
			doc("a", tc.maj+" said the talks on the harbour plan would go on next week."),
			doc("b", tc.maj+" said talks on the harbour plan would go on next week."),
			doc("c", tc.odd+" said the talks on the harbour plan would go on."))
		if got := hasConflict(c, accord.ConflictRole, "Trask"); got != tc.conflict {
			t.Errorf("%s: role conflict %v, want %v (%+v)", tc.name, got, tc.conflict, c.Conflicts)
		}
	}
}

// A lower-case title word after a modal is a verb, no title.
func TestTitleAfterModalIsAVerb(t *testing.T) {
	c := run(t,
		doc("a", "Chancellor Ivo Trask will speak on the harbour plan on Wednesday."),
		doc("b", "Chancellor Ivo Trask is to speak on the harbour plan on Wednesday."),
		doc("c", "The Harbour Trust will host Mr Trask's speech on the harbour plan on Wednesday."))
	if hasConflict(c, accord.ConflictRole, "Trask") {
		t.Errorf("'will host' read as a title: %+v", c.Conflicts)
	}
}

// A document that names two people of one surname ("Mi" and "Ma" in a
// line-up) does not contradict reports naming one of them ("Mirco").
func TestNameConflictOddDocNamesBoth(t *testing.T) {
	for _, both := range []bool{false, true} {
		odd := "Harbour: Dallow; Esk, Marrow; Tarn, Ma Vantaggio, Parry, Orrin."
		if both {
			odd = "Harbour: Dallow; Mi Vantaggio, Esk, Marrow; Tarn, Ma Vantaggio, Parry, Orrin."
		}
		c := run(t,
			doc("a", "Harbour: Dallow; Mirco Vantaggio, Esk, Marrow; Tarn, Parry, Orrin."),
			doc("b", "Harbour: Dallow; Mirco Vantaggio, Esk, Marrow; Tarn, Parry (capt), Orrin."),
			doc("c", "Harbour: Dallow; Mirco Vantaggio, Esk, Marrow; Tarn, Parry, Orrin, Brisk."),
			doc("d", odd))
		if got := hasConflict(c, accord.ConflictName, "Ma Vantaggio"); got == both {
			t.Errorf("odd document names both %v: name conflict %v (%+v)", both, got, c.Conflicts)
		}
	}
}

// A contracted given name ("Kostas" for "Konstantinos") is one person's.
func TestNameShortForm(t *testing.T) {
	for _, pair := range [][2]string{{"Konstantinos", "Kostas"}, {"Bernhard", "Bernd"}} {
		if !compatibleFirst(pair[0], pair[1]) || !compatibleFirst(pair[1], pair[0]) {
			t.Errorf("%s / %s: want compatible", pair[0], pair[1])
		}
	}
	for _, pair := range [][2]string{{"Jason", "Jon"}, {"Michelle", "Kim"}, {"Gethin", "Neil"}} {
		if compatibleFirst(pair[0], pair[1]) {
			t.Errorf("%s / %s: want incompatible", pair[0], pair[1])
		}
	}
	c := run(t,
		doc("a", "Panel chairman Konstantinos Vardakis said the hearing would resume on Friday."),
		doc("b", "The panel head, Konstantinos Vardakis, said the hearing would resume on Friday."),
		doc("c", "\"The hearing will resume on Friday,\" said panel chairman Kostas Vardakis."))
	if hasConflict(c, accord.ConflictName, "Vardakis") {
		t.Errorf("short form read as another name: %+v", c.Conflicts)
	}
}

// Lines of a results table name no subject of their own: their figures
// contradict no other report's.
func TestTableLinesAreNoFacts(t *testing.T) {
	c := run(t,
		doc("a", "Shr loss 10 cts vs loss seven cts\nNet loss 450,000 vs loss 210,000\nRevs 3,100,000 vs 2,900,000\n"),
		doc("b", "Shr profit 10 cts vs loss seven cts\nNet profit 820,000 vs loss 95,000\nRevs 7,400,000 vs 6,100,000\n"),
		doc("c", "Shr loss 32 cts vs loss seven cts\nNet loss 2,300,000 vs loss 510,000\nRevs 12.1 mln vs 11.8 mln\n"),
		doc("d", "Avg shrs 3,808,000 vs 1,924,000\n"),
		doc("e", "Avg shrs 15.5 mln vs 11.3 mln\n"),
		doc("f", "Avg shrs 15.4 mln vs 11.3 mln\n"))
	if len(c.Conflicts) != 0 {
		t.Errorf("table lines: %+v", c.Conflicts)
	}
	for _, line := range []string{"Shr loss 32 cts vs loss seven cts", "Avg shrs 3,808,000 vs 1,924,000", "Qtr net 4.1 mln 2.9 mln"} {
		d := doc("x", line)
		di := newDocInfo(accord.NewCorpus([]*accord.Document{d}, accord.Options{}), d, newWordNums())
		if !tableLine(&di.sents[0], len(di.qs)) {
			t.Errorf("%q: want a table line", line)
		}
	}
	for _, line := range []string{"The company said its net loss widened to 32 cts a share from seven cts a year earlier."} {
		d := doc("x", line)
		di := newDocInfo(accord.NewCorpus([]*accord.Document{d}, accord.Options{}), d, newWordNums())
		if tableLine(&di.sents[0], len(di.qs)) {
			t.Errorf("%q: want no table line", line)
		}
	}
}

// A speaker conflict needs one statement: one form of words with figures
// of other things, or a shared listener ("told Harbour Radio"), is none.
func TestSpeakerNeedsOneStatement(t *testing.T) {
	tests := []struct{ name, a, b string }{
		{"other figures",
			"Ivo Trask said the Harbour mine expected to export about 9,000 tonnes of tin in calendar 1987.",
			"Emrys Vane said the Tarn mine expected to export about 1,900 tonnes of tin in calendar 1987."},
		{"shared listener",
			"Ivo Trask told Harbour Radio Five Live the squad had never played better.",
			"Emrys Vane told Harbour Radio Five Live his choice would be the younger player."},
	}
	for _, tc := range tests {
		c := run(t, doc("a", tc.a), doc("b", tc.b))
		if hasConflict(c, accord.ConflictSpeaker) {
			t.Errorf("%s: speaker conflict %+v", tc.name, c.Conflicts)
		}
	}
	// The same statement with the same figure still conflicts.
	c := run(t,
		doc("a", "Ivo Trask said the Harbour mine expected to export about 9,000 tonnes of tin in calendar 1987."),
		doc("b", "Emrys Vane said the Harbour mine expected to export about 9,000 tonnes of tin in calendar 1987."))
	if !hasConflict(c, accord.ConflictSpeaker) {
		t.Errorf("same statement: no speaker conflict")
	}
}

// Figures in one form of words about two companies are figures of two
// things, whatever other names the sentences share.
func TestNumberNeedsSameCompany(t *testing.T) {
	for _, other := range []bool{false, true} {
		co := "Harbour Mills Inc"
		if other {
			co = "Tarn Steel Corp"
		}
		c := run(t,
			doc("a", "Harbour Mills Inc said it filed with the Securities and Exchange Commission for an offering of 4.8 mln shares."),
			doc("b", "Harbour Mills Inc filed with the Securities and Exchange Commission for a public offering of 4.8 mln shares."),
			doc("c", co+" said it filed with the Securities and Exchange Commission for an offering of 1.5 mln shares."))
		if got := hasConflict(c, accord.ConflictNumber, "1.5 mln"); got == other {
			t.Errorf("other company %v: number conflict %v (%+v)", other, got, c.Conflicts)
		}
	}
}

// Figures of one unit measure different things when the nouns after them
// differ ("a 1% tax increase" / "a 50% tax") or the agents do ("by the
// league" / "by the tribunal").
func TestNumberNeedsSameMeasure(t *testing.T) {
	tests := []struct {
		name, odd string
		conflict  bool
	}{
		{"other noun", "He said the plans would be financed from a 1% tax increase on those earning over 100,000.", false},
		{"same noun", "He said the plans would be financed from a 40% tax on those earning over 100,000.", true},
		{"other agent", "The coach of the Harbour club was banned for two years by the league on Monday.", false},
		{"same agent", "The coach of the Harbour club was banned for two years by the tribunal on Monday.", true},
	}
	for _, tc := range tests {
		var a, b string
		if strings.Contains(tc.odd, "tax") {
			a = "He said the plans would be financed from a 50% tax on those earning over 100,000."
			b = "He said the plans would be paid for by a 50% tax on those earning over 100,000 a year."
		} else {
			a = "The coach of the Harbour club was banned for four years by the tribunal on Monday."
			b = "The Harbour club's coach was banned for four years by the tribunal."
		}
		c := run(t, doc("a", a), doc("b", b), doc("c", tc.odd))
		if got := hasConflict(c, accord.ConflictNumber); got != tc.conflict {
			t.Errorf("%s: number conflict %v, want %v (%+v)", tc.name, got, tc.conflict, c.Conflicts)
		}
	}
}

// A place name inside a longer proper name (an event's, "the Harbour Great
// Esk Run") is no place fact of the sentence.
func TestPlaceInsideAName(t *testing.T) {
	c := run(t,
		doc("a", "Sonia Vale will take part in the Harbour Great Esk Run on 9 April, her agent said."),
		doc("b", "Sonia Vale will also take part in the Harbour Great Esk Run on 9 April, her agent said."),
		doc("c", "Sonia Vale has confirmed she will take part in the Harbour Great Tarn Run in Marrow on 8 May, her agent said."),
		doc("d", "Sonia Vale grew up in Esk and trains in Esk."))
	if hasConflict(c, accord.ConflictOther) {
		t.Errorf("place inside an event's name: %+v", c.Conflicts)
	}
}

// A full name that independent reports elsewhere in the corpus write is a
// person of their own: no name conflict with another person of the surname.
func TestNameConflictKnownPerson(t *testing.T) {
	bodies := []string{
		"Sprinter Michelle Vane has lodged an appeal against her doping ban, her lawyer said.",
		"Sprinter Michelle Vane has received an eight-year ban for doping offences.",
		"Michelle Vane was banned after a hearing of the sprint tribunal.",
		"World sprint champion Kim Vane says the suspended sprinter should be allowed to compete.",
		"Kim Vane won the final in Dallow in a record time on a wet evening.",
		"The crowd in Dallow cheered as Kim Vane crossed the line first in the final.",
	}
	for _, known := range []bool{false, true} {
		n := 4
		if known {
			n = 6
		}
		var ds []*accord.Document
		var ids []string
		for i, b := range bodies[:n] {
			id := string(rune('a' + i))
			ds = append(ds, doc(id, b))
			ids = append(ids, id)
		}
		c := accord.NewCorpus(ds, accord.Options{})
		ev := []accord.Event{{ID: "e1", Documents: ids[:4]}}
		if known {
			ev = append(ev, accord.Event{ID: "e2", Documents: ids[4:]})
		}
		c.Stories = []accord.Story{{ID: "s1", Documents: ids, Events: ev}}
		if err := New().Analyze(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		if got := hasConflict(c, accord.ConflictName, "Kim Vane"); got == known {
			t.Errorf("odd name known elsewhere %v: name conflict %v (%+v)", known, got, c.Conflicts)
		}
	}
}

// A document in another language gives no claims (the readers of names,
// quotes and numbers read English); the English ones around it still do.
func TestForeignLanguageGivesNoClaims(t *testing.T) {
	en := doc("en", "Russia and the United States began security talks in Geneva on Monday, officials said.")
	de := doc("de", "Russland und die Vereinigten Staaten haben am Montag in Genf Gespräche über die Sicherheit begonnen, wie die Regierung mitteilte. Die Gespräche sollen auch am Dienstag weitergehen.")
	de.Language = "de"
	c := run(t, en, de)
	if len(c.Claims) == 0 {
		t.Fatal("no claims from the English document")
	}
	for _, cl := range c.Claims {
		if slices.Contains(cl.Documents, "de") {
			t.Errorf("claim from the German document: %+v", cl)
		}
	}
}

// A table row ("Shr loss 32 cts vs profit 12 cts") is no claim, even when
// two reports print the same row; the prose beside it still is.
func TestTableRowIsNoClaim(t *testing.T) {
	body := "Acme Widget Corp said its fourth quarter results were hurt by weak demand for industrial widgets.\nShr loss 32 cts vs profit 12 cts in the fourth quarter\nNet loss 4,100,000 dlrs vs profit 1,500,000 dlrs in the quarter\nOper shr loss 18 cts vs loss one ct in the year\nShr loss six cts vs not available\nOper shr profit nil vs loss nil\n"
	c := run(t, doc("a", body), doc("b", body))
	if len(c.Claims) == 0 {
		t.Fatal("no claims: the prose sentence is one")
	}
	for _, cl := range c.Claims {
		if strings.Contains(cl.Statement, " vs ") {
			t.Errorf("table row as a claim: %q", cl.Statement)
		}
	}
}

// titled is doc with a headline.
func titled(id, title, body string) *accord.Document {
	d := doc(id, body)
	d.Title = title
	return d
}

func claimsWith(c *accord.Corpus, stmt string) []accord.Claim {
	var out []accord.Claim
	for _, cl := range c.Claims {
		if strings.Contains(cl.Statement, stmt) {
			out = append(out, cl)
		}
	}
	return out
}

// A sentence that names nobody ("NOTE: Share adjusted for ...") is one fact
// across reports only when the reports are about one subject: the company
// named in their headlines and leads.
func TestCorroborationNeedsOneSubject(t *testing.T) {
	body := func(co string) string {
		return co + " said its fourth quarter profit rose on higher sales of farm machinery and spare parts.\n" +
			"Shr profit 41 cts vs profit 30 cts\n" +
			"NOTE: Share adjusted for three-for-two stock split in May and for the stock dividend paid in June.\n"
	}
	for _, same := range []bool{false, true} {
		other := "Pellwick Tractor Corp"
		if same {
			other = "Harlow Baler Corp"
		}
		c := run(t,
			titled("a", "HARLOW BALER CORP <HBC> 4TH QTR NET", body("Harlow Baler Corp")),
			titled("b", strings.ToUpper(other)+" 4TH QTR NET", body(other)))
		cls := claimsWith(c, "Share adjusted for three-for-two")
		corroborated := false
		for _, cl := range cls {
			if cl.Status == accord.StatusCorroborated || len(cl.Documents) > 1 {
				corroborated = true
			}
		}
		if corroborated != same {
			t.Errorf("same subject %v: corroborated %v (%+v)", same, corroborated, cls)
		}
	}
}

// A form of words that recurs in reports on three unrelated subjects is no
// claim at all; in reports on one subject it is.
func TestBoilerplateIsNoClaim(t *testing.T) {
	const line = "The company did not respond to a request for comment on the recall."
	body := func(co, thing string) string {
		return co + " recalled thousands of " + thing + " sold in supermarkets after reports of faults.\n" + line + "\n"
	}
	c := run(t,
		titled("a", "Marlow Kettles recalls kettles", body("Marlow Kettles", "kettles")),
		titled("b", "Dunmore Toys recalls toys", body("Dunmore Toys", "toys")),
		titled("c", "Ashgrove Prams recalls prams", body("Ashgrove Prams", "prams")))
	if cls := claimsWith(c, "did not respond"); len(cls) > 0 {
		t.Errorf("boilerplate as a claim: %+v", cls)
	}
	c = run(t,
		titled("a", "Marlow Kettles recalls kettles", body("Marlow Kettles", "kettles")),
		titled("b", "Marlow Kettles kettle recall", body("Marlow Kettles", "kettles")),
		titled("c", "Kettles recalled by Marlow", body("Marlow Kettles", "kettles")))
	if cls := claimsWith(c, "did not respond"); len(cls) == 0 {
		t.Error("one subject's repeated sentence is no claim")
	}
}

// Every document a conflict lists has a passage among its evidence, also
// one that gives the other value in other words ("4" for "four").
func TestConflictDocumentsHaveEvidence(t *testing.T) {
	c := run(t,
		doc("a", "The fire at the Harbour mill killed nine people on Monday, the fire brigade said."),
		doc("b", "The fire at the Harbour mill killed four people on Monday, the fire brigade said."),
		doc("c", "The fire at the Harbour mill killed four people on Monday, the fire brigade said on Tuesday."),
		doc("d", "The fire at the Harbour mill killed 4 people on Monday, the fire brigade said."))
	if len(c.Conflicts) == 0 {
		t.Fatal("no conflict")
	}
	for _, cf := range c.Conflicts {
		has := map[string]bool{}
		for _, e := range cf.Evidence {
			has[e.Document] = true
		}
		for _, d := range cf.Documents {
			if !has[d] {
				t.Errorf("conflict %q lists %s with no evidence there", cf.Summary, d)
			}
		}
	}
	for _, cl := range c.Claims {
		has := map[string]bool{}
		for _, e := range cl.Evidence {
			has[e.Document] = true
		}
		for _, d := range cl.Documents {
			if !has[d] {
				t.Errorf("claim %q lists %s with no evidence there", cl.Statement, d)
			}
		}
	}
}

// A team sheet is no claim, even when several reports print it; a sentence
// of prose naming the same players still is one.
func TestNameListIsNoClaim(t *testing.T) {
	sheet := "Northland: J Avery (capt); M Brook, T Carver, O Dunn, J Ellery; C Frame, H Gale; G Hale, S Irwin, M Jory.\n"
	prose := "Captain Jack Avery said on Monday that the team would keep the same players for the match against Southvale next week.\n"
	c := run(t, doc("a", prose+sheet), doc("b", prose+sheet))
	if len(c.Claims) == 0 {
		t.Fatal("no claims: the prose sentence is one")
	}
	for _, cl := range c.Claims {
		if strings.Contains(cl.Statement, "(capt)") {
			t.Errorf("team sheet as a claim: %q", cl.Statement)
		}
	}
}

// Reports that give both figures tell two measures apart: a report giving
// one of them does not contradict them.
func TestNumberBothFiguresStatedIsNoConflict(t *testing.T) {
	for _, both := range []bool{true, false} {
		maj := "After falls at the end of last year, Tarn Bank reported a rise of 0.4% in the first month of the year."
		if both {
			maj = "After falls at the end of last year, Tarn Bank said house prices rose by 0.8% in January and Harbour Bank reported a rise of 0.4% in the first month of the year."
		}
		c := run(t,
			doc("a", maj),
			doc("b", maj),
			doc("c", "Tarn Bank figures suggest the average price of a home now stands at 163,748 pounds after a 0.8% rise in January."))
		if got := hasConflict(c, accord.ConflictNumber, "0.8%"); got == both {
			t.Errorf("majority states both figures %v: number conflict %v (%+v)", both, got, c.Conflicts)
		}
	}
}

// A title one other independent report repeats is still the odd one when
// more than twice as many reports (its own included) give another: two
// against five. Two against four is a split, and stays silent.
func TestTitleOutvoted(t *testing.T) {
	// Words each report shares with its neighbours only (a word in most
	// reports tells no topic apart).
	w := strings.Fields("dune reef jetty pier quay buoy lagoon")
	more := func(i int) string {
		return fmt.Sprintf(" The %s, %s and %s are covered.", w[i%7], w[(i+1)%7], w[(i+2)%7])
	}
	for _, maj := range []int{4, 5} {
		var docs []*accord.Document
		for i := 0; i < maj; i++ {
			docs = append(docs, doc(fmt.Sprintf("m%d", i), "Interior Secretary Ivo Trask said the harbour rule would be narrow."+more(i)))
		}
		docs = append(docs,
			doc("o1", "Interior Undersecretary Ivo Trask said the harbour rule would be narrow."+more(maj)),
			doc("o2", "Interior Undersecretary Ivo Trask said the new harbour rule would be narrow."+more(maj+1)))
		c := run(t, docs...)
		n := 0
		for _, cf := range c.Conflicts {
			if cf.Kind == accord.ConflictRole && quotesAll(cf.Summary, cf.Evidence, []string{"Undersecretary Ivo Trask"}) {
				n++
			}
		}
		if want := map[int]int{4: 0, 5: 2}[maj]; n != want {
			t.Errorf("2 against %d: %d role conflicts, want %d (%+v)", maj, n, want, c.Conflicts)
		}
	}
}

// A document giving one person two ranks of one office ("Vice President"
// and "President") contradicts itself, and its odd title stays odd; two
// different offices in one document may be held at once.
func TestTwoRanksInOneDocument(t *testing.T) {
	tests := []struct {
		name, maj, odd, later string
		conflict              bool
	}{
		{"two ranks", "President Ivo Trask", "Vice President Ivo Trask", "President Trask", true},
		{"two offices", "Harbour coach Ivo Trask", "Harbour chairman Ivo Trask", "coach Trask", false},
	}
	for _, tc := range tests {
		c := run(t,
			doc("a", tc.maj+" said the talks on the harbour plan would go on next week."),
			doc("b", tc.maj+" said talks on the harbour plan would go on next week."),
			doc("c", tc.odd+" said the talks on the harbour plan would go on. Later, "+tc.later+" met the harbour board."))
		if got := hasConflict(c, accord.ConflictRole, tc.odd); got != tc.conflict {
			t.Errorf("%s: role conflict %v, want %v (%+v)", tc.name, got, tc.conflict, c.Conflicts)
		}
	}
}

// A rate ("18 points a game") measures something else than a count in one
// game ("18 points"): no number conflict between them.
func TestNumberRateIsNoCount(t *testing.T) {
	for _, rate := range []bool{false, true} {
		odd := "Ivo Trask scored 18 points as the Harbour Gulls beat the Tarn Foxes on Friday."
		if rate {
			odd = "Ivo Trask, who scores 18 points a game, led the Harbour Gulls past the Tarn Foxes on Friday."
		}
		c := run(t,
			doc("a", "Ivo Trask scored 31 points as the Harbour Gulls beat the Tarn Foxes 80-71 on Friday."),
			doc("b", "Ivo Trask scored 31 points and the Harbour Gulls beat the Tarn Foxes on Friday night."),
			doc("c", odd))
		if got := hasConflict(c, accord.ConflictNumber, "18 points"); got == rate {
			t.Errorf("rate %v: number conflict %v (%+v)", rate, got, c.Conflicts)
		}
	}
}

// A window of time ("in the three months to June", "for the past three
// months") places a fact in time and anchors none: two reports of one
// company's different facts in one quarter corroborate nothing. A
// duration that measures something ("jailed for 18 months") still anchors
// one fact.
func TestTimeWindowIsNoAnchor(t *testing.T) {
	c := run(t,
		titled("a", "Brackwell Mills profits rise", "Brackwell Mills said its sales grew at an annual rate of 3.9% in the three months to June.\n"+
			"Brackwell Mills chief Tom Ardley was jailed for 18 months in a court in Leeds over the pension scandal.\n"),
		titled("b", "Brackwell Mills holds prices", "Brackwell Mills has kept its lending rates on hold at 4.75% for the past three months.\n"+
			"Ardley, once head of Brackwell Mills, served 18 months behind bars after the pension scandal.\n"))
	for _, cl := range claimsWith(c, "three months") {
		if len(cl.Documents) > 1 {
			t.Errorf("a shared window of time corroborates: %+v", cl)
		}
	}
	found := false
	for _, cl := range claimsWith(c, "18 months") {
		found = found || len(cl.Documents) > 1
	}
	if !found {
		t.Errorf("a measured duration no longer anchors one fact: %+v", c.Claims)
	}
}

// Words of time ("over the next 20 years", "in 2004") place facts in time:
// two reports sharing them and a subject state different facts.
func TestTimeWordsAreNotShared(t *testing.T) {
	c := run(t,
		titled("a", "Corvane Air orders", "Corvane Air said it expected to sell about 500 of its long-range planes over the next 20 years.\n"+
			"The Corvane Development Fund estimates that remittances to the islands reached $45bn in 2004.\n"),
		titled("b", "Corvane Air and India", "Analysts said Corvane Air expected India to spend up to $35bn in the aviation market over the next 20 years.\n"+
			"The Corvane Development Fund said regional exports reached $445.1bn in 2004.\n"))
	for _, stmt := range []string{"next 20 years", "in 2004"} {
		for _, cl := range claimsWith(c, stmt) {
			if len(cl.Documents) > 1 {
				t.Errorf("shared words of time corroborate: %+v", cl)
			}
		}
	}
}

// A weekday anchors one happening only when a word they share stands by
// the day in one report and in the day's clause in the other: business
// reports of one week name the same weekday for different moves.
func TestWeekdayNeedsItsHappeningInBoth(t *testing.T) {
	c := run(t,
		titled("a", "Tech shares slide", "Analysts attributed the falls in tech stocks to excessive expectations, fuelled by the dramatic outperformance of Corvane on Tuesday.\n"),
		titled("b", "Corvane shares", "Corvane shares have risen since but fell $12.33 on Tuesday to close at $172.55.\n"))
	for _, cl := range claimsWith(c, "Tuesday") {
		if len(cl.Documents) > 1 {
			t.Errorf("a weekday alone corroborates: %+v", cl)
		}
	}
	c = run(t,
		titled("a", "Corvane talks", "Corvane union leaders began pay talks with managers on Tuesday in Leeds.\n"),
		titled("b", "Corvane dispute", "Union leaders from Corvane said the pay talks started on Tuesday, after a long strike.\n"))
	found := false
	for _, cl := range claimsWith(c, "Tuesday") {
		found = found || len(cl.Documents) > 1
	}
	if !found {
		t.Errorf("one happening on one weekday not corroborated: %+v", c.Claims)
	}
}

// TestExtendOpenQuotesForward: reading the marks forward once gives what
// reading each sentence's paragraph from its start gives.
func TestExtendOpenQuotesForward(t *testing.T) {
	pieces := []string{"He said “the pier", " is shut.", "” ", "She added: \"ferries", " will wait.\" ", "\n", "Then “it rained. ", "All day.” ", "« Non. » ", "Plain text. "}
	rng := rand.New(rand.NewPCG(7, 11))
	for n := 0; n < 300; n++ {
		var b strings.Builder
		var spans []accord.Span
		for k := 0; k < 2+rng.IntN(12); k++ {
			start := b.Len()
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if b.Len() > start && rng.IntN(3) > 0 {
				spans = append(spans, accord.Span{Start: start, End: b.Len()})
			}
		}
		txt := b.String()
		di := &docInfo{d: &accord.Document{Text: txt}}
		for _, sp := range spans {
			di.sents = append(di.sents, sent{span: sp, stmt: sp})
		}
		di.extendOpenQuotes()
		for si, s := range di.sents {
			// The reference: each sentence's paragraph read from its start.
			sp := s.span
			want := sp
			line := strings.LastIndexByte(txt[:sp.Start], '\n') + 1
			if open := openQuote(txt[line:sp.Start]); open >= 0 {
				open += line
				for back := 1; back <= maxQuoteBack && si-back >= 0; back++ {
					prev := di.sents[si-back].span
					if prev.End <= line {
						break
					}
					if prev.Start <= open {
						want = accord.Span{Start: prev.Start, End: sp.End}
						break
					}
				}
			}
			if s.stmt != want {
				t.Fatalf("%q sentence %d %v: stmt %v, want %v", txt, si, sp, s.stmt, want)
			}
		}
	}
}
