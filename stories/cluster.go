package stories

import (
	"container/heap"
	"context"
	"math"
	"slices"
	"sort"
)

// vector is a sparse, L2-normalized vector sorted by term id.
type vector struct {
	ids []int32
	val []float64
}

func newVector(m map[int32]float64) vector {
	v := vector{ids: make([]int32, 0, len(m)), val: make([]float64, 0, len(m))}
	for id := range m {
		v.ids = append(v.ids, id)
	}
	sort.Slice(v.ids, func(i, j int) bool { return v.ids[i] < v.ids[j] })
	norm := 0.0
	for _, id := range v.ids {
		norm += m[id] * m[id]
	}
	norm = math.Sqrt(norm)
	for _, id := range v.ids {
		x := m[id]
		if norm > 0 {
			x /= norm
		}
		v.val = append(v.val, x)
	}
	return v
}

// prune keeps the k heaviest terms of v (ties: the lower id), L2-normalized
// again: a document's similarity is then dominated by what it is about, and
// centroids stay small.
func (v vector) prune(k int) vector {
	if k <= 0 || len(v.ids) <= k {
		return v
	}
	keep := v.top(k)
	sort.Slice(keep, func(i, j int) bool { return keep[i] < keep[j] })
	out := vector{ids: keep, val: make([]float64, len(keep))}
	norm := 0.0
	j := 0
	for i, id := range keep {
		for v.ids[j] != id {
			j++
		}
		out.val[i] = v.val[j]
		norm += v.val[j] * v.val[j]
	}
	norm = math.Sqrt(norm)
	for i := range out.val {
		out.val[i] /= norm
	}
	return out
}

// top returns the k heaviest term ids of v.
func (v vector) top(k int) []int32 {
	// Insertion into the k best so far (value descending, then id): the
	// order is total, so this is the first k of the fully sorted terms.
	better := func(a, b int) bool {
		if v.val[a] != v.val[b] {
			return v.val[a] > v.val[b]
		}
		return v.ids[a] < v.ids[b]
	}
	best := make([]int, 0, max(0, min(k, len(v.ids))))
	for i := range v.ids {
		if k <= 0 || len(best) == k && !better(i, best[k-1]) {
			continue
		}
		j := len(best)
		if j < k {
			best = append(best, i)
		} else {
			j = k - 1
		}
		for j > 0 && better(i, best[j-1]) {
			best[j] = best[j-1]
			j--
		}
		best[j] = i
	}
	out := make([]int32, len(best))
	for i, j := range best {
		out[i] = v.ids[j]
	}
	return out
}

// centroid is the sum of its members' vectors, as a sparse vector sorted by
// term id (12 bytes a term, against about twice that in a map). Its
// squared norm is kept up to date term by term, in the (sorted) order of
// each vector's ids, so that the floating-point result never depends on
// the order of anything but the input: the same input always gives the
// same clusters. A sum below 1e-12 drops its term.
type centroid struct {
	ids []int32
	val []float64
	sq  float64 // squared L2 norm of the sum
	n   int
}

func newCentroid() *centroid { return &centroid{} }

// find returns the position of each of v's ids in c (-1: absent), in pos's
// storage.
func (c *centroid) find(v vector, pos []int32) []int32 {
	pos = pos[:0]
	j := 0
	gal := len(c.ids) > 16*len(v.ids)
	for _, id := range v.ids {
		if gal {
			j += gallop(c.ids[j:], id)
		} else {
			for j < len(c.ids) && c.ids[j] < id {
				j++
			}
		}
		if j < len(c.ids) && c.ids[j] == id {
			pos = append(pos, int32(j))
		} else {
			pos = append(pos, -1)
		}
	}
	return pos
}

