package cli

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"parley/internal/analyse"
)

// ForecastCmd forecasts where issues settle.
type ForecastCmd struct {
	File   string `arg:"" optional:"" help:"Positions file: CSV (issue,actor,position,salience,capability,...) or YAML (.yaml, .yml); - reads CSV from stdin. Give either FILE or --case."`
	Case   string `name:"case" help:"Forecast a stored case's scaled issues from tracked positions (see above)."`
	Model  string `name:"model" enum:"cm,median,median-actor,nash,eu,all" default:"all" help:"Model: cm, median (weighted by capability × salience), median-actor, nash, eu or all."`
	Runs   int    `name:"runs" default:"0" help:"Monte Carlo draws over the positions' and saliences' uncertainty (0: none)."`
	Seed   uint64 `name:"seed" default:"1" help:"Seed of the Monte Carlo draws."`
	Rounds int    `name:"rounds" default:"3" help:"Rounds of the expected-utility model."`
	Trace  bool   `name:"trace" help:"Print the expected-utility model's round-by-round trace (positions, risk exponents, offers) instead of the forecasts."`
	Format
}

// Help describes how a case becomes the models' inputs.
func (c *ForecastCmd) Help() string {
	return `With --case C, the inputs come from the case's tracked claims through its issue scales (parley case add FILE; see examples/cases/ethiopia-tplf.yaml). One issue per scaled issue of the case, one actor per party the scale places:

Position: the scale value (0–100) of the party's latest demand, proposal or acceptance that names a point of the scale.

Salience: 0.5 when the reports say nothing of how much the issue matters to the party; salience cues ("red line", "the most difficult point"…) in sentences naming the party alone or no single party raise it as independent evidence, 1 − 0.5·Π(1 − cue weight), and a precondition the party set counts as a cue of weight 0.5.

Capability: the value in the case file's capabilities map (one per party) when given, else 1 for every party.

Confidence: the confidence of the party's current stance (parley positions); the Monte Carlo draws (--runs) widen the position's spread as it falls, down to 0.01.

Each input is printed as an "input:PARTY" row with its evidence: REPORT:START-END, the report's short ID (parley show REPORT) and the byte span of the sentence behind the value; --format jsonl gives every reference. Issues with fewer than two placed parties are listed as "skipped" with the reason.`
}

type forecastRow struct {
	Kind     string                `json:"kind"` // "forecast"
	Issue    string                `json:"issue"`
	Model    string                `json:"model"`
	Forecast float64               `json:"forecast"`
	Note     string                `json:"note,omitempty"`
	MC       *analyse.Distribution `json:"monte_carlo,omitempty"`
	Evidence []string              `json:"evidence,omitempty"`
}

// forecastModel is one per-issue model with a note on its result.
type forecastModel struct {
	name string
	run  func(is *analyse.Issue) (float64, string, error)
}

func forecastModels(rounds int) []forecastModel {
	return []forecastModel{
		{"cm", func(is *analyse.Issue) (float64, string, error) {
			x, err := analyse.Compromise(is.Actors)
			return x, "", err
		}},
		{"median", func(is *analyse.Issue) (float64, string, error) {
			x, share, err := analyse.WeightedMedian(is.Actors, analyse.CapSal)
			return x, fmt.Sprintf("weight share below %.3f", share), err
		}},
		{"median-actor", func(is *analyse.Issue) (float64, string, error) {
			x, err := analyse.MedianActor(is.Actors)
			return x, "", err
		}},
		{"nash", func(is *analyse.Issue) (float64, string, error) {
			r, err := analyse.Nash(is)
			if err != nil {
				return 0, "", err
			}
			if !r.Feasible {
				return r.X, "no position improves on the disagreement point for every actor", nil
			}
			return r.X, fmt.Sprintf("acceptable to all in %.4g–%.4g", r.Lo, r.Hi), nil
		}},
		{"eu", func(is *analyse.Issue) (float64, string, error) {
			r, err := analyse.RunEU(is.Actors, rounds)
			if err != nil {
				return 0, "", err
			}
			note := fmt.Sprintf("median after %d round(s)", len(r.Rounds))
			switch {
			case r.Converged:
				note += ", converged"
			case r.CyclePeriod > 0:
				note += fmt.Sprintf(", oscillates with period %d", r.CyclePeriod)
			}
			if r.Oscillation > 0 {
				note += fmt.Sprintf(", median reversed %d times", r.Oscillation)
			}
			return r.Forecast(), note, nil
		}},
	}
}

