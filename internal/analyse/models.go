package analyse

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
		{Name: "commission", Description: "the Commission's position", Forecast: actorPos("com")},
		{Name: "parliament", Description: "the Parliament's position", Forecast: actorPos("ep")},
		{Name: "reference", Description: "the reference point", Forecast: func(is *Issue) (float64, error) {
			if is.Reference == nil {
				return 0, ErrNoForecast
			}
			return *is.Reference, nil
		}},
	}
}
