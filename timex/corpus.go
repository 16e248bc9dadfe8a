package timex

import (
	"context"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// Dater is the corpus stage: it infers the publication dates of undated
// documents from the dated documents of the same story, re-normalizes every
// document's time expressions against its final reference date, and builds
// the timeline.
type Dater struct{}

// NewCorpus returns the corpus stage.
func NewCorpus() *Dater { return &Dater{} }

// Name implements accord.CorpusStage.
func (*Dater) Name() string { return "timex" }

// docInfo is what the corpus stage keeps per document.
type docInfo struct {
	d     *accord.Document
	toks  []accord.Token
	cands []Candidate
	sigs  []signature // per candidate: its sentence's signature
	sents []accord.Span
	ref   time.Time
	has   bool // ref is set
	pub   bool // ref is the publication date (stated or inferred)
	ments *mentionsByStart
}

// Analyze implements accord.CorpusStage.
func (*Dater) Analyze(ctx context.Context, c *accord.Corpus) error {
	infos := make(map[string]*docInfo, len(c.Docs))
	for _, d := range c.Docs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		toks := tokenize(d)
		cands := Detect(d.Text, toks, d.Sentences)
		inf := &docInfo{d: d, toks: toks, cands: cands, sents: d.Sentences}
		inf.sigs = make([]signature, len(cands))
		for k, cd := range cands {
			inf.sigs[k] = sentenceSignature(d, toks, inf.mentions(), sentenceOf(d, cd.Span), cd.Span)
		}
		if t, ok := ParseRef(d.Published); ok {
			inf.ref, inf.has, inf.pub = t, true, true
		}
		infos[d.ID] = inf
	}
	for _, g := range groups(c) {
		inferGroup(g, infos)
	}
	notBeforeOriginal(c, infos)
	// Re-normalize against the final reference date.
	refDate, hasRefDate := ParseRef(c.Options.RefDate)
	for _, d := range c.Docs {
		inf := infos[d.ID]
		ref, ok := inf.ref, inf.has
		if !ok && hasRefDate {
			ref, ok = refDate, true
		}
		d.Timexes = Normalize(d.Text, inf.cands, ref, ok)
	}
	c.Timeline = buildTimeline(c, infos)
	return nil
}

// group is a set of documents about one story.
type group struct {
	story string
	ids   []string
}

// groups returns the events of the stories (the finer clusters: one
// happening reported by several documents), a story without events as one
// group, or the whole corpus as one group when no story stage ran.
// Documents in no story (or in no event of their story) form one leftover
// group each.
func groups(c *accord.Corpus) []group {
	if len(c.Stories) == 0 {
		g := group{}
		for _, d := range c.Docs {
			g.ids = append(g.ids, d.ID)
		}
		return []group{g}
	}
	var out []group
	seen := map[string]bool{}
	add := func(story string, ids []string) {
		g := group{story: story}
		for _, id := range ids {
			if c.Doc(id) != nil && !seen[id] {
				g.ids = append(g.ids, id)
				seen[id] = true
			}
		}
		if len(g.ids) > 0 {
			out = append(out, g)
		}
	}
	for _, s := range c.Stories {
		if len(s.Events) == 0 {
			add(s.ID, s.Documents)
			continue
		}
		for _, e := range s.Events {
			add(s.ID, e.Documents)
		}
	}
	for _, d := range c.Docs {
		if !seen[d.ID] {
			out = append(out, group{ids: []string{d.ID}})
		}
	}
	return out
}

// anchor is a happening with a known date in some document.
type anchor struct {
	sent      int // start of the anchor's sentence
	date      time.Time
	yearKnown bool
	sig       signature
	doc       string
	weight    float64
}

// dayValue parses a day-granular value ("2022-01-10", "2022-01-10T14:00").
func dayValue(v string) (time.Time, bool) {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' || (len(v) > 10 && v[10] != 'T') {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", v[:10])
	return t, err == nil
}

