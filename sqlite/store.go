// Package sqlite is Accord's embedded store: accord.Store on SQLite through
// the pure-Go driver modernc.org/sqlite, so building needs no C toolchain.
//
// Inputs are keyed by their content hash (accord.Input.Hash): putting the same
// input twice stores it once. A document ID that arrives with a different
// content gets a new version; the older row stays as history (latest = 0) and
// Get, Each, Count, IDs and Search see only the latest version of each ID.
//
// Every Put is one transaction, so a process killed at any moment leaves whole
// batches; Put writes the FTS5 index over title and body in that same
// transaction. The database runs in WAL mode with
// synchronous=NORMAL: a committed batch survives a process crash, but the last
// transactions before a power loss or OS crash may be rolled back (never
// corrupted).
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// applicationID marks a database file as an Accord store (PRAGMA application_id).
const applicationID = 0x41636364 // "Accd"

// busyTimeout is how long a connection waits for a lock held by another
// connection or process before failing with SQLITE_BUSY.
const busyTimeout = 10 * time.Second

// Store is an accord.Store on one SQLite database file. It is safe for
// concurrent use; writes are serialized, reads run concurrently with them.
type Store struct {
	db   *sql.DB
	path string // "" for an in-memory store
	wmu  sync.Mutex
}

// Open opens (creating if needed) the store at path and brings its schema up
// to date. The path ":memory:" or "" opens a private in-memory store.
func Open(path string) (*Store, error) {
	return OpenContext(context.Background(), path)
}

// OpenContext is Open with a context for the migration step.
func OpenContext(ctx context.Context, path string) (*Store, error) {
	params := []string{
		fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeout.Milliseconds()),
		"_pragma=foreign_keys(1)",
		"_pragma=temp_store(MEMORY)",
		"_pragma=cache_size(-32768)", // 32 MiB page cache per connection
		"_txlock=immediate",          // writers take the write lock at BEGIN: no upgrade deadlocks
	}
	s := &Store{}
	var dsn string
	memory := path == "" || path == ":memory:"
	if memory {
		dsn = "file::memory:?" + strings.Join(params, "&")
	} else {
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
		s.path = abs
		params = append(params, "_pragma=journal_mode(WAL)", "_pragma=synchronous(NORMAL)")
		dsn = "file:" + escapeURIPath(abs) + "?" + strings.Join(params, "&")
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if memory {
		// Every connection to :memory: is a separate database: keep one.
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		db.SetConnMaxIdleTime(0)
	} else {
		n := 2 * runtime.GOMAXPROCS(0)
		if n < 4 {
			n = 4
		}
		db.SetMaxOpenConns(n)
		db.SetMaxIdleConns(n)
	}
	s.db = db
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// escapeURIPath escapes the characters that would end the path part of an
// SQLite file: URI.
func escapeURIPath(p string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return r.Replace(filepath.ToSlash(p))
}

// Path is the absolute path of the database file ("" for an in-memory store).
func (s *Store) Path() string { return s.path }

// DB exposes the underlying handle for read-only diagnostics.
func (s *Store) DB() *sql.DB { return s.db }

// Close runs PRAGMA optimize and closes the database.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, _ = s.db.ExecContext(ctx, "PRAGMA optimize")
	return s.db.Close()
}

// migrate applies the migrations the database lacks, each in its own
// immediate transaction, so concurrent openers apply each one exactly once.
func (s *Store) migrate(ctx context.Context) error {
	var appID int64
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("sqlite: open %s: %w", s.path, err)
	}
	if appID != 0 && appID != applicationID {
		return fmt.Errorf("sqlite: %s is not an Accord store (application_id %#x)", s.path, appID)
	}
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("sqlite: schema_migrations: %w", err)
	}
	if appID == 0 {
		if _, err := s.db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
			return fmt.Errorf("sqlite: application_id: %w", err)
		}
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	for i, m := range migrations {
		version := i + 1
		if err := s.applyMigration(ctx, version, m); err != nil {
			return fmt.Errorf("sqlite: migration %d: %w", version, err)
		}
	}
	var maxV int
	if err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&maxV); err != nil {
		return fmt.Errorf("sqlite: schema version: %w", err)
	}
	if maxV > len(migrations) {
		return fmt.Errorf("sqlite: %s has schema version %d, newer than this program knows (%d)", s.path, maxV, len(migrations))
	}
	return nil
}

