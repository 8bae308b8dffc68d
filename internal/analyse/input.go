package analyse

// Input formats
//
// Positions, CSV (one row per actor and issue; columns in any order, named
// by the header; the optional columns may be left empty):
//
//	issue,actor,position,salience,capability[,reference][,position_sd|position_min,position_max][,salience_sd][,confidence][,evidence]
//
// position is on the issue scale (0–100), salience in 0–1, capability ≥ 0
// (relative), reference the issue's reference point (status quo; every row
// of an issue that gives one must give the same), position_sd a standard
// error or position_min/position_max a range for the Monte Carlo model,
// salience_sd a standard error of the salience, confidence in 0–1 how sure
// the source of the stance is, evidence a ';'-separated list of claim
// identifiers. Issues keep the order of their first row.
//
// Positions, YAML:
//
//	issues:
//	  - name: emissions target
//	    reference: 10        # optional
//	    lo: 0                # optional scale, default 0–100
//	    hi: 100
//	    actors:
//	      - {name: Germany, position: 40, salience: 0.8, capability: 0.16,
//	         position_sd: 5, salience_sd: 0.1, confidence: 0.7, evidence: [c12, c40]}
//
// (position_min and position_max may replace position_sd.)
//
// Package domains, YAML (see Domain): issues with their options, and two
// parties, each with a reservation value, a weight per issue and a score per
// option of each issue:
//
//	issues:
//	  - {name: price, options: ["$4.37", "$3.47"]}
//	parties:
//	  - name: Itex
//	    reservation: 0.6
//	    weights: {price: 1}
//	    scores: {price: [30, 1]}
//	  - …
//
// Adjusted Winner items, CSV with the two party names as the header's
// second and third columns (item,Carol,Bob), one row per item with each
// party's points (each party's column sums to 100); or YAML:
//
//	parties: [Carol, Bob]
//	items:
//	  - {name: retirement, points: [50, 40]}
//
// Errors name the file, the line (and column for YAML) and the field.
// Examples are in testdata/.

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
)

// InputError is an error in an input file.
type InputError struct {
	File   string
	Line   int // 0 when unknown
	Col    int // 0 when unknown
	Field  string
	Reason string
}

func (e *InputError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
		if e.Col > 0 {
			loc += ":" + strconv.Itoa(e.Col)
		}
	}
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", loc, e.Field, e.Reason)
	}
	return fmt.Sprintf("%s: %s", loc, e.Reason)
}

// isYAML tells the format from the file name.
func isYAML(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return true
	}
	return false
}

// ReadPositions reads positions in CSV or YAML, told apart by the file
// name's extension (.yaml or .yml for YAML, anything else CSV), and
// validates every issue.
func ReadPositions(r io.Reader, name string) ([]Issue, error) {
	if isYAML(name) {
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("analyse: read %s: %w", name, err)
		}
		return ReadPositionsYAML(data, name)
	}
	return ReadPositionsCSV(r, name)
}

