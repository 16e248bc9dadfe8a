package copies

import (
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/accord-news/accord"
)

// Verification thresholds.
const (
	// minCoverage: share of one document's words in sentences aligned with
	// the other document.
	minCoverage = 0.55
	// minAlignedWords: aligned words needed on the smaller side, so that one
	// shared quote between two short reports is not a copy.
	minAlignedWords = 25
	// minCoverageExact: coverage with identical words only below which the
	// thesaurus is not tried (no spinner changes that much).
	minCoverageExact = 0.1
	// minOrder: share of aligned sentences in the same order in both.
	minOrder = 0.5
	// spunChange: share of aligned words replaced by a thesaurus relative or
	// left unmatched above which a close copy is a spun copy rather than a
	// near-duplicate.
	spunChange = 0.04
	// spunRelated: share of the changed words that are thesaurus relatives
	// of their counterpart above which a changed copy counts as spun.
	spunRelated = 0.2
	// spunMaxNear: change above which a copy is spun however few of the
	// changes the thesaurus explains (no syndicator edits a third of the
	// words), as long as it explains spunMinRelated of them.
	spunMaxNear = 0.3
	// spunMinRelated: share of the changed words that must be thesaurus
	// relatives for a copy changed more than spunMaxNear to count at all.
	// Kept far below what a spinner leaves (on copies-dev WordNet relates a
	// median 58% of the changed words of spun links, 1% of links below
	// 21%) so that a spinner with another thesaurus still passes.
	spunMinRelated = 0.1
)

// verify decides whether documents a and b (indices into entries) are copies
// of each other, and which one is the copy. It is symmetric: the result does
// not depend on which one was indexed first.
func (x *Index) verify(ia, ib int32, p *prepCache) *verdict {
	ea, eb := &x.entries[ia], &x.entries[ib]
	// canonical order so the decision never depends on insertion order
	if ea.doc.ID > eb.doc.ID {
		ia, ib, ea, eb = ib, ia, eb, ea
	}
	if ea.exact != 0 && ea.exact == eb.exact {
		from, to, _ := nearDirection(ea, eb, ia, ib)
		return &verdict{edge: edge{from: from, to: to, kind: kindExact, score: 1}}
	}
	va, vb := p.get(ea.doc), p.get(eb.doc)
	// identical words first; the thesaurus only when that is not enough
	st := align(va, vb, nil)
	thesaurus := false
	var rel *relation
	// Pairs that share verbatim sentences but too few of them to be a copy
	// share wire paragraphs or quotes: no spinner is at work there, so
	// neither the thesaurus pass nor the spun-passage search can apply.
	shared := st.identicalSentsAB >= 2 && (st.cov() < 0.3 || 2*st.identicalSentsAB >= st.sentsA)
	if !st.passes() && shared {
		return nil
	}
	verbatim := st.identicalSentsAB
	if !st.passes() && st.cov() >= minCoverageExact && mayPassWithThesaurus(va, vb) {
		rel = newRelation(va, vb)
		st = align(va, vb, rel)
		thesaurus = true
		atomic.AddInt64(&x.nThesaurus, 1)
	}
	if !st.passes() {
		if verbatim > 0 {
			// a spinner leaves no sentence as it was; shared verbatim
			// sentences are wire copy or quotes
			return nil
		}
		if !mayHavePassages(va, vb) {
			return nil
		}
		atomic.AddInt64(&x.nPartial, 1)
		if rel == nil {
			rel = newRelation(va, vb)
		}
		return partialSpun(va, vb, ia, ib, ea, eb, rel)
	}
	if rel == nil && st.changed() >= spunChange {
		// the texts differ: measure how much of the difference is word
		// substitution (a spinner) rather than editing (a syndicator)
		rel = newRelation(va, vb)
		st = align(va, vb, rel)
		thesaurus = true
		atomic.AddInt64(&x.nThesaurus, 1)
	}
	cov := st.cov()
	matched := st.exact + st.related
	total := matched + (st.gapA+st.gapB)/2
	if total == 0 {
		return nil
	}
	change := float64(st.related+(st.gapA+st.gapB)/2) / float64(total)
	score := cov * st.meanSim
	if score > 1 {
		score = 1
	}
	lz := lazyEvidence{
		sentsA: int32(st.sentsA), sentsOfA: int32(len(va.sents)), exact: int32(st.exact), related: int32(st.related),
		gapA: int32(st.gapA), gapB: int32(st.gapB), covA: st.covA, covB: st.covB, meanSim: st.meanSim, order: st.order,
		thesaurus: thesaurus, whole: true,
	}
	changed := float64(st.related) + float64(st.gapA+st.gapB)/2
	if change >= spunMaxNear && float64(st.related) < spunMinRelated*changed {
		// Much changed, and almost none of it by a thesaurus relative:
		// a rewrite, or two reports filled into one template (company
		// results, market notes), not a copy. A spinner substitutes.
		return nil
	}
	if change < spunMaxNear && (change < spunChange || float64(st.related) < spunRelated*changed) {
		from, to, _ := nearDirection(ea, eb, ia, ib)
		return &verdict{edge: edge{from: from, to: to, kind: kindNear, score: score, lz: lz}}
	}
	from, to, fl := spunDirection(va, vb, ia, ib, &st, ea, eb)
	lz.change = change
	if fl != nil {
		lz.fluency, lz.hasFluency = *fl, true
	}
	return &verdict{edge: edge{from: from, to: to, kind: kindSpun, score: score, lz: lz}}
}

