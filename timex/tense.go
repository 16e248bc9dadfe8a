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
	"might": true, "may": true,
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
	// Further irregular past forms that are not also present forms.
	"arose": true, "awoke": true, "bore": true, "bent": true, "bit": true, "bled": true, "blew": true,
	"bound": true, "bred": true, "clung": true, "crept": true, "dealt": true, "dug": true, "drew": true,
	"drank": true, "ate": true, "fed": true, "fled": true, "flung": true, "forbade": true, "forgot": true,
	"forgave": true, "froze": true, "hung": true, "hid": true, "knelt": true, "laid": true, "leapt": true,
	"lent": true, "lit": true, "mistook": true, "overcame": true, "overtook": true, "rode": true,
	"rang": true, "sang": true, "sank": true, "sat": true, "shook": true, "shone": true, "shrank": true,
	"slept": true, "slid": true, "slung": true, "spun": true, "spat": true, "sprang": true, "stole": true,
	"stuck": true, "stung": true, "strode": true, "swore": true, "swept": true, "swam": true, "swung": true,
	"tore": true, "trod": true, "underwent": true, "undertook": true, "upheld": true, "withdrew": true,
	"withheld": true, "woke": true, "wove": true, "wept": true, "rebuilt": true,
	"foresaw": true, "oversaw": true, "overthrew": true, "undid": true,
	"dove": true, "slew": true, "overran": true,
}

var notPastEd = map[string]bool{
	"need": true, "speed": true, "feed": true, "seed": true, "red": true, "bed": true, "shed": true,
	"indeed": true, "proceed": true, "exceed": true, "succeed": true, "breed": true, "greed": true,
	"hundred": true, "united": true, "based": true, "related": true, "expected": true, "scheduled": true,
	"planned": true, "limited": true, "interested": true, "concerned": true, "advanced": true,
	"detailed": true, "supposed": true, "allied": true, "armed": true, "wed": true, "ted": true, "fred": true,
	"ned": true, "led": false,
}

// tenseAt returns -1 (past), +1 (future) or 0 for the expression at sp,
// the token distance of the cue, the cue word, and whether the cue comes
// after the expression.
func tenseAt(src string, toks []accord.Token, sents []accord.Span, sp accord.Span) (int, int, string, bool) {
	// Sentence bounds.
	lo, hi := 0, len(src)
	k := sort.Search(len(sents), func(i int) bool { return sents[i].End > sp.Start })
	if k < len(sents) && sents[k].Start <= sp.Start {
		lo, hi = sents[k].Start, sents[k].End
	}
	first := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= lo })
	at := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= sp.Start })
	endTok := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= sp.End })
	best, bestDist, cue, bestAfter := 0, 1<<30, "", false
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
		case !after && dist == 1 && (w == "until" || w == "till" || w == "by" || w == "to" && i > 0 && reschedule[toks[i-1].Lower]):
			// A deadline lies ahead ("until 9 a.m. Tuesday"), unless the
			// past perfect tells it is over ("had filed by Wednesday").
			t = 1
			for k := first; k < len(toks) && toks[k].End <= hi; k++ {
				if toks[k].Lower == "had" {
					t = -1
					break
				}
			}
		case !after && dist == 1 && w == "since":
			t = -1
		case w == "next" && i+1 < len(toks) && toks[i+1].Lower == "to":
			// "next to" is a place.
		case (w == "was" || w == "were") && i+1 < len(toks) && prospective(toks[i+1].Lower) && (!after || i > 0 && toks[i-1].Lower == "and"):
			// "were planning to", "was due to": a plan told in the past
			// still lies ahead of the telling. After the day, only a
			// coordinated predicate counts ("planned a rally on Saturday
			// and were planning to..."), not a clause of its own ("Thursday,
			// as he was about to leave").
			t = 1
		case futureCues[w] && strings.HasSuffix(w, "ed") && i > 0 && modifier(toks[i-1].Lower):
			// "the hastily planned trip": an adjective, no tense.
		case futureCues[w] || strings.HasSuffix(w, "'ll"):
			t = 1
		case w == "going" && i+1 < len(toks) && toks[i+1].Lower == "to":
			t = 1
		case (w == "is" || w == "are") && i+1 < len(toks) && toks[i+1].Lower == "to":
			t = 1
		case w == "as" && i > 0 && (toks[i-1].Lower == "early" || toks[i-1].Lower == "soon"):
			t = 1
		case w == "to" && i+2 < len(toks) && toks[i+1].Start < sp.Start && infinitive(toks[i+1].Lower):
			// An infinitive has no tense of its own: a purpose clause
			// takes its governor's ("rallied to demand ... Friday"); a
			// verb of intention points ahead ("agreed to meet Monday").
			switch g := governor(toks, i, lo); {
			case g < 0:
				t = -1
			case g == 0:
				t, dist = 1, dist+3
			default:
				t = 1
			}
		default:
			t = pastAt(toks, i)
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
			best, bestDist, cue, bestAfter = t, dist, w, after
		}
	}
	for i := at - 1; i >= first && at-i <= 30; i-- {
		if isQuoteMark(toks[i].Lower) {
			// Verbs inside a quotation do not govern what follows it.
			break
		}
		consider(i, at-i, false)
	}
	for i := endTok; i < len(toks) && i-endTok < 14; i++ {
		if toks[i].Lower == "." || toks[i].Lower == ";" || isQuoteMark(toks[i].Lower) {
			break
		}
		consider(i, i-endTok+4, true)
	}
	return best, bestDist, cue, bestAfter
}

