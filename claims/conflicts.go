package claims

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/quantity"
	"github.com/accord-news/accord/text"
)

// Conflict detection reads facts out of every document of a story (numbers
// with what they count, weekdays and month-days, given names of surnames,
// titles of people, offices and their holders, places, speakers of
// statements) and compares each fact with the facts of the same key in the
// other documents whose sentences share context. A document's fact is in
// conflict when at least minGroups independent groups state one other,
// mutually compatible, incompatible value and no other independent group
// backs it. The rule finds the odd one out, and stays silent where sources
// are split or where only one source speaks (except speakers and offices,
// whose conflicts are symmetric: both sides are shown).

// Context thresholds: content words two sentences must share besides the
// compared values.
const (
	ctxNumber = 2
	ctxDate   = 3
	ctxPlace  = 3
)

type fact struct {
	di    *docInfo
	sent  int
	span  accord.Span // the value as written (evidence)
	says  string
	key   string
	value string
	first string // a person's given name (titles), "" when not written
	q     *quantity.Q
	local map[string]bool // content words near the value
	leave map[string]bool // words of the value itself
	// Built on first use, once local and leave are final: the sentence's
	// content words less leave (numbered, sorted), and local less leave
	// with their stems.
	ctxDone    bool
	ctxIDs     []int32
	localStems []wordStem
	// The names of the fact's sentence, and with its document's lead
	// (sameParticipants), built on first use.
	namesDone            bool
	sentNames, leadNames []string
	// The words of the companies the sentence names (companies), built on
	// first use.
	orgsDone bool
	orgs     []string
	// A figure's measured noun and agent (measured), built on first use.
	thingDone    bool
	thing, agent string
	mod          string // the word before the measured noun ("tax" in "£4bn in tax cuts")
	rate         string // "game" in "eight rebounds a game"
}

type wordStem struct{ w, stem string }

// context fills the fact's derived views on first use.
func (f *fact) context() {
	if f.ctxDone {
		return
	}
	f.ctxDone = true
	for _, id := range f.di.sents[f.sent].ids {
		if !f.leave[f.di.nums.vocab[id]] {
			f.ctxIDs = append(f.ctxIDs, id)
		}
	}
	for w := range f.local {
		if !f.leave[w] {
			f.localStems = append(f.localStems, wordStem{w, stem(w)})
		}
	}
}

// sharedContext counts the content words the two facts' sentences share,
// leaving out the words of either value.
func sharedContext(a, b *fact) int {
	a.context()
	b.context()
	return sharedIDs(a.ctxIDs, b.ctxIDs)
}

type finding struct {
	kind, subkind string
	odd           *fact
	others        []*fact
	topic         string // for the summary: "the number of people", "the date", ...
	symmetric     bool
}

// story is the set of documents compared with one another.
type story struct {
	id   string
	docs []*docInfo
	// docFreq of lower-case words: how many documents use each.
	docFreq map[string]int
	// eventOf: the story stage's event of each document (nil when no
	// story stage ran; then the topic stands for the happening).
	eventOf map[string]string
	// knownNames: full names (fullName) that two or more independent
	// groups write anywhere in the corpus.
	knownNames map[string]bool
	// central: centralCount, built when first needed.
	central map[string]int
	// caps: midCapsAny, built when first needed.
	caps map[string]bool
	// lower: lowerAny, built when first needed.
	lower map[string]bool
}

// fullName keys a person by given name and surname, in lower case.
func fullName(given, surname string) string {
	return strings.ToLower(given) + " " + surname
}

// names: the participants of the fact's sentence, with its document's
// lead sentence's when withLead; built once per fact.
func (f *fact) names(withLead bool) []string {
	if !f.namesDone {
		f.namesDone = true
		f.sentNames = participants(f.di, f.sent)
		f.leadNames = append(append([]string{}, f.sentNames...), participants(f.di, 0)...)
	}
	if withLead {
		return f.leadNames
	}
	return f.sentNames
}

