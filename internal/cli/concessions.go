package cli

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"parley/internal/analyse"
	"parley/internal/track"
)

// ConcessionsCmd fits concession curves to a case's tracked positions.
type ConcessionsCmd struct {
	Case     string `name:"case" required:"" help:"Case name."`
	Party    string `name:"party" help:"Only this party (meetings: this party against each other)."`
	Issue    string `name:"issue" help:"Only this issue (it needs a scale in the case file)."`
	Deadline string `name:"deadline" help:"Deadline of every curve (YYYY-MM-DD); default: each party's last dated position plus the span it was observed over."`
	Horizon  int    `name:"horizon" default:"365" help:"Days after the last dated position within which to look for the curves meeting."`
	Format
}

// concessionHelp is the command's description of its method.
const concessionHelp = `Fits the time-dependent concession tactic (Faratin, Sierra & Jennings) to each party's dated positions on each scaled issue of a case: every demand, proposal or acceptance that names a point of the issue's scale, at the time the case orders it by (undated reports are left out); time in days from the issue's first dated position. A fit needs 3 or more dated positions. Each party starts from its first position and concedes towards the other parties' mean opening position (the far end of the scale when no other party is placed); e < 0.8 is Boulware, e > 1.25 Conceder, between linear, and a curve that barely moves is a hardliner. When two parties' curves are fitted, it says when they would meet if the trends held, or that they do not within the horizon. At its deadline a curve reaches the other side's opening by construction, so a meeting after a deadline says more about the deadline than about the parties.`

type concessionObs struct {
	Time     string   `json:"time"`
	Day      float64  `json:"day"`
	Position float64  `json:"position"`
	Label    string   `json:"label"`
	Evidence []string `json:"evidence"`
}

type concessionRow struct {
	Kind   string                 `json:"kind"` // fit, too-few, no-fit
	Issue  string                 `json:"issue"`
	Party  string                 `json:"party"`
	N      int                    `json:"n"`
	Fit    *analyse.ConcessionFit `json:"fit,omitempty"`
	Tactic string                 `json:"tactic,omitempty"`
	Epoch  string                 `json:"epoch,omitempty"`
	Obs    []concessionObs        `json:"observations,omitempty"`
	Note   string                 `json:"note,omitempty"`
	curve  *analyse.ConcessionCurve
	last   float64
	first  float64
}

type meetRow struct {
	Kind     string   `json:"kind"` // meet
	Issue    string   `json:"issue"`
	Parties  []string `json:"parties"`
	Meet     bool     `json:"meet"`
	Day      float64  `json:"day,omitempty"`
	Date     string   `json:"date,omitempty"`
	Position float64  `json:"position,omitempty"`
	Until    string   `json:"until"`
	Note     string   `json:"note"`
}

// Help describes the method beside the flags.
func (c *ConcessionsCmd) Help() string { return concessionHelp }

// Run runs the command.
func (c *ConcessionsCmd) Run(env *Env, g *Globals) error {
	if c.Horizon < 0 {
		return usagef("concessions: --horizon must be ≥ 0")
	}
	var deadline time.Time
	if c.Deadline != "" {
		d, err := time.Parse(time.DateOnly, c.Deadline)
		if err != nil {
			return usagef("concessions: --deadline %q is not a YYYY-MM-DD date", c.Deadline)
		}
		deadline = d
	}
	v, err := loadCase(env, g, c.Case)
	if err != nil {
		return err
	}
	if c.Party != "" && !v.Case.IsParty(c.Party) {
		return usagef("concessions: %q is not a party of case %s (%s)", c.Party, v.Case.Name, strings.Join(v.Case.Parties, ", "))
	}
	issues := scaledIssues(v.Case)
	if len(issues) == 0 {
		return fmt.Errorf("concessions: case %s defines no issue scales: add scales: to the case file so that claims map to 0–100 positions", v.Case.Name)
	}
	if c.Issue != "" {
		if !slices.Contains(issues, c.Issue) {
			return usagef("concessions: case %s has no scale for issue %q (scaled: %s)", v.Case.Name, c.Issue, strings.Join(issues, ", "))
		}
		issues = []string{c.Issue}
	}
	t := &Table{Header: []string{"kind", "issue", "party", "n", "tactic", "e", "k", "rmse", "r2", "from→to", "note"}}
	for _, is := range issues {
		rows := concessionFits(v, is, deadline)
		for _, r := range rows {
			if c.Party != "" && r.Party != c.Party {
				continue
			}
			cells := []string{r.Kind, r.Issue, r.Party, strconv.Itoa(r.N), r.Tactic, "", "", "", "", "", r.Note}
			if f := r.Fit; f != nil {
				cells[5], cells[6], cells[7] = fmt.Sprintf("%.3g", f.Curve.E), fmt.Sprintf("%.2f", f.Curve.K), fmt.Sprintf("%.2f", f.RMSE)
				cells[8] = "—"
				if !math.IsNaN(f.R2) {
					cells[8] = fmt.Sprintf("%.2f", f.R2)
				}
				cells[9] = analyseNum(f.Curve.From) + "→" + analyseNum(f.Curve.To)
				f.R2 = jsonSafe(f.R2)
			}
			t.Add(r, cells...)
		}
		for i, a := range rows {
			for _, b := range rows[i+1:] {
				if a.curve == nil || b.curve == nil || (c.Party != "" && a.Party != c.Party && b.Party != c.Party) {
					continue
				}
				m := meet(a, b, c.Horizon)
				t.Add(m, "meet", is, a.Party+" × "+b.Party, "", "", "", "", "", "", "", m.Note)
			}
		}
	}
	return t.Write(env.Stdout, c.Format.Format)
}

