package timex

import (
	"github.com/accord-news/accord/internal/unionfind"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

// happening is one sentence that ties an event to a date.
type happening struct {
	date  string
	doc   *accord.Document
	sent  accord.Span
	tx    accord.Span
	sig   signature
	story string
	// folded: dated by its month only, moved to the one day of that month
	// with the same happening; never the item's wording.
	folded bool
	// ments indexes doc's mentions (nil: scan them).
	ments *mentionsByStart
}

// timelineDate returns the timeline date of a value: a day or a month.
func timelineDate(v string) (string, bool) {
	if t, ok := dayValue(v); ok {
		return t.Format("2006-01-02"), true
	}
	if len(v) == 7 && v[4] == '-' && !strings.ContainsAny(v, "XQWHS") {
		if _, ok := atoi(v[:4]); ok {
			if m, ok := atoi(v[5:]); ok && m >= 1 && m <= 12 {
				return v, true
			}
		}
	}
	return "", false
}

// hasEvent: the sentence names a happening (a meeting, a call, a statement...)
// or has a past-tense verb.
func hasEvent(sig signature) bool { return len(sig.events) > 0 }

// buildTimeline collects the dated happenings per story and merges those of
// the same date and the same event across documents.
func buildTimeline(c *accord.Corpus, infos map[string]*docInfo) []accord.TimelineItem {
	var items []accord.TimelineItem
	// Documents that copy or rewrite another one.
	copies := map[string]bool{}
	spun := map[string]bool{}
	for _, l := range c.Links {
		switch l.Kind {
		case accord.LinkExact, accord.LinkNear, accord.LinkSpun:
			copies[l.From] = true
		}
		if l.Kind == accord.LinkSpun {
			spun[l.From] = true
		}
	}
	for _, g := range groups(c) {
		byDate := map[string][]happening{}
		for _, id := range g.ids {
			inf := infos[id]
			if inf == nil {
				continue
			}
			d := inf.d
			for _, tx := range d.Timexes {
				if tx.Type != "DATE" && tx.Type != "TIME" {
					continue
				}
				day, ok := timelineDate(tx.Value)
				if !ok {
					continue
				}
				// "this month" is the present, not a happening's date.
				if low := strings.ToLower(tx.Text); len(day) == 7 && (strings.Contains(low, "this") || strings.Contains(low, "current")) {
					continue
				}
				sent := sentenceOf(d, tx.Span)
				sig := sentenceSignature(d, inf.toks, inf.mentions(), sent, tx.Span)
				if !hasEvent(sig) {
					continue
				}
				byDate[day] = append(byDate[day], happening{date: day, doc: d, sent: sent, tx: tx.Span, sig: sig, story: g.story, ments: inf.mentions()})
			}
		}
		foldMonths(byDate)
		dates := make([]string, 0, len(byDate))
		for k := range byDate {
			dates = append(dates, k)
		}
		sort.Strings(dates)
		for _, day := range dates {
			for _, it := range mergeHappenings(byDate[day], copies) {
				// A machine rewrite's wording is no one's report: an item
				// only spun copies give is left out.
				if !allIn(it.Documents, spun) {
					items = append(items, it)
				}
			}
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].Date != items[j].Date {
			return items[i].Date < items[j].Date
		}
		if items[i].Story != items[j].Story {
			return items[i].Story < items[j].Story
		}
		return items[i].Summary < items[j].Summary
	})
	return items
}

func allIn(ids []string, set map[string]bool) bool {
	for _, id := range ids {
		if !set[id] {
			return false
		}
	}
	return len(ids) > 0
}

