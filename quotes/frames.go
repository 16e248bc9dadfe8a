package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// frame is the attribution frame of one sentence: the words that say who
// speaks (a cue and its subject) and the reported content, the rest of the
// sentence. PolNeAR (like PARC) annotates the content as the whole
// complement of the cue: "X said [that …]", "[…], X said", "According to X,
// […]", so a quoted fragment inside it belongs to that span.
type frame struct {
	content accord.Span
	cue     accord.Span
	sub     subject
	tail    bool // the attribution follows the content
	ok      bool
}

// closeMark reports whether token t is a closing quotation mark or an
// apostrophe-like closer.
func isMarkTok(w string) bool {
	switch w {
	case "”", "\"", "’", "'", "»", "“", "‘", "«", "„":
		return true
	}
	return false
}

// sentenceFrame finds the attribution frame of sentence s: a tail
// attribution (", X said.", ", said X.", ", according to X.") or a head one
// ("X said (that) …", "According to X, …"). Cues inside quotes do not count.
func (x *docCtx) sentenceFrame(s accord.Span, strict bool) frame {
	r := tokensIn(x.toks, s)
	if r.b-r.a < 4 {
		return frame{}
	}
	if f := x.tailFrame(s, r, strict); f.ok {
		return f
	}
	return x.headFrame(s, r, strict)
}

func (x *docCtx) tailFrame(s accord.Span, r tokRange, strict bool) frame {
	end := r.b
	for end > r.a && !isWord(x.toks[end-1]) {
		end--
	}
	// The tail comes after the last quote of the sentence.
	lastQ := s.Start
	qs := x.quoted
	if x.quotedSorted {
		// Only the quotes that start in the sentence.
		qs = qs[sort.Search(len(qs), func(i int) bool { return qs[i].Start >= s.Start }):]
	}
	for _, q := range qs {
		if x.quotedSorted && q.Start >= s.End {
			break
		}
		if q.Start >= s.Start && q.Start < s.End && q.End > lastQ {
			lastQ = q.End
		}
	}
	for k := r.a + 2; k < end; k++ {
		t := x.toks[k]
		if t.Lower != "," || t.Start < lastQ-1 && lastQ > s.Start {
			continue
		}
		if x.inQuote(t.Start) && !x.endsQuote(t.End) {
			continue
		}
		j := k + 1
		for j < end && isMarkTok(x.toks[j].Lower) {
			j++
		}
		if j >= end || end-j > 30 {
			continue
		}
		// "“…,” he asserted on Tuesday, repeating …": a cue before the
		// comma makes that the attribution.
		cueBefore := false
		for i := r.a; i < k; i++ {
			if x.toks[i].Start >= lastQ && isCue(x.toks[i].Lower) {
				cueBefore = true
			}
		}
		if cueBefore && lastQ > s.Start {
			return frame{}
		}
		var a attribution
		found := false
		if x.toks[j].Lower == "according" && j+1 < end && x.toks[j+1].Lower == "to" {
			if sub := subjectAfter(x.txt, x.toks, j, end); sub.Found {
				a = attribution{sub: sub, cue: x.toks[j].Span}
				found = true
			}
		} else if at, ok := x.afterPattern(tokRange{j, end}); ok && at.where == 1 && at.cue.Start < x.toks[min(j+28, end-1)].End &&
			!(at.cue.Start == x.toks[j].Start && strings.HasSuffix(x.toks[j].Lower, "ing")) {
			a, found = at, true
		}
		if found && (tailChecks&1 != 0 || strict && tailChecks&2 != 0) && !x.tailAttribution(r, j, end, a) {
			found = false
		}
		if found && strict {
			// The attribution ends the sentence: a few more words at most
			// ("said in a statement"), no clause of its own.
			rest := tokensIn(x.toks, accord.Span{Start: max(a.cue.End, a.sub.Span.End), End: x.toks[end-1].End})
			if rest.b-rest.a > 10 {
				found = false
			}
			for i := rest.a; i < rest.b && found; i++ {
				if w := x.toks[i].Lower; w == "that" || w == "," && i+1 < rest.b && isCue(x.toks[i+1].Lower) {
					found = false
				}
				if tailChecks&4 != 0 && (x.toks[i].Lower == "whether" || subjectPronouns[x.toks[i].Lower]) {
					// "…, X told reporters she was leaving": a clause of its own.
					found = false
				}
			}
			if found && tailChecks&8 != 0 && cueStrength(x.toks[tokensIn(x.toks, a.cue).a].Lower) < speechCue && x.toks[j].Lower != "according" {
				found = false
			}
		}
		if !found {
			if j > k+1 {
				// The quote's own comma: its attribution or none.
				return frame{}
			}
			continue
		}
		return frame{content: accord.Span{Start: s.Start, End: t.Start}, cue: a.cue, sub: a.sub, tail: true, ok: true}
	}
	return frame{}
}

