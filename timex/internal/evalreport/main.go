// Command evalreport runs the text segmenter and the timex tagger over a
// JSONL input (one {"id","title","published","text"} per line, text taken as
// given) and writes a minimal contract report for shared/eval/score_timex.py.
//
//	go run ./timex/internal/evalreport input.jsonl > report.json
//	go run ./timex/internal/evalreport -speed 20 input.jsonl   # throughput only
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
	"github.com/accord-news/accord/timex"
)

func main() {
	speed := flag.Int("speed", 0, "only measure detection+normalization throughput over N passes")
	prof := flag.String("cpuprofile", "", "write a CPU profile here")
	flag.Parse()
	if *prof != "" {
		pf, err := os.Create(*prof)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		_ = pprof.StartCPUProfile(pf)
		defer pprof.StopCPUProfile()
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: evalreport [-speed N] INPUT.jsonl > report.json")
		os.Exit(2)
	}
	path := flag.Arg(0)
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	var inputs []*accord.Input
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var in accord.Input
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		in.Source = path
		inputs = append(inputs, &in)
	}
	if *speed > 0 {
		measure(inputs, *speed)
		return
	}
	// The stages run here directly (not through package pipeline, so that
	// this tool builds whatever state the other stages are in).
	var docs []*accord.Document
	for _, in := range inputs {
		d := &accord.Document{ID: in.ID, Source: in.Source, URL: in.URL, Title: in.Title, Outlet: in.Outlet,
			Published: in.Published, PublishedBasis: in.PublishedBasis, Text: in.Text, Input: in}
		if d.Published != "" && d.PublishedBasis == "" {
			d.PublishedBasis = accord.BasisMetadata
		}
		_ = text.New().Annotate(d)
		_ = timex.New().Annotate(d)
		docs = append(docs, d)
	}
	c := accord.NewCorpus(docs, accord.Options{NoClean: true})
	if err := timex.NewCorpus().Analyze(context.Background(), c); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(report(c)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// measure reports documents per CPU-second of the timex tagger alone (text
// segmentation done beforehand), so a loaded machine does not skew it.
func measure(inputs []*accord.Input, passes int) {
	docs := make([]*accord.Document, len(inputs))
	bytes := 0
	for i, in := range inputs {
		d := &accord.Document{ID: in.ID, Text: in.Text, Published: in.Published}
		_ = text.New().Annotate(d)
		docs[i] = d
		bytes += len(d.Text)
	}
	tg := timex.New()
	cpu := func() time.Duration {
		var ru syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	start, wall := cpu(), time.Now()
	for p := 0; p < passes; p++ {
		for _, d := range docs {
			_ = tg.Annotate(d)
		}
	}
	used := cpu() - start
	n := float64(passes * len(docs))
	fmt.Printf("%d docs x %d passes (mean %d bytes): %.0f docs per CPU-second, %.0f docs/s wall\n",
		len(docs), passes, bytes/len(docs), n/used.Seconds(), n/time.Since(wall).Seconds())
}

// report is the contract's report with the documents, time expressions and
// timeline filled and every other list empty.
func report(c *accord.Corpus) *accord.Report {
	str := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	r := &accord.Report{
		Version: accord.ReportVersion, Documents: []accord.ReportDocument{}, Links: []accord.Link{},
		Stories: []accord.Story{}, Entities: []accord.Entity{}, Quotes: []accord.Quote{},
		TemporalExpressions: []accord.ReportTimex{}, Timeline: c.Timeline, Quantities: []accord.ReportQuantity{},
		Claims: []accord.Claim{}, Conflicts: []accord.Conflict{}, Brief: accord.Brief{Sentences: []accord.BriefSentence{}},
	}
	if r.Timeline == nil {
		r.Timeline = []accord.TimelineItem{}
	}
	for _, d := range c.Docs {
		basis := d.PublishedBasis
		if basis == "" || d.Published == "" {
			basis = accord.BasisUnknown
		}
		r.Documents = append(r.Documents, accord.ReportDocument{ID: d.ID, Source: d.Source, Title: d.Title,
			Outlet: str(d.Outlet), URL: str(d.URL), Published: str(d.Published), PublishedBasis: basis,
			Text: d.Text, Removed: []accord.Removed{}})
		for _, t := range d.Timexes {
			r.TemporalExpressions = append(r.TemporalExpressions, accord.ReportTimex{Document: d.ID,
				Start: t.Start, End: t.End, Text: d.Slice(t.Span), Value: t.Value, Type: t.Type})
		}
	}
	return r
}
