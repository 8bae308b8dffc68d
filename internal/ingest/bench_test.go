package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// vocabulary is the word list generated reports draw from.
var vocabulary = func() []string {
	base := strings.Fields(`the talks delegation government ceasefire mediator agreement withdrawal
		forces region disarmament aid access spokesman said demanded proposed rejected accepted
		officials analysts round capital border troops humanitarian corridor prisoners exchange
		week monday tuesday wednesday thursday friday statement committee monitors weapons
		federal regional authority services banking electricity negotiator envoy union african
		peace process implementation timetable precondition concession offer draft text signed`)
	var v []string
	for i := 0; len(v) < 4000; i++ {
		for _, w := range base {
			v = append(v, fmt.Sprintf("%s%d", w, i))
		}
	}
	return v
}()

// genReport writes a report of about size bytes: words drawn at random,
// paragraphs every 60 words, a header block with a title and a date.
func genReport(buf *bytes.Buffer, rng *rand.Rand, n, size int) {
	buf.Reset()
	fmt.Fprintf(buf, "Title: Generated report %d\nOutlet: Bench Wire\nPublished: 2022-11-%02d\n\n", n, 1+n%28)
	words := 0
	for buf.Len() < size {
		buf.WriteString(vocabulary[rng.IntN(len(vocabulary))])
		words++
		if words%60 == 0 {
			buf.WriteString(".\n\n")
		} else {
			buf.WriteByte(' ')
		}
	}
}

// peakHeap samples HeapInuse until stopped and returns the peak.
func peakHeap() (stop func() uint64) {
	var mu sync.Mutex
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		peak = max(peak, m.HeapInuse)
		mu.Unlock()
	}
	wg.Go(func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				sample()
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		sample()
		return peak
	}
}

// peakRSS is the largest resident set size the process has had, in bytes:
// unlike the Go heap it includes SQLite's page cache and memory.
func peakRSS() uint64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return uint64(ru.Maxrss) << 10 // kilobytes on Linux
}

// cpuTime is the CPU time (user and system) this process has used: on a
// shared machine it measures the work better than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkIngestText4KB measures the whole path for 4 KB plain-text
// reports: sniffing, parsing the header block, normalising, SHA-256,
// SimHash, dates, and store.AddDocuments into a real SQLite store in a
// temporary directory, in batches of 2,000. Generating each report (random
// words) is inside the loop, about 5 % of the time.
//
// It reports documents per second of wall time and per second of CPU time
// (user and system, which stays meaningful on a shared machine), the CPU
// time per document, the peak Go heap in use and the peak resident set
// size of the process (which includes SQLite's page cache).
//
//	go test -run XXX -bench IngestText4KB -cpu 1 -benchtime 10000x ./internal/ingest/
func BenchmarkIngestText4KB(b *testing.B) {
	st := openStore(b)
	ctx := context.Background()
	r := newRunner(st, nil, testOptions())
	rng := rand.New(rand.NewPCG(1, 2))
	var buf bytes.Buffer
	runtime.GC()
	stop := peakHeap()
	start, startCPU := time.Now(), cpuTime()
	n := 0
	for b.Loop() {
		genReport(&buf, rng, n, 4096)
		n++
		if err := r.stream(ctx, bytes.NewReader(buf.Bytes()), "report.txt", "file", int64(buf.Len())); err != nil {
			b.Fatal(err)
		}
	}
	if err := r.flush(ctx); err != nil {
		b.Fatal(err)
	}
	elapsed, cpu := time.Since(start), cpuTime()-startCPU
	peak := stop()
	if r.sum.Failed > 0 || r.sum.New+r.sum.NearDuplicates != n {
		b.Fatalf("summary %+v for %d reports", r.sum, n)
	}
	b.ReportMetric(float64(n)/elapsed.Seconds(), "docs/s")
	b.ReportMetric(float64(n)/cpu.Seconds(), "docs/cpu-s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(peakRSS())/(1<<20), "peak-rss-MB")
	b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-µs/doc")
}

// writeJSONL writes n generated records of about size bytes of text.
func writeJSONL(tb testing.TB, path string, n, size int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	rng := rand.New(rand.NewPCG(3, 4))
	var buf bytes.Buffer
	for i := range n {
		genReport(&buf, rng, i, size)
		_, text, _ := strings.Cut(buf.String(), "\n\n")
		rec := map[string]string{"id": fmt.Sprintf("gen-%d", i), "outlet": "Bench Wire", "published": "2022-11-02", "title": fmt.Sprintf("Generated %d", i), "text": text}
		if err := enc.Encode(rec); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkIngestJSONL100k shows that JSON Lines are ingested in constant
// memory: it ingests generated files of 10,000 and 100,000 records (1 KB of
// text each) into fresh stores and reports the peak heap in use during
// each run. Run it once:
//
//	go test -run XXX -bench IngestJSONL100k -benchtime 1x -cpu 1 ./internal/ingest/
func BenchmarkIngestJSONL100k(b *testing.B) {
	dir := b.TempDir()
	for _, n := range []int{10_000, 100_000} {
		path := filepath.Join(dir, fmt.Sprintf("gen-%d.jsonl", n))
		writeJSONL(b, path, n, 1024)
		fi, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			for b.Loop() {
				st := openStore(b)
				runtime.GC()
				stop := peakHeap()
				start, startCPU := time.Now(), cpuTime()
				sum, err := Run(context.Background(), st, []string{path}, nil, testOptions())
				elapsed, cpu := time.Since(start), cpuTime()-startCPU
				peak := stop()
				if err != nil || sum.New+sum.NearDuplicates != n || sum.Failed != 0 {
					b.Fatalf("summary %+v, %v", sum, err)
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(peakRSS())/(1<<20), "peak-rss-MB")
				b.ReportMetric(float64(n)/elapsed.Seconds(), "docs/s")
				b.ReportMetric(float64(n)/cpu.Seconds(), "docs/cpu-s")
				b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
				b.ReportMetric(float64(sum.NearDuplicates), "false-near-dups")
			}
		})
	}
}

// BenchmarkSimHash4KB measures SimHash alone on a 4 KB report.
func BenchmarkSimHash4KB(b *testing.B) {
	var buf bytes.Buffer
	genReport(&buf, rand.New(rand.NewPCG(1, 1)), 0, 4096)
	text := NormalizeText(buf.String())
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		SimHash(text)
	}
}

// BenchmarkNormalizeText4KB measures NormalizeText alone on a 4 KB report.
func BenchmarkNormalizeText4KB(b *testing.B) {
	var buf bytes.Buffer
	genReport(&buf, rand.New(rand.NewPCG(1, 1)), 0, 4096)
	text := buf.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		NormalizeText(text)
	}
}
