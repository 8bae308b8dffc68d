package cli

import (
	"parley/internal/track"
)

// ChangesCmd lists what moved in a case.
type ChangesCmd struct {
	Case  string `name:"case" required:"" help:"Case name."`
	Since string `name:"since" help:"Only changes from this date on (YYYY-MM-DD, YYYY-MM or YYYY)."`
	Format
}

type changeRow struct {
	Party   string          `json:"party"`
	Issue   string          `json:"issue"`
	Kind    string          `json:"kind"`
	What    string          `json:"what"`
	Time    track.ClaimTime `json:"time"`
	FromAct string          `json:"from_act"`
	From    track.DocRef    `json:"from_doc"`
	FromPos string          `json:"from_position"`
	ToAct   string          `json:"to_act"`
	To      track.DocRef    `json:"to_doc"`
	ToPos   string          `json:"to_position"`
	Source  string          `json:"source_kind"`
	Hedged  bool            `json:"hedged"`
	Status  string          `json:"status,omitempty"`
}

// Run runs the command.
func (c *ChangesCmd) Run(env *Env, g *Globals) error {
	since, err := parseDay("--since", c.Since)
	if err != nil {
		return err
	}
	v, err := loadCase(env, g, c.Case)
	if err != nil {
		return err
	}
	t := &Table{Header: []string{"time", "party", "issue", "kind", "what", "from", "to", "source", "hedged", "status"}}
	for _, ch := range v.Changes(since) {
		r := changeRow{Party: ch.Party, Issue: ch.Issue, Kind: ch.Kind, What: ch.What, Time: ch.To.Time,
			FromAct: ch.From.Claim.Act, From: ch.From.Doc, FromPos: ch.From.Claim.Position,
			ToAct: ch.To.Claim.Act, To: ch.To.Doc, ToPos: ch.To.Claim.Position,
			Source: ch.To.Claim.Source.Kind, Hedged: ch.To.Claim.Hedged, Status: ch.To.Status()}
		t.Add(r, timeString(ch.To), r.Party, r.Issue, r.Kind, r.What,
			r.FromAct+" ("+timeString(ch.From)+", "+ch.From.Doc.Outlet+")",
			r.ToAct+" ("+ch.To.Doc.Outlet+"): "+r.ToPos, r.Source, yesNo(r.Hedged), r.Status)
	}
	return t.Write(env.Stdout, c.Format.Format)
}
