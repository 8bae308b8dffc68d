package ingest

import (
	"regexp"
	"strings"
	"time"

	"parley/internal/model"
)

// dateLayouts are tried, in order, before the general date parser: they
// are the forms news metadata uses most, and they are unambiguous. Each
// has the precision it gives.
var dateLayouts = []struct {
	layout    string
	precision model.Precision
}{
	{time.RFC3339Nano, model.PrecisionInstant},
	{"2006-01-02T15:04:05Z0700", model.PrecisionInstant},
	{"2006-01-02T15:04Z07:00", model.PrecisionInstant},
	{"2006-01-02T15:04:05", model.PrecisionInstant},
	{"2006-01-02T15:04", model.PrecisionInstant},
	{"2006-01-02 15:04:05Z07:00", model.PrecisionInstant},
	{"2006-01-02 15:04:05 -0700", model.PrecisionInstant},
	{"2006-01-02 15:04:05", model.PrecisionInstant},
	{"2006-01-02 15:04", model.PrecisionInstant},
	{time.RFC1123Z, model.PrecisionInstant},
	{time.RFC1123, model.PrecisionInstant},
	{"Mon, 2 Jan 2006 15:04:05 -0700", model.PrecisionInstant},
	{"Mon, 2 Jan 2006 15:04:05 MST", model.PrecisionInstant},
	{"2 Jan 2006 15:04:05 -0700", model.PrecisionInstant},
	{time.RFC822Z, model.PrecisionInstant},
	{time.RFC822, model.PrecisionInstant},
	{"2006-01-02", model.PrecisionDay},
	{"2006/01/02", model.PrecisionDay},
	{"January 2, 2006", model.PrecisionDay},
	{"January 2 2006", model.PrecisionDay},
	{"Jan 2, 2006", model.PrecisionDay},
	{"Jan. 2, 2006", model.PrecisionDay},
	{"2 January 2006", model.PrecisionDay},
	{"2 Jan 2006", model.PrecisionDay},
	{"Monday, January 2, 2006", model.PrecisionDay},
	{"Monday, 2 January 2006", model.PrecisionDay},
	{"Mon, 2 Jan 2006", model.PrecisionDay},
	{"2006-01", model.PrecisionMonth},
	{"January 2006", model.PrecisionMonth},
	{"2006", model.PrecisionYear},
}

// labelRE strips the label a page puts before a date.
var labelRE = regexp.MustCompile(`(?i)^(first published|last updated|published|updated|posted|date)\s*(on|at)?\s*:?\s*`)

// ParseDate reads a date as ingest does (for the --published flag): see
// parseDate.
func ParseDate(s string, now time.Time) (time.Time, model.Precision, bool) {
	return parseDate(s, now)
}

// parseDate reads a publication date. It returns the time in UTC and its
// precision, or ok=false when s holds no date it can read: a date is never
// invented. Relative forms are resolved against now.
func parseDate(s string, now time.Time) (t time.Time, p model.Precision, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 {
		return time.Time{}, model.PrecisionNone, false
	}
	// Datelines and bylines often end with a zone name in parentheses or
	// "UTC"/"GMT" spelled out after an RFC 3339 time; the layouts cover the
	// rest.
	// A plain day, the commonest form, without failing on the layouts
	// before it (each failure allocates an error).
	if len(s) == len("2006-01-02") && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t, model.PrecisionDay, true
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t.UTC(), l.precision, true
		}
	}
	s = labelRE.ReplaceAllString(s, "")
	if s == "" {
		return time.Time{}, model.PrecisionNone, false
	}
	return parseWords(strings.ToLower(s), now)
}

// Dates in words are read by the rules below rather than by a general
// date parser. github.com/markusmobius/go-dateparser, which the stack
// first named, compiles the tables of all its 200 locales when the
// program starts: 0.24 s and 100 MB allocated at the start of every
// parley command, 26 MB kept live, and about 70 MB more peak heap (8 %
// slower) when ingesting, for dates that news metadata writes in a few
// English forms. The rules read those forms; anything else is no date
// (never a guessed one).

