package analyse

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// itexCypress is the Itex–Cypress domain of the vectors file.
func itexCypress() *Domain {
	issues := []DomainIssue{
		{"price", []string{"$4.37", "$4.12", "$3.98", "$3.71", "$3.47"}},
		{"delivery", []string{"60 days", "45 days", "30 days", "20 days"}},
		{"payment", []string{"on delivery", "+30 days", "+60 days"}},
		{"returns", []string{"full", "5 %", "10 %"}},
	}
	party := func(name string, rv float64, w []float64, sc [][]float64) Party {
		p := Party{Name: name, Reservation: rv, Weights: map[string]float64{}, Scores: map[string][]float64{}}
		for i, is := range issues {
			p.Weights[is.Name] = w[i]
			p.Scores[is.Name] = sc[i]
		}
		return p
	}
	return &Domain{Issues: issues, Parties: []Party{
		party("Itex", .603307, []float64{.28841, .19127, .24219, .27813},
			[][]float64{{30, 20, 10, 5, 1}, {1, 20, 10, 5}, {10, 25, 1}, {1, 30, 5}}),
		party("Cypress", .718113, []float64{.47048, .12216, .17719, .23017},
			[][]float64{{1, 10, 25, 33, 40}, {1, 10, 19, 25}, {15, 6, 1}, {20, 7, 1}}),
	}}
}

func optionNames(d *Domain, p Package) []string {
	out := make([]string, len(p.Options))
	for i, j := range p.Options {
		out[i] = d.Issues[i].Options[j]
	}
	return out
}

func TestItexCypress(t *testing.T) {
	d := itexCypress()
	r, err := AnalysePackages(d, 0, DisagreeZero)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(r.Frontier.Points); n != 18 {
		t.Errorf("%d Pareto-optimal packages, want 18", n)
	}
	if len(r.ZOPA) != 0 {
		t.Errorf("ZOPA has %d packages, want none", len(r.ZOPA))
	}
	if r.BestForB == nil {
		t.Fatal("no best package for Cypress")
	}
	// The vectors file prints the weights to 5 decimals, so utilities
	// computed from them can differ from its 6-decimal figures by a few
	// units of 1e-6 (0.7212037, 0.6707795, 0.7147573 here).
	const tol = 3e-6
	if !near(r.BestForB.UB, 0.714758, tol) || !near(r.ShortfallB, 0.003355, tol) {
		t.Errorf("best Cypress utility %.6f short by %.6f, want 0.714758 short by 0.003355", r.BestForB.UB, r.ShortfallB)
	}
	if got, want := optionNames(d, *r.BestForB), []string{"$3.47", "30 days", "+30 days", "5 %"}; !slices.Equal(got, want) {
		t.Errorf("best Cypress package %v, want %v", got, want)
	}
	want := []string{"$3.47", "45 days", "+30 days", "5 %"}
	for name, sol := range map[string][]Package{"nash": r.Nash, "max welfare": r.MaxWelfare} {
		if len(sol) != 1 {
			t.Fatalf("%s: %d packages, want 1", name, len(sol))
		}
		if got := optionNames(d, sol[0]); !slices.Equal(got, want) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
		if !near(sol[0].UA, 0.721203, tol) || !near(sol[0].UB, 0.670781, tol) {
			t.Errorf("%s utilities (%.6f, %.6f), want (0.721203, 0.670781)", name, sol[0].UA, sol[0].UB)
		}
	}
	if len(r.KalaiSmorodinsky) == 0 || len(r.Egalitarian) == 0 {
		t.Error("no Kalai–Smorodinsky or egalitarian package")
	}
	// With the reservation values as disagreement point and no ZOPA, no
	// package is individually rational: the solutions are empty.
	rr, err := AnalysePackages(d, 0, DisagreeReservation)
	if err != nil {
		t.Fatal(err)
	}
	if len(rr.Nash)+len(rr.KalaiSmorodinsky)+len(rr.Egalitarian)+len(rr.MaxWelfare) != 0 {
		t.Error("solutions outside the (empty) ZOPA with the reservation disagreement point")
	}
}

// bruteFrontier enumerates every package and keeps the non-dominated ones.
func bruteFrontier(d *Domain) []Package {
	c := d.contributions()
	var all []Package
	opts := make([]int, len(d.Issues))
	var rec func(i int, ua, ub float64)
	rec = func(i int, ua, ub float64) {
		if i == len(d.Issues) {
			all = append(all, Package{Options: slices.Clone(opts), UA: ua, UB: ub})
			return
		}
		for j := range d.Issues[i].Options {
			opts[i] = j
			rec(i+1, ua+c[i][j][0], ub+c[i][j][1])
		}
	}
	rec(0, 0, 0)
	var out []Package
	for _, p := range all {
		dominated := false
		for _, q := range all {
			if q.UA >= p.UA-tieTol && q.UB >= p.UB-tieTol && (q.UA > p.UA+tieTol || q.UB > p.UB+tieTol) {
				dominated = true
				break
			}
		}
		if !dominated {
			out = append(out, p)
		}
	}
	return out
}

