package analyse

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// Domain is a two-party negotiation over discrete issues with additive
// utilities. A party's utility for a package (one option per issue) is
// Σ_issue w_issue · score(option) / max score on that issue, with the
// weights normalised to sum to 1, so utilities lie in 0–1. Reservation
// values are on the same scale.
type Domain struct {
	Issues  []DomainIssue `json:"issues" yaml:"issues"`
	Parties []Party       `json:"parties" yaml:"parties"`
}

// DomainIssue is one issue and its options.
type DomainIssue struct {
	Name    string   `json:"name" yaml:"name"`
	Options []string `json:"options" yaml:"options"`
}

// Party is one side: its weight per issue, its score per issue and option
// (in the order of DomainIssue.Options), and its reservation value (the
// utility of no deal).
type Party struct {
	Name        string               `json:"name" yaml:"name"`
	Reservation float64              `json:"reservation" yaml:"reservation"`
	Weights     map[string]float64   `json:"weights" yaml:"weights"`
	Scores      map[string][]float64 `json:"scores" yaml:"scores"`
}

// Package is one option per issue (indexes into DomainIssue.Options) with
// the two parties' utilities.
type Package struct {
	Options []int   `json:"options"`
	UA      float64 `json:"u_a"`
	UB      float64 `json:"u_b"`
}

// Validate checks the domain: two parties, at least one issue, every issue
// named with at least one option, each party's weights non-negative and not
// all zero, one finite non-negative score per option with a positive maximum.
func (d *Domain) Validate() error {
	if len(d.Issues) == 0 {
		return errors.New("issues: no issues")
	}
	if len(d.Parties) != 2 {
		return fmt.Errorf("parties: %d parties, want 2", len(d.Parties))
	}
	seen := map[string]bool{}
	for i, is := range d.Issues {
		if is.Name == "" {
			return fmt.Errorf("issues[%d].name: missing issue name", i)
		}
		if seen[is.Name] {
			return fmt.Errorf("issues[%d].name: duplicate issue %q", i, is.Name)
		}
		seen[is.Name] = true
		if len(is.Options) == 0 {
			return fmt.Errorf("issues[%d].options: issue %q has no options", i, is.Name)
		}
	}
	for p, party := range d.Parties {
		if party.Name == "" {
			return fmt.Errorf("parties[%d].name: missing party name", p)
		}
		if !finite(party.Reservation) {
			return fmt.Errorf("parties[%d].reservation: not a finite number", p)
		}
		var total float64
		for name, w := range party.Weights {
			if !seen[name] {
				return fmt.Errorf("parties[%d].weights.%s: no such issue", p, name)
			}
			if !finite(w) || w < 0 {
				return fmt.Errorf("parties[%d].weights.%s: %v is not a non-negative number", p, name, w)
			}
			total += w
		}
		if total <= 0 {
			return fmt.Errorf("parties[%d].weights: all weights are zero", p)
		}
		for name := range party.Scores {
			if !seen[name] {
				return fmt.Errorf("parties[%d].scores.%s: no such issue", p, name)
			}
		}
		for _, is := range d.Issues {
			sc, ok := party.Scores[is.Name]
			if !ok {
				return fmt.Errorf("parties[%d].scores.%s: missing", p, is.Name)
			}
			if len(sc) != len(is.Options) {
				return fmt.Errorf("parties[%d].scores.%s: %d scores for %d options", p, is.Name, len(sc), len(is.Options))
			}
			var maxv float64
			for j, v := range sc {
				if !finite(v) || v < 0 {
					return fmt.Errorf("parties[%d].scores.%s[%d]: %v is not a non-negative number", p, is.Name, j, v)
				}
				maxv = max(maxv, v)
			}
			if maxv <= 0 && party.Weights[is.Name] > 0 {
				return fmt.Errorf("parties[%d].scores.%s: every score is zero", p, is.Name)
			}
		}
	}
	return nil
}

