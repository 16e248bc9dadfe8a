package sqlite

import (
	"context"
	"path/filepath"
	"testing"
)

func TestAnnotations(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveAnnotations(ctx, "v1", map[string][]byte{"h1": []byte("one"), "h2": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	got, err := st.LoadAnnotations(ctx, "v1", []string{"h1", "h2", "h3"})
	if err != nil || len(got) != 2 || string(got["h1"]) != "one" {
		t.Fatalf("load v1: %v %v", got, err)
	}
	if got, _ := st.LoadAnnotations(ctx, "v2", []string{"h1"}); len(got) != 0 {
		t.Errorf("another version read v1's annotations: %v", got)
	}
	// Saving a new version drops the old one.
	if err := st.SaveAnnotations(ctx, "v2", map[string][]byte{"h1": []byte("uno")}); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.LoadAnnotations(ctx, "v1", []string{"h1", "h2"}); len(got) != 0 {
		t.Errorf("old version kept: %v", got)
	}
	many := make([]string, 1200)
	for i := range many {
		many[i] = "x"
	}
	if _, err := st.LoadAnnotations(ctx, "v2", many); err != nil {
		t.Errorf("load in chunks: %v", err)
	}
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}
