package timex

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// loadSeeds reads the five seed articles; a leading "date YYYY-MM-DD" line
// is metadata (as the ingester reads it).
func loadSeeds(t testing.TB) *accord.Corpus {
	t.Helper()
	files, err := filepath.Glob("testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var docs []*accord.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		d := &accord.Document{ID: strings.TrimSuffix(filepath.Base(f), ".txt")}
		if trimmed := strings.TrimSpace(s); strings.HasPrefix(trimmed, "date ") {
			d.Published = trimmed[5:15]
			d.PublishedBasis = accord.BasisText
			s = strings.TrimSpace(trimmed[15:])
		}
		d.Text = s
		if err := text.New().Annotate(d); err != nil {
			t.Fatal(err)
		}
		if err := New().Annotate(d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	c := accord.NewCorpus(docs, accord.Options{})
	if err := NewCorpus().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSeedsPublication(t *testing.T) {
	c := loadSeeds(t)
	// Publication days read from the articles themselves (see docs/notes/timex.md).
	want := map[string]string{
		"000_eb16ce2bdaf754b6": "2022-01-10",
		"001_5520211c78aac45f": "2022-01-10",
		"002_fe3f2a92b747950d": "2022-01-14",
		"003_7e33a5092b9d5df3": "2022-01-13", // "was not involved in the ... meeting on Thursday"
		"004_61c29e4f4db52dc5": "2022-01-14",
	}
	for _, d := range c.Docs {
		w := want[d.ID]
		got, ok := ParseRef(d.Published)
		wt, _ := ParseRef(w)
		if !ok {
			t.Errorf("%s: no date (want %s)", d.ID, w)
			continue
		}
		if diff := got.Sub(wt); diff > 24*time.Hour || diff < -24*time.Hour {
			t.Errorf("%s: published %s (%s), want %s ±1 day", d.ID, d.Published, d.PublishedBasis, w)
		}
	}
}

func TestSeedsTimeline(t *testing.T) {
	c := loadSeeds(t)
	dates := map[string][]string{}
	for _, it := range c.Timeline {
		dates[it.Date] = append(dates[it.Date], it.Documents...)
		t.Logf("%s %v %q", it.Date, it.Documents, it.Summary)
	}
	for _, d := range []string{"2022-01-10", "2022-01-12", "2022-01-13", "2021-12-30", "2021-06"} {
		if len(dates[d]) == 0 {
			t.Errorf("timeline has no %s", d)
		}
	}
	var ds []string
	for d := range dates {
		ds = append(ds, d)
	}
	sort.Strings(ds)
	t.Logf("dates: %v", ds)
}
