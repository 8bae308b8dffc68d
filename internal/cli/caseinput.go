package cli

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"parley/internal/analyse"
	"parley/internal/model"
	"parley/internal/track"
)

// How a tracked case becomes the inputs of the bargaining models.
//
// One issue per issue of the case with a scale; one actor per party that
// the scale places (track.View.PositionValue: the party's latest demand,
// proposal or acceptance that names a point of the scale).
//
//   - Position: the scale value of that point (0–100).
//   - Salience: defaultSalience (0.5) when the reports say nothing of how
//     much the issue matters to the party. Salience cues ("red line",
//     "the most difficult point", data/salience.yaml in track) whose
//     sentence names the party alone, or no single party, raise it as
//     independent evidence: 1 − (1 − 0.5)·Π(1 − weight). A precondition
//     the party set on the issue counts as one more cue of weight
//     preconditionWeight (0.5).
//   - Capability: the case file's capabilities when given, else 1 for
//     every party.
//   - Confidence: the confidence of the party's current stance on the
//     issue (track.View.Stance), at least minConfidence; the Monte Carlo
//     model widens the position's spread as it falls.
//   - Evidence: "docid:start-end" references (the first 12 hex digits of
//     the report's ID and the byte span of the claim's sentence; parley
//     show DOCID prints the report) of the claims behind the position and
//     the stance, and of the sentences behind the salience.
const (
	defaultSalience    = 0.5
	preconditionWeight = 0.5
	minConfidence      = 0.01
)

// caseInput is one actor's inputs on one issue with the evidence for each.
type caseInput struct {
	Kind               string   `json:"kind"` // "input"
	Issue              string   `json:"issue"`
	Actor              string   `json:"actor"`
	Position           float64  `json:"position"`
	Label              string   `json:"label"`
	Cue                string   `json:"cue"`
	PositionEvidence   []string `json:"position_evidence"`
	Salience           float64  `json:"salience"`
	SalienceBasis      string   `json:"salience_basis"`
	SalienceEvidence   []string `json:"salience_evidence,omitempty"`
	Capability         float64  `json:"capability"`
	CapabilityBasis    string   `json:"capability_basis"`
	Act                string   `json:"act"`
	Confidence         float64  `json:"confidence"`
	ConfidenceEvidence []string `json:"confidence_evidence,omitempty"`
}

// skippedIssue is a scaled issue the models cannot take, with the reason.
type skippedIssue struct {
	Kind   string `json:"kind"` // "skipped"
	Issue  string `json:"issue"`
	Reason string `json:"reason"`
}

// caseInputs are the model inputs of a case: the issues the models can
// take, each actor's inputs with evidence by issue, and the issues left out.
type caseInputs struct {
	Issues  []analyse.Issue
	Inputs  map[string][]caseInput
	Skipped []skippedIssue
}

// evidenceRef names a claim or sentence: the report's short ID and the
// byte span, or the short ID alone when the span is empty.
func evidenceRef(docID string, sp model.Span) string {
	if sp.Empty() {
		return shortID(docID)
	}
	return shortID(docID) + ":" + strconv.Itoa(sp.Start) + "-" + strconv.Itoa(sp.End)
}

