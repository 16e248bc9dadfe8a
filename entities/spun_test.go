package entities

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

// Synthetic pairs: an original and a machine-spun rewrite in which a name
// was rewritten by a synonym of one of its words.
const (
	spunOrig = "Talks ended in Vienna on Thursday. After the session, US Ambassador to the alliance Thomas Baker told reporters that the drumbeat of war is sounding loud and the rhetoric has become shrill. " +
		"\"We have to take this very seriously,\" Baker said of the troops massed along the border. " +
		"Separately, Senator Ann Kowalski said the budget vote would come next week."
	spunCopy = "Talks finished in Vienna on Thursday. Following the session, the US Ambassador to the alliance Thomas Baker-Boy informed press reporters that the roll of battle is seeming loud and the rhetoric has become screeching. " +
		"\"We need to take this really seriously,\" Mr Baker-Boy stated of the soldiers massed along the boundary. " +
		"A spokesman for the ministry, Peter Lindqvist, declined to comment on the funding."
	spunOrigOrg = "The Obama administration and the Bush administration disagreed about the treaty, officials said in Washington on Monday."
	spunCopyOrg = "The Obama organisation and the Clinton organisation disagreed about the treaty, authorities said in Washington on Monday."
)

func linkCorpus(t *testing.T, kind string, texts ...string) *accord.Corpus {
	t.Helper()
	var docs []*accord.Document
	for i, s := range texts {
		docs = append(docs, annotate(t, string(rune('a'+i)), s))
	}
	c := accord.NewCorpus(docs, accord.Options{})
	if kind != "" {
		c.Links = []accord.Link{{From: "b", To: "a", Kind: kind, Score: 0.5}}
	}
	if err := NewCorpus().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

func entityOf(c *accord.Corpus, alias string) *accord.Entity {
	for i := range c.Entities {
		for _, a := range c.Entities[i].Aliases {
			if a == alias {
				return &c.Entities[i]
			}
		}
	}
	return nil
}

func TestSpunNames(t *testing.T) {
	for _, tc := range []struct {
		name       string
		kind       string
		orig, copy string
		a, b       string // aliases
		same       bool
		canon      string // canonical name when same
	}{
		{"spun, surname synonym", accord.LinkSpun,
			"At the session, US Ambassador to the alliance Michael Carpenter told reporters that the drumbeat of war is sounding loud and the rhetoric has become shrill. \"We have to take this very seriously,\" Carpenter said.",
			"At the session, the US Ambassador to the alliance Michael Woodworker informed press reporters that the roll of battle is seeming loud and the rhetoric has become screeching. \"We need to take this really seriously,\" Mr Woodworker stated.",
			"Michael Woodworker", "Michael Carpenter", true, "Michael Carpenter"},
		{"no link: never merged", "",
			"At the session, US Ambassador to the alliance Michael Carpenter told reporters that the drumbeat of war is sounding loud and the rhetoric has become shrill.",
			"At the session, the US Ambassador to the alliance Michael Woodworker informed press reporters that the roll of battle is seeming loud and the rhetoric has become screeching.",
			"Michael Woodworker", "Michael Carpenter", false, ""},
		{"cites link: never merged", accord.LinkCites,
			"At the session, US Ambassador to the alliance Michael Carpenter told reporters that the drumbeat of war is sounding loud and the rhetoric has become shrill.",
			"At the session, the US Ambassador to the alliance Michael Woodworker informed press reporters that the roll of battle is seeming loud and the rhetoric has become screeching.",
			"Michael Woodworker", "Michael Carpenter", false, ""},
		{"spun, different person in unrelated context", accord.LinkSpun, spunOrig, spunCopy,
			"Peter Lindqvist", "Ann Kowalski", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := linkCorpus(t, tc.kind, tc.orig, tc.copy)
			ea, eb := entityOf(c, tc.a), entityOf(c, tc.b)
			if ea == nil || eb == nil {
				t.Skipf("tagger did not find both names (%v, %v)", ea != nil, eb != nil)
			}
			if (ea.ID == eb.ID) != tc.same {
				t.Fatalf("%q is %s %v, %q is %s %v: same = %v, want %v", tc.a, ea.ID, ea.Aliases, tc.b, eb.ID, eb.Aliases, ea.ID == eb.ID, tc.same)
			}
			if tc.same && (ea.Name != tc.canon || ea.Type != eb.Type) {
				t.Errorf("entity %s %s, want name %s (the original's form, never the spun one)", ea.Name, ea.Type, tc.canon)
			}
			if tc.same && (!slices.Contains(ea.SpunAliases, tc.a) || slices.Contains(ea.SpunAliases, tc.b)) {
				t.Errorf("spun aliases %v: want %q marked and %q not", ea.SpunAliases, tc.a, tc.b)
			}
			if !tc.same && (len(ea.SpunAliases) > 0 || len(eb.SpunAliases) > 0) {
				t.Errorf("spun aliases %v / %v without a merge", ea.SpunAliases, eb.SpunAliases)
			}
			for _, d := range c.Docs {
				for _, m := range d.Mentions {
					if m.Text == tc.a && tc.same && m.EntityID != eb.ID {
						t.Errorf("mention %q in %s has entity %s, want %s", m.Text, d.ID, m.EntityID, eb.ID)
					}
				}
			}
		})
	}
}

