package stories

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/stories/internal/devdata"
)

// Development analyses over a DEV report; they run only when
// STORIES_DEV_REPORT and STORIES_DEV_GOLD name a report and its gold.

type devGold = devdata.Gold

// devGroups are the independent groups of a -dump (tune), by document.
var devGroups map[string][]string

// devCorpus makes a corpus of docs with their independent groups (those of
// the dump, restricted to docs).
func devCorpus(docs []*accord.Document) *accord.Corpus {
	c := accord.NewCorpus(docs, accord.Options{})
	if devGroups == nil {
		return c
	}
	in := map[string]bool{}
	for _, d := range docs {
		in[d.ID] = true
	}
	done := map[string]bool{}
	var groups [][]string
	for _, d := range docs {
		g := devGroups[d.ID]
		if len(g) == 0 || done[g[0]] {
			continue
		}
		done[g[0]] = true
		var part []string
		for _, id := range g {
			if in[id] {
				part = append(part, id)
			}
		}
		groups = append(groups, part)
	}
	if len(groups) > 0 {
		c.SetGroups(groups)
	}
	return c
}

func loadDev(t *testing.T) ([]*accord.Document, devGold) {
	rep, goldPath := os.Getenv("STORIES_DEV_REPORT"), os.Getenv("STORIES_DEV_GOLD")
	if dump := os.Getenv("STORIES_DEV_DOCS"); dump != "" && goldPath != "" {
		// Documents as the stories stage sees them in the pipeline.
		var dd struct {
			Docs   []*accord.Document `json:"docs"`
			Groups [][]string         `json:"groups"`
		}
		if err := devdata.ReadJSON(dump, &dd); err != nil {
			t.Fatal(err)
		}
		var gold devGold
		if err := devdata.ReadJSON(goldPath, &gold); err != nil {
			t.Fatal(err)
		}
		devGroups = map[string][]string{}
		for _, g := range dd.Groups {
			for _, id := range g {
				devGroups[id] = g
			}
		}
		return dd.Docs, gold
	}
	if rep == "" || goldPath == "" {
		t.Skip("STORIES_DEV_REPORT/STORIES_DEV_GOLD not set")
	}
	var r accord.Report
	var gold devGold
	if err := devdata.ReadJSON(rep, &r); err != nil {
		t.Fatal(err)
	}
	if err := devdata.ReadJSON(goldPath, &gold); err != nil {
		t.Fatal(err)
	}
	return devdata.Documents(&r), gold
}

