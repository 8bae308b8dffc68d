package analyse

import (
	"math"
)

// NashResult is the Nash bargaining solution on one issue.
type NashResult struct {
	X float64 `json:"x"`
	// Disagreement are the actors' utilities at the disagreement point:
	// the reference point when the issue has one, otherwise each actor's
	// worst end of the scale.
	Disagreement []float64 `json:"disagreement"`
	// Feasible is false when no position gives every actor (with weight)
	// more than its disagreement utility; X is then the reference point.
	Feasible bool `json:"feasible"`
	// Lo and Hi bound the positions every actor prefers to disagreement.
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
}

// Nash is the (asymmetric) Nash bargaining solution on a one-dimensional
// issue. Utilities are linear in distance: u_i(x) = s_i·(1 − |x − x_i|/W)
// with W the width of the issue's scale; the disagreement point d_i is
// u_i at the reference point (or, without one, at the end of the scale
// farthest from x_i); bargaining powers are w_i = c_i·s_i. The solution
// maximises Σ_i w_i·ln(u_i(x) − d_i) (the weighted Nash product) over the
// positions every actor with w_i > 0 prefers to disagreement, by a grid of
// 201 points refined by golden-section search (the objective is concave
// there, so the maximum is unique).
func Nash(is *Issue) (*NashResult, error) {
	lo, hi := is.Scale()
	W := hi - lo
	n := len(is.Actors)
	if n == 0 {
		return nil, ErrNoWeight
	}
	res := &NashResult{Disagreement: make([]float64, n)}
	u := func(a Actor, x float64) float64 { return a.Salience * (1 - math.Abs(x-a.Position)/W) }
	// Feasible interval: |x − x_i| < ρ_i for every weighted actor.
	L, R := lo, hi
	var wsum float64
	rho := make([]float64, n)
	for i, a := range is.Actors {
		var dp float64
		if is.Reference != nil {
			dp = *is.Reference
		} else if math.Abs(lo-a.Position) >= math.Abs(hi-a.Position) {
			dp = lo
		} else {
			dp = hi
		}
		res.Disagreement[i] = u(a, dp)
		rho[i] = math.Abs(dp - a.Position)
		w := a.Capability * a.Salience
		if w <= 0 {
			continue
		}
		wsum += w
		L, R = max(L, a.Position-rho[i]), min(R, a.Position+rho[i])
	}
	if wsum <= 0 {
		return nil, ErrNoWeight
	}
	res.Lo, res.Hi = L, R
	if !(R > L) {
		if is.Reference != nil {
			res.X = *is.Reference
		} else {
			res.X = (L + R) / 2
		}
		return res, nil
	}
	res.Feasible = true
	f := func(x float64) float64 {
		var sum float64
		for i, a := range is.Actors {
			w := a.Capability * a.Salience
			if w <= 0 {
				continue
			}
			g := rho[i] - math.Abs(x-a.Position) // ∝ u_i − d_i
			if g <= 0 {
				return math.Inf(-1)
			}
			sum += w * math.Log(g)
		}
		return sum
	}
	const steps = 200
	h := (R - L) / steps
	bestK, best := 0, math.Inf(-1)
	for k := 1; k < steps; k++ { // interior points only
		if v := f(L + float64(k)*h); v > best {
			bestK, best = k, v
		}
	}
	a, b := L+float64(bestK-1)*h, L+float64(bestK+1)*h
	res.X = goldenMax(f, a, b, 1e-10)
	return res, nil
}

// goldenMax maximises a unimodal f on [a, b] by golden-section search.
func goldenMax(f func(float64) float64, a, b, tol float64) float64 {
	const g = 0.6180339887498949
	c, d := b-g*(b-a), a+g*(b-a)
	fc, fd := f(c), f(d)
	for b-a > tol {
		if fc >= fd {
			b, d, fd = d, c, fc
			c = b - g*(b-a)
			fc = f(c)
		} else {
			a, c, fc = c, d, fd
			d = a + g*(b-a)
			fd = f(d)
		}
	}
	return (a + b) / 2
}
