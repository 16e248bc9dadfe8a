package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/ingest"
	"github.com/accord-news/accord/postgres"
	"github.com/accord-news/accord/sqlite"
	"github.com/accord-news/accord/text"
)

const defaultDB = "accord.db"

func openStore(ctx context.Context, dsn string) (accord.Store, error) {
	if isPostgres(dsn) {
		st, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, fmt.Errorf("opening store %s: %w", redactDSN(dsn), err)
		}
		return st, nil
	}
	st, err := sqlite.Open(dsn)
	if err != nil {
		return nil, fmt.Errorf("opening store %s: %w", dsn, err)
	}
	return st, nil
}

func newIngestCmd(g *globals) *cobra.Command {
	var db, natsURL string
	cmd := &cobra.Command{
		Use:   "ingest [--db FILE] INPUT...",
		Short: "Add documents to the store (incremental and idempotent)",
		Long: `Ingest reads every INPUT and adds its documents to the store. Documents are
keyed by content hash, so ingesting the same files again adds nothing. Writes
go in transactions of 1,000 documents: a run killed halfway leaves a
consistent store, and the next run finishes the job.`,
		Example: `  accord ingest ../shared/seeds
  accord ingest --db news.db feeds/*.xml crawl.warc.gz`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if natsURL != "" {
				return publishInputs(ctx, g, natsURL, args)
			}
			st, err := openStore(ctx, db)
			if err != nil {
				return &exitError{1, err}
			}
			defer st.Close()
			prog := newProgress(g)
			defer prog.Done()
			var (
				batch       []*accord.Input
				read, added int
				failed      int
				errStore    error
				flush       = func() error {
					n, err := st.Put(ctx, batch)
					added += n
					batch = batch[:0]
					return err
				}
			)
			err = ingest.Read(ctx, args, ingest.Options{Stdin: g.stdin}, func(in *accord.Input) error {
				read++
				batch = append(batch, in)
				prog.Set("ingesting", read, -1)
				if len(batch) >= 1000 {
					if err := flush(); err != nil {
						errStore = err
						return err
					}
				}
				return nil
			}, func(err error) {
				failed++
				fmt.Fprintln(g.stderr, "accord:", err)
			})
			if errStore != nil {
				return &exitError{1, fmt.Errorf("storing documents: %w", errStore)}
			}
			if err != nil {
				return &exitError{1, err}
			}
			if len(batch) > 0 {
				if err := flush(); err != nil {
					return &exitError{1, fmt.Errorf("storing documents: %w", err)}
				}
			}
			prog.Done()
			total, _ := st.Count(ctx)
			if !g.quiet {
				fmt.Fprintf(g.stderr, "read %d documents: %d new, %d already stored; the store holds %d\n", read, added, read-added, total)
			}
			if failed > 0 {
				return &exitError{1, fmt.Errorf("%d input(s) failed", failed)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", defaultDB, "the store: a SQLite file, or postgres://… for PostgreSQL")
	cmd.Flags().StringVar(&natsURL, "nats", "", "publish the documents to this NATS JetStream server for accord worker, instead of storing them")
	return cmd
}

// storeReport returns the report of the whole store, re-analyzing when the
// saved report is missing or does not cover every stored document.
func storeReport(ctx context.Context, g *globals, db string) (*accord.Report, error) {
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	g.cache, _ = st.(accord.DocCache)
	g.state, _ = st.(accord.StateStore)
	n, err := st.Count(ctx)
	if err != nil {
		return nil, err
	}
	b, covered, err := st.LoadReport(ctx)
	if err == nil && covered == n {
		var r accord.Report
		if err := json.Unmarshal(b, &r); err == nil {
			return &r, nil
		}
	} else if err != nil && !errors.Is(err, accord.ErrNotFound) {
		return nil, err
	}
	unlock, err := lockCoordinator(ctx, g, st, db)
	if err != nil {
		return nil, err
	}
	defer unlock()
	var inputs []*accord.Input
	if err := st.Each(ctx, func(in *accord.Input) error { inputs = append(inputs, in); return nil }); err != nil {
		return nil, err
	}
	prog := newProgress(g)
	defer prog.Done()
	r, _, err := runPipeline(ctx, g, inputs, accord.Options{}, prog)
	if err != nil {
		return nil, err
	}
	if err := saveReport(ctx, st, r); err != nil {
		g.log.Warn("could not save the report in the store", "err", err)
	}
	return r, nil
}

func newStoriesCmd(g *globals) *cobra.Command {
	var db, format string
	cmd := &cobra.Command{
		Use:   "stories [--db FILE]",
		Short: "List the stories in the store with counts, dates and independent sources",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, err := storeReport(cmd.Context(), g, db)
			if err != nil {
				return &exitError{1, err}
			}
			if format == "json" {
				return writeReport(g.stdout, &accord.Report{Stories: r.Stories}, "json")
			}
			stories := append([]accord.Story(nil), r.Stories...)
			sort.SliceStable(stories, func(i, j int) bool { return len(stories[i].Documents) > len(stories[j].Documents) })
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tDOCS\tINDEPENDENT\tFIRST\tLAST\tTITLE")
			for _, s := range stories {
				fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\n", s.ID, len(s.Documents), len(s.IndependentGroups),
					deref(s.FirstDate), deref(s.LastDate), oneLine(s.Title, 80))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&db, "db", defaultDB, "the store: a SQLite file, or postgres://… for PostgreSQL")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text or json")
	return cmd
}

func newShowCmd(g *globals) *cobra.Command {
	var db, format string
	cmd := &cobra.Command{
		Use:   "show [--db FILE] ID",
		Short: "Show one story (its brief, timeline, entities, quotes, conflicts) or one document",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := storeReport(cmd.Context(), g, db)
			if err != nil {
				return &exitError{1, err}
			}
			if sr := r.ForStory(args[0]); sr != nil {
				return writeReport(g.stdout, sr, format)
			}
			for _, d := range r.Documents {
				if d.ID == args[0] {
					if format == "json" {
						return writeReport(g.stdout, &accord.Report{Documents: []accord.ReportDocument{d}}, "json")
					}
					lang := d.Language
					if text.ForeignLanguage(&accord.Document{Language: d.Language, Text: d.Text}) != "" {
						lang += " (not annotated: Accord reads names, quotes, times and numbers in English)"
					}
					fmt.Fprintf(g.stdout, "# %s\n\nid: %s\nsource: %s\noutlet: %s\npublished: %s (%s)\nlanguage: %s\nstory: %s\n\n%s\n",
						d.Title, d.ID, d.Source, deref(d.Outlet), deref(d.Published), d.PublishedBasis, lang, storyOf(r, d.ID), d.Text)
					for _, rm := range d.Removed {
						fmt.Fprintf(g.stdout, "\n[removed: %s] %s", rm.Reason, rm.Text)
					}
					return nil
				}
			}
			return &exitError{1, fmt.Errorf("no story or document with id %q", args[0])}
		},
	}
	cmd.Flags().StringVar(&db, "db", defaultDB, "the store: a SQLite file, or postgres://… for PostgreSQL")
	cmd.Flags().StringVarP(&format, "format", "f", "markdown", "markdown, html or json")
	return cmd
}

func newTimelineCmd(g *globals) *cobra.Command {
	var db string
	cmd := &cobra.Command{
		Use:   "timeline [--db FILE] [STORY]",
		Short: "Print the dated timeline of a story (or of every story)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := storeReport(cmd.Context(), g, db)
			if err != nil {
				return &exitError{1, err}
			}
			if len(args) == 1 {
				if r = r.ForStory(args[0]); r == nil {
					return &exitError{1, fmt.Errorf("no story with id %q", args[0])}
				}
			}
			if len(r.Timeline) == 0 {
				fmt.Fprintln(g.stdout, "no dated happenings found")
			}
			for _, t := range r.Timeline {
				place := ""
				if t.Place != nil {
					place = " [" + *t.Place + "]"
				}
				fmt.Fprintf(g.stdout, "%-10s  %s%s  (%s)\n", t.Date, oneLine(t.Summary, 120), place, strings.Join(t.Documents, ", "))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", defaultDB, "the store: a SQLite file, or postgres://… for PostgreSQL")
	return cmd
}

func newSearchCmd(g *globals) *cobra.Command {
	var (
		db    string
		limit int
	)
	cmd := &cobra.Command{
		Use:   "search [--db FILE] QUERY",
		Short: "Full-text search over the stored documents",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openStore(cmd.Context(), db)
			if err != nil {
				return &exitError{1, err}
			}
			defer st.Close()
			hits, err := st.Search(cmd.Context(), strings.Join(args, " "), limit)
			if err != nil {
				return &exitError{1, err}
			}
			for _, h := range hits {
				fmt.Fprintf(g.stdout, "%s\t%s\n\t%s\n", h.ID, oneLine(h.Title, 80), oneLine(h.Snippet, 160))
			}
			if len(hits) == 0 {
				fmt.Fprintln(g.stderr, "no matches")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", defaultDB, "the store: a SQLite file, or postgres://… for PostgreSQL")
	cmd.Flags().IntVarP(&limit, "limit", "n", 20, "the most hits to show")
	return cmd
}

func storyOf(r *accord.Report, doc string) string {
	for _, s := range r.Stories {
		for _, d := range s.Documents {
			if d == doc {
				return s.ID + " (" + s.Title + ")"
			}
		}
	}
	return "none"
}

func deref(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		cut := max
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
