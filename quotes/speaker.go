package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

// cueStrength is the share of a word's training occurrences that are part of
// an attribution cue, or 0 for words that are not in the learned table.
func cueStrength(w string) float32 {
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	if s, ok := cueTable[w]; ok {
		return s
	}
	// Back off only for inflected forms ("reports"), never to a bare stem
	// ("official" from "officially").
	if st := stem(w); st != w {
		return cueByStem[st]
	}
	return 0
}

// cueByStem backs off to the other forms of a word ("reports" from
// "reported"): the mean share of the table's forms with that stem.
var cueByStem = map[string]float32{}

func init() {
	sum, n := map[string]float32{}, map[string]int{}
	for w, s := range cueTable {
		k := stem(w)
		sum[k] += s
		n[k]++
	}
	for k, s := range sum {
		cueByStem[k] = s / float32(n[k])
	}
}

// strongCue is the share above which a word alone marks attribution next to a
// direct quote ("said", "told", "according", "tweeted"...).
const strongCue = 0.45

// speechCue is the share above which a cue word before a reported clause is
// taken as its main speech verb rather than one inside the clause.
const speechCue = 0.75

func isCue(w string) bool { return cueStrength(w) >= strongCue }

var pronouns = map[string]string{
	"he": "m", "she": "f", "they": "p", "i": "s", "we": "p", "it": "n", "him": "m", "her": "f", "you": "s",
}

// skippable words between a subject and its cue: "Trump also said",
// "she later told", "he has said".
var skippable = map[string]bool{
	"also": true, "later": true, "then": true, "has": true, "had": true, "have": true, "would": true, "will": true,
	"again": true, "once": true, "previously": true, "recently": true, "had,": true, "was": true, "is": true,
	"just": true, "further": true, "earlier": true, "not": true, "did": true, "does": true, "do": true,
	"meanwhile": true,
}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "his": true, "her": true, "their": true, "its": true,
	"one": true, "another": true, "some": true, "two": true, "three": true, "several": true, "many": true, "both": true,
}

// nonNominal are words that cannot be part of a speaker noun phrase.
var nonNominal = map[string]bool{
	"who": true, "which": true, "that": true, "what": true, "in": true, "on": true, "at": true, "with": true, "to": true,
	"for": true, "from": true, "by": true, "of": true, "or": true, "and": true, "but": true, "been": true, "be": true,
	"was": true, "were": true, "is": true, "are": true, "has": true, "have": true, "had": true, "not": true, "as": true,
	"if": true, "when": true, "than": true, "then": true, "so": true, "about": true, "into": true, "over": true,
}

// connectors may sit inside a capitalised name ("Secretary of State",
// "Bank of England", "Charles de Gaulle").
var connectors = map[string]bool{"of": true, "de": true, "del": true, "da": true, "van": true, "von": true, "der": true, "la": true, "bin": true, "al": true, "for": true, "and": true}

// roleWords are generic English titles that precede a person's name
// ("Deputy Secretary of State John Doe"); the fallback name finder strips
// them to keep the name.
var roleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`president vice deputy secretary state minister prime foreign defense defence senator sen rep
representative governor gov mayor chancellor general gen chairman chairwoman chair director spokesman spokeswoman
spokesperson ambassador judge justice attorney commissioner chief officer leader speaker king queen prince princess
pope mr mrs ms dr prof professor sir lord lady captain capt colonel col lieutenant lt sergeant sgt admiral adm
congressman congresswoman councilman councilwoman assemblyman candidate nominee former acting interim executive ceo
president-elect senior assistant us u.s. uk u.k. un u.n. eu national security adviser advisor press sheriff police
commander rev reverend bishop cardinal rabbi imam coach host anchor correspondent reporter editor founder
democratic republican democrat gop`) {
		roleWords[w] = true
	}
}

type tokRange struct{ a, b int } // token indices [a, b)

// tokensIn returns the token index range lying inside span sp.
func tokensIn(toks []accord.Token, sp accord.Span) tokRange {
	a := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= sp.Start })
	b := sort.Search(len(toks), func(i int) bool { return toks[i].End > sp.End })
	if b < a {
		b = a
	}
	return tokRange{a, b}
}

