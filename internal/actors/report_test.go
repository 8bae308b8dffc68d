package actors_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parley/internal/actors"
)

// TestReportState checks, over multi-paragraph reports on several
// conflicts, that generic references to a government, its army and its
// offices resolve to the state the report is about (not a mediator, a
// venue or a neighbour named last), and that regions named as places are
// not parties while their leaders and forces are.
func TestReportState(t *testing.T) {
	g := load(t)
	cases := []struct {
		file, date string
		// want maps a mention's text to the parties it must resolve to
		// (every mention with that text).
		want map[string][]string
		// places are texts that must not be reported as a mention.
		places []string
	}{
		{file: "ethiopia.txt", date: "2022-08-30",
			want: map[string][]string{
				"Government officials":   {"Ethiopia"},
				"The federal government": {"Ethiopia"},
				"the army":               {"Ethiopia"},
				"the prime minister":     {"Ethiopia"},
				"Tigray's leaders":       {"TPLF"},
				"Tigray leaders":         {"TPLF"},
				"the two sides":          {"Ethiopia", "TPLF"},
				"Kenya's president":      {"Kenya"},
			},
			places: []string{"Tigray"}},
		{file: "sudan.txt", date: "2024-05-10",
			want: map[string][]string{
				"The military":           {"SAF"},
				"the army":               {"SAF"},
				"The government":         {"SAF"},
				"Government troops":      {"SAF"},
				"The paramilitary group": {"RSF"},
			},
			places: []string{"Darfur"}},
		{file: "drc.txt", date: "2025-06-01",
			want: map[string][]string{
				"the government":  {"DR Congo"},
				"The president":   {"DR Congo"},
				"the army":        {"DR Congo"},
				"The authorities": {"DR Congo"},
				"the group":       {"M23"},
			}},
		{file: "colombia.txt", date: "2023-05-01",
			want: map[string][]string{
				"the government":            {"Colombia"},
				"The president":             {"Colombia"},
				"the defence minister":      {"Colombia"},
				"the army":                  {"Colombia"},
				"The government delegation": {"Colombia"},
			}},
		{file: "gaza.txt", date: "2024-06-01",
			want: map[string][]string{
				"Gaza authorities":   {"Hamas"},
				"The government":     {"Israel"},
				"The prime minister": {"Israel"},
				"the army":           {"Israel"},
			},
			places: []string{"Gaza"}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "reports", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			ms := g.Resolve(text, day(tc.date))
			checkSpans(t, text, ms)
			got := map[string][]string{}
			for _, m := range ms {
				got[m.Text] = append(got[m.Text], m.Party)
			}
			for phrase, want := range tc.want {
				if !strings.Contains(text, phrase) {
					t.Fatalf("%q is not in %s", phrase, tc.file)
				}
				parties := got[phrase]
				if len(parties) == 0 {
					t.Errorf("%q: no mention", phrase)
					continue
				}
				// every occurrence resolves to the wanted parties
				n := strings.Count(text, phrase)
				var all []string
				for range n {
					all = append(all, want...)
				}
				slices.Sort(all)
				slices.Sort(parties)
				if !slices.Equal(parties, all) {
					t.Errorf("%q resolves to %v, want %v for each of %d", phrase, parties, want, n)
				}
			}
			for _, p := range tc.places {
				if ps, ok := got[p]; ok {
					t.Errorf("place %q reported as %v", p, ps)
				}
			}
		})
	}
}

func TestResolveTitled(t *testing.T) {
	g := load(t)
	text := "Kenya's president William Ruto met TPLF leaders in Mekelle. The government said it would not attend."
	date := day("2023-06-01")
	party := func(ms []actors.Mention, text string) string {
		for _, m := range ms {
			if m.Text == text {
				return m.Party
			}
		}
		return ""
	}
	if got := party(g.Resolve(text, date), "The government"); got != "Kenya" {
		t.Errorf("without a title: The government = %q, want Kenya", got)
	}
	ms := g.ResolveTitled("Ethiopia stays away from Tigray talks", text, date)
	checkSpans(t, text, ms)
	if got := party(ms, "The government"); got != "Ethiopia" {
		t.Errorf("with a title naming Ethiopia: The government = %q, want Ethiopia", got)
	}
}

func TestPlacesAndFederal(t *testing.T) {
	runCases(t, []resolveCase{
		{name: "bare region", date: "2022-08-30", text: "Fuel must be restored to Tigray, the TPLF said.",
			want: []string{"TPLF|TPLF|name"}},
		{name: "region with a role noun", date: "2022-08-30", text: "Tigray's leaders and the Tigray administration agreed.",
			want: []string{"Tigray's leaders|TPLF|metonym|Tigray", "the Tigray administration|TPLF|metonym|Tigray"}, withVia: true},
		{name: "voice changes with the date", date: "2024-01-10", text: "The Tigray administration agreed.",
			want: []string{"The Tigray administration|Tigray|metonym"}},
		{name: "an entity's alias is a party", date: "2024-01-10", text: "The Tigray Interim Administration agreed.",
			want: []string{"Tigray Interim Administration|Tigray|alias"}},
		{name: "region without a voice", date: "2024-01-10", text: "Darfur leaders met in Darfur.",
			want: []string{}},
		{name: "federal prefers a federation", date: "2022-08-30", text: "Ethiopia and Eritrea met. Eritrea spoke first. Federal forces withdrew.",
			want: []string{"Ethiopia|Ethiopia|name", "Eritrea|Eritrea|name", "Eritrea|Eritrea|name", "Federal forces|Ethiopia|coreference"}},
		{name: "venue is not the report's state", date: "2022-08-30", text: "The TPLF met Ethiopian envoys in Nairobi. The government said no.",
			want: []string{"TPLF|TPLF|name", "Ethiopian envoys|Ethiopia|demonym", "Nairobi|Kenya|metonym", "The government|Ethiopia|coreference"}},
		{name: "mediator is not the report's state", date: "2022-08-30", text: "Ethiopia met the TPLF. Kenya's president, who mediates, spoke. The government said no.",
			want: []string{"Ethiopia|Ethiopia|name", "TPLF|TPLF|name", "Kenya's president|Kenya|title", "The government|Ethiopia|coreference"}},
		{name: "the military in Sudan after April 2023", date: "2024-02-01", text: "Sudan's RSF attacked. The military said it repelled them. Sudanese troops advanced.",
			want: []string{"Sudan|Sudan|name", "RSF|RSF|name", "The military|SAF|coreference", "Sudanese troops|SAF|demonym"}},
		{name: "the government in a seat", date: "2019-08-01", text: "The US and the Taliban met in Doha on talks with the government in Kabul.",
			want: []string{"US|United States|alias", "the Taliban|Taliban|alias", "Doha|Qatar|metonym", "the government|Afghanistan|coreference", "Kabul|Afghanistan|metonym"}},
		{name: "the government in a seat held by a de-facto government", date: "2024-02-01", text: "Sudan's RSF met the US. The government in Port Sudan said no.",
			want: []string{"Sudan|Sudan|name", "RSF|RSF|name", "US|United States|alias", "The government|SAF|coreference", "Port Sudan|SAF|metonym"}},
		{name: "the military as an adjective", date: "2022-03-15", text: "Russia and Ukraine met. One step concerns the military aspect.",
			want: []string{"Russia|Russia|name", "Ukraine|Ukraine|name"}},
		{name: "the military in Sudan before April 2023", date: "2022-02-01", text: "Sudan's protesters marched. The military said it would talk.",
			want: []string{"Sudan|Sudan|name", "The military|Sudan|coreference"}},
	})
}
