package claims

import (
	"context"
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

// claimWith returns the first claim whose evidence quotes every text.
func claimWith(c *accord.Corpus, texts ...string) *accord.Claim {
	for i := range c.Claims {
		if quotesAll("", c.Claims[i].Evidence, texts) {
			return &c.Claims[i]
		}
	}
	return nil
}

// quotesAll: every text is in the head or in one of the evidence passages.
func quotesAll(head string, evidence []accord.SpanRef, texts []string) bool {
	all := head
	for _, e := range evidence {
		all += " | " + e.Text
	}
	for _, x := range texts {
		if !strings.Contains(all, x) {
			return false
		}
	}
	return true
}

// Invented reports of one flood: sentences that share only a name and a
// title state nothing in common; sentences that state one quantity of one
// thing, or one happening on one day, in other words corroborate each other.
func TestEvidenceStatesTheClaim(t *testing.T) {
	a := doc("a", "Governor Amelia Tracht of Vornland toured the flooded shelters in Esk.\n\n"+
		"Approximately 12,000 residents were evacuated from the river valley, officials said.\n\n"+
		"Emergency talks between the water board and the farmers opened in Dallow on Tuesday.\n\n"+
		"The river burst its banks after a week of heavy rain across the valley.")
	b := doc("b", "Governor Amelia Tracht of Vornland praised the rescue crews, who worked through the night.\n\n"+
		"Around twelve thousand residents have been moved out of the valley since the weekend.\n\n"+
		"The talks on Tuesday ended without a deal on compensation for the farmers.\n\n"+
		"Heavy rain fell across the valley for a week before the river burst its banks.")
	c := accord.NewCorpus([]*accord.Document{a, b}, accord.Options{})
	if err := New().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	if cl := claimWith(c, "toured the flooded shelters", "praised the rescue crews"); cl != nil {
		t.Errorf("sentences sharing only a name and a title matched: %+v", cl)
	}
	cl := claimWith(c, "Approximately 12,000 residents", "Around twelve thousand residents")
	if cl == nil {
		t.Fatalf("the evacuation figure is not one claim: %+v", c.Claims)
	}
	if cl.IndependentSources != 2 || cl.Status != accord.StatusCorroborated || cl.Kind != "number" {
		t.Errorf("evacuation claim: %+v", cl)
	}
	if claimWith(c, "talks between the water board", "talks on Tuesday") == nil {
		t.Errorf("the talks on Tuesday are not one claim: %+v", c.Claims)
	}
	if cl := claimWith(c, "The river burst its banks after", "before the river burst its banks"); cl == nil || cl.Kind != "event" {
		t.Errorf("the river claim: %+v", cl)
	}
}

// A quantity of another thing, or a day with no shared happening, is no
// corroboration.
func TestAnchorsNeedTheSameThing(t *testing.T) {
	a := doc("a", "Officials in Vornland said 12,000 residents were evacuated from the valley on Tuesday.\n\n"+
		"Police closed the bridge at Esk on Tuesday.")
	b := doc("b", "Officials in Vornland said 12,000 sandbags were delivered to the valley.\n\n"+
		"The mayor of Esk resigned on Tuesday.")
	c := accord.NewCorpus([]*accord.Document{a, b}, accord.Options{})
	if err := New().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	for _, cl := range c.Claims {
		if len(cl.Documents) > 1 {
			t.Errorf("false corroboration: %+v", cl)
		}
	}
}

func TestClaimKind(t *testing.T) {
	for _, tc := range []struct{ text, kind string }{
		{`"We will rebuild every home," the governor said.`, "quote"},
		{`The minister reiterated that the plan was "a dead end for the farmers".`, "quote"},
		{`Residents fear a "second wave" of flooding along the valley.`, "event"},
		{`No quotation here at all, only what happened.`, "event"},
		{`‘We will listen to the farmers’ concerns,’ says the minister.`, "quote"},
		{`The farmers’ union met the minister’s aides.`, "event"},
	} {
		d := doc("x", tc.text)
		got := "event"
		if hasQuotation(tc.text) && reportsWords(newDocInfo(accord.NewCorpus([]*accord.Document{d}, accord.Options{}), d, newWordNums()), 0) {
			got = "quote"
		}
		if got != tc.kind {
			t.Errorf("%q: kind %s, want %s", tc.text, got, tc.kind)
		}
	}
}

func TestTitleVocab(t *testing.T) {
	for _, w := range []string{"minister", "deputy", "foreign", "spokesman", "coach"} {
		if !titleVocab(w) {
			t.Errorf("%q is no title word", w)
		}
	}
	if titleVocab("troops") {
		t.Error("troops is a title word")
	}
}
