// Package stories groups documents into stories (topics) and, within each
// story, events (sub-topics), in the manner of Miranda et al. (EMNLP 2018,
// "Multilingual Clustering of Streaming News"): each document is compared with
// cluster centroids built from TF-IDF sub-vectors (words, names, dates),
// candidate clusters come from an inverted index, never from all pairs, and a
// document joins the best cluster above a threshold or opens a new one.
// Stories use group-average similarity (a document's mean similarity to a
// story's documents; the mean similarity between two stories' documents
// when merging): it does not rise as a story grows loose, so a broad story
// does not swallow neighbours of the same kind (one shooting after another).
// The cost per document is bounded (posting lists and candidates are
// capped), so the whole is near-linear in the number of documents.
//
// The online pass is followed by a short batch refinement (re-assignment to
// the best centroid and merging of near-identical clusters), so the result
// depends little on arrival order. Copies always join their original's story.
package stories

import (
	"context"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// Stage is the corpus stage that sets c.Stories.
type Stage struct {
	// TopicThreshold is the least similarity for a document to join a story.
	TopicThreshold float64
	// EventThreshold is the least similarity to join an event within a story.
	EventThreshold float64
	// MergeThreshold is the centroid similarity above which two stories merge.
	MergeThreshold float64
	// NameWeight is the weight of the names sub-vector against the words
	// sub-vector (1) in the story-level similarity.
	NameWeight float64
	// GroupAverage compares a document with a story by its mean similarity
	// to the story's documents rather than by the cosine with the centroid.
	GroupAverage bool
	// AttachThreshold is the least average similarity for a small story
	// (at most 3 documents) to join a larger one at the end (0: never).
	AttachThreshold float64
	// MaxTerms is how many of a document's heaviest terms its vectors keep
	// (0: all).
	MaxTerms int
	// KindWeight is the weight of the event-kind sub-vector (the WordNet
	// classes of the headline's and lead's event words, kinds.go) in the
	// story-level similarity; events never use it.
	KindWeight float64
	// EventsFirst, when above 0, clusters the whole corpus into events
	// first (event vectors, centroid cosine above EventsFirst) and then
	// merges whole events into stories on the story vectors (average link
	// above MergeThreshold, then small-story attachment): two reports of
	// one kind of event meet through their events' many reports, not one
	// by one.
	EventsFirst float64
	// RelatedWeight, when above 0, lets the story vectors match related
	// words (related.go: stems whose LSA rows over the background corpus
	// have a cosine of at least 0.95, e.g. quake and earthquake): each word
	// passes this share of its weight, times the cosine, on to its related
	// words of the corpus. Events never use it.
	RelatedWeight float64
	// EventNameWeight is the weight of the names sub-vector (against words
	// 1 and dates 0.5) in the event vectors of the events found inside
	// each story. The events-first pass, which shapes the stories, keeps
	// names at 1. Chosen by cross-validation over ECB+ topics once names
	// were canonical entities (docs/notes/stories.md, round 7): at 0.75
	// fewer events mix sub-topics and fewer sub-topics split than at 1.
	EventNameWeight float64

	// prior is the story of each document (by content hash) in the run this
	// one resumes (see Resume); last is this run's, for State.
	prior, last map[string]int
}

// New returns the stage with thresholds chosen on the DEV sets by
// cross-validation over ECB+ topics (see docs/notes/stories.md).
func New() *Stage {
	return &Stage{TopicThreshold: 0.10, EventThreshold: 0.35, MergeThreshold: 0.10, AttachThreshold: 0.04, NameWeight: 0.5, GroupAverage: true, EventsFirst: 0.4, RelatedWeight: 0.25, EventNameWeight: 0.75}
}

// Name implements accord.CorpusStage.
func (*Stage) Name() string { return "stories" }

// Analyze implements accord.CorpusStage.
func (s *Stage) Analyze(ctx context.Context, c *accord.Corpus) error {
	if len(c.Docs) == 0 {
		c.Stories = nil
		return nil
	}
	// Only the documents' term counts are kept; each pass computes the
	// vectors it needs from them (features.go).
	fs := extractFeatures(c.Docs, s.KindWeight > 0, s.RelatedWeight)
	vecs := fs.topicVecs(s.NameWeight, s.KindWeight, s.MaxTerms)
	evecs := fs.eventVecs(s.MaxTerms)
	order := arrival(c.Docs)
	seed := seeds(c.Docs, s.prior)
	// Nothing new since the run this one resumes: its stories stand as they
	// were. Merging them again would go on joining stories run after run (a
	// second run over an unchanged store of 3,267 documents merged 425
	// stories into 422). Read before the events-first pass, whose events
	// also give every document a seed.
	whole := priorPartition(seed)
	if s.EventsFirst > 0 && seed == nil {
		// Batch runs only: a resumed run puts its new documents through the
		// online pass against the prior stories, which keeps it nearer the
		// batch result (ECB+ dev in four runs: 0.896 this way, 0.875 with
		// the new documents' events merged into the prior stories).
		seed = eventsFirst(ctx, evecs, order, seed, s.EventsFirst)
	}
	var topics [][]int
	if whole != nil {
		topics = whole
	} else {
		topics = cluster(ctx, vecs, order, s.TopicThreshold, s.MergeThreshold, s.AttachThreshold, s.GroupAverage, true, seed)
	}
	topics = keepCopiesTogether(c, topics)
	s.last = assignments(c.Docs, topics)

	groups := groupsByStory(c, topics)
	// The events inside each story: names weigh EventNameWeight there.
	var passVecs vecSource = evecs
	if s.EventNameWeight != 1 {
		passVecs = fs.eventVecsNamed(s.EventNameWeight, s.MaxTerms)
	}
	stories := make([]accord.Story, len(topics))
	c.Doc("") // index the corpus before the workers read it
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range work {
				stories[t] = s.story(c, topics[t], groups[t], vecs, passVecs, order)
			}
		}()
	}
	for t := range topics {
		work <- t
	}
	close(work)
	wg.Wait()
	sort.SliceStable(stories, func(i, j int) bool {
		if len(stories[i].Documents) != len(stories[j].Documents) {
			return len(stories[i].Documents) > len(stories[j].Documents)
		}
		return stories[i].ID < stories[j].ID
	})
	c.Stories = stories
	return ctx.Err()
}

