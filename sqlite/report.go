package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/accord-news/accord"
)

// keepReports is how many saved reports are kept; older ones are deleted.
const keepReports = 5

// SaveReport stores the report of the whole store and the document count it
// covered. The last keepReports reports are kept as history; LoadReport
// returns the newest.
func (s *Store) SaveReport(ctx context.Context, reportJSON []byte, docCount int) (err error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: save report: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if reportJSON == nil {
		reportJSON = []byte{}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO reports(doc_count, saved_at, json) VALUES (?, ?, ?)",
		docCount, time.Now().UTC().Format(time.RFC3339Nano), reportJSON); err != nil {
		return fmt.Errorf("sqlite: save report: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM reports WHERE seq <= (SELECT max(seq) FROM reports) - ?",
		keepReports); err != nil {
		return fmt.Errorf("sqlite: save report: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: save report: %w", err)
	}
	return nil
}

// LoadReport returns the newest saved report and the document count it
// covered, or an error wrapping accord.ErrNotFound when none was saved.
func (s *Store) LoadReport(ctx context.Context) ([]byte, int, error) {
	var js []byte
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT json, doc_count FROM reports ORDER BY seq DESC LIMIT 1").Scan(&js, &n)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, fmt.Errorf("sqlite: report: %w", accord.ErrNotFound)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: load report: %w", err)
	}
	if js == nil {
		js = []byte{}
	}
	return js, n, nil
}
