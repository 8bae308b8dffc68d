package track

import (
	"parley/internal/model"
	"slices"
	"strings"
)

// Placement is a claim placed on an issue's scale.
type Placement struct {
	Value float64 `json:"value"`
	Label string  `json:"label"`
	Cue   string  `json:"cue"`
}

// placeable are the acts that state a party's own position: a rejection
// names what the party refuses, a concession what it gives up.
var placeable = []string{"demand", "propose", "accept"}

// Place maps a claim to a point of the scale by the point's cue phrases,
// found in the claim's position or sentence (the longest cue wins). Only
// claims that state the party's own position (demand, propose, accept)
// are placed. "not join NATO" is placed by that cue, not by "join NATO"
// inside it: the longest match wins.
func (s Scale) Place(c model.Claim) (Placement, bool) {
	if !slices.Contains(placeable, c.Act) {
		return Placement{}, false
	}
	for _, text := range []string{c.Position, c.Sentence} {
		var best Placement
		bestLen, bestAt := 0, 0
		for _, pt := range s.Points {
			for _, m := range cueSpans(text, pt.Cues) {
				n := m.End - m.Start
				if n > bestLen || n == bestLen && m.Start < bestAt {
					best, bestLen, bestAt = Placement{Value: pt.Value, Label: pt.Label, Cue: strings.ToLower(text[m.Start:m.End])}, n, m.Start
				}
			}
		}
		if bestLen > 0 {
			return best, true
		}
	}
	return Placement{}, false
}

// PositionValue is where a party stands on an issue's scale (0–100), for
// the bargaining models, with the claims the value rests on.
type PositionValue struct {
	Party string   `json:"party"`
	Issue string   `json:"issue"`
	Value float64  `json:"value"`
	Label string   `json:"label"`
	Cue   string   `json:"cue"`
	Basis []*Entry `json:"basis"`
}

// PositionValue places a party's latest placeable claim on the issue's
// scale; the basis is every claim within the corroboration window of it
// that maps to the same point.
func (v *View) PositionValue(party, issue string) (PositionValue, bool) {
	sc, ok := v.Case.Scales[issue]
	if !ok {
		return PositionValue{}, false
	}
	tl := v.Timeline(party, issue)
	for i := len(tl) - 1; i >= 0; i-- {
		p, ok := sc.Place(tl[i].Claim)
		if !ok {
			continue
		}
		pv := PositionValue{Party: party, Issue: issue, Value: p.Value, Label: p.Label, Cue: p.Cue}
		for _, e := range tl {
			if q, ok := sc.Place(e.Claim); ok && q.Value == p.Value && within(e.order, tl[i].order, v.Weights.CorroborationDays) {
				pv.Basis = append(pv.Basis, e)
			}
		}
		return pv, true
	}
	return PositionValue{}, false
}

// PositionValues lists the placed positions of every party on every issue
// with a scale, parties in case order, issues by name.
func (v *View) PositionValues() []PositionValue {
	issues := make([]string, 0, len(v.Case.Scales))
	for is := range v.Case.Scales {
		issues = append(issues, is)
	}
	slices.Sort(issues)
	var out []PositionValue
	for _, p := range v.Case.Parties {
		for _, is := range issues {
			if pv, ok := v.PositionValue(p, is); ok {
				out = append(out, pv)
			}
		}
	}
	return out
}
