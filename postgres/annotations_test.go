package postgres

import (
	"context"
	"testing"

	"github.com/accord-news/accord"
)

var _ accord.DocCache = (*Store)(nil)

func TestAnnotations(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, testDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	steps := []struct {
		name    string
		version string
		save    map[string][]byte
		load    []string
		want    map[string]string
	}{
		{"save v1", "v1", map[string][]byte{"h1": []byte("one"), "h2": []byte("two")}, []string{"h1", "h2", "h3"}, map[string]string{"h1": "one", "h2": "two"}},
		{"other version reads nothing", "v2", nil, []string{"h1"}, map[string]string{}},
		{"upsert in v1", "v1", map[string][]byte{"h1": []byte("uno")}, []string{"h1", "h2"}, map[string]string{"h1": "uno", "h2": "two"}},
		{"v2 drops v1", "v2", map[string][]byte{"h1": []byte("eins")}, []string{"h1", "h2"}, map[string]string{"h1": "eins"}},
		{"v1 is gone", "v1", nil, []string{"h1", "h2"}, map[string]string{}},
	}
	for _, s := range steps {
		if err := st.SaveAnnotations(ctx, s.version, s.save); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		got, err := st.LoadAnnotations(ctx, s.version, s.load)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if len(got) != len(s.want) {
			t.Errorf("%s: got %d annotations, want %d", s.name, len(got), len(s.want))
		}
		for h, w := range s.want {
			if string(got[h]) != w {
				t.Errorf("%s: %s = %q, want %q", s.name, h, got[h], w)
			}
		}
	}
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}
