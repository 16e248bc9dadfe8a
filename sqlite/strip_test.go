package sqlite

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStripTags(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"<p>Hello <b>world</b></p>", "Hello world"},
		{"<P>one</P>\n<P>two</P>", "one\ntwo"},
		{"a<br>b", "a b"},
		{"x &amp; y &lt;z&gt; &#39;q&#39; &nbsp;w", "x & y <z> 'q' w"},
		{"<script>var a = '<p>no</p>';</script>yes", "yes"},
		{"<SCRIPT type=x>bad()</SCRIPT >ok", "ok"},
		{"<style>p{}</style><noscript>n</noscript><template>t</template>ok", "ok"},
		{"<head><title>T</title></head><body>B</body>", "B"},
		{"a <!-- comment <p>x</p> --> b", "a b"},
		{"a <!-- unterminated", "a"},
		{"1 < 2 and 3 > 2", "1 < 2 and 3 > 2"},
		{"a <unterminated tag", "a"},
		{"<script>never closed", ""},
		{"<div\nclass='x'>multi\nline</div>", "multi\nline"},
		{"caf\xe9 <b>x</b>", "caf\ufffd x"},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			if got := StripTags(tc.in); got != tc.want {
				t.Errorf("StripTags(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzStripTags(f *testing.F) {
	for _, s := range []string{"<p>a</p>", "<script>x</script>y", "<!--", "<", "&amp;", "<a href='x'>l</a>",
		"<scr<script>ipt>", "\xff<b>\xfe</b>", strings.Repeat("<div>", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := StripTags(s)
		if !utf8.ValidString(out) {
			t.Fatalf("StripTags(%q) = %q: invalid UTF-8", s, out)
		}
		if len(out) > 3*len(s) { // an invalid byte becomes U+FFFD (3 bytes)
			t.Fatalf("StripTags(%q) grew to %d bytes", s, len(out))
		}
		if strings.Contains(out, "  ") {
			t.Fatalf("StripTags(%q) = %q: uncollapsed space", s, out)
		}
	})
}
