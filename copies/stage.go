// Package copies finds exact duplicates, near-duplicates and machine-spun
// copies among the documents of a corpus, links each copy to its original,
// finds the outlets a report relays ("according to TASS", "citing Axios"),
// and partitions the corpus into independent groups (an original with all
// its copies).
//
// Method: candidates come from MinHash/LSH over two feature families, word
// 3-shingles and spin-robust features (DSpin's immutables: numbers,
// capitalised names and words a thesaurus-driven spinner cannot replace, as
// bigrams and inside function-word skeleton 4-grams). Candidates are verified
// by sentence alignment, where two content words match when identical or
// related in WordNet (lexicon package). The copy of a spun pair is the side
// whose changed words are rarer in reference news text, with a function-word
// bigram fingerprint learned from that text as support.
package copies

import (
	"context"

	"github.com/accord-news/accord"
)

// Stage is the copies corpus stage.
type Stage struct {
	// Workers bounds parallelism (default GOMAXPROCS).
	Workers int
	// LastStats are the index counts of the last Analyze.
	LastStats Stats

	// prior are the edges of the run this one resumes, by document hash
	// (see Resume); fresh are this run's new documents' edges, for State.
	prior, fresh map[string][]savedEdge
}

// New returns the copies stage.
func New() *Stage { return &Stage{} }

// Name implements accord.CorpusStage.
func (*Stage) Name() string { return "copies" }

// Analyze implements accord.CorpusStage: it sets c.Links (copy and cites
// links), c.Groups, and each document's Citations layer where empty.
func (s *Stage) Analyze(ctx context.Context, c *accord.Corpus) error {
	x := NewIndex()
	x.Workers = s.Workers
	x.Reserve(len(c.Docs))
	s.markKnown(x, c.Docs)
	const chunk = 5000 // the batch's words are kept for its verification
	for i := 0; i < len(c.Docs); i += chunk {
		if err := ctx.Err(); err != nil {
			return err
		}
		j := i + chunk
		if j > len(c.Docs) {
			j = len(c.Docs)
		}
		x.AddBatch(c.Docs[i:j])
	}
	x.Seal()
	s.restore(x)
	s.LastStats = x.Stats()
	c.Links = append(c.Links, x.Links()...)
	c.SetGroups(x.Groups())
	for _, e := range x.entries {
		if len(e.doc.Citations) == 0 {
			for _, ct := range e.cites {
				e.doc.Citations = append(e.doc.Citations, accord.Citation{Span: ct.span, Outlet: ct.outlet})
			}
		}
	}
	return nil
}
