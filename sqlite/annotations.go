package sqlite

import (
	"context"
	"fmt"
	"strings"
)

// LoadAnnotations implements accord.DocCache.
func (s *Store) LoadAnnotations(ctx context.Context, version string, hashes []string) (map[string][]byte, error) {
	out := make(map[string][]byte)
	const chunk = 500
	for i := 0; i < len(hashes); i += chunk {
		part := hashes[i:min(i+chunk, len(hashes))]
		args := make([]any, 0, len(part)+1)
		args = append(args, version)
		for _, h := range part {
			args = append(args, h)
		}
		q := "SELECT hash, doc FROM annotations WHERE version = ? AND hash IN (?" + strings.Repeat(",?", len(part)-1) + ")"
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: load annotations: %w", err)
		}
		for rows.Next() {
			var h string
			var b []byte
			if err := rows.Scan(&h, &b); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: load annotations: %w", err)
			}
			out[h] = b
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: load annotations: %w", err)
		}
	}
	return out, nil
}

// SaveAnnotations implements accord.DocCache. Encodings of other pipeline
// versions are dropped in the same transaction: they can never be read again.
func (s *Store) SaveAnnotations(ctx context.Context, version string, docs map[string][]byte) (err error) {
	if len(docs) == 0 {
		return nil
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: save annotations: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if _, err = tx.ExecContext(ctx, "DELETE FROM annotations WHERE version <> ?", version); err != nil {
		return fmt.Errorf("sqlite: save annotations: %w", err)
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT OR REPLACE INTO annotations(hash, version, doc) VALUES (?, ?, ?)")
	if err != nil {
		return fmt.Errorf("sqlite: save annotations: %w", err)
	}
	defer stmt.Close()
	for h, b := range docs {
		if _, err = stmt.ExecContext(ctx, h, version, b); err != nil {
			return fmt.Errorf("sqlite: save annotations: %w", err)
		}
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: save annotations: %w", err)
	}
	return nil
}
