package clean

import (
	"strings"
	"testing"
	"time"

	"github.com/accord-news/accord"
)

func TestHostileHTML(t *testing.T) {
	big := func() string {
		var b strings.Builder
		b.WriteString("<html><head><title>Big page</title></head><body>")
		para := "<p>" + strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 8) + "</p>\n"
		for b.Len() < 50<<20 {
			b.WriteString(para)
		}
		b.WriteString("</body></html>")
		return b.String()
	}
	article := "<p>" + strings.Repeat("The committee met on Tuesday and discussed the budget for the coming year. ", 4) + "</p>"
	tests := []struct {
		name      string
		html      string
		maxDur    time.Duration
		wantText  string // substring that must be in the text ("" = none required)
		wantEmpty bool
	}{
		{"50 MB page", big(), 20 * time.Second, "Lorem ipsum", false},
		{"10000-deep nesting", "<html><body>" + strings.Repeat("<div>", 10000) + article + strings.Repeat("</div>", 10000) + "</body></html>", 10 * time.Second, "The committee met", false},
		{"10000-deep inline nesting", "<html><body>" + strings.Repeat("<b><i>", 5000) + article + "</body></html>", 10 * time.Second, "", false},
		{"wrong declared charset", "<html><head><meta charset=\"windows-1252\"><title>Café</title></head><body>" + strings.Replace(article, "committee", "comité", 1) + "</body></html>", 5 * time.Second, "comité", false},
		{"latin-1 declared as utf-8", "<html><head><meta charset=\"utf-8\"></head><body>" + strings.Replace(article, "committee", "comit\xe9", 1) + "</body></html>", 5 * time.Second, "comité", false},
		{"no text", "<html><head></head><body><div></div></body></html>", 5 * time.Second, "", true},
		{"script only", "<script>var x = '<p>not text</p>'; for(;;){}</script>", 5 * time.Second, "", true},
		{"unterminated comment", "<html><body><p>Visible text here.</p><!-- never closed " + strings.Repeat("x", 1000), 5 * time.Second, "", false},
		{"binary garbage", "\x00\x01\x02\xff\xfe<p>\x00</p>", 5 * time.Second, "", false},
	}
	c := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			d, err := c.Clean(&accord.Input{ID: "x", HTML: tc.html}, accord.Options{})
			if el := time.Since(start); el > tc.maxDur {
				t.Errorf("took %v", el)
			}
			if err != nil {
				t.Logf("error: %v", err)
				return
			}
			if tc.wantText != "" && !strings.Contains(d.Text, tc.wantText) {
				t.Errorf("text lacks %q: %.200q", tc.wantText, d.Text)
			}
			if tc.wantEmpty && strings.TrimSpace(d.Text) != "" {
				t.Errorf("want empty text, got %.200q", d.Text)
			}
			if !strings.Contains(d.Text, "\x00") && len(d.Text) > 0 && !isValidUTF8(d.Text) {
				t.Errorf("invalid UTF-8")
			}
		})
	}
}

func isValidUTF8(s string) bool { return strings.ToValidUTF8(s, "") == s }