// TestDevSubtopicSimilarity prints, for each gold sub-topic, its nearest other
// sub-topic under several similarities, and whether it is of the same topic.
func TestDevSubtopicSimilarity(t *testing.T) {
	docs, gold := loadDev(t)
	sub, top := gold.Partitions["subtopic"], gold.Partitions["topic"]
	if sub == nil {
		t.Skip("no subtopic partition")
	}
	vocab := newVocab()
	feats := extractAll(docs, vocab, true)
	idf := vocab.idf(len(docs))
	kinds := map[string]func(f docFeatures) vector{
		"words": func(f docFeatures) vector { m := map[int32]float64{}; weigh(f.words, idf, 1, m); return newVector(m) },
		"names": func(f docFeatures) vector { m := map[int32]float64{}; weigh(f.names, idf, 1, m); return newVector(m) },
		"topic": func(f docFeatures) vector { return f.topicVector(idf, 0.5, 0) },
		"kinds": func(f docFeatures) vector { m := map[int32]float64{}; weigh(f.kinds, idf, 1, m); return newVector(m) },
		"tk0.5": func(f docFeatures) vector { return f.topicVector(idf, 0.5, 0.5) },
		"tk1":   func(f docFeatures) vector { return f.topicVector(idf, 0.5, 1) },
		"tk2":   func(f docFeatures) vector { return f.topicVector(idf, 0.5, 2) },
		"tk1n0": func(f docFeatures) vector { return f.topicVector(idf, 0, 1) },
	}
	groups := map[string][]int{}
	for i, d := range docs {
		if s, ok := sub[d.ID]; ok {
			groups[s] = append(groups[s], i)
		}
	}
	var keys []string
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	topicOf := map[string]string{}
	for k, g := range groups {
		topicOf[k] = top[docs[g[0]].ID]
	}
	for _, kind := range []string{"words", "names", "topic", "kinds", "tk0.5", "tk1", "tk2", "tk1n0"} {
		cents := map[string]*sparseSum{}
		for _, k := range keys {
			c := newCentroid()
			for _, i := range groups[k] {
				c.add(kinds[kind](feats[i]), nil)
			}
			sv := c.sorted()
			cents[k] = &sv
		}
		right := 0
		// AUC: how often a same-topic pair links above a different-topic pair.
		var sameL, diffL []float64
		for a, k := range keys {
			for _, o := range keys[a+1:] {
				if topicOf[o] == topicOf[k] {
					sameL = append(sameL, averageLink(cents[k], cents[o]))
				} else {
					diffL = append(diffL, averageLink(cents[k], cents[o]))
				}
			}
		}
		above := 0.0
		for _, x := range sameL {
			for _, y := range diffL {
				if x > y {
					above++
				}
			}
		}
		fmt.Printf("%s: AUC same-topic over other pairs %.4f\n", kind, above/float64(len(sameL)*len(diffL)))
		for _, k := range keys {
			best, bestS := "", -1.0
			var same float64
			bestOther := -1.0
			for _, o := range keys {
				if o == k {
					continue
				}
				s := averageLink(cents[k], cents[o])
				if s > bestS {
					best, bestS = o, s
				}
				if topicOf[o] == topicOf[k] {
					same = s
				} else if s > bestOther {
					bestOther = s
				}
			}
			if topicOf[best] == topicOf[k] {
				right++
			}
			_ = same
			if false {
				fmt.Printf("%s %-14s same=%.3f bestOther=%.3f nearest=%s\n", kind, k, same, bestOther, best)
			}
		}
		fmt.Printf("%s: nearest is same topic for %d/%d\n", kind, right, len(keys))
	}
}

func devFloats(env, def string) []float64 {
	s := os.Getenv(env)
	if s == "" {
		s = def
	}
	var out []float64
	for _, f := range strings.Split(s, ",") {
		var x float64
		fmt.Sscan(f, &x)
		out = append(out, x)
	}
	return out
}

func devBcubed(pred, gold map[string]string) float64 {
	pc := map[string]int{}
	gc := map[string]int{}
	both := map[[2]string]int{}
	for d, g := range gold {
		p, ok := pred[d]
		if !ok {
			p = "single:" + d
		}
		pc[p]++
		gc[g]++
		both[[2]string{p, g}]++
	}
	var P, R float64
	for d, g := range gold {
		p, ok := pred[d]
		if !ok {
			p = "single:" + d
		}
		same := float64(both[[2]string{p, g}])
		P += same / float64(pc[p])
		R += same / float64(gc[g])
	}
	n := float64(len(gold))
	P, R = P/n, R/n
	return 2 * P * R / (P + R)
}

