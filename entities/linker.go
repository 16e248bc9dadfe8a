package entities

import (
	"context"
	"github.com/accord-news/accord/internal/unionfind"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/accord-news/accord"
)

// Linker is the corpus stage that groups the within-document chains of all
// documents into canonical entities (c.Entities) and sets every chained
// mention's EntityID.
//
// People are grouped by surname, then by compatible first names (equal, an
// initial, or a transliteration variant); chains that only ever use the
// surname join the surname's one full-name entity, or, when several people
// share the surname, each other. Other names are grouped on their
// normalised keys and on acronyms of their expansions.
type Linker struct{}

// NewCorpus returns the canonical-entity corpus stage.
func NewCorpus() *Linker { return &Linker{} }

// Name implements accord.CorpusStage.
func (*Linker) Name() string { return "entities" }

type chainNode struct {
	doc   *accord.Document
	chain int
	names []int // indices of name mentions
	all   []int // indices of all its mentions
	roles []int // indices into doc.Roles of roles held by the chain
	typ   string
	first string
	last  string
	keys  []string
	acr   string // acronym of a multi-word name
	// acrKey: the name key of the multi-word name acr spells
	acrKey string
	short  string // the name when it is itself an acronym
	order  int
	// country: the lexicon sense of the country the chain names ("UK",
	// "Britain"), 0 when none (countrySense).
	country uint32
	// nk: nameKey's value memoized for the type nkTyp
	nk, nkTyp string
	nkSet     bool
	// spun: the chain is a spun copy's garbled form of another document's
	// entity (alignSpun); its forms are aliases, never the entity's name.
	spun bool
	// drop: a spun copy's name that looks garbled but aligns with nothing
	// (alignSpun): left out of the entity list.
	drop bool
	// inSpun: the chain's document is a spun copy of another
	inSpun bool
}

