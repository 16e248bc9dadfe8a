package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/storetest"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "accord.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) accord.Store { return openTemp(t) })
}

func TestConformanceMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) accord.Store {
		s, err := Open(":memory:")
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "weird ?#% name.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.SchemaVersion(ctx); err != nil || v != len(migrations) {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, len(migrations))
	}
	if _, err := s.Put(ctx, storetest.Inputs("m", 5, 100)); err != nil {
		t.Fatal(err)
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
	s.Close()

	// Re-open: nothing applied twice, data kept.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM schema_migrations").Scan(&n); err != nil || n != len(migrations) {
		t.Errorf("schema_migrations rows = %d, %v; want %d", n, err, len(migrations))
	}
	if c, _ := s.Count(ctx); c != 5 {
		t.Errorf("Count after reopen = %d, want 5", c)
	}
	// A database from a newer program is refused.
	if _, err := s.db.Exec("INSERT INTO schema_migrations VALUES (999, 'future')"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := Open(path); err == nil {
		s.Close()
		t.Error("Open accepted a database with a newer schema")
	}

	// A SQLite file that is not an Accord store is refused.
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA application_id = 42; CREATE TABLE t(x)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if s, err := Open(other); err == nil {
		s.Close()
		t.Error("Open accepted a foreign database")
	}

	// A file that is not a database is refused and left as it was.
	junk := filepath.Join(dir, "notes.txt")
	content := strings.Repeat("not a database\n", 500)
	if err := os.WriteFile(junk, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err := Open(junk); err == nil {
		s.Close()
		t.Error("Open accepted a text file")
	}
	if b, err := os.ReadFile(junk); err != nil || string(b) != content {
		t.Errorf("Open changed a text file it refused")
	}
	if s, err := Open(filepath.Join(dir, "no", "such", "dir", "x.db")); err == nil {
		s.Close()
		t.Error("Open succeeded in a missing directory")
	}
}

func TestVersionsAndExtras(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	defer s.Close()
	batch := []*accord.Input{
		{ID: "a", Text: "one"},
		{ID: "a", Text: "two"},
		{ID: "b", Text: "bee"},
		{Text: "no id here"},
	}
	if n, err := s.Put(ctx, batch); err != nil || n != 4 {
		t.Fatalf("Put = %d, %v", n, err)
	}
	if n, err := s.Put(ctx, []*accord.Input{{ID: "a", Text: "three"}}); err != nil || n != 1 {
		t.Fatalf("Put = %d, %v", n, err)
	}
	vs, err := s.Versions(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, v := range vs {
		texts = append(texts, v.Input.Text)
		if v.Latest != (v.Version == 3) {
			t.Errorf("version %d latest=%v", v.Version, v.Latest)
		}
	}
	if strings.Join(texts, ",") != "three,two,one" {
		t.Errorf("Versions texts = %v", texts)
	}
	if _, err := s.Versions(ctx, "zzz"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Versions(missing) = %v", err)
	}
	noID := accord.TextID("no id here")
	if in, err := s.Get(ctx, noID); err != nil || in.Text != "no id here" {
		t.Errorf("Get(TextID) = %v, %v", in, err)
	}
	ids, err := s.IDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{noID, "a", "b"}
	sort.Strings(want)
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Errorf("IDs = %v, want %v", ids, want)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs != 3 || st.Versions != 5 || st.DBBytes <= 0 || st.SchemaVersion != len(migrations) {
		t.Errorf("Stats = %+v", st)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
	// Stored content cannot be rewritten in place.
	if _, err := s.db.Exec("UPDATE docs SET text = 'x' WHERE id = 'b'"); err == nil {
		t.Error("in-place update of stored text succeeded")
	}
	// Report history is bounded.
	for i := 0; i < 3*keepReports; i++ {
		if err := s.SaveReport(ctx, []byte("{}"), i); err != nil {
			t.Fatal(err)
		}
	}
	if st, _ := s.Stats(ctx); st.Reports != keepReports {
		t.Errorf("reports kept = %d, want %d", st.Reports, keepReports)
	}
}

func TestSearchOptions(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	defer s.Close()
	text := strings.Repeat("filler words here. ", 50) + "The lighthouse keeper waved. " + strings.Repeat("more filler. ", 50)
	if _, err := s.Put(ctx, []*accord.Input{{ID: "x", Title: "Coast", Text: text}}); err != nil {
		t.Fatal(err)
	}
	hits, err := s.SearchWith(ctx, "lighthouse", SearchOptions{Open: "<b>", Close: "</b>", Ellipsis: "...", Tokens: 6})
	if err != nil || len(hits) != 1 {
		t.Fatalf("SearchWith = %v, %v", hits, err)
	}
	sn := hits[0].Snippet
	if !strings.Contains(sn, "<b>lighthouse</b>") || !strings.Contains(sn, "...") || len(sn) > 80 {
		t.Errorf("snippet = %q", sn)
	}
	if hits[0].Score <= 0 {
		t.Errorf("score = %v, want > 0", hits[0].Score)
	}
	if _, err := s.Search(ctx, `"" -- ()`, 5); !errors.Is(err, ErrEmptyQuery) {
		t.Errorf("Search(no words) error = %v, want ErrEmptyQuery", err)
	}
}

// TestTwoHandles writes through two Store handles on one file at once (as two
// processes would): the write lock serializes them and nothing is lost.
func TestTwoHandles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	docs := storetest.Inputs("two", 200, 300)
	errc := make(chan error, 2)
	for i, s := range []*Store{a, b} {
		go func(s *Store, part []*accord.Input) {
			for j := 0; j < len(part); j += 20 {
				if _, err := s.Put(ctx, part[j:j+20]); err != nil {
					errc <- err
					return
				}
			}
			errc <- nil
		}(s, docs[i*100:(i+1)*100])
	}
	for i := 0; i < 2; i++ {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []*Store{a, b} {
		if n, err := s.Count(ctx); err != nil || n != 200 {
			t.Errorf("Count = %d, %v; want 200", n, err)
		}
	}
	if err := a.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

// TestLargeBatches crosses the bulk-lookup chunk size (inChunk) with stored,
// new and re-versioned inputs mixed in one batch.
func TestLargeBatches(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	defer s.Close()
	defer func(n int) { inChunk = n }(inChunk)
	inChunk = 7
	docs := storetest.Inputs("big", 150, 50)
	if n, err := s.Put(ctx, docs[:120]); err != nil || n != 120 {
		t.Fatalf("Put = %d, %v", n, err)
	}
	if n, err := s.Put(ctx, docs); err != nil || n != 30 {
		t.Fatalf("re-Put = %d, %v; want 30", n, err)
	}
	var changed []*accord.Input
	for i := 0; i < 150; i += 2 {
		c := *docs[i]
		c.Text += " revised"
		changed = append(changed, &c)
	}
	batch := append(append([]*accord.Input{}, docs...), changed...)
	if n, err := s.Put(ctx, batch); err != nil || n != len(changed) {
		t.Fatalf("Put with new versions = %d, %v; want %d", n, err, len(changed))
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs != 150 || st.Versions != 150+len(changed) {
		t.Errorf("Stats = %+v; want 150 docs, %d rows", st, 150+len(changed))
	}
	if in, err := s.Get(ctx, docs[0].ID); err != nil || !strings.HasSuffix(in.Text, " revised") {
		t.Errorf("Get = %v, %v; want the revised text", in, err)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}
