package copies

import (
	"encoding/binary"
	"io"
	"slices"

	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"github.com/zeebo/xxh3"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// reffreq.txt.gz holds word and function-word bigram counts over real news
// text (see internal/train); it is the reference that tells a writer's usual
// word choice from a spinner's.
//
//go:generate go run ./internal/train -data /work/shared/data -out reffreq.txt.gz -bigrams refbigrams.bin.gz
//go:embed reffreq.txt.gz
var refGz []byte

//go:embed refbigrams.bin.gz
var refBigramsGz []byte

type refStats struct {
	total float64
	// words and bigrams are keyed by the hash tokenize gives a word (xxh3 of
	// its lower-cased form) and by bigramKey of two such hashes.
	words   map[uint64]float64
	bigrams map[uint64]float64
	seen    []uint32 // sorted hashes of the bigrams seen at least twice
	// seenSet holds seen as an open-addressing set (0 marks a free slot;
	// seenZero says whether 0 itself is seen): one memory access per
	// lookup instead of a binary search's many
	seenSet  []uint32
	seenZero bool
	// frequent holds the words counted more than frequentCount times (the
	// only ones fingerprint needs), in a small open-addressing table
	freqKeys []uint64
	freqVals []float64 // 0: a free slot
}

// frequentCount: fingerprint looks only at word pairs both counted more
// than this often in the reference (function words).
const frequentCount = 2000

// buildSets fills seenSet and the frequent-word table from seen and words.
func (r *refStats) buildSets() {
	size := 16
	for size < 2*len(r.seen) {
		size *= 2
	}
	r.seenSet = make([]uint32, size)
	for _, k := range r.seen {
		if k == 0 {
			r.seenZero = true
			continue
		}
		i := int(mix(uint64(k))) & (size - 1)
		for r.seenSet[i] != 0 && r.seenSet[i] != k {
			i = (i + 1) & (size - 1)
		}
		r.seenSet[i] = k
	}
	n := 0
	for _, c := range r.words {
		if c > frequentCount {
			n++
		}
	}
	size = 16
	for size < 4*n {
		size *= 2
	}
	r.freqKeys, r.freqVals = make([]uint64, size), make([]float64, size)
	for h, c := range r.words {
		if c > frequentCount {
			i := int(mix(h)) & (size - 1)
			for r.freqVals[i] != 0 {
				i = (i + 1) & (size - 1)
			}
			r.freqKeys[i], r.freqVals[i] = h, c
		}
	}
}

// frequent returns a word's reference count when above frequentCount, else 0.
func (r *refStats) frequent(h uint64) float64 {
	size := len(r.freqKeys)
	if size == 0 {
		return 0
	}
	for i := int(mix(h)) & (size - 1); r.freqVals[i] != 0; i = (i + 1) & (size - 1) {
		if r.freqKeys[i] == h {
			return r.freqVals[i]
		}
	}
	return 0
}

// bigramKey combines two word hashes into one key.
func bigramKey(h1, h2 uint64) uint64 { return mix(h1)*31 ^ h2 }

var (
	refOnce sync.Once
	ref     *refStats
)

func reference() *refStats {
	refOnce.Do(func() {
		ref = &refStats{total: 1, words: map[uint64]float64{}, bigrams: map[uint64]float64{}}
		ref.seen = loadBigramSet(refBigramsGz)
		defer ref.buildSets()
		zr, err := gzip.NewReader(bytes.NewReader(refGz))
		if err != nil {
			return
		}
		sc := bufio.NewScanner(zr)
		section, left := "", 0
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if left == 0 {
				// a header line: "total N", "words n" or "bigrams m"
				if len(f) != 2 {
					return
				}
				v, err := strconv.ParseFloat(f[1], 64)
				if err != nil || v < 0 {
					return
				}
				switch f[0] {
				case "total":
					if v > 0 {
						ref.total = v
					}
				case "words", "bigrams":
					section, left = f[0], int(v)
				}
				continue
			}
			left--
			switch {
			case section == "words" && len(f) == 2:
				if v, err := strconv.ParseFloat(f[1], 64); err == nil {
					ref.words[xxh3.HashString(f[0])] = v
				}
			case section == "bigrams" && len(f) == 3:
				if v, err := strconv.ParseFloat(f[2], 64); err == nil {
					ref.bigrams[bigramKey(xxh3.HashString(f[0]), xxh3.HashString(f[1]))] = v
				}
			}
		}
	})
	return ref
}

