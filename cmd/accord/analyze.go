package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/ingest"
	"github.com/accord-news/accord/pipeline"
	"github.com/accord-news/accord/render"
)

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

type analyzeFlags struct {
	format  string
	noClean bool
	date    string
	db      string
	output  string
	cpuprof string
	memprof string
	memAt   string
	timings bool
}

func newAnalyzeCmd(g *globals) *cobra.Command {
	var f analyzeFlags
	cmd := &cobra.Command{
		Use:   "analyze [flags] INPUT...",
		Short: "Run the whole pipeline on inputs and print the report",
		Long: `Analyze reads every INPUT (files, folders walked recursively, - for stdin,
http(s) URLs), runs the whole pipeline and prints the report.

Formats: json (the public contract), markdown (the default on a terminal) and
html (one standalone page). With --db, the documents already in the store are
analyzed together with the new inputs, which are added to the store.`,
		Example: `  accord analyze ../shared/seeds
  accord analyze --format json --no-clean --date 2022-01-14 articles.jsonl
  accord analyze --format html -o report.html feed.xml pages/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && f.db == "" {
				return &exitError{2, errors.New("analyze needs at least one INPUT (see accord analyze --help)")}
			}
			if f.date != "" && !isoDate.MatchString(f.date) {
				return &exitError{2, fmt.Errorf("--date %q: want YYYY-MM-DD", f.date)}
			}
			if _, err := time.Parse("2006-01-02", orDefault(f.date, "2000-01-01")); err != nil {
				return &exitError{2, fmt.Errorf("--date %q: %v", f.date, err)}
			}
			format := f.format
			if format == "" {
				format = "json"
				if fd, ok := g.stdout.(*os.File); ok && f.output == "" && isatty.IsTerminal(fd.Fd()) {
					format = "markdown"
				}
			}
			if format != "json" && format != "markdown" && format != "html" {
				return &exitError{2, fmt.Errorf("--format %q: want json, markdown or html", format)}
			}
			if f.cpuprof != "" {
				pf, err := os.Create(f.cpuprof)
				if err != nil {
					return &exitError{1, err}
				}
				defer pf.Close()
				if err := pprof.StartCPUProfile(pf); err != nil {
					return &exitError{1, err}
				}
				defer pprof.StopCPUProfile()
			}
			g.memprof, g.memprofAt = f.memprof, f.memAt
			return analyze(cmd.Context(), g, f, format, args)
		},
	}
	cmd.Flags().StringVarP(&f.format, "format", "f", "", "output format: json, markdown or html (default markdown on a terminal, json otherwise)")
	cmd.Flags().BoolVar(&f.noClean, "no-clean", false, "take text as already clean: no boilerplate removal, offsets into the text as given")
	cmd.Flags().StringVar(&f.date, "date", "", "reference date (YYYY-MM-DD) for documents with no publication date")
	cmd.Flags().StringVar(&f.db, "db", "", "also use this store: analyze what it holds plus the new inputs (added to it)")
	cmd.Flags().StringVarP(&f.output, "output", "o", "", "write the report to this file instead of stdout")
	cmd.Flags().StringVar(&f.cpuprof, "cpuprofile", "", "write a CPU profile of the run to this file")
	_ = cmd.Flags().MarkHidden("cpuprofile")
	cmd.Flags().StringVar(&f.memprof, "memprofile", "", "write a heap profile, taken when the pipeline has finished, to this file")
	_ = cmd.Flags().MarkHidden("memprofile")
	cmd.Flags().StringVar(&f.memAt, "memprofile-at", "", "take the heap profile when this corpus stage starts (copies: after the per-document stages)")
	_ = cmd.Flags().MarkHidden("memprofile-at")
	cmd.Flags().BoolVar(&f.timings, "timings", false, "print each phase's wall time, CPU time, live heap and peak memory on stderr")
	return cmd
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// readInputs reads every input, reporting each bad one on stderr. It returns
// the documents and how many inputs failed.
func readInputs(ctx context.Context, g *globals, args []string, prog *progress) ([]*accord.Input, int, error) {
	var (
		inputs []*accord.Input
		failed int
	)
	err := ingest.Read(ctx, args, ingest.Options{Stdin: g.stdin}, func(in *accord.Input) error {
		inputs = append(inputs, in)
		if prog != nil {
			prog.Set("reading", len(inputs), -1)
		}
		return nil
	}, func(err error) {
		failed++
		fmt.Fprintln(g.stderr, "accord:", err)
	})
	return inputs, failed, err
}

func analyze(ctx context.Context, g *globals, f analyzeFlags, format string, args []string) error {
	prog := newProgress(g)
	defer prog.Done()
	g.timer = newStageTimer(g.stderr, f.timings)
	defer g.timer.Total()
	g.timer.Mark("read")
	var (
		inputs []*accord.Input
		failed int
	)
	if len(args) > 0 {
		var err error
		inputs, failed, err = readInputs(ctx, g, args, prog)
		if err != nil {
			return &exitError{1, err}
		}
	}
	var store accord.Store
	if f.db == "" {
		// Files of one name in different folders: the IDs a store would give.
		_ = accord.ResolveNameIDs(inputs, func(string) (string, bool, error) { return "", false, nil })
	}
	if f.db != "" {
		st, err := openStore(ctx, f.db)
		if err != nil {
			return &exitError{1, err}
		}
		defer st.Close()
		store = st
		g.timer.Mark("store")
		g.cache, _ = st.(accord.DocCache)
		g.state, _ = st.(accord.StateStore)
		if _, err := putBatches(ctx, store, inputs, prog); err != nil {
			return &exitError{1, err}
		}
		unlock, err := lockCoordinator(ctx, g, st, f.db)
		if err != nil {
			return &exitError{1, err}
		}
		defer unlock()
		inputs = inputs[:0]
		if err := store.Each(ctx, func(in *accord.Input) error {
			inputs = append(inputs, in)
			return nil
		}); err != nil {
			return &exitError{1, fmt.Errorf("reading the store: %w", err)}
		}
	}
	report, cleanFailed, err := runPipeline(ctx, g, inputs, accord.Options{NoClean: f.noClean, RefDate: f.date}, prog)
	if err != nil {
		return &exitError{1, err}
	}
	failed += cleanFailed
	if store != nil {
		if err := saveReport(ctx, store, report); err != nil {
			g.log.Warn("could not save the report in the store", "err", err)
		}
	}
	prog.Done()
	g.timer.Mark("write")
	var out io.Writer = g.stdout
	var file *os.File
	if f.output != "" {
		file, err = os.Create(f.output)
		if err != nil {
			return &exitError{1, err}
		}
		out = file
	}
	bw := bufio.NewWriterSize(out, 1<<16)
	if err := writeReport(bw, report, format); err != nil {
		return &exitError{1, err}
	}
	if err := bw.Flush(); err != nil {
		return &exitError{1, err}
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return &exitError{1, err}
		}
	}
	if failed > 0 {
		return &exitError{1, fmt.Errorf("%d input(s) failed; the report covers the %d documents that could be read", failed, len(report.Documents))}
	}
	return nil
}

// runPipeline runs the default pipeline and builds the report. Documents that
// could not be cleaned are counted as failed inputs; other stage errors are
// logged as warnings (the document stays, without that stage's layer).
func runPipeline(ctx context.Context, g *globals, inputs []*accord.Input, opt accord.Options, prog *progress) (*accord.Report, int, error) {
	p := pipeline.Default()
	p.Cache = g.cache
	p.State = g.state
	p.ReleaseInputs = true // analyze does not read the inputs after the run
	p.Progress = func(done, total int) { prog.Set("analyzing", done, total) }
	p.StageProgress = func(name string) {
		g.timer.Mark(name)
		prog.Stage(name)
		if g.memprof != "" && name == g.memprofAt {
			writeHeapProfile(g, g.memprof)
		}
	}
	g.timer.Mark("documents")
	corpus, errs := p.Run(ctx, inputs, opt)
	g.timer.Mark("report")
	if corpus == nil {
		if len(errs) > 0 {
			return nil, 0, errs[len(errs)-1]
		}
		return nil, 0, errors.New("analysis stopped")
	}
	if g.memprof != "" && g.memprofAt == "" {
		writeHeapProfile(g, g.memprof)
	}
	failed := 0
	for _, err := range errs {
		var se *pipeline.StageError
		if errors.As(err, &se) && se.Stage == "clean" {
			failed++
			fmt.Fprintln(g.stderr, "accord:", err)
			continue
		}
		g.log.Warn("stage error", "err", err)
	}
	return pipeline.BuildReport(corpus), failed, nil
}

func writeReport(w io.Writer, r *accord.Report, format string) error {
	switch format {
	case "markdown":
		return render.Markdown(w, r)
	case "html":
		return render.HTML(w, r)
	default:
		return writeJSONIndented(w, r)
	}
}

func saveReport(ctx context.Context, st accord.Store, r *accord.Report) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return st.SaveReport(ctx, b, len(r.Documents))
}

// putBatches stores inputs in transactions of batchSize documents, so that a
// killed run keeps whole batches and the next run skips them by hash.
func putBatches(ctx context.Context, st accord.Store, inputs []*accord.Input, prog *progress) (int, error) {
	const batchSize = 1000
	added := 0
	for i := 0; i < len(inputs); i += batchSize {
		j := min(i+batchSize, len(inputs))
		n, err := st.Put(ctx, inputs[i:j])
		if err != nil {
			return added, fmt.Errorf("storing documents: %w", err)
		}
		added += n
		if prog != nil {
			prog.Set("storing", j, len(inputs))
		}
	}
	return added, nil
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// writeHeapProfile writes a heap profile after a garbage collection, so that
// it shows what is alive; a failure is only logged.
func writeHeapProfile(g *globals, path string) {
	f, err := os.Create(path)
	if err != nil {
		g.log.Warn("memory profile", "err", err)
		return
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		g.log.Warn("memory profile", "err", err)
	}
}