// pastAt: -1 when token i is a past form ("met", "announced"), else 0. A
// participle after "be"/"been" ("will be followed") is no past.
func pastAt(toks []accord.Token, i int) int {
	w := toks[i].Lower
	if !pastIrregular[w] && (len(w) <= 4 || !strings.HasSuffix(w, "ed") || notPastEd[w] || !isLetters(w)) {
		return 0
	}
	if i > 0 && !deictic[w] {
		switch toks[i-1].Lower {
		case "be", "been", "being", "is", "are", "am":
			// A participle: "will be followed", "the case is heard".
			return 0
		case "a", "an", "the", "still", "yet", "as":
			// An adjective: "a still unspecified date".
			return 0
		}
	}
	return -1
}

// deictic past cues are no participles.
var deictic = map[string]bool{"ago": true, "yesterday": true, "last": true, "earlier": true}

// reschedule verbs move a date: "extended to Nov. 20" is a new deadline.
var reschedule = map[string]bool{
	"extended": true, "postponed": true, "delayed": true, "deferred": true, "moved": true,
	"rescheduled": true, "pushed": true, "extend": true, "postpone": true, "delay": true, "move": true,
}

// intention verbs look ahead: their infinitive is later than they are.
var intention = map[string]bool{
	"agreed": true, "decided": true, "promised": true, "pledged": true, "vowed": true, "planned": true,
	"intended": true, "hoped": true, "wanted": true, "expected": true, "aimed": true, "sought": true,
	"threatened": true, "prepared": true, "scheduled": true, "asked": true, "urged": true, "invited": true,
	"ordered": true, "voted": true, "offered": true, "proposed": true, "set": true, "due": true,
	"called": true, "told": true, "said": true,
}

// governor gives the tense of the verb an infinitive at to depends on: -1 a
// past verb of doing ("extended its offer to acquire"), +1 a verb of
// intention or a present/future form, 0 none within the clause.
func governor(toks []accord.Token, to, lo int) int {
	for i := to - 1; i >= 0 && to-i <= 10 && toks[i].Start >= lo; i-- {
		w := toks[i].Lower
		switch {
		case w == "," || w == ";" || w == ":" || isQuoteMark(w):
			return 0
		case intention[w] || futureCues[w] || strings.HasSuffix(w, "ing") && intention[w[:len(w)-3]+"ed"]:
			return 1
		case w == "is" || w == "are" || w == "am" || w == "has" || w == "have":
			return 1
		}
		if pastAt(toks, i) < 0 {
			return -1
		}
	}
	return 0
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

// prospective: a form after "was"/"were" that points ahead ("were planning
// to", "was expected to", "was due").
func prospective(w string) bool {
	switch w {
	case "going", "planning", "scheduled", "expected", "due", "set", "slated", "preparing", "hoping", "intending", "about":
		return true
	}
	return false
}

// modifier: a determiner or a manner adverb before a participle makes it
// an adjective ("the planned", "a hastily planned").
func modifier(w string) bool {
	switch w {
	case "a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "still", "long":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ly") && isLetters(w)
}
