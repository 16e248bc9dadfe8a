package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tags of the sequence model: BIO over the four CoNLL classes.
const (
	tagO = iota
	tagBPER
	tagIPER
	tagBORG
	tagIORG
	tagBLOC
	tagILOC
	tagBMISC
	tagIMISC
	numTags
)

// TagNames are the model's tags in index order.
var TagNames = [numTags]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// TagIndex returns the index of a BIO tag name, or 0 (O) when unknown.
func TagIndex(s string) int {
	for i, n := range TagNames {
		if n == s {
			return i
		}
	}
	return tagO
}

func tagClass(t int) int { // 0 none, 1 PER, 2 ORG, 3 LOC, 4 MISC
	if t <= 0 || t >= numTags {
		return 0
	}
	return (t + 1) / 2
}

func isBegin(t int) bool { return t > 0 && t%2 == 1 }

// allowed reports whether tag t may follow tag prev under BIO.
func allowed(prev, t int) bool {
	if t == tagO || isBegin(t) {
		return true
	}
	return tagClass(prev) == tagClass(t)
}

// Feature template ids. Each feature is hashed from its template byte and its
// string parts; the hash keys the model's weight table.
const (
	fBias byte = iota + 1
	fWord
	fLower
	fShape
	fPre1
	fPre2
	fPre3
	fPre4
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fWm1
	fWm2
	fWp1
	fWp2
	fShm1
	fShp1
	fBgm1
	fBgp1
	fPrev
	fPrev2
	fPrevWord
	fFirst
	fCaps
	fClusC
	fClusF
	fClusCm1
	fClusCp1
	fClusFm1
	fClusFp1
	fGaz
	fGazm1
	fGazp1
	fHist
	fHyph
	fShpair
	fPrevShape
	fLen
	fUpperRatio
	fClusF2
	fNamePart
	fNamePartP1
	fNamePartM1
	fClusExact
	fCapR
	fCapRP1
	fCapRM1
	// fPrevWordAny marks (weights unused) a word that has previous-tag x
	// word features in a structured model, so that the decoder looks them
	// up only for such words.
	fPrevWordAny
)

var capNames = [8]string{"unk", "low", "mostlow", "mostcap", "cap", "x5", "x6", "x7"}

var partNames = [4]string{"", "first", "last", "both"}

const fnvOffset = 14695981039346656037
const fnvPrime = 1099511628211

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func feat(t byte, s string) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(t)
	h *= fnvPrime
	return hashStr(h, s)
}

func feat2(t byte, a, b string) uint64 {
	h := feat(t, a)
	h ^= 0xff
	h *= fnvPrime
	return hashStr(h, b)
}

// Shape maps a word to a compressed shape: runs of upper, lower, digit and
// other characters collapse to one symbol each ("Petrov" -> "Xx",
// "U.S." -> "X.X.", "1996-08-22" -> "d-d-d").
func Shape(w string) string {
	var b [16]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = 'o'
		}
		if c == last {
			continue
		}
		last = c
		if n < len(b) {
			b[n] = c
			n++
		}
	}
	return string(b[:n])
}

// Sentence is the model's view of one sentence: its words and the
// per-word information computed once.
type Sentence struct {
	Words  []string
	lower  []string
	shapes []string
	gaz    []string  // gazetteer feature per word ("B-PER", "I-LOC|B-ORG") or ""
	parts  []uint8   // name-part bits per word (1 first name, 2 surname)
	capb   []uint8   // capitalisation bucket per word (0 unknown)
	clus   []cluster // word clusters per word, filled on first use
	ckind  []uint8   // 0 no cluster, 1 of the lower-cased word, 2 of the word's model form
	nclus  []cluster // clusters of the words as written, for neighbour features
	nhas   []bool
	// AllCaps marks a sentence whose letters are all upper case (headlines).
	AllCaps bool
}

