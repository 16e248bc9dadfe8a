package entities

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
)

// Names garbled in machine-spun copies. A spinner rewrites words by
// synonyms and sometimes rewrites names as well ("Fisher" ->
// "Angler", "Stone" -> "Rock"). For each spun_copy link (from the copy
// to its original, set by the copies stage), a person or organization chain
// of the copy that no other document names is aligned with a chain of the
// original that the copy does not name, by
//   - the name's words: equal or related in WordNet word by word (the
//     spinner's substitution), first name with first name, surname with
//     surname;
//   - the words around the mentions: the content words of their sentences,
//     equal or related;
//   - the roles given to both (same head noun: "minister").
//
// A pair that is each other's best and clears the thresholds is one entity;
// the copy's chain is marked, so that its forms are aliases of the entity
// but never its name or type. Only the two documents of a spun_copy link
// are aligned this way: names of independent documents are never merged by
// context.

// spunMinContext is the number of context words (equal or related) the best
// pair of mention sentences must share, by how much of the name agrees.
const (
	spunCtxFullName = 2 // every name word equal or related
	spunCtxPartName = 3 // some name word equal or related
	spunCtxNoName   = 5 // no name word agrees: needs a shared role head too
)

type spunCand struct {
	x, y  int // node indices: copy, original
	score float64
}

// alignSpun unions garbled copy chains with their originals' chains and
// marks them spun.
func alignSpun(c *accord.Corpus, nodes []*chainNode, find func(int) int, union func(a, b int)) {
	var links []accord.Link
	for _, l := range c.Links {
		if l.Kind == accord.LinkSpun && l.From != l.To {
			links = append(links, l)
		}
	}
	if len(links) == 0 {
		return
	}
	byDoc := map[string][]int{}
	for i, n := range nodes {
		byDoc[n.doc.ID] = append(byDoc[n.doc.ID], i)
	}
	// documents of each group
	groupDocs := map[int]map[string]bool{}
	for i, n := range nodes {
		r := find(i)
		if groupDocs[r] == nil {
			groupDocs[r] = map[string]bool{}
		}
		groupDocs[r][n.doc.ID] = true
	}
	rel := newRelMemo()
	var widx *nameIndex
	wordIndex := func() *nameIndex {
		if widx == nil {
			widx = newNameIndex(nodes)
		}
		return widx
	}
	ctxCache := map[int][]map[string]bool{}
	ctxOf := func(i int) []map[string]bool {
		if cx, ok := ctxCache[i]; ok {
			return cx
		}
		cx := mentionContexts(nodes[i])
		ctxCache[i] = cx
		return cx
	}
	for _, l := range links {
		xs, ys := byDoc[l.From], byDoc[l.To]
		if len(xs) == 0 || len(ys) == 0 {
			continue
		}
		var cands []spunCand
		for _, x := range xs {
			nx := nodes[x]
			if len(nx.names) == 0 || !alignable(nx.typ) || len(groupDocs[find(x)]) != 1 {
				continue // named elsewhere too: not garbled
			}
			for _, y := range ys {
				ny := nodes[y]
				if len(ny.names) == 0 || !sameKind(nx.typ, ny.typ) || groupDocs[find(y)][l.From] {
					continue // the copy names the original's entity as written
				}
				if s, ok := spunScore(nx, ny, ctxOf(x), ctxOf(y), rel); ok {
					cands = append(cands, spunCand{x, y, s})
				}
			}
		}
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
		usedX, usedY := map[int]bool{}, map[int]bool{}
		for _, cd := range cands {
			// one-to-one, each pair the other's best
			if usedX[cd.x] || usedY[cd.y] {
				continue
			}
			usedX[cd.x], usedY[cd.y] = true, true
			union(cd.y, cd.x)
			nodes[cd.x].spun = true
		}
		// A name only this copy gives that was not aligned but looks
		// garbled is left out rather than listed as an entity of its own.
		for _, x := range xs {
			nx := nodes[x]
			if usedX[x] || nx.spun || len(nx.names) == 0 || len(groupDocs[find(x)]) != 1 {
				continue
			}
			if garbledPerson(nx) || garbledLike(nx, wordIndex(), rel) {
				nx.drop = true
			}
		}
	}
}

