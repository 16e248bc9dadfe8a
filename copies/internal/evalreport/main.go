// Command evalreport runs the copies stage alone over a JSONL file of
// documents ({"id","title","text","published","outlet",...} per line, plain
// or .gz) and writes a minimal contract report (documents, links, and one
// story holding every document with the independent groups) for
// shared/eval/score_copies.py.
//
//	go run ./copies/internal/evalreport -in /work/shared/data/copies-dev/input.jsonl -out /tmp/copies-report.json
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/accord-news/accord/internal/devfile"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/copies"
	"github.com/accord-news/accord/text"
)

func main() {
	in := flag.String("in", "", "input JSONL (.gz allowed)")
	out := flag.String("out", "", "output report JSON (default stdout)")
	linksOnly := flag.Bool("no-text", false, "leave document texts out of the report (for big inputs)")
	progress := flag.Bool("progress", false, "index in chunks of 5,000 documents and print progress")
	cpuprof := flag.String("cpuprofile", "", "write a CPU profile")
	memprof := flag.String("memprofile", "", "write a heap profile (in-use memory after the copies stage)")
	memLimit := flag.Int64("memlimit", 5<<30, "soft memory limit in bytes when GOMEMLIMIT is not set (0: none)")
	flag.Parse()
	if os.Getenv("GOMEMLIMIT") == "" && *memLimit > 0 {
		// the collector works harder near the limit instead of letting the
		// heap double: a million documents fit the 6 GiB target
		debug.SetMemoryLimit(*memLimit)
	}
	if *cpuprof != "" {
		pf, err := os.Create(*cpuprof)
		if err != nil {
			log.Fatal(err)
		}
		_ = pprof.StartCPUProfile(pf)
		defer pprof.StopCPUProfile()
	}
	r, err := devfile.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	t0 := time.Now()
	// Lines are read in chunks; each chunk is parsed and segmented on every
	// core while the next one is read (and decompressed).
	raw := make(chan [][]byte, 2)
	go func() {
		defer close(raw)
		for {
			var lines [][]byte
			for len(lines) < readChunk && sc.Scan() {
				lines = append(lines, append([]byte(nil), sc.Bytes()...))
			}
			if len(lines) == 0 {
				break
			}
			raw <- lines
		}
		if err := sc.Err(); err != nil {
			log.Fatal(err)
		}
	}()
	chunks := make(chan []*accord.Document, 1)
	go func() {
		defer close(chunks)
		for lines := range raw {
			chunks <- parseChunk(lines)
		}
	}()
	var docs []*accord.Document
	for ch := range chunks {
		docs = append(docs, ch...)
	}
	t1 := time.Now()
	// the corpus orders documents by ID, as the pipeline does: the copies
	// stage sees them in that order
	c := accord.NewCorpus(docs, accord.Options{NoClean: true})
	var stats copies.Stats
	if *progress {
		// the stage's work, chunk by chunk, with progress on stderr
		x := copies.NewIndex()
		x.Reserve(len(c.Docs))
		const chunk = 5000
		for i := 0; i < len(c.Docs); i += chunk {
			j := min(i+chunk, len(c.Docs))
			x.AddBatch(c.Docs[i:j])
			fmt.Fprintf(os.Stderr, "evalreport: %d docs indexed, %v, %+v%s\n", j, time.Since(t1).Round(time.Second), x.Stats(), gcNote())
		}
		writeHeap(*memprof) // with the index alive
		x.Seal()
		c.Links = x.Links()
		c.SetGroups(x.Groups())
		stats = x.Stats()
	} else {
		stage := copies.New()
		if err := stage.Analyze(context.Background(), c); err != nil {
			log.Fatal(err)
		}
		stats = stage.LastStats
	}
	fmt.Fprintf(os.Stderr, "evalreport: index stats %+v\n", stats)
	if !*progress {
		writeHeap(*memprof)
	}
	t2 := time.Now()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	nCopy := 0
	for _, l := range c.Links {
		if l.Kind != accord.LinkCites {
			nCopy++
		}
	}
	fmt.Fprintf(os.Stderr, "evalreport: %d docs read+segmented in %v; copies stage %v (%.0f docs/s); %d copy links, %d links, %d groups; heap in use %d MiB, sys %d MiB\n",
		len(docs), t1.Sub(t0).Round(time.Millisecond), t2.Sub(t1).Round(time.Millisecond), float64(len(docs))/t2.Sub(t1).Seconds(),
		nCopy, len(c.Links), len(c.Groups), ms.HeapInuse>>20, ms.Sys>>20)
	c.Stories = []accord.Story{{ID: "s1", Title: "all documents", IndependentGroups: c.Groups}}
	for _, d := range c.Docs {
		c.Stories[0].Documents = append(c.Stories[0].Documents, d.ID)
		if *linksOnly {
			d.Text = ""
		}
	}
	var w io.Writer = os.Stdout
	if *out != "" {
		of, err := os.Create(*out)
		if err != nil {
			log.Fatal(err)
		}
		defer of.Close()
		w = of
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if err := writeReport(bw, c); err != nil {
		log.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		log.Fatal(err)
	}
	t3 := time.Now()
	fmt.Fprintf(os.Stderr, "evalreport: report written in %v\n", t3.Sub(t2).Round(time.Millisecond))
}

// gcNote says how much CPU the collector has used so far and how large the
// heap's live objects were at the last collection: at a million documents
// the heap nears the soft memory limit and the collector runs more often.
func gcNote() string {
	ms := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/user:cpu-seconds"}, {Name: "/gc/heap/live:bytes"}, {Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(ms)
	var v [4]float64
	for i, m := range ms {
		switch m.Value.Kind() {
		case metrics.KindFloat64:
			v[i] = m.Value.Float64()
		case metrics.KindUint64:
			v[i] = float64(m.Value.Uint64())
		}
	}
	return fmt.Sprintf(" gc %.0f CPU s (user %.0f), %.0f cycles, live %.0f MiB", v[0], v[1], v[3], v[2]/(1<<20))
}

// readChunk is the number of lines parsed together.
const readChunk = 5000

// parseChunk parses JSONL lines into documents with their sentences (what
// the text stage gives the copies stage), on every core, in order.
func parseChunk(lines [][]byte) []*accord.Document {
	out := make([]*accord.Document, len(lines))
	n := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(lines); i += n {
				var rec struct {
					ID, Title, Text, Outlet string
					Published               *string
				}
				if err := json.Unmarshal(lines[i], &rec); err != nil {
					log.Printf("skipping a bad line: %v", err)
					continue
				}
				d := &accord.Document{ID: rec.ID, Title: rec.Title, Text: rec.Text, Outlet: rec.Outlet}
				if rec.Published != nil {
					d.Published = *rec.Published
				}
				var sents []accord.Span
				for _, p := range text.Paragraphs(d.Text) {
					sents = append(sents, text.Sentences(d.Text, p)...)
				}
				d.Sentences = slices.Clip(sents)
				out[i] = d
			}
		}()
	}
	wg.Wait()
	return slices.DeleteFunc(out, func(d *accord.Document) bool { return d == nil })
}

