package quotes

import (
	"sort"
	"strings"
	"sync"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
)

// Speakers written "it" or "they": an organisation or a group, read as a
// news reader reads them. "The Harbour Board on Friday condemned … what it
// called “…”" is the board's; "Acme's campaign is defending the posts. It
// is denouncing what it calls “…”" is the campaign's (the previous
// sentence's subject); "During the strike, the Ledger backed the union: ¶
// … ¶ Meanwhile, it attacked the mayor, saying …" is the Ledger's (a
// subject two paragraphs back, past sentences about a person); "Critics of
// the plan … see it as a chance … They sent a letter … ¶ “…,” they wrote"
// is the critics'. A person is never "it"; a singular person is never
// "they".

// groupVerdict is what a sentence's subject says about an it/they
// antecedent search.
const (
	gvNone   = iota // no subject read: try the sentence before
	gvSame          // the same pronoun: the sentence before decides
	gvPerson        // a person: not the antecedent; try the sentence before
	gvFound         // the antecedent
)

// groupAntecedent finds the organisation or group an it/they speaker at off
// stands for: the subject of its own sentence before it, else of the
// nearest earlier sentence (within its paragraph and the two before, at
// most eight sentences) whose subject is an organisation or place the
// entities layer named, or a noun phrase that can speak (plural for
// "they"). Sentences inside quotes and sentences about a person are passed
// over.
func (x *docCtx) groupAntecedent(plural bool, off, para int) (speaker, bool) {
	if len(x.d.Mentions) == 0 {
		return speaker{}, false // names are the entities layer's to read
	}
	k := sort.Search(len(x.sents), func(i int) bool { return x.sents[i].End > off }) + 1
	for n := 0; n < 8 && k > 0; n++ {
		k--
		if k >= len(x.sents) {
			continue
		}
		s := x.sents[k]
		if pp := x.paraOf(s.Start); pp < para-2 {
			break
		}
		r := tokensIn(x.toks, accord.Span{Start: s.Start, End: min(s.End, off)})
		if r.a >= r.b || x.inQuote(x.toks[r.a].Start) || isQuoteMark(x.toks[r.a].Lower) {
			continue
		}
		if sub, ok := x.accordingTo(plural, r); ok && s.End <= off {
			// "X has called for …, according to the Acme Group. It
			// said …": the source the sentence cites.
			if sp := x.resolve(sub, para); sp.ok && !sp.mute {
				return sp, true
			}
		}
		starts := []int{r.a}
		for j := r.a; j < r.b && j <= r.a+14; j++ {
			if x.toks[j].Lower == "," {
				starts = append(starts, j+1)
				break
			}
		}
		for _, a := range starts {
			if a >= r.b || x.inQuote(x.toks[a].Start) {
				continue
			}
			sub, v := x.groupSubject(plural, a, r.b)
			if v == gvNone {
				continue
			}
			if v == gvFound {
				if sp := x.resolve(sub, para); sp.ok && !sp.mute {
					return sp, true
				}
				return speaker{}, false
			}
			break // same pronoun or a person: the sentence before
		}
	}
	return speaker{}, false
}

