package timex

import (
	"context"
	"fmt"
	"testing"

	"github.com/accord-news/accord/internal/longdoc"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/text"
)

// BenchmarkLongDocument runs the corpus stage (reference dates, the
// sentence signatures of every time expression) on one long document.
// ns/op should grow about as the document: 4x the sentences, about 4x.
func BenchmarkLongDocument(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			d := &accord.Document{ID: "long", Text: longdoc.Text(n), Published: "2022-01-14"}
			_ = text.New().Annotate(d)
			_ = entities.New().Annotate(d)
			_ = New().Annotate(d)
			b.SetBytes(int64(len(d.Text)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				c := accord.NewCorpus([]*accord.Document{d}, accord.Options{})
				if err := NewCorpus().Analyze(context.Background(), c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(d.Timexes)), "timexes")
		})
	}
}
