package quotes

import (
	"slices"
	"sort"

	accord "github.com/accord-news/accord"
)

// spanIndex finds the spans (a document's mentions) that overlap or start
// at a place without scanning them all: a long document has tens of
// thousands of mentions and asks once per quote, cue or pronoun, which made
// those scans quadratic in the document's length. Answers come in the
// spans' own order, as the scans they replace met them.
type spanIndex struct {
	spans  []accord.Span
	order  []int32 // span indices by Start (stable)
	starts []int   // spans[order[k]].Start
	maxEnd []int   // the largest End among order[:k+1]
}

func newSpanIndex(spans []accord.Span) *spanIndex {
	ix := &spanIndex{spans: spans, order: make([]int32, len(spans))}
	for i := range ix.order {
		ix.order[i] = int32(i)
	}
	sort.SliceStable(ix.order, func(a, b int) bool { return spans[ix.order[a]].Start < spans[ix.order[b]].Start })
	ix.starts = make([]int, len(spans))
	ix.maxEnd = make([]int, len(spans))
	for k, i := range ix.order {
		ix.starts[k] = spans[i].Start
		ix.maxEnd[k] = spans[i].End
		if k > 0 && ix.maxEnd[k-1] > ix.maxEnd[k] {
			ix.maxEnd[k] = ix.maxEnd[k-1]
		}
	}
	return ix
}

// overlapping appends to buf the indices of the spans that overlap sp
// (accord.Span.Overlaps), in ascending index order.
func (ix *spanIndex) overlapping(sp accord.Span, buf []int) []int {
	buf = buf[:0]
	hi := sort.SearchInts(ix.starts, sp.End) // spans from hi on start at or after sp.End
	for k := hi - 1; k >= 0 && ix.maxEnd[k] > sp.Start; k-- {
		if i := int(ix.order[k]); ix.spans[i].Overlaps(sp) {
			buf = append(buf, i)
		}
	}
	slices.Sort(buf)
	return buf
}

// startingAt appends to buf the indices of the spans that start at off, in
// ascending index order (the stable sort keeps it).
func (ix *spanIndex) startingAt(off int, buf []int) []int {
	buf = buf[:0]
	for k := sort.SearchInts(ix.starts, off); k < len(ix.starts) && ix.starts[k] == off; k++ {
		buf = append(buf, int(ix.order[k]))
	}
	return buf
}

// mentionIndex is the index of the document's mentions, built on first use.
func (x *docCtx) mentionIndex() *spanIndex {
	if x.ments == nil || len(x.ments.spans) != len(x.d.Mentions) {
		sp := make([]accord.Span, len(x.d.Mentions))
		for i, m := range x.d.Mentions {
			sp[i] = m.Span
		}
		x.ments = newSpanIndex(sp)
		x.chainNames = nil
	}
	return x.ments
}

// chainNamed is the name mention of chain c that the chain's other
// mentions at off are read as: the last (in the mentions' order) that
// starts at or before off, else the chain's first name; -1 when the chain
// has no name.
func (x *docCtx) chainNamed(c, off int) int {
	x.mentionIndex()
	if x.chainNames == nil {
		x.chainNames = map[int][]int32{}
		x.chainSorted = map[int]bool{}
		for i, m := range x.d.Mentions {
			if m.Kind == accord.MentionName {
				l := x.chainNames[m.Chain]
				if len(l) > 0 && x.d.Mentions[l[len(l)-1]].Start > m.Start {
					x.chainSorted[m.Chain] = false
				} else if len(l) == 0 {
					x.chainSorted[m.Chain] = true
				}
				x.chainNames[m.Chain] = append(l, int32(i))
			}
		}
	}
	l := x.chainNames[c]
	if len(l) == 0 {
		return -1
	}
	ms := x.d.Mentions
	if x.chainSorted[c] {
		// Starts ascend along l: the last that starts at or before off.
		k := sort.Search(len(l), func(k int) bool { return ms[l[k]].Start > off })
		if k > 0 {
			return int(l[k-1])
		}
		return int(l[0])
	}
	named := -1
	for _, i := range l {
		if ms[i].Start <= off || named < 0 {
			named = int(i)
		}
	}
	return named
}
