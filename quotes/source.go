package quotes

import (
	"strings"
	"sync"
	"unicode"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
)

// Nominal speakers that can be a source. A stated speaker written as a
// common noun phrase ("the spokeswoman", "the report", "police", "Labor
// Department figures") must name someone or something that can state
// anything: one of the head noun's most frequent WordNet senses is a kind of
// person, a group (organizations, agencies, forces, collections of data),
// communication (reports, statements, documents, figures, rumours, the
// media, images) or cognition (information, research, polls). "According to the recent development," has
// no speaker: a development is an event or a process.

// sourceSenses is the number of most frequent senses of the head noun tried.
const sourceSenses = 5

var sourceKinds struct {
	once   sync.Once
	target map[uint32]bool
	mu     sync.Mutex
	memo   map[string]bool
}

// inter returns the senses shared by all words (a synset by its lemmas).
var inter = lexicon.SharedSenses

// hyper returns the senses of parent that are directly broader than a
// sense of child.
func hyper(child, parent string) map[uint32]bool {
	ps := inter(parent)
	out := map[uint32]bool{}
	for _, s := range lexicon.Senses(nil, child, 0) {
		for _, b := range lexicon.Broader(s) {
			if ps[b] {
				out[b] = true
			}
		}
	}
	return out
}

// both returns the senses in a and b.
func both(a, b map[uint32]bool) map[uint32]bool {
	out := map[uint32]bool{}
	for s := range a {
		if b[s] {
			out[s] = true
		}
	}
	return out
}

// broaderOf returns the senses directly broader than those of m.
func broaderOf(m map[uint32]bool) map[uint32]bool {
	out := map[uint32]bool{}
	for s := range m {
		for _, b := range lexicon.Broader(s) {
			out[b] = true
		}
	}
	return out
}

func initSourceKinds() {
	sourceKinds.once.Do(func() {
		t := map[uint32]bool{}
		add := func(m map[uint32]bool) {
			for s := range m {
				t[s] = true
			}
		}
		add(inter("person", "individual", "someone"))
		add(inter("group", "grouping"))                // organizations, forces, collections of data
		add(inter("cognition", "knowledge", "noesis")) // information, research, polls
		add(inter("communication", "communicating"))   // the act: transmission, mass media
		// The synsets right above these: communication (above message),
		// speech act (above informing: reports, rumours), the means of
		// communication (above telecommunication: radio, television),
		// visual representations (above photograph: maps, charts, images).
		add(inter("publication")) // printed matter: booklets, leaflets
		for _, m := range []map[uint32]bool{inter("message", "substance"), inter("informing"), inter("telecommunication", "telecom"), inter("photograph", "photo")} {
			if len(m) == 0 {
				panic("quotes: lexicon lacks a source kind")
			}
			for s := range m {
				for _, b := range lexicon.Broader(s) {
					t[b] = true
				}
			}
		}
		// Things that carry or issue content and are not kinds of
		// communication in WordNet 3.0: films (a movie, the medium film,
		// photographic film: footage, negatives), web sites (filed under
		// computers), lawsuits (a lawsuit "says", "alleges"; not every
		// legal proceeding: an adoption), organised social events (shows,
		// contests: a political campaign) and festivities (a festival), and
		// stations with staff (broadcasting, police, research; not every
		// facility: golf links). Each is one synset; its narrower senses
		// count too.
		for name, m := range map[string]map[uint32]bool{
			"movie":        inter("movie", "flick"),
			"film medium":  inter("film", "celluloid"),
			"photo film":   both(hyper("microfilm", "film"), hyper("negative", "film")),
			"web site":     inter("website"),
			"lawsuit":      inter("lawsuit", "suit"),
			"social event": broaderOf(inter("contest", "competition")),
			"festivity":    inter("festivity", "celebration"),
			"station":      hyper("substation", "station"),
		} {
			if len(m) != 1 {
				panic("quotes: lexicon lacks one source kind: " + name)
			}
			add(m)
		}
		sourceKinds.target = t
		sourceKinds.memo = map[string]bool{}
	})
}

// canBeSource reports whether the lower-case noun w can name a source.
// Words the lexicon does not know pass (it cannot tell). A hyphenated word
// is also tried written solid ("film-maker"); "year-old" passes unknown.
func canBeSource(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i > 0 && i+1 < len(w) {
		known := false
		for _, f := range []string{w, strings.ReplaceAll(w, "-", "")} {
			if lexicon.Known(f) {
				known = true
				if senseSource(f) {
					return true
				}
			}
		}
		return !known
	}
	return senseSource(w)
}

// senseSource: canBeSource for a word as the lexicon spells it.
func senseSource(w string) bool {
	if !lexicon.Known(w) {
		return true
	}
	initSourceKinds()
	sourceKinds.mu.Lock()
	v, ok := sourceKinds.memo[w]
	sourceKinds.mu.Unlock()
	if ok {
		return v
	}
	seen := map[uint32]bool{}
	front := lexicon.Senses(nil, w, sourceSenses)
	for depth := 0; depth <= 14 && len(front) > 0 && !v; depth++ {
		var next []uint32
		for _, s := range front {
			if seen[s] {
				continue
			}
			seen[s] = true
			if sourceKinds.target[s] {
				v = true
				break
			}
			next = append(next, lexicon.Broader(s)...)
		}
		front = next
	}
	sourceKinds.mu.Lock()
	sourceKinds.memo[w] = v
	sourceKinds.mu.Unlock()
	return v
}

