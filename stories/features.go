package stories

import (
	"encoding/binary"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/accord-news/accord"
)

// Compact document features: the memory of the stage at scale.
//
// Every document keeps only its term counts, as (term id, count) pairs
// sorted by id and delta-encoded (encodeTerms, ~3 bytes a term); which sub-vector a term belongs to
// (words, names, dates, kinds) follows from its id (its prefix). The story
// and event vectors are computed from them when a pass needs them, never
// kept for the whole corpus: ~3 bytes per term and document instead of the
// 24 of two materialized float64 vectors (and the maps they were built
// from). The computation repeats the float operations of weigh and
// newVector in the same order, so a vector is bit for bit the one they
// give, and so are the clusters.

// Sub-vector of a term, from its prefix.
const (
	subWords = iota
	subNames
	subDates
	subKinds
	numSubs
)

func subOf(term string) uint8 {
	switch {
	case strings.HasPrefix(term, "w:"):
		return subWords
	case strings.HasPrefix(term, "n:"):
		return subNames
	case strings.HasPrefix(term, "d:"):
		return subDates
	}
	return subKinds
}

// packTerm packs a term id and its count (a sum of 2, 1 and 0.5, exact in
// a float32) into one word; sorting words sorts by id.
func packTerm(id int32, count float64) uint64 {
	return uint64(uint32(id))<<32 | uint64(math.Float32bits(float32(count)))
}

func unpackTerm(t uint64) (int32, float64) {
	return int32(t >> 32), float64(math.Float32frombits(uint32(t)))
}

// encodeTerms appends the sorted packed terms to out in a few bytes each:
// the id as a varint of its difference from the previous id, then the
// count as one byte of twice its value (1..127), or 0 and the float32's
// four bytes for any other count. About 3 bytes a term instead of 8.
func encodeTerms(terms []uint64, out []byte) []byte {
	prev := int32(0)
	for _, t := range terms {
		id, c := unpackTerm(t)
		out = binary.AppendUvarint(out, uint64(id-prev))
		prev = id
		if k := int(c * 2); float64(k) == c*2 && k >= 1 && k <= 127 {
			out = append(out, byte(k))
		} else {
			out = append(out, 0)
			out = binary.LittleEndian.AppendUint32(out, math.Float32bits(float32(c)))
		}
	}
	return out
}

// decodeTerm reads one term of encodeTerms after the term of id prev.
func decodeTerm(b []byte, prev int32) (int32, float64, []byte) {
	d, n := binary.Uvarint(b)
	b = b[n:]
	id := prev + int32(d)
	if k := b[0]; k != 0 {
		return id, float64(k) / 2, b[1:]
	}
	return id, float64(math.Float32frombits(binary.LittleEndian.Uint32(b[1:5]))), b[5:]
}

// featStore holds every document's packed terms and the corpus's term
// table (sub-vector and IDF per term id).
type featStore struct {
	docs [][]byte // per document: encodeTerms of its sorted packed terms
	sub  []uint8
	idf  []float64
	// Related word terms (related.go) of term id t: relTo[relOff[t]:relOff[t+1]]
	// (relOff nil: no related words).
	relOff []int32
	relTo  []relTerm
	// expandedVector's scratch not in use (a free list, not a sync.Pool:
	// its dense arrays would be dropped and rebuilt at every GC).
	mu   sync.Mutex
	free []*expandScratch
}

