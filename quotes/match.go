package quotes

import (
	"context"
	"fmt"
	"github.com/accord-news/accord/internal/unionfind"
	"sort"
	"strings"
	"unicode"

	"github.com/accord-news/accord"
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

// senseCache answers lexicon.Related from per-word sense lists looked up once.
type senseCache map[string][]uint32

func (sc senseCache) related(a, b string) bool {
	if a == b {
		return true
	}
	sa, ok := sc[a]
	if !ok {
		sa = lexicon.Senses(nil, a, 0)
		sc[a] = sa
	}
	sb, ok := sc[b]
	if !ok {
		sb = lexicon.Senses(nil, b, 0)
		sc[b] = sb
	}
	return lexicon.SensesRelated(sa, sb)
}

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
	// maxLoosePairs is the number of candidate pairs above which pairs must
	// share two content stems.
	maxLoosePairs = 200000
)

type qitem struct {
	unit
	doc   *accord.Document
	qi    int
	eid   string // stated speaker entity, "" if none
	group int    // independent group
	// parts are the quoted fragments and sentences of a longer quote, so
	// that an outlet quoting one of them matches.
	parts []unit
}

// unit is a word sequence to align.
type unit struct {
	words []string
	stems []string
	funcs []string
}

func newUnit(s string) unit {
	ws := text.Words(s)
	u := unit{words: ws, stems: make([]string, len(ws))}
	for i, w := range ws {
		u.stems[i] = stem(w)
		if text.IsStopword(w) {
			u.funcs = append(u.funcs, w)
		}
	}
	return u
}

