package timex

import (
	"context"

	"github.com/accord-news/accord"
)

// Dater is the corpus stage: publication-date inference, re-normalization
// and the timeline.
type Dater struct{}

// NewCorpus returns the corpus stage.
func NewCorpus() *Dater { return &Dater{} }

// Name implements accord.CorpusStage.
func (*Dater) Name() string { return "timex" }

// Analyze implements accord.CorpusStage.
func (*Dater) Analyze(ctx context.Context, c *accord.Corpus) error {
	return nil
}
