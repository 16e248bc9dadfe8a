package copies

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/accord-news/accord"
	"github.com/zeebo/xxh3"
)

// feature families in the shared LSH bucket table.
const (
	famLexical = 1 // word 3-shingles
	famRobust  = 2 // spin-robust: immutable bigrams and immutable-anchored skeleton 4-grams
)

// Candidate filter: a pair found in an LSH bucket is verified only when one of
// its estimated Jaccard similarities reaches these values.
const (
	minLexJ = 0.08
	minRobJ = 0.08
	// maxBucketWalk bounds how many earlier members of one bucket a new
	// document is compared with (very common features carry no signal).
	maxBucketWalk = 64
	// exhaustiveLimit: the first documents of an index are compared with all
	// earlier ones by signature (cheap below this size), with the lower
	// threshold minExhaustiveJ.
	exhaustiveLimit = 2000
	// maxCandidates bounds the verifications per new document (the most
	// similar earlier documents first).
	maxCandidates  = 4
	minExhaustiveJ = 0.02
)

// entry is what the index keeps per document.
type entry struct {
	doc     *accord.Document
	exact   uint64 // hash of the whole word sequence; 0 for an empty text
	simh    uint64 // SimHash of the word 3-shingles (evidence only)
	words   int
	content int // words in prose sentences (see proseWords)
	cites   []citation
}

// docSig is what the candidate search compares per document, kept in one
// array by document (Index.sigs) rather than behind each entry's pointer:
// at a million documents the search reads those of thousands of earlier
// documents per new one, and each pointer followed is one more cache miss.
type docSig struct {
	exact    uint64 // as entry.exact
	lex, rob sketch
}

// edge is a verified copy relation: from is the copy, to its original. It
// holds no pointers (a million documents have millions of edges, and the
// collector need not scan them): explicit evidence is kept aside, in
// Index.evidence.
type edge struct {
	from, to int32
	// by is the document whose arrival verified the edge (the later of the
	// pair in the index), -1 for an edge restored from a saved state.
	by int32
	// ev is 1 + the index of the edge's evidence in Index.evidence; 0: the
	// evidence is written from lz when links are asked for (see evidenceOf).
	ev    int32
	score float64
	kind  linkKind
	// partial marks a spun link resting on a few rewritten passages only:
	// it stands only for a document that has no whole-document copy link
	// (otherwise its passages are explained by its own original), and only
	// the strongest one per copy.
	partial bool
	lz      lazyEvidence
}

// linkKind is a copy link's kind, as a small number.
type linkKind uint8

const (
	kindExact linkKind = iota + 1
	kindNear
	kindSpun
)

// String returns the kind's name in the contract (accord.LinkExact, ...).
func (k linkKind) String() string {
	switch k {
	case kindExact:
		return accord.LinkExact
	case kindNear:
		return accord.LinkNear
	case kindSpun:
		return accord.LinkSpun
	}
	return ""
}

// kindOf returns the linkKind of a contract kind name (0 for another).
func kindOf(s string) linkKind {
	switch s {
	case accord.LinkExact:
		return kindExact
	case accord.LinkNear:
		return kindNear
	case accord.LinkSpun:
		return kindSpun
	}
	return 0
}

// verdict is what verifying a pair gives: an edge, and its evidence when
// written at once (partial spun links).
type verdict struct {
	edge
	evidence []string
}

// resolved returns the edges that stand: every whole-document edge (in
// order), and for each document with no whole-document edge its strongest
// partial edge (by copy).
//
// It returns indexes into x.edges (an edge is ~140 bytes, and there are
// millions).
func (x *Index) resolved() []int32 {
	inFull := make([]bool, len(x.entries))
	nFull := 0
	for i := range x.edges {
		if e := &x.edges[i]; !e.partial {
			inFull[e.from], inFull[e.to] = true, true
			nFull++
		}
	}
	best := make([]int32, len(x.entries)) // 1 + the edge index, 0: none
	for i := range x.edges {
		e := &x.edges[i]
		if !e.partial || inFull[e.from] {
			continue
		}
		if j := best[e.from] - 1; j < 0 || e.score > x.edges[j].score ||
			e.score == x.edges[j].score && x.entries[e.to].doc.ID < x.entries[x.edges[j].to].doc.ID {
			best[e.from] = int32(i) + 1
		}
	}
	out := make([]int32, 0, nFull)
	for i := range x.edges {
		if !x.edges[i].partial {
			out = append(out, int32(i))
		}
	}
	for _, b := range best {
		if b > 0 {
			out = append(out, b-1)
		}
	}
	return out
}

