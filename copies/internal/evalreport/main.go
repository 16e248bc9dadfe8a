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
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

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
	flag.Parse()
	if *cpuprof != "" {
		pf, err := os.Create(*cpuprof)
		if err != nil {
			log.Fatal(err)
		}
		_ = pprof.StartCPUProfile(pf)
		defer pprof.StopCPUProfile()
	}
	f, err := os.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	var r io.Reader = f
	if strings.HasSuffix(*in, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			log.Fatal(err)
		}
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var docs []*accord.Document
	seg := text.New()
	t0 := time.Now()
	for sc.Scan() {
		var rec struct {
			ID, Title, Text, Outlet string
			Published               *string
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			log.Printf("skipping a bad line: %v", err)
			continue
		}
		in := &accord.Input{ID: rec.ID, Title: rec.Title, Text: rec.Text, Outlet: rec.Outlet}
		if rec.Published != nil {
			in.Published = *rec.Published
		}
		d := &accord.Document{ID: in.ID, Title: in.Title, Text: in.Text, Outlet: in.Outlet, Published: in.Published}
		_ = seg.Annotate(d)
		d.Tokens = nil // the copies stage does not read them
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	t1 := time.Now()
	c := accord.NewCorpus(docs, accord.Options{NoClean: true})
	var stats copies.Stats
	if *progress {
		// the stage's work, chunk by chunk, with progress on stderr
		x := copies.NewIndex()
		const chunk = 5000
		for i := 0; i < len(c.Docs); i += chunk {
			j := min(i+chunk, len(c.Docs))
			x.AddBatch(c.Docs[i:j])
			fmt.Fprintf(os.Stderr, "evalreport: %d docs indexed, %v, %+v\n", j, time.Since(t1).Round(time.Second), x.Stats())
		}
		writeHeap(*memprof) // with the index alive
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
	rep := buildReport(c)
	var w io.Writer = os.Stdout
	if *out != "" {
		of, err := os.Create(*out)
		if err != nil {
			log.Fatal(err)
		}
		defer of.Close()
		w = of
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	if err := enc.Encode(rep); err != nil {
		log.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		log.Fatal(err)
	}
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

// buildReport is a minimal contract report: documents, links, stories; the
// other sections empty.
func buildReport(c *accord.Corpus) *accord.Report {
	r := &accord.Report{
		Version: accord.ReportVersion, Documents: []accord.ReportDocument{}, Links: c.Links, Stories: c.Stories,
		Entities: []accord.Entity{}, Quotes: []accord.Quote{}, TemporalExpressions: []accord.ReportTimex{},
		Timeline: []accord.TimelineItem{}, Quantities: []accord.ReportQuantity{}, Claims: []accord.Claim{},
		Conflicts: []accord.Conflict{}, Brief: accord.Brief{Sentences: []accord.BriefSentence{}},
	}
	if r.Links == nil {
		r.Links = []accord.Link{}
	}
	for _, d := range c.Docs {
		basis := accord.BasisUnknown
		if d.Published != "" {
			basis = accord.BasisMetadata
		}
		r.Documents = append(r.Documents, accord.ReportDocument{
			ID: d.ID, Source: d.ID, Title: d.Title, Outlet: strPtr(d.Outlet), URL: nil,
			Published: strPtr(d.Published), PublishedBasis: basis, Text: d.Text, Removed: []accord.Removed{},
		})
	}
	return r
}
