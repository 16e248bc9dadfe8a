package claims

import (
	"github.com/accord-news/accord/internal/unionfind"
	"math"
	"sort"

	"github.com/accord-news/accord/text"
)

// partition groups documents into topics when no story stage ran: documents
// are compared only within their own topic, so that unrelated reports never
// "disagree". TF-IDF vectors over content words (names weigh double); two
// documents are linked when each is among the other's nearest neighbours
// and their cosine passes linkMin, or when the cosine passes linkStrong.
// Topics are the connected components of the links.
const (
	linkMin    = 0.2
	linkStrong = 0.5
	neighbours = 5
)

func partition(docs []*docInfo) [][]*docInfo {
	n := len(docs)
	if n <= 1 {
		return [][]*docInfo{docs}
	}
	// Term frequencies.
	tfs := make([]map[string]float64, n)
	df := map[string]int{}
	for i, di := range docs {
		tf := map[string]float64{}
		for _, s := range di.sents {
			for _, w := range s.words {
				if len(w) < 3 || text.IsStopword(w) || isDigitStr(w) {
					continue
				}
				tf[w]++
			}
		}
		for _, p := range di.persons {
			tf[p.surname]++
		}
		for _, p := range di.places {
			tf[p.norm]++
		}
		tfs[i] = tf
		for w := range tf {
			df[w]++
		}
	}
	// TF-IDF, normalized; terms in one document or in most are left out.
	vecs := make([]map[string]float64, n)
	index := map[string][]int{}
	for i, tf := range tfs {
		v := map[string]float64{}
		norm := 0.0
		for w, f := range tf {
			d := df[w]
			if d < 2 || d > n/2+1 && n > 4 {
				continue
			}
			x := (1 + math.Log(f)) * math.Log(1+float64(n)/float64(d))
			v[w] = x
			norm += x * x
		}
		norm = math.Sqrt(norm)
		if norm > 0 {
			for w := range v {
				v[w] /= norm
				index[w] = append(index[w], i)
			}
		}
		vecs[i] = v
	}
	type nb struct {
		j   int
		cos float64
	}
	top := make([][]nb, n)
	for i, v := range vecs {
		acc := map[int]float64{}
		for w, x := range v {
			post := index[w]
			if len(post) > 2000 {
				continue
			}
			for _, j := range post {
				if j != i {
					acc[j] += x * vecs[j][w]
				}
			}
		}
		var l []nb
		for j, c := range acc {
			if c >= linkMin {
				l = append(l, nb{j, c})
			}
		}
		sort.Slice(l, func(a, b int) bool {
			if l[a].cos != l[b].cos {
				return l[a].cos > l[b].cos
			}
			return l[a].j < l[b].j
		})
		if len(l) > neighbours {
			// Keep every strong link, and the nearest neighbours.
			k := neighbours
			for k < len(l) && l[k].cos >= linkStrong {
				k++
			}
			l = l[:k]
		}
		top[i] = l
	}
	in := func(i, j int) bool {
		for _, x := range top[i] {
			if x.j == j {
				return true
			}
		}
		return false
	}
	parent := unionfind.New(n)
	find := parent.Find
	for i, l := range top {
		for _, x := range l {
			if x.cos >= linkStrong || in(x.j, i) {
				parent[find(i)] = find(x.j)
			}
		}
	}
	groups := map[int][]*docInfo{}
	var roots []int
	for i := range docs {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], docs[i])
	}
	var out [][]*docInfo
	for _, r := range roots {
		out = append(out, groups[r])
	}
	return out
}
