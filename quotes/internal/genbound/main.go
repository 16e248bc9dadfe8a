// Command genbound trains the learned content-boundary model of the quote
// stage (quotes/bound.go) on PolNeAR train and writes its weights to
// quotes/bound_table.go.
//
//	go run ./quotes/internal/genbound -data /work/shared/data/polnear-dev/train
//
// For every direct mention the rules draw (quotes.Boundaries), the gold label
// of a candidate start or end is whether it is the trimmed start or end of the
// direct PolNeAR content the mention overlaps most (its hull or, for a
// discontinuous content, one of its parts, as the scorer accepts). Starts and
// ends are each a log-linear choice among the mention's candidates (softmax,
// AdaGrad, L2); the filter is a logistic regression on whether the mention
// overlaps a direct content at all. -folds N first reports N-fold
// cross-validation by article (exact-span P/R/F1 against the rules').
package main

import (
	"flag"
	"fmt"
	"go/format"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/quotes"
	"github.com/accord-news/accord/text"
)

type content struct {
	spans  []accord.Span
	direct bool
}

type example struct {
	art   int
	m     quotes.BoundaryMention
	keys  []accord.Span // trimmed gold keys of the matched content
	match bool          // overlaps a direct content (filter label)
	si    int           // index of the gold start among m.Starts, or -1
	ei    int           // index of the gold end among m.Ends, or -1
}

type article struct {
	gold []content
	txt  string
}

func main() {
	data := flag.String("data", "/work/shared/data/polnear-dev/train", "PolNeAR split directory (attributions/, text/)")
	out := flag.String("out", "quotes/bound_table.go", "output Go file (empty: do not write)")
	folds := flag.Int("folds", 0, "report N-fold cross-validation by article first")
	epochs := flag.Int("epochs", 8, "training epochs")
	l2 := flag.Float64("l2", 3e-3, "L2 weight per example")
	minCount := flag.Int("min", 5, "minimum feature count")
	dump := flag.String("dump", "", "write fold 0's boundary errors to this file")
	avg := flag.Int("avg", 4, "average the weights of this many runs over different example orders")
	noFilter := flag.Bool("nofilter", false, "do not learn the filter")
	flag.BoolVar(&joinOn, "join", true, "join a quote continuing the previous one's statement")
	flag.BoolVar(&dedup, "dedup", true, "merge a mention inside the previous one")
	flag.Float64Var(&filterCut, "cut", 0, "filter score below which a mention is dropped")
	flag.Parse()

	arts, exs := load(*data)
	log.Printf("%d articles, %d direct mentions", len(arts), len(exs))
	stats(arts, exs)
	opt := opts{avg: *avg, epochs: *epochs, l2: *l2, min: *minCount, filter: !*noFilter}
	if *folds > 1 {
		var tot, rule evalCounts
		for k := 0; k < *folds; k++ {
			var tr, te []*example
			for _, e := range exs {
				if e.art%*folds == k {
					te = append(te, e)
				} else {
					tr = append(tr, e)
				}
			}
			w := train(tr, opt)
			tot.add(evaluate(arts, te, w, k, *folds))
			acc(te, w)
			if *dump != "" && k == 0 {
				dumpErrs(*dump, arts, te, w)
			}
			rule.add(evaluate(arts, te, nil, k, *folds))
		}
		log.Printf("CV rules: %s", rule)
		log.Printf("CV model: %s", tot)
	}
	if *out == "" {
		return
	}
	w := train(exs, opt)
	write(*out, w, len(arts), len(exs), opt)
}

// load reads the split and runs the rules over it.
func load(data string) ([]article, []*example) {
	anns, err := filepath.Glob(filepath.Join(data, "attributions", "*.ann"))
	if err != nil || len(anns) == 0 {
		log.Fatalf("no .ann files under %s", data)
	}
	sort.Strings(anns)
	first := map[string]string{}
	var names []string
	for _, a := range anns {
		base := filepath.Base(a)
		art := base[:strings.LastIndexByte(base, '_')]
		if _, ok := first[art]; !ok {
			first[art] = a
			names = append(names, art)
		}
	}
	seg := text.New()
	var arts []article
	var exs []*example
	for ai, name := range names {
		b, err := os.ReadFile(filepath.Join(data, "text", name+".txt"))
		if err != nil {
			log.Fatal(err)
		}
		d := &accord.Document{ID: name, Text: string(b)}
		if err := seg.Annotate(d); err != nil {
			log.Fatal(err)
		}
		gold := contents(first[name], d.Text)
		arts = append(arts, article{gold: gold, txt: d.Text})
		for _, m := range quotes.Boundaries(d) {
			exs = append(exs, label(ai, d.Text, m, gold))
		}
	}
	return arts, exs
}