func isUpperWord(txt string, t accord.Token) bool {
	if t.Start < 0 || t.End > len(txt) || t.Start >= t.End {
		return false
	}
	r, _ := utf8.DecodeRuneInString(txt[t.Start:t.End])
	return unicode.IsUpper(r)
}

func isWord(t accord.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Lower)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// subject is a speaker phrase found next to a cue.
type subject struct {
	Span  accord.Span
	Kind  string // accord.MentionName, MentionPronoun or MentionNominal
	Found bool
	// Passive: the phrase is the subject of a passive cue ("X is said to
	// …", "X was told"): it frames a content but is not its speaker.
	Passive bool
}

// subjectBefore reads the speaker phrase that ends right before token cue
// (exclusive), not reaching below token lo: "Smith said", "the US said",
// "Donald Trump, the Republican nominee, said", "the official said".
func subjectBefore(txt string, toks []accord.Token, lo, cue int) (sub subject) {
	i := cue - 1
	for i >= lo && (skippable[toks[i].Lower] || len(toks[i].Lower) > 4 && strings.HasSuffix(toks[i].Lower, "ly") && !isUpperWord(txt, toks[i])) {
		i--
	}
	if i < lo {
		return subject{}
	}
	passive := passiveCue(toks, i+1, cue)
	defer func() {
		if passive {
			sub.Passive = true
		}
	}()
	t := toks[i]
	if _, ok := pronouns[t.Lower]; ok {
		return subject{Span: t.Span, Kind: accord.MentionPronoun, Found: true}
	}
	if base := strings.TrimSuffix(strings.TrimSuffix(t.Lower, "’s"), "'s"); base != t.Lower && pronouns[base] != "" {
		// "It’s denouncing …": the pronoun of a contraction.
		return subject{Span: accord.Span{Start: t.Start, End: t.Start + len(base)}, Kind: accord.MentionPronoun, Found: true}
	}
	if (t.Lower == "which" || t.Lower == "who") && i-1 >= lo && isUpperWord(txt, toks[i-1]) && isWord(toks[i-1]) {
		// "… turned to the Northgate Harbour Board which said …": the
		// name the relative word follows.
		if n := nameBack(txt, toks, lo, i-1); n.Found && !notName[toks[i-1].Lower] {
			return n
		}
		return subject{}
	}
	if t.Lower == "," || t.Lower == ")" {
		// Appositive or relative clause: "X, who ..., said". Find the nearest
		// capitalised name before the clause, within a short window.
		for j := i - 1; j >= lo && j >= i-25; j-- {
			if toks[j].Lower == "“" || toks[j].Lower == "”" || toks[j].Lower == "\"" {
				break
			}
			if isUpperWord(txt, toks[j]) && isWord(toks[j]) && (j == lo || toks[j-1].Lower == "," || toks[j-1].Lower == "“" || !isUpperWord(txt, toks[j-1])) {
				// j is the start of a capitalised run; accept it only if the run
				// is directly followed by the comma that opens the clause.
				end := j
				for end+1 < i && (isUpperWord(txt, toks[end+1]) || toks[end+1].Lower == "." || connectors[toks[end+1].Lower] && end+2 < i && isUpperWord(txt, toks[end+2])) {
					end++
				}
				if end+1 < len(toks) && toks[end+1].Lower == "," && (j == lo || !isSentenceStartWord(toks[j].Lower) || end > j) {
					sp := nameBack(txt, toks, lo, end)
					if sp.Found && end+1 == i {
						// The name ends the appositive ("Jane Doe,
						// spokeswoman for Acme Corp, said"): the subject
						// is the name before the appositive.
						if h := appositiveHead(txt, toks, lo, sp.Span.Start); h.Found {
							return h
						}
						if h := asideHead(txt, toks, lo, i); h.Found && h.Span.End < sp.Span.Start {
							// "X, who … in February, blasted", "X, the
							// minister of F, a member of the Council,
							// said": the name that opens the clause.
							return h
						}
					}
					if sp.Found {
						return sp
					}
				}
			}
			if toks[j].Lower == "." || toks[j].Lower == ";" {
				break
			}
		}
		if t.Lower == ")" {
			// "Acme Industries (AI) said": the subject before the
			// parenthesis.
			for j := i - 1; j > lo && i-j <= 6; j-- {
				if toks[j].Lower == "(" {
					if sub := subjectBefore(txt, toks, lo, j); sub.Found {
						return sub
					}
					break
				}
			}
		} else {
			// "The firm, which …, said": a nominal before a relative
			// clause.
			for j := i - 1; j > lo+1 && i-j <= 25; j-- {
				if w := toks[j].Lower; (w == "who" || w == "which") && toks[j-1].Lower == "," {
					if sub := subjectBefore(txt, toks, lo, j-1); sub.Found && sub.Kind == accord.MentionNominal {
						return sub
					}
					break
				}
				if w := toks[j].Lower; w == "." || w == ";" || isMarkTok(w) {
					break
				}
			}
		}
		return subject{}
	}
	if isUpperWord(txt, t) && isWord(t) {
		n := nameBack(txt, toks, lo, i)
		if n.Found && notName[t.Lower] && n.Span.Start == t.Start {
			// "X unleashed tweets early Friday saying …": a day or
			// month is no speaker.
			return subject{}
		}
		if h := roleOf(txt, toks, lo, n.Span.Start); n.Found && h >= 0 {
			// "a spokeswoman for Acme Corp said": the role is the speaker.
			return subject{Span: accord.Span{Start: toks[h].Start, End: t.End}, Kind: accord.MentionNominal, Found: true}
		}
		return n
	}
	if isWord(t) && !determiners[t.Lower] && !connectors[t.Lower] && !nonNominal[t.Lower] {
		// Nominal: "the official", "the Clinton campaign", "officials";
		// it must start at a determiner, or be a bare agent noun.
		j := i
		det := false
		for j-1 >= lo && i-j < 12 {
			w := toks[j-1]
			if j-2 >= lo && (connectors[w.Lower] || w.Lower == ",") && isUpperWord(txt, toks[j]) && isUpperWord(txt, toks[j-2]) && isWord(toks[j-2]) {
				// Inside an organisation's name: "a Department for Work
				// and Pensions spokeswoman", "Media, Culture and Sport".
				j--
				continue
			}
			if !isWord(w) || pronouns[w.Lower] != "" && !determiners[w.Lower] || isCueWord(w.Lower) || nonNominal[w.Lower] {
				break
			}
			if i-j >= 4 && !isUpperWord(txt, w) && !determiners[w.Lower] {
				break // past four words, only a name's words
			}
			j--
			if determiners[w.Lower] {
				det = true
				break
			}
			if isPossessive(w.Lower) && isUpperWord(txt, w) {
				// "Mr Smith's official spokesman": the owner's name is the
				// determiner.
				if n := nameBack(txt, toks, lo, j); n.Found {
					j = tokensIn(toks, accord.Span{Start: n.Span.Start, End: n.Span.Start + 1}).a
				}
				det = true
				break
			}
		}
		if !det {
			if !likelyNominalHead(t.Lower) {
				return subject{}
			}
			j = i
			if i-1 >= lo && isUpperWord(txt, toks[i-1]) && isWord(toks[i-1]) {
				// "Clinton aides said"
				j = i - 1
			}
		}
		return subject{Span: accord.Span{Start: toks[j].Start, End: t.End}, Kind: accord.MentionNominal, Found: true}
	}
	return subject{}
}