// eventsFirst clusters the documents that no prior story holds (all of
// them in a batch run) into events on the event vectors, and returns the
// seed of every document: its prior story, or its event numbered after the
// prior stories. Story clustering then only merges whole events (and prior
// stories) on the story vectors.
func eventsFirst(ctx context.Context, evecs vecSource, order []int, seed []int, threshold float64) []int {
	out := make([]int, evecs.len())
	base := 0
	var fresh []int
	for i := range out {
		out[i] = -1
		if seed != nil && seed[i] >= 0 {
			out[i] = seed[i]
			base = max(base, seed[i]+1)
		} else {
			fresh = append(fresh, i)
		}
	}
	if len(fresh) == 0 {
		return out
	}
	pos := make(map[int]int, len(fresh))
	for k, i := range fresh {
		pos[i] = k
	}
	subOrder := make([]int, 0, len(fresh))
	for _, o := range order {
		if k, ok := pos[o]; ok {
			subOrder = append(subOrder, k)
		}
	}
	var sub vecSource = evecs
	if len(fresh) < evecs.len() {
		sub = subSource{evecs, fresh}
	}
	for e, ms := range cluster(ctx, sub, subOrder, threshold, threshold+0.15, 0, false, true, nil) {
		for _, k := range ms {
			out[fresh[k]] = base + e
		}
	}
	return out
}

// groupsByStory splits the independent groups (from the copies stage) by
// story, in one pass over the groups; a document in no group is a group of
// its own.
func groupsByStory(c *accord.Corpus, topics [][]int) [][][]string {
	topicOf := map[string]int{}
	for t, ms := range topics {
		for _, m := range ms {
			topicOf[c.Docs[m].ID] = t
		}
	}
	out := make([][][]string, len(topics))
	seen := map[string]bool{}
	for _, g := range c.Groups {
		parts := map[int][]string{}
		var order []int
		for _, id := range g {
			t, ok := topicOf[id]
			if !ok {
				continue
			}
			if _, ok := parts[t]; !ok {
				order = append(order, t)
			}
			parts[t] = append(parts[t], id)
			seen[id] = true
		}
		for _, t := range order {
			out[t] = append(out[t], parts[t])
		}
	}
	for t, ms := range topics {
		for _, m := range ms {
			if id := c.Docs[m].ID; !seen[id] {
				out[t] = append(out[t], []string{id})
			}
		}
		sort.SliceStable(out[t], func(i, j int) bool { return out[t][i][0] < out[t][j][0] })
	}
	return out
}

