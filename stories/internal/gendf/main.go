// Command gendf writes the background document-frequency table that story
// clustering blends with the corpus's own, so that similarities stay
// meaningful for small corpora. It reads Reuters-21578 and BBC News 2225
// from ../shared/data (see their READMEs for licences) and writes
// stories/background.df.gz: a header line "N <documents>", then
// "<stem> <df>" lines for stems in at least 3 documents.
//
//	go run ./stories/internal/gendf -data ../shared/data -o stories/background.df.gz
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"sort"

	"github.com/accord-news/accord/stories"
	"github.com/accord-news/accord/stories/internal/background"
)

func main() {
	data := flag.String("data", "../shared/data", "the shared data folder")
	out := flag.String("o", "stories/background.df.gz", "output file")
	flag.Parse()
	df := map[string]int{}
	n := 0
	add := func(title, body string) {
		n++
		for w := range stories.Terms(title + "\n" + body) {
			df[w]++
		}
	}
	check(background.Read(*data, add, func(err error) { fmt.Fprintln(os.Stderr, err) }))
	var keys []string
	for k, v := range df {
		if v >= 3 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	o, err := os.Create(*out)
	check(err)
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "N %d\n", n)
	for _, k := range keys {
		fmt.Fprintf(bw, "%s %d\n", k, df[k])
	}
	check(bw.Flush())
	check(zw.Close())
	check(o.Close())
	fmt.Fprintf(os.Stderr, "%d documents, %d stems\n", n, len(keys))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