// passiveCue reports whether the cue at token cue is a passive participle
// after a form of "be" among tokens [a, cue) and before "to" or "as": "The
// meeting is said to be …", "the plan was described as …": the subject is
// not the speaker ("she was quoted as saying" is).
func passiveCue(toks []accord.Token, a, cue int) bool {
	if cue >= len(toks) || cue <= a {
		return false
	}
	w := toks[cue].Lower
	if w == "quoted" || !(w == "said" || w == "told" || strings.HasSuffix(w, "ed")) {
		return false
	}
	if w == "expected" || cue+2 < len(toks) && toks[cue+1].Lower == "as" && strings.HasSuffix(toks[cue+2].Lower, "ing") {
		return false // "X is expected to tell", "X is reported as saying"
	}
	if cue+2 < len(toks) && toks[cue+1].Lower == "to" && (toks[cue+2].Lower == "have" || isCue(toks[cue+2].Lower)) {
		return false // "X is reported to have suggested", "X is said to believe": X speaks
	}
	if cue+1 >= len(toks) || toks[cue+1].Lower != "to" && toks[cue+1].Lower != "as" {
		// "he was asked what …" answers next: only the raising forms
		// ("is said to", "is described as") leave the subject out.
		return false
	}
	for k := a; k < cue; k++ {
		switch toks[k].Lower {
		case "is", "was", "are", "were", "be", "been", "being":
			return true
		}
	}
	return false
}