// Index finds copies incrementally: Add documents one at a time or in
// batches; Links and Groups give the current result, equal to what one batch
// of the same documents gives.
type Index struct {
	mu      sync.Mutex
	cache   *wordCache
	prep    *prepCache
	entries []entry  // by id; values, not pointers: a million small objects fewer for the collector
	sigs    []docSig // by entry
	// byHash finds an indexed document by the hash of its ID (a map the
	// collector need not scan); byID holds the rare IDs whose hash an
	// earlier ID took.
	byHash               map[uint64]int32
	byID                 map[string]int32
	buckets              [bucketParts]bucketTable // band key -> most recent slot, by the key's top bits
	next                 []int32                  // slot -> previous slot in the same bucket, -1 at the end
	marks                [][]int32                // per worker, per entry: 1 + the id of the last document that found it in a bucket
	found                [][]int32                // per worker: scratch for the documents found in the buckets
	edges                []edge
	evidence             [][]string // of edges whose evidence is written at once (edge.ev)
	stats                Stats
	nThesaurus, nPartial int64
	// Workers is the number of goroutines for signatures and verification
	// (default GOMAXPROCS).
	Workers int
	// known are documents whose pairs an earlier run verified: a candidate
	// pair of two known documents is not verified again.
	known map[*accord.Document]bool
	// sealed: see Seal
	sealed bool
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{cache: newWordCache(), byHash: map[uint64]int32{}, byID: map[string]int32{}}
}

// Stats counts the index's work.
type Stats struct {
	Documents  int // indexed documents
	Candidates int // candidate pairs verified
	Thesaurus  int // verifications that needed the thesaurus alignment
	Partial    int // verifications that looked for spun passages
	Edges      int // verified copy relations (before partial links are resolved)
}

// Stats returns the work counts so far.
func (x *Index) Stats() Stats {
	x.mu.Lock()
	defer x.mu.Unlock()
	st := x.stats
	st.Thesaurus, st.Partial = int(atomic.LoadInt64(&x.nThesaurus)), int(atomic.LoadInt64(&x.nPartial))
	st.Documents = len(x.entries)
	st.Edges = len(x.edges)
	return st
}

// Reserve makes room for n more documents in the index's per-document
// arrays, so that a large batch does not grow them by copying.
func (x *Index) Reserve(n int) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if n <= 0 {
		return
	}
	// The sketches and the bucket table grow as documents come: at a
	// million documents the heap is near the soft memory limit from the
	// start (the documents), and room reserved early makes the collector
	// run more often for most of the run.
	x.entries = slices.Grow(x.entries, n)
	x.next = slices.Grow(x.next, n*slotsPerDoc)
}

// Seal drops what only adding documents needs (bucket table, chains, word
// cache, prepared documents), before links and groups are asked for at the end of
// a large run. A sealed index accepts no more documents.
func (x *Index) Seal() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.sealed = true
	x.buckets, x.next, x.marks, x.found, x.prep = [bucketParts]bucketTable{}, nil, nil, nil, nil
	x.cache = nil // the word cache (senses of up to a million words) is only for adding
}

// indexed reports whether a document of that ID is indexed.
func (x *Index) indexed(id string) bool {
	if i := x.byHash[xxh3.HashString(id)]; i > 0 && x.entries[i-1].doc.ID == id {
		return true
	}
	_, ok := x.byID[id]
	return ok
}

