package track

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"parley/internal/model"
)

// ClaimTime is when a claim happened, as far as its report lets us say.
//
// Time is the report's publication date unless the sentence names another
// time, which is resolved relative to the publication date. Precision keeps
// how much of Time is known. Future marks an intention for a later time
// ("plans to hold talks in mid-January next year", "in the coming days").
// Undated marks a claim whose report has no date and whose sentence names
// none: Time is then zero, never invented.
type ClaimTime struct {
	Time      time.Time       `json:"time,omitzero"`
	Precision model.Precision `json:"precision,omitempty"`
	Future    bool            `json:"future,omitempty"`
	Undated   bool            `json:"undated,omitempty"`
	// Expr is the time expression the time was resolved from, if any.
	Expr string `json:"expr,omitempty"`
	// Note explains a choice: an anchor that could not be found, an
	// undated report.
	Note string `json:"note,omitempty"`
}

// String writes the time at its precision.
func (t ClaimTime) String() string {
	if t.Undated || t.Time.IsZero() {
		return "undated"
	}
	s := formatAt(t.Time, t.Precision)
	if t.Future {
		s += " (future)"
	}
	return s
}

func formatAt(t time.Time, p model.Precision) string {
	switch p {
	case model.PrecisionYear:
		return t.Format("2006")
	case model.PrecisionMonth:
		return t.Format("2006-01")
	default:
		return t.Format("2006-01-02")
	}
}

var precisionRank = map[model.Precision]int{
	model.PrecisionNone: 0, model.PrecisionYear: 1, model.PrecisionMonth: 2,
	model.PrecisionDay: 3, model.PrecisionInstant: 4,
}

func minPrecision(a, b model.Precision) model.Precision {
	if precisionRank[a] < precisionRank[b] {
		return a
	}
	return b
}

// timeRules are the compiled patterns over the words of data/time.yaml.
type timeRules struct {
	// words are every word the rules look for: a sentence with none of
	// them and no digit names no time.
	words                                       map[string]bool
	w                                           timeWords
	iso, dmy, mdy, dm, md, partMonth, monthYear *regexp.Regexp
	relUnits, inUnits, relWord, weekday, year   *regexp.Regexp
	vague, future                               *regexp.Regexp
}

var (
	rulesOnce sync.Once
	rulesVal  *timeRules
)

func alt(words []string) string {
	ws := make([]string, 0, len(words))
	for _, w := range words {
		ws = append(ws, regexp.QuoteMeta(w))
	}
	sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	return strings.Join(ws, "|")
}

func keys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func compileTimeRules() *timeRules {
	w := mustTables().time
	r := &timeRules{w: w, words: map[string]bool{}}
	for _, group := range [][]string{keys(w.Months), keys(w.Weekdays), keys(w.Units),
		{"yesterday", "today", "tomorrow", "ago", "later", "earlier", "coming", "next", "last", "soon", "shortly", "near"}} {
		for _, x := range group {
			r.words[x] = true
		}
	}
	for _, x := range w.VagueFuture {
		for _, f := range strings.Fields(x) {
			if len(f) > 3 {
				r.words[f] = true
			}
		}
	}
	all := alt(keys(w.Months))
	var full []string // full month names, not "may": too often a modal verb
	for k := range w.Months {
		if len(k) > 3 && k != "sept" {
			full = append(full, k)
		}
	}
	fullAlt := alt(full)
	num := `(\d+|` + alt(keys(w.Numbers)) + `)`
	units := alt(keys(w.Units))
	parts := alt(keys(w.MonthParts))
	r.iso = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	r.dmy = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)? (` + all + `)\.?,? (\d{4})\b`)
	r.mdy = regexp.MustCompile(`\b(` + all + `)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`)
	r.dm = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)? (` + all + `)\b`)
	r.md = regexp.MustCompile(`\b(` + all + `)\.? (\d{1,2})(?:st|nd|rd|th)?\b`)
	r.monthYear = regexp.MustCompile(`\b(?:(` + parts + `)[- ])?(` + all + `),? (\d{4})\b`)
	r.partMonth = regexp.MustCompile(`\b(?:(` + parts + `)[- ]|(?:in|since|until|by|from|of|before|after|during) )(` + fullAlt + `)\b(?: (next|last|this) year)?`)
	r.relUnits = regexp.MustCompile(`\b` + num + ` (` + units + `) (ago|earlier|later|before|after|from now)\b((?: [\p{L}'’-]+){0,6})`)
	r.inUnits = regexp.MustCompile(`\b(?:in|within) ` + num + ` (` + units + `)\b`)
	r.relWord = regexp.MustCompile(`\b(?:(last|next|this|past|coming) (year|month|week|weekend)|(yesterday|today|tomorrow))\b`)
	r.weekday = regexp.MustCompile(`\b(?:(last|next|this|on|coming) )?(` + alt(keys(w.Weekdays)) + `)\b`)
	r.year = regexp.MustCompile(`\b(?:in|since|by|during|until|of) ((?:19|20)\d\d)\b`)
	r.vague = regexp.MustCompile(`\b(?:` + alt(w.VagueFuture) + `)\b`)
	r.future = regexp.MustCompile(`\b(?:` + alt(w.FutureCues) + `)\b`)
	return r
}

