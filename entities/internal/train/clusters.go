package main

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"fmt"
	"html"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// Word clusters: a cheap alternative to Brown clusters. Every frequent word
// gets a context vector (counts of its left and right neighbours among the
// most frequent words, log-scaled, L2-normalised); spherical k-means groups
// the words into fineK clusters, and the fine centroids are grouped again into
// coarseK clusters. Features use both granularities.
const (
	vocabSize = 80000
	minCount  = 3
	ctxSize   = 1000
	fineK     = 320
	coarseK   = 40
	kmIters   = 10
)

func loadOrLearnClusters(cache, root string, train []doc) (map[string][2]int, error) {
	if data, err := os.ReadFile(cache); err == nil {
		out := map[string][2]int{}
		for _, line := range strings.Split(string(data), "\n") {
			f := strings.Split(line, "\t")
			if len(f) != 3 {
				continue
			}
			a, _ := strconv.Atoi(f[1])
			b, _ := strconv.Atoi(f[2])
			out[f[0]] = [2]int{a, b}
		}
		return out, nil
	}
	var sents [][]string
	for _, s := range loadUnlabeled(root) {
		addSent(&sents, s)
	}
	for _, d := range train {
		for _, s := range d {
			ws := make([]string, len(s.words))
			copy(ws, s.words)
			sents = append(sents, ws)
		}
	}
	log.Printf("clusters: %d sentences of unlabeled text", len(sents))
	out := learnClusters(sents)
	var sb strings.Builder
	words := make([]string, 0, len(out))
	for w := range out {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		fmt.Fprintf(&sb, "%s\t%d\t%d\n", w, out[w][0], out[w][1])
	}
	if err := os.WriteFile(cache, []byte(sb.String()), 0o644); err != nil {
		log.Printf("clusters cache: %v", err)
	}
	return out, nil
}

func addSent(sents *[][]string, s string) {
	for _, p := range text.Paragraphs(s) {
		toks := text.Tokens(s, p)
		ws := make([]string, 0, len(toks)+2)
		for _, t := range toks {
			l := s[t.Start:t.End]
			if strings.HasSuffix(l, "'s") && len(l) > 2 {
				ws = append(ws, l[:len(l)-2], "'s")
				continue
			}
			ws = append(ws, l)
		}
		*sents = append(*sents, ws)
	}
}

// loadUnlabeled returns the article texts of Reuters-21578 and BBC News.
func loadUnlabeled(root string) []string {
	var out []string
	add := func(s string) { out = append(out, s) }
	// Reuters-21578 bodies.
	files, _ := filepath.Glob(filepath.Join(root, "reuters21578", "reut2-*.sgm.gz"))
	for _, fn := range files {
		b, err := readGz(fn)
		if err != nil {
			log.Printf("unlabeled: %v", err)
			continue
		}
		s := strings.ToValidUTF8(string(b), " ")
		for {
			i := strings.Index(s, "<BODY>")
			if i < 0 {
				break
			}
			j := strings.Index(s[i:], "</BODY>")
			if j < 0 {
				break
			}
			add(html.UnescapeString(s[i+6 : i+j]))
			s = s[i+j:]
		}
	}
	// BBC News full texts.
	if f, err := os.Open(filepath.Join(root, "bbc-news-2225", "bbc-fulltext.tar.gz")); err == nil {
		zr, err := gzip.NewReader(f)
		if err == nil {
			tr := tar.NewReader(zr)
			for {
				h, err := tr.Next()
				if err != nil {
					break
				}
				if !strings.HasSuffix(h.Name, ".txt") {
					continue
				}
				b, _ := io.ReadAll(tr)
				add(strings.ToValidUTF8(string(b), " "))
			}
		}
		f.Close()
	}
	return out
}

