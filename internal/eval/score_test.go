package eval_test

import (
	"math"
	"reflect"
	"testing"

	"parley/internal/eval"
	"parley/internal/model"
)

// cl builds a claim; src is the source kind (empty: unattributed).
func cl(doc, sentence, actor, act, issue string) model.Claim {
	return model.Claim{Doc: doc, Sentence: sentence, Actor: actor, Act: act, Issue: issue,
		Source: model.Source{Kind: model.SourceUnattributed}}
}

func with(c model.Claim, f func(*model.Claim)) model.Claim {
	f(&c)
	return c
}

const (
	sA = "Russia demanded that Ukraine stay out of NATO."
	sB = "Hamas called for a permanent ceasefire in Gaza."
	sC = "Armenia proposed a joint statement after the meeting."
	sD = "The European Union offered to send monitors to the border."
)

func loadAliases(t *testing.T) *eval.Aliases {
	t.Helper()
	a, err := eval.LoadAliases()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func checkPRF(t *testing.T, what string, got eval.PRF, matched, gold, pred int, p, r, f float64) {
	t.Helper()
	if got.Matched != matched || got.Gold != gold || got.Predicted != pred {
		t.Errorf("%s: counts matched/gold/pred = %d/%d/%d, want %d/%d/%d", what, got.Matched, got.Gold, got.Predicted, matched, gold, pred)
	}
	if !near(got.Precision, p) || !near(got.Recall, r) || !near(got.F1, f) {
		t.Errorf("%s: P/R/F1 = %.4f/%.4f/%.4f, want %.4f/%.4f/%.4f", what, got.Precision, got.Recall, got.F1, p, r, f)
	}
}

func TestScoreStrict(t *testing.T) {
	tests := []struct {
		name                  string
		gold, pred            []model.Claim
		matched, nGold, nPred int
		precision, recall, f1 float64
	}{
		{
			name:    "perfect match",
			gold:    []model.Claim{cl("d1", sA, "Russia", "demand", "alliance"), cl("d1", sB, "Hamas", "demand", "ceasefire"), cl("d2", sC, "Armenia", "propose", "talks")},
			pred:    []model.Claim{cl("d1", sA, "Russia", "demand", "alliance"), cl("d1", sB, "Hamas", "demand", "ceasefire"), cl("d2", sC, "Armenia", "propose", "talks")},
			matched: 3, nGold: 3, nPred: 3, precision: 1, recall: 1, f1: 1,
		},
		{
			name: "all wrong",
			gold: []model.Claim{cl("d1", sA, "Russia", "demand", "alliance"), cl("d1", sB, "Hamas", "demand", "ceasefire")},
			pred: []model.Claim{
				cl("d1", sA, "Ukraine", "demand", "alliance"), // wrong actor
				cl("d1", sB, "Hamas", "reject", "ceasefire"),  // wrong act
				cl("d2", sA, "Russia", "demand", "alliance"),  // wrong document
				cl("d1", sC, "Russia", "demand", "alliance"),  // no sentence overlap
				cl("d1", sB, "Hamas", "demand", "withdrawal"), // wrong issue
			},
			matched: 0, nGold: 2, nPred: 5, precision: 0, recall: 0, f1: 0,
		},
		{
			// 4 gold, 3 predicted, 2 matched: P = 2/3, R = 2/4, F1 = 2·(2/3)(1/2)/(2/3+1/2) = 4/7.
			name:    "partial",
			gold:    []model.Claim{cl("d1", sA, "Russia", "demand", "alliance"), cl("d1", sB, "Hamas", "demand", "ceasefire"), cl("d2", sC, "Armenia", "propose", "talks"), cl("d2", sD, "European Union", "propose", "security_guarantees")},
			pred:    []model.Claim{cl("d1", sA, "Russia", "demand", "alliance"), cl("d2", sC, "Armenia", "propose", "talks"), cl("d2", sC, "Armenia", "reject", "talks")},
			matched: 2, nGold: 4, nPred: 3, precision: 2.0 / 3, recall: 0.5, f1: 4.0 / 7,
		},
		{
			name:    "nothing predicted",
			gold:    []model.Claim{cl("d1", sA, "Russia", "demand", "alliance")},
			matched: 0, nGold: 1, nPred: 0, precision: 0, recall: 0, f1: 0,
		},
		{
			// Jaccard {a b c d} vs {a b c e}: 3/5 = 0.6, a match; the
			// sentence order does not matter for the Jaccard index.
			name:    "jaccard above 0.5",
			gold:    []model.Claim{cl("d1", "alpha beta gamma delta", "Russia", "demand", "alliance")},
			pred:    []model.Claim{cl("d1", "gamma beta alpha epsilon", "Russia", "demand", "alliance")},
			matched: 1, nGold: 1, nPred: 1, precision: 1, recall: 1, f1: 1,
		},
		{
			// {a b c} vs {a b d}: 2/4 = 0.5 exactly, a match.
			name:    "jaccard exactly 0.5",
			gold:    []model.Claim{cl("d1", "alpha beta gamma", "Russia", "demand", "alliance")},
			pred:    []model.Claim{cl("d1", "delta beta alpha", "Russia", "demand", "alliance")},
			matched: 1, nGold: 1, nPred: 1, precision: 1, recall: 1, f1: 1,
		},
		{
			// {a b c} vs {a b d e}: 2/5 = 0.4, no containment: no match.
			name:    "jaccard just below 0.5",
			gold:    []model.Claim{cl("d1", "alpha beta gamma", "Russia", "demand", "alliance")},
			pred:    []model.Claim{cl("d1", "alpha beta delta epsilon", "Russia", "demand", "alliance")},
			matched: 0, nGold: 1, nPred: 1, precision: 0, recall: 0, f1: 0,
		},
		{
			// A clause of a long sentence: Jaccard 4/12 but contained.
			name:    "containment with a low jaccard",
			gold:    []model.Claim{cl("d1", "Officials said on Monday that Hamas wants a ceasefire, while Israel hesitated.", "Hamas", "demand", "ceasefire")},
			pred:    []model.Claim{cl("d1", "Hamas wants a ceasefire", "Hamas", "demand", "ceasefire")},
			matched: 1, nGold: 1, nPred: 1, precision: 1, recall: 1, f1: 1,
		},
		{
			// Containment is of whole words in order, not of characters:
			// "ceasefire now" is not in "ceasefire nowhere".
			name:    "containment needs whole words",
			gold:    []model.Claim{cl("d1", "The group said it wants a ceasefire nowhere near the old lines of contact", "Hamas", "demand", "ceasefire")},
			pred:    []model.Claim{cl("d1", "wants a ceasefire now", "Hamas", "demand", "ceasefire")},
			matched: 0, nGold: 1, nPred: 1, precision: 0, recall: 0, f1: 0,
		},
		{
			name:    "case and punctuation do not matter",
			gold:    []model.Claim{cl("d1", "Hamas: 'We want a CEASEFIRE.'", "Hamas", "demand", "ceasefire")},
			pred:    []model.Claim{cl("d1", "hamas — we want a ceasefire", "Hamas", "demand", "ceasefire")},
			matched: 1, nGold: 1, nPred: 1, precision: 1, recall: 1, f1: 1,
		},
		{
			// Two identical gold claims and three identical predictions:
			// one to one, so two matches and one spurious prediction.
			name:    "one to one with duplicates on both sides",
			gold:    []model.Claim{cl("d1", sA, "Russia", "demand", "alliance"), cl("d1", sA, "Russia", "demand", "alliance")},
			pred:    []model.Claim{cl("d1", sA, "Russia", "demand", "alliance"), cl("d1", sA, "Russia", "demand", "alliance"), cl("d1", sA, "Russia", "demand", "alliance")},
			matched: 2, nGold: 2, nPred: 3, precision: 2.0 / 3, recall: 1, f1: 0.8,
		},
		{
			name:    "aliases, leading the, case",
			gold:    []model.Claim{cl("d1", sA, "Russia", "demand", "alliance"), cl("d1", sD, "European Union", "propose", "security_guarantees"), cl("d2", sC, "United States", "propose", "talks"), cl("d2", sB, "DR Congo", "demand", "ceasefire")},
			pred:    []model.Claim{cl("d1", sA, "the Kremlin", "demand", "alliance"), cl("d1", sD, "the EU", "propose", "security_guarantees"), cl("d2", sC, "u.s.", "propose", "talks"), cl("d2", sB, "The Democratic Republic of the Congo", "demand", "ceasefire")},
			matched: 4, nGold: 4, nPred: 4, precision: 1, recall: 1, f1: 1,
		},
		{
			name:    "unknown names only equal themselves",
			gold:    []model.Claim{cl("d1", sA, "Northern Alliance", "demand", "alliance"), cl("d1", sB, "Russia", "demand", "ceasefire")},
			pred:    []model.Claim{cl("d1", sA, "the northern  alliance", "demand", "alliance"), cl("d1", sB, "Ukraine", "demand", "ceasefire")},
			matched: 1, nGold: 2, nPred: 2, precision: 0.5, recall: 0.5, f1: 0.5,
		},
	}
	aliases := loadAliases(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eval.Score(tt.gold, tt.pred, eval.Options{Aliases: aliases})
			checkPRF(t, "strict", r.Strict, tt.matched, tt.nGold, tt.nPred, tt.precision, tt.recall, tt.f1)
		})
	}
}

