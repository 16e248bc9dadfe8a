package copies

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// loadDir reads every .txt file of dir as one document (id = file name
// without extension), cleaned as plain text and segmented.
func loadDir(t testing.TB, dir string) []*accord.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s: %v", dir, err)
	}
	sort.Strings(files)
	var docs []*accord.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		d := &accord.Document{ID: id, Text: string(b)}
		_ = text.New().Annotate(d)
		docs = append(docs, d)
	}
	return docs
}

// The five seed articles: the spun 002 is a copy of 004 (which keeps the
// original wording), and nothing else is a copy; 004 relays 9News and the
// Daily Mail (citing Axios).
func TestSeeds(t *testing.T) {
	docs := loadDir(t, "testdata/seeds")
	c := accord.NewCorpus(docs, accord.Options{NoClean: true})
	if err := New().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	var copyLinks []accord.Link
	cited := map[string][]string{}
	for _, l := range c.Links {
		if l.Kind == accord.LinkCites {
			cited[l.From] = append(cited[l.From], l.Outlet)
			continue
		}
		copyLinks = append(copyLinks, l)
	}
	if len(copyLinks) != 1 {
		t.Fatalf("want exactly one copy link, got %+v", copyLinks)
	}
	l := copyLinks[0]
	if !strings.HasPrefix(l.From, "002_") || !strings.HasPrefix(l.To, "004_") || l.Kind != accord.LinkSpun {
		t.Errorf("want 002 -> 004 spun_copy, got %s -> %s %s", l.From, l.To, l.Kind)
	}
	if l.Score <= 0 || l.Score > 1 || len(l.Evidence) == 0 {
		t.Errorf("score %v evidence %v", l.Score, l.Evidence)
	}
	t.Logf("evidence: %q", l.Evidence)
	if len(c.Groups) != 4 {
		t.Errorf("want 4 independent groups, got %v", c.Groups)
	}
	var c004 []string
	for id, outs := range cited {
		if strings.HasPrefix(id, "004_") {
			c004 = outs
		}
	}
	sort.Strings(c004)
	for _, want := range []string{"9News", "Axios", "Daily Mail"} {
		found := false
		for _, o := range c004 {
			found = found || o == want
		}
		if !found {
			t.Errorf("004 cites %v, want %q among them", c004, want)
		}
	}
	t.Logf("citations: %v", cited)
}
