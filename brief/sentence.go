package brief

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
)

// claimText is the brief's wording of a claim: its statement on one line,
// each relative date in it followed by the date it stands for ("on Thursday
// (13 January 2022)", normalized against the document it comes from), and
// without a leading discourse connective ("Meanwhile,", "On the other
// hand,") that refers to a context the brief does not give.
func claimText(c *accord.Corpus, cl accord.Claim) string {
	return stripConnective(stripLoneQuote(stripEmptyAttribution(c, cl, annotateDates(c, cl))))
}

// loneQuote matches a quotation that is a whole sentence, opening the
// passage, followed by another sentence: the sentence splitter left a
// quotation whose speaker is named elsewhere ("“I think we have got it
// about right.” Mr Howard said voters faced a clear choice …") in front of
// the next sentence.
var loneQuote = regexp.MustCompile(`^["“][^"“”]+[.!?]["”]\s+(\p{Lu})`)

// stripLoneQuote drops a leading lone quotation (loneQuote) when what
// follows is a sentence of six words or more: out of its article the
// quotation is no one's words, and the sentence after it reads alone.
func stripLoneQuote(s string) string {
	m := loneQuote.FindStringSubmatchIndex(s)
	if m == nil || len(strings.Fields(s[m[2]:])) < 6 {
		return s
	}
	return s[m[2]:]
}

// leadAttribution matches a leading "According to X," (X up to the first
// comma, at most eight words).
var leadAttribution = regexp.MustCompile(`^[Aa]ccording to ((?:[^,\s]+\s?){1,8}),\s+`)

// stripEmptyAttribution drops a leading "According to X," whose X names no
// source ("According to the recent development.,"), when the rest reads
// alone (opens on no pronoun). X names a source when it holds a capitalised
// word or a digit ("According to US intelligence"), when the quotes layer
// found a speaker in it, or when its head noun can be a sayer: some sense of
// it is a person, an organization or a social group ("officials",
// "sources", "police"), or its first sense is a communication ("reports",
// "a statement"), which hedges the claim.
func stripEmptyAttribution(c *accord.Corpus, cl accord.Claim, s string) string {
	m := leadAttribution.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	x := s[m[2]:m[3]]
	for _, r := range x {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return s
		}
	}
	if src := sourceSpan(cl); src != nil {
		if d := c.Doc(src.Document); d != nil {
			for _, q := range d.Quotes {
				sp := q.SpeakerSpan
				if q.Speaker >= 0 && q.Speaker < len(d.Mentions) {
					sp = d.Mentions[q.Speaker].Span
				}
				if sp.End > sp.Start && sp.Start >= src.Start+m[2] && sp.End <= src.Start+m[3] {
					return s
				}
			}
		}
	}
	fs := strings.Fields(strings.TrimRight(x, ".;: "))
	if len(fs) == 0 {
		return s
	}
	head := strings.ToLower(strings.Trim(fs[len(fs)-1], ".,;:\"'’”"))
	if head == "" || sayerNoun(head) {
		return s
	}
	rest := s[m[1]:]
	r, n := utf8.DecodeRuneInString(rest)
	if !unicode.IsLetter(r) {
		return s
	}
	out := string(unicode.ToUpper(r)) + rest[n:]
	if pronounStart.MatchString(out) {
		return s // "it reopened": the rest does not stand alone
	}
	return out
}

// sayerNoun reports whether the noun can name who says something (see
// stripEmptyAttribution).
func sayerNoun(w string) bool {
	forms := append([]string{w}, lexicon.Lemmas(w)...)
	for _, f := range forms {
		if lexicon.IsKindOf(f, 10, "communication") {
			return true
		}
		for _, k := range []string{"person", "organization", "social_group"} {
			if anySenseKindOf(f, k) {
				return true
			}
		}
	}
	return false
}

// anySenseKindOf reports whether some sense of w is, within ten broader
// hops, a sense of kind.
func anySenseKindOf(w, kind string) bool {
	want := map[uint32]bool{}
	for _, s := range lexicon.Senses(nil, kind, 0) {
		want[s] = true
	}
	front := lexicon.Senses(nil, w, 0)
	for d := 0; d <= 10 && len(front) > 0; d++ {
		var next []uint32
		for _, s := range front {
			if want[s] {
				return true
			}
			next = append(next, lexicon.Broader(s)...)
		}
		front = next
	}
	return false
}

