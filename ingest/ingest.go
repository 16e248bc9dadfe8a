// Package ingest reads Accord's inputs: plain text, HTML pages, RSS/Atom/JSON
// feeds, JSONL records, WARC archives (CC-NEWS) and Reuters-21578 SGML, from
// files, folders (walked recursively), standard input ("-") and http(s) URLs.
// Gzip-compressed files of each format are read transparently.
//
// Every reader turns what it finds into accord.Input values and hands them to
// an emit callback in a deterministic order. A bad input, or a bad record or
// line inside one, is reported through an error callback and skipped; the
// rest goes on. Nothing here panics on bad input.
package ingest

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/accord-news/accord"
)

// Defaults for Options.
const (
	DefaultMaxDocBytes     = 20 << 20
	DefaultMaxDecompressed = 1 << 30
	DefaultHTTPTimeout     = 30 * time.Second
)

// Options tune Read. The zero value gives the defaults.
type Options struct {
	MaxDocBytes     int64        // default 20 MB: a larger document is refused with an error
	MaxDecompressed int64        // default 1 GiB total per gzip stream (gzip-bomb cap)
	Stdin           io.Reader    // default os.Stdin
	HTTPClient      *http.Client // default: 30 s timeout
}

func (o Options) withDefaults() Options {
	if o.MaxDocBytes <= 0 {
		o.MaxDocBytes = DefaultMaxDocBytes
	}
	if o.MaxDecompressed <= 0 {
		o.MaxDecompressed = DefaultMaxDecompressed
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: DefaultHTTPTimeout}
	}
	return o
}

// Error is one bad input: it names the file (and line / record) and the reason.
type Error struct {
	Source string
	Line   int
	Err    error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Source, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Source, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Errors the readers report (wrapped in *Error).
var (
	ErrEmpty        = errors.New("empty document")
	ErrBinary       = errors.New("binary data, not text")
	ErrTooLarge     = errors.New("document exceeds the size limit")
	ErrDecompressed = errors.New("decompressed data exceeds the limit (gzip bomb?)")
	ErrTruncated    = errors.New("truncated compressed data")
)

// emitFunc and errFunc are the callbacks every reader receives.
type sink struct {
	ctx   context.Context
	opt   Options
	emit  func(*accord.Input) error
	onErr func(error)
}

// stop marks an error that ends Read (ctx or emit error), as opposed to a bad
// input that is reported and skipped.
type stop struct{ err error }

func (s stop) Error() string { return s.err.Error() }

func (s *sink) put(in *accord.Input) error {
	if err := s.ctx.Err(); err != nil {
		return stop{err}
	}
	if err := s.emit(in); err != nil {
		return stop{err}
	}
	return nil
}

func (s *sink) bad(source string, line int, err error) {
	if s.onErr == nil || err == nil {
		return
	}
	var e *Error
	if errors.As(err, &e) {
		s.onErr(e)
		return
	}
	s.onErr(&Error{Source: source, Line: line, Err: err})
}

// Read walks every input (file, folder, "-", URL) and calls emit for each document found, in a deterministic order.
// A bad input (or bad line/record/item) is reported through onErr and skipped; the rest goes on.
// Read returns only ctx errors or an error returned by emit.
func Read(ctx context.Context, inputs []string, opt Options, emit func(*accord.Input) error, onErr func(error)) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if emit == nil {
		emit = func(*accord.Input) error { return nil }
	}
	s := &sink{ctx: ctx, opt: opt.withDefaults(), emit: emit, onErr: onErr}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := s.readOne(in)
		var st stop
		if errors.As(err, &st) {
			return st.err
		}
		if err != nil {
			s.bad(in, 0, err)
		}
	}
	return ctx.Err()
}

func (s *sink) readOne(in string) error {
	switch {
	case in == "-":
		return s.readStream(s.opt.Stdin, "-", "", true)
	case isURL(in):
		return s.fetch(in)
	}
	fi, err := os.Stat(in)
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return s.walk(in)
	}
	return s.readFile(in, true)
}

// walk reads every document file under root, in lexical order. Hidden files
// and folders (names starting with ".") are skipped, and so are files whose
// extension names no input format; extension-less files are sniffed.
func (s *sink) walk(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := s.ctx.Err(); cerr != nil {
			return stop{cerr}
		}
		if err != nil {
			s.bad(path, 0, err)
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if path != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			fi, err := os.Stat(path)
			if err != nil || !fi.Mode().IsRegular() {
				return nil // broken symlink, device, socket...
			}
		}
		inner := stripGz(name)
		if formatFromExt(inner) == fmtUnknown && filepath.Ext(inner) != "" {
			return nil
		}
		return s.readFile(path, false)
	})
}

func (s *sink) readFile(path string, explicit bool) error {
	f, err := os.Open(path)
	if err != nil {
		s.bad(path, 0, err)
		return nil
	}
	defer f.Close()
	err = s.readStream(f, path, filepath.Base(path), explicit)
	var st stop
	if errors.As(err, &st) {
		return err
	}
	if err != nil {
		s.bad(path, 0, err)
	}
	return nil
}

