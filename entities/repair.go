package entities

import (
	"strings"
)

// Repairs of the tagger's output by general rules, for what CoNLL-style
// training data teaches poorly:
//   - titles are not names: a leading title ("Deputy Secretary of State")
//     is cut off a name and a name that is only a title is dropped;
//   - a middle initial joins the two halves of a person's name
//     ("Ivan A Petrov");
//   - an acronym in parentheses marks its expansion ("Organization for
//     Security and Co-operation in Europe (OSCE)"), found by matching the
//     acronym's letters to the initials of the preceding words.

type span struct{ i, j, cls int }

const (
	clsPER  = 1
	clsORG  = 2
	clsLOC  = 3
	clsMISC = 4
)

func (a *annotator) repair(si int, cs []span) []span {
	ws := a.sents[si]
	var out []span
	for _, c := range cs {
		for _, r := range a.stripTitle(si, c) {
			// Trailing titles ("Apple CEO", "Bank of England Governor").
			if r.cls != clsPER {
				for r.j-r.i > 1 && titleHeads[strings.ToLower(ws[r.j-1].text)] {
					r.j--
				}
				for r.j-r.i > 1 && r.j < len(ws) && titleMods[strings.ToLower(ws[r.j-1].text)] && titleHeads[strings.ToLower(ws[r.j].text)] {
					r.j--
				}
			}
			out = append(out, r)
		}
	}
	// Middle initials.
	for k := 0; k+1 < len(out); k++ {
		p, q := out[k], out[k+1]
		if p.cls == clsPER && q.cls == clsPER && q.i == p.j+1 && isInitialWord(ws[p.j].text) {
			out[k] = span{p.i, q.j, clsPER}
			out = append(out[:k+1], out[k+2:]...)
			k--
		}
	}
	return a.expandAcronyms(si, out)
}

func isHonorific(l string) bool {
	return honorificsMale[l] || honorificsFemale[l] || l == "dr" || l == "dr." || l == "prof" || l == "prof."
}

func isInitialWord(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return isInitial(w)
}

// stripTitle cuts a leading title off a name.
func (a *annotator) stripTitle(si int, c span) []span {
	ws := a.sents[si]
	lw := func(k int) string { return strings.ToLower(ws[k].text) }
	// "US Deputy Secretary of State John Doe": a place, nationality or
	// organization word before a title is a name of its own.
	if c.j-c.i >= 3 && !isTitleWord(lw(c.i)) && isTitleWord(lw(c.i+1)) && firstUpper(ws[c.i+1].text) {
		if cls := a.prefixClass(lw(c.i)); cls != 0 {
			rest := a.stripTitle(si, span{c.i + 1, c.j, c.cls})
			if len(rest) != 1 || rest[0] != (span{c.i + 1, c.j, c.cls}) {
				return append([]span{{c.i, c.i + 1, cls}}, rest...)
			}
		}
	}
	k := c.i
	// A title that began before the name: "Secretary of | State Jane Smith".
	inTitle := c.i >= 2 && connectors[lw(c.i-1)] && isTitleWord(lw(c.i-2)) && firstUpper(ws[c.i].text)
	if inTitle {
		k++
	}
	head := false
	for k+1 < c.j && isHonorific(lw(k)) && firstUpper(ws[k+1].text) && !connectors[lw(k+1)] {
		k++
	}
	if k > c.i {
		return []span{{k, c.j, clsPER}}
	}
	for k < c.j {
		l := lw(k)
		if titleHeads[l] {
			head = true
			k++
			continue
		}
		if titleMods[l] && k+1 < c.j {
			k++
			continue
		}
		// "Trade and Industry Secretary"
		if l == "and" && k > c.i && isTitleWord(lw(k-1)) && k+1 < c.j && isTitleWord(lw(k+1)) {
			k++
			continue
		}
		// of/for + one capitalised word ("Secretary of State")
		if connectors[l] && k > c.i && k+1 < c.j && isTitleWord(lw(k-1)) {
			k += 2
			continue
		}
		break
	}
	if !head && !inTitle {
		return []span{c}
	}
	// Leading words before the title that are a place or an organization
	// ("US Deputy Secretary ...") are not handled here: only names that begin
	// with the title (or inside one) are cut.
	if k >= c.j {
		return nil // only a title
	}
	rest := span{k, c.j, c.cls}
	if inTitle && !head {
		if looksLikePerson(a, ws, rest) || c.cls == clsPER {
			return []span{{k, c.j, clsPER}}
		}
		return []span{c}
	}
	if looksLikePerson(a, ws, rest) {
		return []span{{k, c.j, clsPER}}
	}
	return []span{c}
}