func randomDomain(rng *rand.Rand, issues, maxOptions int, integer bool) *Domain {
	d := &Domain{}
	for i := range issues {
		n := 1 + rng.IntN(maxOptions)
		is := DomainIssue{Name: string(rune('a' + i))}
		for j := range n {
			is.Options = append(is.Options, string(rune('0'+j)))
		}
		d.Issues = append(d.Issues, is)
	}
	for p := range 2 {
		party := Party{Name: []string{"A", "B"}[p], Weights: map[string]float64{}, Scores: map[string][]float64{}}
		for _, is := range d.Issues {
			party.Weights[is.Name] = rng.Float64()
			sc := make([]float64, len(is.Options))
			for j := range sc {
				if integer { // small integers make ties frequent
					sc[j] = float64(1 + rng.IntN(3))
				} else {
					sc[j] = rng.Float64()
				}
			}
			party.Scores[is.Name] = sc
		}
		d.Parties = append(d.Parties, party)
	}
	return d
}

func utilityPairs(ps []Package) [][2]float64 {
	out := make([][2]float64, len(ps))
	for i, p := range ps {
		out[i] = [2]float64{p.UA, p.UB}
	}
	slices.SortFunc(out, func(a, b [2]float64) int {
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		if a[1] < b[1] {
			return -1
		} else if a[1] > b[1] {
			return 1
		}
		return 0
	})
	return out
}

func TestFrontierMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		d := randomDomain(rng, 1+rng.IntN(5), 4, trial%2 == 0)
		f, err := ParetoFrontier(d, 0)
		if err != nil {
			t.Fatal(err)
		}
		got, want := utilityPairs(f.Points), utilityPairs(bruteFrontier(d))
		if len(got) != len(want) {
			t.Fatalf("trial %d: merged frontier has %d points, brute force %d", trial, len(got), len(want))
		}
		for i := range got {
			if !near(got[i][0], want[i][0], 1e-12) || !near(got[i][1], want[i][1], 1e-12) {
				t.Fatalf("trial %d: point %d = %v, brute force %v", trial, i, got[i], want[i])
			}
		}
		for _, p := range f.Points {
			ua, ub := d.Utilities(p.Options)
			if !near(ua, p.UA, 1e-12) || !near(ub, p.UB, 1e-12) {
				t.Fatalf("trial %d: package %v has utilities (%v, %v), listed as (%v, %v)", trial, p.Options, ua, ub, p.UA, p.UB)
			}
		}
	}
	t.Run("itex-cypress", func(t *testing.T) {
		d := itexCypress()
		f, _ := ParetoFrontier(d, 0)
		if got, want := utilityPairs(f.Points), utilityPairs(bruteFrontier(d)); !slices.Equal(got, want) {
			t.Errorf("merged %v\nbrute %v", got, want)
		}
	})
}

func TestEpsilonFrontier(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 50 {
		d := randomDomain(rng, 2+rng.IntN(5), 4, false)
		const eps = 0.05
		f, err := ParetoFrontier(d, eps)
		if err != nil {
			t.Fatal(err)
		}
		// Every true Pareto point is within eps of a listed point.
		for _, p := range bruteFrontier(d) {
			ok := false
			for _, q := range f.Points {
				if q.UA >= p.UA-eps-1e-12 && q.UB >= p.UB-eps-1e-12 {
					ok = true
					break
				}
			}
			if !ok {
				t.Fatalf("trial %d: Pareto point (%v, %v) not covered within %v", trial, p.UA, p.UB, eps)
			}
		}
	}
}

func TestBargainingTiesAndZOPA(t *testing.T) {
	// Two equally weighted zero-sum issues: in the two fair packages each
	// party wins one issue; they tie on every solution.
	d := &Domain{
		Issues: []DomainIssue{{"one", []string{"a", "b"}}, {"two", []string{"a", "b"}}},
		Parties: []Party{
			{Name: "A", Reservation: 0.4, Weights: map[string]float64{"one": 1, "two": 1},
				Scores: map[string][]float64{"one": {1, 0}, "two": {1, 0}}},
			{Name: "B", Reservation: 0.4, Weights: map[string]float64{"one": 1, "two": 1},
				Scores: map[string][]float64{"one": {0, 1}, "two": {0, 1}}},
		},
	}
	for _, dis := range []Disagreement{DisagreeZero, DisagreeReservation} {
		r, err := AnalysePackages(d, 0, dis)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Frontier.Points) != 4 {
			t.Errorf("%s: %d frontier points, want all 4 packages (zero-sum)", dis, len(r.Frontier.Points))
		}
		if len(r.ZOPA) != 2 {
			t.Errorf("%s: ZOPA %d packages, want the 2 split packages", dis, len(r.ZOPA))
		}
		for name, sol := range map[string][]Package{"nash": r.Nash, "ks": r.KalaiSmorodinsky, "egalitarian": r.Egalitarian} {
			if len(sol) != 2 {
				t.Errorf("%s %s: %d packages, want the 2 tied split packages", dis, name, len(sol))
			}
			for _, p := range sol {
				if p.UA != 0.5 || p.UB != 0.5 {
					t.Errorf("%s %s: package %v utilities (%v, %v)", dis, name, p.Options, p.UA, p.UB)
				}
			}
		}
		// Maximum welfare: all four packages sum to 1 (zero-sum); with the
		// reservation disagreement point only the two splits qualify.
		want := 4
		if dis == DisagreeReservation {
			want = 2
		}
		if len(r.MaxWelfare) != want {
			t.Errorf("%s: max welfare %d packages, want %d", dis, len(r.MaxWelfare), want)
		}
	}
}
