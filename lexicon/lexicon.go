// Package lexicon answers word-relation questions from a compact table derived
// from WordNet 3.0 (Princeton; see LICENSE-WordNet): the single-word lemmas,
// their senses (synsets, most frequent first), each sense's broader senses
// (hypernyms and adjective similar-to heads) and the irregular inflections.
//
// The table is embedded (wordnet.bin.gz, about 1 MB) and decoded on first use
// (tens of milliseconds); every function is safe for concurrent use. Words are
// matched case-insensitively and inflected forms are reduced to their lemmas
// (WordNet's morphy: exception lists, then suffix rules).
//
// Regenerate with `go generate ./lexicon` (needs apt-get install wordnet-base).
package lexicon

//go:generate go run ./internal/gen -dir /usr/share/wordnet -out wordnet.bin.gz

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"io"
	"sort"
	"strings"
	"sync"
)

//go:embed wordnet.bin.gz
var tableGz []byte

type table struct {
	broaderStart []uint32 // len nSynsets+1
	broader      []uint32
	words        map[string]int32
	wordList     []string
	senseStart   []uint32 // len nWords+1
	senses       []uint32
	exc          map[string][]int32
}

var (
	once   sync.Once
	tab    *table
	tabErr error
)

func load() *table {
	once.Do(func() {
		tab, tabErr = decode(tableGz)
		if tabErr != nil {
			tab = &table{broaderStart: []uint32{0}, senseStart: []uint32{0}, words: map[string]int32{}, exc: map[string][]int32{}}
		}
	})
	return tab
}

// Err reports whether the embedded table failed to decode (then every lookup
// answers "unknown").
func Err() error {
	load()
	return tabErr
}

var errCorrupt = errors.New("lexicon: corrupt table")

func decode(gz []byte) (*table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(raw, []byte("WNLX1")) {
		return nil, errCorrupt
	}
	b := raw[5:]
	bad := false
	next := func() int {
		v, n := binary.Uvarint(b)
		if n <= 0 || v > 1<<31 {
			bad = true
			b = nil
			return 0
		}
		b = b[n:]
		return int(v)
	}
	str := func(n int) string {
		if n > len(b) {
			bad = true
			return ""
		}
		s := string(b[:n])
		b = b[n:]
		return s
	}
	t := &table{}
	ns := next()
	if ns > len(raw) {
		return nil, errCorrupt
	}
	t.broaderStart = make([]uint32, 0, ns+1)
	for i := 0; i < ns && !bad; i++ {
		t.broaderStart = append(t.broaderStart, uint32(len(t.broader)))
		for k := next(); k > 0 && !bad; k-- {
			t.broader = append(t.broader, uint32(next()))
		}
	}
	t.broaderStart = append(t.broaderStart, uint32(len(t.broader)))
	nw := next()
	if nw > len(raw) {
		return nil, errCorrupt
	}
	t.words = make(map[string]int32, nw)
	t.wordList = make([]string, 0, nw)
	t.senseStart = make([]uint32, 0, nw+1)
	for i := 0; i < nw && !bad; i++ {
		w := str(next())
		t.words[w] = int32(i)
		t.wordList = append(t.wordList, w)
		t.senseStart = append(t.senseStart, uint32(len(t.senses)))
		for k := next(); k > 0 && !bad; k-- {
			t.senses = append(t.senses, uint32(next()))
		}
	}
	t.senseStart = append(t.senseStart, uint32(len(t.senses)))
	ne := next()
	if ne > len(raw) {
		return nil, errCorrupt
	}
	t.exc = make(map[string][]int32, ne)
	for i := 0; i < ne && !bad; i++ {
		w := str(next())
		var bases []int32
		for k := next(); k > 0 && !bad; k-- {
			bases = append(bases, int32(next()))
		}
		t.exc[w] = bases
	}
	if bad {
		return nil, errCorrupt
	}
	for _, s := range t.senses {
		if int(s) >= ns {
			return nil, errCorrupt
		}
	}
	for _, s := range t.broader {
		if int(s) >= ns {
			return nil, errCorrupt
		}
	}
	for _, bs := range t.exc {
		for _, j := range bs {
			if int(j) >= nw {
				return nil, errCorrupt
			}
		}
	}
	return t, nil
}

// suffix rules of WordNet's morphy (all parts of speech together), plus
// undoubling of a final consonant ("stopped" -> "stop").
var suffixes = []struct{ from, to string }{
	{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
	{"men", "man"}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""},
	{"ing", "e"}, {"ing", ""}, {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"},
}

func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 || c == ' ' {
			w = strings.ToLower(strings.TrimSpace(w))
			return strings.ReplaceAll(strings.ReplaceAll(w, "’", "'"), " ", "_")
		}
	}
	return w
}

func (t *table) lemmaIDs(w string, dst []int32) []int32 {
	w = lower(w)
	if w == "" {
		return dst
	}
	add := func(j int32) {
		for _, x := range dst {
			if x == j {
				return
			}
		}
		dst = append(dst, j)
	}
	if j, ok := t.words[w]; ok {
		add(j)
	}
	for _, j := range t.exc[w] {
		add(j)
	}
	for _, s := range suffixes {
		if len(w) > len(s.from)+1 && strings.HasSuffix(w, s.from) {
			base := w[:len(w)-len(s.from)] + s.to
			if j, ok := t.words[base]; ok {
				add(j)
			} else if s.to == "" && (s.from == "ed" || s.from == "ing" || s.from == "er" || s.from == "est") &&
				len(base) > 2 && base[len(base)-1] == base[len(base)-2] {
				if j, ok := t.words[base[:len(base)-1]]; ok {
					add(j)
				}
			}
		}
	}
	return dst
}