// tailChecks switches the tail-attribution shape checks (tailAttribution):
// 1 for every frame, 2 for reported speech only; 4 the stricter reported
// speech checks (main speech verb, no clause after the attribution).
var tailChecks = 2 | 4

var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "it": true}

// tailAttribution reports whether the attribution a read after the comma
// before token j (the sentence's words end at token end) has the shape of a
// tail attribution: it starts right at the comma with its subject ("…, the
// official said") or its cue ("…, said Smith"), the subject of an inverted
// cue is not followed by a clause of its own ("…, said the group is …"), and
// the words before the comma are not the cue's own subject with an
// appositive ("Smith, the mayor, said …").
func (x *docCtx) tailAttribution(r tokRange, j, end int, a attribution) bool {
	if x.toks[j].Lower == "according" {
		return true
	}
	cue := tokensIn(x.toks, a.cue).a
	if a.sub.Span.Start != x.toks[j].Start && cue != j {
		return false
	}
	if sw := x.txt[a.sub.Span.Start:a.sub.Span.End]; strings.HasSuffix(sw, "’s") || strings.HasSuffix(sw, "'s") {
		// "NATO’s …": a possessive is no subject.
		return false
	}
	first := r.a
	for first < j && !isWord(x.toks[first]) {
		first++
	}
	if x.toks[first].Lower == "according" {
		// "According to X, …, the group said …" is a head frame.
		return false
	}
	if sub := subjectBefore(x.txt, x.toks, r.a, cue); sub.Found && sub.Span.Start == x.toks[first].Start {
		return false
	}
	if cue != j {
		return true
	}
	after := tokensIn(x.toks, accord.Span{Start: a.sub.Span.End, End: x.toks[end-1].End})
	if after.a < after.b {
		if t := x.toks[after.a]; isWord(t) && !prepositions[t.Lower] && t.Lower != "who" && !strings.HasSuffix(t.Lower, "ly") {
			return false
		}
	}
	return true
}

func (x *docCtx) headFrame(s accord.Span, r tokRange, strict bool) frame {
	for c := r.a; c < r.b && c <= r.a+25; c++ {
		t := x.toks[c]
		if x.inQuote(t.Start) {
			return frame{}
		}
		w := t.Lower
		if w == ";" || w == ":" && c+1 < r.b && !isMarkTok(x.toks[c+1].Lower) {
			return frame{}
		}
		if !isCue(w) {
			continue
		}
		var sub subject
		k := c + 1
		if w == "according" {
			if c+1 >= r.b || x.toks[c+1].Lower != "to" {
				continue
			}
			sub = subjectAfter(x.txt, x.toks, c, r.b)
			if !sub.Found {
				return frame{}
			}
			for k < r.b && x.toks[k].Start < sub.Span.End {
				k++
			}
			for k < r.b && x.toks[k].Lower != "," && k-c < 12 {
				k++
			}
			// "According to X, the lead negotiator, …": the appositive
			// names the source.
			if k+2 < r.b && x.toks[k].Lower == "," && (x.toks[k+1].Lower == "the" || x.toks[k+1].Lower == "a" || x.toks[k+1].Lower == "an") {
				for j := k + 2; j < r.b && j <= k+9; j++ {
					w := x.toks[j].Lower
					if w == "," {
						if j+1 < r.b && isWord(x.toks[j+1]) {
							k = j
						}
						break
					}
					if !isWord(x.toks[j]) && w != "-" || nonNominal[w] || isCue(w) || pronouns[w] != "" {
						break
					}
				}
			}
		} else {
			sub = subjectBefore(x.txt, x.toks, r.a, c)
			if !sub.Found {
				continue
			}
			// The subject opens the sentence or follows an opening phrase.
			st := tokensIn(x.toks, accord.Span{Start: s.Start, End: sub.Span.Start})
			// A cue that is not a main speech verb ("say" is often "to
			// say") only right after a subject that opens the sentence or
			// follows an opening phrase and a comma ("Democrats also say …").
			opens := !hasWordIn(x.txt, s.Start, sub.Span.Start) || st.b > st.a && x.toks[st.b-1].Lower == ","
			_, known := cueTable[w] // not a guess from another form ("officials")
			if cueStrength(w) < speechCue && !(opens && known && x.onlySkippable(tokensIn(x.toks, sub.Span).b, c)) {
				continue
			}
			if st.b > st.a && x.toks[st.b-1].Lower != "," && !isSentenceStartWord(x.toks[st.b-1].Lower) {
				continue
			}
		}
		// "told reporters on Tuesday that …": the clause opens at "that".
		for j := k; j < r.b && j <= k+10; j++ {
			lw := x.toks[j].Lower
			if lw == "that" {
				k = j
				break
			}
			if lw == "." || lw == ";" || lw == "," || isMarkTok(lw) || j > k && isCue(lw) && !determiners[x.toks[j-1].Lower] {
				break
			}
		}
		for k < r.b && !isWord(x.toks[k]) && !isMarkTok(x.toks[k].Lower) {
			k++
		}
		if k >= r.b {
			return frame{}
		}
		return frame{content: accord.Span{Start: x.toks[k].Start, End: s.End}, cue: t.Span, sub: sub, ok: true}
	}
	return frame{}
}

