package entities

import (
	"strings"
	"sync"
	"unicode"

	"github.com/accord-news/accord/lexicon"
)

// General knowledge about place names from the lexicon (WordNet's single-word
// proper nouns), no lists of names:
//   - countrySense: a sense of the name is a country (an instance of
//     "country, state, land" within a few hypernym hops). "UK" and
//     "Britain" share that sense, so they are aliases of one country; a
//     country named as an actor ("the UK said") stays the one GPE.
//   - isStructure: every sense of the name is a building or other structure
//     (a citadel known by one word): with the contract's types (no FAC), a seat named for an
//     institution is ORG, as OntoNotes types such names when they act.

var placeSets struct {
	once       sync.Once
	country    map[uint32]bool
	structure  map[uint32]bool
	people     map[uint32]bool
	peopleMem  memo[bool]
	countryMem memo[uint32]
	structMem  memo[bool]
	location   map[uint32]bool
	org        map[uint32]bool
	person     map[uint32]bool
	locMem     memo[bool]
}

// memo caches a pure function of a string for the life of the process; it is
// safe for concurrent use (two callers may both compute a missing value).
type memo[V any] struct {
	mu sync.Mutex
	m  map[string]V
}

func (c *memo[V]) get(k string, f func() V) V {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = f()
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]V{}
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}

// isPlaceWord: some sense of the one-word name w (lower case) is a
// location or region in the lexicon (a city, a country, an area).
func isPlaceWord(w string) bool { return senseUnder(w, "loc") }

// isOrgWord: some sense of the one-word name w (lower case) is an
// organization in the lexicon (an agency, a university, a company).
func isOrgWord(w string) bool { return senseUnder(w, "org") }

// senseUnder: some sense of w reaches the set named by which ("loc":
// location, "org": organization, "person") within 10 broader links.
func senseUnder(w, which string) bool {
	initPlaceSets()
	target := placeSets.location
	switch which {
	case "org":
		target = placeSets.org
	case "person":
		target = placeSets.person
	}
	mk := which + "|" + w
	return placeSets.locMem.get(mk, func() bool {
		var v bool
		// breadth first, each sense once (broader links may form cycles)
		seen := map[uint32]bool{}
		front := lexicon.Senses(nil, w, 0)
		for depth := 0; depth <= 10 && len(front) > 0 && !v; depth++ {
			var next []uint32
			for _, s := range front {
				if seen[s] {
					continue
				}
				seen[s] = true
				if target[s] {
					v = true
					break
				}
				next = append(next, lexicon.Broader(s)...)
			}
			front = next
		}
		return v
	})
}

func initPlaceSets() {
	placeSets.once.Do(func() {
		inter := lexicon.SharedSenses
		placeSets.country = inter("country", "state", "land")
		placeSets.structure = inter("structure", "construction")
		placeSets.people = inter("inhabitant", "denizen")
		placeSets.location = inter("location")
		placeSets.org = inter("organization", "organisation")
		placeSets.person = inter("person", "individual")
	})
}

// reaches reports whether sense s or one of its broader senses within depth
// hops is in target.
func reaches(s uint32, target map[uint32]bool, depth int) bool {
	if target[s] {
		return true
	}
	if depth == 0 {
		return false
	}
	for _, b := range lexicon.Broader(s) {
		if reaches(b, target, depth-1) {
			return true
		}
	}
	return false
}

// placeWord is the lexicon form of a one-word name ("U.S." -> "us"), or ""
// for a multi-word name.
func placeWord(name string) string {
	name = strings.TrimSpace(name)
	if name == "" || strings.ContainsAny(name, " \t\n") {
		return ""
	}
	return strings.ToLower(strings.ReplaceAll(name, ".", ""))
}

// ownSenses returns the lexicon senses of w as a word of its own, not of
// another word it could be an inflection of ("Americas" is not a plural of
// "America", the country), or nil when w is not itself a lemma.
func ownSenses(w string) []uint32 {
	lemmas := lexicon.Lemmas(w)
	own := false
	for _, l := range lemmas {
		if l == w {
			own = true
		}
	}
	if !own {
		return nil
	}
	ss := lexicon.Senses(nil, w, 0)
	if len(lemmas) == 1 {
		return ss
	}
	other := map[uint32]bool{}
	for _, l := range lemmas {
		if l != w {
			for _, s := range lexicon.Senses(nil, l, 0) {
				other[s] = true
			}
		}
	}
	out := ss[:0]
	for _, s := range ss {
		if !other[s] {
			out = append(out, s)
		}
	}
	return out
}

