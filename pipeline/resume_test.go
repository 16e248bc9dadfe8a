package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

type mapState struct{ m map[string]map[string][]byte }

func (s *mapState) LoadState(_ context.Context, stage, version string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for k, v := range s.m[stage+"\x00"+version] {
		out[k] = v
	}
	return out, nil
}

func (s *mapState) SaveState(_ context.Context, stage, version string, values map[string][]byte, replace bool) error {
	key := stage + "\x00" + version
	if replace || s.m[key] == nil {
		for k := range s.m {
			if strings.HasPrefix(k, stage+"\x00") {
				delete(s.m, k)
			}
		}
		s.m[key] = map[string][]byte{}
	}
	for k, v := range values {
		s.m[key][k] = v
	}
	return nil
}

// seenStage remembers, by content hash, the documents it has seen, and
// handles only new ones.
type seenStage struct {
	seen     map[string][]byte
	added    map[string][]byte
	handled  []string
	failWith error
	stateful bool // set: every document must come with its input
}

func (*seenStage) Name() string         { return "seen" }
func (*seenStage) StateVersion() string { return "1" }
func (s *seenStage) Resume(state map[string][]byte) error {
	if s.failWith != nil && len(state) > 0 {
		return s.failWith
	}
	s.seen, s.added, s.handled = state, map[string][]byte{}, nil
	return nil
}
func (s *seenStage) Analyze(_ context.Context, c *accord.Corpus) error {
	for _, d := range c.Docs {
		// Run keeps the raw input only when there is a state store (as
		// copies and stories do, a stage must not need it otherwise).
		h := "id:" + d.ID
		if d.Input != nil {
			h = d.Input.Hash()
		} else if s.stateful {
			return errors.New(d.ID + ": no input with a state store")
		}
		if _, ok := s.seen[h]; !ok {
			s.handled = append(s.handled, d.ID)
			s.added[h] = []byte(d.ID)
		}
	}
	return nil
}
func (s *seenStage) State() (map[string][]byte, bool, error) { return s.added, false, nil }

func TestResumableStageSeesOnlyNewDocuments(t *testing.T) {
	st := &seenStage{}
	state := &mapState{m: map[string]map[string][]byte{}}
	st.stateful = true
	p := &Pipeline{Cleaner: Passthrough{}, Corpus: []accord.CorpusStage{st}, State: state}
	in := []*accord.Input{{ID: "a", Text: "A\nOne."}, {ID: "b", Text: "B\nTwo."}}
	if _, errs := p.Run(context.Background(), in, accord.Options{}); len(errs) > 0 || len(st.handled) != 2 {
		t.Fatalf("first run: errs %v, handled %v", errs, st.handled)
	}
	in = append(in, &accord.Input{ID: "c", Text: "C\nThree."})
	if _, errs := p.Run(context.Background(), in, accord.Options{}); len(errs) > 0 || strings.Join(st.handled, ",") != "c" {
		t.Fatalf("second run: errs %v, handled %v, want only c", errs, st.handled)
	}
	// Another option set is another state version: everything is new.
	if _, errs := p.Run(context.Background(), in, accord.Options{NoClean: true}); len(errs) > 0 || len(st.handled) != 3 {
		t.Fatalf("--no-clean run: errs %v, handled %v", errs, st.handled)
	}
	// A state that cannot be resumed is reported, and the stage runs afresh.
	if _, errs := p.Run(context.Background(), in, accord.Options{}); len(errs) > 0 {
		t.Fatal(errs)
	}
	st.failWith = errors.New("corrupt")
	_, errs := p.Run(context.Background(), in, accord.Options{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "corrupt") || len(st.handled) != 3 {
		t.Fatalf("corrupt state: errs %v, handled %v", errs, st.handled)
	}
	// Without a state store the stage is an ordinary corpus stage.
	p.State, st.failWith, st.stateful = nil, nil, false
	st.seen, st.added = map[string][]byte{}, map[string][]byte{}
	st.handled = nil
	if _, errs := p.Run(context.Background(), in, accord.Options{}); len(errs) > 0 || len(st.handled) != 3 {
		t.Fatalf("stateless run: errs %v, handled %v", errs, st.handled)
	}
}
