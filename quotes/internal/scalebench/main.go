//go:build unix

// Command scalebench times the quotes corpus stage (the cross-outlet
// matcher) on a large input without the stages it does not need: clean,
// text and quotes per document, then copies (links and independent groups,
// which the matcher reads) and the matcher. Entities are left out, so
// stated speakers come from the speaker text only; the statements' grouping
// does not read them.
//
//	go run ./quotes/internal/scalebench [-cancel 2s] [-out Q.json] INPUT.jsonl[.gz]
//
// Each stage prints its wall time, CPU time (getrusage, user+sys) and peak
// RSS. -cancel cancels the context that long after the matcher starts and
// prints how long it took to return.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/clean"
	"github.com/accord-news/accord/copies"
	"github.com/accord-news/accord/ingest"
	"github.com/accord-news/accord/pipeline"
	"github.com/accord-news/accord/quotes"
	"github.com/accord-news/accord/text"
)

func cpu() (float64, int64) {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime), int64(ru.Maxrss) / 1024 // MiB (Linux: KiB)
}

// timed wraps a corpus stage with a report of its cost.
type timed struct {
	accord.CorpusStage
	cancel time.Duration
}

func (t timed) Analyze(ctx context.Context, c *accord.Corpus) error {
	c0, _ := cpu()
	w0 := time.Now()
	if t.cancel > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()
		time.AfterFunc(t.cancel, cancel)
	}
	err := t.CorpusStage.Analyze(ctx, c)
	c1, rss := cpu()
	wall := time.Since(w0)
	fmt.Fprintf(os.Stderr, "scalebench: %-8s wall %8.2fs  cpu %8.2fs  peak rss %6d MiB  err %v\n", t.Name(), wall.Seconds(), c1-c0, rss, err)
	if t.cancel > 0 {
		fmt.Fprintf(os.Stderr, "scalebench: cancelled %v after the start, returned %v after the cancel\n", t.cancel, wall-t.cancel)
	}
	return nil
}

func main() {
	cancelAfter := flag.Duration("cancel", 0, "cancel the matcher this long after it starts")
	out := flag.String("out", "", "write the statements (c.Quotes) as JSON here")
	workers := flag.Int("workers", 1, "document workers")
	flag.Parse()
	ctx := context.Background()
	var inputs []*accord.Input
	if err := ingest.Read(ctx, flag.Args(), ingest.Options{}, func(in *accord.Input) error {
		inputs = append(inputs, in)
		return nil
	}, func(err error) { fmt.Fprintln(os.Stderr, err) }); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	p := &pipeline.Pipeline{
		Cleaner: clean.New(),
		Doc:     []accord.DocStage{text.New(), quotes.New()},
		Corpus:  []accord.CorpusStage{timed{CorpusStage: copies.New()}, timed{CorpusStage: quotes.NewCorpus(), cancel: *cancelAfter}},
		Workers: *workers,
	}
	c0, _ := cpu()
	w0 := time.Now()
	c, errs := p.Run(ctx, inputs, accord.Options{})
	c1, rss := cpu()
	for _, e := range errs {
		fmt.Fprintln(os.Stderr, e)
	}
	fmt.Fprintf(os.Stderr, "scalebench: %d documents, %d statements; total wall %.2fs cpu %.2fs peak rss %d MiB\n", len(c.Docs), len(c.Quotes), time.Since(w0).Seconds(), c1-c0, rss)
	if *out != "" {
		b, err := json.Marshal(c.Quotes)
		if err == nil {
			err = os.WriteFile(*out, b, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