func (s *Stage) story(c *accord.Corpus, members []int, groups [][]string, topicVecs, eventVecs vecSource, order []int) accord.Story {
	sort.Ints(members)
	// The members' vectors, computed once for this story.
	vecs := materialize(topicVecs, members)
	evecs := materialize(eventVecs, members)
	ids := make([]string, len(members))
	for i, m := range members {
		ids[i] = c.Docs[m].ID
	}
	st := accord.Story{
		ID:        storyID("s", ids),
		Title:     title(c, members, nil, vecs),
		Documents: ids,
	}
	st.IndependentGroups = groups
	st.FirstDate, st.LastDate = dateRange(c, ids)
	// Events: the same clustering within the story, on the finer vectors.
	if len(members) > 1 {
		pos := map[int]int{}
		for i, m := range members {
			pos[m] = i
		}
		var subOrder []int
		for _, o := range order {
			if p, ok := pos[o]; ok {
				subOrder = append(subOrder, p)
			}
		}
		events := cluster(context.Background(), vecSlice(evecs), subOrder, s.EventThreshold, s.EventThreshold+0.15, 0, false, false, nil)
		for _, ev := range events {
			var evMembers, evPos []int
			var evIDs []string
			for _, p := range ev {
				evMembers = append(evMembers, members[p])
			}
			sort.Ints(evMembers)
			for _, m := range evMembers {
				evIDs = append(evIDs, c.Docs[m].ID)
				evPos = append(evPos, pos[m])
			}
			st.Events = append(st.Events, accord.Event{ID: storyID("e", evIDs), Title: title(c, evMembers, evPos, evecs), Documents: evIDs})
		}
		sort.Slice(st.Events, func(i, j int) bool { return st.Events[i].Documents[0] < st.Events[j].Documents[0] })
	} else {
		st.Events = []accord.Event{{ID: storyID("e", ids), Title: st.Title, Documents: ids}}
	}
	return st
}

// storyID is stable for the same members: a prefix and a hash of the ids.
func storyID(prefix string, ids []string) string {
	return prefix + "-" + accord.TextID(strings.Join(ids, "\x00"))[:10]
}

// title picks the title of the document nearest the cluster's centroid, so the
// story is named by its most typical report, never "Story 1".
//
// vecs[pos[k]] is the vector of members[k] (vecs[k] when pos is nil).
func title(c *accord.Corpus, members, pos []int, vecs []vector) string {
	vec := func(k int) vector {
		if pos == nil {
			return vecs[k]
		}
		return vecs[pos[k]]
	}
	cent := newCentroid()
	var scratch []int32
	for k := range members {
		cent.add(vec(k), &scratch)
	}
	best, bestScore := -1, -1.0
	for k, m := range members {
		t := strings.TrimSpace(c.Docs[m].Title)
		if t == "" {
			continue
		}
		sc := cent.cosine(vec(k)) * titleQuality(t)
		if sc > bestScore {
			best, bestScore = m, sc
		}
	}
	if best < 0 {
		// No document has a title: the first sentence of the most central one.
		for _, m := range members {
			d := c.Docs[m]
			if len(d.Sentences) > 0 {
				return trimTitle(d.Slice(d.Sentences[0]))
			}
		}
		return "Untitled documents"
	}
	return trimTitle(c.Docs[best].Title)
}

