package entities

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

type cluster struct{ coarse, fine string }

// Model is the trained sequence tagger: hashed feature weights (int16,
// one scale), word clusters and a gazetteer.
type Model struct {
	index    featTable // feature hash -> offset into weights
	weights  []int16
	scale    float32
	clusters map[string]cluster
	gaz      *Gazetteer
	// structured: decode each sentence with Viterbi over the tag sequence
	// (the model was trained so); else greedily, left to right.
	structured bool
	// firstOrder: a structured model without the tag-trigram features.
	firstOrder bool
	// markers: the model marks the words that have previous-tag x word
	// features (fPrevWordAny); others skip those look-ups.
	markers bool
	// prevTab, pairTab: the weights of the tag-only features fPrev and
	// fPrev2, by previous tag(s) (structured models).
	prevTab [nPrev][numTags]float32
	// shapeTabs, wordTabs: prevTable's caches
	shapeTabs, wordTabs sync.Map
	pairTab             [nPrev][nPrev][numTags]float32
}

// ModelOptions are settings stored with a model.
type ModelOptions struct {
	// Structured: the model was trained with, and decodes with, Viterbi
	// over each sentence's tag sequence.
	Structured bool
	// FirstOrder: structured, with features of the previous tag only (no
	// tag trigrams): a cheaper Viterbi.
	FirstOrder bool
	// PrevWordMarkers: the weights include fPrevWordAny markers.
	PrevWordMarkers bool
}

// Gazetteer maps lower-cased token n-grams to the CoNLL classes they were
// seen as (bit 1<<class).
type Gazetteer struct {
	entries map[string]uint8
	hashed  map[uint64]uint8 // the entries by n-gram hash (see ngramHash)
	maxLen  int
	// nameParts: bit 1 first name, bit 2 surname (from multi-word person names)
	nameParts map[string]uint8
	// caps: how often a lower-cased word is written capitalised inside a
	// sentence in unlabeled news, as a bucket 1..4 (rarely .. always)
	caps map[string]uint8
}

// SetCaps records a word's capitalisation bucket (1 rarely .. 4 always).
func (g *Gazetteer) SetCaps(lower string, bucket uint8) {
	if bucket >= 1 && bucket <= 4 {
		g.caps[lower] = bucket
	}
}

// NewGazetteer returns an empty gazetteer.
func NewGazetteer() *Gazetteer {
	return &Gazetteer{entries: map[string]uint8{}, hashed: map[uint64]uint8{}, nameParts: map[string]uint8{}, caps: map[string]uint8{}}
}

// Add records the lower-cased words as a name of class c (1 PER, 2 ORG, 3 LOC, 4 MISC).
func (g *Gazetteer) Add(words []string, c int) {
	if len(words) == 0 || len(words) > 6 || c < 1 || c > 4 {
		return
	}
	k := strings.ToLower(strings.Join(words, " "))
	g.entries[k] |= 1 << uint(c)
	g.addHashed(strings.Fields(k), g.entries[k])
	if c == 1 && len(words) > 1 {
		if f := strings.ToLower(words[0]); len(f) > 2 && !strings.HasSuffix(f, ".") {
			g.nameParts[f] |= 1
		}
		g.nameParts[strings.ToLower(words[len(words)-1])] |= 2
	}
	if len(words) > g.maxLen {
		g.maxLen = len(words)
	}
}

// Len is the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

var classNames = [5]string{"", "PER", "ORG", "LOC", "MISC"}

// Match returns, per word, the gazetteer feature of the longest entry
// covering it ("B-PER", "I-ORG+LOC") or "".
func (g *Gazetteer) Match(lower []string) []string {
	var out []string
	for i := 0; i < len(lower); {
		best, mask := 0, uint8(0)
		h := uint64(fnvOffset)
		for n := 1; n <= g.maxLen && i+n <= len(lower); n++ {
			h = ngramStep(h, lower[i+n-1])
			m, ok := g.hashed[h]
			if !ok {
				break // no entry starts with these words
			}
			if m&^gazPrefix != 0 {
				best, mask = n, m&^gazPrefix
			}
		}
		if best == 0 {
			i++
			continue
		}
		if out == nil {
			out = make([]string, len(lower))
		}
		b, in := gazNames(mask)
		out[i] = b
		for k := 1; k < best; k++ {
			out[i+k] = in
		}
		i += best
	}
	if out == nil {
		out = make([]string, len(lower))
	}
	return out
}

