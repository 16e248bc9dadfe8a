package claims

import (
	"strings"
	"sync"

	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
)

// Words that describe a name.
//
// Reports on one company, person or plan describe it in the same words
// ("the Norland mining firm Kestrel Metals", "Norland's largest card
// issuer", "Kestrel, one of the bank's creditors,"), whatever they report
// about it: "Norland mining firm Kestrel Metals has doubled its profits"
// and "Norland mining firm Kestrel Metals has said it is worth more than a
// rival's bid" share five words and state two facts. The words of such a
// description belong to the subject, like its name: they are no predicate
// words, and a match needs words shared outside them, a happening both
// report.
//
// A description is read without a part-of-speech tagger:
//   - before a name: lower-case words right before a capitalized word
//     inside the sentence, the one next to the name a noun of an agent (a
//     kind of organization, person or group: "firm", "bank", "rival",
//     "insurer"; no verb form, "told", "accused", and none after "to" or a
//     modal: "to help Kestrel"), with up to two modifiers before it
//     ("mining firm", "retail bank");
//   - after a possessive name ("Norland's"), or a possessive pronoun
//     followed by two words or more ("its former parent firm"): lower-case
//     words ending in a noun of an agent ("largest card issuer");
//     "Kestrel's shares fell" and "its lowest level" describe nothing;
//   - an apposition: after "Name," (or a dash or bracket) a phrase opening
//     with a/an/the/one, closed by the same mark, whose last word is a noun
//     of an agent ("one of the bank's creditors").
//
// No punctuation may stand inside a description.

// describe marks the words of ws that describe a name; ref marks the words
// that already belong to a name (capitalized words, titles next to them).
func describe(ws []wordTok, ref []bool) []bool {
	out := make([]bool, len(ws))
	plain := func(k int) bool { // a lower-case content word, no title of a name
		return ws[k].lower && ws[k].to > ws[k].from && !ref[k] && !timeWord(ws[k].w)
	}
	for k := range ws {
		t := ws[k]
		// Before a name.
		if t.capital && !t.first && weekdays[t.w] == "" && months[t.w] == 0 && k > 0 && !t.gap && plain(k-1) &&
			!ws[k-1].poss && (k < 2 || !verbBefore[ws[k-2].w]) && agentNoun(ws[k-1].w) {
			out[k-1] = true
			for j, n := k-2, 0; j >= 0 && n < 2 && !ws[j+1].gap && plain(j) && !strings.HasSuffix(ws[j].w, "ed") &&
				!speechVerbs[ws[j].w]; j, n = j-1, n+1 {
				out[j] = true
			}
		}
		// After a possessive name or pronoun: the run of plain words up
		// to the next other word must end in a noun of an agent.
		if t.poss && (t.capital || t.first) || possPronoun[t.w] {
			j := k + 1
			for j < len(ws) && j <= k+4 && !ws[j].gap && plain(j) {
				j++
			}
			last := j - 1
			if last > k && (!possPronoun[t.w] || last > k+1) && agentNoun(ws[last].w) {
				for x := k + 1; x <= last; x++ {
					out[x] = true
				}
			}
		}
		// An apposition: "Name, one of the bank's creditors,".
		if t.capital && k+1 < len(ws) && ws[k+1].gap && appositionOpener[ws[k+1].w] {
			open := ws[k+1].punct
			end := -1
			for j := k + 2; j < len(ws) && j <= k+9; j++ {
				if ws[j].gap {
					if closes(open, ws[j].punct) {
						end = j
					}
					break
				}
			}
			if end < 0 || !plain(end-1) || !agentNoun(ws[end-1].w) {
				continue
			}
			for j := k + 1; j < end; j++ {
				if plain(j) {
					out[j] = true
				}
			}
		}
	}
	return out
}

// closes: punctuation c closes an aside opened by o (a comma by a comma,
// a dash by a dash, a bracket by its pair).
func closes(o, c byte) bool {
	switch o {
	case ',':
		return c == ','
	case '(':
		return c == ')'
	case '-', 0xe2: // "-", "–", "—"
		return c == '-' || c == 0xe2
	}
	return false
}

// verbBefore: words after which a word is a verb ("to help", "would
// double").
var verbBefore = map[string]bool{"to": true, "will": true, "would": true, "could": true, "should": true, "can": true,
	"may": true, "might": true, "must": true, "did": true, "does": true, "do": true}

// verbForm: w is written as an inflected verb ("accused", "told",
// "suing"), not a noun or its plural: a description holds none.
func verbForm(w string) bool {
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return true
	}
	l := lexicon.Lemmas(w)
	if len(l) == 0 || l[0] == w {
		return false
	}
	b := l[0]
	return w != b+"s" && w != b+"es" && !(strings.HasSuffix(b, "y") && w == b[:len(b)-1]+"ies")
}

var possPronoun = map[string]bool{"its": true, "his": true, "her": true, "their": true}

var appositionOpener = map[string]bool{"a": true, "an": true, "the": true, "one": true}

// agentKinds: the senses a noun of an agent falls under.
var agentKinds = sync.OnceValue(func() map[uint32]bool {
	want := map[uint32]bool{}
	for _, k := range []string{"organization", "person", "social_group"} {
		for _, s := range lexicon.Senses(nil, k, 1) {
			want[s] = true
		}
	}
	return want
})

var agentCache sync.Map // word -> bool

// agentNoun: one of w's two most frequent senses is, within ten broader
// hops, an organization, a person or a social group ("firm", "bank",
// "rival", "carmaker", "creditors"); "shares", "profits", "bid" are not.
func agentNoun(w string) bool {
	if v, ok := agentCache.Load(w); ok {
		return v.(bool)
	}
	ok := false
	if len(w) > 2 && !text.IsStopword(w) && !isDigitStr(w) && !verbForm(w) && !strings.HasSuffix(w, "est") {
		want := agentKinds()
		// Broader senses form cycles among adjectives (similar-to heads
		// point both ways): each sense is visited once.
		fr := lexicon.Senses(nil, w, 2)
		seen := map[uint32]bool{}
		for d := 0; d <= 10 && len(fr) > 0 && !ok; d++ {
			var next []uint32
			for _, s := range fr {
				if want[s] {
					ok = true
					break
				}
				for _, b := range lexicon.Broader(s) {
					if !seen[b] {
						seen[b] = true
						next = append(next, b)
					}
				}
			}
			fr = next
		}
	}
	agentCache.Store(w, ok)
	return ok
}
