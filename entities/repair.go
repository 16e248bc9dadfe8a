package entities

import (
	"strings"

	"github.com/accord-news/accord/lexicon"
)

// Repairs of the tagger's output by general rules, for what CoNLL-style
// training data teaches poorly:
//   - titles are not names: a leading title ("Deputy Secretary of State")
//     is cut off a name and a name that is only a title is dropped;
//   - a middle initial joins the two halves of a person's name
//     ("Ivan A Petrov");
//   - an acronym in parentheses marks its expansion ("Organization for
//     Security and Co-operation in Europe (OSCE)"), found by matching the
//     acronym's letters to the initials of the preceding words.

type span struct{ i, j, cls int }

const (
	clsPER  = 1
	clsORG  = 2
	clsLOC  = 3
	clsMISC = 4
)

func (a *annotator) repair(si int, cs []span) []span {
	ws := a.sents[si]
	covered := make([]bool, len(ws))
	for _, c := range cs {
		for k := c.i; k < c.j && k < len(ws); k++ {
			covered[k] = true
		}
	}
	var out []span
	for ci := 0; ci < len(cs); ci++ {
		c := cs[ci]
		next := span{-1, -1, 0}
		if ci+1 < len(cs) {
			next = cs[ci+1]
		}
		c.cls = a.personAfterTitle(ws, c)
		rs, usedNext := a.stripTitle(si, c, covered, next)
		if usedNext {
			ci++
		}
		for _, r := range rs {
			// A weekday or month after a person's name is not part of it
			// ("Obama Monday said").
			// A month with no day after it, or a weekday after a first name,
			// is a surname ("Jo May", "Ann Friday").
			for r.cls == clsPER && r.j-r.i > 1 && calendarWords[strings.ToLower(ws[r.j-1].text)] && !calendarName(ws, r) {
				r.j--
			}
			// A corporate suffix ends a company's name, never a person's
			// ("Ruch SA", "Nordvik Holdings").
			if r.cls == clsPER && r.j-r.i > 1 && corpSuffixes[strings.ToLower(ws[r.j-1].text)] {
				r.cls = clsORG
			}
			// Trailing titles ("Apple CEO", "Bank of England Governor").
			if r.cls != clsPER {
				for r.j-r.i > 1 && titleHeads[strings.ToLower(ws[r.j-1].text)] {
					r.j--
				}
				// ("Russian Foreign | Minister"), but an organization noun
				// heads a name ("Treasury Department | spokesman").
				for r.j-r.i > 1 && r.j < len(ws) && titleMods[strings.ToLower(ws[r.j-1].text)] && !orgNouns[strings.ToLower(ws[r.j-1].text)] && titleHeads[strings.ToLower(ws[r.j].text)] {
					r.j--
				}
			}
			r = trimFunctionWords(ws, r)
			if r.j > r.i {
				out = append(out, r)
			}
		}
	}
	out = a.nameBeforeTitle(si, out)
	out = a.joinMiddleInitials(ws, out)
	out = continueAnd(ws, out)
	out = bracketQualifier(ws, out)
	platformsAfterSpeech(ws, out)
	return a.expandAcronyms(si, out)
}

// calendarName: the month or weekday ending person span r is a surname
// ("Jo May", "Ann Friday"), not a date the tagger took in ("Obama Monday
// said"). A month is a date after a name only with its day ("Smith May 5"):
// alone it reads as a surname. A weekday is a surname only after a known
// first name, with no number after it.
func calendarName(ws []word, r span) bool {
	l := strings.ToLower(ws[r.j-1].text)
	if r.j < len(ws) && hasDigit(ws[r.j].text) {
		return false
	}
	if months[l] {
		return true
	}
	return weekdays[l] && r.j-r.i == 2 && isFirstName(strings.ToLower(ws[r.i].text))
}

var (
	months = set("january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december")
	weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)

