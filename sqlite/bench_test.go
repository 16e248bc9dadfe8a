package sqlite

import (
	"context"
	"testing"

	"github.com/accord-news/accord/storetest"
)

// BenchmarkPut stores synthetic 2 KB documents in batches of 1,000 with the
// FTS index on, and reports documents per second.
func BenchmarkPut(b *testing.B) {
	const batch = 1000
	ctx := context.Background()
	s := openTemp(b)
	defer s.Close()
	docs := storetest.Inputs("bench", b.N*batch, 2048)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text) + len(d.Title))
	}
	b.SetBytes(bytes / int64(b.N))
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		n, err := s.Put(ctx, docs[i*batch:(i+1)*batch])
		if err != nil || n != batch {
			b.Fatalf("Put = %d, %v", n, err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "docs/s")
	// On a shared machine wall time depends on the neighbours; docs per
	// CPU-second (user+system of this process) does not.
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N*batch)/cpu.Seconds(), "docs/cpu-s")
	}
}

// BenchmarkSearch runs queries (20 hits with snippets) against 10,000 stored
// synthetic 2 KB documents. The synthetic vocabulary is tiny, so "common"
// queries match nearly every document and bm25 ranks all of them: the worst
// case. "rare" queries match a handful of documents, as most real queries do.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	s := openTemp(b)
	defer s.Close()
	docs := storetest.Inputs("search", 10000, 2048)
	for i := 0; i < len(docs); i += 1000 {
		if _, err := s.Put(ctx, docs[i:i+1000]); err != nil {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct {
		name    string
		queries []string
	}{
		{"common", []string{"budget talks", `"trade deal"`, "river OR mountain", "farmers -police", "sci*"}},
		{"rare", []string{"1234", `"search 777"`, "4321 OR 9876", "55 -police", "999*"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := s.Search(ctx, bc.queries[i%len(bc.queries)], 20); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(float64(b.N)/cpu.Seconds(), "queries/cpu-s")
			}
		})
	}
}
