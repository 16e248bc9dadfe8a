// Package quantity finds numeric statements in a document and normalizes
// them: digits and written-out numbers ("twenty-five", "three million",
// "one lakh"), scale suffixes ("$5bn", "100k"), approximations and bounds
// ("about", "more than", "up to", "tens of thousands"), percentages, money
// (ISO currency codes), durations and measurements, and what a bare count
// counts ("100,000 Russian troops" counts "troop").
//
// Decisions:
//   - Ordinals ("third", "5th") are skipped: they rank rather than count, and
//     ordinal dates belong to the time-expression stage.
//   - Bare years (1900–2100 with no unit or currency), clock times ("3:33"),
//     scores and records ("91-73", "58-3"), numbers inside DATE/TIME
//     expressions and numbers that are part of a name ("Route 52") are skipped.
//   - "one" (and "a") count only when a scale word or a unit follows ("one
//     lakh", "one hour"): alone they are mostly pronouns or articles.
//   - Durations are kept (unit "day", "year", ...) even when the time stage
//     also holds them as DURATION expressions.
//   - Counts is the lower-case singular lemma of the counted noun ("troop",
//     "person" stays "people" as news writes it). Money, percentages,
//     durations and measurements have an empty Counts.
//   - Low and High are the bounds: equal to Value for exact and "about"
//     numbers (Approximate says how sure), Low=0 for "up to"/"less than",
//     High=Value for "more than"/"at least" (an open bound is never written as
//     infinity, which JSON cannot hold; Bound records which side is open).
package quantity

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// Stage is the per-document stage that fills Document.Quantities.
type Stage struct{}

// multipliers scale the number word before them ("two hundred", "a dozen")
// without closing it, unlike scales ("thousand", "lakh").
var multipliers = map[string]float64{"hundred": 100, "dozen": 12}

// New returns the quantity stage.
func New() *Stage { return &Stage{} }

// Name implements accord.DocStage.
func (*Stage) Name() string { return "quantity" }

// Annotate implements accord.DocStage.
func (*Stage) Annotate(d *accord.Document) error {
	d.Quantities = Find(d)
	return nil
}

// Bound kinds of a quantity (see Parse).
const (
	BoundNone = ""
	BoundMin  = "min" // "more than X", "at least X": X is the lower bound
	BoundMax  = "max" // "up to X", "less than X": X is the upper bound
)

// Q is a quantity with its bound kind.
type Q struct {
	accord.Quantity
	Bound string
}

// Find returns the quantities of d, in text order.
func Find(d *accord.Document) []accord.Quantity {
	qs := FindQ(d)
	out := make([]accord.Quantity, len(qs))
	for i, q := range qs {
		out[i] = q.Quantity
	}
	return out
}

// FindQ is Find with bound kinds.
func FindQ(d *accord.Document) []Q {
	toks := d.Tokens
	if len(toks) == 0 {
		toks = text.Tokens(d.Text, accord.Span{Start: 0, End: len(d.Text)})
	}
	// Sanitize token spans: never trust outside layers blindly.
	clean := make([]accord.Token, 0, len(toks))
	for _, t := range toks {
		if t.Start < 0 || t.End > len(d.Text) || t.Start >= t.End {
			continue
		}
		if t.Lower == "" {
			t.Lower = strings.ToLower(d.Text[t.Start:t.End])
		}
		clean = append(clean, t)
	}
	var skip []accord.Span
	for _, tx := range d.Timexes {
		if tx.Type == "DATE" || tx.Type == "TIME" || tx.Type == "SET" {
			skip = append(skip, tx.Span)
		}
	}
	p := parser{s: d.Text, toks: clean, skip: skip}
	return p.run()
}

// Parse finds the quantities of a bare string (no other layers).
func Parse(s string) []Q {
	p := parser{s: s, toks: text.Tokens(s, accord.Span{Start: 0, End: len(s)})}
	return p.run()
}

