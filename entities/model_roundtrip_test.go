package entities

import (
	"bytes"
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
