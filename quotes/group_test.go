package quotes

import (
	"strings"
	"testing"
)

// TestGroupSpeakers: "it" and "they" speakers are the organisation or group
// a news reader takes them for (invented sentences), not the last person
// quoted or a place named nearby.
func TestGroupSpeakers(t *testing.T) {
	cases := []struct {
		name, txt, quote, want string
	}{
		{"what it called, own sentence", "The Northgate Harbour Board on Friday condemned Eastland's latest port closure and pledged to impose fees as an answer to what it called \"a clear threat to trade in the region.\"",
			"a clear threat", "Harbour Board"},
		{"it, the previous sentence's organisation", "Gerald Whitcombe's campaign is defending his late-night posts about the mayor Edda Lund. It’s denouncing what it calls “the biggest smear campaign in the county’s history.”",
			"the biggest smear", "campaign"},
		{"it, past a person's sentences", "Tomas Berg said the paper was unfair to him.\n\n“We are just reporting the numbers,” Berg told the Courier.\n\nDuring the election, the Northgate Gazette gave Edda Lund a warm endorsement:\n\nShe has long been a voice for the harbour workers. She knows the budget well.\n\nMeanwhile, it attacked Whitcombe, saying he “has insulted the dockers and has neither the patience nor the judgment to run the port.”",
			"has insulted the dockers", "Gazette"},
		{"they, the plural subject", "Critics of the ferry subsidy, like councillors Tomas Berg and Edda Lund, see the vote as a chance to fix the accounts. They sent a letter on Thursday to the Harbour Council opposing the subsidy.\n\n\"The subsidy has become a cover for waste and, if not reformed, it should end in May,\" they wrote.",
			"The subsidy has become", "Critics"},
		{"it, the source cited before", "The Eastland Front has called for attacks on ferries before, according to the Harbour Watch Institute, which monitors extremist forums. It said supporters of the group were sharing the news and \"celebrating the sinking.\"",
			"celebrating the sinking", "Harbour Watch Institute"},
		{"they, past a modifier, not the organisation before", "In July, the Harbour Board joined the case when it appealed the ruling.\n\nFerry rights advocates have expressed concern about the fees. They cite \"the closures of 2004, when the board cut every night sailing\" as a warning.",
			"the closures of 2004", "advocates"},
	}
	for _, c := range cases {
		checkSpeaker(t, c.name, c.txt, c.quote, c.want)
	}
}

// TestClauseOwners: a relative "which"/"who" cue takes the name before it,
// and a "that" clause of "X's emphasis" is X's even when another speaker's
// "what … called" sits inside it (invented sentences).
func TestClauseOwners(t *testing.T) {
	cases := []struct {
		name, txt, quote, want string
	}{
		{"which after a name", "To settle the question, the auditors turned to the Northgate Harbour Board which reported “412 late sailings” on the ferry line between March and June.",
			"412 late sailings", "Northgate Harbour Board"},
		{"what others called, inside an owner's clause", "Gerald Whitcombe’s repeated emphasis that only 2 percent of the firm’s drivers had been involved in what several councillors called “theft” led the council to order an audit.",
			"theft", "Gerald Whitcombe"},
	}
	for _, c := range cases {
		checkSpeaker(t, c.name, c.txt, c.quote, c.want)
	}
}

// TestControlObject: the object of "led X to fear" says the quoted words
// (invented sentence).
func TestControlObject(t *testing.T) {
	txt := "The mayor keeps praising the rival port. All this has led the harbour pilot Jane Roeder to fear a “Northgate-Eastland sell-out.”"
	for _, q := range quotesOf(t, txt) {
		if strings.Contains(q.Text, "sell-out") {
			if !strings.Contains(q.SpeakerText, "Jane Roeder") {
				t.Errorf("%q: speaker %q, want Jane Roeder", q.Text, q.SpeakerText)
			}
			return
		}
	}
	t.Error("no quote holding “sell-out”")
}