// titleQuality weighs a candidate title by how well it names a story: a
// title of a readable length that says what happened. A dateline taken for a
// headline ("Sunday, March 17, 2013 | 5:00 PM") names nothing and is chosen
// only when no other document has a title; a headline in capitals reads as
// shouting and loses to an equally central one in sentence case.
func titleQuality(t string) float64 {
	q := 1.0
	if n := utf8.RuneCountInString(t); n < 20 || n > 160 {
		q *= 0.8
	}
	words := 0
	for _, w := range text.ContentWords(t) {
		if !calendarWord(w) && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			words++
		}
	}
	if words < 2 {
		q *= 0.25
	}
	if strings.IndexFunc(t, unicode.IsLower) < 0 && strings.IndexFunc(t, unicode.IsUpper) >= 0 {
		q *= 0.9
	}
	return q
}

// calendarWord reports whether a lower-cased word only places a text in time
// (weekdays, months, clock words), as datelines do.
func calendarWord(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
		"january", "february", "march", "april", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec", "am", "pm", "a.m", "p.m", "gmt", "utc", "bst",
		"est", "edt", "cst", "cdt", "pst", "pdt", "et", "updated", "posted", "published",
		"today", "yesterday":
		return true
	}
	return false
}

func trimTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	if utf8.RuneCountInString(t) > 160 {
		r := []rune(t)
		t = string(r[:157]) + "…"
	}
	return t
}

// arrival orders documents as a stream would deliver them: by publication
// date where known, then by id.
func arrival(docs []*accord.Document) []int {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		da, db := docs[order[a]].Published, docs[order[b]].Published
		if da != db {
			if da == "" {
				return false
			}
			if db == "" {
				return true
			}
			return da < db
		}
		return docs[order[a]].ID < docs[order[b]].ID
	})
	return order
}

// keepCopiesTogether moves every member of an independent group into the
// story that holds most of the group (ties: the story of the group's first
// document), so a copy always joins its original's story.
func keepCopiesTogether(c *accord.Corpus, topics [][]int) [][]int {
	if len(c.Groups) == 0 {
		return topics
	}
	idx := map[string]int{}
	for i, d := range c.Docs {
		idx[d.ID] = i
	}
	topicOf := make([]int, len(c.Docs))
	for t, ms := range topics {
		for _, m := range ms {
			topicOf[m] = t
		}
	}
	for _, g := range c.Groups {
		if len(g) < 2 {
			continue
		}
		count := map[int]int{}
		bestT, bestN := -1, 0
		for _, id := range g {
			i, ok := idx[id]
			if !ok {
				continue
			}
			t := topicOf[i]
			count[t]++
			if count[t] > bestN || (count[t] == bestN && t < bestT) {
				bestT, bestN = t, count[t]
			}
		}
		for _, id := range g {
			if i, ok := idx[id]; ok {
				topicOf[i] = bestT
			}
		}
	}
	out := make([][]int, len(topics))
	for i, t := range topicOf {
		out[t] = append(out[t], i)
	}
	kept := out[:0]
	for _, ms := range out {
		if len(ms) > 0 {
			kept = append(kept, ms)
		}
	}
	return kept
}

// ---- features ----

type vocab struct {
	ids map[string]int32
	df  []int32
	// langN counts the documents of each language other than English.
	langN map[string]int
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}, langN: map[string]int{}} }

func (v *vocab) id(term string) int32 {
	if id, ok := v.ids[term]; ok {
		return id
	}
	id := int32(len(v.df))
	v.ids[term] = id
	v.df = append(v.df, 0)
	return id
}

// idf blends the corpus's document frequencies with the background table
// for word terms, so that a handful of documents on one story still weigh
// their common words as the language does, not as if every word were rare.
func (v *vocab) idf(n int) []float64 {
	bg := background()
	out := make([]float64, len(v.df))
	terms := make([]string, len(v.df))
	for t, id := range v.ids {
		terms[id] = t
	}
	for i, df := range v.df {
		N, D := float64(n), float64(df)
		if w, ok := strings.CutPrefix(terms[i], "w:"); ok {
			if lang, _, foreign := strings.Cut(w, ":"); foreign {
				// A word of another language: its frequency among the
				// documents of that language, as there is no background
				// corpus for it, and no floor: the stop lists are short,
				// so a word most of them use must weigh next to nothing.
				out[i] = math.Log((float64(v.langN[lang]) + 1) / (D + 1))
				continue
			}
			N += float64(bg.n)
			D += float64(bg.df[w])
		}
		out[i] = math.Log((N+1)/(D+1)) + 1
	}
	return out
}

