package copies

import (
	"math/rand"
	"reflect"
	"testing"
)

// randomCase gives a random thesaurus relation between a's and b's words
// (some words without senses) and random sentence ranges ending at each
// document's end.
func randomCase(r *rand.Rand, a, b *vdoc) (*relation, [2]int32, [2]int32) {
	rel := &relation{idA: make([]int16, len(a.words)), idB: make([]int16, len(b.words))}
	na, nb := 1+r.Intn(8), 1+r.Intn(70)
	rel.cols = (nb + 63) / 64
	rel.bits = make([]uint64, na*rel.cols)
	for i := range rel.idA {
		rel.idA[i] = int16(r.Intn(na+2) - 2)
	}
	for j := range rel.idB {
		rel.idB[j] = int16(r.Intn(nb+2) - 2)
	}
	for k := range rel.bits {
		rel.bits[k] = r.Uint64() & r.Uint64()
	}
	sa := [2]int32{int32(r.Intn(len(a.words))), int32(len(a.words))}
	sb := [2]int32{int32(r.Intn(len(b.words))), int32(len(b.words))}
	return rel, sa, sb
}

// TestLCSBitParallel checks the bit-parallel LCS against the table on random
// sentences over a small vocabulary, with and without a thesaurus relation.
func TestLCSBitParallel(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	mk := func(n int) *vdoc {
		v := &vdoc{words: make([]word, n)}
		for i := range v.words {
			v.words[i].h = uint64(r.Intn(12))
		}
		return v
	}
	var buf []int32
	for it := 0; it < 3000; it++ {
		a, b := mk(1+r.Intn(90)), mk(1+r.Intn(90))
		rel, sa, sb := randomCase(r, a, b)
		for _, rl := range []*relation{nil, rel} {
			if got, want := lcs(a, b, sa, sb, rl, &buf), lcsTable(a, b, sa, sb, rl, &buf); got != want {
				t.Fatalf("it %d rel %v: lcs %d, table %d", it, rl != nil, got, want)
			}
		}
	}
}

// TestDetailBitParallel checks that detail walks the same LCS back from the
// bit vectors as from the table.
func TestDetailBitParallel(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	mk := func(n int) *vdoc {
		v := &vdoc{words: make([]word, n)}
		for i := range v.words {
			v.words[i].h = uint64(r.Intn(10))
			if r.Intn(4) == 0 {
				v.words[i].flags = uint8(r.Intn(256))
			}
		}
		return v
	}
	for it := 0; it < 3000; it++ {
		a, b := mk(1+r.Intn(64)), mk(1+r.Intn(80))
		rel, sa, sb := randomCase(r, a, b)
		for _, rl := range []*relation{nil, rel} {
			var x, y pairStats
			detailBy(a, b, sa, sb, rl, &x, true)
			detailBy(a, b, sa, sb, rl, &y, false)
			x.tbl, x.cols, y.tbl, y.cols = nil, nil, nil, nil
			if !reflect.DeepEqual(x, y) {
				t.Fatalf("it %d rel %v: bit-parallel %+v, table %+v", it, rl != nil, x, y)
			}
		}
	}
}

// TestLCSMasked checks the LCS from a sentence's mask table against the
// table, the mask table being reused across sentences.
func TestLCSMasked(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	mk := func(n, voc int) *vdoc {
		v := &vdoc{words: make([]word, n)}
		for i := range v.words {
			v.words[i].h = uint64(r.Intn(voc)) * 0x9e3779b97f4a7c15
		}
		return v
	}
	var buf []int32
	var mt maskTable
	for it := 0; it < 3000; it++ {
		voc := 2 + r.Intn(200)
		a, b := mk(1+r.Intn(64), voc), mk(1+r.Intn(90), voc)
		rel, sa, sb := randomCase(r, a, b)
		mt.build(a.words[sa[0]:sa[1]])
		for _, rl := range []*relation{nil, rel} {
			if got, want := lcsMasked(&mt, a, b, sa, sb, rl), lcsTable(a, b, sa, sb, rl, &buf); got != want {
				t.Fatalf("it %d rel %v: masked %d, table %d", it, rl != nil, got, want)
			}
		}
	}
}
