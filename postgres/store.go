// Package postgres is Accord's PostgreSQL store: the accord.Store for a
// deployment that outgrows one SQLite file. It has the same semantics as the
// sqlite store (content-hash keys, versions of one ID with Get returning the
// latest, Each in ID byte order, full-text search, the saved report) and
// passes the same conformance suite (storetest).
//
// Search uses a generated tsvector column (English stemming, title weighted
// above the body, diacritics folded before indexing) with a partial GIN index
// over the latest versions, ts_rank for the score and ts_headline for the
// snippet. Put writes a whole batch in one transaction with COPY, serialized
// per document ID by transaction-scoped advisory locks, so several writers
// (processes or machines) can put overlapping batches at once.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// migrateLock is the advisory lock key that serializes schema migrations.
const migrateLock = 0x6163636f7264 // "accord"

// Store is a PostgreSQL-backed accord.Store. It is safe for concurrent use.
type Store struct {
	pool *pgxpool.Pool
}

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value string; a search_path parameter selects the schema) and applies
// any pending migrations.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if cfg.MaxConns < 4 {
		cfg.MaxConns = 4
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// Pool returns the connection pool, for maintenance and tests.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close closes every connection.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
		// Two processes creating the table at once: one wins, retry reads it.
		if !isUniqueViolation(err) {
			return fmt.Errorf("postgres: migrate: %w", err)
		}
	}
	for i, stmt := range migrations {
		version := i + 1
		if err := s.applyMigration(ctx, version, stmt); err != nil {
			return fmt.Errorf("postgres: migration %d: %w", version, err)
		}
	}
	return nil
}

func (s *Store) applyMigration(ctx context.Context, version int, stmt string) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(migrateLock)); err != nil {
			return err
		}
		var done bool
		if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)", version).Scan(&done); err != nil {
			return err
		}
		if done {
			return nil
		}
		if _, err := tx.Exec(ctx, stmt); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "INSERT INTO schema_migrations(version) VALUES ($1)", version)
		return err
	})
}

// SchemaVersion returns the highest applied migration.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&v)
	return v, err
}

// IntegrityCheck verifies the invariants the store relies on: every ID has
// exactly one latest version, and it is its highest version.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	var bad int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM (
		SELECT id FROM docs GROUP BY id
		HAVING count(*) FILTER (WHERE latest) <> 1
		    OR max(version) <> max(version) FILTER (WHERE latest)) b`).Scan(&bad)
	if err != nil {
		return fmt.Errorf("postgres: integrity check: %w", err)
	}
	if bad > 0 {
		return fmt.Errorf("postgres: integrity check: %d document IDs without exactly one latest version", bad)
	}
	return nil
}

func isUniqueViolation(err error) bool {
	var pe interface{ SQLState() string }
	return errors.As(err, &pe) && (pe.SQLState() == "23505" || pe.SQLState() == "42P07")
}

// clean makes a string storable in a PostgreSQL text column: invalid UTF-8
// becomes U+FFFD and NUL bytes are removed.
func clean(s string) string {
	if strings.IndexByte(s, 0) < 0 && isValidUTF8(s) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}
