// Package analyse holds parley's bargaining models: per-issue forecasts
// (compromise model, weighted median, median actor, Nash bargaining solution,
// the expected-utility model), Monte Carlo uncertainty, two-party packages
// over discrete issues (Pareto frontier, ZOPA, bargaining solutions),
// Adjusted Winner fair division, concession curves and backtests against
// known outcomes (DEU III).
//
// The package depends on no other parley package: callers (the command
// line, the tracking layer) hand it plain values, Issue and Actor for the
// per-issue models, Domain for packages, Items for fair division and
// Observation series for concession curves. Where the values come from news,
// Actor.Evidence carries the identifiers of the claims they rest on, and the
// models carry them through to their results untouched.
package analyse

import (
	"errors"
	"fmt"
	"math"
)

// Actor is one actor's stance on one issue.
//
// Position is on the issue's scale (0–100 unless Issue.Lo and Issue.Hi say
// otherwise); Salience is in 0–1 (how much the issue matters to the actor);
// Capability is a non-negative relative weight (votes, GDP, clout); only
// ratios between actors matter.
//
// The remaining fields are optional and used by the Monte Carlo model only:
// PositionSD is a standard error of the position; PositionRange replaces it
// with a uniform range; SalienceSD is a standard error of the salience;
// Confidence (0–1, 0 meaning not stated, i.e. 1) is how sure the source of
// the stance is: the spread of the position is divided by it, and a stance
// with confidence below 1 but no stated spread gets a standard error of
// (1 − Confidence)·(Hi − Lo)/4.
type Actor struct {
	Name          string   `json:"name" yaml:"name"`
	Position      float64  `json:"position" yaml:"position"`
	Salience      float64  `json:"salience" yaml:"salience"`
	Capability    float64  `json:"capability" yaml:"capability"`
	PositionSD    float64  `json:"position_sd,omitempty" yaml:"position_sd"`
	PositionRange *Range   `json:"position_range,omitempty" yaml:"position_range"`
	SalienceSD    float64  `json:"salience_sd,omitempty" yaml:"salience_sd"`
	Confidence    float64  `json:"confidence,omitempty" yaml:"confidence"`
	Evidence      []string `json:"evidence,omitempty" yaml:"evidence"`
}

// Range is a closed interval [Min, Max].
type Range struct {
	Min float64 `json:"min" yaml:"min"`
	Max float64 `json:"max" yaml:"max"`
}

// Issue is one negotiated issue: the actors' stances on a one-dimensional
// scale, the reference point (the status quo, or what happens without an
// agreement) when known, and the known outcome when the issue is used for a
// backtest.
type Issue struct {
	Name      string   `json:"name" yaml:"name"`
	Actors    []Actor  `json:"actors" yaml:"actors"`
	Reference *float64 `json:"reference,omitempty" yaml:"reference"`
	Outcome   *float64 `json:"outcome,omitempty" yaml:"outcome"`
	// Lo and Hi bound the scale; both zero means 0–100.
	Lo float64 `json:"lo,omitempty" yaml:"lo"`
	Hi float64 `json:"hi,omitempty" yaml:"hi"`
	// Group names a set of issues that belong together (a legislative
	// proposal, a case); leave-one-group-out fits use it.
	Group string `json:"group,omitempty" yaml:"group"`
	// Rule is the decision rule when known (DEU III: QMV, Unan).
	Rule string `json:"rule,omitempty" yaml:"rule"`
}

// Scale returns the issue's scale bounds (0–100 unless set).
func (is *Issue) Scale() (lo, hi float64) {
	if is.Lo == 0 && is.Hi == 0 {
		return 0, 100
	}
	return is.Lo, is.Hi
}

// ErrNoWeight is returned by a weighted model when every actor's weight
// (capability × salience) is zero.
var ErrNoWeight = errors.New("all actors have zero weight")

// Validate checks that the issue can be fed to the models: at least one
// actor, every actor named, every number finite, salience in 0–1,
// capability and standard errors non-negative, confidence in 0–1.
func (is *Issue) Validate() error {
	if len(is.Actors) == 0 {
		return fmt.Errorf("issue %q: no actors", is.Name)
	}
	for i, a := range is.Actors {
		if err := a.validate(); err != nil {
			return fmt.Errorf("issue %q: actor %d: %w", is.Name, i+1, err)
		}
	}
	if is.Reference != nil && !finite(*is.Reference) {
		return fmt.Errorf("issue %q: reference is not a finite number", is.Name)
	}
	return nil
}

func (a *Actor) validate() error {
	if a.Name == "" {
		return errors.New("name: missing actor name")
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"position", a.Position}, {"salience", a.Salience}, {"capability", a.Capability},
		{"position_sd", a.PositionSD}, {"salience_sd", a.SalienceSD}, {"confidence", a.Confidence}} {
		if !finite(f.v) {
			return fmt.Errorf("%s: %v is not a finite number", f.name, f.v)
		}
	}
	if a.Salience < 0 || a.Salience > 1 {
		return fmt.Errorf("salience: %v is outside 0–1", a.Salience)
	}
	if a.Capability < 0 {
		return fmt.Errorf("capability: %v is negative", a.Capability)
	}
	if a.PositionSD < 0 || a.SalienceSD < 0 {
		return errors.New("position_sd, salience_sd: negative standard error")
	}
	if a.Confidence < 0 || a.Confidence > 1 {
		return fmt.Errorf("confidence: %v is outside 0–1", a.Confidence)
	}
	if r := a.PositionRange; r != nil {
		if !finite(r.Min) || !finite(r.Max) || r.Min > r.Max {
			return fmt.Errorf("position_min, position_max: [%v, %v] is not a range", r.Min, r.Max)
		}
	}
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