func (s *Store) applyMigration(ctx context.Context, version int, stmt string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE version = ?", version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil // applied already (perhaps by another process just now)
	}
	if _, err := tx.ExecContext(ctx, stmt); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)",
		version, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion returns the highest applied migration.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&v)
	return v, err
}

// IntegrityCheck runs PRAGMA integrity_check and the FTS5 index check, and
// returns an error unless both report the database sound.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("sqlite: integrity_check: %w", err)
	}
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			rows.Close()
			return fmt.Errorf("sqlite: integrity_check: %w", err)
		}
		msgs = append(msgs, m)
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("sqlite: integrity_check: %w", err)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: integrity_check: %w", err)
	}
	if len(msgs) != 1 || msgs[0] != "ok" {
		return fmt.Errorf("sqlite: integrity_check: %s", strings.Join(msgs, "; "))
	}
	if _, err := s.db.ExecContext(ctx, "INSERT INTO docs_fts(docs_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		return fmt.Errorf("sqlite: fts integrity-check: %w", err)
	}
	return nil
}

// Stats describes the store.
type Stats struct {
	Docs          int    `json:"docs"`           // documents (latest version of each ID)
	Versions      int    `json:"versions"`       // stored rows, history included
	Reports       int    `json:"reports"`        // saved reports kept
	DBBytes       int64  `json:"db_bytes"`       // page_count * page_size
	WALBytes      int64  `json:"wal_bytes"`      // size of the -wal file, 0 if none
	SchemaVersion int    `json:"schema_version"` // highest applied migration
	Path          string `json:"path,omitempty"`
}

// Stats returns document counts and the database size.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	st.Path = s.path
	q := `SELECT
		(SELECT count(*) FROM docs WHERE latest = 1),
		(SELECT count(*) FROM docs),
		(SELECT count(*) FROM reports),
		(SELECT coalesce(max(version), 0) FROM schema_migrations)`
	if err := s.db.QueryRowContext(ctx, q).Scan(&st.Docs, &st.Versions, &st.Reports, &st.SchemaVersion); err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	var pages, size int64
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_size").Scan(&size); err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	st.DBBytes = pages * size
	if s.path != "" {
		if fi, err := os.Stat(s.path + "-wal"); err == nil {
			st.WALBytes = fi.Size()
		} else if !errors.Is(err, os.ErrNotExist) {
			return st, fmt.Errorf("sqlite: stats: %w", err)
		}
	}
	return st, nil
}

// RebuildIndex rebuilds the full-text index from the stored documents (for a
// store whose IntegrityCheck reports the index out of step).
func (s *Store) RebuildIndex(ctx context.Context) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if _, err := s.db.ExecContext(ctx, "INSERT INTO docs_fts(docs_fts) VALUES ('rebuild')"); err != nil {
		return fmt.Errorf("sqlite: rebuild index: %w", err)
	}
	return nil
}

// Optimize merges the full-text index into one segment (faster searches after
// a large ingest; costs about a second per 10,000 documents) and runs PRAGMA
// optimize. Reads continue meanwhile; writes wait.
func (s *Store) Optimize(ctx context.Context) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if _, err := s.db.ExecContext(ctx, "INSERT INTO docs_fts(docs_fts) VALUES ('optimize')"); err != nil {
		return fmt.Errorf("sqlite: optimize: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA optimize"); err != nil {
		return fmt.Errorf("sqlite: optimize: %w", err)
	}
	return nil
}
