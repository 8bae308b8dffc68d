package track_test

import (
	"testing"
	"time"
)

func TestSyndicatedCopiesCountOnce(t *testing.T) {
	s := "Moscow demands that Kyiv declare neutrality, officials said."
	f := newFixture().
		doc("a", "Reuters", "2024-01-10").claim("a", s, "Russia", "demand", "alliance").
		doc("b", "Yahoo", "2024-01-10").copyOf("b", "a").claim("b", s, "Russia", "demand", "alliance").
		// Same sentence in a report not detected as a copy: still one report.
		doc("c", "Local Herald", "2024-01-11").claim("c", "MOSCOW demands that Kyiv declare neutrality, officials said!", "Russia", "demand", "alliance").
		// A copy whose claim is worded differently after editing.
		doc("d", "MSN", "2024-01-10").copyOf("d", "a").claim("d", "Russia wants Ukraine neutral.", "Russia", "demand", "alliance")
	v := f.view(t, twoParties)
	tl := v.Timeline("Russia", "alliance")
	if len(tl) != 2 {
		t.Fatalf("timeline has %d entries, want 2 (identical claims merged)", len(tl))
	}
	if got := len(tl[0].Copies); got != 2 {
		t.Errorf("copies of the first entry: %d, want 2", got)
	}
	for _, e := range tl {
		if e.Reports != 1 {
			t.Errorf("entry %q from %s: reports %d, want 1", e.Claim.Sentence, e.Doc.ID, e.Reports)
		}
	}
	// An independent report carrying the same act corroborates.
	f.doc("e", "AP", "2024-01-12").claim("e", "Russia insists on Ukrainian neutrality, a spokesman said.", "Russia", "demand", "alliance")
	v = f.view(t, twoParties)
	for _, e := range v.Timeline("Russia", "alliance") {
		if e.Reports != 2 {
			t.Errorf("entry from %s: reports %d, want 2", e.Doc.ID, e.Reports)
		}
	}
	// Outside the corroboration window it does not.
	f.doc("g", "AP", "2024-06-12").claim("g", "Russia still insists on neutrality.", "Russia", "demand", "alliance")
	v = f.view(t, twoParties)
	tl = v.Timeline("Russia", "alliance")
	if last := tl[len(tl)-1]; last.Reports != 1 {
		t.Errorf("June entry: reports %d, want 1", last.Reports)
	}
}

func TestTimelineOrderAndUndated(t *testing.T) {
	f := newFixture().
		doc("late", "A", "2023-12-28").claim("late", "Kyiv rejects the terms.", "Ukraine", "reject", "territory").
		doc("early", "B", "2022-03-08").claim("early", "Russia wants Donbas.", "Russia", "demand", "territory").
		doc("nodate", "C", "").claim("nodate", "Russia wants Crimea.", "Russia", "demand", "territory").
		doc("mid", "D", "2023-06-01").claim("mid", "Last month Russia demanded Kherson.", "Russia", "demand", "territory")
	v := f.view(t, twoParties)
	var got []string
	for _, e := range v.Timeline("", "territory") {
		got = append(got, e.Doc.ID+":"+e.Time.String())
	}
	want := []string{"early:2022-03-08", "mid:2023-05", "late:2023-12-28", "nodate:undated"}
	if len(got) != len(want) {
		t.Fatalf("timeline %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("timeline %v, want %v", got, want)
			break
		}
	}
	e := v.Timeline("Russia", "territory")[2]
	if !e.Doc.Undated || !e.Time.Undated || !e.Time.Time.IsZero() {
		t.Errorf("undated report got a date: %+v", e.Time)
	}
}

func TestWindowAndScope(t *testing.T) {
	f := newFixture().
		doc("in", "A", "2022-03-08").claim("in", "Russia wants Donbas.", "Russia", "demand", "territory").
		doc("out", "A", "2021-03-08").claim("out", "Russia wants Crimea.", "Russia", "demand", "territory").
		doc("other", "A", "2022-03-09").claim("other", "Hamas wants a truce.", "Hamas", "demand", "ceasefire").
		claim("in", "Turkey offers to host talks.", "Turkey", "propose", "talks").
		claim("in", "Russia offers prisoners.", "Russia", "propose", "prisoners")
	v := f.view(t, "name: t\nparties: [Russia, Ukraine]\nmediators: [Turkey]\nissues: [territory, talks]\nwindow: {from: 2022-01-01}\n")
	if n := len(v.Entries); n != 2 {
		for _, e := range v.Entries {
			t.Logf("%s %s %s", e.Doc.ID, e.Claim.Actor, e.Claim.Issue)
		}
		t.Errorf("%d entries, want 2 (Russia territory in window, Turkey talks)", n)
	}
}

