// Package entities finds the people, organizations, places and other named
// things in each document (a named-entity tagger trained here, see
// internal/train), the titles given to people (roles), links mentions within a
// document (coreference: names, role nouns, pronouns), and groups them across
// documents into canonical entities.
//
// The tagger is an averaged structured perceptron (Collins) over word,
// shape, affix, context, word-cluster and gazetteer features and the
// previous tag, decoded per sentence by first-order Viterbi over BIO-allowed
// tag pairs, with a document-history feature from earlier sentences. Its
// model is embedded (model.bin.gz) and loaded once, on first use; greedy
// models (ACCORDNER4) still load and decode as they did.
package entities

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
)

//go:generate go run ./internal/train -data /work/shared/data -first-order -strip-suffixes -epochs 8 -select last -out model.bin.gz -gender gender.tsv -clusters /tmp/accord-ner-clusters.tsv

//go:embed model.bin.gz
var modelData []byte

var (
	modelOnce sync.Once
	model     *Model
	modelErr  error
)

// DefaultModel returns the embedded model, loading it on first use.
func DefaultModel() (*Model, error) {
	modelOnce.Do(func() { model, modelErr = ReadModel(modelData) })
	return model, modelErr
}

// Tagger is the per-document stage: NER, roles and within-document
// coreference. It is safe for concurrent use.
type Tagger struct{}

// New returns the tagger stage.
func New() *Tagger { return &Tagger{} }

// Name implements accord.DocStage.
func (*Tagger) Name() string { return "entities" }

// word is one model token: a document token, or a piece of one (a
// possessive "'s" is split off its noun, as in the training data).
type word struct {
	accord.Span
	text string
}

// Annotate implements accord.DocStage.
func (t *Tagger) Annotate(d *accord.Document) error {
	m, err := DefaultModel()
	if err != nil {
		return err
	}
	sents := docWords(d)
	d.Mentions = d.Mentions[:0]
	d.Roles = d.Roles[:0]
	if len(sents) == 0 {
		return nil
	}
	ms := make([]*Sentence, len(sents))
	for i, s := range sents {
		ws := make([]string, len(s))
		for j, w := range s {
			ws[j] = modelForm(w.text)
		}
		ms[i] = NewSentence(ws, m.gaz)
	}
	headline := false
	// A headline in title case ("Trump Was Mocking Clinton Camp") carries no
	// case information: the first line, when it is one, is read as the model
	// reads headlines in capitals.
	if len(ms) > 0 && len(d.Paragraphs) > 1 && len(sents[0]) > 0 && sents[0][len(sents[0])-1].End <= d.Paragraphs[0].End && titleCase(ms[0].Words) {
		ms[0].AllCaps = true
		headline = true
	}
	tags := m.Tag(ms)
	a := &annotator{d: d, sents: sents, tags: tags, headline: headline}
	a.names()
	a.dropFragments()
	a.roles()
	a.coref()
	return nil
}

// docWords returns the model tokens of each sentence.
func docWords(d *accord.Document) [][]word {
	toks := d.Tokens
	if len(toks) == 0 && d.Text != "" {
		toks = text.Tokens(d.Text, accord.Span{Start: 0, End: len(d.Text)})
	}
	sents := d.Sentences
	if len(sents) == 0 && len(toks) > 0 {
		sents = []accord.Span{{Start: 0, End: len(d.Text)}}
	}
	var out [][]word
	ti := 0
	for _, s := range sents {
		var ws []word
		for ti < len(toks) && toks[ti].Start < s.Start {
			ti++
		}
		for ; ti < len(toks) && toks[ti].End <= s.End; ti++ {
			tk := toks[ti]
			if tk.Start < 0 || tk.End > len(d.Text) || tk.Start >= tk.End {
				continue
			}
			w := d.Text[tk.Start:tk.End]
			if ti+1 < len(toks) && toks[ti+1].Start == tk.End && toks[ti+1].End <= s.End {
				nx := d.Text[toks[ti+1].Start:toks[ti+1].End]
				// An initial or a short capitalised abbreviation and its period
				// are one word ("P. Simmons", "St. Louis"), unless the period
				// ends the sentence.
				if nx == "." && (isInitial(w) || isAbbrevLike(w) && ti+2 < len(toks) && toks[ti+2].End <= s.End) {
					ti++
					ws = append(ws, word{accord.Span{Start: tk.Start, End: toks[ti].End}, w + "."})
					continue
				}
				// A clitic split off by the tokenizer: "'" + "s" -> "'s".
				if (w == "'" || w == "’") && clitics[strings.ToLower(nx)] {
					ti++
					ws = append(ws, word{accord.Span{Start: tk.Start, End: toks[ti].End}, w + nx})
					continue
				}
			}
			if p := possessive(w); p > 0 {
				ws = append(ws, word{accord.Span{Start: tk.Start, End: tk.Start + p}, w[:p]},
					word{accord.Span{Start: tk.Start + p, End: tk.End}, w[p:]})
				continue
			}
			ws = append(ws, word{tk.Span, w})
			if len(ws) >= 400 { // guard pathological "sentences"
				out = append(out, ws)
				ws = nil
			}
		}
		if len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
}

var typographic = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "„", "\"", "«", "\"", "»", "\"", "–", "-", "—", "--")

