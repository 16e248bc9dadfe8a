package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// LoadState implements accord.StateStore.
func (s *Store) LoadState(ctx context.Context, stage, version string) (map[string][]byte, error) {
	rows, err := s.pool.Query(ctx, "SELECT key, value FROM stage_state WHERE stage = $1 AND version = $2", stage, version)
	if err != nil {
		return nil, fmt.Errorf("postgres: load %s state: %w", stage, err)
	}
	defer rows.Close()
	out := make(map[string][]byte)
	for rows.Next() {
		var k string
		var v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("postgres: load %s state: %w", stage, err)
		}
		out[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: load %s state: %w", stage, err)
	}
	return out, nil
}

// SaveState implements accord.StateStore, in one transaction.
func (s *Store) SaveState(ctx context.Context, stage, version string, values map[string][]byte, replace bool) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var err error
		if replace {
			_, err = tx.Exec(ctx, "DELETE FROM stage_state WHERE stage = $1", stage)
		} else {
			_, err = tx.Exec(ctx, "DELETE FROM stage_state WHERE stage = $1 AND version <> $2", stage, version)
		}
		if err != nil {
			return err
		}
		if len(values) == 0 {
			return nil
		}
		keys := make([]string, 0, len(values))
		vals := make([][]byte, 0, len(values))
		for k, v := range values {
			if v == nil {
				v = []byte{}
			}
			keys = append(keys, k)
			vals = append(vals, v)
		}
		_, err = tx.Exec(ctx, `INSERT INTO stage_state(stage, key, version, value)
			SELECT $1, k, $2, v FROM unnest($3::text[], $4::bytea[]) AS u(k, v)
			ON CONFLICT (stage, key) DO UPDATE SET version = excluded.version, value = excluded.value`,
			stage, version, keys, vals)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: save %s state: %w", stage, err)
	}
	return nil
}
