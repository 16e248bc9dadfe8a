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
	return tokenizeInfo(s, sents, cache, nil)
}

// tokenizeInfo is tokenize that also appends to *sis, when not nil, each
// word's thesaurus senses as prepare wants them (nil unless fKnown), so that
// prepare need not look every word up again.
func tokenizeInfo(s string, sents []accord.Span, cache *wordCache, sis *[]*senseInfo) []word {
	return tokenizeInto(nil, s, sents, cache, sis)
}

// tokenizeInto is tokenizeInfo appending to dst[:0] (reused when large
// enough for the text).
func tokenizeInto(dst []word, s string, sents []accord.Span, cache *wordCache, sis *[]*senseInfo) []word {
	if sents == nil {
		for _, p := range text.Paragraphs(s) {
			sents = append(sents, text.Sentences(s, p)...)
		}
	}
	out := dst[:0]
	if cap(out) < len(s)/5+8 {
		out = make([]word, 0, len(s)/5+8)
	}
	var buf []byte
	ft := cache.fronts.Get().(*frontTable)
	defer cache.fronts.Put(ft)
	si := 0
	lastSent := -1
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && asciiClass[c] == 0 {
			i++ // the common case: ASCII space or punctuation
			continue
		}
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
			if c := s[i]; c < utf8.RuneSelf && asciiClass[c] != 0 {
				// the common case: an ASCII letter or digit
				switch asciiClass[c] {
				case classUpper:
					c += 'a' - 'A'
				case classDigit:
					hasDigit = true
				}
				buf = append(buf, c)
				i++
				continue
			}
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
		w.h = xxh3.Hash(buf)
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
		wi := cache.lookup(ft, buf, w.h, hasDigit)
		if wi.stop {
			w.flags |= fStop
		} else if wi.si != nil {
			w.flags |= fKnown
		}
		if sis != nil {
			var x *senseInfo
			if w.has(fKnown) {
				x = wi.si
			}
			*sis = append(*sis, x)
		}
		out = append(out, w)
	}
	return out
}

func isUpperRun(b []byte) bool { return len(b) <= 3 }

// ASCII classes for the tokenizer's fast path: 0 is neither letter nor digit.
const (
	classLower = 1 + iota
	classUpper
	classDigit
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = classUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	return
}()

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

// wordCache memoises, by word hash, whether a word is a function word and
// what the thesaurus says about it. It is safe for concurrent use (sharded
// so that workers seldom wait on one another).
type wordCache struct {
	// fronts hold private front tables (see frontTable), one per worker
	// tokenizing at a time.
	fronts sync.Pool
	shards [cacheShards]cacheShard
}

// frontTable holds recently looked-up words, one per slot by hash, entries
// inline: one worker's own (taken from wordCache.fronts for one text), so
// read and written without locks or atomics. Most words of a text are
// frequent words, found here without the shard's lock and its large map.
type frontTable [frontSlots]frontEntry

type frontEntry struct {
	h  uint64
	ok bool
	wi wordInfo
}

const frontSlots = 1 << 15

type cacheShard struct {
	mu sync.RWMutex
	m  map[uint64]wordInfo
	_  [40]byte // keep shards on separate cache lines
}

// wordInfo is what the cache knows of one word.
type wordInfo struct {
	stop bool
	si   *senseInfo // nil: a function word, a number, or unknown to the thesaurus
}

const cacheShards = 64

func newWordCache() *wordCache {
	c := &wordCache{}
	c.fronts.New = func() any { return new(frontTable) }
	for i := range c.shards {
		c.shards[i].m = map[uint64]wordInfo{}
	}
	return c
}

// maxCache bounds the cache; past it lookups are computed each time.
const maxCache = 1 << 20

// lookup returns what is known of the lower-cased word lw (hash h; hasDigit
// when it holds a digit, and then it has no senses), through the front
// table ft (the caller's own).
func (c *wordCache) lookup(ft *frontTable, lw []byte, h uint64, hasDigit bool) wordInfo {
	slot := &ft[h&(frontSlots-1)]
	if slot.ok && slot.h == h {
		return slot.wi
	}
	wi := c.lookupShard(lw, h, hasDigit)
	*slot = frontEntry{h: h, ok: true, wi: wi}
	return wi
}

func (c *wordCache) lookupShard(lw []byte, h uint64, hasDigit bool) wordInfo {
	sh := &c.shards[h>>58]
	sh.mu.RLock()
	wi, ok := sh.m[h]
	sh.mu.RUnlock()
	if ok {
		return wi
	}
	s := string(lw)
	wi.stop = text.IsStopword(s)
	if !wi.stop && !hasDigit {
		own := lexicon.Senses(nil, s, maxSenses)
		if len(own) > 0 {
			si := &senseInfo{own: own, ext: append([]uint32(nil), own...)}
			for _, x := range own {
				si.ext = append(si.ext, lexicon.Broader(x)...)
			}
			wi.si = si
		}
	}
	sh.mu.Lock()
	if len(sh.m) < maxCache/cacheShards {
		sh.m[h] = wi
	}
	sh.mu.Unlock()
	return wi
}

// info returns the thesaurus senses of word w of text t (nil for function
// words, numbers and unknown words).
func (c *wordCache) info(t string, w word) *senseInfo {
	sh := &c.shards[w.h>>58]
	sh.mu.RLock()
	wi, ok := sh.m[w.h]
	sh.mu.RUnlock()
	if ok {
		return wi.si
	}
	return c.lookupShard([]byte(lowerWord(t, w)), w.h, w.has(fNum)).si
}

func toLower(r rune) rune { return unicode.ToLower(r) }
