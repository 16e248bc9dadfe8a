// Command evalreport runs the claims stage over JSONL corpora (one corpus per
// file, e.g. shared/data/conflicts-dev/clusters/*.jsonl) and writes one
// contract report per input file into an output folder, for the
// conflicts scorer. It is a development harness: the full pipeline is
// cmd/accord.
//
//	go run ./claims/internal/evalreport -out /tmp/cf ../shared/data/conflicts-dev/clusters/*.jsonl
//	python3 ../shared/eval/score_conflicts.py /tmp/cf ../shared/data/conflicts-dev/gold.json
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/brief"
	"github.com/accord-news/accord/claims"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/ingest"
	"github.com/accord-news/accord/pipeline"
	"github.com/accord-news/accord/quantity"
	"github.com/accord-news/accord/text"
)

func main() {
	out := flag.String("out", "/tmp/claims-eval", "output folder")
	ner := flag.Bool("ner", false, "run the entity tagger (PERSON/GPE mentions)")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	p := &pipeline.Pipeline{
		Cleaner: pipeline.Passthrough{},
		Doc:     []accord.DocStage{text.New(), quantity.New()},
		Corpus:  []accord.CorpusStage{claims.New(), brief.New()},
	}
	if *ner {
		p.Doc = []accord.DocStage{text.New(), entities.New(), quantity.New()}
	}
	for _, path := range flag.Args() {
		inputs, err := readJSONL(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		c, errs := p.Run(context.Background(), inputs, accord.Options{NoClean: true})
		for _, e := range errs {
			fmt.Fprintln(os.Stderr, path, e)
		}
		if c == nil {
			continue
		}
		if b, err := brief.New().Compose(context.Background(), c); err == nil {
			ok := 0
			for _, bs := range b.Sentences {
				var ds []*accord.Document
				for _, id := range bs.Documents {
					if d := c.Doc(id); d != nil {
						ds = append(ds, d)
					}
				}
				if brief.Supported(bs.Text, ds) {
					ok++
				}
			}
			fmt.Fprintf(os.Stderr, "%s: brief %d sentences, %d supported\n", path, len(b.Sentences), ok)
		}
		r := pipeline.BuildReport(c)
		b, err := json.Marshal(r)
		if err != nil {
			fmt.Fprintln(os.Stderr, path, err)
			continue
		}
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + ".json"
		if err := os.WriteFile(filepath.Join(*out, name), b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
	}
}

// readJSONL reads one JSONL file of documents through Accord's own reader;
// a bad record is reported and skipped.
func readJSONL(path string) ([]*accord.Input, error) {
	var out []*accord.Input
	err := ingest.Read(context.Background(), []string{path}, ingest.Options{}, func(in *accord.Input) error {
		out = append(out, in)
		return nil
	}, func(err error) { fmt.Fprintln(os.Stderr, err) })
	return out, err
}
