package clean

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

// constModel is a model whose probability is the same for every line.
func constModel(logit float32) *Model {
	m := &Model{Bits: 4, W: make([]float32, 16)}
	// Every feature list starts with the bias feature.
	m.W[fnv("bias")&15] = logit
	return m
}

func TestReinsert(t *testing.T) {
	page := []Line{
		{Text: "Home News Sport", LinkChars: 15},
		{Text: "A Headline"},
		{Text: "The lead paragraph that the extractor left out of the text."},
		{Text: "First body paragraph of the article."},
		{Text: "A caption between paragraphs"},
		{Text: "Second body paragraph of the article."},
		{Text: "body paragraph"}, // already inside an extracted line
		{Text: "SUBSCRIBE NOW TO OUR DAILY NEWSLETTER FOR FREE"},
		{Text: "A trailing comment."},
	}
	byKey, keys := indexPage(page)
	extracted := []Line{{Text: page[3].Text}, {Text: page[5].Text}}
	kept := []string{page[3].Text, page[5].Text}
	d := &accord.Document{Title: "A Headline"}

	c := &Cleaner{insModel: constModel(-20)} // everything is content
	got := c.reinsert(kept, extracted, page, keys, byKey, d)
	// (Not the line after the extracted text.)
	want := []string{page[0].Text, page[2].Text, page[3].Text, page[4].Text, page[5].Text}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("all content: got\n%q\nwant\n%q", got, want)
	}

	c = &Cleaner{insModel: constModel(20)} // everything is boilerplate
	if got := c.reinsert(kept, extracted, page, keys, byKey, d); len(got) != 2 {
		t.Errorf("all boilerplate: got %q", got)
	}
	c = &Cleaner{insModel: constModel(-20), Config: Config{NoReinsert: true}}
	if got := c.reinsert(kept, extracted, page, keys, byKey, d); len(got) != 2 {
		t.Errorf("NoReinsert: got %q", got)
	}

	// The training hook sees the same lines, with their place.
	var seen []Candidate
	c = &Cleaner{onOutside: func(cd Candidate) { seen = append(seen, cd) }}
	c.reinsert(kept, extracted, page, keys, byKey, d)
	gaps := map[string]string{}
	for _, cd := range seen {
		gaps[cd.Text] = cd.Ctx.Gap
		if cd.Text == page[2].Text && cd.Ctx.Dist != 1 {
			t.Errorf("lead: dist %d, want 1", cd.Ctx.Dist)
		}
	}
	if len(seen) != 4 || gaps[page[2].Text] != "before" || gaps[page[4].Text] != "between" || gaps[page[8].Text] != "after" {
		t.Errorf("hook: got %d lines %v", len(seen), gaps)
	}
}

func TestReinsertBounded(t *testing.T) {
	var page []Line
	for i := 0; i < 3*maxReinsertChecks; i++ {
		page = append(page, Line{Text: "Outside line number " + strings.Repeat("x", i%50) + string(rune('a'+i%26)) + strings.Repeat("y", i/50)})
	}
	page = append(page, Line{Text: "The one extracted paragraph of the page."})
	byKey, keys := indexPage(page)
	c := &Cleaner{insModel: constModel(-20)}
	last := page[len(page)-1:]
	got := c.reinsert([]string{last[0].Text}, last, page, keys, byKey, &accord.Document{})
	if len(got) != 1+maxReinsertChecks {
		t.Errorf("put back %d lines, want the cap %d", len(got)-1, maxReinsertChecks)
	}
}

func TestReinsertModelEmbedded(t *testing.T) {
	if DefaultReinsertModel() == nil {
		t.Fatal("no embedded reinsert model")
	}
}
