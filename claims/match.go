package claims

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/quantity"
)

// When two sentences of different documents state one claim.
//
// Shared words are not enough: two sentences that name the same people
// ("Norland's Deputy Harbour Minister Jane Stone arrives …" / "…, said
// Jane A Stone, who is Norland's deputy harbour minister") state
// different things. Besides the word thresholds, the sentences must share
// predicate words (sent.pred: lower-case words that are no speech verb and
// no title of a name); between a spun copy and another document, words the
// thesaurus relates count as shared ("border" / "boundary"), since a
// spinner replaces words by synonyms.
//
// Sentences may also state one fact in other words: the same quantity of
// the same thing (normalized value and unit; counted nouns equal or
// related, "troops" / "soldiers") or the same day of one happening. They
// are found through their anchors and need fewer shared words.

// anchor is a quantity or a date stated in a sentence.
type anchor struct {
	key    string // "q|unit|value" or "d|weekday" / "d|mm-dd"
	counts string // the counted noun of a quantity
	unit   string
	tok    int // index of the date in sent.toks (dates only)
}

// anchorsOf reads the quantities and dates of sentence si.
func (st *story) anchorsOf(di *docInfo, si int) []anchor {
	var out []anchor
	s := &di.sents[si]
	k := sort.Search(len(di.qs), func(i int) bool { return di.qs[i].Start >= s.span.Start })
	for ; k < len(di.qs) && di.qs[k].Start < s.span.End; k++ {
		q := &di.qs[k]
		nk := numKey(q)
		if nk == "" || nk == "age" || q.End > s.span.End || strings.Contains(q.Text, "-") || q.Low < q.High && q.Bound == "" ||
			timeWindow(q, di.d.Text) {
			continue
		}
		out = append(out, anchor{key: "q|" + q.Unit + "|" + strconv.FormatFloat(q.Value, 'g', 6, 64), counts: q.Counts, unit: q.Unit})
	}
	for t, tk := range s.toks {
		// Weekdays and months are capitalized: test that before the
		// look-ups.
		if c := di.d.Text[tk.Start]; c < 'A' || c > 'Z' || len(tk.Lower) < 3 {
			continue
		}
		w, _ := stripPoss(tk.Lower)
		if wd := weekdays[w]; wd != "" {
			out = append(out, anchor{key: "d|" + wd, tok: t})
			continue
		}
		m := months[strings.TrimSuffix(w, ".")]
		if m == 0 || !isUpperWord(di.raw(si, t)) {
			continue
		}
		day := 0
		if t+1 < len(s.toks) {
			day = dayNum(s.toks[t+1].Lower)
		}
		if day == 0 && t > 0 {
			day = dayNum(s.toks[t-1].Lower)
		}
		if day > 0 {
			out = append(out, anchor{key: "d|" + strconv.Itoa(m) + "-" + strconv.Itoa(day), tok: t})
		}
	}
	return out
}

// timeWindow reports whether the duration at text[q.Start:q.End] places
// something in time rather than measuring it: it is followed by a word of
// time ("two years ago", "three weeks before the vote", "a day later") or
// it is a window counted back or forward ("in the three months to
// September", "for the past three months", "over the next two years",
// "within six weeks"). Reports of different facts share such windows
// (quarterly figures, surveys), so a shared one anchors no fact; a duration
// that measures something ("jailed for three months", "a two-year
// contract") does. The brief reads agreement figures by the same rule.
func timeWindow(q *quantity.Q, text string) bool {
	if quantity.UnitKind(q.Unit) != "duration" || q.Counts == "age" || q.End > len(text) || q.Start < 0 {
		return false
	}
	// Only the words next to it: lower-casing the rest of the document
	// for every duration made a long document quadratic.
	after := strings.ToLower(strings.TrimLeft(text[q.End:min(len(text), q.End+windowReach)], " "))
	for _, p := range windowAfter {
		if strings.HasPrefix(after, p) && (len(after) == len(p) || !unicode.IsLetter(rune(after[len(p)]))) {
			return true
		}
	}
	before := strings.ToLower(strings.TrimRight(text[max(0, q.Start-windowReach):q.Start], " "))
	last := before[strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })+1:]
	return windowBefore[last]
}

// windowReach bounds the text read on either side of a duration: longer
// than any word of windowAfter or windowBefore with its spaces.
const windowReach = 32

// windowAfter: words after a duration that make it a point in time.
var windowAfter = []string{"ago", "after", "before", "later", "earlier", "since", "on"}

// windowBefore: words before a duration that make it a window of time.
var windowBefore = map[string]bool{"the": true, "last": true, "past": true, "next": true, "first": true, "previous": true,
	"coming": true, "recent": true, "latest": true, "final": true, "within": true}

