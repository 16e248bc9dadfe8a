package text

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

// Accord's annotators (names, times, numbers, quotes, claims) read English.
// A document in another language is still cleaned, checked for copies and
// clustered into stories, but must not be read as English: a German page
// read by an English name tagger yields thousands of capitalised nouns as
// "people" and "places".

//go:embed stopwords.tsv
var stopwordsTSV string

// foreignStop holds the Snowball stop word lists by ISO 639-1 code.
var foreignStop = map[string]map[string]bool{}

func init() {
	for _, line := range strings.Split(stopwordsTSV, "\n") {
		lang, words, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		set := map[string]bool{}
		for _, w := range strings.Fields(words) {
			set[w] = true
		}
		foreignStop[lang] = set
	}
}

// langCode maps a detector's code to the stop lists' (Norwegian Bokmål and
// Nynorsk share the Snowball list).
func langCode(lang string) string {
	switch lang = strings.ToLower(lang); lang {
	case "nb", "nn":
		return "no"
	}
	return lang
}

// IsForeignStopword reports whether the lower-cased word w is a function
// word of the language lang (ISO 639-1; false for English or a language
// without a list).
func IsForeignStopword(lang, w string) bool { return foreignStop[langCode(lang)][w] }

const (
	// englishSample is how much of the text English reads.
	englishSample = 4000
	// minWords: shorter texts (headlines, tables) stay English.
	minWords = 20
	// minStopShare: the share of a language's stop words among the words
	// of its prose (0.3–0.5 for German, French, Spanish, Italian news;
	// 0.00–0.07 for English news and tables that a detector misreads).
	minStopShare = 0.15
)

// English reports whether the English annotators should read d. It is
// true unless the text is mostly in a non-Latin script, or the document's
// detected language is another one and that language's stop words back
// the detection (at least 15% of the words, and more than English stop
// words). A short text, a table, an undetected language or a language with
// no stop list counts as English, so English text misread by the language
// detector keeps its annotations.
func English(d *accord.Document) bool {
	s := d.Text
	if len(s) > englishSample {
		cut := englishSample
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	latin, other := 0, 0
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				latin++
			}
		case unicode.IsLetter(r):
			if unicode.Is(unicode.Latin, r) {
				latin++
			} else {
				other++
			}
		}
		// A letter of another script takes at least two bytes: once the
		// rest of the sample cannot outnumber the Latin letters, stop.
		if latin > other+(len(s)-i)/2 {
			break
		}
	}
	if other > latin && other >= 50 {
		return false
	}
	lang := langCode(d.Language)
	stops := foreignStop[lang]
	if lang == "" || lang == "en" || stops == nil {
		return true
	}
	words, foreign, english := 0, 0, 0
	for _, w := range Words(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if stops[w] {
			foreign++
		}
		if stopwords[w] {
			english++
		}
	}
	if words < minWords {
		return true
	}
	return float64(foreign) < minStopShare*float64(words) || foreign <= english
}

// ForeignLanguage is "" when English(d) holds, else the code of the
// document's language ("und" when it was not detected): what stages key a
// non-English document's words by, so words of two languages never meet.
func ForeignLanguage(d *accord.Document) string {
	if English(d) {
		return ""
	}
	if lang := langCode(d.Language); lang != "" && lang != "en" {
		return lang
	}
	return "und"
}