// looksLikePerson: 1-4 capitalised words, none a corporate suffix, title or
// place word, the first a known first name or followed by another word.
func looksLikePerson(a *annotator, ws []word, c span) bool {
	n := c.j - c.i
	if n < 1 || n > 4 {
		return false
	}
	for k := c.i; k < c.j; k++ {
		w := ws[k].text
		l := strings.ToLower(w)
		if !firstUpper(w) || corpSuffixes[l] || isTitleWord(l) || geoHeads[l] || connectors[l] {
			return false
		}
	}
	first := strings.ToLower(ws[c.i].text)
	if firstNameGender(first) != genderUnknown {
		return true
	}
	if m, _ := DefaultModel(); m != nil && m.gaz != nil && m.gaz.nameParts[first]&1 != 0 {
		return true
	}
	return n >= 2
}

// expandAcronyms finds "( ACR )" and marks the words before it whose
// initials spell ACR as one name of the acronym's class (ORG by default).
func (a *annotator) expandAcronyms(si int, cs []span) []span {
	ws := a.sents[si]
	for k := 1; k+1 < len(ws); k++ {
		if ws[k-1].text != "(" || ws[k+1].text != ")" {
			continue
		}
		acr := isAcronym(ws[k].text)
		if acr == "" || len(acr) > 8 {
			continue
		}
		start := matchExpansion(ws, k-1, acr)
		if start < 0 {
			continue
		}
		cls := clsORG
		for _, c := range cs {
			if c.i == k && c.j == k+1 {
				cls = c.cls
			}
		}
		// Replace overlapping spans by the expansion.
		var out []span
		for _, c := range cs {
			if c.j <= start || c.i >= k-1 {
				out = append(out, c)
			}
		}
		out = append(out, span{start, k - 1, cls})
		sortSpans(out)
		cs = out
		if !hasSpan(cs, k, k+1) {
			cs = append(cs, span{k, k + 1, cls})
			sortSpans(cs)
		}
	}
	return cs
}

func hasSpan(cs []span, i, j int) bool {
	for _, c := range cs {
		if c.i == i && c.j == j {
			return true
		}
	}
	return false
}

func sortSpans(cs []span) {
	for x := 1; x < len(cs); x++ {
		for y := x; y > 0 && cs[y].i < cs[y-1].i; y-- {
			cs[y], cs[y-1] = cs[y-1], cs[y]
		}
	}
}

// matchExpansion returns the first word of the words ending before index end
// whose capitalised initials (function words skipped, hyphenated parts
// counted when capitalised) spell acr, or -1.
func matchExpansion(ws []word, end int, acr string) int {
	letters := []rune(acr)
	li := len(letters) - 1
	k := end - 1
	for k >= 0 && li >= 0 {
		w := ws[k].text
		l := strings.ToLower(w)
		if acronymSkip[l] {
			k--
			continue
		}
		if !firstUpper(w) {
			return -1
		}
		// initials of the word's capitalised hyphen parts, right to left
		parts := strings.Split(w, "-")
		for p := len(parts) - 1; p >= 0 && li >= 0; p-- {
			r := []rune(parts[p])
			if len(r) == 0 || !firstUpper(parts[p]) {
				continue
			}
			if r[0] != letters[li] {
				return -1
			}
			li--
		}
		k--
	}
	if li >= 0 {
		return -1
	}
	return k + 1
}

// prefixClass is the class of a one-word place, nationality or organization
// name by the gazetteer (or the demonym form), or 0.
func (a *annotator) prefixClass(l string) int {
	if m, _ := DefaultModel(); m != nil && m.gaz != nil {
		if mask, ok := m.gaz.entries[l]; ok {
			for _, c := range []int{clsLOC, clsORG, clsMISC} {
				if mask&(1<<uint(c)) != 0 {
					return c
				}
			}
		}
	}
	if demonymLike(l) {
		return clsMISC
	}
	return 0
}
