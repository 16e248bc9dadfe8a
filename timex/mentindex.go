package timex

import (
	"sort"

	"github.com/accord-news/accord"
)

// mentionsByStart orders a document's mentions by where they start, so a
// sentence's mentions are found by a binary search instead of a scan of
// all the document's mentions per time expression (quadratic in a long
// document).
type mentionsByStart struct {
	ms     []accord.Mention
	order  []int32 // mention indices by Start
	starts []int   // ms[order[k]].Start
}

func newMentionsByStart(ms []accord.Mention) *mentionsByStart {
	ix := &mentionsByStart{ms: ms, order: make([]int32, len(ms)), starts: make([]int, len(ms))}
	for i := range ix.order {
		ix.order[i] = int32(i)
	}
	sort.SliceStable(ix.order, func(a, b int) bool { return ms[ix.order[a]].Start < ms[ix.order[b]].Start })
	for k, i := range ix.order {
		ix.starts[k] = ms[i].Start
	}
	return ix
}

// within calls f with each mention that lies inside sp (Start >= sp.Start,
// End <= sp.End), in the order of their starts.
func (ix *mentionsByStart) within(sp accord.Span, f func(m *accord.Mention)) {
	for k := sort.SearchInts(ix.starts, sp.Start); k < len(ix.starts) && ix.starts[k] <= sp.End; k++ {
		if m := &ix.ms[ix.order[k]]; m.End <= sp.End {
			f(m)
		}
	}
}

// mentions is the index of inf's document's mentions, built on first use
// and again when the mentions have changed.
func (inf *docInfo) mentions() *mentionsByStart {
	ms := inf.d.Mentions
	if inf.ments == nil || len(inf.ments.ms) != len(ms) || len(ms) > 0 && &inf.ments.ms[0] != &ms[0] {
		inf.ments = newMentionsByStart(ms)
	}
	return inf.ments
}