// contributions returns, per issue and option, the two parties' utility
// contributions w·score/max score.
func (d *Domain) contributions() [][][2]float64 {
	out := make([][][2]float64, len(d.Issues))
	for i, is := range d.Issues {
		out[i] = make([][2]float64, len(is.Options))
	}
	for p, party := range d.Parties {
		var total float64
		for _, w := range party.Weights {
			total += w
		}
		for i, is := range d.Issues {
			w := party.Weights[is.Name] / total
			sc := party.Scores[is.Name]
			maxv := slices.Max(sc)
			for j := range is.Options {
				if maxv > 0 {
					out[i][j][p] = w * sc[j] / maxv
				}
			}
		}
	}
	return out
}

// Utilities returns the two parties' utilities for a package.
func (d *Domain) Utilities(options []int) (ua, ub float64) {
	c := d.contributions()
	for i, j := range options {
		ua += c[i][j][0]
		ub += c[i][j][1]
	}
	return ua, ub
}

// tieTol is the tolerance within which two utilities count as equal.
const tieTol = 1e-12

type fpoint struct{ ua, ub float64 }

// byUADesc orders points by A's utility descending, then B's descending.
func byUADesc(a, b fpoint) int {
	if c := cmp.Compare(b.ua, a.ua); c != 0 {
		return c
	}
	return cmp.Compare(b.ub, a.ub)
}

// cand is a merged point before it is kept: the index of the frontier point
// it extends and the option it adds.
type cand struct {
	ua, ub   float64
	src, opt int32
}

// thinCand keeps one point per ε-box along a frontier sorted by A's utility
// descending.
func thinCand(ps []cand, step float64) []cand {
	out := ps[:0]
	lastA, lastB := math.MinInt64, math.MinInt64
	for _, p := range ps {
		ka, kb := int(math.Floor(p.ua/step)), int(math.Floor(p.ub/step))
		if ka == lastA && kb == lastB {
			continue
		}
		// A point whose box is weakly beaten in both coordinates by the
		// last kept box is within one step of it.
		if len(out) > 0 && ka <= lastA && kb <= lastB {
			continue
		}
		lastA, lastB = ka, kb
		out = append(out, p)
	}
	return out
}

// Frontier is the Pareto frontier of a domain.
type Frontier struct {
	// Points are the Pareto-optimal packages, A's utility descending.
	// Packages with equal utilities are all listed.
	Points []Package
	// Epsilon is 0 for the exact frontier; otherwise every Pareto-optimal
	// package is within Epsilon, in both utilities, of a listed one.
	Epsilon float64
}

