package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

// Thresholds on the model's boilerplate probability. Plain text is cleaned
// conservatively: a lost content line costs more than a kept prompt.
const (
	thresholdHTML = 0.7
	thresholdText = 0.95
)

// LineContext is what a line's decision may look at besides the line itself.
type LineContext struct {
	Index, Total int
	HTML         bool
	// PrevLen and NextLen are the rune lengths of the neighbouring lines
	// (-1 at the edges).
	PrevLen, NextLen int
	// ProseBefore and ProseAfter tell whether a prose-shaped line (see
	// contentShaped) comes anywhere before / after this one.
	ProseBefore, ProseAfter bool
	// Gap is set for a page line that the main-content extractor left out:
	// "before", "between" or "after" the extracted lines, and Dist is the
	// number of page lines to the nearest extracted one.
	Gap  string
	Dist int
}

// filterLines decides line by line what is kept. It fills metadata found in
// bylines and datelines into d and returns the kept lines and the removed.
func (c *Cleaner) filterLines(lines []Line, in *accord.Input, d *accord.Document, isHTML bool) ([]string, []accord.Removed) {
	rep := c.repeatedFor(in)
	if rep != nil {
		// A document most of whose lines recur in the outlet's other documents
		// is a copy of one of them, not a page with a repeated footer.
		hits := 0
		for _, l := range lines {
			if rep[normKey(l.Text)] {
				hits++
			}
		}
		if hits > 2 && 5*hits > len(lines) {
			rep = nil
		}
	}
	kept := make([]string, 0, len(lines))
	var removed []accord.Removed
	seen := map[string]int{}
	var keptKeys strings.Builder
	firstProse, lastProse := proseSpan(lines)
	for i, l := range lines {
		t := strings.TrimSpace(l.Text)
		if t == "" {
			continue
		}
		ctx := contextAt(lines, i, firstProse, lastProse, isHTML)
		// The title repeated at the top of the body.
		if i < 3 && d.Title != "" && sameText(t, d.Title) {
			continue
		}
		if reason, ok := metadataLine(t, ctx, d); ok {
			removed = append(removed, accord.Removed{Text: t, Reason: reason})
			continue
		}
		key := normKey(t)
		if rep != nil && rep[key] && !contentShaped(t) {
			removed = append(removed, accord.Removed{Text: t, Reason: reasonFor(t, l, accord.ReasonBoilerplate)})
			continue
		}
		if reason, ok := shapeRule(t); ok {
			removed = append(removed, accord.Removed{Text: t, Reason: reason})
			continue
		}
		if c.onCandidate != nil {
			c.onCandidate(l, ctx)
		}
		// (In plain text only a line plainRemovable allows can go: the
		// model is not asked about the others.)
		if c.model != nil && !c.Config.NoModel && (isHTML || plainRemovable(t)) {
			p := c.model.Prob(LineFeatures(l, ctx))
			th := thresholdText
			if isHTML {
				th = thresholdHTML
				if c.Config.Threshold > 0 {
					th = c.Config.Threshold
				}
			}
			if p >= th {
				removed = append(removed, accord.Removed{Text: t, Reason: reasonFor(t, l, accord.ReasonBoilerplate)})
				continue
			}
		}
		// An exact repeat of a short line inside one page is boilerplate
		// (share bars, repeated teasers); long repeats are kept once.
		if n := seen[key]; n > 0 && isHTML {
			removed = append(removed, accord.Removed{Text: t, Reason: accord.ReasonBoilerplate})
			continue
		}
		// Extractors sometimes return a block twice, once split into
		// paragraphs and once run together: a line already wholly in the
		// kept text is dropped (it is not boilerplate, so not listed).
		if isHTML && len(key) >= 20 && strings.Contains(keptKeys.String(), key) {
			continue
		}
		seen[key]++
		keptKeys.WriteString(key)
		kept = append(kept, t)
	}
	return kept, removed
}

