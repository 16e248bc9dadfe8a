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
	"syscall"
	"time"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/pipeline"
	"github.com/accord-news/accord/text"
	"github.com/accord-news/accord/timex"
)

func main() {
	speed := flag.Int("speed", 0, "only measure detection+normalization throughput over N passes")
	flag.Parse()
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
	p := &pipeline.Pipeline{
		Cleaner: pipeline.Passthrough{},
		Doc:     []accord.DocStage{text.New(), timex.New()},
		Corpus:  []accord.CorpusStage{timex.NewCorpus()},
	}
	c, errs := p.Run(context.Background(), inputs, accord.Options{NoClean: true})
	for _, e := range errs {
		fmt.Fprintln(os.Stderr, e)
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(pipeline.BuildReport(c)); err != nil {
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
