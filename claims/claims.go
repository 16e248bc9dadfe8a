// Package claims finds the key statements of each story, matches them across
// documents, counts the independent sources that carry each (copies and
// reports relaying one outlet count once), and finds where documents
// disagree: who said a statement, a person's title or name, an office's
// holder, a number, a date, a place.
//
// Everything is read from the documents' text and layers (sentences, tokens,
// quantities, mentions, citations) plus the corpus's groups, links and
// stories; the stage works, with less, when the other stages left their
// layers empty.
package claims

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord/internal/unionfind"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
)

// Stage is the corpus stage that fills Corpus.Claims and Corpus.Conflicts.
type Stage struct {
	// LeadClaims is how many leading sentences of each document become
	// single-source claims when no other document matches them (default 2).
	LeadClaims int
	// MaxTopic bounds the documents compared with one another (a topic):
	// a larger connected component of the neighbour graph is cut along its
	// weakest links (see partition). 0 means the default (200); negative,
	// no bound.
	MaxTopic int
}

// New returns the claims stage.
func New() *Stage { return &Stage{LeadClaims: 2, MaxTopic: defaultMaxTopic} }

// Name implements accord.CorpusStage.
func (*Stage) Name() string { return "claims" }

// Analyze implements accord.CorpusStage.
func (s *Stage) Analyze(ctx context.Context, c *accord.Corpus) error {
	// The links each document's reading needs, indexed once: a walk over
	// every link per document (or per claim) grows with the square of the
	// corpus.
	spun := map[string]bool{}
	cites := map[string][]accord.Link{}
	for _, l := range c.Links {
		switch l.Kind {
		case accord.LinkSpun:
			spun[l.From] = true
		case accord.LinkCites:
			cites[l.From] = append(cites[l.From], l)
		}
	}
	// Claims are read from English text only: a document in another
	// language (text.English) has no names or quotes to read, and its
	// sentences would come out as claims nobody checked.
	docs := make([]*accord.Document, 0, len(c.Docs))
	for _, d := range c.Docs {
		if text.English(d) {
			docs = append(docs, d)
		}
	}
	infos := map[string]*docInfo{}
	nums := newWordNums()
	for _, d := range docs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		di := newDocInfo(c, d, nums)
		di.spun = spun[d.ID]
		di.cites = cites[d.ID]
		infos[d.ID] = di
	}
	// Full names written by two or more independent groups anywhere in the
	// corpus: people of their own (knownNames).
	firstGroup := map[string]int{}
	known := map[string]bool{}
	for _, d := range docs {
		di := infos[d.ID]
		for _, p := range di.persons {
			if len(p.given) == 0 {
				continue
			}
			k := fullName(p.given[0], p.surname)
			if g, ok := firstGroup[k]; !ok {
				firstGroup[k] = di.group
			} else if g != di.group {
				known[k] = true
			}
		}
	}
	firstGroup = nil
	// Documents are compared within topics found here (TF-IDF neighbours),
	// not within the story stage's stories: a story may join neighbouring
	// events (two trials of one case), whose differing facts are no
	// conflict. Each topic is labelled with the story most of its
	// documents belong to.
	var all []*docInfo
	for _, d := range docs {
		all = append(all, infos[d.ID])
	}
	storyOf := map[string]string{}
	var eventOf map[string]string
	for _, st := range c.Stories {
		for _, ev := range st.Events {
			if eventOf == nil {
				eventOf = map[string]string{}
			}
			for _, id := range ev.Documents {
				eventOf[id] = ev.ID
			}
		}
	}
	for _, st := range c.Stories {
		for _, id := range st.Documents {
			if _, ok := storyOf[id]; !ok {
				storyOf[id] = st.ID
			}
		}
	}
	maxTopic := s.MaxTopic
	if maxTopic == 0 {
		maxTopic = defaultMaxTopic
	}
	parts, err := partition(ctx, all, maxTopic)
	if err != nil {
		return err
	}
	// From here on the documents' readings are reachable only through
	// their topic, which is dropped once done: a topic's state (sentence
	// n-grams, facts, pairs) is released as the loop goes.
	c.Claims = c.Claims[:0]
	c.Conflicts = c.Conflicts[:0]
	for k, part := range parts {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		votes := map[string]int{}
		bestID, bestN := "", 0
		for _, di := range part {
			id := storyOf[di.d.ID]
			votes[id]++
			if votes[id] > bestN || votes[id] == bestN && id < bestID {
				bestID, bestN = id, votes[id]
			}
		}
		st := newStory(bestID, part, eventOf)
		st.knownNames = known
		if len(st.docs) > 1 {
			for _, f := range st.findConflicts() {
				c.Conflicts = append(c.Conflicts, toConflict(f, st.id))
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c.Claims = append(c.Claims, s.storyClaims(c, st)...)
		parts[k] = nil
	}
	for i := range c.Conflicts {
		c.Conflicts[i].ID = fmt.Sprintf("conflict-%04d", i+1)
	}
	markDisputed(c)
	for i := range c.Claims {
		c.Claims[i].ID = fmt.Sprintf("claim-%04d", i+1)
	}
	return nil
}

func spanRef(di *docInfo, sp accord.Span) accord.SpanRef {
	return accord.SpanRef{Document: di.d.ID, Start: sp.Start, End: sp.End, Text: di.d.Slice(sp)}
}

func toConflict(f finding, storyID string) accord.Conflict {
	odd := f.odd
	// The other side speaks in its most common wording; documents that put
	// the same value in other words ("3" for "three", "Rev." for
	// "Reverend") agree, and are listed among the documents involved, but
	// the side quotes only the documents that use its wording.
	forms := map[string]int{}
	for _, o := range f.others {
		forms[strings.ToLower(oneSpace(o.says))]++
	}
	otherSays, best := "", 0
	bestApprox := true
	for _, o := range f.others {
		k := strings.ToLower(oneSpace(o.says))
		approx := o.q != nil && o.q.Approximate
		// Most common wording; on a tie, a plain figure over a hedged one.
		if forms[k] > best || forms[k] == best && bestApprox && !approx {
			otherSays, best, bestApprox = o.says, forms[k], approx
		}
	}
	// Every document the conflict lists has its passage among the
	// evidence: the quoted side's, and the passage of a document that
	// gives the other value in other words (listed, not quoted). A
	// document is listed once, with its first passage.
	var otherDocs, involved []string
	seen := map[string]bool{odd.di.d.ID: true}
	ev := []accord.SpanRef{spanRef(odd.di, odd.span)}
	for _, o := range f.others {
		if seen[o.di.d.ID] {
			continue
		}
		seen[o.di.d.ID] = true
		involved = append(involved, o.di.d.ID)
		ev = append(ev, spanRef(o.di, o.span))
		if strings.EqualFold(oneSpace(o.says), oneSpace(otherSays)) {
			otherDocs = append(otherDocs, o.di.d.ID)
		}
	}
	sort.Strings(otherDocs)
	oddDocs := []string{odd.di.d.ID}
	if odd.di == f.others[0].di {
		// Both sides in one document (a document contradicting itself):
		// the other side's passage there is evidence too.
		otherDocs = []string{odd.di.d.ID}
		for _, o := range f.others {
			if o.di == odd.di && o.span != odd.span {
				ev = append(ev, spanRef(o.di, o.span))
				break
			}
		}
	}
	all := append([]string{}, oddDocs...)
	for _, d := range involved {
		if d != odd.di.d.ID {
			all = append(all, d)
		}
	}
	sort.Strings(all)
	var summary string
	switch f.kind {
	case accord.ConflictSpeaker:
		summary = fmt.Sprintf("Sources disagree on who said it: %s (%s) vs %s (%s).", odd.says, docList(oddDocs), otherSays, docList(otherDocs))
	default:
		summary = fmt.Sprintf("Sources disagree on %s: %q (%s) vs %q (%s).", f.topic, odd.says, docList(oddDocs), otherSays, docList(otherDocs))
	}
	return accord.Conflict{
		Kind:      f.kind,
		Subkind:   f.subkind,
		Summary:   summary,
		Documents: all,
		Sides: []accord.ConflictSide{
			{Says: odd.says, Documents: oddDocs},
			{Says: otherSays, Documents: otherDocs},
		},
		Evidence: ev,
		Story:    storyID,
	}
}

func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func docList(ids []string) string {
	if len(ids) > 4 {
		return strings.Join(ids[:4], ", ") + fmt.Sprintf(" and %d more", len(ids)-4)
	}
	return strings.Join(ids, ", ")
}

// ---- claims

type unit struct {
	di      *docInfo
	sent    int
	words   int
	content int // len(di.sents[sent].ids), kept here for the pair loop
	anchors []anchor
	// names: ownNames of the sentence, read when first needed.
	names     []string
	namesDone bool
}

// storyClaims matches the sentences of a story's documents: two sentences of
// different documents state one claim when they share a five-word sequence
// with content, or most of their content words.
func (s *Stage) storyClaims(c *accord.Corpus, st *story) []accord.Claim {
	var units []unit
	index := map[int32][]int{}
	for _, di := range st.docs {
		perSent := figuresPerSentence(di)
		for si := range di.sents {
			sn := &di.sents[si]
			if len(sn.words) < 5 || len(sn.ids) < 3 {
				continue
			}
			if tableLine(sn, max(perSent[si], figureCount(sn))) {
				continue // "Shr loss 32 cts vs profit 12 cts": a table row states nothing alone
			}
			if nameList(di.d.Text, sn) {
				continue // "J Robinson (capt); M Cueto, J Noon, …": a team sheet, no statement
			}
			units = append(units, unit{di: di, sent: si, words: len(sn.words), content: di.nums.coreCount(sn)})
		}
	}
	// A form of words that recurs in reports on unrelated subjects states
	// no fact.
	if bp := boilerplate(st, units); bp != nil {
		kept := units[:0]
		for i, u := range units {
			if !bp[i] {
				kept = append(kept, u)
			}
		}
		units = kept
	}
	for u := range units {
		sn := &units[u].di.sents[units[u].sent]
		for _, w := range sn.ids {
			if !inSorted(sn.desc, w) {
				index[w] = append(index[w], u)
			}
		}
	}
	// Anchors: each unit's quantities and dates, indexed by value.
	anchorIndex := map[string][]int{}
	for ui := range units {
		u := &units[ui]
		u.anchors = st.anchorsOf(u.di, u.sent)
		for _, a := range u.anchors {
			l := anchorIndex[a.key]
			if len(l) == 0 || l[len(l)-1] != ui {
				anchorIndex[a.key] = append(l, ui)
			}
		}
	}
	parent := unionfind.New(len(units))
	find := parent.Find
	maxPost := len(st.docs) * 4
	type pair struct {
		i, j  int
		score float64
	}
	var pairs []pair
	// Shared words per candidate in a dense counter (reset through the list
	// of candidates touched): pairs are sorted below, so the order in which
	// candidates are visited does not matter.
	cnt := make([]int32, len(units))
	var touched []int
	for i, u := range units {
		a := &u.di.sents[u.sent]
		touched = touched[:0]
		for _, w := range a.ids {
			post := index[w]
			if len(post) > maxPost && len(post) > 50 || u.di.nums.isTime(w) || inSorted(a.desc, w) {
				continue // too common in this story to tell claims apart, a word of time or of a name's description
			}
			for _, j := range post {
				if j > i && units[j].di != u.di {
					if cnt[j] == 0 {
						touched = append(touched, j)
					}
					cnt[j]++
				}
			}
		}
		for _, j := range touched {
			n := int(cnt[j])
			cnt[j] = 0
			if ok, score := st.wordsMatch(u, units[j], n); ok && st.sameSubject(&units[i], &units[j]) {
				pairs = append(pairs, pair{i, j, score})
			}
		}
	}
	// Sentences that state one quantity of one thing, or one happening on
	// one day, in other words ("some 40,000 fans … at the stadium" /
	// "around forty thousand supporters … in the ground"): found through
	// their anchors, since they may share few words.
	for _, ids := range anchorIndex {
		if len(ids) > maxPost && len(ids) > 50 {
			continue
		}
		for x, i := range ids {
			for _, j := range ids[x+1:] {
				// A pair the words matched may come again: the merge
				// below takes it once.
				if i == j || units[i].di == units[j].di {
					continue
				}
				if ok, score := st.anchorsMatch(units[i], units[j]); ok && st.sameSubject(&units[i], &units[j]) {
					pairs = append(pairs, pair{i, j, score})
				}
			}
		}
	}
	// Best pairs first; a claim holds at most one sentence per document, so
	// chains of loosely similar sentences do not snowball.
	sort.Slice(pairs, func(x, y int) bool {
		if pairs[x].score != pairs[y].score {
			return pairs[x].score > pairs[y].score
		}
		if pairs[x].i != pairs[y].i {
			return pairs[x].i < pairs[y].i
		}
		return pairs[x].j < pairs[y].j
	})
	docsOf := make([]map[*docInfo]bool, len(units))
	for i, u := range units {
		docsOf[i] = map[*docInfo]bool{u.di: true}
	}
	for _, p := range pairs {
		ri, rj := find(p.i), find(p.j)
		if ri == rj {
			continue
		}
		clash := false
		for d := range docsOf[rj] {
			if docsOf[ri][d] {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		parent[rj] = ri
		for d := range docsOf[rj] {
			docsOf[ri][d] = true
		}
	}
	comps := map[int][]int{}
	var roots []int
	for i := range units {
		r := find(i)
		if _, ok := comps[r]; !ok {
			roots = append(roots, r)
		}
		comps[r] = append(comps[r], i)
	}
	var out []accord.Claim
	for _, r := range roots {
		members := comps[r]
		docs := map[*docInfo]bool{}
		for _, m := range members {
			docs[units[m].di] = true
		}
		if len(docs) < 2 {
			u := units[members[0]]
			if len(members) > 1 || u.sent >= s.LeadClaims {
				continue
			}
		}
		if cl, ok := buildClaim(c, st, units, members, s.LeadClaims); ok {
			out = append(out, cl)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].IndependentSources != out[j].IndependentSources {
			return out[i].IndependentSources > out[j].IndependentSources
		}
		return len(out[i].Documents) > len(out[j].Documents)
	})
	return out
}

// sharedGram: the sentences share a 5-gram of contentGrams that says what
// happened, not only what they speak of. A gram holding a verb of the
// sentence ("has weakened for the first time") does; one of nouns and
// fixed phrases ("a slowdown in the housing market", "a barrel for the
// first time since") is shared by reports of different facts, and counts
// only when the sentences also share a participant (sharedName).
func sharedGram(nums *wordNums, a, b *sent) bool {
	ga, gb := a.contentGrams(nums), b.contentGrams(nums)
	if len(gb) < len(ga) {
		ga, gb = gb, ga
	}
	named := -1
	for g, va := range ga {
		vb, ok := gb[g]
		if !ok {
			continue
		}
		if va && vb {
			return true
		}
		if named < 0 {
			named = 0
			if sharedName(nums, a, b) {
				named = 1
			}
		}
		if named == 1 {
			return true
		}
	}
	return false
}

// contentGrams is the set of the sentence's word 5-grams that hold at least
// two content words (no words of time: "over the next 20 years" is shared
// by reports of different facts) and a predicate word (sent.pred): a
// phrase of names and the words describing them ("the Norland mining firm
// Kestrel Metals") names the subject, not what is said of it. A gram maps
// to true when a predicate word of it is a verb (verbAt). Built once.
func (s *sent) contentGrams(nums *wordNums) map[string]bool {
	if s.grams != nil {
		return s.grams
	}
	s.grams = map[string]bool{}
	for i := 0; i+5 <= len(s.words); i++ {
		g := s.words[i : i+5]
		content, pred, verb := 0, false, false
		for j, w := range g {
			if !text.IsStopword(w) && !timeWord(w) {
				content++
				if s.predWord(nums, w) {
					pred = true
					verb = verb || s.verbAt(i+j)
				}
			}
		}
		if content >= 2 && pred {
			s.grams[strings.Join(g, " ")] = verb
		}
	}
	return s.grams
}

// verbAt: word k of s is written as a verb: an inflected form ("weakened",
// "is slowing") not after a determiner ("the housing market", "the
// proposed sale"), or any form after "to" or a modal ("will cut").
func (s *sent) verbAt(k int) bool {
	prev := ""
	if k > 0 {
		prev = s.words[k-1]
	}
	if verbBefore[prev] {
		return true
	}
	return !nounBefore[prev] && verbForm(s.words[k])
}

// nounBefore: words after which an inflected form is a noun or a
// modifier ("the housing market", "its proposed merger").
var nounBefore = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true,
	"our": true, "your": true, "my": true, "this": true, "that": true, "these": true, "those": true, "whose": true,
	"of": true, "in": true, "for": true}

// sharedName: the sentences share a participant: a content word that is
// no predicate word, speech verb, title or word of time in either, and
// not a dictionary word opening both sentences ("Rising rates ...") (a
// name: "Kestrel", "Halifax").
func sharedName(nums *wordNums, a, b *sent) bool {
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			id := a.ids[i]
			i++
			j++
			if inSorted(a.pred, id) || inSorted(b.pred, id) || inSorted(a.desc, id) || inSorted(b.desc, id) {
				continue
			}
			w := nums.vocab[id]
			if speechVerbs[w] || titleVocab(w) || timeWord(w) || weekdays[w] != "" || isDigitStr(w) || isNumberWord(w) ||
				len(a.words) > 0 && len(b.words) > 0 && a.words[0] == w && b.words[0] == w && lexicon.Known(w) {
				continue
			}
			return true
		}
	}
	return false
}

