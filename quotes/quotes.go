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
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
)

// Extractor is the per-document quote stage.
type Extractor struct {
	// DirectOnly drops reported speech without quotation marks (mentions
	// with Direct false).
	DirectOnly bool
}

// New returns the quote extraction stage.
func New() *Extractor { return &Extractor{} }

// Name implements accord.DocStage.
func (*Extractor) Name() string { return "quotes" }

// Annotate implements accord.DocStage: it sets d.Quotes.
func (e *Extractor) Annotate(d *accord.Document) error {
	d.Quotes = extract(d, !e.DirectOnly)
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
	last     speaker
	lastPara int
	haveLast bool
	// lastAt is where the last named speaker's quote opens.
	lastAt int
	// gender of names written after an honorific (genders).
	gender map[string]string
	// chainGender: the entities layer's gender of each person chain
	// (entities.ChainGenders), computed on first use (chainDone).
	chainGender map[int]string
	chainDone   bool
	// quoted are the contents of all quotes, in order.
	quoted []accord.Span
	// collect, when set, receives every candidate instead of filtering.
	collect *[]Candidate
	// bt holds the boundary model's per-token arrays (bound.go).
	bt *btoks
	// ments indexes the mentions by place; chainNames lists each chain's
	// name mentions, chainSorted whether their starts ascend
	// (spanindex.go). Built on first use.
	ments       *spanIndex
	chainNames  map[int][]int32
	chainSorted map[int]bool
	// quotedSorted: the quotes' starts ascend (set by attribute).
	quotedSorted bool
	// buf is scratch for spanIndex answers.
	buf []int
}

type speaker struct {
	idx  int // index into d.Mentions or -1
	text string
	span accord.Span
	kind string
	ok   bool
	// mute: the attribution's subject is a noun that cannot be a source
	// ("according to the recent development"): no speaker, and no other
	// speaker is guessed for the quote either.
	mute bool
}

// Extract returns the quotes of d, in text order. It computes paragraphs,
// sentences and tokens itself when the document has none.
// Reported speech without quotation marks ("X said that …", "…, X said")
// comes with Direct false.
func Extract(d *accord.Document) []accord.QuoteMention { return extract(d, true) }