// participants are the names a sentence holds: capitalized words (the
// first word only when the document never writes it in lower case), less
// calendar words, titles and the heads of organization names ("Corp",
// "Bank"), lower-cased.
func participants(di *docInfo, si int) []string {
	var out []string
	s := &di.sents[si]
	for t, tk := range s.toks {
		if !di.capTok(si, t) {
			continue
		}
		w, _ := stripPoss(tk.Lower)
		if len(w) < 2 || weekdays[w] != "" || months[strings.TrimSuffix(w, ".")] != 0 || notSurname[w] ||
			titleVocab(w) || text.IsStopword(w) || calendarWord[w] || di.lowerWords[w] || isDigitStr(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// sameParticipants: two figures or dates are of one happening only near
// the same named participants. When both sentences name some, they share
// one; when one names none, its document's lead sentence stands in for it
// ("Shr loss 32 cts" under a lead naming the company). Without names on
// either side nothing is known, and the facts may meet.
func (st *story) sameParticipants(a, b *fact) bool {
	pa, pb := a.names(false), b.names(false)
	if len(pa) == 0 || len(pb) == 0 {
		pa, pb = a.names(true), b.names(true)
	}
	if len(pa) == 0 || len(pb) == 0 {
		return true
	}
	for _, x := range pa {
		for _, y := range pb {
			if x == y {
				return true
			}
		}
	}
	return false
}

func newStory(id string, docs []*docInfo, eventOf map[string]string) *story {
	st := &story{id: id, docs: docs, docFreq: map[string]int{}, eventOf: eventOf}
	for _, d := range docs {
		for w := range d.words {
			st.docFreq[w]++
		}
	}
	st.spreadPlaces()
	return st
}

// spreadPlaces: a name any document of the story uses as a place ("in
// Malibu") is a place wherever it is written ("a Malibu rehab center").
func (st *story) spreadPlaces() {
	vocab := map[string]bool{}
	for _, d := range st.docs {
		for _, p := range d.places {
			vocab[p.norm] = true
		}
	}
	for _, d := range st.docs {
		for si := range d.sents {
			s := &d.sents[si]
			for k := range s.toks {
				if !d.capTok(si, k) {
					continue
				}
				// Longest vocabulary name starting here (up to 4 words).
				for n := 4; n >= 1; n-- {
					if k+n > len(s.toks) {
						continue
					}
					var ws []string
					for j := k; j < k+n; j++ {
						w, _ := stripPoss(s.toks[j].Lower)
						ws = append(ws, w)
					}
					name := strings.Join(ws, " ")
					if !vocab[name] {
						continue
					}
					last := s.toks[k+n-1]
					end := last.End
					if ss, poss := stripPoss(d.d.Text[last.Start:last.End]); poss {
						end = last.Start + len(ss)
					}
					d.addPlace(place{span: accord.Span{Start: s.toks[k].Start, End: end}, norm: name, sent: si})
					break
				}
			}
		}
	}
}

// sameHappening: two facts are reports of one happening, so that their
// differing values can conflict: their documents are in one event of the
// story stage, or their sentences say much the same (half the shorter
// one's content words, at least four, besides the values). A topic is
// broader than an event: two races, two rate decisions, two matches of one
// season share a topic, and their figures, dates and people differ
// without any source being wrong.
func (st *story) sameHappening(f, g *fact) bool {
	if st.eventOf == nil {
		return true
	}
	if e := st.eventOf[f.di.d.ID]; e != "" && e == st.eventOf[g.di.d.ID] {
		return true
	}
	f.context()
	g.context()
	// Words of time, figures and speech say nothing of which happening.
	vocab := f.di.nums.vocab
	plain := func(id int32) bool {
		w := vocab[id]
		return !timeFill[w] && months[w] == 0 && !calendarWord[w] && !speechVerbs[w] && !isDigitStr(strings.Trim(w, ".,%"))
	}
	na, nb, n := 0, 0, 0
	for _, x := range f.ctxIDs {
		if plain(x) {
			na++
		}
	}
	for _, y := range g.ctxIDs {
		if plain(y) {
			nb++
		}
	}
	i, j := 0, 0
	for i < len(f.ctxIDs) && j < len(g.ctxIDs) {
		switch x, y := f.ctxIDs[i], g.ctxIDs[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			if plain(x) {
				n++
			}
			i++
			j++
		}
	}
	return n >= 4 && 2*n >= min(na, nb)
}

var calendarWord = map[string]bool{"year": true, "years": true, "month": true, "months": true, "quarter": true,
	"quarters": true, "weekend": true, "season": true, "decade": true, "annual": true, "monthly": true}

func (st *story) findConflicts() []finding {
	var out []finding
	out = append(out, st.speakerConflicts()...)
	out = append(out, st.officeConflicts()...)
	out = append(out, st.roleConflicts()...)
	out = append(out, st.nameConflicts()...)
	out = append(out, st.numberConflicts()...)
	out = append(out, st.dateConflicts()...)
	out = append(out, st.placeConflicts()...)
	// One finding per evidence span in the odd document.
	var kept []finding
	for _, f := range out {
		dup := false
		for _, k := range kept {
			if k.odd.di == f.odd.di && (k.odd.span == f.odd.span || k.kind == f.kind && (k.odd.span.Overlaps(f.odd.span) || k.odd.sent == f.odd.sent)) {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, f)
		}
	}
	return kept
}

func sentIndex(di *docInfo, off int) int {
	for i, s := range di.sents {
		if s.span.Start <= off && off < s.span.End {
			return i
		}
	}
	return -1
}

func wordsOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range text.Words(s) {
		w, _ = stripPoss(w)
		m[w] = true
		for _, p := range strings.Split(w, "-") {
			m[p] = true
		}
	}
	return m
}

func localWords(di *docInfo, si int, sp accord.Span, win int) map[string]bool {
	return localWordsOf(di, si, sp, win, false)
}

// predicateWords are the lower-case, non-numeric words near a span: the
// happening a date is attached to ("died early Thursday"), not the names
// around it.
func predicateWords(di *docInfo, si int, sp accord.Span, win int) map[string]bool {
	return localWordsOf(di, si, sp, win, true)
}

// firstTokenFrom is the index of the sentence's first token starting at or
// after byte offset start, or -1 when there is none.
func firstTokenFrom(s *sent, start int) int {
	for k, t := range s.toks {
		if t.Start >= start {
			return k
		}
	}
	return -1
}

func localWordsOf(di *docInfo, si int, sp accord.Span, win int, lowerOnly bool) map[string]bool {
	m := map[string]bool{}
	s := &di.sents[si]
	at := firstTokenFrom(s, sp.Start)
	if at < 0 {
		return m
	}
	for k := at - win; k <= at+win; k++ {
		if k < 0 || k >= len(s.toks) {
			continue
		}
		t := s.toks[k]
		if t.Start >= sp.Start && t.End <= sp.End {
			continue
		}
		w, _ := stripPoss(t.Lower)
		if lowerOnly && (di.d.Text[t.Start:t.End] != t.Lower || isDigitStr(strings.Trim(w, ",."))) {
			continue
		}
		if isWordTok(w) && !text.IsStopword(w) {
			m[w] = true
		}
	}
	return m
}

// oddOneOut applies the majority rule to facts grouped by key. compat says
// whether two values agree; ctx whether two facts speak of the same thing.
// minShared > 0 says that ctx holds only for facts whose sentences share at
// least that many words besides the values (sharedContext): the facts of a
// key are then paired through an index of those words, not all with all,
// which in a large topic is most of the stage's time.
//
// outvoted lets a value one other independent group backs still be the odd
// one when more than twice as many groups as back it (its own included)
// state one other value: two reports against five or more. Only for facts
// that do not change as a story unfolds (titles), where so lopsided a
// split is an error repeated, not two stages of the news.
func (st *story) oddOneOut(facts []*fact, compat func(a, b *fact) bool, ctx func(a, b *fact) bool, minShared, minGroups int, outvoted bool) [][2][]*fact {
	var res [][2][]*fact
	byKey := map[string][]*fact{}
	var keys []string
	for _, f := range facts {
		if _, ok := byKey[f.key]; !ok {
			keys = append(keys, f.key)
		}
		byKey[f.key] = append(byKey[f.key], f)
	}
	sort.Strings(keys)
	var (
		shared  []int32 // per fact of the key: words shared with f's context
		touched []int
		inCtx   []*fact
	)
	for _, k := range keys {
		fs := byKey[k]
		var post map[int32][]int
		if minShared > 0 {
			post = map[int32][]int{}
			for gi, g := range fs {
				g.context()
				for _, x := range g.ctxIDs {
					post[x] = append(post[x], gi)
				}
			}
			shared = make([]int32, len(fs))
			touched = touched[:0]
		}
		for _, f := range fs {
			backers := map[int]bool{} // other groups that state f's value
			var opp []*fact
			if minShared > 0 {
				// shared[gi] is sharedContext(f, fs[gi]): the contexts' word
				// numbers are unique per fact.
				for _, gi := range touched {
					shared[gi] = 0
				}
				touched = touched[:0]
				for _, x := range f.ctxIDs {
					for _, gi := range post[x] {
						if shared[gi] == 0 {
							touched = append(touched, gi)
						}
						shared[gi]++
					}
				}
			}
			// Per other document, the fact that best matches f's context.
			bestOf := map[*docInfo]*fact{}
			scoreOf := map[*docInfo]int{}
			inCtx = inCtx[:0]
			for gi, g := range fs {
				if g.di == f.di || minShared > 0 && int(shared[gi]) < minShared || !ctx(f, g) || !st.sameHappening(f, g) {
					continue
				}
				inCtx = append(inCtx, g)
				sc := sharedIDs(f.di.sents[f.sent].ids, g.di.sents[g.sent].ids) + 2*localOverlap(f, g)
				if b, ok := bestOf[g.di]; !ok || sc > scoreOf[g.di] || sc == scoreOf[g.di] && compat(f, g) && !compat(f, b) {
					bestOf[g.di], scoreOf[g.di] = g, sc
				}
			}
			// Only facts in context can be a document's best (in fs order).
			for _, g := range inCtx {
				if bestOf[g.di] != g {
					continue
				}
				if compat(f, g) {
					if g.di.group != f.di.group {
						backers[g.di.group] = true
					}
					continue
				}
				opp = append(opp, g)
			}
			if len(opp) == 0 || len(backers) > 1 || len(backers) == 1 && !outvoted {
				continue
			}
			// The document must not itself state an opposing value in context.
			// Pick the opposing value held by the most independent groups.
			var best []*fact
			bestN := 0
			for _, pivot := range opp {
				var agree []*fact
				groups := map[int]bool{}
				for _, g := range opp {
					if compat(pivot, g) {
						agree = append(agree, g)
						groups[g.di.group] = true
					}
				}
				if len(groups) > bestN {
					best, bestN = agree, len(groups)
				}
			}
			if bestN < minGroups || len(backers) == 1 && bestN <= 2*(len(backers)+1) {
				continue
			}
			// Opposing facts that disagree with the chosen value among
			// themselves mean a split, not an odd one out.
			split := false
			for _, g := range opp {
				if !compat(best[0], g) && g.di.group != f.di.group {
					split = true
				}
			}
			if split {
				continue
			}
			res = append(res, [2][]*fact{{f}, best})
		}
	}
	return res
}

// ---- numbers

func numKey(q *quantity.Q) string {
	if q.Unit == "" && q.Counts == "" {
		return ""
	}
	if q.Unit == "year" && q.Counts == "age" {
		return "age"
	}
	return q.Unit + "|" + q.Counts
}

func bounds(q *quantity.Q) (float64, float64) {
	lo, hi := q.Low, q.High
	switch q.Bound {
	case quantity.BoundMin:
		lo, hi = q.Value, math.MaxFloat64
	case quantity.BoundMax:
		lo, hi = 0, q.Value
	}
	// Rounding and unit conversion: an exact figure within 2%, an
	// approximate one within 10%.
	if q.Approximate {
		lo, hi = lo*0.9, hi*1.1
	} else {
		lo, hi = lo*0.98, hi*1.02
	}
	return lo, hi
}

func numCompat(a, b *fact) bool {
	al, ah := bounds(a.q)
	bl, bh := bounds(b.q)
	return al <= bh && bl <= ah
}

func (st *story) numberConflicts() []finding {
	var facts []*fact
	for _, di := range st.docs {
		perSent := figuresPerSentence(di)
		for i := range di.qs {
			q := &di.qs[i]
			k := numKey(q)
			if k == "" || k == "age" {
				continue // ages belong to people: many per story, rarely one fact
			}
			if strings.Contains(q.Text, "-") {
				continue // "a 30-day sentence", "a 3-point shot": modifiers
			}
			if q.Low < q.High && q.Bound == "" {
				continue // "tens of thousands": too vague to contradict
			}
			si := sentIndex(di, q.Start)
			if si < 0 || tableLine(&di.sents[si], perSent[si]) {
				continue
			}
			f := &fact{di: di, sent: si, span: q.Span, says: q.Text, key: k, q: q,
				leave: union(wordsOf(q.Text), timeFill), local: predicateWords(di, si, q.Span, 4)}
			if sn := nearestPerson(di, si, q.Span); sn != "" {
				f.local[sn] = true
				f.value = sn
			}
			facts = append(facts, f)
		}
	}
	ctx := func(a, b *fact) bool {
		if a.value != "" && b.value != "" && a.value != b.value {
			return false // about different people
		}
		return sharedContext(a, b) >= ctxNumber && localMatch(a, b) && st.sameParticipants(a, b)
	}
	var out []finding
	for _, r := range st.oddOneOut(facts, numCompat, ctx, ctxNumber, 2, false) {
		f := r[0][0]
		// Against another company's figures, the odd figure is of another
		// thing. Checked on the finding, not in ctx: there it would also
		// drop the figures that back a document's ("priced at 101 pct,
		// lead manager X Ltd said"), and make new odd ones.
		other := false
		for _, g := range r[1] {
			if !sameCompanies(f, g) || differentMeasure(f, g) {
				other = true
			}
		}
		if other {
			continue
		}
		// The document must not state the majority's value itself, nor a
		// majority document the odd value in the sentence that gives its
		// own: a report giving both figures at once ("Halifax said prices
		// rose 0.8% and Nationwide 0.4%") tells two things apart, it does
		// not contradict one giving one of them.
		also := false
		type docSent struct {
			di   *docInfo
			sent int
		}
		majority := map[docSent]bool{}
		for _, g := range r[1] {
			majority[docSent{g.di, g.sent}] = true
		}
		for _, g := range facts {
			if g.key != f.key {
				continue
			}
			if g.di == f.di && numCompat(g, r[1][0]) || majority[docSent{g.di, g.sent}] && numCompat(g, f) {
				also = true
			}
		}
		if also {
			continue
		}
		what := f.q.Counts
		if what == "" {
			what = f.q.Unit
		}
		out = append(out, finding{kind: accord.ConflictNumber, odd: f, others: r[1], topic: "the number (" + what + ")"})
	}
	return out
}

// figuresPerSentence counts the quantities of each sentence of di.
func figuresPerSentence(di *docInfo) map[int]int {
	perSent := map[int]int{}
	for i := range di.qs {
		if si := sentIndex(di, di.qs[i].Start); si >= 0 {
			perSent[si]++
		}
	}
	return perSent
}

// tableLine: a line of a table, not a statement: at least two figures
// (nq) set against each other ("Shr loss 32 cts vs loss seven cts") or
// making up a third of its words ("Avg shrs 3,808,000 vs 1,924,000").
// Such lines name no subject of their own (the company stands in a
// heading), so their figures contradict no other document's. A short row
// (at most ten words) whose figure or "nil" is set against anything is
// one too ("Shr loss six cts vs not available", "Shr profit nil vs loss
// nil").
func tableLine(s *sent, nq int) bool {
	if len(s.words) <= 10 {
		fig := false
		for _, t := range s.toks {
			switch {
			case t.Lower == "vs" || t.Lower == "vs." || t.Lower == "versus":
				if fig {
					return true
				}
			case t.Lower == "nil" || isWordTok(t.Lower) && figureTok(t.Lower):
				fig = true
			}
		}
	}
	if nq < 2 {
		return false
	}
	words, figures, before := 0, 0, false
	for _, t := range s.toks {
		if !isWordTok(t.Lower) {
			continue
		}
		words++
		switch t.Lower {
		case "vs", "vs.", "versus":
			before = before || figures > 0
			figures = 0
			continue
		}
		if figureTok(t.Lower) {
			if before {
				return true
			}
			figures++
		}
	}
	return 3*max(figures, nq) >= words
}

// figureTok: a token written with digits, or a number word.
// figureCount counts the figures of a sentence written in digits or
// number words, whether or not the quantity layer read a quantity there
// ("one ct").
func figureCount(s *sent) int {
	n := 0
	for _, t := range s.toks {
		if isWordTok(t.Lower) && figureTok(t.Lower) {
			n++
		}
	}
	return n
}

func figureTok(w string) bool {
	for _, r := range w {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return isNumberWord(w)
}

// differentMeasure: the two figures measure different things: the nouns right
// after them differ ("a 1% tax increase", "a 50% income tax rate"), or the
// agents named right after them ("banned for two years by the league",
// "for four years by the tribunal"). Only a figure of a bare unit (a
// percentage, an amount of money, a duration) has such a noun to read; a
// counted noun is already in the fact's key. A rate ("eight rebounds a
// game", "$5 per share") and a figure that is none, or two rates of
// different periods, measure different things too.
func differentMeasure(a, b *fact) bool {
	ta, aa := a.measured()
	tb, ab := b.measured()
	if a.rate != b.rate {
		return true
	}
	if ta != "" && tb != "" && stem(ta) != stem(tb) && !lexicon.Related(ta, tb) {
		return true
	}
	// One noun, modified otherwise: "£35bn of cuts" (spending) and "£4bn
	// in tax cuts" measure two things.
	if ta != "" && tb != "" && stem(a.mod) != stem(b.mod) {
		return true
	}
	return aa != "" && ab != "" && aa != ab
}

var (
	copula     = map[string]bool{"was": true, "is": true, "were": true, "are": true}
	clauseMark = map[string]bool{",": true, ";": true, ":": true, "that": true, "which": true, "and": true, "but": true, "\"": true, "“": true}
	determiner = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true, "this": true}
)

// measured reads the noun a bare-unit figure measures (the last of up to
// three lower-case content words right after it) and the agent of a
// passive right after it ("by the tribunal").
func (f *fact) measured() (string, string) {
	if f.thingDone {
		return f.thing, f.agent
	}
	f.thingDone = true
	if f.q == nil {
		return "", ""
	}
	s := &f.di.sents[f.sent]
	k := 0
	for k < len(s.toks) && s.toks[k].Start < f.span.End {
		k++
	}
	if f.q.Counts == "" {
		plain := func(j int) bool {
			w := s.toks[j].Lower
			return isWordTok(w) && !f.di.capTok(f.sent, j) && !text.IsStopword(w) && !figureTok(w) && !timeFill[w] &&
				!calendarWord[w] && !speechVerbs[w] && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") &&
				!strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "er")
		}
		// "£4bn in tax cuts", "£35bn of cuts", "£35bn worth of savings":
		// the measured noun phrase after a preposition.
		j := k
		if j < len(s.toks) && s.toks[j].Lower == "worth" {
			j++
		}
		if j < len(s.toks) && (s.toks[j].Lower == "of" || s.toks[j].Lower == "in") {
			j++
		}
		if j == k || j < len(s.toks) && plain(j) {
			var run []string
			for ; j < len(s.toks) && len(run) < 3 && plain(j); j++ {
				run = append(run, s.toks[j].Lower)
			}
			if len(run) > 0 {
				f.thing = run[len(run)-1]
				if len(run) > 1 {
					f.mod = run[len(run)-2]
				}
			}
		}
		// "tax cuts worth £4bn": the noun phrase before "worth".
		if f.thing == "" && k > 0 {
			b := k - 1
			for b >= 0 && s.toks[b].Start >= f.span.Start {
				b--
			}
			if b > 0 && s.toks[b].Lower == "worth" {
				var run []string
				for j := b - 1; j >= 0 && len(run) < 2 && plain(j); j-- {
					run = append([]string{s.toks[j].Lower}, run...)
				}
				if len(run) > 0 {
					f.thing = run[len(run)-1]
					if len(run) > 1 {
						f.mod = run[0]
					}
				}
			}
			switch {
			case f.thing != "" || b < 1:
			case copula[s.toks[b].Lower]:
				// "the opening bid for the unit was $8bn": the head of
				// the clause's subject, with its modifier.
				st := b - 1
				for st > 0 && !clauseMark[s.toks[st-1].Lower] && !speechVerbs[s.toks[st-1].Lower] {
					st--
				}
				for st < b && determiner[s.toks[st].Lower] {
					st++
				}
				var run []string
				for j := st; j < b && len(run) < 3; j++ {
					w := s.toks[j].Lower
					if !isWordTok(w) || f.di.capTok(f.sent, j) || text.IsStopword(w) || figureTok(w) {
						break
					}
					run = append(run, w)
				}
				if len(run) > 0 {
					f.thing = run[len(run)-1]
					if len(run) > 1 {
						f.mod = run[len(run)-2]
					}
				}
			case s.toks[b].Lower == "for":
				// "bought the unit for $9.3bn": a price paid.
				f.thing = "price"
			}
		}
	}
	// A rate: "a", "per", "each" or "every" and a noun right after the
	// figure, not a time ago ("a week ago") nor "per cent".
	if k+1 < len(s.toks) {
		switch s.toks[k].Lower {
		case "a", "an", "per", "each", "every":
			w := s.toks[k+1].Lower
			next := ""
			if k+2 < len(s.toks) {
				next = s.toks[k+2].Lower
			}
			if isWordTok(w) && !figureTok(w) && !text.IsStopword(w) && w != "cent" && !f.di.capTok(f.sent, k+1) &&
				next != "ago" && next != "earlier" && next != "later" && next != "before" && next != "after" {
				f.rate = w
			}
		}
	}
	for j := k; j < len(s.toks) && j < k+2; j++ {
		if s.toks[j].Lower != "by" {
			continue
		}
		j++
		for j < len(s.toks) && (s.toks[j].Lower == "the" || s.toks[j].Lower == "a" || s.toks[j].Lower == "an") {
			j++
		}
		// "by early 1989", "by the end of March": a time, no agent.
		if j < len(s.toks) {
			if w := s.toks[j].Lower; isWordTok(w) && !figureTok(w) && !timeFill[w] && !calendarWord[w] &&
				months[w] == 0 && w != "end" && w != "mid" {
				f.agent = w
			}
		}
		break
	}
	return f.thing, f.agent
}

// insideName: the span stands inside a longer proper name, capitalized
// words on both sides ("the Bupa Great Ireland Run"): the name of an event,
// a team or a body, not the place it names.
func insideName(di *docInfo, si int, sp accord.Span) bool {
	s := &di.sents[si]
	before, after := false, false
	for k, t := range s.toks {
		switch {
		case t.End <= sp.Start && t.End >= sp.Start-1:
			before = di.capTok(si, k) && k > 0 // a sentence's first word is capitalized anyway
		case t.Start >= sp.End && t.Start <= sp.End+1:
			after = di.capTok(si, k)
		}
	}
	return before && after
}

// companyHeads end company names ("Standard Oil Co", "Harbour Mills Inc").
var companyHeads = map[string]bool{"corp": true, "corporation": true, "co": true, "inc": true,
	"incorporated": true, "ltd": true, "limited": true, "plc": true, "llc": true, "ag": true,
	"nv": true, "holdings": true, "industries": true}

// sameCompanies: when both sentences name companies, they name one in
// common (a word of its name besides the head): figures of one form of
// words about two issuers ("X Co plans to issue a 75 mln Swiss franc
// bond", "Y Co said it will issue 154 mln Swiss francs of notes") are
// figures of two things.
func sameCompanies(a, b *fact) bool {
	oa, ob := a.companies(), b.companies()
	if len(oa) == 0 || len(ob) == 0 {
		return true
	}
	for _, x := range oa {
		for _, y := range ob {
			if x == y {
				return true
			}
		}
	}
	return false
}

// companies: the lower-case words of the company names in the fact's
// sentence (the capitalized words before a company head), less the heads.
func (f *fact) companies() []string {
	if f.orgsDone {
		return f.orgs
	}
	f.orgsDone = true
	di, si := f.di, f.sent
	s := &di.sents[si]
	for k := 1; k < len(s.toks); k++ {
		h := strings.TrimSuffix(s.toks[k].Lower, ".")
		if !companyHeads[h] || !di.capTok(si, k) || !di.capTok(si, k-1) {
			continue
		}
		for j := k - 1; j >= 0 && k-j <= 5 && di.capTok(si, j); j-- {
			w, _ := stripPoss(s.toks[j].Lower)
			if !companyHeads[w] && !text.IsStopword(w) {
				f.orgs = append(f.orgs, w)
			}
		}
	}
	return f.orgs
}

func localOverlap(a, b *fact) int {
	n := 0
	for w := range a.local {
		if b.local[w] {
			n++
		}
	}
	return n
}

// localMatch: the words next to the two values share a content word.
func localMatch(a, b *fact) bool {
	a.context()
	b.context()
	for _, y := range b.localStems {
		if a.leave[y.w] {
			continue
		}
		for _, x := range a.localStems {
			if x.stem == y.stem && !b.leave[x.w] {
				return true // "charged" meets "charges"
			}
		}
	}
	return false
}

// nearestPerson returns the surname of the person named closest to sp in
// the sentence, or "".
func nearestPerson(di *docInfo, si int, sp accord.Span) string {
	best, bestD := "", 1<<30
	for _, p := range di.persons {
		if p.sent != si {
			continue
		}
		d := p.span.Start - sp.End
		if d < 0 {
			d = sp.Start - p.span.End
		}
		if d < 0 {
			d = 0
		}
		if d < bestD && d <= 40 {
			best, bestD = p.surname, d
		}
	}
	return best
}

func union(a, b map[string]bool) map[string]bool {
	m := make(map[string]bool, len(a)+len(b))
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}

// ---- dates

func (st *story) dateFacts() []*fact {
	var facts []*fact
	for _, di := range st.docs {
		for si := range di.sents {
			s := &di.sents[si]
			for k, t := range s.toks {
				w, _ := stripPoss(t.Lower)
				if wd := weekdays[w]; wd != "" {
					sp := t.Span
					if ss, poss := stripPoss(di.d.Text[t.Start:t.End]); poss {
						sp.End = sp.Start + len(ss)
					}
					facts = append(facts, &fact{di: di, sent: si, span: sp, says: di.d.Text[sp.Start:sp.End], key: "weekday", value: wd,
						leave: timeFill, local: predicateWords(di, si, sp, 4)})
					continue
				}
				// Month-day: "October 8", "Oct. 8", "8 October".
				m := months[strings.TrimSuffix(w, ".")]
				if m == 0 || !isUpperWord(di.raw(si, k)) {
					continue
				}
				day, sp := 0, t.Span
				if k+1 < len(s.toks) {
					day = dayNum(s.toks[k+1].Lower)
					if day > 0 {
						sp.End = s.toks[k+1].End
					}
				}
				if day == 0 && k > 0 {
					day = dayNum(s.toks[k-1].Lower)
					if day > 0 {
						sp.Start = s.toks[k-1].Start
					}
				}
				if day == 0 {
					continue
				}
				v := fmt.Sprintf("%02d-%02d", m, day)
				facts = append(facts, &fact{di: di, sent: si, span: sp, says: monthNames[m] + " " + fmt.Sprint(day), key: "monthday", value: v,
					leave: union(timeFill, map[string]bool{w: true, fmt.Sprint(day): true}), local: predicateWords(di, si, sp, 4)})
			}
		}
	}
	return facts
}

// timeFill are the words around dates that say nothing of the happening.
var timeFill = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`night morning afternoon evening early late last next day days week weeks
overnight earlier later today yesterday tonight tomorrow noon midnight since until past ago local time
monday tuesday wednesday thursday friday saturday sunday`) {
		timeFill[w] = true
	}
}

