package ingest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
)

// format is an input format.
type format int

const (
	fmtUnknown format = iota
	fmtText
	fmtHTML
	fmtFeed  // RSS, Atom or JSON Feed (XML family, or JSON with a jsonfeed version)
	fmtJSON  // a .json file: a JSON Feed, or one record / an array of records
	fmtJSONL // one JSON record per line
	fmtWARC
	fmtSGML // Reuters-21578
)

func (f format) String() string {
	return [...]string{"unknown", "text", "html", "feed", "json", "jsonl", "warc", "sgml"}[f]
}

// formatFromExt names the format a file's extension declares (".gz" already
// stripped), or fmtUnknown.
func formatFromExt(name string) format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return fmtText
	case ".html", ".htm", ".xhtml", ".shtml":
		return fmtHTML
	case ".xml", ".rss", ".atom", ".rdf":
		return fmtFeed
	case ".json":
		return fmtJSON
	case ".jsonl", ".ndjson":
		return fmtJSONL
	case ".warc":
		return fmtWARC
	case ".sgm", ".sgml":
		return fmtSGML
	}
	return fmtUnknown
}

// formatFromContentType maps an HTTP Content-Type to a format, or fmtUnknown.
func formatFromContentType(ct string) format {
	ct = strings.ToLower(ct)
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	ct = strings.TrimSpace(ct)
	switch {
	case ct == "text/html", ct == "application/xhtml+xml":
		return fmtHTML
	case ct == "application/rss+xml", ct == "application/atom+xml", ct == "application/rdf+xml",
		ct == "application/xml", ct == "text/xml":
		return fmtFeed
	case ct == "application/feed+json", ct == "application/json":
		return fmtJSON
	case ct == "application/x-ndjson", ct == "application/jsonl", ct == "application/x-jsonlines":
		return fmtJSONL
	case ct == "application/warc":
		return fmtWARC
	case ct == "text/plain":
		return fmtText
	}
	return fmtUnknown
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// sniff guesses the format from the first bytes of an input.
func sniff(b []byte) format {
	b = bytes.TrimPrefix(b, utf8BOM)
	b = bytes.TrimLeft(b, " \t\r\n\f")
	if len(b) == 0 {
		return fmtText
	}
	switch {
	case bytes.HasPrefix(b, []byte("WARC/")):
		return fmtWARC
	case b[0] == '<':
		low := bytes.ToLower(b[:min(len(b), 2048)])
		if bytes.HasPrefix(low, []byte("<reuters")) || bytes.HasPrefix(low, []byte("<!doctype lewis")) {
			return fmtSGML
		}
		feedAt := firstIndex(low, "<rss", "<feed", "<rdf:rdf", "<channel")
		htmlAt := firstIndex(low, "<html", "<!doctype html", "<head", "<body")
		switch {
		case feedAt >= 0 && (htmlAt < 0 || feedAt < htmlAt):
			return fmtFeed
		case htmlAt >= 0:
			return fmtHTML
		case bytes.HasPrefix(low, []byte("<?xml")):
			return fmtFeed
		}
		if strings.HasPrefix(http.DetectContentType(b), "text/html") {
			return fmtHTML
		}
		return fmtHTML // markup of some kind: let the HTML cleaner judge it
	case b[0] == '[':
		return fmtJSON
	case b[0] == '{':
		if bytes.Contains(b, []byte("jsonfeed.org/version")) {
			return fmtJSON
		}
		// JSONL when the first line is a complete object by itself, or
		// runs past what was peeked (a pretty-printed JSON object breaks
		// its first line right after the brace).
		i := bytes.IndexByte(b, '\n')
		if i < 0 || json.Valid(bytes.TrimSpace(b[:i])) {
			return fmtJSONL
		}
		return fmtJSON
	}
	return fmtText
}

func firstIndex(b []byte, subs ...string) int {
	best := -1
	for _, s := range subs {
		if i := bytes.Index(b, []byte(s)); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// isJSONFeed reports whether a JSON document is a JSON Feed.
func isJSONFeed(b []byte) bool {
	var probe struct {
		Version string `json:"version"`
	}
	b = bytes.TrimPrefix(b, utf8BOM)
	t := bytes.TrimLeft(b, " \t\r\n")
	if len(t) == 0 || t[0] != '{' {
		return false
	}
	if json.Unmarshal(b, &probe) != nil {
		return bytes.Contains(b[:min(len(b), 4096)], []byte("jsonfeed.org/version"))
	}
	return strings.Contains(probe.Version, "jsonfeed.org")
}
