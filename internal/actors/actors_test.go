package actors_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/internal/actors"
)

var (
	loadOnce sync.Once
	gaz      *actors.Gazetteer
	gazErr   error
)

// load returns the gazetteer with the embedded data and the test user file.
func load(t testing.TB) *actors.Gazetteer {
	t.Helper()
	loadOnce.Do(func() {
		gaz, gazErr = actors.Load(filepath.Join("testdata", "user.yaml"))
	})
	if gazErr != nil {
		t.Fatal(gazErr)
	}
	return gaz
}

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// describe renders mentions as "text|party|how" (and "|via" when asked).
func describe(ms []actors.Mention, withVia bool) []string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		s := m.Text + "|" + m.Party + "|" + m.How
		if withVia && m.Via != "" {
			s += "|" + m.Via
		}
		out = append(out, s)
	}
	return out
}

type resolveCase struct {
	name    string
	date    string
	text    string
	want    []string
	withVia bool
}

func runCases(t *testing.T, cases []resolveCase) {
	t.Helper()
	g := load(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ms := g.Resolve(tc.text, day(tc.date))
			checkSpans(t, tc.text, ms)
			got := describe(ms, tc.withVia)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Resolve(%q)\n got  %q\n want %q", tc.text, got, tc.want)
			}
		})
	}
}

// checkSpans asserts the span invariant and the order of mentions.
func checkSpans(t *testing.T, text string, ms []actors.Mention) {
	t.Helper()
	for i, m := range ms {
		if m.Span.Start < 0 || m.Span.End > len(text) || m.Span.Start >= m.Span.End {
			t.Fatalf("mention %d %q: bad span %v", i, m.Text, m.Span)
		}
		if text[m.Span.Start:m.Span.End] != m.Text {
			t.Fatalf("mention %d: text[%d:%d] = %q, Text = %q", i, m.Span.Start, m.Span.End, text[m.Span.Start:m.Span.End], m.Text)
		}
		if m.Party == "" {
			t.Fatalf("mention %d %q: no party", i, m.Text)
		}
		if i > 0 {
			p := ms[i-1]
			if m.Span.Start < p.Span.Start {
				t.Fatalf("mentions out of order: %q before %q", p.Text, m.Text)
			}
			if m.Span != p.Span && m.Span.Start < p.Span.End {
				t.Fatalf("mentions overlap: %q %v and %q %v", p.Text, p.Span, m.Text, m.Span)
			}
		}
	}
}