// modelForm is the word as the model sees it: typographic quotes and dashes
// as the ASCII forms of the training data.
func modelForm(w string) string {
	if strings.IndexFunc(w, func(r rune) bool { return r >= 0x2000 || r == '«' || r == '»' }) < 0 {
		return w
	}
	return typographic.Replace(w)
}

var clitics = set("s", "m", "ll", "ve", "re", "d", "t")

func isAbbrevLike(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= 2 && n <= 4 && firstUpper(w) && !isAllUpper(w)
}

func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// possessive returns the byte offset of a trailing 's / ’s, or 0.
func possessive(w string) int {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}

type annotator struct {
	d     *accord.Document
	sents [][]word
	tags  [][]int
	// per name mention: sentence index and word range
	loc []mloc
	// appositive role phrases, nominal mentions of their holder
	nominals []nominalRef
	// headline: sentence 0 is a title-case headline
	headline bool
	// expOf: the acronym a name's words spell loosely (expandAcronyms), by
	// the name's place
	expOf map[mloc]string
}

type nominalRef struct {
	span   accord.Span
	holder int
}

type mloc struct{ s, i, j int }

// names turns BIO tags into name mentions with fine types.
func (a *annotator) names() {
	order := make([]int, len(a.tags))
	for i := range order {
		order[i] = i
	}
	if a.headline && len(order) > 1 {
		// The headline last, so that it can borrow the body's names.
		order = append(order[1:], 0)
	}
	for _, si := range order {
		ts := a.tags[si]
		var cs []span
		start, cls := -1, 0
		for i := 0; i <= len(ts); i++ {
			t := tagO
			if i < len(ts) {
				t = ts[i]
			}
			if start >= 0 && (t == tagO || isBegin(t) || tagClass(t) != cls) {
				cs = append(cs, span{start, i, cls})
				start = -1
			}
			if t != tagO && start < 0 {
				start, cls = i, tagClass(t)
			}
		}
		cs = a.repair(si, cs)
		cs = a.dropInitialWords(si, cs)
		cs = a.extendGeneric(si, cs)
		cs = a.quotedWorks(si, cs)
		if a.headline && si == 0 && len(order) > 1 {
			cs = a.projectHeadline(cs)
		}
		for _, c := range cs {
			for _, b := range balanceBrackets(a.sents[si], c) {
				a.addName(si, b.i, b.j, b.cls)
			}
		}
	}
}

// projectHeadline re-reads a title-case headline (sentence 0) with the
// names of the body: a word run that is a body name (or a person's surname)
// gets that name's class; the tagger's own headline names are kept only
// where they are known names (body or gazetteer).
func (a *annotator) projectHeadline(cs []span) []span {
	known := map[string]int{}
	for mi, l := range a.loc {
		if l.s == 0 {
			continue
		}
		cls := classOfType(a.d.Mentions[mi].Type)
		t := strings.ToLower(a.d.Mentions[mi].Text)
		known[t] = cls
		if cls == clsPER {
			if f := strings.Fields(t); len(f) > 1 {
				if _, ok := known[f[len(f)-1]]; !ok {
					known[f[len(f)-1]] = clsPER
				}
			}
		}
	}
	ws := a.sents[0]
	var out []span
	covered := make([]bool, len(ws))
	for i := 0; i < len(ws); {
		best, bcls := 0, 0
		t := ""
		for n := 1; n <= 5 && i+n <= len(ws); n++ {
			if n > 1 {
				t += " "
			}
			t += strings.ToLower(ws[i+n-1].text)
			if c, ok := known[t]; ok && firstUpper(ws[i].text) {
				best, bcls = n, c
			}
		}
		if best == 0 {
			i++
			continue
		}
		out = append(out, span{i, i + best, bcls})
		for k := i; k < i+best; k++ {
			covered[k] = true
		}
		i += best
	}
	m, _ := DefaultModel()
	for _, c := range cs {
		overlap := false
		for k := c.i; k < c.j; k++ {
			if covered[k] {
				overlap = true
			}
		}
		if overlap {
			continue
		}
		lows := make([]string, 0, c.j-c.i)
		for k := c.i; k < c.j; k++ {
			lows = append(lows, strings.ToLower(ws[k].text))
		}
		if m != nil && m.gaz != nil {
			if _, ok := m.gaz.entries[strings.Join(lows, " ")]; ok {
				out = append(out, c)
			}
		}
	}
	sortSpans(out)
	return out
}

