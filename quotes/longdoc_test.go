package quotes

import (
	"context"
	"fmt"
	"testing"

	"github.com/accord-news/accord/internal/longdoc"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/text"
)

// BenchmarkLongDocument extracts the quotes of one long document (and
// matches them in the corpus stage). ns/op should grow about as the
// document: 4x the sentences, about 4x the time.
func BenchmarkLongDocument(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			d := &accord.Document{ID: "long", Text: longdoc.Text(n)}
			_ = text.New().Annotate(d)
			_ = entities.New().Annotate(d)
			b.SetBytes(int64(len(d.Text)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d.Quotes = Extract(d)
				c := accord.NewCorpus([]*accord.Document{d}, accord.Options{})
				if err := NewCorpus().Analyze(context.Background(), c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(d.Quotes)), "quotes")
		})
	}
}
