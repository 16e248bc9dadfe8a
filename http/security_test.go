package http

import (
	"context"
	nethttp "net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/accord-news/accord"
)

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	s, _ := fixtureServer(t, Options{})
	h := s.Handler()
	for _, path := range []string{"/", "/report", "/stories/S1", "/stories/nope", "/documents/001_5520211c78aac45f", "/upload",
		"/static/app.js", "/static/vendor/chart.umd.min.js", "/static/../server.go", "/api/report", "/api/nope", "/nope", "/?q=talks"} {
		t.Run(path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			csp := rec.Header().Get("Content-Security-Policy")
			for _, want := range []string{"script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("CSP %q lacks %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
				t.Errorf("CSP allows unsafe sources: %q", csp)
			}
			if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no X-Content-Type-Options: nosniff")
			}
			if strings.Contains(rec.Body.String(), "<script>") || strings.Contains(rec.Body.String(), " onclick=") {
				t.Error("inline script in a page")
			}
		})
	}
}

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:8080", "", true},
		{"localhost:0", "", true},
		{"[::1]:8080", "", true},
		{"0.0.0.0:8080", "", false},
		{":8080", "", false},
		{"192.168.1.10:8080", "", false},
		{"0.0.0.0:8080", "short", false},
		{"0.0.0.0:8080", "0123456789abcdef0123", true},
		{"nonsense", "", false},
	}
	for _, tc := range tests {
		if err := CheckAddr(tc.addr, tc.token); (err == nil) != tc.ok {
			t.Errorf("CheckAddr(%q, %q) = %v, want ok=%v", tc.addr, tc.token, err, tc.ok)
		}
	}
	// ListenAndServe refuses too, before binding anything.
	s := NewServer(newMemStore(), nil, Options{Addr: "0.0.0.0:0"})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.ListenAndServe(ctx, nil); err == nil || !strings.Contains(err.Error(), "token") {
		t.Fatalf("ListenAndServe on 0.0.0.0 without a token: %v", err)
	}
}

func TestTokenRequired(t *testing.T) {
	const tok = "0123456789abcdef0123"
	s, _ := fixtureServer(t, Options{Token: tok})
	h := s.Handler()
	tests := []struct {
		name, path, header, cookie string
		status                     int
		setsCookie                 bool
	}{
		{"none", "/api/stories", "", "", 401, false},
		{"wrong bearer", "/api/stories", "Bearer nope", "", 401, false},
		{"bearer", "/api/stories", "Bearer " + tok, "", 200, false},
		{"query on a page: cookie, then the same page without the token", "/stories/S1?token=" + tok + "&x=1", "", "", 303, true},
		{"query on the API", "/api/stories?token=" + tok, "", "", 200, true},
		{"wrong query", "/?token=x", "", "", 401, false},
		{"cookie", "/stories/S1", "", tok, 200, false},
		{"wrong cookie", "/stories/S1", "", "x", 401, false},
		{"static too", "/static/app.js", "", "", 401, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", tc.path, nil)
			if tc.header != "" {
				req.Header.Set("Authorization", tc.header)
			}
			if tc.cookie != "" {
				req.Header.Set("Cookie", tokenCookie+"="+tc.cookie)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d", rec.Code, tc.status)
			}
			sc := rec.Header().Get("Set-Cookie")
			if (sc != "") != tc.setsCookie {
				t.Fatalf("Set-Cookie %q", sc)
			}
			if tc.setsCookie && (!strings.Contains(sc, "HttpOnly") || !strings.Contains(sc, "SameSite=Strict")) {
				t.Fatalf("cookie not HttpOnly+SameSite=Strict: %q", sc)
			}
			if loc := rec.Header().Get("Location"); tc.status == 303 && loc != "/stories/S1?x=1" {
				t.Fatalf("redirect to %q", loc)
			}
		})
	}
}