// Analyze implements accord.CorpusStage.
func (*Linker) Analyze(ctx context.Context, c *accord.Corpus) error {
	var nodes []*chainNode
	for _, d := range c.Docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		byChain := map[int]*chainNode{}
		for mi := range d.Mentions {
			m := &d.Mentions[mi]
			m.EntityID = ""
			if m.Chain < 0 {
				continue
			}
			n := byChain[m.Chain]
			if n == nil {
				n = &chainNode{doc: d, chain: m.Chain, order: len(nodes)}
				byChain[m.Chain] = n
				nodes = append(nodes, n)
			}
			n.all = append(n.all, mi)
			if m.Kind == accord.MentionName {
				n.names = append(n.names, mi)
			}
		}
		for ri, r := range d.Roles {
			if r.Mention >= 0 && r.Mention < len(d.Mentions) {
				if n := byChain[d.Mentions[r.Mention].Chain]; n != nil {
					n.roles = append(n.roles, ri)
				}
			}
		}
		for _, n := range byChain {
			describe(n)
		}
	}
	spunDocs := map[string]bool{}
	for _, l := range c.Links {
		if l.Kind == accord.LinkSpun && l.From != l.To {
			spunDocs[l.From] = true
		}
	}
	for _, n := range nodes {
		n.inSpun = spunDocs[n.doc.ID]
	}
	// Union-find over nodes.
	parent := unionfind.New(len(nodes))
	find := parent.Find
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if ra < rb {
			parent[rb] = ra
		} else {
			parent[ra] = rb
		}
	}
	retypeBareNames(nodes)
	// People.
	bySurname := map[string][]int{}
	for i, n := range nodes {
		if n.typ == "PERSON" && n.last != "" {
			bySurname[n.last] = append(bySurname[n.last], i)
		}
	}
	for _, s := range sortedKeys(bySurname) {
		idx := bySurname[s]
		var full, bare []int
		for _, i := range idx {
			if nodes[i].first != "" {
				full = append(full, i)
			} else {
				bare = append(bare, i)
			}
		}
		// Full names: compatible first names, full-length names first so an
		// initial does not bridge two different people.
		sort.SliceStable(full, func(x, y int) bool {
			return len([]rune(nodes[full[x]].first)) > len([]rune(nodes[full[y]].first))
		})
		var reps []int // one representative per person
		for _, i := range full {
			joined := false
			for _, r := range reps {
				if firstCompatible(nodes[r].first, nodes[i].first) {
					union(r, i)
					joined = true
					break
				}
			}
			if !joined {
				reps = append(reps, i)
			}
		}
		for k := 1; k < len(bare); k++ {
			union(bare[0], bare[k])
		}
		if len(bare) > 0 && len(reps) == 1 {
			union(reps[0], bare[0])
		}
	}
	// A lone first name ("Antony") whose word is nobody's surname joins the
	// one person in the corpus with that first name.
	byFirst := map[string]map[int]bool{}
	hasFull := map[string]bool{}
	for i, n := range nodes {
		if n.typ == "PERSON" && n.first != "" {
			if byFirst[n.first] == nil {
				byFirst[n.first] = map[int]bool{}
			}
			byFirst[n.first][find(i)] = true
			hasFull[n.last] = true
		}
	}
	for i, n := range nodes {
		if n.typ != "PERSON" || n.first != "" || hasFull[n.last] || len([]rune(n.last)) < 3 {
			continue
		}
		if roots := byFirst[n.last]; len(roots) == 1 {
			for r := range roots {
				union(i, r)
			}
		}
	}
	// A one-word name the tagger typed OTHER that is the surname of exactly
	// one person in the corpus ("Smith" in "the Smith administration" beside
	// "Jane Smith") is that person. Only OTHER: an organization or place
	// named like a person ("Ford", "Jordan") keeps its own type.
	bySurnameRoot := map[string]map[int]bool{}
	for i, n := range nodes {
		if n.typ == "PERSON" && n.first != "" {
			if bySurnameRoot[n.last] == nil {
				bySurnameRoot[n.last] = map[int]bool{}
			}
			bySurnameRoot[n.last][find(i)] = true
		}
	}
	// The name must not be used as a non-person more often than the person
	// is named ("Tories" everywhere, one "South Downs Tories" person).
	otherUses := map[string]int{}
	personUses := map[string]int{}
	for _, n := range nodes {
		switch {
		case n.typ == "OTHER":
			otherUses[n.nameKey()]++
		case n.typ == "PERSON" && n.last != "":
			personUses[n.last]++
		}
	}
	for i, n := range nodes {
		if n.typ != "OTHER" {
			continue
		}
		w := n.nameKey()
		if w == "" || strings.ContainsAny(w, " -") || demonymLike(w) || otherUses[w] > personUses[w] {
			continue
		}
		if roots := bySurnameRoot[w]; len(roots) == 1 {
			for r := range roots {
				union(r, i)
			}
		}
	}
	sortNamesakes(nodes)
	// Other names: shared keys and acronyms.
	byKey := map[string]int{}
	byAcr := map[string][]int{}
	for i, n := range nodes {
		if n.typ == "PERSON" {
			continue
		}
		for _, k := range n.keys {
			k = n.typ + "|" + k
			if j, ok := byKey[k]; ok {
				union(i, j)
			} else {
				byKey[k] = i
			}
		}
		if n.acr != "" {
			byAcr[n.acr] = append(byAcr[n.acr], i)
		}
	}
	// A name the tagger typed two ways ("US" as GPE and as ORG, "Google" as
	// ORG and GPE) is one entity when one type clearly dominates (two thirds
	// of its chains).
	byShort := map[string][]int{}
	for i, n := range nodes {
		k := n.nameKey()
		if k != "" {
			byShort[k] = append(byShort[k], i)
		}
	}
	for _, sh := range sortedKeys(byShort) {
		idx := byShort[sh]
		types := map[string]int{}
		for _, i := range idx {
			types[nodes[i].typ]++
		}
		top := 0
		for _, c := range types {
			if c > top {
				top = c
			}
		}
		if len(types) > 1 && 3*top >= 2*len(idx) && !placeAndNamesake(types, sh) {
			for _, i := range idx[1:] {
				union(idx[0], i)
			}
		}
	}
	// A one-word name and its dominant longer form across the corpus
	// ("Apple" and "Apple Computer", when other "Apple ..." names are rare).
	// Not for places: a place's first word names another place or nothing
	// ("Manchester" and "Manchester United", "New" and "New York"), nor for
	// a country ("Japan" and "Japan Airlines").
	ext := map[string]map[string]int{} // typ|x -> typ|x y... -> nodes
	for _, n := range nodes {
		if n.typ == "PERSON" || n.typ == "GPE" || n.typ == "LOC" || n.typ == "NORP" || n.country != 0 {
			continue
		}
		for _, k := range n.keys {
			if sp := strings.IndexByte(k, ' '); sp > 0 {
				short := n.typ + "|" + k[:sp]
				if ext[short] == nil {
					ext[short] = map[string]int{}
				}
				ext[short][n.typ+"|"+k]++
			}
		}
	}
	for _, short := range sortedKeys(ext) {
		j, ok := byKey[short]
		if !ok {
			continue
		}
		// A word the corpus mostly uses as a place on its own is not the
		// short form of an organisation named after it ("Manchester" and
		// "Manchester United").
		places, others := 0, 0
		for _, i := range byShort[short[strings.IndexByte(short, '|')+1:]] {
			switch nodes[i].typ {
			case "GPE", "LOC":
				places++
			default:
				others++
			}
		}
		if places >= others {
			continue
		}
		total, best, bc := 0, "", 0
		for _, k := range sortedKeys(ext[short]) {
			c := ext[short][k]
			total += c
			if c > bc {
				best, bc = k, c
			}
		}
		if bc >= 2 && float64(bc) >= 0.6*float64(total) {
			union(j, byKey[best])
		}
	}
	// The expansions that fit an acronym depend on the acronym only, and once
	// they are one entity they stay one (unions never split): both are
	// computed once per acronym, not once per acronym node (a common acronym
	// has thousands of nodes and of expansions).
	fitting := map[string][]int{}
	oneEntity := map[string]bool{}
	for i, n := range nodes {
		if n.typ == "PERSON" || n.short == "" {
			continue
		}
		js, done := fitting[n.short]
		if !done {
			for _, j := range byAcr[n.short] {
				if acronymFits(n.short, nodes[j].typ, nodes[j].acrKey) {
					js = append(js, j)
				}
			}
			fitting[n.short] = js
		}
		if len(js) > 0 {
			// Only an unambiguous expansion: all candidates already one entity.
			ok := oneEntity[n.short]
			if !ok {
				r := find(js[0])
				ok = true
				for _, j := range js[1:] {
					if find(j) != r {
						ok = false
						break
					}
				}
				oneEntity[n.short] = ok
			}
			if ok {
				union(i, js[0])
			}
		}
	}
	linkCountries(nodes, find, union)
	linkCutNames(nodes, find, union)
	// Names garbled in spun copies join their originals' entities.
	alignSpun(c, nodes, find, union)
	// Build entities, ordered by first appearance.
	groups := map[int][]*chainNode{}
	var roots []int
	for i, n := range nodes {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], n)
	}
	c.Entities = c.Entities[:0]
	for _, r := range roots {
		g := groups[r]
		hasName := false
		for _, n := range g {
			if len(n.names) > 0 && !n.drop {
				hasName = true
			}
		}
		if !hasName {
			continue
		}
		id := "E" + strconv.Itoa(len(c.Entities)+1)
		c.Entities = append(c.Entities, buildEntity(id, g))
	}
	normalizeRoleOrgs(c)
	return nil
}

