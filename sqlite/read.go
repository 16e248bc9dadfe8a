package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/accord-news/accord"
)

const inputCols = `id, source, url, title, outlet, author, published, published_basis,
	title_from_text, text, html`

type scanner interface{ Scan(dest ...any) error }

func scanInput(sc scanner) (*accord.Input, error) {
	in := &accord.Input{}
	err := sc.Scan(&in.ID, &in.Source, &in.URL, &in.Title, &in.Outlet, &in.Author,
		&in.Published, &in.PublishedBasis, &in.TitleFromText, &in.Text, &in.HTML)
	if err != nil {
		return nil, err
	}
	return in, nil
}

// Get returns the latest version of the document with the given ID, or an
// error wrapping accord.ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (*accord.Input, error) {
	row := s.db.QueryRowContext(ctx, "SELECT "+inputCols+" FROM docs WHERE id = ? AND latest = 1", id)
	in, err := scanInput(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: document %q: %w", id, accord.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: get %q: %w", id, err)
	}
	return in, nil
}

// Version is one stored version of a document.
type Version struct {
	Version int           `json:"version"`
	Latest  bool          `json:"latest"`
	Hash    string        `json:"hash"`
	AddedAt string        `json:"added_at"`
	Input   *accord.Input `json:"input"`
}

// Versions returns every stored version of the document with the given ID,
// newest first, or an error wrapping accord.ErrNotFound.
func (s *Store) Versions(ctx context.Context, id string) ([]Version, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT version, latest, hash, added_at, "+inputCols+
		" FROM docs WHERE id = ? ORDER BY version DESC", id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: versions %q: %w", id, err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		var v Version
		in := &accord.Input{}
		if err := rows.Scan(&v.Version, &v.Latest, &v.Hash, &v.AddedAt, &in.ID, &in.Source, &in.URL,
			&in.Title, &in.Outlet, &in.Author, &in.Published, &in.PublishedBasis,
			&in.TitleFromText, &in.Text, &in.HTML); err != nil {
			return nil, fmt.Errorf("sqlite: versions %q: %w", id, err)
		}
		v.Input = in
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: versions %q: %w", id, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("sqlite: document %q: %w", id, accord.ErrNotFound)
	}
	return out, nil
}

// eachPage is how many documents Each reads per query. Each holds no read
// transaction while fn runs, so fn may call the store (even Put) and WAL
// checkpoints are not held back by a long iteration.
const eachPage = 256

// Each calls fn for the latest version of every document, in ID order. It
// stops at fn's first error and returns it. Documents put while Each runs are
// seen if their ID sorts after the current position.
func (s *Store) Each(ctx context.Context, fn func(*accord.Input) error) error {
	after := ""
	first := true
	for {
		var rows *sql.Rows
		var err error
		if first {
			rows, err = s.db.QueryContext(ctx, "SELECT "+inputCols+
				" FROM docs WHERE latest = 1 ORDER BY id LIMIT ?", eachPage)
		} else {
			rows, err = s.db.QueryContext(ctx, "SELECT "+inputCols+
				" FROM docs WHERE latest = 1 AND id > ? ORDER BY id LIMIT ?", after, eachPage)
		}
		if err != nil {
			return fmt.Errorf("sqlite: each: %w", err)
		}
		page := make([]*accord.Input, 0, eachPage)
		for rows.Next() {
			in, err := scanInput(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("sqlite: each: %w", err)
			}
			page = append(page, in)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("sqlite: each: %w", err)
		}
		for _, in := range page {
			if err := fn(in); err != nil {
				return err
			}
		}
		if len(page) < eachPage {
			return nil
		}
		after, first = page[len(page)-1].ID, false
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// Count returns the number of documents (latest versions).
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM docs WHERE latest = 1").Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count: %w", err)
	}
	return n, nil
}

// IDs returns the IDs of all documents, sorted.
func (s *Store) IDs(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM docs WHERE latest = 1 ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("sqlite: ids: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("sqlite: ids: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: ids: %w", err)
	}
	return ids, nil
}