// Known reports whether w (or a lemma of it) is in the table.
func Known(w string) bool {
	var buf [8]int32
	return len(load().lemmaIDs(w, buf[:0])) > 0
}

// Lemmas returns the base forms of w that the table knows ("ran" -> "run";
// "houses" -> "house"), w itself first when it is a lemma.
func Lemmas(w string) []string {
	t := load()
	var buf [8]int32
	var out []string
	for _, j := range t.lemmaIDs(w, buf[:0]) {
		out = append(out, t.wordList[j])
	}
	return out
}

// Senses appends to dst the sense (synset) ids of w's lemmas, each lemma's
// most frequent sense first, without repeats. At most max senses per lemma are
// taken (max <= 0: all). Ids are stable for one table version only: compare
// them, never store them.
func Senses(dst []uint32, w string, max int) []uint32 {
	t := load()
	var buf [8]int32
	for _, j := range t.lemmaIDs(w, buf[:0]) {
		ss := t.senses[t.senseStart[j]:t.senseStart[j+1]]
		if max > 0 && len(ss) > max {
			ss = ss[:max]
		}
	outer:
		for _, s := range ss {
			for _, x := range dst {
				if x == s {
					continue outer
				}
			}
			dst = append(dst, s)
		}
	}
	return dst
}

// SharedSenses returns the senses every one of words has: a synset named
// by its lemmas (SharedSenses("country", "state", "land") is the sense of
// a country as a political unit, not the other senses of each word).
func SharedSenses(words ...string) map[uint32]bool {
	out := map[uint32]bool{}
	if len(words) == 0 {
		return out
	}
	for _, s := range Senses(nil, words[0], 0) {
		out[s] = true
	}
	for _, w := range words[1:] {
		has := map[uint32]bool{}
		for _, s := range Senses(nil, w, 0) {
			has[s] = true
		}
		for s := range out {
			if !has[s] {
				delete(out, s)
			}
		}
	}
	return out
}

// Broader returns the broader senses of a sense (hypernyms, instance
// hypernyms, and for adjectives the head of a similar-to cluster).
func Broader(sense uint32) []uint32 {
	t := load()
	if int(sense)+1 >= len(t.broaderStart) {
		return nil
	}
	return t.broader[t.broaderStart[sense]:t.broaderStart[sense+1]]
}

// Synonyms returns the single-word lemmas that share a sense with w (any of
// its lemmas), sorted, without w's own lemmas.
func Synonyms(w string) []string {
	t := load()
	senses := Senses(nil, w, 0)
	if len(senses) == 0 {
		return nil
	}
	own := map[int32]bool{}
	var buf [8]int32
	for _, j := range t.lemmaIDs(w, buf[:0]) {
		own[j] = true
	}
	want := map[uint32]bool{}
	for _, s := range senses {
		want[s] = true
	}
	var out []string
	for j := range t.wordList {
		if own[int32(j)] {
			continue
		}
		for _, s := range t.senses[t.senseStart[j]:t.senseStart[j+1]] {
			if want[s] {
				out = append(out, t.wordList[j])
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// Related reports whether a and b share a lemma or a sense, or a sense of one
// is directly broader than a sense of the other (one hypernym hop): "war" and
// "battle", "price" and "cost", "car" and "automobile". Unknown words
// are related only to themselves (case-insensitively).
func Related(a, b string) bool {
	la, lb := lower(a), lower(b)
	if la == lb {
		return la != ""
	}
	sa := Senses(make([]uint32, 0, 32), la, 0)
	sb := Senses(make([]uint32, 0, 32), lb, 0)
	return SensesRelated(sa, sb)
}

// SensesRelated is Related over two sense lists (as Senses returns them): they
// share a sense, or one holds a direct broader sense of the other's.
func SensesRelated(sa, sb []uint32) bool {
	if len(sa) == 0 || len(sb) == 0 {
		return false
	}
	for _, x := range sa {
		for _, y := range sb {
			if x == y {
				return true
			}
		}
	}
	for _, x := range sa {
		for _, h := range Broader(x) {
			for _, y := range sb {
				if h == y {
					return true
				}
			}
		}
	}
	for _, y := range sb {
		for _, h := range Broader(y) {
			for _, x := range sa {
				if h == x {
					return true
				}
			}
		}
	}
	return false
}

// IsKindOf reports whether the most frequent sense of w (its first lemma's
// first sense) is, within depth broader-sense hops, a sense of one of kinds:
// IsKindOf("uk", 4, "location") is true because the United Kingdom is a
// country, a kind of location.
func IsKindOf(w string, depth int, kinds ...string) bool {
	ss := Senses(make([]uint32, 0, 8), lower(w), 1)
	if len(ss) == 0 {
		return false
	}
	want := map[uint32]bool{}
	for _, k := range kinds {
		for _, s := range Senses(nil, k, 0) {
			want[s] = true
		}
	}
	frontier := ss[:1]
	for d := 0; d <= depth && len(frontier) > 0; d++ {
		var next []uint32
		for _, s := range frontier {
			if want[s] {
				return true
			}
			next = append(next, Broader(s)...)
		}
		frontier = next
	}
	return false
}
