package clean

import (
	"math"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

//go:generate go run ./internal/genlang -o langprofiles.go

// maxLangBytes is how much text the language detector reads.
const maxLangBytes = 4000

// DetectLanguage returns the ISO 639-1 code of the text's language, or ""
// when the text is too short or the detector is unsure.
func DetectLanguage(text, title string) string {
	s := text
	if utf8.RuneCountInString(s) < 40 {
		s = title + "\n" + text
	}
	if len(s) > maxLangBytes {
		cut := maxLangBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	if utf8.RuneCountInString(s) < 20 {
		return ""
	}
	lang, confidence := detectWhatlang(s)
	code := lang.Iso6391()
	if code == "" || (confidence < 0.2 && utf8.RuneCountInString(s) < 200) {
		return ""
	}
	return code
}

// detectWhatlang returns what whatlanggo.Detect(s) returns, language and
// confidence, for the scripts whatlanggo scores by trigram profiles, with
// the same profiles and arithmetic but one map probe per trigram of s
// (whatlanggo probes its text map with every trigram of every language's
// profile: ~13,000 string-hashing probes for a Latin text, whatever its
// length, 80% of the cleaning time of a short article). The one difference:
// when two languages tie on the best score, whatlanggo's pick follows Go's
// random map order and this one is fixed (the profiles' order).
func detectWhatlang(s string) (whatlanggo.Lang, float64) {
	script := detectScript(s)
	var idx *trigramIndex
	if script >= 0 {
		idx = profileIndex(scriptTables[script])
	}
	if idx == nil {
		info := whatlanggo.Detect(s)
		return info.Lang, info.Confidence
	}
	lang, confidence, _ := idx.detect(s)
	return lang, confidence
}

// trigramIndex holds one script's profiles keyed by trigram.
type trigramIndex struct {
	langs []whatlanggo.Lang
	// slot numbers every trigram found in some profile of the script.
	slot map[uint64]int32
	// hits[slot] lists the languages whose profile holds the trigram, with
	// its weight there (maxTrigramDistance - rank).
	hits [][]langHit
	pool sync.Pool // *langScratch
}

type langHit struct {
	lang   int32
	weight int32
}

type langScratch struct {
	counts  []int32 // per slot
	touched []int32
	dist    []int
	num     []int
}

// maxTrigramDistance is whatlanggo's profile length (constants.go).
const maxTrigramDistance = 300

var (
	profileOnce    sync.Once
	profileScripts map[*unicode.RangeTable]*trigramIndex
)

// profileIndex returns the index of the script's profiles, or nil when
// whatlanggo does not score that script by profiles (or script is nil).
func profileIndex(script *unicode.RangeTable) *trigramIndex {
	if script == nil {
		return nil
	}
	profileOnce.Do(func() {
		lists := map[*unicode.RangeTable]string{
			unicode.Latin: "latinLangs", unicode.Cyrillic: "cyrillicLangs",
			unicode.Devanagari: "devanagariLangs", unicode.Hebrew: "hebrewLangs",
			unicode.Ethiopic: "ethiopicLangs", unicode.Arabic: "arabicLangs",
		}
		profileScripts = map[*unicode.RangeTable]*trigramIndex{}
		for script, name := range lists {
			if profiles, ok := whatlangProfiles[name]; ok && len(profiles) >= 2 {
				profileScripts[script] = newTrigramIndex(profiles)
			}
		}
	})
	return profileScripts[script]
}

type langProfile struct {
	lang     whatlanggo.Lang
	trigrams []string
}

func newTrigramIndex(profiles []langProfile) *trigramIndex {
	idx := &trigramIndex{slot: map[uint64]int32{}}
	for li, p := range profiles {
		idx.langs = append(idx.langs, p.lang)
		for rank, t := range p.trigrams {
			key, ok := trigramKeyOf(t)
			if !ok {
				continue // not three runes: no text trigram can equal it
			}
			s, seen := idx.slot[key]
			if !seen {
				s = int32(len(idx.hits))
				idx.slot[key] = s
				idx.hits = append(idx.hits, nil)
			}
			idx.hits[s] = append(idx.hits[s], langHit{int32(li), int32(maxTrigramDistance - rank)})
		}
	}
	n := len(idx.hits)
	nl := len(idx.langs)
	idx.pool.New = func() any {
		return &langScratch{counts: make([]int32, n), dist: make([]int, nl), num: make([]int, nl)}
	}
	return idx
}

func trigramKeyOf(t string) (uint64, bool) {
	var r [3]rune
	n := 0
	for _, c := range t {
		if n == 3 {
			return 0, false
		}
		r[n] = c
		n++
	}
	if n != 3 {
		return 0, false
	}
	return trigramKey(r[0], r[1], r[2]), true
}

// trigramKey packs three runes (21 bits each) into one key.
func trigramKey(a, b, c rune) uint64 {
	return uint64(a)<<42 | uint64(b)<<21 | uint64(c)
}

// asciiTrigramRune is trigramRune for ASCII, precomputed.
var asciiTrigramRune = func() (t [utf8.RuneSelf]rune) {
	for r := range t {
		t[r] = trigramRuneSlow(rune(r))
	}
	return t
}()

// trigramRune is whatlanggo's mapping of a rune before it counts trigrams:
// spaces, punctuation, symbols and digits become a space, the rest is
// lower-cased.
func trigramRune(r rune) rune {
	if r < utf8.RuneSelf && r >= 0 {
		return asciiTrigramRune[r]
	}
	return trigramRuneSlow(r)
}

func trigramRuneSlow(r rune) rune {
	if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
		r = ' '
	}
	return unicode.ToLower(r)
}

// detect scores s against the script's profiles as whatlanggo does
// (detectLangInProfiles, calculateDistance, calculateConfidence); tied is
// set when the two best languages have the same score.
func (idx *trigramIndex) detect(s string) (lang whatlanggo.Lang, confidence float64, tied bool) {
	sc := idx.pool.Get().(*langScratch)
	defer idx.pool.Put(sc)
	sc.touched = sc.touched[:0]
	add := func(a, b, c rune) {
		if slot, ok := idx.slot[trigramKey(a, b, c)]; ok {
			if sc.counts[slot] == 0 {
				sc.touched = append(sc.touched, slot)
			}
			sc.counts[slot]++
		}
	}
	// whatlanggo's count: the mapped runes plus a final space, each
	// trigram (r1, r2, r3) with r1 starting as a space, skipping those
	// whose middle is a space next to another space.
	first := true
	var r1, r2 rune
	for _, c := range s {
		r3 := trigramRune(c)
		if first {
			r1, r2, first = ' ', r3, false
			continue
		}
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			add(r1, r2, r3)
		}
		r1, r2 = r2, r3
	}
	if first {
		return -1, 0, false // empty text (whatlanggo finds no script for it)
	}
	if !(r2 == ' ' && r1 == ' ') {
		add(r1, r2, ' ')
	}
	clear(sc.dist)
	clear(sc.num)
	for _, slot := range sc.touched {
		w := int(sc.counts[slot])
		sc.counts[slot] = 0
		for _, h := range idx.hits[slot] {
			sc.dist[h.lang] += int(h.weight) * w
			sc.num[h.lang]++
		}
	}
	order := make([]int, len(idx.langs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return sc.dist[order[i]] > sc.dist[order[j]] })
	best, second := order[0], order[1]
	score1, score2 := sc.dist[best], sc.dist[second]
	tied = score1 == score2
	switch {
	case score1 == 0:
		return -1, 0, false
	case score2 == 0:
		// whatlanggo: float64((score1) / 500.0) with an int score1 is an
		// integer division.
		return idx.langs[best], math.Min(float64(score1/500), 1), false
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := 12.0/float64(sc.num[best]) + 0.05
	confidence = 1.0
	if rate <= confidentRate {
		confidence = rate / confidentRate
	}
	return idx.langs[best], math.Round(confidence*100) / 100, tied
}

// scriptTables are the scripts whatlanggo.DetectScript counts, in its
// initial order; hiraganaKatakana is built as whatlanggo builds its own.
var scriptTables = [...]*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Arabic, unicode.Devanagari, hiraganaKatakana,
	unicode.Ethiopic, unicode.Hebrew, unicode.Bengali, unicode.Georgian, unicode.Han,
	unicode.Hangul, unicode.Greek, unicode.Kannada, unicode.Tamil, unicode.Thai,
	unicode.Gujarati, unicode.Gurmukhi, unicode.Telugu, unicode.Malayalam, unicode.Oriya,
	unicode.Myanmar, unicode.Sinhala, unicode.Khmer,
}