func extract(d *accord.Document, indirect bool) []accord.QuoteMention {
	x := newCtx(d)
	if x == nil {
		return nil
	}
	qs := findQuoted(x.txt, x.paras)
	out := x.headline(x.refine(x.attribute(qs)), qs)
	if indirect {
		out = append(out, x.indirect(out)...)
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// headline reads a first paragraph of the form "Label: words with a
// ‘quote’" (a news headline naming its speaker, "Jane Roe: Plan Is ‘Dead
// on Arrival’"): the statement is all the words after the label, said by
// it, when the label is at most four capitalised words and no cue stands
// outside quotes after it (PolNeAR annotates the whole rest as the
// content: 42 of 46 such train headlines).
func (x *docCtx) headline(out []accord.QuoteMention, qs []quoted) []accord.QuoteMention {
	if len(x.paras) == 0 {
		return out
	}
	p := x.paras[0]
	r := tokensIn(x.toks, p)
	colon := -1
	for k := r.a; k < r.b && k <= r.a+6; k++ {
		w := x.toks[k]
		if w.Lower == ":" {
			colon = k
			break
		}
		if !(isUpperWord(x.txt, w) && isWord(w) || w.Lower == "." || connectors[w.Lower] || w.Lower == "the") {
			return out
		}
	}
	if colon <= r.a || colon-r.a > 5 {
		return out
	}
	rest := trimEndPunct(x.txt, trimSpace(x.txt, accord.Span{Start: x.toks[colon].End, End: p.End}))
	var frags []accord.Span
	for _, q := range qs {
		if q.Para == 0 && q.Content.Start >= rest.Start && q.Content.End <= p.End {
			frags = append(frags, q.Content)
		}
	}
	if len(frags) == 0 || x.nwordsIn(rest) < 3 {
		return out
	}
	lab := accord.Span{Start: x.toks[r.a].Start, End: x.toks[colon-1].End}
	for k := colon + 1; k < r.b; k++ {
		if isCue(x.toks[k].Lower) && !x.inQuote(x.toks[k].Start) {
			// "Jane Roe: Voters Worried About …; It's ‘…’": the spans
			// stay as drawn, but the label says the whole headline.
			spk := x.resolve(subject{Span: lab, Kind: accord.MentionName, Found: true}, 0)
			if !spk.ok || spk.idx < 0 {
				return out
			}
			for i, o := range out {
				if o.Direct && o.Span.Start >= rest.Start && o.Span.End <= p.End {
					out[i].Speaker, out[i].SpeakerText, out[i].SpeakerSpan = spk.idx, spk.text, spk.span
				}
			}
			return out
		}
	}
	if strings.HasSuffix(x.txt[rest.Start:rest.End], ".") {
		rest.End-- // the headline's period (added by cleaning)
	}
	m := accord.QuoteMention{Span: rest, Text: x.txt[rest.Start:rest.End], Direct: true, Partial: true, Speaker: -1,
		Fragments: frags, Cue: x.toks[colon].Span}
	if spk := x.resolve(subject{Span: lab, Kind: accord.MentionName, Found: true}, 0); spk.ok {
		m.Speaker, m.SpeakerText, m.SpeakerSpan = spk.idx, spk.text, spk.span
	}
	keep := out[:0:0]
	done := false
	for _, o := range out {
		if o.Direct && o.Span.Start < p.End && o.Span.End > rest.Start {
			continue
		}
		if !done && o.Span.Start > rest.Start {
			keep = append(keep, m)
			done = true
		}
		keep = append(keep, o)
	}
	if !done {
		keep = append(keep, m)
	}
	return keep
}

// nwordsIn counts the word tokens inside sp.
func (x *docCtx) nwordsIn(sp accord.Span) int {
	r := tokensIn(x.toks, sp)
	n := 0
	for k := r.a; k < r.b; k++ {
		if isWord(x.toks[k]) {
			n++
		}
	}
	return n
}

func newCtx(d *accord.Document) *docCtx {
	if d == nil || d.Text == "" || !utf8.ValidString(d.Text) {
		return nil
	}
	x := &docCtx{d: d, txt: d.Text, paras: d.Paragraphs, sents: d.Sentences, toks: d.Tokens}
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
	x.toks = maskNameCues(x.txt, x.toks, d.Mentions)
	return x
}

// maskNameCues hides cue words that are part of a place's or an
// organization's name ("United States", "Associated Press Reports"): a
// capitalised word after the first of a multi-word name of those types gets
// its written form as its lower-case form, so no cue table matches it. The
// document's own tokens are never changed; a copy is made when needed.
func maskNameCues(txt string, toks []accord.Token, ms []accord.Mention) []accord.Token {
	copied := false
	for _, m := range ms {
		if m.Kind != accord.MentionName || m.Type != "GPE" && m.Type != "ORG" && m.Type != "LOC" && m.Type != "NORP" {
			continue
		}
		lo := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= m.Start })
		for i := lo + 1; i < len(toks) && toks[i].End <= m.End; i++ {
			t := toks[i]
			if cueStrength(t.Lower) < 0.25 || !isUpperWord(txt, t) {
				continue
			}
			if !copied {
				toks = append([]accord.Token(nil), toks...)
				copied = true
			}
			toks[i].Lower = txt[t.Start:t.End]
		}
	}
	return toks
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

// prevSentence returns the sentence right before the one holding off, in
// paragraph para or the one before, when it holds no quoted words.
func (x *docCtx) prevSentence(off, para int) (accord.Span, bool) {
	k := sort.Search(len(x.sents), func(i int) bool { return x.sents[i].End > off })
	if k <= 0 || k > len(x.sents) {
		return accord.Span{}, false
	}
	ps := x.sents[k-1]
	if pp := x.paraOf(ps.Start); pp != para && pp != para-1 {
		return accord.Span{}, false
	}
	if q := sort.Search(len(x.quoted), func(i int) bool { return x.quoted[i].End > ps.Start }); q < len(x.quoted) && x.quoted[q].Start < ps.End {
		return accord.Span{}, false
	}
	return ps, true
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
		if r, ok := x.afterPattern(after); ok && (beforeWords == 0 || !x.hasCueBefore(before)) {
			a = r
			a.mixStart = -1
			a.between = tokRange{after.a, r.between.b}
			if beforeWords == 0 {
				return a
			}
			if r.sub.Kind == accord.MentionPronoun {
				// "X scolded him: “…” she said": the name before beats
				// the pronoun after.
				if b := x.beforeAttribution(q, before); b.sub.Found && b.sub.Kind == accord.MentionName {
					a.sub = b.sub
				}
				return a
			}
		}
		if a.where == 0 && beforeWords == 0 && q.Open.Start == para.Start && q.Para > 0 {
			if r, ok := x.colonIntro(q.Para - 1); ok {
				return r
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
	if !q.Closed && beforeWords == 0 && q.Open.Start == para.Start && q.Para > 0 {
		// A long quote running on into the next paragraphs, introduced
		// by "The Daily Planet reports:".
		if r, ok := x.colonIntro(q.Para - 1); ok {
			return r
		}
	}
	if beforeWords > 0 && !(a.where == 1 && a.sub.Found) {
		if b := x.beforeAttribution(q, before); b.where == 2 || b.where == 4 && a.where == 0 {
			return b
		}
	}
	return a
}

// beforeAttribution finds the cue and speaker of a quote in the words that
// precede it in its sentence.
func (x *docCtx) beforeAttribution(q quoted, before tokRange) attribution {
	type cand struct {
		c   int
		sub subject
	}
	var cands []cand
	for c := before.a; c < before.b; c++ {
		w := x.toks[c].Lower
		if !isCue(w) {
			continue
		}
		var sub subject
		if w == "according" {
			sub = subjectAfter(x.txt, x.toks, c, before.b)
		} else {
			prev := ""
			if c > before.a {
				prev = x.toks[c-1].Lower
			}
			if strings.HasSuffix(w, "ing") && prev == "," || prev == "to" {
				// "X spoke …, arguing that …", "X took to Twitter to
				// accuse …": the main clause's subject.
				if len(cands) > 0 {
					sub = cands[len(cands)-1].sub
				} else {
					sub = x.mainSubject(before.a, c)
				}
			} else {
				sub = subjectBefore(x.txt, x.toks, before.a, c)
			}
			if !sub.Found {
				// "Said Trump: “…”": an inverted name right before the quote.
				if s2 := subjectAfter(x.txt, x.toks, c, before.b); s2.Found && s2.Kind == accord.MentionName && !notName[strings.ToLower(x.txt[s2.Span.Start:s2.Span.End])] {
					if e := tokensIn(x.toks, accord.Span{Start: s2.Span.End, End: q.Open.Start}); e.b == e.a || e.b-e.a == 1 && (x.toks[e.a].Lower == ":" || x.toks[e.a].Lower == ",") {
						sub = s2
					}
				}
			}
			if !sub.Found && strings.HasSuffix(w, "ing") {
				// A participle shares its main clause's subject:
				// "X dismissed it, saying …".
				if len(cands) > 0 {
					sub = cands[len(cands)-1].sub
				} else {
					sub = x.mainSubject(before.a, c)
				}
			}
		}
		if sub.Found {
			cands = append(cands, cand{c, sub})
		}
	}
	if n := len(cands); n > 1 {
		// A cue before an earlier quote of the sentence that a contrast
		// clause follows introduced that quote: when a cue stands after
		// it, the earlier ones are out ("X called them “…,” while Ms Roe
		// replied … what she called “…”").
		for k := before.b - 1; k > cands[0].c; k-- {
			if isMarkTok(x.toks[k].Lower) && x.inQuote(x.toks[k].Start-1) {
				n1 := k + 1
				if n1 < before.b && x.toks[n1].Lower == "," {
					n1++
				}
				if n1 >= before.b || !contrast[x.toks[n1].Lower] {
					break
				}
				j := 0
				for j < n && cands[j].c < k {
					j++
				}
				if j < n {
					cands = cands[j:]
				}
				break
			}
		}
	}
	if len(cands) > 0 {
		pick := cands[len(cands)-1]
		lw := x.toks[pick.c].Lower
		direct := before.b-pick.c <= 2 || pick.sub.Span.End >= x.toks[max(before.b-2, before.a)].Start
		if !direct && !(strings.HasSuffix(lw, "ing") && cueStrength(lw) >= 0.6) {
			for _, cd := range cands {
				if cueStrength(x.toks[cd.c].Lower) >= speechCue {
					pick = cd
					break
				}
			}
		}
		c, sub := pick.c, pick.sub
		if sub.Kind != accord.MentionName {
			// A named speaker of another cue of the sentence is better
			// evidence than a pronoun or role noun.
			for k := len(cands) - 1; k >= 0; k-- {
				if cands[k].sub.Kind == accord.MentionName {
					sub = cands[k].sub
					break
				}
			}
		}
		r := attribution{sub: sub, cue: x.toks[c].Span, where: 2, mixStart: -1}
		r.mixStart = x.clauseStart(c, sub, before, q)
		return r
	}
	if sub, ok := x.headingLabel(before); ok {
		// "- Acme coach Jane Doe: “…”": a name as a heading label.
		return attribution{sub: sub, where: 2, mixStart: -1}
	}
	// No speaker found, but a cue: the quote may still sit in a reported
	// clause ("… by announcing that the statement was “true.”").
	for c := before.a; c < before.b; c++ {
		if cueStrength(x.toks[c].Lower) >= speechCue {
			return attribution{cue: x.toks[c].Span, where: 4, mixStart: x.clauseStart(c, subject{}, before, q)}
		}
	}
	return attribution{mixStart: -1}
}

// headingLabel reads a speaker label that is all the sentence holds before
// a quote: at most eight words, the last ones a capitalised name, then a
// colon ("Acme coach Jane Doe:", "- Jane Doe:"), no cue or clause word.
func (x *docCtx) headingLabel(before tokRange) (subject, bool) {
	a, b := before.a, before.b
	for a < b && !isWord(x.toks[a]) {
		a++ // a dash or bullet
	}
	if b-a < 2 || b-a > 9 || x.toks[b-1].Lower != ":" || !isUpperWord(x.txt, x.toks[b-2]) || !isWord(x.toks[b-2]) {
		return subject{}, false
	}
	for k := a; k < b-1; k++ {
		w := x.toks[k].Lower
		if !isWord(x.toks[k]) && w != "'s" && w != "’s" || cueStrength(w) >= 0.25 || nonNominal[w] && !connectors[w] || pronouns[w] != "" {
			return subject{}, false
		}
	}
	sub := nameBack(x.txt, x.toks, a, b-2)
	return sub, sub.Found
}

// clauseStart returns where the reported clause that holds quote q begins,
// after its cue at token c, or -1 when the quote follows its cue directly
// (X said: “…”) and is no clause of its own.
func (x *docCtx) clauseStart(c int, sub subject, before tokRange, q quoted) int {
	k := c + 1
	lw := x.toks[c].Lower
	if lw == "according" || sub.Span.Start > x.toks[c].Start {
		for k < before.b && x.toks[k].Start < sub.Span.End {
			k++
		}
	}
	// "told reporters that …", "tweeted in the early hours that …".
	for j := k; j < before.b && j <= k+10; j++ {
		w := x.toks[j].Lower
		if w == "that" || w == "whether" {
			k = j
			break
		}
		if isCue(w) || w == "." || w == ";" {
			break
		}
	}
	for k < before.b && !isWord(x.toks[k]) {
		k++
	}
	if k >= before.b {
		return -1
	}
	// A comma or colon right before the opening mark introduces the quote
	// as such: "…, adding later, “…”".
	j := q.Open.Start
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(x.txt[:j])
		if !unicode.IsSpace(r) {
			if r == ':' || r == ',' && !strings.HasSuffix(strings.ToLower(x.txt[x.toks[k].Start:j-n]), "that") {
				return -1
			}
			break
		}
		j -= n
	}
	return x.toks[k].Start
}

// clauseEnd returns where a reported clause holding the quote q ends: at the
// closing mark when punctuation or a new clause follows it, else at the end
// of the words that go on after it (“the gold standard” of trade deals), up
// to the sentence's end or a clause break.
func (x *docCtx) clauseEnd(qs []quoted, i int) (int, int) {
	q := qs[i]
	if !q.Closed {
		return q.Content.End, i
	}
	s := x.sentenceOf(q.Close.Start, q.Para)
	end := q.Close.End
	last := i
	rest := tokensIn(x.toks, accord.Span{Start: end, End: s.End})
	if rest.a < rest.b {
		if r, ok := x.afterPattern(rest); ok && r.where == 1 {
			return end, last // "…,” she said."
		}
	}
	afterClose := rest.a
	for k := rest.a; k < rest.b; k++ {
		t := x.toks[k]
		w := t.Lower
		if last+1 < len(qs) && qs[last+1].Para == q.Para && t.Start >= qs[last+1].Open.Start {
			// Another quote in the clause: take it in.
			last++
			if !qs[last].Closed {
				return qs[last].Content.End, last
			}
			end = qs[last].Close.End
			for k+1 < rest.b && x.toks[k+1].Start < end {
				k++
			}
			afterClose = k + 1
			continue
		}
		if k == afterClose && contrast[w] && strings.HasSuffix(strings.TrimRight(x.txt[qs[last].Content.Start:qs[last].Content.End], " "), ",") {
			// “…,” while …: the comma inside the closing mark.
			return end, last
		}
		switch w {
		case ";", "—", "–", "(", ":":
			return end, last
		case ",":
			if k+1 < rest.b && x.clauseBreak(k+1, rest.b) {
				return end, last
			}
		case "and", "but", "or":
			if k+1 < rest.b && isCue(x.toks[k+1].Lower) {
				return end, last
			}
			nextOpens := k+1 < rest.b && last+1 < len(qs) && qs[last+1].Para == q.Para && x.toks[k+1].Start == qs[last+1].Open.Start
			if w == "but" && k == afterClose && !nextOpens {
				return end, last
			}
		}
		if isWord(t) || w == "’s" || w == "'s" || w == "%" || w == "$" || w == "-" {
			end = t.End
		}
	}
	return end, last
}

// contrast words open a new clause after a quote ending in a comma (“…,”
// while …).
var contrast = map[string]bool{"while": true, "whereas": true, "although": true, "though": true, "but": true}

// clauseJoiner are words that join a following clause to the one before.
var clauseJoiner = map[string]bool{"and": true, "but": true, "or": true, "while": true, "whereas": true, "what": true,
	"as": true, "which": true, "who": true, "that": true}

// clauseBreak reports whether the words from token k (after a comma) start a
// new clause: a participle, "but", a relative pronoun, or an attribution.
func (x *docCtx) clauseBreak(k, hi int) bool {
	w := x.toks[k].Lower
	switch w {
	case "but", "which", "who", "while", "whereas", "although", "though", "according", "as", "so",
		"a", "an", "another", "before", "after":
		return true
	}
	if strings.HasSuffix(w, "ing") && len(w) > 5 || isCue(w) {
		return true
	}
	if r, ok := x.afterPattern(tokRange{k, hi}); ok && r.where == 1 {
		return true
	}
	return false
}

// continuationGap reports whether the words between two quotes, after the
// attribution ending at token from, only close the attribution: no further
// cue ("…,” he said, adding, “…”) and a comma, period or colon right before
// the second quote (not "…” a doctor had typed “…”).
func (x *docCtx) continuationGap(gap tokRange, from int) bool {
	for k := max(from, gap.a); k < gap.b; k++ {
		if isCue(x.toks[k].Lower) {
			return false
		}
	}
	if gap.b <= gap.a {
		return false
	}
	w := x.toks[gap.b-1].Lower
	return w == "," || w == "." || w == ":"
}

// runsOn reports whether words of the same sentence follow the quote's
// closing mark (the quote is part of a longer clause).
func (x *docCtx) runsOn(q quoted) bool {
	if !q.Closed {
		return false
	}
	s := x.sentenceOf(q.Close.Start, q.Para)
	r := tokensIn(x.toks, accord.Span{Start: q.Close.End, End: s.End})
	return r.a < r.b && isWord(x.toks[r.a])
}

func (x *docCtx) hasCueBefore(r tokRange) bool {
	for i := r.a; i < r.b; i++ {
		if isCue(x.toks[i].Lower) {
			return true
		}
	}
	return false
}

// sentenceSubject reads a capitalised name that opens the tokens [a, c): the
// subject of the main clause.
func (x *docCtx) sentenceSubject(a, c int) subject {
	if a+1 < c {
		switch x.toks[a].Lower {
		case "but", "and", "yet", "so":
			a++ // "But Doe hit out at the decision, saying: …"
		}
	}
	if a+1 < c && openers[x.toks[a].Lower] && isUpperWord(x.txt, x.toks[a]) {
		// "However(,) Doe responded …"
		a++
		if x.toks[a].Lower == "," {
			a++
		}
	}
	if a >= c || !isUpperWord(x.txt, x.toks[a]) || notName[x.toks[a].Lower] || isSentenceStartWord(x.toks[a].Lower) || x.opener(a, c) {
		return subject{}
	}
	j := a
	for j+1 < c && isUpperWord(x.txt, x.toks[j+1]) && isWord(x.toks[j+1]) {
		j++
	}
	if j+1 < c && (x.toks[j+1].Lower == "’s" || x.toks[j+1].Lower == "'s") {
		return subject{}
	}
	return subject{Span: accord.Span{Start: x.toks[a].Start, End: x.toks[j].End}, Kind: accord.MentionName, Found: true}
}

// openers are sentence adverbs that open a clause before its subject.
var openers = map[string]bool{"however": true, "meanwhile": true, "moreover": true, "furthermore": true, "nevertheless": true,
	"nonetheless": true, "instead": true, "thus": true, "therefore": true, "indeed": true, "still": true, "otherwise": true,
	"besides": true, "likewise": true, "hence": true, "yes": true, "no": true, "now": true, "today": true, "yesterday": true}

// opener reports whether the capitalised token k (before c) opens its
// sentence without being its subject: a function word ("With Democratic
// leaders …", "All of this …", "To solve …"), a sentence adverb
// ("However,", "Conversely,": a word in -ly before a comma), or a
// participle before a determiner ("Bemoaning the …") — unless the entities
// layer reads a name starting there.
func (x *docCtx) opener(k, c int) bool {
	w := x.toks[k].Lower
	if openers[w] || text.IsStopword(w) && len(w) > 2 && !roleWords[w] && w != "new" && w != "one" && w != "two" {
		return true
	}
	ly := len(w) > 5 && strings.HasSuffix(w, "ly") && k+1 < c && x.toks[k+1].Lower == ","
	if !ly && !(len(w) > 5 && strings.HasSuffix(w, "ing") && k+1 < c && determiners[x.toks[k+1].Lower]) {
		return false
	}
	x.buf = x.mentionIndex().startingAt(x.toks[k].Start, x.buf)
	for _, i := range x.buf {
		m := x.d.Mentions[i]
		// A name the tagger reads there ("Jane Roe, …"); a lone
		// "Conversely," tagged as a person is no name.
		if m.Kind == accord.MentionName && m.Start == x.toks[k].Start && (m.End > x.toks[k].End || !ly && m.Type == "PERSON") {
			return false
		}
	}
	return true
}

// mainSubject is sentenceSubject, or a subject pronoun opening the sentence
// ("He dismissed it, saying: …"): the subject a participle cue shares.
func (x *docCtx) mainSubject(a, c int) subject {
	if a+2 < c && openers[x.toks[a].Lower] && isUpperWord(x.txt, x.toks[a]) && x.toks[a+1].Lower == "," {
		a += 2 // "Meanwhile, it attacked X, saying …"
	}
	if a < c {
		if w := x.toks[a].Lower; w == "he" || w == "she" || w == "they" || w == "it" {
			return subject{Span: x.toks[a].Span, Kind: accord.MentionPronoun, Found: true}
		}
	}
	return x.sentenceSubject(a, c)
}

// startAfter returns the start of the first word after the last cue in
// [from, limit), or of the first word after from, or limit.
func (x *docCtx) startAfter(from, limit int) int {
	r := tokensIn(x.toks, accord.Span{Start: from, End: limit})
	k := r.a
	for c := r.a; c < r.b; c++ {
		if isCue(x.toks[c].Lower) {
			k = c + 1
		}
	}
	for ; k < r.b; k++ {
		if isWord(x.toks[k]) {
			return x.toks[k].Start
		}
	}
	return limit
}

// thatBefore returns where the nearest "that" (or "what X calls") clause
// before q's opening mark begins, within its sentence and 25 tokens and with
// no other quote or clause break between, or q.Content.Start.
func (x *docCtx) thatBefore(q quoted) int {
	s := x.sentenceOf(q.Open.Start, q.Para)
	r := tokensIn(x.toks, accord.Span{Start: s.Start, End: q.Open.Start})
	for k := r.b - 1; k >= r.a && r.b-k <= 25; k-- {
		t := x.toks[k]
		if x.inQuote(t.Start) {
			break
		}
		switch t.Lower {
		case ";", ":", "—", "–", "(", ")", ".":
			return q.Content.Start
		case "that":
			if k+1 < r.b {
				return t.Start
			}
			return q.Content.Start
		case "what":
			// "what it calls “…”"
			if r.b-k <= 4 && k+2 < r.b && isCue(x.toks[k+2].Lower) {
				return t.Start
			}
		}
	}
	return q.Content.Start
}

// phraseBefore returns where the determiners, possessives and capitalised
// words right before q's opening mark begin (at most four tokens, never
// across a cue or punctuation), or q.Content.Start when there are none.
func (x *docCtx) phraseBefore(q quoted) int {
	s := x.sentenceOf(q.Open.Start, q.Para)
	r := tokensIn(x.toks, accord.Span{Start: s.Start, End: q.Open.Start})
	k := r.b
	for k-1 >= r.a && r.b-(k-1) <= 4 {
		t := x.toks[k-1]
		if isCue(t.Lower) || x.inQuote(t.Start) {
			break
		}
		ok := determiners[t.Lower] || t.Lower == "’s" || t.Lower == "'s" || t.Lower == "’" ||
			isUpperWord(x.txt, t) && isWord(t) && !notName[t.Lower] || determiners[strings.ToLower(x.txt[t.Start:t.End])]
		if !ok {
			break
		}
		k--
	}
	if k == r.b {
		return q.Content.Start
	}
	return x.toks[k].Start
}

// clauseSubject reads the name that is the subject of the sentence holding
// q, before q: at the sentence start or after an opening phrase that ends
// with a comma ("In an interview on CBS, House Speaker Paul Ryan (R-Wis.)
// said …").
func (x *docCtx) clauseSubject(q quoted) subject {
	s := x.sentenceOf(q.Open.Start, q.Para)
	r := tokensIn(x.toks, accord.Span{Start: s.Start, End: q.Open.Start})
	starts := []int{r.a}
	win := 14
	if r.a < r.b && x.opener(r.a, r.b) {
		win = 24 // "With harbour officials increasingly worried about …,"
	}
	for k := r.a; k < r.b && k <= r.a+win; k++ {
		if x.toks[k].Lower == "," {
			starts = append(starts, k+1)
			break
		}
	}
	for _, a := range starts {
		if a >= r.b || x.inQuote(x.toks[a].Start) {
			continue
		}
		if sub, ok := x.subjectAt(a, r.b, a > r.a); ok {
			return sub
		}
	}
	if r.a < r.b && x.opener(r.a, r.b) && q.Closed {
		// "Bemoaning the “rigged rules,” Jane Roe accused …": the quote
		// sits in the opening phrase; the subject follows its comma.
		e := tokensIn(x.toks, accord.Span{Start: q.Close.End, End: s.End})
		k, comma := e.a, strings.HasSuffix(strings.TrimSpace(x.txt[q.Content.Start:q.Content.End]), ",")
		for k < e.b && (x.toks[k].Lower == "," || isMarkTok(x.toks[k].Lower)) {
			comma = comma || x.toks[k].Lower == ","
			k++
		}
		if comma && k < e.b {
			if sub, ok := x.subjectAt(k, e.b, true); ok {
				return sub
			}
		}
	}
	return subject{}
}

// subjectAt reads a name opening the tokens [a, c) and followed by a verb
// (lower-case word), a parenthesis or an appositive; or, with pron, a
// he/she there ("However, he called it “…”").
func (x *docCtx) subjectAt(a, c int, pron bool) (subject, bool) {
	if w := x.toks[a].Lower; pron && (w == "he" || w == "she") && a+1 < c && isWord(x.toks[a+1]) && !isUpperWord(x.txt, x.toks[a+1]) {
		return subject{Span: x.toks[a].Span, Kind: accord.MentionPronoun, Found: true}, true
	}
	sub := x.sentenceSubject(a, c)
	if !sub.Found {
		return subject{}, false
	}
	e := tokensIn(x.toks, accord.Span{Start: sub.Span.End, End: x.toks[c-1].End})
	if e.a >= e.b {
		return subject{}, false
	}
	// A verb (lower-case word), a parenthesis or an appositive follows.
	if n := x.toks[e.a]; n.Lower == "(" || n.Lower == "," || isWord(n) && !isUpperWord(x.txt, n) && !nonNominal[n.Lower] || n.Lower == "has" || n.Lower == "was" || n.Lower == "is" {
		return sub, true
	}
	return subject{}, false
}

// possessiveSource reads the owner of a speech noun whose "that" clause
// holds q: "… on Jane Doe's claim that there have been “…”", "Doe's
// repeated assertion that …": the name before the possessive, when no
// other quote, clause break or cue stands between the noun and the quote
// (at most 25 tokens).
func (x *docCtx) possessiveSource(q quoted) subject {
	s := x.sentenceOf(q.Open.Start, q.Para)
	r := tokensIn(x.toks, accord.Span{Start: s.Start, End: q.Open.Start})
	for k := r.b - 1; k >= r.a+1 && r.b-k <= 25; k-- {
		t := x.toks[k]
		if x.inQuote(t.Start) || isMarkTok(t.Lower) {
			return subject{}
		}
		switch t.Lower {
		case ";", ":", "—", "–", "(", ")", ".":
			return subject{}
		}
		if t.Lower != "that" {
			if isCue(t.Lower) {
				return subject{}
			}
			continue
		}
		return x.possessiveOwner(r.a, k, false)
	}
	return subject{}
}

// possessiveOwner reads the owner of the speech noun before the "that" at
// token k (not below token lo): "Doe's repeated assertion that …". The
// noun is a speech cue, or with anyNoun any noun that can carry content
// ("Doe's emphasis that …").
func (x *docCtx) possessiveOwner(lo, k int, anyNoun bool) subject {
	n := k - 1
	if n < lo {
		return subject{}
	}
	if w := x.toks[n].Lower; cueStrength(w) <= 0 && !(anyNoun && lexicon.Known(w) && canBeSource(w)) || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || isUpperWord(x.txt, x.toks[n]) {
		return subject{}
	}
	o := n - 1
	if o > lo && isWord(x.toks[o]) && !isUpperWord(x.txt, x.toks[o]) && !isPossessive(x.toks[o].Lower) && !nonNominal[x.toks[o].Lower] && !determiners[x.toks[o].Lower] {
		o-- // one adjective: "repeated"
	}
	if o < lo || !isPossessive(x.toks[o].Lower) || !isUpperWord(x.txt, x.toks[o]) {
		return subject{}
	}
	sub := nameBack(x.txt, x.toks, lo, o)
	if !sub.Found {
		return subject{}
	}
	end := x.toks[o].End - len("’s")
	if strings.HasSuffix(x.toks[o].Lower, "'s") {
		end = x.toks[o].End - len("'s")
	}
	sub.Span.End = end
	return sub
}

// colonIntro reads an attribution that ends paragraph p with a colon and
// introduces the quote of the next paragraph: "Roe continued:", "The Daily
// Planet reports:".
func (x *docCtx) colonIntro(p int) (attribution, bool) {
	ps := x.paras[p]
	if ps.End <= ps.Start || x.txt[ps.End-1] != ':' {
		return attribution{}, false
	}
	s := x.sentenceOf(ps.End-1, p)
	r := tokensIn(x.toks, s)
	for c := r.b - 1; c >= r.a; c-- {
		if !isCue(x.toks[c].Lower) {
			continue
		}
		sub := subjectBefore(x.txt, x.toks, r.a, c)
		if !sub.Found {
			sub = subjectAfter(x.txt, x.toks, c, r.b)
		}
		if sub.Found {
			return attribution{sub: sub, cue: x.toks[c].Span, where: 3, mixStart: -1}, true
		}
		return attribution{}, false
	}
	// "On July 6, Jane Doe made the following comment:": the subject of
	// a sentence announcing what follows.
	if n := r.b - 3; n > r.a && x.toks[n].Lower == "following" && isWord(x.toks[n+1]) && !isUpperWord(x.txt, x.toks[n+1]) {
		for k := r.a; k < n; k++ {
			if k > r.a && x.toks[k-1].Lower != "," {
				continue
			}
			if sub := x.sentenceSubject(k, n); sub.Found {
				if e := tokensIn(x.toks, accord.Span{Start: sub.Span.End, End: x.toks[n].Start}); e.a < e.b && isWord(x.toks[e.a]) && !isUpperWord(x.txt, x.toks[e.a]) {
					return attribution{sub: sub, cue: x.toks[n+1].Span, where: 3, mixStart: -1}, true
				}
			}
		}
	}
	return attribution{}, false
}

// afterPattern reads "…,” Smith said", "…,” said Smith", "…,” the
// official told reporters" from the tokens after a closing mark.
// writtenNouns are documents that "read" something when quoted:
// "“…,” read the statement".
var writtenNouns = map[string]bool{"statement": true, "release": true, "letter": true, "post": true, "tweet": true,
	"message": true, "note": true, "memo": true, "announcement": true, "notice": true, "report": true, "document": true}

func (x *docCtx) afterPattern(r tokRange) (attribution, bool) {
	i := r.a
	// "“…” ― Sonya Herridge": a dash and a name; "‘…’: US Ambassador to
	// OSCE" closing a headline.
	if i+1 < r.b && (isDash(x.toks[i].Lower) || x.toks[i].Lower == ":" && r.b-i <= 8 && x.endsPara(x.toks[r.b-1].End)) && isUpperWord(x.txt, x.toks[i+1]) {
		if sub := x.phraseSubject(i+1, min(r.b, i+8)); sub.Found && sub.Kind == accord.MentionName {
			sub = x.fullLabel(sub, r.b)
			return attribution{sub: sub, cue: x.toks[i].Span, where: 1, between: tokRange{r.a, i + 1}, mixStart: -1}, true
		}
	}
	for i < r.b && !isWord(x.toks[i]) && x.toks[i].Lower != "“" && x.toks[i].Lower != "\"" {
		i++
	}
	if i >= r.b {
		return attribution{}, false
	}
	if x.toks[i].Lower == "read" && i+2 < r.b && determiners[x.toks[i+1].Lower] && writtenNouns[x.toks[i+2].Lower] {
		// "“…,” read the statement released by X": the writer, else the
		// document itself.
		sub := subject{Span: accord.Span{Start: x.toks[i+1].Start, End: x.toks[i+2].End}, Kind: accord.MentionNominal, Found: true}
		end := i + 3
		for c := i + 3; c+1 < r.b && c <= i+8; c++ {
			if w := x.toks[c].Lower; w == "by" || w == "from" {
				if s2 := subjectAfter(x.txt, x.toks, c, r.b); s2.Found {
					sub, end = s2, tokensIn(x.toks, accord.Span{Start: x.toks[c].Start, End: s2.Span.End}).b
				}
				break
			}
			if !isWord(x.toks[c]) {
				break
			}
		}
		return attribution{sub: sub, cue: x.toks[i].Span, where: 1, between: tokRange{r.a, end}, mixStart: -1}, true
	}
	if isCue(x.toks[i].Lower) {
		sub := subjectAfter(x.txt, x.toks, i, r.b)
		if sub.Found {
			end := tokensIn(x.toks, accord.Span{Start: x.toks[i].Start, End: sub.Span.End}).b
			return attribution{sub: sub, cue: x.toks[i].Span, where: 1, between: tokRange{r.a, end}, mixStart: -1}, true
		}
		// "…, officials say": a noun the cue table half-knows, then the cue.
	}
	window := 10
	if isUpperWord(x.txt, x.toks[i]) || i+1 < r.b && isUpperWord(x.txt, x.toks[i+1]) {
		// "Scott Pruitt, the attorney general of Oklahoma, one of …, said",
		// "Rep. Jim Jordan (R-Ohio), an oversight panel member, said".
		window = 28
	}
	for c := i + 1; c < r.b && c <= i+window; c++ {
		w := x.toks[c].Lower
		if w == "“" || w == "\"" || w == ";" {
			break
		}
		if w == "." && !(c+1 < r.b && (x.toks[c+1].Lower == ")" || x.toks[c+1].Lower == ",")) && !abbrevBefore(x.txt, x.toks, c) {
			break
		}
		if !isCue(w) {
			continue
		}
		sub := subjectBefore(x.txt, x.toks, i, c)
		if !sub.Found || sub.Kind != accord.MentionName {
			sub = x.phraseSubject(i, c)
		}
		if sub.Found && !x.adjacent(sub.Span, c) {
			// "Blige sings to Clinton before asking": the cue belongs to
			// another clause.
			break
		}
		if sub.Found {
			return attribution{sub: sub, cue: x.toks[c].Span, where: 1, between: tokRange{r.a, c + 1}, mixStart: -1}, true
		}
		break
	}
	return attribution{}, false
}

// fullLabel widens a name read from a label after a dash or colon that ends
// the paragraph to the whole label when the rest only continues the name
// with connectors and capitalised words ("US Ambassador to OSCE", "Acme
// chief executive" stays "Acme"): the label is then a nominal speaker.
func (x *docCtx) fullLabel(sub subject, hi int) subject {
	k := sort.Search(len(x.toks), func(i int) bool { return x.toks[i].Start >= sub.Span.End })
	end, words := sub.Span.End, 0
	for ; k < hi; k++ {
		t := x.toks[k]
		switch {
		case isUpperWord(x.txt, t) && isWord(t):
			end = t.End
			words++
			continue
		case labelJoin(t.Lower) && k+1 < hi && (isUpperWord(x.txt, x.toks[k+1]) || labelJoin(x.toks[k+1].Lower)):
			continue
		case !isWord(t) && !x.endsPara(t.Start) && t.Lower != "." && t.Lower != "-":
			return sub
		case !isWord(t):
			continue
		}
		return sub // a lower-case word: not a label
	}
	if words == 0 {
		return sub
	}
	return subject{Span: accord.Span{Start: sub.Span.Start, End: end}, Kind: accord.MentionNominal, Found: true}
}

func labelJoin(w string) bool {
	return connectors[w] || w == "to" || w == "at" || w == "in" || w == "the"
}

// adjacent reports whether the speaker phrase sp reaches the cue at token c:
// at most four words between, unless an appositive (comma, parentheses)
// stands there.
func (x *docCtx) adjacent(sp accord.Span, c int) bool {
	r := tokensIn(x.toks, accord.Span{Start: sp.End, End: x.toks[c].Start})
	if r.b-r.a <= 4 {
		return true
	}
	for k := r.a; k < r.b; k++ {
		if w := x.toks[k].Lower; w == "," || w == "(" {
			return true
		}
	}
	return false
}

// phraseSubject reads the words [i, c) between a quote and its cue as the
// speaker: "Smith", "the US", "Donald Trump, the Republican nominee,", "a
// narrator in the Clinton ad", "he".
func (x *docCtx) phraseSubject(i, c int) subject {
	e := c
	for e > i && (skippable[x.toks[e-1].Lower] || x.toks[e-1].Lower == ",") {
		e--
	}
	if e <= i {
		return subject{}
	}
	t := x.toks[i]
	if e == i+1 {
		if _, ok := pronouns[t.Lower]; ok {
			return subject{Span: t.Span, Kind: accord.MentionPronoun, Found: true}
		}
	}
	if isUpperWord(x.txt, t) && isWord(t) && !(determiners[t.Lower] && e > i+1 && !isUpperWord(x.txt, x.toks[i+1])) {
		j := i
		for j+1 < e {
			w := x.toks[j+1]
			if isUpperWord(x.txt, w) && isWord(w) || (connectors[w.Lower] || w.Lower == "." || w.Lower == "-") && j+2 < e && isUpperWord(x.txt, x.toks[j+2]) {
				j++
				continue
			}
			break
		}
		if !notName[t.Lower] || j > i {
			return subject{Span: accord.Span{Start: t.Start, End: x.toks[j].End}, Kind: accord.MentionName, Found: true}
		}
	}
	// "panel Chairman Rep. Jason Chaffetz (R-Utah)": a role noun, then a name.
	for k := i + 1; k < e && k <= i+3; k++ {
		w := x.toks[k]
		if !isWord(w) {
			break
		}
		if isUpperWord(x.txt, w) && !notName[w.Lower] {
			j := k
			for j+1 < e && (isUpperWord(x.txt, x.toks[j+1]) && isWord(x.toks[j+1]) || x.toks[j+1].Lower == "." && j+2 < e && isUpperWord(x.txt, x.toks[j+2])) {
				j++
			}
			return subject{Span: accord.Span{Start: w.Start, End: x.toks[j].End}, Kind: accord.MentionName, Found: true}
		}
	}
	for k := i; k < e; k++ {
		if !isWord(x.toks[k]) && x.toks[k].Lower != "," && x.toks[k].Lower != "-" && x.toks[k].Lower != "’" && x.toks[k].Lower != "'" {
			return subject{}
		}
	}
	if !(determiners[t.Lower] && e > i+1) && !(e == i+1 && likelyNominalHead(t.Lower)) {
		return subject{}
	}
	return subject{Span: accord.Span{Start: t.Start, End: x.toks[e-1].End}, Kind: accord.MentionNominal, Found: true}
}

// endsPara reports whether only spaces and punctuation follow off in its
// paragraph.
func (x *docCtx) endsPara(off int) bool {
	for _, p := range x.paras {
		if p.Start <= off && off <= p.End {
			for _, r := range x.txt[off:p.End] {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// abbrevBefore reports whether the period token c ends an initial or a short
// abbreviation ("Vann R. Newkirk", "Gov.") rather than a sentence.
func abbrevBefore(txt string, toks []accord.Token, c int) bool {
	if c == 0 {
		return false
	}
	p := toks[c-1]
	return isUpperWord(txt, p) && len(p.Lower) <= 3 && c+1 < len(toks) && isUpperWord(txt, toks[c+1])
}

func isDash(w string) bool { return w == "―" || w == "—" || w == "–" || w == "-" }

// notName are capitalised words that do not name a speaker by themselves.
var notName = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december today yesterday tomorrow the a an this that in on at but and
it there here when while after before then so if`) {
		notName[w] = true
	}
}

// resolve maps a speaker phrase to a mention (through the chains for pronouns
// and role nouns) or, without mentions, to a name found in the text.
func (x *docCtx) resolve(sub subject, para int) speaker {
	if !sub.Found || sub.Passive {
		return speaker{idx: -1}
	}
	if sub.Kind == accord.MentionNominal && !x.nominalCanSpeak(sub.Span) {
		return speaker{idx: -1, mute: true}
	}
	if sub.Kind == accord.MentionPronoun {
		if lw := strings.ToLower(x.txt[sub.Span.Start:sub.Span.End]); lw == "it" || lw == "they" {
			if sp, ok := x.groupAntecedent(lw == "they", sub.Span.Start, para); ok {
				return sp
			}
		}
		if g := pronouns[strings.ToLower(x.txt[sub.Span.Start:sub.Span.End])]; g == "m" || g == "f" {
			if sp, ok := x.salient(g, sub.Span.Start, para); ok {
				return sp
			}
		}
	}
	ms := x.d.Mentions
	if len(ms) > 0 {
		// The overlapping mention that best names a speaker: a name over a
		// pronoun, a person over an organization over a place, the last of
		// equals ("US Deputy Secretary of State John Doe" -> John Doe).
		best, bestScore := -1, -1
		x.buf = x.mentionIndex().overlapping(sub.Span, x.buf)
		for _, i := range x.buf {
			m := ms[i]
			sc := 0
			if m.Kind == accord.MentionName {
				sc += 4
			}
			switch m.Type {
			case "PERSON":
				sc += 2
			case "ORG":
				sc++
			}
			if sub.Kind == accord.MentionNominal && m.Kind == accord.MentionName && m.Start == sub.Span.Start {
				// "US Ambassador to OSCE": the name the nominal opens
				// with is whose role it is.
				sc += 8
			}
			if sc >= bestScore {
				best, bestScore = i, sc
			}
		}
		if best >= 0 {
			m := ms[best]
			if m.Kind != accord.MentionName && m.Chain >= 0 {
				// The nearest named mention of the chain before it, else any.
				if named := x.chainNamed(m.Chain, m.Start); named >= 0 {
					best = named
				}
			}
			clash := sub.Kind == accord.MentionPronoun &&
				x.clashes(pronouns[strings.ToLower(x.txt[sub.Span.Start:sub.Span.End])], speaker{idx: best, text: ms[best].Text, span: ms[best].Span, ok: true})
			if ms[best].Kind == accord.MentionName && !clash {
				mm := ms[best]
				if sub.Kind == accord.MentionNominal && mm.Start >= sub.Span.Start && mm.End <= sub.Span.End && mm.Span != sub.Span {
					// "A US Embassy spokesman", "Mr Smith's spokesman",
					// "a spokeswoman for Acme Corp":
					// the name only modifies the speaker; the reader
					// sees the nominal as written, the entity stays
					// the name's.
					return speaker{idx: best, text: x.txt[sub.Span.Start:sub.Span.End], span: sub.Span, kind: accord.MentionName, ok: true}
				}
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
		g := pronouns[lw]
		nm, okName := x.nameBefore(sub.Span.Start)
		if okName && x.clashes(g, nm) {
			okName = false
		}
		if x.haveLast && para-x.lastPara <= 4 && !(okName && nm.span.Start > x.last.span.End && x.paraOf(nm.span.Start) == para && nm.text != x.last.text) {
			if !x.clashes(g, x.last) {
				return x.last
			}
			if alt, ok := x.genderedBefore(g, sub.Span.Start, para); ok {
				return alt
			}
			okName = false
		}
		if okName {
			return nm
		}
		if alt, ok := x.genderedBefore(g, sub.Span.Start, para); ok {
			return alt
		}
		return speaker{idx: -1, text: x.txt[sub.Span.Start:sub.Span.End], span: sub.Span, kind: accord.MentionPronoun, ok: true}
	default:
		sp := sub.Span
		return speaker{idx: -1, text: x.txt[sp.Start:sp.End], span: sp, kind: accord.MentionNominal, ok: true}
	}
}

// salient finds the antecedent of a he/she at off as a news reader does:
// the subject of its own sentence before it or of the nearest sentence before
// it, in its paragraph or the one before — a name that opens the sentence or follows an opening phrase and a
// comma ("In an essay last week, Jane Roe acknowledged …") —, or the
// speaker of the last quote when that quote opens in such a sentence. A
// sentence whose subject is a he/she of the same gender passes the search
// to the one before it; sentences inside quotes are skipped. A sentence
// with any other subject (a nominal, an organisation, the other gender)
// ends the search: the coreference chains decide then. The chains alone
// link "she" across paragraphs to a name read long before ("“…,” she
// said" after "Roe said the plan …").
func (x *docCtx) salient(g string, off, para int) (speaker, bool) {
	k := sort.Search(len(x.sents), func(i int) bool { return x.sents[i].End > off }) + 1
	for n := 0; n < 7 && k > 0; n++ {
		k--
		if k >= len(x.sents) {
			continue
		}
		s := x.sents[k]
		if pp := x.paraOf(s.Start); pp < para-1 {
			break
		}
		if x.haveLast && x.lastAt >= s.Start && x.lastAt < s.End && x.lastAt < off {
			if x.clashes(g, x.last) || !x.personName(x.last.idx) {
				return speaker{}, false
			}
			return x.last, true
		}
		r := tokensIn(x.toks, accord.Span{Start: s.Start, End: min(s.End, off)})
		if r.a >= r.b || x.inQuote(x.toks[r.a].Start) || isQuoteMark(x.toks[r.a].Lower) {
			continue
		}
		starts := []int{r.a}
		for j := r.a; j < r.b && j <= r.a+14; j++ {
			if x.toks[j].Lower == "," {
				starts = append(starts, j+1)
				break
			}
		}
		same := false
		for _, a := range starts {
			if a >= r.b || x.inQuote(x.toks[a].Start) {
				continue
			}
			if pronouns[x.toks[a].Lower] == g {
				same = true
				break
			}
			sub := x.sentenceSubject(a, r.b)
			if !sub.Found {
				continue
			}
			e := tokensIn(x.toks, accord.Span{Start: sub.Span.End, End: s.End})
			if e.a >= e.b {
				continue
			}
			if nx := x.toks[e.a]; !(nx.Lower == "(" || nx.Lower == "," || isWord(nx) && !isUpperWord(x.txt, nx) && !nonNominal[nx.Lower]) {
				continue
			}
			sp := x.resolve(sub, para)
			if !sp.ok || x.clashes(g, sp) || !x.personName(sp.idx) {
				return speaker{}, false
			}
			return sp, true
		}
		if !same {
			return speaker{}, false
		}
	}
	return speaker{}, false
}

// personName reports whether mention idx is a person's name: a capitalised
// word opening a sentence ("Shifting", "However") is a subject only when
// the entities layer read a name there.
func (x *docCtx) personName(idx int) bool {
	return idx >= 0 && idx < len(x.d.Mentions) && x.d.Mentions[idx].Kind == accord.MentionName && x.d.Mentions[idx].Type == "PERSON"
}

// isQuoteMark reports whether w is a quotation mark token.
func isQuoteMark(w string) bool {
	switch w {
	case "“", "”", "\"", "‘", "’", "'", "«", "»", "„":
		return true
	}
	return false
}

// honorifics give a name's gender where the text writes it ("Mr Lavrov",
// "Ms Roe").
var honorifics = map[string]string{"mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f"}

// genders maps the lower-cased last word of each name the document writes
// after an honorific to "m" or "f" ("" when the document uses both).
func (x *docCtx) genders() map[string]string {
	if x.gender != nil {
		return x.gender
	}
	x.gender = map[string]string{}
	for i := 0; i+1 < len(x.toks); i++ {
		g, ok := honorifics[x.toks[i].Lower]
		if !ok {
			continue
		}
		j := i + 1
		if x.toks[j].Lower == "." && j+1 < len(x.toks) {
			j++
		}
		if !isUpperWord(x.txt, x.toks[j]) || !isWord(x.toks[j]) {
			continue
		}
		st := j
		for j+1 < len(x.toks) && isUpperWord(x.txt, x.toks[j+1]) && isWord(x.toks[j+1]) {
			j++
		}
		w := strings.TrimSuffix(strings.TrimSuffix(x.toks[j].Lower, "’s"), "'s")
		if old, seen := x.gender[w]; seen && old != g {
			g = ""
		}
		x.gender[w] = g
		if j > st {
			// The full name as written: "Ms Anna Roe".
			ws := make([]string, 0, j-st+1)
			for k := st; k <= j; k++ {
				ws = append(ws, strings.TrimSuffix(strings.TrimSuffix(x.toks[k].Lower, "’s"), "'s"))
			}
			x.gender[strings.Join(ws, " ")] = g
		}
	}
	return x.gender
}

// genderOf is the gender the document shows for speaker s ("" unknown):
// an honorific written with the name, else the gender the entities layer
// gives the name's chain (first names, honorifics, he/she pronouns).
func (x *docCtx) genderOf(s speaker) string {
	if g := x.nameGender(s.text); g != "" {
		return g
	}
	return x.entityGender(s.idx, s.span)
}

// entityGender is the entities layer's gender of mention idx or, when idx
// is -1, of the person name mention that span overlaps ("" unknown).
func (x *docCtx) entityGender(idx int, span accord.Span) string {
	ms := x.d.Mentions
	if idx < 0 && span.Len() > 0 {
		x.buf = x.mentionIndex().overlapping(span, x.buf)
		for _, i := range x.buf {
			if m := ms[i]; m.Kind == accord.MentionName && m.Type == "PERSON" {
				idx = i
				if m.Span == span {
					break
				}
			}
		}
	}
	if idx < 0 || idx >= len(ms) || ms[idx].Chain < 0 || ms[idx].Type != "PERSON" {
		return ""
	}
	if !x.chainDone {
		x.chainDone = true
		x.chainGender = entities.ChainGenders(x.d)
	}
	return x.chainGender[ms[idx].Chain]
}

// nameGender is the gender of a name the document writes with an
// honorific: a surname alone takes the honorific's gender ("Lavrov" after
// "Mr Lavrov"), a full name only when it was written so itself ("Ms Anna
// Roe"): "Katherine Jackson" is not "Mr Jackson".
func (x *docCtx) nameGender(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	for i := range f {
		f[i] = strings.TrimSuffix(strings.TrimSuffix(f[i], "’s"), "'s")
	}
	if len(f) > 1 {
		return x.genders()[strings.Join(f, " ")]
	}
	return x.genders()[f[0]]
}

// nonPerson are the entity types no he/she stands for.
var nonPerson = map[string]bool{"ORG": true, "GPE": true, "LOC": true, "FAC": true, "NORP": true}

// clashes reports whether a he/she pronoun of gender g cannot stand for s:
// the document or the entities layer gives s the other gender, or s is a
// named organization or place.
func (x *docCtx) clashes(g string, s speaker) bool {
	if g != "m" && g != "f" || !s.ok {
		return false
	}
	if s.idx >= 0 && s.idx < len(x.d.Mentions) {
		// "she" is no organization or place the entities layer named
		// (but may be "the Acme spokeswoman", whose entity is Acme).
		// An ORG name of three words or more is left alone: the
		// tagger runs titles into person names ("Acme director Jane
		// Roe", "Fathi Bin Shatwan").
		if m := x.d.Mentions[s.idx]; m.Kind == accord.MentionName && nonPerson[m.Type] && (s.span == m.Span || s.span.Len() == 0) &&
			(m.Type != "ORG" || len(strings.Fields(m.Text)) <= 2) {
			return true
		}
	}
	sg := x.genderOf(s)
	return sg != "" && sg != g
}

// genderedBefore finds, for a he/she pronoun at off whose nearest candidate
// has the other gender, the nearest earlier name outside quotes that the
// document writes with an honorific of the pronoun's gender, within twelve
// paragraphs.
func (x *docCtx) genderedBefore(g string, off, para int) (speaker, bool) {
	hi := tokensIn(x.toks, accord.Span{Start: 0, End: off}).b
	for i := hi - 1; i >= 0; i-- {
		t := x.toks[i]
		if p := x.paraOf(t.Start); p >= 0 && para-p > 12 {
			break
		}
		if !isUpperWord(x.txt, t) || !isWord(t) || x.inQuote(t.Start) {
			continue
		}
		if i+1 < len(x.toks) && isUpperWord(x.txt, x.toks[i+1]) && isWord(x.toks[i+1]) {
			continue // not the last word of a name
		}
		a := i
		for a > 0 && isUpperWord(x.txt, x.toks[a-1]) && isWord(x.toks[a-1]) && honorifics[x.toks[a-1].Lower] == "" {
			a--
		}
		sp := accord.Span{Start: x.toks[a].Start, End: t.End}
		if x.genderOf(speaker{idx: -1, text: x.txt[sp.Start:sp.End], span: sp, ok: true}) != g {
			continue
		}
		return x.resolve(subject{Span: sp, Kind: accord.MentionName, Found: true}, para), true
	}
	return speaker{}, false
}

// inQuote reports whether off lies inside quoted words.
func (x *docCtx) inQuote(off int) bool {
	k := sort.Search(len(x.quoted), func(i int) bool { return x.quoted[i].End > off })
	return k < len(x.quoted) && x.quoted[k].Start <= off
}

// paraOf returns the index of the paragraph holding off, or -1.
func (x *docCtx) paraOf(off int) int {
	for i, p := range x.paras {
		if p.Start <= off && off < p.End {
			return i
		}
	}
	return -1
}

// nameBefore finds the nearest capitalised multi-word name before off, within
// a few sentences: the fallback antecedent of a pronoun when no entity stage
// has run.
func (x *docCtx) nameBefore(off int) (speaker, bool) {
	hi := tokensIn(x.toks, accord.Span{Start: 0, End: off}).b
	for i := hi - 1; i >= 0 && i >= hi-120; i-- {
		t := x.toks[i]
		if !isUpperWord(x.txt, t) || !isWord(t) || i+1 >= len(x.toks) || x.inQuote(t.Start) {
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
	// Set by the caller.
	attributed bool
	continued  bool
	cue        int
}

func (x *docCtx) features(q quoted) qfeat {
	c := x.txt[q.Content.Start:q.Content.End]
	f := qfeat{words: countWords(c)}
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
	f.titleCase = content > 0 && caps == content && (!f.endPunct || strings.HasSuffix(c, ","))
	s := x.sentenceOf(q.Open.Start, q.Para)
	f.initial = s.Start >= q.Open.Start || countWords(x.txt[s.Start:q.Open.Start]) == 0
	return f
}

// quotedName reports whether q quotes a single name or letter inside running
// text (detainee 'A' in …, all women "Betty"): a one-word content with no
// punctuation of its own, capitalised or one character long, after a word
// that is no speech cue. No join starts from such a quote; a quoted letter
// is no statement at all (a longer name may still be part of a reported
// clause: PolNeAR annotates `a "Commander-In-Chief" forum` in one).
func (x *docCtx) quotedName(q quoted, f qfeat) bool {
	if f.words != 1 || f.initial || f.endPunct {
		return false
	}
	c := x.txt[q.Content.Start:q.Content.End]
	r, _ := utf8.DecodeRuneInString(c)
	if !unicode.IsUpper(r) && utf8.RuneCountInString(c) > 1 {
		return false
	}
	for _, r := range c {
		if !isLetterOrDigit(r) && r != '-' && r != '\'' && r != '’' && r != '.' {
			return false
		}
	}
	before := tokensIn(x.toks, accord.Span{Start: x.sentenceOf(q.Open.Start, q.Para).Start, End: q.Open.Start})
	if before.b <= before.a {
		return false
	}
	t := x.toks[before.b-1]
	return isWord(t) && cueStrength(t.Lower) < 0.25
}

// countWords counts the runs of letters and digits in s (inner apostrophes
// and hyphens join, as in text.Words).
func countWords(s string) int {
	n, in := 0, false
	for i, r := range s {
		w := text.IsWordRune(r)
		if !w && in && (r == '\'' || r == '’' || r == '-') && i+1 < len(s) {
			nr, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if text.IsWordRune(nr) {
				continue
			}
		}
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// speech decides whether a quote with these features is reported speech:
// by the share of such quotes inside attribution contents in PolNeAR train
// (acceptTable, by the full feature key, else the coarse one), else by rule.
func speech(f qfeat) bool {
	if p, ok := acceptTable[f.key()]; ok {
		return p >= acceptShare
	}
	if p, ok := acceptTable[f.coarse()]; ok {
		return p >= acceptShare
	}
	if f.continued || f.attributed && !(f.titleCase && f.words < 3) {
		return true
	}
	return f.words >= minUnattributedWords || (f.initial && f.endPunct && f.words >= 3)
}

// acceptShare is the share of training quotes with the same features that
// must be speech for a quote to be kept.
const acceptShare = 0.5

func bucketWords(n int) int {
	switch {
	case n <= 3:
		return n
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	case n <= 15:
		return 6
	}
	return 7
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// key is the full feature cell of a quote.
func (f qfeat) key() string {
	return fmt.Sprintf("w%d t%d a%d c%d i%d p%d n%d", bucketWords(f.words), b2i(f.titleCase), b2i(f.attributed), f.cue,
		b2i(f.initial), b2i(f.endPunct), b2i(f.continued))
}

// coarse is the back-off cell.
func (f qfeat) coarse() string {
	return fmt.Sprintf("w%d a%d c%d", bucketWords(f.words), b2i(f.attributed || f.continued), f.cue)
}

// cueBucket grades the strongest cue word in the quote's sentence outside
// the quote: 0 none, 1 weak, 2 strong.
func (x *docCtx) cueBucket(q quoted) int {
	s := x.sentenceOf(q.Open.Start, q.Para)
	r := tokensIn(x.toks, s)
	best := float32(0)
	for i := r.a; i < r.b; i++ {
		t := x.toks[i]
		if t.Start >= q.Open.Start && (t.End <= q.Close.End || !q.Closed) {
			continue
		}
		if c := cueStrength(t.Lower); c > best {
			best = c
		}
	}
	switch {
	case best >= strongCue:
		return 2
	case best >= 0.25:
		return 1
	}
	return 0
}

// label finds a transcript speaker label ("PENCE:", "MR. SMITH:") at the start
// of a quote's content; it returns the label and the rest of the content.
func (x *docCtx) label(c accord.Span) (accord.Span, accord.Span, bool) {
	s := x.txt[c.Start:c.End]
	i := strings.IndexByte(s, ':')
	if i <= 1 || i > 40 {
		return accord.Span{}, accord.Span{}, false
	}
	lab := s[:i]
	letters := 0
	for _, r := range lab {
		if unicode.IsLower(r) {
			return accord.Span{}, accord.Span{}, false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return accord.Span{}, accord.Span{}, false
	}
	rest := trimSpace(x.txt, accord.Span{Start: c.Start + i + 1, End: c.End})
	if rest.Len() == 0 {
		return accord.Span{}, accord.Span{}, false
	}
	return accord.Span{Start: c.Start, End: c.Start + i}, rest, true
}

// Candidate is one quoted stretch with its feature cells, for training the
// acceptance table (quotes/internal/gencues).
type Candidate struct {
	Content accord.Span
	Key     string
	Coarse  string
}

// Candidates returns every quoted stretch of d with its features, before the
// decision whether it is speech.
func Candidates(d *accord.Document) []Candidate {
	var out []Candidate
	x := newCtx(d)
	if x == nil {
		return nil
	}
	x.collect = &out
	x.attribute(findQuoted(x.txt, x.paras))
	return out
}

// minUnattributedWords is how long quoted words with no speech cue must be to
// count as a quote.
const minUnattributedWords = 8

func (x *docCtx) attribute(qs []quoted) []accord.QuoteMention {
	x.quoted = x.quoted[:0]
	for _, q := range qs {
		x.quoted = append(x.quoted, q.Content)
	}
	x.quotedSorted = slices.IsSortedFunc(x.quoted, func(a, b accord.Span) int { return a.Start - b.Start })
	var out []accord.QuoteMention
	// from[k] is the first and last quote of out[k], for speakers given
	// back to a quote that continues in the next one.
	var from [][2]int
	// lastByPara remembers the speaker of the last quote per paragraph, for
	// continuation.
	var prevSpk speaker
	prevPara := -10
	for i := 0; i < len(qs); i++ {
		q := qs[i]
		first := i
		prevEnd, nextStart := -1, -1
		if i > 0 && qs[i-1].Para == q.Para && qs[i-1].Closed && len(strings.Fields(x.txt[qs[i-1].Content.Start:qs[i-1].Content.End])) >= 4 {
			// A long quote before in the sentence has its own attribution;
			// a short quoted name or title does not end the search.
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
		if !spk.ok && !spk.mute && prevSpk.ok && (q.Continued || (q.Para-prevPara <= 1 && f.initial && f.words >= 3 && !f.titleCase)) {
			spk = prevSpk
			continued = true
		}
		if !spk.ok && !spk.mute && f.initial && f.words >= 3 {
			// "X said the plan had failed. “…”": a quote opening the
			// sentence right after reported speech goes on with it.
			if ps, ok := x.prevSentence(q.Open.Start, q.Para); ok {
				if fr := x.sentenceFrame(ps, true); fr.ok && fr.sub.Found {
					spk = x.resolve(fr.sub, q.Para)
				}
			}
		}
		if !spk.ok && !spk.mute && !f.initial {
			// Quoted words inside a sentence with no cue: whoever the
			// sentence is about uses them ("Japan branded North Korea an
			// “outlaw nation”").
			if sub := x.possessiveSource(q); sub.Found {
				spk = x.resolve(sub, q.Para)
			} else if sub := x.controlObject(q); sub.Found {
				spk = x.resolve(sub, q.Para)
			} else if sub := x.clauseSubject(q); sub.Found {
				spk = x.resolve(sub, q.Para)
			}
		}
		f.attributed = a.sub.Found
		f.continued = q.Continued || continued
		f.cue = x.cueBucket(q)
		if x.collect != nil {
			*x.collect = append(*x.collect, Candidate{Content: q.Content, Key: f.key(), Coarse: f.coarse()})
			continue
		}
		if !speech(f) {
			continue
		}
		name := x.quotedName(q, f)
		if name && utf8.RuneCountInString(x.txt[q.Content.Start:q.Content.End]) == 1 {
			// A quoted letter (detainee 'A') is no statement.
			continue
		}
		m := accord.QuoteMention{Span: q.Content, Speaker: -1, Direct: true}
		if lab, rest, ok := x.label(q.Content); ok {
			// A transcript line inside the quote: "NAME: words".
			m.Span = rest
			if !a.sub.Found {
				spk = x.resolve(subject{Span: lab, Kind: accord.MentionName, Found: true}, q.Para)
				continued = false
			}
		}
		if a.sub.Found {
			m.Cue = a.cue
		}
		// A quote interrupted by its attribution: “…,” she said, “…”.
		if (a.where == 1 || a.where == 3) && i+1 < len(qs) && qs[i+1].Para == q.Para && q.Closed && !name {
			n := qs[i+1]
			gap := tokensIn(x.toks, accord.Span{Start: q.Close.End, End: n.Open.Start})
			if gap.b <= a.between.b+mergeExtra && gap.b-gap.a <= mergeGap && !x.runsOn(n) && x.continuationGap(gap, a.between.b) {
				na := x.findAttribution(n, q.Close.End, nextAfter(qs, i+1))
				if na.where == 0 || na.where == 2 && na.sub.Span == a.sub.Span {
					m.Span = accord.Span{Start: q.Content.Start, End: n.Content.End}
					m.Fragments = []accord.Span{q.Content, n.Content}
					i++
					q = n
				}
			}
		}
		if (a.where == 2 || a.where == 4) && a.mixStart >= 0 && a.mixStart < q.Content.Start {
			// A reported clause with a quoted part: X said that … “…” ….
			end, last := x.clauseEnd(qs, i)
			m.Fragments = []accord.Span{q.Content}
			for k := i + 1; k <= last; k++ {
				m.Fragments = append(m.Fragments, qs[k].Content)
			}
			i = last
			m.Span = trimSpace(x.txt, accord.Span{Start: a.mixStart, End: end})
			m.Partial = true
		} else if !f.initial {
			m.Partial = true
			// The noun phrase the quoted words complete belongs to them:
			// "the woman’s “head”", "a “Putin-RibbenTRUMP Pact”".
			if st := x.thatBefore(q); st < q.Content.Start {
				// "… by announcing that the statement was “true.”"
				m.Fragments = []accord.Span{q.Content}
				end, last := x.clauseEnd(qs, i)
				for k := i + 1; k <= last; k++ {
					m.Fragments = append(m.Fragments, qs[k].Content)
				}
				i = last
				m.Span = accord.Span{Start: st, End: max(end, q.Content.End)}
			} else if st := x.phraseBefore(q); st < q.Content.Start {
				m.Fragments = []accord.Span{q.Content}
				m.Span = accord.Span{Start: st, End: q.Content.End}
			}
		} else if a.where != 1 && a.where != 3 && !f.endPunct && x.runsOn(q) {
			// “…” opening a sentence whose words go on: the clause is the
			// statement ("“You squeezed employees” to drive up …").
			end, last := x.clauseEnd(qs, i)
			if end > q.Content.End {
				m.Fragments = []accord.Span{q.Content}
				for k := i + 1; k <= last; k++ {
					m.Fragments = append(m.Fragments, qs[k].Content)
				}
				i = last
				m.Span = accord.Span{Start: q.Content.Start, End: end}
				m.Partial = true
			}
		}
		if m.Fragments != nil {
			m.Span = trimEndPunct(x.txt, m.Span)
			if len(out) > 0 && m.Span.Start < out[len(out)-1].End {
				// A widened clause must not reach into the previous quote:
				// start after the last cue between them, or after it.
				m.Span.Start = x.startAfter(out[len(out)-1].End, m.Fragments[0].Start)
			}
		}
		if m.Span.Len() <= 0 {
			continue
		}
		if a.sub.Found && spk.ok && m.Fragments != nil && m.Span.Start < a.sub.Span.Start && a.sub.Span.End <= m.Fragments[0].Start &&
			!strings.ContainsAny(x.txt[m.Span.Start:m.Fragments[0].Start], ",:;") {
			// "Doe's emphasis that the losses came from what rivals
			// called “fraud”": a clause holding its speaker (no comma
			// between: "that …, Roe said, “…”" is Roe's) is the owner's
			// of the "that" opening it.
			s := x.sentenceOf(q.Open.Start, q.Para)
			r := tokensIn(x.toks, accord.Span{Start: s.Start, End: m.Span.Start})
			if r.b < len(x.toks) && x.toks[r.b].Start == m.Span.Start && x.toks[r.b].Lower == "that" {
				if sub := x.possessiveOwner(r.a, r.b, true); sub.Found {
					spk = x.resolve(sub, q.Para)
				}
			}
		}
		from = append(from, [2]int{first, i})
		m.Text = x.txt[m.Span.Start:m.Span.End]
		if spk.ok {
			m.Speaker = spk.idx
			m.SpeakerText = spk.text
			m.SpeakerSpan = spk.span
			if spk.kind == accord.MentionName && !continued {
				x.last, x.lastPara, x.haveLast, x.lastAt = spk, q.Para, true, q.Open.Start
			}
			prevSpk, prevPara = spk, q.Para
		} else {
			prevSpk = speaker{}
		}
		out = append(out, m)
	}
	// A quote that goes on in the next one without its closing mark
	// ("“… . “…,” he said.") is the same statement: the attribution of the
	// later part names the speaker of the earlier one.
	for k := len(out) - 2; k >= 0; k-- {
		if out[k].Speaker >= 0 || out[k].SpeakerText != "" || out[k+1].SpeakerText == "" {
			continue
		}
		if last := from[k][1]; qs[last].Continues && from[k+1][0] == last+1 {
			out[k].Speaker, out[k].SpeakerText, out[k].SpeakerSpan = out[k+1].Speaker, out[k+1].SpeakerText, out[k+1].SpeakerSpan
		}
	}
	return x.widenToFrames(out)
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

// An attribution between two quotes joins them into one mention when it
// has at most mergeExtra tokens past the speaker and the gap at most
// mergeGap tokens (PolNeAR keeps “…,” said X, a long title. “…” as one
// content).
const mergeExtra, mergeGap = 20, 30