// proseSpan returns the indexes of the first and last prose-shaped lines
// (-1 when there is none).
func proseSpan(lines []Line) (first, last int) {
	first, last = -1, -1
	for i, l := range lines {
		if contentShaped(l.Text) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// contextAt is the context of line i among lines, whose prose span is
// firstProse..lastProse.
func contextAt(lines []Line, i, firstProse, lastProse int, isHTML bool) LineContext {
	ctx := LineContext{Index: i, Total: len(lines), HTML: isHTML, PrevLen: -1, NextLen: -1,
		ProseBefore: firstProse >= 0 && firstProse < i, ProseAfter: lastProse > i}
	if i > 0 {
		ctx.PrevLen = utf8.RuneCountInString(lines[i-1].Text)
	}
	if i+1 < len(lines) {
		ctx.NextLen = utf8.RuneCountInString(lines[i+1].Text)
	}
	return ctx
}

// plainRemovable limits what the model may take out of plain text: short
// lines that end without sentence punctuation and hold no quotation.
func plainRemovable(t string) bool {
	n := countWords(t)
	return !contentShaped(t) && !endsSentence(t) && n >= 3 && n <= 16 &&
		!strings.ContainsAny(t, "\"“”«»„")
}

// contentShaped is true for lines that look like running prose: several
// sentences' worth of words ending in sentence punctuation. Plain-text
// removal never touches them.
func contentShaped(t string) bool {
	w := countWords(t)
	return w >= 25 || (w >= 10 && endsSentence(t))
}

// countWords is len(strings.Fields(t)) without building the slice.
func countWords(t string) int {
	n := 0
	in := false
	for _, r := range t {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			n++
			in = true
		}
	}
	return n
}

func endsSentence(t string) bool {
	t = strings.TrimRight(t, " \"'”’»)")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == '。'
}

func sameText(a, b string) bool {
	return normKey(a) == normKey(b)
}

// normKey is the comparison key of a line: lower case, letters and digits only.
func normKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// letterStats counts letters and upper-case letters.
func letterStats(t string) (letters, upper int) {
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return
}

var (
	reCapsPrefix = regexp.MustCompile(`^([\p{Lu}\d][\p{Lu}\d'’&.\-]*(?:\s+[\p{Lu}\d][\p{Lu}\d'’&.\-]*){0,3})\s*[:|»>]\s*(\S.*)$`)
	reWrapped    = regexp.MustCompile(`^[(\[]([^()\[\]]{2,80})[)\]]$`)
)

// shapeRule removes lines whose shape alone marks them as inserted into the
// article: a short all-capitals line without sentence punctuation (calls to
// action), an all-capitals label followed by a headline (links to other
// stories), a short line wholly in brackets holding a credit (captions).
func shapeRule(t string) (string, bool) {
	words := countWords(t)
	letters, upper := letterStats(t)
	if words >= 6 && words <= 16 && letters >= 12 && float64(upper) >= 0.92*float64(letters) && !endsSentence(t) {
		return accord.ReasonAdvertisement, true
	}
	if m := reCapsPrefix.FindStringSubmatch(t); m != nil {
		label, rest := m[1], m[2]
		ll, lu := letterStats(label)
		rl, ru := letterStats(rest)
		if ll >= 4 && lu == ll && countWords(label) >= 2 && ru < rl && !endsSentence(rest) && utf8.RuneCountInString(rest) < 160 {
			return accord.ReasonRelatedLink, true
		}
	}
	if m := reWrapped.FindStringSubmatch(t); m != nil {
		in := m[1]
		if countWords(in) <= 8 && strings.ContainsAny(in, ":/©|") {
			return accord.ReasonCaption, true
		}
	}
	return "", false
}

// reasonFor names why a line flagged as boilerplate was removed, from its shape.
func reasonFor(t string, l Line, def string) string {
	n := utf8.RuneCountInString(t)
	if reWrapped.MatchString(t) {
		return accord.ReasonCaption
	}
	if l.LinkChars > 0 && n > 0 && float64(l.LinkChars) >= 0.6*float64(n) {
		if l.Item || countWords(t) <= 12 {
			return accord.ReasonNavigation
		}
		return accord.ReasonRelatedLink
	}
	if strings.ContainsRune(t, '©') {
		return accord.ReasonMetadata
	}
	letters, upper := letterStats(t)
	if letters >= 8 && float64(upper) >= 0.9*float64(letters) {
		return accord.ReasonAdvertisement
	}
	if m := reCapsPrefix.FindStringSubmatch(t); m != nil {
		return accord.ReasonRelatedLink
	}
	return def
}

var (
	reByline = regexp.MustCompile(`^(?i:by|written by|von|par|por)\s+(\p{Lu}[\p{L}.'’\-]*(?:\s+(?:\p{Lu}[\p{L}.'’\-]*|and|und|et|y|&|de|van|von|da|di|la|le|bin|al)){0,7})(?:\s*[,|·•–—-]\s*(.*))?$`)
)

// metadataLine recognises bylines and datelines near the top or bottom of a
// text; their content goes into the document's metadata.
func metadataLine(t string, ctx LineContext, d *accord.Document) (string, bool) {
	nearEdge := ctx.Index < 6 || ctx.Total-ctx.Index <= 2
	if !nearEdge || utf8.RuneCountInString(t) > 140 {
		return "", false
	}
	if m := reByline.FindStringSubmatch(t); m != nil && (!endsSentence(t) || countWords(t) <= 6) &&
		countWords(m[2]) <= 6 && (m[2] == "" || dateInText(m[2]) != "" || countWords(m[2]) <= 3) {
		name := strings.TrimSpace(m[1])
		if d.Author == "" {
			d.Author = name
		}
		if m[2] != "" {
			if iso := dateInText(m[2]); iso != "" && d.Published == "" {
				d.Published, d.PublishedBasis = iso, accord.BasisText
			}
		}
		return accord.ReasonMetadata, true
	}
	// A dateline: a date (and time) with few other words.
	if iso := dateInText(t); iso != "" {
		rest := t
		for _, re := range []*regexp.Regexp{reMDY, reDMY, reISOIn, reDotted} {
			rest = re.ReplaceAllString(rest, " ")
		}
		words := 0
		for _, w := range strings.Fields(rest) {
			if dateWord(w) {
				continue
			}
			words++
		}
		if words <= 3 && !endsSentence(t) || words <= 1 {
			if d.Published == "" {
				d.Published, d.PublishedBasis = iso, accord.BasisText
			}
			return accord.ReasonMetadata, true
		}
	}
	return "", false
}

// cleanText cleans a plain-text input.
func (c *Cleaner) cleanText(d *accord.Document, in *accord.Input) {
	raw := strings.ToValidUTF8(strings.ReplaceAll(in.Text, "\r\n", "\n"), "\uFFFD")
	raw = strings.ReplaceAll(raw, "\r", "\n")
	parts := reflow(strings.Split(raw, "\n"))
	lines := make([]Line, 0, len(parts))
	titleDropped := !in.TitleFromText
	for _, p := range parts {
		t := normSpace(p)
		if t == "" {
			continue
		}
		if !titleDropped {
			titleDropped = true
			if d.Title == "" {
				d.Title = t
			}
			if sameText(t, d.Title) {
				continue
			}
		}
		lines = append(lines, Line{Text: t})
	}
	kept, removed := c.filterLines(lines, in, d, false)
	d.Text = strings.Join(kept, "\n")
	d.Removed = append(d.Removed, removed...)
	if d.Title == "" {
		d.Title = firstLine(d.Text)
	}
}

var weekdays = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true, "wednesday": true,
	"thu": true, "thur": true, "thurs": true, "thursday": true, "fri": true, "friday": true, "sat": true,
	"saturday": true, "sun": true, "sunday": true, "am": true, "pm": true, "a.m": true, "p.m": true, "at": true,
}