// Len is the number of indexed documents.
func (x *Index) Len() int { return len(x.entries) }

// The bucket table is cut in 2^bucketPartBits parts by the keys' top bits,
// filled in parallel.
const (
	bucketPartBits = 3
	bucketParts    = 1 << bucketPartBits
)

// slotsPerDoc is the number of bucket slots a document takes.
const slotsPerDoc = 2 * numBands

func (x *Index) workers() int {
	if x.Workers > 0 {
		return x.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// Add indexes one document and links it with the earlier ones.
func (x *Index) Add(d *accord.Document) { x.AddBatch([]*accord.Document{d}) }

// AddBatch indexes documents (in order) and links them with each other and
// with the earlier ones. A document whose ID is already indexed is skipped.
func (x *Index) AddBatch(docs []*accord.Document) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.sealed {
		panic("copies: AddBatch on a sealed index")
	}
	var fresh []*accord.Document
	seen := map[string]bool{}
	for _, d := range docs {
		if d == nil || seen[d.ID] {
			continue
		}
		if x.indexed(d.ID) {
			continue
		}
		seen[d.ID] = true
		fresh = append(fresh, d)
	}
	if len(fresh) == 0 {
		return
	}
	// 1. signatures, in parallel.
	ents := make([]entry, len(fresh))
	sigs := make([]docSig, len(fresh))
	keys := make([][]uint32, len(fresh))
	words := make([][]word, len(fresh)) // kept for the verification of this batch
	parallel(len(fresh), x.workers(), func(i int) {
		keys[i], words[i] = x.signature(fresh[i], &ents[i], &sigs[i])
	})
	// 2. buckets, in order: each slot is linked to the bucket's previous
	// head, so the chain a slot starts is fixed from then on and what a
	// document finds does not depend on later insertions.
	type cand struct{ a, b int32 }
	base := int32(len(x.entries))
	for i, e := range ents {
		id := base + int32(i)
		x.entries = append(x.entries, e)
		x.sigs = append(x.sigs, sigs[i])
		if h := xxh3.HashString(e.doc.ID); x.byHash[h] == 0 {
			x.byHash[h] = id + 1
		} else {
			x.byID[e.doc.ID] = id
		}
	}
	if n := int(base+int32(len(ents))) * slotsPerDoc; len(x.next) < n {
		x.next = slices.Grow(x.next, n-len(x.next))
		for len(x.next) < n {
			x.next = append(x.next, -1)
		}
	}
	// The bucket table is cut in parts by the keys' top bits, each part
	// filled by one worker, in document order: a key's chain is the same as
	// one table filled in order gives.
	parallel(bucketParts, x.workers(), func(p int) {
		t := &x.buckets[p]
		for i := range ents {
			id := base + int32(i)
			for k, key := range keys[i] {
				if int(key>>(32-bucketPartBits)) != p {
					continue
				}
				slot := id*slotsPerDoc + int32(k)
				if head, ok := t.get(key); ok {
					x.next[slot] = head
				}
				t.put(key, slot)
			}
		}
	})
	// 3. candidates, in parallel (each worker with its own marks): the
	// earlier documents found in the chains, the most similar first.
	nw := x.workers()
	for len(x.marks) < nw {
		x.marks = append(x.marks, nil)
		x.found = append(x.found, nil)
	}
	picked := make([][]int32, len(ents))
	parallelW(len(ents), nw, func(w, i int) {
		id := base + int32(i)
		e := &ents[i]
		mark := x.marks[w]
		if len(mark) < len(x.entries) {
			mark = append(mark, make([]int32, len(x.entries)-len(mark))...)
			x.marks[w] = mark
		}
		stamp := id + 1
		mine := make([]scored, 0, maxCandidates)
		if keys[i] != nil {
			// The first maxBucketWalk slots of each of the document's chains,
			// walked a step of every chain at a time: the chains' loads are
			// independent, so their cache misses overlap instead of
			// following one another. Which documents are found, and so the
			// result, does not depend on the walking order.
			var cur [slotsPerDoc]int32
			nc := 0
			for k := range keys[i] {
				if s := x.next[id*slotsPerDoc+int32(k)]; s >= 0 {
					cur[nc] = s
					nc++
				}
			}
			found := x.found[w][:0]
			for step := 0; step < maxBucketWalk && nc > 0; step++ {
				live := 0
				for _, s := range cur[:nc] {
					other := s / slotsPerDoc
					if other != id && mark[other] != stamp {
						mark[other] = stamp
						found = append(found, other)
					}
					if s = x.next[s]; s >= 0 {
						cur[live] = s
						live++
					}
				}
				nc = live
			}
			x.found[w] = found
			// in index order: the sketches are read in address order
			// (fewer TLB misses over a large index); which are kept does
			// not depend on the order (keepBest)
			slices.Sort(found)
			for _, other := range found {
				if sim, ok := x.candidate(other, id, minLexJ, minRobJ); ok {
					mine = keepBest(mine, scored{other, sim})
				}
			}
		}
		// Small corpora: every earlier document is compared by signature, so
		// that pairs sharing only a few spun passages are verified too.
		if id < exhaustiveLimit {
			for other := int32(0); other < id; other++ {
				if mark[other] == stamp {
					continue
				}
				if sim, ok := x.candidate(other, id, minExhaustiveJ, minExhaustiveJ); ok {
					mine = keepBest(mine, scored{other, sim})
				}
			}
		}
		// Only the most similar earlier documents are verified: a copy's
		// original and its siblings are among them, and dense families of
		// documents that share wire sentences cannot make the work quadratic.
		// (mine holds at most maxCandidates, the best first: see keepBest.)
		for _, m := range mine {
			if x.known != nil && x.known[x.entries[m.id].doc] && x.known[e.doc] {
				continue // verified in an earlier run: see Stage.Resume
			}
			picked[i] = append(picked[i], m.id)
		}
	})
	var cands []cand
	for i, ps := range picked {
		for _, a := range ps {
			cands = append(cands, cand{a, base + int32(i)})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].b != cands[j].b {
			return cands[i].b < cands[j].b
		}
		return cands[i].a < cands[j].a
	})
	// 3. verification, in parallel, with prepared documents shared.
	x.stats.Candidates += len(cands)
	results := make([]*verdict, len(cands))
	if x.prep == nil {
		x.prep = newPrepCache(x.cache)
	}
	prep := x.prep
	// the new documents' words are already known: verification reuses them
	prep.mu.Lock()
	prep.fresh = map[*accord.Document][]word{}
	for _, c := range cands {
		if k := int(c.b - base); k >= 0 && words[k] != nil {
			prep.fresh[fresh[k]] = words[k]
		}
	}
	prep.mu.Unlock()
	words = nil
	// every document the batch verifies is prepared first, each once and in
	// parallel, and pinned until the batch is verified: no worker waits for
	// another preparing the same document.
	var need []*accord.Document
	{
		seen := map[*accord.Document]bool{}
		add := func(d *accord.Document) {
			if !seen[d] {
				seen[d] = true
				need = append(need, d)
			}
		}
		for _, c := range cands {
			ea, eb := &x.entries[c.a], &x.entries[c.b]
			if ea.exact != 0 && ea.exact == eb.exact {
				continue
			}
			add(ea.doc)
			add(eb.doc)
		}
	}
	pinned := make([]*vdoc, len(need))
	parallel(len(need), x.workers(), func(i int) { pinned[i] = prep.get(need[i]) })
	prep.pinned = make(map[*accord.Document]*vdoc, len(need))
	for i, d := range need {
		prep.pinned[d] = pinned[i]
	}
	pinned, need = nil, nil
	parallel(len(cands), x.workers(), func(i int) {
		c := cands[i]
		results[i] = x.verify(c.a, c.b, prep)
	})
	for i, r := range results {
		if r != nil {
			r.by = cands[i].b
			x.addEdge(r.edge, r.evidence, r.evidence != nil)
		}
	}
	prep.mu.Lock()
	prep.fresh, prep.pinned = nil, nil
	prep.mu.Unlock()
	prep.release()
}

