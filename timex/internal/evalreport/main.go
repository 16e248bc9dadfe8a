// Command evalreport runs the text segmenter and the timex tagger over a
// JSONL input (one {"id","title","published","text"} per line, text taken as
// given) and writes a minimal contract report for shared/eval/score_timex.py.
//
//	go run ./timex/internal/evalreport input.jsonl > report.json
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/pipeline"
	"github.com/accord-news/accord/text"
	"github.com/accord-news/accord/timex"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: evalreport INPUT.jsonl > report.json")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
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
		in.Source = os.Args[1]
		inputs = append(inputs, &in)
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