// addVec adds sign·v, term by term in id order, as adding each term to a
// map of sums did: the new sum is old + x, the squared norm moves by
// new² − old², and a sum whose magnitude falls below 1e-12 is dropped.
//
// scratch (may be nil) lends its storage to the positions of v's terms.
func (c *centroid) addVec(v vector, sign float64, scratch *[]int32) {
	var pos []int32
	if scratch != nil {
		pos = *scratch
	}
	pos = c.find(v, pos)
	if scratch != nil {
		*scratch = pos
	}
	inserts, drops := 0, 0
	for k := range v.ids {
		old := 0.0
		if p := pos[k]; p >= 0 {
			old = c.val[p]
		}
		x := v.val[k]
		if sign < 0 {
			x = -x
		}
		nw := old + x
		c.sq += nw*nw - old*old
		switch {
		case math.Abs(nw) < 1e-12:
			if pos[k] >= 0 {
				drops++
			}
		case pos[k] < 0:
			inserts++
		}
	}
	if inserts == 0 && drops == 0 {
		for k, p := range pos {
			if p < 0 {
				continue // a sum below 1e-12 of an absent term: nothing to add
			}
			x := v.val[k]
			if sign < 0 {
				x = -x
			}
			c.val[p] += x
		}
		return
	}
	// Merge into new storage (a little room to grow, so that a cluster
	// growing one document at a time does not copy itself every time).
	n := len(c.ids) + inserts - drops
	ids := make([]int32, 0, n+n/4)
	val := make([]float64, 0, n+n/4)
	i := 0
	for k, id := range v.ids {
		for i < len(c.ids) && c.ids[i] < id {
			ids, val = append(ids, c.ids[i]), append(val, c.val[i])
			i++
		}
		x := v.val[k]
		if sign < 0 {
			x = -x
		}
		old := 0.0
		if pos[k] >= 0 {
			old = c.val[i]
			i++
		}
		if nw := old + x; math.Abs(nw) >= 1e-12 {
			ids, val = append(ids, id), append(val, nw)
		}
	}
	ids, val = append(ids, c.ids[i:]...), append(val, c.val[i:]...)
	c.ids, c.val = ids, val
}

func (c *centroid) add(v vector, scratch *[]int32) {
	c.addVec(v, 1, scratch)
	c.n++
}

func (c *centroid) remove(v vector, scratch *[]int32) {
	c.addVec(v, -1, scratch)
	c.n--
}

func (c *centroid) l2() float64 {
	if c.sq <= 0 {
		return 0
	}
	return math.Sqrt(c.sq)
}

// dot is the dot product with v, summed in v's id order (a term v has and
// the centroid has not adds nothing, as its product with 0 did).
func (c *centroid) dot(v vector) float64 {
	dot := 0.0
	j := 0
	far := len(c.ids) > 16*len(v.ids) // sizes far apart: gallop, else step
	for i, id := range v.ids {
		if far {
			j += gallop(c.ids[j:], id)
		} else {
			for j < len(c.ids) && c.ids[j] < id {
				j++
			}
		}
		if j == len(c.ids) {
			break
		}
		if c.ids[j] == id {
			dot += c.val[j] * v.val[i]
			j++
		}
	}
	return dot
}

func (c *centroid) cosine(v vector) float64 {
	n := c.l2()
	if n == 0 {
		return 0
	}
	return c.dot(v) / n
}

// cosineWithout is the cosine with the centroid less one member's vector.
func (c *centroid) cosineWithout(v vector) float64 {
	if c.n <= 1 {
		return 0
	}
	// |s - v|^2 = |s|^2 - 2 s.v + |v|^2 (|v| = 1)
	dot := c.dot(v)
	n2 := c.l2()*c.l2() - 2*dot + 1
	if n2 <= 1e-12 {
		return 0
	}
	return (dot - 1) / math.Sqrt(n2)
}

// mean is the mean similarity of v with the centroid's members (group
// average): unlike the cosine with the centroid, it does not rise as a
// cluster grows loose, so broad clusters do not swallow their neighbours.
func (c *centroid) mean(v vector) float64 {
	if c.n == 0 {
		return 0
	}
	return c.dot(v) / float64(c.n)
}

// meanWithout is mean with one member's vector taken out of the centroid.
func (c *centroid) meanWithout(v vector) float64 {
	if c.n <= 1 {
		return 0
	}
	return (c.dot(v) - 1) / float64(c.n-1)
}

const (
	indexTerms = 12 // top terms of a document used to find candidate clusters
	// maxPosting bounds how many clusters of one term's posting list (the
	// most recent) are looked at, and maxCandidates how many candidates (those
	// sharing the most top-term weight) are scored exactly (half as many when
	// re-assigning): the cost per document stays bounded however large the
	// corpus grows.
	maxPosting    = 256
	maxCandidates = 16
	smallCluster  = 3
)

// mergeTrace, when set (development tests only; never in a run), is told
// every candidate pair of the merge phase as first scored (first) and then
// every merge, in order, with its average link.
var mergeTrace func(first bool, a, b int, score float64)