// TestMatchingIsMaximum is the case where taking each gold claim's best
// overlap greedily loses a match: g1 overlaps p1 best (identical) and p2
// (containment), g2 overlaps only p1. A maximum matching pairs g1–p2 and
// g2–p1.
func TestMatchingIsMaximum(t *testing.T) {
	g1 := "Hamas demands a full ceasefire now"
	g2 := "Hamas demands a full ceasefire now, officials said"
	p1 := "Hamas demands a full ceasefire now"
	p2 := "Hamas demands a full ceasefire now and prisoner releases too in Gaza"
	for _, pair := range []struct {
		a, b string
		want bool
	}{{g1, p1, true}, {g1, p2, true}, {g2, p1, true}, {g2, p2, false}} {
		if got := eval.Overlap(pair.a, pair.b); got != pair.want {
			t.Fatalf("Overlap(%q, %q) = %v, want %v", pair.a, pair.b, got, pair.want)
		}
	}
	gold := []model.Claim{cl("d", g1, "Hamas", "demand", "ceasefire"), cl("d", g2, "Hamas", "demand", "ceasefire")}
	pred := []model.Claim{cl("d", p1, "Hamas", "demand", "ceasefire"), cl("d", p2, "Hamas", "demand", "ceasefire")}
	r := eval.Score(gold, pred, eval.Options{})
	checkPRF(t, "strict", r.Strict, 2, 2, 2, 1, 1, 1)
}