const (
	scriptLatin            = 0
	scriptHiraganaKatakana = 4
	scriptHan              = 9
)

var hiraganaKatakana = &unicode.RangeTable{
	R16: append(append([]unicode.Range16{}, unicode.Hiragana.R16...), unicode.Katakana.R16...),
	R32: append(append([]unicode.Range32{}, unicode.Hiragana.R32...), unicode.Katakana.R32...),
}

// asciiScript classifies ASCII for detectScript: 0 a stop character
// (whatlanggo's isStopChar), 1 a Latin letter, 2 neither.
var asciiScript = func() (t [utf8.RuneSelf]uint8) {
	for r := range t {
		switch {
		case isStopRune(rune(r)):
			t[r] = 0
		case unicode.Is(unicode.Latin, rune(r)):
			t[r] = 1
		default:
			t[r] = 2
		}
	}
	return t
}()

func isStopRune(r rune) bool {
	return unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r)
}

// detectScript is whatlanggo.DetectScript, as the index of its script in
// scriptTables or -1 for none: the same counts, the same move-to-front
// order (which decides ties) and the same early return, with ASCII
// classified by a table (whatlanggo tries every script on every letter).
func detectScript(text string) int {
	halfLen := len(text) / 2
	var (
		order [len(scriptTables)]int8 // script at each position
		pos   [len(scriptTables)]int8 // position of each script
		count [len(scriptTables)]int
	)
	for i := range order {
		order[i], pos[i] = int8(i), int8(i)
	}
	hit := func(sc int) bool {
		count[sc]++
		if count[sc] > halfLen {
			return true
		}
		if i := pos[sc]; i > 0 {
			prev := order[i-1]
			order[i-1], order[i] = int8(sc), prev
			pos[sc], pos[prev] = i-1, i
		}
		return false
	}
	for _, ch := range text {
		if ch < utf8.RuneSelf && ch >= 0 {
			switch asciiScript[ch] {
			case 1:
				if hit(scriptLatin) {
					return scriptLatin
				}
			}
			continue
		}
		if isStopRune(ch) {
			continue
		}
		// Scripts are disjoint: the first table (in the current order)
		// that holds ch is the only one.
		for _, sc := range order {
			if unicode.Is(scriptTables[sc], ch) {
				if hit(int(sc)) {
					return int(sc)
				}
				break
			}
		}
	}
	jpCount, best, maxScript := 0, 0, -1
	for _, sc := range order {
		if count[sc] > best {
			best, maxScript = count[sc], int(sc)
			if sc == scriptHiraganaKatakana {
				jpCount = best
			}
		}
	}
	switch {
	case best == 0:
		return -1
	case maxScript == scriptHan && jpCount > 0:
		return scriptHiraganaKatakana
	}
	return maxScript
}
