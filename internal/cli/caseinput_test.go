package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"parley/internal/model"
	"parley/internal/store"
)

// The case of the analysis tests: three scaled issues both parties take
// positions on, one (prisoners) only Russia does, and withdrawal with a
// fine scale for the concession curves.
const analysisCase = `name: ru-ua
parties: [Russia, Ukraine]
issues: [territory, alliance, withdrawal, prisoners]
capabilities: {Russia: 3, Ukraine: 1}
scales:
  territory:
    points:
      - {value: 0, label: 1991 borders, cues: [1991 borders]}
      - {value: 50, label: pre-2022 lines, cues: [pre-2022 lines]}
      - {value: 100, label: four regions annexed, cues: [four regions]}
  alliance:
    points:
      - {value: 0, label: free to join NATO, cues: [join nato]}
      - {value: 100, label: neutrality, cues: [neutral status]}
  prisoners:
    points:
      - {value: 0, label: all for all, cues: [all prisoners]}
      - {value: 100, label: no exchange, cues: [no exchange]}
  withdrawal:
    points:
      - {value: 0, label: alpha, cues: [alpha line]}
      - {value: 30, label: bravo, cues: [bravo line]}
      - {value: 40, label: charlie, cues: [charlie line]}
      - {value: 60, label: delta, cues: [delta line]}
      - {value: 70, label: echo, cues: [echo line]}
      - {value: 80, label: foxtrot, cues: [foxtrot line]}
      - {value: 90, label: golf, cues: [golf line]}
      - {value: 95, label: hotel, cues: [hotel line]}
      - {value: 100, label: india, cues: [india line]}
`

type testClaim struct {
	sentence, actor, act, issue string
	precondition                bool
}

type testReport struct {
	id, date string
	extra    []string // sentences without claims
	claims   []testClaim
}

// analysisReports: Russia concedes late on withdrawal (100, 100, 95, 90,
// 80 on days 0, 40, 80, 100, 120), Ukraine early (0, 30, 40, 60, 70 on
// days 0, 20, 40, 80, 120: about 100·√(t/240)).
var analysisReports = []testReport{
	{"report-one", "2024-01-01", []string{"For Ukraine, territory is a red line.", "Withdrawal is the most difficult point."}, []testClaim{
		{"Russia demands the four regions.", "Russia", "demand", "territory", false},
		{"Ukraine demands a return to the 1991 borders before any talks.", "Ukraine", "demand", "territory", true},
		{"Russia demands to hold the india line.", "Russia", "demand", "withdrawal", false},
		{"Ukraine demands a pullback to the alpha line.", "Ukraine", "demand", "withdrawal", false},
		{"Russia proposes an exchange of all prisoners.", "Russia", "propose", "prisoners", false},
		{"Ukraine rejects the exchange.", "Ukraine", "reject", "prisoners", false},
	}},
	{"report-two", "2024-01-21", nil, []testClaim{
		{"Russia demands neutral status for Ukraine.", "Russia", "demand", "alliance", false},
		{"Ukraine demands the right to join NATO.", "Ukraine", "demand", "alliance", false},
		{"Ukraine proposes a pullback to the bravo line.", "Ukraine", "propose", "withdrawal", false},
	}},
	{"report-03", "2024-02-10", nil, []testClaim{
		{"Russia again demands to hold the india line.", "Russia", "demand", "withdrawal", false},
		{"Ukraine proposes the charlie line.", "Ukraine", "propose", "withdrawal", false},
	}},
	{"report-04", "2024-03-21", nil, []testClaim{
		{"Russia proposes to stay on the hotel line.", "Russia", "propose", "withdrawal", false},
		{"Ukraine proposes the delta line.", "Ukraine", "propose", "withdrawal", false},
	}},
	{"report-05", "2024-04-10", nil, []testClaim{
		{"Russia proposes the golf line.", "Russia", "propose", "withdrawal", false},
	}},
	{"report-06", "2024-04-30", nil, []testClaim{
		{"Russia proposes the foxtrot line.", "Russia", "propose", "withdrawal", false},
		{"Ukraine proposes the echo line.", "Ukraine", "propose", "withdrawal", false},
	}},
}

