package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

// quoted is one stretch of text between quotation marks, within a paragraph.
type quoted struct {
	Open    accord.Span // the opening mark
	Close   accord.Span // the closing mark; zero (Start == End == 0) when unclosed
	Content accord.Span // between the marks, trimmed of spaces
	Para    int         // paragraph index
	// Closed is false when the paragraph ended before a closing mark.
	Closed bool
	// Continues is set on an unclosed quote whose next paragraph opens with a
	// quotation mark: the statement goes on there (news style for long quotes).
	Continues bool
	// Continued is set on a quote that opens its paragraph and continues an
	// unclosed quote of the previous paragraph.
	Continued bool
}

// markKind classifies quotation marks.
const (
	mNone = iota
	mDouble
	mSingle
	mGuillemet
)

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// runeBefore returns the rune ending at i in s, or 0.
func runeBefore(s string, i, lo int) rune {
	if i <= lo {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[lo:i])
	return r
}

// runeAt returns the rune starting at i in s, or 0.
func runeAt(s string, i, hi int) rune {
	if i >= hi {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:hi])
	return r
}

func openContext(r rune) bool {
	return r == 0 || unicode.IsSpace(r) || r == '(' || r == '[' || r == '{' || r == '—' || r == '–' || r == '-' ||
		r == '/' || r == ':' || r == '“' || r == '"' || r == '«' || r == '‘' || r == '„'
}

// nextMark returns the offset of the next byte in s[from:to] that may start
// a quotation mark or apostrophe (" ' and the lead bytes of “ ” ‘ ’ „ « »),
// or -1.
func nextMark(s string, from, to int) int {
	for i := from; i < to; i++ {
		switch s[i] {
		case '"', '\'', 0xE2, 0xC2:
			return i
		}
	}
	return -1
}

