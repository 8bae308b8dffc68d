package track

import (
	"math"
	"time"
)

// Change kinds.
const (
	Concession  = "concession"
	Hardening   = "hardening"
	NotRepeated = "not repeated"
)

// Change is a move in one party's position on one issue between two claims.
type Change struct {
	Party string `json:"party"`
	Issue string `json:"issue"`
	// Kind is "concession", "hardening" or "not repeated"; What says which
	// move it is ("demand conceded", "rejection turned into acceptance").
	Kind string `json:"kind"`
	What string `json:"what"`
	From *Entry `json:"from"`
	To   *Entry `json:"to"`
}

// transitions names the moves between two acts of one party on one issue.
var transitions = map[string]struct{ kind, what string }{
	"demand/concede": {Concession, "demand conceded"},
	"reject/accept":  {Concession, "rejection turned into acceptance"},
	"reject/propose": {Concession, "rejection softened into an offer"},
	"reject/concede": {Concession, "rejection softened"},
	"accept/reject":  {Hardening, "acceptance turned into rejection"},
	"propose/reject": {Hardening, "offer withdrawn: now rejected"},
	"concede/demand": {Hardening, "conceded demand made again"},
	"concede/reject": {Hardening, "concession withdrawn: now rejected"},
}

// Changes lists what moved in the case, oldest first: concessions and
// hardening between successive claims of a party on an issue, new
// preconditions, moves along the issue's scale, and demands that a later
// list of the party's demands does not repeat (never a concession).
// Changes whose later claim is before since are left out.
func (v *View) Changes(since time.Time) []Change {
	var out []Change
	for _, p := range v.Case.Parties {
		for _, is := range v.Case.IssueList() {
			out = append(out, v.slotChanges(p, is)...)
		}
		out = append(out, v.notRepeated(p)...)
	}
	var kept []Change
	for _, c := range out {
		if since.IsZero() || !c.To.order.Before(since) {
			kept = append(kept, c)
		}
	}
	sortChanges(kept)
	return kept
}

func (v *View) slotChanges(party, issue string) []Change {
	tl := v.Timeline(party, issue)
	var out []Change
	precondition := false
	for i, cur := range tl {
		if cur.Claim.Precondition && !precondition && i > 0 {
			out = append(out, Change{Party: party, Issue: issue, Kind: Hardening, What: "new precondition", From: tl[i-1], To: cur})
		}
		precondition = precondition || cur.Claim.Precondition
		if i == 0 {
			continue
		}
		prev := tl[i-1]
		if c, ok := v.scaleMove(prev, cur); ok {
			out = append(out, c)
			continue
		}
		t, ok := transitions[prev.Claim.Act+"/"+cur.Claim.Act]
		if !ok {
			continue
		}
		// Incompatible acts from different sources in one period are
		// conflicting reports, not a move; a concession is a move by
		// definition ("no longer insists").
		if cur.Claim.Act != "concede" && incompatible(prev.Claim.Act, cur.Claim.Act) &&
			differentSources(prev, cur) && within(prev.order, cur.order, v.Weights.ConflictDays) {
			continue
		}
		out = append(out, Change{Party: party, Issue: issue, Kind: t.kind, What: t.what, From: prev, To: cur})
	}
	return out
}

// scaleMove compares two claims placed on the issue's scale with where the
// other parties stand: moving closer is a concession, further a hardening.
func (v *View) scaleMove(prev, cur *Entry) (Change, bool) {
	sc, ok := v.Case.Scales[cur.Claim.Issue]
	if !ok {
		return Change{}, false
	}
	a, okA := sc.Place(prev.Claim)
	b, okB := sc.Place(cur.Claim)
	if !okA || !okB || a.Value == b.Value {
		return Change{}, false
	}
	var others []float64
	for _, q := range v.Case.Parties {
		if q == cur.Claim.Actor {
			continue
		}
		if pv, ok := v.PositionValue(q, cur.Claim.Issue); ok {
			others = append(others, pv.Value)
		}
	}
	if len(others) == 0 {
		return Change{}, false
	}
	dist := func(x float64) float64 {
		d := math.Inf(1)
		for _, o := range others {
			d = math.Min(d, math.Abs(x-o))
		}
		return d
	}
	c := Change{Party: cur.Claim.Actor, Issue: cur.Claim.Issue, From: prev, To: cur}
	if dist(b.Value) < dist(a.Value) {
		c.Kind, c.What = Concession, "moved from "+a.Label+" to "+b.Label
	} else {
		c.Kind, c.What = Hardening, "moved from "+a.Label+" to "+b.Label
	}
	return c, true
}

// notRepeated finds demands of an earlier list (a report with two or more
// demands of the party) that a later list from another report leaves out,
// with nothing said on the issue since.
func (v *View) notRepeated(party string) []Change {
	type list struct {
		root    string
		entries []*Entry
	}
	var lists []*list
	byRoot := map[string]*list{}
	for _, e := range v.Entries {
		if e.Claim.Actor != party || e.Claim.Act != "demand" {
			continue
		}
		l, ok := byRoot[e.roots[0]]
		if !ok {
			l = &list{root: e.roots[0]}
			byRoot[e.roots[0]] = l
			lists = append(lists, l)
		}
		l.entries = append(l.entries, e)
	}
	var out []Change
	for i, l1 := range lists {
		if len(l1.entries) < 2 {
			continue
		}
		for _, d := range l1.entries {
			for _, l2 := range lists[i+1:] {
				if len(l2.entries) < 2 || !l2.entries[0].order.After(l1.entries[0].order) {
					continue
				}
				if listHas(l2.entries, d.Claim.Issue) {
					break
				}
				if v.saidSince(party, d.Claim.Issue, d) {
					break
				}
				out = append(out, Change{Party: party, Issue: d.Claim.Issue, Kind: NotRepeated,
					What: "demand not repeated in a later list of demands", From: d, To: l2.entries[0]})
				break
			}
		}
	}
	return out
}

func listHas(es []*Entry, issue string) bool {
	for _, e := range es {
		if e.Claim.Issue == issue {
			return true
		}
	}
	return false
}

// saidSince reports whether the party has any claim on the issue after e.
func (v *View) saidSince(party, issue string, e *Entry) bool {
	for _, f := range v.Timeline(party, issue) {
		if f.seq > e.seq && f.roots[0] != e.roots[0] {
			return true
		}
	}
	return false
}

func sortChanges(cs []Change) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].To.seq < cs[j-1].To.seq; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}
