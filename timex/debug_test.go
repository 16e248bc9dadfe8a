package timex

import (
	"os"
	"testing"
	"time"
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
	defer func() { debugInfer = nil }()
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
