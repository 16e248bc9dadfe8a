package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/accord-news/accord"
)

// Put stores inputs in one transaction. An input whose hash is stored already
// (or that appears earlier in the same batch) is skipped. An input whose ID is
// stored with a different content becomes that ID's new latest version; the
// older version is kept as history. An input without an ID is stored under
// accord.TextID of its text (or HTML). An input whose ID is a file name held
// by a file from another source gets another ID (accord.ResolveNameIDs).
// Put returns how many rows were added.
func (s *Store) Put(ctx context.Context, inputs []*accord.Input) (added int, err error) {
	if len(inputs) == 0 {
		return 0, ctx.Err()
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("sqlite: put: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	// Files of one name from different folders are different documents.
	latestSource, err := tx.PrepareContext(ctx, "SELECT source FROM docs WHERE id = ? AND latest = 1")
	if err != nil {
		return 0, fmt.Errorf("sqlite: put: %w", err)
	}
	defer latestSource.Close()
	err = accord.ResolveNameIDs(inputs, func(id string) (string, bool, error) {
		var src string
		err := latestSource.QueryRowContext(ctx, id).Scan(&src)
		if errors.Is(err, sql.ErrNoRows) {
			return "", false, nil
		}
		return src, err == nil, err
	})
	if err != nil {
		return 0, fmt.Errorf("sqlite: put: %w", err)
	}
	// Which hashes and IDs are stored already: a few bulk queries instead of
	// one per input. Both sets grow as the batch is written.
	hashes := make([]string, len(inputs))
	ids := make([]string, len(inputs))
	for i, in := range inputs {
		if in == nil {
			continue
		}
		hashes[i] = in.Hash()
		ids[i] = in.ID
		if ids[i] == "" {
			ids[i] = accord.TextID(in.Text + in.HTML)
		}
	}
	stored, err := existing(ctx, tx, "SELECT hash FROM docs WHERE hash IN ", hashes)
	if err != nil {
		return 0, fmt.Errorf("sqlite: put: %w", err)
	}
	known, err := existing(ctx, tx, "SELECT id FROM docs WHERE latest = 1 AND id IN ", ids)
	if err != nil {
		return 0, fmt.Errorf("sqlite: put: %w", err)
	}
	lastVersion, err := tx.PrepareContext(ctx, `SELECT rid, version, title,
		CASE WHEN text <> '' THEN text ELSE stripped END FROM docs WHERE id = ? AND latest = 1`)
	if err != nil {
		return 0, fmt.Errorf("sqlite: put: %w", err)
	}
	defer lastVersion.Close()
	retire, err := tx.PrepareContext(ctx, "UPDATE docs SET latest = 0 WHERE rid = ?")
	if err != nil {
		return 0, fmt.Errorf("sqlite: put: %w", err)
	}
	defer retire.Close()
	insert, err := tx.PrepareContext(ctx, `INSERT INTO docs
		(hash, id, version, latest, source, url, title, outlet, author, published,
		 published_basis, title_from_text, text, html, stripped, added_at)
		VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, fmt.Errorf("sqlite: put: %w", err)
	}
	defer insert.Close()
	// Single-row statements on the FTS table: they run without a statement
	// savepoint, so FTS5 keeps buffering terms until the commit.
	ftsAdd, err := tx.PrepareContext(ctx, "INSERT INTO docs_fts(rowid, title, body) VALUES (?, ?, ?)")
	if err != nil {
		return 0, fmt.Errorf("sqlite: put: %w", err)
	}
	defer ftsAdd.Close()
	ftsDel, err := tx.PrepareContext(ctx, "INSERT INTO docs_fts(docs_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)")
	if err != nil {
		return 0, fmt.Errorf("sqlite: put: %w", err)
	}
	defer ftsDel.Close()

	now := time.Now().UTC().Format(time.RFC3339Nano)
	for i, in := range inputs {
		if in == nil {
			continue
		}
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
		hash, id := hashes[i], ids[i]
		if stored[hash] {
			continue
		}
		version := 1
		var rid int64
		var prev int
		var oldTitle, oldBody string
		err := sql.ErrNoRows
		if known[id] {
			err = lastVersion.QueryRowContext(ctx, id).Scan(&rid, &prev, &oldTitle, &oldBody)
		}
		switch {
		case err == nil:
			if _, err := ftsDel.ExecContext(ctx, rid, oldTitle, oldBody); err != nil {
				return 0, fmt.Errorf("sqlite: put %s: unindex old version: %w", id, err)
			}
			if _, err := retire.ExecContext(ctx, rid); err != nil {
				return 0, fmt.Errorf("sqlite: put %s: %w", id, err)
			}
			version = prev + 1
		case !errors.Is(err, sql.ErrNoRows):
			return 0, fmt.Errorf("sqlite: put %s: %w", id, err)
		}
		stripped := ""
		if in.Text == "" && in.HTML != "" {
			stripped = StripTags(in.HTML)
		}
		res, err := insert.ExecContext(ctx, hash, id, version, in.Source, in.URL, in.Title,
			in.Outlet, in.Author, in.Published, in.PublishedBasis, in.TitleFromText,
			in.Text, in.HTML, stripped, now)
		if err != nil {
			return 0, fmt.Errorf("sqlite: put %s: %w", id, err)
		}
		newRid, err := res.LastInsertId()
		if err != nil {
			return 0, fmt.Errorf("sqlite: put %s: %w", id, err)
		}
		body := in.Text
		if body == "" {
			body = stripped
		}
		if _, err := ftsAdd.ExecContext(ctx, newRid, in.Title, body); err != nil {
			return 0, fmt.Errorf("sqlite: put %s: index: %w", id, err)
		}
		stored[hash], known[id] = true, true
		added++
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("sqlite: put: commit: %w", err)
	}
	return added, nil
}

// inChunk is how many values one IN (...) list binds (a variable for tests).
var inChunk = 500

// existing runs query + "(?, ?, ...)" over values (in chunks; empty strings
// are left out) and returns the set of first-column values it finds.
func existing(ctx context.Context, tx *sql.Tx, query string, values []string) (map[string]bool, error) {
	found := make(map[string]bool, len(values))
	var chunk []any
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		rows, err := tx.QueryContext(ctx, query+"(?"+strings.Repeat(", ?", len(chunk)-1)+")", chunk...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				return err
			}
			found[v] = true
		}
		chunk = chunk[:0]
		return rows.Err()
	}
	for _, v := range values {
		if v == "" {
			continue
		}
		chunk = append(chunk, v)
		if len(chunk) == inChunk {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return found, nil
}
