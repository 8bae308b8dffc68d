package analyse

import (
	"os"
	"testing"

	"parley/internal/sharedtest"
)

// deu3Path is the shared DEU III file, found from the module root.
func deu3Path(t testing.TB) string {
	t.Helper()
	return sharedtest.Path(t, "data", "deu3", "deu3.csv")
}

func loadDEU3(t testing.TB) *DEU3 {
	p := deu3Path(t)
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := ReadDEU3(f, p)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDEU3Backtest(t *testing.T) {
	d := loadDEU3(t)
	valid := d.WithOutcome()
	if len(valid) != 353 {
		t.Fatalf("%d issues with an outcome, want 353", len(valid))
	}
	rows, err := Backtest(d.Issues, DEU3Models(ModelOptions{}), true)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]BacktestRow{}
	for _, r := range rows {
		key := r.Model
		if r.Subset != "" {
			key += " [" + r.Subset + "]"
		}
		got[key] = r
		if r.Baseline != nil {
			t.Logf("%-24s n=%3d MAE %.3f median %.3f   published %.2f (n=%d)", key, r.N, r.MAE, r.MedianAE, *r.Baseline, r.BaseN)
		} else {
			t.Logf("%-24s n=%3d MAE %.3f median %.3f", key, r.N, r.MAE, r.MedianAE)
		}
	}
	// The bars: the compromise model within ±0.05 of the published MAE.
	for _, tt := range []struct {
		model string
		want  float64
		n     int
	}{
		{"cm-equal", 23.68, 353},
		{"cm", 23.22, 353},
		{"mean", 23.71, 353},
		{"wmedian-salience", 28.36, 353},
		{"median-actor", 28.42, 353},
		{"commission", 37.70, 348},
		{"parliament", 34.19, 303},
		{"reference", 51.11, 253},
		{"cm-equal [QMV]", 24.12, 279},
		{"cm-equal [Unan]", 22.48, 72},
	} {
		t.Run(tt.model, func(t *testing.T) {
			r, ok := got[tt.model]
			if !ok {
				t.Fatalf("no row for %s", tt.model)
			}
			if r.N != tt.n || !near(r.MAE, tt.want, 0.05) {
				t.Errorf("%s: n=%d MAE %.3f, want n=%d MAE %.2f ± 0.05", tt.model, r.N, r.MAE, tt.n, tt.want)
			}
		})
	}
	if r := got["cm-equal"]; !near(r.MedianAE, 18.51, 0.05) {
		t.Errorf("cm-equal median absolute error %.3f, want 18.51", r.MedianAE)
	}
}