// writeHeap writes a heap profile of in-use memory to path ("" = none).
func writeHeap(path string) {
	if path == "" {
		return
	}
	mf, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	defer mf.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(mf); err != nil {
		log.Fatal(err)
	}
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// writeReport writes a minimal contract report (documents, links,
// stories; the other sections empty) one item at a time, so that a report
// of a million documents is never held in memory as a whole.
func writeReport(w *bufio.Writer, c *accord.Corpus) error {
	skel, err := json.Marshal(&accord.Report{
		Version: accord.ReportVersion, Documents: []accord.ReportDocument{}, Links: []accord.Link{}, Stories: []accord.Story{},
		Entities: []accord.Entity{}, Quotes: []accord.Quote{}, TemporalExpressions: []accord.ReportTimex{},
		Timeline: []accord.TimelineItem{}, Quantities: []accord.ReportQuantity{}, Claims: []accord.Claim{},
		Conflicts: []accord.Conflict{}, Brief: accord.Brief{Sentences: []accord.BriefSentence{}},
	})
	if err != nil {
		return err
	}
	rest := string(skel)
	// each of the three arrays is written where the skeleton has it empty
	for _, key := range []string{`"documents":[]`, `"links":[]`, `"stories":[]`} {
		i := strings.Index(rest, key)
		if i < 0 {
			return fmt.Errorf("report skeleton without %s", key)
		}
		w.WriteString(rest[:i+len(key)-1])
		rest = rest[i+len(key)-1:]
		var err error
		switch key {
		case `"documents":[]`:
			err = writeArray(w, len(c.Docs), func(i int) any {
				d := c.Docs[i]
				basis := accord.BasisUnknown
				if d.Published != "" {
					basis = accord.BasisMetadata
				}
				return accord.ReportDocument{
					ID: d.ID, Source: d.ID, Title: d.Title, Outlet: strPtr(d.Outlet), URL: nil,
					Published: strPtr(d.Published), PublishedBasis: basis, Text: d.Text, Removed: []accord.Removed{},
				}
			})
		case `"links":[]`:
			err = writeArray(w, len(c.Links), func(i int) any { return &c.Links[i] })
		default:
			err = writeArray(w, len(c.Stories), func(i int) any { return &c.Stories[i] })
		}
		if err != nil {
			return err
		}
	}
	w.WriteString(rest)
	return w.WriteByte('\n')
}

// writeArray writes the n items item(i) as JSON array elements (the
// brackets are the caller's), each as a json.Encoder writes it (followed by
// a newline), encoded in chunks on every core and written in order.
func writeArray(w *bufio.Writer, n int, item func(i int) any) error {
	const chunk = 4096
	nw := runtime.GOMAXPROCS(0)
	bufs := make([]bytes.Buffer, 2*nw)
	errs := make([]error, len(bufs))
	for lo := 0; lo < n; lo += chunk * len(bufs) {
		var wg sync.WaitGroup
		next := make(chan int, len(bufs))
		for k := range bufs {
			next <- k
		}
		close(next)
		for range nw {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := range next {
					b := &bufs[k]
					b.Reset()
					enc := json.NewEncoder(b)
					for i := lo + k*chunk; i < min(n, lo+(k+1)*chunk); i++ {
						if i > 0 {
							b.WriteByte(',')
						}
						if err := enc.Encode(item(i)); err != nil {
							errs[k] = err
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		for k := range bufs {
			if errs[k] != nil {
				return errs[k]
			}
			if _, err := w.Write(bufs[k].Bytes()); err != nil {
				return err
			}
		}
	}
	return nil
}
