package store

import (
	"strings"
	"testing"
)

// TestSimHashVotes checks SimHash against its definition over
// ShingleHashes: a bit is set when more than half of the shingle hashes
// have it.
func TestSimHashVotes(t *testing.T) {
	for _, text := range []string{"", "one", "One two", "Ünïcödé wörds, İstanbul and Tigray's talks.", "a b c d e f g",
		strings.Repeat("The envoy said talks would resume. ", 100)} {
		hashes := ShingleHashes(nil, text)
		var want uint64
		for bit := range 64 {
			n := 0
			for _, h := range hashes {
				n += int(h >> bit & 1)
			}
			if 2*n > len(hashes) {
				want |= 1 << bit
			}
		}
		if got := SimHash(text); got != want {
			t.Errorf("SimHash(%.20q) = %016x, want %016x", text, got, want)
		}
	}
}

func TestShingles(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"the envoy met the minister today", "The envoy met the minister today.", 1},
		{"the envoy met the minister today", "the envoy met the minister today and left", 1},
		{"the envoy met the minister today", "the envoy met a minister today", 0.25},
		{"Tigray's envoy met them", "tigrays envoy met them", 1},
		{"", "anything at all here", 0},
	} {
		if got := containment(shingleSet(tc.a), shingleSet(tc.b)); got != tc.want {
			t.Errorf("containment(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
