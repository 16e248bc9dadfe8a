package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/accord-news/accord"
)

const inputColumns = `id, source, url, title, outlet, author, published, published_basis, title_from_text, text, html`

func scanInput(row pgx.Row) (*accord.Input, error) {
	in := &accord.Input{}
	err := row.Scan(&in.ID, &in.Source, &in.URL, &in.Title, &in.Outlet, &in.Author, &in.Published,
		&in.PublishedBasis, &in.TitleFromText, &in.Text, &in.HTML)
	if err != nil {
		return nil, err
	}
	return in, nil
}

// Get returns the latest version of the document with the given ID.
func (s *Store) Get(ctx context.Context, id string) (*accord.Input, error) {
	in, err := scanInput(s.pool.QueryRow(ctx, "SELECT "+inputColumns+" FROM docs WHERE latest AND id = $1", clean(id)))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: get %q: %w", id, accord.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: get %q: %w", id, err)
	}
	return in, nil
}

// eachPage is how many rows Each reads per query. Each holds no connection
// while fn runs, so fn may use the store.
const eachPage = 256

// Each calls fn for the latest version of every stored document, in ID byte
// order. It stops at the first error fn returns and returns it.
func (s *Store) Each(ctx context.Context, fn func(*accord.Input) error) error {
	after, first := "", true
	for {
		rows, err := s.pool.Query(ctx, "SELECT "+inputColumns+
			" FROM docs WHERE latest AND ($1 OR id > $2) ORDER BY id LIMIT $3", first, after, eachPage)
		if err != nil {
			return fmt.Errorf("postgres: each: %w", err)
		}
		page, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*accord.Input, error) { return scanInput(r) })
		if err != nil {
			return fmt.Errorf("postgres: each: %w", err)
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
	}
}

// Count returns the number of stored documents (latest versions).
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM docs WHERE latest").Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: count: %w", err)
	}
	return n, nil
}

// IDs returns every stored document ID in byte order.
func (s *Store) IDs(ctx context.Context) ([]string, error) {
	rows, err := s.pool.Query(ctx, "SELECT id FROM docs WHERE latest ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("postgres: ids: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: ids: %w", err)
	}
	return ids, nil
}

// keepReports is how many saved reports are kept as history.
const keepReports = 5

// SaveReport stores the report of the whole store and the document count it
// covered, keeping the last few as history.
func (s *Store) SaveReport(ctx context.Context, reportJSON []byte, docCount int) error {
	if reportJSON == nil {
		reportJSON = []byte{}
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "INSERT INTO reports(doc_count, json) VALUES ($1, $2)", docCount, reportJSON); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "DELETE FROM reports WHERE seq <= (SELECT max(seq) FROM reports) - $1", keepReports)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: save report: %w", err)
	}
	return nil
}

// LoadReport returns the newest saved report and the document count it
// covered, or an error wrapping accord.ErrNotFound when none was saved.
func (s *Store) LoadReport(ctx context.Context) ([]byte, int, error) {
	var js []byte
	var n int
	err := s.pool.QueryRow(ctx, "SELECT json, doc_count FROM reports ORDER BY seq DESC LIMIT 1").Scan(&js, &n)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, 0, fmt.Errorf("postgres: report: %w", accord.ErrNotFound)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: load report: %w", err)
	}
	if js == nil {
		js = []byte{}
	}
	return js, n, nil
}
