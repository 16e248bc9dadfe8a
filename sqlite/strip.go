package sqlite

import (
	"html"
	"strings"
)

// StripTags returns the visible text of an HTML document, cheaply: tags and
// comments become spaces, script/style/noscript/template contents are
// dropped, entities are decoded and runs of white space collapse to one space
// (a newline where the run held one). It is meant for the search index, not
// for analysis (the clean stage extracts the article properly).
func StripTags(h string) string {
	var b strings.Builder
	b.Grow(len(h) / 2)
	i := 0
	for i < len(h) {
		c := h[i]
		if c != '<' {
			j := strings.IndexByte(h[i:], '<')
			if j < 0 {
				j = len(h) - i
			}
			b.WriteString(h[i : i+j])
			i += j
			continue
		}
		// A '<' not followed by a tag-ish character is text.
		if i+1 >= len(h) || !(isASCIILetter(h[i+1]) || h[i+1] == '/' || h[i+1] == '!' || h[i+1] == '?') {
			b.WriteByte('<')
			i++
			continue
		}
		if strings.HasPrefix(h[i:], "<!--") {
			end := strings.Index(h[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			b.WriteByte(' ')
			continue
		}
		end := strings.IndexByte(h[i:], '>')
		if end < 0 {
			break
		}
		name := tagName(h[i+1 : i+end])
		i += end + 1
		b.WriteByte(' ')
		switch name {
		case "script", "style", "noscript", "template", "svg", "head":
			// Skip to the matching close tag (case-insensitive).
			closeTag := "</" + name
			k := indexFold(h[i:], closeTag)
			if k < 0 {
				i = len(h)
				continue
			}
			i += k
			if e := strings.IndexByte(h[i:], '>'); e >= 0 {
				i += e + 1
			} else {
				i = len(h)
			}
		}
	}
	return collapseSpace(html.UnescapeString(b.String()))
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tagName returns the lower-cased name of an opening tag ("" for closing
// tags, declarations and processing instructions).
func tagName(inner string) string {
	n := 0
	for n < len(inner) && (isASCIILetter(inner[n]) || (n > 0 && inner[n] >= '0' && inner[n] <= '9')) {
		n++
	}
	return strings.ToLower(inner[:n])
}

// indexFold is strings.Index for an ASCII lower-case needle, ignoring case.
func indexFold(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		j := 0
		for j < len(needle) && lowerASCII(s[i+j]) == needle[j] {
			j++
		}
		if j == len(needle) {
			return i
		}
	}
	return -1
}

// collapseSpace collapses white-space runs: to "\n" if the run held a
// newline, else to " ". Leading and trailing space is removed.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inSpace, newline := false, false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0':
			inSpace = true
			if r == '\n' {
				newline = true
			}
			continue
		}
		if inSpace && b.Len() > 0 {
			if newline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		inSpace, newline = false, false
		b.WriteRune(r)
	}
	return b.String()
}
