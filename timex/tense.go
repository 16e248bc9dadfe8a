package timex

import (
	"sort"
	"strings"

	"github.com/accord-news/accord"
)

// Tense of the verb that governs a time expression: the news convention of
// HeidelTime is that a bare weekday or month is in the past of the document
// date unless the sentence speaks of the future ("will meet on Monday").

var futureCues = map[string]bool{
	"will": true, "shall": true, "won't": true, "'ll": true, "wo": true, "scheduled": true, "expected": true,
	"plans": true, "plan": true, "planned": true, "due": true, "upcoming": true, "would": true, "next": true,
	"tomorrow": true, "intends": true, "aims": true, "set": false, "going": false, "slated": true,
	"could": true, "might": true, "may": true,
}

var pastIrregular = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "met": true, "made": true, "took": true,
	"came": true, "went": true, "told": true, "gave": true, "held": true, "left": true, "began": true,
	"fell": true, "rose": true, "won": true, "lost": true, "saw": true, "sent": true, "spoke": true,
	"became": true, "got": true, "found": true, "led": true, "ran": true, "brought": true, "bought": true,
	"sold": true, "paid": true, "thought": true, "kept": true, "wrote": true, "knew": true, "struck": true,
	"shot": true, "hit": false, "flew": true, "drove": true, "broke": true, "chose": true, "grew": true,
	"threw": true, "wore": true, "spent": true, "built": true, "felt": true, "heard": true, "meant": true,
	"stood": true, "understood": true, "taught": true, "caught": true, "fought": true, "sought": true,
	"agreed": true, "ago": true, "yesterday": true, "last": true, "earlier": true,
}

var notPastEd = map[string]bool{
	"need": true, "speed": true, "feed": true, "seed": true, "red": true, "bed": true, "shed": true,
	"indeed": true, "proceed": true, "exceed": true, "succeed": true, "breed": true, "greed": true,
	"hundred": true, "united": true, "based": true, "related": true, "expected": true, "scheduled": true,
	"planned": true, "limited": true, "interested": true, "concerned": true, "advanced": true,
	"detailed": true, "supposed": true, "allied": true, "armed": true, "wed": true, "ted": true, "fred": true,
	"ned": true, "led": false,
}

// tenseAt returns -1 (past), +1 (future) or 0 for the expression at sp.
func tenseAt(src string, toks []accord.Token, sents []accord.Span, sp accord.Span) (int, int) {
	// Sentence bounds.
	lo, hi := 0, len(src)
	k := sort.Search(len(sents), func(i int) bool { return sents[i].End > sp.Start })
	if k < len(sents) && sents[k].Start <= sp.Start {
		lo, hi = sents[k].Start, sents[k].End
	}
	first := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= lo })
	at := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= sp.Start })
	endTok := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= sp.End })
	best, bestDist := 0, 1<<30
	consider := func(i, dist int, after bool) {
		if i < 0 || i >= len(toks) || toks[i].Start < lo || toks[i].End > hi {
			return
		}
		w := toks[i].Lower
		if w == "" {
			return
		}
		t := 0
		switch {
		case futureCues[w] || strings.HasSuffix(w, "'ll"):
			t = 1
		case w == "going" && i+1 < len(toks) && toks[i+1].Lower == "to":
			t = 1
		case (w == "is" || w == "are") && i+1 < len(toks) && toks[i+1].Lower == "to":
			t = 1
		case w == "as" && i > 0 && (toks[i-1].Lower == "early" || toks[i-1].Lower == "soon"):
			t = 1
		case w == "to" && i+2 < len(toks) && toks[i+1].Start < sp.Start && infinitive(toks[i+1].Lower):
			t = 1
		case pastIrregular[w]:
			t = -1
		case len(w) > 4 && strings.HasSuffix(w, "ed") && !notPastEd[w] && isLetters(w):
			// A participle after "be"/"been" ("will be followed") is no past.
			if i > 0 && (toks[i-1].Lower == "be" || toks[i-1].Lower == "been" || toks[i-1].Lower == "being") {
				return
			}
			t = -1
		}
		if t == 0 {
			return
		}
		// A future modal governs its whole clause: count it as nearer.
		if t > 0 && (w == "will" || w == "shall" || w == "won't" || strings.HasSuffix(w, "'ll")) {
			dist /= 2
		}
		// Reporting verbs govern the report, not the event: weaker.
		if (w == "said" || w == "told") && dist > 2 {
			dist += 6
		}
		// "said Friday that he would": a modal after the expression belongs
		// to the reported clause.
		if after && (w == "would" || w == "could" || w == "might" || w == "may") {
			return
		}
		if dist < bestDist {
			best, bestDist = t, dist
		}
	}
	for i := at - 1; i >= first && at-i <= 30; i-- {
		if isQuoteMark(toks[i].Lower) {
			// Verbs inside a quotation do not govern what follows it.
			break
		}
		consider(i, at-i, false)
	}
	for i := endTok; i < len(toks) && i-endTok < 8; i++ {
		if toks[i].Lower == "." || toks[i].Lower == ";" || isQuoteMark(toks[i].Lower) {
			break
		}
		consider(i, i-endTok+4, true)
	}
	return best, bestDist
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// infinitive: a word after "to" that looks like a verb, not a noun phrase
// ("to close", not "to the", "to Thursday").
func infinitive(w string) bool {
	if !isLetters(w) || len(w) < 3 {
		return false
	}
	switch w {
	case "the", "and", "his", "her", "its", "their", "our", "this", "that", "these", "those", "him", "them", "some", "all", "any", "about", "more", "less", "date", "court", "power":
		return false
	}
	return !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "s")
}

func isQuoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "«", "»", "‘", "’", "``", "''":
		return true
	}
	return false
}
