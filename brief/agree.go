package brief

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/quantity"
	"github.com/accord-news/accord/text"
)

// Agreement on a figure or a date. The claims stage corroborates a claim by
// documents that give its figure ("some 40,000 fans", "around forty
// thousand supporters") or its day and happening ("opened the new stadium
// on Saturday", "the opening on Saturday") in other words. None of them
// states the whole sentence, so the brief cannot cite them for it; what
// they agree on is the figure or the date, and the brief says exactly that:
//
//	Two independent sources give the same figure: “Some 40,000 fans filled
//	the new stadium …”; “around forty thousand supporters were in the
//	ground for the opening …”.
//
// Each quotation is one cited document's own words (the clause holding the
// figure or date), in the order of the citations, one document per
// independent source group. Supported checks the quotations verbatim. An
// age ("a 15-year-old boy") is "the same age for <person>", said only
// when every passage names that one person; a decade, a year, an ordinal
// or a duration placing something in time is nothing to agree on here.

// agreeFrame opens an agreement sentence; the quotations follow.
var agreeFrame = regexp.MustCompile(`^(Two|Three|Four|Five|Six) independent sources give the same (figure|age|date)( for [^:“”]{1,80})?( \([^)]*\))?: `)

var countWords = []string{"", "", "Two", "Three", "Four", "Five", "Six"}

// maxAgreeQuotes bounds the quotations of one agreement sentence.
const maxAgreeQuotes = 4

// maxQuoteWords bounds one quotation; a longer clause is cut around its
// figure or date, with "…".
const maxQuoteWords = 18

// anchor is a figure or date in a sentence: its byte range in the sentence
// and what it says.
type anchor struct {
	start, end int
	q          *accord.Quantity
	day, value string // a date: the word ("monday"), the timex value if known
	// A figure placing something from somewhere ("25 miles east of the
	// port"): the direction ("east", or "" for "from") and the words of
	// the place measured from.
	dir   string
	place []string
}

