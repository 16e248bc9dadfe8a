// Command train learns the line model embedded in package clean from the
// trafilatura evaluation pages (their "with"/"without" segments):
//
//	go run ./clean/internal/train -data /work/shared/data/trafilatura-eval/accord -o clean/model.bin
//
// (or go generate ./clean). The defaults are the settings of the embedded model.
//
// Only the pages of the "train" split (clean/internal/split) are used; the
// "dev" third is held out for evaluation with clean/internal/evalreport.
// Each line that reaches the learned filter at run time is labelled 0 when it
// holds a "with" segment, 1 when it holds only "without" segments, and is
// left out otherwise.
package main

import (
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/accord-news/accord/internal/devfile"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/clean"
	"github.com/accord-news/accord/clean/internal/split"
)

type goldDoc struct {
	With    []string `json:"with"`
	Without []string `json:"without"`
}

var ws = regexp.MustCompile(`\s+`)

func norm(s string) string { return strings.TrimSpace(ws.ReplaceAllString(s, " ")) }

type pageCands struct {
	Ext  []clean.Candidate // lines of the extracted main text
	Page []clean.Candidate // every line of the page body
	Out  []clean.Candidate // page lines the extractor left out (reinsert model)
}

func main() {
	data := flag.String("data", "/work/shared/data/trafilatura-eval/accord", "converted data set directory")
	out := flag.String("o", "clean/model.bin", "model file to write")
	insOut := flag.String("reinsert-o", "", "reinsert model file to write (default: reinsert.bin beside -o; none when -o is /dev/null)")
	insBits := flag.Int("reinsert-bits", 14, "hash bits of the reinsert model")
	cache := flag.String("cache", "", "gob cache of the extracted lines (built when missing)")
	bits := flag.Int("bits", 16, "hash bits")
	epochs := flag.Int("epochs", 8, "epochs")
	rate := flag.Float64("rate", 0.1, "AdaGrad learning rate")
	l2 := flag.Float64("l2", 1e-3, "L2 penalty")
	pageWeight := flag.Float64("page-weight", 0.3, "weight of whole-page lines (0 = extracted lines only)")
	which := flag.String("split", "all", "pages the final model learns from: all or train (the held-out figure then comes from -folds)")
	textWeight := flag.Float64("text-weight", 0.5, "weight of the extracted lines seen as plain text (no DOM features)")
	pages := flag.Bool("pages", false, "print the dev split's kept boilerplate and lost content segments at threshold 0.7")
	show := flag.Int("show", 0, "print this many dev-split errors at threshold 0.5")
	noWords := flag.Bool("no-words", false, "leave out word features")
	noDOM := flag.Bool("no-dom", false, "leave out the DOM context features (class/id words, section elements)")
	noConj := flag.Bool("no-conj", false, "leave out the conjunctions with the prose-block position")
	tri := flag.Bool("trigrams", false, "add character trigram features (they overfit: dev F1 drops)")
	folds := flag.Int("folds", 0, "k-fold cross-validation over all pages first (k > 1)")
	foldOut := flag.String("fold-out", "", "write the k fold models as PREFIX-i.bin (fold i held out)")
	cvOnly := flag.Bool("cv-only", false, "stop after the cross-validation")
	oracle := flag.Bool("oracle", false, "print the score of a perfect line filter (every boilerplate-only line out) and stop")
	flag.Parse()
	clean.FeatureGroups.Words = !*noWords
	clean.FeatureGroups.Trigrams = *tri
	clean.FeatureGroups.Conj = !*noConj
	clean.FeatureGroups.DOM = !*noDOM

	var gold struct {
		Documents map[string]goldDoc `json:"documents"`
	}
	b, err := os.ReadFile(filepath.Join(*data, "gold.json"))
	if err != nil {
		fail(err)
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		fail(err)
	}
	var ids []string
	for id := range gold.Documents {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	cands := loadOrBuild(*cache, *data, ids)

	examples := func(keep func(id string) bool) []clean.Example {
		var ex []clean.Example
		for _, id := range ids {
			if !keep(id) {
				continue
			}
			g := gold.Documents[id]
			add := func(cs []clean.Candidate, w float64) {
				for _, c := range cs {
					if l := label(c.Text, g); l >= 0 {
						ex = append(ex, clean.Example{Features: c.Features(), Label: l, Weight: w})
					}
				}
			}
			add(cands[id].Ext, 1)
			if *textWeight > 0 {
				// The same lines as plain text would give them: no DOM.
				var plain []clean.Candidate
				for _, c := range cands[id].Ext {
					c.Line = clean.Line{Text: c.Text}
					c.Ctx.HTML = false
					plain = append(plain, c)
				}
				add(plain, *textWeight)
			}
			if *pageWeight > 0 {
				add(cands[id].Page, *pageWeight)
			}
		}
		return ex
	}
	// The reinsert model learns from the page lines the extractor left out:
	// 0 for a line holding a "with" segment, 1 for "without" only.
	trainIns := func(keep func(id string) bool) *clean.Model {
		var ex []clean.Example
		pos := 0
		for _, id := range ids {
			if !keep(id) {
				continue
			}
			for _, c := range cands[id].Out {
				if l := label(c.Text, gold.Documents[id]); l >= 0 {
					ex = append(ex, clean.Example{Features: c.Features(), Label: l, Weight: 1})
					if l == 0 {
						pos++
					}
				}
			}
		}
		fmt.Fprintf(os.Stderr, "reinsert: %d labelled lines (%d content)\n", len(ex), pos)
		return clean.TrainModel(ex, *insBits, *epochs, *rate, *l2)
	}
	train := func(keep func(id string) bool) *clean.Model {
		ex := examples(keep)
		pos := 0
		for _, e := range ex {
			if e.Label == 1 {
				pos++
			}
		}
		fmt.Fprintf(os.Stderr, "%d labelled lines (%d boilerplate)\n", len(ex), pos)
		return clean.TrainModel(ex, *bits, *epochs, *rate, *l2)
	}

	if *oracle {
		// The ceiling of any line filter over these extracted lines.
		var c counts
		for _, id := range ids {
			g := gold.Documents[id]
			var kept []string
			for _, cd := range cands[id].Ext {
				if label(cd.Text, g) != 1 {
					kept = append(kept, norm(cd.Text))
				}
			}
			c.add(score(strings.Join(kept, " "), g))
		}
		fmt.Fprintf(os.Stderr, "oracle line filter: %s\n", c)
		return
	}

	if *folds > 1 {
		// k-fold cross-validation: every page is scored by the model that
		// did not see it, so the figure covers all pages, held out.
		cv := map[float64]*counts{}
		cvIns := map[float64]*counts{}
		for f := 0; f < *folds; f++ {
			mf := train(func(id string) bool { return split.Fold(id, *folds) != f })
			mi := trainIns(func(id string) bool { return split.Fold(id, *folds) != f })
			for _, th := range thresholds {
				if cv[th] == nil {
					cv[th] = &counts{}
				}
				cv[th].add(simulate(mf, th, ids, cands, gold.Documents, func(id string) bool { return split.Fold(id, *folds) == f }))
			}
			for _, th := range insThresholds {
				if cvIns[th] == nil {
					cvIns[th] = &counts{}
				}
				cvIns[th].add(simulateIns(mf, mi, th, ids, cands, gold.Documents, func(id string) bool { return split.Fold(id, *folds) == f }))
			}
			if *foldOut != "" {
				if err := os.WriteFile(fmt.Sprintf("%s-%d.bin", *foldOut, f), mf.Encode(), 0o644); err != nil {
					fail(err)
				}
				if err := os.WriteFile(fmt.Sprintf("%s-reinsert-%d.bin", *foldOut, f), mi.Encode(), 0o644); err != nil {
					fail(err)
				}
			}
		}
		for _, th := range thresholds {
			fmt.Fprintf(os.Stderr, "cv%-3d threshold %-4s  %s\n", *folds, thName(th), cv[th])
		}
		for _, th := range insThresholds {
			fmt.Fprintf(os.Stderr, "cv%-3d line filter 0.7, reinsert below %-4s  %s\n", *folds, thName(th), cvIns[th])
		}
		if *cvOnly {
			return
		}
	}

	m := train(func(id string) bool { return *which == "all" || split.Of(id) == *which })

	// Segment scores of the extracted text filtered by the model, per split
	// and threshold (the text is simulated as the kept candidate lines).
	for _, sp := range []string{"train", "dev"} {
		for _, th := range thresholds {
			c := simulate(m, th, ids, cands, gold.Documents, func(id string) bool { return split.Of(id) == sp })
			fmt.Fprintf(os.Stderr, "%-5s threshold %-4s  %s\n", sp, thName(th), c)
		}
	}
	if *pages {
		// Per dev page at threshold 0.7: the kept boilerplate segments with
		// the probability of the line holding them, and the lost content.
		for _, id := range ids {
			if split.Of(id) != "dev" {
				continue
			}
			g := gold.Documents[id]
			var kept []string
			var probs []float64
			for _, cd := range cands[id].Ext {
				p := m.Prob(cd.Features())
				if p < 0.7 {
					kept = append(kept, norm(cd.Text))
					probs = append(probs, p)
				}
			}
			text := strings.Join(kept, " ")
			for _, s := range g.Without {
				s = norm(s)
				if strings.Contains(text, s) {
					for i, k := range kept {
						if strings.Contains(k, s) {
							fmt.Printf("FP %s p=%.2f len=%d seg=%.60q line=%.100q\n", id, probs[i], len(k), s, k)
							break
						}
					}
					if !strings.Contains(strings.Join(kept, "\n"), s) {
						fmt.Printf("FP %s across-lines seg=%.60q\n", id, s)
					}
				}
			}
			all := ""
			for _, cd := range cands[id].Ext {
				all += norm(cd.Text) + " "
			}
			for _, s := range g.With {
				s = norm(s)
				if !strings.Contains(text, s) {
					where := "not-extracted"
					if strings.Contains(all, s) {
						where = "filtered"
					}
					fmt.Printf("FN %s %s seg=%.80q\n", id, where, s)
				}
			}
		}
	}
	if *show > 0 {
		shown := 0
		for _, id := range ids {
			if split.Of(id) != "dev" || shown >= *show {
				continue
			}
			for _, c := range cands[id].Ext {
				l := label(c.Text, gold.Documents[id])
				p := m.Prob(c.Features())
				if (l == 0 && p >= 0.5) || (l == 1 && p < 0.5) {
					fmt.Printf("%s\tlabel %.0f p %.2f idx %d/%d link %d prose %v/%v\t%.120q\n", id, l, p, c.Ctx.Index, c.Ctx.Total, c.LinkChars, c.Ctx.ProseBefore, c.Ctx.ProseAfter, c.Text)
					shown++
				}
			}
		}
	}
	if err := os.WriteFile(*out, m.Encode(), 0o644); err != nil {
		fail(err)
	}
	if *insOut == "" && *out != os.DevNull {
		*insOut = filepath.Join(filepath.Dir(*out), "reinsert.bin")
	}
	if *insOut != "" {
		mi := trainIns(func(id string) bool { return *which == "all" || split.Of(id) == *which })
		if err := os.WriteFile(*insOut, mi.Encode(), 0o644); err != nil {
			fail(err)
		}
	}
}

var insThresholds = []float64{0, 0.2, 0.3, 0.4, 0.5, 0.6}

// simulateIns is simulate at threshold 0.7 with the page lines left out by
// the extractor that mi scores below th added to the text.
func simulateIns(m, mi *clean.Model, th float64, ids []string, cands map[string]pageCands, gold map[string]goldDoc, keep func(string) bool) counts {
	var c counts
	for _, id := range ids {
		if !keep(id) {
			continue
		}
		var kept []string
		for _, cd := range cands[id].Ext {
			if m.Prob(cd.Features()) < 0.7 {
				kept = append(kept, norm(cd.Text))
			}
		}
		for _, cd := range cands[id].Out {
			// (Lines after the extracted text are learned from, never put back.)
			if th > 0 && cd.Ctx.Gap != "after" && mi.Prob(cd.Features()) < th {
				kept = append(kept, norm(cd.Text))
			}
		}
		c.add(score(strings.Join(kept, " "), gold[id]))
	}
	return c
}

var thresholds = []float64{0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}

func thName(th float64) string {
	if th == 0 {
		return "none"
	}
	return fmt.Sprintf("%.1f", th)
}

type counts struct{ tp, fp, fn int }

func (c *counts) add(o counts) { c.tp += o.tp; c.fp += o.fp; c.fn += o.fn }

func (c counts) String() string {
	p := float64(c.tp) / float64(c.tp+c.fp)
	r := float64(c.tp) / float64(c.tp+c.fn)
	return fmt.Sprintf("P %.3f R %.3f F1 %.4f  (tp %d fp %d fn %d)", p, r, 2*p*r/(p+r), c.tp, c.fp, c.fn)
}

// simulate scores the extracted text of the pages kept by keep, filtered by
// m at threshold th (0: no filter), with the kept candidate lines standing
// for the text.
func simulate(m *clean.Model, th float64, ids []string, cands map[string]pageCands, gold map[string]goldDoc, keep func(string) bool) counts {
	var c counts
	for _, id := range ids {
		if !keep(id) {
			continue
		}
		var kept []string
		for _, cd := range cands[id].Ext {
			if th == 0 || m.Prob(cd.Features()) < th {
				kept = append(kept, norm(cd.Text))
			}
		}
		c.add(score(strings.Join(kept, " "), gold[id]))
	}
	return c
}

// score counts the page's gold segments found in text.
func score(text string, g goldDoc) counts {
	var c counts
	for _, s := range g.With {
		if strings.Contains(text, norm(s)) {
			c.tp++
		} else {
			c.fn++
		}
	}
	for _, s := range g.Without {
		if strings.Contains(text, norm(s)) {
			c.fp++
		}
	}
	return c
}

// label is 0 for a line holding a "with" segment, 1 for one holding only
// "without" segments, -1 otherwise.
func label(text string, g goldDoc) float64 {
	t := norm(text)
	for _, s := range g.With {
		if s = norm(s); s != "" && strings.Contains(t, s) {
			return 0
		}
	}
	for _, s := range g.Without {
		if s = norm(s); s != "" && strings.Contains(t, s) {
			return 1
		}
	}
	return -1
}

func loadOrBuild(cache, data string, ids []string) map[string]pageCands {
	out := map[string]pageCands{}
	if cache != "" {
		if f, err := os.Open(cache); err == nil {
			err = gob.NewDecoder(f).Decode(&out)
			f.Close()
			if err == nil {
				return out
			}
		}
	}
	c := clean.New()
	res := make([]pageCands, len(ids))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				page, err := readPage(filepath.Join(data, "html", ids[i]+".html.gz"))
				if err != nil {
					page, err = readPage(filepath.Join(data, "html", ids[i]+".html"))
				}
				if err != nil {
					continue
				}
				in := &accord.Input{ID: ids[i], HTML: string(page)}
				ext, out := c.AllCandidates(in)
				res[i] = pageCands{Ext: ext, Page: clean.PageCandidates(in), Out: out}
			}
		}()
	}
	for i := range ids {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, id := range ids {
		out[id] = res[i]
	}
	if cache != "" {
		if f, err := os.Create(cache); err == nil {
			gob.NewEncoder(f).Encode(out)
			f.Close()
		}
	}
	return out
}

func readPage(path string) ([]byte, error) {
	return devfile.ReadAll(path, 64<<20)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