// extractFeatures reads the documents' terms in parallel, a batch at a time,
// and interns each batch in document order (term ids in first-seen order, as
// before), so only one batch of string-keyed counts is alive at once.
//
// With related > 0, the story vectors pass that share of each word's weight
// (times the stems' cosine) on to its related stems (related.go).
func extractFeatures(docs []*accord.Document, kinds bool, related float64) *featStore {
	v := newVocab()
	fs := &featStore{docs: make([][]byte, len(docs))}
	const batch = 512
	dts := make([]docTerms, min(batch, len(docs)))
	var packed []uint64
	var enc []byte
	workers := runtime.GOMAXPROCS(0)
	for lo := 0; lo < len(docs); lo += batch {
		hi := min(lo+batch, len(docs))
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := lo + w; i < hi; i += workers {
					dts[i-lo] = terms(docs[i], kinds)
				}
			}(w)
		}
		wg.Wait()
		for i := lo; i < hi; i++ {
			packed = v.internPacked(&dts[i-lo], packed)
			enc = encodeTerms(packed, enc[:0])
			fs.docs[i] = slices.Clone(enc)
			dts[i-lo] = docTerms{}
		}
	}
	fs.idf = v.idf(len(docs))
	fs.sub = make([]uint8, len(v.df))
	fs.relOff, fs.relTo = relate(v, related)
	for t, id := range v.ids {
		fs.sub[id] = subOf(t)
	}
	return fs
}

// internPacked gives the terms ids (in document order: words, names, dates,
// kinds), counts document frequencies and returns the packed, sorted terms.
func (v *vocab) internPacked(dt *docTerms, buf []uint64) []uint64 {
	if dt.lang != "" {
		v.langN[dt.lang]++
	}
	out := buf[:0]
	for _, tc := range []*termCounts{&dt.words, &dt.names, &dt.dates, &dt.kinds} {
		for i, k := range tc.keys {
			id := v.id(k)
			v.df[id]++
			out = append(out, packTerm(id, tc.vals[i]))
		}
	}
	slices.Sort(out)
	return out
}

// logTF caches 1 + ln(count) for counts k/2, k < len: math.Log gives the
// same value every time, so the cache changes no bit.
var logTF = func() [64]float64 {
	var t [64]float64
	for k := 1; k < len(t); k++ {
		t[k] = 1 + math.Log(float64(k)/2)
	}
	return t
}()

func tf(c float64) float64 {
	if k := int(c * 2); float64(k) == c*2 && k > 0 && k < len(logTF) {
		return logTF[k]
	}
	return 1 + math.Log(c)
}

// rawTerms appends document i's terms of the used sub-vectors to ids and
// val (id order) with their raw weights tf·idf, and gives each
// sub-vector's L2 norm (squares summed in id order).
func (fs *featStore) rawTerms(i int, use *[numSubs]bool, ids []int32, val []float64) ([]int32, []float64, [numSubs]float64) {
	ts := fs.docs[i]
	var norm [numSubs]float64
	var id int32
	for len(ts) > 0 {
		var c float64
		id, c, ts = decodeTerm(ts, id)
		s := fs.sub[id]
		if !use[s] {
			continue
		}
		x := tf(c) * fs.idf[id]
		norm[s] += x * x
		ids = append(ids, id)
		val = append(val, x)
	}
	for s := range norm {
		norm[s] = math.Sqrt(norm[s])
	}
	return ids, val, norm
}

// vectorInto computes document i's vector with the given weight per
// sub-vector (0: left out) into buf's storage. It is weigh per sub-vector
// followed by newVector, with the same operations in the same order: each
// sub-vector's terms are L2-normalized (summing squares in id order) and
// weighted, then the whole is L2-normalized (summing in id order).
//
// A sub-vector is used when use[s]; a used sub-vector of weight 0 still
// lists its terms, with value 0, as weigh did.
func (fs *featStore) vectorInto(i int, w *[numSubs]float64, use *[numSubs]bool, buf vector) vector {
	ids, val, norm := fs.rawTerms(i, use, buf.ids[:0], buf.val[:0])
	total := 0.0
	k := 0
	for j, id := range ids {
		s := fs.sub[id]
		if norm[s] == 0 {
			continue // weigh adds nothing for a sub-vector of norm 0
		}
		x := w[s] * val[j] / norm[s]
		ids[k], val[k] = id, x
		k++
		total += float64(x * x)
	}
	ids, val = ids[:k], val[:k]
	total = math.Sqrt(total)
	if total > 0 {
		for j := range val {
			val[j] /= total
		}
	}
	return vector{ids: ids, val: val}
}

