package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accord-news/accord/sqlite"
	"github.com/accord-news/accord/storetest"
)

// syncBuffer is a bytes.Buffer safe to write from the command's goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestCoordinatorWaits holds the store's coordinator lock (as a running
// "accord analyze --db" would) and checks that a second coordinator waits
// for it, saying so, and then completes.
func TestCoordinatorWaits(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "coord.db")
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Put(ctx, storetest.Inputs("c", 3, 60)); err != nil {
		t.Fatal(err)
	}
	release, err := st.LockCoordinator(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"analyze", "--db", db, "-f", "json"}, strings.NewReader(""), &out, &errb)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(errb.String(), "waiting for it to finish") {
		if time.Now().After(deadline) {
			t.Fatalf("no waiting message; stderr: %q", errb.String())
		}
		select {
		case code := <-done:
			t.Fatalf("analyze finished (status %d) while another coordinator held the lock; stderr: %q", code, errb.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("analyze status %d; stderr: %q", code, errb.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("analyze still waiting after the lock was released")
	}
	if !strings.Contains(out.String(), `"documents"`) {
		t.Errorf("no report on stdout: %.200q", out.String())
	}
	// The lock is free again afterwards.
	rel, ok, err := st.TryLockCoordinator(ctx)
	if err != nil || !ok {
		t.Fatalf("lock after analyze = %v, %v; want free", ok, err)
	}
	_ = rel()
}