// foldMonths moves a happening dated by its month only ("in Brussels in
// January") to a day of that month when a happening of that day names the
// same event (the "Wednesday" meeting in Brussels): one item, at the finer
// date, instead of two entries for one happening.
func foldMonths(byDate map[string][]happening) {
	var months []string
	for k := range byDate {
		if len(k) == 7 {
			months = append(months, k)
		}
	}
	sort.Strings(months)
	var days []string
	for k := range byDate {
		if len(k) == 10 {
			days = append(days, k)
		}
	}
	sort.Strings(days)
	for _, mo := range months {
		var keep []happening
		for _, h := range byDate[mo] {
			var match []string
			for _, day := range days {
				if !strings.HasPrefix(day, mo+"-") {
					continue
				}
				for _, o := range byDate[day] {
					if o.doc == h.doc && o.sent == h.sent || o.folded {
						continue
					}
					if similarity(h.sig, o.sig) >= 0.35 && sharesEvent(h.sig, o.sig) {
						match = append(match, day)
						break
					}
				}
			}
			// Only an unambiguous day: two days with a like happening
			// (talks on Monday, a meeting on Wednesday) leave the month.
			if len(match) != 1 {
				keep = append(keep, h)
				continue
			}
			bestDay := match[0]
			h.date, h.folded = bestDay, true
			byDate[bestDay] = append(byDate[bestDay], h)
		}
		if len(keep) == 0 {
			delete(byDate, mo)
		} else {
			byDate[mo] = keep
		}
	}
}

