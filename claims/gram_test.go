package claims

import (
	"testing"

	"github.com/accord-news/accord"
)

// pairOf reads the first sentences of two invented documents as units of
// one story.
func pairOf(ta, tb string) (*story, unit, unit, *wordNums) {
	a := titled("a", "Report one", ta+"\n")
	b := titled("b", "Report two", tb+"\n")
	c := accord.NewCorpus([]*accord.Document{a, b}, accord.Options{})
	nums := newWordNums()
	da, db := newDocInfo(c, a, nums), newDocInfo(c, b, nums)
	st := &story{docs: []*docInfo{da, db}}
	u := unit{di: da, content: nums.coreCount(&da.sents[0])}
	v := unit{di: db, content: nums.coreCount(&db.sents[0])}
	u.anchors, v.anchors = st.anchorsOf(da, 0), st.anchorsOf(db, 0)
	return st, u, v, nums
}

// A shared run of nouns ("a slowdown in the housing market") is no shared
// fact: reports of different months and lenders write it. A run holding a
// verb of the sentence, or one beside a shared name, still is.
func TestSharedGramNeedsVerbOrName(t *testing.T) {
	st, u, v, nums := pairOf(
		"Lending figures from the Norland central bank released last week gave further evidence of a slowdown in the housing market.",
		"Rising interest rates and the accompanying slowdown in the housing market have knocked shoppers' optimism in Vessia.")
	sa, sb := &u.di.sents[0], &v.di.sents[0]
	if ok, _ := st.wordsMatch(u, v, nums.sharedCore(sa, sb)); ok {
		t.Errorf("two facts match on a shared description of the market")
	}
	_, u, v, nums = pairOf(
		"Traders said the Kestrel board will cut 300 jobs at its Vessia plant.",
		"The company will cut 300 jobs at its plant in the south.")
	if !sharedGram(nums, &u.di.sents[0], &v.di.sents[0]) {
		t.Errorf("a shared run holding a verb is not shared")
	}
	_, u, v, nums = pairOf(
		"Kestrel warned of a slowdown in the housing market.",
		"Signs of a slowdown in the housing market worry Kestrel, its chief said.")
	if !sharedGram(nums, &u.di.sents[0], &v.di.sents[0]) {
		t.Errorf("a shared run beside a shared name is not shared")
	}
}

// A weekday and one word of a trade shared are two happenings of one week;
// with a participant in common they are one.
func TestWeekdayNeedsParticipant(t *testing.T) {
	st, u, v, _ := pairOf(
		"Crude prices climbed on Tuesday after a cold spell in Norland.",
		"The Vessian currency climbed on Tuesday against the euro.")
	if ok, _ := st.anchorsMatch(u, v); ok {
		t.Errorf("two markets match on a weekday and one word")
	}
	st, u, v, _ = pairOf(
		"Kestrel shares climbed on Tuesday after the bid.",
		"Shares in Kestrel climbed on Tuesday, traders said.")
	if ok, _ := st.anchorsMatch(u, v); !ok {
		t.Errorf("one company's shares on one day do not match")
	}
}
