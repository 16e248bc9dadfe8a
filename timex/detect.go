package timex

import (
	"sort"
	"strconv"
	"strings"

	"github.com/accord-news/accord"
)

// kind is what a detected expression needs to be normalized.
type kind uint8

const (
	kLit     kind = iota // value known from the words alone (durations, sets, PRESENT_REF)
	kDate                // calendar date: y/m/d, year possibly missing or relative
	kWeekday             // a weekday, resolved by direction or tense
	kRel                 // n units from the reference (or from the previous date when anaph)
	kQuarter             // quarter of a year
	kHalf                // half of a year
	kSeason              // season of a year
	kWeekend             // weekend of a week n weeks from the reference
	kHoliday             // a named day (computed per year)
)

// spec is a detected, not yet normalized, time expression.
type spec struct {
	typ    string
	kind   kind
	lit    string
	y      int // explicit year; 0 = none
	m, d   int
	yrel   int  // year relative to the reference (this 0, last -1, next +1)
	hasRel bool // yrel is set
	wd     int  // weekday 1 (Monday) .. 7
	dir    int  // explicit direction: -1 past, +1 future, 0 = from tense
	unit   string
	n      int
	q      int // quarter (1-4; -1 latest completed; 0 current); half (1-2)
	season string
	hol    string
	anaph  bool // relative to the previous date mentioned
	shift  bool // "a year ago": shift the previous quarter if there is one
	suffix string
	tense  int
	tdist  int    // token distance of the tense cue
	tcue   string // the tense cue word
	tafter bool   // the cue follows the expression
	prev   string // the token before the expression, lower case
	sent   int    // the index of the sentence (for what is "in view")
}

// Candidate is a detected time expression before normalization.
type Candidate struct {
	accord.Span
	spec spec
}

// Type is the candidate's TIMEX3 type.
func (c Candidate) Type() string { return c.spec.typ }

type matcher struct {
	src string
	w   []word
}

func (m *matcher) at(i int) string {
	if i < 0 || i >= len(m.w) {
		return ""
	}
	return m.w[i].s
}

// Detect finds the time expressions in src. toks are the tokens of src
// (text.Tokens); sents its sentences (used for tense).
func Detect(src string, toks []accord.Token, sents []accord.Span) []Candidate {
	m := &matcher{src: src, w: splitWords(src, toks)}
	var out []Candidate
	for i := 0; i < len(m.w); {
		if !mayStart(m.w[i].s) {
			i++
			continue
		}
		end, sp, ok := m.matchWithPrefix(i)
		if !ok {
			i++
			continue
		}
		span := accord.Span{Start: m.w[i].start, End: m.w[end-1].end}
		// A match ending inside a hyphenated token takes the whole token
		// ("8-month-old"); one starting inside takes it too.
		if m.w[end-1].tokEnd > span.End {
			span.End = m.w[end-1].tokEnd
			for end < len(m.w) && m.w[end].start < span.End {
				end++
			}
		}
		if m.w[i].tokStart < span.Start {
			span.Start = m.w[i].tokStart
		}
		if len(out) > 0 && out[len(out)-1].End > span.Start {
			i = end
			continue
		}
		out = append(out, Candidate{Span: span, spec: sp})
		i = end
	}
	for k := range out {
		out[k].spec.tense, out[k].spec.tdist, out[k].spec.tcue, out[k].spec.tafter = tenseAt(src, toks, sents, out[k].Span)
		out[k].spec.sent = sort.Search(len(sents), func(i int) bool { return sents[i].End > out[k].Start })
		if j := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= out[k].Start }); j > 0 {
			out[k].spec.prev = toks[j-1].Lower
		}
		if out[k].spec.kind == kWeekday && (strings.HasPrefix(src[out[k].End:], "'s") || strings.HasPrefix(src[out[k].End:], "’s")) {
			// "Wednesday's ruling": a day already told of, whatever the
			// sentence's verb ("ways to get around Wednesday's ruling").
			out[k].spec.tense, out[k].spec.tdist, out[k].spec.tcue = -1, 0, "'s"
		}
	}
	return out
}

// prefix modifiers that a time expression takes into its span.
var prefixes = [][]string{
	{"no", "more", "than"}, {"no", "less", "than"}, {"more", "than"}, {"less", "than"}, {"fewer", "than"},
	{"at", "least"}, {"at", "most"}, {"up", "to"}, {"the", "end", "of"}, {"the", "beginning", "of"},
	{"the", "start", "of"}, {"the", "middle", "of"}, {"the", "turn", "of"}, {"end", "of"}, {"beginning", "of"},
	{"start", "of"}, {"middle", "of"}, {"about"}, {"around"}, {"approximately"}, {"roughly"}, {"nearly"},
	{"almost"}, {"some"}, {"over"}, {"within"}, {"early"}, {"late"}, {"mid"}, {"earlier"}, {"later"}, {"the"},
}

// datePrefix are prefixes that only modify points in time.
var datePrefix = map[string]bool{"early": true, "late": true, "mid": true, "earlier": true, "later": true, "end": true, "beginning": true, "start": true, "middle": true, "turn": true}

// durPrefix are prefixes that only modify amounts.
var durPrefix = map[string]bool{"over": true, "within": true, "some": true, "more": true, "less": true, "fewer": true, "least": true, "most": true, "up": true, "no": true}

