package claims

import (
	"slices"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/quantity"
	"github.com/accord-news/accord/text"
)

// sent is one sentence of a document with the word views the matchers use.
type sent struct {
	span accord.Span
	// stmt is the span a claim shows for the sentence: the sentence itself,
	// or, when it begins inside a quotation opened by an earlier sentence of
	// its paragraph, from that earlier sentence's start ("He made clear …,"
	// read the statement' is no statement without the quote's opening).
	stmt  accord.Span
	toks  []accord.Token // tokens inside the sentence
	words []string       // lower-cased word tokens (possessives stripped)
	// grams: the sentence's word 5-grams with at least two content words,
	// built on first use by sharedGram.
	grams map[string]bool
	// ids: the content words (not stopwords; hyphenated words also by
	// their parts) as corpus-wide numbers, sorted, each once (see wordNums).
	ids []int32
	// pred: the ids that say what the sentence states rather than whom or
	// where it names: words written in lower case, less speech verbs and
	// the titles that go with a name ("Russian deputy foreign minister").
	// Two sentences that share only names and titles state nothing in
	// common; nor do two that share only the words describing a name
	// ("the Norland mining firm Kestrel", "Norland's largest card
	// issuer"): see describe.
	pred []int32
	// desc: content words that stand only in such a description of a
	// name, sorted. They are no predicate words, no shared words of a
	// claim and not counted in the sentence's total.
	desc []int32
}

// wordTok is one word of a sentence while its ids are read: its case and
// the range of its parts' ids in a buffer.
type wordTok struct {
	w                            string
	first, lower, capital, title bool
	// gap: a punctuation mark stands between the previous word and this
	// one (punct: its first byte); poss: the word is a possessive
	// ("Norland's").
	gap, poss bool
	punct     byte
	from, to  int
}

// titleVocab: a word of the title vocabulary (head, rank or portfolio).
func titleVocab(w string) bool { return titleVocabSet[w] }

// titleVocabSet joins the title word classes into one set (one look-up
// per word while documents are read); filled in lex.go's init, after the
// classes.
var titleVocabSet = map[string]bool{}

// predIDs appends to dst the ids of the sentence's predicate words: lower-case
// words that are no speech verb and no title word next to a name (a title
// word next to a capitalized word, or next to such a title word, belongs to
// the name: "the Russian deputy foreign minister", "Labour leader") and no
// word describing a name (describe), whose ids it appends to desc when they
// stand nowhere else in the sentence. The first word is decided later (its
// case says nothing).
func predIDs(ws []wordTok, ids []int32, dst []int32, ref []bool, desc []int32) ([]int32, []bool, []int32) {
	ref = ref[:0]
	for range ws {
		ref = append(ref, false)
	}
	for k := range ws {
		ref[k] = ws[k].capital && !ws[k].first
	}
	// Titles take the name's side in both directions, through other titles.
	for k := 1; k < len(ws); k++ {
		if ws[k].title && ws[k].lower && (ref[k-1] || ws[k-1].capital) {
			ref[k] = true
		}
	}
	for k := len(ws) - 2; k >= 0; k-- {
		if ws[k].title && ws[k].lower && ref[k+1] {
			ref[k] = true
		}
	}
	isDesc := describe(ws, ref)
	for k, t := range ws {
		if isDesc[k] {
			desc = append(desc, ids[t.from:t.to]...)
		}
		if !t.lower || ref[k] || isDesc[k] || speechVerbs[t.w] || t.first || timeWord(t.w) {
			continue
		}
		dst = append(dst, ids[t.from:t.to]...)
	}
	if len(desc) > 0 {
		// A word written elsewhere in the sentence outside a description
		// is no description word there.
		kept := desc[:0]
		for _, id := range desc {
			other := false
			for k, t := range ws {
				if !isDesc[k] && slices.Contains(ids[t.from:t.to], id) {
					other = true
					break
				}
			}
			if !other {
				kept = append(kept, id)
			}
		}
		desc = kept
	}
	return dst, ref, desc
}