// addEdge appends an edge, with its evidence when written already
// (explicit; else it is written from e.lz when asked for).
func (x *Index) addEdge(e edge, evidence []string, explicit bool) {
	e.ev = 0
	if explicit {
		x.evidence = append(x.evidence, evidence)
		e.ev = int32(len(x.evidence))
	}
	x.edges = append(x.edges, e)
}

func (x *Index) signature(d *accord.Document, e *entry, sig *docSig) ([]uint32, []word) {
	words := tokenize(d.Text, d.Sentences, x.cache)
	*e = entry{doc: d, words: len(words), cites: findCitations(d)}
	if len(words) == 0 {
		return nil, nil
	}
	sc := sigScratch.Get().(*sigTables)
	defer sigScratch.Put(sc)
	sc.b = sc.b[:0]
	for _, w := range words {
		h := w.h
		sc.b = append(sc.b, byte(h), byte(h>>8), byte(h>>16), byte(h>>24), byte(h>>32), byte(h>>40), byte(h>>48), byte(h>>56))
	}
	e.content = proseWords(d.Text, words)
	e.exact = xxh3.Hash(sc.b)
	if e.exact == 0 {
		e.exact = 1
	}
	sc.lf = appendLexFeatures(sc.lf[:0], words)
	e.simh = simhash(sc.lf) // for the evidence of links only
	sc.rf = sc.appendRobustFeatures(sc.rf[:0], words)
	lex, rob := minhash(sc.lf), minhash(sc.rf)
	sig.exact, sig.lex, sig.rob = e.exact, lex.sketch(), rob.sketch()
	keys := lex.bandKeys(famLexical, make([]uint32, 0, slotsPerDoc))
	keys = rob.bandKeys(famRobust, keys)
	return keys, words
}