// appositiveHead reads the name before an appositive that ends at the
// name starting at offset at: "Jane Doe, spokeswoman for Acme Corp" ->
// "Jane Doe", when the words between the comma after the head and the name
// start in lower case (a role or a determiner), at most eight tokens.
func appositiveHead(txt string, toks []accord.Token, lo, at int) subject {
	k := tokensIn(toks, accord.Span{Start: at, End: at}).a
	c := k - 1
	for c > lo && k-c <= 8 && toks[c].Lower != "," {
		if toks[c].Lower == "." || toks[c].Lower == ";" || !isWord(toks[c]) && toks[c].Lower != "'s" && toks[c].Lower != "’s" {
			return subject{}
		}
		c--
	}
	if c <= lo || toks[c].Lower != "," || c+1 >= k || isUpperWord(txt, toks[c+1]) || !isWord(toks[c+1]) {
		return subject{}
	}
	h := c - 1
	if !isUpperWord(txt, toks[h]) || !isWord(toks[h]) {
		return subject{}
	}
	n := nameBack(txt, toks, lo, h)
	// The head opens the clause ("But Jane Doe, …"), not "In London, …".
	for b := tokensIn(toks, accord.Span{Start: n.Span.Start, End: n.Span.Start}).a - 1; b >= lo; b-- {
		if !isSentenceStartWord(toks[b].Lower) {
			return subject{}
		}
	}
	return n
}

// asideHead reads the name that opens the clause [lo, i) and is followed
// by the comma of an aside running to the comma at token i: "Jane Doe, who
// has … since February," or "Jane Doe, the minister of F, a member of the
// Council,". The clause may open with a conjunction or with a short opening
// phrase closed by a comma ("In a statement, Jane Doe, …"). The aside holds
// no cue, no sentence end and no quotation mark.
func asideHead(txt string, toks []accord.Token, lo, i int) subject {
	starts := []int{lo}
	for k := lo; k < i && k <= lo+8; k++ {
		if toks[k].Lower == "," {
			if !isUpperWord(txt, toks[lo]) || isSentenceStartWord(toks[lo].Lower) || nonNominal[toks[lo].Lower] {
				starts = append(starts, k+1)
			}
			break
		}
	}
	for _, a := range starts {
		for a < i && (toks[a].Lower == "but" || toks[a].Lower == "and" || toks[a].Lower == "yet" || toks[a].Lower == "so") {
			a++
		}
		if a >= i || !isUpperWord(txt, toks[a]) || !isWord(toks[a]) || isSentenceStartWord(toks[a].Lower) || nonNominal[toks[a].Lower] {
			continue
		}
		e := a
		for e+1 < i && (isUpperWord(txt, toks[e+1]) && isWord(toks[e+1]) || toks[e+1].Lower == "." && e+2 < i && isUpperWord(txt, toks[e+2])) {
			e++
		}
		if e+1 >= i || toks[e+1].Lower != "," || isPossessive(toks[e].Lower) {
			continue
		}
		ok := true
		for k := e + 2; k < i; k++ {
			if w := toks[k].Lower; w == "." && !abbrevBefore(txt, toks, k) || w == ";" || isMarkTok(w) || isCueWord(w) {
				ok = false
				break
			}
		}
		if ok {
			return subject{Span: accord.Span{Start: toks[a].Start, End: toks[e].End}, Kind: accord.MentionName, Found: true}
		}
	}
	return subject{}
}

