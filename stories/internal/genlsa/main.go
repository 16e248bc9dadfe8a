// Command genlsa builds a latent semantic (LSA) model of word stems from
// the background corpus story clustering already uses for IDF (Reuters-21578
// and BBC News 2225 in ../shared/data; see their READMEs for licences):
// a stem x document matrix (binary presence weighted by IDF, documents
// L2-normalized), reduced by a randomized SVD (Halko et al. 2011: a
// Gaussian range finder with power iterations, then the eigenvectors of
// the small projected Gram matrix). Each stem's row of U (k columns) is
// written as text: a header "k <dims> <documents>", then "<stem> v1 .. vk".
// Documents are folded in as the sum of their weighted stems' rows, so
// that stems used in the same contexts ("quake", "earthquake", "tremor")
// bring their documents together.
//
//	go run ./stories/internal/genlsa -data ../shared/data -k 100 -o /tmp/lsa.txt
//
// A research tool for the stories stage's development tests
// (STORIES_LSA in stories/sem_dev_test.go); the stage does not embed it
// (see docs/notes/stories.md, round 5).
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"

	"github.com/accord-news/accord/stories"
	"github.com/accord-news/accord/stories/internal/background"
)

func main() {
	data := flag.String("data", "../shared/data", "the shared data folder")
	out := flag.String("o", "/tmp/lsa.txt", "output file")
	k := flag.Int("k", 100, "dimensions")
	minDF := flag.Int("mindf", 5, "least document frequency of a stem")
	power := flag.Int("q", 3, "power iterations")
	related := flag.String("related", "", "also write each stem's nearest stems (cosine of their rows) to this gzipped file")
	theta := flag.Float64("theta", 0.95, "least cosine of a related stem (-related)")
	maxRel := flag.Int("maxrel", 3, "most related stems per stem (-related)")
	flag.Parse()
	var docs []map[string]bool
	add := func(title, body string) {
		docs = append(docs, stories.Terms(title+"\n"+body))
	}
	check(background.Read(*data, add, func(err error) { fmt.Fprintln(os.Stderr, err) }))
	df := map[string]int{}
	for _, d := range docs {
		for w := range d {
			df[w]++
		}
	}
	var vocab []string
	for w, n := range df {
		if n >= *minDF && n <= len(docs)/2 {
			vocab = append(vocab, w)
		}
	}
	sort.Strings(vocab)
	id := map[string]int{}
	for i, w := range vocab {
		id[w] = i
	}
	// Columns of A: one per document, (stem, weight) sorted by stem.
	type entry struct {
		t int
		w float64
	}
	var cols [][]entry
	N := float64(len(docs))
	for _, d := range docs {
		var c []entry
		for w := range d {
			if t, ok := id[w]; ok {
				c = append(c, entry{t, math.Log((N+1)/(float64(df[w])+1)) + 1})
			}
		}
		if len(c) == 0 {
			continue
		}
		sort.Slice(c, func(i, j int) bool { return c[i].t < c[j].t })
		norm := 0.0 // summed in stem order: the same bits on every run
		for _, e := range c {
			norm += e.w * e.w
		}
		norm = math.Sqrt(norm)
		for i := range c {
			c[i].w /= norm
		}
		cols = append(cols, c)
	}
	V, D, l := len(vocab), len(cols), *k+20
	fmt.Fprintf(os.Stderr, "%d documents, %d stems, rank %d\n", D, V, *k)
	rng := rand.New(rand.NewPCG(1, 2))
	// Y = A·Ω (V x l), Z = Aᵀ·Q (D x l); matrices row-major.
	omega := newMat(D, l)
	for i := range omega.v {
		omega.v[i] = rng.NormFloat64()
	}
	mulA := func(z *mat) *mat { // A·z, z is D x l
		y := newMat(V, l)
		for d, c := range cols {
			zr := z.row(d)
			for _, e := range c {
				yr := y.row(e.t)
				for j := range zr {
					yr[j] += e.w * zr[j]
				}
			}
		}
		return y
	}
	mulAt := func(q *mat) *mat { // Aᵀ·q, q is V x l
		z := newMat(D, l)
		for d, c := range cols {
			zr := z.row(d)
			for _, e := range c {
				qr := q.row(e.t)
				for j := range qr {
					zr[j] += e.w * qr[j]
				}
			}
		}
		return z
	}
	Q := mulA(omega)
	orthonormalize(Q)
	for it := 0; it < *power; it++ {
		Z := mulAt(Q)
		orthonormalize(Z)
		Q = mulA(Z)
		orthonormalize(Q)
	}
	Z := mulAt(Q) // D x l; ZᵀZ = Qᵀ A Aᵀ Q
	C := make([][]float64, l)
	for a := range C {
		C[a] = make([]float64, l)
	}
	for d := 0; d < D; d++ {
		r := Z.row(d)
		for a := 0; a < l; a++ {
			for b := a; b < l; b++ {
				C[a][b] += r[a] * r[b]
			}
		}
	}
	for a := 0; a < l; a++ {
		for b := 0; b < a; b++ {
			C[a][b] = C[b][a]
		}
	}
	vals, vecs := jacobi(C)
	order := make([]int, l)
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return vals[order[i]] > vals[order[j]] })
	o, err := os.Create(*out)
	check(err)
	bw := bufio.NewWriter(o)
	fmt.Fprintf(bw, "k %d %d\n", *k, D)
	fmt.Fprintf(os.Stderr, "singular values: %.3f .. %.3f\n", math.Sqrt(max(vals[order[0]], 0)), math.Sqrt(max(vals[order[*k-1]], 0)))
	U := make([][]float64, V)
	for t, w := range vocab {
		qr := Q.row(t)
		U[t] = make([]float64, *k)
		fmt.Fprint(bw, w)
		for j, c := range order[:*k] {
			u := 0.0
			for a := 0; a < l; a++ {
				u += qr[a] * vecs[a][c]
			}
			U[t][j] = u
			fmt.Fprintf(bw, " %.5g", u)
		}
		fmt.Fprintln(bw)
	}
	check(bw.Flush())
	check(o.Close())
	if *related != "" {
		writeRelated(*related, vocab, U, *theta, *maxRel)
	}
}

