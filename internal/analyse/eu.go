package analyse

import (
	"fmt"
	"math"
	"slices"
)

// The expected-utility model (Bueno de Mesquita 1994) in the conventions of
// Scholz, Calbert & Smith (2011) as pinned by the vectors file:
//
//   - distances d_ij = |x_i − x_j| / (max x − min x), the range taken over
//     the initial positions;
//   - votes v_k(i,j) = c_k·s_k·(d_kj^r_k − d_ki^r_k), and the probability
//     that i beats j, P(i,j) = Σ_k max(0, v_k(i,j)) / Σ_k |v_k(i,j)|;
//   - utilities, with the challenger's risk exponent r_i and d = d_ij:
//     (the vectors file writes the denominator as Σ_k |v_k(i,j)|, but its
//     printed risk exponents are reproduced only with the denominator of
//     Scholz et al.'s code, Σ_k Σ_a Σ_b |v_k(a,b)| over all pairs of actors,
//     which is what is implemented);
//     U^s = 2 − 4(0.5 − 0.5d)^r, U^f = 2 − 4(0.5 + 0.5d)^r, U^sq = 2 − 4·0.5^r,
//     Q = 1;
//   - the expected utility of i challenging j,
//     EU_i(Δij) = s_j[P·U^s + (1−P)·U^f] + (1 − s_j)·U^s − U^sq;
//   - risk: each round starts with every r = 1, computes the danger
//     D_i = Σ_j EU_j(Δji), R_i = (2D_i − D_max − D_min)/(D_max − D_min) and
//     r_i = (1 − R_i/3)/(1 + R_i/3) (0.5 for the most threatened actor, 2 for
//     the safest), then recomputes everything with these exponents;
//   - offers, from the receiving actor i's point of view (its own risk
//     exponent in both expected utilities) against each j at another
//     position, with a = EU(Δij) and b = EU(Δji): conflict that i loses when
//     b > a > 0 (i moves to x_j); compromise when b > 0 > a and b > |a| (i
//     moves towards x_j by (x_j − x_i)·|a/b|); capitulation when b > 0 > a
//     and b ≤ |a| (i moves to x_j);
//   - each actor accepts one offer: a lost conflict if any (the one moving
//     it least), else a compromise (the one moving it least), else a
//     capitulation (the one moving it least); all moves happen together;
//   - the forecast after each round is the median voter position (the
//     position held by an actor that no other held position beats in a
//     pairwise vote Σ_k c_k·s_k·(|x_k − y| − |x_k − x|) with r = 1) and the
//     mean is the compromise model on the current positions.
//
// The model is known to oscillate; RunEU reports a cycle of positions when
// one recurs, and counts the reversals of its median forecast, rather
// than hiding either.

// EUOffer is one offer an actor received in a round.
type EUOffer struct {
	From     string  `json:"from"`
	To       string  `json:"to"`
	Kind     string  `json:"kind"` // conflict, compromise, capitulation
	Position float64 `json:"position"`
	EUFrom   float64 `json:"eu_from"` // EU(Δji) as the receiver sees it
	EUTo     float64 `json:"eu_to"`   // EU(Δij) as the receiver sees it
	Accepted bool    `json:"accepted"`
}

// EURound is the state after one round.
type EURound struct {
	Round     int       `json:"round"`
	Positions []float64 `json:"positions"` // after the round's moves
	Risk      []float64 `json:"risk"`      // exponents used in the round
	Offers    []EUOffer `json:"offers"`
	Median    float64   `json:"median"`
	Mean      float64   `json:"mean"`
}

// EUResult is a run of the expected-utility model.
type EUResult struct {
	Actors  []string  `json:"actors"`
	Initial []float64 `json:"initial"`
	Median0 float64   `json:"median0"`
	Mean0   float64   `json:"mean0"`
	Rounds  []EURound `json:"rounds"`
	// Converged is true when a round changed no position (the run stops
	// there). CyclePeriod is non-zero when the last round's positions
	// repeat those of CyclePeriod rounds earlier (the run stops there: the
	// model oscillates forever).
	Converged   bool `json:"converged"`
	CyclePeriod int  `json:"cycle_period,omitempty"`
	// Oscillation counts the reversals of direction of the median forecast
	// over the rounds (a median that goes up, then down, then up counts 2):
	// a forecast that keeps reversing is not a settled one.
	Oscillation int `json:"oscillation"`
}

// Forecast is the median after the last round.
func (r *EUResult) Forecast() float64 {
	if len(r.Rounds) == 0 {
		return r.Median0
	}
	return r.Rounds[len(r.Rounds)-1].Median
}

type euState struct {
	x, c, s []float64
	rng     float64
}