func getTimeRules() *timeRules {
	rulesOnce.Do(func() { rulesVal = compileTimeRules() })
	return rulesVal
}

func (r *timeRules) number(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return r.w.Numbers[s]
}

func addUnits(t time.Time, unit string, n int) (time.Time, model.Precision) {
	switch unit {
	case "day":
		return t.AddDate(0, 0, n), model.PrecisionDay
	case "week":
		return t.AddDate(0, 0, 7*n), model.PrecisionDay
	case "month":
		return t.AddDate(0, n, 0), model.PrecisionMonth
	default:
		return t.AddDate(n, 0, 0), model.PrecisionYear
	}
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// nearestYear places a month and day without a year in the year that puts
// it closest to ref, looking forward when the claim is an intention.
func nearestYear(ref time.Time, m, d int, future bool) time.Time {
	best := date(ref.Year(), m, d)
	for _, y := range []int{ref.Year() - 1, ref.Year() + 1} {
		c := date(y, m, d)
		if absDays(c.Sub(ref)) < absDays(best.Sub(ref)) {
			best = c
		}
	}
	if future && best.Before(ref.AddDate(0, 0, -1)) {
		best = best.AddDate(1, 0, 0)
	}
	return best
}

func absDays(d time.Duration) float64 {
	if d < 0 {
		d = -d
	}
	return d.Hours() / 24
}

// absolute finds a date with its year in s: (time, precision, expression).
func (r *timeRules) absolute(s string) (time.Time, model.Precision, string, bool) {
	if m := r.iso.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			return date(y, mo, d), model.PrecisionDay, m[0], true
		}
	}
	if m := r.dmy.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[3])
		if d >= 1 && d <= 31 {
			return date(y, r.w.Months[m[2]], d), model.PrecisionDay, m[0], true
		}
	}
	if m := r.mdy.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		if d >= 1 && d <= 31 {
			return date(y, r.w.Months[m[1]], d), model.PrecisionDay, m[0], true
		}
	}
	if m := r.monthYear.FindStringSubmatch(s); m != nil && (m[1] != "" || m[2] != "may") {
		y, _ := strconv.Atoi(m[3])
		d := 1
		if m[1] != "" {
			d = r.w.MonthParts[m[1]]
		}
		return date(y, r.w.Months[m[2]], d), model.PrecisionMonth, m[0], true
	}
	if m := r.year.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		return date(y, 1, 1), model.PrecisionYear, m[0], true
	}
	return time.Time{}, model.PrecisionNone, "", false
}