// continueAnd joins "and"/"&" and the capitalised words after it to an
// organization or other name made of capitalised common words, when the
// tagger stopped at the conjunction ("Office for Budget | and Management",
// "our European Allies | and Partners"): the name has two or more words and
// ends in a word news usually writes in lower case, and the one capitalised
// word after the conjunction, left out of every name, is such a word too
// (not a name, title, function or calendar word), followed by no further
// capitalised word ("X Insider and Think Secret" are two names). Their capitals then say they belong to the name;
// two names joined by "and" ("Fitch", "U2") are words news capitalises.
func continueAnd(ws []word, out []span) []span {
	m, _ := DefaultModel()
	if m == nil || m.gaz == nil {
		return out
	}
	common := func(k int) bool {
		w := ws[k].text
		l := strings.ToLower(w)
		if !firstUpper(w) || isAllUpper(w) || isTitleWord(l) || edgeWords[l] || connectors[l] || calendarWords[l] || corpSuffixes[l] || m.gaz.entries[l] != 0 || m.gaz.nameParts[l] != 0 {
			return false
		}
		b := m.gaz.caps[l]
		return b == 1 || b == 2
	}
	for ci := range out {
		r := &out[ci]
		if (r.cls != clsORG && r.cls != clsMISC) || r.j-r.i < 2 || r.j+1 >= len(ws) || !common(r.j-1) {
			continue
		}
		if c := ws[r.j].text; c != "and" && c != "&" {
			continue
		}
		limit := len(ws)
		if ci+1 < len(out) {
			limit = out[ci+1].i
		}
		n := 0
		for k := r.j + 1; k < limit && n < 2 && common(k); k++ {
			n++
		}
		end := r.j + 1 + n
		if n != 1 || end < len(ws) && firstUpper(ws[end].text) {
			continue
		}
		r.j = end
	}
	return out
}

// speechWords: verbs and nouns of saying, posting and broadcasting, after
// which "on X" names where something was said or shown ("said on Twitter",
// "a post on Facebook", "shown on Sky"), not a place.
var speechWords = set("say", "says", "said", "saying", "write", "writes", "wrote", "writing", "written",
	"post", "posts", "posted", "posting", "tweet", "tweets", "tweeted", "tweeting", "announce",
	"announces", "announced", "announcing", "stated", "reveal", "reveals", "revealed", "shared",
	"added", "reply", "replies", "replied", "responded", "publish", "publishes", "published",
	"explained", "confirmed", "admitted", "joked", "boasted", "speak", "speaks", "spoke", "speaking",
	"broadcast", "broadcasts", "aired", "shown", "screened", "streamed", "message", "messages",
	"video", "videos", "blog", "interview")

// platformsAfterSpeech retypes a place the tagger read in "said on X"
// ("posted on X", "a video on X") as an organization (a service, a
// channel) unless the lexicon or the gazetteer knows a word of it as a
// place ("speaking on Iraq" stays a place) or a possessive follows ("said
// on X's web site": X's own site, whatever X is).
func platformsAfterSpeech(ws []word, out []span) {
	m, _ := DefaultModel()
	if m == nil || m.gaz == nil {
		return
	}
	const locBit = 1 << clsLOC
	for ci := range out {
		r := &out[ci]
		if r.cls != clsLOC || r.i < 2 || strings.ToLower(ws[r.i-1].text) != "on" || !speechWords[strings.ToLower(ws[r.i-2].text)] {
			continue
		}
		if r.j < len(ws) && (ws[r.j].text == "'s" || ws[r.j].text == "’s" || ws[r.j].text == "'") {
			continue
		}
		place := false
		var lows []string
		for k := r.i; k < r.j; k++ {
			l := strings.ToLower(ws[k].text)
			lows = append(lows, l)
			if isPlaceWord(l) || m.gaz.entries[l]&locBit != 0 || geoHeads[l] {
				place = true
			}
		}
		if place || m.gaz.entries[strings.Join(lows, " ")]&locBit != 0 {
			continue
		}
		r.cls = clsORG
	}
}

