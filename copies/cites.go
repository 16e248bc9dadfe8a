package copies

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/lexicon"
	"github.com/accord-news/accord/text"
)

// name is a run of capitalised words (with "of", "&" and "and" inside); the
// first may be a number joined to a word ("9News") or a channel number
// before one ("9 News.com", "7 News").
const nameRE = `((?:[A-Z](?:[\p{L}\p{N}'’&-]|\.[\p{L}])*|[0-9]+[\p{L}]+[\p{L}\p{N}]*|[0-9]{1,2}[ \t]+[A-Z](?:[\p{L}\p{N}'’&-]|\.[\p{L}])*)(?:[ \t]+(?:(?:of|and|&|the)[ \t]+)?[A-Z](?:[\p{L}\p{N}'’&-]|\.[\p{L}])*){0,4})`

var (
	// strong cues: the named party is reporting.
	reReported = regexp.MustCompile(`(?:^|[^\p{L}])(?:[Tt]he\s+)?` + nameRE + `(?:\s+news\s+agency|\s+newspaper|\s+broadcaster|\s+channel)?\s*,?\s+(?:reported|reports|has reported|had reported|first reported|was reporting|quoted)\b`)
	reCiting   = regexp.MustCompile(`\b(?:citing|quoting|cited by|quoted by|reported by|report by|report from|report in|according to reports? (?:by|from|in))\s+(?:the\s+|a\s+)?` + nameRE)
	reAgency   = regexp.MustCompile(`\b(?:news agency|newspaper|broadcaster|news outlet|news site|tabloid|daily)\s+` + nameRE)
	// weak cue: "according to X" names a source that may be a person or body.
	reAccording = regexp.MustCompile(`\b[Aa]ccording to\s+(?:the\s+)?` + nameRE)
)

// mediaWords are the generic words of news-outlet names; a name holding one
// of them is an outlet wherever it appears.
var mediaWords = map[string]bool{
	"news": true, "times": true, "post": true, "journal": true, "agency": true, "press": true,
	"television": true, "tv": true, "radio": true, "mail": true, "telegraph": true, "herald": true,
	"tribune": true, "guardian": true, "network": true, "broadcasting": true, "gazette": true,
	"chronicle": true, "magazine": true, "wire": true, "daily": true, "observer": true,
	"independent": true, "express": true, "channel": true, "media": true, "newspaper": true,
	"reporter": true, "insider": true, "bulletin": true, "courier": true, "dispatch": true,
	"examiner": true, "monitor": true, "record": true, "review": true, "standard": true,
	"star": true, "globe": true, "sun": true, "weekly": true, "online": true, "nine": true,
}

// citation is one cited outlet in a document.
type citation struct {
	span   accord.Span
	outlet string
}

// findCitations finds the outlets a document relays.
func findCitations(d *accord.Document) []citation {
	t := d.Text
	var out []citation
	seen := map[string]int{}
	add := func(start, end int) {
		name := cleanName(t[start:end])
		if name == "" {
			return
		}
		s := strings.Index(t[start:end], name)
		if s < 0 || !goodContext(t, start+s, start+s+len(name)) {
			return
		}
		sp := accord.Span{Start: start + s, End: start + s + len(name)}
		// One citation per outlet: "9News" and "9 News.com" are one
		// outlet, named by the form without a web domain.
		key := normOutlet(name)
		if key == "" {
			key = strings.ToLower(name)
		}
		if i, ok := seen[key]; ok {
			if hasDomain(out[i].outlet) && !hasDomain(name) {
				out[i] = citation{span: sp, outlet: name}
			}
			return
		}
		seen[key] = len(out)
		out = append(out, citation{span: sp, outlet: name})
	}
	strong := map[string]bool{}
	for _, c := range []struct {
		re     *regexp.Regexp
		cues   []string
		agency bool
	}{
		{reReported, []string{"report", "quoted"}, false},
		{reCiting, []string{"citing", "quoting", "cited by", "quoted by", "report by", "reported by", "report from", "report in", "reports by", "reports from", "reports in"}, false},
		{reAgency, []string{"news agency", "newspaper", "broadcaster", "news outlet", "news site", "tabloid", "daily"}, true},
	} {
		for _, m := range cueMatches(t, c.re, c.cues) {
			name := cleanName(t[m[0]:m[1]])
			if name == "" || !plausibleOutlet(t, m[0], name, c.agency) {
				continue
			}
			strong[strings.ToLower(name)] = true
			add(m[0], m[1])
		}
	}
	for _, m := range cueMatches(t, reAccording, []string{"ccording to"}) {
		name := cleanName(t[m[0]:m[1]])
		if name == "" {
			continue
		}
		if strong[strings.ToLower(name)] || hasMediaWord(name) || isAcronym(name) && !lexicon.Known(name) {
			add(m[0], m[1])
		}
	}
	return out
}

