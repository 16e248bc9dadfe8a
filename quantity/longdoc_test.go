package quantity

import (
	"fmt"
	"testing"

	"github.com/accord-news/accord/internal/longdoc"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
	"github.com/accord-news/accord/timex"
)

// BenchmarkLongDocument reads the quantities of one long document whose
// time expressions are many (each quantity is checked against them).
// ns/op should grow about as the document: 4x the sentences, about 4x.
func BenchmarkLongDocument(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			d := &accord.Document{ID: "long", Text: longdoc.Text(n), Published: "2022-01-14"}
			_ = text.New().Annotate(d)
			_ = timex.New().Annotate(d)
			b.SetBytes(int64(len(d.Text)))
			b.ResetTimer()
			var qs []Q
			for i := 0; i < b.N; i++ {
				qs = FindQ(d)
			}
			b.ReportMetric(float64(len(qs)), "quantities")
		})
	}
}
