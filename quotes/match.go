package quotes

import (
	"context"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/internal/unionfind"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
)

// Matcher is the corpus stage that groups quote mentions into distinct
// statements across documents.
//
// Two mentions are one statement when their word sequences align: the longest
// common subsequence, counting equal words, equal stems and (through Related)
// synonyms as matches, covers most of the shorter one. A mention that covers
// only part of the other is a partial variant; one that aligns only through
// synonyms (or a spinner's rewording of a copy) is a spun variant. Mentions
// with too few words to be distinctive join a statement only by identity.
type Matcher struct {
	// Related reports whether two lower-cased words are synonyms or otherwise
	// related in meaning; nil means WordNet (lexicon: shared sense or one
	// hypernym hop) when WordNet is set, else only equal words and stems.
	Related func(a, b string) bool
	// WordNet enables lexicon synonyms when Related is nil.
	WordNet bool
}

// NewCorpus returns the statement matcher, with WordNet synonyms.
func NewCorpus() *Matcher { return &Matcher{WordNet: true} }

// Name implements accord.CorpusStage.
func (*Matcher) Name() string { return "quotes" }

// Thresholds of the alignment.
const (
	sameRatio     = 0.8  // exact-word LCS share of the shorter: same wording
	fuzzyRatio    = 0.7  // LCS share with stems and synonyms: reworded
	minPartWords  = 4    // a fragment under half the other's length needs this many words
	minFuzzyWords = 5    // reworded variants need this many words
	spunRatio     = 0.55 // within a spun copy: LCS share with stems and synonyms
	spunFuncFrac  = 0.75 // within a spun copy: share of function words kept
	minWords      = 3    // shorter variants match only by identity
	partialFrac   = 0.8  // a variant shorter than this share of the canonical is partial
	// maxLoosePairs is the number of stem-sharing pairs above which the
	// candidates come from prefix filtering (candidatePairs).
	maxLoosePairs = 200000
)

type qitem struct {
	unit
	doc   *accord.Document
	di    int32 // index of doc in the corpus
	qi    int
	eid   string // stated speaker entity, "" if none
	group int    // independent group
	// parts are the quoted fragments and sentences of a longer quote, so
	// that an outlet quoting one of them matches.
	parts []unit
}

// unit is a word sequence to align. Words and stems are interned (vocab) so
// that alignment compares integers.
type unit struct {
	words []string
	ids   []int32 // word ids
	sids  []int32 // stem ids
	stop  []bool  // function word
	funcs []int32 // ids of the function words, in order
	fsids []int32 // their stem ids
	// For the WordNet fast path (aligner.prep): the sorted content stems,
	// senses and senses-or-broader of the content words.
	cstems, sb, kb []uint32
	sorted         []int32 // ids, sorted (a bound on the exact alignment)
	fset           []int32 // function-word stems, sorted
	sensed         bool    // sb and kb are filled
}

// vocab interns the words and stems of one Match call.
type vocab struct {
	ids   map[string]int32
	words []string
}

func (v *vocab) id(w string) int32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := int32(len(v.words))
	v.ids[w] = id
	v.words = append(v.words, w)
	return id
}

func (v *vocab) unit(s string) unit {
	ws := text.Words(s)
	u := unit{words: ws, ids: make([]int32, len(ws)), sids: make([]int32, len(ws)), stop: make([]bool, len(ws))}
	for i, w := range ws {
		u.ids[i] = v.id(w)
		u.sids[i] = v.id(stem(w))
		if text.IsStopword(w) {
			u.stop[i] = true
			u.funcs = append(u.funcs, u.ids[i])
			u.fsids = append(u.fsids, u.sids[i])
		}
	}
	return u
}

// quoteParts returns the fragments of q and the sentences of each, when
// there is more than one.
func quoteParts(v *vocab, d *accord.Document, q *accord.QuoteMention) []unit {
	var spans []accord.Span
	if len(q.Fragments) > 0 {
		spans = q.Fragments
	} else {
		spans = []accord.Span{q.Span}
	}
	var out []unit
	for _, f := range spans {
		if f.Start < 0 || f.End > len(d.Text) || f.Start >= f.End {
			continue
		}
		ss := text.Sentences(d.Text, f)
		if len(spans) > 1 {
			out = append(out, v.unit(d.Slice(f)))
		}
		if len(ss) > 1 {
			for _, x := range ss {
				out = append(out, v.unit(d.Slice(x)))
			}
		}
	}
	return out
}

