package postgres

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/accord-news/accord/storetest"
)

func TestCoordinatorLock(t *testing.T) {
	ctx := context.Background()
	dsn := testDSN(t)
	open := func(dsn string) *Store {
		s, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	a, b := open(dsn), open(dsn)

	release, ok, err := a.TryLockCoordinator(ctx)
	if err != nil || !ok {
		t.Fatalf("first TryLockCoordinator = %v, %v; want the lock", ok, err)
	}
	if _, ok, err := b.TryLockCoordinator(ctx); err != nil || ok {
		t.Fatalf("second TryLockCoordinator = %v, %v; want busy", ok, err)
	}
	// Advisory locks are re-entrant per session: the same Store must not get
	// it twice on another pooled connection either.
	if _, ok, err := a.TryLockCoordinator(ctx); err != nil || ok {
		t.Fatalf("TryLockCoordinator again on the holder = %v, %v; want busy", ok, err)
	}
	// Writers are not blocked by the coordinator lock.
	if n, err := b.Put(ctx, storetest.Inputs("l", 3, 50)); err != nil || n != 3 {
		t.Fatalf("Put under the coordinator lock = %d, %v", n, err)
	}
	short, cancel := context.WithTimeout(ctx, 600*time.Millisecond)
	defer cancel()
	if _, err := b.LockCoordinator(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("LockCoordinator while held = %v; want DeadlineExceeded", err)
	}

	got := make(chan error, 1)
	go func() {
		rel, err := b.LockCoordinator(ctx)
		if err == nil {
			err = rel()
		}
		got <- err
	}()
	time.Sleep(300 * time.Millisecond)
	select {
	case err := <-got:
		t.Fatalf("LockCoordinator returned %v while the lock was held", err)
	default:
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := release(); err != nil {
		t.Fatalf("second release: %v", err)
	}
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("LockCoordinator still waiting after release")
	}

	// A store in another schema of the same database has its own lock.
	c := open(testDSN(t))
	relA, ok, err := a.TryLockCoordinator(ctx)
	if err != nil || !ok {
		t.Fatalf("relock = %v, %v", ok, err)
	}
	relC, ok, err := c.TryLockCoordinator(ctx)
	if err != nil || !ok {
		t.Fatalf("other schema's lock = %v, %v; want free", ok, err)
	}
	_ = relC()

	// A holder whose session dies (a crashed or killed coordinator) frees
	// the lock: end its backend from another session.
	var pid int32
	if err := b.pool.QueryRow(ctx, `SELECT pid FROM pg_locks WHERE locktype = 'advisory'
		AND classid = $1 AND objid = hashtext(current_schema())::oid AND objsubid = 2
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
		int32(coordinatorLockClass)).Scan(&pid); err != nil {
		t.Fatalf("finding the holder: %v", err)
	}
	if _, err := b.pool.Exec(ctx, "SELECT pg_terminate_backend($1)", pid); err != nil {
		t.Fatal(err)
	}
	wait, cancel2 := context.WithTimeout(ctx, 10*time.Second)
	defer cancel2()
	relB, err := b.LockCoordinator(wait)
	if err != nil {
		t.Fatalf("lock after the holder's session died: %v", err)
	}
	_ = relB()
	if err := relA(); err == nil {
		t.Error("release on a dead session: want an error")
	}
}
