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
