package entities

import (
	"context"
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

// Invented fixtures for the wrong merges a reader sees at once on real
// news: organisations named after a place merged into the place, fragments
// ending in a function word, demonyms typed as people.

func linkDocs(t *testing.T, texts ...string) *accord.Corpus {
	t.Helper()
	var docs []*accord.Document
	for i, s := range texts {
		docs = append(docs, annotate(t, string(rune('a'+i)), s))
	}
	c := accord.NewCorpus(docs, accord.Options{})
	if err := NewCorpus().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

func entityWith(c *accord.Corpus, alias string) []accord.Entity {
	var out []accord.Entity
	for _, e := range c.Entities {
		for _, a := range e.Aliases {
			if a == alias {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

func TestOrganisationNamedAfterCountry(t *testing.T) {
	c := linkDocs(t,
		"Norway Freightways said on Monday that its profits rose. Norway has cut fuel taxes, which helped the carrier.",
		"Officials in Norway said the economy grew. Norway expects more growth next year.",
		"The chief executive of Norway Freightways, Ola Dalen, said Norway Freightways would hire staff.",
		"Sweden Rowing has named a new coach. Sweden won the last race in Oslo.",
		"Sweden and Norway signed a trade deal on Friday.",
	)
	for _, country := range []string{"Norway", "Sweden"} {
		for _, e := range entityWith(c, country) {
			for _, a := range e.Aliases {
				if strings.Contains(a, " ") {
					t.Errorf("%s: entity %s (%s) holds %q: %v", country, e.Name, e.Type, a, e.Aliases)
				}
			}
		}
	}
	for _, org := range []string{"Norway Freightways", "Sweden Rowing"} {
		for _, e := range entityWith(c, org) {
			if e.Type == "GPE" {
				t.Errorf("%s typed GPE: %v", org, e.Aliases)
			}
		}
	}
}

func TestCountryAcronymNotInitials(t *testing.T) {
	if Acronym("UBX Securities") != "" {
		t.Errorf("Acronym(UBX Securities) = %q: a name holding an acronym is not spelled by initials", Acronym("UBX Securities"))
	}
	if !acronymFits("US", "GPE", "united states") || !acronymFits("US", "ORG", "united states") {
		t.Error("US does not fit United States")
	}
	if acronymFits("US", "ORG", "university of springfield") {
		t.Error("US fits an organisation with the same initials")
	}
	if !acronymFits("ABC", "ORG", "alpha beta corporation") {
		t.Error("an acronym that is no country must fit any expansion")
	}
	if countrySense("Americas") != 0 {
		t.Error("Americas (a region) read as the plural of a country")
	}
	if countryNameSense("The USA") == 0 || countryNameSense("Norway Freightways") != 0 || countrySense("Us") != 0 {
		t.Error("countryNameSense")
	}
}

func TestPlaceNotShortForm(t *testing.T) {
	c := linkDocs(t,
		"Riverton Rovers beat their rivals 2-0 on Saturday. Riverton Rovers are top of the table.",
		"Riverton Rovers signed a striker. The striker joined Riverton Rovers from a rival.",
		"Heavy rain fell on Riverton on Monday. The council in Riverton closed roads.",
		"Riverton Rovers lost at home. Fans in Riverton were angry.",
	)
	for _, e := range entityWith(c, "Riverton") {
		for _, a := range e.Aliases {
			if a != "Riverton" {
				t.Errorf("the town joined %q: %s %s %v", a, e.Name, e.Type, e.Aliases)
			}
		}
	}
}

func TestTrimFunctionWords(t *testing.T) {
	mk := func(s string) []word {
		var ws []word
		for _, f := range strings.Fields(s) {
			ws = append(ws, word{text: f})
		}
		return ws
	}
	for _, c := range []struct {
		in   string
		cls  int
		want string
	}{
		{"Whigs of", clsPER, "Whigs"},
		{"Acme and", clsORG, "Acme"},
		{"And Wessex", clsLOC, "Wessex"},
		{"of Zendar", clsMISC, "Zendar"},
		{"The Beatles", clsORG, "The Beatles"},
		{"A Hobbs", clsPER, "A Hobbs"},
		{"Carry On", clsMISC, "Carry On"},
		{"The", clsLOC, ""},
		{"Council of Elders", clsORG, "Council of Elders"},
	} {
		ws := mk(c.in)
		r := trimFunctionWords(ws, span{0, len(ws), c.cls})
		var got []string
		for k := r.i; k < r.j; k++ {
			got = append(got, ws[k].text)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("trim(%q) = %q, want %q", c.in, g, c.want)
		}
	}
	got := strings.Join(nameTypes(t, "The minister accused the Whigs of \"running scared\" of the vote."), "; ")
	if strings.Contains(got, " of/") {
		t.Errorf("a name ends in 'of': %s", got)
	}
}

func TestFineTypesOfPlaceNames(t *testing.T) {
	for _, c := range []struct {
		cls  int
		in   string
		want string
	}{
		{clsPER, "american", "NORP"},
		{clsPER, "north american", "NORP"},
		{clsPER, "jane smith", "PERSON"},
		{clsLOC, "norway freightways", "ORG"},
		{clsLOC, "uk rowing", "ORG"},
		{clsLOC, "riverton marathon", "EVENT"},
		{clsLOC, "mexico city", "GPE"},
		{clsLOC, "norway", "GPE"},
	} {
		if got := fineType(c.cls, strings.Fields(c.in)); got != c.want {
			t.Errorf("fineType(%d, %q) = %s, want %s", c.cls, c.in, got, c.want)
		}
	}
}

func TestBareNameUsedAsClub(t *testing.T) {
	mk := func(typ, text string) *chainNode {
		d := &accord.Document{Mentions: []accord.Mention{{Text: text, Type: typ, Kind: accord.MentionName}}}
		n := &chainNode{doc: d, names: []int{0}, all: []int{0}}
		describe(n)
		return n
	}
	nodes := []*chainNode{
		mk("PERSON", "Wexbury"), mk("PERSON", "Wexbury"), mk("PERSON", "Wexbury"),
		mk("ORG", "Wexbury"), mk("GPE", "Wexbury"),
		mk("PERSON", "Hobbs"), mk("ORG", "Hobbs"), mk("PERSON", "Ann Hobbs"),
	}
	retypeBareNames(nodes)
	for _, n := range nodes[:3] {
		if n.typ != "ORG" {
			t.Errorf("bare Wexbury stays %s", n.typ)
		}
	}
	if nodes[5].typ != "PERSON" {
		t.Error("a surname the corpus gives with a first name was retyped")
	}
}

// A pronoun written as a name ("The Who", "Us") is not the acronym (WHO,
// US); a country named beside a person-typed name ending in it is still the
// country.
func TestPronounNamesAndCountrySurnames(t *testing.T) {
	if NormKey("The Who") == NormKey("WHO") || NormKey("Us") == NormKey("US") {
		t.Errorf("pronoun name keyed as the acronym: %q %q", NormKey("The Who"), NormKey("Us"))
	}
	if NormKey("the WHO") != NormKey("WHO") || NormKey("Nato") != NormKey("NATO") {
		t.Errorf("acronym keys changed")
	}
	d := annotate(t, "a", "The comedy Little Britain won an award on Monday. Tourism in Britain rose by 5% last year, the ministry said.")
	for _, m := range d.Mentions {
		if m.Text == "Britain" && m.Type == "PERSON" {
			t.Errorf("country retyped PERSON: %+v", m)
		}
	}
}

// A name the corpus spells out before its acronym is that organisation
// where the tagger reads it as a person; the companies the tagger reads
// as places take the organisation type when the corpus writes them with a
// company suffix.
func TestRetypeExpandedAndCompanies(t *testing.T) {
	mk := func(id, text string, typ string, ms ...string) *chainNode {
		d := &accord.Document{ID: id, Text: text}
		n := &chainNode{doc: d, typ: typ}
		for _, m := range ms {
			i := strings.Index(text, m)
			d.Mentions = append(d.Mentions, accord.Mention{Span: accord.Span{Start: i, End: i + len(m)}, Text: m, Type: typ, Kind: accord.MentionName})
			n.names = append(n.names, len(d.Mentions)-1)
		}
		describe(n)
		return n
	}
	org := mk("a", "Agence Nord Presse (ANP) said so. ANP added.", "ORG", "Agence Nord Presse", "ANP")
	per := mk("b", "Agence Nord Presse reported the talks.", "PERSON", "Agence Nord Presse")
	co := mk("c", "Zorbatek Corp said profits rose.", "ORG", "Zorbatek Corp")
	place := mk("d", "Zorbatek shares fell.", "GPE", "Zorbatek")
	city := mk("e", "Paris Corp opened in Paris.", "ORG", "Paris Corp")
	city2 := mk("f", "Prices in Paris rose.", "GPE", "Paris")
	retypeBareNames([]*chainNode{org, per, co, place, city, city2})
	if per.typ != "ORG" || per.first != "" {
		t.Errorf("expansion read as a person kept: %s %q", per.typ, per.first)
	}
	if place.typ != "ORG" {
		t.Errorf("company typed as a place kept: %s", place.typ)
	}
	if city2.typ != "GPE" {
		t.Errorf("a city the lexicon knows retyped: %s", city2.typ)
	}
}
