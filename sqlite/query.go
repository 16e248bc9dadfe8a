package sqlite

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrEmptyQuery is returned by Search for a query that holds no searchable
// word (blank, or only punctuation and operators).
var ErrEmptyQuery = errors.New("sqlite: search query has no words")

// Limits that keep a hostile query cheap.
const (
	maxQueryBytes = 2048
	maxQueryTerms = 64
)

// queryItem is one term or phrase of a user query.
type queryItem struct {
	text   string // the words, without quotes
	prefix bool   // term* : prefix match
	not    bool   // -term or NOT term
	op     string // the operator before this item: "", "AND" or "OR"
}

// ftsQuery turns a user query into an FTS5 MATCH expression that is always
// syntactically valid. Every term and phrase becomes a double-quoted FTS5
// string, so no user character is ever read as FTS5 syntax. What is kept of
// the user's intent:
//
//	word word      both words (AND)
//	"a phrase"     the words next to each other
//	word*          prefix match
//	a OR b, a AND b  the operators, in capitals, between terms
//	-word, NOT word  documents without the word (only next to a positive term)
//
// Parentheses and column filters are ignored. It returns ErrEmptyQuery when
// nothing searchable is left.
func ftsQuery(q string) (string, error) {
	if len(q) > maxQueryBytes {
		q = q[:maxQueryBytes] // a cut rune becomes a space below
	}
	q = strings.ToValidUTF8(q, " ")
	q = strings.ReplaceAll(q, "\x00", " ")
	items := lexQuery(q)

	var b strings.Builder
	var negs []string
	pos := 0
	for _, it := range items {
		s := quoteFTS(it.text)
		if it.prefix {
			s += "*"
		}
		if it.not {
			negs = append(negs, s)
			continue
		}
		if pos > 0 {
			switch it.op {
			case "OR":
				b.WriteString(" OR ")
			default:
				b.WriteString(" AND ")
			}
		}
		b.WriteString(s)
		pos++
	}
	if pos == 0 {
		return "", ErrEmptyQuery
	}
	if len(negs) == 0 {
		return b.String(), nil
	}
	out := "(" + b.String() + ")"
	for _, n := range negs {
		out += " NOT " + n
	}
	return out, nil
}

// lexQuery splits a (valid UTF-8) query into terms and phrases with their
// operators, dropping those with no searchable character.
func lexQuery(q string) []queryItem {
	var items []queryItem
	op, not := "", false
	emit := func(text string, prefix bool) {
		if len(items) >= maxQueryTerms {
			return
		}
		if hasWordChar(text) {
			items = append(items, queryItem{text: text, prefix: prefix, not: not, op: op})
		}
		op, not = "", false
	}
	i := 0
	for i < len(q) {
		r, size := utf8.DecodeRuneInString(q[i:])
		switch {
		case unicode.IsSpace(r) || r == '(' || r == ')' || r == 0:
			i += size
		case r == '"':
			j := strings.IndexByte(q[i+1:], '"')
			var phrase string
			if j < 0 {
				phrase, i = q[i+1:], len(q)
			} else {
				phrase, i = q[i+1:i+1+j], i+1+j+1
			}
			prefix := false
			if i < len(q) && q[i] == '*' {
				prefix = true
				i++
			}
			emit(phrase, prefix)
		default:
			j := i
			for j < len(q) {
				r, size := utf8.DecodeRuneInString(q[j:])
				if unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' || r == 0 {
					break
				}
				j += size
			}
			term := q[i:j]
			i = j
			switch term {
			case "AND", "OR":
				op = term
				continue
			case "NOT":
				not = true
				continue
			}
			if strings.HasPrefix(term, "-") {
				term = strings.TrimLeft(term, "-")
				if term == "" && i < len(q) && q[i] == '"' {
					not = true // -"a phrase"
					continue
				}
				not = true
			}
			term = strings.TrimLeft(term, "+")
			prefix := strings.HasSuffix(term, "*")
			term = strings.TrimRight(term, "*")
			emit(term, prefix)
		}
	}
	return items
}

// hasWordChar reports whether s holds a character that the FTS5 unicode61
// tokenizer keeps (letters, digits, private use).
func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) {
			return true
		}
	}
	return false
}

// quoteFTS makes s an FTS5 string literal.
func quoteFTS(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