// groupSubject reads the subject opening tokens [a, c) for an it/they
// antecedent: a name the entities layer typed (a person is gvPerson), the
// owner's name and a speaking noun ("Acme's campaign", "the Board's
// lawyers"), or a determiner and a speaking noun ("the agency",
// "Critics of …").
func (x *docCtx) groupSubject(plural bool, a, c int) (subject, int) {
	if a+1 < c {
		switch x.toks[a].Lower {
		case "but", "and", "yet", "so":
			a++
		}
	}
	if a+1 < c && openers[x.toks[a].Lower] && isUpperWord(x.txt, x.toks[a]) {
		a++
		if x.toks[a].Lower == "," {
			a++
		}
	}
	if a >= c {
		return subject{}, gvNone
	}
	w := strings.TrimSuffix(strings.TrimSuffix(x.toks[a].Lower, "’s"), "'s")
	switch w {
	case "it":
		if plural {
			return subject{}, gvNone
		}
		return subject{}, gvSame
	case "they":
		if plural {
			return subject{}, gvSame
		}
		return subject{}, gvNone
	case "he", "she", "i", "we", "you":
		return subject{}, gvPerson
	}
	b := a
	for b < c && b-a < 2 && (x.toks[b].Lower == "the" || x.toks[b].Lower == "both" || x.toks[b].Lower == "its" || x.toks[b].Lower == "their") {
		b++
	}
	if b >= c {
		return subject{}, gvNone
	}
	if m, ok := x.nameAt(x.toks[b].Start); ok {
		e := tokensIn(x.toks, accord.Span{Start: m.End, End: x.toks[c-1].End})
		if e.a >= e.b {
			return subject{}, gvNone
		}
		poss := strings.HasPrefix(x.txt[m.End:], "’s") || strings.HasPrefix(x.txt[m.End:], "'s")
		if nx := x.toks[e.a].Lower; poss || nx == "’s" || nx == "'s" {
			// "Acme's campaign is …": the owner's speaking noun.
			h := e.a
			if nx == "’s" || nx == "'s" {
				h++
			}
			if h+1 < e.b && isWord(x.toks[h]) && !isUpperWord(x.txt, x.toks[h]) && x.groupNoun(plural, x.toks[h].Lower) && x.verbNext(h+1, e.b) {
				return subject{Span: accord.Span{Start: x.toks[a].Start, End: x.toks[h].End}, Kind: accord.MentionNominal, Found: true}, gvFound
			}
			return subject{}, gvNone
		}
		if m.Type == "PERSON" {
			return subject{}, gvPerson
		}
		if !x.verbNext(e.a, e.b) {
			return subject{}, gvNone
		}
		switch m.Type {
		case "ORG":
		case "GPE":
			if plural {
				return subject{}, gvNone
			}
		case "NORP":
			if !plural {
				return subject{}, gvNone
			}
		default:
			return subject{}, gvNone
		}
		return subject{Span: m.Span, Kind: accord.MentionName, Found: true}, gvFound
	}
	// A speaking noun, after a determiner or alone ("Critics of the plan,
	// like …, see …").
	h := b
	for j := b + 1; plural && j < c && j <= b+2; j++ {
		// "the federal agencies", "Voting rights advocates": modifiers.
		if w := x.toks[j]; !isWord(w) || isUpperWord(x.txt, w) || nonNominal[w.Lower] || determiners[w.Lower] || !isWord(x.toks[j-1]) || isUpperWord(x.txt, x.toks[j-1]) && j-1 > a {
			break
		}
		if x.groupNoun(plural, x.toks[j].Lower) && x.verbNext(j+1, c) {
			h = j
		}
	}
	hw := x.toks[h].Lower
	if !isWord(x.toks[h]) || nonNominal[hw] || determiners[hw] || !lexicon.Known(hw) || isUpperWord(x.txt, x.toks[h]) && h > a || x.opener(h, c) && h == a && !x.groupNoun(plural, hw) {
		return subject{}, gvNone
	}
	if !plural {
		// "The former first lady is …", "The agency …": a singular
		// noun phrase is left to the names; a person is passed over.
		if personNoun(hw) {
			return subject{}, gvPerson
		}
		return subject{}, gvNone
	}
	if !x.groupNoun(plural, hw) {
		return subject{}, gvNone
	}
	if nx := h + 1; nx < c && !(x.verbNext(nx, c) || x.toks[nx].Lower == "," || headStops[x.toks[nx].Lower]) {
		return subject{}, gvNone
	}
	return subject{Span: accord.Span{Start: x.toks[a].Start, End: x.toks[h].End}, Kind: accord.MentionNominal, Found: true}, gvFound
}

// nameAt returns the name mention starting at off.
func (x *docCtx) nameAt(off int) (accord.Mention, bool) {
	x.buf = x.mentionIndex().startingAt(off, x.buf)
	for _, i := range x.buf {
		if m := x.d.Mentions[i]; m.Kind == accord.MentionName {
			return m, true
		}
	}
	return accord.Mention{}, false
}

// verbNext reports whether token k (before c) can follow a subject: a
// lower-case word that is no preposition or relative word, a parenthesis
// or an appositive's comma.
func (x *docCtx) verbNext(k, c int) bool {
	if k >= c {
		return false
	}
	t := x.toks[k]
	switch t.Lower {
	case "on", "in", "at", "last", "this", "late", "early", "earlier":
		// "The Board on Friday condemned …": a short time phrase.
		for j := k + 1; j < c && j <= k+3; j++ {
			if w := x.toks[j]; isWord(w) && !isUpperWord(x.txt, w) && !nonNominal[w.Lower] && !determiners[w.Lower] && !timeWords[w.Lower] {
				return true
			}
		}
		return false
	}
	if t.Lower == "(" || t.Lower == "," {
		return true
	}
	switch t.Lower {
	case "has", "was", "is", "had", "have", "are", "were":
		return true
	}
	return isWord(t) && !isUpperWord(x.txt, t) && !nonNominal[t.Lower] && !determiners[t.Lower]
}

