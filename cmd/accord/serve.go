package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/accord-news/accord"
	accordhttp "github.com/accord-news/accord/http"
)

func newServeCmd(g *globals) *cobra.Command {
	var db, addr, token string
	cmd := &cobra.Command{
		Use:   "serve [--db FILE] [--addr HOST:PORT] [--token T]",
		Short: "Serve the store's report: a JSON API and a web UI",
		Long: `Serve opens the store, analyzes it if its saved report is stale, and serves
the report over HTTP: a JSON API (described at /api/openapi.json) and a web UI
(stories, story pages with the cited brief, timeline, quotes, conflicts and the
source graph, annotated documents, and an upload page).

It binds 127.0.0.1:8080 by default. On any non-loopback address a --token is
required; clients send it as "Authorization: Bearer T" or once as ?token=T
(the browser then keeps it in a cookie).`,
		Example: `  accord serve
  accord serve --db news.db --addr 127.0.0.1:9000
  accord serve --addr 0.0.0.0:8080 --token "$(openssl rand -hex 16)"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if err := accordhttp.CheckAddr(addr, token); err != nil {
				return &exitError{2, err}
			}
			st, err := openStore(ctx, db)
			if err != nil {
				return &exitError{1, err}
			}
			defer st.Close()
			g.cache, _ = st.(accord.DocCache)
			g.state, _ = st.(accord.StateStore)
			analyze := func(ctx context.Context, inputs []*accord.Input) (*accord.Report, error) {
				unlock, err := lockCoordinator(ctx, g, st, db)
				if err != nil {
					return nil, err
				}
				defer unlock()
				r, _, err := runPipeline(ctx, g, inputs, accord.Options{}, &progress{})
				return r, err
			}
			srv := accordhttp.NewServer(st, analyze, accordhttp.Options{Addr: addr, Token: token, Logger: g.log})
			if err := srv.Load(ctx); err != nil {
				return &exitError{1, fmt.Errorf("loading the report: %w", err)}
			}
			err = srv.ListenAndServe(ctx, func(bound string) {
				fmt.Fprintf(g.stderr, "accord: serving %s on http://%s/\n", db, bound)
			})
			if err != nil && !errors.Is(err, context.Canceled) {
				return &exitError{1, err}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", defaultDB, "the store: a SQLite file, or postgres://… for PostgreSQL")
	cmd.Flags().StringVar(&addr, "addr", accordhttp.DefaultAddr, "address to listen on (host:port; port 0 picks a free one)")
	cmd.Flags().StringVar(&token, "token", "", "require this token on every request (mandatory on non-loopback addresses)")
	return cmd
}
