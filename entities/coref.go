package entities

import (
	"sort"
	"strings"
	"unicode"

	"github.com/accord-news/accord"
)

// Within-document coreference.
//
// Names: a PERSON name joins the chain of an earlier PERSON with the same
// surname whose first name is compatible (equal, an initial of it, or a
// transliteration variant at small edit distance); a bare surname joins the
// most recent chain with that surname. Other names join on a normalised key
// (case, "the", corporate suffixes, British/American spellings) and on
// acronyms of their capitalised words ("OSCE").
// Appositive role phrases join their holder. Role nouns ("the minister") join
// the most recent person given a role with that head noun. Pronouns join the
// nearest preceding person (or, for they/them, organization or place) of
// compatible gender.

const (
	genderUnknown = 0
	genderMale    = 1
	genderFemale  = 2
)

var pronounGender = map[string]int{
	"he": genderMale, "him": genderMale, "his": genderMale, "himself": genderMale,
	"she": genderFemale, "her": genderFemale, "hers": genderFemale, "herself": genderFemale,
	"they": -1, "them": -1, "their": -1, "theirs": -1, "themselves": -1,
}

var nameSuffixes = set("jr", "jr.", "sr", "sr.", "ii", "iii", "iv")

var corpSuffixes = set("inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "limited", "plc",
	"llc", "co", "co.", "company", "group", "holdings", "ag", "sa", "s.a.", "nv", "gmbh")

// personName splits a PERSON name into first and last (lower-case, periods
// dropped); first is "" for a single word.
func personName(s string) (first, last string, words []string) {
	for _, w := range strings.Fields(s) {
		w = strings.ToLower(strings.Trim(w, ".,"))
		if w == "" || nameSuffixes[w] || honorificsMale[w] || honorificsFemale[w] || w == "dr" || w == "prof" {
			continue
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		return "", "", nil
	}
	last = words[len(words)-1]
	if len(words) > 1 {
		first = words[0]
	}
	return first, last, words
}

// firstCompatible: equal names, an initial and a name, or transliteration
// variants (Sergei/Sergey, Alexander/Aleksandr): the same after folding
// common spelling alternations, or within a small edit distance on long
// names with the same initial.
func firstCompatible(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if ra[0] != rb[0] {
		return false
	}
	if len(ra) == 1 || len(rb) == 1 {
		return true
	}
	fa, fb := []rune(translitFold(a)), []rune(translitFold(b))
	if string(fa) == string(fb) {
		return true
	}
	n := len(fa)
	if len(fb) < n {
		n = len(fb)
	}
	switch {
	case n >= 8:
		return editDistance(fa, fb) <= 2
	case n >= 5:
		return editDistance(fa, fb) <= 1
	}
	return false
}

var translit = strings.NewReplacer("x", "ks", "ph", "f", "y", "i", "kh", "h", "w", "v", "ou", "u", "ck", "k", "c", "k", "j", "i", "ee", "i", "ie", "i")

func translitFold(s string) string { return translit.Replace(s) }

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			if prev[j]+1 < c {
				c = prev[j] + 1
			}
			if cur[j-1]+1 < c {
				c = cur[j-1] + 1
			}
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// NormKey is the matching key of a non-person name: lower case, without a
// leading "the", corporate suffixes, punctuation, hyphens, with -isation
// spelled -ization.
func NormKey(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) > 0 && f[0] == "the" {
		f = f[1:]
	}
	for len(f) > 1 && corpSuffixes[strings.Trim(f[len(f)-1], ",")] {
		f = f[:len(f)-1]
	}
	var b strings.Builder
	for i, w := range f {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
	}
	k := b.String()
	if of := strings.Fields(s); len(f) == 1 && len(of) > 0 && pronounWords[k] && strings.ToUpper(of[len(of)-1]) != of[len(of)-1] {
		// "The Who", "Us" (a band, a magazine) are not the acronyms WHO
		// and US: a pronoun written as a name keeps its own key.
		k = "~" + k
	}
	k = strings.ReplaceAll(k, "isation", "ization")
	k = strings.ReplaceAll(k, "ise ", "ize ")
	k = strings.ReplaceAll(k, "defence", "defense")
	k = strings.ReplaceAll(k, "centre", "center")
	k = strings.ReplaceAll(k, "labour", "labor")
	return k
}

