package track_test

import (
	"strings"
	"testing"

	"parley/internal/track"
)

const inputsCase = `name: test
parties: [Russia, Ukraine]
scales:
  territory:
    points:
      - {value: 0, label: full withdrawal, cues: [1991 borders]}
      - {value: 50, label: pre-2022 lines, cues: [pre-2022 lines]}
      - {value: 100, label: annexation, cues: [four regions]}
`

func TestSalienceFor(t *testing.T) {
	f := newFixture().
		doc("a", "Wire", "2024-01-10", "For Ukraine, territory is a red line.", "Territory is the most difficult point.", "Russia says the border is non-negotiable.").
		claim("a", "Ukraine demands a return to the 1991 borders.", "Ukraine", "demand", "territory").
		claim("a", "Russia demands the four regions.", "Russia", "demand", "territory")
	v := f.view(t, inputsCase)
	tests := []struct {
		party string
		want  []string // cues
	}{
		{"Ukraine", []string{"red line", "the most difficult point"}},
		{"Russia", []string{"the most difficult point", "non-negotiable"}},
	}
	for _, tt := range tests {
		t.Run(tt.party, func(t *testing.T) {
			got := v.SalienceFor(tt.party, "territory")
			var cues []string
			for _, s := range got {
				cues = append(cues, strings.ToLower(s.Cue))
				text := v.Docs[s.Doc.ID].Text
				if s.Span.In(text) != s.Sentence {
					t.Errorf("span %+v names %q, want %q", s.Span, s.Span.In(text), s.Sentence)
				}
			}
			if strings.Join(cues, "|") != strings.Join(tt.want, "|") {
				t.Errorf("cues %q, want %q", cues, tt.want)
			}
		})
	}
	if got := v.SalienceFor("Ukraine", "alliance"); len(got) != 0 {
		t.Errorf("alliance salience %+v, want none", got)
	}
}

func TestPositionSeries(t *testing.T) {
	f := newFixture().
		doc("d1", "A", "2024-01-10").claim("d1", "Russia demands the four regions.", "Russia", "demand", "territory").
		doc("d2", "B", "2024-03-10").claim("d2", "Russia rejects a return to the 1991 borders.", "Russia", "reject", "territory").
		doc("d3", "C", "2024-05-10").claim("d3", "Russia would accept the pre-2022 lines.", "Russia", "accept", "territory").
		doc("d4", "D", "").claim("d4", "Russia proposes the 1991 borders.", "Russia", "propose", "territory").
		doc("d5", "E", "2024-02-10").claim("d5", "Russia demands a ceasefire.", "Russia", "demand", "territory")
	v := f.view(t, inputsCase)
	got := v.PositionSeries("Russia", "territory")
	var vals []float64
	var docs []string
	for _, p := range got {
		vals = append(vals, p.Placement.Value)
		docs = append(docs, p.Entry.Doc.ID+"@"+p.Time.Format("2006-01-02"))
	}
	// The rejection is not placed, the undated report is left out, the
	// claim without a scale cue is not placed.
	if want := "d1@2024-01-10 d3@2024-05-10"; strings.Join(docs, " ") != want {
		t.Errorf("series %v, want %s", docs, want)
	}
	if len(vals) != 2 || vals[0] != 100 || vals[1] != 50 {
		t.Errorf("values %v, want [100 50]", vals)
	}
	if got := v.PositionSeries("Russia", "alliance"); got != nil {
		t.Errorf("series on an issue without a scale: %v", got)
	}
}

func TestCaseCapabilities(t *testing.T) {
	base := "name: c\nparties: [Russia, Ukraine]\n"
	tests := []struct {
		name, yaml, err string
		want            map[string]float64
	}{
		{"none", base, "", nil},
		{"both", base + "capabilities: {Russia: 3, Ukraine: 1.5}\n", "", map[string]float64{"Russia": 3, "Ukraine": 1.5}},
		{"missing party", base + "capabilities: {Russia: 3}\n", `case.yaml:3:15: no capability for party "Ukraine"`, nil},
		{"not a party", base + "capabilities: {Russia: 3, Ukraine: 1, Turkey: 2}\n", `case.yaml:3:47: capability for "Turkey"`, nil},
		{"negative", base + "capabilities: {Russia: -1, Ukraine: 1}\n", "case.yaml:3:24: capability -1 of Russia", nil},
		{"not a number", base + "capabilities: {Russia: big, Ukraine: 1}\n", "case.yaml:3", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := track.ParseCase("case.yaml", []byte(tt.yaml))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range c.Parties {
				x, ok := c.Capability(p)
				w, wok := tt.want[p]
				if ok != wok || x != w {
					t.Errorf("capability of %s: %v %v, want %v %v", p, x, ok, w, wok)
				}
			}
		})
	}
}
