package pipeline

import (
	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// englishOnly runs an annotator that reads English only on documents that
// text.English accepts; other documents keep the layers of the stages
// before it (text, sentences) and get none of its own.
type englishOnly struct{ accord.DocStage }

func (s englishOnly) Annotate(d *accord.Document) error {
	if !text.English(d) {
		return nil
	}
	return s.DocStage.Annotate(d)
}
