// Command tune scores story clustering on a DEV set for a grid of thresholds.
// It rebuilds documents (text, title, entity mentions, timexes) from a report
// that the full pipeline wrote, so each grid point costs only the clustering.
//
//	go run ./stories/internal/tune -report R.json -gold GOLD.json
//
// With -dump it instead runs the pipeline's stages before stories (cleaning,
// per-document stages, copies, canonical entities) on -input and writes the
// documents and independent groups as the stories stage sees them, as JSON,
// for the development tests in stories/dev_test.go (STORIES_DEV_DOCS):
//
//	go run ./stories/internal/tune -input ../shared/data/ecbplus-dev/accord/input.jsonl -dump /tmp/ecb-docs.json
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/ingest"
	"github.com/accord-news/accord/pipeline"
	"github.com/accord-news/accord/stories"
	"github.com/accord-news/accord/stories/internal/devdata"
)

func main() {
	rep := flag.String("report", "", "report JSON")
	goldPath := flag.String("gold", "", "gold JSON")
	grid := flag.String("grid", "0.12,0.15,0.18,0.21,0.24", "topic thresholds")
	egrid := flag.String("egrid", "0.2,0.25,0.3,0.35,0.4", "event thresholds")
	mgrid := flag.String("mgrid", "0.2,0.25,0.3,0.35", "merge thresholds")
	input := flag.String("input", "", "input file for -dump")
	dump := flag.String("dump", "", "write the documents the stories stage sees to this JSON file")
	flag.Parse()
	if *dump != "" {
		must(dumpDocs(*input, *dump))
		return
	}
	var r accord.Report
	var gold devdata.Gold
	must(devdata.ReadJSON(*rep, &r))
	must(devdata.ReadJSON(*goldPath, &gold))
	list := devdata.Documents(&r)
	for _, tt := range floats(*grid) {
		for _, mt := range floats(*mgrid) {
			for _, et := range floats(*egrid) {
				c := accord.NewCorpus(list, accord.Options{})
				st := stories.New()
				st.TopicThreshold, st.EventThreshold, st.MergeThreshold = tt, et, mt
				if w := os.Getenv("NW"); w != "" {
					fmt.Sscan(w, &st.NameWeight)
				}
				must(st.Analyze(context.Background(), c))
				topic := map[string]string{}
				event := map[string]string{}
				for _, s := range c.Stories {
					for _, d := range s.Documents {
						topic[d] = s.ID
					}
					for _, e := range s.Events {
						for _, d := range e.Documents {
							event[d] = e.ID
						}
					}
				}
				var parts []string
				for name, g := range gold.Partitions {
					pred := topic
					if strings.HasPrefix(name, "sub") {
						pred = event
					}
					parts = append(parts, fmt.Sprintf("%s=%.3f", name, bcubed(pred, g)))
				}
				fmt.Printf("topic=%.2f merge=%.2f event=%.2f stories=%d %s\n", tt, mt, et, len(c.Stories), strings.Join(parts, " "))
			}
		}
	}
}

func bcubed(pred, gold map[string]string) float64 {
	pc := map[string][]string{}
	gc := map[string][]string{}
	for d, g := range gold {
		p, ok := pred[d]
		if !ok {
			p = "single:" + d
		}
		pc[p] = append(pc[p], d)
		gc[g] = append(gc[g], d)
	}
	var P, R float64
	for d, g := range gold {
		p, ok := pred[d]
		if !ok {
			p = "single:" + d
		}
		same := 0
		for _, o := range pc[p] {
			if gold[o] == g {
				same++
			}
		}
		P += float64(same) / float64(len(pc[p]))
		R += float64(same) / float64(len(gc[g]))
	}
	n := float64(len(gold))
	P, R = P/n, R/n
	return 2 * P * R / (P + R)
}

func floats(s string) []float64 {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		var x float64
		fmt.Sscan(f, &x)
		out = append(out, x)
	}
	return out
}

// Dump is what -dump writes.
type Dump struct {
	Docs   []*accord.Document `json:"docs"`
	Groups [][]string         `json:"groups"`
}

func dumpDocs(input, out string) error {
	var inputs []*accord.Input
	err := ingest.Read(context.Background(), []string{input}, ingest.Options{}, func(in *accord.Input) error {
		inputs = append(inputs, in)
		return nil
	}, func(err error) { fmt.Fprintln(os.Stderr, err) })
	if err != nil {
		return err
	}
	p := pipeline.Default()
	var before []accord.CorpusStage
	for _, st := range p.Corpus {
		if st.Name() == "stories" {
			break
		}
		before = append(before, st)
	}
	p.Corpus = before
	c, errs := p.Run(context.Background(), inputs, accord.Options{})
	for _, e := range errs {
		fmt.Fprintln(os.Stderr, e)
	}
	for _, d := range c.Docs {
		d.Tokens = nil
	}
	b, err := json.Marshal(Dump{Docs: c.Docs, Groups: c.Groups})
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
