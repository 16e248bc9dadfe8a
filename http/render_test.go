package http

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		text string
		anns []Annotation
		want []string // "text|classes"
	}{
		{"none", "abc", nil, []string{"abc|"}},
		{"one", "Hello Bob!", []Annotation{{Start: 6, End: 9, Class: "ent"}}, []string{"Hello |", "Bob|ent", "!|"}},
		{"nested", "a quote by Bob.", []Annotation{{Start: 2, End: 14, Class: "quote"}, {Start: 11, End: 14, Class: "ent"}},
			[]string{"a |", "quote by |quote", "Bob|quote ent", ".|"}},
		{"overlap", "abcdef", []Annotation{{Start: 1, End: 4, Class: "x"}, {Start: 3, End: 5, Class: "y"}},
			[]string{"a|", "bc|x", "d|x y", "e|y", "f|"}},
		{"out of range", "abc", []Annotation{{Start: -5, End: 2, Class: "x"}, {Start: 2, End: 99, Class: "y"}, {Start: 3, End: 1, Class: "z"}},
			[]string{"ab|x", "c|y"}},
		{"mid rune", "é and ü", []Annotation{{Start: 1, End: 4, Class: "x"}}, []string{"é|", " a|x", "nd ü|"}},
		{"same class twice", "abc", []Annotation{{Start: 0, End: 3, Class: "ent a"}, {Start: 0, End: 2, Class: "ent b"}},
			[]string{"ab|ent a b", "c|ent a"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range Segment(tc.text, tc.anns) {
				got = append(got, s.Text+"|"+strings.Join(s.Classes, " "))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func FuzzSegment(f *testing.F) {
	f.Add("héllo wörld", 1, 4, 3, 9)
	f.Add("", 0, 0, 0, 0)
	f.Add("\xff\xfeabc", -1, 2, 2, 100)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		segs := Segment(text, []Annotation{{Start: a, End: b, Class: "x"}, {Start: c, End: d, Class: "y"}})
		var sb strings.Builder
		for _, s := range segs {
			if s.Text == "" {
				t.Fatal("empty segment")
			}
			sb.WriteString(s.Text)
		}
		if sb.String() != text {
			t.Fatalf("segments do not rebuild the text: %q vs %q", sb.String(), text)
		}
		if utf8.ValidString(text) {
			for _, s := range segs {
				if !utf8.ValidString(s.Text) {
					t.Fatalf("segment %q splits a rune", s.Text)
				}
			}
		}
	})
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		a, b string
		want string // diff words in [brackets]
	}{
		{"We need to take this really seriously", "We have to take this very seriously", "We [have] to take this [very] seriously"},
		{"same words here", "Same words, here.", "Same words, here."},
		{"a b c", "x y z", "[x y z]"},
		{"", "new words", "[new words]"},
		{"old words", "", ""},
	}
	for _, tc := range tests {
		var sb strings.Builder
		for _, s := range wordDiff(tc.a, tc.b) {
			if s.Diff {
				sb.WriteString("[" + strings.TrimSpace(s.Text) + "]")
				if strings.HasSuffix(s.Text, " ") {
					sb.WriteString(" ")
				}
			} else {
				sb.WriteString(s.Text)
			}
		}
		if sb.String() != tc.want {
			t.Errorf("wordDiff(%q, %q) = %q, want %q", tc.a, tc.b, sb.String(), tc.want)
		}
	}
}

func FuzzWordDiff(f *testing.F) {
	f.Add("we need to plan", "we have to prepare")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		var sb strings.Builder
		for _, s := range wordDiff(a, b) {
			sb.WriteString(s.Text)
		}
		if sb.String() != strings.Join(strings.Fields(b), " ") {
			t.Fatalf("diff does not rebuild b: %q", sb.String())
		}
	})
}

func TestSafeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"article.txt", "article.txt"},
		{"../../etc/passwd", "passwd"},
		{`C:\Users\me\news.html`, "news.html"},
		{".hidden.jsonl", "hidden.jsonl"},
		{"my file (1).txt", "my_file_1.txt"},
		{"", "upload"},
		{"..", "upload"},
		{"/", "upload"},
		{"nul\x00name.txt", "nulname.txt"},
		{"статья.txt", "статья.txt"},
		{strings.Repeat("a", 300) + ".warc.gz", strings.Repeat("a", 142) + ".warc.gz"},
	}
	for _, tc := range tests {
		if got := SafeName(tc.in); got != tc.want {
			t.Errorf("SafeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzSafeName(f *testing.F) {
	f.Add("../a/b.txt")
	f.Add("\xff.html")
	f.Fuzz(func(t *testing.T, name string) {
		got := SafeName(name)
		if got == "" || strings.ContainsAny(got, "/\\\x00") || strings.HasPrefix(got, ".") || len(got) > 150 || !utf8.ValidString(got) {
			t.Fatalf("SafeName(%q) = %q", name, got)
		}
	})
}

func TestBestSentence(t *testing.T) {
	sents := sentencesOf("Talks began in Geneva on Monday. Officials warned of an escalation. Nothing else happened.")
	tests := []struct{ target, want string }{
		{"On Monday, talks began in Geneva.", "Talks began in Geneva on Monday."},
		{"A senior official warned about escalation.", "Officials warned of an escalation."},
		{"Unrelated words entirely.", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := bestSentence(tc.target, sents); got != tc.want {
			t.Errorf("bestSentence(%q) = %q, want %q", tc.target, got, tc.want)
		}
	}
}

func TestStoryPageContent(t *testing.T) {
	s, _ := fixtureServer(t, Options{})
	h := s.Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/stories/S1", nil))
	body := rec.Body.String()
	for _, want := range []string{`id="brief"`, `class="cite"`, `id="timeline-chart"`, `data-points="[`, `id="conflicts"`, `class="conflict"`,
		`class="variants"`, `<mark class="diff">`, `id="graph"`, `data-elements="[`, `spun`} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	// Cached per version: the same bytes until the report changes.
	rec2 := httptest.NewRecorder()
	h.ServeHTTP(rec2, httptest.NewRequest("GET", "/stories/S1", nil))
	if rec2.Body.String() != body {
		t.Error("second render differs")
	}
	r := fixtureReport(t)
	r.Stories[0].Title = "A changed title"
	s.SetReport(r)
	rec3 := httptest.NewRecorder()
	h.ServeHTTP(rec3, httptest.NewRequest("GET", "/stories/S1", nil))
	if !strings.Contains(rec3.Body.String(), "A changed title") {
		t.Error("a new report version still serves the old page")
	}
}

func TestConcurrentReadsDuringReanalysis(t *testing.T) {
	s, _ := fixtureServer(t, Options{})
	h := s.Handler()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 5; i++ {
			body, ct := multipartBody(t, map[string]string{"c" + itoa(i) + ".txt": "Title " + itoa(i) + "\n\nBody text number " + itoa(i) + "."}, "")
			req := httptest.NewRequest("POST", "/api/ingest", body)
			req.Header.Set("Content-Type", ct)
			h.ServeHTTP(httptest.NewRecorder(), req)
		}
	}()
	paths := []string{"/stories/S1", "/api/stories/S1", "/api/documents", "/documents/001_5520211c78aac45f", "/api/status", "/"}
	for i := 0; ; i++ {
		select {
		case <-done:
			return
		default:
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", paths[i%len(paths)], nil))
		if rec.Code != 200 && rec.Code != 404 {
			t.Fatalf("%s: %d", paths[i%len(paths)], rec.Code)
		}
	}
}

func TestSnippetSegs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"talks in [Geneva] on [Monday]…", "talks in |*Geneva| on |*Monday|…"},
		{"no match", "no match"},
		{"open [bracket only", "open [bracket only"},
		{"", ""},
		{"[a]", "*a"},
	}
	for _, tc := range tests {
		var parts []string
		for _, s := range snippetSegs(tc.in) {
			if s.Diff {
				parts = append(parts, "*"+s.Text)
			} else {
				parts = append(parts, s.Text)
			}
		}
		if got := strings.Join(parts, "|"); got != tc.want {
			t.Errorf("snippetSegs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLoadServesStaleReportThenReanalyzes(t *testing.T) {
	st := newMemStore()
	ctx := context.Background()
	st.Put(ctx, []*accord.Input{{ID: "a", Title: "A", Text: "First text."}})
	old, _ := simpleAnalyze(ctx, []*accord.Input{{ID: "a", Title: "A", Text: "First text."}})
	b, _ := json.Marshal(old)
	st.SaveReport(ctx, b, 1)
	// Fresh report: served as is.
	s := NewServer(st, simpleAnalyze, Options{})
	if err := s.Load(ctx); err != nil || len(s.current().report.Documents) != 1 || s.getStatus().Busy {
		t.Fatalf("fresh: %v %d", err, len(s.current().report.Documents))
	}
	// Stale report: served at once, then replaced by the background analysis.
	st.Put(ctx, []*accord.Input{{ID: "b", Title: "B", Text: "Second text."}})
	s = NewServer(st, simpleAnalyze, Options{})
	if err := s.Load(ctx); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(s.current().report.Documents) != 2 || s.getStatus().Busy {
		if time.Now().After(deadline) {
			t.Fatalf("the stale report was not replaced: %d documents, status %+v", len(s.current().report.Documents), s.getStatus())
		}
		time.Sleep(10 * time.Millisecond)
	}
	// No saved report: analyzed before Load returns.
	st2 := newMemStore()
	st2.Put(ctx, []*accord.Input{{ID: "c", Title: "C", Text: "Third text."}})
	s = NewServer(st2, simpleAnalyze, Options{})
	if err := s.Load(ctx); err != nil || len(s.current().report.Documents) != 1 {
		t.Fatalf("unsaved: %v %d", err, len(s.current().report.Documents))
	}
}

// TestStoryPageReportedSpeech: a variant in reported speech (direct: false)
// is shown without quotation marks; a direct one keeps them.
func TestStoryPageReportedSpeech(t *testing.T) {
	s, _ := fixtureServer(t, Options{})
	r := fixtureReport(t)
	f := false
	var indirect, direct string
	for qi := range r.Quotes {
		for vi := range r.Quotes[qi].Variants {
			v := &r.Quotes[qi].Variants[vi]
			if indirect == "" && len(r.Quotes[qi].Variants) == 1 && r.Quotes[qi].ID != "" {
				v.Direct = &f
				indirect = v.Text
			} else if direct == "" && (v.Direct == nil || *v.Direct) && len(r.Quotes[qi].Variants) == 1 {
				direct = v.Text
			}
		}
	}
	if indirect == "" || direct == "" {
		t.Skip("fixture has no single-variant quotes")
	}
	s.SetReport(r)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/stories/S1", nil))
	body := rec.Body.String()
	esc := func(s string) string {
		return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
	}
	if strings.Contains(body, "“"+esc(indirect)) || !strings.Contains(body, `indirect">`+esc(indirect)) {
		t.Errorf("reported speech %q is not shown bare", indirect)
	}
	if !strings.Contains(body, "“"+esc(direct)+"”") {
		t.Errorf("direct quotation %q lost its quotation marks", direct)
	}
}

// A document the English readers left alone says so on its page; an
// English one does not.
func TestForeignDocumentPageSaysNotAnnotated(t *testing.T) {
	r := fixtureReport(t)
	r.Documents = append(r.Documents, accord.ReportDocument{ID: "de1", Source: "de1.txt", Title: "Gespräche in Genf",
		Language: "de", PublishedBasis: "unknown",
		Text: "Die Regierung hat am Montag beschlossen, dass die Gespräche in Genf weitergehen und dass beide Seiten sich im Frühjahr wieder treffen werden, sagte der Minister."})
	s := NewServer(newMemStore(), nil, Options{})
	s.SetReport(r)
	h := s.Handler()
	for path, want := range map[string]bool{"/documents/de1": true, "/documents/001_5520211c78aac45f": false} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", path, rec.Code)
		}
		if got := strings.Contains(rec.Body.String(), `id="not-english"`); got != want {
			t.Errorf("%s: not-English note %v, want %v", path, got, want)
		}
	}
}