// nameBeforeTitle: capitalised words the tagger left out, just before a
// capitalised title that precedes a person, are a name of their own, as
// stripTitle makes of them when they are inside the tagger's span ("State
// Department Spokesman Jo Smith" -> ORG "State Department"): two words or
// more, or one the gazetteer classes (then of its class). At the start of a
// sentence, words rarely capitalised inside one ("Later", "Then") are not
// part of it.
func (a *annotator) nameBeforeTitle(si int, out []span) []span {
	ws := a.sents[si]
	covered := make([]bool, len(ws))
	for _, c := range out {
		for k := c.i; k < c.j && k < len(ws); k++ {
			covered[k] = true
		}
	}
	m, _ := DefaultModel()
	var add []span
	for _, r := range out {
		if r.cls != clsPER || r.i < 2 {
			continue
		}
		// The title: from the first capitalised title word p, uncovered, whose
		// run reaches the person.
		p := -1
		for q := r.i - 1; q >= 0 && !covered[q] && r.i-q <= 6; q-- {
			if !firstUpper(ws[q].text) && !connectors[strings.ToLower(ws[q].text)] {
				break
			}
			if isTitleWord(strings.ToLower(ws[q].text)) && firstUpper(ws[q].text) {
				if k, head := a.scanTitle(si, q, r.i); head && k == r.i {
					p = q
				}
			}
		}
		if p < 1 {
			continue
		}
		s := p
		for s > 0 && !covered[s-1] && orgWord(ws[s-1].text) {
			s--
		}
		if s == 0 && m != nil && m.gaz != nil {
			for s < p && m.gaz.caps[strings.ToLower(ws[s].text)] == 1 {
				s++
			}
		}
		if s == p || p-s > 4 {
			continue
		}
		allTitle := true
		for q := s; q < p; q++ {
			allTitle = allTitle && isTitleWord(strings.ToLower(ws[q].text))
		}
		if allTitle {
			continue
		}
		cls := clsORG
		if p-s == 1 {
			if cls = a.prefixClass(strings.ToLower(ws[s].text)); cls == 0 {
				continue
			}
		}
		add = append(add, span{s, p, cls})
	}
	if len(add) == 0 {
		return out
	}
	out = append(out, add...)
	sortSpans(out)
	return out
}

// joinMiddleInitials: a single capital letter (with or without its period)
// between two capitalised name words is a middle initial, and the three are
// one person ("Ivan A Petrov") when either side is tagged a person or is a
// known first name (left) or surname (right), whatever the tagger made of
// the initial and the other side. Each side is the tagger's span when it has
// one there (which must end or start at the initial), else the single word.
func (a *annotator) joinMiddleInitials(ws []word, out []span) []span {
	spanAt := func(k int) int {
		for x, c := range out {
			if k >= c.i && k < c.j {
				return x
			}
		}
		return -1
	}
	for k := 1; k+1 < len(ws); k++ {
		w := ws[k].text
		// A bare "I" is the pronoun far more often than an initial.
		if !isInitialWord(w) || w == "I" {
			continue
		}
		if !personWord(ws[k-1].text) || !personWord(ws[k+1].text) {
			continue
		}
		li, ki, ri := spanAt(k-1), spanAt(k), spanAt(k+1)
		if li >= 0 && li == ri {
			continue // already one span over the initial
		}
		left, right := span{k - 1, k, clsPER}, span{k + 1, k + 2, clsPER}
		if li >= 0 {
			left = out[li]
			if left.j != k && left.j != k+1 {
				continue
			}
		}
		if ri >= 0 {
			right = out[ri]
			if right.i != k+1 && right.i != k {
				continue
			}
		}
		if ki >= 0 && ki != li && ki != ri {
			continue
		}
		if left.j-left.i > 3 || right.j-right.i > 3 {
			continue
		}
		per := li >= 0 && left.cls == clsPER || ri >= 0 && right.cls == clsPER
		if !per {
			m, _ := DefaultModel()
			if m != nil && m.gaz != nil {
				l, r := strings.ToLower(ws[k-1].text), strings.ToLower(ws[k+1].text)
				per = firstNameGender(l) != genderUnknown || m.gaz.nameParts[l]&1 != 0 || m.gaz.nameParts[r]&2 != 0
			}
		}
		if !per {
			continue
		}
		merged := span{left.i, right.j, clsPER}
		var keep []span
		for x, c := range out {
			if x != li && x != ri && x != ki {
				keep = append(keep, c)
			}
		}
		out = append(keep, merged)
		sortSpans(out)
		k = merged.j - 1
	}
	return out
}

// orgWord: a capitalised word that can be part of an organization's name
// before a title (title words too: "State Department").
func orgWord(w string) bool {
	l := strings.ToLower(w)
	return firstUpper(w) && hasLetterOrDigit(w) && !isInitialWord(w) && !connectors[l] && !calendarWords[l] && !edgeWords[l]
}

