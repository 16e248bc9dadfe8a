// Command proxy measures the brief without reference summaries, per
// multi-document cluster: how much of the cluster's centroid (the content
// words most of its documents use) the first 100 words cover, how much of
// them repeats, how much is the brief's own frame words, how many sentences
// open on a pronoun, and the support rate. A lead baseline (the first
// sentences of the cluster's first document, up to 100 words) is measured
// the same way.
//
//	go run ./brief/internal/proxy ../shared/data/conflicts-dev/clusters/*.jsonl
//	go run ./brief/internal/proxy -gold ../shared/data/ecbplus-dev/accord/gold.json -partition subtopic ../shared/data/ecbplus-dev/accord/input.jsonl
//	go run ./brief/internal/proxy -duc ../shared/data/duc2004-rouge-calibration
//
// With -duc the inputs of a topic are the 13 system summaries of DUC 2004
// (extracts of the unavailable source documents, pooled), and the brief's
// first 100 words are scored with ROUGE against the four human summaries
// (score_rouge.py): a relative measure of selection and order among
// candidate sentences, not comparable with the DUC systems' scores.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/brief"
	"github.com/accord-news/accord/claims"
	"github.com/accord-news/accord/ingest"
	"github.com/accord-news/accord/pipeline"
	"github.com/accord-news/accord/quantity"
	"github.com/accord-news/accord/text"
)

type cluster struct {
	name   string
	inputs []*accord.Input
	models []string // DUC reference files
}

func main() {
	gold := flag.String("gold", "", "gold.json grouping the input documents (with -partition)")
	part := flag.String("partition", "topic", "gold partition to group by")
	duc := flag.String("duc", "", "duc2004-rouge-calibration folder: pooled system summaries as inputs, ROUGE against the human ones")
	full := flag.Bool("full", false, "run the full default pipeline (else text, quantity, claims, brief)")
	maxN := flag.Int("max", 0, "at most this many clusters (0: all)")
	show := flag.Int("show", 0, "print the first 100 words of this many briefs")
	agree := flag.Bool("agree", false, "print every agreement sentence (\"N independent sources give the same …\") to stderr")
	flag.Parse()
	var cls []cluster
	switch {
	case *duc != "":
		cls = ducClusters(*duc)
	case *gold != "":
		cls = goldClusters(*gold, *part, flag.Args())
	default:
		for _, p := range flag.Args() {
			in, err := readJSONL(p)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				continue
			}
			cls = append(cls, cluster{name: filepath.Base(p), inputs: in})
		}
	}
	if *maxN > 0 && len(cls) > *maxN {
		cls = cls[:*maxN]
	}
	p := &pipeline.Pipeline{
		Cleaner: pipeline.Passthrough{},
		Doc:     []accord.DocStage{text.New(), quantity.New()},
		Corpus:  []accord.CorpusStage{claims.New(), brief.New()},
	}
	if *full {
		p = pipeline.Default()
	}
	var sb, sl stats
	var rouge [3]float64
	nr := 0
	for i, cl := range cls {
		c, errs := p.Run(context.Background(), cl.inputs, accord.Options{NoClean: true})
		for _, e := range errs {
			fmt.Fprintln(os.Stderr, cl.name, e)
		}
		if c == nil {
			continue
		}
		b, err := brief.New().Compose(context.Background(), c)
		if err != nil {
			continue
		}
		var sents []string
		for _, bs := range b.Sentences {
			sents = append(sents, bs.Text)
			var ds []*accord.Document
			for _, id := range bs.Documents {
				if d := c.Doc(id); d != nil {
					ds = append(ds, d)
				}
			}
			if *agree && agreeSent.MatchString(bs.Text) {
				fmt.Fprintf(os.Stderr, "agree %s %v: %s\n", cl.name, bs.Documents, bs.Text)
			}
			sb.sent++
			if brief.Supported(bs.Text, ds) {
				sb.supported++
			} else {
				fmt.Fprintf(os.Stderr, "unsupported %v: %s (%v)\n", bs.Documents, bs.Text, brief.Unsupported(bs.Text, ds))
			}
		}
		cen := centroid(c)
		sb.add(measure(sents, cen))
		lead := leadSentences(c)
		sl.add(measure(lead, cen))
		if i < *show {
			fmt.Printf("== %s\n%s\n", cl.name, first100(sents))
		}
		if len(cl.models) > 0 {
			r, err := score(sents, cl.models)
			if err != nil {
				fmt.Fprintln(os.Stderr, cl.name, err)
				continue
			}
			for k := range rouge {
				rouge[k] += r[k]
			}
			nr++
		}
	}
	fmt.Printf("clusters %d\n", sb.n)
	fmt.Printf("brief: %s support %d/%d\n", sb.String(), sb.supported, sb.sent)
	fmt.Printf("lead:  %s\n", sl.String())
	if nr > 0 {
		fmt.Printf("rouge (first 100 words, vs DUC human summaries, %d topics): R-1 %.4f R-2 %.4f R-L %.4f (recall)\n",
			nr, rouge[0]/float64(nr), rouge[1]/float64(nr), rouge[2]/float64(nr))
	}
}

