package entities

import (
	"strings"
)

// Fragments of names the tagger cut out of a longer capitalised run, by
// general rules:
//   - a one-word organization that is only a generic organization noun
//     ("Committee" in "The Select Committee on …") takes the capitalised
//     words the tagger left out just before it ("Select Committee");
//   - a hyphenated one-word organization/other name is a modifier, not a
//     name, when a capitalised word it was cut from follows ("Short-
//     Term | Capital Fund") or when it only joins names the
//     document names on their own as organizations, places or people
//     ("EU-China summit": EU, China; not "Arab-Israeli talks").

// extendGeneric widens a one-word generic organization noun over the
// capitalised, untagged words just before it (never over the sentence's
// first word or a title head).
func (a *annotator) extendGeneric(si int, cs []span) []span {
	ws := a.sents[si]
	covered := make([]bool, len(ws))
	for _, c := range cs {
		for k := c.i; k < c.j && k < len(ws); k++ {
			covered[k] = true
		}
	}
	for ci, c := range cs {
		if c.cls != clsORG || c.j-c.i != 1 || !orgNouns[strings.ToLower(ws[c.i].text)] {
			continue
		}
		i := c.i
		for i > 1 && !covered[i-1] && firstUpper(ws[i-1].text) && hasLetterOrDigit(ws[i-1].text) &&
			!titleHeads[strings.ToLower(ws[i-1].text)] && !a.opensSentence(si, i-1) {
			i--
		}
		cs[ci].i = i
	}
	return cs
}

// dropFragments removes hyphenated modifier names (see above) from the
// document's name mentions; it runs after names(), before roles and
// coreference.
func (a *annotator) dropFragments() {
	d := a.d
	named := map[string]bool{} // names of organizations, places, people
	for _, m := range d.Mentions {
		if !strings.ContainsRune(m.Text, '-') && m.Type != "NORP" && m.Type != "OTHER" {
			named[strings.ToLower(m.Text)] = true
		}
	}
	keep := 0
	for mi, m := range d.Mentions {
		l := a.loc[mi]
		if a.hyphenFragment(l, m.Type, named) {
			continue
		}
		d.Mentions[keep] = m
		a.loc[keep] = l
		keep++
	}
	d.Mentions = d.Mentions[:keep]
	a.loc = a.loc[:keep]
}

func (a *annotator) hyphenFragment(l mloc, typ string, named map[string]bool) bool {
	if l.j-l.i != 1 || (typ != "ORG" && typ != "OTHER") {
		return false
	}
	ws := a.sents[l.s]
	w := ws[l.i].text
	parts := strings.Split(w, "-")
	if len(parts) < 2 || l.j >= len(ws) {
		return false
	}
	for _, p := range parts {
		if p == "" || !firstUpper(p) {
			return false
		}
	}
	next := ws[l.j].text
	if !hasLetterOrDigit(next) {
		return false
	}
	if firstUpper(next) {
		// cut from a longer capitalised name, unless a title follows
		// ("Mercedes-Benz Chairman")
		return !isTitleWord(strings.ToLower(next))
	}
	for _, p := range parts {
		if !named[strings.ToLower(p)] {
			return false
		}
	}
	return true
}