// sigTables is signature's scratch space, pooled.
type sigTables struct {
	b      []byte
	lf, rf []uint64
	sk     []uint64
	imm    []bool
}

var sigScratch = sync.Pool{New: func() any { return new(sigTables) }}

// appendLexFeatures appends the word 3-shingles of a word sequence (its
// words when shorter than 3) to out.
func appendLexFeatures(out []uint64, words []word) []uint64 {
	if len(words) < 3 {
		for _, w := range words {
			out = append(out, w.h)
		}
	}
	for i := 0; i+2 < len(words); i++ {
		out = append(out, combine(words[i].h, words[i+1].h, words[i+2].h))
	}
	return out
}

// appendRobustFeatures appends the spin-robust features of a word sequence
// (DSpin's immutables) to out, with sc's skeleton buffers as scratch:
// bigrams of consecutive immutable words (numbers, capitalised names, words
// the thesaurus does not know), and 4-grams of the document's skeleton
// (function words and immutables kept, each run of replaceable content words
// collapsed to one marker) that hold at least one immutable.
func (sc *sigTables) appendRobustFeatures(out []uint64, words []word) []uint64 {
	n0 := len(out)
	prevImm := uint64(0)
	for _, w := range words {
		if w.immutable() {
			if prevImm != 0 {
				out = append(out, combine(1, prevImm, w.h))
			}
			prevImm = w.h
		}
	}
	// skeleton per sentence
	const marker = 0x5ca1ab1e
	sk, imm := sc.sk[:0], sc.imm[:0]
	defer func() { sc.sk, sc.imm = sk, imm }()
	flush := func() {
		for i := 0; i+3 < len(sk); i++ {
			if imm[i] || imm[i+1] || imm[i+2] || imm[i+3] {
				out = append(out, combine(2, sk[i], sk[i+1], sk[i+2], sk[i+3]))
			}
		}
		sk, imm = sk[:0], imm[:0]
	}
	sent := int32(-1)
	for _, w := range words {
		if w.sent != sent {
			flush()
			sent = w.sent
		}
		switch {
		case w.has(fStop):
			sk = append(sk, w.h)
			imm = append(imm, false)
		case w.immutable():
			sk = append(sk, w.h)
			imm = append(imm, true)
		default:
			if len(sk) == 0 || sk[len(sk)-1] != marker {
				sk = append(sk, marker)
				imm = append(imm, false)
			}
		}
	}
	flush()
	if len(out) == n0 {
		for _, w := range words {
			out = append(out, w.h)
		}
	}
	return out
}