// timeWord: a word that places a sentence in time ("last", "months",
// "weekend", "September", "2004") rather than saying what it states. Reports of
// different facts share such words (quarterly figures, "over the next 20
// years"), so they count neither as predicate words nor as shared words of
// a claim.
func timeWord(w string) bool {
	return timeFill[w] || calendarWord[w] || monthWord[w] || yearNum(w)
}

// monthWord: the names of months that are no other word ("march", "may").
var monthWord = map[string]bool{"january": true, "february": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "sept": true, "october": true, "november": true, "december": true}

// yearNum: a year of the calendar written in digits ("1999", "2004").
func yearNum(w string) bool {
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && isDigitStr(w)
}

// wordNums numbers content words across the corpus (one number per word;
// vocab[id] is the word), so that sentences hold their content words as
// sorted numbers: two sentences' shared words are counted by a merge, and a
// sentence holds no map.
type wordNums struct {
	num   map[string]int32
	vocab []string
	// The thesaurus's base forms and senses of words, by number, filled
	// on first use by the claim matcher (one look-up per word per corpus).
	lemmas map[int32][]string
	senses map[int32][]uint32
	// time: per word number, 0 unknown, 1 no word of time, 2 a word of
	// time (isTime).
	time []uint8
}

// isTime: word id is a word of time (timeWord), cached by number.
func (w *wordNums) isTime(id int32) bool {
	for int(id) >= len(w.time) {
		w.time = append(w.time, 0)
	}
	if w.time[id] == 0 {
		w.time[id] = 1
		if timeWord(w.vocab[id]) {
			w.time[id] = 2
		}
	}
	return w.time[id] == 2
}

// sharedCore counts the content words sentences a and b share that are
// no words of time and describe a name in neither (sent.desc).
func (w *wordNums) sharedCore(a, b *sent) int {
	n, i, j := 0, 0, 0
	x, y := a.ids, b.ids
	for i < len(x) && j < len(y) {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			if !w.isTime(x[i]) && !inSorted(a.desc, x[i]) && !inSorted(b.desc, x[i]) {
				n++
			}
			i++
			j++
		}
	}
	return n
}

// coreCount: the sentence's content words less the words describing a
// name (the total the shared count of sharedCore is measured against).
// Words of time stay in the total: left out, sentences made mostly of
// them (monthly statistics of different countries, "rose 2.6 pct in
// January after 9.4 pct in December") matched on their few other words.
func (w *wordNums) coreCount(s *sent) int {
	return len(s.ids) - len(s.desc)
}

// inSorted: id is in the sorted list l.
func inSorted(l []int32, id int32) bool {
	_, ok := slices.BinarySearch(l, id)
	return ok
}

func newWordNums() *wordNums { return &wordNums{num: map[string]int32{}} }

func (w *wordNums) id(word string) int32 {
	id, ok := w.num[word]
	if !ok {
		id = int32(len(w.vocab))
		w.num[word] = id
		w.vocab = append(w.vocab, word)
	}
	return id
}

