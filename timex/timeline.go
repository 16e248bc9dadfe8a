package timex

import (
	"github.com/accord-news/accord/internal/unionfind"
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
				byDate[day] = append(byDate[day], happening{date: day, doc: d, sent: sent, tx: tx.Span, sig: sig, story: g.story})
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
	sim := make([][]float64, len(hs))
	for i := range hs {
		sim[i] = make([]float64, len(hs))
	}
	for i := range hs {
		for j := i + 1; j < len(hs); j++ {
			s := similarity(hs[i].sig, hs[j].sig)
			sim[i][j], sim[j][i] = s, s
			if s >= 0.35 && sharesEvent(hs[i].sig, hs[j].sig) {
				parent[find(i)] = find(j)
			}
		}
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
	for _, r := range roots {
		members := clusters[r]
		// The best-supported sentence: most similar to the others; then the
		// shortest.
		best, bestS := members[0], -1.0
		for _, i := range members {
			s := 0.0
			for _, j := range members {
				if i != j {
					s += sim[i][j]
				}
			}
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
			for _, j := range members {
				if i != j {
					central[i] += sim[i][j]
				}
			}
		}
		docs := map[string]bool{}
		ents := map[string]bool{}
		places := map[string]float64{}
		var placeOrder []string
		for _, i := range members {
			h := hs[i]
			docs[h.doc.ID] = true
			item.Evidence = append(item.Evidence, accord.SpanRef{Document: h.doc.ID, Start: h.sent.Start, End: h.sent.End, Text: h.doc.Slice(h.sent)})
			for _, m := range h.doc.Mentions {
				if m.Start < h.sent.Start || m.End > h.sent.End {
					continue
				}
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