type scored struct {
	id  int32
	sim float64
}

// better orders candidates: the larger similarity first, then the smaller id.
func (p scored) better(q scored) bool {
	return p.sim > q.sim || p.sim == q.sim && p.id < q.id
}

// keepBest inserts c into best (at most maxCandidates, the best first) when
// it is among the maxCandidates best: what sorting all candidates and
// keeping the first maxCandidates gives, without the sort.
func keepBest(best []scored, c scored) []scored {
	n := len(best)
	if n == maxCandidates && !c.better(best[n-1]) {
		return best
	}
	if n < maxCandidates {
		best = append(best, c)
	} else {
		n--
	}
	k := n
	for k > 0 && c.better(best[k-1]) {
		best[k] = best[k-1]
		k--
	}
	best[k] = c
	return best
}

// candidate ranks a pair found by the index and says whether it is worth
// verifying: identical texts rank first, then the larger estimated Jaccard
// of the two feature families, which one of them must reach.
func (x *Index) candidate(ia, ib int32, lexJ, robJ float64) (float64, bool) {
	a, b := &x.sigs[ia], &x.sigs[ib]
	if a.exact != 0 && a.exact == b.exact {
		return 2, true
	}
	lj, rj := a.lex.jaccard(&b.lex), a.rob.jaccard(&b.rob)
	return max(lj, rj), lj >= lexJ || rj >= robJ
}

// prepCache keeps prepared documents for verification across batches: the
// most recently used ones, in two generations (a document used in the older
// one moves to the newer; when the newer is full the older is dropped), so
// that an original verified against many later copies is prepared once.
type prepCache struct {
	mu       sync.Mutex
	cache    *wordCache
	cur, old map[*accord.Document]*prepEntry
	fresh    map[*accord.Document][]word // words of the batch's new documents, until prepared
	// pinned are the documents of the batch being verified, prepared; set
	// before and cleared after the verification workers run (read-only
	// while they do).
	pinned map[*accord.Document]*vdoc
	// evicted are entries dropped from the cache during the batch being
	// verified (their vdocs may still be pinned); release moves their
	// vdocs to free once the batch is done, for prepare to reuse their
	// room: re-preparing documents is most of the garbage at scale.
	evicted []*prepEntry
	free    []*vdoc
	// limit is the number of prepared documents kept (maxPrepared; tests
	// set fewer so that the eviction and reuse paths run).
	limit int
}

type prepEntry struct {
	once sync.Once
	v    *vdoc
}

func newPrepCache(c *wordCache) *prepCache {
	return &prepCache{cache: c, cur: map[*accord.Document]*prepEntry{}, limit: maxPrepared}
}

// maxPrepared bounds the prepared documents kept.
const maxPrepared = 8000

