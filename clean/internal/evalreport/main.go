// Command evalreport cleans the pages of an extraction data set and writes a
// minimal contract report for /work/shared/eval/score_extraction.py:
//
//	go run ./clean/internal/evalreport -data /work/shared/data/trafilatura-eval/accord -o /tmp/r.json
//
// With -split train|dev only the pages of that half of the training split
// (see clean/internal/split) are written, so the model's held-out figure can
// be scored honestly.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/accord-news/accord/internal/devfile"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/clean"
	"github.com/accord-news/accord/clean/internal/split"
)

func main() {
	data := flag.String("data", "/work/shared/data/trafilatura-eval/accord", "converted data set directory (with html/)")
	out := flag.String("o", "/tmp/clean-eval.report.json", "report to write")
	which := flag.String("split", "all", "all, train or dev (held-out half)")
	workers := flag.Int("j", runtime.GOMAXPROCS(0), "workers")
	focus := flag.String("focus", "recall", "go-trafilatura focus: balanced, recall, precision")
	noFallback := flag.Bool("nofallback", false, "skip go-trafilatura's fallbacks")
	noModel := flag.Bool("nomodel", false, "skip the learned line filter")
	evaldata := flag.String("meta", "", "evaldata.json with metadata gold: print title/author/date accuracy")
	noPageDate := flag.Bool("nopagedate", false, "no htmldate search when the metadata has no date")
	threshold := flag.Float64("threshold", 0, "line model threshold for HTML (0 = default)")
	models := flag.String("models", "", "k-fold held-out scoring: PREFIX of the fold models PREFIX-i.bin written by train -fold-out; page p is cleaned with the model of its fold (split.Fold), which did not train on it")
	folds := flag.Int("folds", 3, "number of fold models with -models")
	noReinsert := flag.Bool("noreinsert", false, "never put back page lines the extractor left out")
	insThreshold := flag.Float64("reinsert-threshold", 0, "reinsert model threshold (0 = default)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the cleaning here")
	flag.Parse()

	files, err := filepath.Glob(filepath.Join(*data, "html", "*"))
	if err != nil || len(files) == 0 {
		fmt.Fprintln(os.Stderr, "no pages under", *data)
		os.Exit(1)
	}
	sort.Strings(files)
	var inputs []*accord.Input
	for _, f := range files {
		id := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(f), ".gz"), ".html")
		if *which != "all" && split.Of(id) != *which {
			continue
		}
		b, err := readMaybeGz(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, f, err)
			continue
		}
		inputs = append(inputs, &accord.Input{ID: id, Source: f, HTML: string(b)})
	}
	cfg := clean.Config{Focus: *focus, NoFallback: *noFallback, NoModel: *noModel, Threshold: *threshold, NoPageDate: *noPageDate,
		NoReinsert: *noReinsert, ReinsertThreshold: *insThreshold}
	c := clean.New()
	c.Config = cfg
	cleanerFor := func(id string) *clean.Cleaner { return c }
	if *models != "" {
		byFold := make([]*clean.Cleaner, *folds)
		for f := range byFold {
			b, err := os.ReadFile(fmt.Sprintf("%s-%d.bin", *models, f))
			if err == nil {
				var m *clean.Model
				if m, err = clean.DecodeModel(b); err == nil {
					byFold[f] = clean.New()
					byFold[f].Config = cfg
					byFold[f].SetModel(m)
					// The fold's reinsert model (PREFIX-reinsert-i.bin).
					var bi []byte
					if bi, err = os.ReadFile(fmt.Sprintf("%s-reinsert-%d.bin", *models, f)); err == nil {
						if m, err = clean.DecodeModel(bi); err == nil {
							byFold[f].SetReinsertModel(m)
						}
					}
				}
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "fold model", f, err)
				os.Exit(1)
			}
		}
		cleanerFor = func(id string) *clean.Cleaner { return byFold[split.Fold(id, *folds)] }
	}
	if *cpuProfile != "" {
		pf, err := os.Create(*cpuProfile)
		if err == nil && pprof.StartCPUProfile(pf) == nil {
			defer pprof.StopCPUProfile()
		}
	}
	var ru0 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	docs := make([]*accord.Document, len(inputs))
	start := time.Now()
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d, err := cleanerFor(inputs[i].ID).Clean(inputs[i], accord.Options{})
				if err != nil {
					fmt.Fprintln(os.Stderr, inputs[i].ID, err)
					continue
				}
				docs[i] = d
			}
		}()
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()
	el := time.Since(start)
	var ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := time.Duration(ru1.Utime.Nano()+ru1.Stime.Nano()-ru0.Utime.Nano()-ru0.Stime.Nano()) * time.Nanosecond
	var kept []*accord.Document
	for _, d := range docs {
		if d != nil {
			kept = append(kept, d)
		}
	}
	if *evaldata != "" {
		scoreMeta(kept, *data, *evaldata)
	}
	rep := minimalReport(kept)
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	enc := json.NewEncoder(f)
	if err := enc.Encode(rep); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	f.Close()
	fmt.Fprintf(os.Stderr, "%d pages in %v wall, %v CPU: %.1f pages per CPU-second\n", len(kept), el.Round(time.Millisecond), cpu.Round(time.Millisecond), float64(len(inputs))/cpu.Seconds())
}

