package stories

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/accord-news/accord"
)

// The stage keeps, between runs, the story of every document it has seen
// (accord.ResumableStage): a resumed run starts from those stories, places
// only the new documents (online pass and re-assignment), then merges as a
// batch run does. Earlier documents never move between stories, except
// when two stories merge. The state is one value: the gzipped lines
// "content-hash TAB story-number", in the order of the documents.

const stateKey = "assignments"

// StateVersion implements accord.ResumableStage.
func (s *Stage) StateVersion() string {
	return fmt.Sprintf("stories/1 t=%g e=%g m=%g a=%g n=%g g=%t k=%d kw=%g ef=%g rw=%g en=%g",
		s.TopicThreshold, s.EventThreshold, s.MergeThreshold, s.AttachThreshold, s.NameWeight, s.GroupAverage, s.MaxTerms, s.KindWeight, s.EventsFirst, s.RelatedWeight, s.EventNameWeight)
}

// Resume implements accord.ResumableStage.
func (s *Stage) Resume(state map[string][]byte) error {
	s.prior = nil
	b, ok := state[stateKey]
	if !ok {
		return nil
	}
	prior, err := decodeAssignments(b)
	if err != nil {
		return err
	}
	s.prior = prior
	return nil
}

// State implements accord.ResumableStage.
func (s *Stage) State() (map[string][]byte, bool, error) {
	b, err := encodeAssignments(s.last)
	if err != nil {
		return nil, false, err
	}
	return map[string][]byte{stateKey: b}, true, nil
}

// seeds returns, per document, the story number it had in the prior run
// (renumbered densely from 0 in order of first appearance), or -1.
func seeds(docs []*accord.Document, prior map[string]int) []int {
	if len(prior) == 0 {
		return nil
	}
	out := make([]int, len(docs))
	dense := map[int]int{}
	for i, d := range docs {
		out[i] = -1
		if d.Input == nil {
			continue
		}
		if l, ok := prior[d.Input.Hash()]; ok {
			n, seen := dense[l]
			if !seen {
				n = len(dense)
				dense[l] = n
			}
			out[i] = n
		}
	}
	if len(dense) == 0 {
		return nil
	}
	return out
}

// priorPartition is the prior stories as clusters (members in document
// order, clusters by first member, as cluster returns them) when every
// document has one, else nil.
func priorPartition(seed []int) [][]int {
	if len(seed) == 0 {
		return nil
	}
	byStory := map[int][]int{}
	for i, n := range seed {
		if n < 0 {
			return nil
		}
		byStory[n] = append(byStory[n], i)
	}
	out := make([][]int, 0, len(byStory))
	for _, g := range byStory {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// assignments maps each document's content hash to its story's number in
// topics.
func assignments(docs []*accord.Document, topics [][]int) map[string]int {
	out := make(map[string]int, len(docs))
	for n, members := range topics {
		for _, m := range members {
			if d := docs[m]; d.Input != nil {
				out[d.Input.Hash()] = n
			}
		}
	}
	return out
}

func encodeAssignments(a map[string]int) ([]byte, error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	w := bufio.NewWriter(zw)
	for h, n := range a {
		w.WriteString(h)
		w.WriteByte('\t')
		w.WriteString(strconv.Itoa(n))
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decodeAssignments(b []byte) (map[string]int, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("stories state: %w", err)
	}
	out := map[string]int{}
	sc := bufio.NewScanner(io.LimitReader(zr, 1<<32))
	for line := 1; sc.Scan(); line++ {
		h, n, ok := strings.Cut(sc.Text(), "\t")
		k, err := strconv.Atoi(n)
		if !ok || h == "" || err != nil || k < 0 {
			return nil, fmt.Errorf("stories state: line %d is not hash TAB number", line)
		}
		out[h] = k
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("stories state: %w", err)
	}
	return out, nil
}