// jsonSafe turns NaN into 0 (the fit's R² is NaN when positions do not
// vary; JSON has no NaN, and the table shows "—").
func jsonSafe(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return x
}

// concessionFits fits each party's dated positions on a scaled issue. Times
// are days since the issue's first dated position of any party, so that
// the curves share one axis.
func concessionFits(v *track.View, issue string, deadline time.Time) []*concessionRow {
	series := map[string][]track.PlacedEntry{}
	var epoch time.Time
	for _, p := range v.Case.Parties {
		s := v.PositionSeries(p, issue)
		series[p] = s
		if len(s) > 0 && (epoch.IsZero() || s[0].Time.Before(epoch)) {
			epoch = s[0].Time
		}
	}
	dayOf := func(t time.Time) float64 { return t.Sub(epoch).Hours() / 24 }
	var rows []*concessionRow
	for _, p := range v.Case.Parties {
		s := series[p]
		r := &concessionRow{Kind: "fit", Issue: issue, Party: p, N: len(s)}
		if len(s) > 0 {
			r.Epoch = epoch.Format(time.DateOnly)
		}
		rows = append(rows, r)
		var obs []analyse.Observation
		for _, pe := range s {
			d := dayOf(pe.Time)
			obs = append(obs, analyse.Observation{Time: d, Position: pe.Placement.Value})
			r.Obs = append(r.Obs, concessionObs{Time: pe.Entry.Time.String(), Day: d, Position: pe.Placement.Value, Label: pe.Placement.Label,
				Evidence: []string{evidenceRef(pe.Entry.Claim.Doc, pe.Entry.Claim.Evidence.Sentence)}})
		}
		if len(s) < 3 {
			r.Kind = "too-few"
			r.Note = fmt.Sprintf("%d dated position(s) on the scale; a fit needs 3", len(s))
			continue
		}
		to, toNote := concessionTarget(v, series, p, issue)
		opt := analyse.ConcessionOptions{To: to}
		if !deadline.IsZero() {
			dl := dayOf(deadline)
			opt.Deadline = &dl
		}
		f, err := analyse.FitConcession(obs, opt)
		if err != nil {
			r.Kind = "no-fit"
			r.Note = strings.TrimPrefix(err.Error(), "analyse: fit concession: ")
			if obs[0].Position == to {
				r.Note = fmt.Sprintf("opens at %s, where it would concede to (%s): nothing to concede", analyseNum(to), toNote)
			}
			continue
		}
		r.Fit, r.Tactic = f, f.Tactic
		r.curve = &f.Curve
		r.first, r.last = obs[0].Time, obs[len(obs)-1].Time
		r.Note = fmt.Sprintf("towards %s; deadline %s", toNote, epoch.Add(time.Duration(f.Curve.Deadline*24*float64(time.Hour))).Format(time.DateOnly))
		if first, last := obs[0].Position, obs[len(obs)-1].Position; math.Abs(last-to) > math.Abs(first-to) {
			r.Note += fmt.Sprintf("; moved away from it (%s→%s: hardening)", analyseNum(first), analyseNum(last))
		}
	}
	return rows
}

// concessionTarget is where a party would end at its deadline: the mean
// opening position of the other parties placed on the issue, or the end
// of the scale farthest from its own opening.
func concessionTarget(v *track.View, series map[string][]track.PlacedEntry, party, issue string) (float64, string) {
	var sum float64
	var names []string
	for _, p := range v.Case.Parties {
		if p == party || len(series[p]) == 0 {
			continue
		}
		sum += series[p][0].Placement.Value
		names = append(names, p)
	}
	if len(names) > 0 {
		to := sum / float64(len(names))
		return to, fmt.Sprintf("%s's opening %s", strings.Join(names, " and "), analyseNum(to))
	}
	sc := v.Case.Scales[issue]
	lo, hi := sc.Points[0].Value, sc.Points[len(sc.Points)-1].Value
	own := series[party][0].Placement.Value
	if math.Abs(own-lo) >= math.Abs(own-hi) {
		return lo, fmt.Sprintf("the scale's far end %s", analyseNum(lo))
	}
	return hi, fmt.Sprintf("the scale's far end %s", analyseNum(hi))
}

// meet says when two fitted curves would meet within the horizon after
// the later of the two parties' last positions.
func meet(a, b *concessionRow, horizon int) meetRow {
	epoch, _ := time.Parse(time.DateOnly, a.Epoch)
	date := func(d float64) string {
		return epoch.Add(time.Duration(d * 24 * float64(time.Hour))).Format(time.DateOnly)
	}
	from := max(a.first, b.first)
	until := max(a.last, b.last) + float64(horizon)
	m := meetRow{Kind: "meet", Issue: a.Issue, Parties: []string{a.Party, b.Party}, Until: date(until)}
	d, ok := analyse.Meet(*a.curve, *b.curve, from, until)
	if !ok {
		m.Note = fmt.Sprintf("the curves do not meet by %s (%d days after the last position)", m.Until, horizon)
		return m
	}
	m.Meet, m.Day, m.Date, m.Position = true, d, date(d), a.curve.At(d)
	when := "after the last position"
	if d <= max(a.last, b.last) {
		when = "within the observed period"
	}
	m.Note = fmt.Sprintf("the curves meet on %s at %s, %s", m.Date, analyseNum(math.Round(m.Position*10)/10), when)
	if d >= min(a.curve.Deadline, b.curve.Deadline) {
		m.Note += ", at or after a deadline"
	}
	return m
}
