package analyse

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// Division is a fair-division problem for Adjusted Winner (Brams & Taylor):
// two parties each spread 100 points over the items.
type Division struct {
	Parties [2]string `json:"parties" yaml:"parties"`
	Items   []Item    `json:"items" yaml:"items"`
}

// Item is one divisible item and each party's points for it.
type Item struct {
	Name   string     `json:"name" yaml:"name"`
	Points [2]float64 `json:"points" yaml:"points"`
}

// Allocation is the Adjusted Winner outcome.
type Allocation struct {
	Parties [2]string `json:"parties"`
	// ShareA is, per item, the fraction going to the first party (the rest
	// goes to the second): 0 or 1 for every item but the split one.
	ShareA []float64 `json:"share_a"`
	// Points are the points each party ends with, by its own valuation.
	Points [2]float64 `json:"points"`
	// Split is the index of the item that is split, or -1 when none is.
	Split int `json:"split"`
	// SplitShareA is the first party's fraction of the split item.
	SplitShareA float64 `json:"split_share_a"`
}

// Validate checks names, finiteness, non-negative points and that each
// party's points sum to 100 (within 0.01).
func (d *Division) Validate() error {
	if d.Parties[0] == "" || d.Parties[1] == "" {
		return errors.New("parties: two party names needed")
	}
	if len(d.Items) == 0 {
		return errors.New("items: no items")
	}
	var sum [2]float64
	for i, it := range d.Items {
		if it.Name == "" {
			return fmt.Errorf("items[%d].name: missing item name", i)
		}
		for p, v := range it.Points {
			if !finite(v) || v < 0 {
				return fmt.Errorf("items[%d].points: %s's %v is not a non-negative number", i, d.Parties[p], v)
			}
			sum[p] += v
		}
	}
	for p, s := range sum {
		if math.Abs(s-100) > 0.01 {
			return fmt.Errorf("items: %s's points sum to %v, want 100", d.Parties[p], s)
		}
	}
	return nil
}

// AdjustedWinner divides the items: each item first goes to the party that
// values it more (ties to the first party); then the party ahead (by its own
// points) hands items to the other in increasing order of the ratio of its
// points to the other's, until the next transfer would put it behind; that
// item is split so both end with equal points. The result is envy-free,
// equitable and efficient.
func AdjustedWinner(d *Division) (*Allocation, error) {
	if err := d.Validate(); err != nil {
		return nil, fmt.Errorf("analyse: adjusted winner: %w", err)
	}
	n := len(d.Items)
	a := &Allocation{Parties: d.Parties, ShareA: make([]float64, n), Split: -1}
	for i, it := range d.Items {
		if it.Points[0] >= it.Points[1] {
			a.ShareA[i] = 1
		}
	}
	totals := func() (ta, tb float64) {
		for i, it := range d.Items {
			ta += a.ShareA[i] * it.Points[0]
			tb += (1 - a.ShareA[i]) * it.Points[1]
		}
		return ta, tb
	}
	ta, tb := totals()
	w := 0 // the party ahead
	if tb > ta {
		w = 1
	}
	l := 1 - w
	// The winner's items, by increasing ratio of the winner's points to the
	// loser's (items the loser values at 0 go last).
	var order []int
	for i := range d.Items {
		if (w == 0 && a.ShareA[i] == 1) || (w == 1 && a.ShareA[i] == 0) {
			order = append(order, i)
		}
	}
	ratio := func(i int) float64 {
		it := d.Items[i]
		if it.Points[l] == 0 {
			return math.Inf(1)
		}
		return it.Points[w] / it.Points[l]
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(ratio(x), ratio(y)) })
	tw, tl := ta, tb
	if w == 1 {
		tw, tl = tb, ta
	}
	for _, i := range order {
		if math.Abs(tw-tl) <= 1e-12 {
			break
		}
		it := d.Items[i]
		pw, pl := it.Points[w], it.Points[l]
		if tw-pw >= tl+pl-1e-12 { // hand the whole item over
			tw -= pw
			tl += pl
			setShare(a, i, w, 0)
			continue
		}
		// Split: the winner keeps q with tw - (1-q)pw = tl + (1-q)pl.
		keep := 1 - (tw-tl)/(pw+pl)
		setShare(a, i, w, keep)
		a.Split, a.SplitShareA = i, a.ShareA[i]
		break
	}
	a.Points[0], a.Points[1] = totals()
	return a, nil
}

// setShare gives party p the fraction q of item i.
func setShare(a *Allocation, i, p int, q float64) {
	if p == 0 {
		a.ShareA[i] = q
	} else {
		a.ShareA[i] = 1 - q
	}
}