// normalizeRoleOrgs replaces a role's organization as written by the
// canonical name of the entity it names in that document ("US" -> "United
// States"), and a nationality by the corpus's country of that name
// ("Russian" -> "Russia"), then merges roles that became equal.
func normalizeRoleOrgs(c *accord.Corpus) {
	names := map[string]string{} // entity id -> name
	var gpes []string
	for _, e := range c.Entities {
		names[e.ID] = e.Name
		if e.Type == "GPE" {
			gpes = append(gpes, e.Name)
		}
	}
	byText := map[string]string{} // doc \x00 text -> entity name
	for _, d := range c.Docs {
		for _, m := range d.Mentions {
			if m.Kind == accord.MentionName && m.EntityID != "" {
				byText[d.ID+"\x00"+m.Text] = names[m.EntityID]
			}
		}
	}
	norm := func(org string, docs []string) string {
		for _, d := range docs {
			if n, ok := byText[d+"\x00"+org]; ok && n != "" {
				org = n
				break
			}
		}
		if !strings.Contains(org, " ") && demonymLike(strings.ToLower(org)) {
			lo := strings.ToLower(org)
			best := ""
			for _, g := range gpes {
				lg := strings.ToLower(g)
				if len(lg) < 4 || strings.Contains(lg, " ") {
					continue
				}
				if strings.HasPrefix(lo, lg) || strings.HasPrefix(lo, lg[:len(lg)-1]) && len(lo) > len(lg) {
					if len(g) > len(best) {
						best = g
					}
				}
			}
			if best != "" {
				org = best
			}
		}
		return org
	}
	for ei := range c.Entities {
		e := &c.Entities[ei]
		if len(e.Roles) == 0 {
			continue
		}
		type key struct{ role, org string }
		merged := map[key]map[string]bool{}
		for _, r := range e.Roles {
			org := ""
			if r.Organization != nil {
				org = norm(*r.Organization, r.Documents)
			}
			k := key{r.Role, org}
			if merged[k] == nil {
				merged[k] = map[string]bool{}
			}
			for _, d := range r.Documents {
				merged[k][d] = true
			}
		}
		var keys []key
		for k := range merged {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if keys[i].role != keys[j].role {
				return keys[i].role < keys[j].role
			}
			return keys[i].org < keys[j].org
		})
		e.Roles = e.Roles[:0]
		for _, k := range keys {
			r := accord.Role{Role: k.role, Documents: sortedKeys(merged[k])}
			if k.org != "" {
				o := k.org
				r.Organization = &o
			}
			e.Roles = append(e.Roles, r)
		}
	}
}

// nameKey is the chain's one normalised name when all its names share it
// (any type), else "".
func (n *chainNode) nameKey() string {
	if n.nkSet && n.nkTyp == n.typ {
		return n.nk
	}
	n.nk, n.nkTyp, n.nkSet = n.computeNameKey(), n.typ, true
	return n.nk
}