// predWord: word w (or a part of it, "bail-out") is a predicate word of s.
func (s *sent) predWord(nums *wordNums, w string) bool {
	for _, part := range strings.Split(w, "-") {
		if id, ok := nums.num[part]; ok && inSorted(s.pred, id) {
			return true
		}
	}
	return false
}

func buildClaim(c *accord.Corpus, st *story, units []unit, members []int, lead int) (accord.Claim, bool) {
	// The statement: the member sharing most content words with the others,
	// in the words of an original rather than a machine-spun copy; of two
	// sharing as many, the one that says less besides (a quotation beside
	// the day of the talks is no statement of the talks).
	best, bestScore, bestLen := members[0], math.MinInt, 0
	for _, i := range members {
		a := &units[i].di.sents[units[i].sent]
		score := 0
		for _, j := range members {
			if j != i {
				score += sharedIDs(a.ids, units[j].di.sents[units[j].sent].ids)
			}
		}
		if units[i].di.spun {
			score -= 1 << 20
		}
		if score > bestScore || score == bestScore && len(a.ids) < bestLen {
			best, bestScore, bestLen = i, score, len(a.ids)
		}
	}
	bu := units[best]
	// A document is evidence only when its sentence states what the
	// statement states, not when it reached the claim through another
	// member (a chain of sentences sharing a name).
	kept := members[:0:0]
	for _, i := range members {
		if i == best || st.statesSame(bu, units[i]) && st.sameSubject(&units[best], &units[i]) {
			kept = append(kept, i)
		}
	}
	members = kept
	if len(members) == 1 && bu.sent >= lead {
		return accord.Claim{}, false
	}
	cl := accord.Claim{
		Statement: bu.di.d.Slice(bu.di.sents[bu.sent].stmt),
		Story:     st.id,
	}
	docSet := map[string]bool{}
	originOf := map[string]string{}
	hasQuote, hasNumber := false, false
	for _, i := range members {
		u := units[i]
		sp := u.di.sents[u.sent].span
		if i == best {
			// The evidence covers what the statement shows.
			sp = u.di.sents[u.sent].stmt
		}
		cl.Evidence = append(cl.Evidence, spanRef(u.di, sp))
		docSet[u.di.d.ID] = true
		if o := origin(c, u.di, sp); originOf[u.di.d.ID] == "" || strings.HasPrefix(o, "outlet:") {
			originOf[u.di.d.ID] = o
		}
	}
	// The kind says what the statement is: a quotation, a figure, or an
	// account of what happened.
	stmt := bu.di.sents[bu.sent].stmt
	if hasQuotation(bu.di.d.Slice(stmt)) && reportsWords(bu.di, bu.sent) {
		hasQuote = true
	}
	for _, q := range bu.di.qs {
		if stmt.Contains(q.Span) && numKey(&q) != "" {
			hasNumber = true
		}
	}
	for id := range docSet {
		cl.Documents = append(cl.Documents, id)
	}
	sort.Strings(cl.Documents)
	sort.SliceStable(cl.Evidence, func(i, j int) bool {
		if cl.Evidence[i].Document != cl.Evidence[j].Document {
			return cl.Evidence[i].Document < cl.Evidence[j].Document
		}
		return cl.Evidence[i].Start < cl.Evidence[j].Start
	})
	origins := map[string]bool{}
	for _, o := range originOf {
		origins[o] = true
	}
	cl.IndependentSources = len(origins)
	switch {
	case hasQuote:
		cl.Kind = "quote"
	case hasNumber:
		cl.Kind = "number"
	default:
		cl.Kind = "event"
	}
	cl.Status = accord.StatusSingle
	if cl.IndependentSources >= 2 {
		cl.Status = accord.StatusCorroborated
	}
	return cl, true
}

