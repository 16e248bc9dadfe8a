package entities

import (
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// TestSentenceAdverbIsNoName: a dictionary adverb in -ly opening a
// sentence before a comma is no name ("Conversely, Jane Roe said …"); a
// first name there is.
func TestSentenceAdverbIsNoName(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		name       bool
	}{
		{"The mayor said the pier was safe. Conversely, Jane Roe said it was not.", "Conversely", false},
		{"Conversely, Harbourfact rated the claim false.", "Conversely", false},
		{"Interestingly, Roe voted against the plan.", "Interestingly", false},
		{"The harbour board voted to close the pier. Kelly, the board's lawyer, said the vote was final.", "Kelly", true},
	} {
		d := &accord.Document{ID: "a", Text: tc.text}
		_ = text.New().Annotate(d)
		if err := New().Annotate(d); err != nil {
			t.Fatal(err)
		}
		got := false
		for _, m := range d.Mentions {
			if m.Kind == accord.MentionName && m.Text == tc.word {
				got = true
			}
		}
		if got != tc.name {
			t.Errorf("%q: %q a name = %v, want %v (%+v)", tc.text, tc.word, got, tc.name, d.Mentions)
		}
	}
}