// TestDevGrid runs the stage over a grid of thresholds (STORIES_GRID_T,
// _M, _E, and weights STORIES_NW, STORIES_KW) and prints BCubed F1 per gold
// partition (events scored against sub-topic partitions).
func TestDevGrid(t *testing.T) {
	docs, gold := loadDev(t)
	for _, nw := range devFloats("STORIES_NW", "0.5") {
		for _, cw := range devFloats("STORIES_KW", "0") {
			for _, tt := range devFloats("STORIES_GRID_T", "0.2") {
				for _, mt := range devFloats("STORIES_GRID_M", "0.09") {
					for _, et := range devFloats("STORIES_GRID_E", "0.3") {
						st := New()
						st.GroupAverage = os.Getenv("STORIES_GA") != ""
						st.MaxTerms = int(devFloats("STORIES_MAXTERMS", "0")[0])
						st.AttachThreshold = devFloats("STORIES_ATTACH", "0.04")[0]
						st.NameWeight, st.TopicThreshold, st.MergeThreshold, st.EventThreshold = nw, tt, mt, et
						st.KindWeight = cw
						st.EventsFirst = devFloats("STORIES_EF", "0")[0]
						c := devCorpus(docs)
						if err := st.Analyze(context.Background(), c); err != nil {
							t.Fatal(err)
						}
						topic, event := map[string]string{}, map[string]string{}
						for _, s := range c.Stories {
							for _, d := range s.Documents {
								topic[d] = s.ID
							}
							for _, e := range s.Events {
								for _, d := range e.Documents {
									event[d] = e.ID
								}
							}
						}
						var names []string
						for name := range gold.Partitions {
							names = append(names, name)
						}
						sort.Strings(names)
						var parts []string
						for _, name := range names {
							pred := topic
							if strings.HasPrefix(name, "sub") {
								pred = event
							}
							parts = append(parts, fmt.Sprintf("%s=%.3f", name, devBcubed(pred, gold.Partitions[name])))
						}
						fmt.Printf("nw=%.2f kw=%.2f t=%.3f m=%.3f e=%.2f stories=%d %s\n", nw, cw, tt, mt, et, len(c.Stories), strings.Join(parts, " "))
					}
				}
			}
		}
	}
}

type devConfig struct {
	ga                 bool
	nw, cw, t, m, e, a float64
	ef                 float64
}

func (c devConfig) String() string {
	return fmt.Sprintf("ga=%v nw=%.2f kw=%.2f ef=%.2f t=%.3f m=%.3f e=%.2f a=%.2f", c.ga, c.nw, c.cw, c.ef, c.t, c.m, c.e, c.a)
}

func devScore(t *testing.T, docs []*accord.Document, cfg devConfig, gold map[string]string, sub map[string]string) (float64, float64) {
	st := New()
	st.MaxTerms = int(devFloats("STORIES_MAXTERMS", "0")[0])
	st.GroupAverage, st.NameWeight, st.TopicThreshold, st.MergeThreshold, st.AttachThreshold = cfg.ga, cfg.nw, cfg.t, cfg.m, cfg.a
	st.KindWeight, st.EventsFirst = cfg.cw, cfg.ef
	if cfg.e > 0 {
		st.EventThreshold = cfg.e
	}
	c := devCorpus(docs)
	if err := st.Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	topic, event := map[string]string{}, map[string]string{}
	for _, s := range c.Stories {
		for _, d := range s.Documents {
			topic[d] = s.ID
		}
		for _, e := range s.Events {
			for _, d := range e.Documents {
				event[d] = e.ID
			}
		}
	}
	g, gs := map[string]string{}, map[string]string{}
	for _, d := range docs {
		if x, ok := gold[d.ID]; ok {
			g[d.ID] = x
		}
		if x, ok := sub[d.ID]; ok {
			gs[d.ID] = x
		}
	}
	ev := 0.0
	if len(gs) > 0 {
		ev = devBcubed(event, gs)
	}
	return devBcubed(topic, g), ev
}

