package postgres

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/accord-news/accord/storetest"
)

func TestTsQuery(t *testing.T) {
	cases := []struct{ in, want string }{
		{"river", "('river')"},
		{"RIVER valley", "('RIVER') & ('valley')"},
		{`"budget talks"`, "(('budget' <-> 'talks'))"},
		{"budg*", "('budg':*)"},
		{"river OR orchestra", "('river' | 'orchestra')"},
		{"river AND orchestra", "('river') & ('orchestra')"},
		{"valley OR budget -river", "('valley' | 'budget') & !'river'"},
		{"café", "('cafe')"},
		{"-river", ""},
		{"NOT river", ""},
		{`'; DROP TABLE docs; --`, "('DROP') & ('TABLE') & ('docs')"},
		{"", ""},
		{`((( """ ***`, ""},
		{"well-known", "('well') & ('known')"},
	}
	for _, tc := range cases {
		if got := tsQuery(tc.in); got != tc.want {
			t.Errorf("tsQuery(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzTsQuery(f *testing.F) {
	for _, q := range storetest.HostileQueries {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		s := tsQuery(q)
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			t.Fatalf("tsQuery(%q) = %q: invalid text", q, s)
		}
		// Every quoted word holds only letters and digits: no quote inside.
		if strings.Count(s, "'")%2 != 0 || strings.Contains(s, "\\") {
			t.Fatalf("tsQuery(%q) = %q: unbalanced quoting", q, s)
		}
	})
}