// reportsWords: the sentence reports someone's words (a speech or
// reporting verb, or a colon before a quotation), rather than quoting a
// phrase in passing ("concerns of a “possible deeper military
// intervention”").
func reportsWords(di *docInfo, si int) bool {
	for _, t := range di.sents[si].toks {
		if speechVerbs[t.Lower] || reportVerbs[t.Lower] || t.Lower == ":" {
			return true
		}
	}
	return false
}

// reportVerbs are reporting verbs besides the speech verbs of attribution.
var reportVerbs = map[string]bool{
	"reiterated": true, "reiterates": true, "emphasized": true, "emphasised": true, "urged": true, "urges": true,
	"suggested": true, "suggests": true, "described": true, "describes": true, "called": true, "calls": true,
	"asked": true, "asks": true, "promised": true, "promises": true, "vowed": true, "vows": true,
	"denied": true, "denies": true, "repeated": true, "repeats": true, "state": true, "say": true, "tell": true,
	"recommended": true,
}

// hasQuotation: the text holds quoted words (a pair of quotation marks
// around at least one letter), not a stray mark or an apostrophe: a
// closing single mark counts only where no letter follows it ("Russia’s").
func hasQuotation(t string) bool {
	letters := func(s string) bool {
		for _, x := range s {
			if x >= 'a' && x <= 'z' || x >= 'A' && x <= 'Z' {
				return true
			}
		}
		return false
	}
	open, openS := -1, -1
	for i, r := range t {
		switch r {
		case '"', '“', '”', '«', '»':
			if open >= 0 {
				if letters(t[open:i]) {
					return true
				}
				open = -1
			} else {
				open = i
			}
		case '‘':
			openS = i
		case '’':
			next, _ := utf8.DecodeRuneInString(t[i+len("’"):])
			if openS >= 0 && !unicode.IsLetter(next) && letters(t[openS:i]) {
				return true
			}
		}
	}
	return false
}

