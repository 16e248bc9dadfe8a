package ingest

import (
	"strings"
	"testing"
)

func TestDecodeHTMLCharsets(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8 declared latin-1", []byte(`<html><head><meta charset="iso-8859-1"></head><body>Café – “quoted”</body></html>`), "Café – “quoted”"},
		{"latin-1 declared latin-1", []byte("<html><head><meta charset=\"iso-8859-1\"></head><body>Caf\xe9</body></html>"), "Café"},
		{"ascii declared windows-1252", []byte(`<html><head><meta charset="windows-1252"></head><body>Plain</body></html>`), "Plain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeHTML(tt.in, "")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("decodeHTML = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}