// ParetoFrontier computes the Pareto frontier without enumerating the
// outcome space: each issue's dominated options are pruned, then the issues
// are merged one at a time, each merge adding every remaining option of the
// next issue to every point of the frontier so far (the sums stay sorted, so
// the merge is linear) and pruning the dominated sums. With epsilon > 0 the
// frontier is thinned after each of the n merges to one point per box of
// side epsilon/(2n), and the result to one per box of side epsilon/2, so
// every Pareto-optimal package is within epsilon, in each utility, of a
// listed one.
func ParetoFrontier(d *Domain, epsilon float64) (*Frontier, error) {
	if err := d.Validate(); err != nil {
		return nil, fmt.Errorf("analyse: pareto frontier: %w", err)
	}
	if epsilon < 0 || !finite(epsilon) {
		return nil, fmt.Errorf("analyse: pareto frontier: epsilon %v is not a non-negative number", epsilon)
	}
	contrib := d.contributions()
	// The frontier so far holds utilities only; levels[i][n] says which
	// point of level i−1 the n-th point of level i extends and with which
	// option of issue i. No pointers, so the garbage collector has nothing
	// to trace.
	front := []fpoint{{0, 0}}
	levels := make([][]link, len(d.Issues))
	step := epsilon / 2 / float64(len(d.Issues))
	var buf []cand
	var opts []optPoint
	for i := range d.Issues {
		opts = opts[:0]
		for j, c := range contrib[i] {
			opts = append(opts, optPoint{c[0], c[1], int32(j)})
		}
		slices.SortStableFunc(opts, func(a, b optPoint) int { return byUADesc(fpoint{a.ua, a.ub}, fpoint{b.ua, b.ub}) })
		opts = sweepOpts(opts)
		// k-way merge of front+opt for each remaining option: each list is
		// sorted already, so the merged list comes out sorted by A's
		// utility, and the dominance sweep runs as the points come out.
		// Along each list B's utility rises (the frontier is sorted by A's
		// utility descending), so a list's candidates that B's best so far
		// already beats are skipped as a prefix: they come out later than
		// that best, hence with no more utility for A.
		k := len(opts)
		heads := make([]int, k)
		buf = buf[:0]
		bestUB, bestUA := math.Inf(-1), math.Inf(-1)
		for {
			best := -1
			var bua, bub float64
			for o := 0; o < k; o++ {
				h, oub := heads[o], opts[o].ub
				for h < len(front) && front[h].ub+oub < bestUB-tieTol {
					h++
				}
				heads[o] = h
				if h >= len(front) {
					continue
				}
				ua, ub := front[h].ua+opts[o].ua, front[h].ub+oub
				if best < 0 || ua > bua || (ua == bua && ub > bub) {
					best, bua, bub = o, ua, ub
				}
			}
			if best < 0 {
				break
			}
			c := cand{bua, bub, int32(heads[best]), opts[best].opt}
			heads[best]++
			switch {
			case bub > bestUB+tieTol:
				bestUB, bestUA = bub, bua
				buf = append(buf, c)
			case math.Abs(bub-bestUB) <= tieTol && math.Abs(bua-bestUA) <= tieTol:
				buf = append(buf, c)
			}
		}
		if step > 0 {
			buf = thinCand(buf, step)
			if i == len(d.Issues)-1 {
				buf = thinCand(buf, epsilon/2)
			}
		}
		next := make([]fpoint, len(buf))
		lv := make([]link, len(buf))
		for n, c := range buf {
			next[n] = fpoint{c.ua, c.ub}
			lv[n] = link{c.src, c.opt}
		}
		front, levels[i] = next, lv
	}
	out := &Frontier{Epsilon: epsilon, Points: make([]Package, len(front))}
	for n, p := range front {
		options := make([]int, len(d.Issues))
		at := int32(n)
		for i := len(d.Issues) - 1; i >= 0; i-- {
			l := levels[i][at]
			options[i] = int(l.opt)
			at = l.src
		}
		out.Points[n] = Package{Options: options, UA: p.ua, UB: p.ub}
	}
	return out, nil
}

// link is a frontier point's origin: the point of the previous level it
// extends and the option it adds.
type link struct{ src, opt int32 }

// optPoint is one option of an issue with its utility contributions.
type optPoint struct {
	ua, ub float64
	opt    int32
}

// sweepOpts keeps an issue's non-dominated options (ties kept), from a
// list sorted by A's contribution descending.
func sweepOpts(ps []optPoint) []optPoint {
	out := ps[:0]
	bestUB, bestUA := math.Inf(-1), math.Inf(-1)
	for _, p := range ps {
		switch {
		case p.ub > bestUB+tieTol:
			bestUB, bestUA = p.ub, p.ua
			out = append(out, p)
		case math.Abs(p.ub-bestUB) <= tieTol && math.Abs(p.ua-bestUA) <= tieTol:
			out = append(out, p)
		}
	}
	return out
}

// Disagreement selects the disagreement point of the bargaining solutions.
type Disagreement string

// Disagreement points.
const (
	DisagreeZero        Disagreement = "zero"        // (0, 0)
	DisagreeReservation Disagreement = "reservation" // the reservation values
)

