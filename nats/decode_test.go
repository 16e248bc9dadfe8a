package nats

import (
	"encoding/json"
	"testing"

	"github.com/accord-news/accord"
)

func TestDecode(t *testing.T) {
	cases := []struct {
		in     string
		wantID string
		ok     bool
	}{
		{`{"id":"a","text":"t"}`, "a", true},
		{`{"text":"only text"}`, "", true},
		{`{"id":"x","title_from_text":true}`, "x", true},
		{`null`, "", false},
		{`{}`, "", false},
		{`[]`, "", false},
		{`{"id":7}`, "", false},
		{"\xff", "", false},
		{``, "", false},
	}
	for _, tc := range cases {
		got, err := Decode([]byte(tc.in))
		if (err == nil) != tc.ok {
			t.Errorf("Decode(%q) error = %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if err == nil && got.ID != tc.wantID {
			t.Errorf("Decode(%q).ID = %q, want %q", tc.in, got.ID, tc.wantID)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"id":"a","text":"t","html":"<p>x</p>"}`, `null`, `{}`, "\xff", `{"id":"\u0000"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := Decode(data)
		if err != nil {
			return
		}
		_ = in.Hash()
		// What a worker accepts survives a publish round trip.
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		var back accord.Input
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("round trip: %v", err)
		}
	})
}
