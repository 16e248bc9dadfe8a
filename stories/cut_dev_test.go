package stories

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/stories/internal/devdata"
)

// Adaptive, per-corpus cut of the story merge (issue #11, round 5): the
// events of the events-first pass are merged greedily on the story
// vector's average link down to a floor, every merge's score recorded;
// the cut is then chosen per corpus (no labels) inside a band around the
// fixed threshold, by the largest (relative) gap of the score sequence or
// by an internal criterion (silhouette, Calinski-Harabasz, within/between
// ratio) of the partition. Everything works on the document x document
// similarity matrix (average link = mean of its entries), so a second
// similarity (STORIES_CUT_SEM: a semantic document similarity, see
// sem_dev_test.go) can be blended in. Runs only with STORIES_DEV_DOCS/_GOLD
// (ECB+) and STORIES_DEV_DOCS2/_GOLD2 (WikiRef).

type cutCorpus struct {
	docs   []*accord.Document
	gold   map[string]string
	S      [][]float64 // story-vector cosine of every pair of documents
	events [][]int     // events-first clusters (document indices)
	// prepareCutStage only: the story vectors, events-first seed and
	// arrival order (for stageTrace), and the corpus with its copy groups.
	vecs        []vector
	seed, order []int
	corp        *accord.Corpus
}

func sparseDot(a, b vector) float64 {
	s := 0.0
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			s += a.val[i] * b.val[j]
			i++
			j++
		}
	}
	return s
}

// semHook, when set, returns a second document x document similarity
// (blended into S with weight STORIES_CUT_BETA).
var semHook func(docs []*accord.Document) [][]float64

// expandHook, when set, expands a document's IDF-weighted word sub-vector
// (term id -> weight; terms[id] is "w:stem") before the story vector is
// built (soft matching of related stems, sem_dev_test.go).
var expandHook func(m map[int32]float64, terms []string)

// cutRelated is the related-word share of the story vectors in prepareCut
// (the stage's RelatedWeight; STORIES_CUT_RW overrides it).
var cutRelated = -1.0

func prepareCut(docs []*accord.Document, gold map[string]string, beta float64) *cutCorpus {
	if expandHook == nil && (beta == 0 || semHook == nil) {
		return prepareCutStage(docs, gold)
	}
	vocab := newVocab()
	feats := extractAll(docs, vocab, false)
	idf := vocab.idf(len(docs))
	vecs := make([]vector, len(docs))
	evecs := make([]vector, len(docs))
	var terms []string
	if expandHook != nil {
		terms = make([]string, len(vocab.df))
		for t, id := range vocab.ids {
			terms[id] = t
		}
	}
	for i, f := range feats {
		vecs[i] = f.topicVector(idf, 0.5, 0)
		evecs[i] = f.eventVector(idf)
		if expandHook != nil {
			m := map[int32]float64{}
			weigh(f.words, idf, 1, m)
			expandHook(m, terms)
			x := map[int32]float64{}
			ids := make([]int32, 0, len(m))
			for id := range m {
				ids = append(ids, id)
			}
			sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
			norm := 0.0
			for _, id := range ids {
				norm += m[id] * m[id]
			}
			for _, id := range ids { // the words again at unit length
				x[id] = m[id] / math.Sqrt(norm)
			}
			weigh(f.names, idf, 0.5, x)
			vecs[i] = newVector(x)
		}
	}
	seed := eventsFirst(context.Background(), vecSlice(evecs), arrival(docs), nil, 0.4)
	byEv := map[int][]int{}
	for i, e := range seed {
		byEv[e] = append(byEv[e], i)
	}
	var keys []int
	for e := range byEv {
		keys = append(keys, e)
	}
	sort.Ints(keys)
	c := &cutCorpus{docs: docs, gold: gold}
	for _, e := range keys {
		c.events = append(c.events, byEv[e])
	}
	n := len(docs)
	c.S = make([][]float64, n)
	for i := range c.S {
		c.S[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			s := sparseDot(vecs[i], vecs[j])
			c.S[i][j], c.S[j][i] = s, s
		}
	}
	if beta != 0 && semHook != nil {
		T := semHook(docs)
		for i := range c.S {
			for j := range c.S[i] {
				c.S[i][j] = (1-beta)*c.S[i][j] + beta*T[i][j]
			}
		}
	}
	return c
}

