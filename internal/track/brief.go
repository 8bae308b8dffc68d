package track

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/template"
	"time"

	"parley/internal/model"
)

// BriefItem is one statement of a brief with its footnote marks.
type BriefItem struct {
	Text  string
	Notes string
	Sub   []BriefItem
}

// BriefParty is where one party stands, issue by issue.
type BriefParty struct {
	Party string
	Items []BriefItem
}

// Footnote names the report behind a statement: outlet, date, source kind.
type Footnote struct {
	N    int
	Text string
}

// BriefData is what the brief template renders.
type BriefData struct {
	Title, AsOf, Parties, Mediators, Counts, NewSince string
	New                                               []BriefItem
	Parties2                                          []BriefParty
	Sticking                                          []BriefItem
	Unconfirmed                                       []BriefItem
	Footnotes                                         []Footnote
}

// defaultNewDays is how far back "what is new" looks without a date.
const defaultNewDays = 30

type footnotes struct {
	byKey map[string]int
	list  []Footnote
}

func (f *footnotes) mark(es ...*Entry) string {
	var b strings.Builder
	var seen []int
	for _, e := range es {
		key := e.Doc.ID + "\x00" + normText(e.Claim.Sentence)
		n, ok := f.byKey[key]
		if !ok {
			n = len(f.list) + 1
			f.byKey[key] = n
			f.list = append(f.list, Footnote{N: n, Text: noteText(e.Doc, sourceLabel(e), e.Claim.Sentence)})
		}
		if !slices.Contains(seen, n) {
			seen = append(seen, n)
			fmt.Fprintf(&b, "[^%d]", n)
		}
	}
	return b.String()
}

func (f *footnotes) markSalience(s Salience) string {
	key := s.Doc.ID + "\x00" + normText(s.Sentence)
	n, ok := f.byKey[key]
	if !ok {
		n = len(f.list) + 1
		f.byKey[key] = n
		f.list = append(f.list, Footnote{N: n, Text: noteText(s.Doc, "the report", s.Sentence)})
	}
	return fmt.Sprintf("[^%d]", n)
}

