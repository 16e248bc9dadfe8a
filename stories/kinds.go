package stories

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
)

// Event kinds: what *kind* of thing a report tells of (a death, an escape,
// a fire, an arrest), as against whose or where. Two reports of two
// different deaths share few names and few words beyond the event word, so
// their word cosine is as low as that of two unrelated reports; their event
// words, mapped to WordNet senses and the senses' broader classes, meet.
//
// The event words are the trigger words of the headline and the lead
// sentences: verbs (any word whose form is inflected as a verb, or that is
// only a verb) and event nouns (whose first noun sense is an event, an act
// or a phenomenon in WordNet). Parts of speech come from WordNet's own
// hierarchy, not a tagger: a noun sense reaches the root "entity"; an
// adjective sense sits in a similar-to cycle; a verb sense has a hypernym
// chain that ends elsewhere.

// leadSentences is how many sentences of the text, after the headline, are
// read for event words.
const leadSentences = 3

type senseRoots struct {
	entity uint32
	events []uint32 // event, phenomenon
	ok     bool
}

var (
	rootsOnce sync.Once
	roots     senseRoots
	kindCache sync.Map // lower-cased word -> []kindTerm
)

type kindTerm struct {
	key string
	w   float64
}

func loadRoots() senseRoots {
	rootsOnce.Do(func() {
		first := func(w string) (uint32, bool) {
			s := lexicon.Senses(nil, w, 1)
			if len(s) == 0 {
				return 0, false
			}
			return s[0], true
		}
		var ok bool
		roots.entity, ok = first("entity")
		if !ok {
			return
		}
		for _, w := range []string{"event", "phenomenon"} {
			if s, ok := first(w); ok {
				roots.events = append(roots.events, s)
			}
		}
		roots.ok = len(roots.events) > 0
	})
	return roots
}

const (
	posUnknown = iota
	posNoun
	posVerb
	posAdj
)

// sensePOS classifies a sense by its chain of first broader senses, and
// reports whether a noun sense is an event (reaches one of r.events).
func sensePOS(r senseRoots, s uint32) (pos int, event bool) {
	cur := s
	seen := [24]uint32{}
	for d := 0; d < len(seen); d++ {
		for _, e := range r.events {
			if cur == e {
				event = true
			}
		}
		if cur == r.entity {
			return posNoun, event
		}
		for _, x := range seen[:d] {
			if x == cur {
				return posAdj, false
			}
		}
		seen[d] = cur
		b := lexicon.Broader(cur)
		if len(b) == 0 {
			if d == 0 {
				return posUnknown, false
			}
			return posVerb, false
		}
		cur = b[0]
	}
	return posUnknown, false
}

// inflectedAsVerb: the form is a participle of a lemma other than itself
// ("checked" of "check"), or an irregular form ("told" of "tell"), not a
// plain -s form.
func inflectedAsVerb(w string, lemmas []string) bool {
	other := false
	for _, l := range lemmas {
		if l != w {
			other = true
		}
	}
	if !other {
		return false
	}
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return true
	}
	return !strings.HasSuffix(w, "s")
}

// wordKinds returns the event-kind terms of one (lower-cased) word: its
// event sense and that sense's broader senses up to kindHops hops, each hop
// weighing half the one below.
func wordKinds(w string) []kindTerm {
	if v, ok := kindCache.Load(w); ok {
		return v.([]kindTerm)
	}
	out := computeKinds(w)
	kindCache.Store(w, out)
	return out
}

const kindHops = 2

func computeKinds(w string) []kindTerm {
	r := loadRoots()
	if !r.ok {
		return nil
	}
	senses := lexicon.Senses(nil, w, 0)
	if len(senses) == 0 {
		return nil
	}
	lemmas := lexicon.Lemmas(w)
	verbForm := inflectedAsVerb(w, lemmas)
	var noun, verb int64 = -1, -1
	nounEvent := false
	hasNoun := false
	for _, s := range senses {
		pos, ev := sensePOS(r, s)
		switch pos {
		case posNoun:
			if !hasNoun {
				hasNoun = true
				if ev {
					noun, nounEvent = int64(s), true
				}
			}
		case posVerb:
			if verb < 0 {
				verb = int64(s)
			}
		}
		if hasNoun && verb >= 0 {
			break
		}
	}
	var pick int64 = -1
	switch {
	case verbForm && verb >= 0:
		pick = verb
	case nounEvent:
		pick = noun
	case verb >= 0:
		// A base or -s form whose first noun sense is no event: in a
		// headline or lead it is most often the verb ("checks into").
		pick = verb
	}
	if pick < 0 {
		return nil
	}
	var out []kindTerm
	cur, wt := uint32(pick), 1.0
	for h := 0; h <= kindHops; h++ {
		out = append(out, kindTerm{"k:" + strconv.FormatUint(uint64(cur), 36), wt})
		b := lexicon.Broader(cur)
		if len(b) == 0 {
			break
		}
		cur, wt = b[0], wt/2
	}
	return out
}

// addKinds adds the event-kind terms of the headline and the lead
// sentences of d; words inside name mentions (or, without mentions,
// capitalised words inside a sentence) are names, not events.
func addKinds(d *accord.Document, tc *termCounts) {
	nameWords := map[string]bool{}
	var names []accord.Span
	for _, m := range d.Mentions {
		if m.Kind != "" && m.Kind != accord.MentionName {
			continue
		}
		names = append(names, m.Span)
		for _, f := range strings.Fields(strings.ToLower(d.Slice(m.Span))) {
			nameWords[f] = true
		}
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Start < names[j].Start })
	word := func(s string, t accord.Token, inSentence bool) {
		w := t.Lower
		if !isWord(w) || text.IsStopword(w) {
			return
		}
		if nameWords[w] {
			return
		}
		if inSentence && len(names) == 0 {
			r, _ := utf8.DecodeRuneInString(s[t.Start:t.End])
			if unicode.IsUpper(r) {
				return
			}
		}
		for _, k := range wordKinds(w) {
			tc.add(k.key, k.w)
		}
	}
	if d.Title != "" {
		for _, t := range text.Tokens(d.Title, accord.Span{Start: 0, End: len(d.Title)}) {
			word(d.Title, t, false)
		}
	}
	ni := 0
	for k, s := range d.Sentences {
		if k >= leadSentences {
			break
		}
		for i, t := range text.Tokens(d.Text, s) {
			for ni < len(names) && names[ni].End <= t.Start {
				ni++
			}
			if ni < len(names) && names[ni].Start < t.End && t.Start < names[ni].End {
				continue
			}
			word(d.Text, t, i > 0)
		}
	}
}