// PackageReport is the analysis of a two-party domain.
type PackageReport struct {
	Parties  [2]string
	Frontier *Frontier
	// Reservation values and the ZOPA: the Pareto packages both prefer to
	// no deal (at or above both reservation values).
	Reservation [2]float64
	ZOPA        []Package
	// When there is no ZOPA: the best package for B with A at or above
	// its reservation value, and how far it falls short of B's reservation
	// value (and the same with the roles swapped). Nil when no package
	// reaches the other side's reservation value at all.
	BestForB, BestForA      *Package
	ShortfallB, ShortfallA  float64
	Disagreement            Disagreement
	DisagreementPoint       [2]float64
	Nash, KalaiSmorodinsky  []Package
	Egalitarian, MaxWelfare []Package
}

// AnalysePackages computes the frontier, the ZOPA and the bargaining
// solutions. The Nash point maximises (u_A − d_A)(u_B − d_B), the
// Kalai–Smorodinsky point maximises min over parties of (u − d)/(ideal − d)
// where the ideal is each party's best utility among the packages both
// weakly prefer to d, the egalitarian point maximises min(u_A − d_A, u_B − d_B)
// and the maximum-welfare point maximises u_A + u_B; each over the Pareto
// packages with u ≥ d for both, ties (within 1e-9) returned together. With
// the reservation disagreement point and no ZOPA, these are empty.
func AnalysePackages(d *Domain, epsilon float64, dis Disagreement) (*PackageReport, error) {
	f, err := ParetoFrontier(d, epsilon)
	if err != nil {
		return nil, err
	}
	r := &PackageReport{
		Parties:      [2]string{d.Parties[0].Name, d.Parties[1].Name},
		Frontier:     f,
		Reservation:  [2]float64{d.Parties[0].Reservation, d.Parties[1].Reservation},
		Disagreement: dis,
	}
	rvA, rvB := r.Reservation[0], r.Reservation[1]
	for _, p := range f.Points {
		if p.UA >= rvA && p.UB >= rvB {
			r.ZOPA = append(r.ZOPA, p)
		}
		if p.UA >= rvA && (r.BestForB == nil || p.UB > r.BestForB.UB) {
			r.BestForB = &p
		}
		if p.UB >= rvB && (r.BestForA == nil || p.UA > r.BestForA.UA) {
			r.BestForA = &p
		}
	}
	if r.BestForB != nil {
		r.ShortfallB = max(0, rvB-r.BestForB.UB)
	}
	if r.BestForA != nil {
		r.ShortfallA = max(0, rvA-r.BestForA.UA)
	}
	switch dis {
	case DisagreeZero, "":
		r.Disagreement = DisagreeZero
	case DisagreeReservation:
		r.DisagreementPoint = r.Reservation
	default:
		return nil, fmt.Errorf("analyse: packages: unknown disagreement point %q (zero or reservation)", dis)
	}
	dA, dB := r.DisagreementPoint[0], r.DisagreementPoint[1]
	var feasible []Package
	idealA, idealB := dA, dB
	for _, p := range f.Points {
		if p.UA >= dA && p.UB >= dB {
			feasible = append(feasible, p)
			idealA, idealB = max(idealA, p.UA), max(idealB, p.UB)
		}
	}
	r.Nash = argmax(feasible, func(p Package) float64 { return (p.UA - dA) * (p.UB - dB) })
	r.KalaiSmorodinsky = argmax(feasible, func(p Package) float64 {
		a, b := 1.0, 1.0
		if idealA > dA {
			a = (p.UA - dA) / (idealA - dA)
		}
		if idealB > dB {
			b = (p.UB - dB) / (idealB - dB)
		}
		return min(a, b)
	})
	r.Egalitarian = argmax(feasible, func(p Package) float64 { return min(p.UA-dA, p.UB-dB) })
	r.MaxWelfare = argmax(feasible, func(p Package) float64 { return p.UA + p.UB })
	return r, nil
}

// argmax returns every package whose score is within 1e-9 of the best.
func argmax(ps []Package, score func(Package) float64) []Package {
	best := math.Inf(-1)
	for _, p := range ps {
		best = max(best, score(p))
	}
	var out []Package
	for _, p := range ps {
		if score(p) >= best-1e-9 {
			out = append(out, p)
		}
	}
	return out
}
