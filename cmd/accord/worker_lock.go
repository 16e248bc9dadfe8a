package main

import (
	"context"
	"fmt"

	"github.com/accord-news/accord"
)

// coordinatorLocker is implemented by the stores that have a coordinator
// lock (sqlite: flock on "<db>.lock"; postgres: a session advisory lock).
type coordinatorLocker interface {
	TryLockCoordinator(ctx context.Context) (release func() error, ok bool, err error)
	LockCoordinator(ctx context.Context) (release func() error, err error)
}

// lockCoordinator takes st's coordinator lock, so that one process at a time
// runs the corpus stages over a store (reads every document, updates the
// stages' saved state, saves the report). While another process holds it,
// it says so on stderr and waits, until ctx is done (Ctrl-C, SIGTERM).
// Writers (ingest, workers) are not blocked. The returned unlock is never
// nil when err is nil.
func lockCoordinator(ctx context.Context, g *globals, st accord.Store, db string) (unlock func(), err error) {
	l, ok := st.(coordinatorLocker)
	if !ok {
		return func() {}, nil
	}
	name := db
	if isPostgres(db) {
		name = redactDSN(db)
	}
	release, ok, err := l.TryLockCoordinator(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		if !g.quiet {
			fmt.Fprintf(g.stderr, "accord: another process is analyzing %s; waiting for it to finish\n", name)
		}
		if release, err = l.LockCoordinator(ctx); err != nil {
			return nil, fmt.Errorf("waiting for the coordinator lock on %s: %w", name, err)
		}
	}
	return func() {
		if err := release(); err != nil && g.log != nil {
			g.log.Warn("releasing the coordinator lock", "store", name, "err", err)
		}
	}, nil
}
