package cli

import (
	"fmt"
	"io"
	"strings"

	"parley/internal/analyse"
)

// caseDomain is a package domain built from a case, with its inputs.
type caseDomain struct {
	inputs  []caseInput
	skipped []skippedIssue
}

// readDomain reads the domain from FILE or builds it from a case.
func (c *PackagesCmd) readDomain(env *Env, g *Globals) (*analyse.Domain, *caseDomain, error) {
	if c.Case != "" {
		v, err := loadCase(env, g, c.Case)
		if err != nil {
			return nil, nil, err
		}
		return caseToDomain(v)
	}
	r, name, done, err := analyseInput(env, c.File)
	if err != nil {
		return nil, nil, fmt.Errorf("packages: %w", err)
	}
	defer done()
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("packages: read %s: %w", name, err)
	}
	d, err := analyse.ReadDomain(data, name)
	if err != nil {
		return nil, nil, fmt.Errorf("packages: %w", err)
	}
	return d, nil, nil
}

// PackagesCmd analyses a two-party package domain.
type PackagesCmd struct {
	File         string  `arg:"" optional:"" help:"Package domain (YAML): issues with options, two parties with weights, option scores and reservation values; - reads stdin. Give either FILE or --case."`
	Case         string  `name:"case" help:"Build the domain from a stored two-party case's scaled issues (see above)."`
	Disagreement string  `name:"disagreement" enum:"zero,reservation" default:"zero" help:"Disagreement point of the bargaining solutions: zero, (0, 0), or reservation, the reservation values."`
	Epsilon      float64 `name:"epsilon" default:"0" help:"Thin the Pareto frontier to an ε-grid (every Pareto package within ε of a listed one); 0 for the exact frontier."`
	Format
}

// Help describes how a case becomes a package domain.
func (c *PackagesCmd) Help() string {
	return `With --case C, the domain comes from a stored case with exactly two parties and issue scales: every scaled issue on which both parties are placed is an issue whose options are the scale's points, named by their values (0–100; parley case show C gives their labels). A party's score for an option is 1 − |option − its position|/100, its weight on the issue its salience, both as in parley forecast --case; reservation values are 0, since the reports give none, so every package is in the ZOPA. The parties' positions are printed as "input" rows with their evidence. A case with more or fewer than two parties, without scales, or with no issue on which both parties are placed is refused (exit 2) with what it lacks; use parley forecast --case for issue-by-issue models.`
}

type packageRow struct {
	Kind    string            `json:"kind"`
	Options map[string]string `json:"options,omitempty"`
	UA      *float64          `json:"u_a,omitempty"`
	UB      *float64          `json:"u_b,omitempty"`
	Note    string            `json:"note,omitempty"`
	// Input rows of a case: one party's position and weight on one issue.
	Party    string   `json:"party,omitempty"`
	Issue    string   `json:"issue,omitempty"`
	Position *float64 `json:"position,omitempty"`
	Weight   *float64 `json:"weight,omitempty"`
	Evidence []string `json:"evidence,omitempty"`
}

// Run runs the command.
func (c *PackagesCmd) Run(env *Env, g *Globals) error {
	if (c.File == "") == (c.Case == "") {
		return usagef("packages: give a package domain FILE or --case C (one of them)")
	}
	if c.Epsilon < 0 {
		return usagef("--epsilon must be ≥ 0")
	}
	d, cd, err := c.readDomain(env, g)
	if err != nil {
		return err
	}
	rep, err := analyse.AnalysePackages(d, c.Epsilon, analyse.Disagreement(c.Disagreement))
	if err != nil {
		return fmt.Errorf("packages: %w", err)
	}
	pa, pb := rep.Parties[0], rep.Parties[1]
	t := &Table{Header: []string{"kind", "package", "u_" + pa, "u_" + pb, "note"}}
	if cd != nil {
		for _, in := range cd.inputs {
			pos, w := in.Position, in.Salience
			t.Add(packageRow{Kind: "input", Party: in.Actor, Issue: in.Issue, Position: &pos, Weight: &w, Evidence: in.PositionEvidence},
				"input", fmt.Sprintf("%s=%s", in.Issue, analyseNum(pos)), "", "",
				fmt.Sprintf("%s: weight %s; %s; evidence %s", in.Actor, analyseNum(w), in.Label, strings.Join(in.PositionEvidence, " ")))
		}
		for _, s := range cd.skipped {
			t.Add(s, "skipped", s.Issue, "", "", s.Reason)
		}
	}
	add := func(kind string, p *analyse.Package, note string) {
		row := packageRow{Kind: kind, Note: note}
		cells := []string{kind, "", "", "", note}
		if p != nil {
			row.Options = map[string]string{}
			var parts []string
			for i, j := range p.Options {
				is := d.Issues[i]
				row.Options[is.Name] = is.Options[j]
				parts = append(parts, is.Name+"="+is.Options[j])
			}
			ua, ub := p.UA, p.UB
			row.UA, row.UB = &ua, &ub
			cells[1], cells[2], cells[3] = strings.Join(parts, "; "), analyseNum(ua), analyseNum(ub)
		}
		t.Add(row, cells...)
	}
	f := rep.Frontier
	frontierNote := fmt.Sprintf("%d Pareto-optimal packages (exact)", len(f.Points))
	if f.Epsilon > 0 {
		frontierNote = fmt.Sprintf("%d packages on an ε-grid of %g", len(f.Points), f.Epsilon)
	}
	add("frontier", nil, frontierNote)
	for i := range f.Points {
		add("pareto", &f.Points[i], "")
	}
	if len(rep.ZOPA) == 0 {
		add("no-zopa", nil, fmt.Sprintf("no package gives %s ≥ %s and %s ≥ %s", pa, analyseNum(rep.Reservation[0]), pb, analyseNum(rep.Reservation[1])))
		if rep.BestForB != nil {
			add("best-for-"+pb, rep.BestForB, fmt.Sprintf("best for %s with %s at or above its reservation value; short by %s", pb, pa, analyseNum(rep.ShortfallB)))
		} else {
			add("best-for-"+pb, nil, fmt.Sprintf("no package reaches %s's reservation value", pa))
		}
		if rep.BestForA != nil {
			add("best-for-"+pa, rep.BestForA, fmt.Sprintf("best for %s with %s at or above its reservation value; short by %s", pa, pb, analyseNum(rep.ShortfallA)))
		} else {
			add("best-for-"+pa, nil, fmt.Sprintf("no package reaches %s's reservation value", pb))
		}
	} else {
		for i := range rep.ZOPA {
			add("zopa", &rep.ZOPA[i], "")
		}
	}
	dp := fmt.Sprintf("disagreement point (%s, %s) = %s", analyseNum(rep.DisagreementPoint[0]), analyseNum(rep.DisagreementPoint[1]), rep.Disagreement)
	for _, s := range []struct {
		kind string
		ps   []analyse.Package
	}{{"nash", rep.Nash}, {"kalai-smorodinsky", rep.KalaiSmorodinsky}, {"egalitarian", rep.Egalitarian}, {"max-welfare", rep.MaxWelfare}} {
		if len(s.ps) == 0 {
			add(s.kind, nil, "none: no package is at or above the "+dp)
			continue
		}
		note := dp
		if len(s.ps) > 1 {
			note += fmt.Sprintf("; %d tied packages", len(s.ps))
		}
		for i := range s.ps {
			add(s.kind, &s.ps[i], note)
		}
	}
	return t.Write(env.Stdout, c.Format.Format)
}
