package ingest

import (
	"bufio"
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

func TestParseTextDoc(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want accord.Input // Text compared exactly when non-empty
	}{
		{"plain", "Title line\n\nBody.\n", accord.Input{Title: "Title line", TitleFromText: true, Text: "Title line\n\nBody.\n"}},
		{"leading blank lines", "\n\n  Title line  \r\nBody.", accord.Input{Title: "Title line", TitleFromText: true}},
		{"date line with body", " date 2022-01-14 Body starts here. More.\n\nNext.", accord.Input{Published: "2022-01-14", PublishedBasis: "metadata", Text: "Body starts here. More.\n\nNext.", Title: "Body starts here. More.", TitleFromText: true}},
		{"date line alone", "date 2022-01-14\nHeadline\n\nBody.", accord.Input{Published: "2022-01-14", Text: "Headline\n\nBody.", Title: "Headline", TitleFromText: true}},
		{"date colon", "Date: 14 January 2022\n\nHeadline\nBody.", accord.Input{Published: "2022-01-14", Text: "Headline\nBody.", Title: "Headline"}},
		{"published datetime", "Published: 2022-01-14T09:30:00+02:00\nHeadline\nBody.", accord.Input{Published: "2022-01-14T09:30:00+02:00", Title: "Headline"}},
		{"month name", "date Jan. 5, 2021 Snow fell.\nMore snow.", accord.Input{Published: "2021-01-05", Text: "Snow fell.\nMore snow.", Title: "Snow fell.", TitleFromText: true}},
		{"time without zone dropped", "Date: March 3, 2020 10:15 AM EST\nHeadline\nBody", accord.Input{Published: "2020-03-03", Text: "Headline\nBody", Title: "Headline", TitleFromText: true}},
		{"key block", "date 2021-05-05\nauthor Sam Roe\nsource Daily Example\n\nHeadline\nBody", accord.Input{Published: "2021-05-05", Author: "Sam Roe", Outlet: "Daily Example", Title: "Headline", Text: "Headline\nBody"}},
		{"title key", "Title: The real headline\nURL: https://x.example/a\n\nBody first line\nsecond", accord.Input{Title: "The real headline", URL: "https://x.example/a", Text: "Body first line\nsecond"}},
		{"not a date", "Date night ideas for couples\n\nBody.", accord.Input{Title: "Date night ideas for couples", TitleFromText: true}},
		{"date word then bad date", "date 2022-13-45 whatever\nBody", accord.Input{Title: "date 2022-13-45 whatever", TitleFromText: true}},
		{"author without colon first", "Author Jane Doe wins prize\n\nBody.", accord.Input{Title: "Author Jane Doe wins prize", TitleFromText: true}},
		{"single line", "Only one line of text.", accord.Input{Title: "Only one line of text."}},
		{"long first line", strings.Repeat("word ", 70) + "end. Next sentence.\nBody", accord.Input{TitleFromText: false}},
		{"bom", "\ufeffTitle\n\nBody", accord.Input{Title: "Title", Text: "Title\n\nBody"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseTextDoc([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			w := tc.want
			if w.Title != "" && got.Title != w.Title {
				t.Errorf("Title = %q, want %q", got.Title, w.Title)
			}
			if got.TitleFromText != w.TitleFromText && (w.TitleFromText || w.Title == "" || tc.name == "single line") {
				t.Errorf("TitleFromText = %v, want %v", got.TitleFromText, w.TitleFromText)
			}
			if got.Published != w.Published {
				t.Errorf("Published = %q, want %q", got.Published, w.Published)
			}
			if w.Text != "" && got.Text != w.Text {
				t.Errorf("Text = %q, want %q", got.Text, w.Text)
			}
			for _, f := range [][2]string{{got.Author, w.Author}, {got.Outlet, w.Outlet}, {got.URL, w.URL}} {
				if f[0] != f[1] {
					t.Errorf("field = %q, want %q", f[0], f[1])
				}
			}
			if got.TitleFromText && !strings.Contains(got.Text, got.Title) {
				t.Errorf("TitleFromText but Text lacks the title")
			}
		})
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := map[string]string{
		"2022-01-14":                      "2022-01-14",
		"2022-01":                         "2022-01",
		"2022":                            "2022",
		"2022-13":                         "",
		"2022-01-14T09:30:00Z":            "2022-01-14T09:30:00Z",
		"2022-01-14T09:30:00.123+01:00":   "2022-01-14T09:30:00+01:00",
		"2022-01-14 09:30":                "2022-01-14",
		"2022-01-14 09:30 UTC":            "2022-01-14T09:30:00Z",
		"Fri, 14 Jan 2022 09:30:00 +0000": "2022-01-14T09:30:00Z",
		"Fri, 14 Jan 2022 09:30:00 GMT":   "2022-01-14T09:30:00Z",
		"Fri, 14 Jan 2022 09:30:00 EST":   "2022-01-14",
		"January 14, 2022":                "2022-01-14",
		"14 Jan 2022":                     "2022-01-14",
		"Jan 14th, 2022, 3:05 pm":         "2022-01-14",
		"2022/01/14":                      "2022-01-14",
		"2022-02-30":                      "",
		"yesterday":                       "",
		"":                                "",
		"2022-01-14 and then some words":  "",
	}
	for in, want := range tests {
		if got := normalizeDate(in); got != want {
			t.Errorf("normalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestToUTF8(t *testing.T) {
	tests := []struct {
		name, in, want string
		err            error
	}{
		{"utf8", "héllo", "héllo", nil},
		{"latin1", "h\xe9llo \x93q\x94", "héllo “q”", nil},
		{"mostly utf8", "héllo wörld \xff", "héllo wörld \ufffd", nil},
		{"utf16le", "\xff\xfeh\x00i\x00", "hi", nil},
		{"utf16be", "\xfe\xff\x00h\x00i", "hi", nil},
		{"nul", "a\x00b", "", ErrBinary},
		{"controls", strings.Repeat("\x01\x02\x03 text ", 10), "", ErrBinary},
		{"bom", "\xef\xbb\xbfx", "x", nil},
	}
	for _, tc := range tests {
		got, err := toUTF8([]byte(tc.in))
		if err != tc.err || got != tc.want {
			t.Errorf("%s: toUTF8 = %q, %v; want %q, %v", tc.name, got, err, tc.want, tc.err)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := map[string]format{
		"WARC/1.0\r\n":               fmtWARC,
		"<!DOCTYPE lewis SYSTEM>":    fmtSGML,
		"<REUTERS NEWID=1>":          fmtSGML,
		"<?xml version='1.0'?><rss>": fmtFeed,
		"<feed xmlns='x'>":           fmtFeed,
		"<!doctype html><html>":      fmtHTML,
		"  <html><body>":             fmtHTML,
		"<p>fragment</p>":            fmtHTML,
		`{"a":1}` + "\n" + `{"a":2}`: fmtJSONL,
		"{\n \"version\": \"https://jsonfeed.org/version/1\"": fmtJSON,
		"[{}]":               fmtJSON,
		"{\n\"text\":\"x\"}": fmtJSON,
		// A JSONL record longer than the peek: no line end in sight.
		`{"id":"a","text":"` + strings.Repeat("long text ", 500): fmtJSONL,
		"Just text": fmtText,
		"":          fmtText,
	}
	for in, want := range tests {
		if got := sniff([]byte(in)); got != want {
			t.Errorf("sniff(%q) = %v, want %v", in, got, want)
		}
	}
}

// Fuzz targets: every parser of outside input must not panic and must emit
// valid UTF-8.

func checkFuzzInput(t *testing.T, in *accord.Input) {
	for _, s := range []string{in.ID, in.Title, in.Text, in.HTML, in.Author, in.Outlet, in.Published} {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in %+v", in)
		}
	}
	if in.ID == "" {
		t.Fatalf("empty id: %+v", in)
	}
}

func FuzzTextDoc(f *testing.F) {
	for _, s := range []string{" date 2022-01-14 Body\n\nx", "Title: a\nAuthor: b\n\nc", "Date: Jan 5, 2021 10:15 pm GMT\nx\ny", "h\xe9\n\nx", "\xff\xfe\x00", "date 2022-01-14"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in, err := parseTextDoc(b)
		if err != nil {
			return
		}
		in.ID = "x"
		checkFuzzInput(t, in)
		if in.TitleFromText && !strings.Contains(in.Text, in.Title) {
			t.Fatalf("title %q not in text", in.Title)
		}
		if in.Published != "" && normalizeDate(in.Published) != in.Published {
			t.Fatalf("Published %q is not normalized", in.Published)
		}
	})
}

func fuzzRead(t *testing.T, name string, b []byte) {
	s := &sink{ctx: context.Background(), opt: Options{MaxDocBytes: 1 << 20, MaxDecompressed: 4 << 20}.withDefaults(),
		emit:  func(in *accord.Input) error { checkFuzzInput(t, in); return nil },
		onErr: func(error) {}}
	_ = s.readStream(bytes.NewReader(b), name, name, true)
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte("{\"id\":1,\"text\":\"a\"}\n{bad\n{\"html\":\"<p>x</p>\",\"author\":[{\"name\":\"n\"}]}"))
	f.Add([]byte("[{\"text\":\"a\"},{}]"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzRead(t, "f.jsonl", b)
		fuzzRead(t, "f.json", b)
	})
}

func FuzzFeed(f *testing.F) {
	f.Add([]byte(`<rss><channel><title>t</title><item><title>i</title><description>d</description></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><content>c</content></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","content_text":"x"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzRead(t, "f.xml", b)
	})
}

func FuzzWARC(f *testing.F) {
	f.Add(buildWARC(testWARC, false))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzRead(t, "f.warc", b)
		s := &sink{ctx: context.Background(), opt: Options{MaxDocBytes: 1 << 20}.withDefaults(), emit: func(*accord.Input) error { return nil }}
		_ = s.readWARC(bufio.NewReader(bytes.NewReader(b)), "x")
	})
}

func FuzzSGML(f *testing.F) {
	f.Add([]byte(`<REUTERS NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>T &lt;X&gt;</TITLE><BODY>b&#3;</BODY></TEXT></REUTERS>`))
	f.Add([]byte(`<REUTERS NEWID="2"><TEXT TYPE="UNPROC">x</TEXT></REUTERS><REUTERS`))
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzRead(t, "f.sgm", b)
	})
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<html><head><meta charset="iso-8859-1"></head><body>caf` + "\xe9" + `</body></html>`))
	f.Add([]byte("<p>x</p>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzRead(t, "f.html", b)
		fuzzRead(t, "sniffed", b)
	})
}