func TestStanceConfidence(t *testing.T) {
	tests := []struct {
		name  string
		build func(f *fixture)
		act   string
		min   float64
		max   float64
	}{
		{"official", func(f *fixture) {
			f.doc("a", "A", "2024-01-10").claim("a", "Kyiv rejects the plan, Zelensky said.", "Ukraine", "reject", "territory")
		}, "reject", 0.99, 1.0},
		{"anonymous hedged", func(f *fixture) {
			f.doc("a", "A", "2024-01-10").claim("a", "Kyiv may reject the plan, sources said.", "Ukraine", "reject", "territory", hedged, source("anonymous", "sources", ""))
		}, "reject", 0.4, 0.45},
		{"two independent anonymous", func(f *fixture) {
			f.doc("a", "A", "2024-01-10").claim("a", "Kyiv rejects the plan, sources said.", "Ukraine", "reject", "territory", source("anonymous", "sources", ""))
			f.doc("b", "B", "2024-01-11").claim("b", "Ukraine turns down the plan, officials said.", "Ukraine", "reject", "territory", source("anonymous", "officials", ""))
		}, "reject", 0.9, 0.92},
		{"analyst", func(f *fixture) {
			f.doc("a", "A", "2024-01-10").claim("a", "Kyiv is set against the plan, analysts say.", "Ukraine", "reject", "territory", source("analyst", "analysts", ""))
		}, "reject", 0.39, 0.41},
		{"old stance decays", func(f *fixture) {
			f.doc("a", "A", "2022-01-10").claim("a", "Kyiv rejects the plan, Zelensky said.", "Ukraine", "reject", "territory")
			f.doc("b", "A", "2024-01-10").claim("b", "Russia wants the land.", "Russia", "demand", "territory")
		}, "reject", 0.24, 0.26},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture()
			tc.build(f)
			st, ok := f.view(t, twoParties).Stance("Ukraine", "territory")
			if !ok {
				t.Fatal("no stance")
			}
			if st.Act != tc.act || st.Confidence < tc.min || st.Confidence > tc.max {
				t.Errorf("stance %s confidence %.2f, want %s in [%.2f, %.2f]", st.Act, st.Confidence, tc.act, tc.min, tc.max)
			}
			if len(st.Basis) == 0 {
				t.Error("stance rests on no claims")
			}
		})
	}
	// Official outranks anonymous at equal footing.
	f := newFixture()
	f.doc("a", "A", "2024-01-10").claim("a", "Kyiv rejects, Zelensky said.", "Ukraine", "reject", "territory")
	f.doc("b", "B", "2024-01-10").claim("b", "Moscow insists, sources said.", "Russia", "demand", "territory", source("anonymous", "sources", ""))
	v := f.view(t, twoParties)
	u, _ := v.Stance("Ukraine", "territory")
	r, _ := v.Stance("Russia", "territory")
	if u.Confidence <= r.Confidence {
		t.Errorf("official %.2f not above anonymous %.2f", u.Confidence, r.Confidence)
	}
}

func TestFlipAndFlipBack(t *testing.T) {
	f := newFixture().
		doc("jan", "A", "2024-01-10").claim("jan", "Hamas rejects the truce plan.", "Hamas", "reject", "ceasefire").
		doc("apr", "B", "2024-04-10").claim("apr", "Hamas accepts the truce plan.", "Hamas", "accept", "ceasefire").
		doc("aug", "C", "2024-08-10").claim("aug", "Hamas rejects the revised truce plan.", "Hamas", "reject", "ceasefire")
	v := f.view(t, "name: g\nparties: [Israel, Hamas]\n")
	cs := v.Changes(time.Time{})
	if len(cs) != 2 {
		t.Fatalf("%d changes, want 2: %+v", len(cs), cs)
	}
	if cs[0].Kind != "concession" || cs[0].To.Doc.ID != "apr" || cs[1].Kind != "hardening" || cs[1].To.Doc.ID != "aug" {
		t.Errorf("changes: %s at %s, %s at %s; want concession at apr, hardening at aug", cs[0].Kind, cs[0].To.Doc.ID, cs[1].Kind, cs[1].To.Doc.ID)
	}
	st, _ := v.Stance("Hamas", "ceasefire")
	if st.Act != "reject" {
		t.Errorf("stance %s, want reject", st.Act)
	}
	if since := v.Changes(day("2024-05-01")); len(since) != 1 || since[0].To.Doc.ID != "aug" {
		t.Errorf("changes since May: %d, want the August hardening only", len(since))
	}
	if n := len(v.Conflicts()); n != 0 {
		t.Errorf("%d conflicts for moves months apart, want 0", n)
	}
}

