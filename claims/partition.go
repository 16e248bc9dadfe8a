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
	// Terms get ids in sorted order, and each posting carries its weight,
	// so that scoring a document's neighbours is a walk over slices into a
	// dense accumulator, summed in term order (the same result every run).
	terms := make([]string, 0, len(df))
	for w, d := range df {
		if d >= 2 && !(d > n/2+1 && n > 4) {
			terms = append(terms, w)
		}
	}
	sort.Strings(terms)
	termID := make(map[string]int32, len(terms))
	for k, w := range terms {
		termID[w] = int32(k)
	}
	type posting struct {
		doc int32
		x   float64
	}
	type weighted struct {
		term int32
		x    float64
	}
	vecs := make([][]weighted, n)
	index := make([][]posting, len(terms))
	for i, tf := range tfs {
		var v []weighted
		for w, f := range tf {
			id, ok := termID[w]
			if !ok {
				continue
			}
			x := (1 + math.Log(f)) * math.Log(1+float64(n)/float64(df[w]))
			v = append(v, weighted{id, x})
		}
		sort.Slice(v, func(a, b int) bool { return v[a].term < v[b].term })
		norm := 0.0
		for _, t := range v {
			norm += t.x * t.x
		}
		norm = math.Sqrt(norm)
		if norm > 0 {
			for k := range v {
				v[k].x /= norm
				index[v[k].term] = append(index[v[k].term], posting{int32(i), v[k].x})
			}
		}
		vecs[i] = v
		tfs[i] = nil
	}
	type nb struct {
		j   int
		cos float64
	}
	top := make([][]nb, n)
	acc := make([]float64, n)
	var touched []int32
	for i, v := range vecs {
		touched = touched[:0]
		for _, t := range v {
			post := index[t.term]
			if len(post) > 2000 {
				continue
			}
			for _, p := range post {
				if int(p.doc) == i {
					continue
				}
				if acc[p.doc] == 0 {
					touched = append(touched, p.doc)
				}
				acc[p.doc] += t.x * p.x
			}
		}
		var l []nb
		for _, j := range touched {
			if c := acc[j]; c >= linkMin {
				l = append(l, nb{int(j), c})
			}
			acc[j] = 0
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
