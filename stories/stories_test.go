package stories

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

func doc(id, title, body, published string) *accord.Document {
	d := &accord.Document{ID: id, Title: title, Text: title + "\n" + body, Published: published}
	_ = text.New().Annotate(d)
	return d
}

func corpus(docs ...*accord.Document) *accord.Corpus {
	return accord.NewCorpus(docs, accord.Options{})
}

func storyOf(c *accord.Corpus) map[string]string {
	out := map[string]string{}
	for _, s := range c.Stories {
		for _, d := range s.Documents {
			out[d] = s.ID
		}
	}
	return out
}

var quake = []string{
	"A magnitude 6.1 earthquake struck the coast of Northland early on Tuesday, toppling buildings and killing at least twelve people, officials said.",
	"Rescue teams searched collapsed buildings after the strong earthquake hit Northland, where the quake killed twelve people and injured dozens.",
	"The earthquake, magnitude 6.1, shook Northland on Tuesday; officials said twelve people died and aftershocks continued through the night.",
}

var election = []string{
	"Voters in Southvale elected a new parliament on Sunday as the ruling party lost its majority for the first time in twenty years.",
	"The ruling party in Southvale conceded defeat after Sunday's parliamentary election, in which opposition parties won a majority of seats.",
}

func TestTwoStories(t *testing.T) {
	var docs []*accord.Document
	for i, b := range quake {
		docs = append(docs, doc(fmt.Sprintf("q%d", i), "Earthquake hits Northland", b, ""))
	}
	for i, b := range election {
		docs = append(docs, doc(fmt.Sprintf("e%d", i), "Southvale election", b, ""))
	}
	c := corpus(docs...)
	if err := New().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	so := storyOf(c)
	if so["q0"] != so["q1"] || so["q1"] != so["q2"] {
		t.Errorf("quake reports split: %v", so)
	}
	if so["e0"] != so["e1"] {
		t.Errorf("election reports split: %v", so)
	}
	if so["q0"] == so["e0"] {
		t.Errorf("two stories merged: %v", so)
	}
	for _, s := range c.Stories {
		if s.Title == "" || strings.HasPrefix(s.Title, "Story") {
			t.Errorf("uninformative title %q", s.Title)
		}
		if len(s.Events) == 0 {
			t.Errorf("story %s has no events", s.ID)
		}
	}
}

func TestCopiesJoinTheirOriginalsStory(t *testing.T) {
	a := doc("a", "Earthquake hits Northland", quake[0], "")
	b := doc("b", "Southvale election", election[0], "")
	c := corpus(a, b)
	// Pretend b is a (heavily rewritten) copy of a.
	c.SetGroups([][]string{{"a", "b"}})
	if err := New().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	if so := storyOf(c); so["a"] != so["b"] {
		t.Errorf("copy not in its original's story: %v", so)
	}
	if len(c.Stories[0].IndependentGroups) != 1 {
		t.Errorf("independent groups = %v", c.Stories[0].IndependentGroups)
	}
}

func TestDeterministicAndOrderIndependent(t *testing.T) {
	var docs []*accord.Document
	for i, b := range append(append([]string{}, quake...), election...) {
		docs = append(docs, doc(fmt.Sprintf("d%d", i), "", b, fmt.Sprintf("2024-01-%02d", 10-i)))
	}
	run := func(ds []*accord.Document) map[string]string {
		c := corpus(ds...)
		if err := New().Analyze(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		return storyOf(c)
	}
	first := run(docs)
	rev := make([]*accord.Document, len(docs))
	for i := range docs {
		rev[i] = docs[len(docs)-1-i]
	}
	if second := run(rev); !reflect.DeepEqual(first, second) {
		t.Errorf("result depends on input order:\n%v\n%v", first, second)
	}
}

func TestDatesStage(t *testing.T) {
	a := doc("a", "Earthquake", quake[0], "2024-03-02T10:00:00Z")
	b := doc("b", "Earthquake", quake[1], "")
	c := corpus(a, b)
	if err := New().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	b.Published = "2024-03-01"
	if err := NewDates().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	s := c.Stories[0]
	if s.FirstDate == nil || *s.FirstDate != "2024-03-01" || *s.LastDate != "2024-03-02" {
		t.Errorf("dates = %v %v", s.FirstDate, s.LastDate)
	}
}

func TestEmptyAndOdd(t *testing.T) {
	c := corpus()
	if err := New().Analyze(context.Background(), c); err != nil || len(c.Stories) != 0 {
		t.Errorf("empty corpus: %v %v", err, c.Stories)
	}
	c = corpus(doc("x", "", "", ""), doc("y", "", "123 456", ""))
	if err := New().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	if n := len(storyOf(c)); n != 2 {
		t.Errorf("documents without words: %d placed", n)
	}
}

// TestSeedsFormOneStory runs on the seed articles (text only, no entities).
func TestSeedsFormOneStory(t *testing.T) {
	files, _ := filepath.Glob("../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seeds beside the repository")
	}
	var docs []*accord.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.TrimSpace(string(b))
		title, _, _ := strings.Cut(s, "\n")
		docs = append(docs, doc(filepath.Base(f), title, s, ""))
	}
	c := corpus(docs...)
	if err := New().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	if len(c.Stories) != 1 {
		for _, s := range c.Stories {
			t.Logf("story %s: %v", s.Title, s.Documents)
		}
		t.Errorf("seeds form %d stories, want 1", len(c.Stories))
	}
}

