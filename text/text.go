// Package text splits a document's cleaned text into paragraphs, sentences and
// tokens: the layers every later stage reads. It never changes the text; every
// layer is a list of byte spans into it.
//
// Paragraphs are lines (a newline always ends a paragraph, which keeps
// headlines and call-to-action lines apart from the body). Sentences are split
// inside paragraphs at . ! ? followed by space and an upper-case start, except
// after known abbreviations, initials and numbers. Tokens are words (with
// inner apostrophes, hyphens and abbreviation periods), numbers (with
// thousands separators and decimals) and single punctuation marks.
package text

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

// Segmenter is the document stage that adds Paragraphs, Sentences and Tokens.
type Segmenter struct{}

// New returns the segmenter stage.
func New() *Segmenter { return &Segmenter{} }

// Name implements accord.DocStage.
func (*Segmenter) Name() string { return "text" }

// Annotate implements accord.DocStage.
func (*Segmenter) Annotate(d *accord.Document) error {
	d.Paragraphs = Paragraphs(d.Text)
	d.Sentences = d.Sentences[:0]
	for _, p := range d.Paragraphs {
		d.Sentences = append(d.Sentences, Sentences(d.Text, p)...)
	}
	d.Tokens = Tokens(d.Text, accord.Span{Start: 0, End: len(d.Text)})
	return nil
}

// Paragraphs returns the non-blank lines of s, trimmed of surrounding space.
func Paragraphs(s string) []accord.Span {
	var out []accord.Span
	start := 0
	for start <= len(s) {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		sp := trim(s, accord.Span{Start: start, End: end})
		if sp.Len() > 0 {
			out = append(out, sp)
		}
		start = end + 1
	}
	return out
}

func trim(s string, sp accord.Span) accord.Span {
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

// abbreviations that do not end a sentence when followed by a period.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "gen": true, "sen": true, "rep": true, "gov": true, "lt": true, "col": true,
	"capt": true, "cpt": true, "sgt": true, "maj": true, "adm": true, "cmdr": true, "rev": true,
	"hon": true, "pres": true, "supt": true, "insp": true, "det": true, "cpl": true, "pvt": true,
	"no": true, "nos": true, "vs": true, "v": true, "etc": true, "inc": true, "ltd": true, "co": true,
	"corp": true, "bros": true, "dept": true, "univ": true, "assn": true, "est": true, "approx": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true,
	"fri": true, "sat": true, "sun": true,
	"ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true, "del": true,
	"fla": true, "ga": true, "ill": true, "ind": true, "kan": true, "kans": true, "ky": true,
	"la": true, "md": true, "mass": true, "mich": true, "minn": true, "miss": true, "mo": true,
	"mont": true, "neb": true, "nev": true, "okla": true, "ore": true, "pa": true, "penn": true,
	"tenn": true, "tex": true, "va": true, "vt": true, "wash": true, "wis": true, "wyo": true,
	"e.g": true, "i.e": true, "a.m": true, "p.m": true, "u.s": true, "u.k": true, "u.n": true,
	"fig": true, "vol": true, "pp": true, "op": true, "cf": true, "al": true, "mt": true, "ft": true,
}

// Sentences splits the paragraph span p of s into sentence spans.
func Sentences(s string, p accord.Span) []accord.Span {
	var out []accord.Span
	start := p.Start
	i := p.Start
	for i < p.End {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			i++
			continue
		}
		// Extend over runs of terminal punctuation and closing quotes/brackets.
		j := i + 1
		for j < p.End {
			if s[j] == '.' || s[j] == '!' || s[j] == '?' || s[j] == '"' || s[j] == '\'' || s[j] == ')' || s[j] == ']' {
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:p.End])
			if r == '”' || r == '’' || r == '»' {
				j += n
				continue
			}
			break
		}
		if j >= p.End {
			break
		}
		// Must be followed by whitespace.
		r, _ := utf8.DecodeRuneInString(s[j:p.End])
		if !unicode.IsSpace(r) {
			i = j
			continue
		}
		if c == '.' && !endsSentence(s, start, i) {
			i = j
			continue
		}
		// Next non-space char must look like a sentence start.
		k := j
		for k < p.End {
			r, n := utf8.DecodeRuneInString(s[k:p.End])
			if !unicode.IsSpace(r) {
				break
			}
			k += n
		}
		if k >= p.End {
			break
		}
		nr, _ := utf8.DecodeRuneInString(s[k:p.End])
		if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || nr == '"' || nr == '“' || nr == '\'' || nr == '‘' || nr == '(' || nr == '«' || nr == '[') {
			i = j
			continue
		}
		sp := trim(s, accord.Span{Start: start, End: j})
		if sp.Len() > 0 {
			out = append(out, sp)
		}
		start = k
		i = k
	}
	sp := trim(s, accord.Span{Start: start, End: p.End})
	if sp.Len() > 0 {
		out = append(out, sp)
	}
	return out
}

