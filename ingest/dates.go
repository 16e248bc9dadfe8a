package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date parsing for metadata fields. A date is normalized to ISO 8601: a
// calendar date (2022-01-14) or, when a time of day and an explicit zone are
// both given, an RFC 3339 datetime (2022-01-14T10:30:00Z). A time without a
// zone is dropped rather than guessed.

const (
	monthRe   = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	weekdayRe = `(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`
	timeRe    = `(?:(?:,\s*|\s+|T)(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?\s*(z\b|utc\b|gmt\b|[+-]\d{2}:?\d{2}\b|[a-z]{2,5}\b)?)?`
)

var (
	isoDateRe   = regexp.MustCompile(`(?i)^(\d{4})-(\d{1,2})-(\d{1,2})` + timeRe)
	slashDateRe = regexp.MustCompile(`(?i)^(\d{4})/(\d{1,2})/(\d{1,2})` + timeRe)
	mdyRe       = regexp.MustCompile(`(?i)^` + weekdayRe + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b` + timeRe)
	dmyRe       = regexp.MustCompile(`(?i)^` + weekdayRe + `(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRe + `,?\s+(\d{4})\b` + timeRe)
	partialRe   = regexp.MustCompile(`^(\d{4})(?:-(\d{2}))?$`)
)

var monthNum = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// parseLeadingDate parses a date (with an optional time) at the start of s.
// It returns the ISO value, the rest of s after the date, and whether a date
// was found.
func parseLeadingDate(s string) (iso, rest string, ok bool) {
	s = strings.TrimLeft(s, " \t")
	type form struct {
		re         *regexp.Regexp
		y, m, d    int  // submatch indexes
		monthIsTxt bool // m is a month name
		t          int  // first time submatch
	}
	forms := []form{
		{isoDateRe, 1, 2, 3, false, 4},
		{slashDateRe, 1, 2, 3, false, 4},
		{mdyRe, 3, 1, 2, true, 4},
		{dmyRe, 3, 2, 1, true, 4},
	}
	for _, f := range forms {
		m := f.re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		y, _ := strconv.Atoi(g(f.y))
		var mon int
		if f.monthIsTxt {
			ms := strings.ToLower(g(f.m))
			if len(ms) >= 3 {
				mon = monthNum[ms[:3]]
			}
		} else {
			mon, _ = strconv.Atoi(g(f.m))
		}
		d, _ := strconv.Atoi(g(f.d))
		if y < 1800 || y > 2200 || mon < 1 || mon > 12 || d < 1 || d > 31 {
			continue
		}
		date := time.Date(y, time.Month(mon), d, 0, 0, 0, 0, time.UTC)
		if date.Day() != d {
			continue // 31 February
		}
		end := m[1]
		iso = date.Format("2006-01-02")
		hh, mm, ss := g(f.t), g(f.t+1), g(f.t+2)
		ampm, zone := strings.ToLower(g(f.t+3)), strings.ToLower(g(f.t+4))
		if hh != "" {
			h, _ := strconv.Atoi(hh)
			mi, _ := strconv.Atoi(mm)
			se, _ := strconv.Atoi(ss)
			if strings.HasPrefix(ampm, "p") && h < 12 {
				h += 12
			} else if strings.HasPrefix(ampm, "a") && h == 12 {
				h = 0
			}
			valid := h < 24 && mi < 60 && se < 61
			if !valid {
				end = dateEnd(s, m, f.t) // not a time after all: keep only the date
			} else if off, ok := zoneOffset(zone); ok {
				loc := time.FixedZone("", off)
				iso = time.Date(y, time.Month(mon), d, h, mi, se, 0, loc).Format(time.RFC3339)
			} else if zone != "" && !knownZoneAbbrev(zone) {
				end = m[2*(f.t+4)] // the "zone" was the next word of the text
			}
		}
		return iso, s[end:], true
	}
	return "", s, false
}

// dateEnd is the end of the date part of a match (before the time group).
func dateEnd(s string, m []int, t int) int {
	end := 0
	for i := 1; i < t; i++ {
		if m[2*i+1] > end {
			end = m[2*i+1]
		}
	}
	if end == 0 {
		return m[1]
	}
	return end
}

// zoneOffset returns the UTC offset in seconds of an explicit zone
// (Z, UTC, GMT, +hh:mm, -hhmm).
func zoneOffset(z string) (int, bool) {
	switch z {
	case "z", "utc", "gmt":
		return 0, true
	}
	if len(z) >= 5 && (z[0] == '+' || z[0] == '-') {
		digits := strings.ReplaceAll(z[1:], ":", "")
		if len(digits) != 4 {
			return 0, false
		}
		h, err1 := strconv.Atoi(digits[:2])
		m, err2 := strconv.Atoi(digits[2:])
		if err1 != nil || err2 != nil || h > 14 || m > 59 {
			return 0, false
		}
		off := h*3600 + m*60
		if z[0] == '-' {
			off = -off
		}
		return off, true
	}
	return 0, false
}

// knownZoneAbbrev reports the common zone abbreviations, which are consumed
// but (being ambiguous) not converted.
func knownZoneAbbrev(z string) bool {
	switch z {
	case "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest",
		"eet", "eest", "ist", "jst", "kst", "aest", "aedt", "msk", "wet", "west", "hkt", "sgt", "et", "pt", "ct", "mt":
		return true
	}
	return false
}

// normalizeDate turns a whole metadata date value into ISO 8601, or "".
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if m := partialRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		if y >= 1800 && y <= 2200 {
			if m[2] == "" {
				return m[1]
			}
			if mo, _ := strconv.Atoi(m[2]); mo >= 1 && mo <= 12 {
				return s
			}
		}
		return ""
	}
	for _, layout := range []string{time.RFC3339Nano, time.RFC1123Z, time.RFC822Z, "2006-01-02T15:04:05Z0700", "2006-01-02 15:04:05Z07:00", "Mon, 2 Jan 2006 15:04:05 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	for _, layout := range []string{time.RFC1123, time.RFC822, time.RFC850, time.UnixDate, "Mon, 2 Jan 2006 15:04:05 MST"} {
		if t, err := time.Parse(layout, s); err == nil {
			if z, _ := t.Zone(); z == "UTC" || z == "GMT" || z == "Z" {
				return t.UTC().Format(time.RFC3339)
			}
			return t.Format("2006-01-02")
		}
	}
	if t, err := time.Parse(time.ANSIC, s); err == nil {
		return t.Format("2006-01-02")
	}
	if iso, rest, ok := parseLeadingDate(s); ok && strings.TrimSpace(strings.Trim(rest, ".,;")) == "" {
		return iso
	}
	return ""
}

// isoFromTime formats a parsed feed time.
func isoFromTime(t time.Time) string {
	if t.IsZero() || t.Year() < 1800 || t.Year() > 2200 {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
