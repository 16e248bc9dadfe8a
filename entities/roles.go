package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

// Title lexicon: general English nouns that head a title or position, and
// the words that may modify them inside a title. A role phrase is a run of
// these (with "of"/"for" continuations such as "Secretary of State") that
// contains at least one head.
var titleHeads = set("minister", "ministers", "secretary", "secretary-general", "undersecretary",
	"under-secretary", "president", "vice-president", "president-elect", "spokesman", "spokeswoman",
	"spokesperson", "ambassador", "director", "director-general", "chairman", "chairwoman", "chair",
	"chairperson", "chancellor", "governor", "senator", "general", "commander", "commander-in-chief",
	"chief", "ceo", "cfo", "coo", "official", "envoy", "negotiator", "adviser", "advisor", "leader",
	"head", "premier", "king", "queen", "prince", "princess", "mayor", "judge", "attorney",
	"attorney-general", "prosecutor", "representative", "delegate", "diplomat", "analyst", "professor",
	"coach", "manager", "captain", "officer", "executive", "founder", "co-founder", "editor",
	"correspondent", "reporter", "counsellor", "counselor", "sheriff", "lawmaker", "legislator",
	"congressman", "congresswoman", "mp", "economist", "lawyer", "aide", "emperor", "pope", "bishop",
	"archbishop", "cardinal", "colonel", "lieutenant", "sergeant", "admiral", "marshal", "dictator",
	"inspector", "commissioner", "superintendent", "administrator", "nominee", "candidate",
	"strategist", "deputy", "vice-chairman", "vice-chancellor", "treasurer", "consul", "consul-general",
	"speaker", "whip", "governor-general", "boss", "owner", "partner", "physician", "scientist",
	"researcher", "president-designate", "prime-minister", "cabinet", "foreign-minister")

var titleMods = set("deputy", "vice", "assistant", "associate", "senior", "chief", "acting", "former",
	"first", "second", "under", "prime", "foreign", "defence", "defense", "interior", "finance",
	"justice", "health", "trade", "economy", "economic", "energy", "agriculture", "education",
	"transport", "environment", "culture", "home", "state", "national", "security", "general",
	"executive", "managing", "principal", "special", "permanent", "top", "junior", "press",
	"presidential", "military", "political", "communications", "information", "labour", "labor",
	"treasury", "commerce", "intelligence", "immigration", "grand", "supreme", "high", "lord",
	"operating", "financial", "technology", "technical", "regional", "federal", "senior-most",
	"lead", "co", "joint", "interim", "incoming", "outgoing", "then", "retired", "current",
	"parliamentary", "legal", "public", "foreign-policy", "policy", "affairs",
	"european", "international", "development", "sports", "industry", "housing", "minority",
	"majority", "party", "opposition", "government", "ministry", "department", "news", "media",
	"army", "navy", "air", "force", "police", "union", "team", "club", "bank", "central", "company",
	"court", "supreme-court", "district", "state-run")

var connectors = set("of", "for")

