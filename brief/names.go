package brief

import (
	"strings"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
)

// Names a passage gives: who or what it is about. A figure, a date or a
// sentence is one source's report of something only when it names the same
// people, bodies or places: "two awards" of one singer and "two awards" of a
// band, "three points" of two rugby matches, "four changes" France made and
// "two changes" Wales made are different facts.

// nameTypes are the mention types that name who or what a passage is about.
var nameTypes = map[string]bool{"PERSON": true, "ORG": true, "GPE": true, "LOC": true, "NORP": true}

// nameKeys are the names d.Text[sp] gives: its name mentions of nameTypes
// (or only PERSON ones, with people set) as their canonical entity ("#id",
// "U.S." = "United States") and the name's last word, lower-cased, when the
// document has name mentions; else (no tagger ran) its capitalized runs
// (personNames' rule), by last word. tagged reports whether mentions were
// used.
func nameKeys(d *accord.Document, sp accord.Span, people bool) (keys []string, tagged bool) {
	for _, m := range d.Mentions {
		if m.Kind != accord.MentionName || !nameTypes[m.Type] {
			continue
		}
		tagged = true
		if m.Start < sp.Start || m.End > sp.End || people && m.Type != "PERSON" {
			continue
		}
		if m.EntityID != "" {
			keys = append(keys, "#"+m.EntityID)
		}
		if w := lastNameWord(d.Slice(m.Span)); w != "" {
			keys = append(keys, w)
		}
	}
	if tagged {
		return keys, true
	}
	if people {
		return nil, false // capitals do not tell people from places
	}
	for _, n := range capitalRuns(d, sp) {
		if w := lastNameWord(n); w != "" {
			keys = append(keys, w)
		}
	}
	return keys, false
}

// capitalRuns are the runs of capitalized words of d.Text[sp] (two words or
// more, or one not opening the sentence, or one no dictionary knows), less
// calendar words.
func capitalRuns(d *accord.Document, sp accord.Span) []string {
	var out []string
	toks := text.Tokens(d.Text, sp)
	for i := 0; i < len(toks); {
		raw := d.Slice(toks[i].Span)
		if !capitalWord(raw) || dayWord.MatchString(raw) || monthName[toks[i].Lower] {
			i++
			continue
		}
		j := i
		for j < len(toks) && capitalWord(d.Slice(toks[j].Span)) && !monthName[toks[j].Lower] && !dayWord.MatchString(d.Slice(toks[j].Span)) {
			j++
		}
		if j-i >= 2 || i > 0 || !text.IsStopword(toks[i].Lower) && !lexicon.Known(toks[i].Lower) {
			out = append(out, d.Text[toks[i].Start:toks[j-1].End])
		}
		i = j
	}
	return out
}

// lastNameWord is a name's last word, lower case, without a possessive.
func lastNameWord(n string) string {
	f := strings.Fields(n)
	if len(f) == 0 {
		return ""
	}
	w := strings.ToLower(strings.Trim(f[len(f)-1], ".,;:’'\"“”()"))
	w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
	return w
}

// sameName reports whether two name keys name one thing: equal, or one
// word written as a country and its people ("russia", "russian";
// "ukraine", "ukrainian"): a common beginning of five letters or more
// that is all of the shorter word but its last letter at most.
func sameName(a, b string) bool {
	if a == b {
		return a != ""
	}
	if strings.HasPrefix(a, "#") || strings.HasPrefix(b, "#") {
		return false
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	short := min(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	return n >= 5 && n >= short-1
}

// sharesName reports whether the two lists of name keys share a name.
func sharesName(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if sameName(x, y) {
				return true
			}
		}
	}
	return false
}