// endsQuote reports whether a closing quotation mark follows off directly.
func (x *docCtx) endsQuote(off int) bool {
	r, _ := utf8.DecodeRuneInString(x.txt[off:])
	return r == '”' || r == '"' || r == '’' || r == '\'' || r == '»'
}

// trimContent drops spaces, closing punctuation and unbalanced marks at the
// ends of a frame's content.
func (x *docCtx) trimContent(sp accord.Span) accord.Span {
	for sp.End > sp.Start {
		r, n := utf8.DecodeLastRuneInString(x.txt[sp.Start:sp.End])
		if unicode.IsSpace(r) || r == '.' || r == ',' || r == ';' || r == ':' {
			sp.End -= n
			continue
		}
		break
	}
	for sp.End > sp.Start {
		r, n := utf8.DecodeRuneInString(x.txt[sp.Start:sp.End])
		if unicode.IsSpace(r) {
			sp.Start += n
			continue
		}
		break
	}
	return sp
}

// hasWordIn reports whether txt[a:b] holds a letter or digit.
func hasWordIn(txt string, a, b int) bool {
	if a >= b {
		return false
	}
	for _, r := range txt[a:b] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// widenToFrames widens each mention whose quote is part of a longer reported
// content to that content: the rest of its sentence around the attribution
// frame. Mentions widened to the same content become one.
func (x *docCtx) widenToFrames(out []accord.QuoteMention) []accord.QuoteMention {
	for i := range out {
		m := &out[i]
		p := x.paraOf(m.Span.Start)
		s := x.sentenceOf(m.Span.Start, p)
		if m.Span.End > s.End {
			// An interrupted quote (“…,” X said. “…”) whose first part
			// ends a sentence with words before it: they belong to it.
			if len(m.Fragments) >= 2 && m.Fragments[0].End <= s.End {
				if f := x.sentenceFrame(s, false); f.tail && !x.introduced(m.Span.Start) &&
					!hasWordIn(x.txt, f.content.End, m.Fragments[0].End) && hasWordIn(x.txt, f.content.Start, m.Span.Start) &&
					!x.cueOutside(f.content.Start, m.Span.Start) {
					m.Span.Start = x.trimContent(f.content).Start
					m.Text = x.txt[m.Span.Start:m.Span.End]
					m.Partial = true
				}
			}
			continue
		}
		f := x.sentenceFrame(s, false)
		if !f.ok {
			continue
		}
		if !f.tail && x.introduced(m.Span.Start) {
			continue
		}
		if f.tail {
			if x.introduced(m.Span.Start) {
				f.content.Start = m.Span.Start
			} else if x.cueOutside(f.content.Start, m.Span.Start) {
				continue
			}
			if x.cueOutside(m.Span.End, f.content.End) {
				continue
			}
		}
		c := x.trimContent(f.content)
		if c.Start > m.Span.Start || hasWordIn(x.txt, c.End, m.Span.End) || c.End < m.Span.Start {
			continue
		}
		if !hasWordIn(x.txt, c.Start, m.Span.Start) && !hasWordIn(x.txt, m.Span.End, c.End) {
			continue
		}
		if !f.tail {
			c.Start = x.innerClauseStart(c.Start, m.Span.Start)
			qEnd := m.Span.End
			if len(m.Fragments) > 0 {
				qEnd = m.Fragments[len(m.Fragments)-1].End
			}
			c.End = x.trimContent(accord.Span{Start: c.Start, End: x.headEnd(qEnd, s.End)}).End
			if c.End < qEnd {
				c.End = qEnd
			}
			if !hasWordIn(x.txt, c.Start, m.Span.Start) && !hasWordIn(x.txt, m.Span.End, c.End) {
				continue
			}
		}
		if m.Fragments == nil {
			m.Fragments = []accord.Span{m.Span}
		}
		// The quoted words stay inside (a trailing comma of the quote).
		c.Start = min(c.Start, m.Fragments[0].Start)
		c.End = max(c.End, m.Fragments[len(m.Fragments)-1].End)
		m.Span = c
		m.Text = x.txt[c.Start:c.End]
		m.Partial = true
		if m.SpeakerText == "" && f.sub.Found {
			if spk := x.resolve(f.sub, p); spk.ok {
				m.Speaker, m.SpeakerText, m.SpeakerSpan, m.Cue = spk.idx, spk.text, spk.span, f.cue
			}
		}
	}
	j := 0
	for i := range out {
		if j > 0 && out[j-1].Span == out[i].Span {
			out[j-1].Fragments = append(out[j-1].Fragments, out[i].Fragments...)
			continue
		}
		out[j] = out[i]
		j++
	}
	return out[:j]
}

// introduced reports whether a comma or colon stands right before the
// opening mark of the quote starting at off: "X said, “…”".
func (x *docCtx) introduced(off int) bool {
	j := off
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(x.txt[:j])
		switch {
		case unicode.IsSpace(r) || r == '“' || r == '"' || r == '‘' || r == '\'' || r == '«':
			j -= n
			continue
		case r == ',' || r == ':':
			return true
		}
		return false
	}
	return false
}

