package ingest

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
)

// fetch reads an http(s) URL: a page becomes one document (its id is the
// URL), a feed yields its items, and the other formats are read as they are
// from files. The response is capped at MaxDecompressed bytes (and each
// document at MaxDocBytes); the client's timeout applies.
func (s *sink) fetch(u string) error {
	if _, err := url.Parse(u); err != nil {
		return &Error{Source: u, Err: err}
	}
	req, err := http.NewRequestWithContext(s.ctx, http.MethodGet, u, nil)
	if err != nil {
		return &Error{Source: u, Err: err}
	}
	req.Header.Set("User-Agent", "accord/1 (news analysis)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	resp, err := s.opt.HTTPClient.Do(req)
	if err != nil {
		if s.ctx.Err() != nil {
			return stop{s.ctx.Err()}
		}
		return &Error{Source: u, Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return &Error{Source: u, Err: fmt.Errorf("HTTP status %s", resp.Status)}
	}
	final := u
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	ct := resp.Header.Get("Content-Type")
	br := bufio.NewReaderSize(resp.Body, 64<<10)
	var rd = br
	var gz *gzipReader
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		gz, err = newGzipReader(br, s.opt.MaxDecompressed)
		if err != nil {
			return &Error{Source: u, Err: fmt.Errorf("gzip: %w", err)}
		}
		defer gz.Close()
		rd = bufio.NewReaderSize(gz, 64<<10)
	} else {
		rd = bufio.NewReaderSize(io.LimitReader(br, s.opt.MaxDecompressed+1), 64<<10)
	}
	f := formatFromContentType(ct)
	if f == fmtUnknown || f == fmtFeed || f == fmtJSON || f == fmtText {
		peek, _ := rd.Peek(4096)
		sn := sniff(peek)
		switch {
		case f == fmtUnknown:
			f = formatFromExt(stripGz(path.Base(req.URL.Path)))
			if f == fmtUnknown || f == fmtFeed || f == fmtJSON {
				f = sn
			}
		case f == fmtFeed && sn == fmtHTML:
			f = fmtHTML
		case f == fmtText && sn != fmtText && sn != fmtHTML:
			f = sn // e.g. a feed or WARC served as text/plain
		}
	}
	if f == fmtUnknown {
		f = fmtText
	}
	if gz != nil && f == fmtWARC {
		gz.perMember = true
	}
	return s.dispatch(rd, f, u, "", final, ct)
}
