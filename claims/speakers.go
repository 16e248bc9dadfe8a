package claims

import (
	"sort"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/quantity"
	"github.com/accord-news/accord/text"
)

// attribution is a statement in a sentence with the people named as saying it.
type attribution struct {
	di       *docInfo
	sent     int
	speakers []int // indices into di.persons
	grams    map[string]bool
	stems    map[string]bool // content-word stems of the statement
}

// stem truncates a word to its first four letters: crude, but it lets
// "share" meet "sharing" and "concern" meet "concerns".
func stem(w string) string {
	r := []rune(w)
	if len(r) > 4 {
		return string(r[:4])
	}
	return w
}

// quotedTokens marks the tokens inside quotation marks, or returns nil when
// the sentence quotes nothing (or the marks enclose no word).
func quotedTokens(s *sent) map[int]bool {
	in := false
	out := map[int]bool{}
	for k, t := range s.toks {
		switch t.Lower {
		case "“", "‘", "«":
			in = true
			continue
		case "”", "’", "»":
			in = false
			continue
		case "\"":
			in = !in
			continue
		}
		if in && isWordTok(t.Lower) {
			out[k] = true
		}
	}
	if len(out) < 3 {
		return nil
	}
	return out
}

// statementStems: the content stems of the quoted words of a sentence, or of
// the whole sentence (less the speakers) when nothing is quoted.
func statementStems(di *docInfo, si int, skip map[int]bool) map[string]bool {
	s := &di.sents[si]
	quoted := false
	for _, t := range s.toks {
		switch t.Lower {
		case "\"", "“", "”", "‘", "’", "«", "»":
			quoted = true
		}
	}
	if out := stemsOf(di, si, skip, quoted); len(out) > 0 || !quoted {
		return out
	}
	return stemsOf(di, si, skip, false)
}

func stemsOf(di *docInfo, si int, skip map[int]bool, quoted bool) map[string]bool {
	s := &di.sents[si]
	out := map[string]bool{}
	inQuote := false
	for k, t := range s.toks {
		switch t.Lower {
		case "“", "‘", "«":
			inQuote = true
			continue
		case "”", "’", "»":
			inQuote = false
			continue
		case "\"":
			inQuote = !inQuote
			continue
		}
		if skip[k] || quoted && !inQuote || !isWordTok(t.Lower) {
			continue
		}
		w, _ := stripPoss(t.Lower)
		if !text.IsStopword(w) && !speechVerbs[w] {
			out[stem(w)] = true
		}
	}
	return out
}

// attributions finds "NAME said", "NAME, the ..., said", "said TITLE NAME",
// "according to TITLE NAME", with coordinated names ("X and Y said").
func (di *docInfo) attributions() []attribution {
	var out []attribution
	for si := range di.sents {
		s := &di.sents[si]
		var ps []int
		for pi, p := range di.persons {
			if p.sent == si {
				ps = append(ps, pi)
			}
		}
		if len(ps) == 0 {
			continue
		}
		found := map[int]bool{}
		for v, t := range s.toks {
			isVerb := speechVerbs[t.Lower]
			isAcc := t.Lower == "according" && v+1 < len(s.toks) && s.toks[v+1].Lower == "to"
			if !isVerb && !isAcc {
				continue
			}
			for _, pi := range ps {
				p := di.persons[pi]
				switch {
				case isVerb && p.tokEnd <= v && di.between(si, p.tokEnd, v, true):
					found[pi] = true
				case p.tok > v && !listenerVerb(t.Lower) && di.between(si, v+1, p.tok, false):
					found[pi] = true
				}
			}
		}
		for pi := range found {
			if !di.personLike(pi) {
				delete(found, pi)
			}
		}
		if len(found) == 0 {
			continue
		}
		// Coordinated names: "Craig Zadan and Neil Meron said".
		for changed := true; changed; {
			changed = false
			for _, pi := range ps {
				if found[pi] {
					continue
				}
				p := di.persons[pi]
				for qi := range found {
					q := di.persons[qi]
					if p.tokEnd+1 == q.tok && (s.toks[p.tokEnd].Lower == "and" || s.toks[p.tokEnd].Lower == ",") ||
						q.tokEnd+1 == p.tok && s.toks[q.tokEnd].Lower == "and" {
						found[pi] = true
						changed = true
						break
					}
				}
			}
		}
		var sp []int
		for pi := range found {
			sp = append(sp, pi)
		}
		sort.Ints(sp)
		a := attribution{di: di, sent: si, speakers: sp, grams: map[string]bool{}}
		// Statement n-grams, leaving out the speakers' names.
		skip := map[int]bool{}
		for _, pi := range sp {
			p := di.persons[pi]
			for k := p.tok; k < p.tokEnd; k++ {
				skip[k] = true
			}
		}
		// The listener after "told" is the frame, not the statement ("told
		// BBC Radio Five Live").
		for v, t := range s.toks {
			if !listenerVerb(t.Lower) {
				continue
			}
			skip[v] = true
			for k := v + 1; k < len(s.toks) && di.capTok(si, k); k++ {
				skip[k] = true
			}
		}
		// Quoted words only, when the sentence quotes.
		inQ := quotedTokens(s)
		var ws []string
		for k, t := range s.toks {
			if skip[k] || !isWordTok(t.Lower) || inQ != nil && !inQ[k] {
				continue
			}
			w, _ := stripPoss(t.Lower)
			ws = append(ws, w)
		}
		for i := 0; i+5 <= len(ws); i++ {
			content := 0
			for _, w := range ws[i : i+5] {
				if !text.IsStopword(w) {
					content++
				}
			}
			if content >= 2 {
				a.grams[strings.Join(ws[i:i+5], " ")] = true
			}
		}
		a.stems = statementStems(di, si, skip)
		if len(a.grams) > 0 {
			out = append(out, a)
		}
	}
	return out
}

