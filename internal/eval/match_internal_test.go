package eval

import (
	"math/rand/v2"
	"testing"
)

// bruteMax is the size of a maximum matching, by trying every choice.
func bruteMax(l int, adj [][]int, used map[int]bool) int {
	if l == len(adj) {
		return 0
	}
	best := bruteMax(l+1, adj, used) // leave l unmatched
	for _, r := range adj[l] {
		if !used[r] {
			used[r] = true
			best = max(best, 1+bruteMax(l+1, adj, used))
			used[r] = false
		}
	}
	return best
}

// TestMaxMatchingAgainstBruteForce checks on random small graphs that the
// matching is one to one, uses only edges of the graph and is as large as
// the best matching found by exhaustive search.
func TestMaxMatchingAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		nl, nr := 1+rng.IntN(6), 1+rng.IntN(6)
		adj := make([][]int, nl)
		edge := map[[2]int]bool{}
		for l := range nl {
			for _, r := range rng.Perm(nr) {
				if rng.IntN(3) == 0 {
					adj[l] = append(adj[l], r)
					edge[[2]int{l, r}] = true
				}
			}
		}
		m := maxMatching(nl, nr, adj)
		size, usedR := 0, map[int]bool{}
		for l, r := range m {
			if r < 0 {
				continue
			}
			if !edge[[2]int{l, r}] {
				t.Fatalf("trial %d: pair %d-%d is not an edge of %v", trial, l, r, adj)
			}
			if usedR[r] {
				t.Fatalf("trial %d: right vertex %d matched twice: %v", trial, r, m)
			}
			usedR[r] = true
			size++
		}
		if want := bruteMax(0, adj, map[int]bool{}); size != want {
			t.Fatalf("trial %d: matching of size %d, maximum is %d; graph %v, matching %v", trial, size, want, adj, m)
		}
	}
}

// TestMaxMatchingPrefersBest checks that without contention each left
// vertex gets its first (best) candidate.
func TestMaxMatchingPrefersBest(t *testing.T) {
	m := maxMatching(2, 3, [][]int{{2, 0}, {1, 0}})
	if m[0] != 2 || m[1] != 1 {
		t.Errorf("matching %v, want [2 1]", m)
	}
}
