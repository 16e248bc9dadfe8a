package sqlite

import (
	"context"
	"fmt"
	"os"
	"time"
)

// LockCoordinator takes the store's coordinator lock, waiting until it is
// free or ctx is done. The lock says "the corpus stages are running over this
// store": it serializes coordinators (accord analyze --db), not writers, so
// ingest and workers keep putting documents while it is held.
//
// The lock is an exclusive flock(2) on the sidecar file "<db>.lock" (created
// if missing and never removed: removing it would let a waiter lock a file
// that the next process no longer sees). The kernel releases it when the
// process dies. An in-memory store is private to its process and has no
// lock. release unlocks; it is safe to call more than once.
func (s *Store) LockCoordinator(ctx context.Context) (release func() error, err error) {
	for {
		release, ok, err := s.TryLockCoordinator(ctx)
		if err != nil || ok {
			return release, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// TryLockCoordinator takes the coordinator lock if it is free. ok is false,
// with a nil error, when another process (or another Store on the same file)
// holds it.
func (s *Store) TryLockCoordinator(ctx context.Context) (release func() error, ok bool, err error) {
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	if s.path == "" {
		return func() error { return nil }, true, nil
	}
	f, err := os.OpenFile(s.path+".lock", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, false, fmt.Errorf("sqlite: coordinator lock: %w", err)
	}
	ok, err = tryFlock(f)
	if err != nil || !ok {
		f.Close()
		if err != nil {
			return nil, false, fmt.Errorf("sqlite: coordinator lock %s: %w", f.Name(), err)
		}
		return nil, false, nil
	}
	done := false
	return func() error {
		if done {
			return nil
		}
		done = true
		// Closing the only descriptor of the open file releases the flock.
		return f.Close()
	}, true, nil
}
