package track_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func briefFixture() *fixture {
	f := gapFixture()
	f.doc("c", "The Daily Example", "2024-02-01").
		claim("c", "Moscow may no longer insist on neutrality, people familiar with the matter told The Example Times.", "Russia", "concede", "alliance",
			hedged, source("anonymous", "people familiar with the matter", "The Example Times"), position("no longer insists on neutrality")).
		claim("c", "Kyiv plans to hold talks in mid-March.", "Ukraine", "propose", "talks", source("unattributed", "", ""), position("talks in mid-March"))
	d := f.docs["c"]
	d.Text += " The report has not been officially confirmed by Russia. Analysts called the land question the main obstacle."
	f.docs["c"] = d
	f.doc("e", "Wire", "2024-02-03").
		claim("e", "The Kremlin denied that it would lift its demand on the army, saying Ukraine must disarm.", "Russia", "demand", "disarmament").
		doc("f", "Paper", "2024-01-30").
		claim("f", "Russia could accept a smaller Ukrainian army, an adviser said, according to sources.", "Russia", "concede", "disarmament", hedged, source("anonymous", "sources", ""))
	return f
}

func TestBriefGolden(t *testing.T) {
	const caseYAML = `name: s
title: Example talks
parties: [Russia, Ukraine]
issues: [territory, alliance, prisoners, humanitarian, economy, disarmament, talks]
scales:
  territory:
    points:
      - {value: 0, label: 1991 borders, cues: [1991 borders, full withdrawal]}
      - {value: 70, label: current line of contact, cues: [current line, status quo]}
`
	v := briefFixture().view(t, caseYAML)
	var buf bytes.Buffer
	if err := v.WriteBrief(&buf, day("2024-01-20")); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	golden := filepath.Join("testdata", "brief.golden.md")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("brief differs from %s (run go test -update and review):\n%s", golden, got)
	}
	// What the brief must say, whatever its layout.
	for _, s := range []string{
		"concession (demand conceded)",
		"Russia concedes on alliance",
		"denied",
		"the report itself says it is not confirmed",
		"**territory** — contested",
		"intended for 2024-03 (future)",
		"salience “main obstacle”",
		"The Daily Example, 2024-02-01; anonymous, people familiar with the matter, via The Example Times",
	} {
		if !strings.Contains(got, s) {
			t.Errorf("brief lacks %q", s)
		}
	}
	// Every footnote mark has its note.
	for i := 1; strings.Contains(got, "[^"+strconv.Itoa(i)+"]"); i++ {
		if !strings.Contains(got, "[^"+strconv.Itoa(i)+"]: ") {
			t.Errorf("footnote %d has no note", i)
		}
	}
}
