package copies

import (
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/accord-news/accord"
)

// vdoc is a document prepared for verification: its words, their thesaurus
// senses and the word ranges of its sentences.
type vdoc struct {
	doc   *accord.Document
	words []word
	info  []*senseInfo // per word; nil for function words and unknown words
	sents [][2]int32   // word index ranges
	units [][2]int32   // clause-like word ranges: sentences cut at commas, quote marks, brackets, dashes
	// sortS and sortU hold the word hashes sorted within each sentence and
	// each unit; known[i] counts the thesaurus-known words before word i.
	// They bound the LCS of two ranges cheaply (see lcsBound).
	sortS, sortU []uint64
	unitOnce     sync.Once // units and sortU, built on first use (clauses)
	known        []int32
	// fingerprint, computed on first use
	fpOnce sync.Once
	fp     float64
	// thesaurus index (see senseIndex), built on first use
	idxOnce  sync.Once
	lid      []int16
	nl       int
	own, ext []uint64
}

// prepareInto builds the vdoc of d from its words (as tokenize gives them)
// and, when not nil, their senses (as tokenizeInfo gives them), into v, a
// vdoc no longer in use whose slices are reused (nil: a new one).
func prepareInto(v *vdoc, d *accord.Document, words []word, info []*senseInfo, cache *wordCache) *vdoc {
	if v == nil {
		v = &vdoc{}
	} else {
		v.reset()
	}
	v.doc, v.words = d, words
	if len(info) == len(words) {
		v.info = info
	} else {
		if cap(v.info) < len(words) {
			v.info = make([]*senseInfo, len(words))
		}
		v.info = v.info[:len(words)]
		for i, w := range v.words {
			var si *senseInfo
			if !w.has(fStop) && w.has(fKnown) {
				si = cache.info(d.Text, w)
			}
			v.info[i] = si
		}
	}
	start := 0
	for i := 1; i <= len(v.words); i++ {
		if i == len(v.words) || v.words[i].sent != v.words[start].sent {
			v.sents = append(v.sents, [2]int32{int32(start), int32(i)})
			start = i
		}
	}
	v.sortS = sortedRanges(v.sortS, v.words, v.sents)
	if cap(v.known) < len(v.words)+1 {
		v.known = make([]int32, len(v.words)+1)
	}
	v.known = v.known[:len(v.words)+1]
	v.known[0] = 0
	for i, si := range v.info {
		v.known[i+1] = v.known[i]
		if si != nil {
			v.known[i+1]++
		}
	}
	return v
}

// reset readies a vdoc no longer in use for prepareInto: what is computed
// on first use is forgotten, the slices keep their room.
func (v *vdoc) reset() {
	v.doc, v.words = nil, nil
	v.sents, v.units, v.sortS, v.sortU = v.sents[:0], v.units[:0], v.sortS[:0], v.sortU[:0]
	v.lid, v.own, v.ext = v.lid[:0], v.own[:0], v.ext[:0]
	v.nl, v.fp = 0, 0
	v.unitOnce, v.fpOnce, v.idxOnce = sync.Once{}, sync.Once{}, sync.Once{}
}

// clauses computes units and sortU, once (only the partial-spin search
// reads them).
func (v *vdoc) clauses() {
	v.unitOnce.Do(func() {
		ustart := 0
		for i := 1; i <= len(v.words); i++ {
			if i == len(v.words) || v.words[i].sent != v.words[i-1].sent || clauseBreak(v.doc.Text, v.words[i-1], v.words[i]) {
				v.units = append(v.units, [2]int32{int32(ustart), int32(i)})
				ustart = i
			}
		}
		v.sortU = sortedRanges(v.sortU, v.words, v.units)
	})
}