// TestDevCV chooses the configuration on four fifths of the gold topics and
// scores it on the held-out fifth (each topic held out once), so the figure
// it prints is not a training figure.
func TestDevCV(t *testing.T) {
	docs, gold := loadDev(t)
	top, sub := gold.Partitions["topic"], gold.Partitions["subtopic"]
	var topics []string
	seen := map[string]bool{}
	for _, d := range docs {
		if x, ok := top[d.ID]; ok && !seen[x] {
			seen[x] = true
			topics = append(topics, x)
		}
	}
	sort.Strings(topics)
	const k = 5
	fold := map[string]int{}
	for i, x := range topics {
		fold[x] = i % k
	}
	var cfgs []devConfig
	families := []bool{false, true}
	switch os.Getenv("STORIES_CV_GA") { // one linkage family only
	case "0":
		families = []bool{false}
	case "1":
		families = []bool{true}
	}
	for _, ga := range families {
		attach := devFloats("STORIES_GRID_A", "0.04")
		if !ga {
			attach = []float64{0}
		}
		for _, nw := range devFloats("STORIES_NW", "0,0.5") {
			for _, cw := range devFloats("STORIES_KW", "0") {
				ts, ms := devFloats("STORIES_GRID_T", "0.15,0.2,0.25"), devFloats("STORIES_GRID_M", "0.07,0.09,0.11")
				if ga {
					ts, ms = devFloats("STORIES_GA_T", "0.06,0.08,0.1,0.12"), devFloats("STORIES_GA_M", "0.06,0.08,0.1,0.12")
				}
				for _, tt := range ts {
					for _, mt := range ms {
						for _, a := range attach {
							for _, ef := range devFloats("STORIES_EF", "0") {
								cfgs = append(cfgs, devConfig{ga, nw, cw, tt, mt, 0, a, ef})
							}
						}
					}
				}
			}
		}
	}
	var heldSum, heldEv, baseSum float64
	baseline := devConfig{true, 0.5, 0, 0.1, 0.1, 0.35, 0.04, 0} // New() before event kinds and events first
	for f := 0; f < k; f++ {
		var train, test []*accord.Document
		for _, d := range docs {
			x, ok := top[d.ID]
			if !ok {
				continue
			}
			if fold[x] == f {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		best, bestS := devConfig{}, -1.0
		for _, cfg := range cfgs {
			s, _ := devScore(t, train, cfg, top, sub)
			if s > bestS {
				best, bestS = cfg, s
			}
		}
		// The event threshold, chosen on the training topics' events.
		bestE := -1.0
		for _, e := range devFloats("STORIES_GRID_E", "0.3") {
			cfg := best
			cfg.e = e
			if _, ev := devScore(t, train, cfg, top, sub); ev > bestE {
				best.e, bestE = e, ev
			}
		}
		h, ev := devScore(t, test, best, top, sub)
		heldSum += h
		heldEv += ev
		b, bev := devScore(t, test, baseline, top, sub)
		baseSum += b
		fmt.Printf("fold %d: chose %v (train %.3f) held-out topic %.3f events %.3f; baseline %v: %.3f events %.3f\n", f, best, bestS, h, ev, baseline, b, bev)
	}
	fmt.Printf("mean held-out topic B3 F1 %.3f, events %.3f; baseline %.3f\n", heldSum/k, heldEv/k, baseSum/k)
	// The same grid on all topics (a training figure, for comparison).
	best, bestS := devConfig{}, -1.0
	for _, cfg := range cfgs {
		s, ev := devScore(t, docs, cfg, top, sub)
		fmt.Printf("all: %v topic %.3f events %.3f\n", cfg, s, ev)
		if s > bestS {
			best, bestS = cfg, s
		}
	}
	fmt.Printf("best on all topics: %v %.3f\n", best, bestS)
}

// TestDevShow prints the stories of one configuration (STORIES_GA, _NW,
// _GRID_T, _GRID_M; first values) with their gold make-up.
func TestDevShow(t *testing.T) {
	docs, gold := loadDev(t)
	st := New()
	st.GroupAverage = os.Getenv("STORIES_GA") != ""
	st.AttachThreshold = devFloats("STORIES_ATTACH", "0.04")[0]
	st.NameWeight, st.TopicThreshold, st.MergeThreshold = devFloats("STORIES_NW", "0.5")[0], devFloats("STORIES_GRID_T", "0.2")[0], devFloats("STORIES_GRID_M", "0.09")[0]
	st.KindWeight, st.EventsFirst = devFloats("STORIES_KW", "0")[0], devFloats("STORIES_EF", "0")[0]
	c := devCorpus(docs)
	if err := st.Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	part := gold.Partitions["subtopic"]
	if part == nil {
		part = gold.Partitions["topic"]
	}
	for _, s := range c.Stories {
		count := map[string]int{}
		for _, d := range s.Documents {
			count[part[d]]++
		}
		fmt.Printf("%d %v %.50s\n", len(s.Documents), count, s.Title)
	}
}