// analyseInput opens FILE or stdin.
func analyseInput(env *Env, file string) (io.Reader, string, func(), error) {
	if file == "-" {
		return env.Stdin, "stdin", func() {}, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, "", nil, err
	}
	return f, file, func() { f.Close() }, nil
}

// readForecastIssues reads the issues to forecast from FILE or a case.
func (c *ForecastCmd) readForecastIssues(env *Env, g *Globals) ([]analyse.Issue, *caseInputs, error) {
	if c.Case != "" {
		v, err := loadCase(env, g, c.Case)
		if err != nil {
			return nil, nil, err
		}
		ci, err := buildCaseInputs(v)
		if err != nil {
			return nil, nil, fmt.Errorf("forecast: %w", err)
		}
		return ci.Issues, ci, nil
	}
	r, name, done, err := analyseInput(env, c.File)
	if err != nil {
		return nil, nil, fmt.Errorf("forecast: %w", err)
	}
	defer done()
	issues, err := analyse.ReadPositions(r, name)
	if err != nil {
		return nil, nil, fmt.Errorf("forecast: %w", err)
	}
	return issues, nil, nil
}

// Run runs the command.
func (c *ForecastCmd) Run(env *Env, g *Globals) error {
	if (c.File == "") == (c.Case == "") {
		return usagef("forecast: give a positions FILE or --case C (one of them)")
	}
	if c.Runs < 0 || c.Rounds < 1 {
		return usagef("--runs must be ≥ 0 and --rounds ≥ 1")
	}
	issues, ci, err := c.readForecastIssues(env, g)
	if err != nil {
		return err
	}
	if c.Trace {
		if ci != nil {
			for _, s := range ci.Skipped {
				fmt.Fprintf(env.Stderr, "parley: forecast: issue %q skipped: %s\n", s.Issue, s.Reason)
			}
		}
		return c.trace(env, issues)
	}
	t := &Table{Header: []string{"issue", "model", "forecast", "note"}}
	if c.Runs > 0 {
		t.Header = append(t.Header, "mc_mean", "mc_median", "mc_50%", "mc_90%")
	}
	// add pads a row of a case to the header, evidence last.
	add := func(row any, evidence []string, cells ...string) {
		if ci != nil {
			for len(cells) < len(t.Header)-1 {
				cells = append(cells, "")
			}
			cells = append(cells, strings.Join(evidence, " "))
		}
		t.Add(row, cells...)
	}
	if ci != nil {
		t.Header = append(t.Header, "evidence")
	}
	failed := false
	for i := range issues {
		is := &issues[i]
		var evidence []string
		for _, a := range is.Actors {
			evidence = append(evidence, a.Evidence...)
		}
		if ci != nil {
			for _, in := range ci.Inputs[is.Name] {
				add(in, slices.Concat(in.PositionEvidence, in.SalienceEvidence), is.Name, "input:"+in.Actor, analyseNum(in.Position), in.note())
			}
		}
		for _, m := range forecastModels(c.Rounds) {
			if c.Model != "all" && c.Model != m.name {
				continue
			}
			x, note, err := m.run(is)
			if err != nil {
				fmt.Fprintf(env.Stderr, "parley: forecast: issue %q, %s: %v\n", is.Name, m.name, err)
				failed = true
				continue
			}
			row := forecastRow{Kind: "forecast", Issue: is.Name, Model: m.name, Forecast: x, Note: note, Evidence: evidence}
			cells := []string{is.Name, m.name, analyseNum(x), note}
			if c.Runs > 0 {
				d, err := analyse.MonteCarlo(is, c.Runs, c.Seed, func(as []analyse.Actor) (float64, error) {
					cp := *is
					cp.Actors = as
					x, _, err := m.run(&cp)
					return x, err
				})
				if err != nil {
					fmt.Fprintf(env.Stderr, "parley: forecast: issue %q, %s: %v\n", is.Name, m.name, err)
					failed = true
				} else {
					row.MC = d
					cells = append(cells, analyseNum(d.Mean), analyseNum(d.Median), analyseNum(d.P25)+"–"+analyseNum(d.P75), analyseNum(d.P05)+"–"+analyseNum(d.P95))
				}
			}
			add(row, nil, cells...)
		}
	}
	if ci != nil {
		for _, s := range ci.Skipped {
			add(s, nil, s.Issue, "skipped", "", s.Reason)
		}
	}
	if err := t.Write(env.Stdout, c.Format.Format); err != nil {
		return err
	}
	if ci != nil && len(issues) == 0 {
		return fmt.Errorf("forecast: no issue of case %s has two parties placed on its scale", c.Case)
	}
	if failed {
		return ErrSomeFailed
	}
	return nil
}