// dateWord is a token of a date in words: a number (with its digits
// count), a clock time, or a word.
type dateWord struct {
	text   string
	num    int
	digits int
}

// parseWords reads a lower-case date in words: a relative date ("2 hours
// ago", "yesterday", "just now") resolved against now, or a date with a
// month name and a year ("2nd November 2022", "Wednesday, November 2,
// 2022 at 2:05 pm GMT"), with an optional weekday, day, time of day and
// zone.
func parseWords(s string, now time.Time) (time.Time, model.Precision, bool) {
	now = now.UTC()
	words := splitDateWords(s)
	if t, p, ok := relativeDate(words, now); ok {
		return t, p, true
	}
	var (
		year, month, day = -1, -1, -1
		clock            = -1 // seconds since midnight
		zone             *time.Location
	)
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w.digits == 4 && year < 0:
			year = w.num
		case w.digits > 0 && w.digits <= 2 && i+1 < len(words) && (words[i+1].text == "am" || words[i+1].text == "pm") && clock < 0:
			h, ok := hour12(w.num, words[i+1].text)
			if !ok {
				return time.Time{}, model.PrecisionNone, false
			}
			clock = h * 3600
			i++
		case w.digits > 0 && w.digits <= 2 && day < 0 && w.num >= 1 && w.num <= 31:
			day = w.num
		case strings.Contains(w.text, ":") && clock < 0:
			c, ok := clockTime(w.text)
			if !ok {
				return time.Time{}, model.PrecisionNone, false
			}
			if i+1 < len(words) && (words[i+1].text == "am" || words[i+1].text == "pm") {
				h, ok := hour12(c/3600, words[i+1].text)
				if !ok {
					return time.Time{}, model.PrecisionNone, false
				}
				c = h*3600 + c%3600
				i++
			}
			clock = c
		case monthNumber(w.text) > 0 && month < 0:
			month = monthNumber(w.text)
		case weekdays[w.text] || w.text == "at" || w.text == "on" || w.text == "of" || w.text == "the":
		case zoneOf(w.text) != nil && zone == nil:
			zone = zoneOf(w.text)
		default:
			return time.Time{}, model.PrecisionNone, false
		}
	}
	// An absolute date must give its year and month: none is taken from
	// the fetch time.
	if year < 0 || month < 0 || clock >= 0 && day < 0 {
		return time.Time{}, model.PrecisionNone, false
	}
	if zone == nil {
		zone = time.UTC
	}
	if day < 0 {
		return time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC), model.PrecisionMonth, true
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, zone)
	if t.Day() != day {
		return time.Time{}, model.PrecisionNone, false // 31 November
	}
	if clock < 0 {
		return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC), model.PrecisionDay, true
	}
	return t.Add(time.Duration(clock) * time.Second).UTC(), model.PrecisionInstant, true
}

// splitDateWords splits at spaces, commas and full stops outside clock
// times, drops ordinal suffixes ("2nd") and reads numbers.
func splitDateWords(s string) []dateWord {
	var out []dateWord
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		f = strings.TrimSuffix(f, ".")
		if f == "" {
			continue
		}
		w := dateWord{text: f}
		digits := 0
		for digits < len(f) && '0' <= f[digits] && f[digits] <= '9' {
			w.num = w.num*10 + int(f[digits]-'0')
			digits++
		}
		switch rest := f[digits:]; {
		case digits > 0 && rest == "":
			w.digits = digits
		case digits > 0 && digits <= 2 && (rest == "st" || rest == "nd" || rest == "rd" || rest == "th"):
			w.digits, w.text = digits, f[:digits]
		case digits > 0 && (rest == "am" || rest == "pm"):
			// "2pm": a number then its half of the day
			out = append(out, dateWord{text: f[:digits], num: w.num, digits: digits}, dateWord{text: rest})
			continue
		}
		out = append(out, w)
	}
	return out
}