// sharedIDs counts the numbers two sorted lists share.
func sharedIDs(a, b []int32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// person is a personal name found in a sentence.
type person struct {
	span    accord.Span // the name
	full    accord.Span // title + name when a title precedes
	first   string      // given name ("" for a surname alone)
	given   []string    // every given name and middle name (no initials)
	surname string      // lower-case
	tokens  []string    // the name's words as written
	title   title
	// appos is a title given after the name ("X, the city's director,").
	appos  title
	sent   int
	tok    int // index in sent.toks of the name's first token
	tokEnd int // index after the name's last token
	// office is a title with its organization ("deputy secretary of
	// state"), the kind of title only one person holds at a time.
	office  string
	offSpan accord.Span
}

// place is a capitalized place name after a locative preposition, or a
// GPE/LOC mention.
type place struct {
	span accord.Span
	norm string
	sent int
}

// docInfo is everything the claim and conflict matchers read from one document.
type docInfo struct {
	d       *accord.Document
	group   int
	sents   []sent
	persons []person
	places  []place
	// placesIn: per sentence, the indices of its places (addPlace checks
	// overlaps within the sentence, not the whole list: a long document
	// was quadratic). sentPersons: the first of the persons read in the
	// sentence being read (readPersons appends them at the end).
	placesIn    map[int][]int32
	sentPersons int
	qs          []quantity.Q
	// wordDocs: lower-cased words of the whole text, for "is X mentioned" checks.
	words map[string]bool
	// names: lower-cased "first surname" pairs written in the document.
	names map[string]bool
	// lowerWords: words the document writes in lower case.
	lowerWords map[string]bool
	// spun: the document is a machine-spun copy of another; its wording
	// (titles, roles) is a spinner's, not a source's.
	spun bool
	// cites: the document's cites links, in the corpus's order (set by
	// Analyze, which indexes the links once).
	cites []accord.Link
	// nums: the numbering of the words in sent.ids (shared by the corpus).
	nums *wordNums
	// subj: the document's subject (subject), built when first needed.
	subj     []string
	subjDone bool
	// caps: midCaps, built when first needed.
	caps map[string]int
}

func newDocInfo(c *accord.Corpus, d *accord.Document, nums *wordNums) *docInfo {
	di := &docInfo{d: d, group: c.GroupOf(d.ID), nums: nums, words: map[string]bool{}, names: map[string]bool{}, lowerWords: map[string]bool{}}
	toks := d.Tokens
	if len(toks) == 0 {
		toks = text.Tokens(d.Text, accord.Span{Start: 0, End: len(d.Text)})
	}
	sents := d.Sentences
	if len(sents) == 0 {
		for _, p := range text.Paragraphs(d.Text) {
			sents = append(sents, text.Sentences(d.Text, p)...)
		}
	}
	ti := 0
	var wtoks []wordTok
	var partIDs []int32
	var refBuf []bool
	for _, sp := range sents {
		if sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End {
			continue
		}
		s := sent{span: sp, stmt: sp}
		for ti < len(toks) && toks[ti].Start < sp.Start {
			ti++
		}
		// The sentence's tokens: a view of the document's when they are all
		// well formed (the usual case: no copy per document), else a
		// repaired copy.
		end, clean := ti, true
		for ; end < len(toks) && toks[end].End <= sp.End; end++ {
			t := toks[end]
			if t.Start < 0 || t.End > len(d.Text) || t.Start >= t.End || t.Lower == "" {
				clean = false
			}
		}
		if clean {
			if end > ti {
				s.toks = toks[ti:end:end]
			}
		} else {
			for k := ti; k < end; k++ {
				t := toks[k]
				if t.Start < 0 || t.End > len(d.Text) || t.Start >= t.End {
					continue
				}
				if t.Lower == "" {
					t.Lower = strings.ToLower(d.Text[t.Start:t.End])
				}
				s.toks = append(s.toks, t)
			}
		}
		wtoks = wtoks[:0]
		gap, punct := false, byte(0)
		for _, t := range s.toks {
			if !isWordTok(t.Lower) {
				if !gap {
					punct = t.Lower[0]
				}
				gap = true
				continue
			}
			w, poss := stripPoss(t.Lower)
			s.words = append(s.words, w)
			di.words[w] = true
			raw := d.Text[t.Start:t.End]
			wt := wordTok{w: w, first: len(s.words) == 1, from: len(partIDs), gap: gap, punct: punct, poss: poss}
			gap, punct = false, 0
			if raw == t.Lower {
				di.lowerWords[w] = true
				wt.lower = true
			} else if raw != "" && raw[0] >= 'A' && raw[0] <= 'Z' {
				wt.capital = true
			}
			for _, part := range strings.Split(w, "-") {
				if part != "" && !text.IsStopword(part) {
					id := nums.id(part)
					s.ids = append(s.ids, id)
					partIDs = append(partIDs, id)
					if wt.lower && titleVocab(part) {
						wt.title = true
					}
				}
			}
			wt.to = len(partIDs)
			wtoks = append(wtoks, wt)
		}
		s.pred, refBuf, s.desc = predIDs(wtoks, partIDs, s.pred, refBuf, s.desc)
		partIDs = partIDs[:0]
		slices.Sort(s.ids)
		s.ids = tight(slices.Compact(s.ids))
		s.words = tight(s.words)
		di.sents = append(di.sents, s)
	}
	// A sentence's first word is written capitalized whatever it is: it
	// is a predicate word when the document writes it in lower case too.
	for si := range di.sents {
		s := &di.sents[si]
		if len(s.words) > 0 && di.lowerWords[s.words[0]] && !speechVerbs[s.words[0]] && !titleVocab(s.words[0]) && !text.IsStopword(s.words[0]) &&
			!timeWord(s.words[0]) {
			if id, ok := nums.num[s.words[0]]; ok {
				s.pred = append(s.pred, id)
			}
		}
		slices.Sort(s.pred)
		s.pred = tight(slices.Compact(s.pred))
		slices.Sort(s.desc)
		s.desc = tight(slices.Compact(s.desc))
	}
	di.extendOpenQuotes()
	for si := range di.sents {
		di.sentPersons = len(di.persons)
		di.readPersons(si)
		di.readAppositives(si)
		di.readPlaces(si)
	}
	di.dropLoneWords()
	di.keepNamedPersons()
	for _, m := range d.Mentions {
		if (m.Type == "GPE" || m.Type == "LOC") && m.Kind != accord.MentionPronoun && m.Start >= 0 && m.End <= len(d.Text) && m.Start < m.End {
			si := d.SentenceAt(m.Start)
			if si < 0 || si >= len(di.sents) || di.sents[si].span != d.Sentences[si] {
				continue
			}
			di.addPlace(place{span: m.Span, norm: normPlace(d.Text[m.Start:m.End]), sent: si})
		}
	}
	for _, p := range di.persons {
		if p.first != "" {
			di.names[strings.ToLower(p.first)+" "+p.surname] = true
		}
	}
	di.qs = quantity.FindQ(d)
	// Every document's reading is held until its topic is done: no slack.
	di.persons = tight(di.persons)
	di.sents = tight(di.sents)
	return di
}

// tight returns s in an array of its length (nil when empty).
func tight[T any](s []T) []T {
	if len(s) == cap(s) {
		return s
	}
	if len(s) == 0 {
		return nil
	}
	out := make([]T, len(s))
	copy(out, s)
	return out
}

// maxQuoteBack is how many earlier sentences a statement may take in to
// reach the opening of the quotation it begins inside.
const maxQuoteBack = 3

// extendOpenQuotes sets each sentence's stmt: a sentence that starts inside a
// quotation opened earlier in its paragraph (line) starts its statement at
// the sentence holding the opening mark, at most maxQuoteBack sentences back.
//
// The marks are read once, forward: the state of the paragraph's marks at
// one sentence's start carries on to the next (a paragraph of thousands of
// sentences read from its start for each was quadratic).
func (di *docInfo) extendOpenQuotes() {
	t := di.d.Text
	var q quoteScan
	line, pos := 0, 0
	for si := range di.sents {
		sp := di.sents[si].span
		if sp.Start < pos {
			// Overlapping or out-of-order spans: read its paragraph again.
			line = strings.LastIndexByte(t[:sp.Start], '\n') + 1
			q, pos = quoteScan{}, line
		}
		if nl := strings.LastIndexByte(t[pos:sp.Start], '\n'); nl >= 0 {
			line = pos + nl + 1
			q, pos = quoteScan{}, line
		}
		q.read(t[pos:sp.Start], pos)
		pos = sp.Start
		open := q.open()
		if open < 0 {
			continue
		}
		for back := 1; back <= maxQuoteBack && si-back >= 0; back++ {
			prev := di.sents[si-back].span
			if prev.End <= line {
				break
			}
			if prev.Start <= open {
				di.sents[si].stmt = accord.Span{Start: prev.Start, End: sp.End}
				break
			}
		}
	}
}

// openQuote is the byte offset in s of a double quotation mark still open
// at its end, or -1: curly marks pair as opening and closing, straight ones
// alternate.
func openQuote(s string) int {
	var q quoteScan
	q.read(s, 0)
	return q.open()
}

// quoteScan is the state of the double quotation marks read so far.
type quoteScan struct {
	stack    []int // open curly marks
	straight int   // an open straight mark + 1, or 0
}

// read takes in s, which starts at byte offset base.
func (q *quoteScan) read(s string, base int) {
	for i, r := range s {
		switch r {
		case '“', '«':
			q.stack = append(q.stack, base+i)
		case '”', '»':
			if len(q.stack) > 0 {
				q.stack = q.stack[:len(q.stack)-1]
			}
		case '"':
			if q.straight == 0 {
				q.straight = base + i + 1
			} else {
				q.straight = 0
			}
		}
	}
}

// open is the offset of the mark still open, or -1.
func (q *quoteScan) open() int {
	straight := q.straight - 1
	switch {
	case len(q.stack) > 0 && q.stack[len(q.stack)-1] > straight:
		return q.stack[len(q.stack)-1]
	case straight >= 0:
		return straight
	case len(q.stack) > 0:
		return q.stack[len(q.stack)-1]
	}
	return -1
}

// dropLoneWords removes one-word "persons" that are dictionary words or
// number words ("Four", "Forensic") unless the document also writes them as
// the surname of a fuller name ("Jane Smith" ... "Smith said").
func (di *docInfo) dropLoneWords() {
	full := map[string]bool{}
	for _, p := range di.persons {
		if len(p.tokens) > 1 {
			full[p.surname] = true
		}
	}
	kept := di.persons[:0]
	for _, p := range di.persons {
		if len(p.tokens) == 1 && p.title.empty() && !full[p.surname] && (lexicon.Known(p.surname) || isNumberWord(p.surname)) {
			continue
		}
		kept = append(kept, p)
	}
	di.persons = kept
}

func officeKey(t title, org string) string {
	ws := append(append([]string{}, t.ranks...), t.heads...)
	return strings.Join(ws, " ") + " of " + org
}

// keepNamedPersons: where an entity tagger ran (the document has name
// mentions), a person must overlap a PERSON mention.
func (di *docInfo) keepNamedPersons() {
	var pers []accord.Span
	named := false
	for _, m := range di.d.Mentions {
		if m.Kind == accord.MentionName || m.Kind == "" {
			named = true
		}
		if m.Type == "PERSON" {
			pers = append(pers, m.Span)
		}
	}
	if !named {
		return
	}
	kept := di.persons[:0]
	for _, p := range di.persons {
		ok := false
		for _, m := range pers {
			if m.Overlaps(p.span) {
				ok = true
				break
			}
		}
		if ok {
			kept = append(kept, p)
		}
	}
	di.persons = kept
}

func (di *docInfo) raw(si, k int) string {
	t := di.sents[si].toks[k]
	return di.d.Text[t.Start:t.End]
}

// readPersons finds personal names: runs of capitalized words (with
// initials), split after the last title word; a title is read back from the
// name over title words in any case ("agent Mark Roesler", "Interior
// Secretary Dirk Kempthorne", "Deputy Secretary of State John Doe").
func (di *docInfo) readPersons(si int) {
	s := &di.sents[si]
	n := len(s.toks)
	for k := 0; k < n; {
		if !di.capTok(si, k) {
			k++
			continue
		}
		// A run of capitalized words, "of" inside titles, initials.
		e := k
		for e < n {
			if di.capTok(si, e) {
				raw := di.raw(si, e)
				e++
				if _, poss := stripPoss(raw); poss {
					break
				}
				// An initial's period is its own token ("A .").
				if e < n && di.raw(si, e) == "." && len([]rune(raw)) == 1 {
					e++
				}
				continue
			}
			if di.raw(si, e) == "of" && e+1 < n && di.capTok(si, e+1) && e > k && isTitleWord(di.raw(si, e-1)) {
				e++
				continue
			}
			break
		}
		di.personInRun(si, k, e)
		k = e
	}
}

func (di *docInfo) capTok(si, k int) bool {
	raw := di.raw(si, k)
	return isWordTok(raw) && isUpperWord(raw)
}

func (di *docInfo) personInRun(si, a, b int) {
	s := &di.sents[si]
	// Word tokens of the run (initial periods dropped).
	var idx []int
	for k := a; k < b; k++ {
		if isWordTok(s.toks[k].Lower) {
			idx = append(idx, k)
		}
	}
	if len(idx) == 0 {
		return
	}
	// Split after the last title word (and an "of <Org>" that follows it).
	last := -1
	for j, k := range idx {
		if isTitleWord(di.raw(si, k)) {
			last = j
		}
	}
	nameIdx := idx
	var titleIdx []int
	if last >= 0 {
		titleIdx = idx[:last+1]
		nameIdx = idx[last+1:]
		// "Secretary of State John Doe": the org follows "of"; the name
		// is the last two words.
		if last+1 < len(idx) && idx[last+1] > idx[last]+1 && di.raw(si, idx[last]+1) == "of" {
			rest := idx[last+1:]
			if len(rest) >= 3 {
				titleIdx = idx[:len(idx)-2]
				nameIdx = idx[len(idx)-2:]
			} else {
				return
			}
		}
	}
	// Leading words that are no names; a dictionary word opening a
	// sentence ("Leading Biden officials") is taken for no given name.
	for len(nameIdx) > 0 {
		lw, _ := stripPoss(s.toks[nameIdx[0]].Lower)
		initial := nameIdx[0] == 0 || nameIdx[0] > 0 && !isWordTok(s.toks[nameIdx[0]-1].Lower) && s.toks[nameIdx[0]-1].Lower != ","
		if text.IsStopword(lw) || weekdays[lw] != "" || months[strings.TrimSuffix(lw, ".")] > 0 || notFirstName[lw] && len(nameIdx) > 1 ||
			initial && len(nameIdx) > 1 && lexicon.Known(lw) && len(nickAll[lw]) == 0 && len(titleIdx) == 0 {
			nameIdx = nameIdx[1:]
			continue
		}
		break
	}
	if len(nameIdx) == 0 || len(nameIdx) > 4 {
		return
	}
	// Title words before the run, in any case ("agent Mark Roesler").
	k := nameIdx[0]
	if len(titleIdx) == 0 {
		for j := a - 1; j >= 0 && a-j <= 4; j-- {
			raw := di.raw(si, j)
			if !isTitleWord(raw) {
				break
			}
			titleIdx = append([]int{j}, titleIdx...)
		}
		// A lower-case title word after a modal is a verb ("will host
		// Mr Brown's speech").
		if len(titleIdx) > 0 && titleIdx[0] > 0 && verbMarker[s.toks[titleIdx[0]-1].Lower] && !di.capTok(si, titleIdx[0]) {
			titleIdx = nil
		}
	}
	var tw []string
	titleStart := -1
	// Only the title words adjacent to the name count.
	sawOf := false
	for j := len(titleIdx) - 1; j >= 0; j-- {
		raw := di.raw(si, titleIdx[j])
		if raw == "of" && !sawOf && j > 0 && isTitleWord(di.raw(si, titleIdx[j-1])) {
			// "Secretary of State": the words after "of" name the organization.
			sawOf = true
			tw = nil
			continue
		}
		ws := normTitleWord(raw)
		if len(ws) == 0 {
			break
		}
		tw = append(ws, tw...)
		titleStart = titleIdx[j]
	}
	// A title has a head word ("foreign" alone is no title).
	if len(tw) > 0 && makeTitle(tw).empty() {
		tw = nil
		titleStart = -1
	}
	var words []string
	for _, j := range nameIdx {
		words = append(words, di.raw(si, j))
	}
	surname, _ := stripPoss(words[len(words)-1])
	ls := strings.ToLower(surname)
	if text.IsStopword(ls) || notSurname[ls] || weekdays[ls] != "" || months[ls] > 0 || isTitleWord(surname) {
		return
	}
	for _, r := range surname {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-' || r == '\'' || r == '’' || r > 127) {
			return
		}
	}
	if len(words) == 1 && len(tw) == 0 && a > 0 {
		if pl := s.toks[a-1].Lower; locPreps[pl] && pl != "to" && pl != "into" {
			return // "in Malibu": a place
		}
	}
	first := ""
	if len(words) >= 2 {
		first = words[0]
		if notFirstName[strings.ToLower(first)] || isTitleWord(first) {
			return
		}
		if strings.HasSuffix(first, ".") || len([]rune(first)) == 1 {
			first = "" // an initial: no given name to compare
		}
	}
	lastTok := s.toks[nameIdx[len(nameIdx)-1]]
	end := lastTok.End
	if ss, poss := stripPoss(di.d.Text[lastTok.Start:lastTok.End]); poss {
		end = lastTok.Start + len(ss)
	}
	var given []string
	for _, w := range words[:len(words)-1] {
		if !strings.HasSuffix(w, ".") && len([]rune(w)) > 1 {
			given = append(given, w)
		}
	}
	p := person{
		given:   given,
		span:    accord.Span{Start: s.toks[k].Start, End: end},
		first:   first,
		surname: ls,
		tokens:  words,
		title:   makeTitle(tw),
		sent:    si,
		tok:     k,
		tokEnd:  nameIdx[len(nameIdx)-1] + 1,
	}
	p.full = p.span
	if titleStart >= 0 {
		p.full.Start = s.toks[titleStart].Start
		// "Deputy Secretary of State John Doe": an office.
		if org := di.ofOrg(si, titleIdx); org != "" && !p.title.empty() {
			p.office = officeKey(p.title, org)
			p.offSpan = p.full
		}
	}
	di.persons = append(di.persons, p)
}

