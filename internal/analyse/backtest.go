package analyse

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Forecaster is a per-issue model as the backtest sees it: a name, and a
// forecast function, or a Fit function for models with fitted parameters,
// which the backtest only evaluates out of sample (leave-one-group-out: the
// parameters used for an issue are fitted on the issues of every other
// group, i.e. every other legislative proposal in DEU III).
type Forecaster struct {
	Name        string
	Description string
	Forecast    func(is *Issue) (float64, error)
	Fit         func(train []Issue) (func(is *Issue) (float64, error), error)
}

// ErrNoForecast marks an issue a model cannot forecast (e.g. the
// Commission's position is missing); the backtest skips it for that model.
var ErrNoForecast = errors.New("no forecast for this issue")

// BacktestRow is one model's (or one subset's) accuracy.
type BacktestRow struct {
	Model    string   `json:"model"`
	Subset   string   `json:"subset,omitempty"`
	N        int      `json:"n"`
	MAE      float64  `json:"mae"`
	MedianAE float64  `json:"median_ae"`
	Failed   int      `json:"failed,omitempty"`
	Baseline *float64 `json:"published_mae,omitempty"`
	BaseN    int      `json:"published_n,omitempty"`
	Fitted   bool     `json:"fitted,omitempty"`
}

// Published is a published mean absolute error on DEU III, from the vectors
// file (analysis-vectors.md).
type Published struct {
	MAE float64
	N   int
}

// DEU3Published are the published or recomputed reference figures for the
// models of DEU3Models on DEU III's 353 valid issues.
var DEU3Published = map[string]Published{
	"cm-equal":         {23.68, 353},
	"cm":               {23.22, 353},
	"mean":             {23.71, 353},
	"wmedian-salience": {28.36, 353},
	"median-actor":     {28.42, 353},
	"commission":       {37.70, 348},
	"parliament":       {34.19, 303},
	"reference":        {51.11, 253},
	"cm-equal [QMV]":   {24.12, 279},
	"cm-equal [Unan]":  {22.48, 72},
}

// Backtest runs every model on every issue with an outcome and returns each
// model's mean and median absolute error. Models that fail on an issue
// with ErrNoForecast skip it; other errors are counted in Failed. When
// bySubset is true, a row per decision rule (Issue.Rule) follows each
// model's overall row.
func Backtest(issues []Issue, models []Forecaster, bySubset bool) ([]BacktestRow, error) {
	var valid []Issue
	for _, is := range issues {
		if is.Outcome != nil && len(is.Actors) > 0 {
			valid = append(valid, is)
		}
	}
	var rows []BacktestRow
	for _, m := range models {
		errs := map[string][]float64{}
		failed := 0
		forecast := m.Forecast
		var fits map[string]func(*Issue) (float64, error)
		if m.Fit != nil {
			fits = map[string]func(*Issue) (float64, error){}
			for _, is := range valid {
				if _, ok := fits[is.Group]; ok {
					continue
				}
				train := make([]Issue, 0, len(valid))
				for _, o := range valid {
					if o.Group != is.Group {
						train = append(train, o)
					}
				}
				f, err := m.Fit(train)
				if err != nil {
					return nil, fmt.Errorf("analyse: backtest %s: fit without %s: %w", m.Name, is.Group, err)
				}
				fits[is.Group] = f
			}
		}
		for i := range valid {
			is := &valid[i]
			f := forecast
			if fits != nil {
				f = fits[is.Group]
			}
			x, err := f(is)
			if errors.Is(err, ErrNoForecast) {
				continue
			}
			if err != nil {
				failed++
				continue
			}
			e := math.Abs(x - *is.Outcome)
			errs[""] = append(errs[""], e)
			if bySubset && is.Rule != "" {
				errs[is.Rule] = append(errs[is.Rule], e)
			}
		}
		subsets := []string{""}
		if bySubset {
			for k := range errs {
				if k != "" {
					subsets = append(subsets, k)
				}
			}
			slices.Sort(subsets[1:])
		}
		for _, sub := range subsets {
			row := BacktestRow{Model: m.Name, Subset: sub, N: len(errs[sub]), Fitted: m.Fit != nil}
			if sub == "" {
				row.Failed = failed
			}
			row.MAE, row.MedianAE = meanMedian(errs[sub])
			key := m.Name
			if sub != "" {
				key += " [" + sub + "]"
			}
			if p, ok := DEU3Published[key]; ok {
				row.Baseline, row.BaseN = &p.MAE, p.N
			}
			rows = append(rows, row)
		}
	}
	return rows, nil
}

func meanMedian(xs []float64) (mean, median float64) {
	if len(xs) == 0 {
		return math.NaN(), math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	var sum float64
	for _, x := range s {
		sum += x
	}
	n := len(s)
	if n%2 == 1 {
		median = s[n/2]
	} else {
		median = (s[n/2-1] + s[n/2]) / 2
	}
	return sum / float64(n), median
}
