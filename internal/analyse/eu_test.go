package analyse

import (
	"testing"
)

func TestEUTrace(t *testing.T) {
	res, err := RunEU(ecCarEmissions(), 3)
	if err != nil {
		t.Fatal(err)
	}
	wantRisk := []float64{1.405653, 0.754196, 0.508864, 1.405653, 1.046524, 1.046524, 1.964898, 0.5, 2.0, 1.112125}
	if len(res.Rounds) != 3 {
		t.Fatalf("%d rounds, want 3", len(res.Rounds))
	}
	for i, want := range wantRisk {
		if got := res.Rounds[0].Risk[i]; !near(got, want, 5e-7) {
			t.Errorf("round 1 risk of %s = %.6f, want %.6f", res.Actors[i], got, want)
		}
	}
	// Round 1 moves: Belgium compromises towards France, Luxembourg moves
	// to 7, Ireland to 4; nobody else moves.
	wantX := []float64{4, 8.415932, 7, 4, 10, 10, 10, 4, 4, 7}
	for i, want := range wantX {
		if got := res.Rounds[0].Positions[i]; !near(got, want, 5e-7) {
			t.Errorf("round 1 position of %s = %.6f, want %.6f", res.Actors[i], got, want)
		}
	}
	var accepted []EUOffer
	for _, o := range res.Rounds[0].Offers {
		if o.Accepted {
			accepted = append(accepted, o)
		}
	}
	if len(accepted) != 3 || accepted[0].From != "France" || accepted[0].To != "Belgium" || accepted[0].Kind != "compromise" {
		t.Errorf("round 1 accepted offers %+v, want France→Belgium compromise first of 3", accepted)
	}
	want := []struct{ median, mean float64 }{{8.415932, 7.461314}, {9.610859, 7.552501}, {9.961980, 7.590145}}
	for r, w := range want {
		rd := res.Rounds[r]
		if !near(rd.Median, w.median, 5e-7) || !near(rd.Mean, w.mean, 5e-7) {
			t.Errorf("round %d median %.6f mean %.6f, want %.6f %.6f", r+1, rd.Median, rd.Mean, w.median, w.mean)
		}
	}
	if !near(res.Median0, 7, 1e-12) || !near(res.Mean0, 7.389956, 5e-7) {
		t.Errorf("round 0 median %v mean %v, want 7 and 7.389956", res.Median0, res.Mean0)
	}
}

func TestEUStops(t *testing.T) {
	// Everyone at one position: nothing to do.
	res, err := RunEU(equal(5, 5, 5), 10)
	if err != nil || !res.Converged || len(res.Rounds) != 0 {
		t.Errorf("identical positions: %+v, %v", res, err)
	}
	// A long run of the EC issue ends, converges or reports a cycle; it
	// never exceeds the rounds asked for.
	res, err = RunEU(ecCarEmissions(), 50)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rounds) > 50 {
		t.Errorf("%d rounds, asked for 50", len(res.Rounds))
	}
	t.Logf("EC after %d rounds: forecast %.6f converged %v cycle period %d, median reversals %d", len(res.Rounds), res.Forecast(), res.Converged, res.CyclePeriod, res.Oscillation)
	if !res.Converged && res.CyclePeriod == 0 && len(res.Rounds) != 50 {
		t.Errorf("stopped after %d rounds without converging or cycling", len(res.Rounds))
	}
}