func (m *euState) dist(a, b float64) float64 { return math.Abs(a-b) / m.rng }

// votes holds, for one vector of exponents r, each voter's distance to
// each distinct position raised to the voter's exponent, dp[k][u] = d_ku^r_k,
// the denominator of the win probabilities, all = Σ_k Σ_a Σ_b |v_k(a,b)|
// over all actors a, b, where v_k(a,b) = c_k·s_k·(d_kb^r_k − d_ka^r_k) is k's
// vote for a against b, and the win probabilities between distinct
// positions. Actors often share positions, so the work is over the nu
// distinct positions.
type votes struct {
	uidx []int
	dp   [][]float64
	cs   []float64
	all  float64
	p    [][]float64 // p[u][w] = P(the position u beats the position w)
}

func (m *euState) votes(r []float64) *votes {
	n := len(m.x)
	uidx, nu := m.distinct()
	ux := make([]float64, nu)
	for a, u := range uidx {
		ux[u] = m.x[a]
	}
	v := &votes{uidx: uidx, dp: make([][]float64, n), cs: make([]float64, n)}
	row := make([]float64, n)
	for k := range n {
		v.cs[k] = m.c[k] * m.s[k]
		v.dp[k] = make([]float64, nu)
		for u, x := range ux {
			d := m.dist(m.x[k], x)
			if r[k] != 1 {
				d = math.Pow(d, r[k])
			}
			v.dp[k][u] = d
		}
		// Σ_a Σ_b |row[b] − row[a]| = 2 Σ_b (b·v_b − Σ_{a<b} v_a) over
		// the sorted row v of all actors.
		for a, u := range uidx {
			row[a] = v.dp[k][u]
		}
		slices.Sort(row)
		var sum, prefix float64
		for b, vb := range row {
			sum += float64(b)*vb - prefix
			prefix += vb
		}
		v.all += v.cs[k] * 2 * sum
	}
	v.p = make([][]float64, nu)
	for u := range nu {
		v.p[u] = make([]float64, nu)
		if v.all == 0 {
			continue
		}
		for w := range nu {
			var pos float64
			for k, dk := range v.dp {
				if d := dk[w] - dk[u]; d > 0 {
					pos += v.cs[k] * d
				}
			}
			v.p[u][w] = pos / v.all
		}
	}
	return v
}

// prob is P(i beats j) = Σ_k max(0, v_k(i,j)) / all.
func (v *votes) prob(i, j int) float64 { return v.p[v.uidx[i]][v.uidx[j]] }

// distinct numbers the actors' positions: uidx[a] is the index of actor
// a's position among the nu distinct positions.
func (m *euState) distinct() (uidx []int, nu int) {
	uidx = make([]int, len(m.x))
	seen := map[float64]int{}
	for a, x := range m.x {
		u, ok := seen[x]
		if !ok {
			u = len(seen)
			seen[x] = u
		}
		uidx[a] = u
	}
	return uidx, len(seen)
}

// utilities are U^s, U^f and U^sq at normalised distance d with exponent r.
func utilities(d, r float64) (us, uf, usq float64) {
	if r == 1 {
		return 2 * d, -2 * d, 0
	}
	return 2 - 4*math.Pow(0.5-0.5*d, r), 2 - 4*math.Pow(0.5+0.5*d, r), 2 - 4*math.Pow(0.5, r)
}

// eu is the expected utility of i challenging j given the utilities and
// the votes v.
func (m *euState) eu(i, j int, us, uf, usq float64, v *votes) float64 {
	p := v.prob(i, j)
	return m.s[j]*(p*us+(1-p)*uf) + (1-m.s[j])*us - usq
}

// risk computes the round's risk exponents from the dangers at r = 1.
func (m *euState) risk() []float64 {
	n := len(m.x)
	ones := make([]float64, n)
	for i := range ones {
		ones[i] = 1
	}
	danger := make([]float64, n)
	v := m.votes(ones)
	for i := range n {
		for j := range n {
			if j != i {
				us, uf, usq := utilities(m.dist(m.x[i], m.x[j]), 1)
				danger[i] += m.eu(j, i, us, uf, usq, v)
			}
		}
	}
	dmax, dmin := slices.Max(danger), slices.Min(danger)
	r := make([]float64, n)
	for i := range n {
		if dmax == dmin {
			r[i] = 1
			continue
		}
		R := (2*danger[i] - dmax - dmin) / (dmax - dmin)
		r[i] = (1 - R/3) / (1 + R/3)
	}
	return r
}

