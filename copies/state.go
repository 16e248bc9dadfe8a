package copies

import (
	"encoding/json"
	"fmt"

	"github.com/accord-news/accord"
)

// The stage keeps, between runs, the copy relations it verified
// (accord.ResumableStage), one value per document keyed by its content
// hash: the edges its arrival verified. A resumed run indexes every
// document again (signatures are cheap) but verifies a candidate pair only
// when one of the two documents is new; the earlier pairs' edges come from
// the state. New documents are handled exactly as in a batch run. The
// result can differ from a batch run only where new documents would have
// pushed an earlier pair out of a document's few most similar candidates.
// Each run adds the new documents' values (earlier ones are never
// rewritten).

// savedEdge is an edge as stored: the other document by content hash.
type savedEdge struct {
	Other    string   `json:"o"`
	IsFrom   bool     `json:"f,omitempty"` // this document is the copy
	Kind     string   `json:"k"`
	Score    float64  `json:"s"`
	Evidence []string `json:"e,omitempty"`
	Partial  bool     `json:"p,omitempty"`
}

// StateVersion implements accord.ResumableStage.
func (s *Stage) StateVersion() string { return "copies/1" }

// Resume implements accord.ResumableStage.
func (s *Stage) Resume(state map[string][]byte) error {
	s.prior = nil
	if len(state) == 0 {
		return nil
	}
	prior := make(map[string][]savedEdge, len(state))
	for h, b := range state {
		var es []savedEdge
		if err := json.Unmarshal(b, &es); err != nil {
			return fmt.Errorf("copies state of %.12s: %w", h, err)
		}
		for _, e := range es {
			switch {
			case e.Kind != accord.LinkExact && e.Kind != accord.LinkNear && e.Kind != accord.LinkSpun:
				return fmt.Errorf("copies state of %.12s: link kind %q", h, e.Kind)
			case !(e.Score >= 0 && e.Score <= 1):
				return fmt.Errorf("copies state of %.12s: score %v", h, e.Score)
			}
		}
		prior[h] = es
	}
	s.prior = prior
	return nil
}

// State implements accord.ResumableStage: the new documents' edges.
func (s *Stage) State() (map[string][]byte, bool, error) {
	out := make(map[string][]byte, len(s.fresh))
	for h, es := range s.fresh {
		if es == nil {
			es = []savedEdge{}
		}
		b, err := json.Marshal(es)
		if err != nil {
			return nil, false, err
		}
		out[h] = b
	}
	return out, false, nil
}

func docHash(d *accord.Document) string {
	if d.Input == nil {
		return ""
	}
	return d.Input.Hash()
}

// markKnown tells the index which documents the prior run verified, before
// any is added.
func (s *Stage) markKnown(x *Index, docs []*accord.Document) {
	if s.prior == nil {
		return
	}
	x.known = map[*accord.Document]bool{}
	for _, d := range docs {
		if h := docHash(d); h != "" {
			if _, ok := s.prior[h]; ok {
				x.known[d] = true
			}
		}
	}
}

// restore adds the prior run's edges between documents of this corpus, and
// records the edges of new documents for State.
func (s *Stage) restore(x *Index) {
	s.fresh = map[string][]savedEdge{}
	ids := make(map[string]int32, len(x.entries))
	for i, e := range x.entries {
		if h := docHash(e.doc); h != "" {
			ids[h] = int32(i)
		}
	}
	for _, e := range x.entries {
		if h := docHash(e.doc); h != "" && !x.known[e.doc] {
			s.fresh[h] = nil
		}
	}
	for _, e := range x.edges {
		if e.by < 0 {
			continue
		}
		// The edge is kept with a new document of the pair: the one whose
		// arrival verified it, else the other (the pair's order in the
		// index need not be the order of the runs).
		owner, other := e.by, e.from
		if other == owner {
			other = e.to
		}
		h := docHash(x.entries[owner].doc)
		if _, ok := s.fresh[h]; !ok {
			owner, other = other, owner
			h = docHash(x.entries[owner].doc)
			if _, ok := s.fresh[h]; !ok {
				continue
			}
		}
		s.fresh[h] = append(s.fresh[h], savedEdge{Other: docHash(x.entries[other].doc), IsFrom: e.from == owner,
			Kind: e.kind.String(), Score: e.score, Evidence: x.evidenceOf(&e), Partial: e.partial})
	}
	for h, es := range s.prior {
		me, ok := ids[h]
		if !ok {
			continue
		}
		for _, se := range es {
			other, ok := ids[se.Other]
			if !ok {
				continue
			}
			from, to := me, other
			if !se.IsFrom {
				from, to = other, me
			}
			x.addEdge(edge{from: from, to: to, kind: kindOf(se.Kind), score: se.Score, partial: se.Partial, by: -1}, se.Evidence, true)
		}
	}
}
