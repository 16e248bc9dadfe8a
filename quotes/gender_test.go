package quotes

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/text"
)

// TestPronounGenderFromEntities: a "she" the entities layer leaves
// unresolved does not go to the last (male, by his first name) speaker but
// to the earlier woman; no honorific is written anywhere.
func TestPronounGenderFromEntities(t *testing.T) {
	txt := "Jane Holt met Aaron Vick in Oslo on Monday to discuss the new harbour.\n\n" +
		"The two sides disagreed about the cost. The talks lasted four hours. Fishermen protested outside the hall. The police closed the road. Boats stayed in port all day.\n\n" +
		"\"We will not pay for the dredging of a harbour that serves only the big ships,\" Aaron Vick said.\n\n" +
		"\"The other side talked a lot but offered nothing new at all today,\" she said."
	d := &accord.Document{ID: "g", Text: txt}
	for _, st := range []accord.DocStage{text.New(), entities.New(), New()} {
		if err := st.Annotate(d); err != nil {
			t.Fatal(err)
		}
	}
	found := false
	for _, q := range d.Quotes {
		t.Logf("%q: %q", q.Text, q.SpeakerText)
		if strings.HasPrefix(q.Text, "The other side") {
			found = true
			if q.SpeakerText != "Jane Holt" {
				t.Errorf("speaker %q, want Jane Holt", q.SpeakerText)
			}
		}
	}
	if !found {
		t.Fatal("quote not found")
	}
}
