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
	"runtime/pprof"
	"sort"
	"strings"

	"github.com/accord-news/accord"
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

// perMention stands in for the matcher: one statement per mention, its
// stated speaker the stand-in entity of the speaker text.
type perMention struct{}

func (perMention) Name() string { return "per-mention" }

func (perMention) Analyze(_ context.Context, c *accord.Corpus) error {
	byKey := map[string]string{}
	for _, e := range c.Entities {
		byKey[strings.ToLower(e.Name)] = e.ID
	}
	for _, d := range c.Docs {
		for _, q := range d.Quotes {
			var sp *string
			if id, ok := byKey[strings.ToLower(q.SpeakerText)]; ok && q.SpeakerSpan.Len() > 0 {
				sp = &id
			}
			c.Quotes = append(c.Quotes, accord.Quote{ID: fmt.Sprintf("Q%d", len(c.Quotes)+1), Text: q.Text, Speaker: sp,
				Variants: []accord.QuoteVariant{{Document: d.ID, Start: q.Start, End: q.End, Text: q.Text, StatedSpeaker: sp}}})
		}
	}
	return nil
}

func main() {
	debug := flag.String("doc", "", "print the quotes of documents whose id starts with this to stderr")
	cpuprof := flag.String("cpuprofile", "", "write a CPU profile of the corpus stages to this file")
	noMatch := flag.Bool("nomatch", false, "skip the cross-document matcher: one statement per mention (fast span checks)")
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
	// The pipeline package wires every stage; this harness runs only the
	// text and quote stages, so that it builds while other packages change.
	var docs []*accord.Document
	for _, in := range inputs {
		d := &accord.Document{ID: in.ID, Source: in.Source, URL: in.URL, Title: in.Title, Outlet: in.Outlet,
			Published: in.Published, PublishedBasis: in.PublishedBasis, Text: in.Text, Input: in}
		for _, st := range []accord.DocStage{text.New(), quotes.New()} {
			if err := st.Annotate(d); err != nil {
				log.Printf("%s: %s: %v", d.ID, st.Name(), err)
			}
		}
		docs = append(docs, d)
	}
	c := accord.NewCorpus(docs, accord.Options{NoClean: true})
	stages := []accord.CorpusStage{speakerEntities{}, quotes.NewCorpus()}
	if *noMatch {
		stages = []accord.CorpusStage{speakerEntities{}, perMention{}}
	}
	if *cpuprof != "" {
		pf, err := os.Create(*cpuprof)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(pf); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	for _, st := range stages {
		if err := st.Analyze(context.Background(), c); err != nil {
			log.Fatal(err)
		}
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
	r := report(c)
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		log.Fatal(err)
	}
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// report builds the contract's report with the sections this harness fills.
func report(c *accord.Corpus) *accord.Report {
	r := &accord.Report{
		Version: accord.ReportVersion, Documents: []accord.ReportDocument{}, Links: []accord.Link{}, Stories: []accord.Story{},
		Entities: c.Entities, Quotes: c.Quotes, TemporalExpressions: []accord.ReportTimex{}, Timeline: []accord.TimelineItem{},
		Quantities: []accord.ReportQuantity{}, Claims: []accord.Claim{}, Conflicts: []accord.Conflict{},
		Brief: accord.Brief{Sentences: []accord.BriefSentence{}},
	}
	if r.Entities == nil {
		r.Entities = []accord.Entity{}
	}
	if r.Quotes == nil {
		r.Quotes = []accord.Quote{}
	}
	for _, d := range c.Docs {
		basis := d.PublishedBasis
		if basis == "" || d.Published == "" {
			basis = accord.BasisUnknown
		}
		r.Documents = append(r.Documents, accord.ReportDocument{
			ID: d.ID, Source: d.Source, Title: d.Title, Outlet: strPtr(d.Outlet), URL: strPtr(d.URL),
			Published: strPtr(d.Published), PublishedBasis: basis, Text: d.Text, Removed: []accord.Removed{},
		})
	}
	return r
}
