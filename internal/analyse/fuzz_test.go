package analyse

import (
	"strings"
	"testing"
)

// FuzzReadPositionsCSV checks that the reader never panics and that what
// it accepts passes validation.
func FuzzReadPositionsCSV(f *testing.F) {
	f.Add("issue,actor,position,salience,capability\nx,A,10,0.5,1\n")
	f.Add("issue,actor,position,salience,capability,position_min,position_max,reference\nx,A,10,0.5,1,0,20,5\n")
	f.Add("issue,actor,position,salience,capability\nx,A,1e400,0.5,1\n")
	f.Fuzz(func(t *testing.T, in string) {
		issues, err := ReadPositionsCSV(strings.NewReader(in), "f.csv")
		if err != nil {
			return
		}
		for _, is := range issues {
			if err := is.Validate(); err != nil {
				t.Fatalf("accepted an invalid issue: %v", err)
			}
		}
	})
}

// FuzzReadPositionsYAML checks that the YAML reader never panics and that
// what it accepts passes validation.
func FuzzReadPositionsYAML(f *testing.F) {
	f.Add("issues:\n  - name: x\n    actors:\n      - {name: A, position: 1, salience: 0.5, capability: 1}\n")
	f.Add("issues:\n  - name: x\n    reference: 3\n    actors:\n      - {name: A, position: 1, salience: 0.5, capability: 1, position_min: 0, position_max: 2}\n")
	f.Fuzz(func(t *testing.T, in string) {
		issues, err := ReadPositionsYAML([]byte(in), "f.yaml")
		if err != nil {
			return
		}
		for _, is := range issues {
			if err := is.Validate(); err != nil {
				t.Fatalf("accepted an invalid issue: %v", err)
			}
		}
	})
}

// FuzzReadDomain checks that the domain reader never panics and that a
// domain it accepts can be analysed.
func FuzzReadDomain(f *testing.F) {
	f.Add("issues:\n  - {name: a, options: [x, y]}\nparties:\n  - {name: A, reservation: 0.1, weights: {a: 1}, scores: {a: [1, 2]}}\n  - {name: B, weights: {a: 1}, scores: {a: [2, 1]}}\n")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ReadDomain([]byte(in), "f.yaml")
		if err != nil {
			return
		}
		if len(d.Issues) > 8 {
			return
		}
		if _, err := AnalysePackages(d, 0, DisagreeZero); err != nil {
			t.Fatalf("accepted a domain it cannot analyse: %v", err)
		}
	})
}
