package analyse

import "testing"

func ptr(v float64) *float64 { return &v }

func TestNash(t *testing.T) {
	tests := []struct {
		name     string
		is       Issue
		want     float64
		feasible bool
	}{
		// Actors at 60 and 80, reference 0: the gains are x and x below 60
		// (product x²), 120 − x and x above (product x(120 − x), falling
		// after 60): the solution is 60.
		{"same side", Issue{Actors: equal(60, 80), Reference: ptr(0)}, 60, true},
		// Reference between the actors: nothing improves on it for both.
		{"reference between", Issue{Actors: equal(20, 80), Reference: ptr(50)}, 50, false},
		// No reference: the disagreement is each actor's far end.
		{"no reference", Issue{Actors: equal(0, 100)}, 50, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Nash(&tt.is)
			if err != nil {
				t.Fatal(err)
			}
			if r.Feasible != tt.feasible || !near(r.X, tt.want, 1e-5) {
				t.Errorf("Nash = %.8f feasible %v, want %v feasible %v", r.X, r.Feasible, tt.want, tt.feasible)
			}
		})
	}
	// Asymmetric powers: weights 3:1 with gains g_A = 100 − x... the weighted
	// product (x)^1 (100 − x)^3 for actors at 100 (w=1) and 0 (w=3), each
	// disagreement at the far end, is maximised at x = 25.
	is := Issue{Actors: []Actor{
		{Name: "A", Position: 100, Salience: 1, Capability: 1},
		{Name: "B", Position: 0, Salience: 1, Capability: 3},
	}}
	r, err := Nash(&is)
	if err != nil {
		t.Fatal(err)
	}
	if !near(r.X, 25, 1e-5) {
		t.Errorf("weighted Nash = %.8f, want 25", r.X)
	}
}