func (p *prepCache) get(d *accord.Document) *vdoc {
	if v, ok := p.pinned[d]; ok {
		return v
	}
	p.mu.Lock()
	e, ok := p.cur[d]
	if !ok {
		if e, ok = p.old[d]; !ok {
			e = &prepEntry{}
		}
		p.cur[d] = e
		if len(p.cur) >= max(p.limit/2, 1) {
			for od, oe := range p.old {
				if p.cur[od] != oe {
					p.evicted = append(p.evicted, oe)
				}
			}
			p.old, p.cur = p.cur, map[*accord.Document]*prepEntry{}
		}
	}
	p.mu.Unlock()
	e.once.Do(func() {
		p.mu.Lock()
		words, ok := p.fresh[d]
		delete(p.fresh, d)
		var r *vdoc
		if n := len(p.free); n > 0 {
			r, p.free[n-1] = p.free[n-1], nil
			p.free = p.free[:n-1]
		}
		p.mu.Unlock()
		if r != nil && cap(r.info) > 3*(len(d.Text)/5+8) {
			// much larger than this document needs: let it go, so that
			// reused room does not creep to the largest document's size
			r = nil
		}
		var info []*senseInfo
		if !ok {
			var buf []word
			if r != nil {
				buf, info = r.words, r.info[:0]
			}
			if cap(info) < len(d.Text)/5+8 {
				info = make([]*senseInfo, 0, len(d.Text)/5+8)
			}
			words = tokenizeInto(buf, d.Text, d.Sentences, p.cache, &info)
		}
		e.v = prepareInto(r, d, words, info, p.cache)
	})
	return e.v
}

// The released vdocs kept for reuse are at most twice the cache's limit: a
// batch of 5,000 new documents prepares 10,000-16,000 (the cache keeps
// 8,000); with room for that many, most preparations reuse one, and they
// are all live while their batch is verified anyway.

// release makes the vdocs of the entries evicted so far reusable. Only
// when no verification is running: an evicted vdoc may be pinned until
// its batch is verified.
func (p *prepCache) release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, e := range p.evicted {
		if v := e.v; v != nil && len(p.free) < 2*p.limit {
			// no stale pointers for the collector to follow
			clear(v.info[:cap(v.info)])
			v.doc = nil
			p.free = append(p.free, v)
		}
		e.v = nil
	}
	clear(p.evicted)
	p.evicted = p.evicted[:0]
}

func parallel(n, workers int, fn func(i int)) {
	parallelW(n, workers, func(_, i int) { fn(i) })
}

// parallelW runs fn(w, i) for i in [0, n) on up to workers goroutines; w is
// the goroutine's number, for per-worker scratch space.
func parallelW(n, workers int, fn func(w, i int)) {
	if workers < 1 {
		workers = 1
	}
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(0, i)
		}
		return
	}
	var wg sync.WaitGroup
	ch := make(chan int, 256)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ch {
				fn(w, i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		ch <- i
	}
	close(ch)
	wg.Wait()
}

// Links returns the copy links (sorted by From, To) and the citation links.
func (x *Index) Links() []accord.Link {
	x.mu.Lock()
	defer x.mu.Unlock()
	ord := x.resolved()
	rank := x.idRanks()
	// copy links in (From, To) order by the documents' ID ranks (IDs are
	// unique in the index): integer comparisons instead of string ones
	es := x.edges
	slices.SortFunc(ord, func(i, j int32) int {
		p, q := &es[i], &es[j]
		if c := cmp.Compare(rank[p.from], rank[q.from]); c != 0 {
			return c
		}
		if c := cmp.Compare(rank[p.to], rank[q.to]); c != 0 {
			return c
		}
		if c := strings.Compare(p.kind.String(), q.kind.String()); c != 0 {
			return c
		}
		return cmp.Compare(i, j) // stable
	})
	copyLinks := make([]accord.Link, len(ord))
	const chunk = 4096
	parallel((len(ord)+chunk-1)/chunk, x.workers(), func(c int) {
		for k := c * chunk; k < min(len(ord), (c+1)*chunk); k++ {
			e := &es[ord[k]]
			copyLinks[k] = accord.Link{
				From: x.entries[e.from].doc.ID, To: x.entries[e.to].doc.ID,
				Kind: e.kind.String(), Score: e.score, Evidence: x.evidenceOf(e),
			}
		}
	})
	es, ord = nil, nil
	cites := x.citeLinks()
	less := func(a, b *accord.Link) int {
		if c := strings.Compare(a.From, b.From); c != 0 {
			return c
		}
		if c := strings.Compare(a.To, b.To); c != 0 {
			return c
		}
		return strings.Compare(a.Kind, b.Kind)
	}
	slices.SortStableFunc(cites, func(a, b accord.Link) int { return less(&a, &b) })
	// merged as a stable sort of the copy links followed by the citation
	// links would order them
	out := make([]accord.Link, 0, len(copyLinks)+len(cites))
	i, j := 0, 0
	for i < len(copyLinks) && j < len(cites) {
		if less(&cites[j], &copyLinks[i]) < 0 {
			out = append(out, cites[j])
			j++
		} else {
			out = append(out, copyLinks[i])
			i++
		}
	}
	out = append(out, copyLinks[i:]...)
	out = append(out, cites[j:]...)
	if len(out) == 0 {
		return nil
	}
	return out
}

