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
	for _, r := range man.Runs[:min(1, len(man.Runs))] {
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
	}
	// The stages run here directly (not through package pipeline, whose
	// other stages may be mid-edit): passthrough cleaning as --no-clean does.
	t0 := time.Now()
	var docs []*accord.Document
	seg, tagger := text.New(), entities.New()
	for _, in := range inputs {
		d := &accord.Document{ID: in.ID, Source: in.Source, URL: in.URL, Title: in.Title, Outlet: in.Outlet,
			Published: in.Published, Text: in.Text, Input: in}
		if err := seg.Annotate(d); err != nil {
			log.Fatal(err)
		}
		if err := tagger.Annotate(d); err != nil {
			log.Fatal(err)
		}
		docs = append(docs, d)
	}
	c := accord.NewCorpus(docs, accord.Options{NoClean: true})
	if err := entities.NewCorpus().Analyze(context.Background(), c); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d documents in %s", len(inputs), time.Since(t0))
	rep := report(c)
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(rep); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// report is the contract's report with documents and entities only.
func report(c *accord.Corpus) *accord.Report {
	r := &accord.Report{
		Version: accord.ReportVersion, Documents: []accord.ReportDocument{}, Links: []accord.Link{},
		Stories: []accord.Story{}, Entities: c.Entities, Quotes: []accord.Quote{},
		TemporalExpressions: []accord.ReportTimex{}, Timeline: []accord.TimelineItem{},
		Quantities: []accord.ReportQuantity{}, Claims: []accord.Claim{}, Conflicts: []accord.Conflict{},
		Brief: accord.Brief{Sentences: []accord.BriefSentence{}},
	}
	if r.Entities == nil {
		r.Entities = []accord.Entity{}
	}
	for _, d := range c.Docs {
		basis := accord.BasisUnknown
		if d.Published != "" {
			basis = accord.BasisMetadata
		}
		r.Documents = append(r.Documents, accord.ReportDocument{
			ID: d.ID, Source: d.Source, Title: d.Title, Outlet: strPtr(d.Outlet), URL: strPtr(d.URL),
			Published: strPtr(d.Published), PublishedBasis: basis, Text: d.Text, Removed: []accord.Removed{},
		})
	}
	return r
}