// quoteWords is the quoted wording of a mention: its fragments (the words in
// quotation marks) when it has any, else its text.
func quoteWords(d *accord.Document, q *accord.QuoteMention) string {
	if len(q.Fragments) == 0 {
		return d.Slice(q.Span)
	}
	parts := make([]string, 0, len(q.Fragments))
	for _, f := range q.Fragments {
		parts = append(parts, d.Slice(f))
	}
	return strings.Join(parts, " … ")
}

// Analyze implements accord.CorpusStage: it sets c.Quotes. A cancelled
// context stops the matching within about a second (checked every few
// thousand alignments) and leaves c.Quotes unset.
func (m *Matcher) Analyze(ctx context.Context, c *accord.Corpus) error {
	qs, err := m.MatchContext(ctx, c)
	if err != nil {
		return err
	}
	c.Quotes = qs
	return nil
}

// Match groups the quote mentions of c's documents into statements.
func (m *Matcher) Match(c *accord.Corpus) []accord.Quote {
	qs, _ := m.MatchContext(context.Background(), c)
	return qs
}

// checker polls a context every checkEvery steps, so that the hot loops
// pay one counter increment per step.
type checker struct {
	ctx context.Context
	n   int
	err error
}

const checkEvery = 1024

func (c *checker) stop() bool {
	c.n++
	if c.n%checkEvery == 0 && c.err == nil {
		c.err = c.ctx.Err()
	}
	return c.err != nil
}

// MatchContext is Match that stops with ctx's error when ctx is cancelled.
func (m *Matcher) MatchContext(ctx context.Context, c *accord.Corpus) ([]accord.Quote, error) {
	chk := &checker{ctx: ctx}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	related := m.Related
	voc := &vocab{ids: map[string]int32{}}
	// With WordNet the relation is computed from per-word sense sets
	// (aligner.wordSenses); a custom Related is memoized by word ids.
	al := &aligner{voc: voc, wordnet: related == nil && m.WordNet}
	if related != nil {
		// Memoize by word ids: a corpus repeats the same word pairs often.
		memo := map[uint64]bool{}
		al.rel = func(a, b int32) bool {
			if a > b {
				a, b = b, a
			}
			k := uint64(a)<<32 | uint64(b)
			if v, ok := memo[k]; ok {
				return v
			}
			v := related(voc.words[a], voc.words[b])
			memo[k] = v
			return v
		}
	}
	ents := newEntityIndex(c)
	// Documents by index: pairs are looked up by integers, not IDs.
	docIdx := make(map[string]int32, len(c.Docs))
	for k, d := range c.Docs {
		docIdx[d.ID] = int32(k)
	}
	var items []qitem
	for k, d := range c.Docs {
		if chk.stop() {
			return nil, chk.err
		}
		g := c.GroupOf(d.ID)
		for qi := range d.Quotes {
			q := &d.Quotes[qi]
			if q.Start < 0 || q.End > len(d.Text) || q.Start > q.End {
				continue
			}
			it := qitem{unit: voc.unit(quoteWords(d, q)), doc: d, di: int32(k), qi: qi, group: g, eid: ents.stated(d, q)}
			it.parts = quoteParts(voc, d, q)
			al.prep(&it.unit)
			for k := range it.parts {
				al.prep(&it.parts[k])
			}
			items = append(items, it)
		}
	}
	// linked[d]: the documents copies linked to d as exact, near or spun
	// copies (sorted, unique); spunFrom[d]: d is a spun copy.
	linked := make([][]int32, len(c.Docs))
	spunFrom := make([]bool, len(c.Docs))
	for _, l := range c.Links {
		from, ok1 := docIdx[l.From]
		to, ok2 := docIdx[l.To]
		if l.Kind == accord.LinkSpun && ok1 {
			spunFrom[from] = true
		}
		if !ok1 || !ok2 {
			continue
		}
		if l.Kind == accord.LinkSpun || l.Kind == accord.LinkNear || l.Kind == accord.LinkExact {
			linked[from] = append(linked[from], to)
			linked[to] = append(linked[to], from)
		}
	}
	for k := range linked {
		slices.Sort(linked[k])
		linked[k] = slices.Compact(linked[k])
	}
	parent := unionfind.New(len(items))
	find := parent.Find
	// The graph's edges are the candidate pairs of unlinked documents
	// (aligned as independent quotes) and every pair of items of linked
	// documents (aligned as copies); union-find keeps its components, which
	// do not depend on the order the edges are tried in. A pair already in
	// one component is not aligned.
	try := func(i, j int, copies bool) {
		if i > j {
			i, j = j, i
		}
		if find(i) == find(j) {
			return
		}
		if al.matchItems(&items[i], &items[j], copies) {
			parent[find(i)] = find(j)
		}
	}
	// mark[d] == i+1: document d is linked to item i's document.
	mark := make([]int32, len(c.Docs))
	err := forCandidates(items, chk, func(i int) {
		for _, d := range linked[items[i].di] {
			mark[d] = int32(i) + 1
		}
	}, func(i, j int, prefixed bool) {
		if mark[items[j].di] == int32(i)+1 {
			return // linked documents: the second pass
		}
		if find(i) == find(j) {
			return // already one statement: no need to verify
		}
		if prefixed && !sharesHalf(&items[i].unit, &items[j].unit) {
			// The verification of prefix filtering.
			return
		}
		try(i, j, false)
	})
	if err != nil {
		return nil, err
	}
	byDoc := make([][]int32, len(c.Docs))
	for i := range items {
		byDoc[items[i].di] = append(byDoc[items[i].di], int32(i))
	}
	for p := range linked {
		for _, q := range linked[p] {
			if int(q) < p {
				continue
			}
			for _, i := range byDoc[p] {
				for _, j := range byDoc[q] {
					if i == j || int(q) == p && j < i {
						continue
					}
					if chk.stop() {
						return nil, chk.err
					}
					try(int(i), int(j), true)
				}
			}
		}
	}
	clusters := map[int][]int{}
	for i := range items {
		r := find(i)
		clusters[r] = append(clusters[r], i)
	}
	var groups [][]int
	for _, g := range clusters {
		sort.Slice(g, func(a, b int) bool { return itemLess(&items[g[a]], &items[g[b]]) })
		groups = append(groups, g)
	}
	sort.Slice(groups, func(a, b int) bool { return itemLess(&items[groups[a][0]], &items[groups[b][0]]) })
	out := make([]accord.Quote, 0, len(groups))
	for n, g := range groups {
		q, ok := al.statement(items, g, n+1, spunFrom, chk)
		if !ok {
			return nil, chk.err
		}
		out = append(out, q)
	}
	return out, nil
}

