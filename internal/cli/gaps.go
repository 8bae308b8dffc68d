package cli

import (
	"fmt"
	"strings"

	"parley/internal/track"
)

// GapsCmd ranks a case's issues as sticking points.
type GapsCmd struct {
	Case string `name:"case" required:"" help:"Case name."`
	Format
}

// Run runs the command.
func (c *GapsCmd) Run(env *Env, g *Globals) error {
	v, err := loadCase(env, g, c.Case)
	if err != nil {
		return err
	}
	return gapsTable(v).Write(env.Stdout, c.Format.Format)
}

// gapsTable lists a case's issues ranked as sticking points.
func gapsTable(v *track.View) *Table {
	t := &Table{Header: []string{"rank", "issue", "status", "score", "distance", "reports", "preconditions", "salience", "why"}}
	for _, gp := range v.Gaps() {
		row := gp
		for i := range row.Stances {
			row.Stances[i].Basis, row.Stances[i].Against = nil, nil
		}
		t.Add(row, fmt.Sprint(gp.Rank), gp.Issue, gp.Status, fmt.Sprintf("%.2f", gp.Score), fmt.Sprintf("%.2f", gp.Distance),
			fmt.Sprint(gp.Reports), strings.Join(gp.Preconditions, ", "), fmt.Sprintf("%.2f (%d)", gp.SalienceScore, len(gp.Salience)), gp.Why)
	}
	return t
}