// NewSentence prepares words for tagging with gazetteer g (may be nil).
func NewSentence(words []string, g *Gazetteer) *Sentence {
	s := &Sentence{Words: words, lower: make([]string, len(words)), shapes: make([]string, len(words))}
	letters, upper := 0, 0
	for i, w := range words {
		s.lower[i] = strings.ToLower(w)
		s.shapes[i] = Shape(w)
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
	}
	s.AllCaps = letters > 6 && upper == letters
	if g != nil {
		s.gaz = g.Match(s.lower)
		if len(g.caps) > 0 {
			s.capb = make([]uint8, len(words))
			for i, l := range s.lower {
				s.capb[i] = g.caps[l]
			}
		}
		if len(g.nameParts) > 0 {
			s.parts = make([]uint8, len(words))
			for i, l := range s.lower {
				s.parts[i] = g.nameParts[l]
			}
		}
	}
	return s
}

func affix(w string, n int, suffix bool) (string, bool) {
	if utf8.RuneCountInString(w) < n {
		return "", false
	}
	if !suffix {
		i, k := 0, 0
		for k < n {
			_, sz := utf8.DecodeRuneInString(w[i:])
			i += sz
			k++
		}
		return w[:i], true
	}
	i, k := len(w), 0
	for k < n {
		_, sz := utf8.DecodeLastRuneInString(w[:i])
		i -= sz
		k++
	}
	return w[i:], true
}

// prevName is the name of a previous tag in features ("<s>" before the
// sentence: a negative tag or startState).
func prevName(p int) string {
	if p < 0 || p >= numTags {
		return "<s>"
	}
	return TagNames[p]
}

// appendPrevFeatures appends the features that depend on the previous two
// tags (pt, pt2 by name) of a word (lower case lw, shape sh).
func appendPrevFeatures(out []uint64, pt, pt2, lw, sh string) []uint64 {
	return append(out, feat(fPrev, pt), feat2(fPrev2, pt2, pt), feat2(fPrevWord, pt, lw), feat2(fPrevShape, pt, sh))
}

// appendPrevFeatures1 appends the features of a first-order model that
// depend on the previous tag.
func appendPrevFeatures1(out []uint64, pt, lw, sh string) []uint64 {
	return append(out, feat(fPrev, pt), feat2(fPrevWord, pt, lw), feat2(fPrevShape, pt, sh))
}

// form returns word i as the features read it: as written, or, in a
// headline in capitals (no case signal), the lower-cased word capitalised;
// and its shape.
func (s *Sentence) form(i int) (w, sh string) {
	if s.AllCaps {
		w = capFirst(s.lower[i])
		return w, Shape(w)
	}
	return s.Words[i], s.shapes[i]
}

// features appends the feature hashes of word i given the previous two tags
// and the document history feature hist ("" when none).
func (m *Model) features(out []uint64, s *Sentence, i int, prev, prev2 int, hist string) []uint64 {
	out = m.staticFeatures(out, s, i, hist)
	_, sh := s.form(i)
	return appendPrevFeatures(out, prevName(prev), prevName(prev2), s.lower[i], sh)
}

