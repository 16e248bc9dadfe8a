package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"

	"github.com/accord-news/accord"
)

// WARC (ISO 28500, versions 1.0 and 1.1). Records are framed by a version
// line, header lines, a blank line, Content-Length bytes of block and two
// CRLFs. A .warc.gz is a series of gzip members (one per record), which the
// multistream gzip reader joins. Only "response" records whose HTTP status is
// 2xx and whose payload is HTML become documents: the URL, id and source are
// the WARC-Target-URI. WARC-Date is the crawl date, not the publication date,
// so Published stays empty.

const maxWARCHeaderLine = 64 << 10

type warcRecord struct {
	version string
	header  textproto.MIMEHeader
	n       int // record number, from 1
}

// readWARC streams the records of r.
func (s *sink) readWARC(r *bufio.Reader, source string) error {
	n := 0
	docs := 0
	var pending string // a version line found while resynchronising
	for {
		if err := s.ctx.Err(); err != nil {
			return stop{err}
		}
		rec, err := nextWARCHeader(r, &pending, n+1)
		if errors.Is(err, io.EOF) {
			if n == 0 {
				return &Error{Source: source, Err: ErrEmpty}
			}
			return nil
		}
		n++
		if err != nil {
			var fe *frameError
			if errors.As(err, &fe) {
				s.bad(source, 0, fmt.Errorf("WARC record %d: %v", n, fe.err))
				if fe.fatal {
					return nil
				}
				continue
			}
			return &Error{Source: source, Err: fmt.Errorf("WARC record %d: %w", n, readErr(err))}
		}
		cl, cerr := strconv.ParseInt(strings.TrimSpace(rec.header.Get("Content-Length")), 10, 64)
		if cerr != nil || cl < 0 {
			s.bad(source, 0, fmt.Errorf("WARC record %d: missing or bad Content-Length", n))
			pending = ""
			continue // resynchronise on the next version line
		}
		typ := strings.ToLower(strings.TrimSpace(rec.header.Get("WARC-Type")))
		if typ != "response" || cl > s.opt.MaxDocBytes {
			if typ == "response" {
				s.bad(source, 0, fmt.Errorf("WARC record %d: %w (%d bytes)", n, ErrTooLarge, s.opt.MaxDocBytes))
			}
			if _, err := io.CopyN(io.Discard, r, cl); err != nil {
				s.bad(source, 0, fmt.Errorf("WARC record %d: %w", n, truncErr(err)))
				return nil
			}
			continue
		}
		// Grow the buffer as data arrives: a short file may claim a long block.
		var buf bytes.Buffer
		if _, err := io.CopyN(&buf, r, cl); err != nil {
			s.bad(source, 0, fmt.Errorf("WARC record %d: %w", n, truncErr(err)))
			return nil
		}
		in, err := warcResponse(rec, buf.Bytes(), s.opt)
		if err != nil {
			s.bad(source, 0, fmt.Errorf("WARC record %d: %w", n, err))
			continue
		}
		if in == nil {
			continue // not an HTML 2xx response
		}
		docs++
		if err := s.put(in); err != nil {
			return err
		}
	}
}

func truncErr(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: record block cut short", ErrTruncated)
	}
	return readErr(err)
}

// frameError is a malformed record frame; fatal ones end the file.
type frameError struct {
	err   error
	fatal bool
}

func (e *frameError) Error() string { return e.err.Error() }

// nextWARCHeader skips blank lines, reads the version line and the header
// block. After a bad frame it scans forward to the next "WARC/1." line.
func nextWARCHeader(r *bufio.Reader, pending *string, n int) (*warcRecord, error) {
	var line string
	if *pending != "" {
		line, *pending = *pending, ""
	} else {
		for {
			l, tooLong, err := readLine(r, maxWARCHeaderLine)
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			if errors.Is(err, io.EOF) && l == nil && !tooLong {
				return nil, io.EOF
			}
			if !tooLong && len(bytes.TrimSpace(l)) > 0 {
				line = string(l)
				break
			}
			if errors.Is(err, io.EOF) {
				return nil, io.EOF
			}
		}
	}
	if !strings.HasPrefix(line, "WARC/1.") {
		// Resynchronise: find the next version line.
		for {
			l, tooLong, err := readLine(r, maxWARCHeaderLine)
			if !tooLong && bytes.HasPrefix(l, []byte("WARC/1.")) {
				*pending = string(l)
				break
			}
			if err != nil {
				if errors.Is(err, io.EOF) {
					return nil, &frameError{err: errors.New("malformed: expected a WARC/1.x version line"), fatal: true}
				}
				return nil, err
			}
		}
		return nil, &frameError{err: errors.New("malformed: expected a WARC/1.x version line")}
	}
	rec := &warcRecord{version: strings.TrimSpace(line), header: textproto.MIMEHeader{}, n: n}
	var lastKey string
	for i := 0; ; i++ {
		l, tooLong, err := readLine(r, maxWARCHeaderLine)
		if tooLong || i > 1000 {
			return nil, &frameError{err: errors.New("malformed: header too long")}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, &frameError{err: fmt.Errorf("%w: header cut short", ErrTruncated), fatal: true}
			}
			return nil, err
		}
		if len(l) == 0 {
			break
		}
		if (l[0] == ' ' || l[0] == '\t') && lastKey != "" {
			vals := rec.header[lastKey]
			vals[len(vals)-1] += " " + strings.TrimSpace(string(l))
			continue
		}
		k, v, ok := strings.Cut(string(l), ":")
		if !ok {
			if bytes.HasPrefix(l, []byte("WARC/1.")) {
				*pending = string(l)
				return nil, &frameError{err: errors.New("malformed: header block without end")}
			}
			continue // tolerate a stray line
		}
		lastKey = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(k))
		rec.header.Add(lastKey, strings.TrimSpace(v))
	}
	return rec, nil
}