// quoteParts returns the fragments of q and the sentences of each, when
// there is more than one.
func quoteParts(d *accord.Document, q *accord.QuoteMention) []unit {
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
			out = append(out, newUnit(d.Slice(f)))
		}
		if len(ss) > 1 {
			for _, x := range ss {
				out = append(out, newUnit(d.Slice(x)))
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

// Analyze implements accord.CorpusStage: it sets c.Quotes.
func (m *Matcher) Analyze(ctx context.Context, c *accord.Corpus) error {
	c.Quotes = m.Match(c)
	return ctx.Err()
}

// Match groups the quote mentions of c's documents into statements.
func (m *Matcher) Match(c *accord.Corpus) []accord.Quote {
	if m.Related == nil && m.WordNet {
		m = &Matcher{Related: senseCache{}.related}
	}
	if m.Related != nil {
		// Memoize: a corpus repeats the same word pairs often.
		rel := m.Related
		memo := map[[2]string]bool{}
		mm := *m
		mm.Related = func(a, b string) bool {
			k := [2]string{a, b}
			if v, ok := memo[k]; ok {
				return v
			}
			v := rel(a, b)
			memo[k] = v
			return v
		}
		m = &mm
	}
	ents := newEntityIndex(c)
	var items []qitem
	for _, d := range c.Docs {
		g := c.GroupOf(d.ID)
		for qi := range d.Quotes {
			q := &d.Quotes[qi]
			if q.Start < 0 || q.End > len(d.Text) || q.Start > q.End {
				continue
			}
			it := qitem{unit: newUnit(quoteWords(d, q)), doc: d, qi: qi, group: g, eid: ents.stated(d, q)}
			it.parts = quoteParts(d, q)
			items = append(items, it)
		}
	}
	spunPair := map[[2]string]bool{}
	spunFrom := map[string]bool{} // documents that are spun copies
	for _, l := range c.Links {
		if l.Kind == accord.LinkSpun {
			spunFrom[l.From] = true
		}
		if l.Kind == accord.LinkSpun || l.Kind == accord.LinkNear || l.Kind == accord.LinkExact {
			spunPair[[2]string{l.From, l.To}] = true
			spunPair[[2]string{l.To, l.From}] = true
		}
	}
	// Candidate pairs share a content stem, or sit in copies of each other.
	index := map[string][]int{}
	for i, it := range items {
		seen := map[string]bool{}
		for k, s := range it.stems {
			if text.IsStopword(it.words[k]) || seen[s] {
				continue
			}
			seen[s] = true
			index[s] = append(index[s], i)
		}
	}
	parent := unionfind.New(len(items))
	find := parent.Find
	tried := map[[2]int]bool{}
	try := func(i, j int) {
		if i == j {
			return
		}
		if i > j {
			i, j = j, i
		}
		if tried[[2]int{i, j}] {
			return
		}
		tried[[2]int{i, j}] = true
		if find(i) == find(j) {
			return
		}
		copies := spunPair[[2]string{items[i].doc.ID, items[j].doc.ID}]
		if m.matchItems(&items[i], &items[j], copies) {
			parent[find(i)] = find(j)
		}
	}
	// Pairs sharing a content stem are aligned; stems in very many quotes
	// say nothing and are skipped.
	shared := map[[2]int]int{}
	var keys []string
	for k := range index {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var order [][2]int
	for _, k := range keys {
		list := index[k]
		if len(list) > 300 {
			continue
		}
		for a := 0; a < len(list); a++ {
			for b := a + 1; b < len(list); b++ {
				p := [2]int{list[a], list[b]}
				if shared[p] == 0 {
					order = append(order, p)
				}
				shared[p]++
			}
		}
	}
	sort.Slice(order, func(i, j int) bool {
		if order[i][0] != order[j][0] {
			return order[i][0] < order[j][0]
		}
		return order[i][1] < order[j][1]
	})
	// In a large corpus only pairs that share two stems (or involve a short
	// quote) are aligned, to keep the work near linear.
	strict := len(order) > maxLoosePairs
	for _, p := range order {
		if !strict || shared[p] >= 2 || contentLen(&items[p[0]]) < 4 || contentLen(&items[p[1]]) < 4 {
			try(p[0], p[1])
		}
	}
	if len(spunPair) > 0 {
		byDoc := map[string][]int{}
		for i, it := range items {
			byDoc[it.doc.ID] = append(byDoc[it.doc.ID], i)
		}
		for p := range spunPair {
			for _, i := range byDoc[p[0]] {
				for _, j := range byDoc[p[1]] {
					try(i, j)
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
		out = append(out, m.statement(c, items, g, n+1, spunFrom))
	}
	return out
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

// statement builds one Quote from a cluster of items.
func (m *Matcher) statement(c *accord.Corpus, items []qitem, g []int, n int, spunFrom map[string]bool) accord.Quote {
	// Canonical wording: a direct quote over reported speech, then the
	// variant whose wording the most independent groups share, then one that
	// is no spun copy, then the one that shares
	// its wording with the most variants, then the longest.
	best := g[0]
	var bestKey [4]float64
	for n, i := range g {
		groups := map[int]bool{}
		sim := 0.0
		for _, j := range g {
			if lcsRatio(items[i].words, items[j].words, nil) >= sameRatio {
				groups[items[j].group] = true
				sim++
			}
		}
		notSpun := 1.0
		if spunFrom[items[i].doc.ID] {
			notSpun = 0
		}
		direct := 0.0
		if items[i].doc.Quotes[items[i].qi].Direct {
			direct = 1
		}
		key := [4]float64{direct, float64(len(groups)), notSpun, sim}
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
		direct := qm.Direct
		v.Direct = &direct
		if i != best {
			r := lcsRatio(it.words, can.words, nil)
			v.Partial = len(it.words) < int(partialFrac*float64(len(can.words))+0.5)
			v.Spun = r < sameRatio && !m.fragmentOf(it, can)
		}
		q.Variants = append(q.Variants, v)
	}
	return q
}

// fragmentOf reports whether a's wording is (nearly) word for word inside
// one of b's parts or b itself: a partial quote, not a rewording.
func (m *Matcher) fragmentOf(a, b *qitem) bool {
	if lcsRatio(a.words, b.words, nil) >= sameRatio {
		return true
	}
	for k := range b.parts {
		if lcsRatio(a.words, b.parts[k].words, nil) >= sameRatio {
			return true
		}
	}
	return false
}

// matchItems aligns two quotes, whole or by their parts.
func (m *Matcher) matchItems(a, b *qitem, copies bool) bool {
	if ok, _, _ := m.align(&a.unit, &b.unit, copies); ok {
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
			if ok, _, _ := m.align(ua, ub, copies); ok {
				return true
			}
		}
	}
	return false
}

// align decides whether two word sequences are one statement; it returns also whether
// b (or a) is partial and whether the match needed rewording.
func (m *Matcher) align(a, b *unit, copies bool) (same, partial, spun bool) {
	la, lb := len(a.words), len(b.words)
	if la == 0 || lb == 0 {
		return false, false, false
	}
	short := la
	if lb < short {
		short = lb
	}
	if short < minWords {
		return equalWords(a.words, b.words) && la >= 1, false, false
	}
	long := max(la, lb)
	exact := lcsRatio(a.words, b.words, nil)
	if exact >= sameRatio && (short >= minPartWords || 2*short >= long) {
		return true, short < int(partialFrac*float64(long)), false
	}
	if !(copies || 2*short >= long && short >= minFuzzyWords) {
		return false, false, false
	}
	related := func(x, y int, aw, bw []string, as, bs []string) bool {
		if as[x] == bs[y] {
			return true
		}
		return m.Related != nil && !text.IsStopword(aw[x]) && !text.IsStopword(bw[y]) && m.Related(aw[x], bw[y])
	}
	fuzzy := lcsFunc(len(a.words), len(b.words), func(x, y int) bool { return related(x, y, a.words, b.words, a.stems, b.stems) })
	fr := float64(fuzzy) / float64(short)
	if fr >= fuzzyRatio && 2*short >= long && short >= minFuzzyWords && contentMatches(a, b, m.Related) >= min(3, (contentCount(a, b)+1)/2) {
		return true, short < int(partialFrac*float64(long)), true
	}
	if copies && fr >= spunRatio && short >= 5 && 2*short >= long && contentMatches(a, b, m.Related) >= 2 {
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

func contentMatches(a, b *unit, rel func(x, y string) bool) int {
	n := 0
	for i, w := range a.words {
		if text.IsStopword(w) {
			continue
		}
		for j, v := range b.words {
			if text.IsStopword(v) {
				continue
			}
			if a.stems[i] == b.stems[j] || rel != nil && rel(w, v) {
				n++
				break
			}
		}
	}
	return n
}

// contentLen is the number of content words of an item's whole wording.
func contentLen(it *qitem) int { return len(it.words) - len(it.funcs) }

// contentCount is the number of content words of the shorter sequence.
func contentCount(a, b *unit) int {
	u := a
	if len(b.words) < len(a.words) {
		u = b
	}
	return len(u.words) - len(u.funcs)
}

func equalWords(a, b []string) bool {
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
func lcsRatio(a, b []string, _ func(string, string) bool) float64 {
	s := min(len(a), len(b))
	if s == 0 {
		return 0
	}
	return float64(lcsFunc(len(a), len(b), func(x, y int) bool { return a[x] == b[y] })) / float64(s)
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
		for _, es := range x.byMent[d.ID] {
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
	count := map[string]int{}
	for _, es := range x.byMent[d.ID] {
		count[es.id]++
	}
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
