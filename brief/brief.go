// Package brief writes the cited multi-document summary: per story, its
// central facts first (those the most independent sources state, then the
// single-source points most central to the story), then the points sources
// dispute (both sides, with their documents), then the other facts. Every
// sentence is a source sentence, worded by the clearest passage that states
// it, or a fixed frame ("Sources disagree on ...") around source words, and
// cites the documents whose passage states it; its status says whether it
// is corroborated, single-source or disputed. Supported checks that no
// sentence says a content word its cited documents do not.
//
// With several stories the brief covers the biggest ones (up to
// MaxStories), the biggest first; its title is the biggest story's title.
package brief

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// Stage is the corpus stage that fills Corpus.Brief.
type Stage struct {
	// MaxSentences bounds the brief (default 12); MaxStories the stories it
	// covers (default 3).
	MaxSentences, MaxStories int
}

// New returns the brief stage.
func New() *Stage { return &Stage{MaxSentences: 12, MaxStories: 3} }

// Name implements accord.CorpusStage.
func (*Stage) Name() string { return "brief" }

// frameWords are the words the brief's own frames add; Supported does not
// look for them in the sources.
var frameWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`sources source disagree disagreement one reports report says said who it
the on of vs number date place name title is according single attributes both inconsistent
two three four five six independent give same figure age`) {
		frameWords[w] = true
	}
}

type storyRef struct {
	id, title string
	docs      []string
}

// Analyze implements accord.CorpusStage.
func (s *Stage) Analyze(ctx context.Context, c *accord.Corpus) error {
	b, err := s.Compose(ctx, c)
	if err != nil {
		return err
	}
	// Keep only what the sources support (every composed sentence should).
	kept := b.Sentences[:0]
	for _, bs := range b.Sentences {
		if Supported(bs.Text, docsOf(c, bs.Documents)) {
			kept = append(kept, bs)
		}
	}
	b.Sentences = kept
	c.Brief = b
	return nil
}

// Compose writes the brief without the final Supported filter (Analyze
// applies it); it exists so that the support rate of the composition itself
// can be measured.
func (s *Stage) Compose(ctx context.Context, c *accord.Corpus) (accord.Brief, error) {
	maxS, maxStories := s.MaxSentences, s.MaxStories
	if maxS <= 0 {
		maxS = 12
	}
	if maxStories <= 0 {
		maxStories = 3
	}
	var stories []storyRef
	for _, st := range c.Stories {
		// Claims are read from English text only (text.English): a story
		// of documents in other languages has nothing to summarise here.
		if !slices.ContainsFunc(docsOf(c, st.Documents), text.English) {
			continue
		}
		stories = append(stories, storyRef{id: st.ID, title: st.Title, docs: st.Documents})
	}
	sort.SliceStable(stories, func(i, j int) bool { return len(stories[i].docs) > len(stories[j].docs) })
	if len(stories) == 0 {
		var ids []string
		for _, d := range c.Docs {
			ids = append(ids, d.ID)
		}
		stories = []storyRef{{id: "", title: centralTitle(c), docs: ids}}
	}
	if len(stories) > maxStories {
		stories = stories[:maxStories]
	}
	b := accord.Brief{Title: stories[0].title, Sentences: []accord.BriefSentence{}}
	if b.Title == "" {
		b.Title = centralTitle(c)
	}
	for i, st := range stories {
		if ctx.Err() != nil {
			return b, ctx.Err()
		}
		budget := maxS - len(b.Sentences)
		if i == 0 && len(stories) > 1 {
			budget = maxS - 2*(len(stories)-1)
		} else if i > 0 {
			budget = min(budget, 2)
		}
		if budget <= 0 {
			break
		}
		b.Sentences = append(b.Sentences, storySentences(c, st, budget)...)
	}
	return b, nil
}

func docsOf(c *accord.Corpus, ids []string) []*accord.Document {
	var out []*accord.Document
	for _, id := range ids {
		if d := c.Doc(id); d != nil {
			out = append(out, d)
		}
	}
	return out
}