// isFirstName: a lower-case word known as a first name (gender table or the
// training names' first-name list).
func isFirstName(f string) bool {
	if firstNameGender(f) != genderUnknown {
		return true
	}
	m, _ := DefaultModel()
	return m != nil && m.gaz != nil && m.gaz.nameParts[f]&1 != 0
}

// pronounWords: English personal and wh- pronouns (a closed class).
var pronounWords = set("i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them",
	"who", "whom", "what", "which")

var acronymSkip = set("of", "for", "and", "the", "in", "on", "at", "to", "de", "du", "des", "la", "le", "&")

// Acronym returns the initials of the capitalised words of a multi-word
// name, hyphenated parts counted ("Organization for Security and
// Co-operation in Europe" -> "OSCE"), or "".
func Acronym(s string) string {
	f := strings.Fields(s)
	if len(f) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range f {
		if acronymSkip[strings.ToLower(w)] {
			continue
		}
		if isAcronym(strings.Trim(w, ",;:()")) != "" {
			// A name that holds an acronym is not spelled out by its
			// initials ("UBS Securities" is not "US").
			return ""
		}
		for _, p := range strings.Split(w, "-") {
			r := []rune(p)
			if len(r) == 0 || !unicode.IsLetter(r[0]) {
				continue
			}
			if !unicode.IsUpper(r[0]) {
				if strings.Contains(w, "-") {
					continue // "Co-operation": only the capitalised part
				}
				return ""
			}
			b.WriteRune(r[0])
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// acronymFits: an acronym that is also a country's name ("US", "UK") stands
// for an expansion only when that expansion names a place ("United States"
// typed as a place, or headed by a word such as "States", "Kingdom"), never
// for an organisation with the same initials ("University of South
// Alabama"). expTyp and exp are the expansion's type and name key.
func acronymFits(acr, expTyp, exp string) bool {
	if countrySense(acr) == 0 {
		return true
	}
	if expTyp == "GPE" || expTyp == "LOC" {
		return true
	}
	f := strings.Fields(strings.ToLower(exp))
	return len(f) > 0 && (stateHeads[f[len(f)-1]] || f[len(f)-1] == "states")
}

// shortFormMay: a one-word name may be read as the short form of an earlier
// multi-word name of the same type, unless it is a place (a place's first
// word is another place or no name at all: "Manchester", "New") or a
// country ("Japan" is never "Japan Airlines").
func shortFormMay(typ, text string) bool {
	if typ == "GPE" || typ == "LOC" || typ == "NORP" {
		return false
	}
	return countrySense(text) == 0
}

// isAcronym: a single all-capital word of 2 to 8 letters (dots allowed).
func isAcronym(s string) string {
	if strings.ContainsAny(s, " ") {
		return ""
	}
	t := strings.ReplaceAll(s, ".", "")
	n := 0
	for _, r := range t {
		if !unicode.IsUpper(r) {
			return ""
		}
		n++
	}
	if n < 2 || n > 8 {
		return ""
	}
	return t
}

type chainInfo struct {
	typ         string
	first, last string
	key         string // non-person key
	acronym     string // of a multi-word non-person name
	gender      int
	roleHeads   map[string]bool
	hasRole     bool
}

func (a *annotator) coref() {
	d := a.d
	nNames := len(a.loc)
	// Bare surnames the tagger typed otherwise become PERSON.
	lasts := map[string]bool{}
	knownFirst := map[string]bool{} // the surname's person has a known first name
	for mi := 0; mi < nNames; mi++ {
		if d.Mentions[mi].Type == "PERSON" {
			if f, l, _ := personName(d.Mentions[mi].Text); f != "" {
				lasts[l] = true
				if isFirstName(f) {
					knownFirst[l] = true
				}
			}
		}
	}
	for mi := 0; mi < nNames; mi++ {
		m := &d.Mentions[mi]
		if m.Type != "PERSON" && !strings.Contains(m.Text, " ") && lasts[strings.ToLower(m.Text)] {
			if (m.Type == "GPE" || m.Type == "LOC") && countrySense(m.Text) != 0 && !knownFirst[strings.ToLower(m.Text)] {
				continue // "Britain" beside the show "Little Britain"
			}
			m.Type = "PERSON"
		}
	}
	a.retypeBareCompanies(lasts, nNames)
	var chains []*chainInfo
	newChain := func(c *chainInfo) int {
		chains = append(chains, c)
		return len(chains) - 1
	}
	for mi := 0; mi < nNames; mi++ {
		m := &d.Mentions[mi]
		if m.Type == "PERSON" {
			first, last, _ := personName(m.Text)
			if last == "" {
				continue
			}
			hg := a.honorificGender(mi)
			best, unknownG := -1, -1
			for ci := len(chains) - 1; ci >= 0; ci-- {
				c := chains[ci]
				if c.typ != "PERSON" {
					continue
				}
				if c.last == last && firstCompatible(c.first, first) {
					// "Mr Jackson" never joins a chain of the other
					// gender, and prefers an earlier one of its own over
					// a later one of unknown gender ("Michael Jackson …
					// Katherine Jackson … Mr Jackson").
					if hg != genderUnknown && first == "" && c.gender != hg {
						if c.gender == genderUnknown && unknownG < 0 {
							unknownG = ci
						}
						continue
					}
					best = ci
					break
				}
				// A first name alone ("Wendy") after a full name.
				if first == "" && c.first == last && c.last != "" {
					best = ci
					break
				}
			}
			if best < 0 && unknownG >= 0 {
				best = unknownG
			}
			if best < 0 {
				best = newChain(&chainInfo{typ: "PERSON", first: first, last: last})
			} else if chains[best].first == "" || len([]rune(chains[best].first)) == 1 {
				if len([]rune(first)) > 1 {
					chains[best].first = first
				}
			}
			m.Chain = best
			if hg != genderUnknown && chains[best].gender == genderUnknown {
				chains[best].gender = hg
			}
			if chains[best].gender == genderUnknown && first != "" {
				chains[best].gender = firstNameGender(first)
			}
			continue
		}
		key := NormKey(m.Text)
		acr := isAcronym(m.Text)
		exp := Acronym(m.Text)
		if e, ok := a.expOf[a.loc[mi]]; ok {
			exp = e
		}
		best := -1
		for ci := len(chains) - 1; ci >= 0; ci-- {
			c := chains[ci]
			if c.typ == "PERSON" {
				continue
			}
			if c.typ == m.Type && c.key == key || (acr != "" && c.acronym == acr && acronymFits(acr, c.typ, c.key)) ||
				(exp != "" && isAcronym(c.key) == "" && strings.EqualFold(c.key, exp) && exp == strings.ToUpper(c.key) && acronymFits(exp, m.Type, key)) {
				best = ci
				break
			}
		}
		if best < 0 && acr == "" && !strings.Contains(key, " ") && key != "" && shortFormMay(m.Type, m.Text) {
			// A one-word short form of exactly one earlier multi-word name
			// ("Apple" after "Apple Computer"); never a place or a country
			// ("Japan" after "Japan Airlines", "New" after "New York").
			cand := -1
			for ci, c := range chains {
				if c.typ == m.Type && strings.HasPrefix(c.key, key+" ") {
					if cand >= 0 && cand != ci {
						cand = -2
						break
					}
					cand = ci
				}
			}
			if cand >= 0 {
				best = cand
			}
		}
		if best < 0 {
			best = newChain(&chainInfo{typ: m.Type, key: key, acronym: exp})
		} else if chains[best].acronym == "" && exp != "" {
			chains[best].acronym = exp
		}
		m.Chain = best
	}
	for _, r := range d.Roles {
		if r.Mention >= 0 && r.Mention < len(d.Mentions) {
			if ci := d.Mentions[r.Mention].Chain; ci >= 0 {
				c := chains[ci]
				if c.roleHeads == nil {
					c.roleHeads = map[string]bool{}
				}
				for _, w := range strings.Fields(strings.ToLower(r.Role)) {
					if titleHeads[w] {
						c.roleHeads[w] = true
					}
				}
				c.hasRole = true
			}
		}
	}

	// Appositive nominals join their holder.
	for _, n := range a.nominals {
		if n.holder < 0 || n.holder >= len(d.Mentions) {
			continue
		}
		h := d.Mentions[n.holder]
		d.Mentions = append(d.Mentions, accord.Mention{
			Span: n.span, Text: d.Text[n.span.Start:n.span.End], Type: h.Type, Kind: accord.MentionNominal, Chain: h.Chain,
		})
	}

	// Pronouns and role nouns, in text order, against the mentions before them.
	quotes := quoteSpans(d.Text)
	var hist []ante
	for mi := 0; mi < nNames; mi++ {
		if d.Mentions[mi].Chain >= 0 {
			hist = append(hist, ante{d.Mentions[mi].Start, a.loc[mi].s, d.Mentions[mi].Chain, d.Mentions[mi].Type})
		}
	}
	sort.SliceStable(hist, func(i, j int) bool { return hist[i].start < hist[j].start })
	covered := func(sp accord.Span) bool {
		for i := range d.Mentions {
			if d.Mentions[i].Overlaps(sp) {
				return true
			}
		}
		return false
	}
	var added []accord.Mention
	hi := 0 // hist entries before the current position
	var sortedHist []ante
	for si, ws := range a.sents {
		for i := 0; i < len(ws); i++ {
			for hi < len(hist) && hist[hi].start < ws[i].Start {
				sortedHist = append(sortedHist, hist[hi])
				hi++
			}
			lw := strings.ToLower(ws[i].text)
			if g, ok := pronounGender[lw]; ok {
				resolved, resSent := -1, -1
				typ := "PERSON"
				for k := len(sortedHist) - 1; k >= 0; k-- {
					h := sortedHist[k]
					if si-h.sent > 3 {
						break
					}
					if g < 0 {
						if h.typ == "ORG" || h.typ == "GPE" || h.typ == "NORP" {
							if si-h.sent <= 1 {
								resolved, typ = h.chain, h.typ
							}
							break
						}
						continue
					}
					if h.typ != "PERSON" {
						continue
					}
					if resolved >= 0 && h.sent != resSent {
						break
					}
					if q := quoteOf(quotes, h.start); q >= 0 && q != quoteOf(quotes, ws[i].Start) {
						continue // a person named inside a quote is rarely "he" outside it
					}
					cg := chains[h.chain].gender
					if cg == genderUnknown || cg == g {
						// Keep looking within the same sentence: the leftmost
						// compatible person (the subject, usually) wins.
						resolved, resSent = h.chain, h.sent
					}
				}
				if g > 0 && resolved >= 0 && chains[resolved].gender == genderUnknown {
					chains[resolved].gender = g
				}
				if g < 0 && resolved < 0 {
					continue
				}
				m := accord.Mention{Span: ws[i].Span, Text: ws[i].text, Type: typ, Kind: accord.MentionPronoun, Chain: resolved}
				added = append(added, m)
				if resolved >= 0 {
					sortedHist = append(sortedHist, ante{m.Start, si, resolved, typ})
				}
				continue
			}
			// "the (Russian) (deputy foreign) minister" not followed by a name.
			if lw != "the" {
				continue
			}
			j := i + 1
			for j < len(ws) && (titleMods[strings.ToLower(ws[j].text)] || isDemonymWord(ws[j].text)) && !titleHeads[strings.ToLower(ws[j].text)] {
				j++
			}
			if j < len(ws) && !titleHeads[strings.ToLower(ws[j].text)] {
				// "the ministry", "the company", "the country": an
				// organization or place named before.
				if m, ok := a.orgNominal(ws, si, i, j, sortedHist, chains); ok && !covered(m.Span) {
					added = append(added, m)
					sortedHist = append(sortedHist, ante{m.Start, si, m.Chain, m.Type})
				}
				continue
			}
			if j >= len(ws) {
				continue
			}
			for j+1 < len(ws) && titleHeads[strings.ToLower(ws[j+1].text)] {
				j++
			}
			if j+1 < len(ws) {
				nx := ws[j+1].text
				if firstUpper(nx) || strings.EqualFold(nx, "of") || strings.EqualFold(nx, "for") {
					continue
				}
			}
			sp := accord.Span{Start: ws[i].Start, End: ws[j].End}
			if covered(sp) {
				continue
			}
			head := strings.ToLower(ws[j].text)
			resolved := -1
			for k := len(sortedHist) - 1; k >= 0; k-- {
				h := sortedHist[k]
				if si-h.sent > 5 {
					break
				}
				if h.typ == "PERSON" && chains[h.chain].roleHeads[head] {
					resolved = h.chain
					break
				}
			}
			if resolved < 0 {
				for k := len(sortedHist) - 1; k >= 0; k-- {
					h := sortedHist[k]
					if si-h.sent > 2 {
						break
					}
					if h.typ == "PERSON" && chains[h.chain].hasRole {
						resolved = h.chain
						break
					}
				}
			}
			if resolved < 0 {
				continue
			}
			m := accord.Mention{Span: sp, Text: d.Text[sp.Start:sp.End], Type: "PERSON", Kind: accord.MentionNominal, Chain: resolved}
			added = append(added, m)
			sortedHist = append(sortedHist, ante{m.Start, si, resolved, "PERSON"})
			i = j
		}
	}
	d.Mentions = append(d.Mentions, added...)
	a.sortMentions()
}

// ante is an earlier mention that a pronoun or nominal may refer to.
type ante struct {
	start, sent, chain int
	typ                string
}

var orgNouns = set("company", "firm", "group", "ministry", "department", "agency", "alliance", "organization",
	"organisation", "bank", "court", "party", "union", "council", "committee", "commission", "bloc",
	"embassy", "corporation", "club", "team", "association", "federation", "board", "institute",
	"university", "parliament", "assembly", "foundation", "network", "newspaper", "broadcaster")

var genericOrgNouns = set("company", "firm", "group", "corporation", "club", "team", "newspaper", "broadcaster",
	"network", "alliance", "bloc", "organization", "organisation")

// orgNominal resolves "the [modifiers] NOUN" (NOUN at word j) to the latest
// organization whose name contains NOUN (within 8 sentences), or for a
// generic noun ("the company") to the latest organization within 3
// sentences; "the country" to the latest country within 2 sentences.
func (a *annotator) orgNominal(ws []word, si, i, _ int, hist []ante, chains []*chainInfo) (accord.Mention, bool) {
	j := i + 1
	for j < len(ws) && j <= i+3 && !orgNouns[strings.ToLower(ws[j].text)] && strings.ToLower(ws[j].text) != "country" {
		w := ws[j].text
		if !(isDemonymWord(w) || titleMods[strings.ToLower(w)] || !firstUpper(w) && hasLetterOrDigit(w)) {
			break
		}
		j++
	}
	if j >= len(ws) {
		return accord.Mention{}, false
	}
	noun := strings.ToLower(ws[j].text)
	if j+1 < len(ws) && (firstUpper(ws[j+1].text) || strings.EqualFold(ws[j+1].text, "of")) {
		return accord.Mention{}, false
	}
	wantGPE := noun == "country"
	if !wantGPE && !orgNouns[noun] {
		return accord.Mention{}, false
	}
	resolved, typ := -1, ""
	for k := len(hist) - 1; k >= 0; k-- {
		h := hist[k]
		if si-h.sent > 8 {
			break
		}
		if wantGPE {
			if h.typ == "GPE" && si-h.sent <= 2 {
				resolved, typ = h.chain, h.typ
				break
			}
			continue
		}
		if h.typ != "ORG" || h.chain < 0 || h.chain >= len(chains) {
			continue
		}
		if containsWord(chains[h.chain].key, noun) || genericOrgNouns[noun] && si-h.sent <= 3 {
			resolved, typ = h.chain, h.typ
			break
		}
	}
	if resolved < 0 {
		return accord.Mention{}, false
	}
	sp := accord.Span{Start: ws[i].Start, End: ws[j].End}
	return accord.Mention{Span: sp, Text: a.d.Text[sp.Start:sp.End], Type: typ, Kind: accord.MentionNominal, Chain: resolved}, true
}

func containsWord(key, w string) bool {
	for _, f := range strings.Fields(key) {
		if f == w || strings.TrimSuffix(f, "s") == w {
			return true
		}
	}
	return false
}

// quoteSpans returns the spans of quoted passages: “…” pairs and pairs of
// straight double quotes, never across a line break.
func quoteSpans(s string) []accord.Span {
	var out []accord.Span
	open := -1
	straight := -1
	for i, r := range s {
		switch r {
		case '\n':
			open, straight = -1, -1
		case '“':
			open = i
		case '”':
			if open >= 0 {
				out = append(out, accord.Span{Start: open, End: i})
				open = -1
			}
		case '"':
			if straight < 0 {
				straight = i
			} else {
				out = append(out, accord.Span{Start: straight, End: i})
				straight = -1
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// quoteOf returns the index of the quote span containing off, or -1.
func quoteOf(qs []accord.Span, off int) int {
	i := sort.Search(len(qs), func(i int) bool { return qs[i].End > off })
	if i < len(qs) && qs[i].Start < off {
		return i
	}
	return -1
}

func isDemonymWord(w string) bool {
	return firstUpper(w) && demonymLike(strings.ToLower(w))
}

// honorificGender reads Mr/Ms before name mention mi.
func (a *annotator) honorificGender(mi int) int {
	if mi >= len(a.loc) {
		return genderUnknown
	}
	l := a.loc[mi]
	w := a.lower(l.s, l.i-1)
	if w == "." {
		w = a.lower(l.s, l.i-2)
	}
	switch {
	case honorificsMale[w]:
		return genderMale
	case honorificsFemale[w]:
		return genderFemale
	}
	return genderUnknown
}

// sortMentions orders mentions by position and remaps role holders.
func (a *annotator) sortMentions() {
	d := a.d
	idx := make([]int, len(d.Mentions))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool {
		p, q := d.Mentions[idx[x]], d.Mentions[idx[y]]
		if p.Start != q.Start {
			return p.Start < q.Start
		}
		return p.End > q.End
	})
	newPos := make([]int, len(idx))
	ms := make([]accord.Mention, len(idx))
	for n, o := range idx {
		ms[n] = d.Mentions[o]
		newPos[o] = n
	}
	d.Mentions = ms
	for i := range d.Roles {
		if r := d.Roles[i].Mention; r >= 0 && r < len(newPos) {
			d.Roles[i].Mention = newPos[r]
		}
	}
	// Renumber chains by first appearance.
	ren := map[int]int{}
	for i := range d.Mentions {
		c := d.Mentions[i].Chain
		if c < 0 {
			continue
		}
		if _, ok := ren[c]; !ok {
			ren[c] = len(ren)
		}
		d.Mentions[i].Chain = ren[c]
	}
}

// retypeBareCompanies: a one-word name the tagger typed PERSON (no first
// name, never the surname of a longer person's name in the document) is an
// organization when the document says so and nothing says it is a person.
// Organization evidence: the document types the same word ORG (alone or
// opening a longer name) at least as often; "its" one to three words after
// it ("X said its"); ", which" after it;
// "X's shares/profits/sales …" or "shares/stake in X"; an appositive headed
// by an organization noun ("X, a UK oil firm"). Person evidence: an
// honorific or title before it, ", who" after it, he/him/his/she/her within
// five words after it. (BBC business and technology: companies such as
// "X said its profits rose" were people.)
func (a *annotator) retypeBareCompanies(lasts map[string]bool, nNames int) {
	d := a.d
	type ev struct {
		pers, org, per int
		strong         int // evidence that also holds for multi-word names
		mis            []int
	}
	groups := map[string]*ev{}
	orgTyped := map[string]int{} // ORG names that are or start with the word
	for mi := 0; mi < nNames; mi++ {
		m := d.Mentions[mi]
		l := a.loc[mi]
		if m.Type == "ORG" {
			orgTyped[strings.ToLower(a.sents[l.s][l.i].text)]++
		}
		w := strings.ToLower(m.Text)
		if l.j-l.i == 1 && lasts[w] {
			continue
		}
		if l.j-l.i > 1 && !companyLikeName(a.sents[l.s][l.i:l.j]) {
			continue
		}
		g := groups[w]
		if g == nil {
			g = &ev{}
			groups[w] = g
		}
		if m.Type == "PERSON" {
			g.per++
			g.mis = append(g.mis, mi)
		}
		// evidence from every one-word mention of the word, whatever its
		// type ("shares in X/GPE … X/PER said")
		ws := a.sents[l.s]
		lw := func(k int) string {
			if k < 0 || k >= len(ws) {
				return ""
			}
			return strings.ToLower(ws[k].text)
		}
		if p := lw(l.i - 1); isHonorific(p) || titleHeads[p] {
			g.pers++
		}
		// "press distributor X", "the news weekly X", "Ontario-based X",
		// "X daily said"
		if p := lw(l.i - 1); companyKinds[p] || (strings.HasSuffix(p, "-based") && len(p) > 6) {
			g.org++
			g.strong++
		}
		if pressKinds[lw(l.j)] {
			g.org++
			g.strong++
		}
		if (lw(l.i-1) == "in" || lw(l.i-1) == "of") && companyNouns[lw(l.i-2)] {
			g.org++
		}
		if lw(l.j) == "'s" && companyNouns[lw(l.j+1)] {
			g.org++
		}
		if lw(l.j) == "," {
			switch lw(l.j + 1) {
			case "which": // not for a multi-word name: "Jane Roe and Jo Bloggs, which raised £1m"
				g.org++
			case "who":
				g.pers++
			case "a", "an", "the":
				for k := l.j + 2; k < len(ws) && k < l.j+7 && lw(k) != ","; k++ {
					if orgNouns[lw(k)] && lw(k) != "group" {
						g.org++
						break
					}
				}
			}
		}
		// The first third-person singular pronoun after it: "X said its
		// profits" (not "X its favourite", nor an emphatic "X itself").
		for k := l.j; k < len(ws) && k < l.j+6; k++ {
			switch lw(k) {
			case "its":
				if k > l.j && k <= l.j+3 {
					g.org++
				}
			case "it", "itself":
			case "he", "him", "his", "himself", "she", "her", "herself":
				g.pers++
			default:
				continue
			}
			break
		}
	}
	// The document names the company in full: "X International Inc" makes a
	// bare "X" its short form.
	for mi := 0; mi < nNames; mi++ {
		l := a.loc[mi]
		ws := a.sents[l.s]
		if d.Mentions[mi].Type != "ORG" || l.j-l.i < 2 || !corpSuffixes[strings.ToLower(ws[l.j-1].text)] {
			continue
		}
		for k := l.i + 1; k < l.j-1; k++ {
			if g := groups[strings.ToLower(a.d.Text[ws[l.i].Start:ws[k-1].End])]; g != nil {
				g.org += g.per
				g.strong++
			}
		}
		if g := groups[strings.ToLower(a.d.Text[ws[l.i].Start:ws[l.j-2].End])]; g != nil {
			g.org += g.per
			g.strong++
		}
	}
	for w, g := range groups {
		if g.per == 0 || g.pers > 0 || isFirstName(w) {
			continue
		}
		if strings.Contains(w, " ") {
			// a person's name shares the weak cues ("the air force under
			// X began its", "X, the chairman of the Y Organisation")
			if g.strong == 0 {
				continue
			}
		}
		if g.org > 0 || (orgTyped[w] >= g.per && !strings.Contains(w, " ")) {
			for _, mi := range g.mis {
				d.Mentions[mi].Type = "ORG"
			}
		}
	}
}

// companyKinds: lower-case nouns naming a kind of company or publication,
// written right before its name ("press distributor X", "news weekly X").
// Nouns also said of people ("publisher", "owner", "producer": "film
// producer Jo Bloggs") are not among them.
var companyKinds = set("company", "firm", "group", "newspaper", "daily", "weekly", "magazine", "agency",
	"distributor", "maker", "manufacturer", "retailer", "insurer", "airline", "bank", "brokerage",
	"conglomerate", "chain", "carmaker", "automaker", "broadcaster", "supermarket", "lender", "operator")

// pressKinds: nouns after a publication's name ("X daily said").
var pressKinds = set("daily", "weekly", "newspaper", "magazine", "agency")

// companyLikeName: a multi-word name the tagger read as a person may be a
// company's when its first word is no first name or initial and no word is
// an honorific or title ("Johnson Controls" is judged by the document's
// evidence; "Ann Smith" never).
func companyLikeName(ws []word) bool {
	f := strings.ToLower(ws[0].text)
	if isFirstName(f) || isInitialWord(ws[0].text) || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		l := strings.ToLower(w.text)
		if isHonorific(l) || titleHeads[l] || !firstUpper(w.text) {
			return false
		}
	}
	return true
}

// companyNouns: what a company has or sells ("X's shares", "shares in X").
var companyNouns = set("shares", "stake", "stock", "profits", "profit", "sales", "revenues", "revenue",
	"earnings", "shareholders", "subsidiary", "takeover", "customers", "products")