// personWord: a capitalised word that can be part of a person's name (not a
// title, function word, weekday or month, corporate suffix or place head).
func personWord(w string) bool {
	l := strings.ToLower(w)
	return firstUpper(w) && hasLetterOrDigit(w) && !isInitialWord(w) && !isTitleWord(l) && !connectors[l] &&
		!calendarWords[l] && !corpSuffixes[l] && !geoHeads[l] && !edgeWords[l]
}

func isHonorific(l string) bool {
	return honorificsMale[l] || honorificsFemale[l] || l == "dr" || l == "dr." || l == "prof" || l == "prof."
}

func isInitialWord(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return isInitial(w)
}

// scanTitle reads a title run from word k of sentence si up to end: title
// heads, their modifiers, "and" between title words ("Trade and Industry
// Secretary") and of/for + one capitalised word ("Secretary of State"). It
// returns the first word after the run and whether the run has a head.
func (a *annotator) scanTitle(si, k, end int) (int, bool) {
	ws := a.sents[si]
	lw := func(k int) string { return strings.ToLower(ws[k].text) }
	start, head := k, false
	for k < end {
		l := lw(k)
		if titleHeads[l] {
			head = true
			k++
			continue
		}
		if titleMods[l] && k+1 < end {
			k++
			continue
		}
		if l == "and" && k > start && isTitleWord(lw(k-1)) && k+1 < end && isTitleWord(lw(k+1)) {
			k++
			continue
		}
		if connectors[l] && k > start && k+1 < end && isTitleWord(lw(k-1)) {
			k += 2
			continue
		}
		break
	}
	return k, head
}

// stripTitle cuts a title off a name. The title is not part of the name
// (roles.go gives it to the person):
//   - "Deputy Secretary of State Jane Smith" -> PER "Jane Smith";
//   - a name before the title is a name of its own: "US Secretary of State
//     Jane Smith" -> "US" + PER "Jane Smith", "State Department Spokesman
//     Jo Smith" -> ORG "State Department" + PER "Jo Smith";
//   - when the tagger's span ends inside the person's name ("... Secretary
//     of State Jane | Smith"), the person's name goes on over the next
//     capitalised words it left out, or over its adjacent person span
//     (then usedNext).
//
// covered marks the words of the sentence inside any tagger span; next is
// the span after c (i < 0 when none).
func (a *annotator) stripTitle(si int, c span, covered []bool, next span) ([]span, bool) {
	ws := a.sents[si]
	lw := func(k int) string { return strings.ToLower(ws[k].text) }
	// A title inside the span, after a name: "US Secretary of State ...",
	// "State Department Spokesman ...".
	for p := c.i + 1; p+1 < c.j; p++ {
		if !isTitleWord(lw(p)) || !firstUpper(ws[p].text) || isTitleWord(lw(p-1)) || connectors[lw(p-1)] {
			continue
		}
		k, head := a.scanTitle(si, p, c.j)
		if !head || k >= c.j {
			continue
		}
		rest, used := a.extendPerson(si, span{k, c.j, clsPER}, covered, next)
		// After a title, one capitalised word is a surname ("Speaker Smith").
		if !looksLikePerson(a, ws, rest) && !(rest.j-rest.i == 1 && nameWords(ws, rest)) {
			continue
		}
		var out []span
		allTitle := true
		for q := c.i; q < p; q++ {
			if !isTitleWord(lw(q)) && lw(q) != "the" {
				allTitle = false
			}
		}
		if !allTitle {
			cls := c.cls
			if p-c.i == 1 {
				if pc := a.prefixClass(lw(c.i)); pc != 0 {
					cls = pc
				}
			}
			if cls == clsPER {
				cls = clsORG
			}
			out = append(out, span{c.i, p, cls})
		}
		return append(out, rest), used
	}
	k := c.i
	// A title that began before the name: "Secretary of | State Jane Smith".
	inTitle := c.i >= 2 && connectors[lw(c.i-1)] && isTitleWord(lw(c.i-2)) && firstUpper(ws[c.i].text)
	if inTitle {
		k++
	}
	for k+1 < c.j && isHonorific(lw(k)) && firstUpper(ws[k+1].text) && !connectors[lw(k+1)] {
		k++
	}
	if k > c.i {
		rest, used := a.extendPerson(si, span{k, c.j, clsPER}, covered, next)
		return []span{rest}, used
	}
	k, head := a.scanTitle(si, k, c.j)
	if !head {
		return []span{c}, false
	}
	if k >= c.j {
		return nil, false // only a title
	}
	if a.titleOpensName(si, c, k) {
		return []span{c}, false
	}
	rest, used := a.extendPerson(si, span{k, c.j, clsPER}, covered, next)
	if looksLikePerson(a, ws, rest) || a.surnameAfterTitle(ws, c, rest) {
		return []span{rest}, used
	}
	return []span{c}, false
}

