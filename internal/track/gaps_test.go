package track_test

import (
	"strings"
	"testing"

	"parley/internal/model"
	"parley/internal/track"
)

const scaledCase = `name: s
parties: [Russia, Ukraine]
issues: [territory, alliance, prisoners, humanitarian, economy]
scales:
  territory:
    points:
      - {value: 0, label: 1991 borders, cues: [1991 borders, full withdrawal]}
      - {value: 40, label: pre-2022 lines, cues: [pre-2022 lines]}
      - {value: 70, label: current line of contact, cues: [current line, status quo]}
      - {value: 100, label: four regions annexed, cues: [four regions]}
`

func gapFixture() *fixture {
	return newFixture().
		doc("a", "A", "2024-01-10").
		claim("a", "Russia demands to keep the status quo on the ground as the border.", "Russia", "demand", "territory", precondition).
		claim("a", "Kyiv demands a return to the 1991 borders.", "Ukraine", "demand", "territory").
		claim("a", "Russia demands neutrality.", "Russia", "demand", "alliance").
		claim("a", "Kyiv offers to discuss a neutral status.", "Ukraine", "propose", "alliance").
		claim("a", "Russia proposes an all-for-all prisoner exchange.", "Russia", "propose", "prisoners").
		claim("a", "Kyiv accepts the prisoner exchange.", "Ukraine", "accept", "prisoners").
		claim("a", "Kyiv demands aid corridors.", "Ukraine", "demand", "humanitarian").
		doc("b", "B", "2024-01-12").
		claim("b", "Zelensky said the 1991 borders are a red line for Ukraine.", "Ukraine", "demand", "territory").
		claim("b", "Russia demands that sanctions be lifted.", "Russia", "demand", "economy").
		claim("b", "Kyiv rejects lifting sanctions.", "Ukraine", "reject", "economy")
}

func TestGapsRanking(t *testing.T) {
	v := gapFixture().view(t, scaledCase)
	gaps := v.Gaps()
	status := map[string]string{}
	rank := map[string]int{}
	for _, g := range gaps {
		status[g.Issue] = g.Status
		rank[g.Issue] = g.Rank
		t.Logf("%d %s %s %.2f %s", g.Rank, g.Issue, g.Status, g.Score, g.Why)
	}
	want := map[string]string{"territory": "contested", "economy": "contested", "alliance": "open", "prisoners": "agreed", "humanitarian": "one-sided"}
	for is, st := range want {
		if status[is] != st {
			t.Errorf("%s: %q, want %q", is, status[is], st)
		}
	}
	if rank["territory"] != 1 {
		t.Errorf("territory ranked %d, want 1 (scale distance, precondition, red line)", rank["territory"])
	}
	if rank["prisoners"] != len(gaps) {
		t.Errorf("agreed prisoners ranked %d of %d, want last", rank["prisoners"], len(gaps))
	}
	if rank["economy"] > rank["alliance"] {
		t.Errorf("contested economy (%d) ranked below open alliance (%d)", rank["economy"], rank["alliance"])
	}
	terr := gaps[0]
	if !terr.Scaled || terr.Distance != 0.7 {
		t.Errorf("territory distance %.2f scaled=%v, want 0.70 on the scale", terr.Distance, terr.Scaled)
	}
	if len(terr.Salience) != 1 || terr.Salience[0].Cue != "red line" || terr.Salience[0].Doc.ID != "b" || terr.Salience[0].Party != "Ukraine" {
		t.Errorf("territory salience %+v, want the red line in b, Ukraine", terr.Salience)
	}
	if len(terr.Preconditions) != 1 || terr.Preconditions[0] != "Russia" {
		t.Errorf("preconditions %v, want Russia", terr.Preconditions)
	}
}

func TestPositionValues(t *testing.T) {
	v := gapFixture().view(t, scaledCase)
	r, ok := v.PositionValue("Russia", "territory")
	if !ok || r.Value != 70 || r.Cue != "status quo" || len(r.Basis) != 1 {
		t.Errorf("Russia territory: %+v ok=%v, want 70 by \"status quo\"", r, ok)
	}
	u, ok := v.PositionValue("Ukraine", "territory")
	if !ok || u.Value != 0 || len(u.Basis) != 2 {
		t.Errorf("Ukraine territory: %+v ok=%v, want 0 resting on 2 claims", u, ok)
	}
	if _, ok := v.PositionValue("Russia", "alliance"); ok {
		t.Error("alliance has no scale but got a value")
	}
	if n := len(v.PositionValues()); n != 2 {
		t.Errorf("%d position values, want 2", n)
	}
}

func TestScaleMoves(t *testing.T) {
	f := gapFixture()
	f.doc("c", "C", "2024-05-01").claim("c", "Kyiv would settle for the pre-2022 lines.", "Ukraine", "propose", "territory")
	var kinds []string
	for _, c := range f.view(t, scaledCase).Changes(day("2024-04-01")) {
		kinds = append(kinds, c.Party+" "+c.Issue+" "+c.Kind+": "+c.What)
	}
	if len(kinds) != 1 || kinds[0] != "Ukraine territory concession: moved from 1991 borders to pre-2022 lines" {
		t.Errorf("changes %q", kinds)
	}
}

func TestSalienceGoesToTheIssueNamed(t *testing.T) {
	s := "On the question of land, Kyiv is most reluctant to compromise in the negotiations."
	f := newFixture().doc("a", "A", "2024-01-10").
		claim("a", "Russia wants talks in Minsk.", "Russia", "demand", "talks").
		claim("a", "Russia wants the land.", "Russia", "demand", "territory").
		claim("a", s, "Ukraine", "reject", "territory")
	// The extractor recorded "negotiations" as the talks issue mention.
	c := &f.claims[0]
	d := f.docs["a"]
	i := len(d.Text) - len(s) + strings.Index(s, "negotiations")
	c.Evidence.Issue.Start, c.Evidence.Issue.End = i, i+len("negotiations")
	v := f.view(t, twoParties)
	for _, g := range v.Gaps() {
		if g.Issue == "talks" && len(g.Salience) > 0 {
			t.Errorf("salience placed on talks: %+v", g.Salience)
		}
		if g.Issue == "territory" && len(g.Salience) != 1 {
			t.Errorf("territory salience %+v, want one", g.Salience)
		}
	}
}

func TestPlaceLongestCue(t *testing.T) {
	c, err := track.ParseCase("c.yaml", []byte(`name: c
parties: [Russia, Ukraine]
scales:
  alliance:
    points:
      - {value: 0, label: membership, cues: [join nato]}
      - {value: 100, label: neutrality, cues: [neutral, not join nato]}
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		act, sentence string
		want          float64
		ok            bool
	}{
		{"demand", "Moscow wants Kyiv to stay neutral and not join NATO.", 100, true},
		{"demand", "Kyiv wants to join NATO.", 0, true},
		{"reject", "Kyiv rejects staying neutral.", 0, false},
		{"concede", "Moscow no longer insists that Kyiv stay neutral.", 0, false},
		{"propose", "Kyiv offers nothing on this.", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			p, ok := c.Scales["alliance"].Place(model.Claim{Act: tc.act, Sentence: tc.sentence})
			if ok != tc.ok || ok && p.Value != tc.want {
				t.Errorf("placed %v (%v), want %v (%v)", p.Value, ok, tc.want, tc.ok)
			}
		})
	}
}