// endsSentence decides whether the period at s[dot] ends a sentence.
func endsSentence(s string, start, dot int) bool {
	// The word before the period.
	w := dot
	for w > start {
		r, n := utf8.DecodeLastRuneInString(s[start:w])
		if unicode.IsLetter(r) || r == '.' || unicode.IsDigit(r) {
			w -= n
			continue
		}
		break
	}
	word := s[w:dot]
	if word == "" {
		return true
	}
	lw := strings.ToLower(word)
	if abbreviations[lw] {
		return false
	}
	// Single capital letter: an initial ("Ivan A. Petrov").
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsUpper(r) {
		return false
	}
	// Dotted acronyms like U.S. or U.S.A. end a sentence only at the paragraph
	// level heuristic: treat as not ending (news prose rarely ends on them
	// followed by an upper-case word that starts a new sentence, and a missed
	// split costs less than a wrong one).
	if strings.Contains(word, ".") {
		return false
	}
	return true
}

// IsWordRune reports whether r can be part of a word token.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Tokens splits the span sp of s into word, number and punctuation tokens.
func Tokens(s string, sp accord.Span) []accord.Token {
	out := make([]accord.Token, 0, sp.Len()/5)
	i := sp.Start
	for i < sp.End {
		r, n := utf8.DecodeRuneInString(s[i:sp.End])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !IsWordRune(r) {
			out = append(out, accord.Token{Span: accord.Span{Start: i, End: i + n}, Lower: s[i : i+n]})
			i += n
			continue
		}
		j := i + n
		digit := unicode.IsDigit(r)
		for j < sp.End {
			r2, n2 := utf8.DecodeRuneInString(s[j:sp.End])
			if IsWordRune(r2) {
				j += n2
				continue
			}
			// Inner joiners: apostrophes, hyphens, periods (U.S.), commas and
			// periods inside numbers (100,000 / 3.5).
			if j+n2 < sp.End {
				r3, _ := utf8.DecodeRuneInString(s[j+n2 : sp.End])
				switch {
				case (r2 == '\'' || r2 == '’') && unicode.IsLetter(r3):
					j += n2
					continue
				case r2 == '-' && IsWordRune(r3):
					j += n2
					continue
				case (r2 == ',' || r2 == '.') && digit && unicode.IsDigit(r3):
					j += n2
					continue
				case r2 == '.' && unicode.IsLetter(r3) && isAcronymSoFar(s[i:j]):
					j += n2
					continue
				}
			}
			// A trailing period of a dotted acronym (U.S.) or abbreviation.
			if r2 == '.' && (isAcronymSoFar(s[i:j]) && strings.Contains(s[i:j], ".") || abbreviations[strings.ToLower(s[i:j])] && isTitleAbbrev(s[i:j])) {
				j += n2
			}
			break
		}
		tok := s[i:j]
		out = append(out, accord.Token{Span: accord.Span{Start: i, End: j}, Lower: strings.ToLower(tok)})
		i = j
	}
	return out
}

// isAcronymSoFar: single letters separated by periods ("U", "U.S").
func isAcronymSoFar(w string) bool {
	parts := strings.Split(w, ".")
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(p)
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isTitleAbbrev: honorifics whose period belongs to the token (Mr., Dr.).
func isTitleAbbrev(w string) bool {
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "sen", "rep", "gov", "lt", "col",
		"capt", "sgt", "maj", "adm", "rev", "hon", "pres", "inc", "ltd", "co", "corp", "vs", "no":
		return true
	}
	return false
}

// Words returns the lower-cased word tokens (letters or digits) of s.
func Words(s string) []string {
	toks := Tokens(s, accord.Span{Start: 0, End: len(s)})
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Lower)
		if IsWordRune(r) {
			out = append(out, t.Lower)
		}
	}
	return out
}

// stopwords is a compact English function-word list shared by stages that
// weigh content words.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no
nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should
shouldn't so some such than that that's the their theirs them themselves then there there's these they they'd they'll
they're they've this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what
what's when when's where where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're
you've your yours yourself yourselves will said says say just may might must shall also its it's one two mr mrs ms
new would could like get got us`) {
		stopwords[w] = true
	}
}

// IsStopword reports whether the lower-cased word w is an English function word.
func IsStopword(w string) bool { return stopwords[w] }

// ContentWords returns the lower-cased non-stopword word tokens of s.
func ContentWords(s string) []string {
	ws := Words(s)
	out := ws[:0]
	for _, w := range ws {
		if !stopwords[w] {
			out = append(out, w)
		}
	}
	return out
}

// Count writes a count with its noun in the right number: "1 story",
// "5 stories". many is the plural form.
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
