package analyse

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// DEU3 is the DEU III data set (Arregui & Perarnaud 2021): contested issues
// of EU legislative proposals with the positions and saliences of the
// Commission, the Parliament and the member states on 0–100 scales, the
// reference point and the outcome.
type DEU3 struct {
	// Issues in file order. An actor appears in an issue only when both its
	// position and its salience are present; Outcome is nil when `out` is
	// missing. Capabilities are the file's GDP capabilities.
	Issues []Issue
	// Actors are the actor codes in column order (com, ep, at, be, …).
	Actors []string
	// Capability is the file's second line: a GDP-based capability per actor.
	Capability map[string]float64
	// Dropped counts actor stances with a position but no salience (left out).
	Dropped int
}

// ReadDEU3 reads the tab-separated DEU III file: a header line, a line of
// capabilities under the position columns, then one line per issue. Actor
// columns are the pairs pXX/sXX (position, salience); `prnr` names the
// proposal (Issue.Group), `isnr` the issue, `counvte` the Council voting
// rule, `rp` the reference point and `out` the outcome. Empty cells and 999
// are missing values. name is used in error messages.
func ReadDEU3(r io.Reader, name string) (*DEU3, error) {
	cr := csv.NewReader(r)
	cr.Comma = '\t'
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("analyse: read %s: header: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{"out", "rp", "isnr", "prnr"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("analyse: read %s: header has no %q column", name, need)
		}
	}
	d := &DEU3{Capability: map[string]float64{}}
	type actorCols struct {
		code string
		p, s int
	}
	var acts []actorCols
	for i, h := range header {
		if len(h) < 2 || h[0] != 'p' {
			continue
		}
		if j, ok := col["s"+h[1:]]; ok {
			acts = append(acts, actorCols{h[1:], i, j})
			d.Actors = append(d.Actors, h[1:])
		}
	}
	if len(acts) == 0 {
		return nil, fmt.Errorf("analyse: read %s: no pXX/sXX actor columns", name)
	}
	cell := func(rec []string, i int) string {
		if i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	// value parses a cell; ok is false for a missing value.
	value := func(rec []string, i int) (v float64, ok bool, err error) {
		s := cell(rec, i)
		if s == "" {
			return 0, false, nil
		}
		v, err = strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, false, fmt.Errorf("field %s: %q is not a number", header[i], s)
		}
		if v == 999 {
			return 0, false, nil
		}
		if !finite(v) {
			return 0, false, fmt.Errorf("field %s: %q is not a finite number", header[i], s)
		}
		return v, true, nil
	}
	caps, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("analyse: read %s: line 2 (capabilities): %w", name, err)
	}
	for _, a := range acts {
		v, ok, err := value(caps, a.p)
		if err != nil {
			return nil, fmt.Errorf("analyse: read %s:2: %w", name, err)
		}
		if !ok {
			return nil, fmt.Errorf("analyse: read %s:2: field %s: capability missing", name, header[a.p])
		}
		d.Capability[a.code] = v
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("analyse: read %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		is := Issue{Name: cell(rec, col["isnr"]), Group: cell(rec, col["prnr"])}
		if i, ok := col["counvte"]; ok {
			is.Rule = cell(rec, i)
		}
		for _, f := range []struct {
			col string
			dst **float64
		}{{"rp", &is.Reference}, {"out", &is.Outcome}} {
			v, ok, err := value(rec, col[f.col])
			if err != nil {
				return nil, fmt.Errorf("analyse: read %s:%d: %w", name, line, err)
			}
			if ok {
				*f.dst = &v
			}
		}
		for _, a := range acts {
			x, okx, err := value(rec, a.p)
			if err != nil {
				return nil, fmt.Errorf("analyse: read %s:%d: %w", name, line, err)
			}
			s, oks, err := value(rec, a.s)
			if err != nil {
				return nil, fmt.Errorf("analyse: read %s:%d: %w", name, line, err)
			}
			if !okx {
				continue
			}
			if !oks {
				d.Dropped++
				continue
			}
			if s < 0 || s > 100 || x < 0 || x > 100 {
				return nil, fmt.Errorf("analyse: read %s:%d: actor %s: position %v or salience %v outside 0–100", name, line, a.code, x, s)
			}
			is.Actors = append(is.Actors, Actor{Name: a.code, Position: x, Salience: s / 100, Capability: d.Capability[a.code]})
		}
		d.Issues = append(d.Issues, is)
	}
	return d, nil
}

// WithOutcome returns the issues that have an outcome and at least one actor.
func (d *DEU3) WithOutcome() []Issue {
	var out []Issue
	for _, is := range d.Issues {
		if is.Outcome != nil && len(is.Actors) > 0 {
			out = append(out, is)
		}
	}
	return out
}

// EqualCapability returns a copy of the issues with every capability set to 1.
func EqualCapability(issues []Issue) []Issue {
	out := make([]Issue, len(issues))
	for i, is := range issues {
		out[i] = is
		out[i].Actors = make([]Actor, len(is.Actors))
		for j, a := range is.Actors {
			a.Capability = 1
			out[i].Actors[j] = a
		}
	}
	return out
}

// actor returns the named actor's stance on the issue.
func (is *Issue) actor(name string) (Actor, bool) {
	for _, a := range is.Actors {
		if a.Name == name {
			return a, true
		}
	}
	return Actor{}, false
}