// refDependent: the candidate's day depends on the reference date.
func refDependent(sp spec) bool {
	switch sp.kind {
	case kWeekday:
		return true
	case kRel:
		// "yesterday", "today"; a bare clock time ("at 3:33 a.m.") is not
		// evidence of the day.
		return sp.unit == "D" && !sp.anaph && !(sp.n == 0 && sp.suffix != "")
	}
	return false
}

// currentWindow bounds how far from a publication date a date may lie and
// still be evidence for the publication day of another document: a date
// further from its own document's date is history ("the first call was made
// on 1 January 1985"), not the happening a report of the week refers to with
// "on Tuesday" or "yesterday"; and no publication day is inferred further
// than this from every stated date of the group.
const currentWindow = 60 * 24 * time.Hour

// inferGroup infers publication dates for the undated documents of g.
//
// Evidence is rooted in stated dates only: candidate days come from the
// dates of documents whose publication date is stated (and, in later passes,
// of documents inferred from them), and only within currentWindow of a
// stated date. A group with no stated date infers nothing, except where a
// document states its own date as a publication cue ("today (4 November
// 2011)"). Dates written in undated documents are anchors only near a
// stated date; dates far from their own document's date are history and
// anchor nothing.
func inferGroup(g group, infos map[string]*docInfo) {
	var stated []time.Time
	for _, id := range g.ids {
		if inf := infos[id]; inf != nil && inf.pub {
			stated = append(stated, dayOf(inf.ref))
		}
	}
	sort.Slice(stated, func(i, j int) bool { return stated[i].Before(stated[j]) })
	near := func(t time.Time) bool { return nearSorted(stated, t, currentWindow) }
	anchors := newAnchorSet()
	addAnchors := func(inf *docInfo, w float64) {
		vals := normalizeAll(inf, inf.ref, true)
		own := dayOf(inf.ref)
		for k, v := range vals {
			t, ok := dayValue(v)
			if !ok || absDur(t.Sub(own)) > currentWindow {
				continue
			}
			anchors.add(anchor{sent: sentenceOf(inf.d, inf.cands[k].Span).Start, date: t, yearKnown: true, sig: inf.sigs[k], doc: inf.d.ID, weight: w})
		}
	}
	var undated []*docInfo
	for _, id := range g.ids {
		inf := infos[id]
		if inf == nil {
			continue
		}
		if inf.pub {
			addAnchors(inf, 1)
			continue
		}
		if strings.TrimSpace(inf.d.Published) != "" {
			// A stated date we cannot read is not ours to replace.
			continue
		}
		if t, ok := selfCue(inf); ok {
			// The document states its own date: "today (4 November 2011)".
			setInferred(inf, t)
			continue
		}
		undated = append(undated, inf)
		if len(stated) == 0 {
			continue
		}
		// Dates written out in an undated document anchor too ("January
		// 10"), when they lie near a stated date of the group.
		for k, cd := range inf.cands {
			sp := cd.spec
			if sp.kind == kDate && sp.m > 0 && sp.d > 0 {
				y := sp.y
				if y == 0 {
					y = 2000
				}
				if !validDate(y, sp.m, sp.d) || sp.y > 0 && !near(date(y, sp.m, sp.d)) {
					continue
				}
				anchors.add(anchor{sent: sentenceOf(inf.d, cd.Span).Start, date: date(y, sp.m, sp.d), yearKnown: sp.y > 0, sig: inf.sigs[k], doc: inf.d.ID, weight: 0.6})
			}
		}
	}
	if len(stated) == 0 {
		return
	}
	for pass := 0; pass < 3 && len(undated) > 0; pass++ {
		var rest []*docInfo
		progress := false
		for _, u := range undated {
			if t, ok := inferDoc(u, anchors, near); ok {
				setInferred(u, t)
				progress = true
				continue
			}
			rest = append(rest, u)
		}
		// Newly dated documents anchor the rest.
		for _, u := range undated {
			if u.pub {
				addAnchors(u, 0.7)
			}
		}
		undated = rest
		if !progress {
			break
		}
	}
}