func (n *chainNode) computeNameKey() string {
	k := ""
	for _, mi := range n.names {
		nk := NormKey(n.doc.Mentions[mi].Text)
		if n.typ == "PERSON" {
			nk = strings.Join(strings.Fields(strings.ToLower(n.doc.Mentions[mi].Text)), " ")
		}
		if k != "" && nk != k {
			return ""
		}
		k = nk
	}
	return k
}

func sortedKeys[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// describe fills a chain's type, person name parts, keys and acronyms from
// its name mentions.
func describe(n *chainNode) {
	d := n.doc
	types := map[string]int{}
	for _, mi := range n.names {
		types[d.Mentions[mi].Type]++
	}
	best, bc := "", -1
	for _, t := range sortedKeys(types) {
		if types[t] > bc {
			best, bc = t, types[t]
		}
	}
	n.typ = best
	// A chain naming a country is the country (GPE), whatever the tagger
	// made of its metonymic uses ("the UK said": ORG); a region typed LOC
	// stays LOC.
	// A chain that also holds a longer name made of the country's name and
	// other words is an organisation named after the country ("Japan
	// Airlines", "UK Athletics"), not the country.
	if best == "ORG" || best == "GPE" {
		for _, mi := range n.names {
			if cs := countryNameSense(d.Mentions[mi].Text); cs != 0 {
				n.country, n.typ = cs, "GPE"
				break
			}
		}
		if n.country != 0 && holdsNamedAfterCountry(d, n.names) {
			n.country, n.typ = 0, best
		}
	}
	seen := map[string]bool{}
	for _, mi := range n.names {
		m := d.Mentions[mi]
		if n.typ == "PERSON" {
			f, l, _ := personName(m.Text)
			if l == "" {
				continue
			}
			if n.last == "" || (f != "" && n.first == "") {
				n.last = l
			}
			if len([]rune(f)) > len([]rune(n.first)) {
				n.first, n.last = f, l
			}
			continue
		}
		k := NormKey(m.Text)
		if k != "" && !seen[k] {
			seen[k] = true
			n.keys = append(n.keys, k)
		}
		_ = mi
		if a := Acronym(m.Text); a != "" && n.acr == "" {
			n.acr, n.acrKey = a, k
		}
		if s := isAcronym(m.Text); s != "" && n.short == "" {
			n.short = s
		}
	}
	// A one-word short form joined to a longer name within the document
	// ("Apple" after "Apple Computer") is no evidence across documents.
	if len(n.keys) > 1 {
		kept := n.keys[:0]
		for _, k := range n.keys {
			short := false
			if !strings.Contains(k, " ") {
				for _, o := range n.keys {
					if strings.HasPrefix(o, k+" ") {
						short = true
					}
				}
			}
			if !short {
				kept = append(kept, k)
			}
		}
		n.keys = kept
	}
}

// retypeBareNames: a one-word name the tagger calls a person in some
// documents, that the corpus never gives with a first name, and that other
// documents type as an organisation or a place at least half as often, is
// not a person: its person chains take the dominant of those two types
// (ties: ORG). A football club the tagger reads as a person in match
// reports, a company read as a surname.
func retypeBareNames(nodes []*chainNode) {
	// A name the corpus spells out before its acronym ("X Y Z (XYZ)", one
	// chain holding both) names that organisation wherever the tagger reads
	// it as a person (three unknown capitalised words).
	expanded := map[string]string{}
	for _, n := range nodes {
		if n.typ != "PERSON" && !n.spun && n.acr != "" && n.short == n.acr && strings.Contains(n.acrKey, " ") {
			expanded[n.acrKey] = n.typ
		}
	}
	for _, n := range nodes {
		if n.typ != "PERSON" || n.first == "" || len(expanded) == 0 {
			continue
		}
		for _, mi := range n.names {
			if t, ok := expanded[NormKey(n.doc.Mentions[mi].Text)]; ok {
				n.typ = t
				n.first, n.last = "", ""
				rekey(n)
				break
			}
		}
	}
	full := map[string]bool{}
	type uses struct{ person, org, gpe int }
	by := map[string]*uses{}
	for _, n := range nodes {
		if n.spun {
			continue
		}
		if n.typ == "PERSON" && n.first != "" {
			full[n.last] = true
			continue
		}
		k := n.nameKey()
		if k == "" || strings.Contains(k, " ") {
			continue
		}
		u := by[k]
		if u == nil {
			u = &uses{}
			by[k] = u
		}
		switch n.typ {
		case "PERSON":
			u.person++
		case "ORG":
			u.org++
		case "GPE":
			u.gpe++
		}
	}
	for _, n := range nodes {
		if n.typ != "PERSON" || n.first != "" || n.spun || full[n.last] {
			continue
		}
		k := n.nameKey()
		u := by[k]
		if u == nil || u.person == 0 || 2*(u.org+u.gpe) < u.person {
			continue
		}
		n.typ = "ORG"
		if u.gpe > u.org {
			n.typ = "GPE"
		}
		// the person's name parts become the keys other names link on
		n.first, n.last = "", ""
		rekey(n)
	}
	// A one-word name typed as a place that the lexicon does not know as a
	// place, that the corpus also types as an organisation in at least a
	// third as many chains (two at least, unless the lexicon knows it as an
	// organization), or writes with a company suffix
	// ("X Corp"),
	// is an organisation: a company the tagger reads as a place.
	company := map[string]bool{}
	for _, n := range nodes {
		for _, mi := range n.names {
			f := strings.Fields(strings.ToLower(n.doc.Mentions[mi].Text))
			if len(f) == 2 && corpSuffixes[strings.Trim(f[1], ",")] {
				company[NormKey(f[0])] = true
			}
		}
	}
	for _, n := range nodes {
		if n.typ != "GPE" || n.spun || n.country != 0 {
			continue
		}
		k := n.nameKey()
		u := by[k]
		if u == nil || strings.ContainsAny(k, " -") || !company[k] && (3*u.org < u.gpe || u.org < 2 && !isOrgWord(k)) || isPlaceWord(k) {
			continue
		}
		n.typ = "ORG"
	}
}

// placeAndNamesake: the chains of one name are typed only as an
// organisation and as a place, and the lexicon (one word) or the tagger's
// gazetteer (any length) knows the name as a place (a city, a state, not a
// country: a country's chains are all GPE by now). The
// tagger tells the two apart by context ("Northport 4 Eastvale 3", "beat
// Westford" vs "in Northport"), and they are two things: the club or
// institution named after the place, and the place. Merging them by the
// majority gave every mention of the minority the other's type.
func placeAndNamesake(types map[string]int, key string) bool {
	if types["ORG"] == 0 || types["GPE"]+types["LOC"] == 0 || types["ORG"]+types["GPE"]+types["LOC"] != sumCounts(types) {
		return false
	}
	if isPlaceWord(key) {
		return true
	}
	m, _ := DefaultModel()
	return m != nil && m.gaz != nil && m.gaz.entries[key]&(1<<clsLOC) != 0
}

// sortNamesakes: the tagger types a place and its club per document, and
// a document about the place sometimes reads it as an organisation
// ("a Westshire company", "a meeting in Millbrook, Westshire") or the
// club as the place ("the Eastvale prop", "Northport v Eastvale"). A chain whose
// own mentions say the other thing, and more often than they say its own
// type, joins the other group and takes its type. Place evidence: "in",
// "near", "from" … before it (not "stake in"), "Town, X", "X, Country", a
// lower-case noun after it that is no club role ("Westshire athlete", "Northport
// neighbourhood"). Club evidence: "v"/"vs" beside it, a score after it,
// "beat"/"against"/"face" … before it, a club role after it ("Eastvale
// centre", "Northport boss").
func sortNamesakes(nodes []*chainNode) {
	byShort := map[string][]int{}
	for i, n := range nodes {
		if k := n.nameKey(); k != "" {
			byShort[k] = append(byShort[k], i)
		}
	}
	for _, sh := range sortedKeys(byShort) {
		idx := byShort[sh]
		types := map[string]int{}
		placeTyp := ""
		for _, i := range idx {
			types[nodes[i].typ]++
			if t := nodes[i].typ; placeTyp == "" && (t == "GPE" || t == "LOC") {
				placeTyp = t
			}
		}
		if len(types) > 1 && placeAndNamesake(types, sh) {
			sortNamesakeChains(nodes, idx, placeTyp)
		}
	}
}

func sortNamesakeChains(nodes []*chainNode, idx []int, placeTyp string) {
	for _, i := range idx {
		n := nodes[i]
		place, club := 0, 0
		for _, mi := range n.names {
			p, c := namesakeCues(n.doc.Text, n.doc.Mentions[mi].Span)
			place += p
			club += c
		}
		switch {
		case n.typ == "ORG" && place > club:
			n.typ = placeTyp
		case (n.typ == "GPE" || n.typ == "LOC") && club > place:
			n.typ = "ORG"
		}
	}
}

var (
	placePreps = set("in", "near", "from", "outside", "across", "throughout", "around")
	clubVerbs  = set("beat", "beating", "beats", "against", "face", "faces", "facing", "versus", "v", "vs", "v.", "vs.",
		"host", "hosts", "hosting", "entertain", "entertains", "play", "plays", "playing", "joined", "join")
	clubBefore = set("side", "club", "team", "champions", "leaders", "rivals", "outfit")
	clubFor    = set("played", "plays", "playing", "signed", "signs", "signing", "scored", "scores", "scoring")
	auxWords   = set("has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "can", "may",
		"might", "must", "shall", "should", "did", "does", "do", "said", "won", "lost", "beat", "drew", "and", "or", "but", "also", "then", "now")
	// clubRoles: what a club has ("Eastvale centre", "Northport boss").
	clubRoles = set("boss", "manager", "coach", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger",
		"wing", "captain", "skipper", "centre", "prop", "fly-half", "scrum-half", "lock", "flanker", "hooker",
		"full-back", "forward", "side", "squad", "team", "fans", "supporters", "chairman", "player", "players",
		"director", "star", "academy", "youngster", "team-mate", "teammate", "debut", "number", "no", "batsman",
		"bowler", "spinner", "opener", "all-rounder", "quarterback", "pitcher", "outfielder", "shortstop",
		"assistant", "president", "owner", "legend", "hero", "target", "trainer", "physio", "official", "officials")
)

// namesakeCues counts place and club evidence around one mention.
func namesakeCues(text string, sp accord.Span) (place, club int) {
	prev, before := prevWords(text, sp.Start)
	third := ""
	if _, j := wordBefore(text, sp.Start); j > 0 {
		if _, k := wordBefore(text, j); k > 0 {
			third, _ = wordBefore(text, k)
		}
	}
	next, after := nextWords(text, sp.End)
	lp, ln := strings.ToLower(prev), strings.ToLower(next)
	switch {
	case placePreps[lp] && !companyNouns[strings.ToLower(before)]:
		place++
	case prev == "," && firstUpper(before) && placePreps[strings.ToLower(third)] && (next == "" || next == "." || next == "," || !firstUpper(next)):
		place++ // "in Millbrook, Westshire" (not a list "Northport, X and Y")
	case clubVerbs[lp] || clubBefore[lp] || (lp == "for" && clubFor[strings.ToLower(before)]):
		club++ // "beat X", "side X", "played for X"
	}
	switch {
	case next == "," && firstUpper(after) && (countrySense(after) != 0 || isPlaceWord(strings.ToLower(after))):
		place++ // "Cannes, France"
	case clubVerbs[ln] || (allDigits(next) && len(next) <= 3): // a score, not a date
		club++
	case clubRoles[ln]:
		club++
	case next != "" && next == ln && len(ln) > 2 && !edgeWords[ln] && !pronounWords[ln] && !auxWords[ln] &&
		!strings.HasSuffix(ln, "ed") && !strings.HasSuffix(ln, "s") && // a verb: "X tied", "X wins"
		(senseUnder(ln, "person") || senseUnder(ln, "org") || senseUnder(ln, "loc")):
		place++ // "Westshire company", "Westshire athlete", "Northport neighbourhood"
	}
	return place, club
}

// prevWords returns the word (or punctuation mark) before offset i and the
// one before that.
func prevWords(text string, i int) (string, string) {
	w1, j := wordBefore(text, i)
	w2, _ := wordBefore(text, j)
	return w1, w2
}

func wordBefore(text string, i int) (string, int) {
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\n' || text[i-1] == '\t') {
		i--
	}
	j := i
	for j > 0 && isWordByte(text[j-1]) {
		j--
	}
	if j == i && i > 0 {
		j = i - 1 // a punctuation mark
	}
	return text[j:i], j
}