func ratio(p accord.Span, frags []accord.Span) float64 {
	ov, gl := 0, 0
	for _, g := range frags {
		if o := min(p.End, g.End) - max(p.Start, g.Start); o > 0 {
			ov += o
		}
		gl += g.Len()
	}
	short := min(p.Len(), gl)
	if ov <= 0 || short <= 0 {
		return 0
	}
	return float64(ov) / float64(short)
}

// keysOf are the trimmed spans the scorer accepts for content c.
func keysOf(txt string, c content) []accord.Span {
	hull := c.spans[0]
	for _, s := range c.spans {
		hull.Start, hull.End = min(hull.Start, s.Start), max(hull.End, s.End)
	}
	keys := []accord.Span{trim(txt, hull)}
	if len(c.spans) > 1 {
		for _, s := range c.spans {
			keys = append(keys, trim(txt, s))
		}
	}
	return keys
}

func label(ai int, txt string, m quotes.BoundaryMention, gold []content) *example {
	e := &example{art: ai, m: m, si: -1, ei: -1}
	best, bi := 0.0, -1
	// The boundaries are learned from the direct content the mention
	// overlaps most, else from any content: quoted words inside one are
	// speech even where the scorer's direct setting (which does not take
	// straight single quotes for quotation marks) leaves the content out.
	for _, direct := range []bool{true, false} {
		for gi, g := range gold {
			if g.direct != direct && direct {
				continue
			}
			if r := ratio(m.Span, g.spans); r >= 0.5 && r > best {
				best, bi = r, gi
			}
		}
		if bi >= 0 {
			break
		}
	}
	if bi < 0 {
		return e
	}
	e.match = true
	e.keys = keysOf(txt, gold[bi])
	for _, k := range e.keys {
		si, ei := -1, -1
		for i, c := range m.Starts {
			if c.Offset == k.Start {
				si = i
			}
		}
		for i, c := range m.Ends {
			if c.Offset == k.End {
				ei = i
			}
		}
		if si >= 0 && ei >= 0 {
			e.si, e.ei = si, ei
			return e
		}
		if e.si < 0 && e.ei < 0 {
			e.si, e.ei = si, ei
		}
	}
	return e
}

func stats(arts []article, exs []*example) {
	var matched, learnable, ruleExact, sOK, eOK int
	for _, e := range exs {
		if !e.match {
			continue
		}
		matched++
		if e.si >= 0 && e.ei >= 0 {
			learnable++
		}
		if e.si >= 0 {
			sOK++
		}
		if e.ei >= 0 {
			eOK++
		}
		for _, k := range e.keys {
			if k == e.m.Span {
				ruleExact++
				break
			}
		}
	}
	nd := 0
	for _, a := range arts {
		for _, g := range a.gold {
			if g.direct {
				nd++
			}
		}
	}
	// Mentions of two or more quoted parts: how PolNeAR draws them.
	var multi, hullKey, fragKey, split int
	for _, e := range exs {
		if len(e.m.Fragments) < 2 {
			continue
		}
		multi++
		a := arts[e.art]
		n := 0
		for _, g := range a.gold {
			if !g.direct {
				continue
			}
			ks := keysOf(a.txt, g)
			for _, fr := range e.m.Fragments {
				if ks[0] == fr {
					n++
				}
			}
		}
		if n >= 2 {
			split++
		}
		for _, k := range e.keys {
			if k == e.m.Span {
				hullKey++
				break
			}
		}
		for i, k := range e.keys {
			if i > 0 && k == e.m.Fragments[0] {
				fragKey++
			}
		}
	}
	log.Printf("multi-part mentions %d: gold = hull %d, discontinuous %d, two or more contents %d", multi, hullKey, fragKey, split)
	log.Printf("gold direct %d; mentions %d, matched %d, rules exact %d, start reachable %d, end reachable %d, both %d",
		nd, len(exs), matched, ruleExact, sOK, eOK, learnable)
}

// weights is a sparse linear model.
type weights map[string]float64

func (w weights) score(fs []string) float64 {
	s := 0.0
	for _, f := range fs {
		s += w[f]
	}
	return s
}

type opts struct {
	seed   uint64
	avg    int
	epochs int
	l2     float64
	min    int
	filter bool
}