// garbledPerson: a person the copy names by one word only, written right
// before a capitalised word that is no name ("Ned Cost said": the spinner
// rewrote the surname into a common word, which the tagger left out).
func garbledPerson(n *chainNode) bool {
	if n.typ != "PERSON" {
		return false
	}
	d := n.doc
	for _, mi := range n.names {
		if strings.ContainsAny(strings.TrimSpace(d.Mentions[mi].Text), " -") {
			return false
		}
	}
	for _, mi := range n.names {
		m := d.Mentions[mi]
		rest := d.Text[m.End:]
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			continue
		}
		w := strings.TrimRight(f[0], ".,;:!?\"'’”)")
		r, _ := utf8.DecodeRuneInString(w)
		if w == "" || !unicode.IsUpper(r) || isAcronym(w) != "" || inMention(d, m.End+1+strings.Index(rest[1:], w)) {
			continue
		}
		l := strings.ToLower(w)
		if calendarWords[l] || isTitleWord(l) || functionWords[l] || acronymSkip[l] {
			continue
		}
		return true
	}
	return false
}

// inMention: a name mention of d covers the byte offset.
func inMention(d *accord.Document, off int) bool {
	for _, m := range d.Mentions {
		if m.Kind == accord.MentionName && m.Start <= off && off < m.End {
			return true
		}
	}
	return false
}

// nameIndex holds the distinct longest names of the corpus's chains (lower
// case, split into words), at most two documents each, and postings from a
// word at a position in a name of a length to the names written so: a
// garbled name is compared only with names of its own length that share a
// word in the same place, and each distinct name once, however many chains
// write it.
type nameIndex struct {
	words [][]string
	docs  [][2]*accord.Document
	post  map[string][]int32
}

func newNameIndex(nodes []*chainNode) *nameIndex {
	x := &nameIndex{post: map[string][]int32{}}
	ids := map[string]int32{}
	for _, n := range nodes {
		if len(n.names) == 0 {
			continue
		}
		name := strings.ToLower(longestName(n))
		id, ok := ids[name]
		if !ok {
			id = int32(len(x.words))
			ids[name] = id
			ws := strings.Fields(name)
			x.words = append(x.words, ws)
			x.docs = append(x.docs, [2]*accord.Document{n.doc, nil})
			for i, w := range ws {
				if !acronymSkip[w] {
					k := postKey(w, i, len(ws))
					x.post[k] = append(x.post[k], id)
				}
			}
			continue
		}
		if d := &x.docs[id]; d[1] == nil && d[0] != n.doc {
			d[1] = n.doc
		}
	}
	return x
}

func postKey(w string, i, n int) string {
	return w + "\x00" + strconv.Itoa(i) + "/" + strconv.Itoa(n)
}

// garbledLike: the chain's longest name has as many words as a name of
// another document, at least one word equal and every other word a
// different but related word ("State Division" beside "State Department"):
// a spinner's rewrite of that name that could not be aligned.
func garbledLike(n *chainNode, idx *nameIndex, rel *relMemo) bool {
	a := strings.Fields(strings.ToLower(longestName(n)))
	if len(a) < 2 {
		return false
	}
	seen := map[int32]bool{}
	for i, w := range a {
		if acronymSkip[w] {
			continue
		}
		for _, j := range idx.post[postKey(w, i, len(a))] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if d := idx.docs[j]; d[0] == n.doc && (d[1] == nil || d[1] == n.doc) {
				continue // only this document writes it
			}
			b := idx.words[j]
			if len(b) != len(a) {
				continue
			}
			eq, related := 0, 0
			for i := range a {
				switch {
				case a[i] == b[i]:
					eq++
				case !acronymSkip[a[i]] && !acronymSkip[b[i]] && rel.related(a[i], b[i]):
					related++
				}
			}
			if eq > 0 && related > 0 && eq+related == len(a) {
				return true
			}
		}
	}
	return false
}

