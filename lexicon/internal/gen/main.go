// Command gen reads the WordNet 3.0 database files (Debian package
// wordnet-base, /usr/share/wordnet) and writes lexicon/wordnet.bin.gz: the
// single-word lemmas with their synsets in sense order, each synset's broader
// synsets (hypernyms, instance hypernyms, adjective similar-to heads), and the
// morphological exception lists.
//
//	go generate ./lexicon            (or: go run ./lexicon/internal/gen -dir /usr/share/wordnet -out lexicon/wordnet.bin.gz)
//
// File layout (all integers unsigned varints, gzip-compressed):
//
//	magic "WNLX1"
//	nSynsets
//	per synset: nBroader, broader ids (delta-free)
//	nWords
//	per word (sorted): len, bytes, nSenses, synset ids in sense order
//	nExceptions
//	per exception (sorted): len, bytes, nBases, word indices of the bases
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

var posNames = []struct {
	pos  byte
	name string
}{{'n', "noun"}, {'v', "verb"}, {'a', "adj"}, {'r', "adv"}}

type key struct {
	pos byte
	off int
}

func normPos(p byte) byte {
	if p == 's' {
		return 'a'
	}
	return p
}

func main() {
	dir := flag.String("dir", "/usr/share/wordnet", "WordNet database directory")
	out := flag.String("out", "wordnet.bin.gz", "output file")
	flag.Parse()

	ids := map[key]int{}
	var broader [][]key
	var keys []key
	wordSenses := map[string][]int{}
	// Data files: synsets, their lemmas and pointers.
	for _, pn := range posNames {
		f, err := os.Open(filepath.Join(*dir, "data."+pn.name))
		if err != nil {
			log.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "  ") {
				continue
			}
			if i := strings.Index(line, " | "); i >= 0 {
				line = line[:i]
			}
			p := strings.Fields(line)
			if len(p) < 6 {
				continue
			}
			off, err := strconv.Atoi(p[0])
			if err != nil {
				continue
			}
			k := key{pn.pos, off}
			id := len(keys)
			ids[k] = id
			keys = append(keys, k)
			wcnt, err := strconv.ParseInt(p[3], 16, 32)
			if err != nil || 4+2*int(wcnt) >= len(p) {
				log.Fatalf("bad line %q", line)
			}
			i := 4 + 2*int(wcnt)
			pcnt, _ := strconv.Atoi(p[i])
			i++
			var br []key
			for j := 0; j < pcnt && i+3 < len(p)+1; j++ {
				sym, toff, tpos := p[i], p[i+1], p[i+2]
				i += 4
				if sym == "@" || sym == "@i" || (sym == "&" && pn.pos == 'a') {
					o, err := strconv.Atoi(toff)
					if err == nil && len(tpos) == 1 {
						br = append(br, key{normPos(tpos[0]), o})
					}
				}
			}
			broader = append(broader, br)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			log.Fatal(err)
		}
	}
	// Index files: lemma -> synsets in sense order (frequency order).
	for _, pn := range posNames {
		f, err := os.Open(filepath.Join(*dir, "index."+pn.name))
		if err != nil {
			log.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, " ") {
				continue
			}
			p := strings.Fields(line)
			if len(p) < 4 {
				continue
			}
			lemma := p[0]
			if !singleWord(lemma) {
				continue
			}
			n, _ := strconv.Atoi(p[2])
			if n > len(p) {
				continue
			}
			for _, o := range p[len(p)-n:] {
				off, err := strconv.Atoi(o)
				if err != nil {
					continue
				}
				if id, ok := ids[key{pn.pos, off}]; ok {
					wordSenses[lemma] = append(wordSenses[lemma], id)
				}
			}
		}
		f.Close()
	}
	words := make([]string, 0, len(wordSenses))
	for w := range wordSenses {
		words = append(words, w)
	}
	sort.Strings(words)
	widx := map[string]int{}
	for i, w := range words {
		widx[w] = i
	}
	// Exceptions: inflected form -> base forms known as words.
	exc := map[string][]int{}
	for _, pn := range posNames {
		b, err := os.ReadFile(filepath.Join(*dir, pn.name+".exc"))
		if err != nil {
			log.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			p := strings.Fields(line)
			if len(p) < 2 || !singleWord(p[0]) {
				continue
			}
			for _, base := range p[1:] {
				if j, ok := widx[base]; ok && !contains(exc[p[0]], j) {
					exc[p[0]] = append(exc[p[0]], j)
				}
			}
		}
	}
	excWords := make([]string, 0, len(exc))
	for w := range exc {
		excWords = append(excWords, w)
	}
	sort.Strings(excWords)

	var buf bytes.Buffer
	buf.WriteString("WNLX1")
	put := func(v int) { buf.Write(binary.AppendUvarint(nil, uint64(v))) }
	put(len(keys))
	for _, br := range broader {
		var bids []int
		for _, k := range br {
			if id, ok := ids[k]; ok {
				bids = append(bids, id)
			}
		}
		put(len(bids))
		for _, id := range bids {
			put(id)
		}
	}
	put(len(words))
	for _, w := range words {
		put(len(w))
		buf.WriteString(w)
		s := dedup(wordSenses[w])
		put(len(s))
		for _, id := range s {
			put(id)
		}
	}
	put(len(excWords))
	for _, w := range excWords {
		put(len(w))
		buf.WriteString(w)
		put(len(exc[w]))
		for _, j := range exc[w] {
			put(j)
		}
	}
	of, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(of, gzip.BestCompression)
	if _, err := zw.Write(buf.Bytes()); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := of.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "gen: %d synsets, %d words, %d exceptions, %d bytes raw\n", len(keys), len(words), len(excWords), buf.Len())
}

// singleWord keeps lower-case single-token lemmas (letters, digits, hyphen,
// apostrophe, period); WordNet spells multi-word lemmas with '_'.
func singleWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '\'' || c == '.') {
			return false
		}
	}
	return true
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func dedup(s []int) []int {
	var out []int
	for _, v := range s {
		if !contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
