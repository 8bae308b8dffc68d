package track_test

import (
	"strings"
	"testing"

	"parley/internal/track"
)

func TestParseCase(t *testing.T) {
	good := `name: ru-ua
title: Russia and Ukraine
parties: [Russia, Ukraine]
mediators: [Turkey]
issues: [territory, alliance]
window: {from: 2022-02-24, to: "2024-12-31"}
scales:
  territory:
    points:
      - {value: 0, label: full withdrawal, cues: [1991 borders, full withdrawal]}
      - {value: 100, label: annexation, cues: [annexation of four regions]}
`
	c, err := track.ParseCase("good.yaml", []byte(good))
	if err != nil {
		t.Fatalf("good case: %v", err)
	}
	if c.Name != "ru-ua" || len(c.Parties) != 2 || len(c.Scales["territory"].Points) != 2 {
		t.Errorf("decoded %+v", c)
	}
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown field", "name: x\nparties: [A, B]\ncolour: red\n", "bad.yaml:3:1"},
		{"one party", "name: x\nparties: [A]\n", "bad.yaml:2:10: a case needs two or more parties"},
		{"unknown issue", "name: x\nparties: [A, B]\nissues: [territory, land]\n", "bad.yaml:3:21: unknown issue \"land\""},
		{"bad date", "name: x\nparties: [A, B]\nwindow:\n  from: March 2022\n", "bad.yaml:4:9: window.from"},
		{"scale order", "name: x\nparties: [A, B]\nscales:\n  territory:\n    points:\n      - {value: 50, label: a, cues: [a]}\n      - {value: 10, label: b, cues: [b]}\n", "bad.yaml:7:17: values must increase"},
		{"scale outside issues", "name: x\nparties: [A, B]\nissues: [alliance]\nscales:\n  territory:\n    points:\n      - {value: 0, label: a, cues: [a]}\n      - {value: 10, label: b, cues: [b]}\n", "not in the case's issues"},
		{"twice", "name: x\nparties: [A, A]\n", "named twice"},
		{"syntax", "name: x\nparties: [A, B\n", "bad.yaml:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := track.ParseCase("bad.yaml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestCaseMarshalRoundTrip(t *testing.T) {
	c, err := track.ParseCase("a.yaml", []byte("name: x\nparties: [A, B]\nissues: [territory]\nwindow: {from: 2022-01-01}\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	c2, err := track.ParseCase("b.yaml", b)
	if err != nil {
		t.Fatalf("re-read %s: %v", b, err)
	}
	if c2.Window.From != "2022-01-01" || c2.Parties[1] != "B" {
		t.Errorf("round trip: %+v", c2)
	}
}

func TestExampleCaseFile(t *testing.T) {
	c, _, err := track.ReadCaseFile("testdata/ru-ua.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Scales) != 2 || len(c.Scales["territory"].Points) != 5 {
		t.Errorf("scales %+v", c.Scales)
	}
}
