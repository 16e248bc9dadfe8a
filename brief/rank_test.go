package brief

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

func TestAttributed(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Lee said the pier would stay open.", true},
		{"The pier will stay open, the harbour master Ann Lee told reporters.", true},
		{"According to the Harbour Authority, the pier will stay open.", true},
		{"The pier will stay open.", false},
		// "States" and "State" are names here, not reporting verbs.
		{"The State Department is committed to the United States pier plan.", false},
		{"Ferries said nothing.", true},
	}
	for _, tc := range tests {
		if got := attributed(accord.NewCorpus(nil, accord.Options{}), accord.SpanRef{}, tc.s); got != tc.want {
			t.Errorf("attributed(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestDangling(t *testing.T) {
	c := accord.NewCorpus(nil, accord.Options{})
	for s, want := range map[string]bool{
		"He was named captain in May.":                   true,
		"I dated a million guys, she told the magazine.": true,
		"“This is final,” the mayor said.":               false,
		"“We will not move,” Lee said.":                  false,
		"“We will not move.”":                            true,
		"Theresa Lee said the pier was open.":            false,
		"Harbour officials closed the pier.":             false,
		"Items were sold.":                               false,
	} {
		if got := dangling(c, accord.SpanRef{}, s); got != want {
			t.Errorf("dangling(%q) = %v, want %v", s, got, want)
		}
	}
}

// The clearest passage words a claim: the original, attributed sentence
// over a rewrite with words no other report uses, keeping both citations.
func TestBestWording(t *testing.T) {
	orig := "Mayor Ann Lee said the council will close the northern pier to ferries on Friday."
	odd := "The mayoral spokesperson needs to state the council shall shutter the northern pier to ferries on Friday."
	a := annotated("a", orig+" Repairs will take a month.", "")
	b := annotated("b", odd+" Repairs will take a month.", "")
	o := annotated("o", "The council will close the northern pier on Friday, Ann Lee said. Ferries will use the southern pier.", "")
	c := accord.NewCorpus([]*accord.Document{a, b, o}, accord.Options{})
	cl := accord.Claim{ID: "c1", Statement: odd, Documents: []string{"b", "a"}, Evidence: []accord.SpanRef{
		{Document: "b", Start: 0, End: len(odd), Text: odd}, {Document: "a", Start: 0, End: len(orig), Text: orig},
	}}
	k := keyer{}
	cen := k.storyCentroid(c, []string{"a", "b", "o"})
	got := k.bestWording(c, cl, map[string]bool{}, nil, cen)
	if got.Statement != orig {
		t.Fatalf("wording %q, want %q", got.Statement, orig)
	}
	if strings.Join(got.Documents, ",") != "b,a" {
		t.Errorf("documents %v, want [b a]", got.Documents)
	}
	if src := sourceSpan(got); src == nil || src.Document != "a" {
		t.Errorf("source span %+v, want document a", src)
	}
	// A machine-spun copy's wording loses to its original even when clear.
	got = k.bestWording(c, accord.Claim{ID: "c2", Statement: orig, Documents: []string{"a", "b"}, Evidence: cl.Evidence}, map[string]bool{"a": true}, nil, cen)
	if got.Statement == orig {
		t.Errorf("kept the spun copy's wording %q", got.Statement)
	}
}

func TestStatesSide(t *testing.T) {
	sides := []string{"nine people", "four people"}
	if !statesSide("The fire killed nine people on Friday.", sides) {
		t.Error("a side stated as fact not found")
	}
	if statesSide("The fire killed ninety-nine people.", []string{"nine"}) {
		t.Error("matched inside a word")
	}
}

func TestCentrality(t *testing.T) {
	k := keyer{}
	cen := map[string]float64{"pier": 1, "close": 0.8, "council": 0.6}
	main := k.centrality(cen, "The council closed the pier.", false)
	side := k.centrality(cen, "A seagull sang a song at dawn by the sea.", false)
	if main <= side {
		t.Errorf("central %v <= peripheral %v", main, side)
	}
	if k.centrality(cen, "The council closed the pier.", true) <= main {
		t.Error("no lead bonus")
	}
}