// staticFeatures appends the features of word i that do not depend on the
// tags before it.
func (m *Model) staticFeatures(out []uint64, s *Sentence, i int, hist string) []uint64 {
	n := len(s.Words)
	lw := s.lower[i]
	w, sh := s.form(i)
	out = append(out, feat(fBias, ""), feat(fWord, w), feat(fLower, lw), feat(fShape, sh))
	for k := 1; k <= 4; k++ {
		if p, ok := affix(lw, k, false); ok {
			out = append(out, feat(fPre1+byte(k-1), p))
		}
		if p, ok := affix(lw, k, true); ok {
			out = append(out, feat(fSuf1+byte(k-1), p))
		}
	}
	wm1, wm2, wp1, wp2 := "<s>", "<s>", "</s>", "</s>"
	shm1, shp1 := "<s>", "</s>"
	if i > 0 {
		wm1, shm1 = s.lower[i-1], s.shapes[i-1]
		if s.AllCaps {
			shm1 = Shape(capFirst(wm1))
		}
	}
	if i > 1 {
		wm2 = s.lower[i-2]
	}
	if i+1 < n {
		wp1, shp1 = s.lower[i+1], s.shapes[i+1]
		if s.AllCaps {
			shp1 = Shape(capFirst(wp1))
		}
	}
	if i+2 < n {
		wp2 = s.lower[i+2]
	}
	out = append(out, feat(fWm1, wm1), feat(fWm2, wm2), feat(fWp1, wp1), feat(fWp2, wp2),
		feat(fShm1, shm1), feat(fShp1, shp1), feat2(fBgm1, wm1, lw), feat2(fBgp1, lw, wp1),
		feat2(fShpair, shm1+"|"+sh, shp1))
	if i == 0 {
		out = append(out, feat(fFirst, sh))
	}
	if s.AllCaps {
		out = append(out, feat(fCaps, ""))
	}
	if m != nil && m.clusters != nil {
		if s.clus == nil {
			s.fillClusters(m)
		}
		switch s.ckind[i] {
		case 2:
			c := &s.clus[i]
			out = append(out, feat(fClusC, c.coarse), feat(fClusF, c.fine), feat2(fClusF2, c.fine, sh))
		case 1:
			c := &s.clus[i]
			out = append(out, feat(fClusC, c.coarse), feat(fClusF, c.fine), feat(fClusExact, "lower"))
		}
		if i > 0 && s.nhas[i-1] {
			c := &s.nclus[i-1]
			out = append(out, feat(fClusCm1, c.coarse), feat(fClusFm1, c.fine))
		}
		if i+1 < n && s.nhas[i+1] {
			c := &s.nclus[i+1]
			out = append(out, feat(fClusCp1, c.coarse), feat(fClusFp1, c.fine))
		}
	}
	if s.gaz != nil {
		if g := s.gaz[i]; g != "" {
			out = append(out, feat(fGaz, g), feat2(fGaz, g, sh))
		}
		if i > 0 && s.gaz[i-1] != "" {
			out = append(out, feat(fGazm1, s.gaz[i-1]))
		}
		if i+1 < n && s.gaz[i+1] != "" {
			out = append(out, feat(fGazp1, s.gaz[i+1]))
		}
	}
	if s.parts != nil {
		if p := s.parts[i]; p != 0 {
			out = append(out, feat(fNamePart, partNames[p&3]), feat2(fNamePart, partNames[p&3], sh))
		}
		if i+1 < n && s.parts[i+1] != 0 {
			out = append(out, feat(fNamePartP1, partNames[s.parts[i+1]&3]))
		}
		if i > 0 && s.parts[i-1] != 0 {
			out = append(out, feat(fNamePartM1, partNames[s.parts[i-1]&3]))
		}
	}
	if s.capb != nil {
		cb := capNames[s.capb[i]&7]
		out = append(out, feat(fCapR, cb), feat2(fCapR, cb, sh))
		if i == 0 || s.AllCaps {
			out = append(out, feat2(fCapR, cb, "first"))
		}
		if i+1 < n {
			out = append(out, feat(fCapRP1, capNames[s.capb[i+1]&7]))
		}
		if i > 0 {
			out = append(out, feat(fCapRM1, capNames[s.capb[i-1]&7]))
		}
	}
	if hist != "" {
		out = append(out, feat(fHist, hist))
	}
	if j := strings.IndexByte(lw, '-'); j > 0 && j < len(lw)-1 {
		out = append(out, feat(fHyph, lw[:j]), feat2(fHyph, "2", lw[j+1:]))
	}
	return out
}

func capFirst(lw string) string {
	r, n := utf8.DecodeRuneInString(lw)
	if r == utf8.RuneError {
		return lw
	}
	return string(unicode.ToUpper(r)) + lw[n:]
}

// histKey is the document-history key of a word: only capitalised words
// that are not sentence-initial carry one.
func histKey(s *Sentence, i int) string {
	w := s.Words[i]
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || s.AllCaps {
		return ""
	}
	return s.lower[i]
}

func (s *Sentence) fillClusters(m *Model) {
	n := len(s.Words)
	s.clus = make([]cluster, n)
	s.ckind = make([]uint8, n)
	s.nclus = make([]cluster, n)
	s.nhas = make([]bool, n)
	for i, w := range s.Words {
		if c, ok := m.clusters[w]; ok {
			s.nclus[i], s.nhas[i] = c, true
		}
		if s.AllCaps {
			if c, ok := m.clusters[capFirst(s.lower[i])]; ok {
				s.clus[i], s.ckind[i] = c, 2
				continue
			}
		} else if s.nhas[i] {
			s.clus[i], s.ckind[i] = s.nclus[i], 2
			continue
		}
		if c, ok := m.clusters[s.lower[i]]; ok {
			s.clus[i], s.ckind[i] = c, 1
		}
	}
}