type parser struct {
	s    string
	toks []accord.Token
	skip []accord.Span
	// skipEnd[k] is the largest End of skip[:k+1] once skip is sorted
	// (skipped).
	skipEnd []int
}

func (p *parser) lower(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.toks[i].Lower
}

func (p *parser) raw(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.s[p.toks[i].Start:p.toks[i].End]
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (p *parser) adjacent(i int) bool {
	return i >= 0 && i+1 < len(p.toks) && p.toks[i].End == p.toks[i+1].Start
}

// skipped reports whether sp overlaps a span of p.skip. The spans are
// sorted by start on first use, with the largest end so far, so that a
// long document's quantities do not each scan all its time expressions.
func (p *parser) skipped(sp accord.Span) bool {
	if len(p.skip) == 0 {
		return false
	}
	if p.skipEnd == nil {
		slices.SortFunc(p.skip, func(a, b accord.Span) int { return cmp.Compare(a.Start, b.Start) })
		p.skipEnd = make([]int, len(p.skip))
		for k, s := range p.skip {
			p.skipEnd[k] = s.End
			if k > 0 && p.skipEnd[k-1] > s.End {
				p.skipEnd[k] = p.skipEnd[k-1]
			}
		}
	}
	// The spans that start before sp ends overlap it when one ends after
	// sp starts.
	hi := sort.Search(len(p.skip), func(k int) bool { return p.skip[k].Start >= sp.End })
	return hi > 0 && p.skipEnd[hi-1] > sp.Start
}

func (p *parser) run() []Q {
	var out []Q
	for i := 0; i < len(p.toks); {
		q, next, ok := p.at(i)
		if ok && !p.skipped(q.Span) {
			q.Text = p.s[q.Start:q.End]
			out = append(out, q)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return out
}

var smallNums = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tensNums = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var scales = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5,
	"lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12,
}

// suffix scales glued to digits: 5bn, 2.6m, 100k.
var glued = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "cr": 1e7,
}

// wordValue returns the value of a single written-number word ("twenty-five").
func wordValue(w string) (float64, bool) {
	if v, ok := smallNums[w]; ok {
		return v, true
	}
	if v, ok := tensNums[w]; ok {
		return v, true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		t, ok1 := tensNums[w[:i]]
		u, ok2 := smallNums[w[i+1:]]
		if ok1 && ok2 && u > 0 && u < 10 {
			return t + u, true
		}
	}
	return 0, false
}

// digitValue parses "100,000", "3.5", "1,25,000" (Indian grouping).
func digitValue(w string) (float64, bool) {
	if w == "" || !isDigit(w[0]) {
		return 0, false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) && w[i] != ',' && w[i] != '.' {
			return 0, false
		}
	}
	if strings.Count(w, ".") > 1 {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// approximation and bound cues, longest first, as token sequences before the number.
var cues = []struct {
	words []string
	bound string
	near  bool // "nearly", "almost": just under
}{
	{[]string{"no", "more", "than"}, BoundMax, false},
	{[]string{"more", "than"}, BoundMin, false}, {[]string{"greater", "than"}, BoundMin, false},
	{[]string{"at", "least"}, BoundMin, false}, {[]string{"upwards", "of"}, BoundMin, false},
	{[]string{"in", "excess", "of"}, BoundMin, false}, {[]string{"over"}, BoundMin, false},
	{[]string{"up", "to"}, BoundMax, false}, {[]string{"less", "than"}, BoundMax, false},
	{[]string{"fewer", "than"}, BoundMax, false}, {[]string{"at", "most"}, BoundMax, false},
	{[]string{"as", "many", "as"}, BoundMax, false}, {[]string{"as", "much", "as"}, BoundMax, false},
	{[]string{"under"}, BoundMax, false},
	{[]string{"nearly"}, BoundNone, true}, {[]string{"almost"}, BoundNone, true},
	{[]string{"close", "to"}, BoundNone, true}, {[]string{"just", "under"}, BoundNone, true},
	{[]string{"about"}, BoundNone, false}, {[]string{"around"}, BoundNone, false},
	{[]string{"approximately"}, BoundNone, false}, {[]string{"approx"}, BoundNone, false},
	{[]string{"approx."}, BoundNone, false}, {[]string{"roughly"}, BoundNone, false},
	{[]string{"some"}, BoundNone, false}, {[]string{"an", "estimated"}, BoundNone, false},
	{[]string{"estimated"}, BoundNone, false}, {[]string{"circa"}, BoundNone, false},
	{[]string{"~"}, BoundNone, false}, {[]string{"an", "approximate"}, BoundNone, false},
	{[]string{"reportedly"}, BoundNone, false},
}

// vague plural magnitudes: "hundreds of", "tens of thousands of".
var vague = map[string][2]float64{
	"dozens": {24, 99}, "scores": {40, 99}, "hundreds": {200, 999}, "thousands": {2000, 9999},
	"millions": {2e6, 9.99e6}, "billions": {2e9, 9.99e9}, "lakhs": {2e5, 9.99e5}, "crores": {2e7, 9.99e7},
}

// at tries to read a quantity starting at token i (possibly preceded by a cue
// that the caller has passed over: cues are looked for backwards).
func (p *parser) at(i int) (Q, int, bool) {
	w := p.lower(i)
	if w == "" {
		return Q{}, i + 1, false
	}
	// Vague magnitudes: "tens of thousands", "hundreds of".
	if w == "tens" && p.lower(i+1) == "of" {
		if r, ok := vague[p.lower(i+2)]; ok {
			lo, hi := r[0]*5, r[1]*10
			if p.lower(i+2) == "thousands" {
				lo, hi = 20000, 99999
			}
			return p.finish(i, i, i+3, Q{Quantity: accord.Quantity{Value: (lo + hi) / 2, Low: lo, High: hi, Approximate: true}})
		}
	}
	if r, ok := vague[w]; ok && p.lower(i+1) == "of" {
		return p.finish(i, i, i+1, Q{Quantity: accord.Quantity{Value: (r[0] + r[1]) / 2, Low: r[0], High: r[1], Approximate: true}})
	}
	// Currency symbol before the number.
	cur := ""
	j := i
	if c := currencySymbol(p.raw(i)); c != "" {
		cur = c
		j = i + 1
		if j >= len(p.toks) || p.toks[j].Start-p.toks[i].End > 1 {
			return Q{}, i + 1, false
		}
	} else if (w == "us" || w == "u.s.") && p.raw(i+1) == "$" && p.adjacent(i) {
		cur = "USD"
		j = i + 2
	}
	val, end, ok, hyphenTail := p.number(j)
	if !ok {
		return Q{}, i + 1, false
	}
	q := Q{Quantity: accord.Quantity{Value: val, Low: val, High: val, Unit: cur}}
	if hyphenTail != "" {
		// "12-gauge", "59-year-old", "35-yards": the tail names the unit or noun.
		parts := strings.Split(hyphenTail, "-")
		// "$2.6-million": a scale word.
		if m, ok := scales[parts[0]]; ok && len(parts[0]) > 2 {
			q.Value *= m
			q.Low, q.High = q.Value, q.Value
			if len(parts) == 1 {
				return p.finish(i, i, end, q)
			}
			parts = parts[1:]
		}
		if u, kind := unitOf(parts[0]); kind != "" {
			q.Unit = u
			if len(parts) > 1 && parts[len(parts)-1] == "old" {
				q.Counts = "age"
			}
		} else if isWordy(parts[0]) {
			q.Counts = lemma(parts[0])
		}
		return p.finish(i, i, end, q)
	}
	return p.finish(i, i, end, q)
}

func isWordy(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// number reads a numeric expression at token j: digits with optional scale
// words or glued suffixes, or written-out numbers. It returns the value, the
// index after the expression, and the hyphenated tail of a token like
// "12-gauge" (then the expression ends there).
func (p *parser) number(j int) (float64, int, bool, string) {
	w := p.lower(j)
	if w == "" {
		return 0, j, false, ""
	}
	if isDigit(w[0]) {
		// Clock times, scores, phone numbers, ranges glued with ':' or '/'.
		if p.adjacent(j) && (p.raw(j+1) == ":" || p.raw(j+1) == "/") {
			return 0, j + 1, false, ""
		}
		if j > 0 && p.adjacent(j-1) && (p.raw(j-1) == ":" || p.raw(j-1) == "/") {
			return 0, j + 1, false, ""
		}
		base := w
		tail := ""
		if k := strings.IndexByte(w, '-'); k > 0 {
			base, tail = w[:k], w[k+1:]
			if tail == "" || isDigit(tail[0]) {
				return 0, j + 1, false, "" // 91-73, 58-3, phone numbers
			}
		}
		// Glued suffix: 5bn, 2.6m, 100k; ordinals 5th are skipped.
		k := 0
		for k < len(base) && (isDigit(base[k]) || base[k] == ',' || base[k] == '.') {
			k++
		}
		num, suf := base[:k], base[k:]
		v, ok := digitValue(num)
		if !ok {
			return 0, j + 1, false, ""
		}
		if suf != "" {
			switch suf {
			case "st", "nd", "rd", "th":
				return 0, j + 1, false, ""
			}
			if m, ok := glued[suf]; ok {
				v *= m
			} else if u, kind := unitOf(suf); kind != "" && tail == "" {
				// 10km, 5kg: glued unit; let the caller see it as a tail.
				return v, j + 1, true, u
			} else {
				return 0, j + 1, false, ""
			}
		}
		if tail != "" {
			return v, j + 1, true, tail
		}
		end := j + 1
		// Scale words: "2.5 million", "35 thousand", "1.5 lakh crore".
		for {
			if m, ok := scales[p.lower(end)]; ok {
				v *= m
				end++
				continue
			}
			break
		}
		return v, end, true, ""
	}
	// Written-out numbers; capitalized ones inside a sentence are names
	// ("Zero Day", "Seven Sisters").
	if isCapitalized(p.raw(j)) && !sentenceInitial(p, j) && !(j > 0 && currencySymbol(p.raw(j-1)) != "") {
		if _, ok := wordValue(w); ok {
			return 0, j + 1, false, ""
		}
	}
	total, current := 0.0, 0.0
	end := j
	seen := false
	single := ""
	for end < len(p.toks) {
		t := p.lower(end)
		if v, ok := wordValue(t); ok {
			current += v
			seen = true
			if single == "" {
				single = t
			} else {
				single = "+"
			}
			end++
			continue
		}
		if t == "a" && end == j {
			if _, ok := scales[p.lower(end+1)]; ok || p.lower(end+1) == "hundred" || p.lower(end+1) == "dozen" {
				current = 1
				single = "a"
				end++
				continue
			}
			break
		}
		if f := multipliers[t]; f != 0 && (seen || single == "a") {
			if current == 0 {
				current = 1
			}
			current *= f
			seen = true
			single = "+"
			end++
			continue
		}
		if m, ok := scales[t]; ok && (seen || single == "a") && len(t) > 2 {
			if current == 0 {
				current = 1
			}
			total += current * m
			current = 0
			seen = true
			single = "+"
			end++
			continue
		}
		if t == "and" && seen {
			if v, ok := wordValue(p.lower(end + 1)); ok && v < 100 {
				end++
				continue
			}
		}
		break
	}
	if !seen {
		return 0, j + 1, false, ""
	}
	v := total + current
	if single == "one" {
		// "one" alone is a pronoun or article more often than a count:
		// keep it only before a unit ("one hour").
		if _, kind := unitOf(p.lower(end)); kind == "" {
			return 0, end, false, ""
		}
	}
	return v, end, true, ""
}

// finish attaches cues before the number (start..) and unit or counted noun
// after it (end..), and applies the skip rules.
func (p *parser) finish(cueEnd, start, end int, q Q) (Q, int, bool) {
	first := start
	// Cues before.
	for _, c := range cues {
		n := len(c.words)
		if start-n < 0 {
			continue
		}
		match := true
		for k, cw := range c.words {
			if p.lower(start-n+k) != cw {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		// "over" and "under" are prepositions too ("over 3 days" is fine,
		// "under 18s" too): accept them as bounds.
		first = start - n
		q.Approximate = true
		switch {
		case c.bound == BoundMin:
			q.Bound = BoundMin
		case c.bound == BoundMax:
			q.Bound = BoundMax
			q.Low = 0
		case c.near:
			q.Low = q.Value * 0.9
		}
		break
	}
	_ = cueEnd
	// Unit or counted noun after ("hundreds of people": past the "of").
	k := end
	if q.Low < q.High && q.Bound == BoundNone && p.lower(k) == "of" {
		k++
	}
	if q.Unit == "" {
		if c := currencyWord(p.lower(k), p.lower(k+1)); c != "" {
			q.Unit = c
			k++
			if p.lower(k) == "sterling" {
				k++
			}
		} else if p.lower(k) == "%" || p.lower(k) == "percent" || p.lower(k) == "pct" {
			q.Unit = "%"
			k++
		} else if p.lower(k) == "per" && p.lower(k+1) == "cent" {
			q.Unit = "%"
			k += 2
		} else if u, kind := unitOf(p.lower(k)); kind != "" {
			q.Unit = u
			k++
			if kind == "duration" {
				k = p.compound(&q, k)
			}
		} else if w, ok := strings.CutSuffix(p.lower(k), "-long"); ok && UnitKind(unitOrEmpty(w)) == "duration" {
			// "a 4 hour-long meeting": the meeting lasts 4 hours.
			q.Unit = unitOrEmpty(w)
			k++
		}
	}
	if q.Unit == "" && q.Counts == "" {
		q.Counts, k = p.countedNoun(k)
	}
	// Years: four digits from 1900 to 2100 with no money, measure or
	// percent unit ("the 2005 shooting", "in 2019").
	if isYear(p.lower(start), q.Value) && (q.Unit == "" || UnitKind(q.Unit) == "duration") && first == start {
		return Q{}, end, false
	}
	// Days of months: "June 20", "20 June".
	if start > 0 && months[strings.TrimSuffix(p.lower(start-1), ".")] || months[strings.TrimSuffix(p.lower(end), ".")] && q.Value >= 1 && q.Value <= 31 {
		return Q{}, end, false
	}
	// Skip numbers that are part of a name ("Route 52", "No. 5", "#3").
	if start > 0 && first == start {
		prev := p.raw(start - 1)
		pl := p.lower(start - 1)
		if pl == "no." || pl == "no" || pl == "#" || pl == "nos." {
			return Q{}, end, false
		}
		// "Route 52", "AK 47 rifles", "Windows 7": a number naming a thing.
		if isCapitalized(prev) && !sentenceInitial(p, start-1) && currencySymbol(prev) == "" && !isCueWord(pl) && q.Unit == "" {
			return Q{}, end, false
		}
	}
	last := k
	if last <= end {
		last = end
	}
	sp := accord.Span{Start: p.toks[first].Start, End: p.toks[last-1].End}
	q.Span = sp
	return q, last, true
}

// compound reads the smaller units that continue a duration whose unit
// ends before token k ("two hours 15 minutes", "3 days and 4 hours", "1
// hour 20 minutes 30 seconds") into q, as one quantity in the smallest
// unit read (135 minutes); it returns the token after the last unit read.
// A part must be a plain number below one of the larger unit ("2 hours 90
// minutes" stays two quantities).
func (p *parser) compound(q *Q, k int) int {
	for {
		j := k
		if p.lower(j) == "and" {
			j++
		}
		v, end, ok, tail := p.number(j)
		if !ok || tail != "" || end <= j {
			return k
		}
		u, kind := unitOf(p.lower(end))
		if kind != "duration" {
			return k
		}
		f := subunits(q.Unit, u)
		if f == 0 || v < 0 || v >= f {
			return k
		}
		q.Value = q.Value*f + v
		if !(q.Bound == BoundMax && q.Low == 0) {
			q.Low = q.Low*f + v
		}
		q.High = q.High*f + v
		q.Unit = u
		k = end + 1
	}
}

// subunits is how many of the duration unit small make one of big, or 0
// when small is not the next smaller unit that divides big exactly.
func subunits(big, small string) float64 {
	switch big + "/" + small {
	case "year/month":
		return 12
	case "week/day":
		return 7
	case "day/hour":
		return 24
	case "hour/minute", "minute/second":
		return 60
	}
	return 0
}

// unitOrEmpty is the unit a word names, or "".
func unitOrEmpty(w string) string {
	if u, kind := unitOf(w); kind != "" {
		return u
	}
	return ""
}

func isCueWord(w string) bool {
	switch w {
	case "about", "around", "over", "under", "nearly", "almost", "some":
		return true
	}
	return false
}

func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// sentenceInitial: the token follows a sentence end or starts the text.
func sentenceInitial(p *parser, i int) bool {
	if i == 0 {
		return true
	}
	prev := p.raw(i - 1)
	switch prev {
	case ".", "!", "?", "\"", "“", "'", "‘", "(", ":", ";", "-", "—", "–":
		return true
	}
	// A newline between the tokens.
	return strings.Contains(p.s[p.toks[i-1].End:p.toks[i].Start], "\n")
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

func isYear(w string, v float64) bool {
	if len(w) != 4 || strings.ContainsAny(w, ",.") {
		return false
	}
	return v >= 1900 && v <= 2100 && v == math.Trunc(v)
}

// countedNoun reads the counted noun after a number: the last word of a
// short run of words, stopping at punctuation, function words and -ing/-ed
// verb forms. Capitalized modifiers ("Russian troops") are passed over.
func (p *parser) countedNoun(k int) (string, int) {
	best := ""
	bestEnd := k
	for n := 0; n < 3 && k < len(p.toks); n++ {
		w := p.lower(k)
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || text.IsStopword(w) || w == "of" || w == "per" {
			break
		}
		if _, ok := smallNums[w]; ok {
			break
		}
		if _, ok := scales[w]; ok {
			break
		}
		if n > 0 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")) {
			break
		}
		if _, kind := unitOf(w); kind != "" && n > 0 {
			break
		}
		if n == 0 && (strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")) {
			break
		}
		best = w
		bestEnd = k + 1
		k++
		// A plural noun usually ends the run ("troops near", "pirates with").
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !isCapitalized(p.raw(k-1)) {
			break
		}
		if w == "people" || w == "men" || w == "women" || w == "children" || w == "police" {
			break
		}
	}
	if best == "" || isCapitalized(p.raw(bestEnd-1)) {
		// "two Yemeni fishing boats": a capitalized word is a modifier or a
		// name, not what is counted.
		return "", k
	}
	return lemma(best), bestEnd
}

// lemma is a light English singularizer for counted nouns.
func lemma(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	switch w {
	case "people", "police", "news", "series", "species", "sheep", "fish", "deer", "aircraft", "data", "media":
		return w
	case "men":
		return "man"
	case "women":
		return "woman"
	case "children":
		return "child"
	case "feet":
		return "foot"
	case "teeth":
		return "tooth"
	case "mice":
		return "mouse"
	case "lives":
		return "life"
	case "wives":
		return "wife"
	}
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// Lemma exposes the counted-noun lemmatizer (used to key claims).
func Lemma(w string) string { return lemma(w) }

func currencySymbol(s string) string {
	switch s {
	case "$":
		return "USD"
	case "€":
		return "EUR"
	case "£":
		return "GBP"
	case "₹":
		return "INR"
	case "₽":
		return "RUB"
	case "¥":
		return "JPY"
	case "Rs", "Rs.", "INR":
		return "INR"
	case "USD", "EUR", "GBP", "RUB", "JPY", "CNY":
		return s
	}
	return ""
}

func currencyWord(w, next string) string {
	switch w {
	case "dollar", "dollars", "usd":
		return "USD"
	case "euro", "euros", "eur":
		return "EUR"
	case "rupee", "rupees", "inr":
		return "INR"
	case "rouble", "roubles", "ruble", "rubles", "rub":
		return "RUB"
	case "yen", "jpy":
		return "JPY"
	case "yuan", "renminbi", "cny":
		return "CNY"
	case "gbp":
		return "GBP"
	case "pound", "pounds":
		if next == "sterling" {
			return "GBP"
		}
	}
	return ""
}

// unitOf maps a unit word to its canonical unit and kind ("measure",
// "duration"), or "" when w is no unit.
func unitOf(w string) (string, string) {
	switch w {
	case "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers":
		return "km", "measure"
	case "mile", "miles", "mi":
		return "mile", "measure"
	case "m", "metre", "metres", "meter", "meters":
		return "m", "measure"
	case "cm", "centimetre", "centimetres", "centimeter", "centimeters":
		return "cm", "measure"
	case "mm", "millimetre", "millimetres", "millimeter", "millimeters":
		return "mm", "measure"
	case "kg", "kgs", "kilogram", "kilograms", "kilo", "kilos":
		return "kg", "measure"
	case "g", "gram", "grams":
		return "g", "measure"
	case "tonne", "tonnes", "ton", "tons", "t":
		return "tonne", "measure"
	case "lb", "lbs", "pound", "pounds":
		return "lb", "measure"
	case "ft", "foot", "feet":
		return "ft", "measure"
	case "yard", "yards", "yd", "yds":
		return "yard", "measure"
	case "inch", "inches", "in.":
		return "inch", "measure"
	case "acre", "acres":
		return "acre", "measure"
	case "hectare", "hectares", "ha":
		return "ha", "measure"
	case "litre", "litres", "liter", "liters":
		return "l", "measure"
	case "gallon", "gallons":
		return "gal", "measure"
	case "barrel", "barrels":
		return "barrel", "measure"
	case "mph":
		return "mph", "measure"
	case "kmh", "km/h", "kph":
		return "km/h", "measure"
	case "sq":
		return "", ""
	case "second", "seconds", "sec", "secs":
		return "second", "duration"
	case "minute", "minutes", "min", "mins":
		return "minute", "duration"
	case "hour", "hours", "hr", "hrs":
		return "hour", "duration"
	case "day", "days":
		return "day", "duration"
	case "week", "weeks":
		return "week", "duration"
	case "month", "months":
		return "month", "duration"
	case "year", "years", "yr", "yrs":
		return "year", "duration"
	case "decade", "decades":
		return "decade", "duration"
	case "century", "centuries":
		return "century", "duration"
	}
	return "", ""
}

// UnitKind returns "measure", "duration", "money", "percent" or "" (a count).
func UnitKind(unit string) string {
	switch unit {
	case "":
		return ""
	case "%":
		return "percent"
	case "USD", "EUR", "GBP", "RUB", "INR", "JPY", "CNY":
		return "money"
	}
	if _, k := unitOf(unit); k != "" {
		return k
	}
	return "measure"
}