func TestWaysOfNaming(t *testing.T) {
	runCases(t, []resolveCase{
		{name: "name", date: "2022-03-01", text: "Russia said it would attend.",
			want: []string{"Russia|Russia|name"}},
		{name: "alias", date: "2022-03-01", text: "The Russian Federation and the U.S. disagreed.",
			want: []string{"Russian Federation|Russia|alias", "U.S.|United States|alias"}},
		{name: "acronym organisation", date: "2022-03-01", text: "NATO and the EU met; the AU sent envoys.",
			want: []string{"NATO|NATO|name", "the EU|European Union|alias", "the AU|African Union|alias"}},
		{name: "metonyms", date: "2022-03-01", text: "Kyiv said Moscow's demand was rejected by Bankova; the Kremlin disagreed.",
			want: []string{"Kyiv|Ukraine|metonym", "Moscow|Russia|metonym", "Bankova|Ukraine|metonym", "the Kremlin|Russia|metonym"}},
		{name: "seats of power", date: "2019-05-01", text: "Downing Street, the Élysée, Zhongnanhai, the Blue House and the Quai d’Orsay all replied.",
			want: []string{"Downing Street|United Kingdom|metonym", "the Élysée|France|metonym", "Zhongnanhai|China|metonym", "the Blue House|South Korea|metonym", "the Quai d’Orsay|France|metonym"}},
		{name: "organ speaks for parent", date: "2024-01-10", text: "The IDF said the European Commission and the Qassam Brigades were informed.",
			want: []string{"IDF|Israel|metonym", "European Commission|European Union|metonym", "Qassam Brigades|Hamas|metonym"}},
		{name: "demonym with side", date: "2022-03-01", text: "The Russian side put forward demands.",
			want: []string{"The Russian side|Russia|demonym"}},
		{name: "demonym with negotiators", date: "2022-03-01", text: "Ukrainian negotiators left, and the Belarusian delegation stayed.",
			want: []string{"Ukrainian negotiators|Ukraine|demonym", "the Belarusian delegation|Belarus|demonym"}},
		{name: "plural demonym", date: "2022-03-01", text: "The Ukrainians refused.",
			want: []string{"The Ukrainians|Ukraine|demonym"}},
		{name: "person by surname", date: "2022-03-01", text: "Putin told Zelensky nothing.",
			want: []string{"Putin|Russia|person", "Zelensky|Ukraine|person"}},
		{name: "title with demonym and name", date: "2022-03-01", text: "Russian Foreign Minister Sergei Lavrov spoke.",
			want: []string{"Russian Foreign Minister Sergei Lavrov|Russia|person|Sergey Lavrov"}, withVia: true},
		{name: "title with possessive", date: "2022-03-01", text: "Ukraine's foreign minister said so.",
			want: []string{"Ukraine's foreign minister|Ukraine|title|Dmytro Kuleba"}, withVia: true},
		{name: "title with demonym", date: "2022-03-01", text: "The Russian president spoke.",
			want: []string{"The Russian president|Russia|title|Vladimir Putin"}, withVia: true},
		{name: "title before name", date: "2022-03-01", text: "President Biden and the U.S. secretary of state arrived.",
			want: []string{"President Biden|United States|person|Joe Biden", "the U.S. secretary of state|United States|title|Antony Blinken"}, withVia: true},
		{name: "title of country", date: "2022-03-01", text: "The president of Russia said the government of Sudan agreed.",
			want: []string{"The president of Russia|Russia|title", "the government of Sudan|Sudan|name"}},
		{name: "group leader", date: "2023-11-01", text: "Hamas leader Yahya Sinwar and Hezbollah's Nasrallah spoke.",
			want: []string{"Hamas leader Yahya Sinwar|Hamas|person", "Hezbollah's Nasrallah|Hezbollah|person"}},
		{name: "group aliases", date: "2023-11-01", text: "Ansar Allah, the RSF, Daesh and the M23/AFC rejected it.",
			want: []string{"Ansar Allah|Houthis|alias", "RSF|RSF|name", "Daesh|Islamic State|alias", "M23/AFC|M23|alias"}},
		{name: "user file entries", date: "2016-01-01", text: "Freedonian officials in Fredville said the Glass Palace and Staraya Ploshchad disagreed.",
			want: []string{"Freedonian officials|Freedonia|demonym", "Fredville|Freedonia|metonym", "the Glass Palace|Freedonia|metonym", "Staraya Ploshchad|Russia|metonym"}},
		{name: "mediators", date: "2024-06-01", text: "Qatari and Egyptian mediators met Hamas. The mediators said progress was made.",
			want: []string{"Qatari|Qatar|demonym", "Egyptian mediators|Egypt|demonym", "Hamas|Hamas|name", "The mediators|Qatar|coreference", "The mediators|Egypt|coreference"}},
	})
}

