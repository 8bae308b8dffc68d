package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/internal/extract"
	"parley/internal/model"
)

// starterExtractor is the extractor over the embedded lexicon and the
// starter resolver: deterministic whatever the gazetteer holds.
func starterExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	lex, err := extract.LoadLexicon("")
	if err != nil {
		t.Fatal(err)
	}
	r, err := extract.NewStarterResolver()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(lex, r)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func doc(text string) model.Document {
	return model.Document{ID: "t", Text: text, Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
}

// claimKeys renders claims as "actor act issue" plus flags that are set.
func claimKeys(cs []model.Claim) []string {
	var out []string
	for _, c := range cs {
		k := c.Actor + " " + c.Act + " " + c.Issue
		if c.Source.Kind != model.SourceUnattributed {
			k += " src=" + c.Source.Kind
		}
		if c.Hedged {
			k += " hedged"
		}
		if c.Precondition {
			k += " precondition"
		}
		out = append(out, k)
	}
	return out
}

// checkSpans asserts the evidence invariant: every non-empty span names
// exactly the bytes it claims, and the sentence holds the claim's text.
func checkSpans(t testing.TB, text string, cs []model.Claim) {
	t.Helper()
	for _, c := range cs {
		ev := c.Evidence
		for name, s := range map[string]model.Span{"sentence": ev.Sentence, "actor": ev.Actor, "act": ev.Act, "issue": ev.Issue, "source": ev.Source, "hedge": ev.Hedge} {
			if s == (model.Span{}) {
				continue
			}
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				t.Fatalf("%s span %v out of range (len %d) in claim %+v", name, s, len(text), c)
			}
		}
		if got := text[ev.Sentence.Start:ev.Sentence.End]; got != c.Sentence {
			t.Fatalf("sentence span gives %q, claim sentence %q", got, c.Sentence)
		}
		if c.Evidence.Lexicon == "" {
			t.Fatalf("claim without lexicon version: %+v", c)
		}
	}
}