// mergeHappenings clusters the happenings of one date by event similarity.
func mergeHappenings(hs []happening, copies map[string]bool) []accord.TimelineItem {
	// Drop repeats of one sentence (two timexes in it).
	uniq := hs[:0]
	seen := map[string]bool{}
	for _, h := range hs {
		k := h.doc.ID + "\x00" + strconv.Itoa(h.sent.Start)
		if seen[k] {
			continue
		}
		seen[k] = true
		uniq = append(uniq, h)
	}
	hs = uniq
	parent := unionfind.New(len(hs))
	find := parent.Find
	// Two happenings are similar only when they share a word or a name
	// (similarity): the pairs are found through an index of those rather
	// than by comparing all pairs (quadratic, with a matrix of them all, in
	// a long document). adj[i] holds, by ascending index, the others with
	// a similarity above 0 and that similarity; the unions happen in the
	// order of the all-pairs loop they replace.
	words, names := map[string][]int32{}, map[string][]int32{}
	evID := map[string]int32{}
	evs := make([][]int32, len(hs)) // event classes by id, sorted
	for i, h := range hs {
		for k := range h.sig.words {
			words[k] = append(words[k], int32(i))
		}
		for k := range h.sig.names {
			names[k] = append(names[k], int32(i))
		}
		for k := range h.sig.events {
			id, ok := evID[k]
			if !ok {
				id = int32(len(evID))
				evID[k] = id
			}
			evs[i] = append(evs[i], id)
		}
		slices.Sort(evs[i])
	}
	type neighbour struct {
		j int32
		s float64
	}
	adj := make([][]neighbour, len(hs))
	mark := make([]int, len(hs))
	for i := range mark {
		mark[i] = -1
	}
	// wc[j], nc[j]: the words and names j shares with i.
	wc, nc := make([]int, len(hs)), make([]int, len(hs))
	var cand []int32
	add := func(i int, idx map[string][]int32, keys map[string]bool, cnt []int) {
		for k := range keys {
			l := idx[k]
			for _, j := range l[sort.Search(len(l), func(n int) bool { return int(l[n]) > i }):] {
				if mark[j] != i {
					mark[j] = i
					wc[j], nc[j] = 0, 0
					cand = append(cand, j)
				}
				cnt[j]++
			}
		}
	}
	for i := range hs {
		cand = cand[:0]
		add(i, words, hs[i].sig.words, wc)
		add(i, names, hs[i].sig.names, nc)
		slices.Sort(cand)
		for _, j := range cand {
			ev := sharedSorted(evs[i], evs[j])
			s := score(wc[j], nc[j], ev)
			if s > 0 {
				adj[i] = append(adj[i], neighbour{j, s})
				adj[j] = append(adj[j], neighbour{int32(i), s})
			}
			if s >= 0.35 && ev > 0 { // sharesEvent
				parent[find(i)] = find(int(j))
			}
		}
	}
	// rowSum[i]: the similarity of i to the other members of its cluster,
	// summed by ascending index as over a full row (the pairs left out
	// are 0 and add nothing).
	comp := make([]int, len(hs))
	for i := range hs {
		comp[i] = find(i)
	}
	rowSum := make([]float64, len(hs))
	for i := range hs {
		s := 0.0
		for _, nb := range adj[i] {
			if comp[nb.j] == comp[i] {
				s += nb.s
			}
		}
		rowSum[i] = s
	}
	clusters := map[int][]int{}
	var roots []int
	for i := range hs {
		r := find(i)
		if _, ok := clusters[r]; !ok {
			roots = append(roots, r)
		}
		clusters[r] = append(clusters[r], i)
	}
	var out []accord.TimelineItem
	var mbuf []int
	for _, r := range roots {
		members := clusters[r]
		// The best-supported sentence: most similar to the others; then the
		// shortest.
		best, bestS := members[0], -1.0
		for _, i := range members {
			s := rowSum[i]
			// Prefer the wording of an original over a copy or rewrite,
			// and a stated date over an inferred one.
			if copies[hs[i].doc.ID] {
				s -= 10
			}
			if hs[i].doc.PublishedBasis == accord.BasisInferred {
				s -= 0.5
			}
			if hs[i].folded {
				s -= 20
			}
			// A sentence the summary must cut reads worse than a whole one.
			if hs[i].sent.Len() > 220 {
				s -= 1
			}
			if s > bestS+1e-9 || s > bestS-1e-9 && hs[i].sent.Len() < hs[best].sent.Len() {
				best, bestS = i, s
			}
		}
		item := accord.TimelineItem{
			Date:      hs[best].date,
			Summary:   clause(hs[best].doc.Text, hs[best].sent, hs[best].tx),
			Entities:  []string{},
			Documents: []string{},
			Evidence:  []accord.SpanRef{},
			Story:     hs[best].story,
		}
		central := map[int]float64{}
		for _, i := range members {
			central[i] = rowSum[i]
		}
		docs := map[string]bool{}
		ents := map[string]bool{}
		places := map[string]float64{}
		var placeOrder []string
		for _, i := range members {
			h := hs[i]
			docs[h.doc.ID] = true
			item.Evidence = append(item.Evidence, accord.SpanRef{Document: h.doc.ID, Start: h.sent.Start, End: h.sent.End, Text: h.doc.Slice(h.sent)})
			for _, mi := range h.mentionsIn(h.sent, &mbuf) {
				m := h.doc.Mentions[mi]
				if m.EntityID != "" {
					ents[m.EntityID] = true
				}
				if (m.Type == "GPE" || m.Type == "LOC") && m.Kind == accord.MentionName {
					p := h.doc.Slice(m.Span)
					if p == "" {
						continue
					}
					// Only a locative adjunct ("in Geneva", "at Brussels") says
					// where it happened; "talks with Moscow" does not.
					if !prepositionBefore(h.doc.Text, m.Start) {
						continue
					}
					if _, ok := places[p]; !ok {
						placeOrder = append(placeOrder, p)
					}
					// Weighted by how central the sentence is to the cluster.
					places[p] += 1 + central[i]
				}
			}
		}
		for id := range docs {
			item.Documents = append(item.Documents, id)
		}
		sort.Strings(item.Documents)
		for id := range ents {
			item.Entities = append(item.Entities, id)
		}
		sort.Strings(item.Entities)
		sort.Slice(item.Evidence, func(i, j int) bool {
			if item.Evidence[i].Document != item.Evidence[j].Document {
				return item.Evidence[i].Document < item.Evidence[j].Document
			}
			return item.Evidence[i].Start < item.Evidence[j].Start
		})
		if len(placeOrder) > 0 {
			bp := placeOrder[0]
			for _, p := range placeOrder {
				if places[p] > places[bp] {
					bp = p
				}
			}
			item.Place = &bp
		}
		out = append(out, item)
	}
	return out
}