// frames are the brief's own frame phrases.
var agreeSent = regexp.MustCompile(`^(Two|Three|Four|Five|Six) independent sources give the same `)

var frames = regexp.MustCompile(`(?i)one source reports:|sources disagree on (who said|the number|the date|the title|the name|the place|it)|one source is inconsistent on (who said it|the number|the date|the title|the name|the place|it)|one source attributes|to both| vs |(two|three|four|five|six) independent sources give the same (figure|age|date)`)

var pronounStart = regexp.MustCompile(`^["“‘']?(He|She|They|It|This|These|That|Those|His|Her|Their|Its|We|I)\b`)

type metrics struct {
	top20, cosine, redundancy, frame, pronoun, words float64
}

type stats struct {
	n               int
	sum             metrics
	sent, supported int
}

func (s *stats) add(m metrics) {
	s.n++
	s.sum.top20 += m.top20
	s.sum.cosine += m.cosine
	s.sum.redundancy += m.redundancy
	s.sum.frame += m.frame
	s.sum.pronoun += m.pronoun
	s.sum.words += m.words
}

func (s *stats) String() string {
	n := float64(max(s.n, 1))
	return fmt.Sprintf("top20 %.3f cosine %.3f redundancy %.3f frame %.3f pronoun-start %.3f words/sentence %.1f",
		s.sum.top20/n, s.sum.cosine/n, s.sum.redundancy/n, s.sum.frame/n, s.sum.pronoun/n, s.sum.words/n)
}

// first100 is the first 100 words of the sentences, as ROUGE -l 100 cuts.
func first100(sents []string) string {
	var ws []string
	for _, s := range sents {
		for _, w := range strings.Fields(s) {
			if len(ws) < 100 {
				ws = append(ws, w)
			}
		}
	}
	return strings.Join(ws, " ")
}