func TestRelaxedKeys(t *testing.T) {
	gold := []model.Claim{
		cl("d1", sA, "Russia", "demand", "alliance"),
		cl("d1", sB, "Hamas", "demand", "ceasefire"),
		cl("d2", sC, "Armenia", "propose", "talks"),
		cl("d2", sD, "European Union", "propose", "security_guarantees"),
	}
	pred := []model.Claim{
		cl("d1", sA, "Ukraine", "demand", "alliance"),                    // actor wrong
		cl("d1", sB, "Hamas", "reject", "ceasefire"),                     // act wrong
		cl("d2", sC, "Armenia", "propose", "territory"),                  // issue wrong
		cl("d2", sD, "European Union", "propose", "security_guarantees"), // right
	}
	r := eval.Score(gold, pred, eval.Options{Aliases: loadAliases(t)})
	checkPRF(t, "strict", r.Strict, 1, 4, 4, 0.25, 0.25, 0.25)
	want := map[string]int{"no actor": 2, "no act": 2, "no issue": 2}
	for _, l := range r.Relaxed {
		checkPRF(t, l.Label, l.PRF, want[l.Label], 4, 4, float64(want[l.Label])/4, float64(want[l.Label])/4, float64(want[l.Label])/4)
		delete(want, l.Label)
	}
	if len(want) != 0 {
		t.Errorf("relaxed variants missing: %v", want)
	}
	errs := errorsByName(r)
	for name, conf := range map[string]string{"wrong actor": "Russia → Ukraine", "wrong act": "demand → reject", "wrong issue": "talks → territory"} {
		e := errs[name]
		if e.Count != 1 || len(e.Breakdowns) != 1 || len(e.Breakdowns[0].Counts) != 1 || e.Breakdowns[0].Counts[0].Label != conf {
			t.Errorf("%s = %+v, want one %q", name, e, conf)
		}
	}
	if errs["missed"].Count != 3 || errs["spurious"].Count != 3 {
		t.Errorf("missed %d, spurious %d, want 3 and 3", errs["missed"].Count, errs["spurious"].Count)
	}
}

