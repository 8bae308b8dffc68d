package analyse

import (
	"cmp"
	"slices"
)

// WeightedMedian sorts the actors by position and returns the first
// position at which the cumulative weight reaches half the total, with the
// cumulative share of the weight strictly below that position (the share
// held by the actors on the low side). The weight is weight(a); use
// CapSal for capability × salience, SalienceOnly for salience.
func WeightedMedian(actors []Actor, weight func(Actor) float64) (x, shareBelow float64, err error) {
	type pw struct{ x, w float64 }
	ps := make([]pw, 0, len(actors))
	var total float64
	for _, a := range actors {
		w := weight(a)
		ps = append(ps, pw{a.Position, w})
		total += w
	}
	if total <= 0 {
		return 0, 0, ErrNoWeight
	}
	slices.SortStableFunc(ps, func(a, b pw) int { return cmp.Compare(a.x, b.x) })
	var cum float64
	for i, p := range ps {
		if i > 0 && p.x != ps[i-1].x {
			shareBelow = cum / total
		}
		cum += p.w
		if cum >= total/2-1e-12*total {
			return p.x, shareBelow, nil
		}
	}
	return ps[len(ps)-1].x, shareBelow, nil
}

// CapSal weighs an actor by capability × salience.
func CapSal(a Actor) float64 { return a.Capability * a.Salience }

// SalienceOnly weighs an actor by salience.
func SalienceOnly(a Actor) float64 { return a.Salience }

// MedianActor is the median of the actors' positions, unweighted (the mean
// of the two middle positions when the number of actors is even).
func MedianActor(actors []Actor) (float64, error) {
	if len(actors) == 0 {
		return 0, ErrNoWeight
	}
	xs := make([]float64, len(actors))
	for i, a := range actors {
		xs[i] = a.Position
	}
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2], nil
	}
	return (xs[n/2-1] + xs[n/2]) / 2, nil
}
