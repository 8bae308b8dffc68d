package actors

import (
	"slices"
	"unicode/utf8"
)

// matcher finds every name of the gazetteer in one pass over folded text,
// leftmost-longest, on whole tokens: a token is a run of letters and
// digits, or one other character (".", "-", "'", "/"); spaces separate
// tokens and a line break is a token no name contains, so names never
// span lines.
//
// It replaces github.com/petar-dambovaliev/aho-corasick, measured here:
// building that automaton over the ~6,600 names took 50–100 ms of CPU per
// Load (600 ms as a DFA), over the whole load budget, and its iterator
// re-scans from each match start; a map from first token to names builds
// in a few milliseconds and needs no word-boundary checks afterwards.
type matcher struct {
	byFirst map[string][]int // first token → pattern indices, longest first
	tokens  [][]string       // tokens of each pattern
}

// span is a token's byte range in folded text.
type span struct{ s, e int }

// tokenize splits folded text into tokens.
func tokenize(b []byte, out []span) []span {
	i := 0
	for i < len(b) {
		c := b[i]
		if c == ' ' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if isASCIIWord(c) {
				j := i + 1
				for j < len(b) {
					if b[j] < utf8.RuneSelf {
						if !isASCIIWord(b[j]) {
							break
						}
						j++
						continue
					}
					r, n := utf8.DecodeRune(b[j:])
					if !isWordRune(r) {
						break
					}
					j += n
				}
				out = append(out, span{i, j})
				i = j
				continue
			}
			out = append(out, span{i, i + 1})
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if !isWordRune(r) {
			out = append(out, span{i, i + n})
			i += n
			continue
		}
		j := i + n
		for j < len(b) {
			r, n := utf8.DecodeRune(b[j:])
			if !isWordRune(r) {
				break
			}
			j += n
		}
		out = append(out, span{i, j})
		i = j
	}
	return out
}

func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
}

// newMatcher indexes folded patterns.
func newMatcher(patterns []string) *matcher {
	m := &matcher{byFirst: make(map[string][]int, len(patterns)), tokens: make([][]string, len(patterns))}
	var buf []span
	for id, p := range patterns {
		b := []byte(p)
		buf = tokenize(b, buf[:0])
		if len(buf) == 0 {
			continue
		}
		toks := make([]string, len(buf))
		for k, t := range buf {
			toks[k] = p[t.s:t.e]
		}
		m.tokens[id] = toks
		m.byFirst[toks[0]] = append(m.byFirst[toks[0]], id)
	}
	for k, ids := range m.byFirst {
		slices.SortStableFunc(ids, func(a, b int) int { return len(m.tokens[b]) - len(m.tokens[a]) })
		m.byFirst[k] = ids
	}
	return m
}

// find calls accept for each leftmost-longest candidate, trying shorter
// patterns at the same token when accept rejects a longer one. It returns
// nothing; accept records what it keeps.
func (m *matcher) find(b []byte, accept func(id, fs, fe int) bool) {
	toks := tokenize(b, make([]span, 0, len(b)/5+1))
	lastEnd := 0
	for i, t := range toks {
		if t.s < lastEnd {
			continue
		}
		ids := m.byFirst[string(b[t.s:t.e])]
	next:
		for _, id := range ids {
			pt := m.tokens[id]
			if i+len(pt) > len(toks) {
				continue
			}
			for k := 1; k < len(pt); k++ {
				u := toks[i+k]
				if string(b[u.s:u.e]) != pt[k] {
					continue next
				}
			}
			fe := toks[i+len(pt)-1].e
			if accept(id, t.s, fe) {
				lastEnd = fe
				break
			}
		}
	}
}
