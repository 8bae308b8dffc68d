package cli

import (
	"fmt"

	"parley/internal/track"
)

// PositionsCmd prints the party × issue matrix of current stances.
type PositionsCmd struct {
	Case string `name:"case" required:"" help:"Case name."`
	Format
}

type positionsRow struct {
	Issue   string                  `json:"issue"`
	Stances map[string]track.Stance `json:"stances"`
}

// Run runs the command.
func (c *PositionsCmd) Run(env *Env, g *Globals) error {
	v, err := loadCase(env, g, c.Case)
	if err != nil {
		return err
	}
	return positionsTable(v).Write(env.Stdout, c.Format.Format)
}

// positionsTable is the party × issue matrix of a case's current stances.
func positionsTable(v *track.View) *Table {
	t := &Table{Header: append([]string{"issue"}, v.Case.Parties...)}
	for _, is := range v.Case.IssueList() {
		row := positionsRow{Issue: is, Stances: map[string]track.Stance{}}
		cells := []string{is}
		any := false
		for _, p := range v.Case.Parties {
			st, ok := v.Stance(p, is)
			if !ok {
				cells = append(cells, "—")
				continue
			}
			any = true
			st.Basis, st.Against = nil, nil // counts are in the stance
			row.Stances[p] = st
			cells = append(cells, stanceCell(st))
		}
		if any {
			t.Add(row, cells...)
		}
	}
	return t
}

// stanceCell writes a stance as "act conf (reports/evidence)" with marks.
func stanceCell(st track.Stance) string {
	s := fmt.Sprintf("%s %.2f (%d/%d)", st.Act, st.Confidence, st.Reports, st.Evidence)
	if st.Hedged {
		s += " hedged"
	}
	if st.Precondition {
		s += " precond"
	}
	if st.Status != "" {
		s += " " + st.Status
	}
	return s
}
