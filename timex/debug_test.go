package timex

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

func TestDebugInfer(t *testing.T) {
	id := os.Getenv("TIMEX_DEBUG_DOC")
	if id == "" {
		t.Skip()
	}
	debugInfer = func(doc string, p time.Time, score, match float64, vals []string) {
		if doc == id {
			t.Logf("%s %s score=%.2f match=%.2f", doc, p.Format("2006-01-02 Mon"), score, match)
		}
	}
	debugMatch = func(doc string, p time.Time, tx string, a anchor, v float64) {
		if doc == id {
			t.Logf("   match %s %q -> %s %s w=%.2f v=%.2f names=%v", p.Format("01-02"), tx, a.doc, a.date.Format("2006-01-02"), a.weight, v, a.sig.names)
		}
	}
	defer func() { debugInfer, debugMatch = nil, nil }()
	loadSeeds(t)
}

func TestDebugCands(t *testing.T) {
	id := os.Getenv("TIMEX_DEBUG_DOC")
	if id == "" {
		t.Skip()
	}
	c := loadSeeds(t)
	d := c.Doc(id)
	for _, cd := range Detect(d.Text, d.Tokens, d.Sentences) {
		t.Logf("%q kind=%d tense=%d tdist=%d dir=%d", d.Text[cd.Start:cd.End], cd.spec.kind, cd.spec.tense, cd.spec.tdist, cd.spec.dir)
	}
}

// TestDebugReplay replays the corpus stage on the documents of a report
// (TIMEX_REPLAY=report.json; its inferred and unknown dates are dropped),
// grouped by the report's stories (TIMEX_REPLAY_STORIES=1) or by the gold
// stories of a copies-dev style gold file (TIMEX_REPLAY_GOLD=gold.json), and
// writes id -> [published, basis] to TIMEX_REPLAY_OUT. Skipped otherwise.
func TestDebugReplay(t *testing.T) {
	path := os.Getenv("TIMEX_REPLAY")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	var r struct {
		Documents []struct {
			ID, Text, Published string
			PublishedBasis      string `json:"published_basis"`
		} `json:"documents"`
		Stories []struct {
			ID        string         `json:"id"`
			Documents []string       `json:"documents"`
			Events    []accord.Event `json:"events"`
		} `json:"stories"`
	}
	_ = json.Unmarshal(b, &r)
	var docs []*accord.Document
	for _, x := range r.Documents {
		d := &accord.Document{ID: x.ID, Text: x.Text}
		if x.PublishedBasis != "inferred" && x.PublishedBasis != "unknown" {
			d.Published, d.PublishedBasis = x.Published, x.PublishedBasis
		}
		_ = text.New().Annotate(d)
		_ = New().Annotate(d)
		docs = append(docs, d)
	}
	c := accord.NewCorpus(docs, accord.Options{})
	if os.Getenv("TIMEX_REPLAY_STORIES") != "" {
		for _, s := range r.Stories {
			c.Stories = append(c.Stories, accord.Story{ID: s.ID, Documents: s.Documents, Events: s.Events})
		}
	}
	if gp := os.Getenv("TIMEX_REPLAY_GOLD"); gp != "" {
		var g struct{ Stories [][]string }
		gb, _ := os.ReadFile(gp)
		_ = json.Unmarshal(gb, &g)
		c.Stories = nil
		for i, s := range g.Stories {
			c.Stories = append(c.Stories, accord.Story{ID: fmt.Sprint(i), Documents: s})
		}
	}
	if out := os.Getenv("TIMEX_REPLAY_OUT"); out != "" {
		defer func() {
			m := map[string][2]string{}
			for _, d := range c.Docs {
				m[d.ID] = [2]string{d.Published, d.PublishedBasis}
			}
			b, _ := json.Marshal(m)
			_ = os.WriteFile(out, b, 0o644)
		}()
	}
	if id := os.Getenv("TIMEX_DEBUG_DOC"); id != "" {
		debugMatch = func(doc string, p time.Time, tx string, a anchor, v float64) {
			if doc == id {
				t.Logf("   match %s %q -> %s %s w=%.2f v=%.2f", p.Format("2006-01-02"), tx, a.doc, a.date.Format("2006-01-02"), a.weight, v)
			}
		}
		debugInfer = func(doc string, p time.Time, score, match float64, vals []string) {
			if doc == id {
				t.Logf("%s score=%.2f match=%.2f", p.Format("2006-01-02 Mon"), score, match)
			}
		}
		defer func() { debugMatch, debugInfer = nil, nil }()
	}
	_ = NewCorpus().Analyze(context.Background(), c)
	n := 0
	for _, d := range c.Docs {
		if d.PublishedBasis == accord.BasisInferred {
			n++
			t.Logf("%s %s", d.ID, d.Published)
		}
	}
	t.Logf("inferred %d", n)
}

// TestDebugText prints the candidates of one document of a JSONL input
// (TIMEX_DEBUG_JSONL=input.jsonl TIMEX_DEBUG_DOC=id) with their tense cues.
func TestDebugText(t *testing.T) {
	path, id := os.Getenv("TIMEX_DEBUG_JSONL"), os.Getenv("TIMEX_DEBUG_DOC")
	if path == "" || id == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	for _, line := range strings.Split(string(b), "\n") {
		var x struct{ ID, Text, Published string }
		if json.Unmarshal([]byte(line), &x) != nil || x.ID != id {
			continue
		}
		d := &accord.Document{ID: x.ID, Text: x.Text}
		_ = text.New().Annotate(d)
		ref, ok := ParseRef(x.Published)
		cands := Detect(d.Text, d.Tokens, d.Sentences)
		specs := map[int]spec{}
		for _, c := range cands {
			specs[c.Start] = c.spec
		}
		for _, tx := range Normalize(d.Text, cands, ref, ok) {
			sp := specs[tx.Start]
			t.Logf("%q %s tense=%d tdist=%d cue=%q after=%v prev=%q sent=%d", tx.Text, tx.Value, sp.tense, sp.tdist, sp.tcue, sp.tafter, sp.prev, sp.sent)
		}
	}
}