// analysisDB builds a real SQLite store with the reports and claims above
// and the case stored; it returns the database path and the documents.
func analysisDB(t *testing.T) (string, map[string]model.Document) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parley.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs := map[string]model.Document{}
	var batch []model.Document
	for i, r := range analysisReports {
		var sents []string
		for _, c := range r.claims {
			sents = append(sents, c.sentence)
		}
		d := model.Document{ID: r.id, Outlet: "Wire", Published: day(t, r.date), PublishedPrecision: model.PrecisionDay,
			Text: strings.Join(append(sents, r.extra...), " "), SimHash: uint64(i+1) * 0x0f0f0f0f0f0f0f0f}
		docs[r.id] = d
		batch = append(batch, d)
	}
	if _, err := st.AddDocuments(ctx, batch, 0); err != nil {
		t.Fatal(err)
	}
	for _, r := range analysisReports {
		var claims []model.Claim
		for _, c := range r.claims {
			start := strings.Index(docs[r.id].Text, c.sentence)
			claims = append(claims, model.Claim{Doc: r.id, Sentence: c.sentence, Actor: c.actor, Act: c.act, Issue: c.issue,
				Position: c.sentence, Precondition: c.precondition, Source: model.Source{Kind: model.SourceOfficial},
				Evidence: model.Evidence{Sentence: model.Span{Start: start, End: start + len(c.sentence)}}})
		}
		if err := st.ReplaceClaims(ctx, r.id, "test", claims); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.PutCase(ctx, store.CaseRecord{Name: "ru-ua", YAML: []byte(analysisCase)}); err != nil {
		t.Fatal(err)
	}
	return path, docs
}

// jsonlRecords decodes JSON Lines output.
func jsonlRecords(t *testing.T, out string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		recs = append(recs, m)
	}
	return recs
}

// ref is the evidence reference of a sentence of a report.
func ref(docs map[string]model.Document, id, sentence string) string {
	at := strings.Index(docs[id].Text, sentence)
	return fmt.Sprintf("%s:%d-%d", id, at, at+len(sentence))
}

func TestForecastCase(t *testing.T) {
	db, docs := analysisDB(t)
	out, errs, code := run(t, "--db", db, "forecast", "--case", "ru-ua", "--model", "cm", "-f", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	inputs := map[string]map[string]any{}
	forecasts := map[string]float64{}
	evidence := map[string][]any{}
	skipped := map[string]string{}
	for _, r := range jsonlRecords(t, out) {
		switch r["kind"] {
		case "input":
			inputs[r["issue"].(string)+"/"+r["actor"].(string)] = r
		case "forecast":
			forecasts[r["issue"].(string)] = r["forecast"].(float64)
			evidence[r["issue"].(string)] = r["evidence"].([]any)
		case "skipped":
			skipped[r["issue"].(string)] = r["reason"].(string)
		default:
			t.Errorf("record of kind %v: %v", r["kind"], r)
		}
	}
	// cm = Σ c·s·x / Σ c·s with capabilities 3 and 1.
	wantForecast := map[string]float64{
		"territory":  (3*0.5*100 + 1*1*0) / (3*0.5 + 1*1), // Ukraine: red line and precondition
		"alliance":   (3*0.5*100 + 1*0.5*0) / (3*0.5 + 1*0.5),
		"withdrawal": (3*0.95*80 + 1*0.95*70) / (3*0.95 + 1*0.95), // "the most difficult point" names no party
	}
	for is, want := range wantForecast {
		if got, ok := forecasts[is]; !ok || math.Abs(got-want) > 1e-6 {
			t.Errorf("%s: cm forecast %v (present %v), want %v", is, got, ok, want)
		}
	}
	tests := []struct {
		key                  string
		position, salience   float64
		capability           float64
		positionEvidence     string
		salienceEvidence     string
		salienceBasisContain string
	}{
		{"territory/Russia", 100, 0.5, 3, ref(docs, "report-one", "Russia demands the four regions."), "", "default 0.5"},
		{"territory/Ukraine", 0, 1, 1, ref(docs, "report-one", "Ukraine demands a return to the 1991 borders before any talks."),
			ref(docs, "report-one", "For Ukraine, territory is a red line."), `"red line" 1, precondition 0.5`},
		{"alliance/Ukraine", 0, 0.5, 1, ref(docs, "report-two", "Ukraine demands the right to join NATO."), "", "default 0.5"},
		{"withdrawal/Russia", 80, 0.95, 3, ref(docs, "report-06", "Russia proposes the foxtrot line."),
			ref(docs, "report-one", "Withdrawal is the most difficult point."), `"the most difficult point" 0.9`},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			in, ok := inputs[tt.key]
			if !ok {
				t.Fatalf("no input record; have %v", inputs)
			}
			if in["position"] != tt.position || in["salience"] != tt.salience || in["capability"] != tt.capability {
				t.Errorf("position %v salience %v capability %v, want %v %v %v", in["position"], in["salience"], in["capability"], tt.position, tt.salience, tt.capability)
			}
			if c := in["confidence"].(float64); c <= 0 || c > 1 {
				t.Errorf("confidence %v outside (0, 1]", c)
			}
			if in["capability_basis"] != "case file" {
				t.Errorf("capability basis %v", in["capability_basis"])
			}
			if pe := fmt.Sprint(in["position_evidence"]); pe != "["+tt.positionEvidence+"]" {
				t.Errorf("position evidence %s, want [%s]", pe, tt.positionEvidence)
			}
			se, _ := in["salience_evidence"].([]any)
			if tt.salienceEvidence != "" && (len(se) == 0 || se[0] != tt.salienceEvidence) {
				t.Errorf("salience evidence %v, want %s first", se, tt.salienceEvidence)
			}
			if tt.salienceEvidence == "" && len(se) != 0 {
				t.Errorf("salience evidence %v, want none", se)
			}
			if b := in["salience_basis"].(string); !strings.Contains(b, tt.salienceBasisContain) {
				t.Errorf("salience basis %q lacks %q", b, tt.salienceBasisContain)
			}
			// Every reference names the bytes of its sentence.
			for _, r := range append(in["position_evidence"].([]any), se...) {
				id, span, _ := strings.Cut(r.(string), ":")
				a, b, _ := strings.Cut(span, "-")
				start, _ := strconv.Atoi(a)
				end, _ := strconv.Atoi(b)
				if text := docs[id].Text; end <= start || end > len(text) || !strings.HasSuffix(text[start:end], ".") {
					t.Errorf("reference %s does not name a sentence of %s", r, id)
				}
			}
		})
	}
	if got := len(evidence["territory"]); got != 3 {
		t.Errorf("territory forecast evidence %v, want the two claims and the red line", evidence["territory"])
	}
	if want := "only Russia on the scale (0); Ukraine: 1 claim(s), none a demand, proposal or acceptance"; skipped["prisoners"] != want {
		t.Errorf("prisoners skipped for %q, want %q", skipped["prisoners"], want)
	}

	// The table shows inputs, forecasts and the skipped issue; Monte
	// Carlo runs on the stance confidences.
	out, errs, code = run(t, "--db", db, "forecast", "--case", "ru-ua", "--runs", "50")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{"input:Ukraine", "salience 1 (\"red line\" 1, precondition 0.5)", "mc_90%", "skipped", "report-one:"} {
		if !strings.Contains(out, w) {
			t.Errorf("table lacks %q:\n%s", w, out)
		}
	}
}

