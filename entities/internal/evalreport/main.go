// Command evalreport runs the text and entities stages over a converted
// dataset's JSONL inputs (as --no-clean would) and writes a minimal contract
// report (documents and entities; other sections empty) for the scorers.
//
//	go run ./entities/internal/evalreport /work/shared/data/conll2003-dev/accord > /tmp/ner.json
//	python3 /work/shared/eval/score_ner.py /tmp/ner.json /work/shared/data/conll2003-dev/accord/gold.json
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/pipeline"
	"github.com/accord-news/accord/text"
)

type manifest struct {
	Runs []struct {
		Inputs []string `json:"inputs"`
	} `json:"runs"`
}

func main() {
	log.SetFlags(0)
	if len(os.Args) != 2 {
		log.Fatal("usage: evalreport DATASET/accord")
	}
	dir := os.Args[1]
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		log.Fatal(err)
	}
	var man manifest
	if err := json.Unmarshal(b, &man); err != nil {
		log.Fatal(err)
	}
	var inputs []*accord.Input
	for _, r := range man.Runs {
		for _, in := range r.Inputs {
			f, err := os.Open(filepath.Join(dir, in))
			if err != nil {
				log.Fatal(err)
			}
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 1<<26)
			for sc.Scan() {
				var x accord.Input
				if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
					log.Fatal(err)
				}
				if x.ID == "" {
					x.ID = accord.TextID(x.Text)
				}
				x.Source = in
				inputs = append(inputs, &x)
			}
			f.Close()
		}
		break
	}
	p := &pipeline.Pipeline{
		Cleaner: pipeline.Passthrough{},
		Doc:     []accord.DocStage{text.New(), entities.New()},
		Corpus:  []accord.CorpusStage{entities.NewCorpus()},
	}
	t0 := time.Now()
	c, errs := p.Run(context.Background(), inputs, accord.Options{NoClean: true})
	for _, e := range errs {
		log.Print(e)
	}
	log.Printf("%d documents in %s", len(inputs), time.Since(t0))
	rep := pipeline.BuildReport(c)
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(rep); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
