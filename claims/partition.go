package claims

import (
	"context"
	"math"
	"sort"

	"github.com/accord-news/accord/internal/unionfind"

	"github.com/accord-news/accord/text"
)

// partition groups documents into topics when no story stage ran: documents
// are compared only within their own topic, so that unrelated reports never
// "disagree". TF-IDF vectors over content words (names weigh double); two
// documents are linked when each is among the other's nearest neighbours
// and their cosine passes linkMin, or when the cosine passes linkStrong.
// Topics are the connected components of the links.
//
// A topic holds at most maxTopic documents: the matchers compare the
// documents (and sentences, facts) of a topic with one another, so their
// cost grows with the square of a topic's size, and in a large corpus the
// links chain thousands of documents into one component. Links are applied
// strongest first and a link that would join two groups into one larger
// than maxTopic is left out (single linkage with a size bound), so a
// component of at most maxTopic documents comes out exactly as its
// connected component, and a larger one is cut along its weakest links.
const (
	linkMin    = 0.2
	linkStrong = 0.5
	neighbours = 5
	// defaultMaxTopic: Stage.MaxTopic when unset.
	defaultMaxTopic = 200
	// A term in more than maxPostings(n) documents is too common to find
	// neighbours by (and walking its postings from each of its documents
	// costs the square of its frequency): 2000 up to 10,000 documents,
	// then postBudget/n but at least minPostings, so that the postings
	// walked stay about linear in the corpus.
	postBudget  = 20_000_000
	minPostings = 500
)

func maxPostings(n int) int {
	return max(minPostings, min(2000, postBudget/max(n, 1)))
}

func partition(ctx context.Context, docs []*docInfo, maxTopic int) ([][]*docInfo, error) {
	n := len(docs)
	if n <= 1 {
		return [][]*docInfo{docs}, nil
	}
	// Term frequencies.
	tfs := make([]map[string]float64, n)
	df := map[string]int{}
	for i, di := range docs {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
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
		if i%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
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
	top := make([][]nb, n)
	acc := make([]float64, n)
	maxPost := maxPostings(n)
	var touched []int32
	for i, v := range vecs {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		touched = touched[:0]
		for _, t := range v {
			post := index[t.term]
			if len(post) > maxPost {
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
	in := func(i, j int) bool { return inList(top[i], j) }
	// The links, strongest first (ties in document order), each once.
	type link struct {
		i, j int32
		cos  float64
	}
	var links []link
	for i, l := range top {
		for _, x := range l {
			if (x.cos >= linkStrong || in(x.j, i)) && (i < x.j || !linked(top, x.j, i)) {
				links = append(links, link{int32(i), int32(x.j), x.cos})
			}
		}
	}
	top = nil
	sort.Slice(links, func(a, b int) bool {
		if links[a].cos != links[b].cos {
			return links[a].cos > links[b].cos
		}
		ia, ja := min(links[a].i, links[a].j), max(links[a].i, links[a].j)
		ib, jb := min(links[b].i, links[b].j), max(links[b].i, links[b].j)
		if ia != ib {
			return ia < ib
		}
		return ja < jb
	})
	parent := unionfind.New(n)
	find := parent.Find
	size := make([]int32, n)
	for i := range size {
		size[i] = 1
	}
	for _, l := range links {
		ri, rj := find(int(l.i)), find(int(l.j))
		if ri == rj || maxTopic > 0 && int(size[ri]+size[rj]) > maxTopic {
			continue
		}
		parent[ri] = rj
		size[rj] += size[ri]
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
	return out, nil
}

// linked says whether i links to j by the rule above (a strong link, or a
// mutual neighbour): a link both ends list is taken once, from its lower end.
func linked(top [][]nb, i, j int) bool {
	for _, x := range top[i] {
		if x.j == j {
			return x.cos >= linkStrong || inList(top[j], i)
		}
	}
	return false
}

func inList(l []nb, j int) bool {
	for _, x := range l {
		if x.j == j {
			return true
		}
	}
	return false
}

// nb is a neighbour of a document and their cosine.
type nb struct {
	j   int
	cos float64
}