// cueOutside reports whether a cue word outside quotes lies in [a, b).
func (x *docCtx) cueOutside(a, b int) bool {
	r := tokensIn(x.toks, accord.Span{Start: a, End: b})
	for i := r.a; i < r.b; i++ {
		if isCue(x.toks[i].Lower) && !x.inQuote(x.toks[i].Start) {
			return true
		}
	}
	return false
}

// innerClauseStart moves the start of a head frame's content past a later
// participle or coordinated cue before the quote ("X spoke …, saying that
// …", "X did …, and said …"): the quote is that cue's content.
func (x *docCtx) innerClauseStart(start, q int) int {
	r := tokensIn(x.toks, accord.Span{Start: start, End: q})
	for k := r.b - 2; k >= r.a; k-- {
		w := x.toks[k].Lower
		if isMarkTok(w) && k > r.a && x.toks[k-1].Lower == "," {
			w = ","
		}
		n := x.toks[k+1].Lower
		if (w == "," || w == "and" || strings.HasSuffix(n, "ing")) && isCue(n) && !x.inQuote(x.toks[k+1].Start) {
			j := k + 2
			for i := j; i < r.b && i <= j+8; i++ {
				if x.toks[i].Lower == "that" {
					j = i
					break
				}
				if isCue(x.toks[i].Lower) || isMarkTok(x.toks[i].Lower) {
					break
				}
			}
			if j <= r.b && j < len(x.toks) {
				return x.toks[j].Start
			}
			return start
		}
	}
	return start
}

// headEnd returns where the content of a head frame ends after the quote
// ending at from: at the sentence end, or earlier at a semicolon, a comma
// before a participle or "according to", or a conjunction before a new
// cue ("… and said", "…, but he pressed").
func (x *docCtx) headEnd(from, sEnd int) int {
	r := tokensIn(x.toks, accord.Span{Start: from, End: sEnd})
	for k := r.a; k < r.b; k++ {
		t := x.toks[k]
		if x.inQuote(t.Start) {
			continue
		}
		w := t.Lower
		if k > r.a && isCue(w) {
			if e, ok := x.otherSpeakerClause(r.a, k); ok {
				return e
			}
		}
		if isMarkTok(w) && k > 0 && x.toks[k-1].Lower == "," {
			w = ","
		}
		switch w {
		case ";", "(", "—", "–":
			return t.Start
		case ",", "and", "but":
			if k+1 >= r.b {
				break
			}
			n := x.toks[k+1].Lower
			if w == "," && (strings.HasSuffix(n, "ing") && len(n) > 5 || n == "according" || n == "a" || n == "an" || n == "another" || n == "before" || n == "after") {
				return t.Start
			}
			if w == "," && (n == "as" || n == "but" && k+2 < r.b && pronouns[x.toks[k+2].Lower] != "") {
				return t.Start
			}
			if w == "," && (n == "which" || n == "who" || n == "whom") {
				cue := false
				for i := k + 2; i < r.b && i <= k+4; i++ {
					cue = cue || isCue(x.toks[i].Lower)
				}
				if !cue {
					return t.Start
				}
				break
			}
			for i := k + 1; i < r.b && i <= k+3; i++ {
				if isCue(x.toks[i].Lower) && !x.inQuote(x.toks[i].Start) {
					return t.Start
				}
				if !isWord(x.toks[i]) {
					break
				}
			}
		}
	}
	return sEnd
}