// gazPrefix marks a hashed n-gram that begins a longer entry.
const gazPrefix = 0x80

// addHashed records an entry's hash and the hashes of its proper prefixes.
func (g *Gazetteer) addHashed(words []string, mask uint8) {
	h := uint64(fnvOffset)
	for i, w := range words {
		h = ngramStep(h, w)
		if i == len(words)-1 {
			g.hashed[h] |= mask
		} else {
			g.hashed[h] |= gazPrefix
		}
	}
}

// ngramStep extends an n-gram hash by one word.
func ngramStep(h uint64, w string) uint64 {
	h = hashStr(h, w)
	h ^= ' '
	h *= fnvPrime
	return h
}

var gazNameTable [32][2]string

func init() {
	for mask := 0; mask < 32; mask++ {
		var cls []string
		for c := 1; c <= 4; c++ {
			if mask&(1<<uint(c)) != 0 {
				cls = append(cls, classNames[c])
			}
		}
		t := strings.Join(cls, "+")
		gazNameTable[mask] = [2]string{"B-" + t, "I-" + t}
	}
}

func gazNames(mask uint8) (string, string) {
	v := gazNameTable[mask&31]
	return v[0], v[1]
}

// featTable is an open-addressing hash table from feature hash to weight
// offset (faster than a Go map on this hot path).
type featTable struct {
	keys []uint64
	vals []int32
	mask uint64
}