// sourceSpan is the evidence passage that is the statement itself (the
// claim's own document), or nil.
func sourceSpan(cl accord.Claim) *accord.SpanRef {
	stmt := oneLine(cl.Statement)
	for i, e := range cl.Evidence {
		if oneLine(e.Text) == stmt {
			return &cl.Evidence[i]
		}
	}
	return nil
}

// danglingDate reports whether the statement dates itself against another
// date of its article that could not be placed ("the next day" after "in
// January"): out of its article it cannot be read.
func danglingDate(c *accord.Corpus, cl accord.Claim) bool {
	src := sourceSpan(cl)
	if src == nil {
		return false
	}
	d := c.Doc(src.Document)
	if d == nil {
		return false
	}
	for _, tx := range d.Timexes {
		if tx.Start < src.Start || tx.End > src.End || tx.Type != "DATE" || !strings.Contains(tx.Value, "X") {
			continue
		}
		low := strings.ToLower(tx.Text)
		for _, p := range []string{"the next ", "the following ", "the previous ", "the same ", "that "} {
			if strings.HasPrefix(low, p) {
				return true
			}
		}
	}
	return false
}

// annotateDates inserts the normalized date after each relative date
// expression of the statement: the DATE timexes of the evidence passage that
// is the statement (the claim's own document), written without a year.
func annotateDates(c *accord.Corpus, cl accord.Claim) string {
	stmt := oneLine(cl.Statement)
	src := sourceSpan(cl)
	if src == nil {
		return stmt
	}
	d := c.Doc(src.Document)
	if d == nil {
		return stmt
	}
	var b strings.Builder
	pos := 0
	for _, tx := range d.Timexes {
		if tx.Start < src.Start || tx.End > src.End {
			continue
		}
		note := dateNote(tx)
		if note == "" {
			continue
		}
		t := oneLine(tx.Text)
		k := strings.Index(stmt[pos:], t)
		if k < 0 {
			continue
		}
		end := pos + k + len(t)
		b.WriteString(stmt[pos:end])
		b.WriteString(" (" + note + ")")
		pos = end
	}
	b.WriteString(stmt[pos:])
	return b.String()
}

// dateNote is the date a relative DATE expression stands for ("13 January
// 2022", "December 2021", "2021"), or "" when the expression states its
// date itself (has digits) or its value is not a known day, month or year.
func dateNote(tx accord.Timex) string {
	if tx.Type != "DATE" || strings.ContainsAny(tx.Text, "0123456789") {
		return ""
	}
	v := tx.Value
	switch len(v) {
	case 10:
		if t, err := time.Parse("2006-01-02", v); err == nil {
			return t.Format("2 January 2006")
		}
	case 7:
		if t, err := time.Parse("2006-01", v); err == nil {
			return t.Format("January 2006")
		}
	case 4:
		if t, err := time.Parse("2006", v); err == nil {
			return t.Format("2006")
		}
	}
	return ""
}

// dateNotes matches the notes annotateDates adds.
var dateNotes = regexp.MustCompile(` \(((\d{1,2} )?(January|February|March|April|May|June|July|August|September|October|November|December) )?\d{4}\)`)

// stripDateNotes removes the brief's date notes: they are normalized values
// of the sources' own expressions, not words to look up in them.
func stripDateNotes(s string) string { return dateNotes.ReplaceAllString(s, "") }

// connectives are discourse markers that open a sentence by pointing at the
// one before it in its article.
var connectives = []string{
	"on the other hand", "meanwhile", "however", "moreover", "furthermore", "in addition",
	"additionally", "also", "notably", "even so", "nevertheless", "nonetheless", "still",
	"besides", "in contrast", "by contrast", "instead", "likewise", "similarly", "indeed",
	"in fact", "therefore", "thus", "hence", "as a result", "consequently", "otherwise",
	"again", "further", "then", "but", "and", "so", "yet",
}