func TestDates(t *testing.T) {
	text := "Firefly said Freedonia would talk, and Quill agreed."
	runCases(t, []resolveCase{
		{name: "before office", date: "2009-01-01", text: text,
			want: []string{"Freedonia|Freedonia|name"}},
		{name: "one namesake in office", date: "2011-06-01", text: text,
			want: []string{"Firefly|Freedonia|person", "Freedonia|Freedonia|name", "Quill|Sylvania|person"}},
		{name: "in office", date: "2012-06-01", text: text,
			// Both Quills hold office in 2012 for different parties: ambiguous.
			want: []string{"Firefly|Freedonia|person", "Freedonia|Freedonia|name"}},
		{name: "after office", date: "2020-01-01", text: text,
			// Ada Quill is president in 2020, but so is Tom Quill: ambiguous.
			want: []string{"Freedonia|Freedonia|name"}},
		{name: "full name settles the surname", date: "2020-01-01", text: "Ada Quill arrived. Later Quill said Firefly was wrong.",
			want: []string{"Ada Quill|Freedonia|person", "Quill|Freedonia|person"}},
		{name: "former leader with explicit title", date: "2020-01-01", text: "Freedonia's former president Rufus T. Firefly spoke.",
			want: []string{}},
		{name: "title with a name out of office", date: "2020-01-01", text: "Freedonian President Rufus T. Firefly spoke.",
			want: []string{"Freedonian President Rufus T. Firefly|Freedonia|person"}},
		{name: "chained role nouns", date: "2022-03-01", text: "Russia's foreign ministry spokeswoman said so.",
			want: []string{"Russia's foreign ministry spokeswoman|Russia|title"}},
		{name: "unknown date takes the latest role", date: "", text: "Firefly spoke.",
			want: []string{"Firefly|Freedonia|person"}},
		{name: "title holder by date", date: "2010-06-01", text: "The Russian president spoke.",
			want: []string{"The Russian president|Russia|title|Dmitry Medvedev"}, withVia: true},
		{name: "title holder later", date: "2014-06-01", text: "The Freedonian president spoke.",
			want: []string{"The Freedonian president|Freedonia|title|Rufus T. Firefly"}, withVia: true},
		{name: "group leader during and after", date: "2019-01-01", text: "Haniyeh spoke.",
			want: []string{"Haniyeh|Hamas|person"}},
		{name: "group leader dead", date: "2025-01-01", text: "Haniyeh spoke.",
			want: []string{}},
		{name: "party while it existed", date: "2015-06-01", text: "The FARC and the government met.",
			want: []string{"FARC|FARC|name", "the government|Colombia|coreference"}},
		{name: "party after it was dissolved", date: "2024-06-01", text: "The FARC and the government met.",
			want: []string{}},
		{name: "state government before a de-facto authority", date: "2019-06-01", text: "Kabul and the Afghan government rejected it.",
			want: []string{"Kabul|Afghanistan|metonym", "the Afghan government|Afghanistan|demonym"}},
		{name: "de-facto authority as the state's government", date: "2023-06-01", text: "Kabul and the Afghan government rejected it, while Afghan refugees waited.",
			want: []string{"Kabul|Taliban|metonym", "the Afghan government|Taliban|demonym", "Afghan|Afghanistan|demonym"}},
		{name: "the government after a de-facto takeover", date: "2023-06-01", text: "Sudan's war continued. The government said the RSF attacked.",
			want: []string{"Sudan|Sudan|name", "The government|SAF|coreference", "RSF|RSF|name"}},
		{name: "former is not a party", date: "2020-01-01", text: "Former president Firefly said Freedonia erred.",
			want: []string{"Freedonia|Freedonia|name"}},
	})
}

func TestAmbiguity(t *testing.T) {
	runCases(t, []resolveCase{
		{name: "Georgia the US state", date: "2022-03-01", text: "Voters in Atlanta, Georgia, went to the polls.",
			want: []string{}},
		{name: "Georgia the country", date: "2022-03-01", text: "Georgia said talks with Abkhazia would resume in Tbilisi.",
			want: []string{"Georgia|Georgia|name", "Abkhazia|Abkhazia|name", "Tbilisi|Georgia|metonym"}},
		{name: "Jordan the river", date: "2024-03-01", text: "Farmers along the Jordan and in the Jordan Valley complained.",
			want: []string{}},
		{name: "Jordan a first name", date: "2024-03-01", text: "Jordan Bardella said he would run.",
			want: []string{}},
		{name: "Jordan the country", date: "2024-03-01", text: "Jordan's foreign minister met Israeli officials.",
			want: []string{"Jordan's foreign minister|Jordan|title", "Israeli officials|Israel|demonym"}},
		{name: "Jordan supported by a demonym", date: "2024-03-01", text: "Jordan called for a ceasefire, Jordanian media said.",
			want: []string{"Jordan|Jordan|name", "Jordanian|Jordan|demonym"}},
		{name: "Chad a first name", date: "2024-03-01", text: "Chad Daniels said the deal was fair.",
			want: []string{}},
		{name: "Chad the country", date: "2024-03-01", text: "Chad and Sudan signed; the Chadian army withdrew.",
			want: []string{"Chad|Chad|name", "Sudan|Sudan|name", "the Chadian army|Chad|demonym"}},
		{name: "Niger the river", date: "2024-03-01", text: "Boats on the Niger River and the Niger Delta were seized.",
			want: []string{}},
		{name: "Niger the country", date: "2024-03-01", text: "Niger's junta rejected ECOWAS demands.",
			want: []string{"Niger's junta|Niger|name", "ECOWAS|ECOWAS|name"}},
		{name: "turkey the bird", date: "2024-03-01", text: "They ate turkey on Thursday.",
			want: []string{}},
		{name: "Turkey and Türkiye", date: "2024-03-01", text: "Turkey hosted the talks; Türkiye’s envoy spoke.",
			want: []string{"Turkey|Turkey|name", "Türkiye’s envoy|Turkey|title"}},
		{name: "pro- prefix", date: "2022-03-01", text: "Pro-Russian crowds gathered.",
			want: []string{}},
		{name: "America in a continent's name", date: "2022-03-01", text: "Latin America and South America watched.",
			want: []string{}},
	})
}