// titleOpensName: the tagger read a one-word title and one more word as one
// person's name ("King/PER Crimson/PER", "Coach/PER Quill/PER") and the word
// after the title is an English word (the lexicon knows it: "crimson",
// "quill"), not a person's name: no known first name or surname, the
// gazetteer does not know it, news does not write it capitalised as a rule
// (caps bucket 3–4 is a name word), and the document never writes it
// without the title before it. The title word then opens the name of a
// band, a film or a character, and the whole is kept. Titles before known
// names ("Prince Charles"), before words the lexicon does not know ("Prince
// Alwaleed": a foreign name), before "of" ("Princess X of Y") and surnames
// the document uses on their own ("King Abdullah … Abdullah said") are cut
// as before.
func (a *annotator) titleOpensName(si int, c span, k int) bool {
	ws := a.sents[si]
	if c.cls != clsPER || c.j-c.i != 2 || k != c.i+1 || !titleHeads[strings.ToLower(ws[c.i].text)] {
		return false
	}
	w := ws[k].text
	l := strings.ToLower(w)
	if !firstUpper(w) || isAllUpper(w) || !hasLetterOrDigit(w) || isFirstName(l) || !lexicon.Known(l) {
		return false
	}
	if c.j < len(ws) && ws[c.j].text == "of" {
		return false // a royal style: "Princess X of Y"
	}
	m, _ := DefaultModel()
	if m == nil || m.gaz == nil || m.gaz.nameParts[l] != 0 || m.gaz.entries[l] != 0 || m.gaz.caps[l] >= 3 {
		return false
	}
	title := ws[c.i].text
	for _, s := range a.sents {
		for p, x := range s {
			if x.text == w && (p == 0 || s[p-1].text != title) {
				return false
			}
		}
	}
	return true
}

// personAfterTitle returns the class of a tagger's name that follows a title
// written in lower case ("the group's chairman Jo Smith"): a person when the
// name is two or three words that can be a person's (no organization noun,
// corporate suffix, place head) and the gazetteer knows none of them as an
// organization or place; else the tagger's class.
func (a *annotator) personAfterTitle(ws []word, c span) int {
	if c.cls == clsPER || c.i == 0 || c.j-c.i < 2 || c.j-c.i > 3 || !titleHeads[ws[c.i-1].text] {
		return c.cls
	}
	lows := make([]string, 0, c.j-c.i)
	for k := c.i; k < c.j; k++ {
		l := strings.ToLower(ws[k].text)
		if !personWord(ws[k].text) || orgNouns[l] || isAcronym(ws[k].text) != "" {
			return c.cls
		}
		lows = append(lows, l)
	}
	m, _ := DefaultModel()
	if m == nil || m.gaz == nil || gazNonPerson(m.gaz, lows) {
		return c.cls
	}
	for _, l := range lows {
		if b, ok := m.gaz.caps[l]; ok && b < 3 {
			return c.cls // a common word ("the official No Campaign", "fund manager Matrix Asset Advisors")
		}
	}
	return clsPER
}

// gazNonPerson: the gazetteer knows one of the words, as part of a name
// it covers, as an organization, place or other name.
func gazNonPerson(g *Gazetteer, lows []string) bool {
	for _, x := range g.Match(lows) {
		if strings.Contains(x, "ORG") || strings.Contains(x, "LOC") || strings.Contains(x, "MISC") {
			return true
		}
	}
	return false
}

