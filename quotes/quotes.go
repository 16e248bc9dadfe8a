// Package quotes finds direct quotes in news text, attributes them to their
// speakers, and matches one statement across outlets.
//
// The document stage (Extractor) pairs quotation marks of every style within
// paragraphs (“ ” " ‘ ’ ' « » „), follows quotes that run on over paragraphs,
// joins a quote interrupted by its attribution (“…,” she said, “…”) into one
// mention, widens a quoted fragment inside a reported clause (X said that …
// “…”) to the clause, and finds the speaker next to a speech cue learned from
// PolNeAR training cues (X said, said X, according to X, X, who …, said,
// pronouns and role nouns through the entity chains). Quoted words with no
// speech around them (scare quotes, titles, names) are dropped.
//
// The corpus stage (Matcher) groups the mentions of every document into
// distinct statements (see match.go).
package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// Extractor is the per-document quote stage.
type Extractor struct{}

// New returns the quote extraction stage.
func New() *Extractor { return &Extractor{} }

// Name implements accord.DocStage.
func (*Extractor) Name() string { return "quotes" }

// Annotate implements accord.DocStage: it sets d.Quotes.
func (*Extractor) Annotate(d *accord.Document) error {
	d.Quotes = Extract(d)
	return nil
}

// docCtx holds one document's layers while extracting.
type docCtx struct {
	d     *accord.Document
	txt   string
	paras []accord.Span
	sents []accord.Span
	toks  []accord.Token
	// last named speaker, for pronoun fallback and quote continuation.
	last      speaker
	lastPara  int
	haveLast  bool
	mentionsK bool // d.Mentions has any named mention
}

type speaker struct {
	idx  int // index into d.Mentions or -1
	text string
	span accord.Span
	kind string
	ok   bool
}

// Extract returns the quotes of d, in text order. It computes paragraphs,
// sentences and tokens itself when the document has none.
func Extract(d *accord.Document) []accord.QuoteMention {
	if d == nil || d.Text == "" {
		return nil
	}
	x := &docCtx{d: d, txt: d.Text, paras: d.Paragraphs, sents: d.Sentences, toks: d.Tokens}
	if !utf8.ValidString(x.txt) {
		x.txt = strings.ToValidUTF8(x.txt, "\uFFFD")
		if len(x.txt) != len(d.Text) {
			return nil // offsets would not be true
		}
	}
	if len(x.paras) == 0 {
		x.paras = text.Paragraphs(x.txt)
	}
	if len(x.sents) == 0 {
		for _, p := range x.paras {
			x.sents = append(x.sents, text.Sentences(x.txt, p)...)
		}
	}
	if len(x.toks) == 0 {
		x.toks = text.Tokens(x.txt, accord.Span{Start: 0, End: len(x.txt)})
	}
	for _, m := range d.Mentions {
		if m.Kind == accord.MentionName {
			x.mentionsK = true
			break
		}
	}
	qs := findQuoted(x.txt, x.paras)
	return x.attribute(qs)
}

