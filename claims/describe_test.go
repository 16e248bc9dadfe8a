package claims

import (
	"testing"

	"github.com/accord-news/accord"
)

// corroborated reports whether a claim holds a sentence of each of the
// documents and states stmt.
func togetherIn(c *accord.Corpus, stmt string, docs ...string) bool {
	for _, cl := range claimsWith(c, stmt) {
		in := map[string]bool{}
		for _, d := range cl.Documents {
			in[d] = true
		}
		all := true
		for _, d := range docs {
			all = all && in[d]
		}
		if all {
			return true
		}
	}
	return false
}

// Two reports that describe their subject in the same words ("Norland
// mining firm Kestrel Metals", "Norland's largest card issuer") and report
// different happenings of it state no fact together; the same happening
// still matches.
func TestNameDescriptionIsNoSharedFact(t *testing.T) {
	c := run(t,
		titled("a", "Kestrel Metals profits", "Norland mining firm Kestrel Metals has seen a fivefold rise in profits while remaining the target of a hostile takeover bid.\n"),
		titled("b", "Kestrel Metals bid", "Norland mining firm Kestrel Metals has said it is worth up to 30% more than a hostile 7.4bn crown ($5.8bn) bid by rival Braxton.\n"))
	if togetherIn(c, "Kestrel", "a", "b") {
		t.Errorf("a shared description corroborates: %+v", c.Claims)
	}
	c = run(t,
		titled("a", "Norland card issuer", "Creditors of Norland's largest card issuer have said they will put the company into liquidation if its former owner fails to back a bail-out.\n"),
		titled("b", "Norland card issuer rescued", "Norland's largest card issuer has averted liquidation following a bail-out worth one trillion crowns.\n"))
	if togetherIn(c, "card issuer", "a", "b") {
		t.Errorf("a shared possessive description corroborates: %+v", c.Claims)
	}
	c = run(t,
		titled("a", "Kestrel Metals smelter", "Norland mining firm Kestrel Metals has agreed to sell its copper smelter to a buyer from Vessia.\n"),
		titled("b", "Kestrel Metals sale", "Norland mining firm Kestrel Metals agreed to sell the copper smelter to a Vessian buyer, the company said.\n"))
	if !togetherIn(c, "smelter", "a", "b") {
		t.Errorf("one happening of one described subject not corroborated: %+v", c.Claims)
	}
}

// The words describing a name, as read from the sentence.
func TestDescribe(t *testing.T) {
	for _, tc := range []struct{ sent, want string }{
		{"Norland mining firm Kestrel Metals has seen a rise in profits.", "mining firm"},
		{"Norland's largest card issuer has averted liquidation.", "largest card issuer"},
		{"Talks with Kestrel, one of the bank's creditors, resumed.", "bank creditors"},
		{"Kestrel's shares fell sharply after the warning.", ""},
		{"The dollar hit its lowest level against the euro.", ""},
		{"The loan was meant to help Kestrel pay its debts.", ""},
		{"Analysts told Vessia Radio the firm would recover.", ""},
	} {
		d := doc("a", tc.sent)
		c := accord.NewCorpus([]*accord.Document{d}, accord.Options{})
		di := newDocInfo(c, d, newWordNums())
		got := ""
		for _, id := range di.sents[0].desc {
			if got != "" {
				got += " "
			}
			got += di.nums.vocab[id]
		}
		// desc is sorted by word number, which follows first use.
		if got != tc.want {
			t.Errorf("%q: description %q, want %q", tc.sent, got, tc.want)
		}
	}
}

// Month names are words of time: two monthly figures ("rose by £7.2bn
// in January, up on the £7.1bn rise in December", "rose by £4bn in
// January, less than the £5.1bn seen in December") share the months and
// state different facts.
func TestMonthIsNoSharedWord(t *testing.T) {
	a := titled("a", "Vessian mortgage lending", "Mortgage lending rose by £7.2bn in January in Vessia, marginally up on the £7.1bn rise in December.\n")
	b := titled("b", "Vessian lending slows", "Vessia's bankers' association said mortgage lending rose by £4bn in January, a far smaller increase than the £5.1bn seen in December.\n")
	c := accord.NewCorpus([]*accord.Document{a, b}, accord.Options{})
	nums := newWordNums()
	da, db := newDocInfo(c, a, nums), newDocInfo(c, b, nums)
	st := &story{docs: []*docInfo{da, db}}
	sa, sb := &da.sents[0], &db.sents[0]
	u := unit{di: da, content: nums.coreCount(sa)}
	v := unit{di: db, content: nums.coreCount(sb)}
	if ok, _ := st.wordsMatch(u, v, nums.sharedCore(sa, sb)); ok {
		t.Errorf("two monthly figures match on their months")
	}
}
