package extract

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"
)

// referenceFind finds the cues as the matcher did before it looked up
// heads: an Aho–Corasick automaton over every pattern reports all
// overlapping matches, those not on word boundaries are dropped, then the
// leftmost-longest are kept.
func referenceFind(m *matcher, ac ahocorasick.AhoCorasick, text []byte) []hit {
	var all []hit
	it := ac.IterOverlappingByte(text)
	for mt := it.Next(); mt != nil; mt = it.Next() {
		s, e := mt.Start(), mt.End()
		p := m.patterns[mt.Pattern()]
		if isWordByte(p[0]) && s > 0 && isWordByte(text[s-1]) {
			continue
		}
		if isWordByte(p[len(p)-1]) && e < len(text) && isWordByte(text[e]) {
			continue
		}
		all = append(all, hit{start: s, end: e, pat: mt.Pattern()})
	}
	slices.SortFunc(all, func(a, b hit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	var out []hit
	last := -1
	for _, h := range all {
		if h.start >= last {
			out = append(out, h)
			last = h.end
		}
	}
	return out
}

// TestMatcherMatchesAhoCorasick compares the matcher with the reference on
// the example reports, the development set when present, and text made of
// pieces of the patterns themselves glued with spaces, punctuation and
// word bytes (to find matches inside words and cut short at the end).
func TestMatcherMatchesAhoCorasick(t *testing.T) {
	lex, err := LoadLexicon("")
	if err != nil {
		t.Fatal(err)
	}
	m := newMatcher(lex)
	b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.StandardMatch, DFA: true})
	ac := b.Build(m.patterns)
	var texts []string
	for _, path := range mustGlob(t, "../../examples/*") {
		if b, err := os.ReadFile(path); err == nil {
			texts = append(texts, string(b))
		}
	}
	if fh, err := os.Open("../../../shared/eval/dev/docs.jsonl"); err == nil {
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			var d struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &d) == nil {
				texts = append(texts, d.Text)
			}
		}
		fh.Close()
	}
	r := rand.New(rand.NewPCG(1, 2))
	glue := []string{" ", "", ", ", "-", ". ", "s ", "é", ";"}
	for range 200 {
		var b strings.Builder
		for range 40 {
			p := m.patterns[r.IntN(len(m.patterns))]
			if r.IntN(4) == 0 {
				p = p[:r.IntN(len(p))+1]
			}
			b.WriteString(p + glue[r.IntN(len(glue))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		var f folded
		f.fold(text)
		got := m.find(f.text, nil)
		want := referenceFind(m, ac, f.text)
		if !slices.Equal(got, want) {
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Errorf("first difference at hit %d: got %q, want %q", i,
						f.text[got[i].start:got[i].end], f.text[want[i].start:want[i].end])
					break
				}
			}
			t.Fatalf("%d hits, want %d in %.80q", len(got), len(want), text)
		}
	}
}