// listenerVerb: verbs whose following name is the listener ("told X").
func listenerVerb(v string) bool { return v == "told" || v == "tells" }

// personLike: a name of two or more words, or a word no dictionary knows;
// not all capitals.
func (di *docInfo) personLike(pi int) bool {
	p := di.persons[pi]
	if len(p.tokens) < 2 && lexicon.Known(p.surname) {
		full := false
		for _, q := range di.persons {
			if len(q.tokens) > 1 && q.surname == p.surname {
				full = true
			}
		}
		if !full {
			return false // "Authorities said"
		}
	}
	for _, t := range p.tokens {
		if len(t) > 1 && strings.ToUpper(t) == t {
			return false
		}
	}
	return true
}

// between reports whether the tokens [a, b) may separate a speaker from its
// verb: nothing, an adverb, a comma-delimited appositive (before the verb),
// or titles, capitalized words and "of"/"the" (after the verb).
func (di *docInfo) between(si, a, b int, before bool) bool {
	s := &di.sents[si]
	if b < a {
		return false
	}
	n := b - a
	if n == 0 {
		return true
	}
	if before {
		if n == 1 && strings.HasSuffix(s.toks[a].Lower, "ly") {
			return true
		}
		// ", the city's public safety director,"
		if n <= 12 && s.toks[a].Lower == "," && s.toks[b-1].Lower == "," {
			for k := a + 1; k < b-1; k++ {
				l := s.toks[k].Lower
				if l == "said" || l == "\"" || l == "“" || l == "”" {
					return false
				}
			}
			return true
		}
		return false
	}
	if n > 7 {
		return false
	}
	for k := a; k < b; k++ {
		l := s.toks[k].Lower
		raw := di.raw(si, k)
		if l == "to" || l == "the" || l == "of" || l == "his" || l == "her" || l == "their" || l == "by" || isTitleWord(raw) || isUpperWord(raw) {
			continue
		}
		if _, poss := stripPoss(raw); poss {
			continue
		}
		return false
	}
	return true
}