func itemLess(a, b *qitem) bool {
	if a.doc.ID != b.doc.ID {
		return a.doc.ID < b.doc.ID
	}
	qa, qb := a.doc.Quotes[a.qi], b.doc.Quotes[b.qi]
	if qa.Start != qb.Start {
		return qa.Start < qb.Start
	}
	return qa.End < qb.End
}

// statement builds one Quote from a cluster of items; false when chk was
// cancelled.
func (al *aligner) statement(items []qitem, g []int, n int, spunFrom []bool, chk *checker) (accord.Quote, bool) {
	// Canonical wording: a direct quote over reported speech, then the
	// variant whose wording the most independent groups share, then one that
	// is no spun copy, then the one that shares
	// its wording with the most variants, then the longest.
	//
	// Variants with equal word ids share their wording with the same
	// variants: the alignment is done once per distinct wording.
	type wording struct {
		rep    int          // an item with this wording
		count  int          // its variants
		own    []int        // their independent groups (unique)
		groups map[int]bool // groups of every variant sharing the wording
		sim    int          // variants sharing the wording
	}
	var ws []*wording
	byKey := map[string]*wording{}
	of := make([]*wording, len(g))
	for n, i := range g {
		k := idsKey(items[i].ids)
		w := byKey[k]
		if w == nil {
			w = &wording{rep: i, groups: map[int]bool{}}
			byKey[k] = w
			ws = append(ws, w)
		}
		w.count++
		if !slices.Contains(w.own, items[i].group) {
			w.own = append(w.own, items[i].group)
		}
		of[n] = w
	}
	for a, wa := range ws {
		for _, wb := range ws[a:] {
			if chk.stop() {
				return accord.Quote{}, false
			}
			if !sameWording(&items[wa.rep].unit, &items[wb.rep].unit) {
				continue
			}
			for _, x := range wb.own {
				wa.groups[x] = true
			}
			wa.sim += wb.count
			if wb != wa {
				for _, x := range wa.own {
					wb.groups[x] = true
				}
				wb.sim += wa.count
			}
		}
	}
	best := g[0]
	var bestKey [4]float64
	for n, i := range g {
		w := of[n]
		notSpun := 1.0
		if spunFrom[items[i].di] {
			notSpun = 0
		}
		direct := 0.0
		if items[i].doc.Quotes[items[i].qi].Direct {
			direct = 1
		}
		key := [4]float64{direct, float64(len(w.groups)), notSpun, float64(w.sim)}
		if n == 0 || key[0] > bestKey[0] || key[0] == bestKey[0] && (key[1] > bestKey[1] || key[1] == bestKey[1] && (key[2] > bestKey[2] || key[2] == bestKey[2] &&
			(key[3] > bestKey[3]+1e-9 || key[3] > bestKey[3]-1e-9 && len(items[i].words) > len(items[best].words)))) {
			best, bestKey = i, key
		}
	}
	can := &items[best]
	q := accord.Quote{ID: fmt.Sprintf("Q%d", n), Text: quoteWords(can.doc, &can.doc.Quotes[can.qi])}
	// Speaker: the stated speaker of the most independent groups.
	votes := map[string]map[int]bool{}
	for _, i := range g {
		if e := items[i].eid; e != "" {
			if votes[e] == nil {
				votes[e] = map[int]bool{}
			}
			votes[e][items[i].group] = true
		}
	}
	spk, top := "", 0
	for e, gs := range votes {
		if len(gs) > top || len(gs) == top && (e == can.eid || spk != can.eid && e < spk) {
			spk, top = e, len(gs)
		}
	}
	if spk != "" {
		q.Speaker = &spk
	}
	for _, i := range g {
		it := &items[i]
		qm := it.doc.Quotes[it.qi]
		v := accord.QuoteVariant{Document: it.doc.ID, Start: qm.Start, End: qm.End, Text: it.doc.Slice(qm.Span)}
		if it.eid != "" {
			e := it.eid
			v.StatedSpeaker = &e
		}
		v.StatedSpeakerText = qm.SpeakerText
		direct := qm.Direct
		v.Direct = &direct
		if i != best {
			r := lcsRatio(it.ids, can.ids)
			v.Partial = len(it.words) < int(partialFrac*float64(len(can.words))+0.5)
			v.Spun = r < sameRatio && !al.fragmentOf(it, can)
		}
		q.Variants = append(q.Variants, v)
	}
	return q, true
}