// Terms returns the set of word terms (stemmed, lower-cased content words)
// of s, as story clustering counts them.
func Terms(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range text.ContentWords(s) {
		if isWord(w) {
			out[stem(w)] = true
		}
	}
	return out
}

type docFeatures struct {
	words map[int32]float64 // content words (title counted twice)
	names map[int32]float64 // names: entity mentions or capitalised words
	dates map[int32]float64 // dates mentioned or published (day and month)
	kinds map[int32]float64 // event kinds of the headline and lead (kinds.go)
}

// stem is a light English suffix stripper: enough to join talk/talks/talked.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ed"):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:n-1]
	}
	return w
}

func isWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) && len(w) > 2
}

// termCounts counts terms in first-seen order, so that interning them gives
// the same term ids on every run.
type termCounts struct {
	keys []string
	vals []float64
	idx  map[string]int
}

func (tc *termCounts) add(k string, x float64) {
	if tc.idx == nil {
		tc.idx = map[string]int{}
	}
	if i, ok := tc.idx[k]; ok {
		tc.vals[i] += x
		return
	}
	tc.idx[k] = len(tc.keys)
	tc.keys = append(tc.keys, k)
	tc.vals = append(tc.vals, x)
}

type docTerms struct {
	words, names, dates, kinds termCounts
	// lang is the language of a document the English annotators do not
	// read (text.ForeignLanguage), "" for English.
	lang string
}

// terms reads a document's terms; it touches no shared state, so documents
// are read in parallel.
func terms(d *accord.Document, kinds bool) docTerms {
	var f docTerms
	if f.lang = text.ForeignLanguage(d); f.lang != "" {
		foreignTerms(d, &f)
		return f
	}
	if len(d.Mentions) > 0 {
		for _, m := range d.Mentions {
			if m.Kind != "" && m.Kind != accord.MentionName {
				continue
			}
			// The canonical entity where the corpus stage has set one, so
			// two people of one surname stay apart and "Putin" meets
			// "Vladimir Putin"; the surname otherwise.
			key := m.EntityID
			if key == "" {
				key = nameKey(d.Slice(m.Span))
			}
			if key != "" {
				f.names.add("n:"+key, 1)
			}
		}
	} else {
		for _, s := range d.Sentences {
			toks := text.Tokens(d.Text, s)
			for i, t := range toks {
				if i == 0 {
					continue
				}
				r, _ := utf8.DecodeRuneInString(d.Text[t.Start:t.End])
				if unicode.IsUpper(r) && t.Len() > 2 && !text.IsStopword(t.Lower) {
					f.names.add("n:"+t.Lower, 1)
				}
			}
		}
	}
	addWords := func(s string, weight float64) {
		for _, w := range text.ContentWords(s) {
			if isWord(w) {
				f.words.add("w:"+stem(w), weight)
			}
		}
	}
	addWords(d.Title, 2)
	addWords(strings.TrimPrefix(d.Text, d.Title), 1)
	for _, t := range d.Timexes {
		if t.Type == "DATE" && len(t.Value) >= 7 && t.Value[0] >= '0' && t.Value[0] <= '9' {
			f.dates.add("d:"+t.Value[:7], 1)
			if len(t.Value) >= 10 {
				f.dates.add("d:"+t.Value[:10], 1)
			}
		}
	}
	if len(d.Published) >= 7 {
		f.dates.add("d:"+d.Published[:7], 0.5)
	}
	if kinds {
		addKinds(d, &f.kinds)
	}
	return f
}

// foreignTerms reads the words of a document in another language: its
// words tagged with the language ("w:de:regierung"), unstemmed, without
// that language's stop words, so that they weigh only against documents of
// their language (vocab.idf). It has no names (the name tagger reads
// English; capitalised words are every noun in German), no dates and no
// event kinds.
func foreignTerms(d *accord.Document, f *docTerms) {
	prefix := "w:" + f.lang + ":"
	add := func(s string, weight float64) {
		for _, w := range text.Words(s) {
			if isWord(w) && !text.IsForeignStopword(f.lang, w) {
				f.words.add(prefix+w, weight)
			}
		}
	}
	add(d.Title, 2)
	add(strings.TrimPrefix(d.Text, d.Title), 1)
	if len(d.Published) >= 7 {
		f.dates.add("d:"+d.Published[:7], 0.5)
	}
}

