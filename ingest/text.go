package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

// Plain-text articles. The first non-empty line is the title unless it looks
// like metadata. Leading metadata lines have the form "key value" or
// "key: value" for a small set of keys (date/published, title, author,
// source/outlet, url). A date key needs no separator and may be followed on
// the same line by the body text ("date 2022-01-14 Amid ..."); other keys
// need ":" or "=" unless they follow an earlier metadata line. Metadata
// lines are removed from Text.

type metaField int

const (
	mfNone metaField = iota
	mfDate
	mfTitle
	mfAuthor
	mfOutlet
	mfURL
)

var metaKeys = map[string]metaField{
	"date": mfDate, "published": mfDate, "pubdate": mfDate, "publication date": mfDate,
	"date published": mfDate, "published at": mfDate, "published on": mfDate, "datetime": mfDate,
	"title": mfTitle, "headline": mfTitle,
	"author": mfAuthor, "authors": mfAuthor, "byline": mfAuthor, "by": mfAuthor, "writer": mfAuthor,
	"source": mfOutlet, "outlet": mfOutlet, "publisher": mfOutlet, "publication": mfOutlet, "site": mfOutlet,
	"url": mfURL, "link": mfURL, "canonical": mfURL, "source url": mfURL,
}

// maxTitleBytes is the longest first line still taken as a headline; a
// longer first line is a paragraph, not a title.
const maxTitleBytes = 300

// parseTextDoc turns raw text bytes into an Input (without ID and Source).
func parseTextDoc(data []byte) (*accord.Input, error) {
	text, err := toUTF8(data)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	in := &accord.Input{}
	body, found := parseMetadata(text, in)
	if found {
		body = strings.TrimLeft(body, " \t\r\n")
		if strings.TrimSpace(body) == "" {
			return nil, ErrEmpty
		}
		text = body
	}
	in.Text = text
	if in.Title == "" {
		setTitleFromText(in)
	}
	return in, nil
}

// setTitleFromText applies the contract's rule: the first non-empty line is
// the title. A first line that is the only line, or too long to be a
// headline, stays in the body: then Title is its first sentence (shortened)
// and TitleFromText is false.
func setTitleFromText(in *accord.Input) {
	first, rest := firstLine(in.Text)
	first = strings.TrimSpace(first)
	if first == "" {
		return
	}
	if len(first) <= maxTitleBytes && strings.TrimSpace(rest) != "" {
		in.Title = first
		in.TitleFromText = true
		return
	}
	in.Title = shortTitle(first)
}

// firstLine returns the first non-blank line of s and everything after it.
func firstLine(s string) (line, rest string) {
	for s != "" {
		i := strings.IndexByte(s, '\n')
		var l string
		if i < 0 {
			l, s = s, ""
		} else {
			l, s = s[:i], s[i+1:]
		}
		if strings.TrimSpace(l) != "" {
			return strings.TrimRight(l, "\r"), s
		}
	}
	return "", ""
}