func errorsByName(r *eval.Report) map[string]eval.ErrorType {
	m := map[string]eval.ErrorType{}
	for _, e := range r.Errors {
		m[e.Name] = e
	}
	return m
}

func TestAttributes(t *testing.T) {
	src := func(kind string, hedged, pre bool) func(*model.Claim) {
		return func(c *model.Claim) { c.Source.Kind, c.Hedged, c.Precondition = kind, hedged, pre }
	}
	gold := []model.Claim{
		with(cl("d1", sA, "Russia", "demand", "alliance"), src("official", false, true)),
		with(cl("d1", sB, "Hamas", "demand", "ceasefire"), src("anonymous", true, false)),
		with(cl("d2", sC, "Armenia", "propose", "talks"), src("media", false, false)),
		with(cl("d2", sD, "European Union", "propose", "security_guarantees"), src("anonymous", false, false)),
	}
	pred := []model.Claim{
		with(cl("d1", sA, "Russia", "demand", "alliance"), src("official", false, false)),                     // precondition wrong
		with(cl("d1", sB, "Hamas", "demand", "ceasefire"), src("official", false, false)),                     // kind and hedged wrong
		with(cl("d2", sC, "Armenia", "propose", "talks"), src("media", false, false)),                         // all right
		with(cl("d2", sD, "European Union", "propose", "security_guarantees"), src("official", false, false)), // kind wrong
	}
	r := eval.Score(gold, pred, eval.Options{Examples: 1})
	want := []eval.Accuracy{
		{Field: "source.kind", Correct: 2, Total: 4, Accuracy: 0.5},
		{Field: "hedged", Correct: 3, Total: 4, Accuracy: 0.75},
		{Field: "precondition", Correct: 3, Total: 4, Accuracy: 0.75},
	}
	if !reflect.DeepEqual(r.Attributes, want) {
		t.Errorf("attributes = %+v, want %+v", r.Attributes, want)
	}
	errs := errorsByName(r)
	kind := errs["wrong source.kind"]
	if kind.Count != 2 || !reflect.DeepEqual(kind.Breakdowns[0].Counts, []eval.Count{{Label: "anonymous → official", Count: 2}}) {
		t.Errorf("wrong source.kind = %+v", kind)
	}
	if len(kind.Examples) != 1 || kind.Examples[0].Gold.Source != "anonymous" || kind.Examples[0].Predicted.Source != "official" || kind.Examples[0].Doc != "d1" {
		t.Errorf("wrong source.kind examples = %+v", kind.Examples)
	}
	if h := errs["wrong hedged"]; h.Count != 1 || h.Breakdowns[0].Counts[0].Label != "true → false" {
		t.Errorf("wrong hedged = %+v", h)
	}
	if p := errs["wrong precondition"]; p.Count != 1 || p.Breakdowns[0].Counts[0].Label != "true → false" {
		t.Errorf("wrong precondition = %+v", p)
	}
	// Errors come most frequent first.
	for i := 1; i < len(r.Errors); i++ {
		if r.Errors[i].Count > r.Errors[i-1].Count {
			t.Errorf("errors not sorted by count: %s (%d) after %s (%d)", r.Errors[i].Name, r.Errors[i].Count, r.Errors[i-1].Name, r.Errors[i-1].Count)
		}
	}
}