// dateWord is true for the parts of a written date or time that carry no
// other content: numbers, punctuation, weekdays, am/pm, a label ending in a
// colon, and short all-capitals time-zone abbreviations.
func dateWord(w string) bool {
	letters, upper := letterStats(w)
	if letters == 0 {
		return true
	}
	lw := strings.ToLower(strings.Trim(w, ".,;:|()[]"))
	if weekdays[lw] || strings.HasSuffix(w, ":") {
		return true
	}
	return letters <= 4 && upper == letters && letters >= 2 && len(lw) <= 5
}

// reflow joins the lines of hard-wrapped text (fixed-width lines, as in wire
// copy) into one line per paragraph. Text is taken as hard-wrapped when its
// lines are at most 100 characters, most are close to the longest, and many
// break mid-sentence. A paragraph then ends at a blank line, before an
// indented line, or after a short line that ends a sentence.
func reflow(parts []string) []string {
	var lens []int
	width, midBreaks := 0, 0
	for _, p := range parts {
		t := strings.TrimSpace(p)
		if t == "" {
			continue
		}
		n := utf8.RuneCountInString(t)
		lens = append(lens, n)
		width = max(width, n)
		if !endsSentence(t) {
			midBreaks++
		}
	}
	if len(lens) < 4 || width > 100 || width < 40 {
		return parts
	}
	near := 0
	for _, n := range lens {
		if 10*n >= 7*width {
			near++
		}
	}
	if 2*near < len(lens) || 10*midBreaks < 3*len(lens) {
		return parts
	}
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, p := range parts {
		t := strings.TrimSpace(p)
		if t == "" {
			flush()
			continue
		}
		indented := strings.HasPrefix(p, "  ") || strings.HasPrefix(p, "\t")
		if indented {
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(t)
		if n := utf8.RuneCountInString(t); 10*n < 6*width && endsSentence(t) {
			flush()
		}
	}
	flush()
	return out
}
