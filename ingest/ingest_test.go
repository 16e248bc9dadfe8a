package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/accord-news/accord"
)

var update = flag.Bool("update", false, "rewrite generated fixtures and golden files")

// warcRec is one record for the test WARC builder.
type warcRec struct {
	typ, uri string
	block    string // for response records: the whole HTTP response
}

func httpResp(status, ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
}

// buildWARC writes WARC/1.1 records; gz writes each as its own gzip member.
func buildWARC(recs []warcRec, gz bool) []byte {
	var out bytes.Buffer
	for i, r := range recs {
		var rec bytes.Buffer
		fmt.Fprintf(&rec, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\nWARC-Date: 2023-03-14T10:00:00Z\r\n", r.typ, i)
		if r.uri != "" {
			fmt.Fprintf(&rec, "WARC-Target-URI: %s\r\n", r.uri)
		}
		if r.typ == "response" {
			rec.WriteString("Content-Type: application/http; msgtype=response\r\n")
		}
		fmt.Fprintf(&rec, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(r.block), r.block)
		if gz {
			zw := gzip.NewWriter(&out)
			zw.Write(rec.Bytes())
			zw.Close()
		} else {
			out.Write(rec.Bytes())
		}
	}
	return out.Bytes()
}

var testWARC = []warcRec{
	{typ: "warcinfo", block: "software: test\r\n"},
	{typ: "request", uri: "https://news.example/a", block: "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"},
	{typ: "response", uri: "https://news.example/a", block: httpResp("200 OK", "text/html; charset=utf-8",
		"<html><head><title>Dam inspection passed</title></head><body><p>The dam passed its yearly inspection.</p></body></html>")},
	{typ: "response", uri: "https://news.example/missing", block: httpResp("404 Not Found", "text/html", "<html><body>not found</body></html>")},
	{typ: "response", uri: "https://news.example/logo.png", block: httpResp("200 OK", "image/png", "\x89PNG\r\n\x1a\n\x00\x00")},
	{typ: "response", uri: "https://news.example/b", block: httpResp("200 OK", "text/html; charset=windows-1252",
		"<html><body><p>Caf\xe9 reopens \x96 owners \x93thrilled\x94.</p></body></html>")},
	{typ: "metadata", uri: "https://news.example/b", block: "fetchTimeMs: 12\r\n"},
}

func gzBytes(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// TestFixtures writes the generated fixtures with -update, and otherwise
// checks that they are what the generator makes.
func TestFixtures(t *testing.T) {
	dir := filepath.Join("testdata", "inputs")
	page, err := os.ReadFile(filepath.Join(dir, "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	jsonl, err := os.ReadFile(filepath.Join(dir, "records.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	gen := map[string][]byte{
		"small.warc":          buildWARC(testWARC, false),
		"gz/small.warc.gz":    buildWARC(testWARC, true),
		"gz/page.html.gz":     gzBytes(page),
		"gz/records.jsonl.gz": gzBytes(jsonl),
	}
	for name, want := range gen {
		p := filepath.Join(dir, name)
		if *update {
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%s: %v (run go test -update)", name, err)
		}
		if strings.HasSuffix(name, ".gz") {
			got, want = gunzip(t, got), gunzip(t, want)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator (run go test -update)", name)
		}
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// collect runs Read and returns the inputs and the error strings.
func collect(t *testing.T, inputs []string, opt Options) ([]*accord.Input, []string) {
	t.Helper()
	var docs []*accord.Input
	var errs []string
	err := Read(context.Background(), inputs, opt, func(in *accord.Input) error {
		docs = append(docs, in)
		return nil
	}, func(e error) {
		var ie *Error
		if !errors.As(e, &ie) {
			t.Errorf("onErr got %T, want *Error: %v", e, e)
		}
		errs = append(errs, e.Error())
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return docs, errs
}

type golden struct {
	Documents []*accord.Input `json:"documents"`
	Errors    []string        `json:"errors"`
}

// TestGoldenFolder reads the whole fixture folder (every format) and compares
// with the golden file.
func TestGoldenFolder(t *testing.T) {
	docs, errs := collect(t, []string{filepath.Join("testdata", "inputs")}, Options{})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(golden{docs, errs}); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	p := filepath.Join("testdata", "read.golden")
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", p, got)
	}
	// The same read twice gives the same order.
	again, _ := collect(t, []string{filepath.Join("testdata", "inputs")}, Options{})
	for i := range docs {
		if docs[i].ID != again[i].ID {
			t.Fatalf("order differs at %d: %s vs %s", i, docs[i].ID, again[i].ID)
		}
	}
}

// TestFormats checks the key fields each reader produces.
func TestFormats(t *testing.T) {
	in := func(name string) string { return filepath.Join("testdata", "inputs", name) }
	tests := []struct {
		input string
		want  []accord.Input // only non-empty fields are compared; Text/HTML by substring
		nErrs int
	}{
		{in("article.txt"), []accord.Input{{ID: "article", Title: "Harbour council approves new ferry timetable", TitleFromText: true, Text: "Harbour council approves"}}, 0},
		{in("dateline.txt"), []accord.Input{{ID: "dateline", Published: "2023-03-09", PublishedBasis: "metadata", Title: "The river authority opened the new lock gates on Thursday, officials said. Traffic resumed within the hour.", TitleFromText: true, Text: "The river authority opened"}}, 0},
		{in("headers.txt"), []accord.Input{{ID: "headers", Title: "Orchard growers report record apple harvest", Author: "Pat Quill", Outlet: "Valley Ledger", Published: "2023-03-09T14:15:00Z", URL: "https://example.org/news/apples", Text: "Growers in the valley"}}, 0},
		{in("latin1.txt"), []accord.Input{{ID: "latin1", Title: "Café owners protest new rules", Text: "the “new rules” would"}}, 0},
		{in("page.html"), []accord.Input{{ID: "page", HTML: "“safe for another century”"}}, 0},
		{in("gz/page.html.gz"), []accord.Input{{ID: "page", HTML: "“safe for another century”"}}, 0},
		{in("nested/latin1-page.htm"), []accord.Input{{ID: "latin1-page", HTML: "La fête du village a réuni"}}, 0},
		{in("feed.rss"), []accord.Input{
			{ID: "gazette-1001", URL: "https://gazette.example/tide-gauge", Title: "Tide gauge installed", Outlet: "Harbour Gazette", Author: "Ola Berg", Published: "2023-03-08T09:30:00+01:00", HTML: "<p>A new tide gauge"},
			{ID: "https://gazette.example/fish-market", Text: "The fish market will open", Published: "2023-03-07T18:00:00Z"},
		}, 1},
		{in("feed.atom"), []accord.Input{{ID: "urn:example:courier:77", URL: "https://courier.example/pass-closed", Author: "Kim Tal", Outlet: "Mountain Courier", Published: "2023-03-10T06:45:00-05:00", HTML: "<p>Heavy snowfall"}}, 0},
		{in("feed.json"), []accord.Input{
			{ID: "pw-5", Author: "Lee Moor", Outlet: "Plains Weekly", Published: "2023-03-11T08:00:00Z", Text: "Firefighters contained"},
			{ID: "pw-6", Title: "Library extends hours", HTML: "<p>The public library"},
		}, 0},
		{in("records.json"), []accord.Input{{ID: "42", Title: "Numeric id record", Text: "whose id is a number"}, {ID: accord.TextID("No body"), Text: "No body"}}, 0},
		{in("records.jsonl"), []accord.Input{
			{ID: "rec-1", URL: "https://wire.example/1", Outlet: "Wire Service", Author: "J. Doe", Published: "2023-03-12", PublishedBasis: "metadata", Text: "Dock workers"},
			{ID: "https://wire.example/2", Published: "2023-03-13T09:00:00Z", HTML: "<p>Shares rose"},
			{ID: accord.TextID("Rainfall was above average in February."), Text: "Rainfall"},
			{ID: "rec-4", Title: "Missing body", Text: "Missing body"},
		}, 1},
		{in("gz/records.jsonl.gz"), []accord.Input{{ID: "rec-1"}, {ID: "https://wire.example/2"}, {ID: accord.TextID("Rainfall was above average in February.")}, {ID: "rec-4"}}, 1},
		{in("reuters.sgm"), []accord.Input{
			{ID: "1", Title: "GRAIN SHIPMENTS <ABC> RISE IN WEEK", Published: "1987-02-26", Text: "Grain shipments rose in the week,\nthe exchange said.\n Reuter"},
			{ID: "2", Published: "1987-02-27", Text: "unprocessed wire text without a body element"},
			{ID: "3", Title: "******BRIEF HEADLINE ONLY", Text: "******BRIEF HEADLINE ONLY"},
		}, 0},
		{in("small.warc"), []accord.Input{
			{ID: "https://news.example/a", Source: "https://news.example/a", URL: "https://news.example/a", HTML: "passed its yearly inspection"},
			{ID: "https://news.example/b", HTML: "Café reopens – owners “thrilled”"},
		}, 0},
		{in("gz/small.warc.gz"), []accord.Input{{ID: "https://news.example/a"}, {ID: "https://news.example/b", HTML: "Café reopens"}}, 0},
		{in("nested/NOTES"), []accord.Input{{ID: "NOTES", Title: "An extensionless file"}}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.input, func(t *testing.T) {
			docs, errs := collect(t, []string{tc.input}, Options{})
			if len(errs) != tc.nErrs {
				t.Errorf("errors = %q, want %d", errs, tc.nErrs)
			}
			if len(docs) != len(tc.want) {
				t.Fatalf("got %d docs, want %d: %+v", len(docs), len(tc.want), docs)
			}
			for i, w := range tc.want {
				checkInput(t, docs[i], &w)
			}
		})
	}
}

func checkInput(t *testing.T, got, w *accord.Input) {
	t.Helper()
	eq := func(field, g, w string) {
		if w != "" && g != w {
			t.Errorf("%s: %s = %q, want %q", got.ID, field, g, w)
		}
	}
	eq("ID", got.ID, w.ID)
	eq("Source", got.Source, w.Source)
	eq("URL", got.URL, w.URL)
	eq("Title", got.Title, w.Title)
	eq("Outlet", got.Outlet, w.Outlet)
	eq("Author", got.Author, w.Author)
	eq("Published", got.Published, w.Published)
	eq("PublishedBasis", got.PublishedBasis, w.PublishedBasis)
	if w.TitleFromText && !got.TitleFromText {
		t.Errorf("%s: TitleFromText false", got.ID)
	}
	if !strings.Contains(got.Text, w.Text) {
		t.Errorf("%s: Text %q lacks %q", got.ID, got.Text, w.Text)
	}
	if !strings.Contains(got.HTML, w.HTML) {
		t.Errorf("%s: HTML %q lacks %q", got.ID, got.HTML, w.HTML)
	}
	if got.Source == "" {
		t.Errorf("%s: empty Source", got.ID)
	}
	if got.Published != "" && got.PublishedBasis != accord.BasisMetadata {
		t.Errorf("%s: Published without basis", got.ID)
	}
}

// TestBadInputs: each bad input is reported through onErr (naming the source
// and, for line formats, the line) and the rest goes on.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Good title\n\nGood body.\n"))
	bombSrc := []byte(`{"text":"` + strings.Repeat("a", 12<<20) + `"}`) // 12 MB in ~12 KB
	truncated := gzBytes([]byte(strings.Repeat("Some words of text here.\n", 2000)))
	truncated = truncated[:len(truncated)/2]
	malformedWARC := append([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: nope\r\n\r\ngarbage\r\n\r\nthis is not a record\r\n"), buildWARC(testWARC[2:3], false)...)
	cutWARC := buildWARC(testWARC[2:3], false)
	cutWARC = cutWARC[:len(cutWARC)-60]

	tests := []struct {
		name     string
		path     string
		opt      Options
		wantErr  string // substring of the first error
		wantDocs int
	}{
		{"nonexistent", filepath.Join(dir, "nope.txt"), Options{}, "nope.txt", 0},
		{"binary", write("bin.txt", []byte("\x00\x01\x02\x03binary\x00\xff\xfe")), Options{}, ErrBinary.Error(), 0},
		{"binary sniffed", write("blob", bytes.Repeat([]byte{0x01, 0x02, 0x9c, 0x00}, 100)), Options{}, ErrBinary.Error(), 0},
		{"empty", write("empty.txt", nil), Options{}, ErrEmpty.Error(), 0},
		{"blank", write("blank.txt", []byte(" \n\t\n")), Options{}, ErrEmpty.Error(), 0},
		{"empty html", write("empty.html", nil), Options{}, ErrEmpty.Error(), 0},
		{"empty jsonl", write("empty.jsonl", []byte("\n\n")), Options{}, ErrEmpty.Error(), 0},
		{"truncated gzip", write("cut.txt.gz", truncated), Options{}, "truncated", 0},
		{"not gzip at all", write("fake.txt.gz", []byte("plain text\n\nbody\n")), Options{}, "", 1},
		{"gzip bomb", write("bomb.jsonl.gz", gzBytes(bombSrc)), Options{MaxDecompressed: 1 << 20}, "gzip bomb", 0},
		{"gzip bomb single doc", write("bomb.txt.gz", gzBytes(bytes.Repeat([]byte("a "), 4<<20))), Options{MaxDocBytes: 1 << 20}, "size limit", 0},
		{"malformed feed", write("bad.rss", []byte(`<?xml version="1.0"?><rss><channel><item><title>x</ti`)), Options{}, "malformed feed", 0},
		{"not a feed", write("other.xml", []byte(`<?xml version="1.0"?><catalog><book/></catalog>`)), Options{}, "malformed feed", 0},
		{"malformed warc record", write("bad.warc", malformedWARC), Options{}, "WARC record 1", 1},
		{"truncated warc", write("cut.warc", cutWARC), Options{}, "truncated", 0},
		{"warc garbage", write("junk.warc", []byte("hello\nworld\n")), Options{}, "WARC/1.x", 0},
		{"jsonl bad line", write("lines.jsonl", []byte("{\"text\":\"one\"}\n{oops\n{\"text\":\"three\"}\n")), Options{}, "lines.jsonl:2: not a JSON record", 2},
		{"jsonl long line", write("long.jsonl", []byte("{\"text\":\""+strings.Repeat("x", 5000)+"\"}\n{\"text\":\"ok\"}\n")), Options{MaxDocBytes: 1000}, "long.jsonl:1: document exceeds", 1},
		{"over MaxDocBytes", write("big.txt", bytes.Repeat([]byte("word "), 1000)), Options{MaxDocBytes: 1000}, "size limit", 0},
		{"html over MaxDocBytes", write("big.html", bytes.Repeat([]byte("<p>x</p>"), 1000)), Options{MaxDocBytes: 1000}, "size limit", 0},
		{"sgml without elements", write("none.sgm", []byte("<!DOCTYPE lewis>\nnothing\n")), Options{}, "no REUTERS elements", 0},
		{"stray NULs kept as text", write("nul.html", append(bytes.Repeat([]byte("<p>real page text</p>\n"), 50), 0, 0)), Options{}, "", 1},
		{"jsonl record without body or title", write("nobody.jsonl", []byte("{\"id\":\"a\",\"text\":\"\"}\n")), Options{}, "nobody.jsonl:1: record has neither", 0},
		{"sgml unclosed", write("open.sgm", []byte("<REUTERS NEWID=\"9\"><TEXT><BODY>x</BODY></TEXT>\n")), Options{}, "open.sgm:1: malformed REUTERS", 0},
		{"invalid utf8 repaired", write("mixed.txt", []byte("Título ok\n\nCafé \xff and “quotes”.\n")), Options{}, "", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, errs := collect(t, []string{tc.path, good}, tc.opt)
			if len(docs) != tc.wantDocs+1 || docs[len(docs)-1].ID != "good" {
				t.Errorf("got %d docs (want %d + the good one)", len(docs), tc.wantDocs)
			}
			if tc.wantErr == "" {
				if len(errs) != 0 {
					t.Errorf("unexpected errors %q", errs)
				}
			} else if len(errs) == 0 || !strings.Contains(errs[0], tc.wantErr) {
				t.Errorf("errors = %q, want one containing %q", errs, tc.wantErr)
			} else if !strings.Contains(errs[0], filepath.Base(tc.path)) {
				t.Errorf("error %q does not name the file", errs[0])
			}
			for _, d := range docs {
				if !validUTF8(d.Text) || !validUTF8(d.HTML) || !validUTF8(d.Title) {
					t.Errorf("%s: invalid UTF-8 emitted", d.ID)
				}
			}
		})
	}
}

func validUTF8(s string) bool { return strings.ToValidUTF8(s, "\x00") == s }

func TestUnreadable(t *testing.T) {
	// A stream that fails while reading (the case of an unreadable file; a
	// chmod 000 file is readable when the tests run as root).
	docs, errs := collect(t, []string{"-"}, Options{Stdin: iotest.ErrReader(errors.New("disk on fire"))})
	if len(docs) != 0 || len(errs) != 1 || !strings.Contains(errs[0], "-: disk on fire") {
		t.Errorf("docs %d, errs %q", len(docs), errs)
	}
	if os.Geteuid() == 0 {
		return
	}
	p := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(p, []byte("x\n\ny"), 0o000)
	_, errs = collect(t, []string{p}, Options{})
	if len(errs) != 1 || !strings.Contains(errs[0], "permission denied") {
		t.Errorf("errs %q", errs)
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		in   string
		want accord.Input
	}{
		{"Plain title\n\nBody text.\n", accord.Input{ID: accord.TextID("Plain title\n\nBody text.\n"), Source: "-", Title: "Plain title"}},
		{"<!doctype html><html><body><p>Page</p></body></html>", accord.Input{ID: accord.TextID("<!doctype html><html><body><p>Page</p></body></html>"), HTML: "<p>Page</p>"}},
		{`{"id":"s1","text":"from a pipe"}` + "\n" + `{"id":"s2","text":"second"}`, accord.Input{ID: "s1", Text: "from a pipe"}},
		{string(gzBytes([]byte(`{"id":"z1","text":"gzipped pipe"}`))), accord.Input{ID: "z1"}},
		{string(buildWARC(testWARC, true)), accord.Input{ID: "https://news.example/a"}},
	}
	for i, tc := range tests {
		docs, errs := collect(t, []string{"-"}, Options{Stdin: strings.NewReader(tc.in)})
		if len(errs) != 0 || len(docs) == 0 {
			t.Fatalf("%d: docs %d errs %q", i, len(docs), errs)
		}
		checkInput(t, docs[0], &tc.want)
	}
}

func TestURL(t *testing.T) {
	rss, _ := os.ReadFile(filepath.Join("testdata", "inputs", "feed.rss"))
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<html><body><p>Caf\xe9 news</p></body></html>"))
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(rss)
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("Served title\n\nServed body.\n"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte("<p>x</p>"), 1000))
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		path    string
		opt     Options
		want    []accord.Input
		wantErr string
	}{
		{"/page", Options{}, []accord.Input{{ID: srv.URL + "/page", URL: srv.URL + "/page", HTML: "Café news"}}, ""},
		{"/feed", Options{}, []accord.Input{{ID: "gazette-1001"}, {ID: "https://gazette.example/fish-market"}}, "item 3: no content"},
		{"/plain", Options{}, []accord.Input{{ID: srv.URL + "/plain", Title: "Served title"}}, ""},
		{"/big", Options{MaxDocBytes: 1000}, nil, "size limit"},
		{"/gone", Options{}, nil, "410"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			tc.opt.HTTPClient = srv.Client()
			docs, errs := collect(t, []string{srv.URL + tc.path}, tc.opt)
			if len(docs) != len(tc.want) {
				t.Fatalf("got %d docs, want %d", len(docs), len(tc.want))
			}
			for i := range tc.want {
				checkInput(t, docs[i], &tc.want[i])
			}
			if tc.wantErr != "" && (len(errs) == 0 || !strings.Contains(errs[0], tc.wantErr)) {
				t.Errorf("errs %q, want %q", errs, tc.wantErr)
			}
			if tc.wantErr == "" && len(errs) > 0 {
				t.Errorf("unexpected errs %q", errs)
			}
		})
	}
	// An unreachable server is an error, not a stop.
	docs, errs := collect(t, []string{"http://127.0.0.1:1/x"}, Options{})
	if len(docs) != 0 || len(errs) != 1 {
		t.Errorf("unreachable: docs %d errs %q", len(docs), errs)
	}
}

func TestStopping(t *testing.T) {
	folder := filepath.Join("testdata", "inputs")
	boom := errors.New("boom")
	n := 0
	err := Read(context.Background(), []string{folder}, Options{}, func(*accord.Input) error {
		n++
		if n == 3 {
			return boom
		}
		return nil
	}, nil)
	if !errors.Is(err, boom) || n != 3 {
		t.Errorf("emit error: err %v after %d docs", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Read(ctx, []string{folder, folder}, Options{}, func(*accord.Input) error {
		n++
		cancel()
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("cancel: err %v after %d docs", err, n)
	}
}

func TestIDFromName(t *testing.T) {
	tests := map[string]string{
		"page.html.gz":              "page",
		"000_eb16ce2bdaf754b6.txt":  "000_eb16ce2bdaf754b6",
		"a.b.txt":                   "a.b",
		"README":                    "README",
		".hidden":                   ".hidden",
		"reut2-000.sgm.gz":          "reut2-000",
		"archive.warc.GZ":           "archive",
		"":                          "",
		"noext.gz":                  "noext",
		"x.jsonl.gz":                "x",
		"dots.in.name.html":         "dots.in.name",
		"trailing.":                 "trailing",
		"UPPER.TXT":                 "UPPER",
		"unicodé-nàme.htm":          "unicodé-nàme",
		"spaces in name.txt":        "spaces in name",
		"multi.tar.gz":              "multi",
		"feed.atom":                 "feed",
		"x.y.z":                     "x.y",
		"only.gz.gz":                "only",
		"weird..txt":                "weird.",
		"a":                         "a",
		"a.":                        "a",
		"123.json":                  "123",
		"über.rss":                  "über",
		"name.with.many.parts.xml":  "name.with.many.parts",
		"trailing-dash-.txt":        "trailing-dash-",
		"CAPS.HTML.GZ":              "CAPS",
		"mixed.Warc.Gz":             "mixed",
		"sgml.sgml":                 "sgml",
		"ndjson.ndjson":             "ndjson",
		"file.text":                 "file",
		"x.xhtml":                   "x",
		"rdf.rdf":                   "rdf",
		"shtml.shtml":               "shtml",
		"dot.only.":                 "dot.only",
		"..":                        ".",
		"emoji😀.txt":                "emoji😀",
		"tab\tname.txt":             "tab\tname",
		"semi;colon.txt":            "semi;colon",
		"space .txt":                "space ",
		"a.b.c.d.e.f.g.h.i.j.k.txt": "a.b.c.d.e.f.g.h.i.j.k",
	}
	for name, want := range tests {
		if got := idFromName(stripGz(name)); got != want {
			t.Errorf("idFromName(%q) = %q, want %q", name, got, want)
		}
	}
}

// BenchmarkReadReuters reads the whole Reuters-21578 corpus (22 gzipped SGML
// files, 21,578 records).
func BenchmarkReadReuters(b *testing.B) {
	dir := filepath.Join("..", "..", "shared", "data", "reuters21578")
	files, _ := filepath.Glob(filepath.Join(dir, "reut2-*.sgm*"))
	if len(files) == 0 {
		b.Skip("Reuters-21578 not found at " + dir)
	}
	var bytesIn int64
	for i := 0; i < b.N; i++ {
		n := 0
		bytesIn = 0
		err := Read(context.Background(), files, Options{}, func(in *accord.Input) error {
			n++
			bytesIn += int64(len(in.Text))
			return nil
		}, func(error) {})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "docs/op")
	}
	b.SetBytes(bytesIn)
}

// TestWARCPayloads: the WARC block framing wins over stale HTTP headers.
func TestWARCPayloads(t *testing.T) {
	page := "<html><body><p>" + strings.Repeat("Flood barriers held overnight. ", 20) + "</p></body></html>"
	chunk := func(s string) string {
		return fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", 10, s[:10], len(s)-10, s[10:])
	}
	tests := []struct {
		name, block string
		want        string // substring of HTML; "" means no document
	}{
		{"stale content-length", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 12\r\n\r\n" + page, "</html>"},
		{"stale chunked header", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" + page, "</html>"},
		{"really chunked", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk(page), "Flood barriers held overnight. Flood"},
		{"gzip payload", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + string(gzBytes([]byte(page))), "Flood barriers"},
		{"decoded payload, stale gzip header", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + page, "Flood barriers"},
		{"no content type, sniffed", "HTTP/1.1 200 OK\r\n\r\n<!DOCTYPE html>" + page, "Flood barriers"},
		{"bare LF headers", "HTTP/1.1 200 OK\nContent-Type: text/html\n\n" + page, "Flood barriers"},
		{"redirect", "HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n", ""},
		{"json", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{}", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := buildWARC([]warcRec{{typ: "response", uri: "https://x.example/p", block: tc.block}}, false)
			docs, errs := collect(t, []string{"-"}, Options{Stdin: bytes.NewReader(w)})
			if len(errs) != 0 {
				t.Errorf("errors %q", errs)
			}
			if tc.want == "" {
				if len(docs) != 0 {
					t.Errorf("got %d docs, want none", len(docs))
				}
				return
			}
			if len(docs) != 1 || !strings.Contains(docs[0].HTML, tc.want) || strings.Contains(docs[0].HTML, "\r\n0\r\n") {
				t.Fatalf("docs %+v", docs)
			}
		})
	}
}

// TestGzipMembers: a WARC's gzip cap applies per member (record); other
// files' caps apply to the whole stream, members summed.
func TestGzipMembers(t *testing.T) {
	dir := t.TempDir()
	w := buildWARC(testWARC, true) // 7 members, each well under 1 KB, about 1.8 KB in all
	pw := filepath.Join(dir, "many.warc.gz")
	os.WriteFile(pw, w, 0o644)
	docs, errs := collect(t, []string{pw}, Options{MaxDecompressed: 1000})
	if len(docs) != 2 || len(errs) != 0 {
		t.Errorf("warc per member: docs %d errs %q", len(docs), errs)
	}
	var multi []byte
	for i := 0; i < 4; i++ {
		multi = append(multi, gzBytes([]byte(fmt.Sprintf("{\"id\":\"m%d\",\"text\":\"%s\"}\n", i, strings.Repeat("x", 400))))...)
	}
	pj := filepath.Join(dir, "multi.jsonl.gz")
	os.WriteFile(pj, multi, 0o644)
	docs, errs = collect(t, []string{pj}, Options{})
	if len(docs) != 4 || len(errs) != 0 {
		t.Errorf("multi-member jsonl: docs %d errs %q", len(docs), errs)
	}
	docs, errs = collect(t, []string{pj}, Options{MaxDecompressed: 1000})
	if len(docs) != 2 || len(errs) != 1 || !strings.Contains(errs[0], "gzip bomb") {
		t.Errorf("multi-member jsonl capped: docs %d errs %q", len(docs), errs)
	}
	// Trailing garbage after the last member is an error after the documents.
	pg := filepath.Join(dir, "tail.jsonl.gz")
	os.WriteFile(pg, append(append([]byte{}, multi...), "garbage"...), 0o644)
	docs, errs = collect(t, []string{pg}, Options{})
	if len(docs) != 4 || len(errs) != 1 {
		t.Errorf("trailing garbage: docs %d errs %q", len(docs), errs)
	}
}
