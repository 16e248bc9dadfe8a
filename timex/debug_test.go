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
