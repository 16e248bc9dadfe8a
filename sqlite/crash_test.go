package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/storetest"
)

const crashEnv = "ACCORD_SQLITE_CRASH_CHILD"

// The race detector makes the store about ten times slower: fewer documents.
var crashBatches, crashBatch = 24, 100

func init() {
	if raceEnabled {
		crashBatches, crashBatch = 10, 40
	}
}

func crashInputs() [][]*accord.Input {
	all := storetest.Inputs("k", crashBatches*crashBatch, 800)
	out := make([][]*accord.Input, crashBatches)
	for i := range out {
		out[i] = all[i*crashBatch : (i+1)*crashBatch]
	}
	return out
}

// crashChild is the child process: it puts every batch (skipping stored ones
// by hash) and prints a line after each commit, until killed.
func crashChild(path string) {
	s, err := Open(path)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	ctx := context.Background()
	for i, b := range crashInputs() {
		n, err := s.Put(ctx, b)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(2)
		}
		fmt.Printf("batch %d added %d\n", i, n)
	}
	s.Close()
	fmt.Println("done")
	os.Exit(0)
}

// TestCrashConsistency kills a writing child process with SIGKILL at random
// moments, several times, and checks after each kill that the store is
// sound and holds whole batches only; the last round re-puts everything and
// every document must then be stored exactly once.
func TestCrashConsistency(t *testing.T) {
	if path := os.Getenv(crashEnv); path != "" {
		crashChild(path)
		return
	}
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip("no executable:", err)
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	ctx := context.Background()
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	prev := 0
	for round := 0; round < 3; round++ {
		cmd := exec.Command(exe, "-test.run=^TestCrashConsistency$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Let the child commit a few batches, then kill it at a random moment.
		wantLines := 1 + r.Intn(3)
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		deadline := time.After(2 * time.Minute)
		seen := 0
	wait:
		for seen < wantLines {
			select {
			case l, ok := <-lines:
				if !ok {
					break wait
				}
				if strings.HasPrefix(l, "error:") {
					t.Fatalf("child: %s", l)
				}
				if strings.HasPrefix(l, "batch") && !strings.HasSuffix(l, " added 0") {
					seen++ // a new commit, not a batch skipped as stored
				}
			case <-deadline:
				t.Fatal("child made no progress")
			}
		}
		time.Sleep(time.Duration(r.Intn(30)) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		go func() {
			for range lines {
			}
		}()
		_ = cmd.Wait()

		s, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		if err := s.IntegrityCheck(ctx); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		n, err := s.Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("round %d: killed after %d commits seen; store holds %d docs", round, seen, n)
		if n%crashBatch != 0 {
			t.Fatalf("round %d: %d docs is not a whole number of %d-doc batches", round, n, crashBatch)
		}
		if n < prev {
			t.Fatalf("round %d: store shrank from %d to %d", round, prev, n)
		}
		prev = n
		s.Close()
	}

	// The next run finishes the job: each document exactly once.
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	total := 0
	for _, b := range crashInputs() {
		added, err := s.Put(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		total += added
	}
	if prev+total != crashBatches*crashBatch {
		t.Errorf("re-put added %d to %d stored, want %d in all", total, prev, crashBatches*crashBatch)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs != crashBatches*crashBatch || st.Versions != st.Docs {
		t.Errorf("after re-put: %d docs, %d rows; want %d each", st.Docs, st.Versions, crashBatches*crashBatch)
	}
	ids, err := s.IDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(ids); i++ {
		if ids[i] == ids[i-1] {
			t.Fatalf("id %s stored twice", ids[i])
		}
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, "market", 5)
	if err != nil || len(hits) == 0 {
		t.Errorf("Search after recovery = %d hits, %v", len(hits), err)
	}
}
