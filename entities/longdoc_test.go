package entities

import (
	"fmt"
	"testing"

	"github.com/accord-news/accord/internal/longdoc"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// BenchmarkLongDocument tags one long document (names, roles, chains).
// ns/op should grow about as the document: 4x the sentences, about 4x.
func BenchmarkLongDocument(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			d := &accord.Document{ID: "long", Text: longdoc.Text(n)}
			_ = text.New().Annotate(d)
			b.SetBytes(int64(len(d.Text)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_ = New().Annotate(d)
			}
			b.ReportMetric(float64(len(d.Mentions)), "mentions")
		})
	}
}
