package ingest

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// looksBinary reports whether b (its first 64 KB) is binary data rather than
// text: more than 1% NUL and control characters (other than tab, newline,
// carriage return, form feed, vertical tab and escape). Real pages and
// articles sometimes carry a few stray NULs; binary files have many.
func looksBinary(b []byte) bool {
	if len(b) > 64<<10 {
		b = b[:64<<10]
	}
	if len(b) == 0 {
		return false
	}
	ctl, nul := 0, 0
	for _, c := range b {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b:
			ctl++
		case c == 0x7f:
			ctl++
		}
	}
	if nul > 0 && len(b) < 64 {
		return true // a tiny input with a NUL is not text
	}
	return (ctl+nul)*100 > len(b)
}

// dropNUL removes NUL bytes (stray ones in otherwise good text).
func dropNUL(b []byte) []byte {
	if bytes.IndexByte(b, 0) < 0 {
		return b
	}
	return bytes.ReplaceAll(b, []byte{0}, nil)
}

// utf16BOM reports a UTF-16 byte-order mark.
func utf16BOM(b []byte) bool {
	return len(b) >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))
}

// toUTF8 turns raw text bytes into valid UTF-8. A UTF-8 or UTF-16 byte-order
// mark is honoured. Text that is not valid UTF-8 is repaired: when it is
// mostly UTF-8 (more valid multi-byte sequences than invalid bytes) the bad
// bytes become U+FFFD; otherwise it is decoded as Windows-1252 (a superset of
// Latin-1 for printable text). Binary data is refused with ErrBinary.
func toUTF8(b []byte) (string, error) {
	if utf16BOM(b) {
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(b)
		if err != nil {
			return "", ErrBinary
		}
		b = out
	}
	b = bytes.TrimPrefix(b, utf8BOM)
	if looksBinary(b) {
		return "", ErrBinary
	}
	return repairUTF8(dropNUL(b)), nil
}

// repairUTF8 is toUTF8 without the binary check.
func repairUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	multi, bad := 0, 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			bad++
			i++
			continue
		}
		multi++
		i += n
	}
	if multi > bad {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

var metaCharsetRe = regexp.MustCompile(`(?i)(<meta[^>]*?charset\s*=\s*["']?)([a-z0-9_:.-]+)`)

// decodeHTML decodes an HTML page to UTF-8, following its byte-order mark,
// the HTTP Content-Type (when known) and its <meta charset> declaration. The
// declaration is rewritten to utf-8 so that later parsers do not decode the
// text a second time.
func decodeHTML(b []byte, contentType string) (string, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return "", ErrEmpty
	}
	if utf16BOM(b) {
		return toUTF8(b)
	}
	if looksBinary(bytes.TrimPrefix(b, utf8BOM)) {
		return "", ErrBinary
	}
	b = dropNUL(b)
	enc, name, _ := charset.DetermineEncoding(b, contentType)
	var s string
	// Bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the
	// page declares: a legacy encoding almost never forms valid multi-byte
	// sequences by chance, while wrong declarations are common.
	if name == "utf-8" || enc == nil || (utf8.Valid(b) && !isASCII(b)) {
		s = repairUTF8(bytes.TrimPrefix(b, utf8BOM))
	} else {
		out, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			s = repairUTF8(b)
		} else {
			s = strings.ToValidUTF8(string(out), "\uFFFD")
		}
	}
	head := s
	if len(head) > 8192 {
		head = head[:8192]
	}
	if loc := metaCharsetRe.FindStringSubmatchIndex(head); loc != nil && !strings.EqualFold(head[loc[4]:loc[5]], "utf-8") {
		s = s[:loc[4]] + "utf-8" + s[loc[5]:]
	}
	return s, nil
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