func readGz(fn string) ([]byte, error) {
	f, err := os.Open(fn)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

type svec struct {
	idx []int32
	val []float32
}

func learnClusters(sents [][]string) map[string][2]int {
	freq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[w]++
		}
	}
	words := make([]string, 0, len(freq))
	for w, c := range freq {
		if c >= minCount {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if freq[words[i]] != freq[words[j]] {
			return freq[words[i]] > freq[words[j]]
		}
		return words[i] < words[j]
	})
	if len(words) > vocabSize {
		words = words[:vocabSize]
	}
	id := make(map[string]int, len(words))
	for i, w := range words {
		id[w] = i
	}
	nctx := ctxSize
	if nctx > len(words) {
		nctx = len(words)
	}
	counts := make([]map[int32]float32, len(words))
	for i := range counts {
		counts[i] = map[int32]float32{}
	}
	for _, s := range sents {
		for i, w := range s {
			wi, ok := id[w]
			if !ok {
				continue
			}
			if i > 0 {
				if c, ok := id[s[i-1]]; ok && c < nctx {
					counts[wi][int32(c)]++
				}
			} else {
				counts[wi][int32(2*nctx)]++
			}
			if i+1 < len(s) {
				if c, ok := id[s[i+1]]; ok && c < nctx {
					counts[wi][int32(nctx+c)]++
				}
			} else {
				counts[wi][int32(2*nctx+1)]++
			}
		}
	}
	dim := 2*nctx + 2
	vecs := make([]svec, len(words))
	for i, m := range counts {
		var v svec
		var norm float64
		keys := make([]int32, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		for _, k := range keys {
			x := float32(math.Log1p(float64(m[k])))
			v.idx = append(v.idx, k)
			v.val = append(v.val, x)
			norm += float64(x * x)
		}
		if norm > 0 {
			n := float32(math.Sqrt(norm))
			for j := range v.val {
				v.val[j] /= n
			}
		}
		vecs[i] = v
	}
	k := fineK
	if k > len(words) {
		k = len(words)
	}
	assign := kmeans(vecs, dim, k)
	// Coarse: cluster the fine centroids.
	cents := centroids(vecs, assign, dim, k)
	cv := make([]svec, k)
	for c := range cents {
		for d, x := range cents[c] {
			if x != 0 {
				cv[c].idx = append(cv[c].idx, int32(d))
				cv[c].val = append(cv[c].val, x)
			}
		}
	}
	ck := coarseK
	if ck > k {
		ck = k
	}
	cassign := kmeans(cv, dim, ck)
	out := make(map[string][2]int, len(words))
	for i, w := range words {
		out[w] = [2]int{cassign[assign[i]], assign[i]}
	}
	return out
}

func centroids(vecs []svec, assign []int, dim, k int) [][]float32 {
	c := make([][]float32, k)
	for i := range c {
		c[i] = make([]float32, dim)
	}
	for i, v := range vecs {
		a := assign[i]
		for j, d := range v.idx {
			c[a][d] += v.val[j]
		}
	}
	for i := range c {
		var n float64
		for _, x := range c[i] {
			n += float64(x * x)
		}
		if n > 0 {
			s := float32(1 / math.Sqrt(n))
			for d := range c[i] {
				c[i][d] *= s
			}
		}
	}
	return c
}

// kmeans is spherical k-means, seeded deterministically with evenly spaced
// items of the (frequency-ordered) input.
func kmeans(vecs []svec, dim, k int) []int {
	n := len(vecs)
	assign := make([]int, n)
	cent := make([][]float32, k)
	for c := 0; c < k; c++ {
		cent[c] = make([]float32, dim)
		v := vecs[(c*n)/k]
		for j, d := range v.idx {
			cent[c][d] = v.val[j]
		}
	}
	workers := runtime.GOMAXPROCS(0)
	for it := 0; it < kmIters; it++ {
		var wg sync.WaitGroup
		changed := make([]int, workers)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := w; i < n; i += workers {
					v := vecs[i]
					best, bs := 0, float32(-2)
					for c := 0; c < k; c++ {
						cc := cent[c]
						var s float32
						for j, d := range v.idx {
							s += cc[d] * v.val[j]
						}
						if s > bs {
							best, bs = c, s
						}
					}
					if assign[i] != best {
						changed[w]++
					}
					assign[i] = best
				}
			}(w)
		}
		wg.Wait()
		tot := 0
		for _, c := range changed {
			tot += c
		}
		cent = centroids(vecs, assign, dim, k)
		log.Printf("kmeans k=%d iter %d: %d changed", k, it, tot)
		if tot == 0 {
			break
		}
	}
	return assign
}

var _ = accord.Span{}