// idsKey is a map key of a word-id sequence.
func idsKey(ids []int32) string {
	b := make([]byte, 0, 4*len(ids))
	for _, x := range ids {
		b = append(b, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
	}
	return string(b)
}

// sameWording reports whether the exact-word LCS of a and b covers
// sameRatio of the shorter (the shared words bound it first).
func sameWording(a, b *unit) bool {
	short := min(len(a.ids), len(b.ids))
	if short == 0 || common(a.sorted, b.sorted) < int(math.Ceil(sameRatio*float64(short)-1e-9)) {
		return false
	}
	return lcsRatio(a.ids, b.ids) >= sameRatio
}

// fragmentOf reports whether a's wording is (nearly) word for word inside
// one of b's parts or b itself: a partial quote, not a rewording.
func (al *aligner) fragmentOf(a, b *qitem) bool {
	if lcsRatio(a.ids, b.ids) >= sameRatio {
		return true
	}
	for k := range b.parts {
		if lcsRatio(a.ids, b.parts[k].ids) >= sameRatio {
			return true
		}
	}
	return false
}

// matchItems aligns two quotes, whole or by their parts.
func (al *aligner) matchItems(a, b *qitem, copies bool) bool {
	if ok, _, _ := al.align(&a.unit, &b.unit, copies); ok {
		return true
	}
	for k := -1; k < len(a.parts); k++ {
		ua := &a.unit
		if k >= 0 {
			ua = &a.parts[k]
		}
		for l := -1; l < len(b.parts); l++ {
			if k < 0 && l < 0 {
				continue
			}
			ub := &b.unit
			if l >= 0 {
				ub = &b.parts[l]
			}
			if ok, _, _ := al.align(ua, ub, copies); ok {
				return true
			}
		}
	}
	return false
}

// align decides whether two word sequences are one statement; it returns also whether
// b (or a) is partial and whether the match needed rewording.
func (al *aligner) align(a, b *unit, copies bool) (same, partial, spun bool) {
	la, lb := len(a.words), len(b.words)
	if la == 0 || lb == 0 {
		return false, false, false
	}
	short := la
	if lb < short {
		short = lb
	}
	if short < minWords {
		return equalIDs(a.ids, b.ids) && la >= 1, false, false
	}
	long := max(la, lb)
	if short >= minPartWords || 2*short >= long {
		// The words both hold bound the exact alignment from above.
		if common(a.sorted, b.sorted) >= int(math.Ceil(sameRatio*float64(short)-1e-9)) && lcsRatio(a.ids, b.ids) >= sameRatio {
			return true, short < int(partialFrac*float64(long)), false
		}
	}
	if !(copies || 2*short >= long && short >= minFuzzyWords) {
		return false, false, false
	}
	// The content-word matches bound what rewording can reach: check them
	// before the quadratic alignment.
	cm := al.contentMatches(a, b)
	fuzzyOK := 2*short >= long && short >= minFuzzyWords && cm >= min(3, (contentCount(a, b)+1)/2)
	spunOK := copies && short >= 5 && 2*short >= long && cm >= 2
	if !fuzzyOK && !spunOK {
		return false, false, false
	}
	need := spunRatio
	if !spunOK {
		need = fuzzyRatio
	}
	// Bound the alignment from above: function words align with function
	// words of equal stem (at most their own LCS), content words with the
	// other's content matches, and a content word with a function word only
	// by an equal stem ("don’t"/"don't").
	fl := lcsFunc(len(a.fsids), len(b.fsids), func(x, y int) bool { return a.fsids[x] == b.fsids[y] })
	if float64(fl+min(cm, al.contentMatches(b, a))+crossStems(a, b)+crossStems(b, a))/float64(short) < need {
		return false, false, false
	}
	fuzzy := lcsFunc(la, lb, func(x, y int) bool {
		if a.sids[x] == b.sids[y] {
			return true
		}
		return !a.stop[x] && !b.stop[y] && al.related(a.ids[x], b.ids[y])
	})
	fr := float64(fuzzy) / float64(short)
	if fr >= fuzzyRatio && fuzzyOK {
		return true, short < int(partialFrac*float64(long)), true
	}
	if fr >= spunRatio && spunOK {
		fa, fb := a.funcs, b.funcs
		if len(fa) > len(fb) {
			fa, fb = fb, fa
		}
		if len(fa) >= 2 && float64(lcsFunc(len(fa), len(fb), func(x, y int) bool { return fa[x] == fb[y] }))/float64(len(fa)) >= spunFuncFrac {
			return true, short < int(partialFrac*float64(max(la, lb))), true
		}
	}
	return false, false, false
}

// crossStems counts the content words of a whose stem is a function-word
// stem of b.
func crossStems(a, b *unit) int {
	n := 0
	for i, st := range a.sids {
		if !a.stop[i] {
			if _, ok := slices.BinarySearch(b.fset, st); ok {
				n++
			}
		}
	}
	return n
}

// common counts the elements two sorted lists share (with multiplicity).
func common[T uint32 | int32](a, b []T) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

func contentMatches(a, b *unit, rel func(x, y int32) bool) int {
	n := 0
	for i := range a.ids {
		if a.stop[i] {
			continue
		}
		for j := range b.ids {
			if b.stop[j] {
				continue
			}
			if a.sids[i] == b.sids[j] || rel != nil && rel(a.ids[i], b.ids[j]) {
				n++
				break
			}
		}
	}
	return n
}

// contentCount is the number of content words of the shorter sequence.
func contentCount(a, b *unit) int {
	u := a
	if len(b.ids) < len(a.ids) {
		u = b
	}
	return len(u.ids) - len(u.funcs)
}

func equalIDs(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// lcsRatio is the exact-word LCS of a and b over the shorter length.
func lcsRatio(a, b []int32) float64 {
	s := min(len(a), len(b))
	if s == 0 {
		return 0
	}
	return float64(lcsInts(a, b)) / float64(s)
}

// lcsInts is the longest common subsequence length of two id sequences:
// bit-parallel (Allison and Dix; Hyyrö's form) when the shorter has at most
// 64 words, one machine word per row of the table, else lcsFunc.
func lcsInts(a, b []int32) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := len(a)
	if n == 0 {
		return 0
	}
	if n > 64 {
		return lcsFunc(len(a), len(b), func(x, y int) bool { return a[x] == b[y] })
	}
	// Match masks of a's words, in a small open-addressing table keyed by
	// id+1 (0 is empty).
	var keys [128]int32
	var masks [128]uint64
	const mask = len(keys) - 1
	slot := func(id int32) int {
		h := int(uint32(id+1)*2654435761>>16) & mask
		for keys[h] != 0 && keys[h] != id+1 {
			h = (h + 1) & mask
		}
		return h
	}
	for i, id := range a {
		h := slot(id)
		keys[h] = id + 1
		masks[h] |= 1 << uint(i)
	}
	v := ^uint64(0)
	for _, id := range b {
		h := slot(id)
		if keys[h] == 0 {
			continue
		}
		u := v & masks[h]
		v = (v + u) | (v - u)
	}
	low := ^uint64(0)
	if n < 64 {
		low = 1<<uint(n) - 1
	}
	return n - bits.OnesCount64(v&low)
}

// lcsFunc is the longest common subsequence length of sequences of lengths
// n and k under the match predicate eq.
func lcsFunc(n, k int, eq func(x, y int) bool) int {
	if n == 0 || k == 0 {
		return 0
	}
	prev := make([]int, k+1)
	cur := make([]int, k+1)
	for x := 0; x < n; x++ {
		for y := 0; y < k; y++ {
			switch {
			case eq(x, y):
				cur[y+1] = prev[y] + 1
			case prev[y+1] >= cur[y]:
				cur[y+1] = prev[y+1]
			default:
				cur[y+1] = cur[y]
			}
		}
		prev, cur = cur, prev
	}
	return prev[k]
}

// stem is a light English suffix stripper (plural, past, gerund, adverb).
func stem(w string) string {
	w = strings.ReplaceAll(w, "’", "'")
	for _, suf := range []string{"'s", "ies", "ing", "edly", "ed", "ly", "es", "s"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			b := w[:len(w)-len(suf)]
			if suf == "ies" {
				return b + "y"
			}
			if suf == "s" && strings.HasSuffix(b, "s") {
				return w
			}
			return b
		}
	}
	return w
}

