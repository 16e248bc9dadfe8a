package stories

import (
	"context"
	"fmt"
	"testing"

	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
)

// TestDevOracle merges the gold sub-topics into stories (seeded clustering:
// merge and attach passes only): the ceiling of an events-first method for
// a given story similarity.
func TestDevOracle(t *testing.T) {
	docs, gold := loadDev(t)
	sub, top := gold.Partitions["subtopic"], gold.Partitions["topic"]
	vocab := newVocab()
	feats := extractAll(docs, vocab, true)
	idf := vocab.idf(len(docs))
	seed := make([]int, len(docs))
	ids := map[string]int{}
	for i, d := range docs {
		k := sub[d.ID]
		if _, ok := ids[k]; !ok {
			ids[k] = len(ids)
		}
		seed[i] = ids[k]
	}
	order := arrival(docs)
	// Headline (and lead) content-word lemmas, outside names, as a separate
	// sub-vector.
	lv := newVocab()
	heads := make([]map[int32]float64, len(docs))
	nlead := int(devFloats("STORIES_HLEAD", "0")[0])
	for i, d := range docs {
		m := map[int32]float64{}
		add := func(s string, w float64) {
			for _, x := range text.ContentWords(s) {
				if !isWord(x) {
					continue
				}
				l := lexicon.Lemmas(x)
				if len(l) > 0 {
					x = l[len(l)-1]
				} else {
					continue // unknown words are mostly names
				}
				id := lv.id("h:" + x)
				if _, ok := m[id]; !ok {
					lv.df[id]++
				}
				m[id] += w
			}
		}
		add(d.Title, 1)
		for k, sp := range d.Sentences {
			if k < nlead {
				add(d.Slice(sp), 1)
			}
		}
		heads[i] = m
	}
	lidf := lv.idf(len(docs))
	hws := devFloats("STORIES_HW", "0")
	for _, nw := range devFloats("STORIES_NW", "0.5") {
		for _, kw := range devFloats("STORIES_KW", "0,0.5,1") {
			for _, hw := range hws {
				vecs := make([]vector, len(docs))
				for i := range feats {
					m := map[int32]float64{}
					weigh(feats[i].words, idf, 1, m)
					weigh(feats[i].names, idf, nw, m)
					weigh(feats[i].kinds, idf, kw, m)
					h := map[int32]float64{}
					weigh(heads[i], lidf, hw, h)
					for id, x := range h {
						m[id+1<<24] += x
					}
					vecs[i] = newVector(m)
				}
				best, bm := 0.0, 0.0
				for _, m := range devFloats("STORIES_GRID_M", "0.04,0.05,0.06,0.07,0.08,0.09,0.1,0.11,0.12,0.14,0.16,0.2") {
					cl := cluster(context.Background(), vecSlice(vecs), order, 0.1, m, 0.04, true, false, seed)
					pred := map[string]string{}
					for c, ms := range cl {
						for _, i := range ms {
							pred[docs[i].ID] = fmt.Sprint(c)
						}
					}
					if b := devBcubed(pred, top); b > best {
						best, bm = b, m
					}
				}
				fmt.Printf("oracle nw=%.2f kw=%.2f hw=%.2f best m=%.2f topic=%.3f\n", nw, kw, hw, bm, best)
			}
		}
	}
}
