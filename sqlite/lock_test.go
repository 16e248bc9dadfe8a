package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/accord-news/accord/storetest"
)

func TestCoordinatorLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lock.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	release, ok, err := a.TryLockCoordinator(ctx)
	if err != nil || !ok {
		t.Fatalf("first TryLockCoordinator = %v, %v; want the lock", ok, err)
	}
	if _, ok, err := b.TryLockCoordinator(ctx); err != nil || ok {
		t.Fatalf("second TryLockCoordinator = %v, %v; want busy", ok, err)
	}
	// Writers are not blocked by the coordinator lock.
	if n, err := b.Put(ctx, storetest.Inputs("l", 3, 50)); err != nil || n != 3 {
		t.Fatalf("Put under the coordinator lock = %d, %v", n, err)
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, err := b.LockCoordinator(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("LockCoordinator while held = %v; want DeadlineExceeded", err)
	}

	// A waiter gets the lock once it is released.
	got := make(chan error, 1)
	go func() {
		rel, err := b.LockCoordinator(ctx)
		if err == nil {
			err = rel()
		}
		got <- err
	}()
	time.Sleep(100 * time.Millisecond)
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

	// Another file has its own lock.
	c := openTemp(t)
	defer c.Close()
	relA, ok, err := a.TryLockCoordinator(ctx)
	if err != nil || !ok {
		t.Fatalf("relock = %v, %v", ok, err)
	}
	defer relA()
	relC, ok, err := c.TryLockCoordinator(ctx)
	if err != nil || !ok {
		t.Fatalf("other file's lock = %v, %v; want free", ok, err)
	}
	relC()
}

func TestCoordinatorLockMemory(t *testing.T) {
	s, err := Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rel, err := s.LockCoordinator(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := rel(); err != nil {
		t.Fatal(err)
	}
}