// idRanks returns each entry's rank in the order of the documents' IDs.
func (x *Index) idRanks() []int32 {
	rank := make([]int32, len(x.entries))
	sorted := true
	for i := 1; i < len(x.entries); i++ {
		if x.entries[i-1].doc.ID > x.entries[i].doc.ID {
			sorted = false
			break
		}
	}
	if sorted {
		for i := range rank {
			rank[i] = int32(i)
		}
		return rank
	}
	ord := make([]int32, len(x.entries))
	for i := range ord {
		ord[i] = int32(i)
	}
	slices.SortFunc(ord, func(i, j int32) int { return strings.Compare(x.entries[i].doc.ID, x.entries[j].doc.ID) })
	for r, i := range ord {
		rank[i] = int32(r)
	}
	return rank
}

// Groups returns the independent groups: connected components over the copy
// links (citations do not merge groups), covering every indexed document.
// Each group is sorted, and the groups by their first ID.
func (x *Index) Groups() [][]string {
	x.mu.Lock()
	defer x.mu.Unlock()
	parent := make([]int32, len(x.entries))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, i := range x.resolved() {
		e := &x.edges[i]
		a, b := find(e.from), find(e.to)
		if a != b {
			parent[a] = b
		}
	}
	// documents in ID order: each group fills in sorted order, and groups
	// are numbered in the order of their first (smallest) ID
	rank := x.idRanks()
	byRank := make([]int32, len(x.entries))
	for i, r := range rank {
		byRank[r] = int32(i)
	}
	gid := make([]int32, len(x.entries)) // by root: 1 + the group's number
	size := make([]int32, 0, 1024)
	for _, i := range byRank {
		r := find(i)
		if gid[r] == 0 {
			size = append(size, 0)
			gid[r] = int32(len(size))
		}
		size[gid[r]-1]++
	}
	out := make([][]string, len(size))
	all := make([]string, len(x.entries))
	off := 0
	for g, n := range size {
		out[g] = all[off : off : off+int(n)]
		off += int(n)
	}
	for _, i := range byRank {
		g := gid[find(i)] - 1
		out[g] = append(out[g], x.entries[i].doc.ID)
	}
	return out
}

func pct(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) }

// proseWords counts the words of a document's prose sentences: at least 8
// words, ending in terminal punctuation (or a closing quote after it), and
// not mostly capitalised. Lines a syndicating site adds ("READ MORE: ...",
// "CLICK HERE ...", "Share this article:") are not prose, so the original
// of a near-duplicate has more prose even when the copy has more words.
func proseWords(t string, words []word) int {
	n := 0
	for i := 0; i < len(words); {
		j := i
		caps := 0
		for j < len(words) && words[j].sent == words[i].sent {
			if words[j].has(fCap) || words[j].has(fInit) {
				caps++
			}
			j++
		}
		cnt := j - i
		if cnt >= 8 && caps*2 < cnt {
			end := int(words[j-1].end)
			k := end
			for k < len(t) && k < end+4 && (t[k] == '"' || t[k] == '\'' || t[k] == ')' || t[k] >= 0x80) {
				k++
			}
			tail := t[end:k]
			if k < len(t) && strings.ContainsAny(t[k:k+1], ".!?") || strings.ContainsAny(tail, ".!?") {
				n += cnt
			}
		}
		i = j
	}
	return n
}