// entityIndex finds the entity id of a quote's stated speaker.
type entityIndex struct {
	byAlias map[string][]string
	byMent  map[string][]entSpan
	names   map[string][]string // lower-cased name and aliases by entity id
	// For the document last asked about (doc): an index of its byMent
	// spans and the number of mentions of each entity, built on first
	// use (a scan of the document's mentions per quote is quadratic in a
	// long document). Only one document's are kept: quotes are asked
	// about document by document.
	doc    string
	spans  *spanIndex
	counts map[string]int
	buf    []int
}

// forDoc drops the caches of another document than id.
func (x *entityIndex) forDoc(id string) {
	if x.doc != id {
		x.doc, x.spans, x.counts = id, nil, nil
	}
}

type entSpan struct {
	id string
	sp accord.Span
}

func newEntityIndex(c *accord.Corpus) *entityIndex {
	x := &entityIndex{byAlias: map[string][]string{}, byMent: map[string][]entSpan{}, names: map[string][]string{}}
	for _, e := range c.Entities {
		names := append([]string{e.Name}, e.Aliases...)
		seen := map[string]bool{}
		for _, n := range names {
			k := strings.ToLower(strings.TrimSpace(n))
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			x.byAlias[k] = append(x.byAlias[k], e.ID)
			x.names[e.ID] = append(x.names[e.ID], k)
		}
		for _, mm := range e.Mentions {
			x.byMent[mm.Document] = append(x.byMent[mm.Document], entSpan{e.ID, accord.Span{Start: mm.Start, End: mm.End}})
		}
	}
	return x
}

