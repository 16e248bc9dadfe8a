package clean

import (
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// maxLangBytes is how much text the language detector reads.
const maxLangBytes = 4000

// DetectLanguage returns the ISO 639-1 code of the text's language, or ""
// when the text is too short or the detector is unsure.
func DetectLanguage(text, title string) string {
	s := text
	if utf8.RuneCountInString(s) < 40 {
		s = title + "\n" + text
	}
	if len(s) > maxLangBytes {
		cut := maxLangBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	if utf8.RuneCountInString(s) < 20 {
		return ""
	}
	info := whatlanggo.Detect(s)
	code := info.Lang.Iso6391()
	if code == "" || (info.Confidence < 0.2 && utf8.RuneCountInString(s) < 200) {
		return ""
	}
	return code
}
