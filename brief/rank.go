package brief

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// centroidDocs bounds the documents read for a story's centroid.
const centroidDocs = 200

// storyCentroid weighs each content word (keyer key) by the share of the
// story's documents that use it, for words two or more documents use: what
// most reports of the story talk about.
func (k keyer) storyCentroid(c *accord.Corpus, ids []string) map[string]float64 {
	if len(ids) > centroidDocs {
		ids = ids[:centroidDocs]
	}
	df := map[string]float64{}
	n := 0
	for _, id := range ids {
		d := c.Doc(id)
		if d == nil {
			continue
		}
		n++
		for _, w := range k.statementWords(d.Title + "\n" + d.Text) {
			df[w.key]++
		}
	}
	for w, f := range df {
		if f < 2 {
			delete(df, w)
		} else {
			df[w] = f / float64(n)
		}
	}
	return df
}

// centrality of a sentence to the story: the centroid weight of its content
// words over the square root of their number (a long sentence covers more
// words but spends more of the reader's time), a fifth more for a sentence
// among the first three of its article (news put the main facts first).
func (k keyer) centrality(cen map[string]float64, s string, lead bool) float64 {
	ws := k.statementWords(s)
	if len(ws) == 0 {
		return 0
	}
	sum := 0.0
	for _, w := range ws {
		sum += cen[w.key]
	}
	v := sum / math.Sqrt(float64(len(ws)))
	if lead {
		v *= 1.2
	}
	return v
}

// leadSentence reports whether the span is in the first three sentences of
// its document.
func leadSentence(c *accord.Corpus, e accord.SpanRef) bool {
	d := c.Doc(e.Document)
	if d == nil || e.End <= e.Start {
		return false
	}
	i := d.SentenceAt(e.Start)
	return i >= 0 && i < 3
}

// pronounStart matches a sentence opening on a pronoun or determiner that
// points back into its article ("He said ...", "This was ...", "I dated
// ...": whose "I"?).
var pronounStart = regexp.MustCompile(`^(["“‘']?)(He|She|They|It|This|These|That|Those|His|Her|Their|Its|Such|There|I|I'm|I’m|We|You|My|Our|Me|Us)\b`)

// dangling reports whether the sentence opens on a pronoun that points back
// into its article. A quotation that opens on one and says who speaks
// ("“We will not move,” Lee said.", "... the mayor said.") reads alone.
func dangling(c *accord.Corpus, e accord.SpanRef, s string) bool {
	if pronounSpeaker.MatchString(s) && !namedCue.MatchString(s) {
		return true // "“…,” he said.": whose words?
	}
	if gluedSentences(s) || fragment(s) {
		return true
	}
	m := pronounStart.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	return m[1] == "" || !attributed(c, e, s) && !reportingCue.MatchString(s)
}

// pronounSpeaker matches an attribution to a pronoun ("…,” he said.", "…,
// she added.", "…, they told reporters"): the speaker is named in another
// sentence of the article, and out of it the reader cannot tell whose
// words these are.
var pronounSpeaker = regexp.MustCompile(`[,"”]\s+(he|she|they|He|She|They)\s+(\w+\s+)?(said|says|added|adds|told|tells|explained|insisted|argued|warned|claimed|stated|noted|wrote|continued|admitted|stressed|replied|went on)\b`)

// namedCue matches an attribution to a name ("Mr Brown said", "said Lee",
// "according to Reuters").
var namedCue = regexp.MustCompile(`\p{Lu}[\p{L}'’.-]*,?\s+(\([^)]*\)\s+)?(said|says|added|adds|told|tells|explained|insisted|argued|warned|claimed|stated|noted|wrote)\b|\b(said|says|added|told|according to)\s+(Mr|Mrs|Ms|Dr)?\.?\s*\p{Lu}`)

