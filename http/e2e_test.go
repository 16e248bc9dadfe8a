package http

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestE2E builds the accord binary, ingests the seeds into a fresh store,
// serves it on a free loopback port and runs the playwright-core suite in
// e2e/ against it in headless Chromium. It runs only with ACCORD_E2E=1, a
// Chromium (CHROMIUM, default /usr/bin/chromium), node, and `npm ci` done in
// http/e2e. ACCORD_BIN names a prebuilt binary to use instead. Screenshots go to ACCORD_E2E_ARTIFACTS (default: a temp folder).
func TestE2E(t *testing.T) {
	if os.Getenv("ACCORD_E2E") != "1" {
		t.Skip("set ACCORD_E2E=1 to run the browser tests")
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("no Chromium at", chromium)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node")
	}
	if _, err := os.Stat("e2e/node_modules/playwright-core/package.json"); err != nil {
		t.Skip("run `npm ci` in http/e2e first")
	}
	shared := os.Getenv("ACCORD_SHARED")
	if shared == "" {
		shared = "../../shared"
	}
	seeds := filepath.Join(shared, "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("no seeds at", seeds)
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	bin := os.Getenv("ACCORD_BIN") // a prebuilt binary, else built here
	if bin == "" {
		bin = filepath.Join(dir, "accord")
		if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "../cmd/accord").CombinedOutput(); err != nil {
			t.Fatalf("building accord: %v\n%s", err, out)
		}
	}
	db := filepath.Join(dir, "e2e.db")
	if out, err := exec.CommandContext(ctx, bin, "ingest", "-q", "--db", db, seeds).CombinedOutput(); err != nil {
		t.Fatalf("ingesting the seeds: %v\n%s", err, out)
	}
	srv := exec.CommandContext(ctx, bin, "serve", "--db", db, "--addr", "127.0.0.1:0")
	stderr, err := srv.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = srv.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = srv.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = srv.Process.Kill()
		}
	}()
	addrRe := regexp.MustCompile(`serving .* on (http://127\.0\.0\.1:\d+)/`)
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			line := sc.Text()
			if m := addrRe.FindStringSubmatch(line); m != nil && !sent {
				urlc <- m[1]
				sent = true
			} else if testing.Verbose() {
				t.Log("server:", line)
			}
		}
	}()
	var base string
	select {
	case base = <-urlc:
	case <-time.After(3 * time.Minute):
		t.Fatal("the server did not start")
	}
	artifacts := os.Getenv("ACCORD_E2E_ARTIFACTS")
	if artifacts == "" {
		artifacts = filepath.Join(dir, "artifacts")
	}
	cmd := exec.CommandContext(ctx, node, "e2e.mjs")
	cmd.Dir = "e2e"
	cmd.Env = append(os.Environ(), "ACCORD_URL="+base, "ARTIFACTS="+artifacts, "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Log("\n" + strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("e2e suite failed: %v", err)
	}
}
