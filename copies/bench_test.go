package copies

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

// benchDocs returns n documents made from the seed texts, each with a
// distinct prefix so that none is an exact copy.
func benchDocs(b *testing.B, n int) []*accord.Document {
	seeds := loadDir(b, "testdata/seeds")
	out := make([]*accord.Document, n)
	for i := range out {
		s := seeds[i%len(seeds)]
		out[i] = &accord.Document{ID: fmt.Sprintf("d%07d", i), Text: fmt.Sprintf("Item %d of the feed. ", i) + s.Text}
	}
	return out
}

// BenchmarkSignature measures tokenizing and both MinHash signatures (with
// their LSH band keys) per document.
func BenchmarkSignature(b *testing.B) {
	docs := benchDocs(b, 64)
	x := NewIndex()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.signature(docs[i%len(docs)], new(entry), new(docSig))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkIndexAdd measures signature + LSH insertion + candidate lookup
// for distinct documents (no verification: the texts share little).
func BenchmarkIndexAdd(b *testing.B) {
	x := NewIndex()
	x.Workers = 1
	rng := rand.New(rand.NewSource(1))
	docs := make([]*accord.Document, b.N)
	for i := range docs {
		var sb strings.Builder
		for k := 0; k < 300; k++ {
			// a Zipf-like vocabulary of 50,000 pseudo-words
			fmt.Fprintf(&sb, "w%d ", int(50000*rng.Float64()*rng.Float64()))
			if k%20 == 19 {
				sb.WriteString(". ")
			}
		}
		docs[i] = &accord.Document{ID: fmt.Sprintf("d%08d", i), Text: sb.String()}
	}
	b.ResetTimer()
	const chunk = 1000
	for i := 0; i < len(docs); i += chunk {
		j := i + chunk
		if j > len(docs) {
			j = len(docs)
		}
		x.AddBatch(docs[i:j])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkVerifySpun measures one full verification of a spun pair.
func BenchmarkVerifySpun(b *testing.B) {
	docs := fixtureDocs()
	x := NewIndex()
	x.AddBatch(docs)
	p := newPrepCache(x.cache)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if x.verify(0, 3, p) == nil {
			b.Fatal("spun pair not verified")
		}
	}
}
