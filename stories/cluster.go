package stories

import (
	"container/heap"
	"context"
	"math"
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

// top returns the k heaviest term ids of v.
func (v vector) top(k int) []int32 {
	idx := make([]int, len(v.ids))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		if v.val[idx[a]] != v.val[idx[b]] {
			return v.val[idx[a]] > v.val[idx[b]]
		}
		return v.ids[idx[a]] < v.ids[idx[b]]
	})
	if len(idx) > k {
		idx = idx[:k]
	}
	out := make([]int32, len(idx))
	for i, j := range idx {
		out[i] = v.ids[j]
	}
	return out
}

// centroid is the sum of its members' vectors. Its squared norm is kept up to
// date term by term, in the (sorted) order of each vector's ids, so that the
// floating-point result never depends on map iteration order: the same input
// always gives the same clusters.
type centroid struct {
	sum map[int32]float64
	sq  float64 // squared L2 norm of sum
	n   int
}

func newCentroid() *centroid { return &centroid{sum: map[int32]float64{}} }

func (c *centroid) addTerm(id int32, x float64) {
	old := c.sum[id]
	nw := old + x
	c.sq += nw*nw - old*old
	if math.Abs(nw) < 1e-12 {
		delete(c.sum, id)
	} else {
		c.sum[id] = nw
	}
}

func (c *centroid) add(v vector) {
	for i, id := range v.ids {
		c.addTerm(id, v.val[i])
	}
	c.n++
}

func (c *centroid) remove(v vector) {
	for i, id := range v.ids {
		c.addTerm(id, -v.val[i])
	}
	c.n--
}

// merge adds another centroid's sum, term by term in id order.
func (c *centroid) merge(o *centroid) {
	ids := make([]int32, 0, len(o.sum))
	for id := range o.sum {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		c.addTerm(id, o.sum[id])
	}
	c.n += o.n
}

func (c *centroid) l2() float64 {
	if c.sq <= 0 {
		return 0
	}
	return math.Sqrt(c.sq)
}

func (c *centroid) cosine(v vector) float64 {
	n := c.l2()
	if n == 0 {
		return 0
	}
	dot := 0.0
	for i, id := range v.ids {
		dot += c.sum[id] * v.val[i]
	}
	return dot / n
}

// cosineWithout is the cosine with the centroid less one member's vector.
func (c *centroid) cosineWithout(v vector) float64 {
	if c.n <= 1 {
		return 0
	}
	// |s - v|^2 = |s|^2 - 2 s.v + |v|^2 (|v| = 1)
	dot := 0.0
	for i, id := range v.ids {
		dot += c.sum[id] * v.val[i]
	}
	n2 := c.l2()*c.l2() - 2*dot + 1
	if n2 <= 1e-12 {
		return 0
	}
	return (dot - 1) / math.Sqrt(n2)
}

const indexTerms = 12 // top terms of a document used to find candidate clusters

// cluster groups vectors: an online pass in arrival order with an inverted
// index from terms to clusters, then re-assignment and merging passes.
func cluster(ctx context.Context, vecs []vector, order []int, threshold, merge float64) [][]int {
	var cents []*centroid
	assign := make([]int, len(vecs))
	for i := range assign {
		assign[i] = -1
	}
	index := map[int32][]int{}
	indexed := map[[2]int32]bool{}
	addToIndex := func(cl int, v vector) {
		for _, t := range v.top(indexTerms) {
			key := [2]int32{t, int32(cl)}
			if !indexed[key] {
				indexed[key] = true
				index[t] = append(index[t], cl)
			}
		}
	}
	candidates := func(v vector) []int {
		seen := map[int]bool{}
		var out []int
		for _, t := range v.top(indexTerms) {
			for _, cl := range index[t] {
				if !seen[cl] {
					seen[cl] = true
					out = append(out, cl)
				}
			}
		}
		sort.Ints(out)
		return out
	}
	for n, i := range order {
		if n%1024 == 0 && ctx.Err() != nil {
			return nil
		}
		best, bestScore := -1, threshold
		for _, cl := range candidates(vecs[i]) {
			if cents[cl].n == 0 {
				continue
			}
			if sc := cents[cl].cosine(vecs[i]); sc > bestScore {
				best, bestScore = cl, sc
			}
		}
		if best < 0 {
			best = len(cents)
			cents = append(cents, newCentroid())
		}
		cents[best].add(vecs[i])
		assign[i] = best
		addToIndex(best, vecs[i])
	}
	// Re-assignment: each document moves to the best centroid (its own
	// cluster measured without it), twice.
	for pass := 0; pass < 2; pass++ {
		moved := 0
		for _, i := range order {
			own := assign[i]
			bestScore := cents[own].cosineWithout(vecs[i])
			best := own
			if bestScore < threshold && cents[own].n > 1 {
				bestScore = threshold
			}
			for _, cl := range candidates(vecs[i]) {
				if cl == own || cents[cl].n == 0 {
					continue
				}
				if sc := cents[cl].cosine(vecs[i]); sc > bestScore+1e-9 {
					best, bestScore = cl, sc
				}
			}
			if best != own {
				cents[own].remove(vecs[i])
				cents[best].add(vecs[i])
				assign[i] = best
				addToIndex(best, vecs[i])
				moved++
			}
		}
		if moved == 0 {
			break
		}
	}
	// Merge clusters greedily, most similar pair first, recomputing the merged
	// centroid (centroid linkage). Candidate pairs share an index term.
	parent := make([]int, len(cents))
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
	seenPair := map[[2]int]bool{}
	for _, cls := range index {
		for a := 0; a < len(cls); a++ {
			for b := a + 1; b < len(cls) && b < a+64; b++ {
				x, y := cls[a], cls[b]
				if x > y {
					x, y = y, x
				}
				if seenPair[[2]int{x, y}] || cents[x].n == 0 || cents[y].n == 0 {
					continue
				}
				seenPair[[2]int{x, y}] = true
				if sc := averageLink(cents[x], cents[y]); sc > merge {
					heap.Push(h, pair{x, y, sc})
				}
			}
		}
	}
	for h.Len() > 0 {
		p := heap.Pop(h).(pair)
		rx, ry := find(p.a), find(p.b)
		if rx == ry {
			continue
		}
		if rx != p.a || ry != p.b {
			// Stale: one side has merged since; score the current clusters.
			if sc := averageLink(cents[rx], cents[ry]); sc > merge {
				if rx > ry {
					rx, ry = ry, rx
				}
				heap.Push(h, pair{rx, ry, sc})
			}
			continue
		}
		if rx > ry {
			rx, ry = ry, rx
		}
		parent[ry] = rx
		cents[rx].merge(cents[ry])
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
	a, b  int
	score float64
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

// averageLink is the mean cosine between members of two clusters: the dot
// product of their sums over the product of their sizes. Unlike the cosine of
// centroids it does not grow as clusters grow broad.
func averageLink(a, b *centroid) float64 {
	if a.n == 0 || b.n == 0 {
		return 0
	}
	if len(a.sum) > len(b.sum) {
		a, b = b, a
	}
	ids := make([]int32, 0, len(a.sum))
	for id := range a.sum {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	dot := 0.0 // summed in id order, for the same result on every run
	for _, id := range ids {
		dot += a.sum[id] * b.sum[id]
	}
	return dot / float64(a.n*b.n)
}