// notBeforeOriginal: a machine-spun rewrite is not published long before
// the document it rewrites. An inferred date more than spunSlack earlier than
// the stated date of the original (the copies stage's spun link runs from the
// rewrite to it) is raised to that date. The slack: on copies-dev with hidden
// dates, raising every earlier date fixed three and broke two (a spun link's
// original can be a later republication), raising only the far-off ones fixes
// a two-year error and changes nothing else.
const spunSlack = 7 * 24 * time.Hour

func notBeforeOriginal(c *accord.Corpus, infos map[string]*docInfo) {
	for _, l := range c.Links {
		if l.Kind != accord.LinkSpun {
			continue
		}
		from, to := infos[l.From], infos[l.To]
		if from == nil || to == nil || !from.pub || !to.pub {
			continue
		}
		if from.d.PublishedBasis != accord.BasisInferred || to.d.PublishedBasis == accord.BasisInferred {
			continue
		}
		if from.ref.Before(to.ref.Add(-spunSlack)) {
			setInferred(from, to.ref)
		}
	}
}

// setInferred gives u the inferred publication day t.
func setInferred(u *docInfo, t time.Time) {
	u.ref, u.has, u.pub = t, true, true
	u.d.Published = t.Format("2006-01-02")
	u.d.PublishedBasis = accord.BasisInferred
}

// selfCue finds a document's statement of its own date: "today" followed
// right away by a full date with year ("today (4 November 2011)", "today,
// Friday 14 January 2022,"). Several cues must agree.
func selfCue(u *docInfo) (time.Time, bool) {
	var found time.Time
	for k := 0; k+1 < len(u.cands); k++ {
		c, n := u.cands[k], u.cands[k+1]
		if c.spec.kind != kRel || !strings.EqualFold(u.d.Text[c.Start:c.End], "today") {
			continue
		}
		sp := n.spec
		if sp.kind != kDate || sp.y == 0 || sp.m == 0 || sp.d == 0 || !validDate(sp.y, sp.m, sp.d) {
			continue
		}
		if n.Start < c.End || n.Start-c.End > 3 || strings.TrimLeft(u.d.Text[c.End:n.Start], " \t(,:-–—") != "" {
			continue
		}
		t := date(sp.y, sp.m, sp.d)
		if !found.IsZero() && !found.Equal(t) {
			return time.Time{}, false
		}
		found = t
	}
	return found, !found.IsZero()
}

// dayOf truncates t to its calendar day (UTC, as date builds days).
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// nearSorted reports whether t lies within w of one of the sorted times.
func nearSorted(sorted []time.Time, t time.Time, w time.Duration) bool {
	i := sort.Search(len(sorted), func(i int) bool { return !sorted[i].Before(t) })
	return i < len(sorted) && absDur(sorted[i].Sub(t)) <= w || i > 0 && absDur(t.Sub(sorted[i-1])) <= w
}

// normalizeAll returns each candidate's value against ref (empty where
// normalization gave none), keeping candidate order.
func normalizeAll(inf *docInfo, ref time.Time, ok bool) []string {
	n := &normalizer{ref: ref, hasRef: ok}
	out := make([]string, len(inf.cands))
	for k, c := range inf.cands {
		out[k] = n.resolve(c.spec)
	}
	return out
}