func dayNum(w string) int {
	w = strings.TrimRight(w, "stndrh")
	if len(w) == 0 || len(w) > 2 {
		return 0
	}
	n := 0
	for _, r := range w {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	if n < 1 || n > 31 {
		return 0
	}
	return n
}

func (st *story) dateConflicts() []finding {
	facts := st.dateFacts()
	compat := func(a, b *fact) bool { return a.value == b.value }
	ctx := func(a, b *fact) bool {
		return sharedContext(a, b) >= ctxDate && localMatch(a, b) && st.sameParticipants(a, b)
	}
	var out []finding
	for _, r := range st.oddOneOut(facts, compat, ctx, ctxDate, 2, false) {
		f := r[0][0]
		// The other value must not be in the odd sentence already
		// ("arrested Sunday ..., police said Wednesday").
		if sentHas(f.di, f.sent, r[1][0].value) {
			continue
		}
		out = append(out, finding{kind: accord.ConflictDate, odd: f, others: r[1], topic: "the date"})
	}
	return bestPerSentence(out)
}

func sentHas(di *docInfo, si int, w string) bool {
	for _, x := range di.sents[si].words {
		if x == w {
			return true
		}
	}
	return false
}

// bestPerSentence keeps, per odd sentence, the finding whose value's
// neighbourhood best matches its opponents'.
func bestPerSentence(fs []finding) []finding {
	best := map[[2]interface{}]int{}
	score := func(f finding) int {
		n := 0
		for _, o := range f.others {
			for w := range f.odd.local {
				if o.local[w] {
					n++
				}
			}
		}
		return n
	}
	var out []finding
	for _, f := range fs {
		k := [2]interface{}{f.odd.di, f.odd.sent}
		if i, ok := best[k]; ok {
			if score(f) > score(out[i]) {
				out[i] = f
			}
			continue
		}
		best[k] = len(out)
		out = append(out, f)
	}
	return out
}

// ---- names

func (st *story) nameConflicts() []finding {
	// surname -> doc -> names written with it
	type use struct {
		given []string // lower-case given and middle names
		f     *fact
	}
	compat := func(a, b use) bool {
		for _, x := range a.given {
			for _, y := range b.given {
				if compatibleFirst(x, y) {
					return true
				}
			}
		}
		return false
	}
	// Surnames that the story also writes as lower-case words are common
	// nouns in names of things ("World Series", "Windows Update").
	lower := map[string]bool{}
	for _, di := range st.docs {
		for w := range di.lowerWords {
			lower[w] = true
		}
	}
	bySurname := map[string]map[*docInfo][]use{}
	var surnames []string
	for _, di := range st.docs {
		for _, p := range di.persons {
			if len(p.given) == 0 || len(p.tokens) > 3 || len(p.surname) < 2 || lower[p.surname] {
				continue
			}
			if p.tok > 0 && kinWords[di.sents[p.sent].toks[p.tok-1].Lower] {
				continue // "her brother Jack Page": a relative, another person
			}
			var g []string
			for _, x := range p.given {
				g = append(g, strings.ToLower(x))
			}
			m := bySurname[p.surname]
			if m == nil {
				m = map[*docInfo][]use{}
				bySurname[p.surname] = m
				surnames = append(surnames, p.surname)
			}
			u := use{given: g, f: &fact{di: di, sent: p.sent, span: p.span, says: di.d.Text[p.span.Start:p.span.End], key: p.surname, value: g[0]}}
			dup := false
			for _, x := range m[di] {
				if strings.Join(x.given, " ") == strings.Join(g, " ") {
					dup = true
				}
			}
			if !dup {
				m[di] = append(m[di], u)
			}
		}
	}
	sort.Strings(surnames)
	var out []finding
	for _, sn := range surnames {
		m := bySurname[sn]
		if len(m) < 3 {
			continue
		}
		for _, di := range st.docs {
			mine := m[di]
			if len(mine) == 0 {
				continue
			}
			var others []use
			for _, dj := range st.docs {
				if dj != di {
					for _, o := range m[dj] {
						// Different people share a surname across
						// happenings; within one, a surname is one person.
						if st.sameHappening(mine[0].f, o.f) {
							others = append(others, o)
						}
					}
				}
			}
			// Pair off compatible names; what is left on both sides conflicts.
			var leftMine []use
			for _, u := range mine {
				backed := false
				for _, o := range others {
					if o.f.di.group != di.group && compat(u, o) {
						backed = true
						break
					}
				}
				if !backed {
					leftMine = append(leftMine, u)
				}
			}
			if len(leftMine) != 1 {
				continue
			}
			// The other names, clustered by compatibility, with their groups.
			var leftOther [][]use
			for _, o := range others {
				clash := false
				for _, u := range mine {
					if compat(u, o) {
						clash = true
					}
				}
				if clash {
					continue
				}
				placed := false
				for k := range leftOther {
					if compat(leftOther[k][0], o) {
						leftOther[k] = append(leftOther[k], o)
						placed = true
						break
					}
				}
				if !placed {
					leftOther = append(leftOther, []use{o})
				}
			}
			var strong [][]use
			for _, cl := range leftOther {
				groups := map[int]bool{}
				for _, o := range cl {
					groups[o.f.di.group] = true
				}
				if len(groups) >= 2 {
					strong = append(strong, cl)
				}
			}
			if len(strong) != 1 {
				continue
			}
			u := leftMine[0]
			if di.mentions(strong[0][0].given[0] + " " + sn) {
				continue
			}
			// The document also writes a name the majority's fits ("Mi
			// Bergamasco" beside "Ma Bergamasco" in one line-up, against
			// "Mirco"): it names two people of the surname, so its odd
			// name is the other one.
			if di.writesGivenFor(sn, strong[0][0].given[0]) {
				continue
			}
			if st.namedTogether(di, u.given[0]+" "+sn, strong[0][0].given[0]+" "+sn) {
				continue // another report names both: two people of one surname
			}
			if st.knownNames[fullName(u.given[0], sn)] {
				// Independent reports elsewhere in the corpus write the odd
				// name too: a person of their own, whom the surname may
				// denote here as well ("Kim Collins" the sprint champion
				// in a story of "Michelle Collins"'s ban).
				continue
			}
			// The names must stand in sentences that share some content.
			ctx := false
			leave := wordsOf(u.f.says)
			var facts []*fact
			for _, o := range strong[0] {
				facts = append(facts, o.f)
				l := union(leave, wordsOf(o.f.says))
				if overlap(di, &di.sents[u.f.sent], &o.f.di.sents[o.f.sent], l) >= 1 {
					ctx = true
				}
			}
			if !ctx {
				continue
			}
			out = append(out, finding{kind: accord.ConflictName, odd: u.f, others: facts, topic: "the name of " + titleCase(sn)})
		}
	}
	return out
}

// namedTogether: a document of the story other than skip writes both full
// names, so they are two people ("Neil Jenkins and Gethin Jenkins both
// played"), not one person's name given two ways.
func (st *story) namedTogether(skip *docInfo, a, b string) bool {
	for _, dj := range st.docs {
		if dj != skip && dj.mentions(a) && dj.mentions(b) {
			return true
		}
	}
	return false
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ---- roles (titles of one person)

func (st *story) roleConflicts() []finding {
	var facts []*fact
	titles := map[*fact]title{}
	for _, di := range st.docs {
		for _, p := range di.persons {
			if p.title.empty() || pastTitle(di, p.sent, p.full) {
				continue // a former title contradicts no current one
			}
			key := p.surname
			f := &fact{di: di, sent: p.sent, span: p.full, says: di.d.Text[p.full.Start:p.full.End], key: key, value: p.title.String(), first: p.first}
			if f.span.Len() == 0 || f.span.Start < 0 || f.span.End > len(di.d.Text) {
				continue
			}
			titles[f] = p.title
			facts = append(facts, f)
		}
	}
	compat := func(a, b *fact) bool { return titlesCompatible(titles[a], titles[b]) }
	ctx := func(a, b *fact) bool { return true }
	var out []finding
	for _, r := range st.oddOneOut(facts, compat, ctx, 0, 2, true) {
		f := r[0][0]
		// Titles keyed by surname belong to one person only when the given
		// names agree ("loose-head Duncan Jones" is not "coach Eddie
		// Jones"): opponents with another given name do not count.
		var same []*fact
		groups := map[int]bool{}
		for _, g := range r[1] {
			if compatibleFirst(f.first, g.first) {
				same = append(same, g)
				groups[g.di.group] = true
			}
		}
		if len(groups) < 2 {
			continue
		}
		// Outvoted (oddOneOut): still more than twice as many groups as
		// back the odd title once the other given names are left out.
		backers := map[int]bool{}
		for _, g := range facts {
			if g.key == f.key && g.di.group != f.di.group && compat(f, g) && compatibleFirst(f.first, g.first) && st.sameHappening(f, g) {
				backers[g.di.group] = true
			}
		}
		if len(backers) > 0 && len(groups) <= 2*(len(backers)+1) {
			continue
		}
		r[1] = same
		if f.di.spun {
			// A spinner's synonyms garble titles ("Assistant of State"): a
			// spun copy alone never makes a title conflict.
			continue
		}
		// The document must not also give the majority's title to that
		// person: two titles may be held at once ("coach" and "general
		// manager"). Two ranks of one office may not ("Vice President" and
		// "President", "Deputy Director" and "Director"): a document giving
		// both contradicts itself, and its odd title stays odd.
		also := false
		for _, g := range facts {
			if g.di == f.di && g.key == f.key && compat(g, r[1][0]) && !otherRank(titles[f], titles[r[1][0]]) {
				also = true
			}
		}
		if also {
			continue
		}
		out = append(out, finding{kind: accord.ConflictRole, odd: f, others: r[1], topic: "the title of " + titleCase(f.key)})
	}
	return out
}

// ---- offices held by one person at a time

func (st *story) officeConflicts() []finding {
	byOffice := map[string][]*fact{}
	var offices []string
	for _, di := range st.docs {
		for _, p := range di.persons {
			if p.office == "" || pastTitle(di, p.sent, p.offSpan) {
				continue // a former holder ("former Secretary of State X")
			}
			if _, ok := byOffice[p.office]; !ok {
				offices = append(offices, p.office)
			}
			sp := p.offSpan
			byOffice[p.office] = append(byOffice[p.office], &fact{di: di, sent: p.sent, span: sp, says: di.d.Text[sp.Start:sp.End], key: p.office, value: p.surname})
		}
	}
	sort.Strings(offices)
	var out []finding
	for _, off := range offices {
		fs := byOffice[off]
		for _, f := range fs {
			if st.docFreq[f.value] != 1 || f.di.spun {
				continue // the holder is named elsewhere too, or by a spinner
			}
			var opp []*fact
			groups := map[int]bool{}
			for _, g := range fs {
				if g.value != f.value && st.docFreq[g.value] >= 2 && st.sameHappening(f, g) {
					if len(opp) > 0 && opp[0].value != g.value {
						continue
					}
					opp = append(opp, g)
					groups[g.di.group] = true
				}
			}
			if len(opp) == 0 {
				continue
			}
			out = append(out, finding{kind: accord.ConflictRole, odd: f, others: opp, topic: "who is " + off})
		}
	}
	return out
}

// ---- places

func (st *story) placeConflicts() []finding {
	var facts []*fact
	for _, di := range st.docs {
		for _, p := range di.places {
			if p.sent < 0 || p.sent >= len(di.sents) {
				continue
			}
			facts = append(facts, &fact{di: di, sent: p.sent, span: p.span, says: di.d.Text[p.span.Start:p.span.End], key: "place", value: p.norm,
				leave: wordsOf(p.norm), local: localWords(di, p.sent, p.span, 3)})
		}
	}
	lower := map[string]bool{}
	for _, di := range st.docs {
		for w := range di.lowerWords {
			lower[w] = true
		}
	}
	// plainPlace and similarName are pure: compute each once, since the
	// loop below compares every pair of place facts.
	// Names the entity layer types as a person, organization or group more
	// often than as a place in the story are no place wherever a
	// preposition puts them ("with Sheahan", "at Viacom", "from Australian
	// …").
	placeVotes, otherVotes := map[string]int{}, map[string]int{}
	for _, di := range st.docs {
		d := di.d
		for _, m := range d.Mentions {
			if m.Kind == accord.MentionPronoun || m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
				continue
			}
			switch m.Type {
			case "GPE", "LOC":
				placeVotes[normPlace(d.Text[m.Start:m.End])]++
			case "PERSON", "ORG", "NORP":
				otherVotes[normPlace(d.Text[m.Start:m.End])]++
			}
		}
	}
	plain := make([]bool, len(facts))
	for i, f := range facts {
		// A place in a list of names ("against San Diego, Atlanta,
		// Kansas City and Green Bay") is one of many, no single fact.
		plain[i] = plainPlace(f.value, f.says, lower) && otherVotes[f.value] <= placeVotes[f.value] &&
			!inNameList(f.di, f.sent, f.span) && !insideName(f.di, f.sent, f.span)
	}
	similar := map[[2]string]bool{}
	isSimilar := func(a, b string) bool {
		k := [2]string{a, b}
		if a > b {
			k = [2]string{b, a}
		}
		v, ok := similar[k]
		if !ok {
			v = similarName(a, b)
			similar[k] = v
		}
		return v
	}
	var out []finding
	for fi, f := range facts {
		// The place must be named by this document only, and be a plain
		// place name: no facility or organization ("Recovery Center",
		// "Independence Street"), no acronym, no word the story also
		// writes in lower case ("Access").
		if !plain[fi] || st.docsMentioning(f.value) != 1 {
			continue
		}
		// Per other document, the place whose sentence best matches.
		bestOf := map[*docInfo]*fact{}
		scoreOf := map[*docInfo]int{}
		for gi, g := range facts {
			if g.di == f.di || g.value == f.value {
				continue
			}
			if !plain[gi] || isSimilar(f.value, g.value) || !st.sameHappening(f, g) {
				continue
			}
			ov := sharedContext(f, g)
			if ov < ctxPlace || !localMatch(f, g) {
				continue
			}
			sc := ov + 2*localOverlap(f, g)
			if _, ok := bestOf[g.di]; !ok || sc > scoreOf[g.di] {
				bestOf[g.di], scoreOf[g.di] = g, sc
			}
		}
		count := map[string]map[int]bool{}
		for _, g := range bestOf {
			if count[g.value] == nil {
				count[g.value] = map[int]bool{}
			}
			count[g.value][g.di.group] = true
		}
		best, bestN, second := "", 0, 0
		for v, gs := range count {
			if len(gs) > bestN || len(gs) == bestN && v < best {
				best, second, bestN = v, bestN, len(gs)
			} else if len(gs) > second {
				second = len(gs)
			}
		}
		if bestN < 2 || second >= bestN {
			continue
		}
		if f.di.mentions(best) || strings.Contains(best, f.value) || strings.Contains(f.value, best) {
			continue
		}
		var others []*fact
		for _, g := range bestOf {
			if g.value == best {
				others = append(others, g)
			}
		}
		sort.Slice(others, func(i, j int) bool { return others[i].di.d.ID < others[j].di.d.ID })
		out = append(out, finding{kind: accord.ConflictOther, subkind: "place", odd: f, others: others, topic: "the place"})
	}
	return bestPerSentence(out)
}

// plainPlace: a toponym, not a facility, organization, acronym or common word.
func plainPlace(norm, raw string, lower map[string]bool) bool {
	ws := strings.Fields(norm)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if notSurname[w] || lower[w] {
			return false
		}
	}
	letters := 0
	upper := 0
	for _, r := range raw {
		if r >= 'A' && r <= 'Z' {
			upper++
		}
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return !(letters > 0 && upper == letters) // "UK", "EU", "AFC"
}

// similarName: spelling variants ("Centre", "Center").
func similarName(a, b string) bool {
	d := editDistance(a, b)
	return d <= 2 && len(a) >= 6 && len(b) >= 6 || d <= 1
}

// docsMentioning counts the documents that write the phrase.
func (st *story) docsMentioning(phrase string) int {
	ws := strings.Fields(phrase)
	if len(ws) == 1 {
		return st.docFreq[ws[0]]
	}
	n := 0
	for _, di := range st.docs {
		if di.mentions(phrase) {
			n++
		}
	}
	return n
}

// kinWords name a relative: the name after one is another person of the
// family, who shares the surname.
var kinWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`brother brothers sister sisters son sons daughter daughters wife husband
mother father parents grandson granddaughter grandmother grandfather grandchildren uncle aunt nephew niece
cousin widow widower stepson stepdaughter stepfather stepmother sibling siblings fiance fiancee`) {
		kinWords[w] = true
	}
}