func BenchmarkCluster(b *testing.B) {
	var docs []*accord.Document
	words := strings.Fields(strings.Join(append(append([]string{}, quake...), election...), " "))
	for i := 0; i < 2000; i++ {
		var sb strings.Builder
		for j := 0; j < 300; j++ {
			sb.WriteString(words[(i*7+j*13)%len(words)])
			sb.WriteString(fmt.Sprintf(" w%d ", (i/20)*31+j%17))
		}
		docs = append(docs, doc(fmt.Sprintf("b%05d", i), "", sb.String(), ""))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := corpus(docs...)
		if err := New().Analyze(context.Background(), c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// TestRepeatable runs the clustering twice on a corpus large enough for
// near-ties: the stories, titles and events must be identical.
func TestRepeatable(t *testing.T) {
	words := strings.Fields(strings.Join(append(append([]string{}, quake...), election...), " "))
	mk := func() []*accord.Document {
		var docs []*accord.Document
		for i := 0; i < 300; i++ {
			var sb strings.Builder
			for j := 0; j < 60; j++ {
				sb.WriteString(words[(i*7+j*13)%len(words)])
				sb.WriteString(fmt.Sprintf(" w%d ", (i/10)*31+j%17))
			}
			docs = append(docs, doc(fmt.Sprintf("r%04d", i), fmt.Sprintf("Title %d %s", i%7, words[i%len(words)]), sb.String(), ""))
		}
		return docs
	}
	run := func() []accord.Story {
		c := corpus(mk()...)
		if err := New().Analyze(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		return c.Stories
	}
	first := run()
	for i := 0; i < 3; i++ {
		if again := run(); !reflect.DeepEqual(first, again) {
			t.Fatal("two runs on the same input gave different stories")
		}
	}
}

func TestSelectTop(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 1; n < 200; n += 7 {
		for k := 1; k <= n; k += 3 {
			xs := make([]int, n)
			for i := range xs {
				xs[i] = rng.IntN(50)
			}
			want := slices.Clone(xs)
			slices.Sort(want)
			selectTop(xs, k, func(a, b int) bool { return a < b })
			got := slices.Clone(xs[:k])
			slices.Sort(got)
			if !slices.Equal(got, want[:k]) {
				t.Fatalf("n=%d k=%d: got %v want %v", n, k, got, want[:k])
			}
		}
	}
}

// Documents in another language weigh their own words only: German pages on
// unrelated subjects do not form a story through their function words, nor
// join an English story, while two German reports of one event meet.
func TestForeignLanguageDocuments(t *testing.T) {
	var docs []*accord.Document
	for i, b := range quake {
		docs = append(docs, doc(fmt.Sprintf("q%d", i), "Earthquake hits Northland", b, ""))
	}
	german := []struct{ id, title, body string }{
		{"g0", "Erdbeben in Nordland", "Ein schweres Erdbeben der Stärke 6,1 hat am Dienstag die Küste von Nordland erschüttert und mindestens zwölf Menschen getötet, wie die Behörden mitteilten. Die Rettungskräfte suchen in den eingestürzten Gebäuden nach Überlebenden."},
		{"g1", "Zwölf Tote nach Erdbeben in Nordland", "Nach dem schweren Erdbeben in Nordland suchen Rettungskräfte in eingestürzten Gebäuden nach Überlebenden. Das Beben der Stärke 6,1 hat zwölf Menschen getötet, die Nachbeben dauerten die ganze Nacht."},
		{"g2", "Neues Rezept für einen klassischen Apfelkuchen", "Für den Teig braucht man Mehl, Butter und Zucker, die man mit den Händen zu einem glatten Teig verknetet. Dann werden die Äpfel geschält, in dünne Scheiben geschnitten und auf dem Boden verteilt, bevor der Kuchen eine Stunde im Ofen backt."},
		{"g3", "Der Verein sucht einen neuen Trainer", "Nach der dritten Niederlage in Folge hat der Verein sich von seinem Trainer getrennt und sucht nun einen Nachfolger, der die Mannschaft wieder in die obere Hälfte der Tabelle führen soll, wie der Vorstand am Abend erklärte."},
	}
	for _, g := range german {
		d := doc(g.id, g.title, g.body, "")
		d.Language = "de"
		docs = append(docs, d)
	}
	c := corpus(docs...)
	if err := New().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	st := storyOf(c)
	if st["g0"] != st["g1"] {
		t.Errorf("the two German quake reports are apart: %v", st)
	}
	for _, g := range []string{"g0", "g2", "g3"} {
		if st[g] == st["q0"] {
			t.Errorf("%s joined the English story: %v", g, st)
		}
	}
	if st["g2"] == st["g3"] || st["g2"] == st["g0"] || st["g3"] == st["g0"] {
		t.Errorf("unrelated German pages share a story: %v", st)
	}
}

func TestTitleQuality(t *testing.T) {
	good := titleQuality("Earthquake kills twelve in Northland")
	for _, tc := range []struct {
		title string
		worse bool
	}{
		{"Rescuers search rubble after Northland quake", false},
		{"Friday, June 7, 2013", true},
		{"Sunday, March 17, 2013 | 5: 00 PM", true},
		{"Updated 12:04 GMT Tuesday", true},
		{"EARTHQUAKE KILLS TWELVE IN NORTHLAND", true},
		{"Quake", true},
	} {
		if q := titleQuality(tc.title); (q < good) != tc.worse {
			t.Errorf("titleQuality(%q) = %.2f against %.2f for a plain headline; want worse=%v", tc.title, q, good, tc.worse)
		}
	}
}

func TestStoryTitleSkipsDateline(t *testing.T) {
	// The dateline heads the most central report: its vector is the centroid.
	docs := []*accord.Document{
		doc("q0", "Earthquake hits Northland, killing twelve", quake[0], ""),
		doc("q1", "Rescuers search rubble after the Northland quake", quake[1], ""),
		doc("q2", "Tuesday, March 4, 2014 | 10:15 AM", quake[2], ""),
	}
	c := corpus(docs...)
	vecs := []vector{
		newVector(map[int32]float64{1: 1, 2: 0.2}),
		newVector(map[int32]float64{1: 1, 3: 0.3}),
		newVector(map[int32]float64{1: 1, 2: 0.1, 3: 0.1}),
	}
	if got := title(c, []int{0, 1, 2}, nil, vecs); got != "Earthquake hits Northland, killing twelve" {
		t.Fatalf("title = %q, want the most central headline, not the dateline", got)
	}
}

// TestClusterHoldsSingles: in re-assignment a document alone in its cluster
// moves only above the threshold when holdSingles is set (the passes over
// the whole corpus); without it (events inside a story) it joins the most
// similar cluster however low the similarity.
func TestClusterHoldsSingles(t *testing.T) {
	vecs := vecSlice{
		newVector(map[int32]float64{1: 1, 2: 1, 3: 1}),
		newVector(map[int32]float64{1: 1, 2: 1, 4: 1}),
		newVector(map[int32]float64{1: 1, 3: 1, 4: 1}),
		newVector(map[int32]float64{9: 1, 8: 1, 1: 0.1}), // shares one light term
	}
	order := []int{0, 1, 2, 3}
	for _, tc := range []struct {
		hold bool
		want int
	}{{true, 2}, {false, 1}} {
		got := cluster(context.Background(), vecs, order, 0.4, 0.55, 0, false, tc.hold, nil)
		if len(got) != tc.want {
			t.Errorf("holdSingles %v: %v, want %d clusters", tc.hold, got, tc.want)
		}
	}
}
