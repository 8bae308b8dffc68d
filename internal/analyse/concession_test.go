package analyse

import (
	"math/rand/v2"
	"testing"
)

func TestFitConcession(t *testing.T) {
	tests := []struct {
		name   string
		e, k   float64
		noise  float64
		tactic string
	}{
		{"boulware", 0.3, 0.1, 0, TacticBoulware},
		{"conceder", 3, 0.05, 0, TacticConceder},
		{"linear", 1, 0, 0, TacticLinear},
		{"boulware noisy", 0.4, 0.1, 0.5, TacticBoulware},
		{"conceder noisy", 2.5, 0.2, 0.5, TacticConceder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A party opening at 90 conceding towards 20 by day 100,
			// observed on days 0–80.
			truth := ConcessionCurve{From: 90, To: 20, Start: 0, Deadline: 100, E: tt.e, K: tt.k}
			rng := rand.New(rand.NewPCG(5, 6))
			var obs []Observation
			for d := 0.0; d <= 80; d += 5 {
				obs = append(obs, Observation{Time: d, Position: truth.At(d) + tt.noise*rng.NormFloat64()})
			}
			from, start, deadline := 90.0, 0.0, 100.0
			fit, err := FitConcession(obs, ConcessionOptions{From: &from, To: 20, Start: &start, Deadline: &deadline})
			if err != nil {
				t.Fatal(err)
			}
			if fit.Tactic != tt.tactic {
				t.Errorf("tactic %s (e=%.3f), want %s", fit.Tactic, fit.Curve.E, tt.tactic)
			}
			if tt.noise == 0 {
				if !near(fit.Curve.E, tt.e, 1e-4*tt.e) || !near(fit.Curve.K, tt.k, 1e-4) || fit.RMSE > 1e-6 {
					t.Errorf("fit e=%.6f k=%.6f rmse=%g, want e=%v k=%v", fit.Curve.E, fit.Curve.K, fit.RMSE, tt.e, tt.k)
				}
			} else if fit.R2 < 0.95 {
				t.Errorf("R² = %.3f on a noisy series", fit.R2)
			}
		})
	}
	t.Run("hardliner", func(t *testing.T) {
		obs := []Observation{{0, 80}, {10, 80}, {20, 80}, {30, 80}}
		fit, err := FitConcession(obs, ConcessionOptions{To: 20})
		if err != nil {
			t.Fatal(err)
		}
		if fit.Tactic != TacticHardliner {
			t.Errorf("tactic %s, want hardliner", fit.Tactic)
		}
	})
}

func TestMeet(t *testing.T) {
	a := ConcessionCurve{From: 90, To: 20, Start: 0, Deadline: 100, E: 1}
	b := ConcessionCurve{From: 10, To: 80, Start: 0, Deadline: 100, E: 1}
	// Linear: a = 90 − 0.7t, b = 10 + 0.7t, equal at t = 80/1.4.
	got, ok := Meet(a, b, 0, 100)
	if !ok || !near(got, 80/1.4, 1e-9) {
		t.Errorf("Meet = %v, %v; want %v", got, ok, 80/1.4)
	}
	// b never gets above 40: no meeting.
	b.To = 40
	a.To = 60
	if got, ok := Meet(a, b, 0, 200); ok {
		t.Errorf("Meet = %v, want none", got)
	}
}
