package quotes

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// Learned content boundaries (issue #6). The rules of quotes.go and
// frames.go choose where a direct quote's content starts and ends; PolNeAR
// often draws the line one phrase further in or out. For each direct mention
// the words of its sentence(s) before the first quoted part are candidate
// starts and the words after the last quoted part candidate ends; a
// log-linear model (boundTable, trained on PolNeAR train by
// quotes/internal/genbound) scores each candidate from the words and marks
// around it, its distance from the quote, the cues and the speaker between
// it and the quote, and whether the rules chose it. The best start and end
// win. A second model (the "f." features) drops mentions that PolNeAR does
// not annotate as attributed content (titles, scare quotes, markup).

//go:generate go run ./internal/genbound -data /work/shared/data/polnear-dev/train -out bound_table.go

// trimRune reports what the scorer strips at a content's ends before comparing
// spans: spaces, quotation marks and punctuation.
func trimRune(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\u00a0', '"', '“', '”', '„', '«', '»', '‘', '’', '\'', '`', '.', ',', ';', ':',
		'!', '?', '—', '–', '-', '…', '(', ')', '[', ']':
		return true
	}
	return false
}

// trimmed returns sp without trimRunes at either end (or an empty span at
// its start when nothing is left).
func trimmed(txt string, sp accord.Span) accord.Span {
	s, e := sp.Start, sp.End
	for s < e {
		r, n := utf8.DecodeRuneInString(txt[s:e])
		if !trimRune(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(txt[s:e])
		if !trimRune(r) {
			break
		}
		e -= n
	}
	if e <= s {
		return accord.Span{Start: sp.Start, End: sp.Start}
	}
	return accord.Span{Start: s, End: e}
}

// bcand is one candidate boundary: a byte offset (a token's start for a
// start, its end for an end) and the token.
type bcand struct {
	off  int
	tok  int
	rule bool
}

// bframe is what the features of one mention's candidates look at.
type bframe struct {
	m           *accord.QuoteMention
	q           accord.Span // hull of the quoted parts, trimmed
	rule        accord.Span // the rules' span, trimmed
	sent, sent2 accord.Span
	qa, qb      int // token range of the quoted hull
	sa, sb      int // first token of the first sentence, end of the last one
	cueTok      int // first token after the mention's cue, or -1
	widened     bool
}

// btoks are per-token arrays for the boundary features: each token's class
// and prefix counts of words, commas and strong cues outside quotes.
type btoks struct {
	cls                 []string
	words, commas, cues []int32
	// lastCue[i] is the last cue-like word (CUE or WCUE) outside quotes
	// at or before token i, or -1; nextCue[i] the first at or after it, or
	// len(toks).
	lastCue, nextCue []int32
}

func (x *docCtx) prepBound() {
	if x.bt != nil {
		return
	}
	n := len(x.toks)
	bt := &btoks{cls: make([]string, n), words: make([]int32, n+1), commas: make([]int32, n+1), cues: make([]int32, n+1),
		lastCue: make([]int32, n), nextCue: make([]int32, n)}
	last := int32(-1)
	for i, t := range x.toks {
		bt.cls[i] = x.tokClass(i)
		bt.words[i+1], bt.commas[i+1], bt.cues[i+1] = bt.words[i], bt.commas[i], bt.cues[i]
		switch {
		case isWord(t):
			bt.words[i+1]++
			if bt.cls[i] == "CUE" && !x.inQuote(t.Start) {
				bt.cues[i+1]++
			}
		case t.Lower == ",":
			bt.commas[i+1]++
		}
		if (bt.cls[i] == "CUE" || bt.cls[i] == "WCUE") && !x.inQuote(t.Start) {
			last = int32(i)
		}
		bt.lastCue[i] = last
	}
	next := int32(n)
	for i := n - 1; i >= 0; i-- {
		if bt.lastCue[i] == int32(i) {
			next = int32(i)
		}
		bt.nextCue[i] = next
	}
	x.bt = bt
}

// cls is the class of token i (NONE outside the document).
func (x *docCtx) cls(i int) string {
	if i < 0 || i >= len(x.bt.cls) {
		return "NONE"
	}
	return x.bt.cls[i]
}

// nwords counts the word tokens in [a, b).
func (x *docCtx) nwords(a, b int) int {
	a, b = max(a, 0), min(b, len(x.toks))
	if a >= b {
		return 0
	}
	return int(x.bt.words[b] - x.bt.words[a])
}

// quotedParts returns the quoted parts of a direct mention.
func quotedParts(m *accord.QuoteMention) []accord.Span {
	if len(m.Fragments) > 0 {
		return m.Fragments
	}
	return []accord.Span{m.Span}
}

// boundFrame prepares the candidates' context of mention m; ok is false when
// m has no words.
func (x *docCtx) boundFrame(m *accord.QuoteMention) (bframe, bool) {
	parts := quotedParts(m)
	q := trimmed(x.txt, accord.Span{Start: parts[0].Start, End: parts[len(parts)-1].End})
	r := trimmed(x.txt, m.Span)
	if q.Len() <= 0 || r.Len() <= 0 {
		return bframe{}, false
	}
	p := x.paraOf(q.Start)
	f := bframe{m: m, q: q, rule: r, sent: x.sentenceOf(q.Start, p), sent2: x.sentenceOf(q.End-1, x.paraOf(q.End-1))}
	qr := tokensIn(x.toks, q)
	f.qa, f.qb = qr.a, qr.b
	f.sa = tokensIn(x.toks, f.sent).a
	f.sb = tokensIn(x.toks, f.sent2).b
	f.cueTok = -1
	if m.Cue.Len() > 0 {
		f.cueTok = tokensIn(x.toks, accord.Span{Start: m.Cue.End, End: m.Cue.End}).a
	}
	f.widened = r != q
	return f, true
}

// startCands lists the candidate starts: word tokens from the sentence start
// (or the rules' start, when earlier) up to the quote's first word.
func (x *docCtx) startCands(f *bframe, out []bcand) []bcand {
	lo := min(f.sent.Start, f.rule.Start)
	r := tokensIn(x.toks, accord.Span{Start: lo, End: f.q.Start})
	if r.b-r.a > maxCands && x.toks[r.b-maxCands].Start > f.rule.Start {
		r.a = r.b - maxCands
	}
	for i := r.a; i < r.b && i < len(x.toks); i++ {
		t := x.toks[i]
		c, _ := utf8.DecodeRuneInString(x.txt[t.Start:t.End])
		if trimRune(c) || t.Start != f.rule.Start && x.inQuote(t.Start) {
			continue
		}
		out = append(out, bcand{off: t.Start, tok: i, rule: t.Start == f.rule.Start})
	}
	if f.qa < len(x.toks) {
		out = append(out, bcand{off: f.q.Start, tok: f.qa, rule: f.q.Start == f.rule.Start})
	}
	return out
}

// endCands lists the candidate ends: the quote's last word and the word
// tokens after it to the sentence end (or the rules' end, when later).
func (x *docCtx) endCands(f *bframe, out []bcand) []bcand {
	if f.qb > 0 {
		out = append(out, bcand{off: f.q.End, tok: f.qb - 1, rule: f.q.End == f.rule.End})
	}
	hi := max(f.sent2.End, f.rule.End)
	// The content does not take in its own attribution after it.
	for _, a := range []accord.Span{f.m.SpeakerSpan, f.m.Cue} {
		if a.Len() > 0 && a.Start >= f.q.End && a.Start < hi && f.rule.End <= a.Start {
			hi = a.Start
		}
	}
	r := tokensIn(x.toks, accord.Span{Start: f.q.End, End: hi})
	if r.b-r.a > maxCands && x.toks[r.a+maxCands-1].End < f.rule.End {
		r.b = r.a + maxCands
	}
	for i := r.a; i < r.b && i < len(x.toks); i++ {
		t := x.toks[i]
		c, _ := utf8.DecodeLastRuneInString(x.txt[t.Start:t.End])
		if trimRune(c) {
			continue
		}
		out = append(out, bcand{off: t.End, tok: i, rule: t.End == f.rule.End})
	}
	return out
}

// maxCands bounds the tokens before and after a quote that may be
// boundaries (the rules' own boundary always is one).
const maxCands = 40

// tokClass is a coarse class of a token: its word when it is a function
// word or cue, else its shape.
func (x *docCtx) tokClass(i int) string {
	if i < 0 || i >= len(x.toks) {
		return "NONE"
	}
	t := x.toks[i]
	r, _ := utf8.DecodeRuneInString(t.Lower)
	switch {
	case r == ',' || r == ';' || r == ':' || r == '(' || r == ')' || r == '.' || r == '?' || r == '!':
		return t.Lower
	case isMarkTok(t.Lower):
		return "Q"
	case isDash(t.Lower):
		return "DASH"
	case unicode.IsDigit(r):
		return "NUM"
	case !unicode.IsLetter(r):
		return "SYM"
	}
	switch cs := cueStrength(t.Lower); {
	case cs >= strongCue:
		return "CUE"
	case cs >= 0.25:
		return "WCUE"
	}
	if isUpperWord(x.txt, t) {
		return "CAP"
	}
	switch {
	case strings.HasSuffix(t.Lower, "ing"):
		return "ING"
	case strings.HasSuffix(t.Lower, "ed"):
		return "ED"
	case strings.HasSuffix(t.Lower, "ly"):
		return "LY"
	case strings.HasSuffix(t.Lower, "s"):
		return "S"
	}
	return "low"
}

func dbucket(n int) string {
	switch {
	case n <= 2:
		return strconv.Itoa(n)
	case n <= 4:
		return "3-4"
	case n <= 8:
		return "5-8"
	case n <= 15:
		return "9-15"
	}
	return "16+"
}

func nbucket(n int) string {
	if n >= 2 {
		return "2"
	}
	return strconv.Itoa(n)
}

// featBuf builds feature names without allocating and hands each to emit.
type featBuf struct {
	b    []byte
	emit func([]byte)
	// sum, when set, receives the summed weights instead of emit.
	sum *float64
	// emitIn makes the features emit the per-token inclusion features
	// (training); the scorer adds them from prefix sums instead.
	emitIn bool
}

// inFeats emits the inclusion features of token i (none inside quotes).
func (x *docCtx) inFeats(i int, cls, word string, fb *featBuf) {
	if i < 0 || i >= len(x.toks) || x.inQuote(x.toks[i].Start) {
		return
	}
	fb.f(cls, x.cls(i))
	fb.f(word, x.wordOf(i))
}

// inWeight is the learned weight of taking token i into a content at its
// start (e false) or end.
func (x *docCtx) inWeight(i int, e bool, sc *scorer) float64 {
	sc.sum = 0
	if e {
		x.inFeats(i, "e.in=", "e.inw=", &sc.fb)
	} else {
		x.inFeats(i, "s.in=", "s.inw=", &sc.fb)
	}
	return sc.sum
}

func (fb *featBuf) f(parts ...string) {
	if fb.sum != nil {
		// Scoring: hash the parts in place.
		h := uint64(fnvOffset)
		for _, p := range parts {
			for i := 0; i < len(p); i++ {
				h ^= uint64(p[i])
				h *= fnvPrime
			}
		}
		*fb.sum += float64(boundHash[h])
		return
	}
	fb.b = fb.b[:0]
	for _, p := range parts {
		fb.b = append(fb.b, p...)
	}
	fb.emit(fb.b)
}

// wordOf is a token's lower-cased text for lexical features, or its class
// for a capitalised word that is neither a stopword nor a cue (names stay
// out of the learned table) and for numbers.
func (x *docCtx) wordOf(i int) string {
	if i < 0 || i >= len(x.toks) {
		return "NONE"
	}
	t := x.toks[i]
	r, _ := utf8.DecodeRuneInString(t.Lower)
	if unicode.IsDigit(r) || !text.IsStopword(t.Lower) && cueStrength(t.Lower) < 0.25 && unicode.IsLetter(r) {
		return x.cls(i)
	}
	return t.Lower
}

// between counts, over the tokens [a, b) outside quotes, the strong cue
// words and the commas.
func (x *docCtx) between(a, b int) (cues, commas int) {
	a, b = max(a, 0), min(b, len(x.toks))
	if a >= b {
		return 0, 0
	}
	return int(x.bt.cues[b] - x.bt.cues[a]), int(x.bt.commas[b] - x.bt.commas[a])
}

// mkind is the kind of mention, for conjoined features.
func (f *bframe) mkind() string {
	switch {
	case len(f.m.Fragments) >= 2:
		return "frag"
	case f.widened:
		return "wide"
	}
	return "plain"
}

// startFeats emits the features of candidate start c.
func (x *docCtx) startFeats(f *bframe, c bcand, fb *featBuf) {
	k := f.mkind()
	d := x.nwords(c.tok, f.qa)
	if c.off >= f.q.Start {
		d = 0
	}
	db := dbucket(d)
	fb.f("s.bias")
	fb.f("s.d=", db)
	fb.f("s.d=", db, "|", k)
	if c.rule {
		fb.f("s.rule")
		fb.f("s.rule|", k)
	}
	if c.off == f.q.Start {
		fb.f("s.q|", k)
		if x.introduced(f.q.Start) {
			fb.f("s.q|intro")
		}
	}
	sentStart := f.sa
	p := c.tok - 1
	pc := x.cls(p)
	if c.tok <= sentStart {
		pc = "BOS"
	}
	fb.f("s.p=", pc)
	fb.f("s.p=", pc, "|", db)
	fb.f("s.pw=", x.wordOf(p))
	fb.f("s.pw=", x.wordOf(p), "|", k)
	if c.rule {
		fb.f("s.rule|p=", pc)
	}
	fb.f("s.ppw=", x.wordOf(p-1), "_", x.wordOf(p))
	fb.f("s.w=", x.wordOf(c.tok))
	fb.f("s.c=", x.cls(c.tok))
	fb.f("s.pw_w=", x.wordOf(p), "_", x.wordOf(c.tok))
	if p >= sentStart && p < len(x.toks) {
		if j := int(x.bt.lastCue[p]); j >= sentStart {
			g := dbucket(x.nwords(j+1, c.tok))
			fb.f("s.lc=", g, "|", pc)
			fb.f("s.lcw=", x.wordOf(j), "|", g)
		} else {
			fb.f("s.lc=none|", pc)
		}
	}
	fb.f("s.pc=", x.cls(p-1), "_", pc)
	cues, commas := x.between(c.tok, f.qa)
	fb.f("s.cues=", nbucket(cues))
	fb.f("s.commas=", nbucket(commas))
	fb.f("s.cc=", nbucket(cues), nbucket(commas), "|", k)
	fb.f("s.cc=", nbucket(cues), nbucket(commas), "|p=", pc)
	intro := "-"
	if f.qa > 0 {
		intro = x.cls(f.qa - 2)
	}
	fb.f("s.cc=", nbucket(cues), nbucket(commas), "|i=", intro)
	bc, _ := x.between(sentStart, c.tok)
	fb.f("s.cuesBefore=", nbucket(bc))
	// The words the content takes in before the quote (summed from prefix
	// sums when scoring, see refine).
	if fb.emitIn && c.off < f.q.Start {
		for i := c.tok; i < f.qa-1; i++ {
			x.inFeats(i, "s.in=", "s.inw=", fb)
		}
	}
	fb.f("s.bos=", dbucket(x.nwords(sentStart, c.tok)), "|", pc)
}

// endFeats emits the features of candidate end c.
func (x *docCtx) endFeats(f *bframe, c bcand, fb *featBuf) {
	k := f.mkind()
	d := 0
	if c.off > f.q.End {
		d = x.nwords(f.qb, c.tok+1)
	}
	db := dbucket(d)
	fb.f("e.bias")
	fb.f("e.d=", db)
	fb.f("e.d=", db, "|", k)
	if c.rule {
		fb.f("e.rule")
		fb.f("e.rule|", k)
	}
	if c.off == f.q.End {
		fb.f("e.q|", k)
		// the quote's own last punctuation
		if f.qb < len(x.toks) {
			fb.f("e.qp=", x.cls(f.qb), "_", x.cls(f.qb+1))
		}
	}
	sentEnd := f.sb
	n := c.tok + 1
	nc := x.cls(n)
	if n >= sentEnd {
		nc = "EOS"
	}
	fb.f("e.n=", nc)
	fb.f("e.n=", nc, "|", db)
	fb.f("e.nw=", x.wordOf(n))
	fb.f("e.eos=", dbucket(x.nwords(n, sentEnd)), "|", nc)
	fb.f("e.nw=", x.wordOf(n), "|", k)
	if c.rule {
		fb.f("e.rule|n=", nc)
	}
	fb.f("e.nnw=", x.wordOf(n), "_", x.wordOf(n+1))
	fb.f("e.w=", x.wordOf(c.tok))
	fb.f("e.c=", x.cls(c.tok))
	fb.f("e.w_nw=", x.wordOf(c.tok), "_", x.wordOf(n))
	if n < sentEnd {
		if j := int(x.bt.nextCue[n]); j < sentEnd {
			g := dbucket(x.nwords(n, j))
			fb.f("e.ncue=", g, "|", nc)
			fb.f("e.ncw=", x.wordOf(j), "|", g)
		} else {
			fb.f("e.ncue=none|", nc)
		}
	}
	fb.f("e.nc=", nc, "_", x.cls(n+1))
	cues, commas := x.between(f.qb, c.tok+1)
	fb.f("e.cues=", nbucket(cues))
	fb.f("e.commas=", nbucket(commas))
	fb.f("e.cc=", nbucket(cues), nbucket(commas), "|", k)
	fb.f("e.cc=", nbucket(cues), nbucket(commas), "|n=", nc)
	if fb.emitIn && c.off > f.q.End {
		for i := f.qb; i <= c.tok; i++ {
			x.inFeats(i, "e.in=", "e.inw=", fb)
		}
	}
	if cue := f.m.Cue; cue.Len() > 0 {
		switch {
		case cue.End <= f.q.Start:
			fb.f("e.cueBeforeQ")
		case cue.Start >= c.off:
			fb.f("e.cue>")
		default:
			fb.f("e.cue<")
		}
	}
	if sp := f.m.SpeakerSpan; sp.Len() > 0 && sp.Start >= f.q.End {
		if sp.Start >= c.off {
			fb.f("e.spk>")
		} else {
			fb.f("e.spk<")
		}
	}
}

// filterFeats emits the features that decide whether mention m is kept.
func (x *docCtx) filterFeats(f *bframe, fb *featBuf) {
	m := f.m
	qt := x.txt[f.q.Start:f.q.End]
	w := countWords(qt)
	wb := dbucket(w)
	fb.f("f.bias")
	fb.f("f.w=", wb)
	spk := "none"
	switch {
	case m.SpeakerText != "" && m.Cue.Len() > 0:
		spk = "cue"
	case m.SpeakerText != "":
		spk = "spk"
	}
	fb.f("f.spk=", spk)
	fb.f("f.spk=", spk, "|", wb)
	fb.f("f.k=", f.mkind())
	fb.f("f.k=", f.mkind(), "|", wb)
	last, _ := utf8.DecodeLastRuneInString(x.txt[f.q.Start:quotedParts(m)[len(quotedParts(m))-1].End])
	fb.f("f.last=", string(last))
	caps, content := 0, 0
	for _, s := range strings.Fields(qt) {
		r, _ := utf8.DecodeRuneInString(s)
		if !unicode.IsLetter(r) {
			continue
		}
		content++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	tc := "mixed"
	switch {
	case content == 0:
		tc = "none"
	case caps == content:
		tc = "title"
	case caps == 0:
		tc = "lower"
	}
	fb.f("f.case=", tc, "|", wb)
	if strings.ContainsAny(qt, "<>=/@#") {
		fb.f("f.markup")
	}
	fb.f("f.p=", x.cls(f.qa-2))
	fb.f("f.n=", x.cls(f.qb+1))
	fb.f("f.pw=", x.wordOf(f.qa-2))
	cues, _ := x.between(f.sa, f.sb)
	fb.f("f.cues=", nbucket(cues), "|", spk)
	if pi := x.paraOf(f.q.Start); pi >= 0 && pi < len(x.paras) && !hasWordIn(x.txt, x.paras[pi].Start, f.q.Start) {
		fb.f("f.paraStart")
	}
	if x.paraOf(f.q.Start) == 0 {
		fb.f("f.firstPara")
	}
	fb.f("f.nw=", x.wordOf(f.qb+1))
	fb.f("f.pw=", x.wordOf(f.qa-2), "|", wb)
	fb.f("f.ppw=", x.wordOf(f.qa-3), "_", x.wordOf(f.qa-2))
	if w <= 4 {
		for i := f.qa; i < f.qb; i++ {
			fb.f("f.qw=", x.wordOf(i))
		}
	}
}

// score sums the weights of the features that build emits.
type scorer struct {
	fb  featBuf
	sum float64
}

func newScorer() *scorer {
	s := &scorer{}
	s.fb.sum = &s.sum
	return s
}

// boundHash is boundTable keyed by the 64-bit FNV-1a hash of each feature
// name (faster to look up than the strings; no collision among them is
// checked at start-up).
var boundHash = func() map[uint64]float32 {
	m := make(map[uint64]float32, len(boundTable))
	for k, v := range boundTable {
		h := hashFeat([]byte(k))
		if _, dup := m[h]; dup {
			panic("quotes: boundary feature hash collision: " + k)
		}
		m[h] = v
	}
	return m
}()

const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211

func hashFeat(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// refine re-draws the boundaries of the direct mentions with the learned
// model and drops those the filter rejects.
func (x *docCtx) refine(out []accord.QuoteMention) []accord.QuoteMention {
	if len(boundTable) == 0 {
		return out
	}
	x.prepBound()
	sc := newScorer()
	var cands []bcand
	var in []float64
	j := 0
	for i := range out {
		m := &out[i]
		f, ok := x.boundFrame(m)
		if !ok || !m.Direct {
			out[j] = out[i]
			j++
			continue
		}
		sc.sum = 0
		x.filterFeats(&f, &sc.fb)
		if sc.sum < 0 && !x.labelled(m, f.q) || x.titleLike(&f) {
			continue
		}
		start, end := f.rule.Start, f.rule.End
		best := 0.0
		cands = x.startCands(&f, cands[:0])
		// Inclusion weights summed from the quote outwards.
		in = in[:0]
		if len(cands) > 0 {
			lo := cands[0].tok
			in = append(in, make([]float64, max(f.qa-1-lo, 0)+1)...)
			for i := f.qa - 2; i >= lo; i-- {
				in[i-lo] = in[i-lo+1] + x.inWeight(i, false, sc)
			}
			for k, c := range cands {
				sc.sum = 0
				x.startFeats(&f, c, &sc.fb)
				if c.off < f.q.Start && c.tok-lo < len(in) {
					sc.sum += in[c.tok-lo]
				}
				if k == 0 || sc.sum > best {
					best, start = sc.sum, c.off
				}
			}
		}
		cands = x.endCands(&f, cands[:0])
		in = in[:0]
		if len(cands) > 0 {
			hi := cands[len(cands)-1].tok
			acc := 0.0
			for i := f.qb; i <= hi; i++ {
				acc += x.inWeight(i, true, sc)
				in = append(in, acc)
			}
			for k, c := range cands {
				sc.sum = 0
				x.endFeats(&f, c, &sc.fb)
				if c.off > f.q.End && c.tok-f.qb >= 0 && c.tok-f.qb < len(in) {
					sc.sum += in[c.tok-f.qb]
				}
				if k == 0 || sc.sum > best {
					best, end = sc.sum, c.off
				}
			}
		}
		if start != f.rule.Start || end != f.rule.End {
			x.setBounds(m, start, end)
		}
		if j > 0 && out[j-1].Direct && m.Span.Start > out[j-1].Span.End {
			p := &out[j-1]
			pp := quotedParts(p)
			if joins(x.txt, trimmed(x.txt, pp[len(pp)-1]), p.Cue, p.SpeakerSpan, f.q, m.Cue, m.SpeakerSpan) {
				// “…,” X said. “…”: one statement.
				p.Fragments = append(slices.Clip(pp), quotedParts(m)...)
				p.Span.End = m.Span.End
				p.Text = x.txt[p.Span.Start:p.Span.End]
				p.Partial = p.Partial || m.Partial
				continue
			}
		}
		if j > 0 && out[j-1].Direct && out[j-1].Span == m.Span {
			// Two quotes drawn to one content are one mention.
			p := &out[j-1]
			if len(p.Fragments) == 0 {
				p.Fragments = []accord.Span{p.Span}
			}
			p.Fragments = append(p.Fragments, quotedParts(m)...)
			continue
		}
		out[j] = out[i]
		j++
	}
	return out[:j]
}

// titleLike reports whether the quote of f is a title or name in quotation
// marks rather than speech: two to eight words, every one capitalised but for
// short function words, after a possessive or a determiner and followed by a
// lower-case word or punctuation (running text, not a title-case headline),
// with no speaker, no cue and no cue-like word near it ("the network’s “Morning
// Show” on Sunday"). A name with a naming cue ("what had been called the
// “Golden Week”") is an attributed content in PolNeAR, so it stays.
func (x *docCtx) titleLike(f *bframe) bool {
	m, q := f.m, f.q
	if m.SpeakerText != "" || m.Cue.Len() > 0 || len(m.Fragments) > 1 {
		return false
	}
	n := 0
	for _, w := range strings.Fields(x.txt[q.Start:q.End]) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		n++
		if !unicode.IsUpper(r) && !text.IsStopword(strings.ToLower(w)) {
			return false
		}
	}
	if n < 2 || n > 8 {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(x.txt[q.Start:m.Span.End]); last == '.' || last == '?' || last == '!' {
		// "… ‘Honesty Is In Question.’": a sentence, not a name
		return false
	}
	p := f.qa - 2 // the word before the opening mark
	if p < 0 || p >= len(x.toks) {
		return false
	}
	pw := x.txt[x.toks[p].Start:x.toks[p].End]
	if !strings.HasSuffix(pw, "’s") && !strings.HasSuffix(pw, "'s") && !determiners[strings.ToLower(pw)] {
		return false
	}
	nx := f.qb
	for nx < len(x.toks) && isMarkTok(x.toks[nx].Lower) {
		nx++
	}
	if nx < len(x.toks) && isUpperWord(x.txt, x.toks[nx]) {
		return false
	}
	for i := max(p-2, 0); i < min(nx+2, len(x.toks)); i++ {
		if (i < p || i >= f.qb) && (x.cls(i) == "CUE" || x.cls(i) == "WCUE") {
			return false
		}
	}
	return true
}

// joins reports whether the quote q2 (cue cue2, speaker spk2) goes on the
// statement of the quote q1 before it: q1 has its attribution after it
// (cue1, speaker spk1) and ends a sentence, and q2 follows in the same
// paragraph with no cue of its own, continuing the same speaker (“…,” X
// said. “…”), with one attribution sentence between that names the speaker
// or is short and goes on with no other speech act. PolNeAR keeps most such
// quotes as one content (a quote after it in the paragraph with an
// attribution of its own is another).
func joins(txt string, q1, cue1, spk1, q2, cue2, spk2 accord.Span) bool {
	if cue1.Len() <= 0 || cue1.Start < q1.End || cue2.Len() > 0 || spk1.Len() <= 0 || spk2 != spk1 || q2.Start <= q1.End {
		return false
	}
	gap := txt[q1.End:q2.Start]
	if strings.Contains(gap, "\n") {
		return false
	}
	// One attribution sentence between: “…,” X said [on Monday]. “…”
	mid := strings.TrimRight(strings.TrimLeft(gap, " \"“”'’‘,.?!;:"), " \"“”'’‘")
	body, ok := strings.CutSuffix(mid, ".")
	if !ok {
		return false
	}
	_, pro := pronouns[strings.ToLower(txt[spk1.Start:spk1.End])]
	named := !pro && spk1.Start >= q1.End && spk1.End <= q2.Start
	if !named && len(strings.Fields(body)) > 8 {
		return false
	}
	prev := ' '
	for i, r := range body {
		// a lower-case word ending a sentence inside ("… he said. She …")
		if (r == '.' || r == '?' || r == '!') && unicode.IsLower(prev) && i+2 < len(body) && body[i+1] == ' ' && unicode.IsUpper(rune(body[i+2])) {
			return false
		}
		prev = r
	}
	// … not one that goes on with another speech act (“, adding that …”).
	for _, part := range strings.Split(body, ", ")[1:] {
		if w, _, _ := strings.Cut(part, " "); strings.HasSuffix(w, "ing") && cueStrength(strings.ToLower(w)) >= 0.45 {
			return false
		}
	}
	return true
}

// Joins is joins for two consecutive mentions of Boundaries.
func Joins(txt string, a, b *BoundaryMention) bool {
	return joins(txt, a.Quote, a.Cue, a.Speaker, b.Quote, b.Cue, b.Speaker)
}

// labelled reports whether m's speaker is a transcript label inside its
// quote ("“SMITH: …"), a sign of speech too rare in the training data for
// the filter to learn.
func (x *docCtx) labelled(m *accord.QuoteMention, q accord.Span) bool {
	sp := m.SpeakerSpan
	return sp.Len() > 0 && sp.End <= q.Start && q.Start-sp.End <= 3 && x.inQuote(sp.Start)
}

// setBounds moves mention m to the trimmed boundaries start and end, keeping
// the quoted parts' own closing punctuation when a boundary meets them.
func (x *docCtx) setBounds(m *accord.QuoteMention, start, end int) {
	parts := quotedParts(m)
	sp := accord.Span{Start: start, End: end}
	if start == trimmed(x.txt, m.Span).Start {
		sp.Start = m.Span.Start
	}
	if end == trimmed(x.txt, m.Span).End {
		sp.End = m.Span.End
	} else if last := parts[len(parts)-1]; end == trimmed(x.txt, last).End {
		sp.End = last.End
	}
	// The quoted parts stay inside, with their own punctuation.
	sp.Start = min(sp.Start, parts[0].Start)
	sp.End = max(sp.End, parts[len(parts)-1].End)
	if len(m.Fragments) == 0 && sp != m.Span {
		m.Fragments = []accord.Span{m.Span}
	}
	m.Span = sp
	m.Text = x.txt[sp.Start:sp.End]
	m.Partial = len(m.Fragments) > 0 && (sp.Start < m.Fragments[0].Start || sp.End > m.Fragments[len(m.Fragments)-1].End)
}

// BoundaryCandidate is one candidate boundary of a mention with its
// features, for training (quotes/internal/genbound).
type BoundaryCandidate struct {
	Offset int // trimmed boundary offset
	Rule   bool
	Feats  []string
}

// BoundaryMention is one direct mention as the rules drew it, with the
// candidates of its start and end and the filter's features.
type BoundaryMention struct {
	Span, Quote  accord.Span   // the rules' span and the quoted hull, trimmed
	Fragments    []accord.Span // the quoted parts, trimmed
	Starts, Ends []BoundaryCandidate
	Filter       []string
	Cue, Speaker accord.Span // the mention's cue and speaker, as the rules found them
}

// Boundaries returns the direct mentions of d as the rules draw them, with
// their candidate boundaries and features.
func Boundaries(d *accord.Document) []BoundaryMention {
	x := newCtx(d)
	if x == nil {
		return nil
	}
	out := x.attribute(findQuoted(x.txt, x.paras))
	x.prepBound()
	var res []BoundaryMention
	var cur *[]string
	fb := featBuf{emit: func(b []byte) { *cur = append(*cur, string(b)) }, emitIn: true}
	var cands []bcand
	for i := range out {
		m := &out[i]
		f, ok := x.boundFrame(m)
		if !ok || !m.Direct {
			continue
		}
		bm := BoundaryMention{Span: f.rule, Quote: f.q, Cue: m.Cue, Speaker: m.SpeakerSpan}
		for _, p := range m.Fragments {
			bm.Fragments = append(bm.Fragments, trimmed(x.txt, p))
		}
		cur = &bm.Filter
		x.filterFeats(&f, &fb)
		cands = x.startCands(&f, cands[:0])
		for _, c := range cands {
			bc := BoundaryCandidate{Offset: c.off, Rule: c.rule}
			cur = &bc.Feats
			x.startFeats(&f, c, &fb)
			bm.Starts = append(bm.Starts, bc)
		}
		cands = x.endCands(&f, cands[:0])
		for _, c := range cands {
			bc := BoundaryCandidate{Offset: c.off, Rule: c.rule}
			cur = &bc.Feats
			x.endFeats(&f, c, &fb)
			bm.Ends = append(bm.Ends, bc)
		}
		res = append(res, bm)
	}
	return res
}