func TestConstructions(t *testing.T) {
	x := starterExtractor(t)
	tests := []struct {
		name string
		text string
		want []string // exactly these claims, in order
	}{
		// Each act, plain and negated.
		{"demand", "Russia demanded a permanent ceasefire.", []string{"Russia demand ceasefire"}},
		{"demand negated", "Hamas did not demand the release of prisoners at the outset.", []string{"Hamas concede prisoners"}},
		{"demand unless", "Ukraine will not agree to any deal unless Russian troops withdraw.", []string{"Ukraine demand withdrawal precondition"}},
		{"propose", "Egypt proposed a three-phase truce.", []string{"Egypt propose ceasefire"}},
		{"propose negated", "Qatar did not offer a new venue for talks.", nil},
		{"accept", "Israel accepted the prisoner exchange.", []string{"Israel accept prisoners"}},
		{"accept negated", "Azerbaijan will not accept any third-party monitors on the border.", []string{"Azerbaijan reject security_guarantees"}},
		{"reject", "Ukraine rejected the demand for neutrality.", []string{"Ukraine reject alliance"}},
		{"reject negated", "The Taliban did not reject the proposed prisoner release.", nil},
		{"oppose negated", "Russia does not object to Ukraine joining the European Union.", []string{"Russia accept alliance"}},
		{"concede", "Hamas dropped its demand for a permanent ceasefire.", []string{"Hamas concede ceasefire"}},
		{"concede no longer", "Putin no longer insists on the demilitarization of Ukraine.", []string{"Russia concede disarmament src=official"}},

		// Grammar of the act cue.
		{"nominal possessive", "Hamas's demand for the return of displaced people was discussed.", []string{"Hamas demand humanitarian"}},
		{"nominal demonym", "The Russian proposal includes a ceasefire.", []string{"Russia propose ceasefire"}},
		{"passive by", "Conditions on sanctions were put forward by Russia.", []string{"Russia demand economy"}},
		{"passive participle", "A truce plan sent last week by Qatari and Egyptian mediators was discussed.", []string{"Qatar propose ceasefire", "Egypt propose ceasefire"}},
		{"compound backed", "Hamas studied a US-backed proposal for a phased ceasefire.", []string{"United States propose ceasefire"}},
		{"reported speech only", "Ukraine said it would only accept a peace plan that involves a withdrawal of troops.", []string{"Ukraine demand withdrawal src=official precondition"}},
		{"modal forced to give up", "Ukraine will be forced to give up the Donbas region, Russia says.", []string{"Russia demand territory src=official hedged"}},
		{"modal opponent", "In talks with Russia, Ukraine would have to declare neutrality.", []string{"Russia demand alliance hedged"}},
		{"ready to", "Armenia is ready to consider swapping the enclaves.", []string{"Armenia propose territory"}},
		{"ready to accept", "Hamas is ready to accept the prisoner exchange.", []string{"Hamas accept prisoners"}},
		{"only if", "The M23 will leave the town only if Kinshasa agrees to direct talks.", []string{"M23 demand talks"}},
		{"demand rejected after it", "The M23 wants direct talks, a demand Kinshasa has rejected.", []string{"M23 demand talks", "DR Congo reject talks"}},
		{"rejects calls for", "Russia rejects calls for new sanctions.", []string{"Russia reject economy"}},
		{"plan content", "Egypt presented a new truce plan on Monday. In its second phase, Israeli troops would withdraw from the corridor.",
			[]string{"Egypt propose ceasefire", "Egypt propose withdrawal"}},
		{"issue head", "Russia proposed a 30-day energy truce.", []string{"Russia propose ceasefire"}},
		{"passive after its noun", "Israel and Hezbollah accepted a truce brokered by France, under which troops will withdraw.",
			[]string{"Israel accept ceasefire", "Hezbollah accept ceasefire", "France propose ceasefire"}},
		{"source of another clause", "Russia proposed a truce, but Ukrainian officials said Kyiv rejected it.", []string{"Russia propose ceasefire"}},
		{"that clause is content", "The ELN insists that the government suspend operations and release jailed guerrillas.", []string{"ELN demand prisoners"}},
		{"reporting clause is not content", "Colombia and the ELN agreed to extend the ceasefire, the delegation said in a joint statement.",
			[]string{"Colombia accept ceasefire src=official", "ELN accept ceasefire src=official"}},
		{"relative clause closed", "Qatar, which hosted the talks, proposed a truce monitored by African Union observers.",
			[]string{"Qatar propose ceasefire", "Qatar propose security_guarantees"}},
		{"promises to refuse", "Ukraine promises to refuse to join military alliances.", []string{"Ukraine propose alliance"}},

		// Enumerations: one claim per item.
		{"demands include", "Hamas's demands include a ceasefire, the release of prisoners and aid for Gaza.",
			[]string{"Hamas demand ceasefire", "Hamas demand prisoners", "Hamas demand humanitarian"}},
		{"three preconditions", "The Russian side put forward three preconditions: first, it demanded that Ukraine stay out of NATO;Secondly, Ukraine is required to recognize Russian sovereignty over Crimea;Finally, it is required to keep the Russian language as a state language.",
			[]string{"Russia demand alliance precondition", "Russia demand recognition precondition", "Russia demand minority_rights precondition"}},
		{"rejects these conditions", "Russia demanded neutrality and the recognition of Crimea. Ukraine rejected these conditions.",
			[]string{"Russia demand alliance", "Russia demand recognition", "Ukraine reject alliance", "Ukraine reject recognition"}},

		// Actors: metonyms, people, joint positions, pronouns.
		{"metonym", "The Kremlin rejected any ceasefire.", []string{"Russia reject ceasefire"}},
		{"person", "Zelensky demanded the withdrawal of Russian troops.", []string{"Ukraine demand withdrawal src=official"}},
		{"joint mediators", "Qatari and Egyptian mediators proposed a truce.", []string{"Qatar propose ceasefire", "Egypt propose ceasefire"}},
		{"both sides", "Russia and Ukraine met in Istanbul. Both sides agreed to a prisoner swap.", []string{"Russia accept prisoners", "Ukraine accept prisoners"}},
		{"pronoun it", "Egypt, which has said it rejects any Israeli deployment on the border, hosted the talks.", []string{"Egypt reject withdrawal src=official"}},
		{"pronoun he", "Aliyev spoke on Monday. He demanded that Armenia withdraw from four villages.", []string{"Azerbaijan demand withdrawal src=official"}},
		{"the group", "Hamas met the mediators in Cairo. The group called for an end to the war.", []string{"Hamas demand ceasefire"}},

		// Sources.
		{"official named", "Russian Foreign Minister Sergei Lavrov said Moscow demands Ukraine's neutrality.", []string{"Russia demand alliance src=official"}},
		{"anonymous", "Hamas insists on a full withdrawal, people familiar with the matter said.", []string{"Hamas demand withdrawal src=anonymous"}},
		{"anonymous unnamed official", "An Israeli official said Israel rejected the proposal for a permanent ceasefire.", []string{"Israel reject ceasefire src=anonymous"}},
		{"anonymous via media", "According to the New York Times, according to people familiar with the matter, Russia may accept a ceasefire.", []string{"Russia accept ceasefire src=anonymous hedged"}},
		{"media", "Egypt proposed a new truce, the newspaper reported.", []string{"Egypt propose ceasefire src=media"}},
		{"analyst", "Analysts believe Russia demands control of the occupied territories.", []string{"Russia demand territory src=analyst"}},
		{"paragraph framing", "According to reports, sources revealed that talks had begun. Russia demanded neutrality for Ukraine.\nIsrael rejected the truce.",
			[]string{"Russia demand alliance src=anonymous", "Israel reject ceasefire"}},

		// Hedges.
		{"may", "Russia may accept a ceasefire.", []string{"Russia accept ceasefire hedged"}},
		{"reportedly", "Hamas reportedly rejected the hostage deal.", []string{"Hamas reject prisoners hedged"}},
		{"allegedly", "Israel allegedly demanded control of the corridor.", []string{"Israel demand territory hedged"}},
		{"is expected to", "Qatar is expected to propose a new truce.", []string{"Qatar propose ceasefire hedged"}},
		{"not officially confirmed", "These reports have not been officially confirmed, but Russia demanded sanctions relief.", []string{"Russia demand economy hedged"}},
		{"reports headline", "Hamas proposes 135-day truce – reports", []string{"Hamas propose ceasefire src=media hedged"}},
		{"not hedged", "Hamas rejected the truce.", []string{"Hamas reject ceasefire"}},

		// Preconditions.
		{"before negotiations", "Ukraine demanded that Russia withdraw its troops before negotiations can begin.", []string{"Ukraine demand withdrawal precondition"}},
		{"no deal without", "Hamas insists on a permanent ceasefire: no deal without it.", []string{"Hamas demand ceasefire precondition"}},

		// Not claims.
		{"conditional", "If Ukraine rejects the proposal, the war will go on.", nil},
		{"whether", "It is unknown whether Russia will accept a ceasefire.", nil},
		{"one claim per document", "Russia demanded a ceasefire. Later, Russia demanded a truce again.", []string{"Russia demand ceasefire"}},
		{"report verb not demand", "Podolyak wanted to emphasize that a ceasefire is possible.", nil},
		{"reduced relative", "Fighters handed heavy weapons to the army under the truce signed in Pretoria.", nil},
		{"cue inside a name", "Fighting continued between the army and the Rapid Support Forces around the humanitarian corridor.", nil},
		{"bare comma is not a list", "In talks with Russia, Ukraine would have to declare neutrality.", []string{"Russia demand alliance hedged"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := x.Extract(doc(tt.text))
			checkSpans(t, tt.text, cs)
			got := claimKeys(cs)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("text %q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestEvidence(t *testing.T) {
	x := starterExtractor(t)
	text := "According to Reuters, a Hamas official said the group may accept a US-backed truce."
	cs := x.Extract(doc(text))
	if len(cs) == 0 {
		t.Fatal("no claims")
	}
	checkSpans(t, text, cs)
	var found bool
	for _, c := range cs {
		if c.Actor != "Hamas" || c.Act != model.ActAccept {
			continue
		}
		found = true
		ev := c.Evidence
		if got := ev.Act.In(text); got != "accept" {
			t.Errorf("act span %q, want accept", got)
		}
		if got := ev.Issue.In(text); got != "truce" {
			t.Errorf("issue span %q, want truce", got)
		}
		if got := ev.Hedge.In(text); got != "may" {
			t.Errorf("hedge span %q, want may", got)
		}
		if got := ev.Source.In(text); got != "a Hamas official" {
			t.Errorf("source span %q", got)
		}
		if c.Source.Kind != model.SourceAnonymous || c.Source.Via != "Reuters" {
			t.Errorf("source %+v, want anonymous via Reuters", c.Source)
		}
		if ev.Lexicon != x.LexiconVersion() {
			t.Errorf("lexicon %q, want %q", ev.Lexicon, x.LexiconVersion())
		}
		if c.Position == "" {
			t.Error("empty position")
		}
	}
	if !found {
		t.Errorf("no Hamas accept claim in %q", claimKeys(cs))
	}
}

func TestLargeAndDegenerateDocuments(t *testing.T) {
	x := starterExtractor(t)
	var b strings.Builder
	for b.Len() < 5<<20 {
		b.WriteString("Russia demanded a ceasefire and Ukraine rejected the proposal for new elections, officials said; ")
	}
	tests := []struct {
		name string
		text string
	}{
		{"5 MB single line", b.String()},
		{"only punctuation", strings.Repeat(".,;:!?-–—\"'“”()[]**… ", 500)},
		{"empty", ""},
		{"newlines", "\n\n\n\r\n"},
		{"invalid utf8", "Russia demanded \xff\xfe a ceasefire\xc3."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := x.Extract(doc(tt.text))
			checkSpans(t, tt.text, cs)
		})
	}
}

func TestLoadLexiconOverride(t *testing.T) {
	dir := t.TempDir()
	user := "version: user1\nacts:\n  - act: demand\n    grammar: verb\n    cues: [clamoured for]\nissues:\n  - issue: economy\n    cues: [fishing rights]\n"
	if err := os.WriteFile(filepath.Join(dir, "extra.yaml"), []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	lex, err := extract.LoadLexicon(dir)
	if err != nil {
		t.Fatal(err)
	}
	base, err := extract.LoadLexicon("")
	if err != nil {
		t.Fatal(err)
	}
	if lex.VersionString() == base.VersionString() {
		t.Errorf("version did not change: %s", lex.VersionString())
	}
	if !strings.Contains(lex.VersionString(), "user1") {
		t.Errorf("version %q lacks the user version", lex.VersionString())
	}
	r, _ := extract.NewStarterResolver()
	x, err := extract.New(lex, r)
	if err != nil {
		t.Fatal(err)
	}
	got := claimKeys(x.Extract(doc("Norway clamoured for fishing rights.")))
	if strings.Join(got, ";") != "Norway demand economy" {
		t.Errorf("got %q", got)
	}

	// A user file can also override an embedded cue: here "insists on"
	// becomes a proposal.
	over := "version: user2\nacts:\n  - act: propose\n    grammar: verb\n    cues: [insists on]\n"
	dir2 := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir2, "over.yaml"), []byte(over), 0o644); err != nil {
		t.Fatal(err)
	}
	lex2, err := extract.LoadLexicon(dir2)
	if err != nil {
		t.Fatal(err)
	}
	x2, err := extract.New(lex2, r)
	if err != nil {
		t.Fatal(err)
	}
	got = claimKeys(x2.Extract(doc("Hamas insists on a truce.")))
	if strings.Join(got, ";") != "Hamas propose ceasefire" {
		t.Errorf("override: got %q", got)
	}
}

func TestLoadLexiconErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown field", "version: x\nacts:\n  - act: demand\n    grammer: verb\n", "bad.yaml:4:"},
		{"unknown act", "version: x\nacts:\n  - act: plead\n    grammar: verb\n    cues: [plead]\n", "unknown act"},
		{"unknown issue", "version: x\nissues:\n  - issue: weather\n    cues: [rain]\n", "unknown issue"},
		{"bad grammar", "version: x\nacts:\n  - act: demand\n    grammar: adverb\n    cues: [x]\n", "unknown grammar"},
		{"syntax", "version: [x\n", "bad.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := extract.LoadLexicon(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestReadDocsJSONL(t *testing.T) {
	in := `{"id":"a1","url":"https://x.example/a","outlet":"X","published":"2024-06-12","title":"T","text":"Hamas demanded a truce."}
{"id":"b2","url":"","outlet":"","published":"","title":"","text":"Egypt offered talks."}
`
	docs, err := extract.ReadDocsJSONL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "a1" || docs[0].SourceID != "a1" || docs[0].Published.Format("2006-01-02") != "2024-06-12" ||
		docs[0].PublishedPrecision != model.PrecisionDay || !docs[1].Published.IsZero() {
		t.Fatalf("docs %+v", docs)
	}
	for _, bad := range []string{`{"id":"x","published":"12/06/2024","text":"a"}`, `{"text":"no id"}`, `{"id":"x","text":"a","extra":1}`, `{`} {
		if _, err := extract.ReadDocsJSONL(strings.NewReader(bad)); err == nil {
			t.Errorf("no error for %s", bad)
		}
	}
}

// TestConcurrentExtract runs one extractor from several goroutines (run
// with -race).
func TestConcurrentExtract(t *testing.T) {
	x := starterExtractor(t)
	docs := benchCorpus(8, 3)
	want := make([]string, len(docs))
	for i, d := range docs {
		want[i] = fmt.Sprint(claimKeys(x.Extract(d)))
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			for i, d := range docs {
				if got := fmt.Sprint(claimKeys(x.Extract(d))); got != want[i] {
					done <- fmt.Errorf("doc %d: concurrent result differs", i)
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