func TestCaseAndPossessives(t *testing.T) {
	runCases(t, []resolveCase{
		{name: "US vs us", date: "2022-03-01", text: "He told us the US would not join.",
			want: []string{"US|United States|alias"}},
		{name: "acronyms written as words from four letters", date: "2022-03-01", text: "Nato and Ecowas met. Us too, said the Eln and the ELN.",
			want: []string{"Nato|NATO|name", "Ecowas|ECOWAS|name", "ELN|ELN|name"}},
		{name: "AU vs au", date: "2022-03-01", text: "She said au revoir to the AU delegation.",
			want: []string{"the AU delegation|African Union|alias"}},
		{name: "lower-case names are not parties", date: "2022-03-01", text: "the white house on the hill",
			want: []string{}},
		{name: "possessives", date: "2022-03-01", text: "Russia's demand, Kyiv’s answer and the Palestinians' view.",
			want: []string{"Russia|Russia|name", "Kyiv|Ukraine|metonym", "the Palestinians|Palestine|demonym"}},
		{name: "headline case", date: "2022-03-01", text: "RUSSIA REJECTS UKRAINE'S OFFER",
			want: []string{"RUSSIA|Russia|name", "UKRAINE|Ukraine|name"}},
		{name: "diacritics folded", date: "2022-03-01", text: "Elysee officials and Élysée officials.",
			want: []string{"Elysee officials|France|metonym", "Élysée officials|France|metonym"}},
		{name: "non-breaking space", date: "2022-03-01", text: "The United\u00a0States agreed.",
			want: []string{"United\u00a0States|United States|name"}},
	})
}

