// Command accord reads news reports and tells what happened: copies, stories,
// who said what and when, what independent sources confirm and where they
// disagree. This file only wires flags to the packages that do the work.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/accord-news/accord"
)

// Version is set at build time with -ldflags "-X main.Version=...".
var Version = "0.1.0-dev"

// exitError carries an exit status: 1 for failed inputs, 2 for usage errors.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

type globals struct {
	quiet  bool
	logFmt string
	stdout io.Writer
	stderr io.Writer
	stdin  io.Reader
	log    *slog.Logger
	// cache keeps per-document analysis in the open store, if it can.
	cache accord.DocCache
	// state keeps resumable corpus stages' state in the open store, if it can.
	state accord.StateStore
	// memprof, when set, names a file for a heap profile taken when the
	// pipeline has finished (the corpus with every layer still alive).
	memprof string
	// memprofAt, when set with memprof, takes the heap profile when the
	// named corpus stage starts instead (e.g. "copies": right after the
	// per-document stages).
	memprofAt string
	// timer, when set, prints per-phase timings on stderr (--timings).
	timer *stageTimer
}

func main() {
	setMemoryLimit()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes the CLI and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g := &globals{stdout: stdout, stderr: stderr, stdin: stdin}
	root := newRoot(g)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, "accord:", ee.err)
		}
		return ee.code
	}
	// Cobra's own errors (unknown flag, wrong args) are usage errors.
	fmt.Fprintln(stderr, "accord:", err)
	return 2
}

func newRoot(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "accord",
		Short: "Accord reads many news reports and tells what actually happened, with sources",
		Long: `Accord reads news reports (text, HTML, feeds, JSONL, WARC) and reports which are
copies of one another, which stories they form, who said what and when, which
claims several independent outlets confirm, and where they disagree. Every
statement is traced to its sources.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			level := slog.LevelInfo
			if g.quiet {
				level = slog.LevelError
			}
			opts := &slog.HandlerOptions{Level: level}
			if g.logFmt == "json" {
				g.log = slog.New(slog.NewJSONHandler(g.stderr, opts))
			} else {
				g.log = slog.New(slog.NewTextHandler(g.stderr, opts))
			}
			return nil
		},
	}
	root.PersistentFlags().BoolVarP(&g.quiet, "quiet", "q", false, "no progress bar and no log lines below error level")
	root.PersistentFlags().StringVar(&g.logFmt, "log-format", "text", "log format on stderr: text or json")
	root.AddCommand(
		newAnalyzeCmd(g),
		newIngestCmd(g),
		newStoriesCmd(g),
		newShowCmd(g),
		newSearchCmd(g),
		newTimelineCmd(g),
		newVersionCmd(g),
		newServeCmd(g),
		newWorkerCmd(g),
	)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: 2, err: err}
	})
	return root
}

func newVersionCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print Accord's version and the report contract version",
		Args:  cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			fmt.Fprintf(g.stdout, "accord %s (report contract version 1)\n", Version)
			return nil
		},
	}
}