// sharesEvent: the two sentences name the same kind of happening (a shared
// statement verb alone is enough only with names in common).
func sharesEvent(a, b signature) bool {
	for k := range a.events {
		if b.events[k] {
			return true
		}
	}
	return false
}

// clause returns the part of the sentence that carries the time expression:
// the whole sentence when short, else the clause around tx, cut at word
// boundaries and marked "…" where cut.
func clause(src string, sent, tx accord.Span) string {
	if sent.Start < 0 || sent.End > len(src) || sent.Start > sent.End {
		return ""
	}
	s := strings.TrimSpace(src[sent.Start:sent.End])
	if len(s) <= 220 {
		return s
	}
	lo, hi := sent.Start, sent.End
	// Clause boundaries: ; — : and quotation breaks.
	for _, b := range []string{"; ", " — ", " – ", ": "} {
		if k := strings.LastIndex(src[lo:tx.Start], b); k >= 0 {
			lo = lo + k + len(b)
		}
		if k := strings.Index(src[tx.End:hi], b); k >= 0 {
			hi = tx.End + k
		}
	}
	if hi-lo > 220 {
		// A window around the expression, at word boundaries.
		wlo, whi := tx.Start-110, tx.End+110
		if wlo < lo {
			wlo = lo
		}
		if whi > hi {
			whi = hi
		}
		for wlo > lo && !isSpaceAt(src, wlo-1) {
			wlo--
		}
		for whi < hi && !isSpaceAt(src, whi) {
			whi++
		}
		lo, hi = wlo, whi
	}
	for lo < hi && !utf8.RuneStart(src[lo]) {
		lo++
	}
	for hi > lo && hi < len(src) && !utf8.RuneStart(src[hi]) {
		hi--
	}
	out := strings.TrimSpace(src[lo:hi])
	// A cut is marked, so that a clause is never read as a whole sentence.
	if strings.TrimSpace(src[sent.Start:lo]) != "" {
		out = "… " + out
	}
	if strings.TrimSpace(src[hi:sent.End]) != "" {
		out += " …"
	}
	return out
}

func isSpaceAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// prepositionBefore: the word before off is "in" or "at".
func prepositionBefore(src string, off int) bool {
	if off > len(src) {
		return false
	}
	b := strings.TrimRight(src[:off], " ")
	for _, w := range []string{" in", " at", "\nin", "\nat"} {
		if strings.HasSuffix(strings.ToLower(b), w) {
			return true
		}
	}
	return strings.EqualFold(b, "in") || strings.EqualFold(b, "at")
}

// mentionsIn returns the indices of h.doc's mentions inside sp, ascending,
// in *buf.
func (h *happening) mentionsIn(sp accord.Span, buf *[]int) []int {
	*buf = (*buf)[:0]
	if h.ments == nil || len(h.ments.ms) != len(h.doc.Mentions) {
		for i, m := range h.doc.Mentions {
			if m.Start >= sp.Start && m.End <= sp.End {
				*buf = append(*buf, i)
			}
		}
		return *buf
	}
	for k := sort.SearchInts(h.ments.starts, sp.Start); k < len(h.ments.starts) && h.ments.starts[k] <= sp.End; k++ {
		if i := int(h.ments.order[k]); h.doc.Mentions[i].End <= sp.End {
			*buf = append(*buf, i)
		}
	}
	slices.Sort(*buf)
	return *buf
}

// sharedSorted counts the values two ascending slices share.
func sharedSorted(a, b []int32) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			n++
			a, b = a[1:], b[1:]
		}
	}
	return n
}