// wordsMatch: two sentences sharing n content words state one claim (the
// word thresholds, then the predicate words). It returns the pair's score.
func (st *story) wordsMatch(u, v unit, n int) (bool, float64) {
	na, nb := u.content, v.content
	small := min(na, nb)
	if small == 0 {
		return false, 0
	}
	jac := float64(n) / float64(na+nb-n)
	a, b := &u.di.sents[u.sent], &v.di.sents[v.sent]
	if !(jac >= 0.4 || n >= 4 && float64(n) >= 0.6*float64(small) || n >= 6 && float64(n) >= 0.4*float64(small) ||
		n >= 3 && sharedGram(u.di.nums, a, b)) {
		return false, 0
	}
	if otherThing(u, v) || st.opposed(a, b) {
		return false, 0
	}
	ps := min(len(a.pred), len(b.pred))
	enough := func(p int) bool { return p >= 2 && 4*p >= ps || p >= 1 && ps <= 2 }
	if p := sharedIDs(a.pred, b.pred); !enough(p) {
		// Forms of one word count ("showcase" / "showcased") beside a
		// word shared as written, and between a spun copy and another
		// document, synonyms.
		mode := byLemma
		if u.di.spun || v.di.spun {
			mode = bySense
		} else if p == 0 {
			return false, 0
		}
		if !enough(st.relatedShared(a.pred, b.pred, mode)) {
			return false, 0
		}
	}
	return true, jac + float64(n)/float64(small)
}

// How relatedShared relates two words besides identity.
const (
	byLemma = iota // one base form ("showcased" / "showcase")
	bySense        // the thesaurus relates them ("border" / "boundary")
)

// otherThing: the sentences give one figure of different things ("12,000
// residents" / "12,000 sandbags"), and no figure of one thing: whatever
// words they share, they state different facts. A spun copy's counted noun
// may be a synonym the thesaurus does not relate.
func otherThing(u, v unit) bool {
	if u.di.spun || v.di.spun {
		return false
	}
	other := false
	for _, x := range u.anchors {
		for _, y := range v.anchors {
			if x.key != y.key || x.key[0] != 'q' || x.counts == "" || y.counts == "" {
				continue
			}
			if x.counts == y.counts || lexicon.Related(x.counts, y.counts) {
				return false
			}
			other = true
		}
	}
	return other
}

// anchorsMatch: two sentences state one quantity of one thing, or one
// happening on one day, near the same people.
func (st *story) anchorsMatch(u, v unit) (bool, float64) {
	a, b := &u.di.sents[u.sent], &v.di.sents[v.sent]
	if !samePeople(u.di, u.sent, v.di, v.sent) || st.opposed(a, b) {
		return false, 0
	}
	for _, x := range u.anchors {
		for _, y := range v.anchors {
			if x.key != y.key {
				continue
			}
			if x.key[0] == 'q' {
				// A bare figure ("1.3%", "$3bn") needs three words in
				// common (forms of one word count, not synonyms: "exports
				// climbed 1.3%" is not "imports grew 1.3%").
				need, mode := 3, byLemma
				if x.counts != "" || y.counts != "" {
					mode = bySense
					switch {
					case x.counts == "" || y.counts == "":
						continue
					case x.counts == y.counts || lexicon.Related(x.counts, y.counts):
						need = 2 // the counted noun and one more word
					case u.di.spun || v.di.spun:
						// A spinner's synonym for the counted noun
						// ("soldiers" for "troops"): two more words.
						need = 2
					default:
						continue
					}
				}
				if sharedIDs(a.pred, b.pred) >= need || st.relatedShared(a.pred, b.pred, mode) >= need {
					return true, 0.5
				}
				continue
			}
			// A date: a predicate word they share stands next to it in
			// one of them ("the talks on Monday"); a weekday, in both
			// ("shares fell on Tuesday" / "the falls fuelled by its
			// rise on Tuesday" are two happenings of one week).
			// A weekday also needs a participant in common (a name) or
			// a second predicate word: reports of one week share the day
			// and a word of their trade ("oil prices rose on Tuesday" /
			// "the dollar rose on Tuesday").
			wd := !strings.Contains(x.key, "-")
			if wd && sharedIDs(a.pred, b.pred) < 2 && !sharedName(u.di.nums, a, b) {
				continue
			}
			if st.dateWordShared(u, x.tok, v, y.tok, wd) {
				return true, 0.4
			}
		}
	}
	return false, 0
}

// dateWordShared: the sentences share a predicate word that stands within
// six words of the date in either sentence (and in the other's clause of
// its date when both).
func (st *story) dateWordShared(u unit, ut int, v unit, vt int, both bool) bool {
	a, b := &u.di.sents[u.sent], &v.di.sents[v.sent]
	near := func(s *sent, t int, w string) bool {
		for k := max(0, t-6); k <= t+6 && k < len(s.toks); k++ {
			if x, _ := stripPoss(s.toks[k].Lower); x == w {
				return true
			}
		}
		return false
	}
	vocab := u.di.nums.vocab
	skip := func(w string) bool { return timeFill[w] || isNumberWord(w) || isDigitStr(w) }
	// One side's word near its date, the other's anywhere in its sentence
	// (in its date's clause when both).
	try := func(a, b *sent, t, bt int) bool {
		for _, x := range a.pred {
			wx := vocab[x]
			if skip(wx) || !near(a, t, wx) {
				continue
			}
			for _, y := range b.pred {
				if wy := vocab[y]; !skip(wy) && (!both || inClause(b, bt, wy)) && st.related(x, y) {
					return true
				}
			}
		}
		return false
	}
	return try(a, b, ut, vt) || try(b, a, vt, ut)
}