// stated returns the entity id of the mention's stated speaker: the speaker
// mention's EntityID, else an entity mentioned at the speaker span, else the
// one entity whose name or alias is the speaker text.
func (x *entityIndex) stated(d *accord.Document, q *accord.QuoteMention) string {
	if q.Speaker >= 0 && q.Speaker < len(d.Mentions) && d.Mentions[q.Speaker].EntityID != "" {
		return d.Mentions[q.Speaker].EntityID
	}
	if q.SpeakerSpan.Len() > 0 {
		best, bestOv := "", 0
		ems := x.byMent[d.ID]
		x.forDoc(d.ID)
		if x.spans == nil {
			sp := make([]accord.Span, len(ems))
			for i, es := range ems {
				sp[i] = es.sp
			}
			x.spans = newSpanIndex(sp)
		}
		x.buf = x.spans.overlapping(q.SpeakerSpan, x.buf)
		for _, i := range x.buf {
			// Only an overlapping span has an overlap above 0.
			es := ems[i]
			if ov := min(es.sp.End, q.SpeakerSpan.End) - max(es.sp.Start, q.SpeakerSpan.Start); ov > bestOv {
				best, bestOv = es.id, ov
			}
		}
		if best != "" {
			return best
		}
	}
	if ids := x.byAlias[strings.ToLower(strings.TrimSpace(q.SpeakerText))]; len(ids) == 1 {
		return ids[0]
	}
	// The entity mentioned most in this document whose names hold the
	// speaker's last name ("Smith" for "Jane Smith").
	f := strings.Fields(q.SpeakerText)
	if len(f) == 0 {
		return ""
	}
	last := strings.ToLower(strings.Trim(f[len(f)-1], ".,’'"))
	if len(last) < 2 || !unicode.IsUpper([]rune(f[len(f)-1])[0]) {
		return ""
	}
	x.forDoc(d.ID)
	if x.counts == nil {
		x.counts = map[string]int{}
		for _, es := range x.byMent[d.ID] {
			x.counts[es.id]++
		}
	}
	count := x.counts
	best, bestN := "", 0
	for id, n := range count {
		if n > bestN || n == bestN && id < best {
			if x.hasWord(id, last) {
				best, bestN = id, n
			}
		}
	}
	return best
}