// handDoc is a one-sentence document whose name mentions (one chain each)
// are given, so that the linker's tests do not depend on the tagger.
func handDoc(id, text, typ string, names ...string) *accord.Document {
	d := &accord.Document{ID: id, Text: text, Sentences: []accord.Span{{Start: 0, End: len(text)}}}
	for k, n := range names {
		i := strings.Index(text, n)
		if i < 0 {
			panic(n)
		}
		d.Mentions = append(d.Mentions, accord.Mention{Span: accord.Span{Start: i, End: i + len(n)}, Text: n, Type: typ, Kind: accord.MentionName, Chain: k})
	}
	sort.Slice(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	return d
}

func TestSpunOrganizations(t *testing.T) {
	for _, tc := range []struct {
		name       string
		orig, copy string
		on, cn     []string // names in the original, in the copy
		a, b       string
		same       bool
	}{
		{"every word related",
			"The National Football League fined the club on Tuesday after the game in Denver, the league said.",
			"The Subject Football League fined the club on Tuesday after the match in Denver, the organization stated.",
			[]string{"National Football League", "Denver"}, []string{"Subject Football League", "Denver"},
			"Subject Football League", "National Football League", true},
		{"only a generic head agrees",
			"The Obama administration and the Bush administration disagreed about the treaty, officials said in Washington on Monday.",
			"The Obama organisation and the Clinton organisation disagreed about the treaty, authorities said in Washington on Monday.",
			[]string{"Obama administration", "Bush administration", "Washington"}, []string{"Obama organisation", "Clinton organisation", "Washington"},
			"Clinton organisation", "Bush administration", false},
		{"unrelated names in the same sentence",
			"Shares of Acme Corp rose on Tuesday after the company beat forecasts, analysts in London said.",
			"Shares of Zenith Holdings rose on Tuesday after the company beat forecasts, experts in London stated.",
			[]string{"Acme Corp", "London"}, []string{"Zenith Holdings", "London"},
			"Zenith Holdings", "Acme Corp", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, kind := range []string{accord.LinkSpun, accord.LinkCites, ""} {
				docs := []*accord.Document{handDoc("a", tc.orig, "ORG", tc.on...), handDoc("b", tc.copy, "ORG", tc.cn...)}
				c := accord.NewCorpus(docs, accord.Options{})
				if kind != "" {
					c.Links = []accord.Link{{From: "b", To: "a", Kind: kind, Score: 0.5}}
				}
				if err := NewCorpus().Analyze(context.Background(), c); err != nil {
					t.Fatal(err)
				}
				ea, eb := entityOf(c, tc.a), entityOf(c, tc.b)
				want := tc.same && kind == accord.LinkSpun
				if ea == nil || eb == nil || (ea.ID == eb.ID) != want {
					t.Fatalf("link %q: %q and %q one entity = %v, want %v", kind, tc.a, tc.b, ea != nil && eb != nil && ea.ID == eb.ID, want)
				}
				if want && ea.Name != tc.b {
					t.Errorf("name %q, want the original's %q", ea.Name, tc.b)
				}
			}
		})
	}
}