func alignable(t string) bool { return t == "PERSON" || t == "ORG" }

func sameKind(a, b string) bool { return a == b }

// spunScore scores a copy chain x against an original chain y; ok is false
// when the evidence is too weak.
func spunScore(x, y *chainNode, cx, cy []map[string]bool, rel *relMemo) (float64, bool) {
	agree, words := nameAgreement(x, y, rel)
	ctx, frac := 0, 0.0
	for _, a := range cx {
		for _, b := range cy {
			n := overlap(a, b, rel)
			f := float64(n) / float64(max(1, min(len(a), len(b))))
			if n > ctx || n == ctx && f > frac {
				ctx, frac = n, f
			}
		}
	}
	role := sharedRoleHead(x, y)
	if x.typ != "PERSON" {
		// Other names: a one- or two-word name agrees in every word, a
		// longer one in all but one ("Subject Football League"), so that a
		// shared generic head ("... administration") is never enough.
		if words == 0 || agree < words && (words < 3 || agree < words-1) {
			return 0, false
		}
		if ctx < spunCtxPartName && agree < words || ctx < spunCtxFullName {
			return 0, false
		}
		return float64(agree) + float64(ctx) + frac, true
	}
	switch {
	case words > 0 && agree == words:
		if ctx < spunCtxFullName {
			return 0, false
		}
	case agree > 0:
		if ctx < spunCtxPartName || frac < 0.25 {
			return 0, false
		}
	default:
		if ctx < spunCtxNoName || frac < 0.4 || !role {
			return 0, false
		}
	}
	s := float64(agree) + float64(ctx) + frac
	if role {
		s += 2
	}
	return s, true
}

// nameAgreement compares the names of two chains word by word (people: first
// with first, surname with surname; others: the words of their longest
// names, when they have the same number of words) and returns how many of
// the compared words are equal or related, and how many were compared.
func nameAgreement(x, y *chainNode, rel *relMemo) (agree, words int) {
	if x.typ == "PERSON" {
		if x.last != "" && y.last != "" {
			words++
			if rel.related(x.last, y.last) {
				agree++
			}
		}
		if x.first != "" && y.first != "" {
			words++
			if firstCompatible(x.first, y.first) && len([]rune(x.first)) > 1 && len([]rune(y.first)) > 1 || rel.related(x.first, y.first) {
				agree++
			}
		}
		return agree, words
	}
	a, b := strings.Fields(strings.ToLower(longestName(x))), strings.Fields(strings.ToLower(longestName(y)))
	if len(a) != len(b) {
		return 0, 0
	}
	for i := range a {
		if acronymSkip[a[i]] && acronymSkip[b[i]] {
			continue
		}
		words++
		if rel.related(a[i], b[i]) {
			agree++
		}
	}
	return agree, words
}

func longestName(n *chainNode) string {
	best := ""
	for _, mi := range n.names {
		if t := n.doc.Mentions[mi].Text; len(t) > len(best) {
			best = t
		}
	}
	return best
}

// sharedRoleHead: both chains hold a role with the same head noun.
func sharedRoleHead(x, y *chainNode) bool {
	heads := map[string]bool{}
	for _, ri := range x.roles {
		heads[roleHead(x.doc.Roles[ri].Role)] = true
	}
	for _, ri := range y.roles {
		if h := roleHead(y.doc.Roles[ri].Role); h != "" && heads[h] {
			return true
		}
	}
	return false
}

// roleHead is the title head noun of a normalized role ("Envoy to the
// UN" -> "envoy", "Deputy Foreign Minister" -> "minister").
func roleHead(r string) string {
	f := strings.Fields(strings.ToLower(r))
	h := ""
	for _, w := range f {
		if connectors[w] || w == "to" || w == "at" || w == "in" {
			break
		}
		if titleHeads[w] {
			h = w
		}
	}
	return h
}

