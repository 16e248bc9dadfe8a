package entities

import (
	"bytes"
	"math/rand"
	"reflect"
	"testing"
)

// TestModelRoundTrip writes a small model and reads it back: weights kept,
// clusters and every gazetteer table intact.
func TestModelRoundTrip(t *testing.T) {
	g := NewGazetteer()
	g.Add([]string{"new", "york"}, 2)
	g.Add([]string{"acme"}, 1)
	g.SetCaps("acme", 3)
	var w [numTags]float32
	w[1] = 0.5
	weights := map[uint64][numTags]float32{42: w}
	var buf bytes.Buffer
	kept, err := WriteModel(&buf, weights, 0.01, map[string][2]int{"acme": {3, 7}}, g)
	if err != nil || kept != 1 {
		t.Fatalf("WriteModel: kept %d, %v", kept, err)
	}
	m, err := ReadModel(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m.gaz.entries, g.entries) || !reflect.DeepEqual(m.gaz.nameParts, g.nameParts) || !reflect.DeepEqual(m.gaz.caps, g.caps) {
		t.Errorf("gazetteer changed in the round trip:\n%v %v %v\n%v %v %v", m.gaz.entries, m.gaz.nameParts, m.gaz.caps, g.entries, g.nameParts, g.caps)
	}
	// An empty gazetteer writes three empty tables.
	buf.Reset()
	if _, err := WriteModel(&buf, weights, 0.01, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadModel(buf.Bytes()); err != nil {
		t.Fatalf("model without a gazetteer: %v", err)
	}
}

// TestViterbiExact compares the structured decoder with an exhaustive
// search over every BIO-valid tag sequence of short sentences.
func TestViterbiExact(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	var pair [nPrev][nPrev][numTags]float32
	for p2 := range pair {
		for p := range pair[p2] {
			for k := range pair[p2][p] {
				pair[p2][p][k] = float32(rng.NormFloat64())
			}
		}
	}
	for trial := 0; trial < 60; trial++ {
		n := 1 + trial%4
		pp := &pair
		if trial >= 30 {
			pp = nil // first order
		}
		emit := make([][numTags]float32, n)
		trans := make([]*[nPrev][numTags]float32, n)
		for i := 0; i < n; i++ {
			trans[i] = new([nPrev][numTags]float32)
			for k := 0; k < numTags; k++ {
				emit[i][k] = float32(rng.NormFloat64())
				for p := 0; p < nPrev; p++ {
					trans[i][p][k] = float32(rng.NormFloat64())
				}
			}
		}
		got, _ := viterbi(emit, trans, pp, nil)
		score := func(ts []int) (float32, bool) {
			var s float32
			p, p2 := startState, startState
			for i, k := range ts {
				pv := p
				if pv == startState {
					pv = tagO
				}
				if !allowed(pv, k) {
					return 0, false
				}
				s += emit[i][k] + trans[i][p][k]
				if pp != nil {
					s += pp[p2][p][k]
				}
				p2, p = p, k
			}
			return s, true
		}
		best, bestS := []int(nil), float32(negInf)
		ts := make([]int, n)
		var rec func(i int)
		rec = func(i int) {
			if i == n {
				if s, ok := score(ts); ok && s > bestS {
					best, bestS = append([]int(nil), ts...), s
				}
				return
			}
			for k := 0; k < numTags; k++ {
				ts[i] = k
				rec(i + 1)
			}
		}
		rec(0)
		gs, ok := score(got)
		if !ok || gs < bestS-1e-4 {
			t.Fatalf("trial %d: viterbi %v (%.4f, valid %v), exhaustive %v (%.4f)", trial, got, gs, ok, best, bestS)
		}
	}
}

// TestStructuredModelFlag: the decoder choice survives the round trip, and
// an older greedy model file still reads.
func TestStructuredModelFlag(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WriteModel(&buf, nil, 0.01, nil, nil, ModelOptions{Structured: true}); err != nil {
		t.Fatal(err)
	}
	m, err := ReadModel(buf.Bytes())
	if err != nil || !m.Structured() {
		t.Fatalf("structured flag lost: %v", err)
	}
	tags := m.Tag([]*Sentence{m.Sentence([]string{"A", "b", "C"})})
	if len(tags) != 1 || len(tags[0]) != 3 {
		t.Fatalf("tags %v", tags)
	}
	buf.Reset()
	if _, err := WriteModel(&buf, nil, 0.01, nil, nil); err != nil {
		t.Fatal(err)
	}
	if m, err := ReadModel(buf.Bytes()); err != nil || m.Structured() {
		t.Fatalf("greedy model read as structured: %v", err)
	}
}
