package track

import (
	"math"
	"strconv"
	"strings"
)

// Stance is where one party stands on one issue: its latest act, how sure
// the reports let us be, and the claims it rests on.
type Stance struct {
	Party        string    `json:"party"`
	Issue        string    `json:"issue"`
	Act          string    `json:"act"`
	Position     string    `json:"position"`
	Time         ClaimTime `json:"time"`
	Confidence   float64   `json:"confidence"`
	Hedged       bool      `json:"hedged"`
	SourceKind   string    `json:"source_kind"`
	Precondition bool      `json:"precondition"`
	// Reports is how many independent reports carry the stance; Evidence
	// how many claims of the party on the issue the case holds in all.
	Reports  int    `json:"reports"`
	Evidence int    `json:"evidence"`
	Status   string `json:"status,omitempty"`
	// Basis are the claims the stance rests on, latest last; Against are
	// claims in the same period that contradict it.
	Basis   []*Entry `json:"basis"`
	Against []*Entry `json:"against,omitempty"`
}

// Stance returns the current stance of a party on an issue, and false when
// the case holds no claim of the party on the issue.
//
// The act is that of the latest claim. Its confidence combines, as
// independent evidence (1 - product of (1 - weight)), the weights of the
// independent reports that carry the same act within the corroboration
// window (each report's weight: source kind, hedging, denial,
// confirmation; data/weights.yaml), less a penalty for contradicting
// reports in that window, times a recency factor that halves every
// recency_half_life_days before the latest claim of the case.
func (v *View) Stance(party, issue string) (Stance, bool) {
	tl := v.Timeline(party, issue)
	if len(tl) == 0 {
		return Stance{}, false
	}
	w := &v.Weights
	last := tl[len(tl)-1]
	st := Stance{Party: party, Issue: issue, Act: last.Claim.Act, Position: last.Claim.Position,
		Time: last.Time, Hedged: last.Claim.Hedged, SourceKind: last.Claim.Source.Kind,
		Evidence: len(tl), Reports: last.Reports, Status: last.Status()}
	// Independent reports carrying the act: the strongest entry of each.
	best := map[string]float64{}
	var against []float64
	for _, e := range tl {
		if !within(e.order, last.order, w.CorroborationDays) {
			continue
		}
		switch {
		case e.Claim.Act == last.Claim.Act:
			st.Basis = append(st.Basis, e)
			st.Precondition = st.Precondition || e.Claim.Precondition
			k := e.roots[0]
			best[k] = math.Max(best[k], e.Weight(w))
		case incompatible(e.Claim.Act, last.Claim.Act) && differentSources(e, last) && e.Claim.Act != "demand" && len(e.DeniedBy) == 0:
			st.Against = append(st.Against, e)
			against = append(against, e.Weight(w))
		case e.Claim.Act == "demand" && last.Claim.Act == "concede":
			// superseded: the concession drops it
		}
	}
	miss := 1.0
	for _, x := range best {
		miss *= 1 - x
	}
	conf := 1 - miss
	for _, x := range against {
		conf *= 1 - w.ConflictPenalty*x
	}
	if !v.Ref.IsZero() && !last.Doc.Undated && w.RecencyHalfLifeDays > 0 {
		age := v.Ref.Sub(last.order).Hours() / 24
		if age > 0 {
			conf *= math.Pow(0.5, age/w.RecencyHalfLifeDays)
		}
	}
	st.Confidence = math.Round(conf*100) / 100
	return st, true
}

// Stances returns the current stance of every party of the case on every
// issue in scope on which it has claims, parties in case order.
func (v *View) Stances() []Stance {
	var out []Stance
	for _, p := range v.Case.Parties {
		for _, is := range v.Case.IssueList() {
			if st, ok := v.Stance(p, is); ok {
				out = append(out, st)
			}
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// sourceLabel names an entry's source: its kind, name and relaying outlet.
func sourceLabel(e *Entry) string {
	parts := []string{e.Claim.Source.Kind}
	if e.Claim.Source.Name != "" {
		parts = append(parts, strings.TrimSpace(e.Claim.Source.Name))
	}
	if e.Claim.Source.Via != "" {
		parts = append(parts, "via "+strings.TrimSpace(e.Claim.Source.Via))
	}
	return strings.Join(parts, ", ")
}
