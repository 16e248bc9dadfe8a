// Command dirrun reads inputs as `accord analyze` does (files, folders) and
// runs only the stages the entity list depends on (clean, text, entities,
// copies, the entity linker), then writes the report's documents and
// entities as JSON. It is a quick check of the entity list on a real corpus
// (scripts/entity_audit.py reads its output) without the other stages.
//
//	go run ./entities/internal/dirrun /tmp/bbc/bbc > /tmp/ent.json
//	python3 entities/internal/audit/entity_audit.py /tmp/ent.json
//
// DIRRUN_MENTIONS=FILE also writes every name mention (document, start,
// type, entity, chain, text; tab-separated); DIRRUN_CPUPROFILE=FILE profiles
// the linker.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"runtime/pprof"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/clean"
	"github.com/accord-news/accord/copies"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/ingest"
	"github.com/accord-news/accord/pipeline"
	"github.com/accord-news/accord/text"
)

func main() {
	log.SetFlags(0)
	if len(os.Args) < 2 {
		log.Fatal("usage: dirrun INPUT...")
	}
	ctx := context.Background()
	if f := os.Getenv("DIRRUN_CPUPROFILE"); f != "" {
		// a CPU profile of the entity linker (from its start to the end)
		defer func() { pprof.StopCPUProfile() }()
		cpuProfile = f
	}
	var inputs []*accord.Input
	err := ingest.Read(ctx, os.Args[1:], ingest.Options{}, func(in *accord.Input) error {
		inputs = append(inputs, in)
		return nil
	}, func(err error) { log.Println(err) })
	if err != nil {
		log.Fatal(err)
	}
	_ = accord.ResolveNameIDs(inputs, func(string) (string, bool, error) { return "", false, nil })
	p := &pipeline.Pipeline{
		Cleaner: clean.New(),
		Doc:     []accord.DocStage{text.New(), entities.New()},
		Corpus:  []accord.CorpusStage{copies.New(), entities.NewCorpus()},
	}
	p.StageProgress = func(name string) {
		if name == "entities" && cpuProfile != "" {
			f, err := os.Create(cpuProfile)
			if err != nil {
				log.Fatal(err)
			}
			if err := pprof.StartCPUProfile(f); err != nil {
				log.Fatal(err)
			}
		}
	}
	c, errs := p.Run(ctx, inputs, accord.Options{})
	for _, e := range errs {
		log.Println(e)
	}
	if c == nil {
		log.Fatal("no corpus")
	}
	if f := os.Getenv("DIRRUN_MENTIONS"); f != "" {
		// one line per name mention: document, start, type, entity, text
		out, err := os.Create(f)
		if err != nil {
			log.Fatal(err)
		}
		bw := bufio.NewWriter(out)
		for _, d := range c.Docs {
			for _, m := range d.Mentions {
				if m.Kind == accord.MentionName {
					fmt.Fprintf(bw, "%s\t%d\t%s\t%s\t%d\t%s\n", d.ID, m.Start, m.Type, m.EntityID, m.Chain, m.Text)
				}
			}
		}
		if err := bw.Flush(); err != nil {
			log.Fatal(err)
		}
		out.Close()
	}
	r := pipeline.BuildReport(c)
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	if err := enc.Encode(map[string]any{"documents": r.Documents, "entities": r.Entities}); err != nil {
		log.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
}

var cpuProfile string
