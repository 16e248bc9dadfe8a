package copies

import (
	"math/bits"
	"unsafe"

	"github.com/zeebo/xxh3"
)

// Signature sizes: numHashes MinHash values per feature family, banded into
// numBands bands of rowsPerBand rows for LSH. With 32 bands of 2 rows a pair
// with Jaccard 0.2 is a candidate with probability 0.73, at 0.3 with 0.95, at
// 0.05 with 0.08; candidates are then filtered by the estimated Jaccard
// (matching signature slots) before the costly verification.
const (
	numHashes   = 64
	rowsPerBand = 2
	numBands    = numHashes / rowsPerBand
)

// permutations: fixed odd multipliers and offsets (a*x+b mod 2^64, top 32
// bits), drawn once from a fixed seed so that signatures can be stored.
var permA, permB [numHashes]uint64

func init() {
	s := uint64(0x9E3779B97F4A7C15)
	next := func() uint64 { // splitmix64
		s += 0x9E3779B97F4A7C15
		z := s
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
		z = (z ^ (z >> 27)) * 0x94D049BB133111EB
		return z ^ (z >> 31)
	}
	for i := range permA {
		permA[i] = next() | 1
		permB[i] = next()
	}
}

// signature is a MinHash signature.
type signature [numHashes]uint32

// minhash computes the MinHash signature of a set of 64-bit feature hashes
// (duplicates are harmless). An empty set gives all-ones slots that match
// nothing of substance (see empty).
func minhash(feats []uint64) signature {
	var sig signature
	// one permutation at a time over all features: its multiplier, offset
	// and running minimum stay in registers
	for i := range sig {
		a, b := permA[i], permB[i]
		m := ^uint32(0)
		for _, x := range feats {
			m = min(m, uint32((a*x+b)>>32))
		}
		sig[i] = m
	}
	return sig
}

func (s *signature) empty() bool { return s[0] == ^uint32(0) && s[1] == ^uint32(0) }

// jaccard estimates the Jaccard similarity of two sets from their signatures.
func (s *signature) jaccard(o *signature) float64 {
	if s.empty() || o.empty() {
		return 0
	}
	n := 0
	for i := range s {
		if s[i] == o[i] {
			n++
		}
	}
	return float64(n) / numHashes
}

// sketch is a MinHash signature kept at 16 bits per slot (b-bit MinHash):
// half the memory, and two different minima agree by chance in one slot of
// 65,536, which moves a Jaccard estimate by less than 0.0001.
type sketch [numHashes]uint16

func (s *signature) sketch() sketch {
	var k sketch
	for i, v := range s {
		k[i] = uint16(v)
	}
	return k
}

func (s *sketch) empty() bool { return s[0] == ^uint16(0) && s[1] == ^uint16(0) }

// jaccard estimates the Jaccard similarity of two sets from their sketches.
func (s *sketch) jaccard(o *sketch) float64 {
	if s.empty() || o.empty() {
		return 0
	}
	return float64(s.matches(o)) / numHashes
}

// matches counts the slots where two sketches agree, four 16-bit slots at a
// time: a lane of x = a^b is non-zero exactly when its high bit is set in
// (x | (x&low15 + low15)).
func (s *sketch) matches(o *sketch) int {
	const low15, high = 0x7fff7fff7fff7fff, 0x8000800080008000
	a := (*[numHashes / 4]uint64)(unsafe.Pointer(s))
	b := (*[numHashes / 4]uint64)(unsafe.Pointer(o))
	diff := 0
	for i := range a {
		x := a[i] ^ b[i]
		diff += bits.OnesCount64((x | (x&low15 + low15)) & high)
	}
	return numHashes - diff
}

// bandKeys returns the LSH bucket key of each band; family separates the
// feature families in one shared bucket table.
func (s *signature) bandKeys(family uint64, dst []uint32) []uint32 {
	if s.empty() {
		return dst
	}
	var b [rowsPerBand * 4]byte
	for band := 0; band < numBands; band++ {
		for r := 0; r < rowsPerBand; r++ {
			v := s[band*rowsPerBand+r]
			b[r*4], b[r*4+1], b[r*4+2], b[r*4+3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
		}
		dst = append(dst, uint32(xxh3.HashSeed(b[:], family<<8|uint64(band))))
	}
	return dst
}

// simhash is a 64-bit SimHash over weighted feature hashes: bit i is set
// when more features have it set than not.
func simhash(feats []uint64) uint64 {
	n := int32(len(feats))
	var ones [64]int32
	// bit i of the mixed features is counted in byte lane i/8 of acc[i%8],
	// eight counters per add; lanes are flushed before they can overflow
	const lanes = 0x0101010101010101
	for len(feats) > 0 {
		blk := feats[:min(len(feats), 255)]
		feats = feats[len(blk):]
		var acc [8]uint64
		for _, x := range blk {
			x = mix(x)
			for j := range acc {
				acc[j] += x >> uint(j) & lanes
			}
		}
		for j, a := range acc {
			for k := 0; k < 8; k++ {
				ones[8*k+j] += int32(a >> uint(8*k) & 0xff)
			}
		}
	}
	var h uint64
	for i, v := range ones {
		if 2*v > n {
			h |= 1 << uint(i)
		}
	}
	return h
}

// hamming is the number of differing bits.
func hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }

func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// combine hashes a short sequence of word hashes into one shingle hash.
func combine(hs ...uint64) uint64 {
	h := uint64(0x27d4eb2f165667c5)
	for _, x := range hs {
		h = mix(h ^ x + 0x9e3779b97f4a7c15)
	}
	return h
}

// bucketTable maps 32-bit LSH band keys to the most recent bucket slot
// holding them: open addressing with linear probing, 8 bytes a slot, at most
// 3/4 full. Two band values that share a 32-bit key share a bucket, which
// only adds a candidate the Jaccard estimate then drops.
type bucketTable struct {
	keys  []uint32 // key+1; 0 marks an empty slot (key 2^32-1 is stored as 2^32-2)
	heads []int32
	n     int
}

func (t *bucketTable) slotOf(k uint32) (int, bool) {
	mask := len(t.keys) - 1
	i := int(k) & mask // keys are hash values already
	for {
		switch t.keys[i] {
		case 0:
			return i, false
		case k:
			return i, true
		}
		i = (i + 1) & mask
	}
}

func storedKey(k uint32) uint32 {
	if k == ^uint32(0) {
		k--
	}
	return k + 1
}

// get returns the head slot of key k.
func (t *bucketTable) get(k uint32) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	i, ok := t.slotOf(storedKey(k))
	return t.heads[i], ok
}

// put sets the head slot of key k.
func (t *bucketTable) put(k uint32, head int32) {
	if 4*(t.n+1) > 3*len(t.keys) {
		t.grow()
	}
	sk := storedKey(k)
	i, ok := t.slotOf(sk)
	if !ok {
		t.keys[i] = sk
		t.n++
	}
	t.heads[i] = head
}

func (t *bucketTable) grow() {
	size := 1 << 16
	if len(t.keys) > 0 {
		size = 2 * len(t.keys)
	}
	old, oldHeads := t.keys, t.heads
	t.keys, t.heads = make([]uint32, size), make([]int32, size)
	for i, k := range old {
		if k != 0 {
			j, _ := t.slotOf(k)
			t.keys[j], t.heads[j] = k, oldHeads[i]
		}
	}
}