// agreement returns the sentence stating what the claim's documents agree
// on (its figure, for a number claim, or its date) with each one's own
// words, and the documents it cites, or "" when fewer than two independent
// sources give the claim's figure or date.
func (k keyer) agreement(c *accord.Corpus, cl accord.Claim, spun map[string]bool) (string, []string) {
	src := sourceSpan(cl)
	if src == nil {
		return "", nil
	}
	d := c.Doc(src.Document)
	if d == nil {
		return "", nil
	}
	stmt := d.Text[src.Start:src.End]
	kind := "date"
	if cl.Kind == "number" {
		kind = "figure"
	}
	mine := anchors(d, src.Start, src.End, kind)
	if len(mine) == 0 {
		return "", nil
	}
	stmtWords := k.statementWords(stmt)
	myPlaces := places(d, src.Start, src.End)
	// A figure is one thing's: "two awards" of a singer and of a band,
	// "three points" of two matches are different facts. Each passage
	// names someone the statement names; a statement that names no one
	// shares two words of what happened, besides the figure's, with each
	// passage ("sales" alone is shared by three shops' sales up 0.5%).
	stmtKeys, _ := nameKeys(d, accord.Span{Start: src.Start, End: src.End}, false)
	figureWords := map[string]bool{}
	for _, a := range mine {
		for _, w := range k.statementWords(stmt[a.start:a.end]) {
			figureWords[w.key] = true
		}
		if a.q != nil && a.q.Counts != "" {
			figureWords[k.key(a.q.Counts)] = true
		}
	}
	var myNames map[string]bool
	if kind == "date" {
		// A day is shared by many happenings ("on Sunday": three football
		// matches of one weekend): the same one names someone the
		// statement names.
		if myNames = participants(d, src.Start, src.End); len(myNames) == 0 {
			return "", nil
		}
	}
	groups := map[int]bool{c.GroupOf(d.ID): true}
	var quotes []string
	var docs []string
	var passages []passage // each quotation's sentence, in docs' order
	var firstAnchor *anchor
	for _, e := range cl.Evidence {
		if len(docs) >= maxAgreeQuotes {
			break
		}
		od := c.Doc(e.Document)
		if od == nil || e.Document == d.ID || spun[e.Document] || groups[c.GroupOf(e.Document)] {
			continue // a machine rewrite's wording is no one's; one quotation per source
		}
		sent, span, ok := sentenceOf(c, e)
		if !ok {
			continue
		}
		if kind == "date" {
			// The same day and the same kind of happening: a content word
			// shared with the statement, and no other place named.
			if !k.sharesWord(stmtWords, sent) {
				continue
			}
			if ps := places(od, span.Start, span.End); len(myPlaces) > 0 && len(ps) > 0 && !intersects(myPlaces, ps) {
				continue
			}
			if !intersects(myNames, participants(od, span.Start, span.End)) {
				continue
			}
		}
		var mine1 *anchor
		var theirs anchor
		for _, a := range anchors(od, span.Start, span.End, kind) {
			for i := range mine {
				if sameAnchor(k, mine[i], a) {
					mine1, theirs = &mine[i], a
					break
				}
			}
			if mine1 != nil {
				break
			}
		}
		if mine1 == nil {
			continue
		}
		if kind == "figure" && !k.sameFigureSubject(d, *src, stmtKeys, *mine1, od, span, theirs, figureWords) {
			continue
		}
		if firstAnchor == nil {
			q := quoteAround(stmt, mine1.start, mine1.end)
			if q == "" {
				return "", nil
			}
			firstAnchor = mine1
			quotes = append(quotes, q)
			docs = append(docs, d.ID)
			passages = append(passages, passage{d, accord.Span{Start: src.Start, End: src.End}})
		} else if mine1 != firstAnchor {
			continue // agrees on another figure or date of the statement
		}
		q := quoteAround(od.Text[span.Start:span.End], theirs.start, theirs.end)
		if q == "" {
			continue
		}
		groups[c.GroupOf(e.Document)] = true
		quotes = append(quotes, q)
		docs = append(docs, e.Document)
		passages = append(passages, passage{od, span})
	}
	n := c.IndependentCount(docs)
	if n < 2 || n >= len(countWords) || n != len(docs) {
		return "", nil
	}
	what := kind
	if firstAnchor.q != nil && isAge(firstAnchor.q) {
		// An age is someone's: the sentence says whose, when every
		// passage names one person; else it says nothing worth reading.
		who := samePerson(passages)
		if who == "" {
			return "", nil
		}
		what = "age for " + who
	}
	if firstAnchor.value != "" {
		// The day the statement's document places it on ("(10 January
		// 2022)", a date note Supported leaves aside).
		if note := dateNote(accord.Timex{Type: "DATE", Value: firstAnchor.value}); note != "" {
			what += " (" + note + ")"
		}
	}
	return countWords[n] + " independent sources give the same " + what + ": " + strings.Join(quotes, "; ") + ".", docs
}

// sameFigureSubject reports whether the passage od[span], giving the
// figure theirs, gives it of what the statement (d[src], figure mine) does:
// it names a participant the statement's clause holding the figure names
// (the clause names no one: the statement); a statement naming no one
// shares two words of what happened, besides the figure's, between that
// clause and the passage, whose own clause holding the figure names no
// participant either. Another clause of the statement is about something
// else ("bakery sales rose by 0.3%, while grocery store sales were up
// 0.5%"), and so is a passage naming its own subject ("sales at the 49
// Pierside stores were up 0.5%").
func (k keyer) sameFigureSubject(d *accord.Document, src accord.SpanRef, stmtKeys []nameKey, mine anchor, od *accord.Document, span accord.Span, theirs anchor, figureWords map[string]bool) bool {
	stmt := d.Text[src.Start:src.End]
	lo, hi := clauseOf(stmt, mine.start, mine.end)
	clause := accord.Span{Start: src.Start + lo, End: src.Start + hi}
	myKeys, _ := nameKeys(d, clause, false)
	if len(myKeys) == 0 {
		myKeys = stmtKeys
	}
	if len(myKeys) > 0 {
		keys, _ := nameKeys(od, span, false)
		return sharesName(myKeys, keys)
	}
	sent := od.Text[span.Start:span.End]
	if k.sharedLower(k.statementWords(d.Text[clause.Start:clause.End]), sent, figureWords) < 2 {
		return false
	}
	tlo, thi := clauseOf(sent, theirs.start, theirs.end)
	named, tagged := nameKeys(od, accord.Span{Start: span.Start + tlo, End: span.Start + thi}, false)
	return !tagged || len(named) == 0
}

