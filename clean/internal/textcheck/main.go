// Command textcheck cleans the plain-text records of JSONL files and prints
// every removed line with its reason, to check that plain-text cleaning
// loses no content:
//
//	go run ./clean/internal/textcheck /work/shared/data/wikiref220-clustering/accord/input.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/clean"
)

func main() {
	c := clean.New()
	var inputs []*accord.Input
	for _, path := range os.Args[1:] {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var in accord.Input
			if json.Unmarshal(sc.Bytes(), &in) != nil {
				continue
			}
			if in.Title == "" && in.Text != "" {
				first, _, _ := strings.Cut(strings.TrimSpace(in.Text), "\n")
				in.Title, in.TitleFromText = strings.TrimSpace(first), true
			}
			inputs = append(inputs, &in)
		}
		f.Close()
	}
	c.Prepare(inputs)
	docs, lines, removed := 0, 0, 0
	for _, in := range inputs {
		d, err := c.Clean(in, accord.Options{})
		if err != nil {
			continue
		}
		docs++
		lines += strings.Count(d.Text, "\n") + 1
		for _, r := range d.Removed {
			removed++
			fmt.Printf("%s\t%s\t%.160q\n", in.ID, r.Reason, r.Text)
		}
	}
	fmt.Fprintf(os.Stderr, "%d documents, %d kept lines, %d removed\n", docs, lines, removed)
}