// inferDoc scores candidate publication dates for u against the anchors:
// a date scores where u's reference-dependent expressions ("on Monday",
// "yesterday") land on the day of a happening that a dated document puts
// there with the same event words and names, plus a preference for
// references close to the publication day (news is fresh).
func inferDoc(u *docInfo, anchors *anchorSet, near func(time.Time) bool) (time.Time, bool) {
	var deps []int
	for k, c := range u.cands {
		if refDependent(c.spec) {
			deps = append(deps, k)
		}
	}
	if len(deps) == 0 || len(anchors.all) == 0 {
		return time.Time{}, false
	}
	// Week and month references ("last week", "earlier this month") narrow
	// the day: they add support where the happening they tell of lies in
	// the week or month they name from that day, but date nothing alone.
	var periods []int
	var pmatches [][]periodMatch
	for k, c := range u.cands {
		if periodDependent(c.spec) {
			periods = append(periods, k)
			pmatches = append(pmatches, periodMatches(u, k, anchors))
		}
	}
	// Candidate days: within a week either side of the dates of the anchors
	// (from other documents, year known) that share words with u's dated
	// sentences; the best-supported dates first, at most maxAnchorDates.
	support := map[time.Time]int{}
	for _, k := range deps {
		for _, key := range u.sigs[k].keys() {
			list := anchors.byKey[key]
			if len(list) > maxKeyAnchors {
				// A word that many anchors share says nothing.
				continue
			}
			for _, ai := range list {
				a := &anchors.all[ai]
				if a.yearKnown {
					support[a.date]++
				}
			}
		}
	}
	adates := make([]time.Time, 0, len(support))
	for t := range support {
		adates = append(adates, t)
	}
	sort.Slice(adates, func(i, j int) bool {
		if support[adates[i]] != support[adates[j]] {
			return support[adates[i]] > support[adates[j]]
		}
		return adates[i].Before(adates[j])
	})
	if len(adates) > maxAnchorDates {
		adates = adates[:maxAnchorDates]
	}
	days := map[time.Time]bool{}
	for _, t := range adates {
		for k := -7; k <= 7; k++ {
			days[t.AddDate(0, 0, k)] = true
		}
	}
	var cand []time.Time
	for t := range days {
		if near(t) {
			cand = append(cand, t)
		}
	}
	sort.Slice(cand, func(i, j int) bool { return cand[i].Before(cand[j]) })
	// Full dates the document tells in the past tense.
	var told []time.Time
	for _, c := range u.cands {
		sp := c.spec
		if sp.kind == kDate && sp.y > 0 && sp.m > 0 && sp.d > 0 && sp.tense < 0 && validDate(sp.y, sp.m, sp.d) {
			told = append(told, date(sp.y, sp.m, sp.d))
		}
	}
	vals := make([]string, len(u.cands))
	simCache := map[[2]int]float64{}
	best, bestScore, bestMatch := time.Time{}, 0.0, 0.0
	for _, p := range cand {
		// The dependent expressions do not depend on earlier ones: resolve
		// just them.
		nz := &normalizer{ref: p, hasRef: true}
		for _, k := range deps {
			vals[k] = nz.resolve(u.cands[k].spec)
		}
		for _, k := range periods {
			vals[k] = nz.resolve(u.cands[k].spec)
		}
		score, match := 0.0, 0.0
		fresh := map[time.Time]bool{}
		for _, k := range deps {
			t, ok := dayValue(vals[k])
			if !ok {
				continue
			}
			if !fresh[t] {
				// Each day referred to counts once for freshness. News
				// reports what happened a day or so before (the peak at one
				// day was measured on copies-dev) and previews further ahead.
				fresh[t] = true
				d := t.Sub(p).Hours() / 24
				if d <= 0 {
					score += math.Exp(-math.Abs(d+1) / 2)
				} else {
					score += math.Exp(-d / 8)
				}
			}
			m := 0.0
			for _, ai := range anchors.on(t) {
				a := &anchors.all[ai]
				key := [2]int{k, ai}
				s, seen := simCache[key]
				if !seen {
					s = similarity(u.sigs[k], a.sig)
					simCache[key] = s
				}
				if a.doc == u.d.ID {
					// The document's own written date agrees with its weekday
					// ("today (4 November 2011)", "on Monday ... on January 10").
					if a.sent == sentenceOf(u.d, u.cands[k].Span).Start {
						s = 1
					} else if a.sent != sentenceOf(u.d, u.cands[k].Span).Start && !a.yearKnown {
						s = math.Max(s, 0.5)
					}
				}
				if s < 0.25 {
					continue
				}
				if v := s * a.weight; v > m {
					m = v
					if debugMatch != nil {
						debugMatch(u.d.ID, p, u.d.Text[u.cands[k].Start:u.cands[k].End], *a, v)
					}
				}
			}
			match += m
		}
		score += 3 * match
		for i, k := range periods {
			from, to, ok := periodValue(vals[k])
			if !ok {
				continue
			}
			m := 0.0
			for _, pm := range pmatches[i] {
				// A day the document names itself is counted already: the
				// period must add another happening.
				if pm.v > m && !pm.date.Before(from) && pm.date.Before(to) && !fresh[pm.date] {
					m = pm.v
				}
			}
			score += periodWeight * m
		}
		// Dates the document tells in the past tense lie before publication.
		for _, t := range told {
			if t.After(p) {
				score -= 1.5
			}
		}
		if debugInfer != nil {
			debugInfer(u.d.ID, p, score, match, vals)
		}
		if match > 0 && score > bestScore+1e-9 {
			best, bestScore, bestMatch = p, score, match
		}
	}
	if bestMatch == 0 {
		return time.Time{}, false
	}
	return best, true
}

