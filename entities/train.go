package entities

import "math"

// Trainer learns the tagger's weights with an averaged perceptron: greedy
// left-to-right decoding over predicted history, one update per wrong tag;
// or, when Structured, Collins' structured perceptron (Viterbi over each
// sentence's tags, one update per sentence decoded wrong).
type Trainer struct {
	m     *Model // feature context (clusters); weights unused
	feats map[uint64]*trainFeat
	clock int32
	// Structured selects Viterbi training (and the decoder the model
	// records).
	Structured bool
	// FirstOrder: structured, without the tag-trigram features.
	FirstOrder bool
	// markers: previous-tag x word feature -> its word's fPrevWordAny marker
	markers map[uint64]uint64
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
	if t.Structured {
		return t.trainDocStructured(sents, gold)
	}
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
	// Markers of the words that keep previous-tag x word features (their
	// weight only has to survive pruning; nothing sums it).
	for f, mk := range t.markers {
		if _, ok := out[f]; ok {
			var a [numTags]float32
			a[0] = 1
			out[mk] = a
		}
	}
	return out
}

// mark records the marker of the previous-tag x word feature in pf (as
// built by appendPrevFeatures or appendPrevFeatures1).
func (t *Trainer) mark(pf []uint64, lw string) {
	if t.markers == nil {
		t.markers = map[uint64]uint64{}
	}
	k := 2
	if t.FirstOrder {
		k = 1
	}
	if _, ok := t.markers[pf[k]]; !ok {
		t.markers[pf[k]] = feat(fPrevWordAny, lw)
	}
}

// Features is the number of features seen.
func (t *Trainer) Features() int { return len(t.feats) }

// addScores adds feature f's current weights to sc.
func (t *Trainer) addScores(sc *[numTags]float32, f uint64) {
	if tf := t.feats[f]; tf != nil {
		for k := range sc {
			sc[k] += tf.w[k]
		}
	}
}

func (t *Trainer) updateAll(fs []uint64, tag int, d float32) {
	for _, f := range fs {
		tf := t.feats[f]
		if tf == nil {
			tf = &trainFeat{}
			t.feats[f] = tf
		}
		t.update(tf, tag, d)
	}
}

// trainDocStructured: Viterbi-decode each sentence with the current weights
// and, where the decoded (tag, previous two tags) differ from the gold ones,
// add the gold features and subtract the decoded ones. The document history
// follows the decoded tags of earlier sentences, as at run time.
func (t *Trainer) trainDocStructured(sents []*Sentence, gold [][]int) (correct, total int) {
	hist := map[string]*[5]int{}
	var pair *[nPrev][nPrev][numTags]float32
	if !t.FirstOrder {
		pair = new([nPrev][nPrev][numTags]float32)
		for p := 0; p < nPrev; p++ {
			for p2 := 0; p2 < nPrev; p2++ {
				t.addScores(&pair[p2][p], feat2(fPrev2, prevName(p2), prevName(p)))
			}
		}
	}
	var bp [][numTags][numTags]uint8
	var pf []uint64
	for si, s := range sents {
		t.clock++
		n := len(s.Words)
		static := make([][]uint64, n)
		emit := make([][numTags]float32, n)
		trans := make([]*[nPrev][numTags]float32, n)
		for i := 0; i < n; i++ {
			static[i] = t.m.staticFeatures(nil, s, i, histFeature(hist, histKey(s, i)))
			for _, f := range static[i] {
				t.addScores(&emit[i], f)
			}
			lw := s.lower[i]
			_, sh := s.form(i)
			trans[i] = new([nPrev][numTags]float32)
			for p := 0; p < nPrev; p++ {
				pt := prevName(p)
				t.addScores(&trans[i][p], feat(fPrev, pt))
				t.addScores(&trans[i][p], feat2(fPrevWord, pt, lw))
				t.addScores(&trans[i][p], feat2(fPrevShape, pt, sh))
			}
		}
		var pred []int
		pred, bp = viterbi(emit, trans, pair, bp)
		g := gold[si]
		at := func(ts []int, i int) int {
			if i < 0 {
				return -1
			}
			return ts[i]
		}
		for i := 0; i < n; i++ {
			total++
			if pred[i] == g[i] {
				correct++
			}
			if pred[i] == g[i] && at(pred, i-1) == at(g, i-1) && (t.FirstOrder || at(pred, i-2) == at(g, i-2)) {
				continue
			}
			lw := s.lower[i]
			_, sh := s.form(i)
			if pred[i] != g[i] {
				t.updateAll(static[i], g[i], 1)
				t.updateAll(static[i], pred[i], -1)
			}
			if t.FirstOrder {
				pf = appendPrevFeatures1(pf[:0], prevName(at(g, i-1)), lw, sh)
			} else {
				pf = appendPrevFeatures(pf[:0], prevName(at(g, i-1)), prevName(at(g, i-2)), lw, sh)
			}
			t.updateAll(pf, g[i], 1)
			t.mark(pf, lw)
			if t.FirstOrder {
				pf = appendPrevFeatures1(pf[:0], prevName(at(pred, i-1)), lw, sh)
			} else {
				pf = appendPrevFeatures(pf[:0], prevName(at(pred, i-1)), prevName(at(pred, i-2)), lw, sh)
			}
			t.updateAll(pf, pred[i], -1)
			t.mark(pf, lw)
		}
		addHistory(hist, s, pred)
	}
	return correct, total
}
