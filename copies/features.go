package copies

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
	"github.com/zeebo/xxh3"
)

// word flags.
const (
	fStop  = 1 << iota // function word
	fCap               // starts with an upper-case letter and is not sentence-initial
	fNum               // contains a digit
	fInit              // first word of its sentence
	fKnown             // the thesaurus knows it (a spinner could replace it)
)

// word is one word token of a document.
type word struct {
	start, end int32  // byte span in Text
	h          uint64 // hash of the lower-cased form
	sent       int32  // sentence index
	flags      uint8
}

func (w word) has(f uint8) bool { return w.flags&f != 0 }

// immutable reports whether a spinner would normally leave the word alone: a
// number, a capitalised name, or a content word the thesaurus does not know.
func (w word) immutable() bool {
	if w.has(fStop) {
		return false
	}
	return w.has(fNum) || w.has(fCap) || !w.has(fKnown)
}

// strictImmutable is a number, or a capitalised word the thesaurus does not
// know (a name): what no spinner or syndicator changes, and what differs
// between two templated reports (earnings, results) that are not copies.
func (w word) strictImmutable() bool {
	return w.has(fNum) || w.has(fCap) && !w.has(fKnown) && !w.has(fStop)
}

// tokenize splits s into words (runs of letters and digits with inner
// apostrophes, hyphens, periods and digit separators), lower-cased and hashed,
// each with its sentence index. sents may be nil: then sentences are found with
// the text package.
func tokenize(s string, sents []accord.Span, cache *wordCache) []word {
	if sents == nil {
		for _, p := range text.Paragraphs(s) {
			sents = append(sents, text.Sentences(s, p)...)
		}
	}
	out := make([]word, 0, len(s)/6)
	var buf []byte
	si := 0
	lastSent := -1
	i := 0
	for i < len(s) {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isAlnum(r) {
			i += n
			continue
		}
		start := i
		buf = buf[:0]
		hasDigit, upper := false, unicode.IsUpper(r)
		for i < len(s) {
			r, n = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			if isAlnum(r) {
				if r < utf8.RuneSelf {
					c := byte(r)
					if c >= 'A' && c <= 'Z' {
						c += 'a' - 'A'
					}
					if c >= '0' && c <= '9' {
						hasDigit = true
					}
					buf = append(buf, c)
				} else {
					buf = utf8.AppendRune(buf, unicode.ToLower(r))
				}
				i += n
				continue
			}
			// inner joiners: apostrophe, hyphen, period, comma between digits
			if (r == '\'' || r == '’' || r == '-' || r == '.' || r == ',') && i+n < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[i+n:])
				if isAlnum(r2) && (r != ',' || hasDigit && r2 >= '0' && r2 <= '9') && (r != '.' || hasDigit || isUpperRun(buf)) {
					if r == '’' {
						buf = append(buf, '\'')
					} else {
						buf = append(buf, byte(r))
					}
					i += n
					continue
				}
			}
			break
		}
		for si < len(sents) && sents[si].End <= start {
			si++
		}
		w := word{start: int32(start), end: int32(i), sent: int32(si)}
		lw := string(buf)
		w.h = xxh3.HashString(lw)
		if si != lastSent {
			w.flags |= fInit
			lastSent = si
		}
		if hasDigit {
			w.flags |= fNum
		}
		if upper && !w.has(fInit) {
			w.flags |= fCap
		}
		if text.IsStopword(lw) {
			w.flags |= fStop
		} else if !hasDigit && cache.known(lw, w.h) {
			w.flags |= fKnown
		}
		out = append(out, w)
	}
	return out
}

func isUpperRun(b []byte) bool { return len(b) <= 3 }

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// senseInfo is what the thesaurus says about one word: its own senses (most
// frequent first, a few per lemma) and those plus their broader senses.
type senseInfo struct {
	own, ext []uint32
}

// maxSenses caps the senses taken per lemma: context-blind spinners draw from
// the frequent senses, and rare senses only add chance matches.
const maxSenses = 8

// wordCache memoises thesaurus lookups by word hash. It is safe for
// concurrent use.
type wordCache struct {
	mu sync.RWMutex
	m  map[uint64]*senseInfo // nil value: unknown word
}

func newWordCache() *wordCache { return &wordCache{m: map[uint64]*senseInfo{}} }

// maxCache bounds the cache; past it lookups are computed each time.
const maxCache = 1 << 20

func (c *wordCache) info(lw string, h uint64) *senseInfo {
	c.mu.RLock()
	si, ok := c.m[h]
	c.mu.RUnlock()
	if ok {
		return si
	}
	own := lexicon.Senses(nil, lw, maxSenses)
	if len(own) > 0 {
		si = &senseInfo{own: own, ext: append([]uint32(nil), own...)}
		for _, s := range own {
			si.ext = append(si.ext, lexicon.Broader(s)...)
		}
	}
	c.mu.Lock()
	if len(c.m) < maxCache {
		c.m[h] = si
	}
	c.mu.Unlock()
	return si
}

func (c *wordCache) known(lw string, h uint64) bool { return c.info(lw, h) != nil }

func toLower(r rune) rune { return unicode.ToLower(r) }
