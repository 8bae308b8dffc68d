package store

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"testing"
)

// flip returns h with k distinct random bits flipped.
func flip(h uint64, k int, rng *rand.Rand) uint64 {
	for _, b := range rng.Perm(64)[:k] {
		h ^= 1 << b
	}
	return h
}

func randomIndex(n int, rng *rand.Rand) *nearIndex {
	x := &nearIndex{}
	seqs := make([]int64, n)
	hashes := make([]uint64, n)
	for i := range hashes {
		seqs[i] = int64(10 + 3*i) // seqs need not be dense
		hashes[i] = rng.Uint64()
	}
	// Plant clusters of near copies so matches at every distance exist.
	for i := 0; i+20 < n; i += 500 {
		for k := 1; k <= 20; k++ {
			hashes[i+k] = flip(hashes[i], k, rng)
		}
	}
	x.add(seqs, hashes)
	return x
}

// TestNearIndexEarliest checks the unrolled scan against the definition:
// the first document within maxHamming bits, whatever the length of the
// index modulo 4.
func TestNearIndexEarliest(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 3, 4, 5, 7, 1001} {
		x := randomIndex(n, rng)
		for _, maxHamming := range []int{0, 3, 8, 14, 20, 64} {
			t.Run(fmt.Sprintf("%d documents within %d bits", n, maxHamming), func(t *testing.T) {
				for q := range 200 {
					h := rng.Uint64()
					if n > 0 && q%4 != 0 {
						h = flip(x.hashes[rng.IntN(n)], rng.IntN(24), rng)
					}
					want, wantOK := int64(0), false
					for i, other := range x.hashes {
						if bits.OnesCount64(h^other) <= maxHamming {
							want, wantOK = x.seqs[i], true
							break
						}
					}
					got, ok := x.earliest(h, maxHamming)
					if got != want || ok != wantOK {
						t.Fatalf("earliest(%016x) = %d, %v; want %d, %v", h, got, ok, want, wantOK)
					}
				}
			})
		}
	}
}

// BenchmarkNearIndex measures one near-duplicate search with no match (the
// costliest case) among 100,000 documents at the distance ingest uses.
func BenchmarkNearIndex(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	x := randomIndex(100_000, rng)
	for b.Loop() {
		x.earliest(rng.Uint64()|1<<63, 14)
	}
}
