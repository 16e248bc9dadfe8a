package stories

import (
	"fmt"
	"math"
	"math/rand/v2"
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
		fs := extractFeatures(docs, kinds, 0)
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

// TestAverageLinkGallop checks that the galloping dot product of sums far
// apart in size is, bit for bit, the merge join's.
func TestAverageLinkGallop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	mk := func(n, span int) sparseSum {
		s := sparseSum{n: 1 + r.IntN(5)}
		for id := 0; id < span && len(s.ids) < n; id++ {
			if r.IntN(span) < 2*n {
				s.ids = append(s.ids, int32(id))
				s.val = append(s.val, r.Float64())
			}
		}
		return s
	}
	ref := func(a, b *sparseSum) float64 {
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
	for k := 0; k < 500; k++ {
		a, b := mk(1+r.IntN(20), 400), mk(r.IntN(3000), 4000)
		if k%2 == 1 {
			a, b = b, a
		}
		if got, want := averageLink(&a, &b), ref(&a, &b); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("case %d: %v, want %v", k, got, want)
		}
	}
	for _, ids := range [][]int32{nil, {5}, {1, 3, 5, 7, 9, 11, 13}} {
		for x := int32(0); x < 15; x++ {
			want := 0
			for want < len(ids) && ids[want] < x {
				want++
			}
			if got := gallop(ids, x); got != want {
				t.Fatalf("gallop(%v, %d) = %d, want %d", ids, x, got, want)
			}
		}
	}
}

// TestWindowPairs checks forEachWindowPair against a walk along every list.
func TestWindowPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const n = 300
	index := map[int32][]int{}
	for term := int32(0); term < 40; term++ {
		perm := r.Perm(n)
		index[term] = perm[:r.IntN(n)]
	}
	want := map[[2]int]bool{}
	for _, cls := range index {
		for a := 0; a < len(cls); a++ {
			for b := a + 1; b < len(cls) && b < a+mergeWindow; b++ {
				x, y := min(cls[a], cls[b]), max(cls[a], cls[b])
				want[[2]int{x, y}] = true
			}
		}
	}
	got := map[[2]int]bool{}
	last := [2]int{-1, -1}
	forEachWindowPair(index, n, func(x, y int) {
		p := [2]int{x, y}
		if x >= y || got[p] || (x < last[0] || (x == last[0] && y <= last[1])) {
			t.Fatalf("pair %v repeated, unordered or out of order", p)
		}
		got[p], last = true, p
	})
	if len(got) != len(want) {
		t.Fatalf("%d pairs, want %d", len(got), len(want))
	}
	for p := range want {
		if !got[p] {
			t.Fatalf("pair %v missing", p)
		}
	}
}

// mapCentroid is the map-based centroid the sorted one replaced: the
// reference for TestCentroidMatchesMapCentroid.
type mapCentroid struct {
	sum map[int32]float64
	sq  float64
}

func (c *mapCentroid) addTerm(id int32, x float64) {
	old := c.sum[id]
	nw := old + x
	c.sq += nw*nw - old*old
	if math.Abs(nw) < 1e-12 {
		delete(c.sum, id)
	} else {
		c.sum[id] = nw
	}
}

func (c *mapCentroid) dot(v vector) float64 {
	dot := 0.0
	for i, id := range v.ids {
		dot += c.sum[id] * v.val[i]
	}
	return dot
}