// train fits o.avg models on different example orders and averages their
// weights.
func train(exs []*example, o opts) weights {
	n := max(o.avg, 1)
	sum := weights{}
	for k := 0; k < n; k++ {
		o.seed = uint64(k + 1)
		for f, v := range train1(exs, o) {
			sum[f] += v / float64(n)
		}
	}
	return sum
}

// train1 fits the start and end softmax models and the filter.
func train1(exs []*example, o opts) weights {
	count := map[string]int{}
	for _, e := range exs {
		for _, c := range e.m.Starts {
			for _, f := range c.Feats {
				count[f]++
			}
		}
		for _, c := range e.m.Ends {
			for _, f := range c.Feats {
				count[f]++
			}
		}
		for _, f := range e.m.Filter {
			count[f]++
		}
	}
	keep := func(f string) bool { return count[f] >= o.min }
	w := weights{}
	g2 := map[string]float64{}
	const eta = 0.1
	update := func(f string, g float64) {
		if !keep(f) {
			return
		}
		g += o.l2 * w[f]
		g2[f] += g * g
		w[f] -= eta * g / (math.Sqrt(g2[f]) + 1e-8)
	}
	softmax := func(cs []quotes.BoundaryCandidate, gold int) {
		if gold < 0 || len(cs) < 2 {
			return
		}
		sc := make([]float64, len(cs))
		mx := math.Inf(-1)
		for i, c := range cs {
			sc[i] = w.score(c.Feats)
			mx = math.Max(mx, sc[i])
		}
		z := 0.0
		for i := range sc {
			sc[i] = math.Exp(sc[i] - mx)
			z += sc[i]
		}
		grad := map[string]float64{}
		for i, c := range cs {
			p := sc[i] / z
			if i == gold {
				p--
			}
			for _, f := range c.Feats {
				grad[f] += p
			}
		}
		for f, g := range grad {
			update(f, g)
		}
	}
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	seed := o.seed
	for ep := 0; ep < o.epochs; ep++ {
		for i := len(order) - 1; i > 0; i-- {
			seed = seed*6364136223846793005 + 1442695040888963407
			j := int(seed>>33) % (i + 1)
			order[i], order[j] = order[j], order[i]
		}
		for _, i := range order {
			e := exs[i]
			softmax(e.m.Starts, e.si)
			softmax(e.m.Ends, e.ei)
			if o.filter {
				p := 1 / (1 + math.Exp(-w.score(e.m.Filter)))
				y := 0.0
				if e.match {
					y = 1
				}
				for _, f := range e.m.Filter {
					update(f, p-y)
				}
			}
		}
	}
	if !o.filter {
		// keep every mention: a large positive bias
		w["f.bias"] = 100
	}
	return w
}

// acc logs the start and end accuracy of the rules and the model on the
// mentions whose gold boundaries are candidates.
func acc(te []*example, w weights) {
	var n, rs, re, ms, me, both, rboth int
	for _, e := range te {
		if e.si < 0 || e.ei < 0 {
			continue
		}
		n++
		sp, _ := predict(e, w)
		a := sp.Start == e.m.Starts[e.si].Offset
		b := sp.End == e.m.Ends[e.ei].Offset
		ra := e.m.Span.Start == e.m.Starts[e.si].Offset
		rb := e.m.Span.End == e.m.Ends[e.ei].Offset
		rs += b2i(ra)
		re += b2i(rb)
		ms += b2i(a)
		me += b2i(b)
		both += b2i(a && b)
		rboth += b2i(ra && rb)
	}
	rank := func(cs []quotes.BoundaryCandidate, gi int) int {
		g := w.score(cs[gi].Feats)
		r := 0
		for _, c := range cs {
			if w.score(c.Feats) > g {
				r++
			}
		}
		return r
	}
	var r2s, r2e, r2b int
	for _, e := range te {
		if e.si < 0 || e.ei < 0 || w == nil {
			continue
		}
		a, b := rank(e.m.Starts, e.si) <= 1, rank(e.m.Ends, e.ei) <= 1
		r2s += b2i(a)
		r2e += b2i(b)
		r2b += b2i(a && b)
	}
	if w != nil {
		// The filter against its label (overlaps a direct content).
		var kt, kf, dt int
		for _, e := range te {
			_, keep := predict(e, w)
			switch {
			case keep && e.match:
				kt++
			case keep:
				kf++
			case e.match:
				dt++
			}
		}
		log.Printf("filter: kept %d (%d contents, %d not), dropped %d contents: P %.3f R %.3f", kt+kf, kt, kf, dt,
			float64(kt)/float64(max(kt+kf, 1)), float64(kt)/float64(max(kt+dt, 1)))
	}
	log.Printf("top-2: start %d end %d both %d", r2s, r2e, r2b)
	log.Printf("reachable %d: rules start %d end %d both %d; model start %d end %d both %d", n, rs, re, rboth, ms, me, both)
}

