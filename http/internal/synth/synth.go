// Package synth builds synthetic reports for load tests: one story of n
// documents with entities, quotes, a timeline, conflicts, claims, links and
// a brief, all in the contract's shape and with true offsets.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/accord-news/accord"
)

var words = strings.Fields(`council meeting officials talks agreement minister delegation capital border troops report
statement week month plan process region security city harbour market price budget vote court ruling energy supply
program committee sources spokesperson government opposition parliament election policy crisis summit proposal`)

var names = []string{"Alda Brenner", "Corin Vale", "Dessa Holm", "Evan Marsh", "Fira Okon", "Galen Strand", "Hana Ruiz",
	"Ilse Karr", "Joren Patel", "Kira Moss", "Lio Grant", "Mira Sol"}

// Report returns a report of one story with n documents.
func Report(n int, seed uint64) *accord.Report {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	r := &accord.Report{Version: accord.ReportVersion}
	st := accord.Story{ID: "S1", Title: "Synthetic story", Documents: []string{}, IndependentGroups: [][]string{}}
	ents := make([]accord.Entity, len(names))
	for i, nm := range names {
		ents[i] = accord.Entity{ID: fmt.Sprintf("E%d", i+1), Name: nm, Type: "PERSON", Aliases: []string{nm, strings.Fields(nm)[1]}, Mentions: []accord.SpanRef{}}
	}
	quotes := make([]accord.Quote, 100)
	for i := range quotes {
		sp := ents[i%len(ents)].ID
		quotes[i] = accord.Quote{ID: fmt.Sprintf("Q%d", i+1), Text: sentence(rng, 12), Speaker: &sp}
	}
	outlets := make([]string, 60)
	for i := range outlets {
		outlets[i] = fmt.Sprintf("Outlet %d", i+1)
	}
	group := []string{}
	for d := 0; d < n; d++ {
		id := fmt.Sprintf("doc%04d", d)
		var b strings.Builder
		var spans []accord.SpanRef
		var qv []struct {
			q      int
			st, en int
			txt    string
		}
		for p := 0; p < 8; p++ {
			e := ents[rng.IntN(len(ents))]
			start := b.Len()
			b.WriteString(e.Name)
			spans = append(spans, accord.SpanRef{Document: id, Start: start, End: b.Len(), Text: e.Name})
			b.WriteString(" said on Monday that the ")
			b.WriteString(sentence(rng, 18))
			b.WriteString(" \"")
			qi := rng.IntN(len(quotes))
			qt := quotes[qi].Text
			if rng.IntN(3) == 0 {
				qt = strings.Replace(qt, " ", " very ", 1)
			}
			qs := b.Len()
			b.WriteString(qt)
			qv = append(qv, struct {
				q      int
				st, en int
				txt    string
			}{qi, qs, b.Len(), qt})
			b.WriteString(".\"\n\n")
		}
		text := b.String()
		for _, s := range spans {
			for i := range ents {
				if ents[i].Name == s.Text {
					ents[i].Mentions = append(ents[i].Mentions, s)
				}
			}
		}
		for _, v := range qv {
			quotes[v.q].Variants = append(quotes[v.q].Variants, accord.QuoteVariant{Document: id, Start: v.st, End: v.en, Text: v.txt, Spun: v.txt != quotes[v.q].Text})
		}
		outlet := outlets[d%len(outlets)]
		pub := fmt.Sprintf("2024-03-%02d", 1+d%28)
		r.Documents = append(r.Documents, accord.ReportDocument{ID: id, Source: id + ".txt", Title: "Report " + sentence(rng, 8), Outlet: &outlet,
			Published: &pub, PublishedBasis: accord.BasisMetadata, Text: text, Removed: []accord.Removed{{Text: "Subscribe now", Reason: accord.ReasonAdvertisement}}})
		r.TemporalExpressions = append(r.TemporalExpressions, accord.ReportTimex{Document: id, Start: spans[0].End + 9, End: spans[0].End + 15, Text: "Monday", Value: pub, Type: "DATE"})
		st.Documents = append(st.Documents, id)
		group = append(group, id)
		if len(group) == 3 || d == n-1 {
			st.IndependentGroups = append(st.IndependentGroups, group)
			if len(group) > 1 {
				r.Links = append(r.Links, accord.Link{From: group[1], To: group[0], Kind: accord.LinkNear, Score: 0.9})
			}
			group = []string{}
		}
		if d%10 == 0 {
			r.Links = append(r.Links, accord.Link{From: id, To: "outlet:Wire", Kind: accord.LinkCites, Score: 0.9, Outlet: "Wire"})
		}
	}
	first, last := "2024-03-01", "2024-03-28"
	st.FirstDate, st.LastDate = &first, &last
	r.Stories = []accord.Story{st}
	r.Entities = ents
	for _, q := range quotes {
		if len(q.Variants) > 0 {
			r.Quotes = append(r.Quotes, q)
		}
	}
	for i := 0; i < 200; i++ {
		docs := []string{st.Documents[rng.IntN(n)], st.Documents[rng.IntN(n)]}
		r.Timeline = append(r.Timeline, accord.TimelineItem{Date: fmt.Sprintf("2024-03-%02d", 1+i%28), Summary: sentence(rng, 14),
			Entities: []string{ents[i%len(ents)].ID}, Documents: docs, Evidence: []accord.SpanRef{}, Story: "S1"})
	}
	for i := 0; i < 20; i++ {
		a, b := st.Documents[rng.IntN(n)], st.Documents[rng.IntN(n)]
		r.Conflicts = append(r.Conflicts, accord.Conflict{ID: fmt.Sprintf("C%d", i+1), Kind: accord.ConflictNumber, Summary: "Sources disagree on a number",
			Documents: []string{a, b}, Sides: []accord.ConflictSide{{Says: "100", Documents: []string{a}}, {Says: "200", Documents: []string{b}}}, Evidence: []accord.SpanRef{}, Story: "S1"})
		r.Claims = append(r.Claims, accord.Claim{ID: fmt.Sprintf("K%d", i+1), Statement: sentence(rng, 12), Documents: []string{a, b}, IndependentSources: 2,
			Status: accord.StatusCorroborated, Evidence: []accord.SpanRef{}, Story: "S1"})
	}
	r.Brief.Title = st.Title
	for i := 0; i < 10; i++ {
		var docs []string
		for j := 0; j < 20; j++ {
			docs = append(docs, st.Documents[rng.IntN(n)])
		}
		r.Brief.Sentences = append(r.Brief.Sentences, accord.BriefSentence{Text: sentence(rng, 16), Documents: docs, Status: accord.StatusCorroborated, Story: "S1"})
	}
	return r
}

func sentence(rng *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[rng.IntN(len(words))]
	}
	return strings.Join(ws, " ")
}
