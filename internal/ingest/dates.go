package ingest

import (
	"regexp"
	"strings"
	"time"

	"github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"

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

// dateparserConfig is the configuration of the general date parser: English,
// UTC when the text names no zone, and strict enough not to fill a missing
// year or month from the current date.
var dateparserConfig = dateparser.Configuration{
	Languages:       []string{"en"},
	DefaultTimezone: time.UTC,
}

// relativeRE recognises relative dates ("2 hours ago", "yesterday", "today",
// "last week"): the general parser resolves them against the fetch time.
var relativeRE = regexp.MustCompile(`(?i)\b(ago|yesterday|today|now|last|this|tomorrow)\b`)

// clockRE finds a time of day ("14:05", "2 pm") or a relative time finer
// than a day ("2 hours ago"): the date is then an instant.
var clockRE = regexp.MustCompile(`(?i)\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b|\b(second|minute|hour|min|hr)s?\b|\bnow\b`)

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
	cfg := dateparserConfig
	cfg.CurrentTime = now.UTC()
	relative := relativeRE.MatchString(s)
	if !relative {
		// An absolute date must give a year: the parser would otherwise
		// take it from the fetch time.
		cfg.RequiredParts = []string{"year"}
	}
	d, err := dateparser.Parse(&cfg, s)
	if err != nil || d.IsZero() {
		return time.Time{}, model.PrecisionNone, false
	}
	switch d.Period {
	case date.Second, date.Minute, date.Hour:
		return d.Time.UTC(), model.PrecisionInstant, true
	case date.Day:
		if clockRE.MatchString(s) {
			return d.Time.UTC(), model.PrecisionInstant, true
		}
		if relative {
			// "yesterday" is a day, not the instant it was parsed.
			y, m, dd := d.Time.In(time.UTC).Date()
			return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC), model.PrecisionDay, true
		}
		return d.Time.UTC(), model.PrecisionDay, true
	case date.Month:
		return d.Time.UTC(), model.PrecisionMonth, true
	case date.Year:
		return d.Time.UTC(), model.PrecisionYear, true
	}
	return time.Time{}, model.PrecisionNone, false
}
