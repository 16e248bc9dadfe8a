package entities

import "math"

// Trainer learns the tagger's weights with an averaged perceptron: greedy
// left-to-right decoding over predicted history, one update per wrong tag.
type Trainer struct {
	m     *Model // feature context (clusters); weights unused
	feats map[uint64]*trainFeat
	clock int32
}

type trainFeat struct {
	w   [numTags]float32
	acc [numTags]float64
	ts  [numTags]int32
}

// NewTrainer returns a trainer whose features use the given word clusters
// (word -> coarse, fine id; may be nil).
func NewTrainer(clusters map[string][2]int) *Trainer {
	m := &Model{}
	if len(clusters) > 0 {
		m.clusters = make(map[string]cluster, len(clusters))
		for w, c := range clusters {
			m.clusters[w] = cluster{coarse: "c" + itoa(c[0]), fine: "f" + itoa(c[1])}
		}
	}
	return &Trainer{m: m, feats: map[uint64]*trainFeat{}}
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := v < 0
	if neg {
		v = -v
	}
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// TrainDoc runs one perceptron pass over a document's sentences with their
// gold tags, and returns how many tags were right before the updates.
func (t *Trainer) TrainDoc(sents []*Sentence, gold [][]int) (correct, total int) {
	hist := map[string]*[5]int{}
	var fs []uint64
	for si, s := range sents {
		prev, prev2 := -1, -1
		for i := range s.Words {
			t.clock++
			hk := histKey(s, i)
			fs = t.m.features(fs[:0], s, i, prev, prev2, histFeature(hist, hk))
			var scores [numTags]float32
			for _, f := range fs {
				if tf := t.feats[f]; tf != nil {
					for k := range scores {
						scores[k] += tf.w[k]
					}
				}
			}
			pv := prev
			if pv < 0 {
				pv = tagO
			}
			best, bs := tagO, float32(math.Inf(-1))
			for k := 0; k < numTags; k++ {
				if allowed(pv, k) && scores[k] > bs {
					best, bs = k, scores[k]
				}
			}
			g := gold[si][i]
			total++
			if best == g {
				correct++
			} else {
				for _, f := range fs {
					tf := t.feats[f]
					if tf == nil {
						tf = &trainFeat{}
						t.feats[f] = tf
					}
					t.update(tf, g, 1)
					t.update(tf, best, -1)
				}
			}
			// Tag context and document history follow the prediction, as at
			// run time.
			prev2, prev = prev, best
			if hk != "" && best != tagO {
				h := hist[hk]
				if h == nil {
					h = &[5]int{}
					hist[hk] = h
				}
				h[tagClass(best)]++
			}
		}
	}
	return correct, total
}

func (t *Trainer) update(tf *trainFeat, tag int, d float32) {
	tf.acc[tag] += float64(t.clock-tf.ts[tag]) * float64(tf.w[tag])
	tf.ts[tag] = t.clock
	tf.w[tag] += d
}

// Averaged returns the averaged weights.
func (t *Trainer) Averaged() map[uint64][numTags]float32 {
	out := make(map[uint64][numTags]float32, len(t.feats))
	c := float64(t.clock)
	if c == 0 {
		c = 1
	}
	for f, tf := range t.feats {
		var a [numTags]float32
		nz := false
		for k := range a {
			tot := tf.acc[k] + float64(t.clock-tf.ts[k])*float64(tf.w[k])
			a[k] = float32(tot / c)
			if a[k] != 0 {
				nz = true
			}
		}
		if nz {
			out[f] = a
		}
	}
	return out
}

// Features is the number of features seen.
func (t *Trainer) Features() int { return len(t.feats) }
