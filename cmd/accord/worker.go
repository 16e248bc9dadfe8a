package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/spf13/cobra"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/ingest"
	"github.com/accord-news/accord/nats"
	"github.com/accord-news/accord/pipeline"
)

func newWorkerCmd(g *globals) *cobra.Command {
	var (
		natsURL, db  string
		batch        int
		annotate     bool
		noClean      bool
		exitWhenIdle bool
	)
	cmd := &cobra.Command{
		Use:   "worker --nats URL --db STORE",
		Short: "Take documents from a NATS JetStream queue and store (and annotate) them",
		Long: `Worker consumes the documents that "accord ingest --nats URL" published,
from a durable consumer that every worker on the same stream shares. Each
batch is stored in one transaction (and, with --annotate, run through the
per-document stages, whose results the store caches) before its messages are
acknowledged: a worker that dies loses nothing, since unacknowledged messages
are delivered again, and stores nothing twice, since documents are keyed by
content hash.

The corpus-level stages (copies, stories, corroboration) need every
document: run them once, when the queue is drained, with
"accord analyze --db STORE" on the same build. Its report equals that of a
single-process run on the same input.`,
		Example: `  accord ingest --nats nats://queue:4222 feeds/*.xml
  accord worker --nats nats://queue:4222 --db postgres://accord@db/news
  accord analyze --db postgres://accord@db/news -f json -o report.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if natsURL == "" {
				return &exitError{2, errors.New("worker needs --nats URL")}
			}
			st, err := openStore(ctx, db)
			if err != nil {
				return &exitError{1, err}
			}
			defer st.Close()
			nc, err := nats.Connect(natsURL, "accord-worker")
			if err != nil {
				return &exitError{1, err}
			}
			defer nc.Close()
			w := &nats.Worker{Store: st, Batch: batch, ExitWhenIdle: exitWhenIdle, Log: g.log}
			if cache, ok := st.(accord.DocCache); ok && annotate {
				opt := accord.Options{NoClean: noClean}
				w.Process = func(ctx context.Context, inputs []*accord.Input) error {
					p := pipeline.Default()
					p.Corpus = nil
					p.Cache = cache
					_, errs := p.Run(ctx, inputs, opt)
					for _, err := range errs {
						g.log.Warn("stage error", "err", err)
					}
					return ctx.Err()
				}
			}
			start := time.Now()
			stats, err := w.Run(ctx, nc)
			if !g.quiet {
				el := time.Since(start).Seconds()
				fmt.Fprintf(g.stderr, "worker: %d messages (%d new documents, %d undecodable) in %.1fs (%.0f/s)\n",
					stats.Messages, stats.Added, stats.Bad, el, float64(stats.Messages)/max(el, 1e-9))
			}
			if err != nil && !errors.Is(err, context.Canceled) {
				return &exitError{1, err}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&natsURL, "nats", "", "the NATS server (nats://host:4222)")
	cmd.Flags().StringVar(&db, "db", defaultDB, "the store: a SQLite file or a postgres:// URL")
	cmd.Flags().IntVar(&batch, "batch", 200, "documents per fetch and store transaction")
	cmd.Flags().BoolVar(&annotate, "annotate", false, "also run the per-document stages on each batch and cache the results in the store\n"+
		"(faster analyze later, but the cleaner learns repeated lines from the documents it sees together,\n"+
		"so batch-wise cleaning can differ from a single-process run)")
	cmd.Flags().BoolVar(&noClean, "no-clean", false, "with --annotate: take text as already clean (as analyze --no-clean)")
	cmd.Flags().BoolVar(&exitWhenIdle, "exit-when-idle", false, "exit once the queue is drained instead of waiting for more")
	return cmd
}

// publishInputs reads every input and publishes it to the NATS stream.
func publishInputs(ctx context.Context, g *globals, natsURL string, args []string) error {
	nc, err := nats.Connect(natsURL, "accord-ingest")
	if err != nil {
		return &exitError{1, err}
	}
	defer nc.Close()
	p, err := nats.NewPublisher(ctx, nc, nats.Config{})
	if err != nil {
		return &exitError{1, err}
	}
	prog := newProgress(g)
	defer prog.Done()
	read, failed := 0, 0
	err = ingest.Read(ctx, args, ingest.Options{Stdin: g.stdin}, func(in *accord.Input) error {
		read++
		prog.Set("publishing", read, -1)
		return p.Publish(ctx, in)
	}, func(err error) {
		failed++
		fmt.Fprintln(g.stderr, "accord:", err)
	})
	if err != nil {
		return &exitError{1, err}
	}
	if err := p.Flush(ctx); err != nil {
		return &exitError{1, err}
	}
	prog.Done()
	if !g.quiet {
		fmt.Fprintf(g.stderr, "published %d documents to %s\n", p.Published(), natsURL)
	}
	if failed > 0 {
		return &exitError{1, fmt.Errorf("%d input(s) failed", failed)}
	}
	return nil
}

// redactDSN hides the password of a postgres:// URL in messages.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}