// findQuoted pairs the quotation marks of every paragraph of d. Curly double
// quotes, guillemets and „ open and close by shape; straight double quotes
// alternate; single quotes (curly or straight) open only before a letter after
// a space or an opening bracket and close only where not between two letters,
// so that apostrophes (don’t, the ’90s) are not taken for quotes.
func findQuoted(txt string, paras []accord.Span) []quoted {
	var out []quoted
	for pi, p := range paras {
		if p.Start < 0 || p.End > len(txt) || p.Start >= p.End {
			continue
		}
		first := len(out)
		kind := mNone
		var openMark accord.Span
		var openRune rune
		contNext := false // the next quote continues an unclosed one
		i := p.Start
		for i < p.End {
			// Jump to the next quotation mark or apostrophe.
			j := nextMark(txt, i, p.End)
			if j < 0 {
				break
			}
			i = j
			r, n := utf8.DecodeRuneInString(txt[i:p.End])
			prev := runeBefore(txt, i, p.Start)
			next := runeAt(txt, i+n, p.End)
			mark := accord.Span{Start: i, End: i + n}
			if kind == mNone {
				if (r == '"' || r == '”') && (next == 0 || unicode.IsSpace(next)) && (prev == ',' || prev == '.' || prev == '?' || prev == '!' || r == '"' && unicode.IsLetter(prev)) && len(out) == first && !hasMark(txt, p.Start, i) {
					// A closing mark whose opening one is missing or slipped
					// into the previous paragraph: the quote is the paragraph
					// up to here (not an inch mark: 6'3").
					c := trimSpace(txt, accord.Span{Start: p.Start, End: i})
					if len(strings.Fields(txt[c.Start:c.End])) >= 3 {
						out = append(out, quoted{Open: accord.Span{Start: p.Start, End: p.Start}, Close: mark, Content: c, Para: pi, Closed: true})
						i += n
						continue
					}
				}
				switch {
				case r == '\'' && next == '\'' && openContext(prev) && isLetterOrDigit(runeAt(txt, i+2, p.End)):
					// ''…'': two apostrophes typed for a double mark (the
					// New York Times' archive style).
					mark.End = i + 2
					kind, openMark, openRune = mDouble, mark, twoApostrophes
					i += 2
					continue
				case r == '“' || r == '„' || r == '«':
					kind = mDouble
					if r == '«' {
						kind = mGuillemet
					}
					openMark, openRune = mark, r
				case r == '"' && closeShaped(prev, next):
					// A straight mark shaped as a closing one (`…China," added
					// X`) whose opening mark is missing or in an earlier
					// paragraph: opening here would put every later pair of
					// the paragraph off by one.
				case r == '"':
					kind, openMark, openRune = mDouble, mark, r
				case r == '”' && (prev == 0 || unicode.IsSpace(prev)) && unicode.IsLetter(next):
					// A right mark typed for a left one at a word start.
					kind, openMark, openRune = mDouble, mark, '“'
				case (r == '‘' || r == '\'') && openContext(prev) && unicode.IsLetter(next):
					kind, openMark, openRune = mSingle, mark, r
				case r == '‘' && openContext(prev) && next != 0 && !unicode.IsSpace(next):
					kind, openMark, openRune = mSingle, mark, r
				}
				i += n
				continue
			}
			if kind == mDouble && r == '"' && openRune == '"' && reopens(txt, p.Start, i, prev, next) {
				// An open-shaped straight mark after a sentence end while a
				// straight quote is still open: the previous one ended
				// without its closing mark (news style for a quote going on
				// in a new paragraph, here run into one). End it at the
				// sentence end and open a new one that continues it.
				out = append(out, quoted{Open: openMark, Content: trimSpace(txt, accord.Span{Start: openMark.End, End: i}), Para: pi, Continues: true, Continued: contNext})
				contNext = true
				openMark, openRune = mark, r
				i += n
				continue
			}
			if kind == mDouble && r == '"' && openRune == '"' && unicode.IsSpace(prev) && isLetterOrDigit(next) {
				if end := attributionBefore(txt, openMark.End, i); end > 0 {
					// “…. He added: "…": the writer left the first quote
					// unclosed before an attribution sentence that
					// introduces the next one.
					out = append(out, quoted{Open: openMark, Content: trimSpace(txt, accord.Span{Start: openMark.End, End: end}), Para: pi, Continued: contNext})
					contNext = false
					openMark, openRune = mark, r
					i += n
					continue
				}
			}
			closes := false
			switch kind {
			case mDouble:
				if openRune == twoApostrophes {
					if r == '\'' && next == '\'' {
						closes = true
						mark.End = i + 2
						n = 2
					}
					break
				}
				if openRune == '"' {
					closes = r == '"' || r == '”'
				} else {
					closes = r == '”' || (openRune == '„' && r == '“') || (r == '"' && !isLetterOrDigit(next)) ||
						openRune == '“' && r == '“' && (prev == ',' || prev == '.' || prev == '?' || prev == '!') && (next == 0 || unicode.IsSpace(next))
				}
			case mGuillemet:
				closes = r == '»'
			case mSingle:
				if (r == '’' || r == '\'') && !(unicode.IsLetter(prev) && unicode.IsLetter(next)) && prev != 0 && !unicode.IsSpace(prev) {
					closes = true
					// "the players’ union": a plural possessive followed by a
					// lower-case word, when a later closing mark exists.
					if (prev == 's' || prev == 'S') && unicode.IsSpace(next) {
						k := i + n
						for k < p.End && unicode.IsSpace(runeAt(txt, k, p.End)) {
							k++
						}
						if unicode.IsLower(runeAt(txt, k, p.End)) && laterSingleClose(txt, k, p.End, r) {
							closes = false
						}
					}
				}
			}
			if closes {
				out = append(out, quoted{Open: openMark, Close: mark, Content: trimSpace(txt, accord.Span{Start: openMark.End, End: i}), Para: pi, Closed: true, Continued: contNext})
				kind = mNone
				contNext = false
			}
			i += n
		}
		if kind != mNone {
			out = append(out, quoted{Open: openMark, Content: trimSpace(txt, accord.Span{Start: openMark.End, End: p.End}), Para: pi, Continued: contNext})
		}
		// Link continuations: an unclosed quote at the end of the previous
		// paragraph and a quote opening this one.
		if first > 0 && first < len(out) {
			prevQ := &out[first-1]
			cur := &out[first]
			if !prevQ.Closed && prevQ.Para == pi-1 && cur.Open.Start == p.Start {
				prevQ.Continues = true
				cur.Continued = true
			}
		}
	}
	// Drop empty contents.
	k := 0
	for _, q := range out {
		if q.Content.Len() > 0 {
			out[k] = q
			k++
		}
	}
	return out[:k]
}

