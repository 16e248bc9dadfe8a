package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strings"
	"time"

	"github.com/accord-news/accord"
)

// Reuters-21578 SGML: a file holds <REUTERS ... NEWID="n"> elements, each
// with <DATE>, and inside <TEXT> a <TITLE>, <DATELINE>, <AUTHOR> and <BODY>.
// One document per element: id NEWID, title TITLE, date DATE, text BODY (or,
// for unprocessed records, the TEXT content; for title-only briefs, the
// title). The files are not all valid UTF-8, so they are read leniently.

var (
	newIDRe     = regexp.MustCompile(`(?i)\bNEWID\s*=\s*"?([^"\s>]+)`)
	reutersDate = regexp.MustCompile(`(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+(\d{1,2}):(\d{2}):(\d{2}))?`)
	tagRe       = regexp.MustCompile(`<[^>]*>`)
)

// parseSGML returns the documents of one Reuters-21578 file. Bad elements are
// returned as errors naming their line.
func parseSGML(data []byte, source string) ([]*accord.Input, []*Error, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, ErrEmpty
	}
	if looksBinary(data) {
		return nil, nil, ErrBinary
	}
	text := repairUTF8(dropNUL(data))
	var docs []*accord.Input
	var errs []*Error
	line, lineAt := 1, 0
	lineOf := func(off int) int {
		if off < lineAt {
			line, lineAt = 1, 0
		}
		line += strings.Count(text[lineAt:off], "\n")
		lineAt = off
		return line
	}
	pos := 0
	found := 0
	for {
		i := indexFold(text, pos, "<REUTERS")
		if i < 0 {
			break
		}
		found++
		openEnd := strings.IndexByte(text[i:], '>')
		if openEnd < 0 {
			errs = append(errs, &Error{Source: source, Line: lineOf(i), Err: errors.New("malformed REUTERS element: open tag never closes")})
			break
		}
		openTag := text[i : i+openEnd+1]
		end := indexFold(text, i+openEnd+1, "</REUTERS>")
		next := indexFold(text, i+len("<REUTERS"), "<REUTERS")
		if end < 0 || (next >= 0 && next < end) {
			errs = append(errs, &Error{Source: source, Line: lineOf(i), Err: errors.New("malformed REUTERS element: no closing tag")})
			if next < 0 {
				break
			}
			pos = next
			continue
		}
		inner := text[i+openEnd+1 : end]
		pos = end + len("</REUTERS>")
		in, err := reutersDoc(openTag, inner, source)
		if err != nil {
			errs = append(errs, &Error{Source: source, Line: lineOf(i), Err: err})
			continue
		}
		docs = append(docs, in)
	}
	if found == 0 {
		return nil, nil, errors.New("no REUTERS elements found")
	}
	return docs, errs, nil
}

func reutersDoc(openTag, inner, source string) (*accord.Input, error) {
	in := &accord.Input{Source: source}
	if m := newIDRe.FindStringSubmatch(openTag); m != nil {
		in.ID = m[1]
	}
	in.Title = sgmlText(element(inner, "TITLE"), true)
	in.Author = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(sgmlText(element(inner, "AUTHOR"), true)), "By "))
	if p := reutersDateISO(element(inner, "DATE")); p != "" {
		in.Published = p
		in.PublishedBasis = accord.BasisMetadata
	}
	body := sgmlText(element(inner, "BODY"), false)
	if body == "" {
		// Unprocessed records keep their text directly inside <TEXT>.
		t := element(inner, "TEXT")
		for _, tag := range []string{"TITLE", "AUTHOR", "DATELINE"} {
			if e := element(t, tag); e != "" {
				t = strings.Replace(t, e, "", 1)
			}
		}
		body = sgmlText(tagRe.ReplaceAllString(t, " "), false)
	}
	if body == "" {
		body = in.Title
	}
	if body == "" {
		return nil, errors.New("REUTERS element has no title and no text")
	}
	in.Text = body
	if in.ID == "" {
		in.ID = accord.TextID(body)
	}
	return in, nil
}

// element returns the content of the first <tag ...>...</tag> in s, or "".
func element(s, tag string) string {
	i := indexFold(s, 0, "<"+tag)
	for i >= 0 {
		// The tag name must end here (<TEXT> vs <TEXTS>).
		j := i + 1 + len(tag)
		if j < len(s) && (s[j] == '>' || s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') {
			break
		}
		i = indexFold(s, i+1, "<"+tag)
	}
	if i < 0 {
		return ""
	}
	gt := strings.IndexByte(s[i:], '>')
	if gt < 0 {
		return ""
	}
	start := i + gt + 1
	end := indexFold(s, start, "</"+tag+">")
	if end < 0 {
		return ""
	}
	return s[start:end]
}

// sgmlText decodes entities and drops control characters; oneLine folds all
// whitespace.
func sgmlText(s string, oneLine bool) string {
	s = html.UnescapeString(s)
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' {
			if r == '\r' {
				return -1
			}
			return -1
		}
		if r == 0x7f {
			return -1
		}
		return r
	}, s)
	if oneLine {
		return strings.Join(strings.Fields(s), " ")
	}
	return strings.TrimSpace(s)
}

func reutersDateISO(s string) string {
	m := reutersDate.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	t, err := time.Parse("2-Jan-2006", fmt.Sprintf("%s-%s-%s", m[1], strings.ToUpper(m[2][:1])+strings.ToLower(m[2][1:]), m[3]))
	if err != nil {
		return ""
	}
	return t.Format("2006-01-02")
}

// indexFold finds sub (ASCII, upper case) in s from byte from on, ignoring
// ASCII case.
func indexFold(s string, from int, sub string) int {
	if from < 0 || from > len(s) {
		return -1
	}
	n := len(sub)
	for i := from; i+n <= len(s); i++ {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+n > len(s) {
			return -1
		}
		if strings.EqualFold(s[i:i+n], sub) {
			return i
		}
	}
	return -1
}

func (s *sink) readSGML(data []byte, source string) error {
	docs, errs, err := parseSGML(data, source)
	if err != nil {
		return &Error{Source: source, Err: err}
	}
	for _, e := range errs {
		s.bad(source, e.Line, e)
	}
	for _, in := range docs {
		if int64(len(in.Text)) > s.opt.MaxDocBytes {
			s.bad(source, 0, fmt.Errorf("REUTERS %s: %w", in.ID, ErrTooLarge))
			continue
		}
		if err := s.put(in); err != nil {
			return err
		}
	}
	return nil
}