func newFeatTable(n int) featTable {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	t := featTable{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
	for i := range t.vals {
		t.vals[i] = -1
	}
	return t
}

func mix(k uint64) uint64 {
	k ^= k >> 31
	k *= 0x9E3779B97F4A7C15
	return k ^ k>>29
}

func (t *featTable) put(k uint64, v int32) {
	if len(t.keys) == 0 {
		return
	}
	i := mix(k) & t.mask
	for t.vals[i] >= 0 && t.keys[i] != k {
		i = (i + 1) & t.mask
	}
	t.keys[i], t.vals[i] = k, v
}

func (t *featTable) get(k uint64) int32 {
	if len(t.keys) == 0 {
		return -1
	}
	i := mix(k) & t.mask
	for {
		v := t.vals[i]
		if v < 0 {
			return -1
		}
		if t.keys[i] == k {
			return v
		}
		i = (i + 1) & t.mask
	}
}

// modelMagic opens a model file; modelMagicGreedy is the older format
// (greedy decoding, no options byte).
const (
	modelMagic       = "ACCORDNER5"
	modelMagicGreedy = "ACCORDNER4"
)

// WriteModel serializes a model from float weights (pruned and quantized),
// clusters (word -> coarse, fine) and a gazetteer.
func WriteModel(w io.Writer, weights map[uint64][numTags]float32, minAbs float32, clusters map[string][2]int, g *Gazetteer, opts ...ModelOptions) (kept int, err error) {
	var flags byte
	for _, o := range opts {
		if o.Structured {
			flags |= 1
		}
		if o.FirstOrder {
			flags |= 2
		}
		if o.PrevWordMarkers {
			flags |= 4
		}
	}
	var maxAbs float32
	for _, ws := range weights {
		for _, v := range ws {
			if a := float32(math.Abs(float64(v))); a > maxAbs {
				maxAbs = a
			}
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	keys := make([]uint64, 0, len(weights))
	for k, ws := range weights {
		keep := false
		for _, v := range ws {
			if float32(math.Abs(float64(v))) >= minAbs && math.Abs(float64(v/scale)) >= 1 {
				keep = true
				break
			}
		}
		if keep {
			keys = append(keys, k)
		}
	}
	sortU64(keys)
	zw := gzip.NewWriter(w)
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	bw.WriteByte(flags)
	binary.Write(bw, binary.LittleEndian, scale)
	binary.Write(bw, binary.LittleEndian, uint32(len(keys)))
	var buf [8]byte
	for _, k := range keys {
		binary.LittleEndian.PutUint64(buf[:], k)
		bw.Write(buf[:])
		for _, v := range weights[k] {
			q := int16(math.Round(float64(v / scale)))
			binary.LittleEndian.PutUint16(buf[:2], uint16(q))
			bw.Write(buf[:2])
		}
	}
	words := make([]string, 0, len(clusters))
	for wd := range clusters {
		words = append(words, wd)
	}
	sortStrings(words)
	binary.Write(bw, binary.LittleEndian, uint32(len(words)))
	for _, wd := range words {
		writeString(bw, wd)
		c := clusters[wd]
		binary.Write(bw, binary.LittleEndian, uint16(c[0]))
		binary.Write(bw, binary.LittleEndian, uint16(c[1]))
	}
	var entries, nameParts, caps map[string]byte
	if g != nil {
		entries, nameParts, caps = g.entries, g.nameParts, g.caps
	}
	for _, m := range []map[string]byte{entries, nameParts, caps} {
		writeByteMap(bw, m)
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return len(keys), zw.Close()
}

func writeString(w *bufio.Writer, s string) {
	var b [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(b[:], uint64(len(s)))
	w.Write(b[:n])
	w.WriteString(s)
}

// readByteTable reads a table written by writeByteMap: a count, then
// that many strings each followed by one byte, handing each pair to add.
func readByteTable(r *bufio.Reader, what string, add func(string, uint8)) error {
	var n uint32
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil {
		return err
	}
	if n > 1<<24 {
		return fmt.Errorf("entities: %d %s", n, what)
	}
	for i := 0; i < int(n); i++ {
		e, err := readString(r)
		if err != nil {
			return err
		}
		b, err := r.ReadByte()
		if err != nil {
			return err
		}
		add(e, b)
	}
	return nil
}

func readString(r *bufio.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err
	}
	if n > 1<<16 {
		return "", errors.New("string too long")
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", err
	}
	return string(b), nil
}

// ReadModel parses a model written by WriteModel.
func ReadModel(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	r := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != modelMagic && string(magic) != modelMagicGreedy {
		return nil, errors.New("entities: not a model file")
	}
	m := &Model{clusters: map[string]cluster{}, gaz: NewGazetteer()}
	if string(magic) == modelMagic {
		flags, err := r.ReadByte()
		if err != nil {
			return nil, err
		}
		m.structured = flags&1 != 0
		m.firstOrder = flags&2 != 0
		m.markers = flags&4 != 0
	}
	if err := binary.Read(r, binary.LittleEndian, &m.scale); err != nil {
		return nil, err
	}
	var n uint32
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil {
		return nil, err
	}
	if n > 1<<24 {
		return nil, fmt.Errorf("entities: %d features", n)
	}
	m.index = newFeatTable(int(n))
	m.weights = make([]int16, int(n)*numTags)
	rec := make([]byte, 8+2*numTags)
	for i := 0; i < int(n); i++ {
		if _, err := io.ReadFull(r, rec); err != nil {
			return nil, err
		}
		m.index.put(binary.LittleEndian.Uint64(rec), int32(i*numTags))
		for t := 0; t < numTags; t++ {
			m.weights[i*numTags+t] = int16(binary.LittleEndian.Uint16(rec[8+2*t:]))
		}
	}
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil {
		return nil, err
	}
	if n > 1<<24 {
		return nil, fmt.Errorf("entities: %d clusters", n)
	}
	m.clusters = make(map[string]cluster, n)
	names := map[uint32]string{}
	name := func(v uint16, p byte) string {
		k := uint32(v)<<8 | uint32(p)
		if s, ok := names[k]; ok {
			return s
		}
		s := string(p) + strconv.Itoa(int(v))
		names[k] = s
		return s
	}
	for i := 0; i < int(n); i++ {
		wd, err := readString(r)
		if err != nil {
			return nil, err
		}
		var c [2]uint16
		if err := binary.Read(r, binary.LittleEndian, &c); err != nil {
			return nil, err
		}
		m.clusters[wd] = cluster{coarse: name(c[0], 'c'), fine: name(c[1], 'f')}
	}
	if len(m.clusters) == 0 {
		m.clusters = nil
	}
	m.gaz.entries = map[string]uint8{}
	m.gaz.hashed = map[uint64]uint8{}
	err = readByteTable(r, "gazetteer entries", func(e string, b uint8) {
		m.gaz.entries[e] = b
		m.gaz.addHashed(strings.Split(e, " "), b)
		if k := strings.Count(e, " ") + 1; k > m.gaz.maxLen {
			m.gaz.maxLen = k
		}
	})
	if err != nil {
		return nil, err
	}
	m.gaz.nameParts = map[string]uint8{}
	if err := readByteTable(r, "name parts", func(e string, b uint8) { m.gaz.nameParts[e] = b }); err != nil {
		return nil, err
	}
	m.gaz.caps = map[string]uint8{}
	if err := readByteTable(r, "capitalisation entries", func(e string, b uint8) { m.gaz.caps[e] = b }); err != nil {
		return nil, err
	}
	if len(m.gaz.entries) == 0 && len(m.gaz.nameParts) == 0 && len(m.gaz.caps) == 0 {
		m.gaz = nil
	}
	if m.structured {
		for p := 0; p < nPrev; p++ {
			m.addWeights(&m.prevTab[p], feat(fPrev, prevName(p)))
			for p2 := 0; p2 < nPrev && !m.firstOrder; p2++ {
				m.addWeights(&m.pairTab[p2][p], feat2(fPrev2, prevName(p2), prevName(p)))
			}
		}
	}
	return m, nil
}

// addWeights adds feature f's weights to sc.
func (m *Model) addWeights(sc *[numTags]float32, f uint64) {
	if off := m.index.get(f); off >= 0 {
		w := m.weights[off : off+numTags]
		for t := range sc {
			sc[t] += float32(w[t])
		}
	}
}

// Structured reports whether the model decodes with Viterbi.
func (m *Model) Structured() bool { return m.structured }

// Sentence prepares words for Tag with the model's gazetteer.
func (m *Model) Sentence(words []string) *Sentence { return NewSentence(words, m.gaz) }

// Tag tags the sentences of one document greedily, left to right, with the
// document history of earlier decisions as a feature. It returns BIO tag
// indices per sentence.
func (m *Model) Tag(sents []*Sentence) [][]int {
	if m.structured {
		return m.tagStructured(sents)
	}
	out := make([][]int, len(sents))
	hist := map[string]*[5]int{}
	var fs []uint64
	var scores [numTags]int32
	for si, s := range sents {
		tags := make([]int, len(s.Words))
		prev, prev2 := -1, -1
		for i := range s.Words {
			hk := histKey(s, i)
			fs = m.features(fs[:0], s, i, prev, prev2, histFeature(hist, hk))
			scores = [numTags]int32{}
			for _, f := range fs {
				if off := m.index.get(f); off >= 0 {
					w := m.weights[off : off+numTags]
					for t := range scores {
						scores[t] += int32(w[t])
					}
				}
			}
			best := tagO
			bestScore := int32(math.MinInt32)
			pv := prev
			if pv < 0 {
				pv = tagO
			}
			for t := 0; t < numTags; t++ {
				if allowed(pv, t) && scores[t] > bestScore {
					best, bestScore = t, scores[t]
				}
			}
			tags[i] = best
			prev2, prev = prev, best
			if hk != "" && best != tagO {
				h := hist[hk]
				if h == nil {
					h = &[5]int{}
					hist[hk] = h
				}
				h[tagClass(best)]++
			}
		}
		out[si] = tags
	}
	return out
}

func histFeature(hist map[string]*[5]int, k string) string {
	if k == "" {
		return ""
	}
	h := hist[k]
	if h == nil {
		return ""
	}
	best, bc := 0, 0
	for c := 1; c < 5; c++ {
		if h[c] > bc {
			best, bc = c, h[c]
		}
	}
	return classNames[best]
}

func sortU64(a []uint64) { sort.Slice(a, func(i, j int) bool { return a[i] < a[j] }) }

func sortStrings(a []string) { sort.Strings(a) }

// writeByteMap writes a string-to-byte table: its length, then each key (in
// sorted order, so the model file is deterministic) and its byte.
func writeByteMap(bw *bufio.Writer, m map[string]byte) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	binary.Write(bw, binary.LittleEndian, uint32(len(keys)))
	for _, k := range keys {
		writeString(bw, k)
		bw.WriteByte(m[k])
	}
}

// tagStructured tags each sentence with Viterbi over its tag sequence; the
// document history feature reads the tags of the sentences before.
func (m *Model) tagStructured(sents []*Sentence) [][]int {
	out := make([][]int, len(sents))
	hist := map[string]*[5]int{}
	var fs []uint64
	var emit [][numTags]float32
	var trans []*[nPrev][numTags]float32
	var bp [][numTags][numTags]uint8
	prevCache := map[string]*[nPrev][numTags]float32{}
	pair := &m.pairTab
	if m.firstOrder {
		pair = nil
	}
	for si, s := range sents {
		n := len(s.Words)
		if cap(emit) < n {
			emit = make([][numTags]float32, n)
			trans = make([]*[nPrev][numTags]float32, n)
		}
		emit, trans = emit[:n], trans[:n]
		for i := 0; i < n; i++ {
			fs = m.staticFeatures(fs[:0], s, i, histFeature(hist, histKey(s, i)))
			var sc [numTags]int32
			for _, f := range fs {
				if off := m.index.get(f); off >= 0 {
					w := m.weights[off : off+numTags : off+numTags]
					for t := range sc {
						sc[t] += int32(w[t])
					}
				}
			}
			for t, v := range sc {
				emit[i][t] = float32(v)
			}
			// The previous-tag features of a word (form and shape) are the
			// same wherever it recurs in the document: computed once.
			lw := s.lower[i]
			_, sh := s.form(i)
			key := s.Words[i] // determines lw and sh
			if s.AllCaps {
				key = "\x00" + lw
			}
			tb, ok := prevCache[key]
			if !ok {
				tb = m.prevTable(key, lw, sh)
				prevCache[key] = tb
			}
			trans[i] = tb
		}
		var tags []int
		tags, bp = viterbi(emit, trans, pair, bp)
		cuts := cutNames(s, tags)
		lefts := leftCuts(s, tags)
		if len(cuts)+len(lefts) > 0 {
			// Re-decode with each cut name held whole; the model picks
			// its class (not a person's for a word before a name that
			// was no person's).
			for _, i := range lefts {
				emit[i][tagBPER] = negInf
				emit[i+1][tagIPER] = negInf
				cuts = append(cuts, i+1)
			}
			for _, i := range cuts {
				emit[i-1][tagO] = negInf
				for t := range emit[i] {
					if t == tagO || isBegin(t) {
						emit[i][t] = negInf
					}
				}
			}
			tags, bp = viterbi(emit, trans, pair, bp)
		}
		out[si] = tags
		addHistory(hist, s, tags)
	}
	return out
}

// cutNames returns the words the tagger left out just after a name that
// are most likely its last part: a capitalised word inside a sentence (not a
// capitals headline) that news text never shows (no capitalisation record),
// unknown to the gazetteer, with lower-case letters after its first ("Jo
// Quaresma", "Jo DeKalb"), right after a tagged word. A word never seen in
// news is rarely a common noun; when it follows a name, the decoder's cut
// there is usually one class's weak evidence losing to another's.
func cutNames(s *Sentence, tags []int) []int {
	if s.AllCaps || s.capb == nil {
		return nil
	}
	var out []int
	for i := 1; i < len(tags); i++ {
		if tags[i] != tagO || tags[i-1] == tagO || s.capb[i] != 0 || (s.gaz != nil && s.gaz[i] != "") {
			continue
		}
		if w := s.Words[i]; firstUpper(w) && strings.IndexFunc(w, unicode.IsLower) > 0 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
			out = append(out, i)
		}
	}
	return out
}

// leftCuts returns the words the tagger left out just before a name that
// are most likely its first part ("Liberal | Democrats", "Equatorial |
// Guinea", "Salvation | Army"): a capitalised letters-only word inside a
// sentence (some word before it has letters; not a capitals headline) that
// news usually writes capitalised inside sentences (capitalisation bucket 3
// or 4: a name word, not a common word such as "Actor" or "Three" that a
// writer may capitalise before a name), unknown to the gazetteer unless as
// the first word of a name that goes on over the next word, no title
// or honorific, tagged O right before the first word of a name other than a
// person's (before a person such words describe: "Tory Jo Smith", "Welshman
// Jo Smith", "Reverend Jo Smith").
func leftCuts(s *Sentence, tags []int) []int {
	if s.AllCaps || s.capb == nil {
		return nil
	}
	var out []int
	inside := false
	for i := 0; i+1 < len(tags); i++ {
		w := s.Words[i]
		if !inside {
			inside = strings.IndexFunc(w, unicode.IsLetter) >= 0
			continue
		}
		// a gazetteer name of its own is not a part, one that goes on over
		// the next word is
		gazOwn := s.gaz != nil && s.gaz[i] != "" && !(strings.HasPrefix(s.gaz[i], "B-") && strings.HasPrefix(s.gaz[i+1], "I-"))
		if tags[i] != tagO || !isBegin(tags[i+1]) || tags[i+1] == tagBPER || s.capb[i] < 3 || gazOwn || !firstUpper(w) || isAllUpper(w) {
			continue
		}
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			continue
		}
		if l := s.lower[i]; isTitleWord(l) || isHonorific(l) || calendarWords[l] || edgeWords[l] {
			continue
		}
		out = append(out, i)
	}
	return out
}

// prevTable returns the previous-tag weights of a word (its form and shape
// features over the tag-only ones). They are model constants, cached for the
// model's lifetime: by shape for the words the model marks as having no
// previous-tag x word weights (most words: a small table per shape), else by
// the word's key (bounded by the marked words and their spellings).
func (m *Model) prevTable(key, lw, sh string) *[nPrev][numTags]float32 {
	pw := !m.markers || m.index.get(feat(fPrevWordAny, lw)) >= 0
	cache, ck := &m.shapeTabs, sh
	if pw {
		cache, ck = &m.wordTabs, key
	}
	if v, ok := cache.Load(ck); ok {
		return v.(*[nPrev][numTags]float32)
	}
	tb := new([nPrev][numTags]float32)
	for p := 0; p < nPrev; p++ {
		tr := &tb[p]
		*tr = m.prevTab[p]
		pt := prevName(p)
		if pw {
			m.addWeights(tr, feat2(fPrevWord, pt, lw))
		}
		m.addWeights(tr, feat2(fPrevShape, pt, sh))
	}
	v, _ := cache.LoadOrStore(ck, tb)
	return v.(*[nPrev][numTags]float32)
}

// addHistory records a sentence's tags in the document history.
func addHistory(hist map[string]*[5]int, s *Sentence, tags []int) {
	for i, t := range tags {
		if t == tagO {
			continue
		}
		if hk := histKey(s, i); hk != "" {
			h := hist[hk]
			if h == nil {
				h = &[5]int{}
				hist[hk] = h
			}
			h[tagClass(t)]++
		}
	}
}
