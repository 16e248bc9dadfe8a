package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/accord-news/accord/sqlite"
)

// TestMain lets a test re-execute this binary as the accord command, so that a
// real process can be killed with SIGKILL part-way.
func TestMain(m *testing.M) {
	if args := os.Getenv("ACCORD_TEST_MAIN_ARGS"); args != "" {
		os.Exit(run(context.Background(), strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func accordProcess(t *testing.T, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ACCORD_TEST_MAIN_ARGS="+strings.Join(args, "\x1f"))
	return cmd
}

// TestKilledIngestResumes kills an ingest of the Reuters corpus with SIGKILL
// part-way, checks the store is consistent, reruns the ingest and checks that
// every document is stored exactly once.
func TestKilledIngestResumes(t *testing.T) {
	shared := sharedDir(t)
	reuters := filepath.Join(shared, "data", "reuters21578")
	files, _ := filepath.Glob(filepath.Join(reuters, "reut2-00[0-3].sgm.gz"))
	if len(files) == 0 {
		t.Skip("no Reuters corpus")
	}
	if testing.Short() {
		files = files[:1]
	}
	db := filepath.Join(t.TempDir(), "kill.db")
	args := append([]string{"ingest", "--quiet", "--db", db}, files...)

	// Kill the first run as soon as some documents are stored.
	cmd := accordProcess(t, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	killedAt := -1
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		st, err := sqlite.Open(db)
		if err != nil {
			continue
		}
		n, err := st.Count(context.Background())
		st.Close()
		if err == nil && n > 0 {
			killedAt = n
			break
		}
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	if killedAt < 0 {
		t.Fatal("the first ingest stored nothing within 60 s")
	}

	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatalf("store unusable after kill -9: %v", err)
	}
	if err := st.IntegrityCheck(context.Background()); err != nil {
		t.Fatalf("integrity check after kill -9: %v", err)
	}
	partial, _ := st.Count(context.Background())
	st.Close()
	t.Logf("killed with %d documents seen stored; %d after reopen", killedAt, partial)

	out, err := accordProcess(t, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("rerun failed: %v\n%s", err, out)
	}
	st, err = sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.IntegrityCheck(context.Background()); err != nil {
		t.Fatalf("integrity check after rerun: %v", err)
	}
	ids, err := st.IDs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("document %s stored twice", id)
		}
		seen[id] = true
	}
	// A third run adds nothing.
	out, err = accordProcess(t, append([]string{"ingest", "--db", db}, files...)...).CombinedOutput()
	if err != nil || !strings.Contains(string(out), " 0 new") {
		t.Errorf("third run: %v %s", err, out)
	}
	n, _ := st.Count(context.Background())
	if n != len(ids) || n < partial {
		t.Errorf("count %d, ids %d, partial %d", n, len(ids), partial)
	}
	t.Logf("after rerun: %d documents, each once", n)
}