// warcResponse turns a response record's block (an HTTP response) into an
// Input, or nil when it is not a 2xx HTML page.
func warcResponse(rec *warcRecord, block []byte, opt Options) (*accord.Input, error) {
	target := strings.Trim(strings.TrimSpace(rec.header.Get("WARC-Target-URI")), "<>")
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return nil, fmt.Errorf("malformed HTTP response: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, nil
	}
	body := warcPayload(block, resp)
	body, err = httpDecode(body, resp.Header.Get("Content-Encoding"), opt)
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > opt.MaxDocBytes {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, opt.MaxDocBytes)
	}
	ct := resp.Header.Get("Content-Type")
	if !isHTMLPayload(ct, rec.header.Get("WARC-Identified-Payload-Type"), body) {
		return nil, nil
	}
	h, err := decodeHTML(body, ct)
	if err != nil {
		if errors.Is(err, ErrEmpty) {
			return nil, nil
		}
		return nil, err
	}
	in := &accord.Input{ID: target, Source: target, URL: target, HTML: h}
	if in.ID == "" {
		in.ID = strings.TrimSuffix(strings.TrimPrefix(strings.Trim(rec.header.Get("WARC-Record-ID"), "<>"), "urn:uuid:"), ">")
	}
	if in.ID == "" {
		in.ID = accord.TextID(h)
	}
	return in, nil
}

// warcPayload returns the HTTP payload of a response block. The WARC framing
// is authoritative: archives often store the decoded payload but keep stale
// Content-Length / Transfer-Encoding headers, so the payload is everything
// after the HTTP header block, de-chunked only when it really is chunked.
func warcPayload(block []byte, resp *http.Response) []byte {
	end := bytes.Index(block, []byte("\r\n\r\n"))
	sep := 4
	if lf := bytes.Index(block, []byte("\n\n")); lf >= 0 && (end < 0 || lf < end) {
		end, sep = lf, 2
	}
	if end < 0 {
		return nil
	}
	payload := block[end+sep:]
	chunked := false
	for _, te := range resp.TransferEncoding {
		if strings.EqualFold(te, "chunked") {
			chunked = true
		}
	}
	if chunked {
		if out, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(payload))); err == nil && len(out) > 0 {
			return out
		}
	}
	return payload
}

// httpDecode undoes a Content-Encoding that is still applied to the payload
// (some archives store the decoded payload but keep the header).
func httpDecode(body []byte, enc string, opt Options) ([]byte, error) {
	enc = strings.ToLower(strings.TrimSpace(enc))
	switch {
	case (enc == "gzip" || enc == "x-gzip") && len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b:
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("gzip payload: %v", err)
		}
		defer zr.Close()
		return readCapped(zr, opt.MaxDocBytes)
	case enc == "deflate" && len(body) > 0 && !looksLikeMarkup(body):
		fr := flate.NewReader(bytes.NewReader(body))
		defer fr.Close()
		out, err := readCapped(fr, opt.MaxDocBytes)
		if err != nil {
			return body, nil // not deflated after all
		}
		return out, nil
	}
	return body, nil
}

func looksLikeMarkup(b []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(b, utf8BOM), " \t\r\n")
	return len(t) > 0 && t[0] == '<'
}

// isHTMLPayload decides whether a response payload is an HTML page.
func isHTMLPayload(ct, identified string, body []byte) bool {
	ct = strings.ToLower(ct)
	switch {
	case strings.Contains(ct, "text/html"), strings.Contains(ct, "application/xhtml"):
		return true
	case ct == "", strings.HasPrefix(ct, "text/plain"), strings.HasPrefix(ct, "application/octet-stream"), strings.HasPrefix(ct, "unknown"):
		if strings.Contains(strings.ToLower(identified), "html") {
			return true
		}
		return strings.HasPrefix(http.DetectContentType(body), "text/html")
	}
	return false
}
