package stories

import (
	"math"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/accord-news/accord"
)

// expandedVectorMap is the first, map-based expandedVector (bdb3551): the
// reference the dense one must match bit for bit.
func (fs *featStore) expandedVectorMap(i int, w *[numSubs]float64, use *[numSubs]bool) vector {
	ts := fs.docs[i]
	var ids []int32
	var val []float64
	var norm [numSubs]float64
	var id int32
	for len(ts) > 0 {
		var c float64
		id, c, ts = decodeTerm(ts, id)
		s := fs.sub[id]
		if !use[s] {
			continue
		}
		x := tf(c) * fs.idf[id]
		norm[s] += x * x
		ids = append(ids, id)
		val = append(val, x)
	}
	for s := range norm {
		norm[s] = math.Sqrt(norm[s])
	}
	m := make(map[int32]float64, len(ids))
	if norm[subWords] > 0 {
		for j, id := range ids {
			if fs.sub[id] == subWords {
				m[id] = val[j] / norm[subWords]
			}
		}
		add := map[int32]float64{}
		for _, id := range ids {
			if fs.sub[id] != subWords {
				continue
			}
			for _, r := range fs.relTo[fs.relOff[id]:fs.relOff[id+1]] {
				add[r.id] += r.w * m[id]
			}
		}
		for j, x := range add {
			m[j] += x
		}
		wids := make([]int32, 0, len(m))
		for id := range m {
			wids = append(wids, id)
		}
		slices.Sort(wids)
		n2 := 0.0
		for _, id := range wids {
			n2 += m[id] * m[id]
		}
		n2 = math.Sqrt(n2)
		for _, id := range wids {
			m[id] = w[subWords] * m[id] / n2
		}
	}
	for j, id := range ids {
		if s := fs.sub[id]; s != subWords && norm[s] > 0 {
			m[id] += w[s] * val[j] / norm[s]
		}
	}
	return newVector(m)
}

// TestExpandedVectorMatchesMap: the dense expandedVector gives the map
// version's vectors bit for bit, with its buffer reused from call to call
// and from several goroutines at once, on documents of related stems
// (kinds on, so every sub-vector is present).
func TestExpandedVectorMatchesMap(t *testing.T) {
	table := relatedStems()
	var stems []string
	for s, rs := range table {
		if len(rs) > 0 {
			stems = append(stems, s, rs[0].stem)
		}
	}
	sort.Strings(stems)
	rng := rand.New(rand.NewSource(1))
	rng.Shuffle(len(stems), func(i, j int) { stems[i], stems[j] = stems[j], stems[i] })
	stems = stems[:min(len(stems), 400)]
	rng.Shuffle(len(stems), func(i, j int) { stems[i], stems[j] = stems[j], stems[i] })
	names := []string{"Alder", "Birch Co", "Cedar Bank", "Dunmore", "Elm Party"}
	var docs []*accord.Document
	for d := range 60 {
		var b strings.Builder
		for range 3 + rng.Intn(4) {
			b.WriteString("The")
			for range 4 + rng.Intn(8) {
				b.WriteString(" " + stems[rng.Intn(len(stems))])
			}
			b.WriteString(" in " + names[rng.Intn(len(names))] + " on 3 May 2023. ")
		}
		docs = append(docs, doc(string(rune('a'+d%26))+string(rune('0'+d/26)), "Report", b.String(), "2023-05-04"))
	}
	docs = append(docs, doc("x", "Dunmore", "Alder.", "2023-05-04")) // names only
	fs := extractFeatures(docs, true, 0.25)
	plain := extractFeatures(docs, true, 0)
	tv := fs.topicVecs(0.5, 0.3, 0)
	if !tv.expand {
		t.Fatal("no related words in the corpus")
	}
	grown := 0
	for i := range docs {
		if len(fs.expandedVectorMap(i, &tv.w, &tv.use).ids) > len(plain.vectorInto(i, &tv.w, &tv.use, vector{}).ids) {
			grown++
		}
	}
	if grown < len(docs)/2 {
		t.Fatalf("only %d of %d documents gained related terms", grown, len(docs))
	}
	var wg sync.WaitGroup
	bad := make([]int, 3) // per goroutine: first document that differs, or -1
	for g := range bad {
		bad[g] = -1
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf vector
			for r := range 3 {
				for k := range docs {
					i := (k*7 + g + r) % len(docs)
					v := fs.expandedVector(i, &tv.w, &tv.use, buf)
					if want := fs.expandedVectorMap(i, &tv.w, &tv.use); !bitEqual(want, v) && bad[g] < 0 {
						bad[g] = i
					}
					buf = v
				}
			}
		}()
	}
	wg.Wait()
	for _, i := range bad {
		if i >= 0 {
			same(t, "dense vs map", fs.expandedVectorMap(i, &tv.w, &tv.use), fs.expandedVector(i, &tv.w, &tv.use, vector{}))
			t.Fatalf("doc %d differs when the buffer is reused", i)
		}
	}
}

func bitEqual(a, b vector) bool {
	if len(a.ids) != len(b.ids) {
		return false
	}
	for k := range a.ids {
		if a.ids[k] != b.ids[k] || math.Float64bits(a.val[k]) != math.Float64bits(b.val[k]) {
			return false
		}
	}
	return true
}
