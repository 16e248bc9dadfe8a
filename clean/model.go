package clean

import (
	_ "embed"
	"encoding/binary"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Model is a logistic regression over hashed line features.
type Model struct {
	Bits int
	W    []float32
}

//go:embed model.bin
var modelBin []byte

//go:embed reinsert.bin
var reinsertBin []byte

// DefaultReinsertModel returns the embedded model that decides which page
// lines left out by the extractor are put back, or nil when none is embedded.
func DefaultReinsertModel() *Model {
	m, err := DecodeModel(reinsertBin)
	if err != nil {
		return nil
	}
	return m
}

// DefaultModel returns the embedded line model, or nil when none is embedded.
func DefaultModel() *Model {
	m, err := DecodeModel(modelBin)
	if err != nil {
		return nil
	}
	return m
}

// DecodeModel reads a model written by Encode.
func DecodeModel(b []byte) (*Model, error) {
	if len(b) < 8 || string(b[:4]) != "ACLM" {
		return nil, cleanError("clean: no line model")
	}
	bits := int(binary.LittleEndian.Uint32(b[4:8]))
	if bits < 4 || bits > 24 || len(b) != 8+4*(1<<bits) {
		return nil, cleanError("clean: bad line model")
	}
	m := &Model{Bits: bits, W: make([]float32, 1<<bits)}
	for i := range m.W {
		m.W[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[8+4*i:]))
	}
	return m, nil
}

// Encode writes the model in the embedded format.
func (m *Model) Encode() []byte {
	b := make([]byte, 8+4*len(m.W))
	copy(b, "ACLM")
	binary.LittleEndian.PutUint32(b[4:], uint32(m.Bits))
	for i, w := range m.W {
		binary.LittleEndian.PutUint32(b[8+4*i:], math.Float32bits(w))
	}
	return b
}

// Prob is the model's probability that the line is boilerplate.
func (m *Model) Prob(f []uint32) float64 {
	return sigmoid(m.Score(f))
}

// Score is the model's log-odds.
func (m *Model) Score(f []uint32) float64 {
	mask := uint32(len(m.W) - 1)
	var s float64
	for _, h := range f {
		s += float64(m.W[h&mask])
	}
	return s
}

func sigmoid(x float64) float64 {
	if x < -30 {
		return 0
	}
	if x > 30 {
		return 1
	}
	return 1 / (1 + math.Exp(-x))
}

// FeatureGroups switches optional feature groups (for the trainer's
// experiments; the embedded model was trained with the defaults).
var FeatureGroups = struct{ Words, Trigrams, Conj, DOM bool }{Words: true, Trigrams: false, Conj: true, DOM: true}

// hashing uses FNV-1a so that the trained weights do not depend on a process seed.
func fnv(parts ...string) uint32 {
	h := uint32(2166136261)
	for i, p := range parts {
		if i > 0 {
			h ^= 0x1f
			h *= 16777619
		}
		for j := 0; j < len(p); j++ {
			h ^= uint32(p[j])
			h *= 16777619
		}
	}
	return h
}

func bucket(x float64, edges ...float64) string {
	for i, e := range edges {
		if x < e {
			return string(rune('a' + i))
		}
	}
	return string(rune('a' + len(edges)))
}

