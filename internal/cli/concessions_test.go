package cli

import (
	"math"
	"strings"
	"testing"
)

func TestConcessionsCase(t *testing.T) {
	db, _ := analysisDB(t)
	out, errs, code := run(t, "--db", db, "concessions", "--case", "ru-ua", "-f", "jsonl", "--issue", "withdrawal")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs := jsonlRecords(t, out)
	if len(recs) != 3 {
		t.Fatalf("%d records, want two fits and a meeting:\n%s", len(recs), out)
	}
	// The series were drawn from e ≈ 0.4 (Russia, holding out) and e = 2
	// (Ukraine, 100·√(t/240)), rounded to the scale's points.
	tests := []struct {
		party, tactic string
		eLo, eHi      float64
		from, to      float64
	}{
		{"Russia", "Boulware", 0.3, 0.5, 100, 0},
		{"Ukraine", "Conceder", 1.8, 2.3, 0, 100},
	}
	for i, tt := range tests {
		t.Run(tt.party, func(t *testing.T) {
			r := recs[i]
			if r["kind"] != "fit" || r["party"] != tt.party || r["tactic"] != tt.tactic {
				t.Fatalf("record %v, want a %s fit of %s", r, tt.tactic, tt.party)
			}
			curve := r["fit"].(map[string]any)["curve"].(map[string]any)
			if e := curve["e"].(float64); e < tt.eLo || e > tt.eHi {
				t.Errorf("e = %v, want in [%v, %v]", e, tt.eLo, tt.eHi)
			}
			if curve["from"] != tt.from || curve["to"] != tt.to || curve["deadline"] != 240.0 {
				t.Errorf("curve %v, want %v→%v with the deadline on day 240", curve, tt.from, tt.to)
			}
			if r2 := r["fit"].(map[string]any)["r2"].(float64); r2 < 0.9 {
				t.Errorf("R² %v, want ≥ 0.9", r2)
			}
			obs := r["observations"].([]any)
			if len(obs) != 5 || len(obs[0].(map[string]any)["evidence"].([]any)) != 1 {
				t.Errorf("observations %v, want five with evidence", obs)
			}
		})
	}
	m := recs[2]
	if m["kind"] != "meet" || m["meet"] != true || m["date"] != "2024-05-16" || math.Abs(m["position"].(float64)-75.6) > 0.1 {
		t.Errorf("meeting %v, want the curves meeting on 2024-05-16 near 75.6", m)
	}

	cases := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"table", []string{"--issue", "withdrawal"}, 0, []string{"Boulware", "Conceder", "the curves meet on 2024-05-16 at 75.6, after the last position"}},
		{"short horizon", []string{"--issue", "withdrawal", "--horizon", "5"}, 0, []string{"the curves do not meet by 2024-05-05 (5 days after the last position)"}},
		{"too few", []string{"--issue", "territory"}, 0, []string{"1 dated position(s) on the scale; a fit needs 3"}},
		{"party", []string{"--party", "Ukraine", "--issue", "withdrawal"}, 0, []string{"Conceder", "Russia × Ukraine"}},
		{"deadline", []string{"--issue", "withdrawal", "--deadline", "2024-12-31"}, 0, []string{"deadline 2024-12-31"}},
		{"unscaled issue", []string{"--issue", "ceasefire"}, 2, nil},
		{"not a party", []string{"--party", "Turkey"}, 2, nil},
		{"bad deadline", []string{"--deadline", "soon"}, 2, nil},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := run(t, append([]string{"--db", db, "concessions", "--case", "ru-ua"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if tt.name == "party" && strings.Contains(out, "Boulware") {
				t.Errorf("--party Ukraine shows Russia's fit:\n%s", out)
			}
		})
	}
}
