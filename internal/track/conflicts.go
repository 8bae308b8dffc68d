package track

import (
	"cmp"
	"slices"
	"strings"
)

// Conflict is two reports that disagree on what one party holds on one
// issue in one period: incompatible acts from different sources.
type Conflict struct {
	Party string `json:"party"`
	Issue string `json:"issue"`
	A     *Entry `json:"a"`
	B     *Entry `json:"b"`
	Why   string `json:"why"`
}

// Verdict is a claim that denies or confirms earlier claims.
type Verdict struct {
	Kind    string   `json:"kind"` // "denial" or "confirmation"
	By      *Entry   `json:"by"`
	Targets []*Entry `json:"targets"`
	Cue     string   `json:"cue"`
}

// incompatible reports whether a party cannot hold both acts on one issue
// at once; a concession followed by a renewed demand is included, a demand
// followed by a concession is a change, not a conflict.
func incompatible(first, second string) bool {
	switch first + "/" + second {
	case "accept/reject", "reject/accept", "propose/reject", "reject/propose", "concede/demand":
		return true
	}
	return false
}

// differentSources reports whether two entries come from different
// reports, or from one report quoting different sources.
func differentSources(a, b *Entry) bool {
	if !overlaps(a.roots, b.roots) {
		return true
	}
	return !strings.EqualFold(strings.TrimSpace(a.Claim.Source.Name), strings.TrimSpace(b.Claim.Source.Name)) ||
		a.Claim.Source.Kind != b.Claim.Source.Kind
}

// Conflicts lists conflicting reports in the case, oldest first. Pairs in
// which one entry denies the other are verdicts, not conflicts.
func (v *View) Conflicts() []Conflict {
	var out []Conflict
	for _, slot := range v.slots() {
		for i, a := range slot {
			for _, b := range slot[i+1:] {
				if !within(a.order, b.order, v.Weights.ConflictDays) {
					continue
				}
				if !incompatible(a.Claim.Act, b.Claim.Act) || !differentSources(a, b) {
					continue
				}
				if containsEntry(a.DeniedBy, b) || containsEntry(b.DeniedBy, a) {
					continue
				}
				out = append(out, Conflict{Party: a.Claim.Actor, Issue: a.Claim.Issue, A: a, B: b,
					Why: a.Claim.Act + " vs " + b.Claim.Act + " within " + itoa(v.Weights.ConflictDays) + " days, from " + sourceLabel(a) + " and " + sourceLabel(b)})
			}
		}
	}
	slices.SortStableFunc(out, func(x, y Conflict) int { return cmp.Compare(x.B.seq, y.B.seq) })
	return out
}

func containsEntry(es []*Entry, e *Entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// attachVerdicts finds denials and confirmations among the entries and
// attaches them to the claims they deny or confirm: the same party and
// issue, earlier and near in time, in another sentence. It also marks the
// entries of a report that says its account is not confirmed.
func (v *View) attachVerdicts() {
	cues := mustTables().reports
	for _, e := range v.Entries {
		if c, _ := findCue(e.Claim.Sentence, cues.Unconfirmed); c != "" {
			e.Unconfirmed = strings.TrimSpace(e.Claim.Sentence)
			continue
		}
		if c, _ := findCue(e.Claim.Sentence, cues.Denial); c != "" {
			e.Denial = true
			for _, t := range v.verdictTargets(e) {
				t.DeniedBy = append(t.DeniedBy, e)
			}
			continue
		}
		if c, _ := findCue(e.Claim.Sentence, cues.Confirmation); c != "" {
			e.Confirmation = true
			for _, t := range v.verdictTargets(e) {
				// A confirmation speaks to claims of the same act; a denial
				// to any, since the denied act is often read without its
				// negation.
				if t.Claim.Act == e.Claim.Act {
					t.ConfirmedBy = append(t.ConfirmedBy, e)
				}
			}
		}
	}
	// A report's own statement that its account is not confirmed covers
	// the claims before it that are not on the record.
	for id, d := range v.Docs {
		sps := splitSentences(d.Text)
		for k, sp := range sps {
			sen := d.Text[sp.Start:sp.End]
			scope := sps[max(0, k-unconfirmedReach)].Start
			if c, _ := findCue(sen, cues.Unconfirmed); c == "" {
				continue
			}
			named := v.partiesNamed(sen)
			for _, e := range v.Entries {
				if e.Claim.Doc != id || e.Unconfirmed != "" || e.Claim.Source.Kind == "official" {
					continue
				}
				if e.Claim.Evidence.Sentence.Start > sp.Start || e.Claim.Evidence.Sentence.Start < scope {
					continue
				}
				if len(named) > 0 && !containsString(named, e.Claim.Actor) {
					continue
				}
				e.Unconfirmed = strings.TrimSpace(sen)
			}
		}
	}
}

// unconfirmedReach is how many sentences back a report's "not confirmed"
// statement reaches.
const unconfirmedReach = 3

// verdictTargets are the claims a denial or confirmation speaks to.
func (v *View) verdictTargets(e *Entry) []*Entry {
	var out []*Entry
	for _, t := range v.Entries {
		if t == e || !sameSlot(t, e) || t.Denial || t.Confirmation {
			continue
		}
		if t.seq > e.seq || !within(t.order, e.order, v.Weights.DenialDays) {
			continue
		}
		if t.Claim.Doc == e.Claim.Doc && normText(t.Claim.Sentence) == normText(e.Claim.Sentence) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// partiesNamed lists the case's parties named in a sentence.
func (v *View) partiesNamed(s string) []string {
	var out []string
	for _, p := range append(append([]string{}, v.Case.Parties...), v.Case.Mediators...) {
		if c, _ := findCue(s, []string{p}); c != "" {
			out = append(out, p)
		}
	}
	return out
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