// verbMarker: modals, after which a lower-case title word is a verb ("to"
// is not one: "a letter to president Hale").
var verbMarker = map[string]bool{"will": true, "would": true, "shall": true, "should": true,
	"can": true, "could": true, "may": true, "might": true, "must": true, "did": true, "does": true, "do": true,
	"'ll": true}

// ofOrg returns the lower-case organization after "of" inside a title run
// (the capitalized words between "of" and the name), or "".
func (di *docInfo) ofOrg(si int, titleIdx []int) string {
	s := &di.sents[si]
	for j := 0; j+1 < len(titleIdx); j++ {
		k := titleIdx[j]
		if k+1 < len(s.toks) && s.toks[k+1].Lower == "of" {
			var org []string
			for _, x := range titleIdx[j+1:] {
				if s.toks[x].Lower != "of" {
					org = append(org, s.toks[x].Lower)
				}
			}
			return strings.Join(org, " ")
		}
	}
	return ""
}

// readAppositives reads titles after names: "Jane Smith, the Deputy
// Secretary of State," and "Kenneth Dorsey, the city's public safety
// director, said".
func (di *docInfo) readAppositives(si int) {
	s := &di.sents[si]
	n := len(s.toks)
	for pi := di.sentPersons; pi < len(di.persons); pi++ {
		p := &di.persons[pi]
		if p.sent != si || p.tokEnd >= n || s.toks[p.tokEnd].Lower != "," {
			continue
		}
		k := p.tokEnd + 1
		if k < n && (s.toks[k].Lower == "the" || s.toks[k].Lower == "a" || s.toks[k].Lower == "an") {
			k++
		}
		var tw []string
		var org []string
		e := k
		lastTitle := -1
		for e < n && e-k < 8 {
			l := s.toks[e].Lower
			if l == "," || l == "." || l == ";" || l == ")" || l == "(" {
				break
			}
			if ws := normTitleWord(di.raw(si, e)); len(ws) > 0 && len(org) == 0 {
				tw = append(tw, ws...)
				lastTitle = e
			} else if l == "of" && lastTitle == e-1 && e+1 < n && di.capTok(si, e+1) {
				for e+1 < n && di.capTok(si, e+1) {
					e++
					org = append(org, s.toks[e].Lower)
				}
			} else if lastTitle >= 0 && len(org) == 0 {
				tw = nil // words after the title: not a plain appositive title
				lastTitle = -1
			}
			e++
		}
		if lastTitle < 0 || len(tw) == 0 {
			continue
		}
		if e < n && s.toks[e].Lower != "," && s.toks[e].Lower != "." {
			continue
		}
		t := makeTitle(tw)
		if t.empty() {
			continue
		}
		if p.appos.empty() {
			p.appos = t
		}
		if len(org) > 0 && p.office == "" {
			p.office = officeKey(t, strings.Join(org, " "))
			p.offSpan = accord.Span{Start: p.span.Start, End: s.toks[e-1].End}
		}
	}
}