func readMaybeGz(path string) ([]byte, error) {
	return devfile.ReadAll(path, 64<<20)
}

// minimalReport is the contract report with only the documents section
// filled (this tool must not depend on the pipeline's other stages).
func minimalReport(docs []*accord.Document) map[string]any {
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	var rd []map[string]any
	for _, d := range docs {
		removed := d.Removed
		if removed == nil {
			removed = []accord.Removed{}
		}
		basis := d.PublishedBasis
		var pub any
		if d.Published == "" {
			basis = accord.BasisUnknown
		} else {
			pub = d.Published
		}
		var outlet, url any
		if d.Outlet != "" {
			outlet = d.Outlet
		}
		if d.URL != "" {
			url = d.URL
		}
		rd = append(rd, map[string]any{
			"id": d.ID, "source": d.Source, "title": d.Title, "outlet": outlet, "url": url, "author": d.Author,
			"published": pub, "published_basis": basis, "language": d.Language,
			"text": d.Text, "removed": removed,
		})
	}
	empty := []any{}
	return map[string]any{
		"version": accord.ReportVersion, "documents": rd, "links": empty, "stories": empty,
		"entities": empty, "quotes": empty, "temporal_expressions": empty, "timeline": empty,
		"quantities": empty, "claims": empty, "conflicts": empty,
		"brief": map[string]any{"title": "", "sentences": empty},
	}
}

// scoreMeta compares title, author and date with the gold of evaldata.json
// (matched by page URL through gold.json). Only pages whose gold field is
// non-empty count; "given when gold empty" counts the others we filled.
func scoreMeta(docs []*accord.Document, data, evaldata string) {
	var gold struct {
		Documents map[string]struct {
			URL string `json:"url"`
		} `json:"documents"`
	}
	b, err := os.ReadFile(filepath.Join(data, "gold.json"))
	if err != nil || json.Unmarshal(b, &gold) != nil {
		fmt.Fprintln(os.Stderr, "meta: no gold.json")
		return
	}
	var ev map[string]map[string]any
	b, err = os.ReadFile(evaldata)
	if err != nil || json.Unmarshal(b, &ev) != nil {
		fmt.Fprintln(os.Stderr, "meta: cannot read", evaldata)
		return
	}
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	type tally struct{ n, ok, extra, emptyGold int }
	t := map[string]*tally{"title": {}, "author": {}, "date": {}}
	for _, d := range docs {
		g, ok := ev[gold.Documents[d.ID].URL]
		if !ok {
			continue
		}
		for field, got := range map[string]string{"title": d.Title, "author": d.Author, "date": d.Published} {
			want, has := g[field].(string)
			if !has {
				continue
			}
			tt := t[field]
			if want == "" {
				tt.emptyGold++
				if got != "" {
					tt.extra++
				}
				continue
			}
			tt.n++
			switch field {
			case "date":
				if len(got) >= 10 && got[:10] == want {
					tt.ok++
				}
			default:
				if norm(got) == norm(want) {
					tt.ok++
				}
			}
		}
	}
	for _, f := range []string{"title", "author", "date"} {
		tt := t[f]
		fmt.Fprintf(os.Stderr, "meta %-6s exact %d/%d = %.3f; given when gold empty %d/%d\n", f, tt.ok, tt.n, float64(tt.ok)/float64(max(tt.n, 1)), tt.extra, tt.emptyGold)
	}
}
