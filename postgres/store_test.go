package postgres

import (
	"context"
	"fmt"
	"math/rand"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/storetest"
)

// TestDSN returns a DSN for a fresh schema of the server named by
// ACCORD_PG_DSN (dropped when the test ends), or skips the test.
func testDSN(t testing.TB) string {
	base := os.Getenv("ACCORD_PG_DSN")
	if base == "" {
		t.Skip("ACCORD_PG_DSN is not set (scripts/pg-up starts a local server)")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect %s: %v", base, err)
	}
	defer conn.Close(ctx)
	schema := fmt.Sprintf("t_%d_%d", os.Getpid(), rand.Int63())
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+quoteIdent(schema)); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		_, _ = c.Exec(ctx, "DROP SCHEMA "+quoteIdent(schema)+" CASCADE")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("ACCORD_PG_DSN: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) accord.Store {
		s, err := Open(context.Background(), testDSN(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
