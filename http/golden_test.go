package http

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden compares API answers over the fixture report with testdata/*.golden.json.
// Regenerate with: go test ./http -run TestGolden -update
func TestGolden(t *testing.T) {
	s, _ := fixtureServer(t, Options{})
	h := s.Handler()
	tests := []struct{ name, path string }{
		{"stories", "/api/stories"},
		{"document", "/api/documents/002_fe3f2a92b747950d"},
		{"documents", "/api/documents"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", tc.path, nil))
			if rec.Code != 200 {
				t.Fatalf("status %d", rec.Code)
			}
			var buf bytes.Buffer
			if err := json.Indent(&buf, rec.Body.Bytes(), "", " "); err != nil {
				t.Fatal(err)
			}
			buf.WriteByte('\n')
			file := filepath.Join("testdata", tc.name+".golden.json")
			if *update {
				if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from %s; run go test ./http -run TestGolden -update and review the diff", tc.path, file)
			}
		})
	}
}

// TestDocumentAnnotationsPointIntoTheText checks that every span the document
// endpoint returns is the document's text at that offset.
func TestDocumentAnnotationsPointIntoTheText(t *testing.T) {
	s, _ := fixtureServer(t, Options{})
	snap := s.current()
	snap.index()
	for id, dd := range snap.docAnnot {
		txt := dd.Document.Text
		at := func(kind string, start, end int, want string) {
			if start < 0 || end > len(txt) || start > end || txt[start:end] != want {
				t.Errorf("%s %s [%d,%d) %q does not match the text", id, kind, start, end, want)
			}
		}
		for _, m := range dd.Entities {
			at("entity", m.Start, m.End, m.Text)
		}
		for _, q := range dd.Quotes {
			at("quote", q.Start, q.End, q.Text)
		}
		for _, x := range dd.Timexes {
			at("timex", x.Start, x.End, x.Text)
		}
		for _, x := range dd.Quantities {
			at("quantity", x.Start, x.End, x.Text)
		}
	}
}
