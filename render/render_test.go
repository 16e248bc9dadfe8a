package render

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

func hostileReport() *accord.Report {
	payload := `<script>alert(1)</script><img src=x onerror=alert(2)>`
	out := "Evil <b>Outlet</b>"
	return &accord.Report{
		Version: 1,
		Documents: []accord.ReportDocument{{ID: "x<1>", Source: "x.txt", Title: payload, Outlet: &out,
			PublishedBasis: "unknown", Text: "Body " + payload, Removed: []accord.Removed{{Text: payload, Reason: "other"}}}},
		Quotes:   []accord.Quote{{ID: "Q1", Text: payload, Variants: []accord.QuoteVariant{{Document: "x<1>", Text: payload}}}},
		Claims:   []accord.Claim{{ID: "C1", Statement: payload, Documents: []string{"x<1>"}, Status: "single_source", IndependentSources: 1}},
		Brief:    accord.Brief{Title: payload, Sentences: []accord.BriefSentence{{Text: payload, Documents: []string{"x<1>"}}}},
		Entities: []accord.Entity{{ID: "E1", Name: payload, Type: "PERSON", Aliases: []string{payload}}},
	}
}

func TestHTMLEscapesArticleText(t *testing.T) {
	var b bytes.Buffer
	if err := HTML(&b, hostileReport()); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, bad := range []string{"<script>", "<img src=x", "<b>Outlet"} {
		if strings.Contains(s, bad) {
			t.Errorf("HTML output contains unescaped %q", bad)
		}
	}
	if u := html.UnescapeString(s); !strings.Contains(u, "Content-Security-Policy") || !strings.Contains(u, "default-src 'none'") {
		t.Error("HTML output lacks the strict CSP")
	}
}

func TestMarkdownEscapesArticleText(t *testing.T) {
	var b bytes.Buffer
	if err := Markdown(&b, hostileReport()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<script>") || strings.Contains(b.String(), "<img") {
		t.Error("Markdown output passes raw HTML through")
	}
}

func TestEmptyReport(t *testing.T) {
	r := &accord.Report{Version: 1}
	var b bytes.Buffer
	if err := Markdown(&b, r); err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := HTML(&b, r); err != nil {
		t.Fatal(err)
	}
}

func TestReportedSpeechIsNotShownAsAQuotation(t *testing.T) {
	no, yes := false, true
	r := &accord.Report{Version: 1, Quotes: []accord.Quote{
		{ID: "Q1", Text: "the ferries would run later", Variants: []accord.QuoteVariant{{Document: "a", Text: "the ferries would run later", Direct: &no}}},
		{ID: "Q2", Text: "We listened", Variants: []accord.QuoteVariant{{Document: "a", Text: "We listened", Direct: &yes}, {Document: "b", Text: "they had listened", Direct: &no}}},
	}}
	tests := []struct {
		name       string
		render     func(*bytes.Buffer) error
		want, dont []string
	}{
		{"markdown", func(b *bytes.Buffer) error { return Markdown(b, r) },
			[]string{"reported: the ferries would run later", "“We listened”", "they had listened (reported speech)"},
			[]string{"“the ferries would run later”"}},
		{"html", func(b *bytes.Buffer) error { return HTML(b, r) },
			[]string{"reported:</span> the ferries would run later", "“We listened”", "reported speech</span>"},
			[]string{"“the ferries would run later”"}},
	}
	for _, tc := range tests {
		var b bytes.Buffer
		if err := tc.render(&b); err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s: no %q", tc.name, w)
			}
		}
		for _, d := range tc.dont {
			if strings.Contains(b.String(), d) {
				t.Errorf("%s: has %q", tc.name, d)
			}
		}
	}
}

func TestCountsAgreeInNumber(t *testing.T) {
	r := hostileReport()
	r.Stories = []accord.Story{{ID: "s-1", Title: "A story", Documents: []string{"x<1>"}, IndependentGroups: [][]string{{"x<1>"}}}}
	for name, render := range map[string]func(*bytes.Buffer) error{
		"markdown": func(b *bytes.Buffer) error { return Markdown(b, r) },
		"html":     func(b *bytes.Buffer) error { return HTML(b, r) },
	} {
		var b bytes.Buffer
		if err := render(&b); err != nil {
			t.Fatal(err)
		}
		s := b.String()
		for _, want := range []string{"1 document, 1 story, 1 entity, 1 quote, 1 claim, 0 conflicts.", "1 independent source"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: no %q", name, want)
			}
		}
	}
}