// countryNameSense is countrySense for a name of any length: a multi-word
// name is a country only when the whole name is one in the lexicon
// ("United States", "United Kingdom"), never because it starts with a
// country's name ("Japan Airlines", "UK Athletics"). A leading "the" is
// ignored.
func countryNameSense(name string) uint32 {
	name = strings.TrimSpace(name)
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		name = strings.TrimSpace(name[4:])
	}
	if !strings.ContainsAny(name, " \t\n") {
		return countrySense(name)
	}
	f := strings.Fields(name)
	if len(f) > 4 {
		return 0
	}
	for _, w := range f {
		if r := []rune(w); len(r) == 0 || !unicode.IsUpper(r[0]) {
			return 0
		}
	}
	return countrySense(strings.Join(f, "_"))
}

// countrySense returns the first lexicon sense of a one-word name that is a
// country ("Japan" is first an archipelago), else 0; 0 too when the
// tagger's gazetteer knows the name only as something other than a place.
func countrySense(name string) uint32 {
	w := placeWord(name)
	if len(w) < 2 {
		return 0
	}
	// A short country name is an abbreviation written in capitals ("US",
	// "UK"); "Us" opening a sentence is the pronoun.
	if len(w) <= 3 && isAcronym(strings.TrimSpace(name)) == "" {
		return 0
	}
	return countryWordSense(w, name)
}

// countryWordSense is countrySense for a lexicon form w (lower case, no
// dots) of the name as written, with no check of its case.
func countryWordSense(w, name string) uint32 {
	initPlaceSets()
	return placeSets.countryMem.get(w, func() uint32 {
		var v uint32
		v = 0
		for _, s := range ownSenses(w) {
			if reaches(s, placeSets.country, 3) {
				v = s
				break
			}
		}
		// A name the gazetteer knows, but never as a place, is not used as the
		// country here ("Albion", a club's name).
		if m, _ := DefaultModel(); v != 0 && m != nil && m.gaz != nil {
			mask := m.gaz.entries[w] | m.gaz.entries[strings.ToLower(strings.TrimSpace(name))]
			if mask != 0 && mask&(1<<clsLOC) == 0 {
				v = 0
			}
		}
		return v
	})
}

// isStructure: every sense of the one-word name is a structure (building,
// citadel …).
func isStructure(name string) bool {
	w := placeWord(name)
	if len(w) < 3 {
		return false
	}
	initPlaceSets()
	return placeSets.structMem.get(w, func() bool {
		var v bool
		ss := lexicon.Senses(nil, w, 0)
		v = len(ss) > 0
		for _, s := range ss {
			if !reaches(s, placeSets.structure, 6) {
				v = false
				break
			}
		}
		return v
	})
}

// seatHeads: head nouns of the residences and seats that news names for the
// institution they house ("Government House", "Elysee Palace").
var seatHeads = set("house", "palace")

// isPeopleWord: a sense of the word is an inhabitant of a place ("American",
// "Iraqis", "Briton"): a demonym the tagger may take for a person's name.
// A plural counts only when it is not itself a word of its own.
func isPeopleWord(w string) bool {
	w = placeWord(w)
	if len(w) < 3 {
		return false
	}
	initPlaceSets()
	return placeSets.peopleMem.get(w, func() bool {
		var v bool
		ss := ownSenses(w)
		if ss == nil {
			ss = lexicon.Senses(nil, w, 0)
		}
		v = false
		for _, s := range ss {
			if reaches(s, placeSets.people, 4) {
				v = true
				break
			}
		}
		return v
	})
}

var compassWords = set("north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "north-east", "north-west", "south-east", "south-west")

// demonymName: the name is a demonym, possibly after a compass word ("North
// American"), by the lexicon.
func demonymName(lows []string) bool {
	if len(lows) > 1 && compassWords[lows[0]] {
		lows = lows[1:]
	}
	if len(lows) == 1 && isPeopleWord(lows[0]) {
		return true
	}
	// "South Downs Tories": a plural people word closes no person's name.
	last := lows[len(lows)-1]
	return len(lows) > 1 && strings.HasSuffix(last, "s") && isPeopleWord(last) && ownSenses(placeWord(last)) == nil
}
