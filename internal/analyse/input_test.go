package analyse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReadPositionsFixtures(t *testing.T) {
	issues, err := ReadPositions(strings.NewReader(string(readFixture(t, "ec-car-emissions.csv"))), "ec-car-emissions.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(issues) != 1 || len(issues[0].Actors) != 10 {
		t.Fatalf("got %d issues", len(issues))
	}
	if cm, _ := Compromise(issues[0].Actors); !near(cm, 7.389956, 5e-7) {
		t.Errorf("CM from CSV = %.7f", cm)
	}
	if issues[0].Actors[1].PositionSD != 1 || issues[0].Actors[1].SalienceSD != 0.1 {
		t.Errorf("Belgium's standard errors not read: %+v", issues[0].Actors[1])
	}

	issues, err = ReadPositionsYAML(readFixture(t, "greece-eu.yaml"), "greece-eu.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Greece–EU 2015 (vectors file: CM 82.22, weighted median 100).
	cm, _ := Compromise(issues[0].Actors)
	wm, _, _ := WeightedMedian(issues[0].Actors, CapSal)
	if !near(cm, 82.22, 0.005) || wm != 100 {
		t.Errorf("Greece–EU CM %.4f weighted median %v, want 82.22 and 100", cm, wm)
	}
	tiny := issues[1]
	if tiny.Reference == nil || *tiny.Reference != 0 || tiny.Actors[0].PositionRange == nil ||
		tiny.Actors[1].Confidence != 0.5 || len(tiny.Actors[1].Evidence) != 2 {
		t.Errorf("tiny issue not read in full: %+v", tiny)
	}
	if cm, _ := Compromise(tiny.Actors); cm != 50 {
		t.Errorf("tiny CM %v, want 50", cm)
	}
}

func TestReadPositionsErrors(t *testing.T) {
	tests := []struct {
		name, file, input, want string
	}{
		{"salience out of range", "p.csv", "issue,actor,position,salience,capability\nx,A,10,1.5,1\n", "p.csv:2: salience: 1.5 is outside 0–1"},
		{"missing actor", "p.csv", "issue,actor,position,salience,capability\nx,,10,0.5,1\n", "p.csv:2: actor: missing actor name"},
		{"empty issue name", "p.csv", "issue,actor,position,salience,capability\nx,A,1,1,1\n,B,10,0.5,1\n", "p.csv:3: issue: missing issue name"},
		{"NaN", "p.csv", "issue,actor,position,salience,capability\nx,A,NaN,0.5,1\n", `p.csv:2: position: "NaN" is not a finite number`},
		{"not a number", "p.csv", "issue,actor,position,salience,capability\nx,A,1,0.5,lots\n", `p.csv:2: capability: "lots" is not a number`},
		{"missing column", "p.csv", "issue,actor,position,salience\nx,A,1,0.5\n", "p.csv:1: capability: missing column"},
		{"no rows", "p.csv", "issue,actor,position,salience,capability\n", "p.csv: no rows: no issues"},
		{"two references", "p.csv", "issue,actor,position,salience,capability,reference\nx,A,1,1,1,5\nx,B,1,1,1,6\n", "p.csv:3: reference: 6 differs"},
		{"yaml salience", "p.yaml", "issues:\n  - name: x\n    actors:\n      - {name: A, position: 1, salience: 2, capability: 1}\n", "p.yaml:4:"},
		{"yaml empty issue", "p.yaml", "issues:\n  - name: x\n    actors: []\n", `p.yaml:3:13: issues[0].actors: issue "x" has no actors`},
		{"yaml nan", "p.yaml", "issues:\n  - name: x\n    actors:\n      - name: A\n        position: .nan\n        salience: 1\n        capability: 1\n", "p.yaml:5:19: issues[0].actors[0].position: NaN is not a finite number"},
		{"yaml missing name", "p.yaml", "issues:\n  - name: x\n    actors:\n      - {position: 1, salience: 1, capability: 1}\n", "p.yaml:4:"},
		{"yaml unknown field", "p.yaml", "issues:\n  - name: x\n    colour: red\n", "p.yaml:3:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPositions(strings.NewReader(tt.input), tt.file)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestReadDomainAndDivision(t *testing.T) {
	d, err := ReadDomain(readFixture(t, "itex-cypress.yaml"), "itex-cypress.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := AnalysePackages(d, 0, DisagreeZero)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Frontier.Points) != 18 || len(r.ZOPA) != 0 {
		t.Errorf("fixture: %d Pareto packages, ZOPA %d", len(r.Frontier.Points), len(r.ZOPA))
	}
	_, err = ReadDomain([]byte("issues:\n  - {name: a, options: [x, y]}\nparties:\n  - name: A\n    weights: {a: -1}\n    scores: {a: [1, 2]}\n  - name: B\n    weights: {a: 1}\n    scores: {a: [1, 2]}\n"), "d.yaml")
	if err == nil || !strings.Contains(err.Error(), "d.yaml:5:") || !strings.Contains(err.Error(), "parties[0].weights.a") {
		t.Errorf("negative weight: error %v", err)
	}
	for _, name := range []string{"bob-carol.csv", "mike-phil.yaml"} {
		div, err := ReadDivision(strings.NewReader(string(readFixture(t, name))), name)
		if err != nil {
			t.Fatal(err)
		}
		a, err := AdjustedWinner(div)
		if err != nil {
			t.Fatal(err)
		}
		if a.Split < 0 || !near(a.Points[0], a.Points[1], 1e-9) {
			t.Errorf("%s: %+v", name, a)
		}
	}
	_, err = ReadDivision(strings.NewReader("item,A,B\nx,50,abc\n"), "d.csv")
	if err == nil || !strings.Contains(err.Error(), "d.csv:2: B:") {
		t.Errorf("bad points: error %v", err)
	}
}