// relativeDate reads "now", "just now", "today", "yesterday", "tomorrow"
// and "N units ago" (N a number, "a" or "an").
func relativeDate(words []dateWord, now time.Time) (time.Time, model.Precision, bool) {
	day := func(t time.Time) time.Time {
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	if len(words) == 2 && words[0].text == "just" {
		words = words[1:]
	}
	switch {
	case len(words) == 1:
		switch words[0].text {
		case "now":
			return now, model.PrecisionInstant, true
		case "today":
			return day(now), model.PrecisionDay, true
		case "yesterday":
			return day(now.AddDate(0, 0, -1)), model.PrecisionDay, true
		case "tomorrow":
			return day(now.AddDate(0, 0, 1)), model.PrecisionDay, true
		}
	case len(words) == 3 && words[2].text == "ago":
		n := words[0].num
		switch {
		case words[0].digits > 0:
		case words[0].text == "a" || words[0].text == "an" || words[0].text == "one":
			n = 1
		default:
			return time.Time{}, model.PrecisionNone, false
		}
		switch strings.TrimSuffix(words[1].text, "s") {
		case "second", "sec":
			return now.Add(-time.Duration(n) * time.Second), model.PrecisionInstant, true
		case "minute", "min":
			return now.Add(-time.Duration(n) * time.Minute), model.PrecisionInstant, true
		case "hour", "hr":
			return now.Add(-time.Duration(n) * time.Hour), model.PrecisionInstant, true
		case "day":
			return day(now.AddDate(0, 0, -n)), model.PrecisionDay, true
		case "week":
			return day(now.AddDate(0, 0, -7*n)), model.PrecisionDay, true
		case "month":
			y, m, _ := now.AddDate(0, -n, 0).Date()
			return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), model.PrecisionMonth, true
		case "year":
			return time.Date(now.Year()-n, 1, 1, 0, 0, 0, 0, time.UTC), model.PrecisionYear, true
		}
	}
	return time.Time{}, model.PrecisionNone, false
}

// clockTime reads "14:05" or "14:05:30" as seconds since midnight.
func clockTime(s string) (int, bool) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	limits := []int{24, 60, 60}
	secs := 0
	for k, p := range parts {
		if len(p) == 0 || len(p) > 2 || k > 0 && len(p) != 2 {
			return 0, false
		}
		n := 0
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return 0, false
			}
			n = n*10 + int(p[i]-'0')
		}
		if n >= limits[k] {
			return 0, false
		}
		secs += n * [3]int{3600, 60, 1}[k]
	}
	return secs, true
}

// hour12 converts an hour of a 12-hour clock.
func hour12(h int, half string) (int, bool) {
	if h < 1 || h > 12 {
		return 0, false
	}
	h %= 12
	if half == "pm" {
		h += 12
	}
	return h, true
}

// monthNumber is 1–12 for a month's name or its abbreviation ("sept"
// too), or 0.
func monthNumber(w string) int {
	for i, m := range []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"} {
		if w == m || len(w) >= 3 && strings.HasPrefix(m, w) {
			return i + 1
		}
	}
	return 0
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
}

// zoneOf reads a zone: UTC, GMT, Z, a numeric offset (+0300, +03:00,
// -05) or a North American abbreviation; nil when w is none.
func zoneOf(w string) *time.Location {
	switch w {
	case "utc", "gmt", "z":
		return time.UTC
	}
	if off, ok := map[string]int{"est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7}[w]; ok {
		return time.FixedZone(strings.ToUpper(w), off*3600)
	}
	if len(w) < 3 || w[0] != '+' && w[0] != '-' {
		return nil
	}
	digits := strings.ReplaceAll(w[1:], ":", "")
	if len(digits) != 2 && len(digits) != 4 {
		return nil
	}
	n := 0
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return nil
		}
		n = n*10 + int(digits[i]-'0')
	}
	h, m := n, 0
	if len(digits) == 4 {
		h, m = n/100, n%100
	}
	if h > 14 || m >= 60 {
		return nil
	}
	off := h*3600 + m*60
	if w[0] == '-' {
		off = -off
	}
	return time.FixedZone(w, off)
}
