package stories

import (
	"math"
	"testing"

	"github.com/accord-news/accord"
)

// TestRelatedWordsMatch: with RelatedWeight, a report of a quake and one of
// an earthquake share weight on both stems (they share no word without
// it); the vectors stay unit vectors, sorted by id, the same on every
// call; without related words in a document its vector is unchanged but
// for rounding, and event vectors never expand.
func TestRelatedWordsMatch(t *testing.T) {
	if len(relatedStems()["quake"]) == 0 {
		t.Fatal("related table has no entry for quake")
	}
	docs := []*accord.Document{
		doc("a", "Quake hits coast", "A strong quake hit the coast on Monday.", "2024-01-01"),
		doc("b", "Earthquake strikes", "The earthquake struck villages near the coast.", "2024-01-02"),
		doc("c", "Budget vote", "Parliament voted on the budget.", "2024-01-03"),
	}
	plain := extractFeatures(docs, false, 0)
	soft := extractFeatures(docs, false, 0.25)
	pv, sv := plain.topicVecs(0.5, 0, 0), soft.topicVecs(0.5, 0, 0)
	cos := sparseDot
	if p, s := cos(pv.vec(0, vector{}), pv.vec(1, vector{})), cos(sv.vec(0, vector{}), sv.vec(1, vector{})); s <= p {
		t.Fatalf("related words did not bring quake and earthquake closer: %.3f -> %.3f", p, s)
	}
	for i := range docs {
		v := sv.vec(i, vector{})
		n := 0.0
		for k, x := range v.val {
			n += x * x
			if k > 0 && v.ids[k-1] >= v.ids[k] {
				t.Fatalf("doc %d: ids not sorted", i)
			}
		}
		if math.Abs(n-1) > 1e-12 {
			t.Fatalf("doc %d: norm² %v", i, n)
		}
		same(t, "repeat", v, sv.vec(i, vector{}))
		if ev, pe := soft.eventVecs(0).vec(i, vector{}), plain.eventVecs(0).vec(i, vector{}); len(ev.ids) != len(pe.ids) {
			t.Fatalf("doc %d: event vector expanded", i)
		}
	}
	// The budget report has no related words in this corpus.
	a, b := pv.vec(2, vector{}), sv.vec(2, vector{})
	if len(a.ids) != len(b.ids) || math.Abs(cos(a, b)-1) > 1e-12 {
		t.Fatalf("unrelated document changed: %v vs %v", a, b)
	}
}
