package quotes

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// synthCorpus builds n news-like documents from the seeds' vocabulary, each
// with a dozen paragraphs of which about half quote someone (“…,” Name
// said; Name said that …). A third of the quotes repeat a statement from a
// shared pool, whole or in part, so that cross-document matching has work
// to do. Deterministic for a given n.
func synthCorpus(t testing.TB, n int) []*accord.Document {
	t.Helper()
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	var vocab []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range text.Words(string(b)) {
			if len(w) > 1 {
				vocab = append(vocab, w) // repeats keep the seeds' word frequencies
			}
		}
	}
	r := rand.New(rand.NewPCG(1, uint64(n)))
	sentence := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(ws, " ")
	}
	pool := make([]string, n/2+10)
	for i := range pool {
		pool[i] = sentence(8 + r.IntN(18))
	}
	names := []string{"Alma Reyes", "Boris Tal", "Chen Wu", "Dana Holt", "Emil Stroud", "Farah Aziz", "Gus Moreno", "Hana Ito"}
	docs := make([]*accord.Document, n)
	for i := range docs {
		var b strings.Builder
		for p := 0; p < 12; p++ {
			name := names[r.IntN(len(names))]
			switch r.IntN(4) {
			case 0:
				q := sentence(8 + r.IntN(18))
				if r.IntN(3) == 0 {
					q = pool[r.IntN(len(pool))]
					if w := strings.Fields(q); r.IntN(2) == 0 && len(w) > 10 {
						q = strings.Join(w[:len(w)*2/3], " ")
					}
				}
				b.WriteString("“" + q + ",” " + name + " said on Monday.")
			case 1:
				b.WriteString(name + " said that " + sentence(10+r.IntN(10)) + ".")
			default:
				b.WriteString(strings.ToUpper(sentence(1)[:1]) + sentence(15 + r.IntN(15))[1:] + ".")
			}
			b.WriteString("\n\n")
		}
		d := &accord.Document{ID: "s" + strconv.Itoa(i), Text: b.String()}
		if err := text.New().Annotate(d); err != nil {
			t.Fatal(err)
		}
		docs[i] = d
	}
	return docs
}

// BenchmarkCorpus measures the quote stages on a synthetic corpus of 2,000
// documents: extraction and attribution per document, then matching the
// statements across all of them. Run with -cpu 1 for docs/s per core.
func BenchmarkCorpus(b *testing.B) {
	docs := synthCorpus(b, 2000)
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			d.Quotes = Extract(d)
		}
		c := accord.NewCorpus(docs, accord.Options{})
		if err := NewCorpus().Analyze(context.Background(), c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
	// On a shared machine wall time overstates the cost: docs per CPU-second
	// of this process (all goroutines; the stages use one).
	b.ReportMetric(float64(b.N*len(docs))/(cpuSeconds()-cpu0), "docs/cpu-s")
}

// TestSynthCorpusMatches checks that the synthetic corpus's repeated
// statements group across documents (so that the benchmark measures real
// matching) and that different statements stay apart.
func TestSynthCorpusMatches(t *testing.T) {
	docs := synthCorpus(t, 200)
	for _, d := range docs {
		d.Quotes = Extract(d)
	}
	c := accord.NewCorpus(docs, accord.Options{})
	if err := NewCorpus().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	multi, biggest := 0, 0
	sizes := map[int]int{}
	for _, q := range c.Quotes {
		ds := map[string]bool{}
		for _, v := range q.Variants {
			ds[v.Document] = true
		}
		if len(ds) > 1 {
			multi++
		}
		biggest = max(biggest, len(q.Variants))
		sizes[len(q.Variants)]++
	}
	var ks []int
	for k := range sizes {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	t.Logf("%d statements, %d across documents, sizes %v", len(c.Quotes), multi, sizes)
	if multi < 20 || biggest > 40 {
		t.Errorf("%d statements across documents, largest %d variants", multi, biggest)
	}
}