// ReadPositionsCSV reads the CSV positions format.
func ReadPositionsCSV(r io.Reader, name string) ([]Issue, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &InputError{File: name, Line: 1, Reason: "empty file, want a header"}
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	col := map[string]int{}
	known := map[string]bool{"issue": true, "actor": true, "position": true, "salience": true, "capability": true,
		"reference": true, "position_sd": true, "position_min": true, "position_max": true, "salience_sd": true,
		"confidence": true, "evidence": true}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !known[h] {
			return nil, &InputError{File: name, Line: 1, Field: h, Reason: "unknown column"}
		}
		if _, dup := col[h]; dup {
			return nil, &InputError{File: name, Line: 1, Field: h, Reason: "duplicate column"}
		}
		col[h] = i
	}
	for _, need := range []string{"issue", "actor", "position", "salience", "capability"} {
		if _, ok := col[need]; !ok {
			return nil, &InputError{File: name, Line: 1, Field: need, Reason: "missing column"}
		}
	}
	_, hasMin := col["position_min"]
	_, hasMax := col["position_max"]
	if hasMin != hasMax {
		return nil, &InputError{File: name, Line: 1, Field: "position_min, position_max", Reason: "give both columns or neither"}
	}
	var issues []Issue
	index := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // blank line
		}
		get := func(f string) string {
			if i, ok := col[f]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		fail := func(field, format string, args ...any) error {
			return &InputError{File: name, Line: line, Field: field, Reason: fmt.Sprintf(format, args...)}
		}
		num := func(f string, required bool) (*float64, error) {
			s := get(f)
			if s == "" {
				if required {
					return nil, fail(f, "missing value")
				}
				return nil, nil
			}
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, fail(f, "%q is not a number", s)
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fail(f, "%q is not a finite number", s)
			}
			return &v, nil
		}
		in := get("issue")
		if in == "" {
			return nil, fail("issue", "missing issue name")
		}
		a := Actor{Name: get("actor")}
		if a.Name == "" {
			return nil, fail("actor", "missing actor name")
		}
		vals := map[string]*float64{}
		for _, f := range []string{"position", "salience", "capability"} {
			v, err := num(f, true)
			if err != nil {
				return nil, err
			}
			vals[f] = v
		}
		for _, f := range []string{"reference", "position_sd", "position_min", "position_max", "salience_sd", "confidence"} {
			v, err := num(f, false)
			if err != nil {
				return nil, err
			}
			vals[f] = v
		}
		a.Position, a.Salience, a.Capability = *vals["position"], *vals["salience"], *vals["capability"]
		if v := vals["position_sd"]; v != nil {
			a.PositionSD = *v
		}
		if v := vals["salience_sd"]; v != nil {
			a.SalienceSD = *v
		}
		if v := vals["confidence"]; v != nil {
			a.Confidence = *v
		}
		if lo, hi := vals["position_min"], vals["position_max"]; lo != nil || hi != nil {
			if lo == nil || hi == nil {
				return nil, fail("position_min, position_max", "give both or neither")
			}
			if a.PositionSD > 0 {
				return nil, fail("position_sd", "give position_sd or position_min/position_max, not both")
			}
			a.PositionRange = &Range{*lo, *hi}
		}
		if ev := get("evidence"); ev != "" {
			for _, e := range strings.Split(ev, ";") {
				if e = strings.TrimSpace(e); e != "" {
					a.Evidence = append(a.Evidence, e)
				}
			}
		}
		if err := a.validate(); err != nil {
			field, reason, _ := strings.Cut(err.Error(), ": ")
			return nil, fail(field, "%s", reason)
		}
		i, ok := index[in]
		if !ok {
			i = len(issues)
			index[in] = i
			issues = append(issues, Issue{Name: in})
		}
		is := &issues[i]
		for _, other := range is.Actors {
			if other.Name == a.Name {
				return nil, fail("actor", "actor %q appears twice on issue %q", a.Name, in)
			}
		}
		if ref := vals["reference"]; ref != nil {
			if is.Reference != nil && *is.Reference != *ref {
				return nil, fail("reference", "%v differs from the issue's earlier reference %v", *ref, *is.Reference)
			}
			is.Reference = ref
		}
		is.Actors = append(is.Actors, a)
	}
	if len(issues) == 0 {
		return nil, &InputError{File: name, Reason: "no rows: no issues"}
	}
	return issues, nil
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &InputError{File: name, Line: pe.Line, Col: pe.Column, Reason: pe.Err.Error()}
	}
	return fmt.Errorf("analyse: read %s: %w", name, err)
}

type yamlActor struct {
	Name        string   `yaml:"name"`
	Position    *float64 `yaml:"position"`
	Salience    *float64 `yaml:"salience"`
	Capability  *float64 `yaml:"capability"`
	PositionSD  float64  `yaml:"position_sd"`
	PositionMin *float64 `yaml:"position_min"`
	PositionMax *float64 `yaml:"position_max"`
	SalienceSD  float64  `yaml:"salience_sd"`
	Confidence  float64  `yaml:"confidence"`
	Evidence    []string `yaml:"evidence"`
}

type yamlIssue struct {
	Name      string      `yaml:"name"`
	Reference *float64    `yaml:"reference"`
	Lo        float64     `yaml:"lo"`
	Hi        float64     `yaml:"hi"`
	Actors    []yamlActor `yaml:"actors"`
}

// decodeYAML decodes strictly and turns decoder errors into InputErrors.
func decodeYAML(data []byte, name string, v any) (err error) {
	// go-yaml v1.19.2 panics on some malformed input; report it as an
	// error in the file.
	defer func() {
		if r := recover(); r != nil {
			err = &InputError{File: name, Reason: fmt.Sprintf("malformed YAML (%v)", r)}
		}
	}()
	if err := yaml.UnmarshalWithOptions(data, v, yaml.Strict()); err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			p := ye.GetToken().Position
			return &InputError{File: name, Line: p.Line, Col: p.Column, Reason: ye.GetMessage()}
		}
		return &InputError{File: name, Reason: err.Error()}
	}
	return nil
}

var pathIndex = regexp.MustCompile(`\[(\d+)\]`)

// yamlError locates a field path such as issues[0].actors[2].salience in
// the YAML source, for an error message with its line and column.
func yamlError(data []byte, name, field, reason string) (err error) {
	e := &InputError{File: name, Field: field, Reason: reason}
	defer func() {
		if recover() != nil { // no position, but the error still stands
			err = e
		}
	}()
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return e
	}
	// Try the full path, then shorter ones, so a missing key points at its
	// parent.
	p := field
	for p != "" {
		if path, err := yaml.PathString("$." + p); err == nil {
			if node, err := path.FilterFile(f); err == nil && node != nil && node.GetToken() != nil {
				e.Line, e.Col = node.GetToken().Position.Line, node.GetToken().Position.Column
				return e
			}
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			break
		}
		p = p[:i]
	}
	return e
}