// signature is what a sentence is about: content stems, names and event
// classes.
type signature struct {
	words  map[string]bool
	names  map[string]bool
	events map[string]bool
}

// eventClass maps event words to a class so that "talks", "meeting" and
// "negotiations" match. General English, not tied to any story.
var eventClass = map[string]string{
	"meet": "meet", "meets": "meet", "met": "meet", "meeting": "meet", "meetings": "meet", "talks": "meet",
	"talked": "meet", "negotiations": "meet", "negotiated": "meet", "session": "meet", "conference": "meet",
	"summit": "meet", "dialogue": "meet", "discussions": "meet", "discussed": "meet", "round": "meet",
	"council": "meet", "gathering": "meet", "consultations": "meet", "negotiation": "meet",
	"call": "call", "called": "call", "phone": "call", "telephone": "call", "telephonic": "call",
	"conversation": "call", "spoke": "call", "video": "call",
	"said": "say", "says": "say", "told": "say", "stated": "say", "statement": "say", "announced": "say",
	"warned": "say", "reiterated": "say", "declared": "say", "urged": "say", "remarks": "say",
	"deployed": "deploy", "deployment": "deploy", "deploy": "deploy", "troops": "deploy", "buildup": "deploy",
	"massed": "deploy", "sent": "deploy", "moved": "deploy",
	"attack": "attack", "attacked": "attack", "attacks": "attack", "strike": "attack", "strikes": "attack",
	"bombing": "attack", "explosion": "attack", "killed": "attack", "shot": "attack", "invasion": "attack",
	"invaded": "attack", "fire": "attack",
	"signed": "sign", "agreement": "sign", "treaty": "sign", "deal": "sign", "accord": "sign",
	"visit": "visit", "visited": "visit", "arrived": "visit", "trip": "visit", "travelled": "visit", "traveled": "visit",
	"election": "vote", "elections": "vote", "vote": "vote", "voted": "vote", "referendum": "vote", "elected": "vote",
	"launched": "start", "began": "start", "begin": "start", "started": "start", "opened": "start",
	"ended": "end", "concluded": "end", "finished": "end", "closed": "end",
	"resigned": "resign", "resignation": "resign", "fired": "resign", "dismissed": "resign",
	"arrested": "arrest", "arrest": "arrest", "charged": "arrest", "sentenced": "arrest", "convicted": "arrest",
	"released": "release", "published": "release", "report": "release", "unveiled": "release",
	"held": "hold", "hosted": "hold",
	"died": "die", "death": "die", "dead": "die",
	"exercises": "drill", "drills": "drill",
}