// lazyEvidence is what a whole-document edge's evidence is written from
// when links are asked for: a few numbers instead of the sentences (a
// million documents have millions of edges).
type lazyEvidence struct {
	whole                                        bool // false: an exact duplicate
	thesaurus                                    bool
	sentsA, sentsOfA, exact, related, gapA, gapB int32
	covA, covB, meanSim, order, change           float64
	fluency                                      fluencyWhy // spun only, when hasFluency (else inconclusive)
	hasFluency                                   bool
}

// fluencyWhy is the fluency evidence of a spun edge's direction, copy side
// first.
type fluencyWhy struct{ fCopy, fOrig, pCopy, pOrig float64 }

func (f *fluencyWhy) why(copyID string) string {
	return fmt.Sprintf("direction: %s reads less fluently where the two differ (%s vs %s of word pairs around the changes known from reference news; odd function-word pairs %s vs %s)",
		copyID, pct(f.fCopy), pct(f.fOrig), pct(f.pCopy), pct(f.pOrig))
}

// evidenceOf returns an edge's evidence.
func (x *Index) evidenceOf(e *edge) []string {
	if e.ev > 0 {
		return x.evidence[e.ev-1]
	}
	lz := &e.lz
	// the pair in canonical order (as verify saw it)
	ia, ib := e.from, e.to
	ea, eb := &x.entries[ia], &x.entries[ib]
	if ea.doc.ID > eb.doc.ID {
		ia, ib, ea, eb = ib, ia, eb, ea
	}
	_, _, why := nearDirection(ea, eb, ia, ib)
	if !lz.whole {
		return []string{"identical word sequence (" + fmt.Sprint(ea.words) + " words)", why}
	}
	ev := []string{
		fmt.Sprintf("%d of %d sentences aligned (%s and %s of the words), mean sentence similarity %.2f, order kept %s",
			lz.sentsA, lz.sentsOfA, pct(lz.covA), pct(lz.covB), lz.meanSim, pct(lz.order)),
		fmt.Sprintf("aligned words: %d identical, %d thesaurus-related, %d and %d unmatched", lz.exact, lz.related, lz.gapA, lz.gapB),
		fmt.Sprintf("estimated word-trigram Jaccard %.2f, SimHash distance %d of 64, spin-robust feature Jaccard %.2f",
			x.sigs[ia].lex.jaccard(&x.sigs[ib].lex), hamming(ea.simh, eb.simh), x.sigs[ia].rob.jaccard(&x.sigs[ib].rob)),
	}
	if lz.thesaurus {
		ev[1] += " (thesaurus used)"
	}
	if e.kind != kindSpun {
		return append(ev, why)
	}
	ev = append(ev, fmt.Sprintf("%s of aligned words changed", pct(lz.change)))
	if lz.hasFluency {
		return append(ev, lz.fluency.why(x.entries[e.from].doc.ID))
	}
	return append(ev, why+" (fluency evidence inconclusive)")
}

func (st *pairStats) cov() float64 {
	if st.covB > st.covA {
		return st.covB
	}
	return st.covA
}

func (st *pairStats) passes() bool {
	minAligned := st.alignedA
	if st.alignedB < minAligned {
		minAligned = st.alignedB
	}
	minSents := st.sentsA
	if st.sentsB < minSents {
		minSents = st.sentsB
	}
	// One shared sentence is a shared quote or wire lead, not a copy; two
	// must be close.
	if minSents < 2 || minSents == 2 && st.meanSim < 0.6 {
		return false
	}
	// Different numbers and names in otherwise parallel sentences: two
	// reports from one template, not a copy.
	if miss := (st.immMissA + st.immMissB) / 2; miss >= 3 && miss > st.immMatch {
		return false
	}
	return st.cov() >= minCoverage && minAligned >= minAlignedWords && st.order >= minOrder
}

// changed is the share of aligned words that differ.
func (st *pairStats) changed() float64 {
	d := float64(st.related) + float64(st.gapA+st.gapB)/2
	if t := float64(st.exact) + d; t > 0 {
		return d / t
	}
	return 0
}

// dateOf returns the YYYY-MM-DD prefix of a publication date, or "".
func dateOf(d *accord.Document) string {
	p := strings.TrimSpace(d.Published)
	if len(p) >= 10 && p[4] == '-' && p[7] == '-' {
		return p[:10]
	}
	return ""
}