func TestBodyLimits(t *testing.T) {
	s, _ := fixtureServer(t, Options{MaxUpload: 1000, MaxBody: 100})
	h := s.Handler()
	big := strings.Repeat("word ", 1000)
	tests := []struct {
		name, path, ctype string
		body              string
		chunked           bool
		status            int
	}{
		{"upload over the cap", "/api/ingest?name=a.txt", "text/plain", "Title\n\n" + big, false, 413},
		{"chunked upload over the cap", "/api/ingest?name=a.txt", "text/plain", "Title\n\n" + big, true, 413},
		{"multipart over the cap", "/api/ingest", "multipart/form-data; boundary=XX", "--XX\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\n" + big + "\r\n--XX--\r\n", true, 413},
		{"upload under the cap", "/api/ingest?name=a.txt", "text/plain", "Title\n\nA short body.", false, 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", tc.path, strings.NewReader(tc.body))
			req.Header.Set("Content-Type", tc.ctype)
			if tc.chunked {
				req.ContentLength = -1
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body.String())
			}
		})
	}
}

func TestCrossOriginWriteRefused(t *testing.T) {
	s, _ := fixtureServer(t, Options{})
	h := s.Handler()
	tests := []struct {
		origin, fetchSite string
		status            int
	}{
		{"http://evil.example", "", 403},
		{"", "cross-site", 403},
		{"http://example.com", "same-origin", 200}, // httptest's Host is example.com
		{"", "", 200},
	}
	for _, tc := range tests {
		req := httptest.NewRequest("POST", "/api/ingest?name=x.txt", strings.NewReader("T\n\nSome body text."))
		req.Header.Set("Content-Type", "text/plain")
		if tc.origin != "" {
			req.Header.Set("Origin", tc.origin)
		}
		if tc.fetchSite != "" {
			req.Header.Set("Sec-Fetch-Site", tc.fetchSite)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tc.status {
			t.Errorf("origin %q site %q: %d, want %d (%s)", tc.origin, tc.fetchSite, rec.Code, tc.status, rec.Body.String())
		}
	}
}

// xssReport puts script and event-handler payloads in every field a page shows.
func xssReport() *accord.Report {
	p := `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">"'&`
	outlet := "Outlet " + p
	txt := "Title line. The minister " + p + " said “we agree " + p + "” on 12 January."
	r := emptyReport()
	r.Documents = []accord.ReportDocument{{ID: "d1", Source: "s", Title: "T " + p, Outlet: &outlet, Text: txt, PublishedBasis: "unknown",
		Removed: []accord.Removed{{Text: "menu " + p, Reason: "navigation"}}}, {ID: "d2", Source: "s", Title: p, Text: txt, PublishedBasis: "unknown", Removed: []accord.Removed{}}}
	r.Stories = []accord.Story{{ID: "S1", Title: "Story " + p, Documents: []string{"d1", "d2"}, IndependentGroups: [][]string{{"d1"}, {"d2"}}}}
	r.Entities = []accord.Entity{{ID: "E1", Name: "Name " + p, Type: "PERSON", Aliases: []string{p}, Roles: []accord.Role{{Role: p, Documents: []string{"d1"}}},
		Mentions: []accord.SpanRef{{Document: "d1", Start: 12, End: 20, Text: txt[12:20]}}}}
	r.Quotes = []accord.Quote{{ID: "Q1", Text: p, Variants: []accord.QuoteVariant{{Document: "d1", Start: 0, End: 5, Text: "we agree " + p}, {Document: "d2", Start: 0, End: 5, Text: "we " + p, Spun: true}}}}
	r.Timeline = []accord.TimelineItem{{Date: "2022-01-12", Summary: p, Documents: []string{"d1"}, Entities: []string{}, Evidence: []accord.SpanRef{}}}
	r.Conflicts = []accord.Conflict{{ID: "C1", Kind: "number", Summary: p, Documents: []string{"d1", "d2"},
		Sides: []accord.ConflictSide{{Says: p, Documents: []string{"d1"}}, {Says: "other", Documents: []string{"d2"}}}, Evidence: []accord.SpanRef{{Document: "d1", Text: p}}}}
	r.Claims = []accord.Claim{{ID: "K1", Statement: p, Documents: []string{"d1"}, IndependentSources: 1, Status: "single_source", Evidence: []accord.SpanRef{}}}
	r.Brief = accord.Brief{Title: p, Sentences: []accord.BriefSentence{{Text: "The minister " + p + " said", Documents: []string{"d1", "d2"}}}}
	return r
}

func TestXSSPayloadEscapedInPages(t *testing.T) {
	st := newMemStore()
	st.Put(context.Background(), []*accord.Input{{ID: "d1", Title: `<script>window.__xss=1</script>`, Text: `x <img src=x onerror="window.__xss=2">`}})
	s := NewServer(st, nil, Options{})
	s.SetReport(xssReport())
	h := s.Handler()
	for _, path := range []string{"/", "/report", "/stories/S1", "/documents/d1", "/documents/d2", "/?q=script", "/stories/%3Cscript%3E"} {
		t.Run(path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			body := rec.Body.String()
			for _, bad := range []string{"<script>window", "<img src=x", "onerror=\"window"} {
				if strings.Contains(body, bad) {
					i := strings.Index(body, bad)
					t.Errorf("unescaped %q in %s: …%s…", bad, path, body[max(0, i-80):min(len(body), i+80)])
				}
			}
		})
	}
}