// prepareCutStage builds the corpus from the stage's own vectors (story
// vectors with related words at New's RelatedWeight, event vectors, the
// events-first pass as in Analyze).
func prepareCutStage(docs []*accord.Document, gold map[string]string) *cutCorpus {
	st := New()
	if cutRelated < 0 {
		cutRelated = devFloats("STORIES_CUT_RW", fmt.Sprint(st.RelatedWeight))[0]
	}
	fs := extractFeatures(docs, false, cutRelated)
	vecs := materialize(fs.topicVecs(st.NameWeight, 0, 0), allIndices(len(docs)))
	evecs := fs.eventVecs(0)
	order := arrival(docs)
	seed := eventsFirst(context.Background(), evecs, order, nil, st.EventsFirst)
	c := newCutCorpus(docs, gold, vecs, seed)
	c.vecs, c.seed, c.order = vecs, seed, order
	if devGroups != nil {
		c.corp = devCorpus(docs)
	}
	return c
}

// stagePartition is the stage's own story pass on the events at merge
// threshold t (merge, then small-story attachment through the candidates),
// with copies kept together: what Analyze gives at MergeThreshold t.
func (c *cutCorpus) stagePartition(t, attach float64) [][]int {
	out := cluster(context.Background(), vecSlice(c.vecs), c.order, 0, t, attach, true, false, c.seed)
	if c.corp != nil {
		out = keepCopiesTogether(c.corp, out)
	}
	return out
}

// stageTrace is the stage's own merge sequence (cluster with the merge
// threshold at floor, no attach), through mergeTrace: the candidate pairs'
// first links (descending) and the merges in the order the stage makes
// them. The merges the stage makes at threshold t are the prefix before
// the first merge whose link is not above t.
func (c *cutCorpus) stageTrace(floor float64) *cutTrace {
	tr := &cutTrace{events: len(c.events)}
	mergeTrace = func(first bool, a, b int, s float64) {
		if first {
			tr.links = append(tr.links, s)
		} else {
			tr.merges = append(tr.merges, cutMerge{a, b, s})
		}
	}
	defer func() { mergeTrace = nil }()
	cluster(context.Background(), vecSlice(c.vecs), c.order, 0, floor, 0, true, false, c.seed)
	sort.Sort(sort.Reverse(sort.Float64Slice(tr.links)))
	tr.stage = true
	// Every event pair's link (for rz's median and MAD, which the
	// candidate pairs above the floor cannot give).
	for a := range c.events {
		for b := a + 1; b < len(c.events); b++ {
			s := 0.0
			for _, i := range c.events[a] {
				for _, j := range c.events[b] {
					s += c.S[i][j]
				}
			}
			tr.allLinks = append(tr.allLinks, s/float64(len(c.events[a])*len(c.events[b])))
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(tr.allLinks)))
	return tr
}