// stripConnective drops a leading connective followed by a comma ("But" and
// "And" also without one) and capitalizes what follows.
func stripConnective(s string) string {
	low := strings.ToLower(s)
	for _, cn := range connectives {
		if !strings.HasPrefix(low, cn) {
			continue
		}
		rest := s[len(cn):]
		switch {
		case strings.HasPrefix(rest, ", "):
			rest = rest[2:]
		case (cn == "but" || cn == "and" || cn == "yet") && strings.HasPrefix(rest, " "):
			rest = rest[1:]
		default:
			continue
		}
		r, n := utf8.DecodeRuneInString(rest)
		if r == utf8.RuneError || !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“‘'", r) {
			return s
		}
		return string(unicode.ToUpper(r)) + rest[n:]
	}
	return s
}

// disputeSentence states a conflict with both sides, in the sources' words.
// A conflict inside one document is stated as that source's inconsistency,
// and a disputed speaker comes with the words in question when the passage
// quotes them.
func disputeSentence(c *accord.Corpus, cf accord.Conflict) string {
	if len(cf.Sides) < 2 {
		return ""
	}
	a, b := oneLine(cf.Sides[0].Says), oneLine(cf.Sides[1].Says)
	if a == "" || b == "" {
		return ""
	}
	oneDoc := len(cf.Documents) == 1
	topic := "it"
	switch cf.Kind {
	case accord.ConflictSpeaker:
		q := disputedQuote(c, cf)
		switch {
		case oneDoc && q != "":
			return "One source attributes “" + q + "” to both " + a + " and " + b + "."
		case oneDoc:
			return "One source is inconsistent on who said it: " + a + " vs " + b + "."
		case q != "":
			return "Sources disagree on who said “" + q + "”: " + a + " vs " + b + "."
		}
		return "Sources disagree on who said it: " + a + " vs " + b + "."
	case accord.ConflictNumber:
		topic = "the number"
	case accord.ConflictDate:
		topic = "the date"
	case accord.ConflictRole:
		topic = "the title"
	case accord.ConflictName:
		topic = "the name"
	case accord.ConflictOther:
		topic = "the place"
		if cf.Subkind != "" && cf.Subkind != "place" {
			topic = "it"
		}
	}
	if cf.Kind == accord.ConflictNumber || cf.Kind == accord.ConflictDate || cf.Kind == accord.ConflictOther {
		// A bare figure, day or place ("£13bn" vs "£14.5bn") tells the
		// reader nothing of what it is: each side in its source's words.
		// quoteAround's quotations come in their marks.
		if !oneDoc && !sameSubject(c, cf) {
			// "Meet the Fockers topped the charts in Australia" vs "Lemony
			// Snicket topped the North America chart": two films, no
			// dispute.
			return ""
		}
		if qa, qb := sideQuote(c, cf, cf.Sides[0]), sideQuote(c, cf, cf.Sides[1]); qa != "" && qb != "" && qa != qb {
			if oneDoc {
				return "One source is inconsistent on " + topic + ": " + qa + " vs " + qb + "."
			}
			return "Sources disagree on " + topic + ": " + qa + " vs " + qb + "."
		}
	}
	if oneDoc {
		return "One source is inconsistent on " + topic + ": \"" + a + "\" vs \"" + b + "\"."
	}
	return "Sources disagree on " + topic + ": \"" + a + "\" vs \"" + b + "\"."
}

// sameSubject reports whether the two sides of a figure, date or place
// conflict can be about one thing: the sentences stating them name, beside
// what is disputed, something in common, or one of them names nothing
// else. Sources do not disagree on the place when one reports where one
// film topped the charts and the other where another did.
func sameSubject(c *accord.Corpus, cf accord.Conflict) bool {
	var keys [2][]nameKey
	for i, side := range cf.Sides[:2] {
		d, sn := sideSentence(c, cf, side)
		if d == nil {
			return true
		}
		says := map[string]bool{}
		for _, w := range strings.Fields(side.Says) {
			says[lastNameWord(w)] = true
		}
		all, _ := nameKeys(d, sn, false)
		for _, m := range d.Mentions {
			if m.Kind == accord.MentionName && (m.Type == "OTHER" || m.Type == "EVENT") && m.Start >= sn.Start && m.End <= sn.End {
				all = append(all, nameKey{word: lastNameWord(m.Text)})
			}
		}
		for _, k := range all {
			// By words: a film's title is no entity of its own.
			if !says[k.word] {
				keys[i] = append(keys[i], nameKey{word: k.word})
			}
		}
		if len(keys[i]) == 0 {
			return true
		}
	}
	return sharesName(keys[0], keys[1])
}

