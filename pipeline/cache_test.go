package pipeline

import (
	"context"
	"encoding/json"
	"sync/atomic"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

type mapCache struct{ m map[string][]byte }

func (c *mapCache) LoadAnnotations(_ context.Context, v string, hashes []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, h := range hashes {
		if b, ok := c.m[v+h]; ok {
			out[h] = b
		}
	}
	return out, nil
}

func (c *mapCache) SaveAnnotations(_ context.Context, v string, docs map[string][]byte) error {
	for h, b := range docs {
		c.m[v+h] = b
	}
	return nil
}

type countStage struct{ n atomic.Int32 }

func (*countStage) Name() string { return "count" }
func (s *countStage) Annotate(d *accord.Document) error {
	s.n.Add(1)
	d.Timexes = append(d.Timexes, accord.Timex{Span: accord.Span{Start: 0, End: 1}, Type: "DATE", Value: "2022"})
	return nil
}

func TestCacheSkipsPerDocumentStagesForSeenDocuments(t *testing.T) {
	cache := &mapCache{m: map[string][]byte{}}
	count := &countStage{}
	p := &Pipeline{Cleaner: Passthrough{}, Doc: []accord.DocStage{text.New(), count}, Cache: cache}
	inputs := []*accord.Input{
		{ID: "a", Text: "Alpha title\nAlpha met Beta on Monday."},
		{ID: "b", Text: "Beta title\nBeta spoke."},
	}
	c1, errs := p.Run(context.Background(), inputs, accord.Options{})
	if len(errs) > 0 || count.n.Load() != 2 {
		t.Fatalf("first run: errs %v, stage ran %d times", errs, count.n.Load())
	}
	inputs = append(inputs, &accord.Input{ID: "c", Text: "Gamma\nNew one."})
	c2, errs := p.Run(context.Background(), inputs, accord.Options{})
	if len(errs) > 0 || count.n.Load() != 3 {
		t.Fatalf("second run: errs %v, stage ran %d times in all, want 3", errs, count.n.Load())
	}
	j1, _ := json.Marshal(BuildReport(c1).Documents)
	r2 := BuildReport(c2)
	j2, _ := json.Marshal(r2.Documents[:2])
	if string(j1) != string(j2) {
		t.Errorf("cached documents differ:\n%s\n%s", j1, j2)
	}
	// Fresh and cached documents alike leave Run without the layers no
	// corpus stage needs: tokens, and the input when no stage resumes.
	for _, d := range append(c1.Docs, c2.Docs...) {
		if d.Tokens != nil || d.Input != nil {
			t.Errorf("%s: tokens or input kept after the per-document stages", d.ID)
		}
	}
	// Another option set is another cache version.
	if _, errs := p.Run(context.Background(), inputs[:1], accord.Options{NoClean: true}); len(errs) > 0 || count.n.Load() != 4 {
		t.Errorf("--no-clean reused a cleaned document's annotations (stage ran %d)", count.n.Load())
	}
}
