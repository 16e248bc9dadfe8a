package postgres

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/accord-news/accord"
)

// Limits that keep a hostile query cheap.
const (
	maxQueryBytes = 2048
	maxQueryTerms = 64
	defaultLimit  = 20
	maxLimit      = 1000
)

// term is one word, prefix or phrase of a user query.
type term struct {
	words  []string
	prefix bool // word* : prefix match (last word)
	not    bool // -term or NOT term
	or     bool // joined to the previous term by OR
}

// tsQuery turns a user query into a to_tsquery expression that is always
// syntactically valid: every word is a single-quoted run of letters and
// digits (diacritics folded), so no user character is read as syntax.
//
//	word word        both words (AND)
//	"a phrase"       the words next to each other
//	word*            prefix match
//	a OR b, a AND b  the operators, in capitals, between terms
//	-word, NOT word  documents without the word (only next to a positive term)
//
// Parentheses and column filters are ignored. It returns "" when no positive
// term is left.
func tsQuery(q string) string {
	if len(q) > maxQueryBytes {
		q = q[:maxQueryBytes]
	}
	q = clean(q)
	if f := fold(q); f != "" {
		q = f
	}
	terms := lexQuery(q)
	var groups [][]string // AND of ORs
	var negs []string
	for _, t := range terms {
		var parts []string
		for _, w := range t.words {
			parts = append(parts, "'"+w+"'")
		}
		s := strings.Join(parts, " <-> ")
		if t.prefix {
			s += ":*"
		}
		if len(parts) > 1 {
			s = "(" + s + ")"
		}
		switch {
		case t.not:
			negs = append(negs, "!"+s)
		case t.or && len(groups) > 0:
			groups[len(groups)-1] = append(groups[len(groups)-1], s)
		default:
			groups = append(groups, []string{s})
		}
	}
	if len(groups) == 0 {
		return ""
	}
	var and []string
	for _, g := range groups {
		and = append(and, "("+strings.Join(g, " | ")+")")
	}
	return strings.Join(append(and, negs...), " & ")
}

// lexQuery splits a query into terms.
func lexQuery(q string) []term {
	var terms []term
	pendingOr, pendingNot := false, false
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	i := 0
	for i < len(q) && len(terms) < maxQueryTerms {
		r := rune(q[i])
		size := 1
		if r >= 0x80 {
			for j, rr := range q[i:] {
				if j == 0 {
					r = rr
				} else {
					size = j
					break
				}
				size = len(q) - i
			}
		}
		switch {
		case r == '"':
			end := strings.IndexByte(q[i+1:], '"')
			var phrase string
			if end < 0 {
				phrase, i = q[i+1:], len(q)
			} else {
				phrase, i = q[i+1:i+1+end], i+2+end
			}
			words := strings.FieldsFunc(phrase, func(r rune) bool { return !isWord(r) })
			if len(words) > 16 {
				words = words[:16]
			}
			if len(words) > 0 {
				terms = append(terms, term{words: words, not: pendingNot, or: pendingOr})
			}
			pendingOr, pendingNot = false, false
		case r == '-' && (i == 0 || !isWordByte(q, i-1)):
			pendingNot = true
			i++
		case isWord(r):
			j := i
			for j < len(q) {
				rr, sz := decodeRune(q[j:])
				if !isWord(rr) {
					break
				}
				j += sz
			}
			w := q[i:j]
			i = j
			prefix := i < len(q) && q[i] == '*'
			switch w {
			case "OR":
				pendingOr = true
				continue
			case "AND":
				continue
			case "NOT":
				pendingNot = true
				continue
			}
			terms = append(terms, term{words: []string{w}, prefix: prefix, not: pendingNot, or: pendingOr})
			pendingOr, pendingNot = false, false
		default:
			if r == ' ' || r == '\t' || r == '\n' {
				// white space keeps a pending - or NOT for the next term
			} else if r != '*' {
				pendingNot = pendingNot && r == '-'
			}
			i += size
		}
	}
	return terms
}

func isWordByte(q string, i int) bool {
	c := q[i]
	return c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func decodeRune(s string) (rune, int) {
	for _, r := range s {
		n := len(string(r))
		return r, n
	}
	return 0, 1
}

// Search runs a full-text query over titles and texts (HTML stripped of tags
// when a document has no text) and returns the best hits first. Score is
// ts_rank with the title weighted above the body: higher is better. A query
// with no searchable word returns no hits.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]accord.SearchHit, error) {
	tsq := tsQuery(query)
	hits := []accord.SearchHit{}
	if tsq == "" {
		return hits, nil
	}
	if limit <= 0 {
		limit = defaultLimit
	}
	if limit > maxLimit {
		limit = maxLimit
	}
	rows, err := s.pool.Query(ctx, `
		WITH q AS (SELECT to_tsquery('english', $1) AS q),
		top AS (
			SELECT d.rid, ts_rank(d.tsv, q.q) AS score
			FROM docs d, q WHERE d.latest AND d.tsv @@ q.q
			ORDER BY score DESC, d.id LIMIT $2
		)
		SELECT d.id, d.title, d.source,
			coalesce(nullif(ts_headline('english', left(CASE WHEN d.text <> '' THEN d.text ELSE d.stripped END, 200000), q.q,
				'StartSel=[, StopSel=], MinWords=8, MaxWords=20, MaxFragments=1, FragmentDelimiter=" … "'), ''), d.title),
			top.score
		FROM top JOIN docs d ON d.rid = top.rid, q
		ORDER BY top.score DESC, d.id`, tsq, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	defer rows.Close()
	for rows.Next() {
		var h accord.SearchHit
		var score float32
		if err := rows.Scan(&h.ID, &h.Title, &h.Source, &h.Snippet, &score); err != nil {
			return nil, fmt.Errorf("postgres: search %q: %w", query, err)
		}
		h.Score = float64(score)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	return hits, nil
}
