package copies

import (
	"math/rand"
	"testing"
)

// The MinHash and SimHash loops give what the plain definitions give.
func TestMinHashSimHashReference(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, n := range []int{0, 1, 2, 7, 254, 255, 256, 511, 600, 3000} {
		feats := make([]uint64, n)
		for i := range feats {
			feats[i] = rng.Uint64()
			if i > 0 && rng.Intn(4) == 0 {
				feats[i] = feats[rng.Intn(i)]
			}
		}
		var want signature
		for i := range want {
			want[i] = ^uint32(0)
		}
		for _, x := range feats {
			for i := 0; i < numHashes; i++ {
				if v := uint32((permA[i]*x + permB[i]) >> 32); v < want[i] {
					want[i] = v
				}
			}
		}
		if got := minhash(feats); got != want {
			t.Errorf("n=%d: minhash differs", n)
		}
		var ones [64]int32
		for _, x := range feats {
			x = mix(x)
			for i := range ones {
				ones[i] += int32(x >> uint(i) & 1)
			}
		}
		var wh uint64
		for i, v := range ones {
			if 2*v > int32(n) {
				wh |= 1 << uint(i)
			}
		}
		if got := simhash(feats); got != wh {
			t.Errorf("n=%d: simhash %x, want %x", n, got, wh)
		}
	}
}
