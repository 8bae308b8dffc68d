package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"parley/internal/model"
	"parley/internal/store"
)

// benchTexts returns n distinct texts of about size bytes made of words
// drawn from a small vocabulary, as a stand-in for news reports.
func benchTexts(n, size int, rng *rand.Rand) []string {
	// 4,000 distinct words, as in a real corpus: the full-text index costs
	// more with a larger vocabulary.
	base := strings.Fields(`the talks ceasefire delegation minister said would demand reject accept
		withdrawal troops border region prisoners exchange humanitarian corridor aid sanctions
		government opposition envoy mediator round capital officials according statement
		agreement framework security guarantees referendum autonomy elections monitors
		on of in to and a for with after before during week month spokesman foreign`)
	var vocab []string
	for i := 0; len(vocab) < 4000; i++ {
		for _, w := range base {
			vocab = append(vocab, fmt.Sprintf("%s%d", w, i))
		}
	}
	texts := make([]string, n)
	var b strings.Builder
	for i := range texts {
		b.Reset()
		for b.Len() < size {
			b.WriteString(vocab[rng.IntN(len(vocab))])
			if rng.IntN(12) == 0 {
				b.WriteString(". ")
			} else {
				b.WriteByte(' ')
			}
		}
		texts[i] = b.String()
	}
	return texts
}

// BenchmarkAddDocuments stores 4 KB documents in batches of 2,000 (as ingest does), with
// near-duplicate lookup and full-text indexing, and reports documents per
// second of wall time and per second of CPU time (the process's user and
// system time, which stays meaningful on a busy machine). Run it with
// -cpu 1 for the figure on one core.
func BenchmarkAddDocuments(b *testing.B) {
	const batchSize = 2000
	// A cancellable context, as the command line passes.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "parley.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	texts := benchTexts(batchSize, 4096, rng)
	batch := make([]model.Document, batchSize)
	b.SetBytes(int64(batchSize * 4096))
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		for i := range batch {
			batch[i] = model.Document{
				ID:      fmt.Sprintf("%016x%048x", n, i),
				Outlet:  "Bench Wire",
				Title:   texts[i][:60],
				Text:    texts[i],
				SimHash: rng.Uint64(),
			}
		}
		n++
		// 11 bits, as ingest uses.
		res, err := s.AddDocuments(ctx, batch, 11)
		if err != nil {
			b.Fatal(err)
		}
		if len(res) != batchSize {
			b.Fatalf("%d results", len(res))
		}
	}
	b.ReportMetric(float64(n*batchSize)/b.Elapsed().Seconds(), "docs/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n*batchSize)/cpu.Seconds(), "docs/cpu-s")
	}
}
