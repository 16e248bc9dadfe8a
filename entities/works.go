package entities

import "strings"

// Titles of works in quotation marks. News names a film, book, album or
// play by its title in quotes after a noun that says what it is ("the film
// "The Long Road"", "his novels translate as "A Year of Rain" (1963), "The
// Knot""); CoNLL and OntoNotes annotate such titles as one name (MISC, a
// work of art), while the tagger reads their words as people, places or
// nothing ("Lawrence" PER + "Arabia" LOC). A quoted run is a title when
//   - it is in title case: its first and last words are capitalised (or a
//     number), every other word is capitalised, a number, a closed-class
//     word or "'s", and it has 1-8 words;
//   - and a work noun ("film", "novel", "album" …) or a phrase of
//     performing ("known for", "appearances in", "role in") comes within
//     four words before its opening quote, or it follows such a title in a
//     list ("X", "Y" and "Z"; a bracketed year between them allowed).
// The title replaces the tagger's names inside the quotes.

var workNouns = set("film", "films", "movie", "movies", "novel", "novels", "book", "books", "biography",
	"autobiography", "memoir", "memoirs", "album", "albums", "song", "songs", "single", "play", "plays",
	"opera", "musical", "series", "sitcom", "documentary", "programme", "program", "show", "poem",
	"poems", "painting", "drama", "comedy", "thriller", "epic", "story", "stories", "essay", "ballet",
	"symphony", "track", "hit", "titled", "entitled", "campaign", "slogan")

// workVerbsBefore: the word before the quote after which a title is a work
// the person performed ("known for", "appearances in", "starred in").
var workCueBigrams = set("known for", "appearances in", "appearance in", "performance in", "performances in",
	"role in", "roles in", "starred in", "starring in", "star of", "author of", "director of", "directed",
	"wrote", "written", "published")

func isQuote(w string) bool {
	switch w {
	case "\"", "'", "“", "”", "‘", "’", "``", "''", "«", "»":
		return true
	}
	return false
}

// titleRun reports whether ws[i:j] is a quoted title's words.
func titleRun(ws []word) bool {
	n := len(ws)
	if n == 0 || n > 8 {
		return false
	}
	for k, w := range ws {
		t := w.text
		l := strings.ToLower(t)
		switch {
		case allDigits(t) && k > 0:
		case firstUpper(t) && hasLetterOrDigit(t):
		case k > 0 && k < n-1 && (edgeWords[l] || l == "'s" || t == "-" || t == "&"):
		default:
			return false
		}
	}
	return true
}

// quotedWorks returns the sentence's names with the quoted titles of works
// in place of the tagger's names inside them.
func (a *annotator) quotedWorks(si int, cs []span) []span {
	ws := a.sents[si]
	type run struct{ i, j int } // words inside the quotes; quotes at i-1 and j
	var runs []run
	for o := 0; o < len(ws); o++ {
		if !isQuote(ws[o].text) {
			continue
		}
		c := o + 1
		for c < len(ws) && c <= o+10 && !isQuote(ws[c].text) {
			c++
		}
		if c >= len(ws) || c > o+10 || !isQuote(ws[c].text) {
			continue
		}
		j := c
		for j > o+1 && (ws[j-1].text == "," || ws[j-1].text == ".") { // "Bertillon 166 ," "
			j--
		}
		if titleRun(ws[o+1 : j]) {
			runs = append(runs, run{o + 1, j})
			o = c
		}
	}
	if len(runs) == 0 {
		return cs
	}
	lw := func(k int) string {
		if k < 0 || k >= len(ws) {
			return ""
		}
		return strings.ToLower(ws[k].text)
	}
	cued := func(q int) bool { // q: the opening quote
		for k := q - 1; k >= 0 && k >= q-4; k-- {
			if workNouns[lw(k)] {
				return true
			}
			if k > 0 && workCueBigrams[lw(k-1)+" "+lw(k)] || workCueBigrams[lw(k)] && k == q-1 {
				return true
			}
			if isQuote(ws[k].text) || ws[k].text == "." || ws[k].text == ";" {
				break
			}
		}
		return false
	}
	// listed: only ",", "and", "or" and a bracketed year between the
	// closing quote of one title and the opening quote of the next.
	listed := func(prevClose, open int) bool {
		for k := prevClose + 1; k < open; k++ {
			t := lw(k)
			if t != "," && t != "and" && t != "or" && t != "(" && t != ")" && !(allDigits(t) && len(t) == 4) {
				return false
			}
		}
		return open-prevClose <= 6
	}
	var works []run
	prevOK, prevClose := false, -10
	for _, r := range runs {
		close := r.j
		for close < len(ws) && !isQuote(ws[close].text) {
			close++
		}
		ok := cued(r.i-1) || (prevOK && listed(prevClose, r.i-1))
		if ok {
			works = append(works, r)
		}
		prevOK, prevClose = ok, close
	}
	if len(works) == 0 {
		return cs
	}
	var out []span
	for _, c := range cs {
		keep := true
		for _, r := range works {
			if c.i >= r.i-1 && c.j <= r.j+1 { // inside the quotes
				keep = false
			} else if c.i < r.j && r.i < c.j {
				keep = false // across a quote: the title's words are the title's
			}
		}
		if keep {
			out = append(out, c)
		}
	}
	for _, r := range works {
		out = append(out, span{r.i, r.j, clsMISC})
	}
	sortSpans(out)
	return out
}