// writeRelated writes, for every stem with any, its nearest stems at
// cosine >= theta (at most maxRel, nearest first; ties by stem), as lines
// "stem other cosine other cosine ..." (cosines to 3 decimals), gzipped.
func writeRelated(path string, vocab []string, U [][]float64, theta float64, maxRel int) {
	for _, u := range U {
		n := 0.0
		for _, x := range u {
			n += x * x
		}
		n = math.Sqrt(n) + 1e-12
		for j := range u {
			u[j] /= n
		}
	}
	o, err := os.Create(path)
	check(err)
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	type nb struct {
		t int
		s float64
	}
	lines := 0
	for i := range vocab {
		var nbs []nb
		for j := range vocab {
			if i == j {
				continue
			}
			s := 0.0
			for c := range U[i] {
				s += U[i][c] * U[j][c]
			}
			if s >= theta {
				nbs = append(nbs, nb{j, s})
			}
		}
		if len(nbs) == 0 {
			continue
		}
		sort.Slice(nbs, func(a, b int) bool {
			if nbs[a].s != nbs[b].s {
				return nbs[a].s > nbs[b].s
			}
			return vocab[nbs[a].t] < vocab[nbs[b].t]
		})
		if len(nbs) > maxRel {
			nbs = nbs[:maxRel]
		}
		fmt.Fprint(bw, vocab[i])
		for _, n := range nbs {
			fmt.Fprintf(bw, " %s %.3f", vocab[n.t], n.s)
		}
		fmt.Fprintln(bw)
		lines++
	}
	check(bw.Flush())
	check(zw.Close())
	check(o.Close())
	fmt.Fprintf(os.Stderr, "%d stems with related stems (cosine >= %.2f, at most %d)\n", lines, theta, maxRel)
}

type mat struct {
	r, c int
	v    []float64
}

func newMat(r, c int) *mat         { return &mat{r, c, make([]float64, r*c)} }
func (m *mat) row(i int) []float64 { return m.v[i*m.c : (i+1)*m.c] }

// orthonormalize the columns of m (modified Gram-Schmidt, twice).
func orthonormalize(m *mat) {
	for pass := 0; pass < 2; pass++ {
		for j := 0; j < m.c; j++ {
			for p := 0; p < j; p++ {
				dot := 0.0
				for i := 0; i < m.r; i++ {
					dot += m.v[i*m.c+j] * m.v[i*m.c+p]
				}
				for i := 0; i < m.r; i++ {
					m.v[i*m.c+j] -= dot * m.v[i*m.c+p]
				}
			}
			n := 0.0
			for i := 0; i < m.r; i++ {
				n += m.v[i*m.c+j] * m.v[i*m.c+j]
			}
			n = math.Sqrt(n)
			if n > 0 {
				for i := 0; i < m.r; i++ {
					m.v[i*m.c+j] /= n
				}
			}
		}
	}
}

// jacobi returns the eigenvalues and eigenvectors (columns) of the
// symmetric matrix a (cyclic Jacobi rotations).
func jacobi(a [][]float64) ([]float64, [][]float64) {
	n := len(a)
	v := make([][]float64, n)
	for i := range v {
		v[i] = make([]float64, n)
		v[i][i] = 1
	}
	for sweep := 0; sweep < 100; sweep++ {
		off := 0.0
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				off += a[p][q] * a[p][q]
			}
		}
		if off < 1e-22 {
			break
		}
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				if math.Abs(a[p][q]) < 1e-300 {
					continue
				}
				theta := (a[q][q] - a[p][p]) / (2 * a[p][q])
				t := 1 / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				if theta < 0 {
					t = -t
				}
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for k := 0; k < n; k++ {
					akp, akq := a[k][p], a[k][q]
					a[k][p] = c*akp - s*akq
					a[k][q] = s*akp + c*akq
				}
				for k := 0; k < n; k++ {
					apk, aqk := a[p][k], a[q][k]
					a[p][k] = c*apk - s*aqk
					a[q][k] = s*apk + c*aqk
				}
				for k := 0; k < n; k++ {
					vkp, vkq := v[k][p], v[k][q]
					v[k][p] = c*vkp - s*vkq
					v[k][q] = s*vkp + c*vkq
				}
			}
		}
	}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = a[i][i]
	}
	return vals, v
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