func allIndices(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func newCutCorpus(docs []*accord.Document, gold map[string]string, vecs []vector, seed []int) *cutCorpus {
	byEv := map[int][]int{}
	for i, e := range seed {
		byEv[e] = append(byEv[e], i)
	}
	var keys []int
	for e := range byEv {
		keys = append(keys, e)
	}
	sort.Ints(keys)
	c := &cutCorpus{docs: docs, gold: gold}
	for _, e := range keys {
		c.events = append(c.events, byEv[e])
	}
	n := len(docs)
	c.S = make([][]float64, n)
	for i := range c.S {
		c.S[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			s := sparseDot(vecs[i], vecs[j])
			c.S[i][j], c.S[j][i] = s, s
		}
	}
	return c
}

type cutMerge struct {
	a, b int
	s    float64
}

// cutTrace is the greedy average-link merge of the events to the floor,
// with the internal criteria of every partition along the way.
type cutTrace struct {
	merges []cutMerge
	sil    []float64 // silhouette after k merges
	ch     []float64 // Calinski-Harabasz
	ratio  []float64 // mean within-story / mean between-story similarity
	links  []float64 // average links of every pair of events, descending
	events int
	stage  bool // from stageTrace: links of candidate pairs only, merges not monotone
	// allLinks: every event pair's link, descending (stageTrace)
	allLinks []float64
}

func (c *cutCorpus) trace(floor float64) *cutTrace {
	m := len(c.events)
	n := len(c.docs)
	size := make([]float64, m)
	W := make([][]float64, m) // sum of S over pairs (both orders), cluster x cluster
	D := make([][]float64, n) // sum of S from a document to a cluster
	for i := range D {
		D[i] = make([]float64, m)
	}
	own := make([]int, n)
	for e, ms := range c.events {
		size[e] = float64(len(ms))
		for _, d := range ms {
			own[d] = e
		}
	}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			D[i][own[j]] += c.S[i][j]
		}
	}
	for a := 0; a < m; a++ {
		W[a] = make([]float64, m)
	}
	total := 0.0
	for i := 0; i < n; i++ {
		for b := 0; b < m; b++ {
			W[own[i]][b] += D[i][b]
			total += D[i][b]
		}
	}
	alive := make([]bool, m)
	for i := range alive {
		alive[i] = true
	}
	tr := &cutTrace{events: m}
	for a := 0; a < m; a++ {
		for b := a + 1; b < m; b++ {
			tr.links = append(tr.links, W[a][b]/(size[a]*size[b]))
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(tr.links)))
	crit := func() {
		k, wss, within, wpairs := 0, 0.0, 0.0, 0.0
		for a := 0; a < m; a++ {
			if !alive[a] {
				continue
			}
			k++
			wss += size[a] - W[a][a]/size[a]
			within += W[a][a] - size[a]
			wpairs += size[a] * (size[a] - 1)
		}
		N := float64(n)
		tss := N - total/N
		ch := 0.0
		if k > 1 && k < n && wss > 0 {
			ch = ((tss - wss) / float64(k-1)) / (wss / (N - float64(k)))
		}
		between := total - within - N
		bpairs := N*N - N - wpairs
		ratio := 0.0
		if wpairs > 0 && bpairs > 0 && between > 0 {
			ratio = (within / wpairs) / (between / bpairs)
		}
		sil := 0.0
		for i := 0; i < n; i++ {
			o := own[i]
			if size[o] <= 1 {
				continue
			}
			ai := 1 - (D[i][o]-c.S[i][i])/(size[o]-1)
			bi := math.Inf(1)
			for b := 0; b < m; b++ {
				if alive[b] && b != o {
					bi = min(bi, 1-D[i][b]/size[b])
				}
			}
			if math.IsInf(bi, 1) {
				continue
			}
			if d := max(ai, bi); d > 0 {
				sil += (bi - ai) / d
			}
		}
		tr.sil = append(tr.sil, sil/N)
		tr.ch = append(tr.ch, ch)
		tr.ratio = append(tr.ratio, ratio)
	}
	crit()
	for {
		ba, bb, bs := -1, -1, floor
		for a := 0; a < m; a++ {
			if !alive[a] {
				continue
			}
			for b := a + 1; b < m; b++ {
				if alive[b] {
					if s := (W[a][b] / (size[a] * size[b])); s > bs {
						ba, bb, bs = a, b, s
					}
				}
			}
		}
		if ba < 0 {
			break
		}
		tr.merges = append(tr.merges, cutMerge{ba, bb, bs})
		W[ba][ba] += W[bb][bb] + 2*W[ba][bb]
		for x := 0; x < m; x++ {
			if x != ba && x != bb {
				W[ba][x] += W[bb][x]
				W[x][ba] = W[ba][x]
			}
		}
		for i := 0; i < n; i++ {
			D[i][ba] += D[i][bb]
			if own[i] == bb {
				own[i] = ba
			}
		}
		size[ba] += size[bb]
		alive[bb] = false
		crit()
	}
	return tr
}

