package sqlite

import (
	"context"
	"fmt"

	"github.com/accord-news/accord"
)

// SearchOptions tune Search. The zero value is the default.
type SearchOptions struct {
	Limit int // hits to return; default 20, at most 1000
	// Open and Close surround each matched term in the snippet (default "[" "]").
	Open, Close string
	// Ellipsis marks text cut from the snippet (default "…").
	Ellipsis string
	// Tokens is the snippet length in tokens, 1..64 (default 16).
	Tokens int
}

const (
	defaultLimit = 20
	maxLimit     = 1000
)

// Search runs a full-text query over titles and texts (HTML stripped of tags
// when a document has no text) and returns the best hits first. Score is
// the negated bm25 (title weighted 4x the body): higher is better. The query
// is sanitized (see ftsQuery): user input never reaches FTS5 as syntax, and a
// query without words returns ErrEmptyQuery.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]accord.SearchHit, error) {
	return s.SearchWith(ctx, query, SearchOptions{Limit: limit})
}

// SearchWith is Search with snippet options.
func (s *Store) SearchWith(ctx context.Context, query string, opt SearchOptions) ([]accord.SearchHit, error) {
	match, err := ftsQuery(query)
	if err != nil {
		return nil, err
	}
	if opt.Limit <= 0 {
		opt.Limit = defaultLimit
	}
	if opt.Limit > maxLimit {
		opt.Limit = maxLimit
	}
	if opt.Open == "" && opt.Close == "" {
		opt.Open, opt.Close = "[", "]"
	}
	if opt.Ellipsis == "" {
		opt.Ellipsis = "…"
	}
	if opt.Tokens <= 0 {
		opt.Tokens = 16
	}
	if opt.Tokens > 64 {
		opt.Tokens = 64
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT d.id, d.title, d.source, h.snip, h.score FROM (
			SELECT rowid AS rid, snippet(docs_fts, -1, ?, ?, ?, ?) AS snip, rank AS score
			FROM docs_fts WHERE docs_fts MATCH ? ORDER BY rank LIMIT ?
		) h JOIN docs d ON d.rid = h.rid
		ORDER BY h.score, d.id`,
		opt.Open, opt.Close, opt.Ellipsis, opt.Tokens, match, opt.Limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	defer rows.Close()
	hits := []accord.SearchHit{}
	for rows.Next() {
		var h accord.SearchHit
		if err := rows.Scan(&h.ID, &h.Title, &h.Source, &h.Snippet, &h.Score); err != nil {
			return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
		}
		h.Score = -h.Score
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	return hits, nil
}
