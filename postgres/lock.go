package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// coordinatorLockClass is the first key of the two-key advisory lock that
// LockCoordinator takes; the second key is hashtext(current_schema()), so
// stores in different schemas of one database have different locks. The
// two-key form never collides with the one-key migration lock.
const coordinatorLockClass = 0x61636364 // "accd"

// LockCoordinator takes the store's coordinator lock, waiting until it is
// free or ctx is done. The lock says "the corpus stages are running over this
// store": it serializes coordinators (accord analyze --db), not writers, so
// workers keep putting documents while it is held.
//
// The lock is a session-level advisory lock (pg_advisory_lock) held on a
// connection taken from the pool for as long as the lock is held: if the
// process dies or its connection drops, PostgreSQL releases it. release
// unlocks and returns the connection; it is safe to call more than once.
func (s *Store) LockCoordinator(ctx context.Context) (release func() error, err error) {
	for {
		release, ok, err := s.TryLockCoordinator(ctx)
		if err != nil || ok {
			return release, err
		}
		// Poll rather than block in pg_advisory_lock, so that a waiting
		// process holds no connection and ctx cancels promptly.
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// TryLockCoordinator takes the coordinator lock if it is free. ok is false,
// with a nil error, when another session holds it.
func (s *Store) TryLockCoordinator(ctx context.Context) (release func() error, ok bool, err error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("postgres: coordinator lock: %w", err)
	}
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1, hashtext(current_schema()))",
		int32(coordinatorLockClass)).Scan(&ok); err != nil {
		conn.Release()
		return nil, false, fmt.Errorf("postgres: coordinator lock: %w", err)
	}
	if !ok {
		conn.Release()
		return nil, false, nil
	}
	done := false
	return func() error {
		if done {
			return nil
		}
		done = true
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		var unlocked bool
		err := conn.QueryRow(ctx, "SELECT pg_advisory_unlock($1, hashtext(current_schema()))",
			int32(coordinatorLockClass)).Scan(&unlocked)
		if err == nil && !unlocked {
			err = errors.New("the lock was not held")
		}
		if err != nil {
			// Close the session rather than return it to the pool holding
			// the lock: closing it releases every lock it holds.
			_ = conn.Conn().Close(ctx)
			conn.Release()
			return fmt.Errorf("postgres: coordinator unlock: %w", err)
		}
		conn.Release()
		return nil
	}, true, nil
}