func (x *entityIndex) hasWord(id, w string) bool {
	for _, n := range x.names[id] {
		for _, t := range strings.Fields(n) {
			if strings.Trim(t, ".,’'") == w {
				return true
			}
		}
	}
	return false
}

// aligner holds what one Match call shares between pairs: the vocabulary
// and the memoized relatedness of word ids.
type aligner struct {
	voc *vocab
	rel func(a, b int32) bool
	// wordnet: rel is lexicon's relation, so that content matches can use
	// the per-word sense sets below instead of pairwise calls.
	wordnet bool
	senses  [][]uint32 // by word id: the word's senses, sorted
	keys    [][]uint32 // its senses and their broader senses, sorted
	known   []bool     // senses and keys are filled
}

// wordSenses returns S(w) and K(w) (senses, and senses with their broader
// ones) of word id w. lexicon.SensesRelated(a, b) holds exactly when K(a)
// meets S(b) or S(a) meets K(b).
func (al *aligner) wordSenses(w int32) ([]uint32, []uint32) {
	if int(w) < len(al.known) && al.known[w] {
		return al.senses[w], al.keys[w]
	}
	for len(al.known) <= int(w) {
		al.known = append(al.known, false)
		al.senses = append(al.senses, nil)
		al.keys = append(al.keys, nil)
	}
	s := lexicon.Senses(nil, al.voc.words[w], 0)
	k := slices.Clone(s)
	for _, x := range s {
		k = append(k, lexicon.Broader(x)...)
	}
	slices.Sort(s)
	slices.Sort(k)
	s, k = slices.Compact(s), slices.Compact(k)
	al.senses[w], al.keys[w], al.known[w] = s, k, true
	return s, k
}

// related reports whether word ids a and b are related in meaning
// (lexicon.SensesRelated, or Matcher.Related when set).
func (al *aligner) related(a, b int32) bool {
	if al.wordnet {
		sa, ka := al.wordSenses(a)
		sb, kb := al.wordSenses(b)
		return meets(ka, sb) || meets(sa, kb)
	}
	return al.rel != nil && al.rel(a, b)
}

// prep fills the unit's sorted content stems, ids and function-word stems.
func (al *aligner) prep(u *unit) {
	for i, st := range u.sids {
		if !u.stop[i] {
			u.cstems = append(u.cstems, uint32(st))
		}
	}
	slices.Sort(u.cstems)
	u.cstems = slices.Compact(u.cstems)
	u.sorted = slices.Clone(u.ids)
	slices.Sort(u.sorted)
	u.fset = slices.Clone(u.fsids)
	slices.Sort(u.fset)
	u.fset = slices.Compact(u.fset)
}

// senseSets fills, once, the union of the unit's content words' senses and
// of their senses-or-broader.
func (al *aligner) senseSets(u *unit) {
	if u.sensed {
		return
	}
	u.sensed = true
	for i, w := range u.ids {
		if !u.stop[i] {
			s, k := al.wordSenses(w)
			u.sb = append(u.sb, s...)
			u.kb = append(u.kb, k...)
		}
	}
	slices.Sort(u.sb)
	slices.Sort(u.kb)
	u.sb, u.kb = slices.Compact(u.sb), slices.Compact(u.kb)
}

// contentMatches counts the content words of a that have an equal stem or
// a related word among b's content words.
func (al *aligner) contentMatches(a, b *unit) int {
	if !al.wordnet {
		return contentMatches(a, b, al.rel)
	}
	al.senseSets(b)
	n := 0
	for i, w := range a.ids {
		if a.stop[i] {
			continue
		}
		if _, ok := slices.BinarySearch(b.cstems, uint32(a.sids[i])); ok {
			n++
			continue
		}
		s, k := al.wordSenses(w)
		if meets(k, b.sb) || meets(s, b.kb) {
			n++
		}
	}
	return n
}