// mentionContexts returns, per name mention of the chain, the content words
// of its sentence outside the mention (lower case).
func mentionContexts(n *chainNode) []map[string]bool {
	d := n.doc
	var out []map[string]bool
	for _, mi := range n.names {
		m := d.Mentions[mi]
		s := sentenceOf(d, m.Span)
		ws := map[string]bool{}
		for _, w := range contentWords(d.Text, s) {
			if w.Start >= m.Start && w.End <= m.End {
				continue
			}
			ws[w.text] = true
		}
		if len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
}

// sentenceOf is the sentence span holding sp (a window of text around it
// when the document has no sentences).
func sentenceOf(d *accord.Document, sp accord.Span) accord.Span {
	ss := d.Sentences
	k := sort.Search(len(ss), func(i int) bool { return ss[i].End > sp.Start })
	if k < len(ss) && ss[k].Start <= sp.Start {
		return ss[k]
	}
	return accord.Span{Start: max(0, sp.Start-200), End: min(len(d.Text), sp.End+200)}
}

// contentWords returns the lower-cased words of text[s] of three or more
// letters that are not function words.
func contentWords(text string, s accord.Span) []word {
	var out []word
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return nil
	}
	i := s.Start
	for i < s.End {
		r, sz := rune(text[i]), 1
		if r >= 0x80 {
			r, sz = utf8.DecodeRuneInString(text[i:])
		}
		if !unicode.IsLetter(r) {
			i += sz
			continue
		}
		j := i
		for j < s.End {
			r2, sz2 := rune(text[j]), 1
			if r2 >= 0x80 {
				r2, sz2 = utf8.DecodeRuneInString(text[j:])
			}
			if !unicode.IsLetter(r2) && r2 != '-' {
				break
			}
			j += sz2
		}
		w := strings.ToLower(strings.Trim(text[i:j], "-"))
		if len(w) >= 3 && !functionWords[w] {
			out = append(out, word{accord.Span{Start: i, End: j}, w})
		}
		i = j
	}
	return out
}

// overlap counts the words of a that are in b, or related to one there.
func overlap(a, b map[string]bool, rel *relMemo) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
			continue
		}
		for v := range b {
			if rel.related(w, v) {
				n++
				break
			}
		}
	}
	return n
}

// relMemo memoizes lexicon.Related.
type relMemo struct{ m map[[2]string]bool }

func newRelMemo() *relMemo { return &relMemo{m: map[[2]string]bool{}} }

func (r *relMemo) related(a, b string) bool {
	if a == b {
		return a != ""
	}
	if a > b {
		a, b = b, a
	}
	k := [2]string{a, b}
	v, ok := r.m[k]
	if !ok {
		v = lexicon.Related(a, b)
		r.m[k] = v
	}
	return v
}

// functionWords: English function words and the commonest reporting verbs'
// auxiliaries, never evidence that two sentences say the same.
var functionWords = set("the", "and", "for", "that", "this", "these", "those", "with", "from", "into",
	"onto", "upon", "about", "above", "after", "again", "against", "all", "also", "any", "are", "was",
	"were", "been", "being", "have", "has", "had", "having", "does", "did", "doing", "done", "not",
	"but", "nor", "yet", "its", "it's", "his", "her", "hers", "him", "she", "they", "them", "their",
	"theirs", "our", "ours", "you", "your", "who", "whom", "whose", "which", "what", "when", "where",
	"why", "how", "than", "then", "there", "here", "will", "would", "shall", "should", "can", "could",
	"may", "might", "must", "one", "some", "such", "very", "more", "most", "other", "others", "only",
	"own", "same", "both", "each", "few", "many", "much", "over", "under", "out", "off", "down",
	"between", "through", "during", "before", "while", "because", "since", "until", "unless", "whether",
	"either", "neither", "just", "even", "still", "well", "actually", "certainly", "really", "instead",
	"rather", "quite", "too", "per", "via", "amid", "among", "along", "across", "around", "within",
	"without", "toward", "towards", "said", "says", "say", "stated", "told", "tells", "mr", "mrs", "ms")