// timeWords are words that time expressions are made of; they do not make
// two sentences about the same happening.
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "today": true, "yesterday": true, "tomorrow": true, "week": true, "month": true, "year": true,
	"last": true, "next": true, "day": true, "earlier": true, "later": true,
}

func stem(w string) string {
	for _, suf := range []string{"ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// sentenceOf returns the sentence holding sp, or a window around it.
func sentenceOf(d *accord.Document, sp accord.Span) accord.Span {
	if k := d.SentenceAt(sp.Start); k >= 0 {
		return d.Sentences[k]
	}
	lo, hi := sp.Start-200, sp.End+200
	if lo < 0 {
		lo = 0
	}
	if hi > len(d.Text) {
		hi = len(d.Text)
	}
	return accord.Span{Start: lo, End: hi}
}

// sentenceSignature builds the signature of sentence sent, leaving out the
// time expression at tx.
func sentenceSignature(d *accord.Document, toks []accord.Token, ms *mentionsByStart, sent, tx accord.Span) signature {
	sig := signature{words: map[string]bool{}, names: map[string]bool{}, events: map[string]bool{}}
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= sent.Start })
	first := true
	for ; i < len(toks) && toks[i].End <= sent.End; i++ {
		t := toks[i]
		if t.Start >= tx.Start && t.End <= tx.End {
			first = false
			continue
		}
		w := t.Lower
		r, _ := utf8.DecodeRuneInString(w)
		if !text.IsWordRune(r) {
			continue
		}
		if c, ok := eventClass[w]; ok {
			sig.events[c] = true
		}
		if len(w) < 3 || text.IsStopword(w) || timeWords[w] {
			first = false
			continue
		}
		orig, _ := utf8.DecodeRuneInString(d.Text[t.Start:])
		for _, part := range strings.Split(w, "-") {
			if len(part) < 2 || text.IsStopword(part) {
				continue
			}
			if unicode.IsUpper(orig) && !first {
				sig.names[part] = true
			}
			sig.words[stem(part)] = true
		}
		first = false
	}
	// Entity mentions in the sentence count as names.
	ms.within(sent, func(m *accord.Mention) {
		if m.Kind != accord.MentionPronoun {
			key := strings.ToLower(m.Text)
			if m.EntityID != "" {
				key = m.EntityID
			}
			sig.names[key] = true
		}
	})
	return sig
}

// similarity of two sentence signatures, in [0, 1].
func similarity(a, b signature) float64 {
	shared := func(x, y map[string]bool) int {
		n := 0
		for k := range x {
			if y[k] {
				n++
			}
		}
		return n
	}
	return score(shared(a.words, b.words), shared(a.names, b.names), shared(a.events, b.events))
}

// score is the similarity of two signatures that share w words, nm names
// and ev event classes.
func score(w, nm, ev int) float64 {
	// Shared event class without any shared word or name proves little.
	s := 0.15*float64(w) + 0.2*float64(nm)
	if ev > 0 {
		s += 0.25
	}
	if w+nm == 0 {
		return 0
	}
	if s > 1 {
		s = 1
	}
	return s
}

// debugInfer, when set (tests), sees every scored candidate day.
var debugInfer func(doc string, p time.Time, score, match float64, vals []string)

var debugMatch func(doc string, p time.Time, tx string, a anchor, v float64)

// maxAnchorDates bounds the dates tried per undated document; maxKeyAnchors
// drops index words shared by too many anchors to be evidence.
const (
	maxAnchorDates = 40
	maxKeyAnchors  = 2000
)

// anchorSet indexes anchors by date and by signature key.
type anchorSet struct {
	all    []anchor
	byDate map[time.Time][]int
	byMD   map[int][]int // year-unknown anchors by month*100+day
	byKey  map[string][]int
}

