package clean

import (
	"math"

	"github.com/accord-news/accord"
)

// Candidate is a line that reaches the learned filter, with its place.
type Candidate struct {
	Line
	Ctx LineContext
}

// Features returns the candidate's hashed features (OutsideFeatures for a
// page line outside the extracted text).
func (c Candidate) Features() []uint32 {
	if c.Ctx.Gap != "" {
		return OutsideFeatures(c.Line, c.Ctx)
	}
	return LineFeatures(c.Line, c.Ctx)
}

// Candidates cleans in with the receiver's configuration but without the
// learned filter and returns the lines the filter would have decided on.
// The trainer labels them from gold segments.
func (c *Cleaner) Candidates(in *accord.Input) []Candidate {
	ext, _ := c.AllCandidates(in)
	return ext
}

// AllCandidates is Candidates that also returns the page lines the
// extractor left out, as the reinsert model sees them (Ctx.Gap set).
func (c *Cleaner) AllCandidates(in *accord.Input) (ext, outside []Candidate) {
	tmp := &Cleaner{Config: c.Config}
	tmp.Config.NoModel = true
	tmp.Config.NoReinsert = false
	tmp.onCandidate = func(l Line, ctx LineContext) {
		ext = append(ext, Candidate{Line: l, Ctx: ctx})
	}
	tmp.onOutside = func(cd Candidate) { outside = append(outside, cd) }
	if _, err := tmp.Clean(in, accord.Options{}); err != nil {
		return nil, nil
	}
	return ext, outside
}

// PageCandidates returns every line of the page body (no main-content
// extraction), for training the filter on more boilerplate than the
// extractor lets through.
func PageCandidates(in *accord.Input) []Candidate {
	page, _ := prepareHTML(in.HTML)
	doc, err := parseBounded(page)
	if err != nil {
		return nil
	}
	var out []Candidate
	tmp := &Cleaner{Config: Config{NoModel: true}}
	tmp.onCandidate = func(l Line, ctx LineContext) {
		out = append(out, Candidate{Line: l, Ctx: ctx})
	}
	lines := nodeLinesDOM(findBody(doc))
	byKey, _ := indexPage(lines)
	attachDOM(lines, byKey)
	tmp.filterLines(lines, in, &accord.Document{}, true)
	return out
}

// Example is a labelled training line: Label 1 for boilerplate.
type Example struct {
	Features []uint32
	Label    float64
	Weight   float64
}

// TrainModel fits a logistic regression with AdaGrad and L2 regularisation.
// The order of examples is fixed, so training is reproducible.
func TrainModel(ex []Example, bits, epochs int, rate, l2 float64) *Model {
	m := &Model{Bits: bits, W: make([]float32, 1<<bits)}
	g2 := make([]float64, 1<<bits)
	mask := uint32(len(m.W) - 1)
	// A fixed pseudo-random permutation per epoch.
	perm := make([]int, len(ex))
	for i := range perm {
		perm[i] = i
	}
	state := uint64(0x9e3779b97f4a7c15)
	for ep := 0; ep < epochs; ep++ {
		for i := len(perm) - 1; i > 0; i-- {
			state ^= state << 13
			state ^= state >> 7
			state ^= state << 17
			j := int(state % uint64(i+1))
			perm[i], perm[j] = perm[j], perm[i]
		}
		for _, k := range perm {
			e := ex[k]
			p := m.Prob(e.Features)
			g := (p - e.Label) * e.Weight
			for _, h := range e.Features {
				i := h & mask
				gi := g + l2*float64(m.W[i])
				g2[i] += gi * gi
				m.W[i] -= float32(rate * gi / (math.Sqrt(g2[i]) + 1e-8))
			}
		}
	}
	return m
}
