// Command spkdump runs the text, entities and quotes stages over the
// documents of a JSONL input whose id starts with a prefix and prints each
// direct quote with its speaker, and the mentions (with their chains) of a
// byte range: a tool for reading speaker errors by hand.
//
//	go run ./quotes/internal/spkdump -id PREFIX [-from N -to M] INPUT.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/quotes"
	"github.com/accord-news/accord/text"
)

func main() {
	id := flag.String("id", "", "document id prefix")
	from := flag.Int("from", -1, "print mentions from this byte offset")
	to := flag.Int("to", -1, "… to this one")
	flag.Parse()
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var in struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			log.Fatal(err)
		}
		if !strings.HasPrefix(in.ID, *id) {
			continue
		}
		d := &accord.Document{ID: in.ID, Title: in.Title, Text: in.Text}
		for _, st := range []accord.DocStage{text.New(), entities.New(), quotes.New()} {
			if err := st.Annotate(d); err != nil {
				log.Fatal(err)
			}
		}
		fmt.Println("#", d.ID)
		for i, m := range d.Mentions {
			if m.Start >= *from && m.Start < *to {
				fmt.Printf("  m%d %d-%d %q %s %s chain=%d\n", i, m.Start, m.End, m.Text, m.Type, m.Kind, m.Chain)
			}
		}
		for _, q := range d.Quotes {
			if !q.Direct {
				continue
			}
			if *from >= 0 && (q.End < *from || q.Start > *to) {
				continue
			}
			t := q.Text
			if len(t) > 70 {
				t = t[:70]
			}
			fmt.Printf("  Q %d-%d spk=%d %q at %d  cue=%q  %q\n", q.Start, q.End, q.Speaker, q.SpeakerText, q.SpeakerSpan.Start, d.Slice(q.Cue), t)
		}
	}
}
