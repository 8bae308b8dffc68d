package actors

import (
	"hash/maphash"
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
	byFirst map[string][]int // first token → one-token pattern indices
	// byPair maps a hash of the first two tokens to the patterns of two
	// or more tokens, longest first: common first tokens ("the", "al")
	// start hundreds of names, which one lookup on two tokens skips.
	byPair map[uint64][]int
	seed   maphash.Seed
	tokens [][]string // tokens of each pattern
	// firsts is a bit set over a hash of the first tokens: a token whose
	// bit is clear starts no pattern, without a map lookup.
	firsts [firstBits / 64]uint64
}

const firstBits = 1 << 16

// tokenHash hashes a token from its length and first, second and last
// bytes.
func tokenHash(t []byte) uint32 {
	n := len(t)
	h := uint32(n)*0x9E3779B1 ^ uint32(t[0])*0x85EBCA77 ^ uint32(t[n-1])*0xC2B2AE3D
	if n > 1 {
		h ^= uint32(t[1]) * 0x27D4EB2F
	}
	return (h ^ h>>16) & (firstBits - 1)
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

func isASCIIWord(c byte) bool { return asciiWord[c] }

var asciiWord = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
	}
	return t
}()

// newMatcher indexes folded patterns.
func newMatcher(patterns []string) *matcher {
	m := &matcher{byFirst: make(map[string][]int, len(patterns)), byPair: make(map[uint64][]int, len(patterns)),
		seed: maphash.MakeSeed(), tokens: make([][]string, len(patterns))}
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
		if len(toks) == 1 {
			m.byFirst[toks[0]] = append(m.byFirst[toks[0]], id)
		} else {
			h := m.pairHash(b[buf[0].s:buf[0].e], b[buf[1].s:buf[1].e])
			m.byPair[h] = append(m.byPair[h], id)
		}
		h := tokenHash([]byte(toks[0]))
		m.firsts[h/64] |= 1 << (h % 64)
	}
	for k, ids := range m.byPair {
		slices.SortStableFunc(ids, func(a, b int) int { return len(m.tokens[b]) - len(m.tokens[a]) })
		m.byPair[k] = ids
	}
	return m
}

// pairHash hashes two tokens.
func (m *matcher) pairHash(a, b []byte) uint64 {
	return maphash.Bytes(m.seed, a)*0x9E3779B97F4A7C15 ^ maphash.Bytes(m.seed, b)
}

// find calls accept for each leftmost-longest candidate, trying shorter
// patterns at the same token when accept rejects a longer one; accept
// records what it keeps. toks is a buffer for the tokens, returned for
// reuse.
func (m *matcher) find(b []byte, toks []span, accept func(id, fs, fe int) bool) []span {
	toks = tokenize(b, toks[:0])
	lastEnd := 0
	for i, t := range toks {
		if t.s < lastEnd {
			continue
		}
		if h := tokenHash(b[t.s:t.e]); m.firsts[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		matched := false
		if i+1 < len(toks) {
			u := toks[i+1]
		pairs:
			for _, id := range m.byPair[m.pairHash(b[t.s:t.e], b[u.s:u.e])] {
				pt := m.tokens[id]
				if i+len(pt) > len(toks) {
					continue
				}
				for k := range pt {
					u := toks[i+k]
					if string(b[u.s:u.e]) != pt[k] {
						continue pairs
					}
				}
				fe := toks[i+len(pt)-1].e
				if accept(id, t.s, fe) {
					lastEnd, matched = fe, true
					break
				}
			}
		}
		if matched {
			continue
		}
		for _, id := range m.byFirst[string(b[t.s:t.e])] {
			if accept(id, t.s, t.e) {
				lastEnd = t.e
				break
			}
		}
	}
	return toks
}