// weekdays and months name days in any document.
var dayWord = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2})\b`)

// anchors are the figures (kind "figure": isFigure's quantities, an age
// included, but no duration that places something in time) or the days named (kind "date") in d.Text[start:end],
// with positions relative to start.
func anchors(d *accord.Document, start, end int, kind string) []anchor {
	var out []anchor
	if kind == "figure" {
		for i := range d.Quantities {
			q := &d.Quantities[i]
			if q.Start >= start && q.End <= end && isFigure(q) && !timeReference(q, d.Text) && !partOfFigure(q, d.Text) {
				a := anchor{start: q.Start - start, end: q.End - start, q: q}
				if distanceUnits[q.Unit] {
					a.dir, a.place = measuredFrom(d.Text[q.End:end])
				}
				out = append(out, a)
			}
		}
		return out
	}
	s := d.Text[start:end]
	for _, m := range dayWord.FindAllStringIndex(s, -1) {
		a := anchor{start: m[0], end: m[1], day: strings.ToLower(s[m[0]:m[1]])}
		for _, tx := range d.Timexes {
			if tx.Type == "DATE" && tx.Start <= start+m[0] && start+m[1] <= tx.End && len(tx.Value) == 10 && !strings.Contains(tx.Value, "X") {
				a.value = tx.Value
			}
		}
		out = append(out, a)
	}
	return out
}

// fromPlace matches what follows a distance measured from a place: "east
// of the port", "north-west of where he escaped", "from the border",
// "away from the coast", "outside the city".
var fromPlace = regexp.MustCompile(`^,? *(?:(?:due )?((?:north|south)(?:-?(?:east|west))?|east|west)(?:wards?)? +of|(?:away )?from|outside|off) +([^,;:()—–.]{1,60})`)

// distanceUnits are the quantity layer's units of length: only a distance
// is measured from a place ("five times from November" is no place).
var distanceUnits = map[string]bool{"km": true, "mile": true, "m": true, "ft": true, "yard": true}

// measuredFrom reads a distance's direction and the place it is measured
// from in the text after it (see fromPlace): the place's content words,
// lower case; nil when it is measured from nowhere said.
func measuredFrom(after string) (dir string, place []string) {
	m := fromPlace.FindStringSubmatch(after[:min(len(after), 80)])
	if m == nil {
		return "", nil
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(m[2]), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !text.IsStopword(w) {
			place = append(place, w)
		}
	}
	if len(place) == 0 {
		return "", nil
	}
	return strings.ReplaceAll(m[1], "-", ""), place
}

// samePlace reports whether two figures are measured from the same place
// in the same direction, or neither from anywhere said: "25 miles east of
// the port" and "25 miles north-west of where he escaped" are two places.
func samePlace(a, b anchor) bool {
	if len(a.place) == 0 && len(b.place) == 0 {
		return true
	}
	if len(a.place) == 0 || len(b.place) == 0 || a.dir != b.dir {
		return false
	}
	for _, w := range a.place {
		if slices.Contains(b.place, w) {
			return true
		}
	}
	return false
}

// isFigure reports whether q is a figure to agree on: a count, amount or
// measure of something (a counted noun or a unit: money, percent, measure,
// duration, an age), not a bare number. The quantity layer already leaves
// out years, ordinals and days of months; a "counted noun" that is itself a
// number word is a decade or a magnitude read as a count ("the nineteen
// sixties": 19 counting "sixty"), no figure.
func isFigure(q *accord.Quantity) bool {
	if q.Value == 0 || q.Counts == "" && q.Unit == "" {
		return false
	}
	if q.Counts != "" && q.Unit == "" {
		for _, n := range quantity.Parse(q.Counts) {
			if n.Start == 0 && n.End == len(q.Counts) {
				return false
			}
		}
	}
	return true
}

// timeReference reports whether a duration in s[q.Start:q.End] places
// something in time rather than measuring it: a date, not a figure. It is
// followed by a word of time ("two years ago", "three weeks before the
// release", "a day later") or it is a window of time, a period counted
// back or forward from now ("in the three months to September", "for the
// past three months", "over the next two years", "within six weeks"):
// reports about different things share such windows (quarterly figures),
// so agreeing on one says nothing.
func timeReference(q *accord.Quantity, s string) bool {
	if quantity.UnitKind(q.Unit) != "duration" || isAge(q) {
		return false
	}
	// Only the words next to it (the rest of a long document lower-cased
	// for each duration was quadratic).
	w := strings.ToLower(strings.TrimLeft(s[q.End:min(len(s), q.End+32)], " "))
	for _, p := range []string{"ago", "after", "before", "later", "earlier", "since"} {
		if strings.HasPrefix(w, p) && (len(w) == len(p) || !unicode.IsLetter(firstRune(w[len(p):]))) {
			return true
		}
	}
	before := strings.ToLower(strings.TrimRight(s[max(0, q.Start-32):q.Start], " "))
	last := before[strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })+1:]
	switch last {
	case "the", "last", "past", "next", "first", "previous", "coming", "recent", "latest", "final", "within":
		return true
	}
	return false
}

// moreUnits matches what goes on a figure after its first unit: "two hours
// 15 minutes", "six feet and two inches", "1 hour, 5 minutes".
var moreUnits = regexp.MustCompile(`^,? (and )?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|[a-z]+ty-[a-z]+) [a-z]`)

// partOfFigure reports whether a measure goes on in another unit ("two
// hours 15 minutes"): the quantity read is part of a figure, and two
// matches of "two hours 15 minutes" and "two hours and 45 minutes" would
// agree on it.
func partOfFigure(q *accord.Quantity, s string) bool {
	return q.Unit != "" && quantity.UnitKind(q.Unit) != "money" && q.Unit != "%" && moreUnits.MatchString(s[q.End:min(len(s), q.End+24)])
}

// isAge: the quantity layer's age ("15-year-old": a duration in years
// counting "age"). Sources agree on "the same age", not on a figure.
func isAge(q *accord.Quantity) bool { return q.Counts == "age" }

// sameAnchor: the same figure of the same thing (values within 5% when
// either is approximate, overlapping ranges otherwise; the same unit; the
// same counted noun or a related one: "troop", "soldier"), or the same day
// (the same date when both documents place it).
func sameAnchor(k keyer, a, b anchor) bool {
	if a.q == nil || b.q == nil {
		if a.q != nil || b.q != nil || a.day != b.day {
			return false
		}
		return a.value == "" || b.value == "" || a.value == b.value
	}
	p, q := a.q, b.q
	if p.Unit != q.Unit || !samePlace(a, b) {
		return false
	}
	if p.Counts != q.Counts && (p.Counts == "" || q.Counts == "" || !lexicon.Related(k.key(p.Counts), k.key(q.Counts))) {
		return false
	}
	if p.Approximate || q.Approximate {
		return math.Abs(p.Value-q.Value) <= 0.05*math.Max(math.Abs(p.Value), math.Abs(q.Value))
	}
	lo1, hi1, lo2, hi2 := p.Low, p.High, q.Low, q.High
	if lo1 == 0 && hi1 == 0 {
		lo1, hi1 = p.Value, p.Value
	}
	if lo2 == 0 && hi2 == 0 {
		lo2, hi2 = q.Value, q.Value
	}
	return lo1 <= hi2 && lo2 <= hi1
}

// sameThing reports whether two figures measure or count the same kind of
// thing (sameAnchor but for the value): the same unit, and the same or a
// related counted noun.
func sameThing(k keyer, a, b anchor) bool {
	if a.q == nil || b.q == nil || a.q.Unit != b.q.Unit {
		return false
	}
	p, q := a.q, b.q
	if p.Counts == q.Counts {
		return p.Unit != "" || p.Counts != ""
	}
	return p.Counts != "" && q.Counts != "" && lexicon.Related(k.key(p.Counts), k.key(q.Counts))
}

// sharesWord reports whether the sentence has a lower-case content word of
// the statement, or a WordNet-related one ("talks", "negotiations").
func (k keyer) sharesWord(stmt []stmtWord, sent string) bool {
	have := map[string]bool{}
	for _, w := range k.statementWords(sent) {
		if !w.name {
			have[w.key] = true
		}
	}
	for _, w := range stmt {
		if w.name || dayWord.MatchString(w.key) {
			continue
		}
		if have[w.key] {
			return true
		}
		for h := range have {
			if len(h) > 2 && len(w.key) > 2 && lexicon.Related(w.key, h) {
				return true
			}
		}
	}
	return false
}

// sharedLower counts the statement's lower-case content words the sentence
// has (the same key; a dictionary word opening either sentence counts),
// less the words of its figures and their counted nouns, which every
// passage quoted for a figure has.
func (k keyer) sharedLower(stmt []stmtWord, sent string, figure map[string]bool) int {
	have := map[string]bool{}
	for _, w := range k.statementWords(sent) {
		have[w.key] = true
	}
	n := 0
	for _, w := range stmt {
		// A dictionary word written with a capital opens its sentence.
		if have[w.key] && (!w.name || lexicon.Known(w.key)) && !figure[w.key] && !dayWord.MatchString(w.key) {
			n++
		}
	}
	return n
}

// inPlace matches a place named after "in" ("in Geneva", "in New York").
var inPlace = regexp.MustCompile(`\bin ((?:[A-Z][\p{L}-]+ ?)+)`)

// places are the places d.Text[start:end] names: its place mentions (GPE,
// LOC; their canonical entities when set) when the entities layer ran, else
// the capitalised words after "in".
func places(d *accord.Document, start, end int) map[string]bool {
	out := map[string]bool{}
	for _, m := range d.Mentions {
		if m.Start >= start && m.End <= end && m.Kind == accord.MentionName && (m.Type == "GPE" || m.Type == "LOC") {
			if m.EntityID != "" {
				out[m.EntityID] = true // "U.S." = "United States"
			} else {
				out[strings.ToLower(m.Text)] = true
			}
		}
	}
	if len(d.Mentions) > 0 {
		return out
	}
	for _, m := range inPlace.FindAllStringSubmatch(d.Text[start:end], -1) {
		out[strings.ToLower(strings.TrimSpace(m[1]))] = true
	}
	return out
}

// participants are the named people, organisations and places of
// d.Text[start:end]: their canonical entities when the corpus entity stage
// set them ("U.S." = "United States"), else their lower-cased names.
func participants(d *accord.Document, start, end int) map[string]bool {
	out := map[string]bool{}
	for _, m := range d.Mentions {
		if m.Start < start || m.End > end || m.Kind != accord.MentionName {
			continue
		}
		switch m.Type {
		case "PERSON", "ORG", "GPE", "LOC":
			if m.EntityID != "" {
				out[m.EntityID] = true
			} else {
				out[strings.ToLower(m.Text)] = true
			}
		}
	}
	return out
}

func intersects(a, b map[string]bool) bool {
	for w := range a {
		if b[w] {
			return true
		}
	}
	return false
}

// clauseStops end a clause.
const clauseStops = ",;:()—–"

// isStop reports whether s[i] ends a clause: clause punctuation, but not
// a comma or colon inside a figure ("2,015", "10:30").
func isStop(s string, i int) bool {
	if !strings.ContainsRune(clauseStops, rune(s[i])) && !strings.HasPrefix(s[i:], "—") && !strings.HasPrefix(s[i:], "–") {
		return false
	}
	digit := func(j int) bool { return j >= 0 && j < len(s) && s[j] >= '0' && s[j] <= '9' }
	return !(s[i] == ',' || s[i] == ':') || !digit(i-1) || !digit(i+1)
}

// lastStop is the index of the last clause stop before end, or -1;
// nextStop the first at or after from, or -1.
func lastStop(s string, end int) int {
	for i := end - 1; i >= 0; i-- {
		if isStop(s, i) {
			return i + utf8.RuneLen(firstRune(s[i:])) - 1
		}
	}
	return -1
}

func nextStop(s string, from int) int {
	for i := from; i < len(s); i++ {
		if isStop(s, i) {
			return i
		}
	}
	return -1
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// minQuoteWords is the fewest words of a clause quoted alone.
const minQuoteWords = 5

var nonSpace = regexp.MustCompile(`\S+`)

func coordinator(w string) bool {
	switch strings.ToLower(w) {
	case "and", "but", "or", "nor":
		return true
	}
	return false
}

func stopword(w string) bool { return text.IsStopword(strings.ToLower(strings.Trim(w, ",;:"))) }

// subordinators open a clause that reads alone without them inside a
// quotation ("While the meeting on Monday wound up being a stalemate").
var subordinators = []string{"while ", "although ", "though ", "whereas "}

// quoteAround is the clause of s holding s[a:b] (between clause punctuation),
// without a leading connective or subordinator, cut to maxQuoteWords around
// the anchor with "…", its own quotation marks made single; wrapped in “”.
func quoteAround(s string, a, b int) string {
	lo, hi := clauseOf(s, a, b)
	for {
		t := strings.TrimLeft(s[lo:a], " ")
		lo = a - len(t)
		trimmed := false
		low := strings.ToLower(t)
		for _, p := range subordinators {
			if strings.HasPrefix(low, p) {
				lo += len(p)
				trimmed = true
			}
		}
		if sc := stripConnective(s[lo:a] + "x"); !trimmed && len(sc) < len(s[lo:a])+1 {
			lo = a - (len(sc) - 1)
			trimmed = true
		}
		if !trimmed {
			break
		}
	}
	// Words of the clause, by position; the anchor's are mid.
	var ws [][2]int
	for _, m := range nonSpace.FindAllStringIndex(s[lo:hi], -1) {
		ws = append(ws, [2]int{lo + m[0], lo + m[1]})
	}
	first, last := -1, -1
	for i, w := range ws {
		if w[1] > a && w[0] < b {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return ""
	}
	room := maxQuoteWords - (last - first + 1)
	if room < 0 {
		return ""
	}
	from, to := 0, len(ws)-1
	pre, post := "", ""
	if len(ws) > maxQuoteWords {
		nLeft, nRight := first, len(ws)-1-last
		nl := min(nLeft, max(room/2, room-nRight))
		nr := min(nRight, room-nl)
		from, to = first-nl, last+nr
		if from > 0 {
			pre = "… "
			for from < first && coordinator(s[ws[from][0]:ws[from][1]]) {
				from++
			}
		}
		if to < len(ws)-1 {
			post = " …"
			for to > last && stopword(s[ws[to][0]:ws[to][1]]) {
				to--
			}
		}
	}
	if to-from+1 < 3 {
		return ""
	}
	q := oneLine(s[ws[from][0]:ws[to][1]])
	if r, n := utf8.DecodeRuneInString(q); pre == "" && pronounStart.MatchString(string(unicode.ToUpper(r))+q[n:]) {
		return "" // "he told reporters …": whose words?
	}
	q = strings.TrimRight(q, ".!?,;:")
	q = singleQuotes(q)
	if strings.Count(q, "‘") != strings.Count(q, "’")-apostrophes(q) {
		return "" // a quotation cut in half
	}
	return "“" + pre + q + post + "”"
}

// clauseOf is the clause of s holding s[a:b], between clause punctuation,
// with the next clause too when it is too short to say anything ("On
// Monday,"): what quoteAround quotes, before cutting.
func clauseOf(s string, a, b int) (lo, hi int) {
	lo = lastStop(s, a) + 1
	hi = b
	for {
		n := nextStop(s, hi)
		if n < 0 {
			return lo, len(s)
		}
		hi = n
		if len(strings.Fields(s[lo:hi])) >= minQuoteWords || hi+1 >= len(s) {
			return lo, hi
		}
		hi++
	}
}

// singleQuotes writes the text's double quotation marks as single ones (it
// is quoted itself).
func singleQuotes(s string) string {
	var b strings.Builder
	open := true
	for _, r := range s {
		switch r {
		case '“':
			b.WriteRune('‘')
		case '”':
			b.WriteRune('’')
		case '"':
			if open {
				b.WriteRune('‘')
			} else {
				b.WriteRune('’')
			}
			open = !open
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// apostrophes counts ’ between letters (“Russia’s”).
func apostrophes(s string) int {
	n := 0
	for i, r := range s {
		if r != '’' || i == 0 {
			continue
		}
		p, _ := utf8.DecodeLastRuneInString(s[:i])
		nx, _ := utf8.DecodeRuneInString(s[i+len("’"):])
		if unicode.IsLetter(p) && unicode.IsLetter(nx) {
			n++
		}
	}
	return n
}

// agreeQuotes returns the quotations of an agreement sentence, or nil when
// the sentence is not one.
func agreeQuotes(s string) []string {
	m := agreeFrame.FindStringIndex(s)
	if m == nil {
		return nil
	}
	rest := strings.TrimSuffix(s[m[1]:], ".")
	var out []string
	for _, p := range strings.Split(rest, "; ") {
		p = strings.TrimSuffix(strings.TrimPrefix(p, "“"), "”")
		out = append(out, p)
	}
	return out
}

// quotedIn reports whether every piece of the quotation (split at "…") is
// the document's own text, up to spacing and quotation marks.
func quotedIn(q string, d *accord.Document) bool {
	hay := normQuote(d.Text)
	for _, p := range strings.Split(q, "…") {
		p = normQuote(p)
		if p != "" && !strings.Contains(hay, p) {
			return false
		}
	}
	return true
}

var quoteMarks = strings.NewReplacer("“", "'", "”", "'", "‘", "'", "’", "'", "\"", "'")

func normQuote(s string) string {
	return strings.Join(strings.Fields(quoteMarks.Replace(s)), " ")
}

// passage is a quoted document's sentence.
type passage struct {
	d  *accord.Document
	sp accord.Span
}

// samePerson is the person every passage names (a PERSON mention of the
// entity layer, else a run of capitalized words that is not the
// sentence's first word alone, unless no dictionary word), matched on
// the last word of the name:
// the longest way it is written, or "" when the passages name no one
// person in common.
func samePerson(ps []passage) string {
	if len(ps) < 2 {
		return ""
	}
	byKey := make([]map[string]string, len(ps))
	for i, p := range ps {
		byKey[i] = map[string]string{}
		for _, n := range personNames(p.d, p.sp) {
			f := strings.Fields(n)
			k := strings.ToLower(strings.Trim(f[len(f)-1], ".,’'"))
			if old, ok := byKey[i][k]; !ok || len(n) > len(old) {
				byKey[i][k] = n
			}
		}
	}
	best := ""
	for k, n := range byKey[0] {
		all := true
		for _, m := range byKey[1:] {
			o, ok := m[k]
			if !ok {
				all = false
				break
			}
			if len(o) > len(n) {
				n = o
			}
		}
		// One person only: two in common say nothing certain.
		if all {
			if best != "" {
				return ""
			}
			best = n
		}
	}
	return best
}

// personNames are the people a passage names: PERSON name mentions when
// the document has any, else capitalized runs (two words or more, or one
// not opening the sentence or no dictionary word), less calendar words.
func personNames(d *accord.Document, sp accord.Span) []string {
	var out []string
	tagged := false
	for _, m := range d.Mentions {
		if m.Type != "PERSON" {
			continue
		}
		tagged = true
		if m.Kind == accord.MentionName && m.Start >= sp.Start && m.End <= sp.End {
			out = append(out, d.Slice(m.Span))
		}
	}
	if tagged {
		return out
	}
	toks := text.Tokens(d.Text, sp)
	for i := 0; i < len(toks); {
		raw := d.Slice(toks[i].Span)
		if !capitalWord(raw) || dayWord.MatchString(raw) || monthName[toks[i].Lower] {
			i++
			continue
		}
		j := i
		for j < len(toks) && capitalWord(d.Slice(toks[j].Span)) && !monthName[toks[j].Lower] {
			j++
		}
		if j-i >= 2 || i > 0 || !text.IsStopword(toks[i].Lower) && !lexicon.Known(toks[i].Lower) {
			out = append(out, d.Text[toks[i].Start:toks[j-1].End])
		}
		i = j
	}
	return out
}

func capitalWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && len(s) > 1
}

var monthName = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true}
