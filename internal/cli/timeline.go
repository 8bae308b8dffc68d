package cli

import (
	"strconv"
	"strings"
	"time"

	"parley/internal/track"
)

// TimelineCmd lists a case's claims over time, per party and issue.
type TimelineCmd struct {
	Case  string `name:"case" required:"" help:"Case name."`
	Party string `name:"party" help:"Only this party."`
	Issue string `name:"issue" help:"Only this issue."`
	Format
}

type timelineRow struct {
	Time     track.ClaimTime `json:"time"`
	Party    string          `json:"party"`
	Issue    string          `json:"issue"`
	Act      string          `json:"act"`
	Position string          `json:"position"`
	Source   string          `json:"source_kind"`
	Hedged   bool            `json:"hedged"`
	Precond  bool            `json:"precondition"`
	Reports  int             `json:"reports"`
	Status   string          `json:"status,omitempty"`
	Doc      track.DocRef    `json:"doc"`
	Copies   []string        `json:"copies,omitempty"`
	Sentence string          `json:"sentence"`
}

// Run runs the command.
func (c *TimelineCmd) Run(env *Env, g *Globals) error {
	v, err := loadCase(env, g, c.Case)
	if err != nil {
		return err
	}
	t := &Table{Header: []string{"time", "party", "issue", "act", "position", "source", "hedged", "reports", "status", "outlet", "doc", "time note"}}
	for _, e := range v.Timeline(c.Party, c.Issue) {
		r := timelineRow{Time: e.Time, Party: e.Claim.Actor, Issue: e.Claim.Issue, Act: e.Claim.Act,
			Position: e.Claim.Position, Source: e.Claim.Source.Kind, Hedged: e.Claim.Hedged, Precond: e.Claim.Precondition,
			Reports: e.Reports, Status: e.Status(), Doc: e.Doc, Copies: e.Copies, Sentence: e.Claim.Sentence}
		act := r.Act
		if r.Precond {
			act += " (precondition)"
		}
		t.Add(r, timeString(e), r.Party, r.Issue, act, r.Position, r.Source, yesNo(r.Hedged),
			strconv.Itoa(r.Reports), r.Status, e.Doc.Outlet, shortID(e.Doc.ID), timeNote(e.Time))
	}
	return t.Write(env.Stdout, c.Format.Format)
}

// timeString writes a claim's time, marking undated reports and intentions.
func timeString(e *track.Entry) string {
	if e.Doc.Undated && e.Time.Undated {
		return "undated (ingested " + e.Doc.Ingested.UTC().Format(time.DateOnly) + ")"
	}
	return e.Time.String()
}

// timeNote says which expression a claim's time comes from, and why a
// time could not be resolved.
func timeNote(t track.ClaimTime) string {
	switch {
	case t.Note != "":
		return t.Note
	case t.Expr != "":
		return "from " + strconv.Quote(t.Expr)
	}
	return ""
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func shortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// loadCase opens the store and reads a case with its claims.
func loadCase(env *Env, g *Globals, name string) (*track.View, error) {
	if strings.TrimSpace(name) == "" {
		return nil, usagef("--case is required")
	}
	st, err := openStore(env.Ctx, g)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	v, err := track.Load(env.Ctx, st, name)
	if err != nil {
		return nil, err
	}
	return v, nil
}

// parseDay reads a --since date: YYYY-MM-DD, YYYY-MM or YYYY.
func parseDay(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usagef("%s %q: want a date as YYYY-MM-DD, YYYY-MM or YYYY", flag, s)
}