// origin is where a document's sentence comes from: the outlet it relays
// when the sentence (or the document, through a cites link whose outlet the
// sentence names) says so, else the document's independent group.
func origin(c *accord.Corpus, di *docInfo, sp accord.Span) string {
	for _, ct := range di.d.Citations {
		if ct.Outlet != "" && (sp.Contains(ct.Span) || sp.Overlaps(ct.Span)) {
			return "outlet:" + normOutlet(ct.Outlet)
		}
	}
	t := di.d.Slice(sp)
	for _, l := range di.cites {
		name := l.Outlet
		if name == "" {
			if o := c.Doc(l.To); o != nil {
				name = o.Outlet
			}
		}
		if name != "" && strings.Contains(strings.ToLower(t), strings.ToLower(name)) {
			return "outlet:" + normOutlet(name)
		}
	}
	if o := relayedAcronym(di, sp); o != "" {
		return "outlet:" + o
	}
	return fmt.Sprintf("group:%d", di.group)
}

func normOutlet(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// relayedAcronym reads "according to ... TASS" / "citing AFP" in a sentence:
// an all-capital name of two or more letters within six words of the cue.
func relayedAcronym(di *docInfo, sp accord.Span) string {
	si := sentIndex(di, sp.Start)
	if si < 0 {
		return ""
	}
	s := &di.sents[si]
	for k, t := range s.toks {
		cue := t.Lower == "citing" || t.Lower == "according" && k+1 < len(s.toks) && s.toks[k+1].Lower == "to" ||
			(t.Lower == "quoted" || t.Lower == "reported") && k+1 < len(s.toks) && s.toks[k+1].Lower == "by"
		if !cue {
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+7; j++ {
			raw := di.raw(si, j)
			if len(raw) >= 2 && strings.ToUpper(raw) == raw && isWordTok(raw) && !isDigitStr(raw) {
				// A country's acronym, or an acronym modifying a noun
				// ("according to US intelligence"), names no outlet.
				if lexicon.IsKindOf(raw, 4, "country", "city", "region") ||
					j+1 < len(s.toks) && isWordTok(s.toks[j+1].Lower) && di.raw(si, j+1) == s.toks[j+1].Lower {
					continue
				}
				return strings.ToLower(raw)
			}
		}
	}
	return ""
}

func isDigitStr(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// markDisputed sets status disputed on claims whose evidence holds a
// conflict's evidence, and adds a disputed claim for a conflict no claim covers.
func markDisputed(c *accord.Corpus) {
	// The claims' evidence by document, so that a conflict is checked only
	// against the claims of its documents; a claim added below for an
	// uncovered conflict joins it for the conflicts after.
	type held struct {
		claim      int
		start, end int
	}
	byDoc := map[string][]held{}
	for i := range c.Claims {
		for _, e := range c.Claims[i].Evidence {
			byDoc[e.Document] = append(byDoc[e.Document], held{i, e.Start, e.End})
		}
	}
	for _, cf := range c.Conflicts {
		covered := false
		for _, x := range cf.Evidence {
			for _, h := range byDoc[x.Document] {
				if h.start <= x.Start && x.End <= h.end {
					covered = true
					c.Claims[h.claim].Status = accord.StatusDisputed
				}
			}
		}
		if covered || len(cf.Evidence) == 0 {
			continue
		}
		// The sentence of the first evidence span is the disputed statement.
		x := cf.Evidence[0]
		d := c.Doc(x.Document)
		if d == nil {
			continue
		}
		si := d.SentenceAt(x.Start)
		sp := accord.Span{Start: x.Start, End: x.End}
		if si >= 0 {
			sp = d.Sentences[si]
		}
		kind := "event"
		switch {
		case hasQuotation(d.Slice(sp)):
			kind = "quote"
		case cf.Kind == accord.ConflictNumber:
			kind = "number"
		}
		cl := accord.Claim{
			Statement:          d.Slice(sp),
			Kind:               kind,
			Documents:          cf.Documents,
			IndependentSources: c.IndependentCount(cf.Documents),
			Status:             accord.StatusDisputed,
			Story:              cf.Story,
		}
		cl.Evidence = append(cl.Evidence, accord.SpanRef{Document: d.ID, Start: sp.Start, End: sp.End, Text: d.Slice(sp)})
		for _, e := range cf.Evidence[1:] {
			if od := c.Doc(e.Document); od != nil {
				if sj := od.SentenceAt(e.Start); sj >= 0 {
					s2 := od.Sentences[sj]
					cl.Evidence = append(cl.Evidence, accord.SpanRef{Document: od.ID, Start: s2.Start, End: s2.End, Text: od.Slice(s2)})
				}
			}
		}
		c.Claims = append(c.Claims, cl)
		for _, e := range cl.Evidence {
			byDoc[e.Document] = append(byDoc[e.Document], held{len(c.Claims) - 1, e.Start, e.End})
		}
	}
}

// nameList: a line that lists names rather than states something (a team
// sheet, a cast list): at least five commas or semicolons, and at least
// three in four of its word tokens capitalised.
func nameList(txt string, sn *sent) bool {
	seps, words, caps := 0, 0, 0
	for _, t := range sn.toks {
		w := txt[t.Start:t.End]
		switch w {
		case ",", ";":
			seps++
			continue
		}
		if !isWordTok(t.Lower) {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return seps >= 5 && 4*caps >= 3*words
}