// FuzzIngestBody posts arbitrary bodies: the answer is always JSON with a
// documented status, never a panic.
func FuzzIngestBody(f *testing.F) {
	f.Add("text/plain", "name.txt", []byte("Title\n\nBody."))
	f.Add("multipart/form-data; boundary=XX", "", []byte("--XX\r\nContent-Disposition: form-data; name=\"files\"; filename=\"../a.jsonl\"\r\n\r\n{\"id\":1}\r\n--XX--\r\n"))
	f.Add("application/x-ndjson", "", []byte("{\"text\":\"\xff\"}\n{"))
	f.Add("multipart/form-data", "", []byte("--"))
	s := NewServer(newMemStore(), simpleAnalyze, Options{MaxUpload: 1 << 16})
	h := s.Handler()
	ok := map[int]bool{200: true, 400: true, 413: true, 422: true}
	f.Fuzz(func(t *testing.T, ctype, name string, body []byte) {
		req := httptest.NewRequest("POST", "/api/ingest", strings.NewReader(string(body)))
		q := req.URL.Query()
		q.Set("name", name)
		req.URL.RawQuery = q.Encode()
		req.Header.Set("Content-Type", ctype)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if !ok[rec.Code] || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
			t.Fatalf("status %d %q: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
		}
	})
}

func TestAPIErrorsAreJSON(t *testing.T) {
	// The same wrapping as Handler's, around a handler slower than its limit.
	slow := jsonOnTimeout(nethttp.TimeoutHandler(nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	}), 10*time.Millisecond, `{"error":"the request took too long"}`))
	s2, _ := fixtureServer(t, Options{})
	h := s2.Handler()
	tests := []struct {
		name    string
		h       func() *httptest.ResponseRecorder
		status  int
		allowed string
	}{
		{"wrong method", func() *httptest.ResponseRecorder {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("DELETE", "/api/report", nil))
			return rec
		}, 405, "GET"},
		{"GET on the upload", func() *httptest.ResponseRecorder {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/ingest", nil))
			return rec
		}, 405, "POST"},
		{"unknown endpoint", func() *httptest.ResponseRecorder {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/nothing", nil))
			return rec
		}, 404, ""},
		{"timeout", func() *httptest.ResponseRecorder {
			rec := httptest.NewRecorder()
			slow.ServeHTTP(rec, httptest.NewRequest("GET", "/api/report", nil))
			return rec
		}, 503, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := tc.h()
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body.String())
			}
			if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") || !strings.HasPrefix(rec.Body.String(), `{"error":`) {
				t.Fatalf("not a JSON error: %q %s", rec.Header().Get("Content-Type"), rec.Body.String())
			}
			if tc.allowed != "" && rec.Header().Get("Allow") != tc.allowed {
				t.Fatalf("Allow %q", rec.Header().Get("Allow"))
			}
		})
	}
}