// speakerConflicts: one statement (a shared five-word sequence with content),
// speakers with no surname in common. Both sides are shown; the finding's odd
// side is the speaker named by fewer documents of the story.
func (st *story) speakerConflicts() []finding {
	var all []attribution
	for _, di := range st.docs {
		all = append(all, di.attributions()...)
	}
	var out []finding
	done := map[[2]int]bool{}
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			a, b := &all[i], &all[j]
			if a.di == b.di && a.sent == b.sent {
				continue
			}
			if !sameStatement(a, b) || differentFigures(a, b) {
				continue
			}
			sa, sb := surnames(a), surnames(b)
			onlyA, onlyB := minus(sa, sb), minus(sb, sa)
			if len(onlyA) == 0 || len(onlyB) == 0 {
				continue
			}
			// Surnames of one side written anywhere in the other's sentence
			// (a paraphrase naming both) are no conflict.
			if anyIn(onlyA, b) || anyIn(onlyB, a) {
				continue
			}
			// The odd side: the speaker fewer documents name.
			pa := a.di.persons[speakerBySurname(a, onlyA[0])]
			pb := b.di.persons[speakerBySurname(b, onlyB[0])]
			odd, oth := a, b
			po, pt := pa, pb
			if st.docFreq[pb.surname] < st.docFreq[pa.surname] {
				odd, oth, po, pt = b, a, pb, pa
			}
			key := [2]int{docIndex(st, odd.di)*100000 + odd.sent, docIndex(st, oth.di)*100000 + oth.sent}
			if done[key] {
				continue
			}
			done[key] = true
			fo := &fact{di: odd.di, sent: odd.sent, span: po.span, says: odd.di.d.Text[po.span.Start:po.span.End]}
			ft := &fact{di: oth.di, sent: oth.sent, span: pt.span, says: oth.di.d.Text[pt.span.Start:pt.span.End]}
			if odd.di != oth.di && !st.sameHappening(fo, ft) {
				// One form of words in reports of different happenings
				// ("In a filing with the SEC, X said it sold …").
				continue
			}
			out = append(out, finding{kind: accord.ConflictSpeaker, odd: fo, others: []*fact{ft}, topic: "who said it", symmetric: true})
		}
	}
	// Several documents on the majority side: merge findings of one odd span.
	var merged []finding
	for _, f := range out {
		m := false
		for k := range merged {
			if merged[k].odd.di == f.odd.di && merged[k].odd.span == f.odd.span {
				merged[k].others = append(merged[k].others, f.others...)
				m = true
				break
			}
		}
		if !m {
			merged = append(merged, f)
		}
	}
	return merged
}

func docIndex(st *story, di *docInfo) int {
	for i, d := range st.docs {
		if d == di {
			return i
		}
	}
	return -1
}

// sameStatement: three shared five-word sequences (a shared run of seven
// words), or one and a content-stem Jaccard of at least a quarter.
func sameStatement(a, b *attribution) bool {
	n := 0
	ga, gb := a.grams, b.grams
	if len(ga) > len(gb) {
		ga, gb = gb, ga
	}
	for g := range ga {
		if gb[g] {
			n++
		}
	}
	if n >= 3 {
		return true
	}
	if n == 0 {
		return false
	}
	inter := 0
	for w := range a.stems {
		if b.stems[w] {
			inter++
		}
	}
	return float64(inter) >= 0.25*float64(len(a.stems)+len(b.stems)-inter)
}

// differentFigures: the two statements give figures of one kind (unit and
// counted noun) none of which agree: one form of words about other things
// ("Bolivia expected to export about 9,000 tonnes of tin" and "Zaire is
// expected to produce 1,900 tonnes of tin").
func differentFigures(a, b *attribution) bool {
	qa, qb := sentQs(a.di, a.sent), sentQs(b.di, b.sent)
	for _, x := range qa {
		k := numKey(x)
		if k == "" {
			continue
		}
		seen, agree := false, false
		for _, y := range qb {
			if numKey(y) != k {
				continue
			}
			seen = true
			xl, xh := bounds(x)
			yl, yh := bounds(y)
			if xl <= yh && yl <= xh {
				agree = true
			}
		}
		if seen && !agree {
			return true
		}
	}
	return false
}

// sentQs: the quantities of a sentence.
func sentQs(di *docInfo, si int) []*quantity.Q {
	sp := di.sents[si].span
	var out []*quantity.Q
	for i := range di.qs {
		if q := &di.qs[i]; q.Start >= sp.Start && q.End <= sp.End {
			out = append(out, q)
		}
	}
	return out
}

func surnames(a *attribution) []string {
	var out []string
	for _, pi := range a.speakers {
		out = append(out, a.di.persons[pi].surname)
	}
	return out
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		in := false
		for _, y := range b {
			if x == y {
				in = true
			}
		}
		if !in {
			out = append(out, x)
		}
	}
	return out
}

func anyIn(names []string, a *attribution) bool {
	for _, n := range names {
		for _, w := range a.di.sents[a.sent].words {
			if w == n {
				return true
			}
		}
	}
	return false
}

func speakerBySurname(a *attribution, sn string) int {
	for _, pi := range a.speakers {
		if a.di.persons[pi].surname == sn {
			return pi
		}
	}
	return a.speakers[0]
}
