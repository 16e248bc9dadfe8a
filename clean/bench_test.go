package clean

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/accord-news/accord"
)

// BenchmarkCleanHTML cleans the trafilatura-eval pages when they are present
// (skipped elsewhere): go test -bench CleanHTML -benchtime 1x ./clean/
func BenchmarkCleanHTML(b *testing.B) {
	files, _ := filepath.Glob("/work/shared/data/trafilatura-eval/accord/html/*.html.gz")
	if len(files) == 0 {
		b.Skip("no pages")
	}
	if len(files) > 200 {
		files = files[:200]
	}
	var pages []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		gz, err := gzip.NewReader(fh)
		if err != nil {
			b.Fatal(err)
		}
		data, _ := io.ReadAll(gz)
		fh.Close()
		pages = append(pages, string(data))
	}
	c := New()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			c.Clean(&accord.Input{HTML: p}, accord.Options{})
		}
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}
