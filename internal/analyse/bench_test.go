package analyse

import (
	"math/rand/v2"
	"os"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user + system CPU time: on a shared machine it
// measures the work better than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loopCPU runs f in b.Loop and reports the CPU milliseconds per operation.
func loopCPU(b *testing.B, f func()) {
	start, n := cpuTime(), 0
	for b.Loop() {
		f()
		n++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(n), "cpu-ms/op")
}

// randomFixedDomain has issues × options options with random weights and scores.
func randomFixedDomain(seed uint64, issues, options int) *Domain {
	rng := rand.New(rand.NewPCG(seed, 7))
	d := &Domain{}
	for i := range issues {
		is := DomainIssue{Name: "i" + itoa(i)}
		for j := range options {
			is.Options = append(is.Options, itoa(j))
		}
		d.Issues = append(d.Issues, is)
	}
	for p := range 2 {
		party := Party{Name: []string{"A", "B"}[p], Weights: map[string]float64{}, Scores: map[string][]float64{}}
		for _, is := range d.Issues {
			party.Weights[is.Name] = rng.Float64()
			sc := make([]float64, options)
			for j := range sc {
				sc[j] = rng.Float64()
			}
			party.Scores[is.Name] = sc
		}
		d.Parties = append(d.Parties, party)
	}
	return d
}

// zeroSumDomain has issues two-option issues on which one party's gain is
// the other's loss.
func zeroSumDomain(seed uint64, issues int) *Domain {
	rng := rand.New(rand.NewPCG(seed, 9))
	d := &Domain{Parties: []Party{
		{Name: "A", Weights: map[string]float64{}, Scores: map[string][]float64{}},
		{Name: "B", Weights: map[string]float64{}, Scores: map[string][]float64{}},
	}}
	for i := range issues {
		name := "i" + itoa(i)
		d.Issues = append(d.Issues, DomainIssue{Name: name, Options: []string{"a", "b"}})
		w := rng.Float64()
		d.Parties[0].Weights[name], d.Parties[1].Weights[name] = w, w
		d.Parties[0].Scores[name] = []float64{1, 0}
		d.Parties[1].Scores[name] = []float64{0, 1}
	}
	return d
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

func BenchmarkFrontier100x5(b *testing.B) {
	d := randomFixedDomain(1, 100, 5)
	var n int
	loopCPU(b, func() {
		f, err := ParetoFrontier(d, 0)
		if err != nil {
			b.Fatal(err)
		}
		n = len(f.Points)
	})
	b.ReportMetric(float64(n), "points")
}

func BenchmarkZeroSum20Epsilon(b *testing.B) {
	d := zeroSumDomain(1, 20)
	var n int
	loopCPU(b, func() {
		f, err := ParetoFrontier(d, 0.001)
		if err != nil {
			b.Fatal(err)
		}
		n = len(f.Points)
	})
	b.ReportMetric(float64(n), "points")
}

func BenchmarkDEU3AllModels(b *testing.B) {
	p := deu3Path(b)
	f, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	d, err := ReadDEU3(f, p)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	loopCPU(b, func() {
		// New models each time: the fitted expected-utility model caches
		// its runs.
		if _, err := Backtest(d.Issues, DEU3Models(ModelOptions{}), true); err != nil {
			b.Fatal(err)
		}
	})
}