// LineFeatures returns the hashed features of one line: its shape (length,
// words, capitals, punctuation, digits, brackets, colon label), its links,
// its place in the text, its first and last words and character trigrams.
func LineFeatures(l Line, ctx LineContext) []uint32 {
	t := l.Text
	capacity := 64
	if FeatureGroups.Trigrams {
		capacity += len(t)
	}
	f := make([]uint32, 0, capacity+8)
	add := func(parts ...string) { f = append(f, fnv(parts...)) }
	add("bias")
	n := utf8.RuneCountInString(t)
	w0s, w1s, wls, nw := edgeWords(t)
	letters, upper := letterStats(t)
	digits, punct, seps := 0, 0, 0
	for _, r := range t {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '|' || r == '•' || r == '·' || r == '»' || r == '«' || r == '›' || r == '‹' || r == '>' || r == '/':
			seps++
		case unicode.IsPunct(r):
			punct++
		}
	}
	lenB := bucket(float64(n), 10, 20, 35, 50, 80, 120, 200, 400)
	wB := bucket(float64(nw), 2, 3, 4, 6, 9, 13, 20, 35)
	add("len", lenB)
	add("words", wB)
	capsR := 0.0
	if letters > 0 {
		capsR = float64(upper) / float64(letters)
	}
	add("caps", bucket(capsR, 0.05, 0.12, 0.25, 0.5, 0.9))
	add("digits", bucket(float64(digits)/float64(max(n, 1)), 0.001, 0.05, 0.15, 0.3))
	add("punct", bucket(float64(punct)/float64(max(n, 1)), 0.001, 0.02, 0.05, 0.1))
	add("seps", bucket(float64(seps), 1, 2, 4))
	end := "none"
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, " \"'”’»)")); r != utf8.RuneError {
		switch {
		case r == '.' || r == '!' || r == '?' || r == '…':
			end = "sent"
		case r == ':':
			end = "colon"
		case unicode.IsDigit(r):
			end = "digit"
		case unicode.IsLetter(r):
			end = "letter"
		default:
			end = "other"
		}
	}
	add("end", end)
	add("end-len", end, lenB)
	add("caps-len", bucket(capsR, 0.12, 0.5, 0.9), wB)
	if r, _ := utf8.DecodeRuneInString(t); r != utf8.RuneError {
		switch {
		case unicode.IsUpper(r):
			add("start", "upper")
		case unicode.IsLower(r):
			add("start", "lower")
		case unicode.IsDigit(r):
			add("start", "digit")
		default:
			add("start", string(r))
		}
	}
	if reWrapped.MatchString(t) {
		add("wrapped")
	}
	if i := strings.IndexAny(t, ":|"); i > 0 && i < 40 {
		add("label", bucket(float64(countWords(t[:i])), 2, 3, 5))
	}
	if strings.Contains(t, "@") {
		add("at")
	}
	if strings.Contains(t, "http") || strings.Contains(t, "www.") {
		add("url")
	}
	if strings.ContainsRune(t, '©') {
		add("copy")
	}
	// Links.
	if ctx.HTML {
		ld := 0.0
		if n > 0 {
			ld = float64(l.LinkChars) / float64(n)
		}
		add("link", bucket(ld, 0.01, 0.2, 0.5, 0.8, 0.99))
		add("link-len", bucket(ld, 0.01, 0.5, 0.9), lenB)
		if l.Heading {
			add("tag", "heading")
			add("tag-len", "heading", lenB)
		}
		if l.Item {
			add("tag", "item")
			add("tag-len", "item", lenB)
		}
		if l.Cell {
			add("tag", "cell")
		}
		if l.Quote {
			add("tag", "quote")
		}
		if FeatureGroups.DOM {
			for _, w := range l.DOM {
				add("dom", w)
			}
		}
	} else {
		add("nolinks")
	}
	// Position.
	if ctx.Total > 0 {
		rel := float64(ctx.Index) / float64(ctx.Total)
		add("pos", bucket(rel, 0.1, 0.25, 0.75, 0.9))
		add("pos-len", bucket(rel, 0.1, 0.9), lenB)
		if ctx.Index < 3 {
			add("first", string(rune('0'+ctx.Index)))
		}
		if back := ctx.Total - 1 - ctx.Index; back < 3 {
			add("last", string(rune('0'+back)))
		}
	}
	// Neighbours and the prose block.
	add("prev", bucket(float64(ctx.PrevLen), 0, 30, 80, 200))
	add("next", bucket(float64(ctx.NextLen), 0, 30, 80, 200))
	switch {
	case ctx.ProseBefore && ctx.ProseAfter:
		add("block", "inside")
	case ctx.ProseBefore:
		add("block", "after")
	case ctx.ProseAfter:
		add("block", "before")
	default:
		add("block", "noprose")
	}
	if contentShaped(t) {
		add("prose")
	}
	if FeatureGroups.Conj {
		block := "none"
		switch {
		case ctx.ProseBefore && ctx.ProseAfter:
			block = "inside"
		case ctx.ProseBefore:
			block = "after"
		case ctx.ProseAfter:
			block = "before"
		}
		add("block-len", block, lenB)
		add("block-end", block, end)
		if l.Heading {
			add("block-heading", block)
		}
		if l.Item {
			add("block-item", block)
		}
		add("block-link", block, bucket(float64(l.LinkChars)/float64(max(n, 1)), 0.01, 0.5, 0.9))
	}
	// Words: the first two and the last, lower-cased.
	if nw > 0 && FeatureGroups.Words {
		w0 := wordKey(w0s)
		add("w0", w0)
		if nw > 1 {
			add("w01", w0, wordKey(w1s))
		}
		add("wl", wordKey(wls))
		if nw <= 6 {
			add("short-w0", w0)
		}
	}
	// Character trigrams of the lower-cased line (first 160 runes), with
	// word boundaries, capped so long lines do not dominate.
	if !FeatureGroups.Trigrams {
		return f
	}
	lt := strings.ToLower(t)
	rs := make([]rune, 0, 162)
	rs = append(rs, ' ')
	for _, r := range lt {
		if len(rs) >= 161 {
			break
		}
		if unicode.IsDigit(r) {
			r = '0'
		}
		rs = append(rs, r)
	}
	rs = append(rs, ' ')
	for i := 0; i+3 <= len(rs); i++ {
		f = append(f, fnv("tri", string(rs[i:i+3])))
	}
	return f
}

// edgeWords returns the first, second and last of strings.Fields(t) and
// their number, without building the slice.
func edgeWords(t string) (first, second, last string, n int) {
	start := -1
	word := func(w string) {
		switch n {
		case 0:
			first = w
		case 1:
			second = w
		}
		last = w
		n++
	}
	for i, r := range t {
		if unicode.IsSpace(r) {
			if start >= 0 {
				word(t[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		word(t[start:])
	}
	return first, second, last, n
}

func wordKey(w string) string {
	w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	if w == "" {
		return "_"
	}
	if utf8.RuneCountInString(w) > 20 {
		return "_long"
	}
	var b strings.Builder
	for _, r := range w {
		if unicode.IsDigit(r) {
			r = '0'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// OutsideFeatures are the features of a page line that the extractor left
// out (ctx.Gap set): the line's own features, read in the page's context,
// with its place relative to the extracted lines (before, between or after
// them, and how many page lines away), alone and with its length in words.
func OutsideFeatures(l Line, ctx LineContext) []uint32 {
	f := LineFeatures(l, ctx)
	d := bucket(float64(ctx.Dist), 2, 3, 5, 9, 17)
	w := bucket(float64(countWords(l.Text)), 3, 6, 12, 25)
	return append(f, fnv("gap", ctx.Gap), fnv("gap-dist", d), fnv("gap-pos-dist", ctx.Gap, d),
		fnv("gap-words", ctx.Gap, w), fnv("gap-dist-words", ctx.Gap, d, w))
}