// surnameAfterTitle: the one word after a title that opens the tagger's span
// is a person's surname ("President/ORG Smith/ORG" -> PER "Smith") when it
// can be a name word, is no organization noun, and is known as a surname or
// is a word news never shows, and the gazetteer does not know the whole as
// an organization, place or other name ("General Motors" stays whole), nor
// is it an organization opened by a title that is also a modifier
// ("General X" tagged ORG).
func (a *annotator) surnameAfterTitle(ws []word, c, r span) bool {
	if r.j-r.i != 1 || !nameWords(ws, r) {
		return false
	}
	l := strings.ToLower(ws[r.i].text)
	if orgNouns[l] || corpSuffixes[l] {
		return false
	}
	m, _ := DefaultModel()
	if m == nil || m.gaz == nil {
		return false
	}
	lows := make([]string, 0, c.j-c.i)
	for k := c.i; k < c.j; k++ {
		lows = append(lows, strings.ToLower(ws[k].text))
	}
	if gazNonPerson(m.gaz, lows) {
		return false // a known name ("General Motors")
	}
	if c.cls == clsORG && titleMods[lows[0]] {
		return false // "General X" the tagger reads as a company
	}
	_, known := m.gaz.caps[l]
	return m.gaz.nameParts[l]&2 != 0 || !known
}

// extendPerson continues a one-word person name that follows a title over
// the next word when the tagger left it out of every span (a surname: not a
// title or function word, not a weekday or month, and a word that is
// written capitalised in news or a rare one) or when it is the next span, a
// person.
func (a *annotator) extendPerson(si int, r span, covered []bool, next span) (span, bool) {
	ws := a.sents[si]
	if r.j-r.i != 1 || r.j >= len(ws) {
		return r, false
	}
	if next.i == r.j && next.cls == clsPER && next.j-next.i <= 2 {
		return span{r.i, next.j, r.cls}, true
	}
	w := ws[r.j].text
	l := strings.ToLower(w)
	if covered[r.j] || !firstUpper(w) || !hasLetterOrDigit(w) || isTitleWord(l) || connectors[l] || calendarWords[l] || isAcronym(w) != "" {
		return r, false
	}
	m, _ := DefaultModel()
	if m == nil || m.gaz == nil {
		return r, false
	}
	if b := m.gaz.caps[l]; b == 1 || b == 2 {
		if m.gaz.nameParts[l]&2 == 0 {
			return r, false
		}
	}
	return span{r.i, r.j + 1, r.cls}, false
}

var calendarWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "today", "tonight", "yesterday", "tomorrow")

// nameWords: 1-4 capitalised words, none a corporate suffix, title,
// place or function word.
func nameWords(ws []word, c span) bool {
	if c.j-c.i < 1 || c.j-c.i > 4 {
		return false
	}
	for k := c.i; k < c.j; k++ {
		w := ws[k].text
		l := strings.ToLower(w)
		if !firstUpper(w) || corpSuffixes[l] || isTitleWord(l) || geoHeads[l] || connectors[l] || calendarWords[l] || acronymSkip[l] {
			return false
		}
	}
	return true
}

// looksLikePerson: 1-4 capitalised words, none a corporate suffix, title or
// place word, the first a known first name or followed by another word.
func looksLikePerson(a *annotator, ws []word, c span) bool {
	n := c.j - c.i
	if n < 1 || n > 4 {
		return false
	}
	for k := c.i; k < c.j; k++ {
		w := ws[k].text
		l := strings.ToLower(w)
		if !firstUpper(w) || corpSuffixes[l] || isTitleWord(l) || geoHeads[l] || connectors[l] {
			return false
		}
	}
	first := strings.ToLower(ws[c.i].text)
	if firstNameGender(first) != genderUnknown {
		return true
	}
	if m, _ := DefaultModel(); m != nil && m.gaz != nil && m.gaz.nameParts[first]&1 != 0 {
		return true
	}
	return n >= 2
}

