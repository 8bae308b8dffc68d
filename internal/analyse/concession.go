package analyse

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Concession curves: the time-dependent tactic of the automated-negotiation
// literature (Faratin, Sierra & Jennings 1998),
//
//	target(t) = To + (From − To)·(1 − k − (1 − k)·t^(1/e)),  t in [0, 1],
//
// From the party's opening (its best, Pmax), To what it would reach at the
// deadline (its worst, Pmin), k the share of the way conceded at once, and
// e the exponent in this convention: e < 1 is Boulware (concedes late),
// e > 1 Conceder (concedes early), e = 1 linear, e → 0 a hardliner. (Some
// libraries write the exponent inverted, t^e; here it is t^(1/e).) The
// scale may run either way: From above or below To.

// Observation is a dated position of one party on one issue. Time is in
// any unit (days since an epoch, say) as long as one unit is used per fit.
type Observation struct {
	Time     float64 `json:"time"`
	Position float64 `json:"position"`
}

// ConcessionCurve is a fitted (or given) tactic on a time axis.
type ConcessionCurve struct {
	From     float64 `json:"from"`
	To       float64 `json:"to"`
	Start    float64 `json:"start"`
	Deadline float64 `json:"deadline"`
	E        float64 `json:"e"`
	K        float64 `json:"k"`
}

// At is the curve's target at a time; before Start it is the opening target,
// after Deadline To.
func (c ConcessionCurve) At(time float64) float64 {
	t := (time - c.Start) / (c.Deadline - c.Start)
	t = min(1, max(0, t))
	return c.To + (c.From-c.To)*(1-c.K-(1-c.K)*math.Pow(t, 1/c.E))
}

// ConcessionFit is a least-squares fit of the tactic to observations.
type ConcessionFit struct {
	Curve  ConcessionCurve `json:"curve"`
	RMSE   float64         `json:"rmse"`
	R2     float64         `json:"r2"` // NaN when the positions do not vary
	Tactic string          `json:"tactic"`
	N      int             `json:"n"`
}

// Tactic names.
const (
	TacticBoulware  = "Boulware"
	TacticConceder  = "Conceder"
	TacticLinear    = "linear"
	TacticHardliner = "hardliner"
)

// ConcessionOptions fix the parts of the curve the fit does not estimate.
type ConcessionOptions struct {
	// From is the opening position (default: the first observation's).
	From *float64
	// To is where the party would end at the deadline, e.g. the other
	// side's opening position (required).
	To float64
	// Start and Deadline bound the time axis (default: the first
	// observation's time, and the last plus the observed span).
	Start, Deadline *float64
}

// FitConcession fits e and k by least squares: for a given e the model is
// linear in (1 − k), solved in closed form and clamped to k in [0, 1]; e is
// searched over a log grid in [0.01, 100] and refined by golden-section
// search on ln e. The tactic is Boulware when e < 0.8, Conceder when
// e > 1.25, linear between, and hardliner when the fitted curve concedes
// less than 2 % of |From − To| over the observed span.
func FitConcession(obs []Observation, opt ConcessionOptions) (*ConcessionFit, error) {
	if len(obs) < 3 {
		return nil, fmt.Errorf("analyse: fit concession: %d observations, need 3", len(obs))
	}
	obs = slices.Clone(obs)
	slices.SortFunc(obs, func(a, b Observation) int { return cmpFloat(a.Time, b.Time) })
	for i, o := range obs {
		if !finite(o.Time) || !finite(o.Position) {
			return nil, fmt.Errorf("analyse: fit concession: observation %d is not finite", i+1)
		}
	}
	c := ConcessionCurve{From: obs[0].Position, To: opt.To, Start: obs[0].Time}
	if opt.From != nil {
		c.From = *opt.From
	}
	last := obs[len(obs)-1].Time
	c.Deadline = last + (last - c.Start)
	if opt.Start != nil {
		c.Start = *opt.Start
	}
	if opt.Deadline != nil {
		c.Deadline = *opt.Deadline
	}
	if !(c.Deadline > c.Start) {
		return nil, errors.New("analyse: fit concession: the deadline is not after the start")
	}
	if c.From == c.To {
		return nil, errors.New("analyse: fit concession: From equals To, nothing to concede")
	}
	ts := make([]float64, len(obs))
	for i, o := range obs {
		ts[i] = min(1, max(0, (o.Time-c.Start)/(c.Deadline-c.Start)))
	}
	span := c.From - c.To
	// sse returns the error and the best k for exponent e.
	fit := func(e float64) (sse, k float64) {
		var num, den float64
		for i, o := range obs {
			g := span * (1 - math.Pow(ts[i], 1/e))
			num += g * (o.Position - c.To)
			den += g * g
		}
		oneMinusK := 1.0
		if den > 0 {
			oneMinusK = min(1, max(0, num/den))
		}
		k = 1 - oneMinusK
		for i, o := range obs {
			r := o.Position - (c.To + span*oneMinusK*(1-math.Pow(ts[i], 1/e)))
			sse += r * r
		}
		return sse, k
	}
	lo, hi := math.Log(0.01), math.Log(100)
	const steps = 400
	bestJ, best := 0, math.Inf(1)
	for j := 0; j <= steps; j++ {
		if s, _ := fit(math.Exp(lo + (hi-lo)*float64(j)/steps)); s < best {
			bestJ, best = j, s
		}
	}
	h := (hi - lo) / steps
	a, b := max(lo, lo+h*float64(bestJ-1)), min(hi, lo+h*float64(bestJ+1))
	le := goldenMax(func(x float64) float64 { s, _ := fit(math.Exp(x)); return -s }, a, b, 1e-9)
	c.E = math.Exp(le)
	sse, k := fit(c.E)
	c.K = k
	res := &ConcessionFit{Curve: c, N: len(obs), RMSE: math.Sqrt(sse / float64(len(obs)))}
	var mean, sst float64
	for _, o := range obs {
		mean += o.Position
	}
	mean /= float64(len(obs))
	for _, o := range obs {
		sst += (o.Position - mean) * (o.Position - mean)
	}
	res.R2 = math.NaN()
	if sst > 0 {
		res.R2 = 1 - sse/sst
	}
	moved := math.Abs(c.At(obs[len(obs)-1].Time) - c.At(obs[0].Time))
	switch {
	case moved < 0.02*math.Abs(span):
		res.Tactic = TacticHardliner
	case c.E < 0.8:
		res.Tactic = TacticBoulware
	case c.E > 1.25:
		res.Tactic = TacticConceder
	default:
		res.Tactic = TacticLinear
	}
	return res, nil
}

// Meet returns the first time in [from, until] at which the two curves
// cross (the gap between the parties closes), if the trends held; ok is
// false when they do not meet in that horizon.
func Meet(a, b ConcessionCurve, from, until float64) (time float64, ok bool) {
	gap := func(t float64) float64 { return a.At(t) - b.At(t) }
	g0 := gap(from)
	if g0 == 0 {
		return from, true
	}
	const steps = 2000
	prevT := from
	for i := 1; i <= steps; i++ {
		t := from + (until-from)*float64(i)/steps
		if g := gap(t); g == 0 || (g > 0) != (g0 > 0) {
			lo, hi := prevT, t
			for range 100 {
				mid := (lo + hi) / 2
				if gm := gap(mid); gm == 0 || (gm > 0) != (g0 > 0) {
					hi = mid
				} else {
					lo = mid
				}
			}
			return hi, true
		}
		prevT = t
	}
	return 0, false
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