// ReadPositionsYAML reads the YAML positions format.
func ReadPositionsYAML(data []byte, name string) ([]Issue, error) {
	var doc struct {
		Issues []yamlIssue `yaml:"issues"`
	}
	if err := decodeYAML(data, name, &doc); err != nil {
		return nil, err
	}
	if len(doc.Issues) == 0 {
		return nil, yamlError(data, name, "issues", "no issues")
	}
	var out []Issue
	for i, yi := range doc.Issues {
		at := fmt.Sprintf("issues[%d]", i)
		if yi.Name == "" {
			return nil, yamlError(data, name, at+".name", "missing issue name")
		}
		if len(yi.Actors) == 0 {
			return nil, yamlError(data, name, at+".actors", fmt.Sprintf("issue %q has no actors", yi.Name))
		}
		is := Issue{Name: yi.Name, Reference: yi.Reference, Lo: yi.Lo, Hi: yi.Hi}
		if is.Reference != nil && !finite(*is.Reference) {
			return nil, yamlError(data, name, at+".reference", "not a finite number")
		}
		if (yi.Lo != 0 || yi.Hi != 0) && !(yi.Hi > yi.Lo) {
			return nil, yamlError(data, name, at+".hi", "hi must be above lo")
		}
		for j, ya := range yi.Actors {
			aat := fmt.Sprintf("%s.actors[%d]", at, j)
			if ya.Name == "" {
				return nil, yamlError(data, name, aat+".name", "missing actor name")
			}
			for _, f := range []struct {
				n string
				v *float64
			}{{"position", ya.Position}, {"salience", ya.Salience}, {"capability", ya.Capability}} {
				if f.v == nil {
					return nil, yamlError(data, name, aat+"."+f.n, "missing value")
				}
			}
			a := Actor{Name: ya.Name, Position: *ya.Position, Salience: *ya.Salience, Capability: *ya.Capability,
				PositionSD: ya.PositionSD, SalienceSD: ya.SalienceSD, Confidence: ya.Confidence, Evidence: ya.Evidence}
			if (ya.PositionMin == nil) != (ya.PositionMax == nil) {
				return nil, yamlError(data, name, aat, "give both position_min and position_max or neither")
			}
			if ya.PositionMin != nil {
				a.PositionRange = &Range{*ya.PositionMin, *ya.PositionMax}
			}
			if err := a.validate(); err != nil {
				field, reason, _ := strings.Cut(err.Error(), ": ")
				field, _, _ = strings.Cut(field, ",")
				return nil, yamlError(data, name, aat+"."+field, reason)
			}
			for _, other := range is.Actors {
				if other.Name == a.Name {
					return nil, yamlError(data, name, aat+".name", fmt.Sprintf("actor %q appears twice", a.Name))
				}
			}
			is.Actors = append(is.Actors, a)
		}
		out = append(out, is)
	}
	return out, nil
}

// ReadDomain reads a package domain (YAML) and validates it.
func ReadDomain(data []byte, name string) (*Domain, error) {
	var d Domain
	if err := decodeYAML(data, name, &d); err != nil {
		return nil, err
	}
	if err := d.Validate(); err != nil {
		field, reason, _ := strings.Cut(err.Error(), ": ")
		return nil, yamlError(data, name, field, reason)
	}
	return &d, nil
}

// ReadDivision reads Adjusted Winner items in CSV or YAML (by extension)
// and validates them.
func ReadDivision(r io.Reader, name string) (*Division, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("analyse: read %s: %w", name, err)
	}
	var d Division
	if isYAML(name) {
		if err := decodeYAML(data, name, &d); err != nil {
			return nil, err
		}
		if err := d.Validate(); err != nil {
			field, reason, _ := strings.Cut(err.Error(), ": ")
			return nil, yamlError(data, name, field, reason)
		}
		return &d, nil
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &InputError{File: name, Line: 1, Reason: "empty file, want a header item,PARTY,PARTY"}
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	if len(header) != 3 {
		return nil, &InputError{File: name, Line: 1, Reason: fmt.Sprintf("%d columns, want 3: item,PARTY,PARTY", len(header))}
	}
	d.Parties = [2]string{strings.TrimSpace(header[1]), strings.TrimSpace(header[2])}
	for p, party := range d.Parties {
		if party == "" {
			return nil, &InputError{File: name, Line: 1, Field: fmt.Sprintf("column %d", p+2), Reason: "missing party name"}
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		it := Item{Name: strings.TrimSpace(rec[0])}
		if it.Name == "" {
			return nil, &InputError{File: name, Line: line, Field: "item", Reason: "missing item name"}
		}
		for p := range 2 {
			s := strings.TrimSpace(rec[p+1])
			v, err := strconv.ParseFloat(s, 64)
			if err != nil || !finite(v) || v < 0 {
				return nil, &InputError{File: name, Line: line, Field: d.Parties[p], Reason: fmt.Sprintf("%q is not a non-negative number", s)}
			}
			it.Points[p] = v
		}
		d.Items = append(d.Items, it)
	}
	if err := d.Validate(); err != nil {
		return nil, &InputError{File: name, Reason: err.Error()}
	}
	return &d, nil
}
