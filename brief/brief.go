// Package brief writes the cited multi-document summary.
package brief

import (
	"context"

	"github.com/accord-news/accord"
)

// Stage is the corpus stage that fills Corpus.Brief.
type Stage struct{}

// New returns the brief stage.
func New() *Stage { return &Stage{} }

// Name implements accord.CorpusStage.
func (*Stage) Name() string { return "brief" }

// Analyze implements accord.CorpusStage.
func (*Stage) Analyze(ctx context.Context, c *accord.Corpus) error { return nil }
