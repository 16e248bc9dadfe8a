package stories

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

// TestFeatureVectorsAreBitIdentical checks that the vectors computed from the
// compact features are, bit for bit, those of the map-based path
// (extractAll, topicVector, eventVector), with and without kinds, for a zero
// name weight and with pruning.
func TestFeatureVectorsAreBitIdentical(t *testing.T) {
	words := strings.Fields(strings.Join(append(append([]string{}, quake...), election...), " "))
	var docs []*accord.Document
	for i := 0; i < 120; i++ {
		var sb strings.Builder
		for j := 0; j < 40+i%23; j++ {
			sb.WriteString(words[(i*7+j*13)%len(words)])
			sb.WriteString(fmt.Sprintf(" W%d ", (i/10)*31+j%17))
		}
		d := doc(fmt.Sprintf("f%04d", i), fmt.Sprintf("Title %d %s", i%7, words[i%len(words)]), sb.String(), fmt.Sprintf("2024-0%d-1%d", 1+i%9, i%10))
		d.Timexes = append(d.Timexes, accord.Timex{Type: "DATE", Value: fmt.Sprintf("2024-0%d-2%d", 1+i%5, i%3)})
		docs = append(docs, d)
	}
	docs = append(docs, doc("empty", "", "", ""))
	for _, kinds := range []bool{false, true} {
		v := newVocab()
		feats := extractAll(docs, v, kinds)
		idf := v.idf(len(docs))
		fs := extractFeatures(docs, kinds)
		for _, cfg := range []struct {
			nw, kw float64
			max    int
		}{{0.5, 0, 0}, {0, 0, 0}, {0.5, 1, 0}, {1, 0.5, 30}} {
			if cfg.kw > 0 && !kinds {
				continue
			}
			tv, ev := fs.topicVecs(cfg.nw, cfg.kw, cfg.max), fs.eventVecs(cfg.max)
			var buf vector
			for i, f := range feats {
				same(t, fmt.Sprintf("topic %d %+v", i, cfg), f.topicVector(idf, cfg.nw, cfg.kw).prune(cfg.max), tv.vec(i, buf))
				buf = tv.vec(i, buf)
				same(t, fmt.Sprintf("event %d %+v", i, cfg), f.eventVector(idf).prune(cfg.max), ev.vec(i, buf))
			}
		}
	}
}

func same(t *testing.T, what string, want, got vector) {
	t.Helper()
	if len(want.ids) != len(got.ids) {
		t.Fatalf("%s: %d terms, want %d", what, len(got.ids), len(want.ids))
	}
	for k := range want.ids {
		if want.ids[k] != got.ids[k] || math.Float64bits(want.val[k]) != math.Float64bits(got.val[k]) {
			t.Fatalf("%s: term %d is (%d, %v), want (%d, %v)", what, k, got.ids[k], got.val[k], want.ids[k], want.val[k])
		}
	}
}
