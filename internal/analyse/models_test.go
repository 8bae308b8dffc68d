package analyse

import (
	"math"
	"testing"
)

// ecCarEmissions is the EC car-emissions issue of the vectors file
// (Bueno de Mesquita 1994; Scholz, Calbert & Smith 2011).
func ecCarEmissions() []Actor {
	rows := []struct {
		name    string
		c, x, s float64
	}{
		{"Netherlands", .08, 4, .8},
		{"Belgium", .08, 7, .4},
		{"Luxembourg", .03, 4, .2},
		{"Germany", .16, 4, .8},
		{"France", .16, 10, .6},
		{"Italy", .16, 10, .6},
		{"UK", .16, 10, .9},
		{"Ireland", .05, 7, .1},
		{"Denmark", .05, 4, 1.0},
		{"Greece", .08, 7, .7},
	}
	out := make([]Actor, len(rows))
	for i, r := range rows {
		out[i] = Actor{Name: r.name, Capability: r.c, Position: r.x, Salience: r.s}
	}
	return out
}

func equal(xs ...float64) []Actor {
	out := make([]Actor, len(xs))
	for i, x := range xs {
		out[i] = Actor{Name: string(rune('A' + i)), Position: x, Salience: 1, Capability: 1}
	}
	return out
}

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

func TestCompromise(t *testing.T) {
	tests := []struct {
		name   string
		actors []Actor
		want   float64
		tol    float64
	}{
		{"EC car emissions", ecCarEmissions(), 7.389956, 5e-7},
		{"tiny 0 100", equal(0, 100), 50, 1e-12},
		{"tiny 0 100 100", equal(0, 100, 100), 200.0 / 3, 1e-12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Compromise(tt.actors)
			if err != nil {
				t.Fatal(err)
			}
			if !near(got, tt.want, tt.tol) {
				t.Errorf("Compromise = %.7f, want %.7f", got, tt.want)
			}
		})
	}
	if _, err := Compromise([]Actor{{Name: "a", Position: 1}}); err == nil {
		t.Error("Compromise with zero weight: no error")
	}
}

func TestWeightedMedian(t *testing.T) {
	x, share, err := WeightedMedian(ecCarEmissions(), CapSal)
	if err != nil {
		t.Fatal(err)
	}
	if x != 7 {
		t.Errorf("weighted median = %v, want 7", x)
	}
	if !near(share, 0.366, 5e-4) {
		t.Errorf("cumulative share at 4 = %.4f, want 0.366", share)
	}
	tests := []struct {
		name   string
		actors []Actor
		want   float64
	}{
		{"two equal", equal(0, 100), 0},
		{"three", equal(0, 100, 100), 100},
		{"unsorted", equal(9, 1, 5), 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := WeightedMedian(tt.actors, CapSal)
			if err != nil || got != tt.want {
				t.Errorf("WeightedMedian = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

func TestMedianActor(t *testing.T) {
	tests := []struct {
		name   string
		actors []Actor
		want   float64
	}{
		{"odd", equal(9, 1, 5), 5},
		{"even", equal(0, 100, 10, 20), 15},
		{"EC", ecCarEmissions(), 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MedianActor(tt.actors)
			if err != nil || got != tt.want {
				t.Errorf("MedianActor = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}
