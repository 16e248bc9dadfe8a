// Package brief writes the cited multi-document summary: per story, the
// facts independent sources corroborate first, then the points sources
// dispute (both sides, with their documents), then single-source points
// marked as such. Every sentence is a source sentence or a fixed frame
// ("Sources disagree on ...", "One source reports: ...") around source
// words, and cites the documents it rests on. Supported checks that no
// sentence says a content word its cited documents do not.
//
// With several stories the brief covers the biggest ones (up to
// MaxStories), the biggest first; its title is the biggest story's title.
package brief

import (
	"context"
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
the on of vs number date place name title is according single attributes both inconsistent`) {
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

// storySentences picks a story's sentences: corroborated claims (most
// independent sources first, no near-repeats), disputes, single-source points.
// Each claim cites only the documents whose own passage states it
// (supportingDocs), and its status follows from those: a "corroborated" claim
// that only one independent source states is a single-source point.
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
	sort.SliceStable(corrAll, func(i, j int) bool {
		if corrAll[i].IndependentSources != corrAll[j].IndependentSources {
			return corrAll[i].IndependentSources > corrAll[j].IndependentSources
		}
		return len(corrAll[i].Documents) > len(corrAll[j].Documents)
	})
	spun := map[string]bool{}
	spunFrom := map[string][]string{}
	for _, l := range c.Links {
		if l.Kind == accord.LinkSpun {
			spun[l.From] = true
			spunFrom[l.From] = append(spunFrom[l.From], l.To)
		}
	}
	k := keyer{}
	// Re-check the corroborated claims (the best-ranked ones: the brief
	// needs a few).
	var corr, demoted []accord.Claim
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
		return len(corr[i].Documents) > len(corr[j].Documents)
	})
	// Claims other sources were said to confirm first: they are about the
	// story's main happenings.
	single := append(demoted, singleAll...)
	var disputes []accord.BriefSentence
	for _, cf := range c.Conflicts {
		if st.id != "" && cf.Story != st.id {
			continue
		}
		if t := disputeSentence(c, cf); t != "" {
			disputes = append(disputes, accord.BriefSentence{Text: t, Documents: cf.Documents, Status: accord.StatusDisputed, Story: cf.Story})
		}
	}
	// Corroborated facts first; about a quarter of the room for disputes and
	// a sixth for single-source points (none in a two-sentence budget), the
	// rest filled below.
	nDisp := min(len(disputes), budget/4)
	nSingle := min(len(single), budget/6)
	nCorr := budget - nDisp - nSingle
	var out []accord.BriefSentence
	var chosen []map[string]bool
	add := func(cl accord.Claim, prefix string, status string) bool {
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
		out = append(out, accord.BriefSentence{Text: prefix + claimText(c, cl), Documents: cl.Documents, Status: status, Story: cl.Story})
		return true
	}
	for _, cl := range corr {
		if len(out) >= nCorr {
			break
		}
		add(cl, "", accord.StatusCorroborated)
	}
	out = append(out, disputes[:nDisp]...)
	onlySpun := func(cl accord.Claim) bool {
		for _, d := range cl.Documents {
			if !spun[d] {
				return false
			}
		}
		return len(cl.Documents) > 0
	}
	checked := map[string]bool{}
	addSingle := func(limit int) {
		n := 0
		for i := range single {
			cl := &single[i]
			if onlySpun(*cl) {
				continue // a machine rewrite's wording is no one's statement
			}
			if n >= limit || len(out) >= budget {
				break
			}
			if len(contentWords(cl.Statement)) < 5 {
				continue // too slight to stand alone
			}
			if danglingDate(c, *cl) {
				continue // "the next day" of an unknown day
			}
			if !checked[cl.ID] {
				checked[cl.ID] = true
				if docs := k.supportingDocs(c, *cl, spunFrom); len(docs) > 0 {
					cl.Documents = docs
				}
			}
			if add(*cl, "One source reports: ", accord.StatusSingle) {
				n++
			}
		}
	}
	addSingle(nSingle)
	// Fill a short brief: more corroborated points, then disputes, then
	// single-source points.
	for _, cl := range corr {
		if len(out) >= budget {
			break
		}
		add(cl, "", accord.StatusCorroborated)
	}
	for _, d := range disputes[nDisp:] {
		if len(out) >= budget {
			break
		}
		out = append(out, d)
	}
	addSingle(budget)
	rank := map[string]int{accord.StatusCorroborated: 0, accord.StatusDisputed: 1, accord.StatusSingle: 2}
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Status] < rank[out[j].Status] })
	return out
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
func Supported(sentence string, docs []*accord.Document) bool {
	return len(Unsupported(sentence, docs)) == 0 && len(docs) > 0
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