// A spun copy's name that cannot be aligned but looks garbled (a word of a
// name elsewhere rewritten by a related word; a surname rewritten into a
// common word the tagger left out) is left out of the entity list; a name
// only the copy gives that looks like no garble stays.
func TestSpunUnalignedGarbles(t *testing.T) {
	orig := "The talks in Geneva ended without progress, officials said on Monday. The figures will be published next week."
	other := "Officials of the Foreign Department met in Paris on Tuesday to discuss the trade figures."
	spun := "The talks in Geneva finished without development, authorities stated on Monday. An elderly Foreign Division authorities stated there is nothing that would certainly change that. " +
		"\"We wish that interaction happens,\" Foreign Division Speaker Harold Cost stated on Wednesday. The authorities informed Reuters of the plan."
	docs := []*accord.Document{annotate(t, "a", orig), annotate(t, "b", spun), annotate(t, "c", other)}
	c := accord.NewCorpus(docs, accord.Options{})
	c.Links = []accord.Link{{From: "b", To: "a", Kind: accord.LinkSpun, Score: 0.5}}
	if err := NewCorpus().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"Foreign Division", "Harold"} {
		if e := entityOf(c, a); e != nil {
			t.Errorf("%q listed as an entity: %+v", a, *e)
		}
	}
	for _, a := range []string{"Reuters", "Foreign Department"} {
		if entityOf(c, a) == nil {
			t.Errorf("%q missing; entities %+v", a, c.Entities)
		}
	}
	// Without the spun link nothing is left out.
	docs = []*accord.Document{annotate(t, "a", orig), annotate(t, "b", spun), annotate(t, "c", other)}
	c = accord.NewCorpus(docs, accord.Options{})
	if err := NewCorpus().Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	if entityOf(c, "Foreign Division") == nil {
		t.Errorf("unlinked document: name left out")
	}
}

// "Long Name (ACR)" is the acronym's name even when spun (one initial off,
// function words inside) and the tagger split it.
func TestLooseAcronymExpansion(t *testing.T) {
	c := linkCorpus(t, "",
		"Delegates met at the International Council for Maritime Exploration (ICME) in Oslo. The ICME said the quotas would fall.",
		"Delegates fulfilled at the International Board for Maritime and also Expedition (ICME) in Oslo on Monday. The ICME stated the allocations would certainly drop.")
	e := entityOf(c, "ICME")
	if e == nil {
		t.Fatalf("no ICME entity: %+v", c.Entities)
	}
	if !slices.Contains(e.Aliases, "International Board for Maritime and also Expedition") {
		t.Errorf("spun expansion not an alias of ICME: %v", e.Aliases)
	}
	for _, a := range []string{"Expedition", "International Board"} {
		if x := entityOf(c, a); x != nil {
			t.Errorf("fragment %q listed: %+v", a, *x)
		}
	}
	if len(e.SpunAliases) > 0 {
		t.Errorf("no spun link, yet spun aliases %v", e.SpunAliases)
	}
	// With the spun link the garbled expansion is marked; a name only the
	// copy writes that spells the acronym or is one word is not.
	c = linkCorpus(t, accord.LinkSpun,
		"Delegates met at the International Council for Maritime Exploration (ICME) in Oslo. The ICME said the quotas would fall.",
		"Delegates fulfilled at the International Board for Maritime and also Expedition (ICME) in Oslo on Monday. The ICME stated the allocations would certainly drop.")
	if e = entityOf(c, "ICME"); e == nil || !slices.Contains(e.SpunAliases, "International Board for Maritime and also Expedition") || slices.Contains(e.SpunAliases, "ICME") {
		t.Errorf("spun expansion not marked: %+v", e)
	}
	// Two initials off: no expansion.
	d := annotate(t, "x", "Delegates met at the Northern Board for Fishing Expedition (ICME) in Oslo.")
	for _, m := range d.Mentions {
		if strings.HasPrefix(m.Text, "Northern Board for") {
			t.Errorf("loose expansion with two initials off: %q", m.Text)
		}
	}
}