type traceRow struct {
	Issue    string   `json:"issue"`
	Round    int      `json:"round"`
	Actor    string   `json:"actor"`
	Position float64  `json:"position"`
	Risk     float64  `json:"risk"`
	Offers   []string `json:"offers"`
	Accepted string   `json:"accepted,omitempty"`
	Median   float64  `json:"median"`
	Mean     float64  `json:"mean"`
}

func (c *ForecastCmd) trace(env *Env, issues []analyse.Issue) error {
	t := &Table{Header: []string{"issue", "round", "actor", "position", "risk", "offers received", "accepted", "median", "mean"}}
	for _, is := range issues {
		r, err := analyse.RunEU(is.Actors, c.Rounds)
		if err != nil {
			return fmt.Errorf("forecast: issue %q: %w", is.Name, err)
		}
		for i, a := range r.Actors {
			t.Add(traceRow{Issue: is.Name, Actor: a, Position: r.Initial[i], Risk: 1, Median: r.Median0, Mean: r.Mean0},
				is.Name, "0", a, analyseNum(r.Initial[i]), "", "", "", analyseNum(r.Median0), analyseNum(r.Mean0))
		}
		for _, rd := range r.Rounds {
			for i, a := range r.Actors {
				row := traceRow{Issue: is.Name, Round: rd.Round, Actor: a, Position: rd.Positions[i], Risk: rd.Risk[i], Median: rd.Median, Mean: rd.Mean}
				for _, o := range rd.Offers {
					if o.To != a {
						continue
					}
					s := fmt.Sprintf("%s %s %s", o.From, o.Kind, analyseNum(o.Position))
					row.Offers = append(row.Offers, s)
					if o.Accepted {
						row.Accepted = s
					}
				}
				t.Add(row, is.Name, strconv.Itoa(rd.Round), a, analyseNum(rd.Positions[i]), analyseNum(rd.Risk[i]),
					strconv.Itoa(len(row.Offers)), row.Accepted, analyseNum(rd.Median), analyseNum(rd.Mean))
			}
		}
		status := fmt.Sprintf("issue %q: %d rounds", is.Name, len(r.Rounds))
		switch {
		case r.Converged:
			status += ", converged"
		case r.CyclePeriod > 0:
			status += fmt.Sprintf(", positions cycle with period %d", r.CyclePeriod)
		default:
			status += ", not converged"
		}
		if r.Oscillation > 0 {
			status += fmt.Sprintf(", the median reversed direction %d times", r.Oscillation)
		}
		fmt.Fprintln(env.Stderr, status)
	}
	return t.Write(env.Stdout, c.Format.Format)
}

// analyseNum formats a number with up to 6 decimals, trailing zeros trimmed.
func analyseNum(x float64) string {
	s := strconv.FormatFloat(x, 'f', 6, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