// roleOf returns the token where a nominal of the form "a spokeswoman for",
// "the head of" starts right before the name at offset at (the preposition,
// one to three lower-case words, a determiner), or -1.
func roleOf(txt string, toks []accord.Token, lo, at int) int {
	k := tokensIn(toks, accord.Span{Start: at, End: at}).a - 1
	if k >= lo && toks[k].Lower == "the" {
		k--
	}
	if k-2 < lo {
		return -1
	}
	switch toks[k].Lower {
	case "for", "of", "at":
	default:
		return -1
	}
	for j := k - 1; j >= lo && k-j <= 4; j-- {
		w := toks[j]
		if determiners[w.Lower] && j < k-1 {
			return j
		}
		if !isWord(w) || isUpperWord(txt, w) || isCueWord(w.Lower) || nonNominal[w.Lower] || pronouns[w.Lower] != "" {
			return -1
		}
	}
	return -1
}

func isPossessive(w string) bool {
	return len(w) > 3 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s"))
}

func isCueWord(w string) bool { return cueStrength(w) >= strongCue }

// likelyNominalHead: a bare plural or agent noun can be a speaker by itself
// ("officials said", "critics say").
func likelyNominalHead(w string) bool {
	return len(w) > 3 && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "er") || strings.HasSuffix(w, "or") || strings.HasSuffix(w, "ist"))
}

func isSentenceStartWord(w string) bool {
	switch w {
	case "the", "but", "and", "in", "on", "at", "as", "if", "when", "while", "after", "before", "this", "that", "it", "for", "a", "an", "so", "yet", "still":
		return true
	}
	return false
}

// nameBack extends a capitalised name ending at token end backwards.
func nameBack(txt string, toks []accord.Token, lo, end int) subject {
	j := end
	for j-1 >= lo {
		w := toks[j-1]
		if isUpperWord(txt, w) && isWord(w) {
			j--
			continue
		}
		if (connectors[w.Lower] || w.Lower == ".") && j-2 >= lo && isUpperWord(txt, toks[j-2]) {
			j--
			continue
		}
		break
	}
	// Possessive or nominal head after the name ("the Clinton campaign") is
	// handled by the caller; here drop a sentence-initial function word.
	for j < end && isSentenceStartWord(toks[j].Lower) {
		j++
	}
	if j > end {
		return subject{}
	}
	// "the Clinton campaign said" -> nominal with a name inside; "The US said".
	sp := accord.Span{Start: toks[j].Start, End: toks[end].End}
	if j-1 >= lo && (toks[j-1].Lower == "the") {
		sp.Start = toks[j-1].Start
	}
	return subject{Span: sp, Kind: accord.MentionName, Found: true}
}