// partition after k merges, then small-story attachment (as mergeBy).
func (c *cutCorpus) partition(tr *cutTrace, k int, attach float64) [][]int {
	parent := make([]int, len(c.events))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			x = parent[x]
		}
		return x
	}
	for _, mg := range tr.merges[:k] {
		parent[find(mg.b)] = find(mg.a)
	}
	groups := map[int][]int{}
	for e, ms := range c.events {
		r := find(e)
		groups[r] = append(groups[r], ms...)
	}
	var out [][]int
	for _, g := range groups {
		sort.Ints(g)
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	link := func(a, b []int) float64 {
		s := 0.0
		for _, i := range a {
			for _, j := range b {
				s += c.S[i][j]
			}
		}
		return s / float64(len(a)*len(b))
	}
	for i := range out {
		if len(out[i]) == 0 || len(out[i]) > smallCluster {
			continue
		}
		best, bs := -1, attach
		for j := range out {
			if j == i || len(out[j]) <= smallCluster {
				continue
			}
			if s := link(out[i], out[j]); s > bs {
				best, bs = j, s
			}
		}
		if best >= 0 {
			out[best] = append(out[best], out[i]...)
			out[i] = nil
		}
	}
	kept := out[:0]
	for _, g := range out {
		if len(g) > 0 {
			kept = append(kept, g)
		}
	}
	if c.corp != nil {
		kept = keepCopiesTogether(c.corp, kept)
	}
	return kept
}

func (c *cutCorpus) b3(parts [][]int) float64 {
	pred := map[string]string{}
	for k, g := range parts {
		for _, i := range g {
			pred[c.docs[i].ID] = fmt.Sprint(k)
		}
	}
	g := map[string]string{}
	for _, d := range c.docs {
		if x, ok := c.gold[d.ID]; ok {
			g[d.ID] = x
		}
	}
	return devBcubed(pred, g)
}

type cutCfg struct {
	crit   string // fixed, gap, gapabs, sil, ch, ratio, rank, rz
	t      float64
	lo, hi float64
	c      float64 // rank: pairs above the cut per event; rz: multiplier of the robust z
}

func (g cutCfg) String() string {
	if g.crit == "fixed" {
		return fmt.Sprintf("fixed %.3f", g.t)
	}
	if g.crit == "rank" || g.crit == "rz" {
		return fmt.Sprintf("%s c=%.2f [%.3f,%.3f]", g.crit, g.c, g.lo, g.hi)
	}
	return fmt.Sprintf("%s [%.3f,%.3f]", g.crit, g.lo, g.hi)
}

// cut is the number of merges the configuration keeps.
func (g cutCfg) cut(tr *cutTrace) int {
	s := func(k int) float64 { // score of merge k (not yet done after k merges)
		if k < 0 {
			return math.Inf(1)
		}
		if k >= len(tr.merges) {
			return math.Inf(-1)
		}
		return tr.merges[k].s
	}
	if g.crit == "fixed" {
		k := 0
		for k < len(tr.merges) && tr.merges[k].s > g.t {
			k++
		}
		return k
	}
	if g.crit == "rank" || g.crit == "rz" {
		return cutCfg{crit: "fixed", t: g.threshold(tr)}.cut(tr)
	}
	best, bv := -1, math.Inf(-1)
	for k := 0; k <= len(tr.merges); k++ {
		if !(s(k) <= g.hi && s(k-1) > g.lo) {
			continue
		}
		var v float64
		switch g.crit {
		case "gap":
			if k == 0 || k == len(tr.merges) {
				continue
			}
			v = math.Log(s(k-1)) - math.Log(max(s(k), 1e-6))
		case "gapabs":
			if k == 0 || k == len(tr.merges) {
				continue
			}
			v = s(k-1) - s(k)
		case "sil":
			v = tr.sil[k]
		case "ch":
			v = tr.ch[k]
		case "ratio":
			v = tr.ratio[k]
		}
		if v > bv {
			best, bv = k, v
		}
	}
	if best < 0 {
		return cutCfg{crit: "fixed", t: (g.lo + g.hi) / 2}.cut(tr)
	}
	return best
}

