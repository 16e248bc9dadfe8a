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
	"compress/gzip"
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

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
}

func main() {
	data := flag.String("data", "/work/shared/data/trafilatura-eval/accord", "converted data set directory")
	out := flag.String("o", "clean/model.bin", "model file to write")
	cache := flag.String("cache", "", "gob cache of the extracted lines (built when missing)")
	bits := flag.Int("bits", 14, "hash bits")
	epochs := flag.Int("epochs", 8, "epochs")
	rate := flag.Float64("rate", 0.1, "AdaGrad learning rate")
	l2 := flag.Float64("l2", 1e-3, "L2 penalty")
	pageWeight := flag.Float64("page-weight", 0.3, "weight of whole-page lines (0 = extracted lines only)")
	which := flag.String("split", "train", "pages to learn from: train or all")
	textWeight := flag.Float64("text-weight", 0.5, "weight of the extracted lines seen as plain text (no DOM features)")
	show := flag.Int("show", 0, "print this many dev-split errors at threshold 0.5")
	noWords := flag.Bool("no-words", false, "leave out word features")
	noConj := flag.Bool("no-conj", false, "leave out the conjunctions with the prose-block position")
	tri := flag.Bool("trigrams", false, "add character trigram features (they overfit: dev F1 drops)")
	flag.Parse()
	clean.FeatureGroups.Words = !*noWords
	clean.FeatureGroups.Trigrams = *tri
	clean.FeatureGroups.Conj = !*noConj

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

	var ex []clean.Example
	pos := 0
	for _, id := range ids {
		if *which != "all" && split.Of(id) != *which {
			continue
		}
		g := gold.Documents[id]
		add := func(cs []clean.Candidate, w float64) {
			for _, c := range cs {
				if l := label(c.Text, g); l >= 0 {
					ex = append(ex, clean.Example{Features: c.Features(), Label: l, Weight: w})
					if l == 1 {
						pos++
					}
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
	fmt.Fprintf(os.Stderr, "%d labelled lines (%d boilerplate)\n", len(ex), pos)
	m := clean.TrainModel(ex, *bits, *epochs, *rate, *l2)

	// Segment scores of the extracted text filtered by the model, per split
	// and threshold (the text is simulated as the kept candidate lines).
	for _, sp := range []string{"train", "dev"} {
		for _, th := range []float64{0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9} {
			var tp, fp, fn int
			for _, id := range ids {
				if split.Of(id) != sp {
					continue
				}
				var kept []string
				for _, c := range cands[id].Ext {
					if th == 0 || m.Prob(c.Features()) < th {
						kept = append(kept, norm(c.Text))
					}
				}
				text := strings.Join(kept, " ")
				g := gold.Documents[id]
				for _, s := range g.With {
					if strings.Contains(text, norm(s)) {
						tp++
					} else {
						fn++
					}
				}
				for _, s := range g.Without {
					if strings.Contains(text, norm(s)) {
						fp++
					}
				}
			}
			p := float64(tp) / float64(tp+fp)
			r := float64(tp) / float64(tp+fn)
			name := fmt.Sprintf("%.1f", th)
			if th == 0 {
				name = "none"
			}
			fmt.Fprintf(os.Stderr, "%-5s threshold %-4s  P %.3f R %.3f F1 %.3f  (tp %d fp %d fn %d)\n", sp, name, p, r, 2*p*r/(p+r), tp, fp, fn)
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
				res[i] = pageCands{Ext: c.Candidates(in), Page: clean.PageCandidates(in)}
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
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		defer gz.Close()
		r = gz
	}
	return io.ReadAll(io.LimitReader(r, 64<<20))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
