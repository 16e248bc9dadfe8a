package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/accord-news/accord"
)

// ParseRef reads a reference date: YYYY-MM-DD, optionally followed by a time
// ("1998-02-06T22:19:00", RFC 3339), or a feed-style date (RFC 1123/822,
// "January 2, 2006", "2 January 2006", "2006/01/02"). Only the calendar day
// is kept.
func ParseRef(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 {
		return time.Time{}, false
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, true
		}
	}
	for _, layout := range refLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return date(t.Year(), int(t.Month()), t.Day()), true
		}
	}
	return time.Time{}, false
}

var refLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850, time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2006/01/02", "January 2, 2006",
	"Jan 2, 2006", "2 January 2006", "2 Jan 2006", "20060102",
}

// gran is the granularity of a resolved point.
type gran byte

const (
	gNone    gran = 0
	gDay     gran = 'D'
	gWeek    gran = 'W'
	gMonth   gran = 'M'
	gQuarter gran = 'Q'
	gHalf    gran = 'H'
	gYear    gran = 'Y'
	gSeason  gran = 'S'
)

type point struct {
	t time.Time
	g gran
}

func (p point) value() string {
	y, m, d := p.t.Date()
	switch p.g {
	case gDay:
		return pad4(y) + "-" + pad2(int(m)) + "-" + pad2(d)
	case gMonth:
		return pad4(y) + "-" + pad2(int(m))
	case gYear:
		return pad4(y)
	case gQuarter:
		return pad4(y) + "-Q" + strconv.Itoa((int(m)-1)/3+1)
	case gHalf:
		return pad4(y) + "-H" + strconv.Itoa((int(m)-1)/6+1)
	case gWeek:
		wy, w := p.t.ISOWeek()
		return pad4(wy) + "-W" + pad2(w)
	}
	return ""
}

