package http

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	nethttp "net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const apiURL = "file:///accord/openapi.json"

// openAPISchemas compiles the component schemas of the embedded OpenAPI doc.
func openAPISchemas(t *testing.T) (map[string]any, func(name string) *jsonschema.Schema) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(OpenAPI()))
	if err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(apiURL, doc); err != nil {
		t.Fatal(err)
	}
	cache := map[string]*jsonschema.Schema{}
	return doc.(map[string]any), func(name string) *jsonschema.Schema {
		if s := cache[name]; s != nil {
			return s
		}
		s, err := c.Compile(apiURL + "#/components/schemas/" + name)
		if err != nil {
			t.Fatalf("compiling %s: %v", name, err)
		}
		cache[name] = s
		return s
	}
}

// responseSchema finds the schema name the OpenAPI doc gives for a response.
func responseSchema(t *testing.T, doc map[string]any, method, path string, status int) string {
	t.Helper()
	paths := doc["paths"].(map[string]any)
	var op map[string]any
	for p, item := range paths {
		re := regexp.MustCompile("^" + regexp.MustCompile(`\\\{[^}]+\\\}`).ReplaceAllString(regexp.QuoteMeta(p), `[^/]+`) + "$")
		if re.MatchString(path) {
			if o, ok := item.(map[string]any)[strings.ToLower(method)].(map[string]any); ok {
				op = o
			}
		}
	}
	if op == nil {
		t.Fatalf("%s %s is not in the OpenAPI description", method, path)
	}
	resp, ok := op["responses"].(map[string]any)[itoa(status)].(map[string]any)
	if !ok {
		t.Fatalf("%s %s: status %d is not documented", method, path, status)
	}
	if ref, ok := resp["$ref"].(string); ok {
		name := ref[strings.LastIndex(ref, "/")+1:]
		resp = doc["components"].(map[string]any)["responses"].(map[string]any)[name].(map[string]any)
	}
	sch := resp["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
	ref, ok := sch["$ref"].(string)
	if !ok {
		return ""
	}
	return ref[strings.LastIndex(ref, "/")+1:]
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

func multipartBody(t *testing.T, files map[string]string, text string) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for name, content := range files {
		fw, err := mw.CreateFormFile("files", name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(fw, content)
	}
	if text != "" {
		mw.WriteField("text", text)
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func TestAPIMatchesOpenAPI(t *testing.T) {
	doc, schema := openAPISchemas(t)
	// The schemas do reject wrong shapes.
	for name, bad := range map[string]any{"Report": map[string]any{}, "StoryList": map[string]any{"version": 1, "stories": []any{map[string]any{"id": "x"}}},
		"Error": map[string]any{"error": ""}, "DocumentDetail": map[string]any{"document": map[string]any{}}} {
		if schema(name).Validate(bad) == nil {
			t.Fatalf("schema %s accepts %v", name, bad)
		}
	}
	s, _ := fixtureServer(t, Options{})
	h := s.Handler()
	mp, mpType := multipartBody(t, map[string]string{"new-article.txt": "A new article\n\nThe council met on Monday in Vienna and agreed on nothing."}, "Pasted title\n\nPasted body text about the talks.")
	badMP, badType := multipartBody(t, map[string]string{"empty.txt": "   "}, "")
	tests := []struct {
		name, method, path string
		body               io.Reader
		ctype              string
		status             int
	}{
		{"report", "GET", "/api/report", nil, "", 200},
		{"stories", "GET", "/api/stories", nil, "", 200},
		{"story", "GET", "/api/stories/S1", nil, "", 200},
		{"story missing", "GET", "/api/stories/nope", nil, "", 404},
		{"documents", "GET", "/api/documents", nil, "", 200},
		{"document", "GET", "/api/documents/001_5520211c78aac45f", nil, "", 200},
		{"document missing", "GET", "/api/documents/nope", nil, "", 404},
		{"entities", "GET", "/api/entities", nil, "", 200},
		{"entities of story", "GET", "/api/entities?story=S1", nil, "", 200},
		{"entities of missing story", "GET", "/api/entities?story=zz", nil, "", 404},
		{"quotes", "GET", "/api/quotes?story=S1", nil, "", 200},
		{"search", "GET", "/api/search?q=Geneva", nil, "", 200},
		{"search empty", "GET", "/api/search?q=", nil, "", 400},
		{"search bad limit", "GET", "/api/search?q=x&limit=0", nil, "", 400},
		{"status", "GET", "/api/status", nil, "", 200},
		{"ingest multipart", "POST", "/api/ingest", mp, mpType, 200},
		{"ingest jsonl body", "POST", "/api/ingest?name=batch.jsonl", strings.NewReader(`{"id":"j1","title":"T","text":"Some words here."}` + "\n" + `{"id":"j2","text":"More words."}` + "\n"), "application/x-ndjson", 200},
		{"ingest nothing readable", "POST", "/api/ingest", badMP, badType, 422},
		{"ingest empty body", "POST", "/api/ingest", strings.NewReader(""), "text/plain", 400},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.path, tc.body)
			if tc.ctype != "" {
				req.Header.Set("Content-Type", tc.ctype)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body.String())
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Fatalf("content type %q", ct)
			}
			name := responseSchema(t, doc, tc.method, strings.SplitN(tc.path, "?", 2)[0], tc.status)
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(rec.Body.Bytes()))
			if err != nil {
				t.Fatalf("body is not JSON: %v", err)
			}
			if name == "" {
				t.Fatal("the OpenAPI description names no schema for this response")
			}
			if err := schema(name).Validate(v); err != nil {
				t.Fatalf("response does not match %s: %v", name, err)
			}
		})
	}
}

