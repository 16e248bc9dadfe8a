package nats

import (
	"context"
	"fmt"
	"math/rand"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats-server/v2/server"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/postgres"
	"github.com/accord-news/accord/sqlite"
	"github.com/accord-news/accord/storetest"
)

// The test binary doubles as a worker process: TestMain runs one when
// ACCORD_TEST_WORKER is set, so a test can SIGKILL it mid-stream.
func TestMain(m *testing.M) {
	if os.Getenv("ACCORD_TEST_WORKER") == "1" {
		os.Exit(helperWorker())
	}
	os.Exit(m.Run())
}

func helperWorker() int {
	ctx := context.Background()
	st, err := openStore(ctx, os.Getenv("ACCORD_TEST_DB"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	delay, _ := time.ParseDuration(os.Getenv("ACCORD_TEST_DELAY"))
	nc, err := Connect(os.Getenv("ACCORD_TEST_NATS"), "test-worker")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer nc.Close()
	w := &Worker{Store: slowStore{st, delay}, Config: testConfig, Batch: 20, ExitWhenIdle: true}
	stats, err := w.Run(ctx, nc)
	fmt.Fprintf(os.Stderr, "worker %d: %+v %v\n", os.Getpid(), stats, err)
	if err != nil {
		return 1
	}
	return 0
}

var testConfig = Config{AckWait: 2 * time.Second}

// slowStore stands for per-document work: it sleeps before each Put.
type slowStore struct {
	accord.Store
	delay time.Duration
}

func (s slowStore) Put(ctx context.Context, in []*accord.Input) (int, error) {
	time.Sleep(s.delay)
	return s.Store.Put(ctx, in)
}

func openStore(ctx context.Context, dsn string) (accord.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(dsn)
}

// startServer runs an embedded NATS server with JetStream on a random
// loopback port.
func startServer(t testing.TB) string {
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true,
		StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats server did not start")
	}
	t.Cleanup(ns.Shutdown)
	return ns.ClientURL()
}

// stores returns the stores to test with: SQLite always, PostgreSQL (a fresh
// schema) when ACCORD_PG_DSN is set.
func stores(t *testing.T) map[string]func(t *testing.T) string {
	out := map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string { return t.TempDir() + "/accord.db" },
	}
	if base := os.Getenv("ACCORD_PG_DSN"); base != "" {
		out["postgres"] = func(t *testing.T) string { return pgSchema(t, base) }
	}
	return out
}

func pgSchema(t testing.TB, base string) string {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	schema := fmt.Sprintf("n_%d_%d", os.Getpid(), rand.Int63())
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, err := pgx.Connect(ctx, base); err == nil {
			_, _ = c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			c.Close(ctx)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// rowCount counts every stored row (all versions): a duplicate would show.
func rowCount(t *testing.T, st accord.Store) int {
	ctx := context.Background()
	var n int
	var err error
	switch s := st.(type) {
	case *sqlite.Store:
		err = s.DB().QueryRowContext(ctx, "SELECT count(*) FROM docs").Scan(&n)
	case *postgres.Store:
		err = s.Pool().QueryRow(ctx, "SELECT count(*) FROM docs").Scan(&n)
	}
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func publish(t *testing.T, url string, inputs []*accord.Input) {
	ctx := context.Background()
	nc, err := Connect(url, "test-publisher")
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	p, err := NewPublisher(ctx, nc, testConfig)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		if err := p.Publish(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestKillWorker: three worker processes share the queue; one is SIGKILLed
// mid-stream. Every document ends up stored exactly once.
func TestKillWorker(t *testing.T) {
	const n = 1500
	for name, dsn := range stores(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			url := startServer(t)
			db := dsn(t)
			inputs := storetest.Inputs("k", n, 300)
			// The first 100 twice: de-duplicated by Nats-Msg-Id.
			publish(t, url, append(inputs, inputs[:100]...))

			st, err := openStore(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			var procs []*exec.Cmd
			for i := 0; i < 3; i++ {
				cmd := exec.Command(os.Args[0], "-test.run=^$")
				cmd.Env = append(os.Environ(), "ACCORD_TEST_WORKER=1", "ACCORD_TEST_NATS="+url,
					"ACCORD_TEST_DB="+db, "ACCORD_TEST_DELAY=40ms")
				cmd.Stderr = os.Stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				procs = append(procs, cmd)
			}
			// Kill worker 0 once a fifth of the documents is stored.
			deadline := time.Now().Add(60 * time.Second)
			for {
				c, err := st.Count(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if c >= n/5 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("workers stored nothing")
				}
				time.Sleep(10 * time.Millisecond)
			}
			if err := procs[0].Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			_ = procs[0].Wait()
			for _, p := range procs[1:] {
				if err := p.Wait(); err != nil {
					t.Fatalf("worker %d: %v", p.Process.Pid, err)
				}
			}
			c, err := st.Count(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if c != n {
				t.Errorf("store holds %d documents, want %d", c, n)
			}
			if rows := rowCount(t, st); rows != n {
				t.Errorf("store holds %d rows, want %d (duplicates)", rows, n)
			}
			i := 0
			if err := st.Each(ctx, func(in *accord.Input) error {
				if i < n && in.ID != inputs[i].ID {
					return fmt.Errorf("document %d is %s, want %s", i, in.ID, inputs[i].ID)
				}
				i++
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d documents, worker 0 killed at >= %d", name, c, n/5)
		})
	}
}

// TestBadMessage: an undecodable message is terminated, not redelivered
// forever, and does not stop the worker.
func TestBadMessage(t *testing.T) {
	ctx := context.Background()
	url := startServer(t)
	nc, err := Connect(url, "test")
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	if _, err := NewPublisher(ctx, nc, testConfig); err != nil {
		t.Fatal(err)
	}
	for _, b := range []string{"{", "null", `{"id":"x","text":"fine"}`, "\xff", `{"id":7}`, `{}`} {
		if err := nc.Publish("accord.docs", []byte(b)); err != nil {
			t.Fatal(err)
		}
	}
	nc.Flush()
	st, err := sqlite.Open(t.TempDir() + "/a.db")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := &Worker{Store: st, Config: testConfig, ExitWhenIdle: true}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	stats, err := w.Run(ctx, nc)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Messages != 6 || stats.Bad != 5 {
		t.Errorf("stats = %+v, want 6 messages, 5 bad", stats)
	}
	if c, _ := st.Count(ctx); c != 1 {
		t.Errorf("stored %d, want 1", c)
	}
}