// groupNoun reports whether the lower-case noun w can be an it/they
// speaker: a noun that can speak, plural (ending in s) for "they", singular
// for "it".
func (x *docCtx) groupNoun(plural bool, w string) bool {
	if len(w) < 3 || !lexicon.Known(w) || !canBeSource(w) {
		return false
	}
	if strings.HasSuffix(w, "s") != plural && !strings.HasSuffix(w, "ss") {
		return false
	}
	return true
}

var personSenses struct {
	once sync.Once
	s    map[uint32]bool
}

// personNoun reports whether the most frequent sense of w is a kind of
// person ("the spokesman", "the senator"): no "it".
func personNoun(w string) bool {
	personSenses.once.Do(func() { personSenses.s = inter("person", "individual", "someone") })
	front := lexicon.Senses(nil, w, 1)
	seen := map[uint32]bool{}
	for depth := 0; depth <= 14 && len(front) > 0; depth++ {
		var next []uint32
		for _, s := range front {
			if seen[s] {
				continue
			}
			seen[s] = true
			if personSenses.s[s] {
				return true
			}
			next = append(next, lexicon.Broader(s)...)
		}
		front = next
	}
	return false
}

// timeWords may follow "on", "in" or "last" in a time phrase.
var timeWords = map[string]bool{"week": true, "month": true, "year": true, "night": true, "morning": true, "evening": true, "afternoon": true, "weekend": true}

// controlVerbs take an object who then does what the infinitive says ("led
// Jones to fear", "urged the mayor to call"): English object control.
var controlVerbs = map[string]bool{"led": true, "leads": true, "prompted": true, "prompts": true, "forced": true, "caused": true,
	"pushed": true, "urged": true, "asked": true, "encouraged": true, "inspired": true, "persuaded": true, "convinced": true,
	"invited": true, "moved": true, "drove": true, "spurred": true, "compelled": true}

// controlObject reads the object of a control verb whose infinitive, a
// speech or thought cue, introduces quoted words q: "All this has led the
// harbour pilot Jane Roe to fear a “…”" is Roe's. The infinitive stands
// within ten tokens before the quote, with no mark, clause break or cue
// between; the name ends right before "to", and the verb stands at most
// four words before the name.
func (x *docCtx) controlObject(q quoted) subject {
	s := x.sentenceOf(q.Open.Start, q.Para)
	r := tokensIn(x.toks, accord.Span{Start: s.Start, End: q.Open.Start})
	for k := r.b - 1; k > r.a+1 && r.b-k <= 10; k-- {
		t := x.toks[k]
		if x.inQuote(t.Start) || isMarkTok(t.Lower) {
			return subject{}
		}
		switch t.Lower {
		case ";", ":", "—", "–", "(", ")", ".", ",":
			return subject{}
		}
		if cueStrength(t.Lower) <= 0 || x.toks[k-1].Lower != "to" {
			if isCue(t.Lower) {
				return subject{}
			}
			continue
		}
		e := k - 2
		if !isUpperWord(x.txt, x.toks[e]) || !isWord(x.toks[e]) {
			return subject{}
		}
		n := nameBack(x.txt, x.toks, r.a, e)
		if !n.Found {
			return subject{}
		}
		a := tokensIn(x.toks, accord.Span{Start: n.Span.Start, End: n.Span.Start + 1}).a
		for v := a - 1; v >= r.a && a-v <= 5; v-- {
			if controlVerbs[x.toks[v].Lower] {
				return n
			}
			if w := x.toks[v]; !isWord(w) || isCue(w.Lower) || nonNominal[w.Lower] {
				break
			}
		}
		return subject{}
	}
	return subject{}
}

// accordingTo reads an organisation the tokens r cite ("according to the
// Acme Group"): the antecedent of an "it"/"they" said in the sentence after.
func (x *docCtx) accordingTo(plural bool, r tokRange) (subject, bool) {
	for k := r.a; k+2 < r.b; k++ {
		if x.toks[k].Lower != "according" || x.toks[k+1].Lower != "to" || x.inQuote(x.toks[k].Start) {
			continue
		}
		b := k + 2
		if x.toks[b].Lower == "the" && b+1 < r.b {
			b++
		}
		// The name may start a word or two later than the tagger's
		// mention ("the ACME Intelligence Group").
		for j := b; j < r.b && j <= b+2 && isUpperWord(x.txt, x.toks[j]) && isWord(x.toks[j]); j++ {
			if m, ok := x.nameAt(x.toks[j].Start); ok && (m.Type == "ORG" || m.Type == "GPE" && !plural) {
				return subject{Span: accord.Span{Start: x.toks[b].Start, End: m.End}, Kind: accord.MentionName, Found: true}, true
			}
		}
	}
	return subject{}, false
}