func (m *euState) median() float64 {
	best := m.x[0]
	for _, y := range m.x {
		var votes float64
		for k := range m.x {
			votes += m.c[k] * m.s[k] * (math.Abs(m.x[k]-best) - math.Abs(m.x[k]-y))
		}
		if votes > 1e-12 {
			best = y
		}
	}
	return best
}

func (m *euState) mean() float64 {
	var num, den float64
	for k := range m.x {
		num += m.c[k] * m.s[k] * m.x[k]
		den += m.c[k] * m.s[k]
	}
	if den == 0 {
		return math.NaN()
	}
	return num / den
}

// RunEU runs the expected-utility model for up to rounds rounds, stopping
// early when no position moves or when the positions repeat an earlier
// round's (an oscillation, reported in CycleFrom).
func RunEU(actors []Actor, rounds int) (*EUResult, error) {
	if len(actors) < 2 {
		return nil, fmt.Errorf("analyse: expected utility: %d actors, need 2", len(actors))
	}
	m := &euState{}
	res := &EUResult{}
	for _, a := range actors {
		m.x = append(m.x, a.Position)
		m.c = append(m.c, a.Capability)
		m.s = append(m.s, a.Salience)
		res.Actors = append(res.Actors, a.Name)
	}
	m.rng = slices.Max(m.x) - slices.Min(m.x)
	res.Initial = slices.Clone(m.x)
	res.Median0, res.Mean0 = m.median(), m.mean()
	if m.rng == 0 {
		res.Converged = true
		return res, nil
	}
	history := [][]float64{slices.Clone(m.x)}
	n := len(m.x)
	for round := 1; round <= rounds; round++ {
		r := m.risk()
		rd := EURound{Round: round, Risk: r}
		next := slices.Clone(m.x)
		v := m.votes(r)
		uidx, nu := m.distinct()
		utilS, utilF, utilQ := make([]float64, nu), make([]float64, nu), make([]float64, nu)
		utilOK := make([]bool, nu)
		for i := range n {
			clear(utilOK)
			var best *EUOffer
			rank := func(o *EUOffer) int {
				switch o.Kind {
				case "conflict":
					return 0
				case "compromise":
					return 1
				}
				return 2
			}
			start := len(rd.Offers)
			for j := range n {
				if j == i || m.x[j] == m.x[i] {
					continue
				}
				u := uidx[j]
				if !utilOK[u] {
					utilS[u], utilF[u], utilQ[u] = utilities(m.dist(m.x[i], m.x[j]), r[i])
					utilOK[u] = true
				}
				us, uf, usq := utilS[u], utilF[u], utilQ[u]
				a := m.eu(i, j, us, uf, usq, v) // i challenging j, in i's eyes
				b := m.eu(j, i, us, uf, usq, v) // j challenging i, in i's eyes
				o := EUOffer{From: res.Actors[j], To: res.Actors[i], EUFrom: b, EUTo: a}
				switch {
				case b > a && a > 0:
					o.Kind, o.Position = "conflict", m.x[j]
				case b > 0 && a < 0 && b > -a:
					o.Kind, o.Position = "compromise", m.x[i]+(m.x[j]-m.x[i])*math.Abs(a/b)
				case b > 0 && a < 0:
					o.Kind, o.Position = "capitulation", m.x[j]
				default:
					continue
				}
				rd.Offers = append(rd.Offers, o)
			}
			for k := start; k < len(rd.Offers); k++ {
				o := &rd.Offers[k]
				if best == nil || rank(o) < rank(best) ||
					(rank(o) == rank(best) && math.Abs(o.Position-m.x[i]) < math.Abs(best.Position-m.x[i])) {
					best = o
				}
			}
			if best != nil {
				best.Accepted = true
				next[i] = best.Position
			}
		}
		moved := !slices.Equal(next, m.x)
		m.x = next
		rd.Positions = slices.Clone(m.x)
		rd.Median, rd.Mean = m.median(), m.mean()
		res.Rounds = append(res.Rounds, rd)
		if !moved {
			res.Converged = true
			break
		}
		for h, prev := range history[:len(history)-1] {
			if slices.EqualFunc(prev, m.x, func(a, b float64) bool { return math.Abs(a-b) <= 1e-9 }) {
				res.CyclePeriod = round - h
			}
		}
		if res.CyclePeriod > 0 {
			break
		}
		history = append(history, slices.Clone(m.x))
	}
	prev, dir := res.Median0, 0
	for _, rd := range res.Rounds {
		d := 0
		switch {
		case rd.Median > prev+1e-9:
			d = 1
		case rd.Median < prev-1e-9:
			d = -1
		}
		if d != 0 {
			if dir != 0 && d != dir {
				res.Oscillation++
			}
			dir = d
		}
		prev = rd.Median
	}
	return res, nil
}
