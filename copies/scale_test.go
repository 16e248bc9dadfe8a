package copies

import (
	"math/rand"
	"slices"
	"testing"
)

func TestSortBySense(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{0, 5, 63, 64, 1000} {
		for _, big := range []bool{false, true} {
			xs := make([]uint64, n)
			for i := range xs {
				sense := uint64(rng.Intn(117659))
				if big && i == n/2 {
					sense = 1 << 20
				}
				xs[i] = sense<<16 | uint64(rng.Intn(1<<15))
			}
			count := map[uint64]int{}
			for _, x := range xs {
				count[x]++
			}
			sortBySense(xs, nil)
			for i := 1; i < len(xs); i++ {
				if xs[i]>>16 < xs[i-1]>>16 {
					t.Fatalf("n=%d big=%v: not sorted by sense at %d", n, big, i)
				}
			}
			for _, x := range xs {
				count[x]--
			}
			for x, c := range count {
				if c != 0 {
					t.Fatalf("n=%d: value %x count off by %d", n, x, c)
				}
			}
		}
	}
}

func TestBucketTable(t *testing.T) {
	var bt bucketTable
	if _, ok := bt.get(7); ok {
		t.Fatal("empty table found a key")
	}
	want := map[uint32]int32{}
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 200000; i++ {
		k := rng.Uint32()
		switch i {
		case 0:
			k = 0
		case 1:
			k = ^uint32(0)
		}
		bt.put(k, int32(i))
		want[storedKey(k)] = int32(i) // 2^32-1 shares 2^32-2's bucket by design
	}
	for k, v := range want {
		got, ok := bt.get(k - 1)
		if !ok || got != v {
			t.Fatalf("key %d: got %d,%v want %d", k-1, got, ok, v)
		}
	}
	if bt.n != len(want) {
		t.Fatalf("n=%d, want %d", bt.n, len(want))
	}
}

func TestNearest(t *testing.T) {
	ids := []int32{1, 3, 5, 7, 9, 11, 13}
	cases := []struct {
		id   int32
		n    int
		want []int32
	}{
		{6, 10, ids},
		{6, 2, []int32{5, 7}},
		{0, 3, []int32{1, 3, 5}},
		{20, 3, []int32{9, 11, 13}},
		{9, 3, []int32{7, 9, 11}},
	}
	for _, c := range cases {
		if got := nearest(ids, c.id, c.n); !slices.Equal(got, c.want) {
			t.Errorf("nearest(%d, %d) = %v, want %v", c.id, c.n, got, c.want)
		}
	}
}