// ResolveTime says when a claim happened: its report's publication date
// unless the sentence names another time. See ClaimTime.
func ResolveTime(sentence string, doc model.Document) ClaimTime {
	r := getTimeRules()
	s := strings.ToLower(sentence)
	dated := doc.PublishedPrecision != model.PrecisionNone && !doc.Published.IsZero()
	pub := doc.Published
	if dated {
		pub = date(pub.Year(), int(pub.Month()), pub.Day())
	}
	if !r.mayNameTime(s) {
		if !dated {
			return ClaimTime{Undated: true, Note: "the report is undated"}
		}
		return ClaimTime{Time: pub, Precision: doc.PublishedPrecision}
	}
	futureCue := r.future.MatchString(s)

	out := ClaimTime{Time: pub, Precision: doc.PublishedPrecision}
	if !dated {
		out = ClaimTime{Undated: true}
	}
	// finish fills in precision and the future mark of a resolved time.
	finish := func(t time.Time, p model.Precision, expr string, relative bool) ClaimTime {
		ct := ClaimTime{Time: t, Precision: p, Expr: expr}
		if relative {
			ct.Precision = minPrecision(p, doc.PublishedPrecision)
		}
		if !dated {
			ct.Note = "date from the sentence; the report is undated"
		}
		if dated && later(t, pub, ct.Precision) {
			ct.Future = true
		}
		return ct
	}
	undatedRelative := func(expr string) ClaimTime {
		return ClaimTime{Undated: true, Expr: expr, Note: fmt.Sprintf("%q is relative to the report's date, which is unknown", expr)}
	}

	// Relative to an event: "three days after the meeting".
	if m := r.relUnits.FindStringSubmatch(s); m != nil {
		n, unit, dir := r.number(m[1]), r.w.Units[m[2]], m[3]
		anchor := r.eventNoun(m[4])
		m[0] = strings.TrimSpace(strings.TrimSuffix(m[0], m[4]) + " " + anchorPhrase(m[4], anchor))
		sign := 1
		if dir == "ago" || dir == "earlier" || dir == "before" {
			sign = -1
		}
		if dir == "ago" || dir == "from now" {
			if !dated {
				return undatedRelative(m[0])
			}
			t, p := addUnits(pub, unit, sign*n)
			return finish(t, p, m[0], true)
		}
		if anchor == "" {
			anchor = "the event it counts from"
		}
		rest := strings.Replace(s, m[0], "", 1)
		if t, p, expr, ok := r.absolute(rest); ok {
			t2, p2 := addUnits(t, unit, sign*n)
			return finish(t2, minPrecision(p, p2), m[0]+" ("+expr+")", false)
		}
		if t, p, expr, ok := r.anchorInReport(doc.Text, sentence, anchor); ok {
			t2, p2 := addUnits(t, unit, sign*n)
			return finish(t2, minPrecision(p, p2), m[0]+" ("+expr+", named in the report)", false)
		}
		out.Expr = m[0]
		if dated {
			out.Note = fmt.Sprintf("%q: the report does not date %q; report date kept", m[0], anchor)
		} else {
			out.Note = fmt.Sprintf("%q: the report does not date %q and is undated", m[0], anchor)
		}
		return out
	}
	if t, p, expr, ok := r.absolute(s); ok {
		return finish(t, p, expr, false)
	}
	if m := r.partMonth.FindStringSubmatch(s); m != nil {
		if !dated {
			return undatedRelative(m[0])
		}
		mo := r.w.Months[m[2]]
		d := 1
		if m[1] != "" {
			d = r.w.MonthParts[m[1]]
		}
		var t time.Time
		switch m[3] {
		case "next":
			t = date(pub.Year()+1, mo, d)
		case "last":
			t = date(pub.Year()-1, mo, d)
		case "this":
			t = date(pub.Year(), mo, d)
		default:
			t = nearestYear(pub, mo, d, futureCue)
			if !futureCue && t.After(pub) && t.Month() != pub.Month() {
				t = t.AddDate(-1, 0, 0)
			}
		}
		return finish(t, model.PrecisionMonth, m[0], true)
	}
	if m := r.dm.FindStringSubmatch(s); m != nil {
		if !dated {
			return undatedRelative(m[0])
		}
		d, _ := strconv.Atoi(m[1])
		if d >= 1 && d <= 31 {
			return finish(nearestYear(pub, r.w.Months[m[2]], d, futureCue), model.PrecisionDay, m[0], true)
		}
	}
	if m := r.md.FindStringSubmatch(s); m != nil && m[1] != "may" {
		if !dated {
			return undatedRelative(m[0])
		}
		d, _ := strconv.Atoi(m[2])
		if d >= 1 && d <= 31 {
			return finish(nearestYear(pub, r.w.Months[m[1]], d, futureCue), model.PrecisionDay, m[0], true)
		}
	}
	if m := r.inUnits.FindStringSubmatch(s); m != nil {
		if !dated {
			return undatedRelative(m[0])
		}
		t, p := addUnits(pub, r.w.Units[m[2]], r.number(m[1]))
		ct := finish(t, p, m[0], true)
		ct.Future = true
		return ct
	}
	if m := r.relWord.FindStringSubmatch(s); m != nil {
		if !dated {
			return undatedRelative(m[0])
		}
		var t time.Time
		var p model.Precision
		switch m[3] {
		case "yesterday":
			t, p = pub.AddDate(0, 0, -1), model.PrecisionDay
		case "today":
			t, p = pub, model.PrecisionDay
		case "tomorrow":
			t, p = pub.AddDate(0, 0, 1), model.PrecisionDay
		}
		if m[3] == "" {
			step := map[string]int{"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[m[1]]
			switch m[2] {
			case "year":
				t, p = date(pub.Year()+step, 1, 1), model.PrecisionYear
			case "month":
				t, p = date(pub.Year(), int(pub.Month())+step, 1), model.PrecisionMonth
			default: // week, weekend
				t, p = pub.AddDate(0, 0, 7*step), model.PrecisionDay
			}
		}
		return finish(t, p, m[0], true)
	}
	if m := r.weekday.FindStringSubmatch(s); m != nil {
		if !dated {
			return undatedRelative(m[0])
		}
		wd := time.Weekday(r.w.Weekdays[m[2]])
		back := (int(pub.Weekday()) - int(wd) + 7) % 7 // days since the last such weekday
		fwd := (int(wd) - int(pub.Weekday()) + 7) % 7
		var t time.Time
		switch {
		case m[1] == "last":
			if back == 0 {
				back = 7
			}
			t = pub.AddDate(0, 0, -back)
		case m[1] == "next" || m[1] == "coming" || (futureCue && m[1] != "last"):
			if fwd == 0 {
				fwd = 7
			}
			t = pub.AddDate(0, 0, fwd)
		default: // "on Wednesday" in a news report: the last one, or today
			t = pub.AddDate(0, 0, -back)
		}
		return finish(t, model.PrecisionDay, m[0], true)
	}
	if m := r.vague.FindString(s); m != "" {
		out.Expr = m
		out.Future = true
		if !dated {
			out.Note = fmt.Sprintf("%q: a future intention; the report is undated", m)
		}
		return out
	}
	if !dated {
		out.Note = "the report is undated"
	}
	return out
}

// mayNameTime is a quick test before the patterns: a digit or a time word.
func (r *timeRules) mayNameTime(s string) bool {
	if strings.ContainsAny(s, "0123456789") {
		return true
	}
	for _, f := range strings.FieldsFunc(s, func(c rune) bool { return !unicode.IsLetter(c) }) {
		if r.words[f] {
			return true
		}
	}
	return false
}

// later reports whether t falls in a later period than ref at precision p.
func later(t, ref time.Time, p model.Precision) bool {
	switch p {
	case model.PrecisionYear:
		return t.Year() > ref.Year()
	case model.PrecisionMonth:
		return t.Year()*12+int(t.Month()) > ref.Year()*12+int(ref.Month())
	default:
		return t.After(ref)
	}
}

// eventNoun finds the event a relative expression counts from among the
// words that follow it: the first event word of data/time.yaml.
func (r *timeRules) eventNoun(words string) string {
	for _, w := range strings.Fields(words) {
		w = strings.Trim(w, ",;:")
		for _, e := range r.w.Events {
			if w == e {
				return e
			}
		}
	}
	return ""
}

// anchorPhrase cuts the words after a relative expression at its event.
func anchorPhrase(words, event string) string {
	if event == "" {
		return ""
	}
	fs := strings.Fields(words)
	for i, w := range fs {
		if strings.Trim(w, ",;:") == event {
			return strings.Trim(strings.Join(fs[:i+1], " "), ",;:")
		}
	}
	return ""
}

// anchorInReport looks in the report's other sentences for a date named
// next to the event a relative expression counts from ("the meeting").
func (r *timeRules) anchorInReport(text, sentence, anchor string) (time.Time, model.Precision, string, bool) {
	noun := anchor
	for _, sp := range splitSentences(text) {
		sen := strings.ToLower(text[sp.Start:sp.End])
		if strings.Contains(sen, strings.ToLower(sentence)) || !strings.Contains(sen, noun) {
			continue
		}
		if t, p, expr, ok := r.absolute(sen); ok {
			return t, p, expr, true
		}
	}
	return time.Time{}, "", "", false
}

var sentenceEnd = regexp.MustCompile(`[.!?]["'”’)]*(\s+|$)|\n\s*\n`)

// splitSentences is a plain splitter for scanning a report's text for cues;
// claims carry the extractor's own sentences.
func splitSentences(text string) []model.Span {
	var out []model.Span
	start := 0
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		if m[1]-start > 1 {
			out = append(out, model.Span{Start: start, End: m[1]})
		}
		start = m[1]
	}
	if start < len(text) {
		out = append(out, model.Span{Start: start, End: len(text)})
	}
	return out
}