// otherSpeakerClause reports whether the cue at token k has its own named or
// pronoun subject after token a, in a clause joined by a conjunction or a
// comma ("…, while Ms Roe replied …", "… and he said …"): the content before
// ends at the last word before that clause, which it returns.
func (x *docCtx) otherSpeakerClause(a, k int) (int, bool) {
	sub := subjectBefore(x.txt, x.toks, a, k)
	if !sub.Found || sub.Kind == accord.MentionNominal || sub.Span.Start < x.toks[a].Start {
		return 0, false
	}
	j := tokensIn(x.toks, accord.Span{Start: 0, End: sub.Span.Start}).b - 1
	if j < a {
		return 0, false
	}
	switch w := x.toks[j].Lower; {
	case w == "while" || w == "whereas" || w == "and" || w == "but" || w == ",":
	case isMarkTok(w) && j > 0 && x.toks[j-1].Lower == ",":
	default:
		return 0, false
	}
	for ; j >= a; j-- {
		if w := x.toks[j].Lower; isWord(x.toks[j]) && !clauseJoiner[w] || isMarkTok(w) && x.inQuote(x.toks[j].Start-1) {
			return x.toks[j].End, true
		}
	}
	return 0, false
}

// indirect returns the reported speech without quotation marks: every
// sentence with an attribution frame and no quote, its content the frame's
// (Direct false).
func (x *docCtx) indirect(direct []accord.QuoteMention) []accord.QuoteMention {
	var out []accord.QuoteMention
	k := 0
	for _, s := range x.sents {
		for k < len(direct) && direct[k].End <= s.Start {
			k++
		}
		if k < len(direct) && direct[k].Start < s.End {
			continue
		}
		if x.quoteIn(s) {
			continue
		}
		f := x.sentenceFrame(s, true)
		if !f.ok {
			// "Smith criticized the bill on Monday, saying it would
			// fail": a participle cue after a named sentence subject.
			r := tokensIn(x.toks, s)
			if r.a < r.b && text.IsStopword(x.toks[r.a].Lower) {
				r.a++ // "However Russian officials …"
			}
			if sub := x.sentenceSubject(r.a, r.b); sub.Found {
				m := accord.QuoteMention{Span: accord.Span{Start: s.Start, End: s.Start}, Speaker: -1}
				if spk := x.resolve(sub, x.paraOf(s.Start)); spk.ok {
					m.Speaker, m.SpeakerText, m.SpeakerSpan = spk.idx, spk.text, spk.span
					if m2, ok := x.secondAct(m, s); ok {
						out = append(out, m2)
					}
				}
			}
			continue
		}
		c := x.trimContent(f.content)
		if f.tail && x.adverbialContent(c) && adverbialChecks&2 != 0 {
			// "[When the moderator pointed out that …], X said": the
			// attribution is inside the adverbial, if anywhere.
			f = x.headFrame(s, tokensIn(x.toks, s), true)
			if !f.ok {
				continue
			}
			c = x.trimContent(f.content)
		}
		if !f.tail {
			c = x.trimContent(accord.Span{Start: c.Start, End: x.headEnd(c.Start, s.End)})
		}
		if countWords(x.txt[c.Start:c.End]) < minIndirectWords {
			continue
		}
		if x.adverbialContent(c) || x.cutAbbreviation(c) {
			continue
		}
		m := accord.QuoteMention{Span: c, Text: x.txt[c.Start:c.End], Speaker: -1, Cue: f.cue}
		if spk := x.resolve(f.sub, x.paraOf(s.Start)); spk.ok {
			m.Speaker = spk.idx
			m.SpeakerText = spk.text
			m.SpeakerSpan = spk.span
		}
		out = append(out, m)
		if !f.tail {
			if m2, ok := x.secondAct(m, s); ok {
				out = append(out, m2)
			}
		}
	}
	return out
}