func classOfType(t string) int {
	switch t {
	case "PERSON":
		return clsPER
	case "ORG":
		return clsORG
	case "GPE", "LOC":
		return clsLOC
	}
	return clsMISC
}

func (a *annotator) addName(si, i, j, cls int) {
	ws := a.sents[si]
	// Trim punctuation at the edges (a model error, never a name part), but
	// for a bracket the name opens ("Vala ( L )": balanceBrackets).
	for i < j && !hasLetterOrDigit(ws[i].text) {
		i++
	}
	for j > i && !hasLetterOrDigit(ws[j-1].text) && !(ws[j-1].text == ")" && j-i > 2 && ws[j-3].text == "(") {
		j--
	}
	if i >= j {
		return
	}
	sp := accord.Span{Start: ws[i].Start, End: ws[j-1].End}
	txt := a.d.Text[sp.Start:sp.End]
	if !hasUpper(txt) && !hasDigit(txt) {
		return
	}
	lows := make([]string, j-i)
	for k := i; k < j; k++ {
		lows[k-i] = strings.ToLower(ws[k].text)
	}
	a.d.Mentions = append(a.d.Mentions, accord.Mention{
		Span: sp, Text: txt, Type: fineType(cls, lows), Kind: accord.MentionName, Chain: -1,
	})
	a.loc = append(a.loc, mloc{si, i, j})
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func firstUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// titleCase: at least four words of four or more letters, all but at most
// one of them capitalised, and no sentence-final period.
func titleCase(words []string) bool {
	long, lower := 0, 0
	for _, w := range words {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		long++
		if !unicode.IsUpper(r) {
			lower++
		}
	}
	if n := len(words); n > 0 && words[n-1] == "." {
		return false
	}
	return long >= 4 && lower <= 1 && lower*5 < long
}

// dropInitialWords drops a one-word place or MISC name that opens a
// sentence (after any opening quotes) when nothing but its position says it
// is a name: the gazetteer and the name-part lists do not know it, news
// rarely or never capitalises it inside a sentence, and the document never
// writes it capitalised inside a sentence ("'Thunder over the
// harbour'").
func (a *annotator) dropInitialWords(si int, cs []span) []span {
	ws := a.sents[si]
	m, _ := DefaultModel()
	if m == nil || m.gaz == nil || len(cs) == 0 {
		return cs
	}
	out := cs[:0]
	for _, c := range cs {
		if a.sentenceAdverb(si, c, m.gaz) {
			continue
		}
		if c.j-c.i == 1 && (c.cls == clsLOC || c.cls == clsMISC) && a.opensSentence(si, c.i) {
			w := ws[c.i].text
			l := strings.ToLower(w)
			if w == l || isAllUpper(w) || strings.ContainsRune(w, '-') {
				out = append(out, c) // a dateline, a compound: not this case
				continue
			}
			if m.gaz.caps[l] <= 1 && m.gaz.entries[l] == 0 && m.gaz.nameParts[l] == 0 && !demonymLike(l) && !a.capitalisedInside(ws[c.i].text) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// sentenceAdverb: a one-word name opening a sentence before a comma that
// is a dictionary adverb in -ly ("Conversely, Jane Roe said …" read
// "Conversely" as a person, "Interestingly, …" as an organisation), known
// as no name part and nowhere capitalised inside a sentence of the
// document (not "Kelly, …").
func (a *annotator) sentenceAdverb(si int, c span, g *Gazetteer) bool {
	ws := a.sents[si]
	if c.j-c.i != 1 || c.j >= len(ws) || ws[c.j].text != "," || !a.opensSentence(si, c.i) {
		return false
	}
	l := strings.ToLower(ws[c.i].text)
	return strings.HasSuffix(l, "ly") && lexicon.Known(l) && !isFirstName(l) && g.nameParts[l] == 0 && !a.capitalisedInside(ws[c.i].text)
}

// opensSentence: only punctuation before word i of sentence si.
func (a *annotator) opensSentence(si, i int) bool {
	for k := 0; k < i; k++ {
		if hasLetterOrDigit(a.sents[si][k].text) {
			return false
		}
	}
	return true
}

// capitalisedInside: the document writes w (as written) after the first word
// of some sentence.
func (a *annotator) capitalisedInside(w string) bool {
	for _, s := range a.sents {
		for k := 1; k < len(s); k++ {
			if s[k].text == w && hasLetterOrDigit(s[k-1].text) {
				return true
			}
		}
	}
	return false
}
