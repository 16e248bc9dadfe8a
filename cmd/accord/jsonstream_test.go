package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/accord-news/accord"
)

// The streamed report is the encoder's, byte for byte.
func TestWriteJSONIndented(t *testing.T) {
	s := "a <b> & \"c\" é\n"
	reports := []*accord.Report{
		{},
		{Version: 1, Documents: []accord.ReportDocument{{ID: "d1", Title: s, Outlet: &s}, {ID: "d2"}},
			Links: []accord.Link{}, Claims: []accord.Claim{{Statement: s, Documents: []string{"d1", "d2"}}},
			Brief: accord.Brief{Sentences: []accord.BriefSentence{}}},
	}
	for i, r := range reports {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		if err := writeJSONIndented(&got, r); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("report %d differs:\n got %s\nwant %s", i, got.String(), want.String())
		}
	}
	// Not a struct: the encoder's output.
	var got bytes.Buffer
	if err := writeJSONIndented(&got, []int{1, 2}); err != nil || got.String() != "[\n  1,\n  2\n]\n" {
		t.Errorf("slice: %q %v", got.String(), err)
	}
}
