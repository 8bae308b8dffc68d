package extract

import (
	"slices"
	"strings"
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

// matcher finds every cue of a lexicon in one pass over the text's words.
//
// A pattern that begins with a word byte can only match where a word of
// the text begins (cues match on word boundaries), and its first word
// must then be that whole word: a pattern's first word ends where a
// non-word byte follows, and so must the text's. So the text's words are
// looked up in a map of first words (heads), and only the patterns with
// that head are compared further, walking their sorted remainders byte by
// byte. The few patterns that begin with punctuation ("-backed", ", which")
// are looked for at each such byte. This does the work of an Aho–Corasick
// automaton over all patterns (which the stack names) in less time: the
// automaton steps through every byte and reports every match inside longer
// words ("he" in "the") only for it to be rejected.
type matcher struct {
	// heads maps the first word of each pattern that begins with a word
	// byte to its patterns.
	heads map[string]*patternGroup
	// headBits has the bit of each head's headHash set.
	headBits [headBits / 64]uint64
	// punct holds, per first byte, the patterns that begin with a
	// non-word byte.
	punct    [256]*patternGroup
	patterns []string
	refs     [][]cueRef // per pattern
	// hasOutlet marks patterns with a case-sensitive outlet meaning.
	hasOutlet []bool
}

// patternGroup is the patterns that share a head.
type patternGroup struct {
	// whole is the pattern that is the head alone, or -1.
	whole int
	// rests are the other patterns' remainders after the head, sorted,
	// and pats their pattern indices.
	rests []string
	pats  []int
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
	m.heads = map[string]*patternGroup{}
	group := func(g *patternGroup) *patternGroup {
		if g == nil {
			g = &patternGroup{whole: -1}
		}
		return g
	}
	for i, p := range m.patterns {
		if !isWordByte(p[0]) {
			g := group(m.punct[p[0]])
			m.punct[p[0]] = g
			if len(p) == 1 {
				g.whole = i
			} else {
				g.rests = append(g.rests, p[1:])
				g.pats = append(g.pats, i)
			}
			continue
		}
		j := 1
		for j < len(p) && isWordByte(p[j]) {
			j++
		}
		g := group(m.heads[p[:j]])
		m.heads[p[:j]] = g
		h := headHash([]byte(p[:j]))
		m.headBits[h/64] |= 1 << (h % 64)
		if j == len(p) {
			g.whole = i
		} else {
			g.rests = append(g.rests, p[j:])
			g.pats = append(g.pats, i)
		}
	}
	sortGroup := func(g *patternGroup) {
		order := make([]int, len(g.rests))
		for k := range order {
			order[k] = k
		}
		slices.SortFunc(order, func(a, b int) int { return strings.Compare(g.rests[a], g.rests[b]) })
		rests, pats := make([]string, len(order)), make([]int, len(order))
		for k, o := range order {
			rests[k], pats[k] = g.rests[o], g.pats[o]
		}
		g.rests, g.pats = rests, pats
	}
	for _, g := range m.heads {
		sortGroup(g)
	}
	for _, g := range m.punct {
		if g != nil {
			sortGroup(g)
		}
	}
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
// boundaries, keeping the leftmost-longest of overlapping ones. Patterns
// that begin or end with punctuation need no boundary on that side.
func (m *matcher) find(text []byte, buf []hit) []hit {
	out := buf[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if !isWordByte(c) {
			if g := m.punct[c]; g != nil {
				out = m.rest(text, i, i+1, g, out)
			}
			i++
			continue
		}
		j := i + 1
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		if h := headHash(text[i:j]); m.headBits[h/64]&(1<<(h%64)) != 0 {
			if g := m.heads[string(text[i:j])]; g != nil {
				out = m.rest(text, i, j, g, out)
			}
		}
		i = j
	}
	return out
}

// keep adds a match to out, which holds the leftmost-longest matches so
// far: matches come in order of their start, and at one start shorter
// first, so a match at the start of the last one replaces it, and one
// that begins inside the last one is dropped.
func keep(out []hit, h hit) []hit {
	if n := len(out); n > 0 {
		last := &out[n-1]
		if last.start == h.start {
			if h.end > last.end {
				*last = h
			}
			return out
		}
		if h.start < last.end {
			return out
		}
	}
	return append(out, h)
}

// rest adds the matches of g's patterns whose head is text[s:j]: the head
// alone, and each remainder that text continues with, where the match
// ends on a word boundary (or in punctuation).
func (m *matcher) rest(text []byte, s, j int, g *patternGroup, out []hit) []hit {
	if g.whole >= 0 {
		// A word head ends where the text's word does; a punctuation
		// head needs no boundary.
		out = keep(out, hit{start: s, end: j, pat: g.whole})
	}
	lo, hi := 0, len(g.rests)
	for d := 0; lo < hi; d++ {
		// Remainders of length d sort first in the range: they match.
		for lo < hi && len(g.rests[lo]) == d {
			e := j + d
			if r := g.rests[lo]; !isWordByte(r[d-1]) || e == len(text) || !isWordByte(text[e]) {
				out = keep(out, hit{start: s, end: e, pat: g.pats[lo]})
			}
			lo++
		}
		if j+d >= len(text) || lo >= hi {
			break
		}
		// Narrow to the remainders whose byte d is c: two binary
		// searches, the range being sorted on byte d.
		c := text[j+d]
		lo = searchByte(g.rests, lo, hi, d, c)
		if c < 0xff { // else every remainder left has 0xff there
			hi = searchByte(g.rests, lo, hi, d, c+1)
		}
	}
	return out
}

// searchByte returns the first k in [lo, hi) whose rests[k][d] >= c, or
// hi; rests[lo:hi] all have a byte d and are sorted on it.
func searchByte(rests []string, lo, hi, d int, c byte) int {
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if rests[mid][d] < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// headBits is the size of the bit set of head hashes.
const headBits = 1 << 14

// headHash hashes a word from its length and first, second and last
// bytes, for the bit set that lets most words skip the map lookup.
func headHash(w []byte) uint32 {
	n := len(w)
	h := uint32(n)*0x9E3779B1 ^ uint32(w[0])*0x85EBCA77 ^ uint32(w[n-1])*0xC2B2AE3D
	if n > 1 {
		h ^= uint32(w[1]) * 0x27D4EB2F
	}
	return (h ^ h>>15) & (headBits - 1)
}