// vecSource gives the clustering its documents' vectors: from a slice, or
// computed from the features when asked (into a buffer the caller reuses:
// a vector is valid until the next call with the same buffer).
type vecSource interface {
	len() int
	vec(i int, buf vector) vector
}

type vecSlice []vector

func (s vecSlice) len() int                   { return len(s) }
func (s vecSlice) vec(i int, _ vector) vector { return s[i] }

// topicVecs and eventVecs are the sources of topicVector and eventVector.
func (fs *featStore) topicVecs(nameWeight, kindWeight float64, maxTerms int) *featVecs {
	f := &featVecs{fs: fs, maxTerms: maxTerms}
	f.w[subWords], f.use[subWords] = 1, true
	f.w[subNames], f.use[subNames] = nameWeight, true
	f.w[subKinds], f.use[subKinds] = kindWeight, kindWeight > 0
	f.expand = len(fs.relTo) > 0
	return f
}

func (fs *featStore) eventVecs(maxTerms int) *featVecs {
	return fs.eventVecsNamed(1, maxTerms)
}

// eventVecsNamed is eventVecs with the names sub-vector at nameWeight.
func (fs *featStore) eventVecsNamed(nameWeight float64, maxTerms int) *featVecs {
	f := &featVecs{fs: fs, maxTerms: maxTerms}
	f.w[subWords], f.use[subWords] = 1, true
	f.w[subNames], f.use[subNames] = nameWeight, true
	f.w[subDates], f.use[subDates] = 0.5, true
	return f
}

// featVecs is a vecSource over the features with fixed sub-vector weights.
type featVecs struct {
	fs       *featStore
	w        [numSubs]float64
	use      [numSubs]bool
	maxTerms int
	expand   bool // pass word weight on to related words (story vectors)
}

func (f *featVecs) len() int { return len(f.fs.docs) }
func (f *featVecs) vec(i int, buf vector) vector {
	var v vector
	if f.expand {
		v = f.fs.expandedVector(i, &f.w, &f.use, buf)
	} else {
		v = f.fs.vectorInto(i, &f.w, &f.use, buf)
	}
	if f.maxTerms > 0 {
		v = v.prune(f.maxTerms)
	}
	return v
}

// materialize returns fresh copies of the vectors of the given documents.
func materialize(src vecSource, members []int) []vector {
	out := make([]vector, len(members))
	var buf vector
	for k, m := range members {
		v := src.vec(m, buf)
		out[k] = vector{ids: slices.Clone(v.ids), val: slices.Clone(v.val)}
		buf = v
	}
	return out
}

// subSource is the vecSource of some documents of another source:
// document k here is docs[k] there.
type subSource struct {
	src  vecSource
	docs []int
}

func (s subSource) len() int                     { return len(s.docs) }
func (s subSource) vec(k int, buf vector) vector { return s.src.vec(s.docs[k], buf) }