// readPlaces reads capitalized names after locative prepositions, with
// coordination ("in Bulgaria and Portugal").
func (di *docInfo) readPlaces(si int) {
	s := &di.sents[si]
	n := len(s.toks)
	for k := 0; k+1 < n; k++ {
		if !locPreps[s.toks[k].Lower] {
			continue
		}
		j := k + 1
		if j < n && s.toks[j].Lower == "the" {
			j++
		}
		for j < n && di.capTok(si, j) {
			e := j
			for e < n && di.capTok(si, e) && e-j < 4 {
				raw := di.raw(si, e)
				if lw := strings.ToLower(raw); weekdays[lw] != "" || months[strings.TrimSuffix(lw, ".")] > 0 {
					break
				}
				e++
				if _, poss := stripPoss(raw); poss {
					break
				}
			}
			di.placeRun(si, j, e)
			// Coordination: "X and Y", "X, Y".
			if e+1 < n && (s.toks[e].Lower == "and" || s.toks[e].Lower == "or" || s.toks[e].Lower == ",") && di.capTok(si, e+1) {
				j = e + 1
				continue
			}
			break
		}
	}
}

func (di *docInfo) placeRun(si, a, b int) {
	s := &di.sents[si]
	var ws []string
	for k := a; k < b; k++ {
		ws = append(ws, s.toks[k].Lower)
	}
	if len(ws) == 0 {
		return
	}
	w0 := strings.TrimSuffix(ws[0], ".")
	if weekdays[w0] != "" || months[w0] > 0 || text.IsStopword(w0) || isTitleWord(ws[0]) {
		return
	}
	// A person's name is no place: skip runs that are a known person here.
	for _, p := range di.persons[di.sentPersons:] {
		if p.sent == si && p.span.Start <= s.toks[a].Start && s.toks[a].Start < p.span.End && (len(p.tokens) > 1 || !p.title.empty()) {
			return
		}
	}
	last := s.toks[b-1]
	end := last.End
	if ss, poss := stripPoss(di.d.Text[last.Start:last.End]); poss {
		end = last.Start + len(ss)
	}
	sp := accord.Span{Start: s.toks[a].Start, End: end}
	di.addPlace(place{span: sp, norm: normPlace(di.d.Text[sp.Start:sp.End]), sent: si})
}