func (m *matcher) matchWithPrefix(i int) (int, spec, bool) {
	// Collect up to three prefix phrases.
	j := i
	var used []string
	for n := 0; n < 3 && prefixFirst[m.at(j)]; n++ {
		found := false
		for _, p := range prefixes {
			ok := true
			for k, pw := range p {
				if m.at(j+k) != pw {
					ok = false
					break
				}
			}
			if ok {
				used = append(used, p...)
				j += len(p)
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	// Try the longest prefix first, then shorter ones; a pattern that
	// starts with the prefix word itself and reaches further wins ("the
	// 1988 period" is a quarter, not "the" + the year 1988).
	for j > i {
		if end, sp, ok := m.core(j); ok && prefixFits(used[:j-i], sp) {
			if e, sp2, ok2 := m.core(i); ok2 && e > end {
				return e, sp2, true
			}
			return end, sp, true
		}
		// Drop the last prefix word.
		j--
	}
	return m.core(i)
}

func prefixFits(pre []string, sp spec) bool {
	for _, p := range pre {
		if datePrefix[p] && sp.typ != "DATE" && sp.typ != "TIME" {
			return false
		}
		if durPrefix[p] && sp.typ != "DURATION" {
			return false
		}
	}
	return true
}

// core tries every pattern at i and returns the longest match.
func (m *matcher) core(i int) (int, spec, bool) {
	best, bestSp := 0, spec{}
	try := func(end int, sp spec, ok bool) {
		if ok && end > best {
			best, bestSp = end, sp
		}
	}
	try(m.clock(i))
	try(m.calendar(i))
	try(m.weekday(i))
	try(m.deictic(i))
	try(m.relative(i))
	try(m.amount(i))
	try(m.quarter(i))
	try(m.season(i))
	try(m.decade(i))
	try(m.set(i))
	try(m.holiday(i))
	if best == 0 {
		return 0, spec{}, false
	}
	return best, bestSp, true
}

// number parses a cardinal at i: digits, words ("twenty four"), "a"/"an",
// "a couple of", "a few"/"several" (n = -1). It returns the end and value;
// half is set for "2 1/2" / "and a half".
func (m *matcher) number(i int) (end, n int, half, ok bool) {
	s := m.at(i)
	if v, ok := atoi(strings.ReplaceAll(s, ",", "")); ok && s != "" && s[0] != ',' {
		if m.at(i+1) == "1" && m.at(i+2) == "/" && m.at(i+3) == "2" {
			return i + 4, v, true, true
		}
		return i + 1, v, false, true
	}
	switch s {
	case "a", "an":
		if m.at(i+1) == "couple" && m.at(i+2) == "of" {
			return i + 3, 2, false, true
		}
		if m.at(i+1) == "few" {
			return i + 2, -1, false, true
		}
		if m.at(i+1) == "half" && m.at(i+2) == "dozen" {
			return i + 3, 6, false, true
		}
		if m.at(i+1) == "dozen" {
			return i + 2, 12, false, true
		}
		if m.at(i+1) == "hundred" {
			return i + 2, 100, false, true
		}
		if m.at(i+1) == "thousand" {
			return i + 2, 1000, false, true
		}
		return i + 1, 1, false, true
	case "several", "few", "many", "some", "numerous":
		return i + 1, -1, false, true
	case "couple":
		if m.at(i+1) == "of" {
			return i + 2, 2, false, true
		}
	case "dozen", "dozens":
		return i + 1, -1, false, true
	}
	v, j := 0, i
	if t, ok := tensNumbers[s]; ok {
		v = t
		j = i + 1
		if u, ok := smallNumbers[m.at(j)]; ok && u > 0 && u < 10 {
			v += u
			j++
		}
	} else if u, ok := smallNumbers[s]; ok {
		v = u
		j = i + 1
	} else {
		return i, 0, false, false
	}
	if m.at(j) == "hundred" {
		v *= 100
		j++
	} else if m.at(j) == "thousand" {
		v *= 1000
		j++
	}
	if m.at(j) == "and" && m.at(j+1) == "a" && m.at(j+2) == "half" {
		return j + 3, v, true, true
	}
	return j, v, false, true
}

// year4 parses a four-digit year at i.
func (m *matcher) year4(i int) (int, bool) {
	s := m.at(i)
	if len(s) != 4 {
		return 0, false
	}
	y, ok := atoi(s)
	if !ok || y < 1000 || y > 2199 {
		return 0, false
	}
	return y, true
}

// spokenYear parses "nineteen ninety-four" / "two thousand" style years.
func (m *matcher) spokenYear(i int) (int, int, bool) {
	s := m.at(i)
	if h, ok := smallNumbers[s]; ok && (h == 18 || h == 19) {
		if t, ok := tensNumbers[m.at(i+1)]; ok {
			y := h*100 + t
			j := i + 2
			if u, ok := smallNumbers[m.at(j)]; ok && u > 0 && u < 10 {
				y += u
				j++
			}
			return y, j, true
		}
	}
	if s == "two" && m.at(i+1) == "thousand" {
		y, j := 2000, i+2
		if m.at(j) == "and" {
			if u, ok := smallNumbers[m.at(j+1)]; ok {
				return y + u, j + 2, true
			}
		}
		if u, ok := smallNumbers[m.at(j)]; ok && u > 0 {
			return y + u, j + 1, true
		}
		return y, j, true
	}
	return 0, i, false
}

// yearAt parses a written or spoken year.
func (m *matcher) yearAt(i int) (int, int, bool) {
	if y, ok := m.year4(i); ok {
		return y, i + 1, true
	}
	if m.at(i) == "'" {
		if v, ok := atoi(m.at(i + 1)); ok && len(m.at(i+1)) == 2 {
			return 1900 + v, i + 2, true
		}
	}
	return m.spokenYear(i)
}

// month parses a month name at i (with an optional abbreviation period).
func (m *matcher) month(i int, strict bool) (int, int, bool) {
	s := m.at(i)
	mo, ok := monthNames[s]
	if !ok {
		return 0, i, false
	}
	if !m.w[i].cap && strict {
		return 0, i, false
	}
	j := i + 1
	if len(s) <= 4 && s != "may" && s != "june" && s != "july" {
		if m.at(j) == "." {
			j++
		} else if s != "sept" {
			// Abbreviations need their period ("Mar." not "mar").
			if ambiguousMonth[s] {
				return 0, i, false
			}
		}
	}
	return mo, j, true
}

// calendar matches dates written with a month or digits.
func (m *matcher) calendar(i int) (int, spec, bool) {
	s := m.at(i)
	// ISO date.
	if isISODate(s) {
		y, _ := atoi(s[:4])
		mo, _ := atoi(s[5:7])
		d, _ := atoi(s[8:10])
		if validDate(y, mo, d) {
			return i + 1, spec{typ: "DATE", kind: kDate, y: y, m: mo, d: d}, true
		}
	}
	// US numeric date m/d/yyyy or m/d/yy.
	if a, ok := atoi(s); ok && len(s) <= 2 && m.at(i+1) == "/" && m.at(i+3) == "/" {
		b, ok2 := atoi(m.at(i + 2))
		c, ok3 := atoi(m.at(i + 4))
		if ok2 && ok3 && (len(m.at(i+4)) == 4 || len(m.at(i+4)) == 2) {
			if len(m.at(i+4)) == 2 {
				c += 1900
				if c < 1950 {
					c += 100
				}
			}
			if validDate(c, a, b) {
				return i + 5, spec{typ: "DATE", kind: kDate, y: c, m: a, d: b}, true
			}
		}
	}
	// Month-led: "December 30, 2021", "Dec. 30", "June 2021", "June of 2021", "June last year".
	if mo, j, ok := m.month(i, true); ok {
		sp := spec{typ: "DATE", kind: kDate, m: mo}
		end := j
		if d, ok := ordinalDay(m.at(j)); ok && !m.isUnitAfter(j+1) {
			sp.d = d
			end = j + 1
			k := end
			if m.at(k) == "," {
				k++
			}
			if y, e, ok := m.yearAt(k); ok {
				sp.y = y
				end = e
			}
		} else if y, e, ok := m.yearAt(j); ok {
			sp.y = y
			end = e
		} else if m.at(j) == "of" {
			if y, e, ok := m.yearAt(j + 1); ok {
				sp.y = y
				end = e
			}
		} else if m.at(j) == "," {
			if y, ok := m.year4(j + 1); ok {
				sp.y = y
				end = j + 2
			}
		}
		if sp.y == 0 {
			if r, e, ok := m.yearWord(end); ok {
				sp.yrel, sp.hasRel = r, true
				end = e
			}
		}
		if sp.d == 0 && sp.y == 0 && !sp.hasRel && ambiguousMonth[m.at(i)] && !m.monthContext(i) {
			return 0, sp, false
		}
		if sp.d > 0 && !validDate(2000, sp.m, sp.d) {
			return 0, sp, false
		}
		return end, sp, true
	}
	// Day-led: "10 January 2022", "the 30th of December".
	j := i
	if s == "the" {
		j++
	}
	if d, ok := ordinalDay(m.at(j)); ok {
		k := j + 1
		if m.at(k) == "of" {
			k++
		}
		if mo, e, ok := m.month(k, true); ok && validDate(2000, mo, d) {
			sp := spec{typ: "DATE", kind: kDate, m: mo, d: d}
			end := e
			if m.at(end) == "," {
				if y, e2, ok := m.yearAt(end + 1); ok {
					sp.y = y
					end = e2
				}
			} else if y, e2, ok := m.yearAt(end); ok {
				sp.y = y
				end = e2
			}
			return end, sp, true
		}
	}
	// Bare year, "fiscal 1989", "the year 2000".
	k := i
	if s == "fiscal" || s == "fy" {
		k++
	} else if s == "the" && m.at(i+1) == "year" {
		k += 2
	}
	if y, ok := m.year4(k); ok && m.yearLike(k) {
		return k + 1, spec{typ: "DATE", kind: kDate, y: y}, true
	}
	if k > i {
		if y, e, ok := m.spokenYear(k); ok {
			return e, spec{typ: "DATE", kind: kDate, y: y}, true
		}
	}
	// Spoken year standing alone ("nineteen ninety-six").
	if y, e, ok := m.spokenYear(i); ok && y < 2000 && !m.isUnitAfter(e) {
		return e, spec{typ: "DATE", kind: kDate, y: y}, true
	}
	return 0, spec{}, false
}

// yearWord matches "last year", "this year", "next year" after a month.
func (m *matcher) yearWord(i int) (int, int, bool) {
	if m.at(i+1) != "year" {
		return 0, i, false
	}
	switch m.at(i) {
	case "last", "past":
		return -1, i + 2, true
	case "this":
		return 0, i + 2, true
	case "next":
		return 1, i + 2, true
	}
	return 0, i, false
}

// monthContext: an ambiguous month word ("May", "March") used as a month.
func (m *matcher) monthContext(i int) bool {
	switch m.at(i - 1) {
	case "in", "since", "until", "till", "by", "during", "early", "late", "mid", "last", "next", "this",
		"of", "from", "through", "before", "after", "between", "and", "or", "to", "each", "every", "since,":
		if m.at(i-1) == "to" || m.at(i-1) == "and" || m.at(i-1) == "or" {
			_, _, ok := m.month(i-2, true)
			return ok || m.at(i-2) == "."
		}
		return true
	}
	return false
}

// isUnitAfter reports whether the word at i is a unit or percent, so that the
// preceding number is an amount, not a date part.
func (m *matcher) isUnitAfter(i int) bool {
	s := m.at(i)
	if _, _, ok := unitOf(s); ok {
		return true
	}
	switch s {
	case "%", "percent", "per", "million", "billion", "thousand", "points", "cents", "people", "troops":
		return true
	}
	return false
}

// yearLike: a four-digit number read as a year, not an amount.
func (m *matcher) yearLike(i int) bool {
	y, _ := m.year4(i)
	if y < 1800 || y > 2100 {
		return false
	}
	p := m.at(i - 1)
	if p == "$" || p == "#" || p == "no" || p == "no." || p == "number" || p == "flight" || p == "route" || p == "£" || p == "€" {
		return false
	}
	if m.isUnitAfter(i+1) || m.at(i+1) == "%" {
		return false
	}
	// Part of a longer number ("1,999").
	if i+1 < len(m.w) && (m.at(i+1) == ":" || m.at(i+1) == ".") && len(m.at(i+2)) > 0 {
		if _, ok := atoi(m.at(i + 2)); ok && m.w[i+1].start == m.w[i].end && m.w[i+2].start == m.w[i+1].end {
			return false
		}
	}
	return true
}

func validDate(y, mo, d int) bool {
	if mo < 1 || mo > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, mo)
}

func daysIn(y, mo int) int {
	switch mo {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// weekday matches "Monday", "Friday, Oct. 23", "Friday morning", "Tuesdays".
func (m *matcher) weekday(i int) (int, spec, bool) {
	s := m.at(i)
	wd, ok := weekdayNames[s]
	if !ok {
		return 0, spec{}, false
	}
	j := i + 1
	if len(s) <= 5 && !strings.HasSuffix(s, "day") {
		// Abbreviations need a capital and their period.
		if !m.w[i].cap || m.at(j) != "." || m.w[j].start != m.w[i].end {
			return 0, spec{}, false
		}
		j++
	}
	if wd > 7 {
		return j, spec{typ: "SET", kind: kLit, lit: "XXXX-WXX-" + strconv.Itoa(wd-8)}, true
	}
	// "the second Tuesday of every month" is a rule, not a day.
	if _, ord := ordinals[m.at(i-1)]; (ord || m.at(i-1) == "last") && m.at(j) == "of" {
		return 0, spec{}, false
	}
	// "Friday, Oct. 23" / "Friday Oct. 13": the date decides.
	k := j
	if m.at(k) == "," {
		k++
	}
	if end, sp, ok := m.calendar(k); ok && sp.m > 0 && sp.d > 0 {
		return end, sp, true
	}
	sp := spec{typ: "DATE", kind: kWeekday, wd: wd}
	if _, ok := partOfDay[m.at(j)]; ok && m.at(j) != "tonight" && m.at(j) != "overnight" {
		// "Friday night": the day. News annotation is split on the part of
		// day (TempEval-3 dev: 11 spans with it, 9 without); the day alone
		// scores better overall (value F1 0.821 against 0.818, type
		// accuracy 0.965 against 0.955), and a timeline places the day.
		return j + 1, sp, true
	}
	return j, sp, true
}

// deictic matches today, yesterday, now, recently, the past, the future...
func (m *matcher) deictic(i int) (int, spec, bool) {
	s := m.at(i)
	rel := func(n int) spec { return spec{typ: "DATE", kind: kRel, unit: "D", n: n} }
	lit := func(v string) spec { return spec{typ: "DATE", kind: kLit, lit: v} }
	switch s {
	case "today":
		return m.withPOD(i+1, rel(0))
	case "yesterday":
		return m.withPOD(i+1, rel(-1))
	case "tomorrow":
		return m.withPOD(i+1, rel(1))
	case "tonight":
		return i + 1, rel(0), true
	case "overnight":
		sp := rel(0)
		sp.typ, sp.suffix = "TIME", "TNI"
		return i + 1, sp, true
	case "now":
		// "Now, ..." opening a sentence is a discourse marker; "now that"
		// is a time ("now that the border is shut").
		if m.at(i+1) == "," && m.w[i].cap {
			return 0, spec{}, false
		}
		return i + 1, lit("PRESENT_REF"), true
	case "currently", "nowadays", "presently":
		return i + 1, lit("PRESENT_REF"), true
	case "current":
		// "current" as a time word ("at current levels"), not "current
		// account" or "the current user".
		if _, _, isU := unitOf(m.at(i + 1)); isU || m.at(i-1) == "the" || m.at(i+1) == "account" || m.at(i+1) == "affairs" || m.at(i+1) == "events" || m.at(i+1) == "fiscal" {
			return 0, spec{}, false
		}
		return i + 1, lit("PRESENT_REF"), true
	case "recently", "lately":
		return i + 1, lit("PAST_REF"), true
	case "soon":
		// Bare "soon" is mostly not annotated; "as soon as possible" is.
		if m.at(i-1) == "as" && m.at(i+1) == "as" && m.at(i+2) == "possible" {
			return i + 3, lit("FUTURE_REF"), true
		}
	case "right":
		if m.at(i+1) == "now" {
			return i + 2, lit("PRESENT_REF"), true
		}
	case "these":
		if m.at(i+1) == "days" {
			return i + 2, lit("PRESENT_REF"), true
		}
	case "at":
		if m.at(i+1) == "the" && m.at(i+2) == "moment" {
			return i + 3, lit("PRESENT_REF"), true
		}
		if m.at(i+1) == "present" {
			return i + 2, lit("PRESENT_REF"), true
		}
	case "the":
		switch m.at(i + 1) {
		case "past":
			if nx := m.at(i + 2); nx == "" || !m.startsAmount(i+2) {
				if _, _, ok := unitOf(nx); !ok {
					return i + 2, lit("PAST_REF"), true
				}
			}
		case "future":
			return i + 2, lit("FUTURE_REF"), true
		case "near", "foreseeable", "immediate", "distant":
			if m.at(i+2) == "future" || m.at(i+2) == "term" {
				return i + 3, lit("FUTURE_REF"), true
			}
		case "present":
			return i + 2, lit("PRESENT_REF"), true
		case "weekend":
			return i + 2, spec{typ: "DATE", kind: kWeekend, anaph: true}, true
		}
	case "year":
		if m.at(i+1) == "end" && (m.isPunct(i+2) || m.at(i+2) == "") {
			// "by year-end", "since year end": the last day of the year.
			switch m.at(i - 1) {
			case "since":
				return i + 2, spec{typ: "DATE", kind: kDate, m: 12, d: 31, hasRel: true, yrel: -1}, true
			case "by", "at", "around", "until", "before", "near", "toward", "towards":
				return i + 2, spec{typ: "DATE", kind: kDate, m: 12, d: 31, hasRel: true}, true
			}
		}
		if m.at(i-1) == "the" && (m.at(i+1) == "ended" || m.at(i+1) == "ending") {
			// "the year ended Sept. 30": a fiscal year, a length.
			return i + 1, spec{typ: "DURATION", kind: kLit, lit: "P1Y"}, true
		}
		if m.at(i-1) == "the" && (m.isPunct(i+1) || m.at(i+1) == "") {
			// "for the year,", "the end of the year.": the current year.
			return i + 1, spec{typ: "DATE", kind: kRel, unit: "Y"}, true
		}
	case "future":
		if m.at(i+1) == "" || m.isPunct(i+1) {
			return i + 1, lit("FUTURE_REF"), true
		}
	}
	return 0, spec{}, false
}

func (m *matcher) isPunct(i int) bool {
	s := m.at(i)
	return len(s) == 1 && strings.ContainsAny(s, ".,;:!?)\"'")
}

// withPOD adds a following part of day ("yesterday afternoon").
func (m *matcher) withPOD(j int, sp spec) (int, spec, bool) {
	if pod, ok := partOfDay[m.at(j)]; ok && m.at(j) != "tonight" && m.at(j) != "overnight" {
		sp.typ, sp.suffix = "TIME", "T"+pod
		return j + 1, sp, true
	}
	return j, sp, true
}

// startsAmount: a number starts at i.
func (m *matcher) startsAmount(i int) bool {
	_, _, _, ok := m.number(i)
	return ok && m.at(i) != "a" && m.at(i) != "an" || (m.at(i) == "a" || m.at(i) == "an") && (m.at(i+1) == "few" || m.at(i+1) == "couple")
}

// relative matches this/last/next + unit, weekday, month, weekend, and the
// anaphoric "the next day", "that year", and "N units ago".
func (m *matcher) relative(i int) (int, spec, bool) {
	s := m.at(i)
	j := i
	dir, anaph, ok := 0, false, true
	switch s {
	case "this", "current":
		dir = 0
		if s == "this" && m.at(i+1) == "past" {
			// "this past spring": the latest one gone by.
			j, s, dir = i+1, "past", -1
			break
		}
		// "This Week" in mid-sentence capitals is a title, not a time.
		if i > 0 && m.w[i].cap && i+1 < len(m.w) && m.w[i+1].cap && !m.isPunct(i-1) {
			ok = false
		}
	case "the":
		switch m.at(i + 1) {
		case "next", "following", "coming", "previous", "prior", "preceding", "same", "current", "past", "last", "latest", "full":
			j = i + 1
			s = m.at(j)
			switch s {
			case "next", "following":
				dir, anaph = 1, true
			case "coming":
				dir = 1
			case "previous", "prior", "preceding":
				dir, anaph = -1, true
			case "same":
				dir, anaph = 0, true
			case "current", "full":
				dir = 0
			case "past", "last", "latest":
				dir = -1
			}
		default:
			ok = false
		}
	case "last", "past", "previous", "prior", "preceding":
		dir = -1
		anaph = m.at(i-1) == "the" && s != "last" && s != "past"
	case "next", "coming", "following":
		dir = 1
		anaph = m.at(i-1) == "the" && s != "coming"
	case "that":
		dir, anaph = 0, true
	default:
		ok = false
	}
	if ok {
		k := j + 1
		if m.at(k) == "fiscal" {
			k++
		}
		u := m.at(k)
		if unit, plural, isU := unitOf(u); isU && !plural {
			sp := spec{typ: "DATE", kind: kRel, unit: unit, n: dir, anaph: anaph}
			if unit == "h" || unit == "m" || unit == "s" || unit == "E" || unit == "C" || unit == "F" {
				if unit == "C" && dir == 0 && !anaph {
					return k + 1, spec{typ: "DURATION", kind: kLit, lit: "P100Y"}, true
				}
				if unit == "E" && dir == -1 && !anaph {
					return k + 1, spec{typ: "DURATION", kind: kLit, lit: "P10Y"}, true
				}
				return 0, spec{}, false
			}
			if s == "latest" && unit != "Q" {
				return 0, spec{}, false
			}
			if unit == "Y" && s == "full" {
				sp.n = 0
			}
			if anaph && (unit == "D") {
				// "the next day" / "that day": a part of day may follow.
				return m.withPOD(k+1, sp)
			}
			return k + 1, sp, true
		}
		if wd, isWd := weekdayNames[u]; isWd && wd <= 7 && (!anaph || dir != 0) {
			// "the previous Friday": before the day in view.
			sp := spec{typ: "DATE", kind: kWeekday, wd: wd, dir: dir, anaph: anaph}
			if dir == 0 {
				sp.dir = 0
			}
			e := k + 1
			if pod, ok := partOfDay[m.at(e)]; ok && m.at(e) != "tonight" {
				sp.typ, sp.suffix = "TIME", "T"+pod
				e++
			}
			return e, sp, true
		}
		if mo, e, isMo := m.month(k, false); isMo && !anaph {
			sp := spec{typ: "DATE", kind: kDate, m: mo, dir: dir}
			if s == "this" {
				sp.hasRel = true
			}
			return e, sp, true
		}
		if se, isSe := seasonNames[u]; isSe && !anaph {
			sp := spec{typ: "DATE", kind: kSeason, season: se, yrel: dir, hasRel: true}
			if j > i && s == "past" {
				sp.hasRel, sp.dir = false, -1
			}
			return k + 1, sp, true
		}
		if u == "weekend" && !anaph {
			return k + 1, spec{typ: "DATE", kind: kWeekend, n: dir}, true
		}
		if _, isPod := partOfDay[u]; isPod && anaph && dir > 0 && u != "tonight" && u != "overnight" {
			// "the next morning": the day after the one in view.
			return k + 1, spec{typ: "DATE", kind: kRel, unit: "D", n: 1, anaph: true}, true
		}
		if pod, isPod := partOfDay[u]; isPod && u != "tonight" && u != "overnight" && (s == "this" || s == "last" || s == "that") {
			sp := spec{typ: "TIME", kind: kRel, unit: "D", suffix: "T" + pod, anaph: anaph}
			if s == "last" {
				if u != "night" {
					return 0, spec{}, false
				}
				sp.n = -1
			}
			return k + 1, sp, true
		}
	}
	// "N units ago/earlier/later", "a year ago", "year-earlier".
	if e, n, half, isN := m.number(i); isN && n != 0 && !half {
		u := m.at(e)
		if u == "trading" || u == "business" {
			e++
			u = m.at(e)
		}
		unit, _, isU := unitOf(u)
		if isU {
			switch m.at(e + 1) {
			case "ago", "before", "earlier", "later", "after", "hence":
				w := m.at(e + 1)
				if (w == "before" || w == "after") && !m.isPunct(e+2) && m.at(e+2) != "" {
					break
				}
				sign := -1
				if w == "later" || w == "after" || w == "hence" {
					sign = 1
				}
				sp := spec{typ: "DATE", kind: kRel, unit: unit, n: sign * n, anaph: sign > 0 && w != "hence"}
				if n < 0 {
					// "a few days later", "months ago": a vague amount.
					return e + 2, spec{typ: "DURATION", kind: kLit, lit: durValue(-1, unit, false)}, true
				}
				if unit == "Y" && n == 1 && (w == "ago" || w == "earlier") {
					sp.shift = true
				}
				if unit == "h" || unit == "m" || unit == "s" {
					return e + 2, spec{typ: "DURATION", kind: kLit, lit: durValue(n, unit, false)}, true
				}
				if unit == "E" {
					sp.unit, sp.n = "Y", sp.n*10
				}
				if unit == "C" {
					sp.unit, sp.n = "Y", sp.n*100
				}
				return e + 2, sp, true
			case "from":
				if m.at(e+2) == "now" {
					return e + 3, spec{typ: "DATE", kind: kRel, unit: unit, n: n}, true
				}
			}
		}
	}
	// "year-earlier", "year-ago" (+ quarter/period).
	if s == "the" || s == "a" {
		j = i + 1
	} else {
		j = i
	}
	if m.at(j) == "year" && (m.at(j+1) == "earlier" || m.at(j+1) == "ago") {
		e := j + 2
		q := 0
		if ord, ok := ordinals[m.at(e)]; ok && ord >= 1 && ord <= 4 && m.at(e+1) == "quarter" {
			// "the year-ago third quarter": that quarter, a year before.
			return e + 2, spec{typ: "DATE", kind: kQuarter, q: ord, hasRel: true, yrel: -1}, true
		}
		switch m.at(e) {
		case "quarter", "period":
			e++
			q = -1
		default:
			if j > i || m.at(i-1) == "the" {
				return 0, spec{}, false
			}
		}
		return e, spec{typ: "DATE", kind: kRel, unit: "Y", n: -1, shift: true, q: q}, true
	}
	return 0, spec{}, false
}

// quarterYearAgo matches the quarter under discussion a year before: "the
// corresponding period last year", "the quarter a year ago", "last year's
// quarter".
func (m *matcher) quarterYearAgo(i int) (int, bool) {
	if m.at(i) == "last" && m.at(i+1) == "year" && m.at(i+2) == "'s" && (m.at(i+3) == "quarter" || m.at(i+3) == "period") {
		return i + 4, true
	}
	if m.at(i) != "the" {
		return 0, false
	}
	j := i + 1
	switch m.at(j) {
	case "corresponding", "comparable", "same":
		j++
	}
	if m.at(j) != "quarter" && m.at(j) != "period" {
		return 0, false
	}
	j++
	if m.at(j) == "of" && m.at(j+1) == "last" && m.at(j+2) == "year" {
		return j + 3, true
	}
	switch {
	case m.at(j) == "last" && m.at(j+1) == "year":
		return j + 2, true
	case m.at(j) == "a" && m.at(j+1) == "year" && (m.at(j+2) == "ago" || m.at(j+2) == "earlier"):
		return j + 3, true
	case m.at(j) == "the" && (m.at(j+1) == "previous" || m.at(j+1) == "prior") && m.at(j+2) == "year":
		return j + 3, true
	}
	return 0, false
}

// amount matches durations: "three years", "the past two months", "a
// 10-year", "several weeks", "years".
func (m *matcher) amount(i int) (int, spec, bool) {
	j := i
	if m.at(j) == "the" {
		j++
	}
	lead := ""
	switch m.at(j) {
	case "past", "last", "next", "first", "coming", "previous", "following", "final", "latest", "initial", "recent", "early", "remaining":
		lead = m.at(j)
		j++
	}
	e, n, half, ok := m.number(j)
	if !ok {
		// "recent years", "the coming weeks", bare "years".
		if unit, plural, isU := unitOf(m.at(j)); isU && plural && m.w[j].start == m.w[j].tokStart {
			if m.at(j+1) == "ago" || m.at(j+1) == "earlier" {
				return j + 2, spec{typ: "DATE", kind: kLit, lit: "PAST_REF"}, true
			}
			if lead == "recent" && unit == "Y" {
				return j + 1, spec{typ: "DATE", kind: kLit, lit: "PAST_REF"}, true
			}
			if lead == "" && j > i {
				// "the years": too vague.
				return 0, spec{}, false
			}
			if lead == "" {
				// A bare plural is a duration after "for", "over", "in"...
				switch m.at(i - 1) {
				case "for", "over", "in", "within", "after", "took", "take", "takes", "lasted", "last":
				default:
					return 0, spec{}, false
				}
			}
			if unit == "s" {
				return 0, spec{}, false
			}
			return j + 1, spec{typ: "DURATION", kind: kLit, lit: durValue(-1, unit, false)}, true
		}
		return 0, spec{}, false
	}
	if n == 0 {
		return 0, spec{}, false
	}
	// "the first quarter" belongs to quarter().
	if m.at(e) == "more" || m.at(e) == "additional" || m.at(e) == "full" || m.at(e) == "straight" || m.at(e) == "consecutive" || m.at(e) == "long" {
		e++
	}
	if m.at(e) == "to" || m.at(e) == "or" {
		if e2, _, _, ok := m.number(e + 1); ok {
			if _, _, isU := unitOf(m.at(e2)); isU {
				e = e2
			}
		}
	}
	if m.at(e) == "trading" || m.at(e) == "business" || m.at(e) == "calendar" {
		e++
	}
	unit, plural, isU := unitOf(m.at(e))
	if !isU {
		return 0, spec{}, false
	}
	// "three-quarters", "a quarter of" are fractions.
	if unit == "Q" && (m.at(j) == "a" || m.w[e].tokStart == m.w[j].tokStart || m.at(e+1) == "of") {
		return 0, spec{}, false
	}
	// "a second" as in "a second time" is no duration.
	if unit == "s" && (m.at(j) == "a" || m.at(j) == "one") {
		return 0, spec{}, false
	}
	// "one day" as in "one day he will" is a vague future point.
	if m.at(j) == "one" && unit == "D" && j == i && !m.isPunct(e+1) {
		return 0, spec{}, false
	}
	if (m.at(j) == "a" || m.at(j) == "an") && n == 1 {
		// "a year ago" is a date; "$5 a year", "twice a week" are rates.
		switch m.at(e + 1) {
		case "ago", "earlier", "later", "before", "after", "from":
			return 0, spec{}, false
		}
		if m.rateContext(j - 1) {
			return e + 1, spec{typ: "SET", kind: kLit, lit: durValue(1, unit, false)}, true
		}
	}
	if m.at(j) == "a" && plural && n == 1 {
		return 0, spec{}, false
	}
	_ = lead
	// "the 1988 quarter" is no amount.
	if n >= 1000 && !plural && len(m.at(j)) == 4 {
		return 0, spec{}, false
	}
	// Ages ("a 6-year-old", "52 years old") are not time expressions.
	if m.at(e+1) == "old" {
		return 0, spec{}, false
	}
	return e + 1, spec{typ: "DURATION", kind: kLit, lit: durValue(n, unit, half)}, true
}

// rateContext: the word before "a year" makes it a rate ("$5 a year",
// "twice a week").
func (m *matcher) rateContext(i int) bool {
	s := m.at(i)
	switch s {
	case "once", "twice", "thrice", "times", "million", "billion", "thousand", "dollars", "hours", "days", "%", "percent":
		return true
	}
	if _, ok := atoi(strings.ReplaceAll(s, ",", "")); ok && s != "" {
		return true
	}
	return false
}

func durValue(n int, unit string, half bool) string {
	num := "X"
	if n >= 0 {
		num = strconv.Itoa(n)
	}
	switch unit {
	case "h", "m", "s":
		v := "PT" + num + strings.ToUpper(unit)
		if half && n >= 0 {
			switch unit {
			case "h":
				v += "30M"
			case "m":
				v += "30S"
			}
		}
		return v
	case "Q":
		// Quarters as months (TimeML).
		if n >= 0 {
			return "P" + strconv.Itoa(3*n) + "M"
		}
		return "PXM"
	case "E":
		if n >= 0 {
			return "P" + strconv.Itoa(10*n) + "Y"
		}
		return "PXE"
	case "C":
		if n >= 0 {
			return "P" + strconv.Itoa(100*n) + "Y"
		}
		return "PXC"
	case "F":
		if n >= 0 {
			return "P" + strconv.Itoa(2*n) + "W"
		}
		return "PXW"
	}
	v := "P" + num + unit
	if half && n >= 0 {
		switch unit {
		case "Y":
			v += "6M"
		case "D":
			v = "P" + num + "DT12H"
		}
	}
	return v
}

// quarter matches "the third quarter", "third-quarter", "the first quarter
// of 1990", "the 1988 third quarter", "fiscal first quarter", "the first half".
func (m *matcher) quarter(i int) (int, spec, bool) {
	if e, ok := m.quarterYearAgo(i); ok {
		return e, spec{typ: "DATE", kind: kRel, unit: "Y", n: -1, shift: true, q: -1}, true
	}
	j := i
	if m.at(j) == "the" || m.at(j) == "its" || m.at(j) == "this" {
		j++
	}
	if m.at(i) == "the" && (m.at(i+1) == "latest" || m.at(i+1) == "most" && m.at(i+2) == "recent") {
		k := i + 2
		if m.at(i+1) == "most" {
			k++
		}
		if m.at(k) == "period" {
			return k + 1, spec{typ: "DATE", kind: kRel, unit: "Q", n: -1}, true
		}
	}
	if m.at(i) == "the" && m.at(i+1) == "quarter" && m.w[i+1].end == m.w[i+1].tokEnd {
		// The quarter under report: the one just mentioned, else the last
		// completed one.
		return i + 2, spec{typ: "DATE", kind: kRel, unit: "Q", anaph: true, q: -1}, true
	}
	sp := spec{typ: "DATE", kind: kQuarter}
	if y, ok := m.year4(j); ok && (m.at(j+1) == "quarter" || m.at(j+1) == "period") && j > i && m.w[j+1].end == m.w[j+1].tokEnd {
		// "the 1988 quarter": that year's quarter under discussion.
		return j + 2, spec{typ: "DATE", kind: kQuarter, y: y, q: -1}, true
	}
	if y, ok := m.year4(j); ok && m.at(j+1) != "quarter" {
		sp.y = y
		j++
	} else if (m.at(j) == "last" || m.at(j) == "next" || m.at(j) == "this") && m.at(j+1) == "year" && m.at(j+2) == "'s" {
		sp.hasRel = true
		sp.yrel = map[string]int{"last": -1, "next": 1, "this": 0}[m.at(j)]
		j += 3
	}
	if m.at(j) == "fiscal" {
		j++
	}
	ord, ok := ordinals[m.at(j)]
	if !ok {
		if m.at(j) == "last" || m.at(j) == "final" {
			ord, ok = 4, true
		}
	}
	if !ok || ord < 1 || ord > 4 {
		return 0, spec{}, false
	}
	j++
	if m.at(j) == "fiscal" {
		j++
	}
	switch m.at(j) {
	case "quarter":
		sp.q = ord
	case "half":
		if m.at(j-1) == "last" || m.at(j-1) == "final" {
			ord = 2
		}
		if ord > 2 {
			return 0, spec{}, false
		}
		sp.kind, sp.q = kHalf, ord
	case "two":
		// "the first two quarters of 1990": a half.
		if m.at(j+1) != "quarters" || m.at(j-1) != "first" && m.at(j-1) != "last" && m.at(j-1) != "final" {
			return 0, spec{}, false
		}
		sp.kind, sp.q = kHalf, 1
		if m.at(j-1) != "first" {
			sp.q = 2
		}
		j++
	default:
		return 0, spec{}, false
	}
	j++
	if sp.y == 0 && !sp.hasRel {
		if m.at(j) == "of" {
			if y, e, ok := m.yearAt(j + 1); ok {
				sp.y = y
				j = e
			} else if r, e, ok := m.yearWord(j + 1); ok {
				sp.yrel, sp.hasRel = r, true
				j = e
			} else if _, _, ok := m.decade(j + 1); ok {
				// "the last half of the '80s": of a decade, not a year.
				return 0, spec{}, false
			}
		} else if y, ok := m.year4(j); ok {
			sp.y = y
			j++
		} else if r, e, ok := m.yearWord(j); ok {
			sp.yrel, sp.hasRel = r, true
			j = e
		}
	}
	if m.at(j) == "earnings" {
		return j, sp, true
	}
	return j, sp, true
}

// season matches seasons: "this summer", "the winter of 1994", "spring 2021".
func (m *matcher) season(i int) (int, spec, bool) {
	j := i
	if m.at(j) == "the" {
		j++
	}
	se, ok := seasonNames[m.at(j)]
	if !ok {
		return 0, spec{}, false
	}
	sp := spec{typ: "DATE", kind: kSeason, season: se}
	e := j + 1
	if m.at(e) == "of" {
		if y, e2, ok := m.yearAt(e + 1); ok {
			sp.y = y
			return e2, sp, true
		}
	}
	if y, ok := m.year4(e); ok {
		sp.y = y
		return e + 1, sp, true
	}
	if r, e2, ok := m.yearWord(e); ok {
		sp.yrel, sp.hasRel = r, true
		return e2, sp, true
	}
	// A bare season word needs the article or a preposition ("fall" is a verb).
	prev := m.at(i - 1)
	if j == i {
		switch prev {
		case "in", "during", "by", "since", "until", "early", "late", "mid", "this", "last", "next", "over":
		default:
			return 0, spec{}, false
		}
	} else if m.at(e) == "of" {
		return 0, spec{}, false
	}
	return e, sp, true
}

// decade matches "the 1990s", "the '80s", "the nineties", "the 20th century".
func (m *matcher) decade(i int) (int, spec, bool) {
	j := i
	if m.at(j) == "the" {
		j++
	}
	s := m.at(j)
	lit := func(e int, v string) (int, spec, bool) {
		return e, spec{typ: "DATE", kind: kLit, lit: v}, true
	}
	if len(s) == 5 && strings.HasSuffix(s, "0s") {
		if y, ok := atoi(s[:4]); ok && y >= 1000 {
			return lit(j+1, s[:3])
		}
	}
	if len(s) == 6 && strings.HasSuffix(s, "0's") {
		if y, ok := atoi(s[:4]); ok && y >= 1000 {
			return lit(j+1, s[:3])
		}
	}
	if s == "'" && len(m.at(j+1)) == 3 && strings.HasSuffix(m.at(j+1), "0s") {
		if d, ok := atoi(m.at(j + 1)[:2]); ok {
			return lit(j+2, "19"+strconv.Itoa(d/10))
		}
	}
	if len(s) == 3 && strings.HasSuffix(s, "0s") && j > i {
		if d, ok := atoi(s[:2]); ok && d >= 20 {
			return lit(j+1, "19"+strconv.Itoa(d/10))
		}
	}
	if v, ok := decWords[s]; ok && j > i {
		return lit(j+1, v)
	}
	if ord, ok := ordinals[s]; ok && m.at(j+1) == "century" && ord >= 1 && ord <= 22 {
		return lit(j+2, strconv.Itoa(ord-1))
	}
	return 0, spec{}, false
}

// set matches recurring times: "every week", "each Thursday", "daily".
func (m *matcher) set(i int) (int, spec, bool) {
	s := m.at(i)
	lit := func(e int, v string) (int, spec, bool) {
		return e, spec{typ: "SET", kind: kLit, lit: v}, true
	}
	switch s {
	case "daily", "weekly", "monthly", "yearly", "hourly", "nightly":
		// "the Daily Mail", "Weekly Standard": a capitalized one before a
		// capitalized word, or in mid-sentence, names a publication.
		if m.w[i].cap && (i+1 < len(m.w) && m.w[i+1].cap || i > 0 && !m.isPunct(i-1)) {
			return 0, spec{}, false
		}
	}
	switch s {
	case "daily":
		return lit(i+1, "P1D")
	case "weekly":
		return lit(i+1, "P1W")
	case "monthly":
		return lit(i+1, "P1M")
	case "yearly":
		return lit(i+1, "P1Y")
	case "hourly":
		return lit(i+1, "PT1H")
	case "nightly":
		return lit(i+1, "TNI")
	case "every", "each":
		j := i + 1
		n := 1
		if m.at(j) == "other" {
			n, j = 2, j+1
		} else if e, v, _, ok := m.number(j); ok && v > 0 && m.at(j) != "a" {
			n, j = v, e
		}
		if unit, _, ok := unitOf(m.at(j)); ok {
			return lit(j+1, durValue(n, unit, false))
		}
		if wd, ok := weekdayNames[m.at(j)]; ok && wd <= 7 {
			return lit(j+1, "XXXX-WXX-"+strconv.Itoa(wd))
		}
		if mo, e, ok := m.month(j, false); ok {
			return lit(e, "XXXX-"+pad2(mo))
		}
		if se, ok := seasonNames[m.at(j)]; ok {
			return lit(j+1, "XXXX-"+se)
		}
		if m.at(j) == "morning" || m.at(j) == "night" || m.at(j) == "evening" || m.at(j) == "afternoon" {
			return lit(j+1, "XXXX-XX-XXT"+partOfDay[m.at(j)])
		}
	case "per", "a":
		// "per year" only; "a year" is handled in amount().
		if s == "per" {
			if unit, plural, ok := unitOf(m.at(i + 1)); ok && !plural {
				return lit(i+2, durValue(1, unit, false))
			}
		}
	}
	return 0, spec{}, false
}

func pad2(n int) string {
	if n < 10 && n >= 0 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// holiday matches named days.
func (m *matcher) holiday(i int) (int, spec, bool) {
	j := i
	if m.at(j) == "last" || m.at(j) == "next" || m.at(j) == "this" {
		j++
	}
	var name string
	e := j
	switch m.at(j) {
	case "christmas":
		name, e = "christmas", j+1
		if m.at(e) == "eve" {
			name, e = "christmaseve", e+1
		} else if m.at(e) == "day" {
			e++
		}
	case "new":
		if m.at(j+1) == "years" || m.at(j+1) == "year" && m.at(j+2) == "'s" {
			k := j + 2
			if m.at(j+1) == "year" {
				k++
			}
			switch m.at(k) {
			case "day":
				name, e = "newyear", k+1
			case "eve":
				name, e = "newyeareve", k+1
			}
		}
	case "thanksgiving":
		name, e = "thanksgiving", j+1
		if m.at(e) == "day" {
			e++
		}
	case "halloween":
		name, e = "halloween", j+1
	case "easter":
		name, e = "easter", j+1
		if m.at(e) == "sunday" {
			e++
		}
	case "independence":
		if m.at(j+1) == "day" && m.w[j].cap {
			name, e = "independence", j+2
		}
	case "election":
		if m.at(j+1) == "day" && m.w[j].cap {
			name, e = "election", j+2
		}
	case "valentine":
		if m.at(j+1) == "'s" && m.at(j+2) == "day" {
			name, e = "valentine", j+3
		}
	}
	if name == "" || !m.w[j].cap {
		return 0, spec{}, false
	}
	sp := spec{typ: "DATE", kind: kHoliday, hol: name}
	switch m.at(i) {
	case "last":
		sp.dir = -1
	case "next":
		sp.dir = 1
	}
	if y, ok := m.year4(e); ok {
		sp.y = y
		e++
	}
	return e, sp, true
}

// clock matches clock times: "10 p.m.", "10:35 a.m. EST Tuesday", "noon
// Saturday", "midnight", "4 in the morning".
func (m *matcher) clock(i int) (int, spec, bool) {
	s := m.at(i)
	h, mi, j := -1, 0, i
	switch s {
	case "noon", "midday":
		h, j = 12, i+1
	case "midnight":
		h, j = 24, i+1
	default:
		v, ok := atoi(s)
		if !ok || len(s) > 2 || v > 23 {
			return 0, spec{}, false
		}
		h, j = v, i+1
		if m.at(j) == ":" {
			mm, ok := atoi(m.at(j + 1))
			if !ok || len(m.at(j+1)) != 2 || mm > 59 {
				return 0, spec{}, false
			}
			mi, j = mm, j+2
		}
		switch m.at(j) {
		case "a.m.", "a.m", "am":
			if h == 12 {
				h = 0
			}
			j++
		case "p.m.", "p.m", "pm":
			if h < 12 {
				h += 12
			}
			j++
		case "o'clock":
			j++
		case "in":
			if m.at(j+1) == "the" {
				if pod := m.at(j + 2); pod == "morning" {
					j += 3
				} else if pod == "afternoon" || pod == "evening" {
					if h < 12 {
						h += 12
					}
					j += 3
				} else {
					return 0, spec{}, false
				}
			} else {
				return 0, spec{}, false
			}
		default:
			if mi == 0 || j != i+3 {
				return 0, spec{}, false
			}
			// "10:35" alone is a clock time only if followed by a zone.
			if !isZone(m.at(j)) {
				return 0, spec{}, false
			}
		}
		if h > 24 {
			return 0, spec{}, false
		}
	}
	if isZone(m.at(j)) {
		j++
	}
	clk := "T" + pad2(h) + ":" + pad2(mi)
	// A day may follow: "Tuesday", "today", "Nov. 9", ", Nov. 6".
	k := j
	if m.at(k) == "," || m.at(k) == "on" {
		k++
	}
	if e, sp, ok := m.weekday(k); ok && sp.kind == kWeekday {
		sp.typ, sp.suffix = "TIME", clk
		return e, sp, true
	}
	if e, sp, ok := m.calendar(k); ok && sp.d > 0 {
		sp.typ, sp.suffix = "TIME", clk
		return e, sp, true
	}
	switch m.at(k) {
	case "today", "yesterday", "tomorrow":
		_, sp, _ := m.deictic(k)
		sp.typ, sp.suffix = "TIME", clk
		return k + 1, sp, true
	}
	// A bare clock time is on the day last mentioned (else the reference).
	return j, spec{typ: "TIME", kind: kRel, unit: "D", suffix: clk, anaph: true}, true
}

func isZone(s string) bool {
	switch s {
	case "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "msk":
		return true
	}
	return false
}

var decWords = map[string]string{"twenties": "192", "thirties": "193", "forties": "194", "fifties": "195", "sixties": "196", "seventies": "197", "eighties": "198", "nineties": "199"}

// starters are the words a time expression can begin with (beyond numbers,
// month, weekday, season and unit words); core() is not tried elsewhere.
var starters = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an this that these last past next coming previous prior preceding
		following current full today yesterday tomorrow tonight overnight now currently nowadays presently
		recently lately soon right at future year fiscal fy every each daily weekly monthly annually yearly hourly
		nightly per noon midday midnight several few many some numerous couple dozen dozens its christmas new
		thanksgiving halloween easter independence election valentine ' first second third fourth final half
		recent early remaining initial latest most`) {
		starters[w] = true
	}
	for _, m := range []map[string]int{monthNames, weekdayNames, smallNumbers, tensNumbers, ordinals} {
		for k := range m {
			starters[k] = true
		}
	}
	for k := range seasonNames {
		starters[k] = true
	}
	for k := range decWords {
		starters[k] = true
	}
	for _, p := range prefixes {
		prefixFirst[p[0]] = true
	}
}

var prefixFirst = map[string]bool{}

// mayStart: a time expression (or its prefix) can begin with word s.
func mayStart(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c >= '0' && c <= '9' {
		return true
	}
	if starters[s] || prefixFirst[s] {
		return true
	}
	_, _, ok := unitOf(s)
	return ok
}