// nominalWords are the words of a nominal speaker phrase before a
// preposition or a relative word ("a spokeswoman for Acme" -> a
// spokeswoman, "the head of the agency" -> the head), without possessive
// endings.
func nominalWords(s string) []string {
	var words []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' }) {
		if headStops[strings.ToLower(f)] && len(words) > 0 {
			break
		}
		f = strings.TrimSuffix(strings.TrimSuffix(f, "'s"), "’s")
		if f = strings.Trim(f, "'’-"); f != "" {
			words = append(words, f)
		}
	}
	return words
}

// headStops end a noun phrase's pre-head words.
var headStops = map[string]bool{"of": true, "for": true, "at": true, "to": true, "in": true, "from": true, "with": true,
	"on": true, "who": true, "which": true, "that": true, "by": true}

// nominalCanSpeak: a nominal speaker span none of whose words (before a
// preposition; stopwords aside) can name a source is no speaker: "the
// recent development", "the seasonally adjusted rise". The check is
// lenient where the phrase is sloppy ("a report last month" passes on
// "report"). A phrase with a name (a capitalised word after its first, or
// a capitalised first word that is no stopword: "Henry afterwards", "the
// Acme campaign") passes.
func (x *docCtx) nominalCanSpeak(sp accord.Span) bool {
	ok := x.nominalSpeaks(sp)
	if traceNominal != nil {
		traceNominal(x, sp, ok)
	}
	return ok
}

// traceNominal, when set (tests only), sees every nominal speaker judged.
var traceNominal func(x *docCtx, sp accord.Span, ok bool)

func (x *docCtx) nominalSpeaks(sp accord.Span) bool {
	words := nominalWords(x.txt[sp.Start:sp.End])
	if len(words) == 0 {
		return true
	}
	judged := false
	for i, w := range words {
		lw := strings.ToLower(w)
		if r := []rune(w); unicode.IsUpper(r[0]) && (i > 0 || !text.IsStopword(lw)) {
			return true
		}
		if text.IsStopword(lw) {
			continue
		}
		judged = true
		if canBeSource(lw) || i == len(words)-1 && x.titleWord(lw) {
			return true
		}
	}
	return !judged
}

// titleWord reports whether the document uses the lower-case word w as a
// person's title or role, which the lexicon may not know ("Wales prop
// Adam Jones … The prop said"): a role the entities layer gave a person
// ends with w, or w is written right before a name (where the entities
// layer ran, a word of a person's name, also one tagged elsewhere in the
// document; a capitalised word otherwise), in the text or the headline
// ("Prop Jones ready"), at the start of a sentence or clause or after a
// name ("Wales prop"), not after a
// lower-case word or a stopword ("the move Brown made", "in several
// Democrats' view" hold no title).
// Only the phrase's last word (its head) is tried.
func (x *docCtx) titleWord(w string) bool {
	for _, r := range x.d.Roles {
		f := strings.Fields(strings.ToLower(r.Role))
		if len(f) > 0 && f[len(f)-1] == w {
			return true
		}
	}
	ms := x.d.Mentions
	// The headline, when kept apart from the text ("Prop Jones ready …").
	hw := strings.FieldsFunc(x.d.Title, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' })
	for i := 0; i+1 < len(hw); i++ {
		if strings.ToLower(hw[i]) != w || !unicode.IsUpper([]rune(hw[i+1])[0]) || text.IsStopword(strings.ToLower(hw[i+1])) {
			continue
		}
		if i > 0 && (text.IsStopword(strings.ToLower(hw[i-1])) || !unicode.IsUpper([]rune(hw[i-1])[0])) {
			continue
		}
		if len(ms) == 0 || x.personWord(hw[i+1]) {
			return true
		}
	}
	for i := 0; i+1 < len(x.toks); i++ {
		t, n := x.toks[i], x.toks[i+1]
		if t.Lower != w || !isUpperWord(x.txt, n) || text.IsStopword(n.Lower) || strings.ContainsRune(x.txt[t.End:n.Start], '\n') {
			continue
		}
		if i > 0 {
			if p := x.toks[i-1]; isWord(p) && (text.IsStopword(p.Lower) || !isUpperWord(x.txt, p)) {
				continue
			}
		}
		if len(ms) == 0 {
			return true
		}
		if x.personWord(x.txt[n.Start:n.End]) {
			return true
		}
	}
	return false
}

// personWord reports whether a person's name mention holds the word f.
func (x *docCtx) personWord(f string) bool {
	for _, m := range x.d.Mentions {
		if m.Type != "PERSON" || m.Kind != accord.MentionName || m.Start < 0 || m.End > len(x.txt) {
			continue
		}
		for _, g := range strings.Fields(x.txt[m.Start:m.End]) {
			if strings.EqualFold(g, f) {
				return true
			}
		}
	}
	return false
}
