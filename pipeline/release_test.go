package pipeline

import (
	"context"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// tokenStage checks that the per-document stages still see the tokens that
// Run drops after them.
type tokenStage struct{ missing bool }

func (*tokenStage) Name() string { return "tokens" }
func (s *tokenStage) Annotate(d *accord.Document) error {
	if len(d.Tokens) == 0 || d.Input == nil {
		s.missing = true
	}
	return nil
}

func TestRunReleasesLayersAndInputs(t *testing.T) {
	for _, release := range []bool{false, true} {
		st := &tokenStage{}
		p := &Pipeline{Cleaner: Passthrough{}, Doc: []accord.DocStage{text.New(), st}, ReleaseInputs: release, Workers: 2}
		inputs := []*accord.Input{
			{ID: "a", Text: "Alpha title\nAlpha met Beta on Monday."},
			{ID: "b", Text: "Beta title\nBeta spoke."},
		}
		c, errs := p.Run(context.Background(), inputs, accord.Options{})
		if len(errs) > 0 || len(c.Docs) != 2 {
			t.Fatalf("release %v: errs %v, %d docs", release, errs, len(c.Docs))
		}
		if st.missing {
			t.Errorf("release %v: a per-document stage ran without tokens or input", release)
		}
		for _, d := range c.Docs {
			if d.Tokens != nil || d.Input != nil {
				t.Errorf("release %v: %s keeps tokens or input", release, d.ID)
			}
		}
		for i, in := range inputs {
			if (in == nil) != release {
				t.Errorf("release %v: input %d is %v", release, i, in)
			}
		}
	}
}