// readStream reads one input stream: it decompresses gzip (by magic number),
// finds the format from the name or by sniffing, and dispatches.
// name is the base name ("" for stdin).
func (s *sink) readStream(r io.Reader, source, name string, explicit bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(2)
	bufd := br
	var gz *gzipReader
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		var err error
		gz, err = newGzipReader(br, s.opt.MaxDecompressed)
		if err != nil {
			return &Error{Source: source, Err: fmt.Errorf("gzip: %w", err)}
		}
		defer gz.Close()
		bufd = bufio.NewReaderSize(gz, 64<<10)
	}
	inner := stripGz(name)
	f := formatFromExt(inner)
	if f == fmtUnknown || f == fmtFeed || f == fmtJSON {
		peek, err := bufd.Peek(4096)
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) && len(peek) == 0 {
			return &Error{Source: source, Err: readErr(err)}
		}
		sn := sniff(peek)
		switch {
		case f == fmtUnknown:
			f = sn
		case f == fmtFeed && sn == fmtHTML:
			f = fmtHTML // an .xml file that is really a page
		}
	}
	if f == fmtUnknown {
		f = fmtText
	}
	if gz != nil && f == fmtWARC {
		gz.perMember = true
	}
	id := idFromName(inner)
	return s.dispatch(bufd, f, source, id, "", "")
}

// dispatch reads r as format f. id is the file-derived id ("" when none),
// url and contentType come from an HTTP fetch.
func (s *sink) dispatch(r *bufio.Reader, f format, source, id, url, contentType string) error {
	switch f {
	case fmtJSONL:
		return s.readJSONL(r, source)
	case fmtWARC:
		return s.readWARC(r, source)
	case fmtFeed, fmtJSON:
		data, err := readCapped(r, s.opt.MaxDecompressed)
		if err != nil {
			return &Error{Source: source, Err: err}
		}
		if f == fmtJSON && !isJSONFeed(data) {
			return s.readJSONRecords(data, source)
		}
		return s.readFeed(data, source)
	case fmtSGML:
		data, err := readCapped(r, s.opt.MaxDecompressed)
		if err != nil {
			return &Error{Source: source, Err: err}
		}
		return s.readSGML(data, source)
	case fmtHTML:
		data, err := readCapped(r, s.opt.MaxDocBytes)
		if err != nil {
			return &Error{Source: source, Err: err}
		}
		h, err := decodeHTML(data, contentType)
		if err != nil {
			return &Error{Source: source, Err: err}
		}
		if strings.TrimSpace(h) == "" {
			return &Error{Source: source, Err: ErrEmpty}
		}
		fromName := id != ""
		if id == "" {
			id = url
		}
		if id == "" {
			id = accord.TextID(h)
		}
		return s.put(&accord.Input{ID: id, Source: source, URL: url, HTML: h, IDFromName: fromName})
	default:
		data, err := readCapped(r, s.opt.MaxDocBytes)
		if err != nil {
			return &Error{Source: source, Err: err}
		}
		in, err := parseTextDoc(data)
		if err != nil {
			return &Error{Source: source, Err: err}
		}
		in.Source = source
		if url != "" && in.URL == "" {
			in.URL = url
		}
		switch {
		case id != "":
			in.ID, in.IDFromName = id, true
		case url != "":
			in.ID = url
		default:
			in.ID = accord.TextID(in.Text)
		}
		return s.put(in)
	}
}

// readCapped reads all of r, refusing more than max bytes.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, readErr(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)
	}
	return data, nil
}

// readErr names the usual decompression failures.
func readErr(err error) error {
	switch {
	case errors.Is(err, ErrDecompressed):
		return err
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: %v", ErrTruncated, err)
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		return fmt.Errorf("gzip: %w", err)
	}
	return err
}

// gzipReader caps the decompressed size of a gzip stream. It reads the
// members of a multi-member file one by one; with perMember (WARC, where
// each record is its own member and a whole file is many GB) the cap applies
// to each member, otherwise to the total.
type gzipReader struct {
	src       *bufio.Reader
	zr        *gzip.Reader
	n         int64
	max       int64
	perMember bool
}

func newGzipReader(src *bufio.Reader, max int64) (*gzipReader, error) {
	zr, err := gzip.NewReader(src)
	if err != nil {
		return nil, err
	}
	zr.Multistream(false)
	return &gzipReader{src: src, zr: zr, max: max}, nil
}

func (g *gzipReader) Read(p []byte) (int, error) {
	for {
		var n int
		var err error
		if g.n >= g.max {
			// Allow a clean end exactly at the limit.
			var one [1]byte
			n, err = g.zr.Read(one[:])
			if n > 0 {
				return 0, fmt.Errorf("%w (%d bytes)", ErrDecompressed, g.max)
			}
		} else {
			if rem := g.max - g.n; int64(len(p)) > rem {
				p = p[:rem]
			}
			n, err = g.zr.Read(p)
			g.n += int64(n)
		}
		if !errors.Is(err, io.EOF) {
			return n, err
		}
		// End of a member: go on with the next one, if any.
		if _, perr := g.src.Peek(1); perr != nil {
			return n, io.EOF
		}
		if rerr := g.zr.Reset(g.src); rerr != nil {
			if errors.Is(rerr, io.EOF) {
				return n, io.EOF
			}
			return n, fmt.Errorf("gzip: next member: %w", rerr)
		}
		g.zr.Multistream(false)
		if g.perMember {
			g.n = 0
		}
		if n > 0 {
			return n, nil
		}
	}
}

func (g *gzipReader) Close() error { return g.zr.Close() }

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// stripGz removes a trailing ".gz" (any case) from a file name.
func stripGz(name string) string {
	if strings.HasSuffix(strings.ToLower(name), ".gz") {
		return name[:len(name)-3]
	}
	return name
}

// idFromName is the contract's id: the base name without its extension (the
// ".gz" is already gone).
func idFromName(name string) string {
	if name == "" {
		return ""
	}
	ext := filepath.Ext(name)
	if ext != "" && len(ext) < len(name) {
		name = name[:len(name)-len(ext)]
	}
	return name
}
