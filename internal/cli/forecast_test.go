package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"parley/internal/sharedtest"
)

func analyseFixture(name string) string {
	return filepath.Join("..", "analyse", "testdata", name)
}

func runParley(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestAnalyseCommands(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"forecast cm", []string{"forecast", analyseFixture("ec-car-emissions.csv"), "--model", "cm"}, 0, []string{"car emissions", "7.389956"}},
		{"forecast all", []string{"forecast", analyseFixture("greece-eu.yaml")}, 0, []string{"82.222222", "median-actor", "nash", "eu"}},
		{"forecast mc", []string{"forecast", analyseFixture("ec-car-emissions.csv"), "--model", "median", "--runs", "200", "--seed", "3", "-f", "jsonl"}, 0, []string{`"monte_carlo":{"runs":200`}},
		{"forecast trace", []string{"forecast", analyseFixture("ec-car-emissions.csv"), "--model", "eu", "--trace"}, 0, []string{"8.415932", "France compromise 8.415932"}},
		{"forecast case", []string{"forecast", "x.csv", "--case", "c"}, 2, nil},
		{"packages", []string{"packages", analyseFixture("itex-cypress.yaml")}, 0, []string{"18 Pareto-optimal packages", "no-zopa", "short by 0.003356", "price=$3.47; delivery=45 days; payment=+30 days; returns=5 %"}},
		{"packages reservation", []string{"packages", analyseFixture("itex-cypress.yaml"), "--disagreement", "reservation", "-f", "csv"}, 0, []string{"none: no package is at or above"}},
		{"divide", []string{"divide", analyseFixture("bob-carol.csv")}, 0, []string{"split: Carol 0.833333, Bob 0.166667", "56.666667"}},
		{"divide yaml", []string{"divide", analyseFixture("mike-phil.yaml")}, 0, []string{"split: Mike 0.133333", "68"}},
		{"bad input", []string{"divide", filepath.Join("..", "analyse", "testdata", "ec-car-emissions.csv")}, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runParley(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestBacktestCommand(t *testing.T) {
	p := sharedtest.Path(t, "data", "deu3", "deu3.csv")
	out, errs, code := runParley(t, "backtest", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{"23.681", "23.224", "23.68", "23.22", "cm-commission"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
}
