package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/accord-news/accord"
)

// sharedDir is ../shared beside the repository, where the seeds and the
// contract live.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("ACCORD_SHARED")
	if dir == "" {
		dir = "../../../shared"
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "contract", "report.schema.json")); err != nil {
		t.Skip("../shared is not beside the repository")
	}
	return dir
}

func runCLI(t testing.TB, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func compileSchema(t testing.TB, shared string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(filepath.Join(shared, "contract", "report.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// checkReport validates a JSON report against the contract's schema and its
// span rule: text[start:end] equals the span's text.
func checkReport(t testing.TB, sch *jsonschema.Schema, raw string) *accord.Report {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("report is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("report does not validate against the contract: %v", err)
	}
	var r accord.Report
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for i, d := range r.Documents {
		if i > 0 && r.Documents[i-1].ID >= d.ID {
			t.Errorf("documents not sorted by unique id: %q then %q", r.Documents[i-1].ID, d.ID)
		}
		texts[d.ID] = d.Text
	}
	check := func(what string, doc string, start, end int, text string) {
		s, ok := texts[doc]
		if !ok {
			t.Errorf("%s: unknown document %q", what, doc)
			return
		}
		if start < 0 || end > len(s) || start > end || s[start:end] != text {
			t.Errorf("%s: span %d:%d of %s is not %q", what, start, end, doc, text)
		}
	}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			check("entity "+e.ID, m.Document, m.Start, m.End, m.Text)
		}
	}
	for _, q := range r.Quotes {
		for _, v := range q.Variants {
			check("quote "+q.ID, v.Document, v.Start, v.End, v.Text)
		}
	}
	for _, x := range r.TemporalExpressions {
		check("timex", x.Document, x.Start, x.End, x.Text)
	}
	for _, x := range r.Quantities {
		check("quantity", x.Document, x.Start, x.End, x.Text)
	}
	for _, c := range r.Claims {
		for _, x := range c.Evidence {
			check("claim "+c.ID, x.Document, x.Start, x.End, x.Text)
		}
	}
	for _, c := range r.Conflicts {
		for _, x := range c.Evidence {
			check("conflict "+c.ID, x.Document, x.Start, x.End, x.Text)
		}
	}
	for _, c := range r.Timeline {
		for _, x := range c.Evidence {
			check("timeline", x.Document, x.Start, x.End, x.Text)
		}
	}
	return &r
}

func TestAnalyzeSeedsValidatesAgainstContract(t *testing.T) {
	shared := sharedDir(t)
	sch := compileSchema(t, shared)
	out, errs, code := runCLI(t, "", "analyze", "--format", "json", filepath.Join(shared, "seeds"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	r := checkReport(t, sch, out)
	if len(r.Documents) != 5 {
		t.Fatalf("got %d documents, want 5", len(r.Documents))
	}
	if r.Documents[0].ID != "000_eb16ce2bdaf754b6" {
		t.Errorf("first id = %q", r.Documents[0].ID)
	}
	for _, d := range r.Documents {
		if d.ID == "004_61c29e4f4db52dc5" {
			if d.Published == nil || !strings.HasPrefix(*d.Published, "2022-01-14") || d.PublishedBasis != "metadata" {
				t.Errorf("004 published = %v (%s), want 2022-01-14 from metadata", d.Published, d.PublishedBasis)
			}
			if strings.Contains(d.Text, "date 2022-01-14") {
				t.Error("004's date line is left in its text")
			}
		}
	}
}

func TestAnalyzeFormats(t *testing.T) {
	shared := sharedDir(t)
	seeds := filepath.Join(shared, "seeds")
	md, _, code := runCLI(t, "", "analyze", "--format", "markdown", seeds)
	if code != 0 || !strings.Contains(md, "## Brief") || !strings.Contains(md, "## Documents") {
		t.Errorf("markdown: exit %d, output %.200q", code, md)
	}
	html, _, code := runCLI(t, "", "analyze", "--format", "html", seeds)
	if code != 0 || !strings.Contains(html, "<!DOCTYPE html>") || !strings.Contains(html, "Content-Security-Policy") {
		t.Errorf("html: exit %d, output %.200q", code, html)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("A title\n\nSome body text about talks."), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no inputs", []string{"analyze"}, 2},
		{"bad format", []string{"analyze", "--format", "yaml", good}, 2},
		{"bad date", []string{"analyze", "--date", "14/01/2022", good}, 2},
		{"unknown flag", []string{"analyze", "--frobnicate", good}, 2},
		{"missing file", []string{"analyze", "--format", "json", good, filepath.Join(dir, "nope.txt")}, 1},
		{"good", []string{"analyze", "--format", "json", good}, 0},
		{"version", []string{"version"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runCLI(t, "", tt.args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.want, errs)
			}
			if tt.name == "missing file" {
				if !strings.Contains(errs, "nope.txt") {
					t.Errorf("error does not name the file: %q", errs)
				}
				if !strings.Contains(out, `"good"`) {
					t.Error("the good input was not analyzed")
				}
			}
		})
	}
}

func TestStdin(t *testing.T) {
	out, errs, code := runCLI(t, "Talks end\n\nThe talks ended on Friday.", "analyze", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "The talks ended on Friday.") {
		t.Errorf("stdin text missing from report")
	}
}

func TestIngestIsIdempotentAndStoreCommandsWork(t *testing.T) {
	shared := sharedDir(t)
	db := filepath.Join(t.TempDir(), "a.db")
	seeds := filepath.Join(shared, "seeds")
	_, errs, code := runCLI(t, "", "ingest", "--db", db, seeds)
	if code != 0 || !strings.Contains(errs, "5 new") {
		t.Fatalf("first ingest: exit %d, %q", code, errs)
	}
	_, errs, code = runCLI(t, "", "ingest", "--db", db, seeds)
	if code != 0 || !strings.Contains(errs, "0 new") {
		t.Fatalf("second ingest: exit %d, %q", code, errs)
	}
	out, errs, code := runCLI(t, "", "stories", "--db", db)
	if code != 0 || !strings.Contains(out, "ID") {
		t.Fatalf("stories: exit %d, %q %q", code, out, errs)
	}
	out, _, code = runCLI(t, "", "search", "--db", db, "Ryabkov")
	if code != 0 || !strings.Contains(out, "_") {
		t.Fatalf("search: exit %d, %q", code, out)
	}
	out, _, code = runCLI(t, "", "show", "--db", db, "004_61c29e4f4db52dc5")
	if code != 0 || !strings.Contains(out, "2022-01-14") {
		t.Fatalf("show: exit %d, %q", code, out)
	}
	sch := compileSchema(t, shared)
	out, errs, code = runCLI(t, "", "analyze", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("analyze --db: exit %d %s", code, errs)
	}
	if r := checkReport(t, sch, out); len(r.Documents) != 5 {
		t.Errorf("analyze --db: %d documents, want 5", len(r.Documents))
	}
}