func dumpErrs(path string, arts []article, te []*example, w weights) {
	var sb strings.Builder
	for _, e := range te {
		if !e.match {
			if _, ok := predict(e, w); ok {
				txt := arts[e.art].txt
				lo, hi := max(e.m.Span.Start-60, 0), min(e.m.Span.End+40, len(txt))
				fmt.Fprintf(&sb, "U %s[%s]%s\n", strings.ReplaceAll(txt[lo:e.m.Span.Start], "\n", " / "), txt[e.m.Span.Start:e.m.Span.End], strings.ReplaceAll(txt[e.m.Span.End:hi], "\n", " / "))
			}
			continue
		}
		if e.si < 0 || e.ei < 0 {
			continue
		}
		sp, _ := predict(e, w)
		gs, ge := e.m.Starts[e.si].Offset, e.m.Ends[e.ei].Offset
		if sp.Start == gs && sp.End == ge {
			continue
		}
		txt := arts[e.art].txt
		lo, hi := min(gs, sp.Start, e.m.Span.Start), max(ge, sp.End, e.m.Span.End)
		lo, hi = max(lo-40, 0), min(hi+40, len(txt))
		marks := map[int]string{}
		add := func(o int, s string) { marks[o] += s }
		add(gs, "[")
		add(ge, "]")
		add(sp.Start, "<")
		add(sp.End, ">")
		var out strings.Builder
		for i := lo; i < hi; i++ {
			out.WriteString(marks[i])
			out.WriteByte(txt[i])
		}
		out.WriteString(marks[hi])
		kind := "S"
		if sp.Start == gs {
			kind = "E"
		} else if sp.End != ge {
			kind = "SE"
		}
		fmt.Fprintf(&sb, "%s %s\n", kind, strings.ReplaceAll(out.String(), "\n", " / "))
	}
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

var filterCut = 0.0

var dedup = true

var joinOn = true

type evalCounts struct{ pred, gold, tp int }

func (c *evalCounts) add(o evalCounts) { c.pred += o.pred; c.gold += o.gold; c.tp += o.tp }

func (c evalCounts) String() string {
	p := float64(c.tp) / float64(max(c.pred, 1))
	r := float64(c.tp) / float64(max(c.gold, 1))
	return fmt.Sprintf("exact P %.3f R %.3f F1 %.3f (tp %d, pred %d, gold %d)", p, r, 2*p*r/math.Max(p+r, 1e-9), c.tp, c.pred, c.gold)
}

// predict returns the model's span of e and whether it is kept (w nil: the
// rules).
func predict(e *example, w weights) (accord.Span, bool) {
	if w == nil {
		return e.m.Span, true
	}
	if w.score(e.m.Filter) < filterCut {
		return accord.Span{}, false
	}
	sp := e.m.Span
	best := math.Inf(-1)
	for _, c := range e.m.Starts {
		if s := w.score(c.Feats); s > best {
			best, sp.Start = s, c.Offset
		}
	}
	best = math.Inf(-1)
	for _, c := range e.m.Ends {
		if s := w.score(c.Feats); s > best {
			best, sp.End = s, c.Offset
		}
	}
	return sp, true
}

// evaluate scores the held-out fold like the scorer: one-to-one exact
// matches of predicted spans with the keys of direct gold contents.
func evaluate(arts []article, te []*example, w weights, k, n int) evalCounts {
	var c evalCounts
	byArt := map[int][]*example{}
	for _, e := range te {
		byArt[e.art] = append(byArt[e.art], e)
	}
	for ai, a := range arts {
		if ai%n != k {
			continue
		}
		var keys [][]accord.Span
		for _, g := range a.gold {
			if g.direct {
				keys = append(keys, keysOf(a.txt, g))
			}
		}
		c.gold += len(keys)
		used := make([]bool, len(keys))
		var prev accord.Span
		type pr struct {
			e  *example
			sp accord.Span
		}
		var ps []pr
		for _, e := range byArt[ai] {
			sp, ok := predict(e, w)
			if !ok {
				continue
			}
			if n := len(ps); joinOn && w != nil && n > 0 && quotes.Joins(a.txt, &ps[n-1].e.m, &e.m) {
				// “…,” X said. “…”: one statement, as quotes.refine joins it.
				ps[n-1].sp.End = max(ps[n-1].sp.End, sp.End)
				ps[n-1].e = e
				continue
			}
			ps = append(ps, pr{e, sp})
		}
		for _, p := range ps {
			sp := p.sp
			if dedup && w != nil && sp == prev {
				continue // the same as the previous mention: merged
			}
			if !looksDirect(a.txt, sp) {
				continue // the scorer's direct setting leaves it out
			}
			prev = sp
			c.pred++
		next:
			for gi, ks := range keys {
				if used[gi] {
					continue
				}
				for _, kk := range ks {
					if kk == sp {
						used[gi] = true
						c.tp++
						break next
					}
				}
			}
		}
	}
	return c
}

func write(path string, w weights, narts, nex int, o opts) {
	var names []string
	for f, v := range w {
		if math.Abs(v) >= 1e-3 {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	var sb strings.Builder
	sb.WriteString("// Code generated by go run ./quotes/internal/genbound; DO NOT EDIT.\n\n")
	sb.WriteString("package quotes\n\n")
	fmt.Fprintf(&sb, "// boundTable: weights of the boundary and filter models, trained on the\n")
	fmt.Fprintf(&sb, "// direct mentions of PolNeAR train (%d articles, %d mentions; %d epochs,\n", narts, nex, o.epochs)
	fmt.Fprintf(&sb, "// L2 %g, features seen >= %d times).\n", o.l2, o.min)
	sb.WriteString("var boundTable = map[string]float32{\n")
	for _, f := range names {
		fmt.Fprintf(&sb, "\t%q: %s,\n", f, strconv.FormatFloat(w[f], 'g', 4, 32))
	}
	sb.WriteString("}\n")
	b, err := format.Source([]byte(sb.String()))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d weights -> %s", len(names), path)
}

// looksDirect mirrors the scorer's test of a direct prediction: a quotation
// mark inside, an opening one just before or a closing one just after.
func looksDirect(txt string, sp accord.Span) bool {
	if strings.ContainsAny(txt[sp.Start:sp.End], "\"“”„«»‘") || strings.Contains(txt[sp.Start:sp.End], "``") {
		return true
	}
	before := txt[max(0, sp.Start-4):sp.Start]
	r, _ := utf8.DecodeLastRuneInString(before)
	if before != "" && strings.ContainsRune("\"“„«‘`", r) {
		return true
	}
	a, _ := utf8.DecodeRuneInString(txt[sp.End:])
	return sp.End < len(txt) && strings.ContainsRune("\"”»", a)
}

// trimRune mirrors the scorer's trimming.
func trimRune(r rune) bool {
	return strings.ContainsRune(" \t\r\n\u00a0\"“”„«»‘’'`.,;:!?—–-…()[]", r)
}

func trim(txt string, sp accord.Span) accord.Span {
	s := strings.TrimLeftFunc(txt[sp.Start:sp.End], trimRune)
	a := sp.End - len(s)
	s = strings.TrimRightFunc(s, trimRune)
	if s == "" {
		return accord.Span{Start: sp.Start, End: sp.Start}
	}
	return accord.Span{Start: a, End: a + len(s)}
}

// contents reads the Content spans of a brat annotation, one entry per
// annotation (fragments of a discontinuous one together), in byte offsets.
func contents(path, txt string) []content {
	offs := make([]int, 0, len(txt)+1)
	for i := range txt {
		offs = append(offs, i)
	}
	offs = append(offs, len(txt))
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var out []content
	for _, line := range strings.Split(string(b), "\n") {
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) < 2 || !strings.HasPrefix(parts[0], "T") || !strings.HasPrefix(parts[1], "Content") {
			continue
		}
		f := strings.Fields(strings.ReplaceAll(parts[1], ";", " "))
		var c content
		for k := 1; k+1 < len(f); k += 2 {
			a, err1 := strconv.Atoi(f[k])
			e, err2 := strconv.Atoi(f[k+1])
			if err1 != nil || err2 != nil || a < 0 || e >= len(offs) || a > e {
				continue
			}
			c.spans = append(c.spans, accord.Span{Start: offs[a], End: offs[e]})
		}
		if len(c.spans) == 0 {
			continue
		}
		var sb strings.Builder
		for _, s := range c.spans {
			sb.WriteString(txt[s.Start:s.End])
		}
		c.direct = strings.ContainsAny(sb.String(), "\"“”„«»‘") || strings.Contains(sb.String(), "``")
		out = append(out, c)
	}
	return out
}