// sortedRanges returns the word hashes with each range sorted on its own,
// in dst when it has room.
func sortedRanges(dst []uint64, words []word, rs [][2]int32) []uint64 {
	if cap(dst) < len(words) {
		dst = make([]uint64, len(words))
	}
	out := dst[:len(words)]
	for i, w := range words {
		out[i] = w.h
	}
	for _, r := range rs {
		slices.Sort(out[r[0]:r[1]])
	}
	return out
}

// lcsBound is an upper bound of the LCS of ranges ra of a and rb of b (with
// sorted hashes sa and sb): the identical words they share, plus, when the
// thesaurus is used, the fewer of their thesaurus-known words. It also
// returns the identical words shared.
func lcsBound(a, b *vdoc, sa, sb []uint64, ra, rb [2]int32, thes bool) (bound, same int) {
	x, y := sa[ra[0]:ra[1]], sb[rb[0]:rb[1]]
	i, j, n := 0, 0, 0
	for i < len(x) && j < len(y) {
		// branch-free steps: the comparisons are unpredictable
		p, q := x[i], y[j]
		i += b2i(p <= q)
		j += b2i(p >= q)
		n += b2i(p == q)
	}
	if thes {
		return n + int(min(a.known[ra[1]]-a.known[ra[0]], b.known[rb[1]]-b.known[rb[0]])), n
	}
	return n, n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// mayPassWithThesaurus reports whether the thesaurus alignment of a and b
// could pass (pairStats.passes) at all: with every sentence pair given the
// largest LCS its shared and thesaurus-known words allow, enough sentences
// and words must be alignable on both sides. False means it cannot.
func mayPassWithThesaurus(a, b *vdoc) bool {
	if len(a.words) == 0 || len(b.words) == 0 {
		return false
	}
	okB := make([]bool, len(b.sents))
	sentsA, alignedA := 0, 0
	for _, sa := range a.sents {
		m := int(sa[1] - sa[0])
		hit := false
		for j, sb := range b.sents {
			n := int(sb[1] - sb[0])
			mx, mn := max(m, n), min(m, n)
			if float64(mn) < alignSim*float64(mx) {
				continue
			}
			if bound, _ := lcsBound(a, b, a.sortS, b.sortS, sa, sb, true); float64(bound) >= alignSim*float64(mx) {
				hit, okB[j] = true, true
			}
		}
		if hit {
			sentsA++
			alignedA += m
		}
	}
	sentsB, alignedB := 0, 0
	for j, sb := range b.sents {
		if okB[j] {
			sentsB++
			alignedB += int(sb[1] - sb[0])
		}
	}
	cov := max(float64(alignedA)/float64(len(a.words)), float64(alignedB)/float64(len(b.words)))
	return min(sentsA, sentsB) >= 2 && min(alignedA, alignedB) >= minAlignedWords && cov >= minCoverage
}

// mayHavePassages reports whether spunPassages could find enough passages:
// at least minSpunPassages clauses of a must have a clause of b sharing
// spunUnitExact identical words whose LCS bound reaches spunUnitSim.
func mayHavePassages(a, b *vdoc) bool {
	a.clauses()
	b.clauses()
	n := 0
	for _, ua := range a.units {
		m := int(ua[1] - ua[0])
		if m < spunUnitWords {
			continue
		}
		for _, ub := range b.units {
			k := int(ub[1] - ub[0])
			mx, mn := max(m, k), min(m, k)
			if k < spunUnitWords || float64(mn) < spunUnitSim*float64(mx) {
				continue
			}
			if bound, same := lcsBound(a, b, a.sortU, b.sortU, ua, ub, true); same >= spunUnitExact && float64(bound) >= spunUnitSim*float64(mx) {
				n++
				break
			}
		}
		if n >= minSpunPassages {
			return true
		}
	}
	return false
}

// clauseBreak reports whether the text between two words holds a clause
// boundary mark.
func clauseBreak(s string, a, b word) bool {
	if a.end < 0 || b.start > int32(len(s)) || a.end > b.start {
		return false
	}
	gap := s[a.end:b.start]
	return strings.ContainsAny(gap, ",;:\"“”()[]—–") || strings.Contains(gap, " - ") || strings.Contains(gap, "' ") || strings.Contains(gap, " '")
}

// lowerWord re-derives the lower-cased form of w (as tokenize built it).
func lowerWord(s string, w word) string {
	if w.start < 0 || int(w.end) > len(s) || w.start > w.end {
		return ""
	}
	return string(appendLower(make([]byte, 0, w.end-w.start), s, w))
}

// pairStats is what the sentence alignment of two documents found.
type pairStats struct {
	covA, covB       float64 // share of each document's words in aligned sentences
	alignedA         int     // words of A in aligned sentences
	alignedB         int
	sentsA, sentsB   int // aligned sentences on each side
	exact, related   int // LCS matches in aligned sentence pairs: identical words / thesaurus-related words
	gapA, gapB       int // words of aligned sentences outside the LCS, per side
	order            float64
	subsA, subsB     []int // word indices replaced on each side (thesaurus-related match, not identical)
	insA, insB       []int // word indices unmatched on each side in aligned pairs
	meanSim          float64
	immMatch         int // identical immutable words (numbers, names) in aligned pairs
	immMissA         int // immutable words left unmatched in aligned pairs, per side
	immMissB         int
	wordsA, wordsB   int
	identicalSentsAB int
	tbl              []int32  // scratch for detail
	cols             []uint64 // scratch for detail
}

// table returns a (m+1)×(n+1) LCS table from buf (grown as needed) whose
// last row and last column are zero; the other cells are left for the
// caller to fill from the bottom right.
func table(buf *[]int32, m, n int) []int32 {
	size := (m + 1) * (n + 1)
	if cap(*buf) < size {
		*buf = make([]int32, size)
	}
	t := (*buf)[:size]
	clear(t[m*(n+1):])
	for i := 0; i < m; i++ {
		t[i*(n+1)+n] = 0
	}
	return t
}

// sentence similarity needed for two sentences to count as aligned.
const alignSim = 0.5

// align aligns the sentences of a and b: each sentence of a with its most
// similar sentence of b and vice versa, similarity being the longest common
// subsequence of words (identical, or related in the thesaurus when both are
// content words) over the longer sentence's length.
//
// rel may be nil: then only identical words match.
func align(a, b *vdoc, rel *relation) pairStats {
	st := pairStats{wordsA: len(a.words), wordsB: len(b.words)}
	if len(a.words) == 0 || len(b.words) == 0 {
		return st
	}
	na, nb := len(a.sents), len(b.sents)
	bestA := make([]int, na)
	simA := make([]float64, na)
	bestB := make([]int, nb)
	simB := make([]float64, nb)
	for i := range bestA {
		bestA[i] = -1
	}
	for j := range bestB {
		bestB[j] = -1
	}
	var dp []int32
	var mt maskTable
	for i, sa := range a.sents {
		m := int(sa[1] - sa[0])
		built := false
		for j, sb := range b.sents {
			n := int(sb[1] - sb[0])
			mx, mn := m, n
			if mn > mx {
				mx, mn = mn, mx
			}
			if float64(mn) < alignSim*float64(mx) {
				continue // cannot reach the threshold
			}
			if float64(mn)/float64(mx) <= simA[i] && float64(mn)/float64(mx) <= simB[j] {
				continue // cannot beat either side's best
			}
			bound, _ := lcsBound(a, b, a.sortS, b.sortS, sa, sb, rel != nil)
			if ub := float64(bound); ub < alignSim*float64(mx) ||
				ub <= simA[i]*float64(mx) && ub <= simB[j]*float64(mx) {
				continue // cannot be aligned, or cannot beat either side's best
			}
			var l int
			if m <= 64 {
				if !built {
					mt.build(a.words[sa[0]:sa[1]])
					built = true
				}
				l = lcsMasked(&mt, a, b, sa, sb, rel)
			} else {
				l = lcs(a, b, sa, sb, rel, &dp)
			}
			s := float64(l) / float64(mx)
			if s > simA[i] {
				simA[i], bestA[i] = s, j
			}
			if s > simB[j] {
				simB[j], bestB[j] = s, i
			}
		}
	}
	var simSum float64
	prev, inc, tot := -1, 0, 0
	for i, sa := range a.sents {
		if simA[i] < alignSim {
			continue
		}
		m := int(sa[1] - sa[0])
		st.alignedA += m
		st.sentsA++
		simSum += simA[i]
		if simA[i] >= 0.999 {
			st.identicalSentsAB++
		}
		tot++
		if bestA[i] > prev {
			inc++
		}
		prev = bestA[i]
		// detailed match counts on this pair
		sb := b.sents[bestA[i]]
		detail(a, b, sa, sb, rel, &st)
	}
	for j, sb := range b.sents {
		if simB[j] >= alignSim {
			st.alignedB += int(sb[1] - sb[0])
			st.sentsB++
		}
	}
	st.covA = float64(st.alignedA) / float64(len(a.words))
	st.covB = float64(st.alignedB) / float64(len(b.words))
	if tot > 0 {
		st.order = float64(inc) / float64(tot)
		st.meanSim = simSum / float64(tot)
	}
	return st
}

// relation holds, for one document pair, which content words of a are
// related in the thesaurus to which content words of b, as a bit matrix over
// the two documents' distinct words.
type relation struct {
	idA, idB []int16 // per word: local id of the distinct word, -1 if none
	cols     int     // uint64 words per row
	bits     []uint64
}

func newRelation(a, b *vdoc) *relation {
	a.idxOnce.Do(a.senseIndex)
	b.idxOnce.Do(b.senseIndex)
	r := &relation{idA: a.lid, idB: b.lid, cols: (b.nl + 63) / 64}
	r.bits = make([]uint64, a.nl*r.cols)
	if a.nl == 0 || b.nl == 0 {
		return r
	}
	join := func(x, y []uint64) {
		i, j := 0, 0
		for i < len(x) && j < len(y) {
			sx, sy := x[i]>>16, y[j]>>16
			switch {
			case sx < sy:
				i++
			case sx > sy:
				j++
			default:
				je := j
				for je < len(y) && y[je]>>16 == sx {
					je++
				}
				for ; i < len(x) && x[i]>>16 == sx; i++ {
					la := int(x[i] & 0xffff)
					row := r.bits[la*r.cols : (la+1)*r.cols]
					for k := j; k < je; k++ {
						lb := int(y[k] & 0xffff)
						row[lb>>6] |= 1 << uint(lb&63)
					}
				}
				j = je
			}
		}
	}
	join(a.own, b.ext)
	join(a.ext, b.own)
	return r
}

// senseIndex gives every distinct thesaurus-known content word of v a local
// id and lists (sense<<16 | id) for its own senses and for its own plus
// broader senses, sorted, for merge joins between two documents.
func (v *vdoc) senseIndex() {
	if cap(v.lid) < len(v.words) {
		v.lid = make([]int16, len(v.words))
	}
	v.lid = v.lid[:len(v.words)]
	// distinct words by hash: a small open-addressing table (key, id+1)
	size := 16
	for size < 2*len(v.words) {
		size *= 2
	}
	sc := senseScratch.Get().(*senseTables)
	defer senseScratch.Put(sc)
	if cap(sc.keys) < size {
		sc.keys, sc.ids = make([]uint64, size), make([]int16, size)
	}
	keys, ids := sc.keys[:size], sc.ids[:size]
	clear(ids)
	var dis []*senseInfo // distinct words' senses, by local id
	nOwn, nExt := 0, 0
	for i, w := range v.words {
		v.lid[i] = -1
		si := v.info[i]
		if si == nil {
			continue
		}
		k := int(mix(w.h)) & (size - 1)
		for ids[k] != 0 && keys[k] != w.h {
			k = (k + 1) & (size - 1)
		}
		id, ok := ids[k]-1, ids[k] != 0
		if !ok {
			if v.nl >= 1<<15-1 {
				continue
			}
			id = int16(v.nl)
			v.nl++
			keys[k], ids[k] = w.h, id+1
			dis = append(dis, si)
			nOwn += len(si.own)
			nExt += len(si.ext)
		}
		v.lid[i] = id
	}
	if cap(v.own) < nOwn {
		v.own = make([]uint64, 0, nOwn)
	}
	if cap(v.ext) < nExt {
		v.ext = make([]uint64, 0, nExt)
	}
	v.own, v.ext = v.own[:0], v.ext[:0]
	for id, si := range dis {
		for _, s := range si.own {
			v.own = append(v.own, uint64(s)<<16|uint64(id))
		}
		for _, s := range si.ext {
			v.ext = append(v.ext, uint64(s)<<16|uint64(id))
		}
	}
	sc.tmp = sortBySense(v.own, sc.tmp)
	sc.tmp = sortBySense(v.ext, sc.tmp)
}

// senseTables is senseIndex's scratch space, pooled.
type senseTables struct {
	keys []uint64
	ids  []int16
	tmp  []uint64
}

var senseScratch = sync.Pool{New: func() any { return new(senseTables) }}

// fingerprint is the document's fingerprint (see fingerprint), computed once.
func (v *vdoc) fingerprint() float64 {
	v.fpOnce.Do(func() { v.fp = fingerprint(v) })
	return v.fp
}

// sortBySense orders (sense<<16 | id) values by sense (ids of one sense in
// any order): a two-pass radix sort on the sense's low 18 bits, or a plain
// sort when a sense does not fit them.
//
// tmp is scratch space (grown as needed and returned).
func sortBySense(xs, tmp []uint64) []uint64 {
	if len(xs) < 64 {
		slices.Sort(xs)
		return tmp
	}
	for _, x := range xs {
		if x>>16 >= 1<<18 {
			slices.Sort(xs)
			return tmp
		}
	}
	if cap(tmp) < len(xs) {
		tmp = make([]uint64, len(xs))
	}
	tmp = tmp[:len(xs)]
	src, dst := xs, tmp
	for shift := uint(16); shift < 16+18; shift += 9 {
		var cnt [513]int
		for _, x := range src {
			cnt[(x>>shift)&511+1]++
		}
		for i := 1; i < len(cnt); i++ {
			cnt[i] += cnt[i-1]
		}
		for _, x := range src {
			b := (x >> shift) & 511
			dst[cnt[b]] = x
			cnt[b]++
		}
		src, dst = dst, src
	}
	// two passes: the result is back in xs
	return tmp
}

func (r *relation) related(i, j int) bool {
	if r == nil {
		return false
	}
	a, b := r.idA[i], r.idB[j]
	if a < 0 || b < 0 {
		return false
	}
	return r.bits[int(a)*r.cols+int(b)>>6]&(1<<uint(b&63)) != 0
}

func match(a, b *vdoc, i, j int, rel *relation) bool {
	return a.words[i].h == b.words[j].h || rel.related(i, j)
}

// lcs is the length of the longest common subsequence of two sentences.
// When a's range has at most 64 words it is computed bit-parallel
// (Allison-Dix / Hyyrö: one 64-bit row per word of b, a match mask per word
// of b); the length is the same as the table's (lcsTable).
func lcs(a, b *vdoc, sa, sb [2]int32, rel *relation, buf *[]int32) int {
	if sa[1]-sa[0] > 64 {
		return lcsTable(a, b, sa, sb, rel, buf)
	}
	var t maskTable
	t.build(a.words[sa[0]:sa[1]])
	return lcsMasked(&t, a, b, sa, sb, rel)
}

// maskTable maps the word hashes of one sentence of at most 64 words to the
// bit mask of their positions: the match masks of the bit-parallel LCS for
// identical words, one lookup per word of the other sentence instead of a
// comparison with each word.
type maskTable struct {
	used  [128]bool
	keys  [128]uint64
	masks [128]uint64
}

func (t *maskTable) build(ws []word) {
	t.used = [128]bool{}
	for i := range ws {
		h := ws[i].h
		k := int(h^h>>29^h>>47) & 127
		for t.used[k] && t.keys[k] != h {
			k = (k + 1) & 127
		}
		if !t.used[k] {
			t.used[k], t.keys[k], t.masks[k] = true, h, 0
		}
		t.masks[k] |= 1 << uint(i)
	}
}

func (t *maskTable) get(h uint64) uint64 {
	k := int(h^h>>29^h>>47) & 127
	for t.used[k] {
		if t.keys[k] == h {
			return t.masks[k]
		}
		k = (k + 1) & 127
	}
	return 0
}

// lcsMasked is lcs for a range sa of at most 64 words whose maskTable is t.
func lcsMasked(t *maskTable, a, b *vdoc, sa, sb [2]int32, rel *relation) int {
	m := int(sa[1] - sa[0])
	bw := b.words[sb[0]:sb[1]]
	var ida []int16
	if rel != nil {
		ida = rel.idA[sa[0]:sa[1]]
	}
	v := ^uint64(0)
	for j := range bw {
		mk := t.get(bw[j].h)
		if rel != nil {
			if idb := rel.idB[int(sb[0])+j]; idb >= 0 {
				col, bit := int(idb)>>6, uint64(1)<<uint(idb&63)
				for i, x := range ida {
					if x >= 0 && rel.bits[int(x)*rel.cols+col]&bit != 0 {
						mk |= 1 << uint(i)
					}
				}
			}
		}
		u := v & mk
		v = (v + u) | (v - u)
	}
	low := ^uint64(0)
	if m < 64 {
		low = 1<<uint(m) - 1
	}
	return bits.OnesCount64(^v & low)
}

// lcsTable is lcs by the classic two-row table.
func lcsTable(a, b *vdoc, sa, sb [2]int32, rel *relation, buf *[]int32) int {
	m, n := int(sa[1]-sa[0]), int(sb[1]-sb[0])
	if cap(*buf) < 2*(n+1) {
		*buf = make([]int32, 2*(n+1))
	}
	prev := (*buf)[:n+1]
	cur := (*buf)[n+1 : 2*(n+1)]
	for j := range prev {
		prev[j] = 0
	}
	for i := 0; i < m; i++ {
		cur[0] = 0
		ai := int(sa[0]) + i
		for j := 0; j < n; j++ {
			if match(a, b, ai, int(sb[0])+j, rel) {
				cur[j+1] = prev[j] + 1
			} else if prev[j+1] >= cur[j] {
				cur[j+1] = prev[j+1]
			} else {
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return int(prev[n])
}

// detail recomputes the LCS of one aligned sentence pair with a full table
// and walks it back, counting identical and related matches and recording
// the replaced and inserted words on each side. When a's range has at most
// 64 words the table is kept as one bit vector per column (the bit-parallel
// LCS of the reversed ranges: cell (i, j), the LCS of a[i:] and b[j:], is
// the count of zeros among the column's low m-i bits), the same values.
func detail(a, b *vdoc, sa, sb [2]int32, rel *relation, st *pairStats) {
	detailBy(a, b, sa, sb, rel, st, sa[1]-sa[0] <= 64)
}

// detailBy is detail with the bit vectors (bitParallel, a's range ≤ 64
// words) or the table.
func detailBy(a, b *vdoc, sa, sb [2]int32, rel *relation, st *pairStats, bitParallel bool) {
	m, n := int(sa[1]-sa[0]), int(sb[1]-sb[0])
	if m*n > 1<<20 {
		return
	}
	var at func(i, j int) int32
	if bitParallel {
		if cap(st.cols) < n+1 {
			st.cols = make([]uint64, n+1)
		}
		cols := st.cols[:n+1]
		aw := a.words[sa[0]:sa[1]]
		var ida []int16
		if rel != nil {
			ida = rel.idA[sa[0]:sa[1]]
		}
		var mt maskTable
		mt.build(aw)
		v := ^uint64(0)
		cols[n] = v
		for j := n - 1; j >= 0; j-- {
			// bit m-1-i for word i of a: the rows are a reversed
			mk := bits.Reverse64(mt.get(b.words[int(sb[0])+j].h)) >> uint(64-m)
			if rel != nil {
				if idb := rel.idB[int(sb[0])+j]; idb >= 0 {
					col, bit := int(idb)>>6, uint64(1)<<uint(idb&63)
					for i, x := range ida {
						if x >= 0 && rel.bits[int(x)*rel.cols+col]&bit != 0 {
							mk |= 1 << uint(m-1-i)
						}
					}
				}
			}
			u := v & mk
			v = (v + u) | (v - u)
			cols[j] = v
		}
		at = func(i, j int) int32 {
			k := m - i
			low := ^uint64(0)
			if k < 64 {
				low = 1<<uint(k) - 1
			}
			return int32(bits.OnesCount64(^cols[j] & low))
		}
	} else {
		t := table(&st.tbl, m, n)
		cell := func(i, j int) *int32 { return &t[i*(n+1)+j] }
		for i := m - 1; i >= 0; i-- {
			for j := n - 1; j >= 0; j-- {
				if match(a, b, int(sa[0])+i, int(sb[0])+j, rel) {
					*cell(i, j) = *cell(i+1, j+1) + 1
				} else if *cell(i+1, j) >= *cell(i, j+1) {
					*cell(i, j) = *cell(i+1, j)
				} else {
					*cell(i, j) = *cell(i, j+1)
				}
			}
		}
		at = func(i, j int) int32 { return t[i*(n+1)+j] }
	}
	i, j := 0, 0
	for i < m && j < n {
		ai, bj := int(sa[0])+i, int(sb[0])+j
		if match(a, b, ai, bj, rel) && at(i, j) == at(i+1, j+1)+1 {
			if a.words[ai].h == b.words[bj].h {
				st.exact++
				if a.words[ai].strictImmutable() {
					st.immMatch++
				}
			} else {
				st.related++
				st.subsA = append(st.subsA, ai)
				st.subsB = append(st.subsB, bj)
			}
			i++
			j++
		} else if at(i+1, j) >= at(i, j+1) {
			st.insA = append(st.insA, ai)
			st.gapA++
			if a.words[ai].strictImmutable() {
				st.immMissA++
			}
			i++
		} else {
			st.insB = append(st.insB, bj)
			st.gapB++
			if b.words[bj].strictImmutable() {
				st.immMissB++
			}
			j++
		}
	}
	for ; i < m; i++ {
		st.insA = append(st.insA, int(sa[0])+i)
		st.gapA++
		if a.words[int(sa[0])+i].strictImmutable() {
			st.immMissA++
		}
	}
	for ; j < n; j++ {
		st.insB = append(st.insB, int(sb[0])+j)
		st.gapB++
		if b.words[int(sb[0])+j].strictImmutable() {
			st.immMissB++
		}
	}
}

// unitPair is a clause of a aligned with a clause of b by word substitution.
type unitPair struct {
	a, b                  [2]int32
	exact, related, slots int
}

// Partial-spin thresholds: a clause pair counts as a spun passage when its
// LCS covers at least spunUnitSim of the longer clause, the clauses have at
// least spunUnitWords words, and it holds at least spunUnitExact identical
// words and spunUnitSubs substitutions (thesaurus-related words, or short
// runs of different words standing between the same matched neighbours on
// both sides). Verbatim shared quotes have no substitutions and never count.
const (
	spunUnitSim     = 0.6
	spunUnitWords   = 6
	spunUnitExact   = 3
	spunUnitSubs    = 2
	minSpunPassages = 3
)

// substitutions walks the LCS of two clauses and counts identical matches,
// thesaurus-related matches and substitution slots (1-3 unmatched words on
// each side between the same anchors).
func substitutions(a, b *vdoc, ua, ub [2]int32, rel *relation, buf *[]int32) (exact, related, slots int) {
	m, n := int(ua[1]-ua[0]), int(ub[1]-ub[0])
	if m <= 0 || n <= 0 || m*n > 1<<16 {
		return
	}
	t := table(buf, m, n)
	at := func(i, j int) int32 { return t[i*(n+1)+j] }
	for i := m - 1; i >= 0; i-- {
		for j := n - 1; j >= 0; j-- {
			v := at(i+1, j)
			if w := at(i, j+1); w > v {
				v = w
			}
			if match(a, b, int(ua[0])+i, int(ub[0])+j, rel) && at(i+1, j+1)+1 > v {
				v = at(i+1, j+1) + 1
			}
			t[i*(n+1)+j] = v
		}
	}
	i, j, ga, gb := 0, 0, 0, 0
	imm := false // the current gap holds a number or a name: not a spinner's substitution
	closeGap := func() {
		if ga >= 1 && ga <= 3 && gb >= 1 && gb <= 3 && !imm {
			slots++
		}
		ga, gb, imm = 0, 0, false
	}
	for i < m && j < n {
		ai, bj := int(ua[0])+i, int(ub[0])+j
		if match(a, b, ai, bj, rel) && at(i, j) == at(i+1, j+1)+1 {
			closeGap()
			if a.words[ai].h == b.words[bj].h {
				exact++
			} else {
				related++
			}
			i++
			j++
		} else if at(i+1, j) >= at(i, j+1) {
			ga++
			imm = imm || a.words[ai].strictImmutable()
			i++
		} else {
			gb++
			imm = imm || b.words[bj].strictImmutable()
			j++
		}
	}
	ga += m - i
	gb += n - j
	for ; i < m; i++ {
		imm = imm || a.words[int(ua[0])+i].strictImmutable()
	}
	for ; j < n; j++ {
		imm = imm || b.words[int(ub[0])+j].strictImmutable()
	}
	closeGap()
	return
}

// spunPassages finds clauses of a that are word-for-word substitutions of
// clauses of b (each clause used once): the trace a spinner leaves on copied
// passages even when the two documents differ as a whole.
func spunPassages(a, b *vdoc, rel *relation) []unitPair {
	a.clauses()
	b.clauses()
	var out []unitPair
	usedB := map[int]bool{}
	var dp, tbl []int32
	for _, ua := range a.units {
		m := int(ua[1] - ua[0])
		if m < spunUnitWords {
			continue
		}
		best, bestSim := -1, 0.0
		for j, ub := range b.units {
			n := int(ub[1] - ub[0])
			if n < spunUnitWords || usedB[j] {
				continue
			}
			mx, mn := m, n
			if mn > mx {
				mx, mn = mn, mx
			}
			if float64(mn) < spunUnitSim*float64(mx) {
				continue
			}
			bound, same := lcsBound(a, b, a.sortU, b.sortU, ua, ub, rel != nil)
			if same < spunUnitExact || float64(bound) < spunUnitSim*float64(mx) || float64(bound) <= bestSim*float64(mx) {
				continue
			}
			l := lcs(a, b, ua, ub, rel, &dp)
			if s := float64(l) / float64(mx); s >= spunUnitSim && s > bestSim {
				best, bestSim = j, s
			}
		}
		if best < 0 {
			continue
		}
		ex, re, sl := substitutions(a, b, ua, b.units[best], rel, &tbl)
		if ex >= spunUnitExact && re+sl >= spunUnitSubs {
			usedB[best] = true
			out = append(out, unitPair{a: ua, b: b.units[best], exact: ex, related: re, slots: sl})
		}
	}
	return out
}