// secondAct returns the reported content of a participle cue after the
// content of m in sentence s ("X criticized the bill, saying it would
// fail"): the participle's subject is m's speaker.
func (x *docCtx) secondAct(m accord.QuoteMention, s accord.Span) (accord.QuoteMention, bool) {
	r := tokensIn(x.toks, accord.Span{Start: m.Span.End, End: s.End})
	for k := r.a; k+2 < r.b; k++ {
		if x.toks[k].Lower != "," {
			continue
		}
		w := x.toks[k+1].Lower
		if !strings.HasSuffix(w, "ing") || !isCue(w) {
			continue
		}
		st := k + 2
		c := x.trimContent(accord.Span{Start: x.toks[st].Start, End: x.headEnd(x.toks[st].Start, s.End)})
		if c.Len() <= 0 || countWords(x.txt[c.Start:c.End]) < minIndirectWords || x.adverbialContent(c) || x.cutAbbreviation(c) {
			return accord.QuoteMention{}, false
		}
		m2 := m
		m2.Span, m2.Text, m2.Cue = c, x.txt[c.Start:c.End], x.toks[k+1].Span
		return m2, true
	}
	return accord.QuoteMention{}, false
}

// cutAbbreviation reports whether content c ends in a one-letter word, a
// sign that its sentence was cut at an abbreviation ("that the U.S").
func (x *docCtx) cutAbbreviation(c accord.Span) bool {
	w := x.txt[c.Start:c.End]
	if i := strings.LastIndexByte(w, ' '); i >= 0 {
		w = w[i+1:]
	}
	if i := strings.LastIndexByte(w, '.'); i >= 0 {
		w = w[i+1:]
	}
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// adverbialContent reports whether reported content c is no statement but
// an adverbial: it opens with a preposition (after an -ly adverb: "[Shortly
// after the vote], X announced …") or is a single subordinate clause ("[As
// the talks went on], the language they used showed …").
func (x *docCtx) adverbialContent(c accord.Span) bool {
	r := tokensIn(x.toks, c)
	i := r.a
	if i+1 < r.b && strings.HasSuffix(x.toks[i].Lower, "ly") && prepositions[x.toks[i+1].Lower] {
		i++
	}
	if i >= r.b {
		return false
	}
	if prepositions[x.toks[i].Lower] {
		return true
	}
	if !subordinators[x.toks[i].Lower] || adverbialChecks&1 == 0 {
		return false
	}
	for k := i + 1; k < r.b; k++ {
		if x.toks[k].Lower == "," {
			return false
		}
	}
	return true
}

var adverbialChecks = 3

// subordinators open an adverbial clause.
var subordinators = map[string]bool{"as": true, "while": true, "when": true, "whereas": true, "although": true, "though": true,
	"because": true, "since": true, "if": true, "unless": true, "until": true, "once": true, "whenever": true, "where": true}

// minIndirectWords is the shortest reported content kept.
const minIndirectWords = 4

// quoteIn reports whether quoted words lie inside s.
func (x *docCtx) quoteIn(s accord.Span) bool {
	k := sort.Search(len(x.quoted), func(i int) bool { return x.quoted[i].End > s.Start })
	return k < len(x.quoted) && x.quoted[k].Start < s.End
}

// prepositions cannot open a reported clause ("X said [on Twitter on
// Monday]" is no content).
var prepositions = map[string]bool{"on": true, "in": true, "at": true, "during": true, "to": true, "for": true, "with": true,
	"by": true, "from": true, "after": true, "before": true, "about": true, "of": true, "through": true, "via": true,
	"amid": true, "amidst": true, "despite": true, "without": true, "within": true, "among": true, "amongst": true, "under": true,
	"against": true, "throughout": true, "toward": true, "towards": true, "upon": true, "following": true, "beyond": true}

// onlySkippable reports whether the tokens [a, c) are auxiliaries and
// adverbs that may stand between a subject and its cue ("also", "have
// long").
func (x *docCtx) onlySkippable(a, c int) bool {
	for i := a; i < c; i++ {
		w := x.toks[i].Lower
		if !skippable[w] && !(len(w) > 4 && strings.HasSuffix(w, "ly")) {
			return false
		}
	}
	return true
}
