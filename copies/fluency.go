package copies

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
)

// reffreq.txt.gz holds word and function-word bigram counts over real news
// text (see internal/train); it is the reference that tells a writer's usual
// word choice from a spinner's.
//
//go:generate go run ./internal/train -data /work/shared/data -out reffreq.txt.gz
//go:embed reffreq.txt.gz
var refGz []byte

type refStats struct {
	total   float64
	words   map[string]float64
	bigrams map[[2]string]float64
}

var (
	refOnce sync.Once
	ref     *refStats
)

func reference() *refStats {
	refOnce.Do(func() {
		ref = &refStats{total: 1, words: map[string]float64{}, bigrams: map[[2]string]float64{}}
		zr, err := gzip.NewReader(bytes.NewReader(refGz))
		if err != nil {
			return
		}
		sc := bufio.NewScanner(zr)
		section := ""
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			switch {
			case len(f) == 2 && (f[0] == "total" || f[0] == "words" || f[0] == "bigrams"):
				if f[0] == "total" {
					if v, err := strconv.ParseFloat(f[1], 64); err == nil && v > 0 {
						ref.total = v
					}
				}
				section = f[0]
			case section == "words" && len(f) == 2:
				if v, err := strconv.ParseFloat(f[1], 64); err == nil {
					ref.words[f[0]] = v
				}
			case section == "bigrams" && len(f) == 3:
				if v, err := strconv.ParseFloat(f[2], 64); err == nil {
					ref.bigrams[[2]string{f[0], f[1]}] = v
				}
			}
		}
	})
	return ref
}

// logFreq is the smoothed log relative frequency of a lower-cased word in the
// reference text.
func logFreq(w string) float64 {
	r := reference()
	return math.Log((r.words[w] + 0.5) / r.total)
}

// fingerprint is the rate, per function-word bigram of the text, of
// function-word bigrams that reference news text uses far less than chance
// predicts (pointwise mutual information below -1): the trace that spinner
// habits ("and also", "has actually") and garbled idioms leave. It is learned
// from the reference counts, not from a list of phrases.
func fingerprint(v *vdoc) float64 {
	r := reference()
	n, odd := 0, 0
	prev := ""
	for i, w := range v.words {
		lw := lowerWord(v.doc.Text, w)
		if i > 0 && v.words[i-1].sent == w.sent && prev != "" {
			c1, c2 := r.words[prev], r.words[lw]
			if c1 > 2000 && c2 > 2000 { // both frequent (function) words
				n++
				c12 := r.bigrams[[2]string{prev, lw}]
				pmi := math.Log((c12 + 0.5) * r.total / (c1 * c2))
				if pmi < -1 {
					odd++
				}
			}
		}
		prev = lw
	}
	if n == 0 {
		return 0
	}
	return float64(odd) / float64(n)
}

// meanLogFreq is the mean reference log-frequency of the given words of v.
func meanLogFreq(v *vdoc, idx []int) (float64, int) {
	var s float64
	n := 0
	for _, i := range idx {
		if i < 0 || i >= len(v.words) {
			continue
		}
		w := v.words[i]
		if w.has(fNum) || w.has(fCap) {
			continue
		}
		s += logFreq(lowerWord(v.doc.Text, w))
		n++
	}
	if n == 0 {
		return 0, 0
	}
	return s / float64(n), n
}