// expandedVector is vectorInto with soft matching of related words: the
// words sub-vector, L2-normalized, passes rel's share of each word's weight
// on to its related words of the corpus (sources in id order), is
// L2-normalized again and weighted, the other sub-vectors as in
// vectorInto, and the whole L2-normalized. Sums run in id order, so the
// result is the same on every run. The result is in buf's storage.
//
// It gives bit for bit the vector of the map-based computation it replaced
// (expandedVectorMap in the tests): the same float operations in the same
// order, with the related words' shares summed in a dense array indexed by
// term id (scratch from a pool, reset after use) instead of a map per call.
func (fs *featStore) expandedVector(i int, w *[numSubs]float64, use *[numSubs]bool, buf vector) vector {
	sc := fs.scratch()
	defer fs.release(sc)
	ids, val, norm := fs.rawTerms(i, use, sc.ids[:0], sc.val[:0])
	sc.ids, sc.val = ids, val
	// Word terms (the document's, then the related ones it lacks) with
	// their values, sorted by id.
	wids, wval := sc.wids[:0], sc.wval[:0]
	if norm[subWords] > 0 {
		sc.gen++
		if sc.gen == 0 { // wrapped: forget every mark
			clear(sc.mark)
			sc.gen = 1
		}
		gen := sc.gen
		for j, id := range ids {
			if fs.sub[id] == subWords {
				sc.mark[id] = gen
				wids = append(wids, id)
				wval = append(wval, val[j]/norm[subWords])
			}
		}
		nw := len(wids)
		for k := 0; k < nw; k++ {
			id, m := wids[k], wval[k]
			for _, r := range fs.relTo[fs.relOff[id]:fs.relOff[id+1]] {
				if sc.mark[r.id] != gen {
					sc.mark[r.id] = gen
					wids = append(wids, r.id)
				}
				sc.add[r.id] += r.w * m
			}
		}
		// The document's words get their related share added (x + 0 is x);
		// related words it lacks have only that share (0 + x is x).
		for k := range nw {
			wval[k] += sc.add[wids[k]]
			sc.add[wids[k]] = 0
		}
		if len(wids) > nw {
			extra := wids[nw:]
			slices.Sort(extra)
			for _, id := range extra {
				wval = append(wval, sc.add[id])
				sc.add[id] = 0
			}
			wids, wval = mergeSorted(wids, wval, nw, &sc.tids, &sc.tval)
		}
		n2 := 0.0
		for _, x := range wval {
			n2 += x * x
		}
		n2 = math.Sqrt(n2)
		for k := range wval {
			wval[k] = w[subWords] * wval[k] / n2
		}
	}
	sc.wids, sc.wval = wids, wval
	// All terms in id order: the words above and the other sub-vectors'
	// terms (of norm > 0), then the whole L2-normalized as newVector does.
	out := vector{ids: buf.ids[:0], val: buf.val[:0]}
	k := 0
	for j, id := range ids {
		s := fs.sub[id]
		if s == subWords || norm[s] == 0 {
			continue
		}
		for k < len(wids) && wids[k] < id {
			out.ids, out.val = append(out.ids, wids[k]), append(out.val, wval[k])
			k++
		}
		out.ids, out.val = append(out.ids, id), append(out.val, w[s]*val[j]/norm[s])
	}
	out.ids, out.val = append(out.ids, wids[k:]...), append(out.val, wval[k:]...)
	total := 0.0
	for _, x := range out.val {
		total += x * x
	}
	total = math.Sqrt(total)
	if total > 0 {
		for j := range out.val {
			out.val[j] /= total
		}
	}
	return out
}

// mergeSorted merges the two sorted runs ids[:n] and ids[n:] (with their
// values) through the scratch slices, and returns the merged run in ids'
// and val's storage.
func mergeSorted(ids []int32, val []float64, n int, tids *[]int32, tval *[]float64) ([]int32, []float64) {
	ti, tv := (*tids)[:0], (*tval)[:0]
	a, b := 0, n
	for a < n || b < len(ids) {
		if b == len(ids) || (a < n && ids[a] < ids[b]) {
			ti, tv = append(ti, ids[a]), append(tv, val[a])
			a++
		} else {
			ti, tv = append(ti, ids[b]), append(tv, val[b])
			b++
		}
	}
	copy(ids, ti)
	copy(val, tv)
	*tids, *tval = ti, tv
	return ids, val
}

// expandScratch is expandedVector's working storage: dense per term id
// (the related shares, zero between calls, and a mark of the terms seen
// in the current call), and slices reused from call to call.
type expandScratch struct {
	add       []float64
	mark      []uint32
	gen       uint32
	ids, wids []int32
	val, wval []float64
	tids      []int32
	tval      []float64
}

func (fs *featStore) scratch() *expandScratch {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if n := len(fs.free); n > 0 {
		sc := fs.free[n-1]
		fs.free = fs.free[:n-1]
		return sc
	}
	return &expandScratch{add: make([]float64, len(fs.sub)), mark: make([]uint32, len(fs.sub))}
}

func (fs *featStore) release(sc *expandScratch) {
	fs.mu.Lock()
	fs.free = append(fs.free, sc)
	fs.mu.Unlock()
}
