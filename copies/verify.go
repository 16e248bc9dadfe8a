package copies

import (
	"github.com/accord-news/accord"
)

// vdoc is a document prepared for verification: its words, their thesaurus
// senses and the word ranges of its sentences.
type vdoc struct {
	doc   *accord.Document
	words []word
	info  []*senseInfo // per word; nil for function words and unknown words
	sents [][2]int32   // word index ranges
}

func prepare(d *accord.Document, cache *wordCache) *vdoc {
	v := &vdoc{doc: d, words: tokenize(d.Text, d.Sentences, cache)}
	v.info = make([]*senseInfo, len(v.words))
	for i, w := range v.words {
		if !w.has(fStop) && w.has(fKnown) {
			v.info[i] = cache.info(lowerWord(d.Text, w), w.h)
		}
	}
	start := 0
	for i := 1; i <= len(v.words); i++ {
		if i == len(v.words) || v.words[i].sent != v.words[start].sent {
			v.sents = append(v.sents, [2]int32{int32(start), int32(i)})
			start = i
		}
	}
	return v
}

// lowerWord re-derives the lower-cased form of w (as tokenize built it).
func lowerWord(s string, w word) string {
	if w.start < 0 || int(w.end) > len(s) || w.start > w.end {
		return ""
	}
	b := make([]byte, 0, w.end-w.start)
	for _, r := range s[w.start:w.end] {
		switch {
		case r == '’':
			b = append(b, '\'')
		case r >= 'A' && r <= 'Z':
			b = append(b, byte(r+'a'-'A'))
		case r < 0x80:
			b = append(b, byte(r))
		default:
			b = append(b, string(toLower(r))...)
		}
	}
	return string(b)
}

// pairStats is what the sentence alignment of two documents found.
type pairStats struct {
	covA, covB       float64 // share of each document's words in aligned sentences
	alignedA         int     // words of A in aligned sentences
	alignedB         int
	sentsA, sentsB   int // aligned sentences on each side
	exact, related   int // LCS matches in aligned sentence pairs: identical words / thesaurus-related words
	gapA, gapB       int // words of aligned sentences outside the LCS, per side
	order            float64
	subsA, subsB     []int // word indices replaced on each side (thesaurus-related match, not identical)
	insA, insB       []int // word indices unmatched on each side in aligned pairs
	meanSim          float64
	wordsA, wordsB   int
	identicalSentsAB int
}

// sentence similarity needed for two sentences to count as aligned.
const alignSim = 0.5

// align aligns the sentences of a and b: each sentence of a with its most
// similar sentence of b and vice versa, similarity being the longest common
// subsequence of words (identical, or related in the thesaurus when both are
// content words) over the longer sentence's length.
//
// rel may be nil: then only identical words match.
func align(a, b *vdoc, rel *relation) pairStats {
	st := pairStats{wordsA: len(a.words), wordsB: len(b.words)}
	if len(a.words) == 0 || len(b.words) == 0 {
		return st
	}
	na, nb := len(a.sents), len(b.sents)
	bestA := make([]int, na)
	simA := make([]float64, na)
	bestB := make([]int, nb)
	simB := make([]float64, nb)
	for i := range bestA {
		bestA[i] = -1
	}
	for j := range bestB {
		bestB[j] = -1
	}
	var dp []int32
	for i, sa := range a.sents {
		m := int(sa[1] - sa[0])
		for j, sb := range b.sents {
			n := int(sb[1] - sb[0])
			mx, mn := m, n
			if mn > mx {
				mx, mn = mn, mx
			}
			if float64(mn) < alignSim*float64(mx) {
				continue // cannot reach the threshold
			}
			if float64(mn)/float64(mx) <= simA[i] && float64(mn)/float64(mx) <= simB[j] {
				continue // cannot beat either side's best
			}
			l := lcs(a, b, sa, sb, rel, &dp)
			s := float64(l) / float64(mx)
			if s > simA[i] {
				simA[i], bestA[i] = s, j
			}
			if s > simB[j] {
				simB[j], bestB[j] = s, i
			}
		}
	}
	var simSum float64
	prev, inc, tot := -1, 0, 0
	for i, sa := range a.sents {
		if simA[i] < alignSim {
			continue
		}
		m := int(sa[1] - sa[0])
		st.alignedA += m
		st.sentsA++
		simSum += simA[i]
		if simA[i] >= 0.999 {
			st.identicalSentsAB++
		}
		tot++
		if bestA[i] > prev {
			inc++
		}
		prev = bestA[i]
		// detailed match counts on this pair
		sb := b.sents[bestA[i]]
		detail(a, b, sa, sb, rel, &st)
	}
	for j, sb := range b.sents {
		if simB[j] >= alignSim {
			st.alignedB += int(sb[1] - sb[0])
			st.sentsB++
		}
	}
	st.covA = float64(st.alignedA) / float64(len(a.words))
	st.covB = float64(st.alignedB) / float64(len(b.words))
	if tot > 0 {
		st.order = float64(inc) / float64(tot)
		st.meanSim = simSum / float64(tot)
	}
	return st
}

