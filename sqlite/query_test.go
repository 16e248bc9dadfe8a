package sqlite

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/storetest"
)

func TestFTSQuery(t *testing.T) {
	cases := []struct {
		in, want string
	}{
		{"river", `"river"`},
		{"river valley", `"river" AND "valley"`},
		{`"river valley"`, `"river valley"`},
		{`"river valley"*`, `"river valley"*`},
		{"riv*", `"riv"*`},
		{"river OR valley", `"river" OR "valley"`},
		{"river AND valley", `"river" AND "valley"`},
		{"river or valley", `"river" AND "or" AND "valley"`},
		{"river -valley", `("river") NOT "valley"`},
		{"river NOT valley", `("river") NOT "valley"`},
		{"-valley river", `("river") NOT "valley"`},
		{"(river)", `"river"`},
		{`river -"flood plain"`, `("river") NOT "flood plain"`},
		{`river - "flood plain"`, `"river" AND "flood plain"`},
		{`ri"ver`, `"ri" AND "ver"`},
		{`"unterminated phrase`, `"unterminated phrase"`},
		{"title:river", `"title:river"`},
		{"NEAR(a b)", `"NEAR" AND "a" AND "b"`},
		{"OR river", `"river"`},
		{"river AND", `"river"`},
		{"+river", `"river"`},
		{"rive\xffr", `"rive" AND "r"`},
		{"don't", `"don't"`},
		{"", ""},
		{"  ", ""},
		{`""`, ""},
		{"-river", ""},
		{"*", ""},
		{"AND OR NOT", ""},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ftsQuery(tc.in)
			if tc.want == "" {
				if !errors.Is(err, ErrEmptyQuery) {
					t.Errorf("ftsQuery(%q) = %q, %v; want ErrEmptyQuery", tc.in, got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ftsQuery(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

// FuzzSearchQuery checks that any user query either fails with ErrEmptyQuery
// or runs against a real FTS5 index without error.
func FuzzSearchQuery(f *testing.F) {
	for _, q := range storetest.HostileQueries {
		f.Add(q)
	}
	s, err := Open(":memory:")
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.Put(ctx, append(storetest.Inputs("f", 20, 300),
		&accord.Input{ID: "u", Text: "Zürich 東京 café naïve 🙂 don't"})); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		m, err := ftsQuery(q)
		if err != nil {
			if !errors.Is(err, ErrEmptyQuery) {
				t.Fatalf("ftsQuery(%q): %v", q, err)
			}
			return
		}
		if !utf8.ValidString(m) || strings.ContainsRune(m, 0) {
			t.Fatalf("ftsQuery(%q) = %q: not clean UTF-8", q, m)
		}
		if _, err := s.Search(ctx, q, 3); err != nil {
			t.Fatalf("Search(%q) via %q: %v", q, m, err)
		}
	})
}
