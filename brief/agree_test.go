package brief

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

func TestStripEmptyAttribution(t *testing.T) {
	c := accord.NewCorpus(nil, accord.Options{})
	tests := []struct{ in, want string }{
		{"According to the recent development., the ferry has carried about 400 passengers a day.", "The ferry has carried about 400 passengers a day."},
		{"According to the latest developments, the bridge reopened.", "The bridge reopened."},
		{"According to city intelligence, the bridge reopened.", "According to city intelligence, the bridge reopened."},
		{"According to Harbour Police, the bridge reopened.", "According to Harbour Police, the bridge reopened."},
		{"According to officials, the bridge reopened.", "According to officials, the bridge reopened."},
		{"According to reports, the bridge reopened.", "According to reports, the bridge reopened."},
		{"According to sources, the bridge reopened.", "According to sources, the bridge reopened."},
		{"According to the recent development, it reopened.", "According to the recent development, it reopened."},
	}
	for _, tc := range tests {
		if got := stripEmptyAttribution(c, accord.Claim{Statement: tc.in}, tc.in); got != tc.want {
			t.Errorf("stripEmptyAttribution(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestQuoteAround(t *testing.T) {
	s := "While the vote on Tuesday ended in a tie, the council said it would meet again."
	a := strings.Index(s, "Tuesday")
	if got, want := quoteAround(s, a, a+len("Tuesday")), "“the vote on Tuesday ended in a tie”"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	s = "On Tuesday, the council approved the new ferry timetable."
	a = strings.Index(s, "Tuesday")
	if got, want := quoteAround(s, a, a+len("Tuesday")), "“On Tuesday, the council approved the new ferry timetable”"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	s = "he told reporters on Tuesday that the ferry would run."
	a = strings.Index(s, "Tuesday")
	if got := quoteAround(s, a, a+len("Tuesday")); got != "" {
		t.Errorf("a clause opening on a pronoun was quoted: %s", got)
	}
}

func TestSupportedAgreement(t *testing.T) {
	a := &accord.Document{ID: "a", Text: "The ferry carried about 400 passengers on its first day, the operator said."}
	b := &accord.Document{ID: "b", Text: "Some four hundred riders took the new ferry on Monday."}
	ok := "Two independent sources give the same figure: “The ferry carried about 400 passengers on its first day”; “Some four hundred riders took the new ferry on Monday”."
	if !Supported(ok, []*accord.Document{a, b}) {
		t.Errorf("own words rejected: %v", Unsupported(ok, []*accord.Document{a, b}))
	}
	if Supported(ok, []*accord.Document{b, a}) {
		t.Error("quotations credited to the wrong documents accepted")
	}
	bad := "Two independent sources give the same figure: “The ferry carried about 400 passengers”; “Some four hundred riders took the ferry on Monday”."
	if Supported(bad, []*accord.Document{a, b}) {
		t.Error("a quotation that is no document's text accepted")
	}
}