// relation holds, for one document pair, which content words of a are
// related in the thesaurus to which content words of b, as a bit matrix over
// the two documents' distinct words.
type relation struct {
	idA, idB []int16 // per word: local id of the distinct word, -1 if none
	cols     int     // uint64 words per row
	bits     []uint64
}

func newRelation(a, b *vdoc) *relation {
	r := &relation{idA: make([]int16, len(a.words)), idB: make([]int16, len(b.words))}
	localIDs := func(v *vdoc, ids []int16) []*senseInfo {
		seen := map[uint64]int16{}
		var infos []*senseInfo
		for i, w := range v.words {
			ids[i] = -1
			if v.info[i] == nil {
				continue
			}
			id, ok := seen[w.h]
			if !ok {
				if len(infos) >= 1<<15-1 {
					continue
				}
				id = int16(len(infos))
				seen[w.h] = id
				infos = append(infos, v.info[i])
			}
			ids[i] = id
		}
		return infos
	}
	ia := localIDs(a, r.idA)
	ib := localIDs(b, r.idB)
	r.cols = (len(ib) + 63) / 64
	r.bits = make([]uint64, len(ia)*r.cols)
	if len(ia) == 0 || len(ib) == 0 {
		return r
	}
	own := map[uint32][]int16{}
	ext := map[uint32][]int16{}
	for j, si := range ib {
		for _, s := range si.own {
			own[s] = append(own[s], int16(j))
		}
		for _, s := range si.ext {
			ext[s] = append(ext[s], int16(j))
		}
	}
	for i, si := range ia {
		row := r.bits[i*r.cols : (i+1)*r.cols]
		for _, s := range si.own {
			for _, j := range ext[s] {
				row[j>>6] |= 1 << uint(j&63)
			}
		}
		for _, s := range si.ext {
			for _, j := range own[s] {
				row[j>>6] |= 1 << uint(j&63)
			}
		}
	}
	return r
}

func (r *relation) related(i, j int) bool {
	if r == nil {
		return false
	}
	a, b := r.idA[i], r.idB[j]
	if a < 0 || b < 0 {
		return false
	}
	return r.bits[int(a)*r.cols+int(b)>>6]&(1<<uint(b&63)) != 0
}

func match(a, b *vdoc, i, j int, rel *relation) bool {
	return a.words[i].h == b.words[j].h || rel.related(i, j)
}

// lcs is the length of the longest common subsequence of two sentences.
func lcs(a, b *vdoc, sa, sb [2]int32, rel *relation, buf *[]int32) int {
	m, n := int(sa[1]-sa[0]), int(sb[1]-sb[0])
	if cap(*buf) < 2*(n+1) {
		*buf = make([]int32, 2*(n+1))
	}
	prev := (*buf)[:n+1]
	cur := (*buf)[n+1 : 2*(n+1)]
	for j := range prev {
		prev[j] = 0
	}
	for i := 0; i < m; i++ {
		cur[0] = 0
		ai := int(sa[0]) + i
		for j := 0; j < n; j++ {
			if match(a, b, ai, int(sb[0])+j, rel) {
				cur[j+1] = prev[j] + 1
			} else if prev[j+1] >= cur[j] {
				cur[j+1] = prev[j+1]
			} else {
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return int(prev[n])
}

// detail recomputes the LCS of one aligned sentence pair with a full table
// and walks it back, counting identical and related matches and recording
// the replaced and inserted words on each side.
func detail(a, b *vdoc, sa, sb [2]int32, rel *relation, st *pairStats) {
	m, n := int(sa[1]-sa[0]), int(sb[1]-sb[0])
	if m*n > 1<<20 {
		return
	}
	t := make([]int32, (m+1)*(n+1))
	at := func(i, j int) *int32 { return &t[i*(n+1)+j] }
	for i := m - 1; i >= 0; i-- {
		for j := n - 1; j >= 0; j-- {
			if match(a, b, int(sa[0])+i, int(sb[0])+j, rel) {
				*at(i, j) = *at(i+1, j+1) + 1
			} else if *at(i+1, j) >= *at(i, j+1) {
				*at(i, j) = *at(i+1, j)
			} else {
				*at(i, j) = *at(i, j+1)
			}
		}
	}
	i, j := 0, 0
	for i < m && j < n {
		ai, bj := int(sa[0])+i, int(sb[0])+j
		if match(a, b, ai, bj, rel) && *at(i, j) == *at(i+1, j+1)+1 {
			if a.words[ai].h == b.words[bj].h {
				st.exact++
			} else {
				st.related++
				st.subsA = append(st.subsA, ai)
				st.subsB = append(st.subsB, bj)
			}
			i++
			j++
		} else if *at(i+1, j) >= *at(i, j+1) {
			st.insA = append(st.insA, ai)
			st.gapA++
			i++
		} else {
			st.insB = append(st.insB, bj)
			st.gapB++
			j++
		}
	}
	for ; i < m; i++ {
		st.insA = append(st.insA, int(sa[0])+i)
		st.gapA++
	}
	for ; j < n; j++ {
		st.insB = append(st.insB, int(sb[0])+j)
		st.gapB++
	}
}