// inNameList: the span is one item of a list of at least three capitalized
// names joined by commas and "and"/"or".
func inNameList(di *docInfo, si int, sp accord.Span) bool {
	s := &di.sents[si]
	a, b := -1, -1
	for k, t := range s.toks {
		if a < 0 && t.Start >= sp.Start {
			a = k
		}
		if t.End <= sp.End {
			b = k
		}
	}
	if a < 0 || b < a {
		return false
	}
	joint := func(k int) bool {
		l := s.toks[k].Lower
		return l == "," || l == "and" || l == "or" || l == ";"
	}
	items := 0
	// Leftwards: joint, then a capitalized run.
	for k := a - 1; k >= 1 && joint(k) && di.capTok(si, k-1); {
		items++
		k--
		for k >= 0 && di.capTok(si, k) {
			k--
		}
	}
	for k := b + 1; k+1 < len(s.toks) && joint(k) && di.capTok(si, k+1); {
		items++
		k++
		for k < len(s.toks) && di.capTok(si, k) {
			k++
		}
	}
	return items >= 2
}

// pastTitle: the title is one the person held before ("former Secretary
// of State", "then-National Security Council aide", "ex-chairman"): a word
// of time within the title or the two words before it.
func pastTitle(di *docInfo, si int, sp accord.Span) bool {
	s := &di.sents[si]
	at := firstTokenFrom(s, sp.Start)
	if at < 0 {
		return false
	}
	for k := max(0, at-2); k < len(s.toks) && s.toks[k].Start < sp.End; k++ {
		w := s.toks[k].Lower
		if w == "former" || w == "then" || w == "onetime" || w == "one-time" || w == "erstwhile" ||
			strings.HasPrefix(w, "ex-") || strings.HasPrefix(w, "then-") || strings.HasPrefix(w, "former-") {
			return true
		}
	}
	return false
}