// centralTitle is the document title sharing most content words with the
// other titles.
func centralTitle(c *accord.Corpus) string {
	best, bestScore := "", -1
	short := false
	for _, d := range c.Docs {
		if t := strings.TrimSpace(d.Title); t != "" && len(t) <= 200 {
			short = true
		}
	}
	for _, d := range c.Docs {
		t := strings.TrimSpace(d.Title)
		if t == "" || short && len(t) > 200 {
			continue
		}
		ws := set(text.ContentWords(t))
		score := 0
		for _, o := range c.Docs {
			if o == d {
				continue
			}
			for _, w := range text.ContentWords(o.Title) {
				if ws[w] {
					score++
				}
			}
		}
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	return best
}

func set(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func inStory(st storyRef, claimStory string, docs []string) bool {
	if st.id != "" {
		return claimStory == st.id
	}
	return true
}

// leadFacts is how many facts open a story's part of the brief before its
// disputes: the reader first learns what happened, then what sources
// disagree on, still within the first screen (about 100 words).
const leadFacts = 4

// storySentences picks a story's sentences: corroborated claims (most
// independent sources first, then the most central to the story, no
// near-repeats), disputes, single-source points (the most central first).
// Each claim cites only the documents whose own passage states it
// (supportingDocs), and its status follows from those: a "corroborated" claim
// that only one independent source states is a single-source point. Each is
// worded by the clearest passage that states it (bestWording). The order is
// the first leadFacts facts (corroborated ones, then single-source ones),
// the disputes, then the other facts.
func storySentences(c *accord.Corpus, st storyRef, budget int) []accord.BriefSentence {
	var corrAll, singleAll []accord.Claim
	for _, cl := range c.Claims {
		if !inStory(st, cl.Story, cl.Documents) {
			continue
		}
		switch cl.Status {
		case accord.StatusCorroborated:
			corrAll = append(corrAll, cl)
		case accord.StatusSingle:
			singleAll = append(singleAll, cl)
		}
	}
	k := keyer{}
	cen := k.storyCentroid(c, st.docs)
	central := map[string]float64{}
	centralityOf := func(cl accord.Claim) float64 {
		lead := false
		if src := sourceSpan(cl); src != nil {
			lead = leadSentence(c, *src)
		}
		return k.centrality(cen, cl.Statement, lead)
	}
	for _, cl := range corrAll {
		central[cl.ID] = centralityOf(cl)
	}
	sort.SliceStable(corrAll, func(i, j int) bool {
		if corrAll[i].IndependentSources != corrAll[j].IndependentSources {
			return corrAll[i].IndependentSources > corrAll[j].IndependentSources
		}
		return central[corrAll[i].ID] > central[corrAll[j].ID]
	})
	spun := map[string]bool{}
	spunFrom := map[string][]string{}
	for _, l := range c.Links {
		if l.Kind == accord.LinkSpun {
			spun[l.From] = true
			spunFrom[l.From] = append(spunFrom[l.From], l.To)
		}
	}
	// Re-check the corroborated claims (the best-ranked ones: the brief
	// needs a few) and word each by its clearest passage.
	var corr, demoted []accord.Claim
	agreed := map[string]string{}
	for i, cl := range corrAll {
		if i >= 8*budget+16 {
			break
		}
		docs := k.supportingDocs(c, cl, spunFrom)
		if len(docs) == 0 {
			continue
		}
		cl.Documents = docs
		cl.IndependentSources = c.IndependentCount(docs)
		cl = k.bestWording(c, cl, spun, spunFrom, cen)
		central[cl.ID] = centralityOf(cl)
		if cl.IndependentSources < 2 {
			// Other documents may give its figure or date in their own
			// words: say that, and only that, with each one's words.
			if t, ds := k.agreement(c, corrAll[i], spun); t != "" {
				cl.Documents = ds
				cl.IndependentSources = c.IndependentCount(ds)
				agreed[cl.ID] = t
			}
		}
		if cl.IndependentSources >= 2 {
			corr = append(corr, cl)
		} else {
			cl.Status = accord.StatusSingle
			demoted = append(demoted, cl)
		}
	}
	sort.SliceStable(corr, func(i, j int) bool {
		if corr[i].IndependentSources != corr[j].IndependentSources {
			return corr[i].IndependentSources > corr[j].IndependentSources
		}
		return central[corr[i].ID] > central[corr[j].ID]
	})
	// Single-source points, the most central first; claims the claims stage
	// took for corroborated are about the story's main happenings (a tenth
	// more).
	for _, cl := range singleAll {
		central[cl.ID] = centralityOf(cl)
	}
	for _, cl := range demoted {
		central[cl.ID] *= 1.1
	}
	single := append(demoted, singleAll...)
	sort.SliceStable(single, func(i, j int) bool { return central[single[i].ID] > central[single[j].ID] })
	var disputes []accord.BriefSentence
	var sides []string
	for _, cf := range c.Conflicts {
		if st.id != "" && cf.Story != st.id {
			continue
		}
		if t := disputeSentence(c, cf); t != "" {
			disputes = append(disputes, accord.BriefSentence{Text: t, Documents: cf.Documents, Status: accord.StatusDisputed, Story: cf.Story})
		}
		for _, sd := range cf.Sides {
			if s := strings.ToLower(oneLine(sd.Says)); len(s) > 2 {
				sides = append(sides, s)
			}
		}
	}
	// Corroborated facts first; about a quarter of the room for disputes and
	// a sixth for single-source points (none in a two-sentence budget), the
	// rest filled below.
	nDisp := min(len(disputes), budget/4)
	nSingle := min(len(single), budget/6)
	nCorr := budget - nDisp - nSingle
	var facts []accord.BriefSentence
	var chosen []map[string]bool
	add := func(cl accord.Claim, status string) bool {
		if unbalancedQuotes(cl.Statement) {
			return false // a piece of a longer quotation, out of its frame
		}
		ws := set(contentWords(cl.Statement))
		for _, o := range chosen {
			if jaccard(ws, o) >= 0.5 {
				return false
			}
		}
		chosen = append(chosen, ws)
		t := claimText(c, cl)
		if a, ok := agreed[cl.ID]; ok {
			t = a
		}
		if status == accord.StatusSingle && statesSide(t, sides) {
			// One side of a dispute, stated as a fact, would mislead
			// without saying whose it is.
			t = "One source reports: " + t
		}
		facts = append(facts, accord.BriefSentence{Text: t, Documents: cl.Documents, Status: status, Story: cl.Story})
		return true
	}
	for _, cl := range corr {
		if len(facts) >= nCorr {
			break
		}
		if !danglingStart(c, cl) {
			add(cl, accord.StatusCorroborated)
		}
	}
	onlySpun := func(cl accord.Claim) bool {
		for _, d := range cl.Documents {
			if !spun[d] {
				return false
			}
		}
		return len(cl.Documents) > 0
	}
	checked := map[string]bool{}
	room := func() int { return budget - len(facts) - nDisp }
	addSingle := func(limit int) {
		n := 0
		for i := range single {
			cl := &single[i]
			if onlySpun(*cl) {
				continue // a machine rewrite's wording is no one's statement
			}
			if n >= limit || room() <= 0 {
				break
			}
			if len(contentWords(cl.Statement)) < 5 {
				continue // too slight to stand alone
			}
			if !checked[cl.ID] {
				checked[cl.ID] = true
				if docs := k.supportingDocs(c, *cl, spunFrom); len(docs) > 0 {
					cl.Documents = docs
				}
				*cl = k.bestWording(c, *cl, spun, spunFrom, cen)
			}
			if danglingDate(c, *cl) || danglingStart(c, *cl) {
				continue // "the next day" of an unknown day; "He" of whom?
			}
			if add(*cl, accord.StatusSingle) {
				n++
			}
		}
	}
	addSingle(nSingle)
	// Fill a short brief: more corroborated points, then disputes, then
	// single-source points.
	for _, cl := range corr {
		if room() <= 0 {
			break
		}
		if !danglingStart(c, cl) {
			add(cl, accord.StatusCorroborated)
		}
	}
	if room() > 0 {
		nDisp = min(len(disputes), budget-len(facts))
	}
	addSingle(budget)
	// Facts first: corroborated ones, then single-source ones; the disputes
	// after the first leadFacts of them.
	rank := map[string]int{accord.StatusCorroborated: 0, accord.StatusSingle: 1}
	sort.SliceStable(facts, func(i, j int) bool { return rank[facts[i].Status] < rank[facts[j].Status] })
	lead := min(leadFacts, len(facts))
	out := append([]accord.BriefSentence{}, facts[:lead]...)
	out = append(out, disputes[:nDisp]...)
	return append(out, facts[lead:]...)
}

// danglingStart reports whether the claim's wording opens on a pronoun
// that points back into its article (dangling).
func danglingStart(c *accord.Corpus, cl accord.Claim) bool {
	e := accord.SpanRef{}
	if src := sourceSpan(cl); src != nil {
		e = *src
	}
	return dangling(c, e, claimText(c, cl))
}

// statesSide reports whether the sentence holds one side of a dispute
// ("nine people") as its own words.
func statesSide(s string, sides []string) bool {
	low := strings.ToLower(s)
	for _, sd := range sides {
		if i := strings.Index(low, sd); i >= 0 {
			before, after := i == 0 || !isWordByte(low[i-1]), i+len(sd) == len(low) || !isWordByte(low[i+len(sd)])
			if before && after {
				return true
			}
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// unbalancedQuotes reports whether a sentence opens or closes a quotation it
// does not also close or open: a sentence cut from a quotation that runs over
// several sentences, which out of its frame reads as the outlet's own words.
func unbalancedQuotes(s string) bool {
	return strings.Count(s, "\"")%2 == 1 || strings.Count(s, "“") != strings.Count(s, "”")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func contentWords(s string) []string {
	var out []string
	for _, w := range text.ContentWords(s) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		out = append(out, w)
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// Supported reports whether every content word of sentence (leaving out the
// brief's frame words) occurs in at least one of the cited documents (text
// or title). A sentence citing no document is unsupported.
// An agreement sentence ("Two independent sources give the same figure:
// “…”; “…”.") is supported when, besides, each quotation is the own text of
// the cited document in its place (of one cited document when the counts
// differ).
func Supported(sentence string, docs []*accord.Document) bool {
	if len(docs) == 0 || len(Unsupported(sentence, docs)) > 0 {
		return false
	}
	qs := agreeQuotes(sentence)
	for i, q := range qs {
		if len(qs) == len(docs) {
			if !quotedIn(q, docs[i]) {
				return false
			}
			continue
		}
		found := false
		for _, d := range docs {
			if quotedIn(q, d) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Unsupported returns the content words of sentence that none of docs holds.
func Unsupported(sentence string, docs []*accord.Document) []string {
	have := map[string]bool{}
	for _, d := range docs {
		for _, w := range contentWords(d.Text) {
			have[w] = true
		}
		for _, w := range contentWords(d.Title) {
			have[w] = true
		}
	}
	var out []string
	for _, w := range contentWords(stripDateNotes(sentence)) {
		if frameWords[w] || have[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// SupportRate is the share of the brief's sentences that Supported accepts.
func SupportRate(c *accord.Corpus) float64 {
	if len(c.Brief.Sentences) == 0 {
		return 1
	}
	n := 0
	for _, bs := range c.Brief.Sentences {
		if Supported(bs.Text, docsOf(c, bs.Documents)) {
			n++
		}
	}
	return float64(n) / float64(len(c.Brief.Sentences))
}