func loadBigramSet(gz []byte) []uint32 {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil
	}
	n, k := binary.Uvarint(raw)
	if k <= 0 || n > uint64(len(raw)) {
		return nil
	}
	raw = raw[k:]
	out := make([]uint32, 0, n)
	prev := uint32(0)
	for i := uint64(0); i < n; i++ {
		d, k := binary.Uvarint(raw)
		if k <= 0 {
			return nil
		}
		raw = raw[k:]
		prev += uint32(d)
		out = append(out, prev)
	}
	return out
}

// bigramSeenHash reports whether reference news text has a bigram "w1 w2"
// at least twice, given the bigram's hash (the low 32 bits of
// xxh3 of "w1 w2").
func bigramSeenHash(k uint32) bool {
	r := reference()
	if k == 0 {
		return r.seenZero
	}
	size := len(r.seenSet)
	for i := int(mix(uint64(k))) & (size - 1); r.seenSet[i] != 0; i = (i + 1) & (size - 1) {
		if r.seenSet[i] == k {
			return true
		}
	}
	return false
}

// appendLower appends the lower-cased form of w (as tokenize built it).
func appendLower(b []byte, s string, w word) []byte {
	if w.start < 0 || int(w.end) > len(s) || w.start > w.end {
		return b
	}
	for _, r := range s[w.start:w.end] {
		switch {
		case r == '’':
			b = append(b, '\'')
		case r >= 'A' && r <= 'Z':
			b = append(b, byte(r+'a'-'A'))
		case r < 0x80:
			b = append(b, byte(r))
		default:
			b = utf8.AppendRune(b, toLower(r))
		}
	}
	return b
}

// fluency is the share of the word bigrams touching the given words of v
// (inside their sentence) that reference news text uses: a writer's own
// wording scores higher than a spinner's context-blind substitutes.
func fluency(v *vdoc, idx []int) (float64, int) {
	// the bigrams, by their first word's index, each once (the counts
	// below do not depend on the order)
	pairs := make([]int, 0, 2*len(idx))
	for _, i := range idx {
		if i < 0 || i >= len(v.words) {
			continue
		}
		if i > 0 && v.words[i-1].sent == v.words[i].sent {
			pairs = append(pairs, i-1)
		}
		if i+1 < len(v.words) && v.words[i+1].sent == v.words[i].sent {
			pairs = append(pairs, i)
		}
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	seen, n := 0, 0
	var buf []byte
	for _, i := range pairs {
		a, b := v.words[i], v.words[i+1]
		if a.has(fNum) || b.has(fNum) || a.has(fCap) || b.has(fCap) {
			continue // names and numbers say nothing about fluency
		}
		n++
		buf = appendLower(buf[:0], v.doc.Text, a)
		buf = append(buf, ' ')
		buf = appendLower(buf, v.doc.Text, b)
		if bigramSeenHash(uint32(xxh3.Hash(buf))) {
			seen++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(seen) / float64(n), n
}

// fingerprint is the rate, per function-word bigram of the text, of
// function-word bigrams that reference news text uses far less than chance
// predicts (pointwise mutual information below -1): the trace that spinner
// habits ("and also", "has actually") and garbled idioms leave. It is learned
// from the reference counts, not from a list of phrases.
func fingerprint(v *vdoc) float64 {
	r := reference()
	n, odd := 0, 0
	for i := 1; i < len(v.words); i++ {
		p, w := v.words[i-1], v.words[i]
		if p.sent != w.sent {
			continue
		}
		c1, c2 := r.frequent(p.h), r.frequent(w.h)
		if c1 > frequentCount && c2 > frequentCount { // both frequent (function) words
			n++
			c12 := r.bigrams[bigramKey(p.h, w.h)]
			pmi := math.Log((c12 + 0.5) * r.total / (c1 * c2))
			if pmi < -1 {
				odd++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(odd) / float64(n)
}
