package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/accord-news/accord"
)

// record is one JSONL line / JSON record: {"id","url","title","outlet",
// "published","text" or "html"}, plus "author". id may be a string or a
// number.
type record struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Outlet    string          `json:"outlet"`
	Author    json.RawMessage `json:"author"`
	Published string          `json:"published"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
}

// parseRecord turns one JSON object into an Input.
func parseRecord(b []byte, source string, maxDoc int64) (*accord.Input, error) {
	var r record
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("not a JSON record: %v", err)
	}
	if dec.More() {
		return nil, errors.New("not a JSON record: trailing data after the object")
	}
	if strings.TrimSpace(r.Text) == "" && strings.TrimSpace(r.HTML) == "" {
		if strings.TrimSpace(r.Title) == "" {
			return nil, errors.New(`record has neither "text" nor "html"`)
		}
		// A headline-only record: its title is all the text there is.
		r.Text = strings.TrimSpace(r.Title)
	}
	if int64(len(r.Text)+len(r.HTML)) > maxDoc {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, maxDoc)
	}
	in := &accord.Input{
		Source: source,
		URL:    strings.TrimSpace(r.URL),
		Title:  strings.TrimSpace(r.Title),
		Outlet: strings.TrimSpace(r.Outlet),
		Author: jsonAuthor(r.Author),
		Text:   strings.ToValidUTF8(r.Text, "\uFFFD"),
		HTML:   strings.ToValidUTF8(r.HTML, "\uFFFD"),
	}
	if in.Text != "" && in.HTML != "" {
		in.HTML = "" // text wins: it is what the record says the article is
	}
	if p := normalizeDate(r.Published); p != "" {
		in.Published = p
		in.PublishedBasis = accord.BasisMetadata
	}
	in.ID = jsonID(r.ID)
	if in.ID == "" {
		in.ID = in.URL
	}
	if in.ID == "" {
		in.ID = accord.TextID(in.Text + in.HTML)
	}
	return in, nil
}

// jsonID reads an id that is a string or a number.
func jsonID(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// jsonAuthor reads an author given as a string, a list of strings, or
// objects with a "name".
func jsonAuthor(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var named struct{ Name string }
	if raw[0] == '{' && json.Unmarshal(raw, &named) == nil {
		return strings.TrimSpace(named.Name)
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		var names []string
		for _, x := range list {
			if a := jsonAuthor(x); a != "" {
				names = append(names, a)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// readJSONL reads one record per line. A bad line is reported with its line
// number and skipped; blank lines are ignored.
func (s *sink) readJSONL(r *bufio.Reader, source string) error {
	line, nonBlank := 0, 0
	for {
		if err := s.ctx.Err(); err != nil {
			return stop{err}
		}
		b, tooLong, err := readLine(r, s.opt.MaxDocBytes*2)
		if errors.Is(err, io.EOF) && b == nil && !tooLong {
			break
		}
		line++
		if err != nil && !errors.Is(err, io.EOF) {
			// A read failure (truncated or capped gzip): the partial line is not a record.
			return &Error{Source: source, Line: line, Err: readErr(err)}
		}
		if tooLong {
			nonBlank++
			s.bad(source, line, fmt.Errorf("%w (%d bytes)", ErrTooLarge, s.opt.MaxDocBytes))
		} else if t := bytes.TrimSpace(b); len(t) > 0 {
			nonBlank++
			if line == 1 {
				t = bytes.TrimPrefix(t, utf8BOM)
			}
			in, perr := parseRecord(t, source, s.opt.MaxDocBytes)
			if perr != nil {
				s.bad(source, line, perr)
			} else if e := s.put(in); e != nil {
				return e
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return &Error{Source: source, Line: line, Err: readErr(err)}
		}
	}
	if nonBlank == 0 {
		return &Error{Source: source, Err: ErrEmpty}
	}
	return nil
}

// readLine reads one line (without its newline). A line longer than max is
// consumed and reported as tooLong. err is io.EOF at the end of input.
func readLine(r *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, e := r.ReadSlice('\n')
		if int64(len(buf)+len(chunk)) > max {
			tooLong = true
			buf = buf[:0]
		} else if !tooLong {
			buf = append(buf, chunk...)
		}
		switch {
		case e == nil:
			return bytes.TrimRight(buf, "\r\n"), tooLong, nil
		case errors.Is(e, bufio.ErrBufferFull):
			continue
		default:
			if errors.Is(e, io.EOF) && len(buf) == 0 && !tooLong {
				return nil, false, io.EOF
			}
			if errors.Is(e, io.EOF) {
				return bytes.TrimRight(buf, "\r\n"), tooLong, io.EOF
			}
			return bytes.TrimRight(buf, "\r\n"), tooLong, e
		}
	}
}

// readJSONRecords reads a .json file that is not a feed: one record, or an
// array of records (each reported by its index on error).
func (s *sink) readJSONRecords(data []byte, source string) error {
	data = bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))
	if len(data) == 0 {
		return &Error{Source: source, Err: ErrEmpty}
	}
	if data[0] != '[' {
		in, err := parseRecord(data, source, s.opt.MaxDocBytes)
		if err != nil {
			return &Error{Source: source, Err: err}
		}
		return s.put(in)
	}
	var list []json.RawMessage
	if err := json.Unmarshal(data, &list); err != nil {
		return &Error{Source: source, Err: fmt.Errorf("not a JSON array of records: %v", err)}
	}
	for i, raw := range list {
		in, err := parseRecord(raw, source, s.opt.MaxDocBytes)
		if err != nil {
			s.bad(source, 0, fmt.Errorf("record %s: %w", strconv.Itoa(i+1), err))
			continue
		}
		if err := s.put(in); err != nil {
			return err
		}
	}
	return nil
}