// intern gives the terms ids (in document order) and counts document
// frequencies.
func (v *vocab) intern(dt *docTerms) docFeatures {
	if dt.lang != "" {
		v.langN[dt.lang]++
	}
	conv := func(tc *termCounts) map[int32]float64 {
		m := make(map[int32]float64, len(tc.keys))
		for i, k := range tc.keys {
			id := v.id(k)
			m[id] = tc.vals[i]
			v.df[id]++
		}
		return m
	}
	return docFeatures{words: conv(&dt.words), names: conv(&dt.names), dates: conv(&dt.dates), kinds: conv(&dt.kinds)}
}

// extractAll reads every document's terms in parallel, then interns them in
// document order.
func extractAll(docs []*accord.Document, v *vocab, kinds bool) []docFeatures {
	dts := make([]docTerms, len(docs))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(docs); i += workers {
				dts[i] = terms(docs[i], kinds)
			}
		}(w)
	}
	wg.Wait()
	out := make([]docFeatures, len(docs))
	for i := range dts {
		out[i] = v.intern(&dts[i])
		dts[i] = docTerms{}
	}
	return out
}

// nameKey reduces a name to its last word, lower-cased: "Mr Petrov",
// "Ivan Petrov" and "Petrov" share a key.
func nameKey(s string) string {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return ""
	}
	last := strings.ToLower(strings.Trim(fields[len(fields)-1], ".,;:'\"’”"))
	if strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s") {
		last = last[:len(last)-2]
	}
	return last
}

func weigh(m map[int32]float64, idf []float64, w float64, out map[int32]float64) {
	// Sum in id order: a float sum in map order differs in its last bits
	// from run to run, and so would the clusters.
	ids := make([]int32, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	norm := 0.0
	xs := make([]float64, len(ids))
	for i, id := range ids {
		xs[i] = (1 + math.Log(m[id])) * idf[id]
		norm += xs[i] * xs[i]
	}
	if norm == 0 {
		return
	}
	norm = math.Sqrt(norm)
	for i, id := range ids {
		out[id] += w * xs[i] / norm
	}
}

// topicVector weighs words most: stories are what documents are about.
func (f docFeatures) topicVector(idf []float64, nameWeight, kindWeight float64) vector {
	m := map[int32]float64{}
	weigh(f.words, idf, 1.0, m)
	weigh(f.names, idf, nameWeight, m)
	if kindWeight > 0 {
		weigh(f.kinds, idf, kindWeight, m)
	}
	return newVector(m)
}

// eventVector adds weight to names and dates: one event is one set of actors
// at one time.
func (f docFeatures) eventVector(idf []float64) vector {
	m := map[int32]float64{}
	weigh(f.words, idf, 1.0, m)
	weigh(f.names, idf, 1.0, m)
	weigh(f.dates, idf, 0.5, m)
	return newVector(m)
}

// dateRange is the first and last publication date (day) of the documents.
func dateRange(c *accord.Corpus, ids []string) (*string, *string) {
	var first, last string
	for _, id := range ids {
		d := c.Doc(id)
		if d == nil {
			continue
		}
		p := d.Published
		if len(p) >= 10 {
			p = p[:10]
		}
		if p == "" {
			continue
		}
		if first == "" || p < first {
			first = p
		}
		if p > last {
			last = p
		}
	}
	if first == "" {
		return nil, nil
	}
	return &first, &last
}

// Dates is the corpus stage that sets each story's first and last dates once
// publication dates have been inferred (it runs after the time stage).
type Dates struct{}

// NewDates returns the stage.
func NewDates() Dates { return Dates{} }

// Name implements accord.CorpusStage.
func (Dates) Name() string { return "story-dates" }

// Analyze implements accord.CorpusStage.
func (Dates) Analyze(_ context.Context, c *accord.Corpus) error {
	for i := range c.Stories {
		c.Stories[i].FirstDate, c.Stories[i].LastDate = dateRange(c, c.Stories[i].Documents)
	}
	return nil
}