// sentenceBreak matches the end of a sentence followed by another inside
// one passage: a lower-case word, digit, % or closing bracket or quote
// before the stop, a capital (or opening quote) after it. The sentence
// splitter joins sentences when a quotation mark is missing ("… 'If in
// doubt retain. "But any … condemned." The Act will …": an opening mark
// left open by a quote running over paragraphs).
var sentenceBreak = regexp.MustCompile(`[\p{Ll}\d%)][.!?]["”’]?\s+["“]?\p{Lu}`)

// abbreviationStop matches a lower-case abbreviation whose stop ends no
// sentence ("vs.", "approx.", "a.m.").
var abbreviationStop = regexp.MustCompile(`(\b(vs|approx|etc|ca|cf|al|no|p\.m|a\.m)|\b\p{Lu}\p{Ll}{0,3})[.]$`)

// fragment reports whether s is no whole sentence but a piece cut out of
// one: it opens on a lower-case letter, or ends on clause punctuation or
// a function word ("of its domestic oil and gas operations to Kaneb
// Partners, which": a hard-wrapped line). A line ending on no stop after
// a content word (a headline) is left alone.
func fragment(s string) bool {
	s = strings.TrimSpace(s)
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) || leadingFigure.MatchString(s) && !leadingYear.MatchString(s) {
		// News style spells out a number that opens a sentence: one that
		// opens on a figure in digits ("21.7 mln dlrs or 46 cts per share
		// from …") is the rest of a line cut before it.
		return true
	}
	l, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(",;:-–—", l) {
		return true
	}
	f := strings.Fields(s)
	return len(f) > 0 && text.IsStopword(strings.ToLower(f[len(f)-1]))
}

// leadingFigure: a figure in digits opens the text; leadingYear: a year
// does ("1987 was …"), which style allows.
var (
	leadingFigure = regexp.MustCompile(`^[$£€]?\d`)
	leadingYear   = regexp.MustCompile(`^(1[89]|20)\d\d\b[^.,%]`)
)

// gluedSentences reports whether s holds two sentences or more, as the
// sentence splitter left them joined: a brief sentence is one sentence
// (the second would need its own citation and context).
func gluedSentences(s string) bool {
	for _, m := range sentenceBreak.FindAllStringIndex(s, -1) {
		stop := strings.IndexAny(s[m[0]:m[1]], ".!?")
		if stop < 0 || abbreviationStop.MatchString(s[:m[0]+stop+1]) {
			continue
		}
		return true
	}
	return false
}

// reportingCue matches an attribution: a reporting verb or "according to".
var reportingCue = regexp.MustCompile(`\b([Aa]ccording to|said|says|say|told|tells|stated|states|added|adds|announced|announces|confirmed|confirms|warned|warns|emphasi[sz]ed|stressed|insisted|explained|noted|reported|claimed|argued|denied|wrote|declared|acknowledged|admitted|urged|asked|tweeted)\b`)

