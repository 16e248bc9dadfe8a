package claims

import (
	"hash/fnv"
	"slices"
	"strings"
	"unicode"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
)

// Whose fact a sentence states.
//
// Many sentences name nobody: "Net includes a gain from the sale of
// securities", "NOTE: Share adjusted for a stock split", "The company did
// not respond to a request for comment". Their subject stands in the
// document's headline or lead, and two such sentences from reports about
// different subjects are two facts that share a form of words, not one
// fact two sources state. So when one of two matched sentences names no
// participant of its own, the documents' subjects (the names in the
// headline and the lead sentence, and the document's most central entity)
// must meet for the match to count.

// ownNames are the names a sentence holds (participants), less a word
// capitalized only because it opens the sentence (nameLike: "NOTE:
// Share adjusted", "Net includes", "Shr 41 cts") or a dictionary word
// written in capitals, unless the document also writes it capitalized
// inside a sentence ("Jackson").
func ownNames(st *story, di *docInfo, si int) []string {
	var out []string
	s := &di.sents[si]
	first := true
	for t, tk := range s.toks {
		// A word opens the sentence, or what follows a colon ("NOTE:
		// Share adjusted ...").
		wasFirst := first
		if isWordTok(tk.Lower) {
			first = false
		} else if tk.Lower == ":" {
			first = true
		}
		if !di.capTok(si, t) {
			continue
		}
		w, _ := stripPoss(tk.Lower)
		if !nameWord(di, w) {
			continue
		}
		switch {
		case wasFirst:
			if !di.nameLike(st, w) {
				continue
			}
		case allCaps(di.raw(si, t)):
			if lexicon.Known(w) && di.midCaps()[w] == 0 {
				continue
			}
		default:
			// Inside a sentence too, a dictionary word the topic writes
			// in lower case is no name (a results table's run-on
			// "... 33 cts Net 3,330,000").
			if lexicon.Known(w) && st.lowerAny()[w] {
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

// nameWord: w may name a participant (participants' filter, and no digit:
// "4TH").
func nameWord(di *docInfo, w string) bool {
	if len(w) < 2 || weekdays[w] != "" || months[strings.TrimSuffix(w, ".")] != 0 || notSurname[w] ||
		titleVocab(w) || text.IsStopword(w) || calendarWord[w] || di.lowerWords[w] {
		return false
	}
	for _, r := range w {
		if unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// nameLike: a word written capitalized where any word is (opening a
// sentence, in a headline) is a name when no document of the topic writes
// it in lower case and one writes it capitalized inside a sentence; else only when it is no dictionary
// word and few documents of the topic use it (two, or one in fifty): not
// the labels of results tables ("Oper", "Qtly", "Shr", "Net"), nor a
// headline's "RAISES" or "QTR"; "Minstar" or a ticker is one.
func (di *docInfo) nameLike(st *story, w string) bool {
	if !nameWord(di, w) {
		return false
	}
	if st.lowerAny()[w] {
		return false // "net", "share": a word the topic writes in lower case
	}
	if di.midCaps()[w] > 0 || st.midCapsAny()[w] {
		return true
	}
	if df := st.docFreq[w]; df > 2 && 50*df > len(st.docs) {
		return false
	}
	return !lexicon.Known(w)
}

// lowerAny: the words some document of the topic writes in lower case,
// built when first needed.
func (st *story) lowerAny() map[string]bool {
	if st.lower == nil {
		st.lower = map[string]bool{}
		for _, di := range st.docs {
			for w := range di.lowerWords {
				st.lower[w] = true
			}
		}
	}
	return st.lower
}

// midCapsAny: the words some document of the topic writes capitalized
// inside a sentence (midCaps), built when first needed.
func (st *story) midCapsAny() map[string]bool {
	if st.caps == nil {
		st.caps = map[string]bool{}
		for _, di := range st.docs {
			for w := range di.midCaps() {
				st.caps[w] = true
			}
		}
	}
	return st.caps
}

// headWords are the headline's words that the text does not write in
// lower case (not "QTR", "NET" above a text with "qtr" and "net"), less
// stopwords and words with digits.
func (di *docInfo) headWords() []string {
	t := di.d.Title
	var out []string
	for _, tk := range text.Tokens(t, accord.Span{Start: 0, End: len(t)}) {
		if tk.Start < 0 || tk.End > len(t) || tk.Start >= tk.End || !isWordTok(tk.Lower) {
			continue
		}
		w, _ := stripPoss(tk.Lower)
		if len(w) < 2 || text.IsStopword(w) || di.lowerWords[w] || strings.ContainsAny(w, "0123456789") {
			continue
		}
		out = append(out, w)
	}
	return out
}

// midCaps counts, per word, how often the document writes it capitalized
// (not in capitals) inside a sentence: not first, not after a colon.
// Built once per document.
func (di *docInfo) midCaps() map[string]int {
	if di.caps != nil {
		return di.caps
	}
	di.caps = map[string]int{}
	for si := range di.sents {
		first := true
		for t, tk := range di.sents[si].toks {
			if !isWordTok(tk.Lower) {
				if tk.Lower == ":" {
					first = true
				}
				continue
			}
			wasFirst := first
			first = false
			if wasFirst || !di.capTok(si, t) || allCaps(di.raw(si, t)) {
				continue
			}
			w, _ := stripPoss(tk.Lower)
			di.caps[w]++
		}
	}
	return di.caps
}

// subject is what the document is about: the names of its headline (a
// headline in capitals or title case tells nothing, so its words are read
// as nameLike: not "4TH QTR NET" above a table of "Net" rows), the names of
// its lead sentence, and its most central entity (most name mentions of
// one cross-document entity), and the names it writes inside sentences
// at least twice (the victim, the company, the town). Built once per
// document.
func (di *docInfo) subject(st *story) []string {
	if di.subjDone {
		return di.subj
	}
	di.subjDone = true
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	if t := di.d.Title; t != "" {
		for _, tk := range text.Tokens(t, accord.Span{Start: 0, End: len(t)}) {
			if tk.Start < 0 || tk.End > len(t) || tk.Start >= tk.End {
				continue
			}
			raw := t[tk.Start:tk.End]
			if !isWordTok(raw) || !isUpperWord(raw) {
				continue
			}
			w, _ := stripPoss(strings.ToLower(raw))
			if !di.nameLike(st, w) {
				continue
			}
			add(w)
		}
	}
	if len(di.sents) > 0 {
		for _, w := range ownNames(st, di, 0) {
			add(w)
		}
	}
	for w, n := range di.midCaps() {
		if n >= 2 && nameWord(di, w) {
			add(w)
		}
	}
	if e := di.centralEntity(); e != "" {
		// An entity central to many documents of the topic (the wire's
		// sign-off, "Reuter") tells them no more apart than a label.
		if n := st.centralCount()[e]; n <= 2 || 50*n <= len(st.docs) {
			add("entity:" + e)
		}
	}
	di.subj = out
	return out
}

// sameSubject: the two sentences may state one fact as far as their
// subjects go. Each side's names are its sentence's own and its
// document's subject. Copies (one group) always may; so may two sides of
// which one names a participant the other document writes capitalized
// (anywhere: a report on a shooting names the town of the other's
// headline), or that have one central entity, or neither of which has
// names (then their headlines' words decide, when both have some). A side with no names against one with some
// is no evidence of one subject: such a document would otherwise join
// every other to its claim. Otherwise the sentences are of
// different subjects: "Net includes a gain ..." under two companies'
// headlines, or "U.S. ... fell 1.0 pct" / "Statistics Canada said ...
// rose 0.6 pct".
func (st *story) sameSubject(u, v *unit) bool {
	if u.di.group == v.di.group {
		return true
	}
	nu, nv := u.ownNames(st), v.ownNames(st)
	su, sv := u.di.subject(st), v.di.subject(st)
	if len(nu)+len(su) == 0 && len(nv)+len(sv) == 0 {
		// No names on either side: the headlines' own words tell, when
		// both have some (a company named in dictionary words, "NATIONAL
		// SEA PRODUCTS", against "SCOTT'S HOSPITALITY").
		hu, hv := u.di.headWords(), v.di.headWords()
		return len(hu) == 0 || len(hv) == 0 || meets(hu, hv)
	}
	// Each sentence names a company the other document never writes: two
	// notices of one form about two companies ("X Inc said its stock will
	// stay quoted on NASDAQ ..." / "Y Corp said ..."), whatever names of
	// an exchange or an agency they share.
	if unwritten(v.di, companyFirsts(u.di, u.sent)) && unwritten(u.di, companyFirsts(v.di, v.sent)) {
		return false
	}
	writes := func(di *docInfo, ws []string) bool {
		for _, w := range ws {
			if di.words[w] && di.nameLike(st, w) {
				return true
			}
		}
		return false
	}
	return writes(v.di, nu) || writes(v.di, su) || writes(u.di, nv) || writes(u.di, sv) || sameEntity(su, sv)
}

// unwritten: di never writes one of the names ws.
func unwritten(di *docInfo, ws []string) bool {
	for _, w := range ws {
		if !di.words[w] {
			return true
		}
	}
	return false
}

// companyFirsts: the first word of each company name of sentence si (a
// capitalized run ending in a company head, "Aero Services Inc").
func companyFirsts(di *docInfo, si int) []string {
	var out []string
	s := &di.sents[si]
	for k := 1; k < len(s.toks); k++ {
		h := strings.TrimSuffix(s.toks[k].Lower, ".")
		if !companyHeads[h] || !di.capTok(si, k) || !di.capTok(si, k-1) {
			continue
		}
		j := k - 1
		for j > 0 && k-j < 5 && di.capTok(si, j-1) {
			j--
		}
		if w, _ := stripPoss(s.toks[j].Lower); !companyHeads[w] && !text.IsStopword(w) {
			out = append(out, w)
		}
	}
	return out
}

// sameEntity: the subjects hold one central entity. (Other subject words
// meet through writes: a headline word neither text writes, "QTR", says
// nothing.)
func sameEntity(a, b []string) bool {
	for _, x := range a {
		if strings.HasPrefix(x, "entity:") && slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// ownNames of the unit's sentence, read once.
func (u *unit) ownNames(st *story) []string {
	if !u.namesDone {
		u.namesDone = true
		u.names = ownNames(st, u.di, u.sent)
	}
	return u.names
}

// boilerplate marks the units whose sentence (its content words, all of
// them) recurs in at least three documents of the topic whose subjects
// have nothing in common: a form of words ("The company did not respond
// to a request for comment") that states no fact of its own.
func boilerplate(st *story, units []unit) []bool {
	byKey := map[uint64][]int{}
	h := fnv.New64a()
	var buf [4]byte
	for i := range units {
		u := &units[i]
		ids := u.di.sents[u.sent].ids
		h.Reset()
		for _, id := range ids {
			buf[0], buf[1], buf[2], buf[3] = byte(id), byte(id>>8), byte(id>>16), byte(id>>24)
			_, _ = h.Write(buf[:])
		}
		k := h.Sum64()
		byKey[k] = append(byKey[k], i)
	}
	var out []bool
	for _, l := range byKey {
		if len(l) < 3 {
			continue
		}
		// Greedily, documents whose subject meets none counted before.
		var apart [][]string
		for _, i := range l {
			s := units[i].di.subject(st)
			if len(s) == 0 {
				continue
			}
			alone := true
			for _, o := range apart {
				if meets(s, o) {
					alone = false
					break
				}
			}
			if alone {
				apart = append(apart, s)
			}
		}
		if len(apart) < 3 {
			continue
		}
		if out == nil {
			out = make([]bool, len(units))
		}
		for _, i := range l {
			out[i] = true
		}
	}
	return out
}

func meets(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// centralEntity is the cross-document entity with the most name mentions
// in the document (the first on a tie), "" when none.
func (di *docInfo) centralEntity() string {
	count := map[string]int{}
	best, bestN := "", 0
	for _, m := range di.d.Mentions {
		if m.Kind != accord.MentionName || m.EntityID == "" {
			continue
		}
		count[m.EntityID]++
		if n := count[m.EntityID]; n > bestN {
			best, bestN = m.EntityID, n
		}
	}
	return best
}

// centralCount: how many documents of the topic have each central entity.
func (st *story) centralCount() map[string]int {
	if st.central == nil {
		st.central = map[string]int{}
		for _, di := range st.docs {
			if e := di.centralEntity(); e != "" {
				st.central[e]++
			}
		}
	}
	return st.central
}