func TestDevAdaptiveCut(t *testing.T) {
	sets := loadPairSets(t)
	ecb := sets[0]
	beta := devFloats("STORIES_CUT_BETA", "0")[0]
	attach := devFloats("STORIES_CUT_ATTACH", "0.04")[0]
	floor := devFloats("STORIES_CUT_FLOOR", "0.02")[0]
	centers := devFloats("STORIES_CUT_CENTER", "0.10")
	fixedTs := devFloats("STORIES_CUT_FIXED", "0.08,0.1,0.12")
	deltas := devFloats("STORIES_CUT_DELTA", "0.15,0.3,0.5")
	crits := strings.Split(envOr("STORIES_CUT_CRITS", "gap,gapabs,sil,ch,ratio"), ",")
	families := map[string][]cutCfg{}
	var all []cutCfg
	for _, x := range fixedTs {
		c := cutCfg{crit: "fixed", t: x}
		families["fixed"] = append(families["fixed"], c)
		all = append(all, c)
	}
	for _, cr := range crits {
		for _, ce := range centers {
			for _, d := range deltas {
				c := cutCfg{crit: cr, lo: ce * (1 - d), hi: ce * (1 + d)}
				families[cr] = append(families[cr], c)
				families["adaptive"] = append(families["adaptive"], c)
				all = append(all, c)
			}
		}
	}
	for _, cr := range strings.Split(envOr("STORIES_CUT_RULES", "rank,rz"), ",") {
		if cr == "" {
			continue
		}
		cs := devFloats("STORIES_CUT_RANK_C", "0.5,0.75,1,1.25,1.5,2,3")
		if cr == "rz" {
			cs = devFloats("STORIES_CUT_RZ_C", "1.5,2,2.5,3,3.5,4")
		}
		for _, c := range cs {
			g := cutCfg{crit: cr, c: c, lo: devFloats("STORIES_CUT_LO", "0.04")[0], hi: devFloats("STORIES_CUT_HI", "0.16")[0]}
			families[cr] = append(families[cr], g)
			all = append(all, g)
		}
		crits = append(crits, cr)
	}
	famNames := append([]string{"fixed"}, crits...)
	famNames = append(famNames, "adaptive")
	type prepared struct {
		c  *cutCorpus
		tr *cutTrace
	}
	cache := map[string]prepared{}
	get := func(docs []*accord.Document, gold map[string]string) prepared {
		key := fmt.Sprint(len(docs), docs[0].ID, docs[len(docs)-1].ID)
		p, ok := cache[key]
		if !ok {
			c := prepareCut(docs, gold, beta)
			p = prepared{c, c.trace(floor)}
			cache[key] = p
		}
		return p
	}
	score := func(p prepared, g cutCfg) float64 { return p.c.b3(p.c.partition(p.tr, g.cut(p.tr), attach)) }
	base := cutCfg{crit: "fixed", t: 0.10}
	for _, set := range sets {
		p := get(set.docs, set.gold)
		fmt.Printf("%s: %d docs, %d events, %d merges; baseline fixed 0.10 %.3f\n", set.name, len(set.docs), len(p.c.events), len(p.tr.merges), score(p, base))
		if os.Getenv("STORIES_CUT_SEQ") != "" {
			var parts []string
			for k, mg := range p.tr.merges {
				if mg.s > 0.04 && mg.s < 0.2 {
					parts = append(parts, fmt.Sprintf("%d:%.3f sil %.3f ch %.1f r %.2f b3 %.3f", k, mg.s, p.tr.sil[k], p.tr.ch[k], p.tr.ratio[k], p.c.b3(p.c.partition(p.tr, k, attach))))
				}
			}
			fmt.Println("  " + strings.Join(parts, "\n  "))
		}
	}
	var topics []string
	seen := map[string]bool{}
	for _, d := range ecb.docs {
		if x, ok := ecb.gold[d.ID]; ok && !seen[x] {
			seen[x] = true
			topics = append(topics, x)
		}
	}
	sort.Strings(topics)
	const k = 5
	seeds := devFloats("STORIES_CUT_SEEDS", "0,1,2,3")
	famHeld := map[string][]float64{}
	cfgHeld := map[cutCfg]float64{}
	for _, sd := range seeds {
		tops := append([]string{}, topics...)
		if sd > 0 {
			rng := rand.New(rand.NewPCG(uint64(sd), 1))
			rng.Shuffle(len(tops), func(i, j int) { tops[i], tops[j] = tops[j], tops[i] })
		}
		fold := map[string]int{}
		for i, x := range tops {
			fold[x] = i % k
		}
		held := map[string]float64{}
		heldBase := 0.0
		for f := 0; f < k; f++ {
			tr := get(subsetDocs(ecb.docs, func(d *accord.Document) bool { return fold[ecb.gold[d.ID]] != f }), ecb.gold)
			te := get(subsetDocs(ecb.docs, func(d *accord.Document) bool { return fold[ecb.gold[d.ID]] == f }), ecb.gold)
			trScore := map[cutCfg]float64{}
			for _, g := range all {
				trScore[g] = score(tr, g)
				cfgHeld[g] += score(te, g) / float64(k*len(seeds))
			}
			var chosen []string
			for _, fam := range famNames {
				best, bs := cutCfg{}, -1.0
				for _, g := range families[fam] {
					if trScore[g] > bs+1e-9 {
						best, bs = g, trScore[g]
					}
				}
				held[fam] += score(te, best) / k
				chosen = append(chosen, fmt.Sprintf("%s→%v %.3f", fam, best, score(te, best)))
			}
			heldBase += score(te, base) / k
			if os.Getenv("STORIES_CUT_VERBOSE") != "" {
				fmt.Printf("seed %v fold %d: %s\n", sd, f, strings.Join(chosen, "; "))
			}
		}
		var parts []string
		for _, fam := range famNames {
			parts = append(parts, fmt.Sprintf("%s %.3f", fam, held[fam]))
			famHeld[fam] = append(famHeld[fam], held[fam])
		}
		fmt.Printf("seed %v: CV held-out topic: baseline(0.10) %.3f; %s\n", sd, heldBase, strings.Join(parts, ", "))
	}
	for _, fam := range famNames {
		m := 0.0
		for _, x := range famHeld[fam] {
			m += x / float64(len(famHeld[fam]))
		}
		fmt.Printf("family %-8s mean over seeds %.4f %v\n", fam, m, famHeld[fam])
	}
	for _, g := range all {
		var parts []string
		for _, set := range sets {
			parts = append(parts, fmt.Sprintf("%.3f", score(get(set.docs, set.gold), g)))
		}
		fmt.Printf("config %-22v fixed-config CV %.4f; all sets %s\n", g, cfgHeld[g], strings.Join(parts, " "))
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// TestDevCutStats: per corpus (the two sets and the held-out ECB+ folds),
// the statistics of the event-pair links an adaptive rule could read, and
// the best fixed threshold on that corpus (a diagnostic, not a choice).
func TestDevCutStats(t *testing.T) {
	sets := loadPairSets(t)
	ecb := sets[0]
	floor := devFloats("STORIES_CUT_FLOOR", "0.02")[0]
	show := func(name string, docs []*accord.Document, gold map[string]string) {
		c := prepareCut(docs, gold, devFloats("STORIES_CUT_BETA", "0")[0])
		tr := c.trace(floor)
		var links []float64
		for a := range c.events {
			for b := a + 1; b < len(c.events); b++ {
				s := 0.0
				for _, i := range c.events[a] {
					for _, j := range c.events[b] {
						s += c.S[i][j]
					}
				}
				links = append(links, s/float64(len(c.events[a])*len(c.events[b])))
			}
		}
		sort.Float64s(links)
		q := func(p float64) float64 { return links[int(p*float64(len(links)-1))] }
		med := q(0.5)
		var dev []float64
		for _, x := range links {
			dev = append(dev, math.Abs(x-med))
		}
		sort.Float64s(dev)
		mad := dev[len(dev)/2]
		var row []string
		bt, bs := 0.0, -1.0
		for th := 0.05; th < 0.1451; th += 0.005 {
			s := c.b3(c.partition(tr, cutCfg{crit: "fixed", t: th}.cut(tr), 0.04))
			row = append(row, fmt.Sprintf("%.3f", s))
			if s > bs+1e-9 {
				bt, bs = th, s
			}
		}
		fmt.Printf("%-10s docs %4d events %3d med %.4f mad %.4f q90 %.3f q99 %.3f q999 %.3f best t %.3f (%.3f) at .10 %.3f | %s\n", name, len(docs), len(c.events), med, mad, q(0.9), q(0.99), q(0.999), bt, bs, c.b3(c.partition(tr, cutCfg{crit: "fixed", t: 0.1}.cut(tr), 0.04)), strings.Join(row, " "))
	}
	for k, set := range sets {
		show(fmt.Sprint("set", k), set.docs, set.gold)
	}
	var topics []string
	seen := map[string]bool{}
	for _, d := range ecb.docs {
		if x, ok := ecb.gold[d.ID]; ok && !seen[x] {
			seen[x] = true
			topics = append(topics, x)
		}
	}
	sort.Strings(topics)
	for _, sd := range devFloats("STORIES_CUT_SEEDS", "0,1") {
		tops := append([]string{}, topics...)
		if sd > 0 {
			rng := rand.New(rand.NewPCG(uint64(sd), 1))
			rng.Shuffle(len(tops), func(i, j int) { tops[i], tops[j] = tops[j], tops[i] })
		}
		fold := map[string]int{}
		for i, x := range tops {
			fold[x] = i % 5
		}
		for f := 0; f < 5; f++ {
			show(fmt.Sprintf("s%v f%d te", sd, f), subsetDocs(ecb.docs, func(d *accord.Document) bool { return fold[ecb.gold[d.ID]] == f }), ecb.gold)
			show(fmt.Sprintf("s%v f%d tr", sd, f), subsetDocs(ecb.docs, func(d *accord.Document) bool { return fold[ecb.gold[d.ID]] != f }), ecb.gold)
		}
	}
}

// threshold of the rank and rz rules, clamped to [lo, hi].
//   - rank: the cut lets about c pairs of events per event link above it
//     (true same-story pairs grow with the number of events m, chance
//     pairs with m²): the (c·m)-th largest pair link.
//   - rz: a multiple-comparison bound on the bulk of the pairs (which are
//     unrelated): median + c · 1.4826·MAD · z, z the normal quantile of
//     1 − 1/P for the P = m(m−1)/2 pairs.
func (g cutCfg) threshold(tr *cutTrace) float64 {
	var t float64
	L := tr.links
	if len(L) == 0 {
		return g.hi
	}
	switch g.crit {
	case "rank":
		k := int(math.Round(g.c * float64(tr.events)))
		k = min(max(k, 1), len(L)) - 1
		t = L[k]
	case "rz":
		if tr.allLinks != nil {
			L = tr.allLinks
		}
		med := L[len(L)/2]
		dev := make([]float64, len(L))
		for i, x := range L {
			dev[i] = math.Abs(x - med)
		}
		sort.Float64s(dev)
		sigma := 1.4826 * dev[len(dev)/2]
		P := float64(len(L))
		z := math.Sqrt(2) * math.Erfinv(1-2/P) // Φ⁻¹(1 − 1/P)
		t = med + g.c*sigma*z
	}
	return min(max(t, g.lo), g.hi)
}

// loadDumpGroups sets devGroups from the -dump file of STORIES_DEV_DOCS+suf.
func loadDumpGroups(t *testing.T, suf string) {
	var dd struct {
		Groups [][]string `json:"groups"`
	}
	if err := devdata.ReadJSON(os.Getenv("STORIES_DEV_DOCS"+suf), &dd); err != nil {
		t.Fatal(err)
	}
	devGroups = map[string][]string{}
	for _, g := range dd.Groups {
		for _, id := range g {
			devGroups[id] = g
		}
	}
}

// stageTopicB3 runs the stage itself (New, merge threshold m) on docs.
func stageTopicB3(t *testing.T, st *Stage, docs []*accord.Document, gold map[string]string) float64 {
	c := devCorpus(docs)
	if err := st.Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	pred := map[string]string{}
	for _, s := range c.Stories {
		for _, d := range s.Documents {
			pred[d] = s.ID
		}
	}
	g := map[string]string{}
	for _, d := range docs {
		if x, ok := gold[d.ID]; ok {
			g[d.ID] = x
		}
	}
	return devBcubed(pred, g)
}

// TestDevCutFidelity: the harness's fixed cut against the stage itself at
// the same merge thresholds, on the sets and the fold seed 0 held-out folds.
func TestDevCutFidelity(t *testing.T) {
	sets := loadPairSets(t)
	for k, set := range sets {
		loadDumpGroups(t, []string{"", "2"}[k])
		c := prepareCut(set.docs, set.gold, 0)
		tr := c.trace(0.02)
		if os.Getenv("STORIES_CUT_STAGE") != "" {
			tr = c.stageTrace(0.02)
		}
		for _, m := range devFloats("STORIES_CUT_FIXED", "0.06,0.08,0.1,0.12") {
			st := New()
			st.MergeThreshold = m
			fmt.Printf("set%d m %.3f harness %.3f stage partition %.3f stage %.3f\n", k, m, c.b3(c.partition(tr, cutCfg{crit: "fixed", t: m}.cut(tr), 0.04)), c.b3(c.stagePartition(m, 0.04)), stageTopicB3(t, st, set.docs, set.gold))
		}
	}
}