// expandAcronyms finds "( ACR )" and marks the words before it whose
// initials spell ACR as one name of the acronym's class (ORG by default).
func (a *annotator) expandAcronyms(si int, cs []span) []span {
	ws := a.sents[si]
	for k := 1; k+1 < len(ws); k++ {
		if ws[k-1].text != "(" || ws[k+1].text != ")" {
			continue
		}
		acr := isAcronym(ws[k].text)
		if acr == "" || len(acr) > 8 {
			continue
		}
		start := matchExpansion(ws, k-1, acr)
		if start < 0 {
			// A spun or loosely written expansion: one initial off,
			// function words inside ("Organisation for Safety and also
			// Teamwork in Europe (OSCE)"). It is the acronym's name, even
			// where the tagger split it.
			if start = matchExpansionLoose(ws, k-1, acr); start < 0 {
				continue
			}
			if a.expOf == nil {
				a.expOf = map[mloc]string{}
			}
			a.expOf[mloc{si, start, k - 1}] = acr
		}
		cls := clsORG
		for _, c := range cs {
			if c.i == k && c.j == k+1 {
				cls = c.cls
			}
		}
		// Replace overlapping spans by the expansion.
		var out []span
		for _, c := range cs {
			if c.j <= start || c.i >= k-1 {
				out = append(out, c)
			}
		}
		out = append(out, span{start, k - 1, cls})
		sortSpans(out)
		cs = out
		if !hasSpan(cs, k, k+1) {
			cs = append(cs, span{k, k + 1, cls})
			sortSpans(cs)
		}
	}
	return cs
}

func hasSpan(cs []span, i, j int) bool {
	for _, c := range cs {
		if c.i == i && c.j == j {
			return true
		}
	}
	return false
}

func sortSpans(cs []span) {
	for x := 1; x < len(cs); x++ {
		for y := x; y > 0 && cs[y].i < cs[y-1].i; y-- {
			cs[y], cs[y-1] = cs[y-1], cs[y]
		}
	}
}

// matchExpansion returns the first word of the words ending before index end
// whose capitalised initials (function words skipped, hyphenated parts
// counted when capitalised) spell acr, or -1.
func matchExpansion(ws []word, end int, acr string) int {
	letters := []rune(acr)
	li := len(letters) - 1
	k := end - 1
	for k >= 0 && li >= 0 {
		w := ws[k].text
		l := strings.ToLower(w)
		if acronymSkip[l] {
			k--
			continue
		}
		if !firstUpper(w) {
			return -1
		}
		// initials of the word's capitalised hyphen parts, right to left
		parts := strings.Split(w, "-")
		for p := len(parts) - 1; p >= 0 && li >= 0; p-- {
			r := []rune(parts[p])
			if len(r) == 0 || !firstUpper(parts[p]) {
				continue
			}
			if r[0] != letters[li] {
				return -1
			}
			li--
		}
		k--
	}
	if li >= 0 {
		return -1
	}
	return k + 1
}

// matchExpansionLoose is matchExpansion allowing one initial that differs
// (not the first) and lower-case function words between the capitalised
// words, for acronyms of four letters or more: the words before the
// parenthesis, as many capitalised words as the acronym has letters.
func matchExpansionLoose(ws []word, end int, acr string) int {
	letters := []rune(acr)
	if len(letters) < 4 {
		return -1
	}
	li, miss := len(letters)-1, 0
	k := end - 1
	for k >= 0 && li >= 0 {
		w := ws[k].text
		l := strings.ToLower(w)
		if !firstUpper(w) {
			if (acronymSkip[l] || functionWords[l]) && li < len(letters)-1 {
				k--
				continue
			}
			return -1
		}
		if acronymSkip[l] || isAcronym(w) != "" || titleHeads[l] {
			return -1
		}
		r := []rune(w)
		if r[0] != letters[li] {
			miss++
		}
		li--
		k--
	}
	if li >= 0 || miss > 1 || []rune(ws[k+1].text)[0] != letters[0] {
		return -1
	}
	return k + 1
}

// prefixClass is the class of a one-word place, nationality or organization
// name by the gazetteer (or the demonym form), or 0.
func (a *annotator) prefixClass(l string) int {
	if m, _ := DefaultModel(); m != nil && m.gaz != nil {
		if mask, ok := m.gaz.entries[l]; ok {
			for _, c := range []int{clsLOC, clsORG, clsMISC} {
				if mask&(1<<uint(c)) != 0 {
					return c
				}
			}
		}
	}
	if demonymLike(l) {
		return clsMISC
	}
	return 0
}

// edgeWords: closed-class words a name does not end with ("Tories of",
// "Fiat and") nor start with ("And Ireland" after a sentence opens with
// "And", "of Azkaban"), whatever their case: conjunctions, prepositions,
// articles other than a leading "The", possessive determiners.
var edgeWords = set("of", "and", "or", "nor", "but", "in", "to", "at", "on", "by", "with", "from", "for",
	"into", "than", "as", "a", "an", "the", "my", "your", "our", "their", "its")

