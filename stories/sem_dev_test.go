package stories

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/accord-news/accord"
)

// Semantic document similarity from an LSA model of the background corpus
// (stories/internal/genlsa; STORIES_LSA=model file), blended into the story
// similarity of the adaptive-cut harness (cut_dev_test.go) with weight
// STORIES_CUT_BETA: S' = (1−β)·S + β·T, T the cosine of the documents' LSA
// vectors (the sum of their IDF-weighted word stems' rows), centred on the
// corpus mean when STORIES_LSA_CENTER is set.

var (
	lsaOnce  sync.Once
	lsaModel map[string][]float64
)

func loadLSA(t testing.TB) map[string][]float64 {
	lsaOnce.Do(func() {
		p := os.Getenv("STORIES_LSA")
		if p == "" {
			return
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		sc.Scan()
		lsaModel = map[string][]float64{}
		dims := int(devFloats("STORIES_LSA_K", "1000")[0])
		for sc.Scan() {
			p := strings.Fields(sc.Text())
			v := make([]float64, 0, len(p)-1)
			for _, x := range p[1:] {
				if len(v) == dims {
					break
				}
				y, _ := strconv.ParseFloat(x, 64)
				v = append(v, y)
			}
			lsaModel[p[0]] = v
		}
	})
	return lsaModel
}

// lsaDocs returns each document's LSA vector, L2-normalized.
func lsaDocs(model map[string][]float64, docs []*accord.Document) [][]float64 {
	vocab := newVocab()
	feats := extractAll(docs, vocab, false)
	idf := vocab.idf(len(docs))
	terms := make([]string, len(vocab.df))
	for t, id := range vocab.ids {
		terms[id] = t
	}
	var dims int
	for _, v := range model {
		dims = len(v)
		break
	}
	out := make([][]float64, len(docs))
	for i, f := range feats {
		m := map[int32]float64{}
		weigh(f.words, idf, 1, m)
		ids := make([]int32, 0, len(m))
		for id := range m {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
		v := make([]float64, dims)
		for _, id := range ids {
			if u, ok := model[terms[id][2:]]; ok {
				for k := range v {
					v[k] += m[id] * u[k]
				}
			}
		}
		out[i] = v
	}
	norm := func(v []float64) {
		n := 0.0
		for _, x := range v {
			n += x * x
		}
		if n = math.Sqrt(n); n > 0 {
			for k := range v {
				v[k] /= n
			}
		}
	}
	for _, v := range out {
		norm(v)
	}
	if os.Getenv("STORIES_LSA_CENTER") != "" {
		mean := make([]float64, dims)
		for _, v := range out {
			for k := range v {
				mean[k] += v[k] / float64(len(out))
			}
		}
		for _, v := range out {
			for k := range v {
				v[k] -= mean[k]
			}
			norm(v)
		}
	}
	return out
}

func init() {
	semHook = func(docs []*accord.Document) [][]float64 {
		model := loadLSA(nil)
		if model == nil {
			panic("STORIES_LSA not set")
		}
		vs := lsaDocs(model, docs)
		T := make([][]float64, len(docs))
		for i := range T {
			T[i] = make([]float64, len(docs))
		}
		for i := range vs {
			for j := i; j < len(vs); j++ {
				s := 0.0
				for k := range vs[i] {
					s += vs[i][k] * vs[j][k]
				}
				T[i][j], T[j][i] = s, s
			}
		}
		return T
	}
}

// TestDevLSANeighbours prints the nearest stems of a few query stems
// (STORIES_LSA_Q) in the model: a sanity check of the model, not a score.
func TestDevLSANeighbours(t *testing.T) {
	model := loadLSA(t)
	if model == nil {
		t.Skip("STORIES_LSA not set")
	}
	unit := map[string][]float64{}
	for w, v := range model {
		n := 0.0
		for _, x := range v {
			n += x * x
		}
		n = math.Sqrt(n) + 1e-12
		u := make([]float64, len(v))
		for k := range v {
			u[k] = v[k] / n
		}
		unit[w] = u
	}
	for _, q := range strings.Split(envOr("STORIES_LSA_Q", "quake,earthquake,shoot,murder,fire,arrest,actress,prison"), ",") {
		u, ok := unit[q]
		if !ok {
			fmt.Println(q, "missing")
			continue
		}
		type nb struct {
			w string
			s float64
		}
		var nbs []nb
		for w, v := range unit {
			s := 0.0
			for k := range v {
				s += v[k] * u[k]
			}
			nbs = append(nbs, nb{w, s})
		}
		sort.Slice(nbs, func(i, j int) bool { return nbs[i].s > nbs[j].s })
		var parts []string
		for _, n := range nbs[:12] {
			parts = append(parts, fmt.Sprintf("%s %.2f", n.w, n.s))
		}
		fmt.Println(q+":", strings.Join(parts, ", "))
	}
}

// TestDevLSAPairs: mean document similarity (story vector S, LSA T) within
// gold topics and between them, for each set: does T separate topics?
func TestDevLSAPairs(t *testing.T) {
	if loadLSA(t) == nil {
		t.Skip("STORIES_LSA not set")
	}
	for _, set := range loadPairSets(t) {
		c := prepareCut(set.docs, set.gold, 0)
		T := semHook(set.docs)
		var sw, sb, tw, tb, nw, nb float64
		var ws, bs, wS, bS []float64
		for i := range set.docs {
			for j := i + 1; j < len(set.docs); j++ {
				gi, ok1 := set.gold[set.docs[i].ID]
				gj, ok2 := set.gold[set.docs[j].ID]
				if !ok1 || !ok2 {
					continue
				}
				if gi == gj {
					sw += c.S[i][j]
					tw += T[i][j]
					nw++
					ws = append(ws, T[i][j])
					wS = append(wS, c.S[i][j])
				} else {
					sb += c.S[i][j]
					tb += T[i][j]
					nb++
					bs = append(bs, T[i][j])
					bS = append(bS, c.S[i][j])
				}
			}
		}
		// AUC for same-topic pairs over other pairs.
		auc := func(w, b []float64) float64 {
			sort.Float64s(b)
			a := 0.0
			for _, x := range w {
				a += float64(sort.SearchFloat64s(b, x)) / float64(len(b))
			}
			return a / float64(len(w))
		}
		fmt.Printf("%s: S within %.3f between %.3f AUC %.3f; T within %.3f between %.3f AUC %.3f\n", set.name, sw/nw, sb/nb, auc(wS, bS), tw/nw, tb/nb, auc(ws, bs))
	}
}

// Soft matching: each stem's nearest stems in the LSA model (cosine at
// least theta, at most k of them, over the model's whole vocabulary) pass
// gamma · cosine of its weight on to the document's word sub-vector.
// STORIES_SOFT=gamma,theta,k turns it on in TestDevAdaptiveCut;
// TestDevSoftCV chooses it per topic fold.
var (
	softOnce sync.Once
	softAll  map[string][]softNbr // up to 10 neighbours at cosine >= 0.85
)

type softNbr struct {
	w string
	s float64
}

func softNeighbours(t *testing.T) map[string][]softNbr {
	softOnce.Do(func() {
		model := loadLSA(t)
		var words []string
		for w := range model {
			words = append(words, w)
		}
		sort.Strings(words)
		unit := make([][]float64, len(words))
		for i, w := range words {
			v := model[w]
			n := 0.0
			for _, x := range v {
				n += x * x
			}
			n = math.Sqrt(n) + 1e-12
			unit[i] = make([]float64, len(v))
			for j := range v {
				unit[i][j] = v[j] / n
			}
		}
		softAll = map[string][]softNbr{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for w := 0; w < 2; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := w; i < len(words); i += 2 {
					var nb []softNbr
					for j := range words {
						if i == j {
							continue
						}
						s := 0.0
						for c := range unit[i] {
							s += unit[i][c] * unit[j][c]
						}
						if s >= 0.85 {
							nb = append(nb, softNbr{words[j], s})
						}
					}
					sort.Slice(nb, func(a, b int) bool { return nb[a].s > nb[b].s || nb[a].s == nb[b].s && nb[a].w < nb[b].w })
					if len(nb) > 10 {
						nb = nb[:10]
					}
					mu.Lock()
					softAll[words[i]] = nb
					mu.Unlock()
				}
			}(w)
		}
		wg.Wait()
	})
	return softAll
}

type softCfg struct {
	gamma, theta float64
	k            int
}

// setSoft installs the expansion of c (none when c.gamma is 0).
func setSoft(c softCfg) {
	if c.gamma == 0 {
		expandHook = nil
		return
	}
	all := softNeighbours(nil)
	nb := map[string][]softNbr{}
	for w, ns := range all {
		for _, n := range ns {
			if n.s >= c.theta && len(nb[w]) < c.k {
				nb[w] = append(nb[w], n)
			}
		}
	}
	var lastTerms []string
	var ids map[string]int32
	expandHook = func(m map[int32]float64, terms []string) {
		if len(terms) == 0 || len(lastTerms) != len(terms) || &lastTerms[0] != &terms[0] {
			// A new corpus: its terms by name (once per corpus).
			lastTerms = terms
			ids = map[string]int32{}
			for id, t := range terms {
				ids[t] = int32(id)
			}
		}
		keys := make([]int32, 0, len(m))
		for id := range m {
			keys = append(keys, id)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		add := map[int32]float64{}
		for _, id := range keys {
			for _, n := range nb[terms[id][2:]] {
				if j, ok := ids["w:"+n.w]; ok {
					add[j] += c.gamma * n.s * m[id]
				}
			}
		}
		for j, x := range add {
			m[j] += x
		}
	}
}

func init() {
	if s := os.Getenv("STORIES_SOFT"); s != "" {
		x := devFloats("STORIES_SOFT", "")
		setSoft(softCfg{x[0], x[1], int(x[2])})
	}
}

// TestDevSoftCV: soft matching (gamma, theta, k) and the merge threshold
// chosen together per ECB+ topic fold on the training topics, repeated
// over fold assignments; "off" is today's family (threshold only).
func TestDevSoftCV(t *testing.T) {
	if loadLSA(t) == nil {
		t.Skip("STORIES_LSA not set")
	}
	sets := loadPairSets(t)
	ecb := sets[0]
	cfgs := []softCfg{{}}
	for _, g := range devFloats("STORIES_SOFT_GAMMAS", "0.1,0.25,0.5") {
		for _, th := range devFloats("STORIES_SOFT_THETAS", "0.9,0.95") {
			for _, k := range devFloats("STORIES_SOFT_KS", "3,5") {
				cfgs = append(cfgs, softCfg{g, th, int(k)})
			}
		}
	}
	thrs := devFloats("STORIES_CUT_FIXED", "0.08,0.1,0.12")
	var topics []string
	seen := map[string]bool{}
	for _, d := range ecb.docs {
		if x, ok := ecb.gold[d.ID]; ok && !seen[x] {
			seen[x] = true
			topics = append(topics, x)
		}
	}
	sort.Strings(topics)
	seeds := devFloats("STORIES_CUT_SEEDS", "0,1,2,3")
	type corpusKey struct {
		seed, fold int
		test       bool
	}
	// score[cfg][corpus][thr]
	score := make([]map[corpusKey][]float64, len(cfgs))
	whole := make([][][]float64, len(cfgs)) // [cfg][set][thr]
	folds := map[float64]map[string]int{}
	for _, sd := range seeds {
		tops := append([]string{}, topics...)
		if sd > 0 {
			rng := rand.New(rand.NewPCG(uint64(sd), 1))
			rng.Shuffle(len(tops), func(i, j int) { tops[i], tops[j] = tops[j], tops[i] })
		}
		folds[sd] = map[string]int{}
		for i, x := range tops {
			folds[sd][x] = i % 5
		}
	}
	eval := func(docs []*accord.Document, gold map[string]string) []float64 {
		c := prepareCut(docs, gold, 0)
		tr := c.trace(0.02)
		out := make([]float64, len(thrs))
		for i, th := range thrs {
			out[i] = c.b3(c.partition(tr, cutCfg{crit: "fixed", t: th}.cut(tr), 0.04))
		}
		return out
	}
	for ci, c := range cfgs {
		setSoft(c)
		score[ci] = map[corpusKey][]float64{}
		for _, set := range sets {
			whole[ci] = append(whole[ci], eval(set.docs, set.gold))
		}
		for _, sd := range seeds {
			for f := 0; f < 5; f++ {
				for _, test := range []bool{false, true} {
					docs := subsetDocs(ecb.docs, func(d *accord.Document) bool { return (folds[sd][ecb.gold[d.ID]] == f) == test })
					score[ci][corpusKey{int(sd), f, test}] = eval(docs, ecb.gold)
				}
			}
		}
		var parts []string
		for s := range sets {
			parts = append(parts, fmt.Sprint(whole[ci][s]))
		}
		fmt.Printf("cfg %+v: whole sets (thresholds %v) %s\n", c, thrs, strings.Join(parts, " "))
	}
	setSoft(softCfg{})
	for _, family := range []string{"off", "soft", "both"} {
		var means []string
		tot := 0.0
		for _, sd := range seeds {
			held := 0.0
			var chosen []string
			for f := 0; f < 5; f++ {
				bc, bt, bs := -1, -1, -1.0
				for ci, c := range cfgs {
					if (family == "off") != (c.gamma == 0) && family != "both" {
						continue
					}
					for ti := range thrs {
						if s := score[ci][corpusKey{int(sd), f, false}][ti]; s > bs+1e-9 {
							bc, bt, bs = ci, ti, s
						}
					}
				}
				held += score[bc][corpusKey{int(sd), f, true}][bt] / 5
				chosen = append(chosen, fmt.Sprintf("%+v/%.2f", cfgs[bc], thrs[bt]))
			}
			tot += held / float64(len(seeds))
			means = append(means, fmt.Sprintf("%.3f", held))
			if os.Getenv("STORIES_CUT_VERBOSE") != "" {
				fmt.Printf("  %s seed %v: %s\n", family, sd, strings.Join(chosen, " "))
			}
		}
		fmt.Printf("family %-5s CV held-out topic per seed %s mean %.4f\n", family, strings.Join(means, " / "), tot)
	}
	for ci, c := range cfgs {
		for ti, th := range thrs {
			m := 0.0
			for _, sd := range seeds {
				for f := 0; f < 5; f++ {
					m += score[ci][corpusKey{int(sd), f, true}][ti] / float64(5*len(seeds))
				}
			}
			fmt.Printf("fixed cfg %+v thr %.2f: CV %.4f; sets %.3f %.3f\n", c, th, m, whole[ci][0][ti], whole[ci][len(sets)-1][ti])
		}
	}
}
