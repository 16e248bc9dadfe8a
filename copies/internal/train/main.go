// Command train builds copies/reffreq.txt.gz, the reference word statistics
// that copy direction and spinner fingerprints are measured against: word
// counts and function-word bigram counts over real news text (the Reuters-21578
// bodies and the BBC full-text articles under shared/data).
//
//	go run ./copies/internal/train -data /work/shared/data -out copies/reffreq.txt.gz -bigrams copies/refbigrams.bin.gz
//
// Output (gzip text): "total <N>", "words <n>", n lines "<word> <count>"
// (count >= 3, most frequent first, at most 60,000), "bigrams <m>", m lines
// "<w1> <w2> <count>" for adjacent pairs of the 300 most frequent words.
// Second output (gzip binary): every word bigram seen at least twice, as the
// sorted low 32 bits of xxh3("w1 w2"), delta-coded as unsigned varints after
// a varint count.
package main

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"html"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/zeebo/xxh3"
)

var bodyRE = regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)

func main() {
	data := flag.String("data", "/work/shared/data", "shared data directory")
	out := flag.String("out", "copies/reffreq.txt.gz", "output file")
	biOut := flag.String("bigrams", "copies/refbigrams.bin.gz", "bigram set output file")
	flag.Parse()
	var docs []string
	files, _ := filepath.Glob(filepath.Join(*data, "reuters21578", "reut2-*.sgm.gz"))
	sort.Strings(files)
	for _, f := range files {
		b := readGz(f)
		for _, m := range bodyRE.FindAllStringSubmatch(strings.ToValidUTF8(string(b), " "), -1) {
			docs = append(docs, html.UnescapeString(m[1]))
		}
	}
	nReuters := len(docs)
	tf, err := os.Open(filepath.Join(*data, "bbc-news-2225", "bbc-fulltext.tar.gz"))
	if err != nil {
		log.Fatal(err)
	}
	zr, err := gzip.NewReader(tf)
	if err != nil {
		log.Fatal(err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		if !strings.HasSuffix(h.Name, ".txt") {
			continue
		}
		b, _ := io.ReadAll(tr)
		docs = append(docs, strings.ToValidUTF8(string(b), " "))
	}
	if len(docs) == 0 {
		log.Fatal("no documents found")
	}
	counts := map[string]int{}
	total := 0
	var seqs [][]string
	for _, d := range docs {
		ws := words(d)
		for _, w := range ws {
			counts[w]++
		}
		total += len(ws)
		seqs = append(seqs, ws)
	}
	type wc struct {
		w string
		c int
	}
	var list []wc
	for w, c := range counts {
		if c >= 3 {
			list = append(list, wc{w, c})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].c != list[j].c {
			return list[i].c > list[j].c
		}
		return list[i].w < list[j].w
	})
	if len(list) > 60000 {
		list = list[:60000]
	}
	top := map[string]bool{}
	for i := 0; i < len(list) && i < 300; i++ {
		top[list[i].w] = true
	}
	bi := map[[2]string]int{}
	all := map[uint32]int{}
	for _, ws := range seqs {
		for i := 0; i+1 < len(ws); i++ {
			if top[ws[i]] && top[ws[i+1]] {
				bi[[2]string{ws[i], ws[i+1]}]++
			}
			all[uint32(xxh3.HashString(ws[i]+" "+ws[i+1]))]++
		}
	}
	var keys []uint32
	for k, c := range all {
		if c >= 2 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	raw := binary.AppendUvarint(nil, uint64(len(keys)))
	prev := uint32(0)
	for _, k := range keys {
		raw = binary.AppendUvarint(raw, uint64(k-prev))
		prev = k
	}
	bf, err := os.Create(*biOut)
	if err != nil {
		log.Fatal(err)
	}
	bz, _ := gzip.NewWriterLevel(bf, gzip.BestCompression)
	if _, err := bz.Write(raw); err != nil {
		log.Fatal(err)
	}
	if err := bz.Close(); err != nil {
		log.Fatal(err)
	}
	if err := bf.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "train: %d bigrams seen twice or more\n", len(keys))
	var bl []wc
	for k, c := range bi {
		bl = append(bl, wc{k[0] + " " + k[1], c})
	}
	sort.Slice(bl, func(i, j int) bool {
		if bl[i].c != bl[j].c {
			return bl[i].c > bl[j].c
		}
		return bl[i].w < bl[j].w
	})
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintf(w, "total %d\nwords %d\n", total, len(list))
	for _, x := range list {
		fmt.Fprintf(w, "%s %d\n", x.w, x.c)
	}
	fmt.Fprintf(w, "bigrams %d\n", len(bl))
	for _, x := range bl {
		fmt.Fprintf(w, "%s %d\n", x.w, x.c)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "train: %d documents (%d Reuters, %d BBC), %d words, %d kept, %d bigrams\n",
		len(docs), nReuters, len(docs)-nReuters, total, len(list), len(bl))
}

func readGz(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		log.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		log.Fatal(err)
	}
	return b
}

// words lower-cases and splits like copies' tokenizer (letters and digits,
// inner apostrophes kept).
func words(s string) []string {
	var out []string
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if (r == '\'' || r == '’' || r == '-') && b.Len() > 0 && i+1 < len(rs) && (unicode.IsLetter(rs[i+1]) || unicode.IsDigit(rs[i+1])) {
			if r == '’' {
				r = '\''
			}
			b.WriteRune(r)
			continue
		}
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}