// cueMatches runs re only on windows around the occurrences of its cue words
// (regular expressions over whole texts are too slow at corpus scale) and
// returns the spans of its first group, deduplicated, in text order.
func cueMatches(t string, re *regexp.Regexp, cues []string) [][2]int {
	const before, after = 120, 120
	var wins [][2]int
	for _, cue := range cues {
		for off := 0; off < len(t); {
			i := strings.Index(t[off:], cue)
			if i < 0 {
				break
			}
			p := off + i
			s, e := p-before, p+len(cue)+after
			if s < 0 {
				s = 0
			}
			if e > len(t) {
				e = len(t)
			}
			if s > 0 {
				// start the window at a word boundary
				if k := strings.IndexAny(t[s:p], " \n\t"); k >= 0 {
					s += k
				} else {
					s = p
				}
			}
			for e < len(t) && !utf8.RuneStart(t[e]) {
				e++
			}
			wins = append(wins, [2]int{s, e})
			off = p + len(cue)
		}
	}
	if len(wins) == 0 {
		return nil
	}
	sort.Slice(wins, func(i, j int) bool { return wins[i][0] < wins[j][0] })
	// merge overlapping windows
	merged := wins[:1]
	for _, w := range wins[1:] {
		last := &merged[len(merged)-1]
		if w[0] <= last[1] {
			if w[1] > last[1] {
				last[1] = w[1]
			}
			continue
		}
		merged = append(merged, w)
	}
	var out [][2]int
	seen := map[[2]int]bool{}
	for _, w := range merged {
		for _, m := range re.FindAllStringSubmatchIndex(t[w[0]:w[1]], -1) {
			if len(m) < 4 || m[2] < 0 {
				continue
			}
			sp := [2]int{w[0] + m[2], w[0] + m[3]}
			if !seen[sp] {
				seen[sp] = true
				out = append(out, sp)
			}
		}
	}
	return out
}

// goodContext rejects a name preceded by a title or a preposition ("Mr.
// Gravano quoted", "in Watergate reports") or followed by a possessive
// ("citing Felt's grandson"): a person or a topic, not an outlet.
func goodContext(t string, start, end int) bool {
	if end < len(t) && (strings.HasPrefix(t[end:], "'s") || strings.HasPrefix(t[end:], "’s")) {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(t[:start]); start > 0 && (unicode.IsDigit(r) || strings.ContainsRune(".,£$€¥", r)) {
		// "£1.4bn reported": the tail of an amount, not a name.
		return false
	}
	lo := max(0, start-40)
	for lo > 0 && !utf8.RuneStart(t[lo]) {
		lo++
	}
	before := strings.Fields(t[lo:start])
	if len(before) > 0 && start > 0 && t[start-1] == ' ' {
		if isPrepOrTitle(before[len(before)-1]) {
			return false
		}
		// "Shops all over the UK reported": the object of a preposition,
		// unless the preposition is the cue's own ("a report in the
		// Guardian", "according to the BBC").
		if n := len(before); n >= 2 && isArticle(before[n-1]) && isPrepOrTitle(before[n-2]) &&
			(n < 3 || !isCiteWord(before[n-3])) {
			return false
		}
	}
	return true
}

func cueWord(w string) string { return strings.ToLower(strings.Trim(w, ".,;:'’\"“”()")) }

func isPrepOrTitle(w string) bool {
	switch cueWord(w) {
	case "mr", "mrs", "ms", "dr", "in", "of", "on", "from", "at", "for", "with", "about", "into", "over":
		return true
	}
	return false
}

func isArticle(w string) bool {
	switch cueWord(w) {
	case "the", "a", "an":
		return true
	}
	return false
}

// isCiteWord: a word of a citing cue that a preposition may follow ("report
// in", "article in", "interview with").
func isCiteWord(w string) bool {
	switch cueWord(w) {
	case "report", "reports", "reported", "article", "story", "interview", "editorial", "column", "published", "appeared", "told":
		return true
	}
	return false
}

// cleanName trims a matched name: leading "The", trailing possessive and
// punctuation, trailing cue words.
func cleanName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "The ")
	s = strings.TrimRight(s, ".,;:'’&- ")
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "’s")
	for _, suf := range []string{" and", " of", " the", " &"} {
		s = strings.TrimSuffix(s, suf)
	}
	// trailing weekday or month names ("Le Parisien Wednesday")
	for {
		i := strings.LastIndexByte(s, ' ')
		if i < 0 || !isCalendar(strings.ToLower(s[i+1:])) {
			break
		}
		s = s[:i]
	}
	if len(s) < 2 || !utf8.ValidString(s) || isCalendar(strings.ToLower(s)) || text.IsStopword(strings.ToLower(s)) {
		return ""
	}
	return s
}

