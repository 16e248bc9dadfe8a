package timex

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// word is one matching unit: a token, or one hyphen-separated part of a
// token ("third-quarter" gives "third" and "quarter").
type word struct {
	s          string // lower-cased
	start, end int    // byte span in the text
	tokEnd     int    // end of the whole token this word belongs to
	tokStart   int
	cap        bool // first letter upper-case in the text
}

// splitWords turns tokens into matching words.
func splitWords(src string, toks []accord.Token) []word {
	out := make([]word, 0, len(toks)+8)
	for _, t := range toks {
		if t.Start < 0 || t.End > len(src) || t.Start >= t.End {
			continue
		}
		low := t.Lower
		if low == "" {
			low = strings.ToLower(src[t.Start:t.End])
		}
		r, _ := utf8.DecodeRuneInString(src[t.Start:t.End])
		capital := unicode.IsUpper(r)
		if strings.IndexByte(low, '-') > 0 && len(low) == t.End-t.Start && !isISODate(low) {
			off := 0
			parts := strings.Split(low, "-")
			for k, p := range parts {
				if p != "" {
					rr, _ := utf8.DecodeRuneInString(src[t.Start+off:])
					out = append(out, word{s: p, start: t.Start + off, end: t.Start + off + len(p), tokStart: t.Start, tokEnd: t.End, cap: unicode.IsUpper(rr) || (k == 0 && capital)})
				}
				off += len(p) + 1
			}
			continue
		}
		// Possessives: "today's" gives "today" and "'s" (the timex is "today").
		if n := len(low); n > 2 && len(low) == t.End-t.Start && (strings.HasSuffix(low, "'s")) {
			out = append(out, word{s: low[:n-2], start: t.Start, end: t.End - 2, tokStart: t.Start, tokEnd: t.End - 2, cap: capital},
				word{s: "'s", start: t.End - 2, end: t.End, tokStart: t.End - 2, tokEnd: t.End})
			continue
		}
		if n := len(low); n > 4 && len(low) == t.End-t.Start && strings.HasSuffix(low, "’s") {
			out = append(out, word{s: low[:n-4], start: t.Start, end: t.End - 4, tokStart: t.Start, tokEnd: t.End - 4, cap: capital},
				word{s: "'s", start: t.End - 4, end: t.End, tokStart: t.End - 4, tokEnd: t.End})
			continue
		}
		out = append(out, word{s: low, start: t.Start, end: t.End, tokStart: t.Start, tokEnd: t.End, cap: capital})
	}
	return out
}

func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// tokenize returns the document's tokens, computing them if the text stage
// did not run.
func tokenize(d *accord.Document) []accord.Token {
	if len(d.Tokens) > 0 {
		return d.Tokens
	}
	return text.Tokens(d.Text, accord.Span{Start: 0, End: len(d.Text)})
}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// ambiguousMonth are month names that are also common words.
var ambiguousMonth = map[string]bool{"may": true, "march": true, "mar": true, "jan": true, "jun": true, "dec": true, "sep": true, "aug": true}

var weekdayNames = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
	"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7, // need a period
	"mondays": 8 + 1, "tuesdays": 8 + 2, "wednesdays": 8 + 3, "thursdays": 8 + 4, "fridays": 8 + 5, "saturdays": 8 + 6, "sundays": 8 + 7,
}

var seasonNames = map[string]string{"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

var partOfDay = map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI"}

// unitOf maps a time unit word to its TIMEX3 unit letter; time units are
// lower-case ("h", "m", "s") to tell minutes from months.
func unitOf(s string) (u string, plural bool, ok bool) {
	switch s {
	case "second", "seconds", "sec", "secs":
		return "s", s != "second" && s != "sec", true
	case "minute", "minutes", "min", "mins":
		return "m", s == "minutes" || s == "mins", true
	case "hour", "hours", "hr", "hrs":
		return "h", s == "hours" || s == "hrs", true
	case "day", "days":
		return "D", s == "days", true
	case "week", "weeks":
		return "W", s == "weeks", true
	case "fortnight", "fortnights":
		return "F", s == "fortnights", true
	case "month", "months":
		return "M", s == "months", true
	case "quarter", "quarters":
		return "Q", s == "quarters", true
	case "year", "years":
		return "Y", s == "years", true
	case "decade", "decades":
		return "E", s == "decades", true
	case "century", "centuries":
		return "C", s == "centuries", true
	}
	return "", false, false
}

var smallNumbers = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tensNumbers = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
	"11th": 11, "12th": 12, "13th": 13, "14th": 14, "15th": 15, "16th": 16, "17th": 17, "18th": 18,
	"19th": 19, "20th": 20, "21st": 21, "22nd": 22, "23rd": 23, "24th": 24, "25th": 25, "26th": 26,
	"27th": 27, "28th": 28, "29th": 29, "30th": 30, "31st": 31,
}

// atoi parses a plain run of ASCII digits (at most 9).
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// ordinalDay parses "30", "30th", "thirtieth" as a day of month.
func ordinalDay(s string) (int, bool) {
	if n, ok := atoi(s); ok && len(s) <= 2 && n >= 1 && n <= 31 {
		return n, true
	}
	if n, ok := ordinals[s]; ok && n <= 31 {
		return n, true
	}
	return 0, false
}