// cluster groups vectors: an online pass in arrival order with an inverted
// index from terms to clusters, then re-assignment and merging passes.
//
// With groupAverage, a document's similarity to a cluster is its mean
// similarity to the members; otherwise the cosine with the centroid.
//
// With attach > 0, clusters of at most smallCluster documents finally join
// the most similar larger cluster when their average link exceeds attach.
//
// In re-assignment a document alone in its cluster moves to the most
// similar cluster however low the similarity, unless holdSingles is set:
// then, as in the online pass, only above threshold. Events inside a story
// want every report in some event; a pass over the whole corpus must not
// put an unrelated page (physics beside football TV rights, mean cosine
// 0.03) into whichever cluster shares a word with it.
//
// With seed (one entry per vector, or nil), a document with seed[i] >= 0
// starts in cluster seed[i] (the clusters of a prior run, numbered densely
// from 0) and stays there but for merges; only the other documents go
// through the online pass and re-assignment.
func cluster(ctx context.Context, vecs vecSource, order []int, threshold, merge, attach float64, groupAverage, holdSingles bool, seed []int) [][]int {
	sim, simWithout := (*centroid).cosine, (*centroid).cosineWithout
	if groupAverage {
		sim, simWithout = (*centroid).mean, (*centroid).meanWithout
	}
	var cents []*centroid
	assign := make([]int, vecs.len())
	for i := range assign {
		assign[i] = -1
	}
	// A document's vector comes from vecs into buf, one document at a
	// time (the features source computes it on demand).
	var buf vector
	var scratch []int32 // for centroid additions
	load := func(i int) vector {
		v := vecs.vec(i, buf)
		buf = v
		return v
	}
	tops := make([][]int32, vecs.len())
	top := func(i int, v vector) []int32 {
		if tops[i] == nil {
			tops[i] = v.top(indexTerms)
		}
		return tops[i]
	}
	index := map[int32][]int{}
	indexed := map[[2]int32]bool{}
	addToIndex := func(cl int, i int, v vector) {
		for _, t := range top(i, v) {
			key := [2]int32{t, int32(cl)}
			if !indexed[key] {
				indexed[key] = true
				index[t] = append(index[t], cl)
			}
		}
	}
	type cand struct {
		cl    int
		score float64
	}
	// Shared top-term weight per cluster, dense (cluster ids are dense),
	// with the list of clusters touched: the same sums, in the same order,
	// as a map would give, without hashing.
	var shared []float64
	var isShared []bool
	var touched []int
	var cs []cand
	candidates := func(i int, v vector, maxCand int) []int {
		touched = touched[:0]
		for _, t := range top(i, v) {
			w := 0.0
			if k := sort.Search(len(v.ids), func(k int) bool { return v.ids[k] >= t }); k < len(v.ids) && v.ids[k] == t {
				w = v.val[k]
			}
			post := index[t]
			if len(post) > maxPosting {
				post = post[len(post)-maxPosting:]
			}
			for _, cl := range post {
				if cl >= len(shared) {
					grow := cl + 1 + len(shared)/2
					shared = append(shared, make([]float64, grow-len(shared))...)
					isShared = append(isShared, make([]bool, grow-len(isShared))...)
				}
				if !isShared[cl] {
					isShared[cl] = true
					touched = append(touched, cl)
				}
				shared[cl] += w
			}
		}
		cs = cs[:0]
		for _, cl := range touched {
			cs = append(cs, cand{cl, shared[cl]})
			shared[cl], isShared[cl] = 0, false
		}
		if len(cs) > maxCand {
			// The maxCand best (score, then lower id: a total order, so the
			// set is the same on every run), by selection, not a full sort.
			selectTop(cs, maxCand, func(a, b cand) bool {
				if a.score != b.score {
					return a.score > b.score
				}
				return a.cl < b.cl
			})
			cs = cs[:maxCand]
		}
		out := make([]int, len(cs))
		for k, c := range cs {
			out[k] = c.cl
		}
		sort.Ints(out)
		return out
	}
	seeded := func(i int) bool { return seed != nil && seed[i] >= 0 }
	// The seeded clusters' sums are built in one go per cluster
	// (seededSums: the same additions as adding the documents one by one).
	// When every document is seeded (a batch run after events first), no
	// document is compared with a centroid before the merge phase, so the
	// sums go straight to it.
	allSeeded := seed != nil
	for _, c := range seed {
		if c < 0 {
			allSeeded = false
			break
		}
	}
	nSeeded := 0
	for _, i := range order {
		if !seeded(i) {
			continue
		}
		v := load(i)
		nSeeded = max(nSeeded, seed[i]+1)
		assign[i] = seed[i]
		addToIndex(seed[i], i, v)
	}
	var seededSq []float64
	var sums []sparseSum
	if nSeeded > 0 {
		sums, seededSq = seededSums(nSeeded, order, seed, load)
	}
	if !allSeeded {
		for c := range sums {
			cents = append(cents, &centroid{ids: sums[c].ids, val: sums[c].val, sq: seededSq[c], n: sums[c].n})
		}
		sums = nil
	}
	for n, i := range order {
		if n%1024 == 0 && ctx.Err() != nil {
			return nil
		}
		if seeded(i) {
			continue
		}
		v := load(i)
		best, bestScore := -1, threshold
		for _, cl := range candidates(i, v, maxCandidates) {
			if cents[cl].n == 0 {
				continue
			}
			if sc := sim(cents[cl], v); sc > bestScore {
				best, bestScore = cl, sc
			}
		}
		if best < 0 {
			best = len(cents)
			cents = append(cents, newCentroid())
		}
		cents[best].add(v, &scratch)
		assign[i] = best
		addToIndex(best, i, v)
	}
	// Re-assignment: each document moves to the best centroid (its own
	// cluster measured without it), twice.
	for pass := 0; pass < 2; pass++ {
		moved := 0
		for _, i := range order {
			if seeded(i) {
				continue
			}
			own := assign[i]
			v := load(i)
			bestScore := simWithout(cents[own], v)
			best := own
			if bestScore < threshold && (cents[own].n > 1 || holdSingles) {
				bestScore = threshold
			}
			for _, cl := range candidates(i, v, maxCandidates/2) {
				if cl == own || cents[cl].n == 0 {
					continue
				}
				if sc := sim(cents[cl], v); sc > bestScore+1e-9 {
					best, bestScore = cl, sc
				}
			}
			if best != own {
				cents[own].remove(v, &scratch)
				cents[best].add(v, &scratch)
				assign[i] = best
				addToIndex(best, i, v)
				moved++
			}
		}
		if moved == 0 {
			break
		}
	}
	// Merge clusters greedily, most similar pair first, recomputing the merged
	// centroid (centroid linkage). Candidate pairs share an index term.
	// The merge phase works on sorted sparse sums: a dot product is then a
	// merge of two sorted lists, in id order (the same result on every run).
	if !allSeeded {
		sums = make([]sparseSum, len(cents))
		for i, c := range cents {
			sums[i] = c.sorted()
			cents[i] = nil // the sums now live in sums (or a compact copy)
		}
	}
	parent := make([]int, len(sums))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	h := &pairHeap{}
	push := func(x, y int) {
		if x > y {
			x, y = y, x
		}
		if sc := averageLink(&sums[x], &sums[y]); sc > merge {
			heap.Push(h, pair{x, y, sums[x].n, sums[y].n, sc})
		}
	}
	forEachWindowPair(index, len(sums), func(x, y int) {
		if sums[x].n > 0 && sums[y].n > 0 {
			push(x, y)
		}
	})
	if mergeTrace != nil {
		for _, p := range *h {
			mergeTrace(true, p.a, p.b, p.score)
		}
	}
	for h.Len() > 0 {
		p := heap.Pop(h).(pair)
		rx, ry := find(p.a), find(p.b)
		if rx == ry {
			continue
		}
		if rx != p.a || ry != p.b || sums[rx].n != p.na || sums[ry].n != p.nb {
			// Stale: a side has merged since; score the current clusters.
			push(rx, ry)
			continue
		}
		if mergeTrace != nil {
			mergeTrace(false, rx, ry, p.score)
		}
		parent[ry] = rx
		sums[rx] = sums[rx].plus(&sums[ry])
		sums[ry] = sparseSum{}
	}
	if attach > 0 {
		// Small clusters (at most smallCluster documents) join the larger
		// cluster they are most similar to, above the lower attach
		// threshold: a few reports that share less with a broad story than
		// its threshold asks still belong to it rather than standing apart.
		members := map[int][]int{}
		for _, i := range order {
			r := find(assign[i])
			members[r] = append(members[r], i)
		}
		var small []int
		for r, ms := range members {
			if len(ms) <= smallCluster {
				small = append(small, r)
			}
		}
		sort.Ints(small)
		for _, r := range small {
			best, bestScore := -1, attach
			seen := map[int]bool{}
			for _, i := range members[r] {
				for _, cl := range candidates(i, load(i), maxCandidates) {
					o := find(cl)
					if o == r || seen[o] || sums[o].n <= smallCluster {
						continue
					}
					seen[o] = true
					if sc := averageLink(&sums[r], &sums[o]); sc > bestScore || (sc == bestScore && best >= 0 && o < best) {
						best, bestScore = o, sc
					}
				}
			}
			if best >= 0 {
				parent[r] = best
				sums[best] = sums[best].plus(&sums[r])
				sums[r] = sparseSum{}
			}
		}
	}
	groups := map[int][]int{}
	for i, cl := range assign {
		r := find(cl)
		groups[r] = append(groups[r], i)
	}
	out := make([][]int, 0, len(groups))
	for _, g := range groups {
		sort.Ints(g)
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

type pair struct {
	a, b   int
	na, nb int // the clusters' sizes when scored
	score  float64
}

type pairHeap []pair

func (h pairHeap) Len() int { return len(h) }
func (h pairHeap) Less(i, j int) bool {
	if h[i].score != h[j].score {
		return h[i].score > h[j].score
	}
	if h[i].a != h[j].a {
		return h[i].a < h[j].a
	}
	return h[i].b < h[j].b
}
func (h pairHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pairHeap) Push(x any)   { *h = append(*h, x.(pair)) }
func (h *pairHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// sparseSum is a centroid's sum as a sorted sparse vector.
type sparseSum struct {
	ids []int32
	val []float64
	n   int
}

func (c *centroid) sorted() sparseSum {
	if cap(c.ids) > len(c.ids)+len(c.ids)/8 {
		return sparseSum{ids: slices.Clone(c.ids), val: slices.Clone(c.val), n: c.n}
	}
	return sparseSum{ids: c.ids, val: c.val, n: c.n}
}

// seededSums builds the sorted sum of each of n clusters from its members'
// vectors, as adding them one by one to a centroid in arrival order would
// (the same additions per term in the same order, and a term whose sum
// falls below 1e-12 dropped as addTerm drops it), but with one dense
// scratch array instead of a map per cluster.
//
// It also returns each cluster's squared norm as a centroid keeps it (moved
// by new² − old² at every addition, in the same order). Documents with a
// negative seed are left out.
func seededSums(n int, order, seed []int, load func(int) vector) ([]sparseSum, []float64) {
	start := make([]int, n+1)
	for _, c := range seed {
		if c >= 0 {
			start[c+1]++
		}
	}
	for c := 0; c < n; c++ {
		start[c+1] += start[c]
	}
	members := make([]int, start[n])
	next := slices.Clone(start[:n])
	for _, i := range order {
		c := seed[i]
		if c < 0 {
			continue
		}
		members[next[c]] = i
		next[c]++
	}
	sums := make([]sparseSum, n)
	sqs := make([]float64, n)
	var dense []float64
	var touched []int32
	var seen []bool
	for c := 0; c < n; c++ {
		touched = touched[:0]
		for _, i := range members[start[c]:start[c+1]] {
			v := load(i)
			for k, id := range v.ids {
				if int(id) >= len(dense) {
					grow := int(id) + 1 + len(dense)/2
					dense = append(dense, make([]float64, grow-len(dense))...)
					seen = append(seen, make([]bool, grow-len(seen))...)
				}
				if !seen[id] {
					seen[id] = true
					touched = append(touched, id)
				}
				old := dense[id]
				nw := old + v.val[k]
				sqs[c] += nw*nw - old*old
				if math.Abs(nw) < 1e-12 {
					nw = 0
				}
				dense[id] = nw
			}
		}
		slices.Sort(touched)
		s := sparseSum{n: start[c+1] - start[c]}
		kept := 0
		for _, id := range touched {
			if dense[id] != 0 {
				kept++
			}
		}
		s.ids, s.val = make([]int32, 0, kept), make([]float64, 0, kept)
		for _, id := range touched {
			if x := dense[id]; x != 0 {
				s.ids = append(s.ids, id)
				s.val = append(s.val, x)
			}
			dense[id], seen[id] = 0, false
		}
		sums[c] = s
	}
	return sums, sqs
}

// plus is the sum of two sparse sums.
func (a *sparseSum) plus(b *sparseSum) sparseSum {
	out := sparseSum{ids: make([]int32, 0, len(a.ids)+len(b.ids)), val: make([]float64, 0, len(a.ids)+len(b.ids)), n: a.n + b.n}
	i, j := 0, 0
	for i < len(a.ids) || j < len(b.ids) {
		switch {
		case j == len(b.ids) || (i < len(a.ids) && a.ids[i] < b.ids[j]):
			out.ids, out.val = append(out.ids, a.ids[i]), append(out.val, a.val[i])
			i++
		case i == len(a.ids) || b.ids[j] < a.ids[i]:
			out.ids, out.val = append(out.ids, b.ids[j]), append(out.val, b.val[j])
			j++
		default:
			out.ids, out.val = append(out.ids, a.ids[i]), append(out.val, a.val[i]+b.val[j])
			i++
			j++
		}
	}
	return out
}

// averageLink is the mean cosine between members of two clusters: the dot
// product of their sums over the product of their sizes. Unlike the cosine of
// centroids it does not grow as clusters grow broad.
func averageLink(a, b *sparseSum) float64 {
	if a.n == 0 || b.n == 0 {
		return 0
	}
	if len(a.ids) > 16*len(b.ids) {
		a, b = b, a
	}
	if len(b.ids) > 16*len(a.ids) {
		// Far apart in size: look each term of the small sum up in the
		// large one (the same products, summed in the same id order).
		dot := 0.0
		j := 0
		for i, id := range a.ids {
			j += gallop(b.ids[j:], id)
			if j == len(b.ids) {
				break
			}
			if b.ids[j] == id {
				dot += a.val[i] * b.val[j]
				j++
			}
		}
		return dot / float64(a.n*b.n)
	}
	dot := 0.0
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			dot += a.val[i] * b.val[j]
			i++
			j++
		}
	}
	return dot / float64(a.n*b.n)
}

// mergeWindow: two clusters are a candidate pair for merging when they
// stand within mergeWindow places of each other on a posting list.
const mergeWindow = 64

// forEachWindowPair calls f once for every pair x < y of clusters that
// stand less than mergeWindow places apart on some posting list of index,
// by x, then y. It is the set of pairs a walk along every list gives, found
// from each cluster's own places on the lists, with one mark per cluster
// instead of a set of pairs: memory in the number of postings, not pairs.
func forEachWindowPair(index map[int32][]int, n int, f func(x, y int)) {
	lists := make([][]int, 0, len(index))
	for _, cls := range index {
		lists = append(lists, cls)
	}
	// Each cluster's places (list, position), flat by cluster.
	start := make([]int, n+1)
	for _, cls := range lists {
		for _, cl := range cls {
			start[cl+1]++
		}
	}
	for c := 0; c < n; c++ {
		start[c+1] += start[c]
	}
	places := make([][2]int32, start[n])
	next := slices.Clone(start[:n])
	for l, cls := range lists {
		for p, cl := range cls {
			places[next[cl]] = [2]int32{int32(l), int32(p)}
			next[cl]++
		}
	}
	mark := make([]bool, n)
	var partners []int
	for x := 0; x < n; x++ {
		partners = partners[:0]
		for _, lp := range places[start[x]:start[x+1]] {
			cls, p := lists[lp[0]], int(lp[1])
			for q := max(0, p-mergeWindow+1); q < min(len(cls), p+mergeWindow); q++ {
				if y := cls[q]; y > x && !mark[y] {
					mark[y] = true
					partners = append(partners, y)
				}
			}
		}
		slices.Sort(partners)
		for _, y := range partners {
			mark[y] = false
			f(x, y)
		}
	}
}

// gallop returns the first position of ids (sorted) holding an id >= x, by
// exponential then binary search.
func gallop(ids []int32, x int32) int {
	hi := 1
	for hi < len(ids) && ids[hi-1] < x {
		hi *= 2
	}
	lo := hi / 2
	hi = min(hi, len(ids))
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ids[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// selectTop reorders xs so that its first k elements are the k first under
// less (in no particular order among themselves): quickselect with a
// median-of-three pivot.
func selectTop[T any](xs []T, k int, less func(a, b T) bool) {
	lo, hi := 0, len(xs)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		if less(xs[mid], xs[lo]) {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if less(xs[hi], xs[lo]) {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if less(xs[hi], xs[mid]) {
			xs[hi], xs[mid] = xs[mid], xs[hi]
		}
		pivot := xs[mid]
		i, j := lo, hi
		for i <= j {
			for less(xs[i], pivot) {
				i++
			}
			for less(pivot, xs[j]) {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return
		}
	}
}