func TestNotRepeatedIsNotConcession(t *testing.T) {
	f := newFixture().
		doc("y1", "A", "2022-03-08").
		claim("y1", "Russia demands Donbas.", "Russia", "demand", "territory").
		claim("y1", "Russia demands neutrality.", "Russia", "demand", "alliance").
		claim("y1", "Russia demands a smaller army.", "Russia", "demand", "disarmament").
		claim("y1", "Russia demands recognition of Crimea.", "Russia", "demand", "recognition").
		doc("y2", "B", "2023-12-28").
		claim("y2", "Russia now lists two demands: the land.", "Russia", "demand", "territory").
		claim("y2", "And neutrality.", "Russia", "demand", "alliance").
		claim("y2", "Russia no longer insists on Crimea's recognition.", "Russia", "concede", "recognition", hedged)
	v := f.view(t, twoParties)
	kinds := map[string]string{}
	for _, c := range v.Changes(time.Time{}) {
		kinds[c.Issue] = c.Kind
	}
	if kinds["disarmament"] != "not repeated" {
		t.Errorf("disarmament: %q, want not repeated", kinds["disarmament"])
	}
	if kinds["recognition"] != "concession" {
		t.Errorf("recognition: %q, want concession", kinds["recognition"])
	}
	if k, ok := kinds["territory"]; ok {
		t.Errorf("territory: %q, want no change", k)
	}
}

func TestNewPrecondition(t *testing.T) {
	f := newFixture().
		doc("a", "A", "2024-01-10").claim("a", "Kyiv wants a withdrawal.", "Ukraine", "demand", "withdrawal").
		doc("b", "B", "2024-03-10").claim("b", "Kyiv wants a full withdrawal before talks can begin.", "Ukraine", "demand", "withdrawal", precondition)
	cs := f.view(t, twoParties).Changes(time.Time{})
	if len(cs) != 1 || cs[0].Kind != "hardening" || cs[0].What != "new precondition" {
		t.Errorf("changes %+v, want one new precondition", cs)
	}
}

func TestDenialsAndConflicts(t *testing.T) {
	f := newFixture().
		doc("nyt", "NYT", "2024-01-10").
		claim("nyt", "Russia is ready to drop its claim to Crimea, people familiar with the matter said.", "Russia", "concede", "recognition", source("anonymous", "people familiar with the matter", "")).
		doc("tass", "TASS", "2024-01-12").
		claim("tass", "The Kremlin denied the report, saying it still demands recognition of Crimea.", "Russia", "demand", "recognition").
		// An acceptance and a rejection from different sources in one week.
		doc("x", "X", "2024-02-01").claim("x", "Kyiv accepts the monitors, an official said.", "Ukraine", "accept", "security_guarantees", source("anonymous", "an official", "")).
		doc("y", "Y", "2024-02-04").claim("y", "Zelensky rejects the monitors.", "Ukraine", "reject", "security_guarantees").
		// A confirmation.
		doc("z", "Z", "2024-02-05").claim("z", "Russia offers a prisoner swap, sources say.", "Russia", "propose", "prisoners", source("anonymous", "sources", "")).
		doc("w", "W", "2024-02-06").claim("w", "The Kremlin confirmed it offered a prisoner swap.", "Russia", "propose", "prisoners").
		// A confirmation of an offer says nothing of an earlier rejection.
		doc("v", "V", "2024-02-02").claim("v", "Russia rejects a prisoner swap, sources say.", "Russia", "reject", "prisoners", source("anonymous", "sources", ""))
	v := f.view(t, twoParties)
	concede := v.Timeline("Russia", "recognition")[0]
	if concede.Status() != "denied" || len(concede.DeniedBy) != 1 || concede.DeniedBy[0].Doc.ID != "tass" {
		t.Errorf("the NYT concession: status %q, want denied by TASS", concede.Status())
	}
	st, _ := v.Stance("Russia", "recognition")
	if st.Act != "demand" {
		t.Errorf("Russia on recognition: %s, want demand", st.Act)
	}
	swaps := v.Timeline("Russia", "prisoners")
	if swaps[0].Status() != "" || swaps[1].Status() != "confirmed" {
		t.Errorf("prisoner swap statuses %q, %q; want the rejection unmarked and the offer confirmed", swaps[0].Status(), swaps[1].Status())
	}
	cs := v.Conflicts()
	// The monitors; the rejected swap against each of the two offers.
	if len(cs) != 3 || cs[0].Issue != "security_guarantees" || cs[1].Issue != "prisoners" || cs[2].Issue != "prisoners" {
		t.Fatalf("conflicts %+v, want the monitors and the prisoner swap twice", cs)
	}
	for _, c := range v.Changes(time.Time{}) {
		if c.Issue == "security_guarantees" {
			t.Errorf("a conflict reported as a change: %+v", c)
		}
	}
}

func TestUnconfirmedByTheReport(t *testing.T) {
	f := newFixture().
		doc("a", "Aggregator", "2023-12-28").
		claim("a", "Russia may drop its demand on the language, people familiar with the matter said.", "Russia", "concede", "minority_rights", hedged, source("anonymous", "people familiar with the matter", "The New York Times"))
	d := f.docs["a"]
	d.Text += " These reports have not been officially confirmed by Russia."
	f.docs["a"] = d
	e := f.view(t, twoParties).Timeline("Russia", "minority_rights")[0]
	if e.Status() != "unconfirmed" {
		t.Errorf("status %q, want unconfirmed", e.Status())
	}
}
