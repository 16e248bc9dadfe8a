package stories

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// topSorted is the full-sort definition of vector.top.
func topSorted(v vector, k int) []int32 {
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
		idx = idx[:max(k, 0)]
	}
	out := make([]int32, len(idx))
	for i, j := range idx {
		out[i] = v.ids[j]
	}
	return out
}

func TestTopMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 60; n++ {
		for _, k := range []int{0, 1, 3, 12, 100} {
			v := vector{}
			for i := range n {
				v.ids = append(v.ids, int32(i*3+1))
				// few distinct values, so ties on value are common
				v.val = append(v.val, float64(r.IntN(5))/4)
			}
			if got, want := v.top(k), topSorted(v, k); !slices.Equal(got, want) {
				t.Fatalf("n %d k %d: top %v, sorted %v", n, k, got, want)
			}
		}
	}
}
