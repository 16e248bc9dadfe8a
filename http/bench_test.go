package http

import (
	"net/http/httptest"
	"testing"

	"github.com/accord-news/accord/http/internal/synth"
)

// BenchmarkStoryPage serves the cached story page of a 1,000-document story.
func BenchmarkStoryPage(b *testing.B) {
	s := NewServer(nil, nil, Options{})
	s.SetReport(synth.Report(1000, 1))
	h := s.Handler()
	for _, gz := range []bool{false, true} {
		name := "identity"
		if gz {
			name = "gzip"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				req := httptest.NewRequest("GET", "/stories/S1", nil)
				if gz {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatal(rec.Code)
				}
			}
		})
	}
}