var pronounLike = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true, "this": true,
	"that": true, "there": true, "who": true, "which": true, "officials": true, "police": true,
}

// plausibleOutlet rejects names that are a sentence's first word and also an
// ordinary word ("Officials reported", "Police reported"), pronouns, and
// person-like names (two or more capitalised words with no media word are
// taken as people unless an agency cue named them).
func plausibleOutlet(t string, start int, name string, agencyCue bool) bool {
	fields := strings.Fields(name)
	if len(fields) == 0 {
		return false
	}
	if len(fields) > 1 && strings.Trim(fields[0], "0123456789") == "" {
		// a channel number ("9 News.com"): judge the name after it
		return plausibleOutlet(t, start, strings.Join(fields[1:], " "), agencyCue)
	}
	first := strings.ToLower(fields[0])
	if pronounLike[first] || text0(first) {
		return false
	}
	if len(fields) == 1 && unitSuffixed(name) {
		return false // "4bn", "10m": an amount
	}
	if len(fields) == 1 && mediaWords[first] && !afterThe(t, start) {
		// "Press reports suggest …", "Media reports say …": the press in
		// general, not an outlet named "Press".
		return false
	}
	if len(fields) == 1 && lexicon.IsKindOf(first, 4, "country", "city", "region") && !hasMediaWord(name) {
		return false // "a report by UK think-tank Demos": a place, not an outlet
	}
	if hasMediaWord(name) {
		return true
	}
	if len(fields) == 1 {
		switch {
		case isAcronym(name):
			return true
		case isCalendar(first), lexicon.Known(name):
			return false // an ordinary word ("Authorities reported", "newspaper Web site")
		}
		return true
	}
	if agencyCue {
		return true
	}
	// several capitalised words without a media word: likely a person
	// ("John Smith reported"); accept only all-caps or unknown-to-thesaurus
	// multiword names that are not two plain given/family-name-like tokens.
	return false
}

// unitSuffixed: digits then a short lower-case unit ("4bn", "10m", "5th").
func unitSuffixed(name string) bool {
	i := strings.IndexFunc(name, func(r rune) bool { return !unicode.IsDigit(r) })
	if i <= 0 {
		return false
	}
	rest := name[i:]
	return len(rest) <= 3 && strings.ToLower(rest) == rest
}

// afterThe reports whether the word before start is "the".
func afterThe(t string, start int) bool {
	lo := max(0, start-5)
	for lo > 0 && !utf8.RuneStart(t[lo]) {
		lo++
	}
	f := strings.Fields(t[lo:start])
	return len(f) > 0 && strings.EqualFold(f[len(f)-1], "the")
}

func text0(w string) bool {
	switch w {
	case "a", "an", "and", "but", "or", "if", "as", "when", "while", "so":
		return true
	}
	return false
}

func isCalendar(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december":
		return true
	}
	return false
}

func hasMediaWord(name string) bool {
	for _, f := range strings.Fields(name) {
		if mediaWords[strings.ToLower(strings.Trim(f, ".,'’"))] {
			return true
		}
	}
	return false
}

// isAcronym: 2 to 6 capital letters (digits allowed), e.g. "AP", "TASS".
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return letters >= 2
}

// normOutlet normalises an outlet name or a document's outlet field
// ("dailymail.co.uk", "The Daily Mail" -> "dailymail").
func normOutlet(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "https://")
	s = strings.TrimPrefix(s, "http://")
	s = strings.TrimPrefix(s, "www.")
	if i := strings.IndexByte(s, '/'); i >= 0 {
		s = s[:i]
	}
	if i := strings.IndexByte(s, '.'); i > 0 && strings.Count(s, " ") == 0 {
		s = s[:i]
	} else if i := strings.LastIndexByte(s, ' '); i > 0 && hasDomain(s[i+1:]) {
		// "9 news.com": the last word's web domain.
		s = s[:i+1] + s[i+1:i+1+strings.IndexByte(s[i+1:], '.')]
	}
	s = strings.TrimPrefix(s, "the ")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hasDomain reports whether a name's last word is a web address
