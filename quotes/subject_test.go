package quotes

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/text"
)

// TestSubjectReading: speakers read from sentences whose subject is not the
// first capitalised word before the cue (invented sentences): a name inside
// an aside or an opening phrase, the owner of "X's claim that …", a quote
// introduced by the paragraph before, and a headline "Name: …" label.
func TestSubjectReading(t *testing.T) {
	cases := []struct {
		name, txt, quote, want string
	}{
		{"relative clause with a date", "Marta Lindqvist, who has campaigned for the ferry union since it was founded in February, blasted the council as a “disgrace” on Tuesday.",
			"disgrace", "Marta Lindqvist"},
		{"two appositives", "Tomas Berg, the transport minister of Norland, a member of the Harbour Council, said the port's latest \"closure cannot be left without an answer\" in the coming weeks.",
			"closure cannot be", "Tomas Berg"},
		{"sentence adverb", "The bureau checked both parties. Conversely, Harbourwatch rated most of the claims as “entirely true” compared to last year.",
			"entirely true", "Harbourwatch"},
		{"owner of a claim", "The Daily Ledger ran a fact-check on Gerald Whitcombe’s claim that there have been “thousands of closures” in the county this year.",
			"thousands of closures", "Gerald Whitcombe"},
		{"a day before a participle cue", "Gerald Whitcombe unleashed a series of posts early Friday saying that the mayor had shown bad judgment in hiring the firm “as a favour to friends.”",
			"as a favour", "Gerald Whitcombe"},
		{"participle phrase holding the quote", "Bemoaning the “rigged process,” Whitcombe accused the mayor of hiding the accounts from the council.",
			"rigged process", "Whitcombe"},
		{"long opening phrase", "With council members increasingly worried about a lack of support for the plan among young voters in the north, Mayor Edda Lund is rolling out a new message: “It is about all of us.”",
			"It is about", "Lund"},
		{"pronoun after a sentence adverb", "Gerald Whitcombe praised the plan on the radio on Monday.\n\nHowever, he characterized the mayor as “a little desperate, always trying to score points.”",
			"a little desperate", "Whitcombe"},
		{"colon intro, quote running on", "The council cut its budget again.\n\nThe Northgate Herald reports:\n\n\"In a sign of how thin the budget is, the council has cut three bus routes since May.\n\n\"Without the routes, many older residents are left at home with nobody to visit.\"",
			"In a sign", "Northgate Herald"},
		{"the following comment", "Jobs are scarce in the north.\n\nOn July 6, Gerald Whitcombe made the following comment:\n\n“For young people who have left school early, the jobs are simply not there any more.”",
			"For young people", "Gerald Whitcombe"},
		{"headline label with a cue", "Gerald Whitcombe: Edda Lund Asking Auditors To Check Budget ‘Reeks of Fear.’\n\nGerald Whitcombe, the former treasurer, spoke on local radio on Monday about the budget.",
			"Auditors To Check", "Gerald Whitcombe"},
	}
	for _, c := range cases {
		checkSpeaker(t, c.name, c.txt, c.quote, c.want)
	}
}

// checkSpeaker: a direct quote of txt holding quote has a speaker whose
// wording holds want.
func checkSpeaker(t *testing.T, name, txt, quote, want string) {
	t.Helper()
	found := false
	for _, q := range quotesOf(t, txt) {
		if q.Direct && strings.Contains(q.Text, quote) {
			found = true
			if !strings.Contains(q.SpeakerText, want) {
				t.Errorf("%s: %q: speaker %q, want %s", name, q.Text, q.SpeakerText, want)
			}
		}
	}
	if !found {
		t.Errorf("%s: no quote holding %q", name, quote)
	}
}

// quotesOf runs the text, entities and quotes stages over txt.
func quotesOf(t *testing.T, txt string) []accord.QuoteMention {
	t.Helper()
	d := &accord.Document{ID: "s", Text: txt}
	for _, st := range []accord.DocStage{text.New(), entities.New(), New()} {
		if err := st.Annotate(d); err != nil {
			t.Fatal(err)
		}
	}
	return d.Quotes
}
