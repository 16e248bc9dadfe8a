package clean

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var isoLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z0700", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05", "2006-01-02 15:04",
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700", "20060102T150405Z0700", "20060102",
}

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var (
	reISODate = regexp.MustCompile(`^((?:19|20)\d\d)-(\d\d)-(\d\d)$`)
	reMDY     = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	reDMY     = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\b`)
	reDotted  = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b`)
	reISOIn   = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	reClock   = regexp.MustCompile(`(?i)\b(\d{1,2}): ?(\d\d)(?::(\d\d))?\s*(am|pm|a\.m\.|p\.m\.)?`)
)

// normalizeDate turns a machine-readable date (meta tag, JSON-LD, datetime
// attribute) into ISO 8601: a full timestamp where one is given, else a date.
// It returns "" for anything it cannot read or that is implausible.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	if m := reISODate.FindStringSubmatch(s); m != nil {
		return validYMD(m[1], m[2], m[3])
	}
	for _, l := range isoLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if !plausibleYear(t.Year()) {
				return ""
			}
			if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && !strings.ContainsAny(s[min(len(s), 10):], ":") {
				return t.Format("2006-01-02")
			}
			if l == "2006-01-02T15:04:05" || l == "2006-01-02T15:04" || l == "2006-01-02 15:04:05" || l == "2006-01-02 15:04" {
				return t.Format("2006-01-02T15:04:05")
			}
			return t.Format(time.RFC3339)
		}
	}
	if len(s) >= 10 {
		if m := reISOIn.FindStringSubmatch(s[:10]); m != nil {
			return validYMD(m[1], m[2], m[3])
		}
	}
	return dateInText(s)
}

// dateInText finds a written date ("January 14, 2022", "14 Jan 2022",
// "14.01.2022", "2022-01-14") in a short text, with its clock time when one
// follows. It returns "" when none is found.
func dateInText(s string) string {
	var y, mo, d string
	pos := -1
	end := 0
	if m := reMDY.FindStringSubmatchIndex(s); m != nil {
		mo = strconv.Itoa(monthNames[strings.ToLower(s[m[2]:m[3]])])
		d, y = s[m[4]:m[5]], s[m[6]:m[7]]
		pos, end = m[0], m[1]
	}
	if m := reDMY.FindStringSubmatchIndex(s); m != nil && (pos < 0 || m[0] < pos) {
		d = s[m[2]:m[3]]
		mo = strconv.Itoa(monthNames[strings.ToLower(s[m[4]:m[5]])])
		y = s[m[6]:m[7]]
		pos, end = m[0], m[1]
	}
	if m := reISOIn.FindStringSubmatchIndex(s); m != nil && (pos < 0 || m[0] < pos) {
		y, mo, d = s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]
		pos, end = m[0], m[1]
	}
	if m := reDotted.FindStringSubmatchIndex(s); m != nil && (pos < 0 || m[0] < pos) {
		d, mo, y = s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]
		pos, end = m[0], m[1]
	}
	if pos < 0 {
		return ""
	}
	date := validYMD(y, mo, d)
	if date == "" {
		return ""
	}
	rest := s[end:]
	if len(rest) > 24 {
		rest = rest[:24]
	}
	if m := reClock.FindStringSubmatch(rest); m != nil {
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		ap := strings.ToLower(strings.ReplaceAll(m[4], ".", ""))
		if ap == "pm" && h < 12 {
			h += 12
		} else if ap == "am" && h == 12 {
			h = 0
		}
		if h < 24 && mi < 60 {
			return fmt.Sprintf("%sT%02d:%02d:00", date, h, mi)
		}
	}
	return date
}

func validYMD(y, m, d string) string {
	yi, e1 := strconv.Atoi(y)
	mi, e2 := strconv.Atoi(m)
	di, e3 := strconv.Atoi(d)
	if e1 != nil || e2 != nil || e3 != nil || !plausibleYear(yi) || mi < 1 || mi > 12 || di < 1 || di > 31 {
		return ""
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Day() != di {
		return ""
	}
	return t.Format("2006-01-02")
}

func plausibleYear(y int) bool { return y >= 1900 && y <= 2100 }