func entryRefs(es []*track.Entry) []string {
	var out []string
	for _, e := range es {
		if r := evidenceRef(e.Claim.Doc, e.Claim.Evidence.Sentence); !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// scaledIssues lists the case's issues with a scale, in case order.
func scaledIssues(c *track.Case) []string {
	var out []string
	for _, is := range c.IssueList() {
		if _, ok := c.Scales[is]; ok {
			out = append(out, is)
		}
	}
	return out
}

// buildCaseInputs turns a case's tracked positions into model inputs. It
// fails only when the case defines no scale at all.
func buildCaseInputs(v *track.View) (*caseInputs, error) {
	issues := scaledIssues(v.Case)
	if len(issues) == 0 {
		return nil, fmt.Errorf("case %s defines no issue scales: add scales: to the case file (see examples/cases/ethiopia-tplf.yaml) so that claims map to 0–100 positions", v.Case.Name)
	}
	out := &caseInputs{Inputs: map[string][]caseInput{}}
	for _, is := range issues {
		var inputs []caseInput
		var missing []string
		for _, p := range v.Case.Parties {
			in, ok := partyInput(v, p, is)
			if !ok {
				missing = append(missing, unplacedReason(v, p, is))
				continue
			}
			inputs = append(inputs, in)
		}
		if len(inputs) < 2 {
			reason := "no party on the scale; " + strings.Join(missing, "; ")
			if len(inputs) == 1 {
				reason = fmt.Sprintf("only %s on the scale (%s); %s", inputs[0].Actor, analyseNum(inputs[0].Position), strings.Join(missing, "; "))
			}
			out.Skipped = append(out.Skipped, skippedIssue{Kind: "skipped", Issue: is, Reason: reason})
			continue
		}
		ai := analyse.Issue{Name: is, Group: v.Case.Name}
		for _, in := range inputs {
			var ev []string
			for _, r := range slices.Concat(in.PositionEvidence, in.ConfidenceEvidence, in.SalienceEvidence) {
				if !slices.Contains(ev, r) {
					ev = append(ev, r)
				}
			}
			ai.Actors = append(ai.Actors, analyse.Actor{Name: in.Actor, Position: in.Position, Salience: in.Salience,
				Capability: in.Capability, Confidence: in.Confidence, Evidence: ev})
		}
		if err := ai.Validate(); err != nil {
			return nil, fmt.Errorf("case %s: %w", v.Case.Name, err)
		}
		out.Issues = append(out.Issues, ai)
		out.Inputs[is] = inputs
	}
	return out, nil
}

// partyInput is one party's inputs on one scaled issue, false when the
// scale places none of its claims.
func partyInput(v *track.View, party, issue string) (caseInput, bool) {
	pv, ok := v.PositionValue(party, issue)
	if !ok {
		return caseInput{}, false
	}
	in := caseInput{Kind: "input", Issue: issue, Actor: party, Position: pv.Value, Label: pv.Label, Cue: pv.Cue,
		PositionEvidence: entryRefs(pv.Basis), Capability: 1, CapabilityBasis: "equal"}
	if x, ok := v.Case.Capability(party); ok {
		in.Capability, in.CapabilityBasis = x, "case file"
	}
	st, _ := v.Stance(party, issue) // a placed party has claims, so a stance
	in.Act = st.Act
	in.Confidence = math.Max(st.Confidence, minConfidence)
	in.ConfidenceEvidence = entryRefs(st.Basis)
	miss := 1 - defaultSalience
	basis := []string{fmt.Sprintf("default %g", defaultSalience)}
	for _, s := range v.SalienceFor(party, issue) {
		miss *= 1 - s.Weight
		basis = append(basis, fmt.Sprintf("%q %g", strings.ToLower(s.Cue), s.Weight))
		if r := evidenceRef(s.Doc.ID, s.Span); !slices.Contains(in.SalienceEvidence, r) {
			in.SalienceEvidence = append(in.SalienceEvidence, r)
		}
	}
	if st.Precondition {
		miss *= 1 - preconditionWeight
		basis = append(basis, fmt.Sprintf("precondition %g", preconditionWeight))
		for _, e := range st.Basis {
			if e.Claim.Precondition {
				if r := evidenceRef(e.Claim.Doc, e.Claim.Evidence.Sentence); !slices.Contains(in.SalienceEvidence, r) {
					in.SalienceEvidence = append(in.SalienceEvidence, r)
				}
			}
		}
	}
	in.Salience = math.Round((1-miss)*1000) / 1000
	in.SalienceBasis = strings.Join(basis, ", ")
	return in, true
}

// note sums up an input for a table cell, the label last.
func (in caseInput) note() string {
	sal := analyseNum(in.Salience)
	if cues := in.SalienceBasis[strings.Index(in.SalienceBasis, ",")+1:]; strings.Contains(in.SalienceBasis, ",") {
		sal += " (" + strings.TrimSpace(cues) + ")"
	}
	return fmt.Sprintf("salience %s, capability %s, confidence %.2f, %s: %s", sal, analyseNum(in.Capability), in.Confidence, in.Act, in.Label)
}

// unplacedReason says why a party has no position on an issue's scale.
func unplacedReason(v *track.View, party, issue string) string {
	tl := v.Timeline(party, issue)
	if len(tl) == 0 {
		return party + ": no claim"
	}
	placeable := 0
	for _, e := range tl {
		switch e.Claim.Act {
		case model.ActDemand, model.ActPropose, model.ActAccept:
			placeable++
		}
	}
	if placeable == 0 {
		return fmt.Sprintf("%s: %d claim(s), none a demand, proposal or acceptance", party, len(tl))
	}
	return fmt.Sprintf("%s: %d demand(s)/proposal(s)/acceptance(s), none with a scale cue", party, placeable)
}

// caseToDomain builds a two-party package domain from a case: one issue
// per scaled issue on which both parties are placed, the scale's points as
// options (named by their values), a party's score for an option
// 1 − |option − its position|/100, its weight on the issue its salience,
// reservation values 0. A case that cannot give such a domain is a usage
// error that says what it lacks.
func caseToDomain(v *track.View) (*analyse.Domain, *caseDomain, error) {
	c := v.Case
	if len(c.Parties) != 2 {
		return nil, nil, usagef("packages --case: case %s has %d parties (%s); the package model takes exactly two: write a two-party case file, or forecast --case for issue-by-issue models",
			c.Name, len(c.Parties), strings.Join(c.Parties, ", "))
	}
	ci, err := buildCaseInputs(v)
	if err != nil {
		return nil, nil, usagef("packages --case: %v", err)
	}
	if len(ci.Issues) == 0 {
		var why []string
		for _, s := range ci.Skipped {
			why = append(why, s.Issue+": "+s.Reason)
		}
		return nil, nil, usagef("packages --case: case %s has no scaled issue on which both parties are placed (%s)", c.Name, strings.Join(why, "; "))
	}
	d := &analyse.Domain{}
	for _, p := range c.Parties {
		d.Parties = append(d.Parties, analyse.Party{Name: p, Weights: map[string]float64{}, Scores: map[string][]float64{}})
	}
	cd := &caseDomain{skipped: ci.Skipped}
	for _, is := range ci.Issues {
		sc := c.Scales[is.Name]
		di := analyse.DomainIssue{Name: is.Name}
		for _, pt := range sc.Points {
			di.Options = append(di.Options, analyseNum(pt.Value))
		}
		d.Issues = append(d.Issues, di)
		for _, in := range ci.Inputs[is.Name] {
			i := slices.Index(c.Parties, in.Actor)
			scores := make([]float64, len(sc.Points))
			for j, pt := range sc.Points {
				scores[j] = 1 - math.Abs(pt.Value-in.Position)/100
			}
			d.Parties[i].Weights[is.Name] = in.Salience
			d.Parties[i].Scores[is.Name] = scores
			cd.inputs = append(cd.inputs, in)
		}
	}
	if err := d.Validate(); err != nil {
		return nil, nil, fmt.Errorf("packages: case %s: %w", c.Name, err)
	}
	return d, cd, nil
}