func TestHTMLMetadata(t *testing.T) {
	page := `<html><head>
<title>Talks end without deal | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2022-01-14T10:32:00+01:00">
<link rel="canonical" href="https://example.com/world/talks-end">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks end without deal","author":{"@type":"Person","name":"Jane Doe"},"datePublished":"2022-01-14T09:32:00Z","publisher":{"@type":"Organization","name":"Example News"}}</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Talks end without deal</h1>
<p>By Jane Doe</p>
<p>` + strings.Repeat("Diplomats from both sides met in Geneva on Thursday for a third round of talks. ", 3) + `</p>
<p>` + strings.Repeat("Officials said further meetings were possible but none had been scheduled yet. ", 3) + `</p>
</article>
<aside class="related"><a href="/x"><time datetime="2021-05-01">May 1</time> Older story</a></aside>
</body></html>`
	d, err := New().Clean(&accord.Input{ID: "p", HTML: page}, accord.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"title", d.Title, "Talks end without deal"},
		{"outlet", d.Outlet, "Example News"},
		{"author", d.Author, "Jane Doe"},
		{"url", d.URL, "https://example.com/world/talks-end"},
		{"published", d.Published, "2022-01-14T09:32:00Z"},
		{"basis", d.PublishedBasis, accord.BasisMetadata},
		{"language", d.Language, "en"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !strings.Contains(d.Text, "Diplomats from both sides") || !strings.Contains(d.Text, "further meetings") {
		t.Errorf("body lost: %q", d.Text)
	}
	if strings.Contains(d.Text, "Home") {
		t.Errorf("navigation kept: %q", d.Text)
	}
	if n := strings.Count(d.Text, "\n"); n < 1 {
		t.Errorf("want one paragraph per line, got %q", d.Text)
	}
}

func TestFixMojibake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"zostaÅ‚ nowym rzecznikiem", "został nowym rzecznikiem"},
		{"CafÃ© und GrÃ¼ÃŸe â€“ fertig", "Café und Grüße – fertig"},
		{"Café und Grüße", "Café und Grüße"},
		{"plain ascii", "plain ascii"},
		{"Ã© next to 中文", "Ã© next to 中文"},
	}
	for _, tc := range tests {
		if got := fixMojibake(tc.in); got != tc.want {
			t.Errorf("fixMojibake(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHTMLFragments(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"two short paragraphs", "<p>Short para one.</p><p>Second para here, also short.</p>", "Short para one.\nSecond para here, also short."},
		{"inline only", "Plain text with <b>bold</b> only.", "Plain text with bold only."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := New().Clean(&accord.Input{HTML: tc.html}, accord.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tc.want {
				t.Errorf("text %q, want %q", d.Text, tc.want)
			}
		})
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2022-01-14", "2022-01-14"},
		{"2022-01-14T10:32:00+01:00", "2022-01-14T10:32:00+01:00"},
		{"2022-01-14T10:32:00Z", "2022-01-14T10:32:00Z"},
		{"2022-01-14T10:32:00", "2022-01-14T10:32:00"},
		{"Fri, 14 Jan 2022 10:32:00 +0000", "2022-01-14T10:32:00Z"},
		{"January 14, 2022", "2022-01-14"},
		{"14 Jan 2022 at 3:05 pm", "2022-01-14T15:05:00"},
		{"14.01.2022", "2022-01-14"},
		{"2022-02-30", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := normalizeDate(tc.in); got != tc.want {
			t.Errorf("normalizeDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDateFromURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/2022/01/14/world/talks.html", "2022-01-14"},
		{"https://example.com/news/20220114-talks", "2022-01-14"},
		{"https://example.com/news/talks", ""},
		{"not a url", ""},
	}
	for _, tc := range tests {
		if got := dateFromURL(tc.in); got != tc.want {
			t.Errorf("dateFromURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzCleanHTML(f *testing.F) {
	f.Add("<html><body><p>Hello world.</p></body></html>")
	f.Add("<div><div><p>x</div>")
	f.Add("<!-- <script>")
	f.Add("<script type=application/ld+json>{\"@type\":\"NewsArticle\"}")
	c := New()
	f.Fuzz(func(t *testing.T, s string) {
		d, err := c.Clean(&accord.Input{HTML: s}, accord.Options{})
		if err == nil && !isValidUTF8(d.Text) {
			t.Fatalf("invalid UTF-8 text")
		}
	})
}

func FuzzCleanText(f *testing.F) {
	f.Add("Title\nBy Jane Doe\nJanuary 1, 2020\nBody line.\nREAD MORE: other story")
	f.Add("(x: y)\n\n\r\n")
	c := New()
	f.Fuzz(func(t *testing.T, s string) {
		d, err := c.Clean(&accord.Input{Text: s, TitleFromText: true}, accord.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !isValidUTF8(d.Text) {
			t.Fatalf("invalid UTF-8 text")
		}
	})
}

func FuzzNormalizeDate(f *testing.F) {
	f.Add("2022-01-14T10:32:00+01:00")
	f.Add("14 Jan 2022 at 3:05 pm")
	f.Fuzz(func(t *testing.T, s string) {
		_ = normalizeDate(s)
		_ = dateInText(s)
	})
}