func TestForecastCaseErrors(t *testing.T) {
	db, _ := analysisDB(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noScales := write("plain.yaml", "name: plain\nparties: [Russia, Ukraine]\n")
	three := write("three.yaml", strings.Replace(strings.Replace(analysisCase, "name: ru-ua", "name: three", 1),
		"parties: [Russia, Ukraine]\n", "parties: [Russia, Ukraine, Belarus]\n", 1))
	three = write("three.yaml", strings.Replace(mustRead(t, three), "capabilities: {Russia: 3, Ukraine: 1}\n", "", 1))
	onlyPrisoners := write("pris.yaml", strings.Replace(strings.Replace(analysisCase, "name: ru-ua", "name: pris", 1),
		"issues: [territory, alliance, withdrawal, prisoners]", "issues: [prisoners]", 1))
	onlyPrisoners = write("pris.yaml", keepScales(mustRead(t, onlyPrisoners), "prisoners"))
	for _, f := range []string{noScales, three, onlyPrisoners} {
		if _, errs, code := run(t, "--db", db, "case", "add", f); code != 0 {
			t.Fatalf("case add %s: %s", f, errs)
		}
	}
	tests := []struct {
		name string
		args []string
		code int
		want string // in stderr
		out  string // in stdout
	}{
		{"neither", []string{"forecast"}, 2, "give a positions FILE or --case C", ""},
		{"both", []string{"forecast", "x.csv", "--case", "ru-ua"}, 2, "one of them", ""},
		{"no such case", []string{"forecast", "--case", "nope"}, 1, `no case named "nope"`, ""},
		{"no scales", []string{"forecast", "--case", "plain"}, 1, "case plain defines no issue scales", ""},
		{"nothing placed twice", []string{"forecast", "--case", "pris"}, 1, "no issue of case pris has two parties placed", "skipped"},
		{"packages three parties", []string{"packages", "--case", "three"}, 2, "case three has 3 parties (Russia, Ukraine, Belarus); the package model takes exactly two", ""},
		{"packages no scales", []string{"packages", "--case", "plain"}, 2, "defines no issue scales", ""},
		{"packages nothing placed", []string{"packages", "--case", "pris"}, 2, "no scaled issue on which both parties are placed (prisoners: only Russia on the scale", ""},
		{"packages neither", []string{"packages"}, 2, "give a package domain FILE or --case C", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := run(t, append([]string{"--db", db}, tt.args...)...)
			if code != tt.code || !strings.Contains(errs, tt.want) || !strings.Contains(out, tt.out) {
				t.Errorf("exit %d, stderr %q, stdout %q; want exit %d with %q", code, errs, out, tt.code, tt.want)
			}
		})
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// keepScales drops the scales of analysisCase other than the one named.
func keepScales(yaml, keep string) string {
	head, scales, _ := strings.Cut(yaml, "scales:\n")
	var out []string
	var on bool
	for _, line := range strings.Split(scales, "\n") {
		if strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "    ") {
			on = strings.TrimSpace(line) == keep+":"
		}
		if on {
			out = append(out, line)
		}
	}
	return head + "scales:\n" + strings.Join(out, "\n") + "\n"
}

func TestPackagesCase(t *testing.T) {
	db, _ := analysisDB(t)
	out, errs, code := run(t, "--db", db, "packages", "--case", "ru-ua", "-f", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// Russia's best package and Ukraine's, with utilities by the weights
	// (saliences 0.5, 0.5, 0.95 for Russia; 1, 0.5, 0.95 for Ukraine) and
	// scores 1 − |option − position|/100 (withdrawal: 80 and 70).
	uU := 0.95 * (1 - 10.0/100) / (1 + 0.5 + 0.95)
	uR := 0.95 * (1 - 10.0/100) / (0.5 + 0.5 + 0.95)
	for _, w := range []string{
		"u_Russia", "u_Ukraine",
		"pareto,territory=0; alliance=0; withdrawal=70," + analyseNum(uR) + ",1,",
		"pareto,territory=100; alliance=100; withdrawal=80,1," + analyseNum(uU) + ",",
		"territory=100", "input", "skipped", "only Russia on the scale",
		"Pareto-optimal packages (exact)", "nash", "disagreement point (0, 0) = zero",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	out, _, _ = run(t, "--db", db, "packages", "--case", "ru-ua", "-f", "jsonl")
	n := 0
	for _, r := range jsonlRecords(t, out) {
		if r["kind"] == "input" {
			n++
			if ev, _ := r["evidence"].([]any); len(ev) == 0 {
				t.Errorf("input without evidence: %v", r)
			}
		}
	}
	if n != 6 {
		t.Errorf("%d input records, want 6 (two parties, three issues)", n)
	}
}

// TestForecastExampleCase runs the whole chain on the bundled example
// reports: ingest, extract, case add, forecast --case.
func TestForecastExampleCase(t *testing.T) {
	if testing.Short() {
		t.Skip("the whole chain over the example reports")
	}
	root := filepath.Join("..", "..", "examples")
	db := filepath.Join(t.TempDir(), "parley.db")
	for _, args := range [][]string{
		{"ingest", root},
		{"extract"},
		{"case", "add", filepath.Join(root, "cases", "ethiopia-tplf.yaml")},
	} {
		if _, errs, code := run(t, append([]string{"--db", db}, args...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
	}
	out, errs, code := run(t, "--db", db, "forecast", "--case", "ethiopia-tplf", "--runs", "100", "-f", "jsonl")
	if code != 0 {
		t.Fatalf("forecast: exit %d: %s", code, errs)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	forecasts, inputs := 0, 0
	for _, r := range jsonlRecords(t, out) {
		switch r["kind"] {
		case "forecast":
			forecasts++
			if ev, _ := r["evidence"].([]any); len(ev) == 0 {
				t.Errorf("forecast without evidence: %v", r)
			}
			if r["monte_carlo"] == nil {
				t.Errorf("forecast without its Monte Carlo distribution: %v", r)
			}
		case "input":
			inputs++
			// The position's evidence is a sentence of a stored report
			// that holds the scale cue the position was placed by.
			ev, _ := r["position_evidence"].([]any)
			if len(ev) == 0 {
				t.Fatalf("input without evidence: %v", r)
			}
			id, span, _ := strings.Cut(ev[0].(string), ":")
			a, b, _ := strings.Cut(span, "-")
			start, _ := strconv.Atoi(a)
			end, _ := strconv.Atoi(b)
			d, err := st.Document(ctx, id)
			if err != nil {
				t.Fatalf("evidence %s: %v", ev[0], err)
			}
			if end <= start || end > len(d.Text) || !strings.Contains(strings.ToLower(d.Text[start:end]), r["cue"].(string)) {
				t.Errorf("evidence %s does not hold the cue %q", ev[0], r["cue"])
			}
		}
	}
	if forecasts == 0 || inputs < 2 {
		t.Errorf("%d forecasts from %d inputs, want at least one issue forecast:\n%s", forecasts, inputs, out)
	}
}