var honorificsMale = set("mr", "mr.", "sir", "lord", "monsieur", "herr", "señor")
var honorificsFemale = set("mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "dame", "lady")

type roleFinder struct {
	a *annotator
	// mention index by sentence and word position
	startAt, endAt map[[2]int]int
	// inName holds the (sentence, word) positions inside a mention: asking
	// it per title word replaces a scan of every mention (quadratic in a
	// long document).
	inName map[[2]int]bool
}

func (a *annotator) newRoleFinder() *roleFinder {
	rf := &roleFinder{a: a, startAt: map[[2]int]int{}, endAt: map[[2]int]int{}, inName: map[[2]int]bool{}}
	for mi, l := range a.loc {
		rf.startAt[[2]int{l.s, l.i}] = mi
		rf.endAt[[2]int{l.s, l.j}] = mi
		for i := l.i; i < l.j; i++ {
			rf.inName[[2]int{l.s, i}] = true
		}
	}
	return rf
}

func (a *annotator) lower(si, i int) string {
	if si < 0 || si >= len(a.sents) || i < 0 || i >= len(a.sents[si]) {
		return ""
	}
	return strings.ToLower(a.sents[si][i].text)
}

func isTitleWord(l string) bool { return titleHeads[l] || titleMods[l] }

// roles finds titles given to PERSON names: premodifiers ("US Secretary of
// State Jane Roe") and appositives ("Jane Smith, the Deputy
// Secretary of State, ..."; "..., who is a Russian deputy foreign minister").
func (a *annotator) roles() {
	rf := a.newRoleFinder()
	n := len(a.loc)
	for mi := 0; mi < n; mi++ {
		if a.d.Mentions[mi].Type != "PERSON" {
			continue
		}
		l := a.loc[mi]
		rf.premodifier(mi, l)
		rf.appositive(mi, l)
	}
}

// orgMention returns the index of an ORG/GPE/NORP name mention in sentence
// si ending at word j (allowing a possessive 's), or -1.
func (rf *roleFinder) orgBefore(si, j int) (int, int) {
	k := j
	if l := rf.a.lower(si, k-1); l == "'s" || l == "’s" {
		k--
	}
	if mi, ok := rf.endAt[[2]int{si, k}]; ok {
		switch rf.a.d.Mentions[mi].Type {
		case "ORG", "GPE", "NORP", "LOC":
			return mi, rf.a.loc[mi].i
		}
	}
	return -1, j
}

func (rf *roleFinder) premodifier(mi int, l mloc) {
	rf.titleBefore(mi, l, l.i)
	// "Russia's deputy foreign minister, Ivan Petrov, said": a title set
	// off by commas before the name.
	a := rf.a
	if a.lower(l.s, l.i-1) == "," && endsOK(a, l.s, l.j) {
		rf.titleBefore(mi, l, l.i-1)
	}
}

// titleBefore finds a title that ends at word at (the name's first word,
// or the comma before it) for the name mention mi.
func (rf *roleFinder) titleBefore(mi int, l mloc, at int) {
	a := rf.a
	k := at // role is [k, end)
	end := at
	// "Ambassador to the OSCE Jane Roe", "... to the Organization
	// for ... (OSCE) Jane Roe": a posting between title and name.
	p := at
	if a.lower(l.s, p-1) == ")" && a.lower(l.s, p-3) == "(" {
		p -= 3
	}
	if om, ok := rf.endAt[[2]int{l.s, p}]; ok && om != mi {
		switch a.d.Mentions[om].Type {
		case "ORG", "GPE", "LOC":
			q := a.loc[om].i
			if a.lower(l.s, q-1) == "the" {
				q--
			}
			switch a.lower(l.s, q-1) {
			case "to", "at", "in":
				if titleHeads[a.lower(l.s, q-2)] {
					k, end = q-1, a.loc[om].j
				}
			}
		}
	}
	for {
		w := a.lower(l.s, k-1)
		if w == "" {
			break
		}
		if isNameOfOtherMention(rf, l.s, k-1) {
			break
		}
		if isTitleWord(w) {
			k--
			continue
		}
		if (connectors[w] || w == "and") && k < at && isTitleWord(a.lower(l.s, k-2)) && isTitleWord(a.lower(l.s, k)) {
			k--
			continue
		}
		// "Secretary of State": a capitalised word after of/for, after a title word.
		if firstUpper(a.sents[l.s][k-1].text) && connectors[a.lower(l.s, k-2)] && isTitleWord(a.lower(l.s, k-3)) {
			// the capitalised run may be several words ("of Foreign Affairs")
			k -= 2
			continue
		}
		break
	}
	if k == end || !containsHead(a, l.s, k, end) {
		return
	}
	org, _ := rf.orgBefore(l.s, k)
	if at < l.i {
		// Set off by a comma: the title must open its phrase ("the",
		// a possessive, an organization, or the start of the clause).
		switch a.lower(l.s, k-1) {
		case "the", "'s", "’s", "", ",", ":", "(", "\"", "“":
		default:
			if org < 0 {
				return
			}
		}
		rf.addRole(mi, l.s, k, end, org, -1, end)
		return
	}
	rf.addRole(mi, l.s, k, end, org, -1, end)
}

// isNameOfOtherMention reports whether word i of sentence si is part of a
// mention.
func isNameOfOtherMention(rf *roleFinder, si, i int) bool { return rf.inName[[2]int{si, i}] }

func containsHead(a *annotator, si, i, j int) bool {
	for k := i; k < j; k++ {
		if titleHeads[a.lower(si, k)] {
			return true
		}
	}
	return false
}

func (rf *roleFinder) appositive(mi int, l mloc) {
	a := rf.a
	k := l.j
	if a.lower(l.s, k) != "," {
		return
	}
	k++
	nominal := k
	if w := a.lower(l.s, k); w == "who" || w == "which" {
		k++
		switch a.lower(l.s, k) {
		case "is", "was", "serves", "served", "became", "has", "had":
			k++
			for a.lower(l.s, k) == "as" || a.lower(l.s, k) == "been" {
				k++
			}
		default:
			return
		}
		nominal = k
	}
	switch a.lower(l.s, k) {
	case "the", "a", "an":
		k++
	}
	org, _ := -1, 0
	if om, ok := rf.startAt[[2]int{l.s, k}]; ok {
		switch a.d.Mentions[om].Type {
		case "ORG", "GPE", "NORP", "LOC":
			org = om
			k = a.loc[om].j
			if w := a.lower(l.s, k); w == "'s" || w == "’s" {
				k++
			}
		}
	}
	rs := k
	for {
		w := a.lower(l.s, k)
		if w == "" {
			break
		}
		if isTitleWord(w) {
			if _, isName := rf.startAt[[2]int{l.s, k}]; isName && !titleHeads[w] {
				break
			}
			k++
			continue
		}
		if connectors[w] && k > rs && isTitleWord(a.lower(l.s, k-1)) {
			// of/for + (the) + capitalised words or a name
			j := k + 1
			if a.lower(l.s, j) == "the" {
				j++
			}
			if om, ok := rf.startAt[[2]int{l.s, j}]; ok {
				if org < 0 {
					// role "Secretary-General of NATO": organization from the name.
					if containsHead(a, l.s, rs, k) && endsOK(a, l.s, a.loc[om].j) {
						rf.addRole(mi, l.s, rs, k, om, nominal, a.loc[om].j)
					}
					return
				}
				k = a.loc[om].j
				continue
			}
			e := j
			for e < len(a.sents[l.s]) && firstUpper(a.sents[l.s][e].text) && hasLetterOrDigit(a.sents[l.s][e].text) {
				if _, isName := rf.startAt[[2]int{l.s, e}]; isName && e > j && !isOtherStart(rf, l.s, e) {
					break
				}
				e++
				if connectors[a.lower(l.s, e)] || a.lower(l.s, e) == "and" && e+1 < len(a.sents[l.s]) && firstUpper(a.sents[l.s][e+1].text) && (!isMentionStart(rf, l.s, e+1) || isOtherStart(rf, l.s, e+1)) {
					e++
				}
			}
			if e == j {
				break
			}
			k = e
			continue
		}
		break
	}
	if k == rs || !containsHead(a, l.s, rs, k) || !endsOK(a, l.s, k) || rf.personBeforeClauseEnd(l.s, k) {
		return
	}
	rf.addRole(mi, l.s, rs, k, org, nominal, k)
}

// personBeforeClauseEnd: a person's name starts at or after word k before
// the next punctuation mark, so the title before it is that person's
// ("Speaking after Petrov, US Ambassador to the UN Paul Jones said").
func (rf *roleFinder) personBeforeClauseEnd(si, k int) bool {
	ws := rf.a.sents[si]
	for ; k < len(ws); k++ {
		w := ws[k].text
		if w == "," || w == "." || w == ";" || w == ":" || w == "—" || w == "--" {
			return false
		}
		if isPersonStart(rf, si, k) {
			return true
		}
	}
	return false
}

func isMentionStart(rf *roleFinder, si, i int) bool {
	_, ok := rf.startAt[[2]int{si, i}]
	return ok
}

// isOtherStart: a name of no person, place, organization or group starts at
// word i. Such a name can be part of a portfolio ("deputy prime minister for
// Europe and Euro-Atlantic Integration"), where a person or a country after
// "and" ends the title.
func isOtherStart(rf *roleFinder, si, i int) bool {
	if mi, ok := rf.startAt[[2]int{si, i}]; ok {
		return rf.a.d.Mentions[mi].Type == "OTHER"
	}
	return false
}

func isPersonStart(rf *roleFinder, si, i int) bool {
	if mi, ok := rf.startAt[[2]int{si, i}]; ok {
		return rf.a.d.Mentions[mi].Type == "PERSON"
	}
	return false
}

// endsOK: an appositive role ends the clause: punctuation, the end of the
// sentence, "and", or a verb-like lower-case word.
func endsOK(a *annotator, si, k int) bool {
	if k >= len(a.sents[si]) {
		return true
	}
	w := a.sents[si][k].text
	if !hasLetterOrDigit(w) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// addRole records the role words [i,j) of sentence si for mention mi with
// organization mention org (-1 none). When nominal >= 0 the appositive
// phrase [nominal, end) is also added as a nominal mention of the holder.
func (rf *roleFinder) addRole(mi, si, i, j, org, nominal, end int) {
	a := rf.a
	ws := a.sents[si]
	if i < 0 || j > len(ws) || i >= j {
		return
	}
	// Drop trailing connectors and leading "former"-free articles.
	for j > i && (connectors[a.lower(si, j-1)] || a.lower(si, j-1) == "and") {
		j--
	}
	if i >= j {
		return
	}
	sp := accord.Span{Start: ws[i].Start, End: ws[j-1].End}
	role := normalizeRole(a.d.Text[sp.Start:sp.End])
	if role == "" {
		return
	}
	orgName := ""
	if org >= 0 {
		orgName = a.d.Mentions[org].Text
	}
	a.d.Roles = append(a.d.Roles, accord.RoleMention{Span: sp, Mention: mi, Role: role, Organization: orgName})
	if nominal >= 0 && nominal < end && end <= len(ws) {
		nsp := accord.Span{Start: ws[nominal].Start, End: ws[end-1].End}
		a.nominals = append(a.nominals, nominalRef{span: nsp, holder: mi})
	}
}

// normalizeRole capitalises a title's words ("deputy foreign minister" ->
// "Deputy Foreign Minister"), keeping connectors lower-case.
func normalizeRole(s string) string {
	f := strings.Fields(s)
	for len(f) > 0 {
		switch strings.ToLower(f[0]) {
		case "the", "a", "an":
			f = f[1:]
			continue
		}
		break
	}
	for i, w := range f {
		lw := strings.ToLower(w)
		if connectors[lw] || lw == "and" || lw == "the" || lw == "in" || lw == "to" || lw == "at" {
			f[i] = lw
			continue
		}
		if w != lw {
			continue // written with capitals: kept as written (names, acronyms)
		}
		parts := strings.Split(lw, "-")
		for k, p := range parts {
			parts[k] = capFirst(p)
		}
		f[i] = strings.Join(parts, "-")
	}
	return strings.Join(f, " ")
}

func isAllUpper(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 0
}
