package cli

import (
	"fmt"

	"parley/internal/analyse"
)

// DivideCmd divides items scored in points with Adjusted Winner.
type DivideCmd struct {
	File string `arg:"" help:"Items: CSV with header item,PARTY,PARTY and each party's points (summing to 100), or YAML (.yaml, .yml); - reads CSV from stdin."`
	Format
}

type divideRow struct {
	Item   string     `json:"item"`
	Shares [2]float64 `json:"shares"`
	Points [2]float64 `json:"points"`
	Split  bool       `json:"split,omitempty"`
}

// Run runs the command.
func (c *DivideCmd) Run(env *Env, g *Globals) error {
	r, name, done, err := analyseInput(env, c.File)
	if err != nil {
		return fmt.Errorf("divide: %w", err)
	}
	defer done()
	d, err := analyse.ReadDivision(r, name)
	if err != nil {
		return fmt.Errorf("divide: %w", err)
	}
	a, err := analyse.AdjustedWinner(d)
	if err != nil {
		return fmt.Errorf("divide: %w", err)
	}
	pa, pb := d.Parties[0], d.Parties[1]
	t := &Table{Header: []string{"item", pa + " share", pb + " share", pa + " points", pb + " points", "note"}}
	for i, it := range d.Items {
		sa := a.ShareA[i]
		row := divideRow{Item: it.Name, Shares: [2]float64{sa, 1 - sa}, Points: [2]float64{sa * it.Points[0], (1 - sa) * it.Points[1]}, Split: i == a.Split}
		note := ""
		if row.Split {
			note = fmt.Sprintf("split: %s %s, %s %s", pa, analyseNum(sa), pb, analyseNum(1-sa))
		}
		t.Add(row, it.Name, analyseNum(sa), analyseNum(1-sa), analyseNum(row.Points[0]), analyseNum(row.Points[1]), note)
	}
	t.Add(divideRow{Item: "total", Points: a.Points}, "total", "", "", analyseNum(a.Points[0]), analyseNum(a.Points[1]), "equal points, envy-free, efficient")
	return t.Write(env.Stdout, c.Format.Format)
}