// shortTitle cuts a paragraph to its first sentence, at most maxTitleBytes
// (at a word boundary).
func shortTitle(p string) string {
	for i := 0; i+1 < len(p) && i < maxTitleBytes; i++ {
		if (p[i] == '.' || p[i] == '!' || p[i] == '?') && p[i+1] == ' ' && i > 20 {
			r, _ := utf8.DecodeRuneInString(p[i+2:])
			if unicode.IsUpper(r) || r == '"' || r == '\u201c' {
				return p[:i+1]
			}
		}
	}
	if len(p) <= maxTitleBytes {
		return p
	}
	cut := maxTitleBytes
	for cut > 0 && !utf8.RuneStart(p[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(p[:cut], ' '); sp > maxTitleBytes/2 {
		cut = sp
	}
	return strings.TrimSpace(p[:cut]) + "…"
}

// parseMetadata reads leading metadata lines into in. It returns the text
// after them and whether any metadata line was found.
func parseMetadata(text string, in *accord.Input) (string, bool) {
	pos := 0
	found := false
	for pos < len(text) {
		// Skip blank lines.
		lineStart := pos
		for lineStart < len(text) {
			e := strings.IndexByte(text[lineStart:], '\n')
			var l string
			if e < 0 {
				l = text[lineStart:]
			} else {
				l = text[lineStart : lineStart+e]
			}
			if strings.TrimSpace(l) != "" {
				break
			}
			if e < 0 {
				lineStart = len(text)
			} else {
				lineStart += e + 1
			}
		}
		if lineStart >= len(text) {
			break
		}
		lineEnd := len(text)
		next := len(text)
		if e := strings.IndexByte(text[lineStart:], '\n'); e >= 0 {
			lineEnd = lineStart + e
			next = lineEnd + 1
		}
		line := strings.TrimRight(text[lineStart:lineEnd], "\r")
		field, value, ok := metaLine(line, found)
		if !ok {
			break
		}
		switch field {
		case mfDate:
			iso, rest, _ := parseLeadingDate(value)
			if in.Published == "" {
				in.Published = iso
				in.PublishedBasis = accord.BasisMetadata
			}
			found = true
			rest = strings.TrimSpace(rest)
			if rest != "" {
				// The body starts on the date line.
				return rest + text[lineEnd:], true
			}
		case mfTitle:
			in.Title = value
		case mfAuthor:
			in.Author = value
		case mfOutlet:
			in.Outlet = value
		case mfURL:
			in.URL = value
		}
		found = true
		pos = next
	}
	if !found {
		return text, false
	}
	return text[pos:], true
}

// metaLine recognises one metadata line. after reports that an earlier line
// was metadata (which relaxes the separator rule for non-date keys).
func metaLine(line string, after bool) (metaField, string, bool) {
	l := strings.TrimSpace(line)
	if l == "" || len(l) > 4096 {
		return mfNone, "", false
	}
	// "key: value" / "key = value" with a key of at most three words.
	if i := strings.IndexAny(l, ":="); i > 0 && i <= 24 {
		key := normKey(l[:i])
		if f, ok := metaKeys[key]; ok {
			v := strings.TrimSpace(l[i+1:])
			if mf, val, ok := checkValue(f, v); ok {
				return mf, val, true
			}
			return mfNone, "", false
		}
	}
	// "key value" (two-word keys first).
	words := strings.Fields(l)
	for n := 2; n >= 1; n-- {
		if len(words) <= n {
			continue
		}
		key := normKey(strings.Join(words[:n], " "))
		f, ok := metaKeys[key]
		if !ok {
			continue
		}
		if f != mfDate && !after {
			return mfNone, "", false
		}
		rest := strings.TrimSpace(l[indexAfterWords(l, n):])
		if mf, val, ok := checkValue(f, rest); ok {
			return mf, val, true
		}
		return mfNone, "", false
	}
	return mfNone, "", false
}

// checkValue validates a metadata value for its field.
func checkValue(f metaField, v string) (metaField, string, bool) {
	switch f {
	case mfDate:
		if _, _, ok := parseLeadingDate(v); ok {
			return f, v, true
		}
		return mfNone, "", false
	case mfURL:
		if isURL(v) && !strings.ContainsAny(v, " \t") {
			return f, v, true
		}
		return mfNone, "", false
	default:
		if v == "" || len(v) > maxTitleBytes {
			return mfNone, "", false
		}
		return f, v, true
	}
}

func normKey(k string) string {
	return strings.ToLower(strings.Join(strings.Fields(k), " "))
}

// indexAfterWords returns the byte offset just after the first n
// whitespace-separated words of s.
func indexAfterWords(s string, n int) int {
	i := 0
	for w := 0; w < n; w++ {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		for i < len(s) && s[i] != ' ' && s[i] != '\t' {
			i++
		}
	}
	return i
}
