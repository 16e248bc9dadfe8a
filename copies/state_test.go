package copies

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/accord-news/accord"
)

// runStage runs a copies stage, resumed from state when it is not nil, and
// returns the corpus and the state it would save.
func runStage(t *testing.T, docs []*accord.Document, state map[string][]byte) (*accord.Corpus, map[string][]byte) {
	t.Helper()
	for _, d := range docs {
		d.Citations, d.Input = nil, &accord.Input{ID: d.ID, Text: d.Text}
	}
	s := New()
	if state != nil {
		if err := s.Resume(state); err != nil {
			t.Fatal(err)
		}
	}
	c := accord.NewCorpus(docs, accord.Options{NoClean: true})
	if err := s.Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	out, replace, err := s.State()
	if err != nil || replace {
		t.Fatalf("State: replace %v, %v", replace, err)
	}
	return c, out
}

// A run resumed from an earlier run's state over more documents gives the
// batch run's links, verifying only pairs with a new document.
func TestResumeGivesTheBatchLinks(t *testing.T) {
	docs := loadDir(t, "testdata/seeds")
	batch, all := runStage(t, loadDir(t, "testdata/seeds"), map[string][]byte{})
	if len(all) != len(docs) {
		t.Fatalf("first run saved %d values, want one per document (%d)", len(all), len(docs))
	}
	// The spun copy and its original arrive in different runs, in both orders.
	for _, split := range [][2][]int{{{0, 1, 3}, {2, 4}}, {{2, 4}, {0, 1, 3}}, {{0, 1, 2, 3, 4}, nil}} {
		var first []*accord.Document
		for _, i := range split[0] {
			first = append(first, docs[i])
		}
		_, state := runStage(t, first, map[string][]byte{})
		c, added := runStage(t, loadDir(t, "testdata/seeds"), state)
		if len(added) != len(split[1]) {
			t.Errorf("split %v: the resumed run saved %d values, want %d (new documents only)", split, len(added), len(split[1]))
		}
		if !reflect.DeepEqual(c.Links, batch.Links) {
			t.Errorf("split %v: links %+v, batch %+v", split, c.Links, batch.Links)
		}
		if !reflect.DeepEqual(c.Groups, batch.Groups) {
			t.Errorf("split %v: groups %v, batch %v", split, c.Groups, batch.Groups)
		}
	}
}

func TestResumeRejectsBadState(t *testing.T) {
	if err := New().Resume(map[string][]byte{"h": []byte("{not json")}); err == nil {
		t.Error("a bad state was accepted")
	}
	good, _ := json.Marshal([]savedEdge{{Other: "x", Kind: accord.LinkNear, Score: 0.9}})
	if err := New().Resume(map[string][]byte{"h": good}); err != nil {
		t.Errorf("a good state was refused: %v", err)
	}
}

// FuzzResume: a stored value of any bytes is accepted or refused, never a
// panic, and accepted edges between unknown documents are ignored.
func FuzzResume(f *testing.F) {
	good, _ := json.Marshal([]savedEdge{{Other: "x", Kind: accord.LinkNear, Score: 0.9, IsFrom: true}})
	f.Add(good)
	f.Add([]byte("{not json"))
	f.Add([]byte(`[{"o":"","k":"","s":-1}]`))
	docs := loadDir(f, "testdata/seeds")
	f.Fuzz(func(t *testing.T, b []byte) {
		s := New()
		state := map[string][]byte{}
		for _, d := range docs[:2] {
			d.Input = &accord.Input{ID: d.ID, Text: d.Text}
			state[d.Input.Hash()] = b
		}
		if err := s.Resume(state); err != nil {
			return
		}
		for _, d := range docs {
			d.Citations, d.Input = nil, &accord.Input{ID: d.ID, Text: d.Text}
		}
		if err := s.Analyze(context.Background(), accord.NewCorpus(docs, accord.Options{NoClean: true})); err != nil {
			t.Fatal(err)
		}
	})
}