// subjectAfter reads the speaker phrase right after the cue at token cue:
// "said Smith", "says US Deputy Secretary of State John Doe", "said the
// official", "said he".
func subjectAfter(txt string, toks []accord.Token, cue, hi int) subject {
	i := cue + 1
	for i < hi && (toks[i].Lower == "to" || toks[i].Lower == "by") && i == cue+1 {
		i++
	}
	if i >= hi {
		return subject{}
	}
	t := toks[i]
	if _, ok := pronouns[t.Lower]; ok {
		return subject{Span: t.Span, Kind: accord.MentionPronoun, Found: true}
	}
	if !isUpperWord(txt, t) && !determiners[t.Lower] {
		// "said flood widow Jane Roe", "according to conservative talk
		// radio host John Doe": a few lower-case words, then a name.
		for k := i + 1; k < hi && k <= i+5; k++ {
			w := toks[k]
			if w.Lower == "," || w.Lower == "." || w.Lower == ";" || w.Lower == "“" || w.Lower == "\"" {
				break
			}
			if isUpperWord(txt, w) && isWord(w) {
				i, t = k, w
				break
			}
		}
	}
	if isUpperWord(txt, t) && isWord(t) {
		j := i
		for j+1 < hi {
			w := toks[j+1]
			if isUpperWord(txt, w) && isWord(w) || w.Lower == "." && j+2 < hi && isUpperWord(txt, toks[j+2]) && len(toks[j].Lower) <= 3 {
				j++
				continue
			}
			if connectors[w.Lower] && j+2 < hi && isUpperWord(txt, toks[j+2]) {
				j++
				continue
			}
			// "’s" possessive: "Trump’s campaign" is nominal.
			break
		}
		if isPossessive(toks[j].Lower) {
			// "said Acme's agent Jane Doe": the person after the owner's
			// role; else the role itself ("said Acme's agent").
			k := j + 1
			for k < hi && k-j <= 3 && isWord(toks[k]) && !isUpperWord(txt, toks[k]) && !nonNominal[toks[k].Lower] {
				k++
			}
			if k > j+1 {
				if k < hi && isUpperWord(txt, toks[k]) && isWord(toks[k]) {
					e := k
					for e+1 < hi && isUpperWord(txt, toks[e+1]) && isWord(toks[e+1]) {
						e++
					}
					return subject{Span: accord.Span{Start: toks[k].Start, End: toks[e].End}, Kind: accord.MentionName, Found: true}
				}
				return subject{Span: accord.Span{Start: t.Start, End: toks[k-1].End}, Kind: accord.MentionNominal, Found: true}
			}
		}
		// "White House press secretary Jane Doe", "Kremlin spokesman John
		// Doe": an organization, lower-case role words, then the person.
		if k := j + 1; k < hi && roleWords[toks[k].Lower] && !isUpperWord(txt, toks[k]) {
			for k+1 < hi && k-j < 3 && roleWords[toks[k+1].Lower] && !isUpperWord(txt, toks[k+1]) {
				k++
			}
			if k+1 < hi && isUpperWord(txt, toks[k+1]) && isWord(toks[k+1]) {
				e := k + 1
				for e+1 < hi && isUpperWord(txt, toks[e+1]) && isWord(toks[e+1]) {
					e++
				}
				return subject{Span: accord.Span{Start: t.Start, End: toks[e].End}, Kind: accord.MentionName, Found: true}
			}
		}
		if toks[cue].Lower == "according" {
			// "according to US intelligence, …": the name only modifies
			// the source, read in full up to its comma.
			k := j + 1
			for k < hi && k-j <= 3 && isWord(toks[k]) && !isUpperWord(txt, toks[k]) && !nonNominal[toks[k].Lower] && !isCueWord(toks[k].Lower) {
				k++
			}
			if k > j+1 && k < hi && toks[k].Lower == "," {
				return subject{Span: accord.Span{Start: t.Start, End: toks[k-1].End}, Kind: accord.MentionNominal, Found: true}
			}
		}
		return subject{Span: accord.Span{Start: t.Start, End: toks[j].End}, Kind: accord.MentionName, Found: true}
	}
	if determiners[t.Lower] {
		j := i
		for j+1 < hi && j-i < 6 {
			w := toks[j+1]
			if !isWord(w) || isCueWord(w.Lower) || w.Lower == "in" || w.Lower == "on" || w.Lower == "at" || w.Lower == "who" || w.Lower == "that" {
				break
			}
			j++
		}
		if j > i {
			return subject{Span: accord.Span{Start: t.Start, End: toks[j].End}, Kind: accord.MentionNominal, Found: true}
		}
	}
	return subject{}
}

// stripRoles narrows a capitalised name phrase to the name itself: "US Deputy
// Secretary of State John Doe" -> "John Doe". It keeps the phrase when
// nothing would remain.
func stripRoles(txt string, sp accord.Span) accord.Span {
	if sp.Start < 0 || sp.End > len(txt) || sp.Start >= sp.End {
		return sp
	}
	s := txt[sp.Start:sp.End]
	// Walk words; the name is the run after the last role word or connector.
	last := 0
	pos := 0
	for _, f := range strings.Fields(s) {
		idx := strings.Index(s[pos:], f)
		if idx < 0 {
			break
		}
		start := pos + idx
		pos = start + len(f)
		lw := strings.ToLower(strings.TrimRight(f, ".,"))
		if roleWords[lw] || connectors[lw] || lw == "the" {
			last = pos
		}
	}
	rest := trimSpace(txt, accord.Span{Start: sp.Start + last, End: sp.End})
	if rest.Len() == 0 {
		return sp
	}
	return rest
}