// pad4 formats a year with four digits (years before 1000 padded).
func pad4(y int) string {
	if y >= 1000 && y <= 9999 {
		return strconv.Itoa(y)
	}
	return fmt.Sprintf("%04d", y)
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// normalizer resolves candidates in text order against a reference date,
// keeping the last date mentioned for anaphoric expressions.
type normalizer struct {
	ref    time.Time
	hasRef bool
	prev   point
	// prevSent is the sentence of prev, cur the one of the expression
	// being resolved: a quarter named in another sentence ("after a flat
	// second quarter") does not replace the report's quarter.
	prevSent, cur int
	topicQ        point // the first quarter the document names: the one it reports on
}

// quarterInView is the quarter under discussion: the one just mentioned,
// else the first one the document named (an earnings report names the
// quarter it reports on first; "after a flat second quarter" is an aside).
func (n *normalizer) quarterInView() (point, bool) {
	if n.prev.g == gQuarter && (n.prevSent == n.cur || n.topicQ.g != gQuarter) {
		return n.prev, true
	}
	return n.topicQ, n.topicQ.g == gQuarter
}

// Normalize gives every candidate its TIMEX3 value relative to ref (the
// document date); hasRef false leaves relative parts unresolved (XXXX).
func Normalize(src string, cands []Candidate, ref time.Time, hasRef bool) []accord.Timex {
	n := &normalizer{ref: ref, hasRef: hasRef}
	out := make([]accord.Timex, 0, len(cands))
	for _, c := range cands {
		if c.Start < 0 || c.End > len(src) || c.Start >= c.End {
			continue
		}
		v := n.resolve(c.spec)
		if v == "" {
			continue
		}
		out = append(out, accord.Timex{Span: c.Span, Text: src[c.Start:c.End], Type: c.spec.typ, Value: v})
	}
	return out
}

func (n *normalizer) set(p point) string {
	n.prev, n.prevSent = p, n.cur
	return p.value()
}

// base is the anchor for anaphoric expressions: the previous date, else the
// reference.
func (n *normalizer) base(anaph bool) (time.Time, bool) {
	if anaph && n.prev.g != gNone {
		return n.prev.t, true
	}
	return n.ref, n.hasRef
}

func (n *normalizer) resolve(sp spec) string {
	n.cur = sp.sent
	v := n.resolveDate(sp)
	if sp.suffix != "" && v != "" {
		if len(v) == 10 && v[4] == '-' && v[7] == '-' {
			return v + sp.suffix
		}
		if strings.HasPrefix(v, "XXXX-") && !strings.Contains(v, "T") {
			return v + sp.suffix
		}
	}
	return v
}

func (n *normalizer) resolveDate(sp spec) string {
	switch sp.kind {
	case kLit:
		return sp.lit
	case kDate:
		return n.calendarDate(sp)
	case kWeekday:
		if !n.hasRef {
			return "XXXX-WXX-" + strconv.Itoa(sp.wd)
		}
		base := n.ref
		if sp.anaph && n.prev.g == gDay {
			base = n.prev.t
		}
		refwd := int(base.Weekday())
		if refwd == 0 {
			refwd = 7
		}
		back := (refwd - sp.wd + 7) % 7
		fwd := (sp.wd - refwd + 7) % 7
		var t time.Time
		switch {
		case sp.dir < 0:
			if back == 0 {
				back = 7
			}
			t = base.AddDate(0, 0, -back)
		case sp.dir > 0:
			if fwd == 0 {
				fwd = 7
			}
			t = base.AddDate(0, 0, fwd)
		case sp.tense > 0 && sp.tdist <= 30:
			t = base.AddDate(0, 0, fwd)
		default:
			t = base.AddDate(0, 0, -back)
		}
		return n.set(point{t, gDay})
	case kRel:
		b, ok := n.base(sp.anaph)
		if sp.unit == "Q" && sp.anaph && sp.q == -1 {
			// "the quarter": the quarter just mentioned, else the last completed.
			if q, ok := n.quarterInView(); ok {
				return q.value()
			}
			b, ok = n.ref, n.hasRef
			sp.n = -1
		}
		qv, inView := n.quarterInView()
		if sp.shift && inView && n.hasRef && qv.t.After(n.ref) && n.topicQ.g == gQuarter && !n.topicQ.t.After(n.ref) {
			// A forecast quarter ("through the third quarter of next
			// year") is not what "a year ago" compares with: the quarter
			// the report is about is.
			qv = n.topicQ
		}
		if sp.shift && sp.q == -1 && !inView && n.hasRef {
			// "the year-ago quarter" with no quarter in view: the last
			// completed quarter, a year before.
			q := date(n.ref.Year(), (int(n.ref.Month())-1)/3*3+1, 1).AddDate(-1, -3, 0)
			return point{q, gQuarter}.value()
		}
		if sp.shift && inView {
			// The same quarter a year before; the quarter under discussion
			// stays the anchor.
			return point{qv.t.AddDate(-1, 0, 0), gQuarter}.value()
		}
		if sp.anaph && sp.unit == "D" && sp.n == 0 && sp.suffix != "" && n.prev.g != gDay {
			// A clock time with no day in view: the reference day.
			b, ok = n.ref, n.hasRef
			if !ok {
				return unresolved(sp.unit)
			}
		} else if !ok || sp.anaph && sp.unit == "D" && n.prev.g != gNone && n.prev.g != gDay {
			// "the next day" after a month or year: no day to count from.
			return unresolved(sp.unit)
		}
		switch sp.unit {
		case "D":
			return n.set(point{b.AddDate(0, 0, sp.n), gDay})
		case "W":
			return n.set(point{b.AddDate(0, 0, 7*sp.n), gWeek})
		case "M":
			return n.set(point{firstOfMonth(b).AddDate(0, sp.n, 0), gMonth})
		case "Q":
			q := date(b.Year(), (int(b.Month())-1)/3*3+1, 1)
			return n.set(point{q.AddDate(0, 3*sp.n, 0), gQuarter})
		case "Y":
			return n.set(point{date(b.Year()+sp.n, 1, 1), gYear})
		}
		return ""
	case kQuarter, kHalf:
		y, ok := n.year(sp)
		if ok && sp.y == 0 && !sp.hasRel && sp.tense < 0 && sp.kind == kQuarter && sp.q > (int(n.ref.Month())-1)/3+1 {
			// "sales fell in the fourth quarter" said in January: the
			// quarter has not begun this year, so it is last year's.
			y--
		}
		prefix := "XXXX"
		if ok {
			prefix = fmt.Sprintf("%04d", y)
		}
		if sp.kind == kHalf {
			if ok {
				n.prev, n.prevSent = point{date(y, (sp.q-1)*6+1, 1), gHalf}, n.cur
			}
			return prefix + "-H" + strconv.Itoa(sp.q)
		}
		if sp.q == -1 {
			// The quarter under discussion (else the last completed one), in
			// the year given.
			q := 0
			if qv, ok := n.quarterInView(); ok {
				q = (int(qv.t.Month())-1)/3 + 1
			} else if n.hasRef {
				q = (int(n.ref.Month())-1)/3 + 1 - 1
				if q == 0 {
					q = 4
				}
			}
			if q == 0 {
				return prefix + "-QX"
			}
			return prefix + "-Q" + strconv.Itoa(q)
		}
		if sp.q < 1 || sp.q > 4 {
			return ""
		}
		if ok {
			n.prev, n.prevSent = point{date(y, (sp.q-1)*3+1, 1), gQuarter}, n.cur
			if n.topicQ.g == gNone && n.hasRef && y >= n.ref.Year()-1 && y <= n.ref.Year() {
				n.topicQ = n.prev
			}
		}
		return prefix + "-Q" + strconv.Itoa(sp.q)
	case kSeason:
		y, ok := n.year(sp)
		if !ok {
			return "XXXX-" + sp.season
		}
		if sp.dir < 0 && sp.y == 0 && !sp.hasRel && seasonEnd[sp.season] > int(n.ref.Month()) {
			// "this past spring": this year's if it is over, else last year's.
			y--
		}
		return fmt.Sprintf("%04d-%s", y, sp.season)
	case kWeekend:
		if !n.hasRef {
			return "XXXX-WXX-WE"
		}
		off := sp.n
		if sp.anaph {
			// "the weekend": the coming one in the future tense, else the last.
			if wd := n.ref.Weekday(); sp.tense <= 0 && wd != time.Saturday && wd != time.Sunday {
				off = -1
			}
		}
		wy, w := n.ref.AddDate(0, 0, 7*off).ISOWeek()
		return fmt.Sprintf("%04d-W%02d-WE", wy, w)
	case kHoliday:
		if sp.y > 0 {
			mo, d := holidayDate(sp.hol, sp.y)
			return n.set(point{date(sp.y, mo, d), gDay})
		}
		if !n.hasRef {
			if sp.hol == "thanksgiving" || sp.hol == "easter" || sp.hol == "election" {
				return "XXXX-XX-XX"
			}
			mo, d := holidayDate(sp.hol, 2000)
			return fmt.Sprintf("XXXX-%02d-%02d", mo, d)
		}
		t := n.pickYear(sp, func(y int) (time.Time, bool) {
			mo, d := holidayDate(sp.hol, y)
			return date(y, mo, d), true
		})
		return n.set(point{t, gDay})
	}
	return ""
}

func unresolved(unit string) string {
	switch unit {
	case "D":
		return "XXXX-XX-XX"
	case "W":
		return "XXXX-WXX"
	case "M":
		return "XXXX-XX"
	case "Q":
		return "XXXX-QX"
	}
	return "XXXX"
}

func firstOfMonth(t time.Time) time.Time { return date(t.Year(), int(t.Month()), 1) }

// year gives the year of a quarter/half/season spec.
func (n *normalizer) year(sp spec) (int, bool) {
	if sp.y > 0 {
		return sp.y, true
	}
	if !n.hasRef {
		return 0, false
	}
	if sp.hasRel {
		return n.ref.Year() + sp.yrel, true
	}
	return n.ref.Year(), true
}

// calendarDate resolves a date written with a month (and maybe day/year).
func (n *normalizer) calendarDate(sp spec) string {
	if sp.y > 0 {
		switch {
		case sp.m == 0:
			return n.set(point{date(sp.y, 1, 1), gYear})
		case sp.d == 0:
			return n.set(point{date(sp.y, sp.m, 1), gMonth})
		case validDate(sp.y, sp.m, sp.d):
			return n.set(point{date(sp.y, sp.m, sp.d), gDay})
		}
		return ""
	}
	if sp.m == 0 {
		return ""
	}
	if !n.hasRef {
		if sp.d == 0 {
			return fmt.Sprintf("XXXX-%02d", sp.m)
		}
		return fmt.Sprintf("XXXX-%02d-%02d", sp.m, sp.d)
	}
	var y int
	if sp.hasRel {
		y = n.ref.Year() + sp.yrel
	} else {
		t := n.pickYear(sp, func(y int) (time.Time, bool) {
			d := sp.d
			if d == 0 {
				d = 15
				if y == n.ref.Year() && sp.m == int(n.ref.Month()) {
					d = n.ref.Day()
				}
			}
			if !validDate(y, sp.m, d) {
				return time.Time{}, false
			}
			return date(y, sp.m, d), true
		})
		y = t.Year()
	}
	if sp.d == 0 {
		return n.set(point{date(y, sp.m, 1), gMonth})
	}
	if !validDate(y, sp.m, sp.d) {
		return fmt.Sprintf("%04d-%02d", y, sp.m)
	}
	return n.set(point{date(y, sp.m, sp.d), gDay})
}

// pickYear chooses the year of a date given without one: by the explicit
// direction ("last May"), else the tense, else the nearest to the reference
// with a preference for the reference's own year.
func (n *normalizer) pickYear(sp spec, at func(y int) (time.Time, bool)) time.Time {
	ry := n.ref.Year()
	same, okSame := at(ry)
	before, okBefore := at(ry - 1)
	after, okAfter := at(ry + 1)
	if !okSame {
		// 29 February: the nearest leap year in the right direction.
		for k := 1; k < 8; k++ {
			if t, ok := at(ry - k); ok {
				return t
			}
		}
		return n.ref
	}
	monthCmp := func(t time.Time) int {
		// Compare at the month level when no day is given.
		if sp.d == 0 {
			a := t.Year()*12 + int(t.Month())
			b := n.ref.Year()*12 + int(n.ref.Month())
			return a - b
		}
		return int(t.Sub(n.ref).Hours() / 24)
	}
	dir := sp.dir
	if dir == 0 {
		dir = sp.tense
	}
	// The nearest candidate, biased to the reference's own year.
	nearest, bd := same, absDays(same.Sub(n.ref))-sameYearBias
	if okBefore {
		if d := absDays(before.Sub(n.ref)); d < bd {
			nearest, bd = before, d
		}
	}
	if okAfter {
		if d := absDays(after.Sub(n.ref)); d < bd {
			nearest = after
		}
	}
	var tc time.Time
	switch {
	case dir < 0:
		tc = same
		if sp.dir < 0 && monthCmp(same) >= 0 || sp.dir == 0 && monthCmp(same) > 0 {
			if okBefore {
				tc = before
			}
		}
	case dir > 0:
		tc = same
		if sp.dir > 0 && monthCmp(same) <= 0 || sp.dir == 0 && monthCmp(same) < 0 {
			if okAfter {
				tc = after
			}
		}
	default:
		return nearest
	}
	if sp.dir != 0 {
		return tc
	}
	// The tense decides only where it does not contradict a much nearer
	// reading ("Dec. 15" said in October is this December, whatever the verb).
	if absDays(tc.Sub(n.ref)) <= absDays(nearest.Sub(n.ref))+60 {
		return tc
	}
	if closePast(sp) {
		return tc
	}
	return nearest
}

func absDays(d time.Duration) int {
	h := int(d.Hours() / 24)
	if h < 0 {
		return -h
	}
	return h
}

// holidayDate gives the month and day of a named day in year y.
func holidayDate(name string, y int) (int, int) {
	switch name {
	case "christmas":
		return 12, 25
	case "christmaseve":
		return 12, 24
	case "newyear":
		return 1, 1
	case "newyeareve":
		return 12, 31
	case "halloween":
		return 10, 31
	case "independence":
		return 7, 4
	case "valentine":
		return 2, 14
	case "thanksgiving":
		// Fourth Thursday of November.
		wd := int(date(y, 11, 1).Weekday())
		first := 1 + (4-wd+7)%7
		return 11, first + 21
	case "election":
		// Tuesday after the first Monday of November.
		wd := int(date(y, 11, 1).Weekday())
		firstMon := 1 + (1-wd+7)%7
		return 11, firstMon + 1
	case "easter":
		a := y % 19
		b, c := y/100, y%100
		d, e := b/4, b%4
		f := (b + 8) / 25
		g := (b - f + 1) / 3
		h := (19*a + b - d - g + 15) % 30
		i, k := c/4, c%4
		l := (32 + 2*e + 2*i - h - k) % 7
		m := (a + 11*h + 22*l) / 451
		mo := (h + l - 7*m + 114) / 31
		da := (h+l-7*m+114)%31 + 1
		return mo, da
	}
	return 1, 1
}

// seasonEnd is the first month after a season (winter counted from
// December, "1997-WI" ending in March 1998).
var seasonEnd = map[string]int{"SP": 6, "SU": 9, "FA": 12, "WI": 15}

// sameYearBias (days) favours the reference's own year for a month given
// without one.
var sameYearBias = 90

// closePast: the date is governed by a past verb of its own clause, close
// before it ("stepped down in March", "the year ended Jan. 31"), not by a
// reporting verb that may introduce a plan or a schedule.
func closePast(sp spec) bool {
	if sp.tense >= 0 || sp.tdist > 10 || deictic[sp.tcue] {
		return false
	}
	switch sp.tcue {
	case "said", "told", "announced", "reported", "added", "noted", "declared", "stated",
		"by", "until", "till", "to":
		return false
	}
	return sp.prev == "in" || sp.tdist == 1 && !sp.tafter
}
