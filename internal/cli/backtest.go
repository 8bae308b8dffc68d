package cli

import (
	"fmt"
	"math"
	"strconv"

	"parley/internal/analyse"
)

// BacktestCmd runs every model on issues with known outcomes (DEU III
// format) and reports their errors beside the published baselines.
type BacktestCmd struct {
	File   string `arg:"" help:"Issues with outcomes in the DEU III format (tab-separated, capabilities on line 2, 999 or empty for missing); - reads stdin."`
	Rounds int    `name:"rounds" default:"3" help:"Rounds of the expected-utility model."`
	ByRule bool   `name:"by-rule" help:"Add a row per Council voting rule for each model."`
	Format
}

// Run runs the command.
func (c *BacktestCmd) Run(env *Env, g *Globals) error {
	if c.Rounds < 1 {
		return usagef("--rounds must be ≥ 1")
	}
	r, name, done, err := analyseInput(env, c.File)
	if err != nil {
		return fmt.Errorf("backtest: %w", err)
	}
	defer done()
	d, err := analyse.ReadDEU3(r, name)
	if err != nil {
		return fmt.Errorf("backtest: %w", err)
	}
	models := analyse.DEU3Models(analyse.ModelOptions{Rounds: c.Rounds})
	rows, err := analyse.Backtest(d.Issues, models, c.ByRule)
	if err != nil {
		return fmt.Errorf("backtest: %w", err)
	}
	desc := map[string]string{}
	for _, m := range models {
		desc[m.Name] = m.Description
		if m.Fit != nil {
			desc[m.Name] += " (out of sample)"
		}
	}
	t := &Table{Header: []string{"model", "subset", "n", "mae", "median_ae", "published_mae", "published_n", "description"}}
	var cm float64
	best, bestMAE := "", math.Inf(1)
	for _, row := range rows {
		pub, pubN := "", ""
		if row.Baseline != nil {
			pub, pubN = fmt.Sprintf("%.2f", *row.Baseline), strconv.Itoa(row.BaseN)
		}
		t.Add(row, row.Model, row.Subset, strconv.Itoa(row.N), fmt.Sprintf("%.3f", row.MAE), fmt.Sprintf("%.3f", row.MedianAE), pub, pubN, desc[row.Model])
		if row.Subset != "" {
			continue
		}
		if row.Model == "cm" {
			cm = row.MAE
		}
		// Compare models scored on every valid issue only.
		if row.N == len(d.WithOutcome()) && row.MAE < bestMAE {
			best, bestMAE = row.Model, row.MAE
		}
	}
	if err := t.Write(env.Stdout, c.Format.Format); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "%d issues with an outcome; lowest MAE over all of them: %s %.3f (compromise model %.3f)\n",
		len(d.WithOutcome()), best, bestMAE, cm)
	return nil
}