// nextWords returns the word (or punctuation mark) after offset i and the
// one after that.
func nextWords(text string, i int) (string, string) {
	w1, j := wordAfter(text, i)
	w2, _ := wordAfter(text, j)
	return w1, w2
}

func wordAfter(text string, i int) (string, int) {
	for i < len(text) && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
		i++
	}
	j := i
	for j < len(text) && isWordByte(text[j]) {
		j++
	}
	if j == i && i < len(text) {
		j = i + 1
	}
	return text[i:j], j
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b >= 0x80
}

func sumCounts(m map[string]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

// holdsNamedAfterCountry: one of the names is a multi-word name that is not
// itself a country but has a country's name as one of its words ("Japan
// Airlines", "Bank of England"); a state's long name ("Russian
// Federation", "Republic of Ireland") does not count.
// rekey gives a chain read as a person the name keys of another type.
func rekey(n *chainNode) {
	n.keys = nil
	n.nkSet = false
	for _, mi := range n.names {
		if nk := NormKey(n.doc.Mentions[mi].Text); nk != "" && (len(n.keys) == 0 || n.keys[0] != nk) {
			n.keys = append(n.keys, nk)
		}
	}
}

func holdsNamedAfterCountry(d *accord.Document, names []int) bool {
	for _, mi := range names {
		t := d.Mentions[mi].Text
		f := strings.Fields(t)
		if len(f) < 2 || countryNameSense(t) != 0 {
			continue
		}
		state := false
		for _, w := range f {
			if stateHeads[strings.ToLower(w)] {
				state = true
			}
		}
		if state {
			continue
		}
		for _, w := range f {
			if countrySense(strings.Trim(w, ",.;:'’")) != 0 {
				return true
			}
		}
	}
	return false
}

func buildEntity(id string, g []*chainNode) accord.Entity {
	forms := map[string]int{}
	types := map[string]int{}
	// forms and types of chains garbled in spun copies, used only when the
	// entity has no other
	spunForms := map[string]int{}
	spunTypes := map[string]int{}
	type roleKey struct{ role, org string }
	roleDocs := map[roleKey]map[string]bool{}
	var refs []accord.SpanRef
	// forms written in documents that are not spun copies
	plainForms := map[string]bool{}
	for _, n := range g {
		d := n.doc
		for _, mi := range n.all {
			m := &d.Mentions[mi]
			m.EntityID = id
			if m.Kind != accord.MentionName {
				continue
			}
			// The chain's type (its mentions' majority, corrected by the
			// linker: a country, a bare name the corpus uses as an
			// organisation) counts for each of its names.
			if !n.inSpun {
				plainForms[m.Text] = true
			}
			if n.spun {
				spunForms[m.Text]++
				spunTypes[n.typ]++
			} else {
				forms[m.Text]++
				types[n.typ]++
			}
			refs = append(refs, accord.SpanRef{Document: d.ID, Start: m.Start, End: m.End, Text: m.Text})
		}
		for _, ri := range n.roles {
			r := d.Roles[ri]
			k := roleKey{r.Role, r.Organization}
			if roleDocs[k] == nil {
				roleDocs[k] = map[string]bool{}
			}
			roleDocs[k][d.ID] = true
		}
	}
	var spunOnly []string
	if len(forms) == 0 {
		forms, types = spunForms, spunTypes
	} else {
		for f := range spunForms {
			if forms[f] == 0 {
				spunOnly = append(spunOnly, f)
			}
		}
		// A long form only spun copies write that does not spell the
		// entity's acronym ("Organisation for Safety and also Teamwork in
		// Europe (OSCE)", read as the acronym's name) is a garble too, when
		// the entity is named elsewhere. Other forms only spun copies write
		// ("USA") are names in use.
		shorts := map[string]bool{}
		for _, n := range g {
			if n.short != "" {
				shorts[n.short] = true
			}
		}
		if len(plainForms) > 0 && len(shorts) > 0 {
			for f := range forms {
				if !plainForms[f] && spunForms[f] == 0 && strings.Contains(f, " ") && !shorts[Acronym(f)] {
					spunOnly = append(spunOnly, f)
				}
			}
		}
		sort.Strings(spunOnly)
	}
	aliases := map[string]int{}
	for f, k := range forms {
		aliases[f] += k
	}
	for f, k := range spunForms {
		aliases[f] += k
	}
	e := accord.Entity{ID: id, Aliases: sortedKeys(aliases), SpunAliases: spunOnly, Mentions: refs}
	bt, bc := "", -1
	for _, t := range sortedKeys(types) {
		if types[t] > bc {
			bt, bc = t, types[t]
		}
	}
	e.Type = bt
	// A country is a GPE, also where it acts ("the UK said", tagged ORG).
	for _, n := range g {
		if n.country != 0 && !n.spun {
			e.Type = "GPE"
		}
	}
	// A person named in full somewhere is a person, whatever the tagger made
	// of a bare surname elsewhere ("the Smith administration").
	for _, n := range g {
		if n.typ == "PERSON" && n.first != "" && !n.spun {
			e.Type = "PERSON"
		}
	}
	e.Name = canonicalName(forms)
	// A rare long form does not name an entity written short almost
	// everywhere ("France" 30 times, "French Republic" once); people keep
	// their full names.
	if e.Type != "PERSON" {
		best, bc := "", 0
		for _, f := range sortedKeys(forms) {
			if !strings.Contains(strings.TrimSpace(f), " ") && forms[f] > bc {
				best, bc = f, forms[f]
			}
		}
		if bc > 4*forms[e.Name] {
			e.Name = best
		}
	}
	sort.SliceStable(e.Mentions, func(i, j int) bool {
		a, b := e.Mentions[i], e.Mentions[j]
		if a.Document != b.Document {
			return a.Document < b.Document
		}
		return a.Start < b.Start
	})
	var rks []roleKey
	for k := range roleDocs {
		rks = append(rks, k)
	}
	sort.Slice(rks, func(i, j int) bool {
		if rks[i].role != rks[j].role {
			return rks[i].role < rks[j].role
		}
		return rks[i].org < rks[j].org
	})
	for _, k := range rks {
		var docs []string
		for dd := range roleDocs[k] {
			docs = append(docs, dd)
		}
		sort.Strings(docs)
		r := accord.Role{Role: k.role, Documents: docs}
		if k.org != "" {
			o := k.org
			r.Organization = &o
		}
		e.Roles = append(e.Roles, r)
	}
	return e
}

// canonicalName picks the most complete frequent form: among multi-word
// forms (if any), the most frequent; ties go to the longer, then the
// lexicographically first.
func canonicalName(forms map[string]int) string {
	multi := false
	for f := range forms {
		if strings.Contains(strings.TrimSpace(f), " ") {
			multi = true
		}
	}
	best, bc := "", -1
	for _, f := range sortedKeys(forms) {
		if multi && !strings.Contains(strings.TrimSpace(f), " ") {
			continue
		}
		c := forms[f]
		if c > bc || (c == bc && len(f) > len(best)) {
			best, bc = f, c
		}
	}
	return best
}

// linkCountries joins the chains that name one country: the same lexicon
// sense ("UK", "Britain"), and any other organization/place chain
// that shares a name key with a country's chain ("United Kingdom" typed ORG
// in a document that never writes "UK").
func linkCountries(nodes []*chainNode, find func(int) int, union func(a, b int)) {
	byCountry := map[uint32]int{}
	keyCountry := map[string]int{}
	for i, n := range nodes {
		if n.country == 0 || n.spun {
			continue
		}
		if j, ok := byCountry[n.country]; ok {
			union(i, j)
		} else {
			byCountry[n.country] = i
		}
		for _, k := range n.keys {
			if _, ok := keyCountry[k]; !ok {
				keyCountry[k] = i
			}
		}
	}
	for i, n := range nodes {
		if n.country != 0 || n.spun || (n.typ != "ORG" && n.typ != "GPE" && n.typ != "LOC") {
			continue
		}
		for _, k := range n.keys {
			if j, ok := keyCountry[k]; ok {
				union(i, j)
				break
			}
			// "Italian Republic": the state named by its demonym, when
			// the corpus has exactly one country that demonym derives from.
			if f := strings.Fields(k); len(f) == 2 && stateHeads[f[1]] && demonymLike(f[0]) {
				j := -1
				for ck, ci := range keyCountry {
					if !strings.Contains(ck, " ") && demonymOf(f[0], ck) {
						ci = find(ci)
						if j >= 0 && j != ci {
							j = -2
							break
						}
						j = ci
					}
				}
				if j >= 0 {
					union(i, j)
					break
				}
			}
		}
	}
}

var stateHeads = set("federation", "republic", "kingdom", "confederation", "commonwealth")

// demonymOf: the demonym is the country's name with a suffix ("italian" of
// "italy", "swedish" of "sweden"), as normalizeRoleOrgs reads it.
func demonymOf(dem, country string) bool {
	if len(country) < 4 {
		return false
	}
	return strings.HasPrefix(dem, country) || (strings.HasPrefix(dem, country[:len(country)-1]) && len(dem) > len(country))
}

// linkCutNames joins a multi-word name the tagger cut short to the longer
// name the corpus has, when the document's text goes on with the missing
// words ("Council for Trade and Development | in Asia meeting").
func linkCutNames(nodes []*chainNode, find func(int) int, union func(a, b int)) {
	keyNode := map[string]int{}
	for i, n := range nodes {
		if n.typ == "PERSON" || n.spun {
			continue
		}
		for _, k := range n.keys {
			if _, ok := keyNode[k]; !ok {
				keyNode[k] = i
			}
		}
	}
	for i, n := range nodes {
		if n.typ == "PERSON" || n.spun {
			continue
		}
		// Every name of the chain must go on into the same longer name:
		// a chain that also stands alone ("Far East") is its own entity.
		target := -1
		for _, mi := range n.names {
			m := n.doc.Mentions[mi]
			k := NormKey(m.Text)
			found := -1
			if strings.Contains(k, " ") {
				rest := followingWords(n.doc.Text, m.End, 4)
				for w := 1; w <= len(rest) && found < 0; w++ {
					rk := NormKey(strings.Join(rest[:w], " "))
					if rk == "" {
						break
					}
					if j, ok := keyNode[k+" "+rk]; ok && find(j) != find(i) {
						found = find(j)
					}
				}
			}
			if found < 0 || (target >= 0 && found != target) {
				target = -1
				break
			}
			target = found
		}
		// A place cut from a longer name of another type ("New York" |
		// "Marathon") stays apart: the cut chain is also linked to the
		// place itself, and would merge the two.
		if target >= 0 && (nodes[target].typ == n.typ || (n.typ != "GPE" && n.typ != "LOC")) {
			union(i, target)
		}
	}
}

// followingWords returns up to max words of text after byte offset end,
// stopping after a word that carries punctuation other than a hyphen.
func followingWords(text string, end, max int) []string {
	if end < 0 || end >= len(text) {
		return nil
	}
	tail := text[end:]
	if len(tail) > 120 {
		tail = tail[:120]
	}
	var out []string
	for _, w := range strings.Fields(tail) {
		if len(out) == max {
			break
		}
		out = append(out, w)
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) >= 0 {
			break
		}
	}
	return out
}