// meets reports whether two sorted sets share an element: by binary search
// of the shorter in the longer when their lengths differ much, else by a
// merge.
func meets(a, b []uint32) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 || a[len(a)-1] < b[0] || b[len(b)-1] < a[0] {
		return false
	}
	if 8*len(a) < len(b) {
		lo := 0
		for _, x := range a {
			k, ok := slices.BinarySearch(b[lo:], x)
			if ok {
				return true
			}
			lo += k
			if lo >= len(b) {
				return false
			}
		}
		return false
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// candidatePairs returns the pairs of items to align, in order. In a small
// corpus that is every pair sharing a content stem (stems held by more than
// maxStemItems items say nothing and are skipped). When that would exceed
// maxLoosePairs pairs, it is prefix filtering instead (as in set-similarity
// joins): two mentions of one statement in the same words share at least
// half of the shorter one's content stems (the alignment needs 0.8 of its
// words), so each item probes the index with only the rarer half of its
// stems, ordered by how many items hold them. An item whose rarer half meets
// none of another's stems shares under half of its own with it. Rewordings
// that share fewer stems are then found only between documents that copies
// linked. The work is the sum of the rare stems' postings: far below the
// all-pairs count on real corpora.
const (
	maxStemItems   = 300
	minSharedStems = 0.5
)

// forCandidates calls pair(i, j, prefixed) once for every candidate pair
// {i, j} (i the item whose index lookup found j; j may be smaller), after
// begin(i). The pairs are streamed item by item, not collected: the work and
// memory are the postings walked, and a cancelled chk stops the walk.
func forCandidates(items []qitem, chk *checker, begin func(i int), pair func(i, j int, prefixed bool)) error {
	stems := make([][]int32, len(items))
	df := map[int32]int{}
	for i := range items {
		seen := map[int32]bool{}
		for k, st := range items[i].sids {
			if items[i].stop[k] || seen[st] {
				continue
			}
			seen[st] = true
			stems[i] = append(stems[i], st)
			df[st]++
		}
	}
	index := map[int32][]int32{}
	loose := 0
	for i, ss := range stems {
		for _, st := range ss {
			index[st] = append(index[st], int32(i))
			if n := df[st]; n <= maxStemItems {
				loose += len(index[st]) - 1
			}
		}
	}
	prefixed := loose > maxLoosePairs
	// seen[j] == i+1: j was already paired with i.
	seen := make([]int32, len(items))
	if !prefixed {
		for i, ss := range stems {
			begin(i)
			for _, st := range ss {
				if len(index[st]) > maxStemItems {
					continue
				}
				for _, j := range index[st] {
					if int(j) <= i || seen[j] == int32(i)+1 {
						continue
					}
					seen[j] = int32(i) + 1
					if chk.stop() {
						return chk.err
					}
					pair(i, int(j), false)
				}
			}
		}
		return nil
	}
	// The probing prefix of each item: its rarer stems (ordered by how many
	// items hold them), those whose postings are walked.
	prefix := make([][]int32, len(items))
	for i, ss := range stems {
		slices.SortFunc(ss, func(a, b int32) int {
			if df[a] != df[b] {
				return df[a] - df[b]
			}
			return int(a - b)
		})
		n := len(ss)
		pl := n - int(math.Ceil(minSharedStems*float64(n))) + 1
		for _, st := range ss[:min(pl, n)] {
			if len(index[st]) <= maxStemItems {
				prefix[i] = append(prefix[i], st)
			}
		}
	}
	// has[st] == i+1: stem st is one of item i's. A pair {i, j} that j's own
	// prefix also finds (j < i) was paired when j probed.
	maxStem := int32(0)
	for _, ss := range stems {
		for _, st := range ss {
			maxStem = max(maxStem, st)
		}
	}
	has := make([]int32, maxStem+1)
	for i := range stems {
		begin(i)
		for _, st := range stems[i] {
			has[st] = int32(i) + 1
		}
		for _, st := range prefix[i] {
			for _, j := range index[st] {
				if int(j) == i || seen[j] == int32(i)+1 {
					continue
				}
				seen[j] = int32(i) + 1
				// A pair that can pass sharesHalf is found by the probe of
				// the item with fewer stems: half of its stems are shared, so
				// one lies in its prefix (and its prefix's stems up to that
				// one are rarer, so their postings are walked). The longer
				// item's probe leaves it.
				nj := len(stems[j])
				if nj < len(stems[i]) || nj == len(stems[i]) && int(j) < i && meetsMark(prefix[j], has, int32(i)+1) {
					continue
				}
				if chk.stop() {
					return chk.err
				}
				pair(i, int(j), true)
			}
		}
	}
	return nil
}

// meetsMark reports whether one of stems is marked with m.
func meetsMark(stems []int32, has []int32, m int32) bool {
	for _, st := range stems {
		if has[st] == m {
			return true
		}
	}
	return false
}

// sharesHalf reports whether a and b share at least minSharedStems of the
// shorter one's content stems.
func sharesHalf(a, b *unit) bool {
	n := min(len(a.cstems), len(b.cstems))
	return common(a.cstems, b.cstems) >= int(math.Ceil(minSharedStems*float64(n)))
}