// nearDirection picks the copy among two close documents: the later
// published is the copy; else the shorter (less complete); else the one with
// the larger ID. It returns from (copy), to (original) and why.
func nearDirection(ea, eb *entry, ia, ib int32) (int32, int32, string) {
	da, db := dateOf(ea.doc), dateOf(eb.doc)
	if da != "" && db != "" && da != db {
		if da > db {
			return ia, ib, "direction: " + ea.doc.ID + " published later (" + da + " vs " + db + ")"
		}
		return ib, ia, "direction: " + eb.doc.ID + " published later (" + db + " vs " + da + ")"
	}
	if ea.content != eb.content {
		if ea.content < eb.content {
			return ia, ib, fmt.Sprintf("direction: %s has less prose (%d vs %d words in full sentences), the other is more complete", ea.doc.ID, ea.content, eb.content)
		}
		return ib, ia, fmt.Sprintf("direction: %s has less prose (%d vs %d words in full sentences), the other is more complete", eb.doc.ID, eb.content, ea.content)
	}
	if ea.words != eb.words {
		if ea.words < eb.words {
			return ia, ib, fmt.Sprintf("direction: %s is shorter (%d vs %d words), the other more complete", ea.doc.ID, ea.words, eb.words)
		}
		return ib, ia, fmt.Sprintf("direction: %s is shorter (%d vs %d words), the other more complete", eb.doc.ID, eb.words, ea.words)
	}
	if ea.doc.ID > eb.doc.ID {
		return ia, ib, "direction: no date or length difference; larger id taken as the copy"
	}
	return ib, ia, "direction: no date or length difference; larger id taken as the copy"
}

// spunDirection picks the spun side: the one whose changed words sit in
// word pairs that reference news text uses less (a spinner's context-blind
// substitutes and inserted habits read less fluently than the writer's own
// wording), with the function-word fingerprint as support; when that is
// inconclusive it falls back to nearDirection.
func spunDirection(va, vb *vdoc, ia, ib int32, st *pairStats, ea, eb *entry) (int32, int32, *fluencyWhy) {
	fa, na := fluency(va, append(append([]int(nil), st.subsA...), st.insA...))
	fb, nb := fluency(vb, append(append([]int(nil), st.subsB...), st.insB...))
	pa, pb := va.fingerprint(), vb.fingerprint()
	if na >= 4 && nb >= 4 {
		da := fa - 0.5*pa
		db := fb - 0.5*pb
		if d := da - db; d < -0.02 || d > 0.02 {
			if da < db {
				return ia, ib, &fluencyWhy{fa, fb, pa, pb}
			}
			return ib, ia, &fluencyWhy{fb, fa, pb, pa}
		}
	}
	from, to, _ := nearDirection(ea, eb, ia, ib)
	return from, to, nil
}

// spunWhy is the direction evidence of a spun pair (see spunDirection).
func spunWhy(ea, eb *entry, ia, ib, from int32, fl *fluencyWhy) string {
	if fl != nil {
		cp := eb
		if from == ia {
			cp = ea
		}
		return fl.why(cp.doc.ID)
	}
	_, _, why := nearDirection(ea, eb, ia, ib)
	return why + " (fluency evidence inconclusive)"
}

// partialSpun links two documents that differ as a whole but share several
// passages rewritten word for word by a spinner (a spun copy of part of the
// other, or of a common original whose wording the other keeps).
func partialSpun(va, vb *vdoc, ia, ib int32, ea, eb *entry, rel *relation) *verdict {
	ps := spunPassages(va, vb, rel)
	if len(ps) < minSpunPassages {
		return nil
	}
	var st pairStats
	words := 0
	for _, p := range ps {
		detail(va, vb, p.a, p.b, rel, &st)
		words += int(p.a[1] - p.a[0])
	}
	from, to, fl := spunDirection(va, vb, ia, ib, &st, ea, eb)
	why := spunWhy(ea, eb, ia, ib, from, fl)
	slots := 0
	for _, p := range ps {
		slots += p.slots
	}
	ev := []string{fmt.Sprintf("%s (%s) rewritten word for word: %s in the same order, %s, %s",
		counted(len(ps), "passage", "passages"), counted(words, "word", "words"), counted(st.exact, "identical word", "identical words"),
		counted(st.related, "thesaurus-related substitution", "thesaurus-related substitutions"),
		counted(slots, "other one-to-one substitution", "other one-to-one substitutions"))}
	for k, p := range ps {
		if k == 3 {
			break
		}
		ev = append(ev, fmt.Sprintf("%q ~ %q", unitText(va, p.a), unitText(vb, p.b)))
	}
	ev = append(ev, why)
	small := ea.words
	if eb.words < small {
		small = eb.words
	}
	score := float64(words) / float64(small+1)
	if score > 1 {
		score = 1
	}
	return &verdict{edge: edge{from: from, to: to, kind: kindSpun, score: score, partial: true}, evidence: ev}
}

func unitText(v *vdoc, u [2]int32) string {
	if u[0] < 0 || int(u[1]) > len(v.words) || u[0] >= u[1] {
		return ""
	}
	s, e := v.words[u[0]].start, v.words[u[1]-1].end
	if s < 0 || int(e) > len(v.doc.Text) || s > e {
		return ""
	}
	return v.doc.Text[s:e]
}

// counted writes n with the singular or plural noun ("1 passage", "3 passages").
func counted(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
