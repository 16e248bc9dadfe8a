// Command train learns Accord's NER model from CoNLL-2003 (eng.train), tunes
// the number of epochs on eng.testa, and writes entities/model.bin.gz.
//
//	go run ./entities/internal/train -data /work/shared/data
//
// Word clusters are learned first from unlabeled news (Reuters-21578, BBC
// News and the eng.train text) and cached in /tmp/accord-ner-clusters.tsv
// (delete it to relearn them). Also writes the first-name gender table
// entities/gender.tsv.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/accord-news/accord/entities"
)

type sent struct {
	words  []string
	labels []string // IOB1 labels as read
	tags   []int    // BIO tag indices
}

type doc []sent

func readCoNLL(path string) ([]doc, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var docs []doc
	var cur doc
	var s sent
	flush := func() {
		if len(s.words) > 0 {
			cur = append(cur, s)
		}
		s = sent{}
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(line, "-DOCSTART-") {
			flush()
			if len(cur) > 0 {
				docs = append(docs, cur)
			}
			cur = nil
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		f := strings.Fields(line)
		lab := f[len(f)-1]
		prev := ""
		if len(s.labels) > 0 {
			prev = s.labels[len(s.labels)-1]
		}
		s.words = append(s.words, f[0])
		s.labels = append(s.labels, lab)
		s.tags = append(s.tags, bioTag(lab, prev))
	}
	flush()
	if len(cur) > 0 {
		docs = append(docs, cur)
	}
	return docs, nil
}

// bioTag converts an IOB1 label (B- only between adjacent names of one
// class) to the model's BIO tag, given the previous label in the sentence.
func bioTag(lab, prev string) int {
	if lab == "O" || len(lab) < 3 {
		return entities.TagIndex("O")
	}
	typ := lab[2:]
	if lab[0] == 'B' || len(prev) < 3 || prev[2:] != typ {
		return entities.TagIndex("B-" + typ)
	}
	return entities.TagIndex("I-" + typ)
}

type chunk struct {
	s, i, j int
	typ     string
}

func chunks(tags [][]int) map[chunk]bool {
	out := map[chunk]bool{}
	for si, ts := range tags {
		start, typ := -1, ""
		for i := 0; i <= len(ts); i++ {
			name := "O"
			if i < len(ts) {
				name = entities.TagNames[ts[i]]
			}
			if start >= 0 && (name == "O" || name[0] == 'B' || name[2:] != typ) {
				out[chunk{si, start, i, typ}] = true
				start = -1
			}
			if name != "O" && (start < 0) {
				start, typ = i, name[2:]
			}
		}
	}
	return out
}

func main() {
	dataRoot := flag.String("data", "/work/shared/data", "shared data root")
	out := flag.String("out", "entities/model.bin.gz", "model output")
	clusterFile := flag.String("clusters", "/tmp/accord-ner-clusters.tsv", "cluster cache (learned when missing)")
	epochs := flag.Int("epochs", 14, "maximum epochs (the best on eng.testa is kept)")
	minAbs := flag.Float64("prune", 0.05, "drop features whose largest averaged |weight| is below this")
	noClusters := flag.Bool("noclusters", false, "train without word clusters")
	genderOut := flag.String("gender", "entities/gender.tsv", "first-name gender table output (empty: skip)")
	kfolds := flag.Int("folds", 0, "k-fold proxy: hold out the eng.train documents with index%folds == fold, train on the rest, score on them (eng.testa untouched, nothing written)")
	fold := flag.Int("fold", 0, "held-out fold (with -folds)")
	structured := flag.Bool("structured", false, "Collins structured perceptron: Viterbi over each sentence's tags in training and decoding (else greedy)")
	firstOrder := flag.Bool("first-order", false, "with -structured: previous-tag features only, no tag trigrams (cheaper Viterbi)")
	selectBy := flag.String("select", "best", "which epoch's model to keep: best (on the dev set, printed every epoch) or last (dev scored once, at the end)")
	flag.Parse()
	log.SetFlags(0)

	conll := filepath.Join(*dataRoot, "conll2003-dev")
	train, err := readCoNLL(filepath.Join(conll, "eng.train"))
	if err != nil {
		log.Fatal(err)
	}
	dev, err := readCoNLL(filepath.Join(conll, "eng.testa"))
	if err != nil {
		log.Fatal(err)
	}
	devName := "testa"
	if *kfolds > 0 {
		var tr, ho []doc
		for di, d := range train {
			if di%*kfolds == *fold {
				ho = append(ho, d)
			} else {
				tr = append(tr, d)
			}
		}
		train, dev, devName = tr, ho, fmt.Sprintf("fold %d/%d", *fold, *kfolds)
		*out, *genderOut = "", ""
	}
	log.Printf("train %d docs, dev (%s) %d docs", len(train), devName, len(dev))

	if *epochs <= 0 {
		m, err := entities.DefaultModel()
		if err != nil {
			log.Fatal(err)
		}
		writeGender(*genderOut, *dataRoot, train, m)
		return
	}

	var clusters map[string][2]int
	if !*noClusters {
		clusters, err = loadOrLearnClusters(*clusterFile, *dataRoot, train)
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("clusters for %d words", len(clusters))
	}

	// Gazetteers: external lists (Reuters-21578 category vocabularies) plus
	// the names in the training data; jackknifed in two folds for training so
	// that the model does not learn to trust a gazetteer that always knows
	// the answer.
	ext := externalGazetteer(*dataRoot)
	full := entities.NewGazetteer()
	folds := [2]*entities.Gazetteer{entities.NewGazetteer(), entities.NewGazetteer()}
	for _, g := range []*entities.Gazetteer{full, folds[0], folds[1]} {
		for _, e := range ext {
			g.Add(e.words, e.class)
		}
	}
	for di, d := range train {
		for _, s := range d {
			for _, c := range sentChunks(s) {
				cl := classOf(c.typ)
				for _, ws := range nameForms(s.words[c.i:c.j], cl) {
					full.Add(ws, cl)
					folds[1-di%2].Add(ws, cl)
				}
			}
		}
	}
	caps := capTable(*dataRoot, train)
	for _, g := range []*entities.Gazetteer{full, folds[0], folds[1]} {
		for w, b := range caps {
			g.SetCaps(w, b)
		}
	}
	log.Printf("gazetteer %d entries, capitalisation table %d words", full.Len(), len(caps))

	trainSents := make([][]*entities.Sentence, len(train))
	trainGold := make([][][]int, len(train))
	for di, d := range train {
		for _, s := range d {
			trainSents[di] = append(trainSents[di], entities.NewSentence(s.words, folds[di%2]))
			trainGold[di] = append(trainGold[di], s.tags)
		}
	}
	var devSents [][]*entities.Sentence
	var devGold [][]int
	for _, d := range dev {
		var ss []*entities.Sentence
		for _, s := range d {
			ss = append(ss, entities.NewSentence(s.words, full))
			devGold = append(devGold, s.tags)
		}
		devSents = append(devSents, ss)
	}

	tr := entities.NewTrainer(clusters)
	tr.Structured = *structured || *firstOrder
	tr.FirstOrder = *firstOrder
	rng := rand.New(rand.NewSource(1))
	order := rng.Perm(len(train))
	bestF, bestEpoch := -1.0, 0
	var best []byte
	for ep := 1; ep <= *epochs; ep++ {
		t0 := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		c, n := 0, 0
		for _, di := range order {
			a, b := tr.TrainDoc(trainSents[di], trainGold[di])
			c += a
			n += b
		}
		var buf bytes.Buffer
		kept, err := entities.WriteModel(&buf, tr.Averaged(), float32(*minAbs), clusters, full, entities.ModelOptions{Structured: tr.Structured, FirstOrder: *firstOrder, PrevWordMarkers: tr.Structured})
		if err != nil {
			log.Fatal(err)
		}
		m, err := entities.ReadModel(buf.Bytes())
		if err != nil {
			log.Fatal(err)
		}
		if *selectBy == "last" && ep < *epochs {
			log.Printf("epoch %d: train acc %.4f, features %d kept %d (%d KB) (%s)",
				ep, float64(c)/float64(n), tr.Features(), kept, buf.Len()/1024, time.Since(t0).Round(time.Second))
			continue
		}
		var pred [][]int
		for _, ss := range devSents {
			pred = append(pred, m.Tag(ss)...)
		}
		p, r, f := prf(chunks(devGold), chunks(pred))
		log.Printf("epoch %d: train acc %.4f, features %d kept %d (%d KB), %s P %.4f R %.4f F1 %.4f (%s)",
			ep, float64(c)/float64(n), tr.Features(), kept, buf.Len()/1024, devName, p, r, f, time.Since(t0).Round(time.Second))
		if f > bestF || *selectBy == "last" {
			bestF, bestEpoch, best = f, ep, buf.Bytes()
		}
	}
	log.Printf("kept epoch %d, %s F1 %.4f (%d KB)", bestEpoch, devName, bestF, len(best)/1024)
	if *out == "" {
		return
	}
	if err := os.WriteFile(*out, best, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s", *out)
	m, err := entities.ReadModel(best)
	if err != nil {
		log.Fatal(err)
	}
	writeGender(*genderOut, *dataRoot, train, m)
}

func writeGender(out, root string, train []doc, m *entities.Model) {
	if out == "" {
		return
	}
	n, err := learnGender(train, loadUnlabeled(root), m, out)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("gender table: %d first names -> %s", n, out)
}

func sentChunks(s sent) []chunk {
	var out []chunk
	for c := range chunks([][]int{s.tags}) {
		out = append(out, c)
	}
	return out
}

// corporateSuffixes end company names that news also writes without them.
var corporateSuffixes = map[string]bool{
	"inc": true, "inc.": true, "corp": true, "corp.": true, "co": true, "co.": true,
	"ltd": true, "ltd.": true, "plc": true, "llc": true, "ag": true, "sa": true,
	"nv": true, "gmbh": true, "incorporated": true, "limited": true, "corporation": true,
}

// nameForms is a training name as the gazetteer records it: as written and,
// for an organization of several words that ends with a corporate suffix,
// also without it ("X Computer Inc." -> "X Computer").
func nameForms(ws []string, cl int) [][]string {
	out := [][]string{ws}
	if cl == 2 && *stripSuffixes && len(ws) > 2 && corporateSuffixes[strings.ToLower(ws[len(ws)-1])] {
		out = append(out, ws[:len(ws)-1])
	}
	return out
}

var stripSuffixes = flag.Bool("strip-suffixes", false, "gazetteer: also record organizations without a corporate suffix")

func classOf(typ string) int {
	switch typ {
	case "PER":
		return 1
	case "ORG":
		return 2
	case "LOC":
		return 3
	}
	return 4
}

func prf(gold, pred map[chunk]bool) (p, r, f float64) {
	tp := 0
	for c := range pred {
		if gold[c] {
			tp++
		}
	}
	if len(pred) > 0 {
		p = float64(tp) / float64(len(pred))
	}
	if len(gold) > 0 {
		r = float64(tp) / float64(len(gold))
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

type gazEntry struct {
	words []string
	class int
}

func externalGazetteer(root string) []gazEntry {
	var out []gazEntry
	for file, cl := range map[string]int{
		"all-places-strings.lc.txt": 3,
		"all-people-strings.lc.txt": 1,
	} {
		f, err := os.Open(filepath.Join(root, "reuters21578", file))
		if err != nil {
			log.Printf("gazetteer: %v", err)
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := strings.Fields(strings.ReplaceAll(strings.TrimSpace(sc.Text()), "-", " "))
			if len(w) > 0 {
				out = append(out, gazEntry{w, cl})
			}
		}
		f.Close()
	}
	return out
}

func init() { _ = fmt.Sprint }
