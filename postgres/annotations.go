package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// LoadAnnotations implements accord.DocCache.
func (s *Store) LoadAnnotations(ctx context.Context, version string, hashes []string) (map[string][]byte, error) {
	out := make(map[string][]byte)
	const chunk = 5000
	for i := 0; i < len(hashes); i += chunk {
		part := hashes[i:min(i+chunk, len(hashes))]
		rows, err := s.pool.Query(ctx, "SELECT hash, doc FROM annotations WHERE version = $1 AND hash = ANY($2)", version, part)
		if err != nil {
			return nil, fmt.Errorf("postgres: load annotations: %w", err)
		}
		for rows.Next() {
			var h string
			var b []byte
			if err := rows.Scan(&h, &b); err != nil {
				rows.Close()
				return nil, fmt.Errorf("postgres: load annotations: %w", err)
			}
			out[h] = b
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("postgres: load annotations: %w", err)
		}
	}
	return out, nil
}

// SaveAnnotations implements accord.DocCache, in one transaction. The first
// save of a new pipeline version drops every other version's rows (they can
// never be read again); later saves of the same version only upsert.
func (s *Store) SaveAnnotations(ctx context.Context, version string, docs map[string][]byte) error {
	if len(docs) == 0 {
		return nil
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var current bool
		if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM annotation_version WHERE version = $1)", version).Scan(&current); err != nil {
			return err
		}
		if !current {
			if _, err := tx.Exec(ctx, "LOCK TABLE annotation_version IN EXCLUSIVE MODE"); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "DELETE FROM annotations WHERE version <> $1", version); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "DELETE FROM annotation_version"); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "INSERT INTO annotation_version(version) VALUES ($1)", version); err != nil {
				return err
			}
		}
		hashes := make([]string, 0, len(docs))
		blobs := make([][]byte, 0, len(docs))
		for h, b := range docs {
			hashes = append(hashes, h)
			blobs = append(blobs, b)
		}
		_, err := tx.Exec(ctx, `INSERT INTO annotations(hash, version, doc)
			SELECT h, $1, d FROM unnest($2::text[], $3::bytea[]) AS u(h, d)
			ON CONFLICT (hash, version) DO UPDATE SET doc = excluded.doc`, version, hashes, blobs)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: save annotations: %w", err)
	}
	return nil
}