// attributed reports whether the passage names who says it: a quotation in
// it whose stated speaker is a name, or a reporting cue beside a capitalised
// word that does not open the sentence (or does, right before the cue:
// "Stone said").
func attributed(c *accord.Corpus, e accord.SpanRef, passage string) bool {
	if d := c.Doc(e.Document); d != nil && e.End > e.Start {
		for _, q := range d.Quotes {
			if q.Start >= e.End || q.End <= e.Start || q.Speaker < 0 || q.Speaker >= len(d.Mentions) {
				continue
			}
			if d.Mentions[q.Speaker].Kind == accord.MentionName {
				return true
			}
		}
	}
	if !reportingCue.MatchString(passage) {
		return false
	}
	fs := strings.Fields(passage)
	for i, w := range fs {
		if i == 0 && (len(fs) < 2 || !reportingCue.MatchString(fs[1])) {
			continue // a capital that only opens the sentence
		}
		w = strings.TrimLeft(w, "\"“‘'(")
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && !text.IsStopword(strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// wordingScore rates a passage as the brief's wording of a claim: a
// machine-spun copy's wording is no one's (-3); words no other document of
// the story uses are a spinner's or a careless writer's (-2 per share of
// them); a dangling pronoun at the start cannot be read alone (-1.5); a
// named speaker tells the reader whose claim it is (+1); a passage beyond
// 40 words costs the reader (and a 100-word summary) more than it tells,
// one under 8 says too little.
func (k keyer) wordingScore(c *accord.Corpus, e accord.SpanRef, passage string, spun bool, cen map[string]float64) float64 {
	s := 0.0
	if spun {
		s -= 3
	}
	ws := k.statementWords(passage)
	odd, low := 0, 0
	for _, w := range ws {
		if w.name {
			continue
		}
		low++
		if cen[w.key] == 0 {
			odd++
		}
	}
	if low > 0 {
		s -= 2 * float64(odd) / float64(low)
	}
	if dangling(c, e, passage) {
		s -= 1.5
	}
	if attributed(c, e, passage) {
		s++
	}
	n := len(strings.Fields(passage))
	switch {
	case n > 40:
		s -= float64(n-40) / 20
	case n < 8:
		s--
	}
	return s
}

// maxWordings bounds the passages tried as a claim's wording.
const maxWordings = 12

// bestWording returns the claim worded by the clearest passage that states
// it: among the supporting documents' own sentences, the one that keeps the
// most independent sources citing it, then the best wordingScore. The
// returned claim's statement is that sentence, its documents those whose
// passage states it, its evidence led by the sentence's own span (the date
// notes read it).
func (k keyer) bestWording(c *accord.Corpus, cl accord.Claim, spun map[string]bool, spunFrom map[string][]string, cen map[string]float64) accord.Claim {
	supp := map[string]bool{}
	for _, id := range cl.Documents {
		supp[id] = true
	}
	best := cl
	bestInd := c.IndependentCount(cl.Documents)
	bestScore := math.Inf(-1)
	if src := sourceSpan(cl); src != nil {
		bestScore = k.wordingScore(c, *src, cl.Statement, spun[src.Document], cen)
	}
	tried := 0
	for _, e := range cl.Evidence {
		if !supp[e.Document] || tried >= maxWordings {
			continue
		}
		sent, span, ok := sentenceOf(c, e)
		if !ok || oneLine(sent) == oneLine(cl.Statement) || unbalancedQuotes(sent) {
			continue
		}
		tried++
		cand := cl
		cand.Statement = sent
		ref := accord.SpanRef{Document: e.Document, Start: span.Start, End: span.End, Text: sent}
		cand.Evidence = append([]accord.SpanRef{ref}, cl.Evidence...)
		docs := k.supportingDocs(c, cand, spunFrom)
		if len(docs) == 0 || !Supported(sent, docsOf(c, docs)) {
			continue
		}
		ind := c.IndependentCount(docs)
		score := k.wordingScore(c, ref, sent, spun[e.Document], cen)
		if ind > bestInd || ind == bestInd && score > bestScore+0.25 {
			cand.Documents = docs
			cand.IndependentSources = ind
			best, bestInd, bestScore = cand, ind, score
		}
	}
	return best
}

// sentenceOf is the whole sentence of the document holding the evidence
// span (when the span lies in one sentence).
func sentenceOf(c *accord.Corpus, e accord.SpanRef) (string, accord.Span, bool) {
	d := c.Doc(e.Document)
	if d == nil || e.End <= e.Start {
		return "", accord.Span{}, false
	}
	i := d.SentenceAt(e.Start)
	if i < 0 {
		return "", accord.Span{}, false
	}
	s := d.Sentences[i]
	if e.End > s.End {
		return "", accord.Span{}, false
	}
	t := strings.TrimSpace(d.Slice(s))
	if t == "" {
		return "", accord.Span{}, false
	}
	return t, s, true
}