func TestIngestCountsAndReanalysis(t *testing.T) {
	st := newMemStore()
	s := NewServer(st, simpleAnalyze, Options{})
	h := s.Handler()
	post := func(body io.Reader, ctype string) (int, IngestResult) {
		req := httptest.NewRequest("POST", "/api/ingest", body)
		req.Header.Set("Content-Type", ctype)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var res IngestResult
		json.Unmarshal(rec.Body.Bytes(), &res)
		return rec.Code, res
	}
	files := map[string]string{
		"one.txt":                "First title\n\nFirst body about a meeting.",
		"../../etc/two.html":     "<html><head><title>Second</title></head><body><article><p>Second body with enough words to keep as the main text of a page.</p></article></body></html>",
		"bad.jsonl":              "{not json}\n",
		"sub/dir/three.txt.html": "",
	}
	body, ct := multipartBody(t, files, "")
	code, res := post(body, ct)
	if code != 200 {
		t.Fatalf("status %d: %+v", code, res)
	}
	if res.Read != 2 || res.Added != 2 || res.Documents != 2 || !res.Analyzed {
		t.Fatalf("counts: %+v", res)
	}
	byName := map[string]IngestFile{}
	for _, f := range res.Files {
		byName[f.Name] = f
	}
	if f := byName["two.html"]; f.Read != 1 || len(f.IDs) != 1 || f.IDs[0] != "two" {
		t.Errorf("two.html (folders stripped from the name): %+v", f)
	}
	if f := byName["bad.jsonl"]; f.Read != 0 || len(f.Errors) == 0 || strings.Contains(f.Errors[0], os.TempDir()) {
		t.Errorf("bad.jsonl should report an error naming the upload, not the temp path: %+v", f)
	}
	if got := s.current().report.Documents; len(got) != 2 {
		t.Fatalf("report after ingest has %d documents", len(got))
	}
	// The same upload again adds nothing and does not re-analyze.
	body, ct = multipartBody(t, map[string]string{"one.txt": files["one.txt"]}, "")
	v := s.current().version
	code, res = post(body, ct)
	if code != 200 || res.Added != 0 || res.Analyzed || s.current().version != v {
		t.Fatalf("re-upload: %d %+v (version %d -> %d)", code, res, v, s.current().version)
	}
}

func TestOpenAPIEmbedsTheContract(t *testing.T) {
	b, err := os.ReadFile("../../shared/contract/report.schema.json")
	if err != nil {
		t.Skip("contract not found beside the repo:", err)
	}
	var contract, doc map[string]any
	if err := json.Unmarshal([]byte(strings.ReplaceAll(string(b), `"#/$defs/`, `"#/components/schemas/Contract_`)), &contract); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(OpenAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	for k, v := range contract["$defs"].(map[string]any) {
		if !reflect.DeepEqual(schemas["Contract_"+k], v) {
			t.Errorf("Contract_%s differs from the contract; run go run ./http/internal/genapi", k)
		}
	}
	for _, k := range []string{"$defs", "$schema", "$id"} {
		delete(contract, k)
	}
	if !reflect.DeepEqual(schemas["Report"], contract) {
		t.Error("the Report schema differs from the contract; run go run ./http/internal/genapi")
	}
}

func TestEveryOperationIsServed(t *testing.T) {
	doc, _ := openAPISchemas(t)
	s, _ := fixtureServer(t, Options{})
	h := s.Handler()
	for p, item := range doc["paths"].(map[string]any) {
		for method := range item.(map[string]any) {
			path := strings.ReplaceAll(strings.ReplaceAll(p, "{id}", "S1"), "/documents/S1", "/documents/001_5520211c78aac45f")
			if method == "post" {
				continue // exercised in TestAPIMatchesOpenAPI
			}
			req := httptest.NewRequest(strings.ToUpper(method), path+"?q=talks", nil)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != nethttp.StatusOK {
				t.Errorf("%s %s: %d %s", method, path, rec.Code, rec.Body.String())
			}
		}
	}
}