// TestCentroidMatchesMapCentroid adds and removes random vectors (some with
// zero values, some far smaller or larger than the centroid) to both
// centroids: sums, squared norms and dot products must agree bit for bit.
func TestCentroidMatchesMapCentroid(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	mk := func() vector {
		var v vector
		span, n := 50+r.IntN(3000), 1+r.IntN(200)
		for id := 0; id < span; id++ {
			if r.IntN(span) < n {
				x := r.Float64()
				if r.IntN(20) == 0 {
					x = 0
				}
				v.ids, v.val = append(v.ids, int32(id)), append(v.val, x)
			}
		}
		return v
	}
	for round := 0; round < 20; round++ {
		c, ref := newCentroid(), &mapCentroid{sum: map[int32]float64{}}
		var in []vector
		for step := 0; step < 200; step++ {
			if len(in) > 0 && r.IntN(3) == 0 {
				k := r.IntN(len(in))
				v := in[k]
				in = append(in[:k], in[k+1:]...)
				c.remove(v, nil)
				for i, id := range v.ids {
					ref.addTerm(id, -v.val[i])
				}
			} else {
				v := mk()
				in = append(in, v)
				c.add(v, nil)
				for i, id := range v.ids {
					ref.addTerm(id, v.val[i])
				}
			}
			if math.Float64bits(c.sq) != math.Float64bits(ref.sq) || len(c.ids) != len(ref.sum) {
				t.Fatalf("round %d step %d: sq %v (%d terms), want %v (%d terms)", round, step, c.sq, len(c.ids), ref.sq, len(ref.sum))
			}
			for k, id := range c.ids {
				if k > 0 && c.ids[k-1] >= id {
					t.Fatalf("ids not sorted")
				}
				if math.Float64bits(c.val[k]) != math.Float64bits(ref.sum[id]) {
					t.Fatalf("round %d step %d: term %d is %v, want %v", round, step, id, c.val[k], ref.sum[id])
				}
			}
			probe := mk()
			if got, want := c.dot(probe), ref.dot(probe); got != want {
				t.Fatalf("round %d step %d: dot %v, want %v", round, step, got, want)
			}
		}
	}
}

// TestSeededSumsMatchAdding checks seededSums (sums and squared norms)
// against adding the seeded documents one by one in arrival order.
func TestSeededSumsMatchAdding(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	const docs, n = 400, 9
	vecs := make([]vector, docs)
	seed := make([]int, docs)
	for i := range vecs {
		for id := 0; id < 2000; id++ {
			if r.IntN(20) == 0 {
				vecs[i].ids, vecs[i].val = append(vecs[i].ids, int32(id)), append(vecs[i].val, r.Float64())
			}
		}
		seed[i] = r.IntN(n+2) - 2 // some unseeded, cluster n-1 maybe empty
	}
	order := r.Perm(docs)
	sums, sqs := seededSums(n, order, seed, func(i int) vector { return vecs[i] })
	cents := make([]*centroid, n)
	for c := range cents {
		cents[c] = newCentroid()
	}
	for _, i := range order {
		if seed[i] >= 0 {
			cents[seed[i]].add(vecs[i], nil)
		}
	}
	for c, want := range cents {
		got := sums[c]
		if got.n != want.n || math.Float64bits(sqs[c]) != math.Float64bits(want.sq) || len(got.ids) != len(want.ids) {
			t.Fatalf("cluster %d: n %d sq %v terms %d, want %d %v %d", c, got.n, sqs[c], len(got.ids), want.n, want.sq, len(want.ids))
		}
		for k := range got.ids {
			if got.ids[k] != want.ids[k] || math.Float64bits(got.val[k]) != math.Float64bits(want.val[k]) {
				t.Fatalf("cluster %d term %d differs", c, k)
			}
		}
	}
}

// TestEncodeTerms round-trips packed terms through encodeTerms/decodeTerm,
// with counts that take one byte and counts that do not.
func TestEncodeTerms(t *testing.T) {
	var in []uint64
	id := int32(0)
	for k, c := range []float64{1, 0.5, 2, 63.5, 64, 100, 3.5, 1e6, 0.5} {
		id += int32(1 + k*k*k*9000)
		in = append(in, packTerm(id, c))
	}
	b := encodeTerms(in, nil)
	prev := int32(0)
	for k, want := range in {
		var got int32
		var c float64
		got, c, b = decodeTerm(b, prev)
		prev = got
		if wid, wc := unpackTerm(want); got != wid || c != wc {
			t.Fatalf("term %d: (%d, %v), want (%d, %v)", k, got, c, wid, wc)
		}
	}
	if len(b) != 0 {
		t.Fatalf("%d bytes left", len(b))
	}
}