// bracketQualifier: an organisation's name followed by a bracketed one- or
// two-letter capital qualifier takes it in ("Vala ( BJ )", "Sloga ( B )":
// results tables tell clubs of one name apart by their town's initial),
// whether the tagger left the letters out or read them as a name of their
// own. A person's bracket ("Jo Smith ( R )": a party) is not joined.
func bracketQualifier(ws []word, out []span) []span {
	for ci := 0; ci < len(out); ci++ {
		r := &out[ci]
		k := r.j
		if r.cls != clsORG || k+2 >= len(ws) || ws[k].text != "(" || ws[k+2].text != ")" {
			continue
		}
		q := ws[k+1].text
		if len(q) > 2 || !isAllUpper(q) || !firstUpper(q) {
			continue
		}
		if ci+1 < len(out) && out[ci+1].i == k+1 {
			if out[ci+1].j != k+2 {
				continue
			}
			out = append(out[:ci+1], out[ci+2:]...)
		} else if ci+1 < len(out) && out[ci+1].i <= k+2 {
			continue
		}
		r.j = k + 3
	}
	return out
}

// balanceBrackets: a name holds no unmatched bracket (the tagger's span
// edges, once punctuation is trimmed off them, often do). A span that opens
// "(" without closing it takes the closing bracket when the bracket holds one
// word, a qualifier ("Vala ( L )"); else it is two names, before and inside
// the bracket ("Norland Front ( Party of Light )" -> "Norland Front", "Party of Light").
// A span that closes ")" it did not open starts after it ("Ann ) Roe" ->
// "Roe").
func balanceBrackets(ws []word, r span) []span {
	for r.i < r.j && !hasLetterOrDigit(ws[r.i].text) {
		r.i++
	}
	for r.j > r.i && !hasLetterOrDigit(ws[r.j-1].text) {
		r.j--
	}
	open := -1
	for k := r.i; k < r.j; k++ {
		switch ws[k].text {
		case "(":
			open = k
		case ")":
			if open >= 0 {
				open = -1
			} else {
				r.i = k + 1
			}
		}
	}
	if open < 0 || r.i >= r.j {
		return []span{r}
	}
	if r.j < len(ws) && ws[r.j].text == ")" && r.j-open == 2 && open > r.i {
		r.j++
		return []span{r}
	}
	out := []span{{r.i, open, r.cls}}
	if in := (span{open + 1, r.j, r.cls}); in.j > in.i && firstUpper(ws[in.i].text) {
		out = append(out, in)
	}
	return out
}

// institutionName: the name after a leading "The" is headed by an
// organisation or law noun ("The Commerce Department", "The University of
// Michigan", "The Treaty of X"): a description written with capitals, whose
// article news does not count as part of the name (the article of a title,
// "The Sunday Courier", "The Decaying Mansion", stays). The head is the
// last word before the first lower-case word, else the last word.
func institutionName(ws []word, r span) bool {
	head := r.j - 1
	for k := r.i + 1; k < r.j; k++ {
		if !firstUpper(ws[k].text) {
			head = k - 1
			break
		}
	}
	if head <= r.i {
		return false
	}
	l := strings.ToLower(ws[head].text)
	return orgNouns[l] || lawHeads[l]
}

// trimFunctionWords cuts closed-class words off the edges of a tagged name.
// A trailing one goes when written in lower case or is a conjunction or
// "of" ("Carry On" and "Skype In" may be titles); a leading one goes unless it
// is "The" or a person's initial ("A Smith"). A name that is only such words
// is dropped (returned empty).
func trimFunctionWords(ws []word, r span) span {
	for r.j > r.i {
		w := ws[r.j-1].text
		l := strings.ToLower(w)
		if !edgeWords[l] || (firstUpper(w) && l != "and" && l != "or" && l != "of" && r.j-r.i > 1) {
			break
		}
		r.j--
	}
	for r.j > r.i {
		w := ws[r.i].text
		l := strings.ToLower(w)
		if !edgeWords[l] || (w == "The" && r.j-r.i > 1 && !institutionName(ws, r)) || (r.cls == clsPER && len(w) == 1) {
			break
		}
		r.i++
	}
	return r
}
