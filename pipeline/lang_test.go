package pipeline

import (
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/quantity"
	"github.com/accord-news/accord/text"
)

func TestEnglishOnlyAnnotators(t *testing.T) {
	for _, tc := range []struct {
		name, lang, body string
		annotated        bool
	}{
		{"english", "en", "Chancellor Olaf Scholz met President Emmanuel Macron in Berlin on Monday, and the two leaders agreed on 100,000 new homes, officials said.", true},
		{"german", "de", "Bundeskanzler Olaf Scholz hat am Montag in Berlin den Präsidenten Emmanuel Macron getroffen, und die beiden haben sich auf 100.000 neue Wohnungen geeinigt, sagte ein Sprecher der Regierung.", false},
	} {
		d := &accord.Document{ID: tc.name, Language: tc.lang, Text: tc.body}
		for _, st := range []accord.DocStage{text.New(), englishOnly{entities.New()}, englishOnly{quantity.New()}} {
			if err := st.Annotate(d); err != nil {
				t.Fatal(err)
			}
		}
		if got := len(d.Mentions) > 0 && len(d.Quantities) > 0; got != tc.annotated {
			t.Errorf("%s: %d mentions, %d quantities; want annotated=%v", tc.name, len(d.Mentions), len(d.Quantities), tc.annotated)
		}
		if len(d.Sentences) == 0 {
			t.Errorf("%s: no sentences: the language-independent layers must stay", tc.name)
		}
	}
}