// closeShaped reports whether a straight double mark between prev and next
// has the shape of a closing mark only: a word or punctuation before it and a
// space, the paragraph's end or punctuation after it.
func closeShaped(prev, next rune) bool {
	if prev == 0 || unicode.IsSpace(prev) || openContext(prev) {
		return false
	}
	return next == 0 || unicode.IsSpace(next) || strings.ContainsRune(",.;:?!)]", next)
}

// reopens reports whether the mark at i, between prev and next, opens a new
// quote although one is open: a space before it, a word after it, and the
// end of a sentence (not an abbreviation such as "U.S." or "Mr.") right
// before the space.
func reopens(txt string, lo, i int, prev, next rune) bool {
	if !unicode.IsSpace(prev) || !isLetterOrDigit(next) {
		return false
	}
	j := i
	for j > lo {
		r, n := utf8.DecodeLastRuneInString(txt[lo:j])
		if !unicode.IsSpace(r) {
			break
		}
		j -= n
	}
	end, n := utf8.DecodeLastRuneInString(txt[lo:j])
	if end != '.' && end != '?' && end != '!' && end != '…' {
		return false
	}
	// The word before the sentence end.
	k := j - n
	w := k
	for w > lo {
		r, m := utf8.DecodeLastRuneInString(txt[lo:w])
		if unicode.IsSpace(r) {
			break
		}
		w -= m
	}
	word := txt[w:k]
	if end == '.' {
		if strings.Contains(word, ".") || utf8.RuneCountInString(word) < 2 {
			return false // "U.S.", an initial
		}
		if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) && utf8.RuneCountInString(word) <= 3 {
			return false // "Mr.", "Dr.", "Gen."
		}
	}
	return true
}

// attributionBefore returns where a sentence ends inside [lo, i) when only a
// short attribution follows it up to a colon before the mark at i (". He
// added: "), or 0.
func attributionBefore(txt string, lo, i int) int {
	j := i
	for j > lo && (txt[j-1] == ' ' || txt[j-1] == '\t') {
		j--
	}
	if j <= lo || txt[j-1] != ':' {
		return 0
	}
	k := j - 1
	for k > lo && k > j-80 {
		if c := txt[k-1]; c == '.' || c == '?' || c == '!' {
			break
		}
		k--
	}
	if k <= lo || k <= j-80 {
		return 0
	}
	words := strings.Fields(txt[k : j-1])
	if len(words) == 0 || len(words) > 6 {
		return 0
	}
	for _, w := range words {
		if isCue(strings.ToLower(strings.Trim(w, ",;"))) {
			return k
		}
	}
	return 0
}

// twoApostrophes stands for the opening rune of a quote typed with two
// apostrophes on each side.
const twoApostrophes = '\u2033'

// hasMark reports whether s[from:to] holds a quotation mark.
func hasMark(s string, from, to int) bool {
	return strings.ContainsAny(s[from:to], "\"“”«»„")
}

func laterSingleClose(txt string, from, to int, r rune) bool {
	for i := from; i < to; {
		c, n := utf8.DecodeRuneInString(txt[i:to])
		if c == r {
			nx := runeAt(txt, i+n, to)
			if !unicode.IsLetter(nx) {
				return true
			}
		}
		i += n
	}
	return false
}

func trimSpace(s string, sp accord.Span) accord.Span {
	for sp.Start < sp.End {
		r, n := utf8.DecodeRuneInString(s[sp.Start:sp.End])
		if !unicode.IsSpace(r) {
			break
		}
		sp.Start += n
	}
	for sp.End > sp.Start {
		r, n := utf8.DecodeLastRuneInString(s[sp.Start:sp.End])
		if !unicode.IsSpace(r) {
			break
		}
		sp.End -= n
	}
	return sp
}
