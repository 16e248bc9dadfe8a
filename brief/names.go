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

// nameTypes are the mention types that name who or what a passage is about:
// participants (people, bodies, places, peoples), not events or works ("the
// Grand Slam", "the World Cup", a film's title: OTHER, EVENT), which
// different participants share.
var nameTypes = map[string]bool{"PERSON": true, "ORG": true, "GPE": true, "LOC": true, "NORP": true}

// nameKey is one name a passage gives: its canonical entity (set by the
// corpus entity stage: "U.S." = "United States"; "" without it), its last
// word, lower case, without a legal form ("General Motors Corp": "motors"),
// and its mention type ("" for a capitalized run without a tagger).
type nameKey struct {
	id, word, typ string
}

// nameKeys are the names d.Text[sp] gives: its name mentions of nameTypes
// (or only PERSON ones, with people set) when the document has name
// mentions; else (no tagger ran) its capitalized runs (personNames' rule).
// tagged reports whether mentions were used.
func nameKeys(d *accord.Document, sp accord.Span, people bool) (keys []nameKey, tagged bool) {
	for _, m := range d.Mentions {
		if m.Kind != accord.MentionName || !nameTypes[m.Type] {
			continue
		}
		tagged = true
		if m.Start < sp.Start || m.End > sp.End || people && m.Type != "PERSON" {
			continue
		}
		if k := (nameKey{id: m.EntityID, word: lastNameWord(d.Slice(m.Span)), typ: m.Type}); k.id != "" || k.word != "" {
			keys = append(keys, k)
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
			keys = append(keys, nameKey{word: w})
		}
	}
	return keys, false
}

// ofType are the keys of the given mention type.
func ofType(keys []nameKey, typ string) []nameKey {
	var out []nameKey
	for _, k := range keys {
		if k.typ == typ {
			out = append(out, k)
		}
	}
	return out
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

// legalForms end a company's name and name no company ("Corp" names
// every corporation).
var legalForms = map[string]bool{"corp": true, "corporation": true, "inc": true, "incorporated": true, "co": true,
	"ltd": true, "limited": true, "plc": true, "llc": true, "lp": true, "ag": true, "sa": true, "nv": true, "bv": true, "gmbh": true}

// lastNameWord is a name's last word, lower case, without a possessive, or
// the word before a legal form ("General Motors Corp": "motors").
func lastNameWord(n string) string {
	f := strings.Fields(n)
	for len(f) > 1 && legalForms[strings.ToLower(strings.Trim(f[len(f)-1], ".,;:’'\"“”()"))] {
		f = f[:len(f)-1]
	}
	if len(f) == 0 {
		return ""
	}
	w := strings.ToLower(strings.Trim(f[len(f)-1], ".,;:’'\"“”()"))
	w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
	return w
}

// sameName reports whether two name words name one thing: equal, or one
// word written as a country and its people ("russia", "russian";
// "ukraine", "ukrainian"): a common beginning of five letters or more
// that is all of the shorter word but its last letter at most.
func sameName(a, b string) bool {
	if a == b {
		return a != ""
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	short := min(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	return n >= 5 && n >= short-1
}

// sameKey reports whether two names name one participant: by canonical
// entity where the entity stage linked both ("American Motors Corp" and
// "General Motors Corp" are two), by words otherwise; a people and its
// country ("Russian", "Russia": NORP and GPE, two entities) by words.
func sameKey(a, b nameKey) bool {
	if a.id != "" && b.id != "" {
		if a.id == b.id {
			return true
		}
		if (a.typ == "NORP") == (b.typ == "NORP") {
			return false
		}
	}
	return sameName(a.word, b.word)
}

// sharesName reports whether the two lists of names share a name.
func sharesName(a, b []nameKey) bool {
	for _, x := range a {
		for _, y := range b {
			if sameKey(x, y) {
				return true
			}
		}
	}
	return false
}
