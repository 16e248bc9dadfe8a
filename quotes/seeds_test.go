package quotes

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

// speakerEntities stands in for the entities stage in tests: one entity per
// surname (the last word of the speaker text), its mentions the speaker spans.
func speakerEntities(c *accord.Corpus) {
	byKey := map[string]*accord.Entity{}
	var keys []string
	for _, d := range c.Docs {
		for _, q := range d.Quotes {
			f := strings.Fields(q.SpeakerText)
			if len(f) == 0 || q.SpeakerSpan.Len() <= 0 {
				continue
			}
			k := strings.ToLower(f[len(f)-1])
			e := byKey[k]
			if e == nil {
				e = &accord.Entity{ID: "E-" + k, Name: q.SpeakerText, Type: "PERSON"}
				byKey[k] = e
				keys = append(keys, k)
			}
			e.Aliases = append(e.Aliases, q.SpeakerText)
			e.Mentions = append(e.Mentions, accord.SpanRef{Document: d.ID, Start: q.SpeakerSpan.Start, End: q.SpeakerSpan.End, Text: d.Slice(q.SpeakerSpan)})
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		c.Entities = append(c.Entities, *byKey[k])
	}
}

func loadSeeds(t testing.TB) *accord.Corpus {
	t.Helper()
	files, err := filepath.Glob("testdata/seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %v %d", err, len(files))
	}
	var docs []*accord.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		docs = append(docs, annotate(t, id, string(b)))
	}
	c := accord.NewCorpus(docs, accord.Options{})
	speakerEntities(c)
	if err := NewCorpus().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

// quoteOf returns the quote holding a variant in doc whose text contains s.
func quoteOf(c *accord.Corpus, doc, s string) (*accord.Quote, *accord.QuoteVariant) {
	for i := range c.Quotes {
		for j := range c.Quotes[i].Variants {
			v := &c.Quotes[i].Variants[j]
			if strings.HasPrefix(v.Document, doc) && strings.Contains(v.Text, s) {
				return &c.Quotes[i], v
			}
		}
	}
	return nil, nil
}

func TestSeeds(t *testing.T) {
	c := loadSeeds(t)
	// Every quotation of four or more words is found.
	re := regexp.MustCompile(`[“"‘]([^”"’“]{12,}?)[”"’]`)
	for _, d := range c.Docs {
		for _, m := range re.FindAllStringSubmatchIndex(d.Text, -1) {
			inner := accord.Span{Start: m[2], End: m[3]}
			body := strings.TrimSpace(d.Text[inner.Start:inner.End])
			if len(strings.Fields(body)) < 4 || strings.Contains(body, "\n") || titleCased(body) {
				continue // a title, not speech
			}
			found := false
			for _, q := range d.Quotes {
				if q.Overlaps(inner) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: quote not found: %q", d.ID, body)
			}
		}
	}
	// Cross-outlet statements.
	groups := []struct {
		name     string
		a, as    string
		b, bs    string
		spunB    bool
		partialA bool
	}{
		{"subtitle and tweet", "001", "while also sharing our own", "001", "and share our own", false, true},
		{"spun drumbeat", "004", "rhetoric has gotten rather shrill", "002", "unsupported claims has actually obtained", true, false},
		{"partial drumbeat", "004", "Drumbeat of war is sounding loud", "004", "rhetoric has gotten rather shrill", false, true},
		{"spun dead-end", "004", "a difference in approaches", "002", "a distinction in methods", false, false},
		{"spun seriously", "004", "We have to take this very seriously", "002", "We need to take this really seriously", true, false},
		{"principles", "000", "the international principles of sovereignty", "001", "the international principles of sovereignty", false, false},
	}
	for _, g := range groups {
		qa, va := quoteOf(c, g.a, g.as)
		qb, vb := quoteOf(c, g.b, g.bs)
		if qa == nil || qb == nil {
			t.Errorf("%s: variant missing (%v, %v)", g.name, qa != nil, qb != nil)
			continue
		}
		if qa.ID != qb.ID {
			t.Errorf("%s: %s and %s are separate statements (%q / %q)", g.name, qa.ID, qb.ID, qa.Text, qb.Text)
			continue
		}
		if g.spunB && !vb.Spun {
			t.Errorf("%s: %q not marked spun", g.name, vb.Text)
		}
		if g.partialA && !va.Partial {
			t.Errorf("%s: %q not marked partial", g.name, va.Text)
		}
	}
	// Different statements stay apart.
	apart := [][2]string{
		{"I don’t think that we can expect", "What we are hoping for is that"},
		{"There is no reason to fear", "We will not allow anyone to slam closed"},
	}
	for _, p := range apart {
		qa, _ := quoteOf(c, "", p[0])
		qb, _ := quoteOf(c, "", p[1])
		if qa == nil || qb == nil || qa.ID == qb.ID {
			t.Errorf("%q and %q: want two statements", p[0], p[1])
		}
	}
	// The 001 subtitle gives the statement to Bolton; its speaker is Sherman.
	q, v := quoteOf(c, "001", "while also sharing our own")
	if q == nil || v.StatedSpeaker == nil || !strings.Contains(*v.StatedSpeaker, "bolton") {
		t.Errorf("subtitle stated speaker: %+v", v)
	}
	if q == nil || q.Speaker == nil || !strings.Contains(*q.Speaker, "sherman") {
		t.Errorf("statement speaker: %+v", q)
	}
	// Ids, order.
	for i, q := range c.Quotes {
		if q.ID != "Q"+itoa(i+1) {
			t.Errorf("quote %d has id %s", i, q.ID)
		}
		if !sort.SliceIsSorted(q.Variants, func(a, b int) bool {
			va, vb := q.Variants[a], q.Variants[b]
			return va.Document < vb.Document || va.Document == vb.Document && va.Start < vb.Start
		}) {
			t.Errorf("%s: variants unsorted", q.ID)
		}
	}
}

func titleCased(s string) bool {
	for _, w := range strings.Fields(s) {
		if len(w) > 4 && strings.ToLower(w[:1]) == w[:1] {
			return false
		}
	}
	return true
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	var docs []*accord.Document
	for _, f := range files {
		bs, _ := os.ReadFile(f)
		d := annotate(b, f, string(bs))
		docs = append(docs, d)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			d.Quotes = Extract(d)
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkMatch(b *testing.B) {
	c := loadSeeds(b)
	m := NewCorpus()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Match(c)
	}
}