func noteText(d DocRef, source, sentence string) string {
	outlet := d.Outlet
	if outlet == "" {
		outlet = "unknown outlet"
	}
	date := d.Date()
	if d.Undated {
		date = "undated (ingested " + d.Ingested.Format(time.DateOnly) + ")"
	}
	return fmt.Sprintf("%s, %s; %s: “%s”", outlet, date, source, clipText(oneLine(sentence), 200))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// describeEntry says what a claim states, with its qualifiers.
func describeEntry(e *Entry) string {
	var q []string
	if e.Claim.Hedged {
		q = append(q, "hedged")
	}
	if e.Claim.Precondition {
		q = append(q, "precondition")
	}
	q = append(q, e.Claim.Source.Kind+" source")
	if e.Claim.Source.Via != "" {
		q = append(q, "via "+strings.TrimSpace(e.Claim.Source.Via))
	}
	if st := e.Status(); st != "" {
		q = append(q, st)
	}
	if e.Time.Future {
		q = append(q, "intended for "+e.Time.String())
	}
	return fmt.Sprintf("%s %s on %s: %s (%s)", e.Claim.Actor, actVerb(e.Claim.Act), e.Claim.Issue, positionText(e.Claim.Position, e.Claim.Sentence), strings.Join(q, "; "))
}

// positionText is the claim's position summary, or its sentence (clipped)
// when the summary is too short to stand alone.
func positionText(position, sentence string) string {
	if len(strings.Fields(position)) >= 3 {
		return oneLine(position)
	}
	return "“" + clipText(oneLine(sentence), 160) + "”"
}

func actVerb(act string) string {
	switch act {
	case "demand":
		return "demands"
	case "propose":
		return "proposes"
	case "accept":
		return "accepts"
	case "reject":
		return "rejects"
	case "concede":
		return "concedes"
	}
	return act
}

// Brief builds the brief of the case: what is new since the date (the
// last 30 days of reporting when since is zero), where each party stands,
// the sticking points and what is unconfirmed, every statement footnoted.
func (v *View) Brief(since time.Time) BriefData {
	fn := &footnotes{byKey: map[string]int{}}
	c := v.Case
	d := BriefData{Title: "Brief: " + c.Name, Parties: strings.Join(c.Parties, ", "), Mediators: strings.Join(c.Mediators, ", ")}
	if c.Title != "" {
		d.Title = "Brief: " + c.Title
	}
	d.AsOf = "no dated report"
	if !v.Ref.IsZero() {
		d.AsOf = "the latest dated report, " + v.Ref.Format(time.DateOnly)
	}
	roots := map[string]bool{}
	undated := 0
	for _, e := range v.Entries {
		roots[e.Doc.Root] = true
		if e.Doc.Undated {
			undated++
		}
	}
	d.Counts = fmt.Sprintf("%d claims from %d independent reports", len(v.Entries), len(roots))
	if undated > 0 {
		d.Counts += fmt.Sprintf(" (%d claims from undated reports, placed by ingestion time)", undated)
	}
	d.Counts += "."
	if since.IsZero() && !v.Ref.IsZero() {
		since = v.Ref.AddDate(0, 0, -defaultNewDays)
		d.NewSince = fmt.Sprintf("(the last %d days of reporting, since %s)", defaultNewDays, since.Format(time.DateOnly))
	} else if !since.IsZero() {
		d.NewSince = "(since " + since.Format(time.DateOnly) + ")"
	}

	// What is new: moves first, then new claims not part of a move.
	inChange := map[*Entry]bool{}
	for _, ch := range v.Changes(since) {
		inChange[ch.To] = true
		text := fmt.Sprintf("**%s, %s**: %s %s — %s", ch.Party, ch.Issue, ch.Kind, "("+ch.What+")", describeEntry(ch.To))
		if ch.Kind == NotRepeated {
			text = fmt.Sprintf("**%s, %s**: not repeated — the demand (%s) is missing from a later list of demands; not a concession", ch.Party, ch.Issue, positionText(ch.From.Claim.Position, ch.From.Claim.Sentence))
		}
		d.New = append(d.New, BriefItem{Text: text, Notes: fn.mark(ch.From, ch.To)})
	}
	for _, e := range v.Entries {
		if inChange[e] || e.order.Before(since) || e.Doc.Undated && !since.IsZero() && e.order.Before(since) {
			continue
		}
		d.New = append(d.New, BriefItem{Text: describeEntry(e), Notes: fn.mark(e)})
	}
	for _, cf := range v.Conflicts() {
		if cf.B.order.Before(since) {
			continue
		}
		d.New = append(d.New, BriefItem{Text: fmt.Sprintf("**Conflicting reports** on %s, %s: %s", cf.Party, cf.Issue, cf.Why), Notes: fn.mark(cf.A, cf.B)})
	}

	// Where each party stands.
	for _, p := range c.Parties {
		bp := BriefParty{Party: p}
		for _, is := range c.IssueList() {
			st, ok := v.Stance(p, is)
			if !ok {
				continue
			}
			var q []string
			if st.Hedged {
				q = append(q, "hedged")
			}
			if st.Precondition {
				q = append(q, "precondition")
			}
			if st.Status != "" {
				q = append(q, st.Status)
			}
			q = append(q, fmt.Sprintf("confidence %.2f", st.Confidence), fmt.Sprintf("%d report(s)", st.Reports))
			text := fmt.Sprintf("**%s**: %s — %s (%s; %s)", is, actVerb(st.Act), positionText(st.Position, st.Basis[len(st.Basis)-1].Claim.Sentence), st.Time, strings.Join(q, ", "))
			if pv, ok := v.PositionValue(p, is); ok {
				text += fmt.Sprintf("; on the scale: %s (%g)", pv.Label, pv.Value)
			}
			if len(st.Against) > 0 {
				text += fmt.Sprintf("; contradicted by %d report(s)%s", len(st.Against), fn.mark(st.Against...))
			}
			bp.Items = append(bp.Items, BriefItem{Text: text, Notes: fn.mark(st.Basis...)})
		}
		d.Parties2 = append(d.Parties2, bp)
	}

	// Sticking points: issues on which the parties' positions are not agreed.
	for _, g := range v.Gaps() {
		if g.Status == Agreed || len(g.Stances) == 0 {
			continue
		}
		var basis []*Entry
		for _, st := range g.Stances {
			basis = append(basis, st.Basis...)
		}
		it := BriefItem{Text: fmt.Sprintf("**%s** — %s (score %.2f): %s", g.Issue, g.Status, g.Score, g.Why), Notes: fn.mark(basis...)}
		for _, s := range g.Salience {
			sub := fmt.Sprintf("salience “%s”", s.Cue)
			if s.Party != "" {
				sub += " (names " + s.Party + ")"
			}
			it.Sub = append(it.Sub, BriefItem{Text: sub, Notes: fn.markSalience(s)})
		}
		d.Sticking = append(d.Sticking, it)
	}

	// What is unconfirmed: the claims behind current stances that rest on
	// no on-the-record, stated-as-fact or confirmed report, and every
	// denied claim.
	listed := map[*Entry]bool{}
	for _, st := range v.Stances() {
		onRecord := false
		for _, e := range st.Basis {
			if onTheRecord(e) {
				onRecord = true
			}
		}
		if onRecord {
			continue
		}
		for _, e := range st.Basis {
			if listed[e] {
				continue
			}
			listed[e] = true
			text := describeEntry(e)
			if e.Unconfirmed != "" {
				text += " — the report itself says it is not confirmed"
			}
			d.Unconfirmed = append(d.Unconfirmed, BriefItem{Text: text, Notes: fn.mark(e)})
		}
	}
	for _, e := range v.Entries {
		if len(e.DeniedBy) > 0 && !listed[e] {
			listed[e] = true
			d.Unconfirmed = append(d.Unconfirmed, BriefItem{Text: describeEntry(e) + " — denied", Notes: fn.mark(append([]*Entry{e}, e.DeniedBy...)...)})
		}
	}
	d.Footnotes = fn.list
	return d
}

// onTheRecord reports whether an entry is more than a report of a report:
// a named official's unhedged statement, the report's own unhedged
// statement of fact (not flagged by the report as unconfirmed), or a claim
// that a later report confirmed. Anonymous sources, another outlet's
// account, analysts and hedged claims are not.
func onTheRecord(e *Entry) bool {
	if len(e.ConfirmedBy) > 0 {
		return true
	}
	if e.Claim.Hedged || e.Unconfirmed != "" || len(e.DeniedBy) > 0 {
		return false
	}
	switch e.Claim.Source.Kind {
	case model.SourceOfficial, model.SourceUnattributed:
		return true
	}
	return false
}

var briefTemplate = template.Must(template.New("brief.md.tmpl").Funcs(template.FuncMap{
	"inc": func(i int) int { return i + 1 },
}).ParseFS(dataFS, "data/brief.md.tmpl"))

// WriteBrief renders the brief as Markdown.
func (v *View) WriteBrief(w io.Writer, since time.Time) error {
	if err := briefTemplate.Execute(w, v.Brief(since)); err != nil {
		return fmt.Errorf("track: write brief: %w", err)
	}
	return nil
}