// centroid weighs each content word (lower case) by the share of the
// cluster's documents that use it, keeping words two or more use.
func centroid(c *accord.Corpus) map[string]float64 {
	df := map[string]float64{}
	for _, d := range c.Docs {
		seen := map[string]bool{}
		for _, w := range text.ContentWords(d.Title + "\n" + d.Text) {
			w = strings.ToLower(w)
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	n := float64(len(c.Docs))
	out := map[string]float64{}
	for w, f := range df {
		if f >= 2 {
			out[w] = f / n
		}
	}
	return out
}

func measure(sents []string, cen map[string]float64) metrics {
	var m metrics
	t := first100(sents)
	words := strings.Fields(t)
	// frame words
	fw := 0
	for _, f := range frames.FindAllString(t, -1) {
		fw += len(strings.Fields(f))
	}
	if len(words) > 0 {
		m.frame = float64(fw) / float64(len(words))
	}
	// centroid: top 20 words by weight, and cosine of the 100 words' counts
	type kv struct {
		w string
		v float64
	}
	var top []kv
	for w, v := range cen {
		top = append(top, kv{w, v})
	}
	sort.Slice(top, func(i, j int) bool {
		if top[i].v != top[j].v {
			return top[i].v > top[j].v
		}
		return top[i].w < top[j].w
	})
	if len(top) > 20 {
		top = top[:20]
	}
	tf := map[string]float64{}
	for _, w := range text.ContentWords(t) {
		tf[strings.ToLower(w)]++
	}
	if len(top) > 0 {
		hit := 0
		for _, e := range top {
			if tf[e.w] > 0 {
				hit++
			}
		}
		m.top20 = float64(hit) / float64(len(top))
	}
	var dot, na, nb float64
	for w, v := range tf {
		dot += v * cen[w]
		na += v * v
	}
	for _, v := range cen {
		nb += v * v
	}
	if na > 0 && nb > 0 {
		m.cosine = dot / (math.Sqrt(na) * math.Sqrt(nb))
	}
	// redundancy: content words of a sentence (inside the 100 words) that an
	// earlier one already has
	seen := map[string]bool{}
	rep, all := 0, 0
	left := 100
	starts := 0
	for _, s := range sents {
		if left <= 0 {
			break
		}
		ws := strings.Fields(s)
		if len(ws) > left {
			ws = ws[:left]
		}
		left -= len(ws)
		starts++
		if pronounStart.MatchString(s) {
			m.pronoun++
		}
		own := map[string]bool{}
		for _, w := range text.ContentWords(strings.Join(ws, " ")) {
			w = strings.ToLower(w)
			if frames.MatchString(w) || own[w] {
				continue
			}
			own[w] = true
			all++
			if seen[w] {
				rep++
			}
		}
		for w := range own {
			seen[w] = true
		}
	}
	if all > 0 {
		m.redundancy = float64(rep) / float64(all)
	}
	if starts > 0 {
		m.pronoun /= float64(starts)
		m.words = float64(len(words)) / float64(starts)
	}
	return m
}

// leadSentences are the sentences of the cluster's first document.
func leadSentences(c *accord.Corpus) []string {
	if len(c.Docs) == 0 {
		return nil
	}
	d := c.Docs[0]
	var out []string
	for _, s := range d.Sentences {
		out = append(out, strings.Join(strings.Fields(d.Slice(s)), " "))
	}
	return out
}

func score(sents []string, models []string) ([3]float64, error) {
	var r [3]float64
	f, err := os.CreateTemp("", "brief-peer-*")
	if err != nil {
		return r, err
	}
	defer os.Remove(f.Name())
	fmt.Fprintln(f, strings.Join(sents, "\n"))
	f.Close()
	args := append([]string{scorer(), "--length", "100", "--peer", f.Name(), "--models"}, models...)
	out, err := exec.Command("python3", args...).Output()
	if err != nil {
		return r, err
	}
	for _, line := range strings.Split(string(out), "\n") {
		for k, p := range []string{"rouge-1:", "rouge-2:", "rouge-l:"} {
			if strings.HasPrefix(line, p) {
				if i := strings.Index(line, "R="); i >= 0 {
					v, _ := strconv.ParseFloat(strings.Fields(line[i+2:])[0], 64)
					r[k] = v
				}
			}
		}
	}
	return r, nil
}

func scorer() string {
	if s := os.Getenv("ROUGE_SCORER"); s != "" {
		return s
	}
	return "../shared/eval/score_rouge.py"
}

func ducClusters(dir string) []cluster {
	peers, _ := filepath.Glob(filepath.Join(dir, "peers-txt", "d3*"))
	sort.Strings(peers)
	by := map[string]*cluster{}
	var order []string
	for _, p := range peers {
		base := filepath.Base(p)
		topic, system, _ := strings.Cut(base, ".")
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		cl := by[topic]
		if cl == nil {
			cl = &cluster{name: topic}
			cl.models, _ = filepath.Glob(filepath.Join(dir, "models-txt", topic+".m.100.t.*"))
			by[topic] = cl
			order = append(order, topic)
		}
		cl.inputs = append(cl.inputs, &accord.Input{ID: system, Source: p, Text: string(b)})
	}
	var out []cluster
	for _, t := range order {
		out = append(out, *by[t])
	}
	return out
}

func goldClusters(goldPath, part string, inputs []string) []cluster {
	b, err := os.ReadFile(goldPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var g struct {
		Partitions map[string]map[string]string `json:"partitions"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	labels := g.Partitions[part]
	by := map[string]*cluster{}
	var order []string
	for _, p := range inputs {
		in, err := readJSONL(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		for _, x := range in {
			l, ok := labels[x.ID]
			if !ok {
				continue
			}
			cl := by[l]
			if cl == nil {
				cl = &cluster{name: l}
				by[l] = cl
				order = append(order, l)
			}
			cl.inputs = append(cl.inputs, x)
		}
	}
	sort.Strings(order)
	var out []cluster
	for _, l := range order {
		if len(by[l].inputs) >= 2 {
			out = append(out, *by[l])
		}
	}
	return out
}

// readJSONL reads one JSONL file of documents through Accord's own reader;
// a bad record is reported and skipped.
func readJSONL(path string) ([]*accord.Input, error) {
	var out []*accord.Input
	err := ingest.Read(context.Background(), []string{path}, ingest.Options{}, func(in *accord.Input) error {
		out = append(out, in)
		return nil
	}, func(err error) { fmt.Fprintln(os.Stderr, err) })
	return out, err
}