// ("News.com", "dailymail.co.uk"): letters or digits, then one to three
// dot-separated labels of two to four letters.
func hasDomain(name string) bool {
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		name = name[i+1:]
	}
	parts := strings.Split(strings.ToLower(name), ".")
	if len(parts) < 2 || len(parts) > 4 || parts[0] == "" {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) < 2 || len(p) > 4 {
			return false
		}
		for _, r := range p {
			if r < 'a' || r > 'z' {
				return false
			}
		}
	}
	return true
}

// citeLinks resolves the citations of every indexed document: to a document
// of the cited outlet when the corpus holds one that is close to the citing
// document (robust-signature Jaccard at least 0.05, the closest taken), else
// to "outlet:<Name>".
func (x *Index) citeLinks() []accord.Link {
	byOutlet := map[string][]int32{}
	for i, e := range x.entries {
		if k := normOutlet(e.doc.Outlet); k != "" {
			byOutlet[k] = append(byOutlet[k], int32(i))
		}
	}
	// per document, in parallel (each citation compares up to maxCiteScan
	// signatures), then in document order
	per := make([][]accord.Link, len(x.entries))
	parallel(len(x.entries), x.workers(), func(i int) {
		e := &x.entries[i]
		for _, c := range e.cites {
			l := accord.Link{From: e.doc.ID, To: "outlet:" + c.outlet, Kind: accord.LinkCites, Score: 0.9, Outlet: c.outlet,
				Evidence: []string{"cites " + c.outlet + ": \"" + snippet(e.doc.Text, c.span) + "\""}}
			best, bestJ := int32(-1), 0.05
			for _, j := range nearest(byOutlet[normOutlet(c.outlet)], int32(i), maxCiteScan) {
				if j == int32(i) || x.entries[j].doc.Outlet == e.doc.Outlet {
					continue
				}
				if jj := x.sigs[i].rob.jaccard(&x.sigs[j].rob); jj >= bestJ {
					best, bestJ = j, jj
				}
			}
			if best >= 0 {
				l.To = x.entries[best].doc.ID
				l.Evidence = append(l.Evidence, "the corpus holds a close report by "+x.entries[best].doc.Outlet)
			}
			per[i] = append(per[i], l)
		}
	})
	var out []accord.Link
	for _, ls := range per {
		out = append(out, ls...)
	}
	return out
}

// maxCiteScan bounds the documents of a cited outlet compared with the
// citing document: those indexed nearest to it (feeds arrive roughly in
// publication order, and a relayed report is close in time to its source),
// so that resolving citations stays linear in the corpus size.
const maxCiteScan = 2000

// nearest returns the at most n ids of the sorted list ids closest to id.
func nearest(ids []int32, id int32, n int) []int32 {
	if len(ids) <= n {
		return ids
	}
	k, _ := slices.BinarySearch(ids, id)
	lo := max(0, k-n/2)
	hi := min(len(ids), lo+n)
	lo = max(0, hi-n)
	return ids[lo:hi]
}

// snippet returns the sentence-ish context around a span, at most ~160 bytes.
func snippet(t string, sp accord.Span) string {
	if sp.Start < 0 || sp.End > len(t) || sp.Start > sp.End {
		return ""
	}
	s, e := sp.Start-80, sp.End+60
	if s < 0 {
		s = 0
	}
	if e > len(t) {
		e = len(t)
	}
	for s > 0 && !utf8.RuneStart(t[s]) {
		s--
	}
	for e < len(t) && !utf8.RuneStart(t[e]) {
		e++
	}
	// Whole words only: a cut word is dropped and the cut marked.
	pre, post := "", ""
	if r, _ := utf8.DecodeLastRuneInString(t[:s]); s > 0 && !unicode.IsSpace(r) {
		if i := strings.IndexFunc(t[s:sp.Start], unicode.IsSpace); i >= 0 {
			s += i
		}
	}
	if s > 0 {
		pre = "… "
	}
	if r, _ := utf8.DecodeRuneInString(t[e:]); e < len(t) && !unicode.IsSpace(r) {
		if i := strings.LastIndexFunc(t[sp.End:e], unicode.IsSpace); i >= 0 {
			e = sp.End + i
		}
	}
	if e < len(t) {
		post = " …"
	}
	return pre + strings.Join(strings.Fields(t[s:e]), " ") + post
}