// inClause: word w is in the clause of token t of s: between the
// punctuation marks around it ("Opec members said on Tuesday that, ...";
// "... the falls, fuelled by its rise on Tuesday" leaves "falls" out). A
// day that opens the sentence ("On Monday, the talks began") rules the
// clause after its comma.
func inClause(s *sent, t int, w string) bool {
	stop := func(k int) bool {
		switch s.toks[k].Lower {
		case ",", ";", ":", "(", ")", "-", "–", "—":
			return true
		}
		return false
	}
	lo := t
	for lo > 0 && !stop(lo-1) {
		lo--
	}
	hi := t
	for hi+1 < len(s.toks) && !stop(hi+1) {
		hi++
	}
	if lo == 0 && t <= 1 && hi+2 < len(s.toks) {
		for hi += 2; hi+1 < len(s.toks) && !stop(hi+1); hi++ {
		}
	}
	for k := lo; k <= hi; k++ {
		if x, _ := stripPoss(s.toks[k].Lower); x == w {
			return true
		}
	}
	return false
}

// samePeople: when both sentences name people, they name one in common.
func samePeople(da *docInfo, sa int, db *docInfo, sb int) bool {
	var x, y []string
	for _, p := range da.persons {
		if p.sent == sa {
			x = append(x, p.surname)
		}
	}
	if len(x) == 0 {
		return true
	}
	for _, p := range db.persons {
		if p.sent == sb {
			y = append(y, p.surname)
		}
	}
	if len(y) == 0 {
		return true
	}
	for _, s := range x {
		for _, t := range y {
			if s == t {
				return true
			}
		}
	}
	return false
}

// statesSame: member v's sentence states what statement u states.
func (st *story) statesSame(u, v unit) bool {
	a, b := &u.di.sents[u.sent], &v.di.sents[v.sent]
	if ok, _ := st.wordsMatch(u, v, u.di.nums.sharedCore(a, b)); ok {
		return true
	}
	if len(u.anchors) > 0 && len(v.anchors) > 0 {
		ok, _ := st.anchorsMatch(u, v)
		return ok
	}
	return false
}

// related: the two words (corpus word numbers) are one word, or share a
// thesaurus sense, or one's sense is directly broader than the other's.
func (st *story) related(x, y int32) bool {
	if x == y {
		return true
	}
	sx, sy := st.sensesOf(x), st.sensesOf(y)
	return lexicon.SensesRelated(sx, sy)
}

// sameLemma: the two words have a base form in common.
func (st *story) sameLemma(x, y int32) bool {
	if x == y {
		return true
	}
	lx, ly := st.lemmasOf(x), st.lemmasOf(y)
	for _, a := range lx {
		for _, b := range ly {
			if a == b {
				return true
			}
		}
	}
	return false
}

// lemmasOf caches a word's base forms for the corpus (the word itself when
// the thesaurus does not know it).
func (st *story) lemmasOf(id int32) []string {
	nums := st.docs[0].nums
	if l, ok := nums.lemmas[id]; ok {
		return l
	}
	if nums.lemmas == nil {
		nums.lemmas = map[int32][]string{}
	}
	w := nums.vocab[id]
	l := []string{w}
	if !isDigitStr(w) && len(w) > 2 {
		if x := lexicon.Lemmas(w); len(x) > 0 {
			l = x
		}
	}
	nums.lemmas[id] = l
	return l
}

// sensesOf caches a word's first senses for the corpus.
func (st *story) sensesOf(id int32) []uint32 {
	nums := st.docs[0].nums
	if s, ok := nums.senses[id]; ok {
		return s
	}
	if nums.senses == nil {
		nums.senses = map[int32][]uint32{}
	}
	w := nums.vocab[id]
	var s []uint32
	if !isDigitStr(w) && len(w) > 2 {
		s = lexicon.Senses(nil, w, 4)
	}
	nums.senses[id] = s
	return s
}

// relatedShared counts the words of a matched in b, exactly or as mode
// relates them, each word of b used once.
func (st *story) relatedShared(a, b []int32, mode int) int {
	n := sharedIDs(a, b)
	var restA, restB []int32
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || i < len(a) && a[i] < b[j]:
			restA = append(restA, a[i])
			i++
		case i >= len(a) || b[j] < a[i]:
			restB = append(restB, b[j])
			j++
		default:
			i++
			j++
		}
	}
	used := make([]bool, len(restB))
	rel := st.related
	if mode == byLemma {
		rel = st.sameLemma
	}
	for _, x := range restA {
		for k, y := range restB {
			if !used[k] && rel(x, y) {
				used[k] = true
				n++
				break
			}
		}
	}
	return n
}
