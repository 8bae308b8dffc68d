package analyse

import (
	"fmt"
	"sync"
)

// ModelOptions tune the models of DEU3Models and Forecast.
type ModelOptions struct {
	// Rounds is the number of rounds of the expected-utility model (0: 3).
	Rounds int
}

func (o ModelOptions) rounds() int {
	if o.Rounds <= 0 {
		return 3
	}
	return o.Rounds
}

// DEU3Models are the models the DEU III backtest compares: every per-issue
// model, the actor-position baselines and one fitted blend.
func DEU3Models(opt ModelOptions) []Forecaster {
	actorPos := func(name string) func(*Issue) (float64, error) {
		return func(is *Issue) (float64, error) {
			a, ok := is.actor(name)
			if !ok {
				return 0, ErrNoForecast
			}
			return a.Position, nil
		}
	}
	return []Forecaster{
		{Name: "cm", Description: "compromise model, the file's capabilities", Forecast: func(is *Issue) (float64, error) { return Compromise(is.Actors) }},
		{Name: "cm-equal", Description: "compromise model, equal capability", Forecast: func(is *Issue) (float64, error) { return Compromise(EqualCapability([]Issue{*is})[0].Actors) }},
		{Name: "mean", Description: "unweighted mean of the positions", Forecast: func(is *Issue) (float64, error) { return Mean(is.Actors) }},
		{Name: "wmedian", Description: "weighted median, capability × salience", Forecast: func(is *Issue) (float64, error) { x, _, err := WeightedMedian(is.Actors, CapSal); return x, err }},
		{Name: "wmedian-salience", Description: "weighted median, salience only", Forecast: func(is *Issue) (float64, error) { x, _, err := WeightedMedian(is.Actors, SalienceOnly); return x, err }},
		{Name: "median-actor", Description: "median of the positions", Forecast: func(is *Issue) (float64, error) { return MedianActor(is.Actors) }},
		{Name: "eu", Description: "expected-utility model, median after the last round", Forecast: func(is *Issue) (float64, error) {
			r, err := RunEU(is.Actors, opt.rounds())
			if err != nil {
				return 0, err
			}
			return r.Forecast(), nil
		}},
		{Name: "nash", Description: "Nash bargaining solution, disagreement at the reference point", Forecast: func(is *Issue) (float64, error) {
			r, err := Nash(is)
			if err != nil {
				return 0, err
			}
			return r.X, nil
		}},
		{Name: "commission", Description: "the Commission's position", Forecast: actorPos("com")},
		{Name: "parliament", Description: "the Parliament's position", Forecast: actorPos("ep")},
		{Name: "reference", Description: "the reference point", Forecast: func(is *Issue) (float64, error) {
			if is.Reference == nil {
				return 0, ErrNoForecast
			}
			return *is.Reference, nil
		}},
		blendCMCommission(),
		euFittedRounds(10),
	}
}

// euFittedRounds is the expected-utility model with its number of rounds
// (0 to maxRounds; 0 is the median of the initial positions) fitted to
// minimise the mean absolute error on the training issues. Each issue's
// medians by round come from one run, cached by group and name.
func euFittedRounds(maxRounds int) Forecaster {
	var mu sync.Mutex
	cache := map[string][]float64{}
	medians := func(is *Issue) ([]float64, error) {
		key := is.Group + "\x00" + is.Name
		mu.Lock()
		m, ok := cache[key]
		mu.Unlock()
		if ok {
			return m, nil
		}
		r, err := RunEU(is.Actors, maxRounds)
		if err != nil {
			return nil, err
		}
		m = []float64{r.Median0}
		for k := 1; k <= maxRounds; k++ {
			if k <= len(r.Rounds) {
				m = append(m, r.Rounds[k-1].Median)
			} else { // converged or cycling: the last state holds on
				m = append(m, m[len(m)-1])
			}
		}
		mu.Lock()
		cache[key] = m
		mu.Unlock()
		return m, nil
	}
	return Forecaster{
		Name:        "eu-rounds",
		Description: fmt.Sprintf("expected-utility model, rounds (0–%d) fitted leaving each proposal out", maxRounds),
		Fit: func(train []Issue) (func(*Issue) (float64, error), error) {
			sums := make([]float64, maxRounds+1)
			for i := range train {
				m, err := medians(&train[i])
				if err != nil {
					continue
				}
				for k, x := range m {
					sums[k] += abs(x - *train[i].Outcome)
				}
			}
			best := 0
			for k := range sums {
				if sums[k] < sums[best] {
					best = k
				}
			}
			return func(is *Issue) (float64, error) {
				m, err := medians(is)
				if err != nil {
					return 0, err
				}
				return m[best], nil
			}, nil
		},
	}
}

// blendCMCommission is a fitted model: α·CM + (1 − α)·the Commission's
// position (CM alone where the Commission has none), α chosen on a grid of
// 0.01 to minimise the mean absolute error on the training issues.
func blendCMCommission() Forecaster {
	predict := func(alpha float64, is *Issue) (float64, error) {
		cm, err := Compromise(is.Actors)
		if err != nil {
			return 0, err
		}
		com, ok := is.actor("com")
		if !ok {
			return cm, nil
		}
		return alpha*cm + (1-alpha)*com.Position, nil
	}
	return Forecaster{
		Name:        "cm-commission",
		Description: "α·CM + (1 − α)·Commission, α fitted leaving each proposal out",
		Fit: func(train []Issue) (func(*Issue) (float64, error), error) {
			// Per training issue: CM, the Commission's position (or CM) and
			// the outcome; α then costs one pass per grid step.
			type obs struct{ cm, com, out float64 }
			var data []obs
			for i := range train {
				cm, err := Compromise(train[i].Actors)
				if err != nil {
					continue
				}
				o := obs{cm, cm, *train[i].Outcome}
				if a, ok := train[i].actor("com"); ok {
					o.com = a.Position
				}
				data = append(data, o)
			}
			bestA, best := 1.0, -1.0
			for step := 0; step <= 100; step++ {
				alpha := float64(step) / 100
				var sum float64
				for _, o := range data {
					sum += abs(alpha*o.cm + (1-alpha)*o.com - o.out)
				}
				if best < 0 || sum < best {
					bestA, best = alpha, sum
				}
			}
			return func(is *Issue) (float64, error) { return predict(bestA, is) }, nil
		},
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
