package sqlite

import (
	"context"
	"fmt"
)

// LoadState implements accord.StateStore.
func (s *Store) LoadState(ctx context.Context, stage, version string) (map[string][]byte, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT key, value FROM stage_state WHERE stage = ? AND version = ?", stage, version)
	if err != nil {
		return nil, fmt.Errorf("sqlite: load %s state: %w", stage, err)
	}
	defer rows.Close()
	out := make(map[string][]byte)
	for rows.Next() {
		var k string
		var v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("sqlite: load %s state: %w", stage, err)
		}
		out[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: load %s state: %w", stage, err)
	}
	return out, nil
}

// SaveState implements accord.StateStore, in one transaction.
func (s *Store) SaveState(ctx context.Context, stage, version string, values map[string][]byte, replace bool) (err error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: save %s state: %w", stage, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	del, args := "DELETE FROM stage_state WHERE stage = ? AND version <> ?", []any{stage, version}
	if replace {
		del, args = "DELETE FROM stage_state WHERE stage = ?", []any{stage}
	}
	if _, err = tx.ExecContext(ctx, del, args...); err != nil {
		return fmt.Errorf("sqlite: save %s state: %w", stage, err)
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT OR REPLACE INTO stage_state(stage, key, version, value) VALUES (?, ?, ?, ?)")
	if err != nil {
		return fmt.Errorf("sqlite: save %s state: %w", stage, err)
	}
	defer stmt.Close()
	for k, v := range values {
		if v == nil {
			v = []byte{}
		}
		if _, err = stmt.ExecContext(ctx, stage, k, version, v); err != nil {
			return fmt.Errorf("sqlite: save %s state: %w", stage, err)
		}
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: save %s state: %w", stage, err)
	}
	return nil
}