func newAnchorSet() *anchorSet {
	return &anchorSet{byDate: map[time.Time][]int{}, byMD: map[int][]int{}, byKey: map[string][]int{}}
}

func (s *anchorSet) add(a anchor) {
	i := len(s.all)
	s.all = append(s.all, a)
	if a.yearKnown {
		s.byDate[a.date] = append(s.byDate[a.date], i)
	} else {
		md := int(a.date.Month())*100 + a.date.Day()
		s.byMD[md] = append(s.byMD[md], i)
	}
	for _, k := range a.sig.keys() {
		s.byKey[k] = append(s.byKey[k], i)
	}
}

// on returns the anchors for day t: those of that date and the year-unknown
// ones of the same month and day.
func (s *anchorSet) on(t time.Time) []int {
	md := int(t.Month())*100 + t.Day()
	a, b := s.byDate[t], s.byMD[md]
	if len(b) == 0 {
		return a
	}
	out := make([]int, 0, len(a)+len(b))
	return append(append(out, a...), b...)
}

// keys are the index keys of a signature: its names and content stems.
func (g signature) keys() []string {
	out := make([]string, 0, len(g.names)+len(g.words))
	for k := range g.names {
		out = append(out, "n:"+k)
	}
	for k := range g.words {
		out = append(out, "w:"+k)
	}
	return out
}

// periodWeight scales the support of a week or month reference against a
// day reference (3): a week holds seven days that could match.
const periodWeight = 0.5

// periodDependent: "last week", "this month", "next month": a week or month
// counted from the reference date.
func periodDependent(sp spec) bool {
	return sp.kind == kRel && !sp.anaph && !sp.shift && sp.typ == "DATE" && (sp.unit == "W" || sp.unit == "M") && sp.n >= -1 && sp.n <= 1
}

// periodValue reads a week ("2022-W02") or month ("2022-01") value as the
// days [from, to).
func periodValue(v string) (from, to time.Time, ok bool) {
	if len(v) == 8 && v[4] == '-' && v[5] == 'W' {
		y, e1 := strconv.Atoi(v[:4])
		w, e2 := strconv.Atoi(v[6:])
		if e1 != nil || e2 != nil || w < 1 || w > 53 {
			return from, to, false
		}
		// The Monday of ISO week 1 is in the week of 4 January.
		jan4 := date(y, 1, 4)
		off := (int(jan4.Weekday()) + 6) % 7
		from = jan4.AddDate(0, 0, -off+7*(w-1))
		return from, from.AddDate(0, 0, 7), true
	}
	if len(v) == 7 && v[4] == '-' {
		t, err := time.Parse("2006-01", v)
		if err != nil {
			return from, to, false
		}
		return t, t.AddDate(0, 1, 0), true
	}
	return from, to, false
}

// periodMinSim: a week or month holds many of a story's happenings, so its
// match must be closer than a day's (0.25).
const periodMinSim = 0.35

// periodMatch is a dated happening of another document that a week or month
// reference may point to, with its similarity times the anchor's weight.
type periodMatch struct {
	date time.Time
	v    float64
}

// periodMatches lists, once per document, the anchors of other documents
// (year known) whose sentence is close to the one of candidate k.
func periodMatches(u *docInfo, k int, anchors *anchorSet) []periodMatch {
	var out []periodMatch
	seen := map[int]bool{}
	for _, key := range u.sigs[k].keys() {
		for _, ai := range anchors.byKey[key] {
			if seen[ai] {
				continue
			}
			seen[ai] = true
			a := &anchors.all[ai]
			if a.doc == u.d.ID || !a.yearKnown {
				continue
			}
			if s := similarity(u.sigs[k], a.sig); s >= periodMinSim {
				out = append(out, periodMatch{a.date, s * a.weight})
			}
		}
	}
	return out
}
