package analyse

import (
	"testing"
)

func TestMonteCarlo(t *testing.T) {
	is := Issue{Name: "x", Actors: []Actor{
		{Name: "A", Position: 20, Salience: 1, Capability: 1, PositionSD: 5},
		{Name: "B", Position: 80, Salience: 1, Capability: 1, PositionRange: &Range{70, 90}},
	}}
	d1, err := MonteCarlo(&is, 20000, 42, Compromise)
	if err != nil {
		t.Fatal(err)
	}
	d2, _ := MonteCarlo(&is, 20000, 42, Compromise)
	if *d1 != *d2 {
		t.Errorf("same seed, different results: %+v %+v", d1, d2)
	}
	// CM = (A + B)/2: mean 50, sd sqrt(25 + 100/3)/2 ≈ 3.82.
	if !near(d1.Mean, 50, 0.1) || !near(d1.SD, 3.819, 0.1) {
		t.Errorf("mean %.3f sd %.3f, want 50 and 3.82", d1.Mean, d1.SD)
	}
	if !(d1.P05 < d1.P25 && d1.P25 < d1.Median && d1.Median < d1.P75 && d1.P75 < d1.P95) {
		t.Errorf("quantiles out of order: %+v", d1)
	}
	// Lower confidence widens the spread.
	is.Actors[0].Confidence = 0.5
	d3, _ := MonteCarlo(&is, 20000, 42, Compromise)
	if d3.P95-d3.P05 <= d1.P95-d1.P05 {
		t.Errorf("confidence 0.5 did not widen the 90%% interval: %v vs %v", d3.P95-d3.P05, d1.P95-d1.P05)
	}
	// No uncertainty at all: a point distribution.
	fixed := Issue{Name: "y", Actors: equal(0, 100)}
	d4, _ := MonteCarlo(&fixed, 100, 1, Compromise)
	if d4.P05 != 50 || d4.P95 != 50 || d4.SD != 0 {
		t.Errorf("no uncertainty: %+v", d4)
	}
}