// startState is the "previous tag" before a sentence's first word in the
// structured decoder's tables.
const startState = numTags

const nPrev = numTags + 1

// negInf marks an impossible decoder state.
const negInf = float32(-1e30)

// viterbi returns the best tag sequence under BIO constraints for a
// second-order model: emit[i][t] scores tag t at word i from the features
// that ignore the tags before it, trans[i][p][t] the features of word i
// with previous tag p (startState before the sentence), and pair[p2][p][t]
// the tag-trigram features (nil: a first-order model). bp is scratch space (reused when large enough).
func viterbi(emit [][numTags]float32, trans []*[nPrev][numTags]float32, pair *[nPrev][nPrev][numTags]float32, bp [][numTags][numTags]uint8) ([]int, [][numTags][numTags]uint8) {
	n := len(emit)
	tags := make([]int, n)
	if n == 0 {
		return tags, bp
	}
	if cap(bp) < n {
		bp = make([][numTags][numTags]uint8, n)
	}
	bp = bp[:n]
	// cur[p][t]: best score of a prefix ending with tags p, t (p == startState
	// only at word 0). Every state the BIO constraints allow is reachable, so
	// only allowed pairs are visited and none is ever -inf once reached.
	var cur, next [nPrev][numTags]float32
	for t := 0; t < numTags; t++ {
		cur[startState][t] = negInf
		if allowed(tagO, t) {
			cur[startState][t] = emit[0][t] + trans[0][startState][t]
			if pair != nil {
				cur[startState][t] += pair[startState][startState][t]
			}
		}
	}
	first := true
	for i := 1; i < n && pair == nil; i++ {
		// First order: the best predecessor of (p, t) depends on p only.
		em, tr := &emit[i], trans[i]
		for p := 0; p < numTags; p++ {
			c, a := cur[startState][p], uint8(startState)
			if !first {
				c = negInf
				for _, p2 := range prevsOf[p] {
					if v := cur[p2][p]; v > c {
						c, a = v, uint8(p2)
					}
				}
			}
			nx, b, tp := &next[p], &bp[i][p], &tr[p]
			for t := range nx {
				nx[t] = c + em[t] + tp[t]
				b[t] = a
			}
		}
		cur, first = next, false
	}
	for i := 1; i < n && pair != nil; i++ {
		em, tr := &emit[i], trans[i]
		for p := 0; p < numTags; p++ {
			// best[t]: the best prefix ending (p2, p) extended by t.
			var best [numTags]float32
			var arg [numTags]uint8
			switch {
			case first:
				c, row := cur[startState][p], &pair[startState][p]
				for t := range best {
					best[t], arg[t] = c+row[t], startState
				}
			default:
				for t := range best {
					best[t] = negInf
				}
				for _, p2 := range prevsOf[p] {
					c, row := cur[p2][p], &pair[p2][p]
					for t := range best {
						if v := c + row[t]; v > best[t] {
							best[t], arg[t] = v, uint8(p2)
						}
					}
				}
			}
			nx, b := &next[p], &bp[i][p]
			for t := range best {
				nx[t] = best[t] + em[t] + tr[p][t]
				b[t] = arg[t]
			}
		}
		cur, first = next, false
	}
	best, bpv, bt := negInf, 0, 0
	if n == 1 {
		for t := 0; t < numTags; t++ {
			if cur[startState][t] > best {
				best, bpv, bt = cur[startState][t], startState, t
			}
		}
	} else {
		for t := 0; t < numTags; t++ {
			for _, p := range prevsOf[t] {
				if cur[p][t] > best {
					best, bpv, bt = cur[p][t], p, t
				}
			}
		}
	}
	tags[n-1] = bt
	if n > 1 {
		tags[n-2] = bpv
		for i := n - 1; i >= 2; i-- {
			tags[i-2] = int(bp[i][tags[i-1]][tags[i]])
		}
	}
	return tags, bp
}

// prevsOf lists, per tag, the tags that may come before it under BIO.
var prevsOf = func() (out [numTags][]int) {
	for t := 0; t < numTags; t++ {
		for p := 0; p < numTags; p++ {
			if allowed(p, t) {
				out[t] = append(out[t], p)
			}
		}
	}
	return out
}()
