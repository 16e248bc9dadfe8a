package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/sqlite"
)

func isValidUTF8(s string) bool { return utf8.ValidString(s) }

// fold removes diacritics (é → e) so that search matches with or without
// them. It returns "" when nothing changed, so the column stays empty.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return ""
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil || out == s {
		return ""
	}
	return out
}

var docColumns = []string{"hash", "id", "version", "latest", "source", "url", "title", "outlet",
	"author", "published", "published_basis", "title_from_text", "text", "html", "stripped",
	"title_fold", "body_fold"}

// Put stores inputs in one transaction. An input whose hash is stored already
// (or that appears earlier in the same batch) is skipped. An input whose ID is
// stored with a different content becomes that ID's new latest version; the
// older version is kept as history. An input without an ID is stored under
// accord.TextID of its text (or HTML). Text that PostgreSQL cannot hold
// (invalid UTF-8, NUL bytes) is sanitized; the hash is of the input as given.
// Put returns how many rows were added.
func (s *Store) Put(ctx context.Context, inputs []*accord.Input) (added int, err error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	// Files of one name from different folders are different documents.
	// (Two writers that put the same new name at once can still make one
	// the other's version: IDs are resolved before the transaction.)
	err = accord.ResolveNameIDs(inputs, func(id string) (string, bool, error) {
		var src string
		err := s.pool.QueryRow(ctx, "SELECT source FROM docs WHERE id = $1 AND latest", clean(id)).Scan(&src)
		if errors.Is(err, pgx.ErrNoRows) {
			return "", false, nil
		}
		return src, err == nil, err
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: put: %w", err)
	}
	type item struct {
		in       *accord.Input
		hash, id string
	}
	var items []item
	seenHash := map[string]bool{}
	for _, in := range inputs {
		if in == nil {
			continue
		}
		id := clean(in.ID)
		if in.ID == "" {
			id = accord.TextID(in.Text + in.HTML)
		}
		h := in.Hash()
		if seenHash[h] {
			continue
		}
		seenHash[h] = true
		items = append(items, item{in, h, id})
	}
	if len(items) == 0 {
		return 0, nil
	}
	hashes := make([]string, len(items))
	ids := make([]string, len(items))
	for i, it := range items {
		hashes[i], ids[i] = it.hash, it.id
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		added = 0
		// Serialize writers per ID (in a fixed order, so two batches never
		// deadlock): the version numbering below must see every commit.
		if _, err := tx.Exec(ctx, `SELECT count(pg_advisory_xact_lock(k)) FROM
			(SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest($1::text[]) x ORDER BY k) l`, ids); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		stored := map[string]bool{}
		rows, err := tx.Query(ctx, "SELECT hash FROM docs WHERE hash = ANY($1)", hashes)
		if err != nil {
			return err
		}
		for rows.Next() {
			var h string
			if err := rows.Scan(&h); err != nil {
				return err
			}
			stored[h] = true
		}
		if err := rows.Err(); err != nil {
			return err
		}
		lastVersion := map[string]int{}
		rows, err = tx.Query(ctx, "SELECT id, version FROM docs WHERE latest AND id = ANY($1)", ids)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			var v int
			if err := rows.Scan(&id, &v); err != nil {
				return err
			}
			lastVersion[id] = v
		}
		if err := rows.Err(); err != nil {
			return err
		}
		var (
			out     [][]any
			retire  []string
			latestA = map[string]int{} // id -> index in out of its newest row
		)
		for _, it := range items {
			if stored[it.hash] {
				continue
			}
			in := it.in
			v, known := lastVersion[it.id]
			if known {
				if _, inBatch := latestA[it.id]; !inBatch {
					retire = append(retire, it.id)
				}
			}
			if j, ok := latestA[it.id]; ok {
				out[j][3] = false
			}
			v++
			lastVersion[it.id] = v
			text, html := clean(in.Text), clean(in.HTML)
			stripped := ""
			if text == "" && html != "" {
				stripped = sqlite.StripTags(html)
			}
			body := text
			if body == "" {
				body = stripped
			}
			title := clean(in.Title)
			latestA[it.id] = len(out)
			out = append(out, []any{it.hash, it.id, v, true, clean(in.Source), clean(in.URL), title,
				clean(in.Outlet), clean(in.Author), clean(in.Published), clean(in.PublishedBasis),
				in.TitleFromText, text, html, stripped, fold(title), fold(body)})
		}
		if len(out) == 0 {
			return nil
		}
		if len(retire) > 0 {
			if _, err := tx.Exec(ctx, "UPDATE docs SET latest = false WHERE latest AND id = ANY($1)", retire); err != nil {
				return fmt.Errorf("retire old versions: %w", err)
			}
		}
		n, err := tx.CopyFrom(ctx, pgx.Identifier{"docs"}, docColumns, pgx.CopyFromRows(out))
		if err != nil {
			return fmt.Errorf("copy: %w", err)
		}
		added = int(n)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: put: %w", err)
	}
	return added, nil
}

// quoteIdent quotes a PostgreSQL identifier.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
