package analyse

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Distribution summarises a Monte Carlo forecast.
type Distribution struct {
	Runs   int     `json:"runs"`
	Failed int     `json:"failed,omitempty"` // draws the model could not forecast
	Mean   float64 `json:"mean"`
	Median float64 `json:"median"`
	SD     float64 `json:"sd"`
	// The 50 % interval is [P25, P75], the 90 % interval [P05, P95]
	// (quantiles by linear interpolation between order statistics).
	P05 float64 `json:"p05"`
	P25 float64 `json:"p25"`
	P75 float64 `json:"p75"`
	P95 float64 `json:"p95"`
}

// MonteCarlo draws the actors' positions and saliences runs times and
// returns the distribution of model's forecast. Draws are reproducible from
// seed (math/rand/v2 with a PCG source).
//
// Positions: uniform over PositionRange when set, else normal with
// standard deviation PositionSD; either spread is divided by the actor's
// Confidence (so confidence 0.5 doubles it, the range about its midpoint);
// an actor with confidence below 1 and no stated spread gets a standard
// deviation of (1 − Confidence)·W/4, W the width of the scale. Draws are
// clamped to the scale. Saliences: normal with SalienceSD, clamped to 0–1.
// Capabilities are not drawn.
func MonteCarlo(is *Issue, runs int, seed uint64, model func([]Actor) (float64, error)) (*Distribution, error) {
	if runs <= 0 {
		return nil, fmt.Errorf("analyse: monte carlo: %d runs", runs)
	}
	if err := is.Validate(); err != nil {
		return nil, fmt.Errorf("analyse: monte carlo: %w", err)
	}
	lo, hi := is.Scale()
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	draw := make([]Actor, len(is.Actors))
	var out []float64
	failed := 0
	for range runs {
		for i, a := range is.Actors {
			conf := a.Confidence
			if conf == 0 {
				conf = 1
			}
			x := a.Position
			switch {
			case a.PositionRange != nil:
				mid := (a.PositionRange.Min + a.PositionRange.Max) / 2
				half := (a.PositionRange.Max - a.PositionRange.Min) / 2 / conf
				x = mid + half*(2*rng.Float64()-1)
			case a.PositionSD > 0:
				x += rng.NormFloat64() * a.PositionSD / conf
			case conf < 1:
				x += rng.NormFloat64() * (1 - conf) * (hi - lo) / 4
			}
			s := a.Salience
			if a.SalienceSD > 0 {
				s += rng.NormFloat64() * a.SalienceSD
			}
			a.Position = min(hi, max(lo, x))
			a.Salience = min(1, max(0, s))
			draw[i] = a
		}
		v, err := model(draw)
		if err != nil || math.IsNaN(v) {
			failed++
			continue
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("analyse: monte carlo: the model failed on all %d draws", runs)
	}
	slices.Sort(out)
	d := &Distribution{Runs: runs, Failed: failed}
	var sum, sq float64
	for _, v := range out {
		sum += v
	}
	d.Mean = sum / float64(len(out))
	for _, v := range out {
		sq += (v - d.Mean) * (v - d.Mean)
	}
	if len(out) > 1 {
		d.SD = math.Sqrt(sq / float64(len(out)-1))
	}
	d.Median = quantile(out, 0.5)
	d.P05, d.P25, d.P75, d.P95 = quantile(out, 0.05), quantile(out, 0.25), quantile(out, 0.75), quantile(out, 0.95)
	return d, nil
}

// quantile of sorted xs by linear interpolation (R's type 7).
func quantile(xs []float64, q float64) float64 {
	h := q * float64(len(xs)-1)
	i := int(math.Floor(h))
	if i >= len(xs)-1 {
		return xs[len(xs)-1]
	}
	return xs[i] + (h-float64(i))*(xs[i+1]-xs[i])
}
