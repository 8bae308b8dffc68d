package track

import (
	"strings"
	"time"

	"parley/internal/model"
)

// This file exposes what the bargaining models need from a case, as plain
// values: the salience evidence that bears on one party's stake in an
// issue, and a party's dated positions on an issue's scale. The conversion
// into the models' input types lives with the command line, so that track
// does not depend on the models.

// SalienceEvidence is a salience cue with the span of its sentence in its
// report (a zero span when the sentence cannot be found in the stored
// text).
type SalienceEvidence struct {
	Salience
	Span model.Span `json:"span"`
}

// SalienceFor returns the salience cues of an issue that bear on a party:
// those whose sentence names that party alone, and those whose sentence
// names no single party of the case (they speak of the issue as a whole,
// "territory is the most difficult point"). Cues whose sentence names
// another party alone are left out. Order is that of the issue's cues.
func (v *View) SalienceFor(party, issue string) []SalienceEvidence {
	var out []SalienceEvidence
	for _, s := range v.salience()[issue] {
		if s.Party != "" && s.Party != party {
			continue
		}
		se := SalienceEvidence{Salience: s}
		if d, ok := v.Docs[s.Doc.ID]; ok {
			if at := strings.Index(d.Text, s.Sentence); at >= 0 {
				se.Span = model.Span{Start: at, End: at + len(s.Sentence)}
			}
		}
		out = append(out, se)
	}
	return out
}

// PlacedEntry is one claim of a party placed on an issue's scale, at the
// time the case orders it by.
type PlacedEntry struct {
	Entry     *Entry    `json:"entry"`
	Placement Placement `json:"placement"`
	Time      time.Time `json:"time"`
}

// PositionSeries returns the claims of a party on an issue that the
// issue's scale places (see Scale.Place), in time order, with their time:
// the claim's time, or its report's date for intentions about the future.
// Claims from undated reports are left out: the case orders them by
// ingestion time, which is no date of the position. The series is empty
// when the case defines no scale for the issue.
func (v *View) PositionSeries(party, issue string) []PlacedEntry {
	sc, ok := v.Case.Scales[issue]
	if !ok {
		return nil
	}
	var out []PlacedEntry
	for _, e := range v.Timeline(party, issue) {
		if e.Doc.Undated {
			continue
		}
		p, ok := sc.Place(e.Claim)
		if !ok {
			continue
		}
		out = append(out, PlacedEntry{Entry: e, Placement: p, Time: e.When()})
	}
	return out
}

// Capability returns a party's capability from the case file, and false
// when the case gives none.
func (c *Case) Capability(party string) (float64, bool) {
	x, ok := c.Capabilities[party]
	return x, ok
}