func TestPerActAndIssue(t *testing.T) {
	gold := []model.Claim{
		cl("d1", sA, "Russia", "demand", "alliance"),
		cl("d1", sB, "Hamas", "demand", "ceasefire"),
		cl("d2", sC, "Armenia", "propose", "talks"),
	}
	pred := []model.Claim{
		cl("d1", sA, "Russia", "demand", "alliance"),
		cl("d1", sB, "Hamas", "reject", "ceasefire"),
		cl("d2", sC, "Armenia", "propose", "talks"),
		cl("d2", sC, "Armenia", "propose", "territory"),
	}
	r := eval.Score(gold, pred, eval.Options{})
	acts := map[string]eval.PRF{}
	for _, l := range r.ByAct {
		acts[l.Label] = l.PRF
	}
	if len(r.ByAct) != len(model.Acts) {
		t.Errorf("by act lists %d acts, want all %d", len(r.ByAct), len(model.Acts))
	}
	checkPRF(t, "demand", acts["demand"], 1, 2, 1, 1, 0.5, 2.0/3)
	checkPRF(t, "propose", acts["propose"], 1, 1, 2, 0.5, 1, 2.0/3)
	checkPRF(t, "reject", acts["reject"], 0, 0, 1, 0, 0, 0)
	checkPRF(t, "concede", acts["concede"], 0, 0, 0, 0, 0, 0)
	var issues []string
	for _, l := range r.ByIssue {
		issues = append(issues, l.Label)
	}
	// Only issues that occur, in the specification's order.
	if want := []string{"ceasefire", "territory", "alliance", "talks"}; !reflect.DeepEqual(issues, want) {
		t.Errorf("issues = %v, want %v", issues, want)
	}
	checkPRF(t, "ceasefire", r.ByIssue[0].PRF, 0, 1, 1, 0, 0, 0)

	errs := errorsByName(r)
	missed := errs["missed"]
	if missed.Count != 1 || !reflect.DeepEqual(missed.Breakdowns, []eval.Breakdown{
		{By: "act", Counts: []eval.Count{{Label: "demand", Count: 1}}},
		{By: "issue", Counts: []eval.Count{{Label: "ceasefire", Count: 1}}},
	}) {
		t.Errorf("missed = %+v", missed)
	}
	spurious := errs["spurious"]
	if spurious.Count != 2 || !reflect.DeepEqual(spurious.Breakdowns[0].Counts, []eval.Count{{Label: "reject", Count: 1}, {Label: "propose", Count: 1}}) {
		t.Errorf("spurious = %+v", spurious)
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"U.S.-backed plan", []string{"u", "s", "backed", "plan"}},
		{"Hamas's 135-day PLAN", []string{"hamas", "s", "135", "day", "plan"}},
		{"Київ і Москва", []string{"київ", "і", "москва"}},
		{"** — !!", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := eval.Words(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOverlapEmpty(t *testing.T) {
	if eval.Overlap("", "") || eval.Overlap("—", "Hamas wants a ceasefire") {
		t.Error("a sentence without words must overlap nothing")
	}
}
