package extract

import (
	"slices"
	"strings"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"
)

// Cue kinds.
type cueKind uint8

const (
	kindAct cueKind = iota
	kindNegation
	kindHedge
	kindPrecondition
	kindSalience
	kindIssue
	kindAttrBefore
	kindAttrVerb
	kindAttrRelay
	kindSrcOfficial
	kindSrcAnonymous
	kindSrcMedia
	kindSrcAnalyst
	kindOutlet
	kindAgentHead
	kindReference
	kindJoint
	kindAnaphor
	kindBoundary
	kindIrrealis
	kindMediation
	kindPlanContent
	kindContinuation
	kindPlace
	numKinds
)

var kindNames = [numKinds]string{
	"act", "negation", "hedge", "precondition", "salience", "issue",
	"attribution-before", "attribution-verb", "attribution-relay",
	"source-official", "source-anonymous", "source-media", "source-analyst", "outlet",
	"agent-head", "reference", "joint", "anaphor", "boundary", "irrealis", "mediation", "plan-content",
	"continuation", "place",
}

// cueRef is one meaning of a pattern.
type cueRef struct {
	kind cueKind
	// idx: the act group for kindAct; the issue group for kindIssue.
	idx int
	// ctx is the conditional context of an issue cue, or -1.
	ctx int
	// exact is the case-sensitive form for outlets ("" otherwise).
	exact string
}

// matcher finds every cue of a lexicon in one pass.
type matcher struct {
	// ac finds the patterns of several words or with punctuation; acPat
	// maps its pattern numbers to indices of patterns.
	ac    ahocorasick.AhoCorasick
	acPat []int
	// words maps each pattern that is one word (word bytes only) to its
	// index: those are found by looking up the text's words, which is
	// faster than matching them everywhere inside longer words ("he" in
	// "the", "it" in "with") and rejecting the matches.
	words    map[string]int
	patterns []string
	refs     [][]cueRef // per pattern
	// hasOutlet marks patterns with a case-sensitive outlet meaning.
	hasOutlet []bool
}

// hit is one cue found in a text, with its meanings, as a folded span.
type hit struct {
	start, end int // folded offsets
	pat        int
}

func newMatcher(lex *Lexicon) *matcher {
	m := &matcher{}
	index := map[string]int{}
	add := func(cue string, ref cueRef) {
		p := strings.TrimSpace(foldString(cue))
		if p == "" {
			return
		}
		i, ok := index[p]
		if !ok {
			i = len(m.patterns)
			index[p] = i
			m.patterns = append(m.patterns, p)
			m.refs = append(m.refs, nil)
		}
		// A later entry of the same kind overrides an earlier one.
		for k, r := range m.refs[i] {
			if ref.kind == kindIssue && (r.kind != kindIssue || r.idx != ref.idx || r.ctx != ref.ctx) {
				continue // an issue cue may have several contexts
			}
			if r.kind == ref.kind && r.exact == ref.exact && (ref.kind != kindAct || sameGrammarClass(lex, r.idx, ref.idx)) {
				m.refs[i][k] = ref
				return
			}
		}
		m.refs[i] = append(m.refs[i], ref)
	}
	list := func(cues []string, kind cueKind) {
		for _, c := range cues {
			add(c, cueRef{kind: kind, ctx: -1})
		}
	}
	for gi, g := range lex.Acts {
		for _, c := range g.Cues {
			add(c, cueRef{kind: kindAct, idx: gi, ctx: -1})
		}
	}
	for gi, g := range lex.Issues {
		for _, c := range g.Cues {
			add(c, cueRef{kind: kindIssue, idx: gi, ctx: -1})
		}
		for ci, ctx := range g.Conditional {
			for _, c := range ctx.Cues {
				add(c, cueRef{kind: kindIssue, idx: gi, ctx: ci})
			}
		}
	}
	list(lex.Negations, kindNegation)
	list(lex.Hedges, kindHedge)
	list(lex.Preconditions, kindPrecondition)
	list(lex.Salience, kindSalience)
	a := lex.Attribution
	list(a.Before, kindAttrBefore)
	list(a.Verbs, kindAttrVerb)
	list(a.Relay, kindAttrRelay)
	list(a.Official, kindSrcOfficial)
	list(a.Anonymous, kindSrcAnonymous)
	list(a.Media, kindSrcMedia)
	list(a.Analyst, kindSrcAnalyst)
	for _, c := range a.Outlets {
		add(c, cueRef{kind: kindOutlet, ctx: -1, exact: c})
	}
	list(lex.AgentHeads, kindAgentHead)
	list(lex.References, kindReference)
	list(lex.Joint, kindJoint)
	list(lex.Anaphors, kindAnaphor)
	list(lex.Boundaries, kindBoundary)
	list(lex.Irrealis, kindIrrealis)
	list(lex.Mediation, kindMediation)
	list(lex.PlanContent, kindPlanContent)
	list(lex.Continuation, kindContinuation)
	list(lex.Places, kindPlace)

	m.hasOutlet = make([]bool, len(m.patterns))
	for i, rs := range m.refs {
		for _, r := range rs {
			if r.kind == kindOutlet {
				m.hasOutlet[i] = true
			}
		}
	}
	m.words = map[string]int{}
	var multi []string
	for i, p := range m.patterns {
		if isWord(p) {
			m.words[p] = i
			continue
		}
		multi = append(multi, p)
		m.acPat = append(m.acPat, i)
	}
	b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.StandardMatch, DFA: true})
	m.ac = b.Build(multi)
	return m
}

// isWord reports whether p is made of word bytes only.
func isWord(p string) bool {
	for i := 0; i < len(p); i++ {
		if !isWordByte(p[i]) {
			return false
		}
	}
	return p != ""
}

// sameGrammarClass reports whether two act groups are alternatives for the
// same cue (the same grammar): a later one overrides an earlier one.
func sameGrammarClass(lex *Lexicon, a, b int) bool {
	return lex.Acts[a].Grammar == lex.Acts[b].Grammar
}

// find returns the cues in the folded text: every match on word
// boundaries, then the leftmost-longest of overlapping ones. Patterns that
// begin or end with punctuation need no boundary on that side.
func (m *matcher) find(text []byte, buf []hit) []hit {
	all := buf[:0]
	// One-word patterns: the text's words (maximal runs of word bytes).
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		if k, ok := m.words[string(text[i:j])]; ok {
			all = append(all, hit{start: i, end: j, pat: k})
		}
		i = j
	}
	it := m.ac.IterOverlappingByte(text)
	for mt := it.Next(); mt != nil; mt = it.Next() {
		s, e := mt.Start(), mt.End()
		k := m.acPat[mt.Pattern()]
		p := m.patterns[k]
		if isWordByte(p[0]) && s > 0 && isWordByte(text[s-1]) {
			continue
		}
		if isWordByte(p[len(p)-1]) && e < len(text) && isWordByte(text[e]) {
			continue
		}
		all = append(all, hit{start: s, end: e, pat: k})
	}
	slices.SortFunc(all, func(a, b hit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	// Leftmost-longest, non-overlapping.
	out := all[:0]
	last := -1
	for _, h := range all {
		if h.start < last {
			continue
		}
		out = append(out, h)
		last = h.end
	}
	return out
}
