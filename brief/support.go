package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
)

// minCoverage is the share of a statement's content words that one
// document's own passage must hold for the brief to cite that document for
// the statement, both over all its content words and over its lower-case
// ones (what is said happened, beside the names). The claims stage links
// documents by event and speaker; a document whose passage shares only names
// ("Russia", "the United States") with the statement reports something else
// and is not cited for it.
const (
	minCoverage      = 0.35
	minLowerCoverage = 0.4
)

// maxChecked bounds the documents checked per claim (a corroborated claim
// needs only a few independent ones).
const maxChecked = 64

// keyer folds the spellings of one word, with a cache (lemma look-ups).
type keyer map[string]string

// key: lower case, no possessive, no hyphen ("co-operation" =
// "cooperation"), its first lemma when the table knows one ("talks" =
// "talk", "began" = "begin").
func (k keyer) key(w string) string {
	if v, ok := k[w]; ok {
		return v
	}
	v := strings.ToLower(w)
	v = strings.TrimSuffix(strings.TrimSuffix(v, "'s"), "’s")
	v = strings.ReplaceAll(v, "-", "")
	if ls := lexicon.Lemmas(v); len(ls) > 0 {
		v = ls[0]
	}
	k[w] = v
	return v
}

// stmtWord is one content word of a statement: its key and whether it is
// written with a capital (a name or a title).
type stmtWord struct {
	key  string
	name bool
}

func (k keyer) statementWords(s string) []stmtWord {
	var out []stmtWord
	seen := map[string]bool{}
	for _, t := range text.Tokens(s, accord.Span{Start: 0, End: len(s)}) {
		r, _ := utf8.DecodeRuneInString(s[t.Start:t.End])
		if !text.IsWordRune(r) || text.IsStopword(t.Lower) {
			continue
		}
		kw := k.key(t.Lower)
		if kw == "" || seen[kw] {
			continue
		}
		seen[kw] = true
		out = append(out, stmtWord{key: kw, name: unicode.IsUpper(r) || unicode.IsDigit(r)})
	}
	return out
}

// covers reports whether the passage states the statement, or what the
// passage says is part of the statement (and it says more than names).
// Forward: at least minCoverage of
// the statement's content words are in the passage, and minLowerCoverage of
// its lower-case ones when it has two or more. Backward (a shorter report of
// part of it: "the driver fled the scene"): half the passage's content words,
// and half its lower-case ones, are in the statement. With related set, a
// WordNet-related word counts too (a machine rewrite says "distinction" for
// "difference").
func (k keyer) covers(stmt []stmtWord, passage string, related bool) bool {
	if len(stmt) == 0 {
		return false
	}
	pw := k.statementWords(passage)
	if k.share(stmt, pw, related, minCoverage, minLowerCoverage, false) {
		return true
	}
	return k.share(pw, stmt, related, 0.5, 0.5, true)
}

// share reports whether the words of a found in b reach min of a's words
// and minLow of its lower-case ones (when a has two or more; with needLow, a
// must have two or more: names alone say nothing happened).
func (k keyer) share(a, b []stmtWord, related bool, min, minLow float64, needLow bool) bool {
	if len(a) == 0 {
		return false
	}
	have := make(map[string]bool, len(b))
	for _, w := range b {
		have[w.key] = true
	}
	n, low, lowN := 0, 0, 0
	for _, w := range a {
		hit := have[w.key]
		if !hit && related && len(w.key) > 2 {
			for _, p := range b {
				if len(p.key) > 2 && lexicon.Related(w.key, p.key) {
					hit = true
					break
				}
			}
		}
		if !w.name {
			low++
		}
		if hit {
			n++
			if !w.name {
				lowN++
			}
		}
	}
	if float64(n) < min*float64(len(a)) {
		return false
	}
	if low < 2 {
		return !needLow
	}
	return float64(lowN) >= minLow*float64(low)
}

// supportingDocs returns the claim's documents whose own evidence states the
// claim, in the claim's order (at most maxChecked are checked). A document
// with no evidence span is checked against its sentences. spunFrom maps a
// machine-spun copy to the documents it rewrites: its passage may state the
// claim in related words, but only when a document it rewrites states it in
// the claim's own words.
func (k keyer) supportingDocs(c *accord.Corpus, cl accord.Claim, spunFrom map[string][]string) []string {
	stmt := k.statementWords(cl.Statement)
	ev := map[string][]evPassage{}
	for _, e := range cl.Evidence {
		ev[e.Document] = append(ev[e.Document], evPassage{e.Text, accord.Span{Start: e.Start, End: e.End}})
	}
	docs := cl.Documents
	if len(docs) > maxChecked {
		docs = docs[:maxChecked]
	}
	passages := func(id string) []evPassage {
		if ps := ev[id]; len(ps) > 0 {
			return ps
		}
		var ps []evPassage
		if d := c.Doc(id); d != nil {
			for _, s := range d.Sentences {
				ps = append(ps, evPassage{d.Slice(s), s})
			}
		}
		return ps
	}
	facts := k.statementFacts(c, cl)
	ok := map[string]bool{}
	check := func(id string, related bool) {
		d := c.Doc(id)
		for _, p := range passages(id) {
			if k.covers(stmt, p.text, related) && (d == nil || facts.agree(k, d, p.sp)) {
				ok[id] = true
				return
			}
		}
	}
	for _, id := range docs {
		check(id, false)
	}
	for _, id := range docs {
		if ok[id] {
			continue
		}
		for _, src := range spunFrom[id] {
			if ok[src] {
				check(id, true)
				break
			}
		}
	}
	var out []string
	for _, id := range docs {
		if ok[id] {
			out = append(out, id)
		}
	}
	return out
}

