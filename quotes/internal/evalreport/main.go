// Command evalreport runs the text and quote stages over a JSONL input (the
// evaluation sets' accord/input.jsonl) and prints a minimal contract report:
// documents, one entity per speaker name with the speaker spans as mentions
// (standing in for the entities stage), and the quotes. It exists to score the
// quote stage with shared/eval/score_quotes.py before the whole CLI works.
//
//	go run ./quotes/internal/evalreport /work/shared/data/polnear-dev/accord/input.jsonl > /tmp/q.json
//	python3 /work/shared/eval/score_quotes.py /tmp/q.json /work/shared/data/polnear-dev/accord/gold.json
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/pipeline"
	"github.com/accord-news/accord/quotes"
	"github.com/accord-news/accord/text"
)

// speakerEntities stands in for the entities corpus stage: one entity per
// distinct speaker text, its mentions the speaker spans.
type speakerEntities struct{}

func (speakerEntities) Name() string { return "speaker-entities" }

func (speakerEntities) Analyze(_ context.Context, c *accord.Corpus) error {
	byKey := map[string]*accord.Entity{}
	var keys []string
	for _, d := range c.Docs {
		for _, q := range d.Quotes {
			if q.SpeakerText == "" || q.SpeakerSpan.Len() <= 0 {
				continue
			}
			k := strings.ToLower(q.SpeakerText)
			e := byKey[k]
			if e == nil {
				e = &accord.Entity{Name: q.SpeakerText, Type: "PERSON", Aliases: []string{q.SpeakerText}}
				byKey[k] = e
				keys = append(keys, k)
			}
			ref := accord.SpanRef{Document: d.ID, Start: q.SpeakerSpan.Start, End: q.SpeakerSpan.End, Text: d.Slice(q.SpeakerSpan)}
			dup := false
			for _, m := range e.Mentions {
				if m == ref {
					dup = true
				}
			}
			if !dup {
				e.Mentions = append(e.Mentions, ref)
			}
		}
	}
	sort.Strings(keys)
	for i, k := range keys {
		e := byKey[k]
		e.ID = fmt.Sprintf("E%d", i+1)
		c.Entities = append(c.Entities, *e)
	}
	return nil
}

func main() {
	debug := flag.String("doc", "", "print the quotes of documents whose id starts with this to stderr")
	flag.Parse()
	if flag.NArg() < 1 {
		log.Fatal("usage: evalreport [-doc ID] INPUT.jsonl")
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	var inputs []*accord.Input
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<24), 1<<26)
	for sc.Scan() {
		var in accord.Input
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			log.Fatal(err)
		}
		if in.Source == "" {
			in.Source = in.ID
		}
		inputs = append(inputs, &in)
	}
	p := &pipeline.Pipeline{
		Cleaner: pipeline.Passthrough{},
		Doc:     []accord.DocStage{text.New(), quotes.New()},
		Corpus:  []accord.CorpusStage{speakerEntities{}, quotes.NewCorpus()},
	}
	c, errs := p.Run(context.Background(), inputs, accord.Options{NoClean: true})
	for _, e := range errs {
		log.Print(e)
	}
	if *debug != "" {
		for _, d := range c.Docs {
			if !strings.HasPrefix(d.ID, *debug) {
				continue
			}
			for _, q := range d.Quotes {
				fmt.Fprintf(os.Stderr, "%d-%d partial=%v speaker=%q cue=%q\n    %q\n", q.Start, q.End, q.Partial, q.SpeakerText, d.Slice(q.Cue), q.Text)
			}
		}
	}
	r := pipeline.BuildReport(c)
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		log.Fatal(err)
	}
}
