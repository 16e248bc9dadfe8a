package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats-server/v2/server"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/ingest"
	"github.com/accord-news/accord/nats"
	"github.com/accord-news/accord/pipeline"
	"github.com/accord-news/accord/postgres"
	"github.com/accord-news/accord/sqlite"
)

func seedsDir() string {
	if d := os.Getenv("ACCORD_SHARED"); d != "" {
		return filepath.Join(d, "seeds")
	}
	return "/work/shared/seeds"
}

func report(t *testing.T, inputs []*accord.Input) []byte {
	t.Helper()
	c, _ := pipeline.Default().Run(context.Background(), inputs, accord.Options{})
	if c == nil {
		t.Fatal("pipeline returned no corpus")
	}
	b, err := json.Marshal(pipeline.BuildReport(c))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDistributedReportEqualsSingle: the seeds published to NATS, stored by
// three concurrent workers (one of which is stopped abruptly after its first
// batch), then analyzed over the store, give byte-identical report JSON to a
// single-process run over the same files.
func TestDistributedReportEqualsSingle(t *testing.T) {
	dir := seedsDir()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no seeds at %s", dir)
	}
	ctx := context.Background()
	var inputs []*accord.Input
	if err := ingest.Read(ctx, []string{dir}, ingest.Options{}, func(in *accord.Input) error {
		inputs = append(inputs, in)
		return nil
	}, func(err error) { t.Errorf("reading seeds: %v", err) }); err != nil {
		t.Fatal(err)
	}
	single := report(t, inputs)

	stores := map[string]func(t *testing.T) accord.Store{
		"sqlite": func(t *testing.T) accord.Store {
			st, err := sqlite.Open(filepath.Join(t.TempDir(), "a.db"))
			if err != nil {
				t.Fatal(err)
			}
			return st
		},
	}
	if base := os.Getenv("ACCORD_PG_DSN"); base != "" {
		stores["postgres"] = func(t *testing.T) accord.Store {
			st, err := postgres.Open(ctx, pgSchema(t, base))
			if err != nil {
				t.Fatal(err)
			}
			return st
		}
	}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true,
				StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
			if err != nil {
				t.Fatal(err)
			}
			ns.Start()
			defer ns.Shutdown()
			if !ns.ReadyForConnections(10 * time.Second) {
				t.Fatal("nats server did not start")
			}
			cfg := nats.Config{AckWait: time.Second}
			pc, err := nats.Connect(ns.ClientURL(), "pub")
			if err != nil {
				t.Fatal(err)
			}
			defer pc.Close()
			pub, err := nats.NewPublisher(ctx, pc, cfg)
			if err != nil {
				t.Fatal(err)
			}
			for _, in := range append(inputs, inputs...) { // twice: de-duplicated
				if err := pub.Publish(ctx, in); err != nil {
					t.Fatal(err)
				}
			}
			if err := pub.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			st := open(t)
			defer st.Close()
			var wg sync.WaitGroup
			errs := make(chan error, 3)
			for i := 0; i < 3; i++ {
				nc, err := nats.Connect(ns.ClientURL(), fmt.Sprint("w", i))
				if err != nil {
					t.Fatal(err)
				}
				wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
				w := &nats.Worker{Store: st, Config: cfg, Batch: 2, ExitWhenIdle: true}
				if i == 0 {
					// Worker 0 dies abruptly inside its first batch: the
					// connection closes without acking.
					w.Process = func(context.Context, []*accord.Input) error {
						nc.Close()
						return context.Canceled
					}
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					defer cancel()
					defer nc.Close()
					_, err := w.Run(wctx, nc)
					if i > 0 && err != nil {
						errs <- err
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatalf("worker: %v", err)
			}
			var stored []*accord.Input
			if err := st.Each(ctx, func(in *accord.Input) error { stored = append(stored, in); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(stored) != len(inputs) {
				t.Fatalf("store holds %d documents, want %d", len(stored), len(inputs))
			}
			if dist := report(t, stored); !bytes.Equal(dist, single) {
				t.Errorf("distributed report differs from the single-process one (%d vs %d bytes)", len(dist), len(single))
			}
		})
	}
}

func pgSchema(t *testing.T, base string) string {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	schema := fmt.Sprintf("e_%d_%d", os.Getpid(), rand.Int63())
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
