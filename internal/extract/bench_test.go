package extract_test

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"parley/internal/extract"
	"parley/internal/model"
)

// Vocabulary for a generated corpus of news-like text.
var (
	benchActors = []string{"Russia", "Ukraine", "the Kremlin", "Kyiv", "Hamas", "Israel", "Egypt", "Qatar",
		"the United States", "Washington", "Putin", "Zelensky", "the Russian side", "Ukrainian negotiators",
		"the group", "Armenia", "Azerbaijan", "the RSF", "the Taliban", "Qatari and Egyptian mediators"}
	benchVerbs = []string{"demanded", "insists on", "proposed", "offered", "rejected", "refused to accept",
		"accepted", "agreed to", "no longer insists on", "dropped its demand for", "called for", "is ready to discuss",
		"did not reject", "will not agree to", "opposes", "backed"}
	benchObjects = []string{"a permanent ceasefire", "the withdrawal of troops", "control of the eastern regions",
		"recognition of the annexation", "neutrality and no NATO membership", "international security guarantees",
		"the demilitarization of the army", "new elections", "the status of the Russian language",
		"the release of all hostages and prisoners", "humanitarian aid access", "the lifting of sanctions",
		"an amnesty for fighters", "direct talks in Istanbul", "a new round of negotiations", "the reconstruction fund"}
	benchFrames = []string{"", "According to people familiar with the matter, ", "A senior official said that ",
		"Analysts believe that ", "Reportedly, ", "The newspaper reported that ", "Sources revealed that "}
	benchTails = []string{".", ", officials said.", ", according to Reuters.", " before negotiations can begin.",
		", the sources said.", " – reports.", ", a spokesman told the AP.", " as a precondition for any deal."}
	benchFiller = []string{"The talks took place in a hotel near the border on Tuesday.",
		"Shelling continued overnight in several districts, local authorities said.",
		"It was not immediately clear when the next round would begin.",
		"The delegations met for about three hours behind closed doors.",
		"Prices of grain and fuel rose again last week."}
)

// benchCorpus generates n documents of news-like text.
func benchCorpus(n int, seed uint64) []model.Document {
	r := rand.New(rand.NewPCG(seed, seed+1))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	docs := make([]model.Document, n)
	for i := range docs {
		var b strings.Builder
		b.WriteString("Talks resume as " + pick(benchActors) + " weighs new terms\n\n")
		for p := 0; p < 6; p++ {
			for s := 0; s < 4; s++ {
				if r.IntN(3) == 0 {
					b.WriteString(pick(benchFiller))
				} else {
					frame := pick(benchFrames)
					actor := pick(benchActors)
					if frame != "" {
						actor = strings.ToLower(actor[:1]) + actor[1:]
						if strings.HasPrefix(actor, "putin") || strings.HasPrefix(actor, "zelensky") || strings.HasPrefix(actor, "russia") ||
							strings.HasPrefix(actor, "ukraine") || strings.HasPrefix(actor, "hamas") || strings.HasPrefix(actor, "israel") ||
							strings.HasPrefix(actor, "egypt") || strings.HasPrefix(actor, "qatar") || strings.HasPrefix(actor, "armenia") ||
							strings.HasPrefix(actor, "azerbaijan") || strings.HasPrefix(actor, "kyiv") || strings.HasPrefix(actor, "washington") ||
							strings.HasPrefix(actor, "ukrainian") || strings.HasPrefix(actor, "qatari") {
							actor = strings.ToUpper(actor[:1]) + actor[1:]
						}
					}
					b.WriteString(frame + actor + " " + pick(benchVerbs) + " " + pick(benchObjects) + " and " + pick(benchObjects) + pick(benchTails))
				}
				b.WriteString(" ")
			}
			b.WriteString("\n\n")
		}
		docs[i] = model.Document{ID: "bench", Text: b.String(), Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
	}
	return docs
}

// BenchmarkExtract measures the whole extraction (sentences, cue
// matching, party mentions, rules) one document at a time, with the
// default resolver (the actor gazetteer when it is populated) and with
// the starter resolver alone. Run with -cpu 1 for the one-core figure.
func BenchmarkExtract(b *testing.B) {
	lex, err := extract.LoadLexicon("")
	if err != nil {
		b.Fatal(err)
	}
	def, err := extract.DefaultResolver()
	if err != nil {
		b.Fatal(err)
	}
	starter, err := extract.NewStarterResolver()
	if err != nil {
		b.Fatal(err)
	}
	docs := benchCorpus(200, 7)
	total := 0
	for _, d := range docs {
		total += len(d.Text)
	}
	for _, bc := range []struct {
		name string
		r    extract.Resolver
	}{{"default", def}, {"starter", starter}} {
		x, err := extract.New(lex, bc.r)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(total))
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					x.Extract(d)
				}
			}
		})
	}
}

// TestMemoryDoesNotGrow extracts a thousand documents one at a time and
// checks that the live heap afterwards is no larger than after the first
// fifty: the extractor keeps nothing per document.
func TestMemoryDoesNotGrow(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	x := starterExtractor(t)
	docs := benchCorpus(50, 11)
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	for _, d := range docs {
		x.Extract(d)
	}
	before := heap()
	for range 20 {
		for _, d := range docs {
			x.Extract(d)
		}
	}
	if after := heap(); after > before+2<<20 {
		t.Errorf("live heap grew from %d to %d bytes over 1,000 documents", before, after)
	}
}