func TestCoreference(t *testing.T) {
	runCases(t, []resolveCase{
		{name: "the group", date: "2024-06-01", text: "Israel struck Gaza. Hamas said the group would not yield.",
			want: []string{"Israel|Israel|name", "Hamas|Hamas|name", "the group|Hamas|coreference|Hamas"}, withVia: true},
		{name: "the rebels after a group", date: "2023-06-01", text: "The RSF met the army. Later the rebels withdrew.",
			want: []string{"RSF|RSF|name", "the army|SAF|coreference|RSF", "the rebels|RSF|coreference|RSF"}, withVia: true},
		{name: "no group in play", date: "2023-06-01", text: "Russia said the group would meet.",
			want: []string{"Russia|Russia|name"}},
		{name: "the government", date: "2023-06-01", text: "Hamas attacked Israel. The government vowed to respond.",
			want: []string{"Hamas|Hamas|name", "Israel|Israel|name", "The government|Israel|coreference|Israel"}, withVia: true},
		{name: "the government is the state, not the region", date: "2024-06-01", text: "Tigray's interim administration and Ethiopia met. Tigrayan leaders want land back; the government has agreed to talks.",
			want: []string{"Tigray's interim administration|Tigray|metonym", "Ethiopia|Ethiopia|name", "Tigrayan leaders|Tigray|metonym", "the government|Ethiopia|coreference"}},
		{name: "the two sides", date: "2022-03-01", text: "Russia and Ukraine met in Belarus. The two sides agreed.",
			want: []string{"Russia|Russia|name", "Ukraine|Ukraine|name", "Belarus|Belarus|name", "The two sides|Russia|coreference", "The two sides|Ukraine|coreference"}},
		{name: "both parties skip mediators", date: "2024-06-01", text: "Israel and Hamas negotiated through Qatari mediators. Both parties agreed.",
			want: []string{"Israel|Israel|name", "Hamas|Hamas|name", "Qatari mediators|Qatar|demonym", "Both parties|Israel|coreference", "Both parties|Hamas|coreference"}},
		{name: "the two countries", date: "2024-06-01", text: "Armenia and Azerbaijan, with the EU, met. The two countries agreed.",
			want: []string{"Armenia|Armenia|name", "Azerbaijan|Azerbaijan|name", "the EU|European Union|alias", "The two countries|Armenia|coreference", "The two countries|Azerbaijan|coreference"}},
		{name: "mediated by", date: "2023-06-01", text: "Talks mediated by Saudi Arabia and the United States between SAF and RSF resumed. The mediators urged calm.",
			want: []string{"Saudi Arabia|Saudi Arabia|name", "United States|United States|name", "SAF|SAF|name", "RSF|RSF|name", "The mediators|Saudi Arabia|coreference", "The mediators|United States|coreference"}},
		{name: "demonym and group noun", date: "2024-06-01", text: "Hamas rejected it. Palestinian militants fired rockets.",
			want: []string{"Hamas|Hamas|name", "Palestinian militants|Hamas|coreference"}},
		{name: "headline without article", date: "2023-06-01", text: "Military says Sudan has left the talks\nMore follows.",
			want: []string{"Military|SAF|coreference", "Sudan|Sudan|name"}},
		{name: "no headline generic mid-sentence", date: "2023-06-01", text: "Sudan said military aid had stopped.",
			want: []string{"Sudan|Sudan|name"}},
		{name: "the president", date: "2022-03-01", text: "The White House said the president would call Kyiv.",
			want: []string{"The White House|United States|metonym|the White House", "the president|United States|coreference|Joe Biden", "Kyiv|Ukraine|metonym|Kyiv"}, withVia: true},
		{name: "the bloc", date: "2024-06-01", text: "The EU said the bloc would help.",
			want: []string{"The EU|European Union|alias", "the bloc|European Union|coreference"}},
	})
}

func TestLookup(t *testing.T) {
	g := load(t)
	for _, tc := range []struct{ query, party, person string }{
		{"Russia", "Russia", ""},
		{"the Kremlin", "Russia", ""},
		{"ukrainian", "Ukraine", ""},
		{"Hemedti", "", "Mohamed Hamdan Dagalo"},
		{"Ada Quill", "", "Ada Quill"},
	} {
		t.Run(tc.query, func(t *testing.T) {
			e, ok := g.Lookup(tc.query)
			if !ok {
				t.Fatalf("Lookup(%q) found nothing", tc.query)
			}
			if tc.party != "" && (e.Party == nil || e.Party.Name != tc.party) {
				t.Errorf("Lookup(%q) = %+v, want party %s", tc.query, e, tc.party)
			}
			if tc.person != "" && (e.Person == nil || e.Person.Name != tc.person) {
				t.Errorf("Lookup(%q) = %+v, want person %s", tc.query, e, tc.person)
			}
		})
	}
	if _, ok := g.Lookup("Atlantis"); ok {
		t.Error("Lookup(Atlantis) found an entry")
	}
	e, _ := g.Lookup("Russia")
	if len(e.People) == 0 {
		t.Error("Lookup(Russia) lists no people")
	}
}

func TestUserFileErrors(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"bad_field.yaml", "bad_field.yaml:5:"},
		{"bad_party.yaml", `bad_party.yaml:6:17: Ada Quill: unknown party "Atlantis"`},
		{"bad_date.yaml", "bad_date.yaml:4:"},
		{"missing.yaml", "missing.yaml"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			_, err := actors.Load(filepath.Join("testdata", "user.yaml"), filepath.Join("testdata", tc.file))
			if err == nil {
				t.Fatalf("Load(%s) succeeded", tc.file)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load(%s) error %q does not contain %q", tc.file, err, tc.want)
			}
		})
	}
}

