package store

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
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
	// Past scanMax, the last 500 join after the tables are built, as a
	// tail.
	split := n
	if n > scanMax+600 {
		split = n - 500
	}
	x.add(seqs[:split], hashes[:split])
	x.add(seqs[split:], hashes[split:])
	return x
}

// TestNearIndexWithin checks the multi-index search against the
// definition: every document within maxHamming bits, in order, whatever
// the size of the index and of its unindexed tail.
func TestNearIndexWithin(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 5, scanMax - 1, scanMax, scanMax + 3*tailMin + 77} {
		x := randomIndex(n, rng)
		if n > scanMax+600 && (x.built == 0 || x.built == n) {
			t.Fatalf("%d documents: %d in the tables, want a tail after them", n, x.built)
		}
		for _, maxHamming := range []int{0, 3, 8, 10, 11, 14, 16, 20, 64} {
			t.Run(fmt.Sprintf("%d documents within %d bits", n, maxHamming), func(t *testing.T) {
				for q := range 100 {
					h := rng.Uint64()
					if n > 0 && q%4 != 0 {
						h = flip(x.hashes[rng.IntN(n)], rng.IntN(24), rng)
					}
					var want []int64
					for i, other := range x.hashes {
						if bits.OnesCount64(h^other) <= maxHamming {
							want = append(want, x.seqs[i])
						}
					}
					if got := x.within(h, maxHamming); !slices.Equal(got, want) {
						t.Fatalf("within(%016x) = %v; want %v", h, got, want)
					}
				}
			})
		}
	}
}

// BenchmarkNearIndex measures one near-duplicate search with no match (the
// costliest case) among 100,000 and 1,000,000 documents at the distance
// ingest uses (11 bits), and the scan it replaced.
func BenchmarkNearIndex(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		rng := rand.New(rand.NewPCG(1, 2))
		x := randomIndex(n, rng)
		b.Run(fmt.Sprintf("index/documents=%d", n), func(b *testing.B) {
			for b.Loop() {
				x.within(rng.Uint64(), 11)
			}
		})
		b.Run(fmt.Sprintf("scan/documents=%d", n), func(b *testing.B) {
			for b.Loop() {
				withinIn(nil, rng.Uint64(), 11, x.hashes, x.seqs)
			}
		})
	}
}

// BenchmarkNearIndexBuild measures rebuilding the tables over 1,000,000
// hashes, which happens once every N/128 documents added.
func BenchmarkNearIndexBuild(b *testing.B) {
	x := randomIndex(1_000_000, rand.New(rand.NewPCG(1, 2)))
	for b.Loop() {
		x.build()
	}
}
