package copies

import (
	"testing"

	"github.com/accord-news/accord/lexicon"
)

func TestDebugSeedPair(t *testing.T) {
	docs := loadDir(t, "testdata/seeds")
	x := NewIndex()
	va, vb := prepare(docs[2], x.cache), prepare(docs[4], x.cache)
	rel := newRelation(va, vb)
	var dp []int32
	for _, ua := range va.units {
		m := int(ua[1] - ua[0])
		if m < 5 {
			continue
		}
		best, bs := -1, 0.0
		for j, ub := range vb.units {
			n := int(ub[1] - ub[0])
			mx := m
			if n > mx {
				mx = n
			}
			l := lcs(va, vb, ua, ub, rel, &dp)
			if s := float64(l) / float64(mx); s > bs {
				best, bs = j, s
			}
		}
		if bs >= 0.45 {
			var st pairStats
			detail(va, vb, ua, vb.units[best], rel, &st)
			t.Logf("%.2f e%d r%d %q ~ %q", bs, st.exact, st.related, unitText(va, ua), unitText(vb, vb.units[best]))
		}
	}
	for _, p := range [][2]string{{"drumbeat", "roll"}, {"have", "need"}, {"very", "really"}, {"rhetoric", "claims"}, {"shrill", "screeching"}, {"sounding", "seeming"}, {"gotten", "obtained"}, {"rather", "instead"}, {"approaches", "methods"}, {"eventuality", "possibility"}, {"escalation", "acceleration"}, {"prepare", "plan"}} {
		t.Logf("%v %v", p, lexicon.Related(p[0], p[1]))
	}
}