func TestEmbeddedDataClean(t *testing.T) {
	g, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range g.Problems() {
		t.Error(p)
	}
}

// TestCoverage checks that the embedded data covers what the issue asks.
func TestCoverage(t *testing.T) {
	g := load(t)
	count := map[string]int{}
	for _, p := range g.Parties() {
		count[p.Kind]++
	}
	if count[actors.KindState] < 195 {
		t.Errorf("%d states, want at least 195 (UN members and observers)", count[actors.KindState])
	}
	for _, name := range []string{"Kosovo", "Taiwan", "Palestine", "Western Sahara", "Abkhazia", "South Ossetia", "Transnistria", "Northern Cyprus", "Donetsk People's Republic", "Luhansk People's Republic", "Somaliland", "Nagorno-Karabakh",
		"United Nations", "UN Security Council", "UNHCR", "UNRWA", "WFP", "European Union", "European Commission", "European Council", "NATO", "African Union", "African Union Commission", "OSCE", "ASEAN", "IGAD", "ECOWAS", "SADC", "EAC", "Arab League", "GCC", "OIC", "ICRC", "ICC", "ICJ", "IAEA", "IMF", "World Bank",
		"Hamas", "Palestinian Islamic Jihad", "Hezbollah", "Houthis", "M23", "RSF", "SAF", "TPLF", "ELN", "FARC", "EMC", "Segunda Marquetalia", "Taliban", "Islamic State", "Al-Qaeda", "Al-Shabaab", "Boko Haram", "ISWAP", "PKK", "SDF", "HTS", "Wagner Group", "Arakan Army", "KIA", "TNLA", "MNDAA", "KNU", "NUG", "NLD", "Polisario Front", "ELF", "Donbas separatists"} {
		if e, ok := g.Lookup(name); !ok || e.Party == nil {
			t.Errorf("no party %q", name)
		}
	}
	for _, p := range g.Parties() {
		if p.Kind == actors.KindState && strings.HasPrefix(p.File, "internal/actors/data/") && (p.ISO2 == "" || p.ISO3 == "") {
			t.Errorf("state %s without ISO codes", p.Name)
		}
	}
}

// TestSpanInvariant resolves a generated corpus of sentences naming every
// party in many forms and checks the span invariant.
func TestSpanInvariant(t *testing.T) {
	g := load(t)
	var b strings.Builder
	frames := []string{"%s said on Monday.", "Talks between %s and its rivals “stalled”.", "According to %s’s envoy, the offer stands.", "THE %s SIDE\u00a0REJECTED IT.", "(%s) — officials in Élysée met.", "%s's demands, %s' position."}
	for i, p := range g.Parties() {
		forms := append([]string{p.Name}, p.Aliases...)
		forms = append(forms, p.Demonyms...)
		forms = append(forms, p.Metonyms...)
		for j, f := range forms {
			frame := frames[(i+j)%len(frames)]
			if strings.Count(frame, "%s") == 2 {
				fmt.Fprintf(&b, frame+" ", f, strings.ToUpper(f))
			} else {
				fmt.Fprintf(&b, frame+" ", f)
			}
		}
		if i%10 == 0 {
			b.WriteString("\n\n")
		}
	}
	text := b.String()
	for _, d := range []string{"", "2005-06-01", "2024-06-01"} {
		ms := g.Resolve(text, day(d))
		checkSpans(t, text, ms)
		if len(ms) < len(g.Parties()) {
			t.Errorf("date %q: %d mentions for %d parties", d, len(ms), len(g.Parties()))
		}
	}
}

func TestConcurrentResolve(t *testing.T) {
	g := load(t)
	text := "Russian negotiators met Ukraine's delegation in Istanbul; the Kremlin said the two sides agreed."
	want := describe(g.Resolve(text, day("2022-03-29")), true)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if got := describe(g.Resolve(text, day("2022-03-29")), true); !slices.Equal(got, want) {
					t.Errorf("concurrent Resolve = %q, want %q", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}