// sideSentences calls fn with the document and sentence span of each
// evidence span saying what a side of a conflict says, and where in the
// sentence it says it, until fn returns true.
func sideSentences(c *accord.Corpus, cf accord.Conflict, side accord.ConflictSide, fn func(d *accord.Document, sn, e accord.Span) bool) {
	says := oneLine(side.Says)
	for _, e := range cf.Evidence {
		if !slices.Contains(side.Documents, e.Document) {
			continue
		}
		d := c.Doc(e.Document)
		if d == nil || e.Start < 0 || e.End > len(d.Text) || e.Start >= e.End || oneLine(d.Text[e.Start:e.End]) != says {
			continue
		}
		for _, sn := range d.Sentences {
			if sn.Start <= e.Start && e.End <= sn.End {
				if fn(d, sn, accord.Span{Start: e.Start, End: e.End}) {
					return
				}
				break
			}
		}
	}
}

// sideSentence is the document and sentence span of the first evidence
// span saying what a side of a conflict says, or nil.
func sideSentence(c *accord.Corpus, cf accord.Conflict, side accord.ConflictSide) (*accord.Document, accord.Span) {
	var doc *accord.Document
	var sent accord.Span
	sideSentences(c, cf, side, func(d *accord.Document, sn, _ accord.Span) bool {
		doc, sent = d, sn
		return true
	})
	return doc, sent
}

// sideQuote is the clause around what a side of a conflict says, from the
// sentence of its first evidence span that says it, or "".
func sideQuote(c *accord.Corpus, cf accord.Conflict, side accord.ConflictSide) string {
	says, out := oneLine(side.Says), ""
	sideSentences(c, cf, side, func(d *accord.Document, sn, e accord.Span) bool {
		if q := quoteAround(d.Slice(sn), e.Start-sn.Start, e.End-sn.Start); strings.Contains(oneLine(q), says) {
			out = oneLine(q)
			return true
		}
		return false
	})
	return out
}

// maxQuote bounds a quotation cited in a dispute sentence.
const maxQuote = 160

// disputedQuote is the quotation in the sentence of the conflict's first
// evidence span, or "".
func disputedQuote(c *accord.Corpus, cf accord.Conflict) string {
	if len(cf.Evidence) == 0 {
		return ""
	}
	e := cf.Evidence[0]
	d := c.Doc(e.Document)
	if d == nil {
		return ""
	}
	for _, s := range d.Sentences {
		if s.Start <= e.Start && e.End <= s.End {
			return firstQuotation(d.Slice(s))
		}
	}
	return ""
}

// firstQuotation returns the text of the first quotation in s ("…", “…”,
// ‘…’), without its closing comma, cut at a word boundary (with …) when long.
// A ’ or ' followed by a letter is an apostrophe, not a closing mark.
func firstQuotation(s string) string {
	closing := map[rune]rune{'"': '"', '“': '”', '‘': '’', '\'': '\''}
	for i, r := range s {
		cl, ok := closing[r]
		if !ok {
			continue
		}
		if (r == '\'' || r == '‘') && i > 0 {
			if p, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsLetter(p) {
				continue // an apostrophe
			}
		}
		start := i + utf8.RuneLen(r)
		for j := start; j < len(s); {
			q, n := utf8.DecodeRuneInString(s[j:])
			if q == cl {
				next, _ := utf8.DecodeRuneInString(s[j+n:])
				if (cl == '’' || cl == '\'') && unicode.IsLetter(next) {
					j += n
					continue
				}
				inner := strings.TrimRight(strings.TrimSpace(s[start:j]), ",;:")
				if len(inner) > maxQuote {
					cut := strings.LastIndex(inner[:maxQuote], " ")
					if cut <= 0 {
						return ""
					}
					inner = inner[:cut] + " …"
				}
				if len(strings.Fields(inner)) < 2 {
					return ""
				}
				return oneLine(inner)
			}
			j += n
		}
		return ""
	}
	return ""
}