// sentenceOf returns the sentence span containing off, or the paragraph.
func (x *docCtx) sentenceOf(off int, para int) accord.Span {
	lo, hi := 0, len(x.sents)
	for lo < hi {
		m := (lo + hi) / 2
		if x.sents[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(x.sents) && x.sents[lo].Start <= off {
		return x.sents[lo]
	}
	if para >= 0 && para < len(x.paras) {
		return x.paras[para]
	}
	return accord.Span{Start: off, End: off}
}

func (x *docCtx) nextSentence(after int, para accord.Span) (accord.Span, bool) {
	for _, s := range x.sents {
		if s.Start >= after && s.Start < para.End {
			return s, true
		}
		if s.Start >= para.End {
			break
		}
	}
	return accord.Span{}, false
}

// attribution is what was found around one quote.
type attribution struct {
	sub      subject
	cue      accord.Span
	where    int // 1 after the quote, 2 before it, 3 next sentence, 0 none
	between  tokRange
	mixStart int // start of a reported clause that contains the quote, or -1
}

func (x *docCtx) findAttribution(q quoted, prevEnd, nextStart int) attribution {
	a := attribution{mixStart: -1}
	para := x.paras[q.Para]
	sOpen := x.sentenceOf(q.Open.Start, q.Para)
	beforeLo := sOpen.Start
	if prevEnd > beforeLo {
		beforeLo = prevEnd
	}
	if beforeLo > q.Open.Start {
		beforeLo = q.Open.Start
	}
	before := tokensIn(x.toks, accord.Span{Start: beforeLo, End: q.Open.Start})
	beforeWords := 0
	for i := before.a; i < before.b; i++ {
		if isWord(x.toks[i]) {
			beforeWords++
		}
	}
	// After the quote, up to the end of the sentence of the closing mark or
	// the next quote.
	if q.Closed {
		sClose := x.sentenceOf(q.Close.Start, q.Para)
		hi := sClose.End
		if hi <= q.Close.End {
			// The sentence ends at the quote; a short next sentence may name
			// the speaker ("… .” Trump said.).
			hi = q.Close.End
		}
		if nextStart >= 0 && nextStart < hi {
			hi = nextStart
		}
		after := tokensIn(x.toks, accord.Span{Start: q.Close.End, End: hi})
		if r, ok := x.afterPattern(after); ok && (beforeWords == 0 || r.where == 1) {
			a = r
			a.mixStart = -1
			a.between = tokRange{after.a, r.between.b}
			if beforeWords == 0 {
				return a
			}
		}
		if a.where == 0 && beforeWords == 0 && hi == q.Close.End {
			if ns, ok := x.nextSentence(q.Close.End, para); ok && (nextStart < 0 || ns.Start < nextStart) {
				nt := tokensIn(x.toks, ns)
				if nt.b-nt.a <= 14 {
					if r, ok := x.afterPattern(tokRange{nt.a, min(nt.b, nt.a+6)}); ok && r.where == 1 {
						r.where = 3
						return r
					}
				}
			}
		}
	}
	if beforeWords > 0 {
		// The last cue before the quote in its sentence.
		for c := before.b - 1; c >= before.a; c-- {
			w := x.toks[c].Lower
			if !isCue(w) {
				continue
			}
			var sub subject
			if w == "according" {
				sub = subjectAfter(x.txt, x.toks, c, before.b)
			} else {
				sub = subjectBefore(x.txt, x.toks, before.a, c)
				if !sub.Found {
					sub = subjectAfter(x.txt, x.toks, c, before.b)
				}
			}
			if !sub.Found {
				continue
			}
			if a.where == 1 && a.sub.Found {
				// Both sides: keep the after-quote attribution.
				break
			}
			r := attribution{sub: sub, cue: x.toks[c].Span, where: 2, mixStart: -1}
			// Words between the cue (or the inverted subject) and the quote
			// make the quote part of a reported clause.
			k := c + 1
			if w == "according" || sub.Span.Start > x.toks[c].Start {
				for k < before.b && x.toks[k].Start < sub.Span.End {
					k++
				}
			}
			for k < before.b && !isWord(x.toks[k]) {
				k++
			}
			if k < before.b {
				r.mixStart = x.toks[k].Start
			}
			return r
		}
	}
	return a
}

// afterPattern reads "…,” Sherman said", "…,” said Sherman", "…,” the
// official told reporters" from the tokens after a closing mark.
func (x *docCtx) afterPattern(r tokRange) (attribution, bool) {
	i := r.a
	for i < r.b && !isWord(x.toks[i]) && x.toks[i].Lower != "“" && x.toks[i].Lower != "\"" {
		i++
	}
	if i >= r.b {
		return attribution{}, false
	}
	if isCue(x.toks[i].Lower) {
		sub := subjectAfter(x.txt, x.toks, i, r.b)
		if sub.Found {
			end := tokensIn(x.toks, accord.Span{Start: x.toks[i].Start, End: sub.Span.End}).b
			return attribution{sub: sub, cue: x.toks[i].Span, where: 1, between: tokRange{r.a, end}, mixStart: -1}, true
		}
		return attribution{}, false
	}
	for c := i + 1; c < r.b && c <= i+12; c++ {
		w := x.toks[c].Lower
		if w == "“" || w == "\"" || w == "." || w == ";" {
			break
		}
		if !isCue(w) {
			continue
		}
		sub := subjectBefore(x.txt, x.toks, i, c)
		if sub.Found && sub.Span.Start <= x.toks[i].End+1 || sub.Found && sub.Kind == accord.MentionName && c-i <= 12 {
			return attribution{sub: sub, cue: x.toks[c].Span, where: 1, between: tokRange{r.a, c + 1}, mixStart: -1}, true
		}
		break
	}
	return attribution{}, false
}

// resolve maps a speaker phrase to a mention (through the chains for pronouns
// and role nouns) or, without mentions, to a name found in the text.
func (x *docCtx) resolve(sub subject, para int) speaker {
	if !sub.Found {
		return speaker{idx: -1}
	}
	ms := x.d.Mentions
	if len(ms) > 0 {
		best := -1
		for i, m := range ms {
			if m.Overlaps(sub.Span) {
				if best < 0 || (m.Kind == accord.MentionName && ms[best].Kind != accord.MentionName) {
					best = i
				}
			}
		}
		if best >= 0 {
			m := ms[best]
			if m.Kind != accord.MentionName && m.Chain >= 0 {
				// The nearest named mention of the chain before it, else any.
				named := -1
				for i, o := range ms {
					if o.Chain == m.Chain && o.Kind == accord.MentionName {
						if o.Start <= m.Start || named < 0 {
							named = i
						}
					}
				}
				if named >= 0 {
					best = named
				}
			}
			if ms[best].Kind == accord.MentionName {
				mm := ms[best]
				return speaker{idx: best, text: mm.Text, span: mm.Span, kind: accord.MentionName, ok: true}
			}
		}
	}
	switch sub.Kind {
	case accord.MentionName:
		sp := stripRoles(x.txt, sub.Span)
		return speaker{idx: -1, text: x.txt[sp.Start:sp.End], span: sp, kind: accord.MentionName, ok: true}
	case accord.MentionPronoun:
		lw := strings.ToLower(x.txt[sub.Span.Start:sub.Span.End])
		if lw == "i" || lw == "we" || lw == "you" {
			// First person inside a quote's attribution is the writer or a
			// group; only a known previous speaker helps.
		}
		if x.haveLast && para-x.lastPara <= 4 {
			l := x.last
			return l
		}
		if nm, ok := x.nameBefore(sub.Span.Start); ok {
			return nm
		}
		return speaker{idx: -1, text: x.txt[sub.Span.Start:sub.Span.End], span: sub.Span, kind: accord.MentionPronoun, ok: true}
	default:
		sp := sub.Span
		return speaker{idx: -1, text: x.txt[sp.Start:sp.End], span: sp, kind: accord.MentionNominal, ok: true}
	}
}

// nameBefore finds the nearest capitalised multi-word name before off, within
// a few sentences: the fallback antecedent of a pronoun when no entity stage
// has run.
func (x *docCtx) nameBefore(off int) (speaker, bool) {
	hi := tokensIn(x.toks, accord.Span{Start: 0, End: off}).b
	for i := hi - 1; i >= 0 && i >= hi-120; i-- {
		t := x.toks[i]
		if !isUpperWord(x.txt, t) || !isWord(t) || i+1 >= len(x.toks) {
			continue
		}
		if i > 0 && isUpperWord(x.txt, x.toks[i-1]) && isWord(x.toks[i-1]) {
			continue
		}
		j := i
		for j+1 < hi && isUpperWord(x.txt, x.toks[j+1]) && isWord(x.toks[j+1]) {
			j++
		}
		if j > i && !isSentenceStartWord(t.Lower) {
			sp := stripRoles(x.txt, accord.Span{Start: t.Start, End: x.toks[j].End})
			return speaker{idx: -1, text: x.txt[sp.Start:sp.End], span: sp, kind: accord.MentionName, ok: true}, true
		}
	}
	return speaker{}, false
}

// qfeat are the features that decide whether quoted words are speech.
type qfeat struct {
	words     int
	titleCase bool
	endPunct  bool // the content ends with , . ? ! (speech punctuation)
	initial   bool // the quote opens its sentence
}

func (x *docCtx) features(q quoted) qfeat {
	c := x.txt[q.Content.Start:q.Content.End]
	ws := text.Words(c)
	f := qfeat{words: len(ws)}
	last, _ := utf8.DecodeLastRuneInString(c)
	f.endPunct = last == ',' || last == '.' || last == '?' || last == '!' || last == '…'
	caps, content := 0, 0
	for _, w := range strings.Fields(c) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		if text.IsStopword(strings.ToLower(w)) && len(w) <= 4 {
			continue
		}
		content++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	f.titleCase = content > 0 && caps == content && !f.endPunct
	s := x.sentenceOf(q.Open.Start, q.Para)
	f.initial = len(text.Words(x.txt[s.Start:q.Open.Start])) == 0
	return f
}

// speech decides whether a quote with these features is reported speech.
func speech(f qfeat, attributed, continued bool) bool {
	if continued {
		return true
	}
	if f.titleCase && f.words <= 8 {
		return attributed && f.words >= 3
	}
	if attributed {
		return true
	}
	return f.words >= minUnattributedWords || (f.initial && f.endPunct && f.words >= 3)
}

// minUnattributedWords is how long quoted words with no speech cue must be to
// count as a quote.
const minUnattributedWords = 8

func (x *docCtx) attribute(qs []quoted) []accord.QuoteMention {
	var out []accord.QuoteMention
	// lastByPara remembers the speaker of the last quote per paragraph, for
	// continuation.
	var prevSpk speaker
	prevPara := -10
	for i := 0; i < len(qs); i++ {
		q := qs[i]
		prevEnd, nextStart := -1, -1
		if i > 0 && qs[i-1].Para == q.Para && qs[i-1].Closed {
			prevEnd = qs[i-1].Close.End
		}
		if i+1 < len(qs) && qs[i+1].Para == q.Para {
			nextStart = qs[i+1].Open.Start
		}
		a := x.findAttribution(q, prevEnd, nextStart)
		f := x.features(q)
		var spk speaker
		if a.sub.Found {
			spk = x.resolve(a.sub, q.Para)
		}
		continued := false
		if !spk.ok && prevSpk.ok && (q.Continued || (q.Para-prevPara <= 1 && f.initial && f.words >= 3 && !f.titleCase)) {
			spk = prevSpk
			continued = true
		}
		if !speech(f, a.sub.Found, q.Continued) {
			continue
		}
		m := accord.QuoteMention{Span: q.Content, Speaker: -1, Direct: true}
		if a.sub.Found {
			m.Cue = a.cue
		}
		// A quote interrupted by its attribution: “…,” she said, “…”.
		if a.where == 1 && i+1 < len(qs) && qs[i+1].Para == q.Para && q.Closed {
			n := qs[i+1]
			gap := tokensIn(x.toks, accord.Span{Start: q.Close.End, End: n.Open.Start})
			if gap.b <= a.between.b+2 && gap.b-gap.a <= 16 {
				na := x.findAttribution(n, q.Close.End, nextAfter(qs, i+1))
				if na.where == 0 || na.where == 2 && na.sub.Span == a.sub.Span {
					m.Span = accord.Span{Start: q.Content.Start, End: n.Content.End}
					m.Fragments = []accord.Span{q.Content, n.Content}
					i++
					q = n
				}
			}
		}
		if a.where == 2 && a.mixStart >= 0 && a.mixStart < q.Content.Start {
			// A reported clause with a quoted part: X said that … “…” ….
			s := x.sentenceOf(q.Open.Start, q.Para)
			end := s.End
			if q.Closed && end < q.Close.End {
				end = q.Close.End
			}
			if !q.Closed {
				end = q.Content.End
			}
			m.Fragments = []accord.Span{q.Content}
			m.Span = trimSpace(x.txt, accord.Span{Start: a.mixStart, End: end})
			m.Partial = true
		} else if !f.initial {
			m.Partial = true
		}
		if m.Fragments != nil {
			m.Span = trimEndPunct(x.txt, m.Span)
		}
		if m.Span.Len() <= 0 {
			continue
		}
		m.Text = x.txt[m.Span.Start:m.Span.End]
		if spk.ok {
			m.Speaker = spk.idx
			m.SpeakerText = spk.text
			m.SpeakerSpan = spk.span
			if spk.kind == accord.MentionName && !continued {
				x.last, x.lastPara, x.haveLast = spk, q.Para, true
			}
			prevSpk, prevPara = spk, q.Para
		} else {
			prevSpk = speaker{}
		}
		out = append(out, m)
	}
	return out
}

func nextAfter(qs []quoted, i int) int {
	if i+1 < len(qs) && qs[i+1].Para == qs[i].Para {
		return qs[i+1].Open.Start
	}
	return -1
}

// trimEndPunct drops closing marks that a widened span may end with, keeping
// the words' own punctuation.
func trimEndPunct(txt string, sp accord.Span) accord.Span {
	for sp.End > sp.Start {
		r, n := utf8.DecodeLastRuneInString(txt[sp.Start:sp.End])
		if r == '”' || r == '"' || r == '’' || r == '»' || unicode.IsSpace(r) {
			sp.End -= n
			continue
		}
		break
	}
	return sp
}