func (di *docInfo) addPlace(p place) {
	if p.norm == "" {
		return
	}
	for _, i := range di.placesIn[p.sent] {
		if di.places[i].span.Overlaps(p.span) {
			return
		}
	}
	if di.placesIn == nil {
		di.placesIn = map[int][]int32{}
	}
	di.placesIn[p.sent] = append(di.placesIn[p.sent], int32(len(di.places)))
	di.places = append(di.places, p)
}

func normPlace(s string) string {
	s, _ = stripPoss(s)
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	return strings.Join(strings.Fields(s), " ")
}

// mentions reports whether the document writes the (lower-case) words of
// phrase as consecutive words.
func (di *docInfo) mentions(phrase string) bool {
	ws := strings.Fields(phrase)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !di.words[w] {
			return false
		}
	}
	if len(ws) == 1 {
		return true
	}
	for _, s := range di.sents {
		for i := 0; i+len(ws) <= len(s.words); i++ {
			ok := true
			for j, w := range ws {
				if s.words[i+j] != w {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// writesGivenFor: the document writes the surname sn (lower case) right
// after a capitalized word that can be the given name given, even where
// no person was read ("; Mi Bergamasco," in a line-up).
func (di *docInfo) writesGivenFor(sn, given string) bool {
	if !di.words[sn] {
		return false
	}
	for si := range di.sents {
		s := &di.sents[si]
		for k := 1; k < len(s.toks); k++ {
			if w, _ := stripPoss(s.toks[k].Lower); w != sn || !di.capTok(si, k-1) {
				continue
			}
			if g := s.toks[k-1].Lower; len(g) > 1 && compatibleFirst(g, given) {
				return true
			}
		}
	}
	return false
}

// overlap counts the content words two sentences share, leaving out the
// given words (the compared values themselves).
func overlap(di *docInfo, a, b *sent, leave map[string]bool) int {
	n, i, j := 0, 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			if !leave[di.nums.vocab[a.ids[i]]] {
				n++
			}
			i++
			j++
		}
	}
	return n
}

func isNumberWord(w string) bool {
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "dozen":
		return true
	}
	return false
}