// evPassage is a document's passage for a claim: its text and span.
type evPassage struct {
	text string
	sp   accord.Span
}

// stmtFacts are what a passage must not contradict to be cited for a
// statement: its figures and the people it names.
type stmtFacts struct {
	figures []anchor
	names   []nameKey // the participants it names (nameKeys), when a tagger ran
}

// statementFacts reads the statement's figures and people in the document
// it comes from.
func (k keyer) statementFacts(c *accord.Corpus, cl accord.Claim) stmtFacts {
	var f stmtFacts
	src := sourceSpan(cl)
	if src == nil {
		return f
	}
	d := c.Doc(src.Document)
	if d == nil || src.End > len(d.Text) || src.Start >= src.End {
		return f
	}
	f.figures = anchors(d, src.Start, src.End, "figure")
	if keys, tagged := nameKeys(d, accord.Span{Start: src.Start, End: src.End}, false); tagged {
		f.names = append(keys, goesOnFrom(d, accord.Span{Start: src.Start, End: src.End}, keys)...)
	}
	return f
}

// agree reports whether d's passage at sp reports the statement's figures
// and people or companies, as far as it names any. A passage giving another figure of
// the same kind for one of the statement's ("£152,879" for an average house
// price of "£162,086", "two changes" for "four changes", "$91m" for
// "$121.9m", even beside a "top 12 films" both give) reports something
// else; a passage naming only other people ("Euan Murray" for "Imanol
// Harinordoquy") is about them. Words alone (the coverage test) cannot
// tell these apart.
func (f stmtFacts) agree(k keyer, d *accord.Document, sp accord.Span) bool {
	if sp.End <= sp.Start || sp.End > len(d.Text) {
		return true
	}
	if len(f.figures) > 0 {
		theirs := anchors(d, sp.Start, sp.End, "figure")
		for _, m := range f.figures {
			same, other := false, false
			for _, a := range theirs {
				if sameAnchor(k, m, a) {
					same = true
				} else if sameThing(k, m, a) {
					other = true
				}
			}
			if other && !same {
				return false
			}
		}
	}
	return f.sameSubjects(d, sp)
}

// subjectTypes are the participants a statement is about: a passage naming
// people (or companies, bodies) none of whom the statement names, when it
// names some, is about them ("American Motors Corp said its February U.S.
// car output declined" for General Motors' output).
var subjectTypes = []string{"PERSON", "ORG"}

// sameSubjects reports whether d's passage at sp, for each subject type
// the statement names, names none of that type or one the statement names
// (by canonical entity where linked; of any type: taggers disagree on a
// name's type).
func (f stmtFacts) sameSubjects(d *accord.Document, sp accord.Span) bool {
	if len(f.names) == 0 {
		return true
	}
	theirs, _ := nameKeys(d, sp, false)
	theirs = append(theirs, goesOnFrom(d, sp, theirs)...)
	for _, typ := range subjectTypes {
		if t := ofType(theirs, typ); len(ofType(f.names, typ)) > 0 && len(t) > 0 && !sharesName(f.names, t) {
			return false
		}
	}
	return true
}

// goesOnFrom are the companies and bodies (ORG) of the sentence before the
// passage at sp when the passage's names (keys) name no one: a passage
// naming no company or person goes on from the sentence before it ("American Motors
// Corp said its February" / "U.S. car output declined to ...", a line the
// splitter cut; "It said output declined ..."). Not people: a sentence
// naming no one often follows one about someone else.
func goesOnFrom(d *accord.Document, sp accord.Span, keys []nameKey) []nameKey {
	i := d.SentenceAt(sp.Start)
	if i <= 0 {
		return nil
	}
	if len(ofType(keys, "ORG")) > 0 || len(ofType(keys, "PERSON")) > 0 {
		return nil
	}
	before, _ := nameKeys(d, d.Sentences[i-1], false)
	return ofType(before, "ORG")
}
