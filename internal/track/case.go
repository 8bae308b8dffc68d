// Package track turns stored claims into the picture an analyst needs for
// one negotiation (a case): timelines per party and issue, current stances,
// what moved, which reports disagree, and where the gap is widest.
package track

import (
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"

	"parley/internal/model"
)

// Case is one negotiation: who takes part, on what, and when.
type Case struct {
	Name      string   `yaml:"name" json:"name"`
	Title     string   `yaml:"title,omitempty" json:"title,omitempty"`
	Parties   []string `yaml:"parties" json:"parties"`
	Mediators []string `yaml:"mediators,omitempty" json:"mediators,omitempty"`
	// Issues in scope; empty means every issue.
	Issues []string `yaml:"issues,omitempty" json:"issues,omitempty"`
	Window Window   `yaml:"window,omitempty" json:"window,omitzero"`
	// Scales are ordered positions per issue, keyed by issue.
	Scales map[string]Scale `yaml:"scales,omitempty" json:"scales,omitempty"`
	// Capabilities are the parties' relative weights in the bargaining
	// models (clout, votes, GDP; only ratios matter). Optional; when
	// given, every party needs a non-negative value.
	Capabilities map[string]float64 `yaml:"capabilities,omitempty" json:"capabilities,omitempty"`

	from, to time.Time
}

// Window bounds the reports a case reads, as YYYY-MM-DD dates; either may
// be empty.
type Window struct {
	From string `yaml:"from,omitempty" json:"from,omitempty"`
	To   string `yaml:"to,omitempty" json:"to,omitempty"`
}

// Scale is an ordered set of positions on one issue, from 0 to 100.
type Scale struct {
	Points []ScalePoint `yaml:"points" json:"points"`
}

// ScalePoint is one position on a scale, with the phrases that name it.
type ScalePoint struct {
	Value float64  `yaml:"value" json:"value"`
	Label string   `yaml:"label" json:"label"`
	Cues  []string `yaml:"cues" json:"cues"`
}

// ParseCase decodes a case file strictly and checks it. file names the
// source in errors, which read file:line:col.
func ParseCase(file string, data []byte) (*Case, error) {
	var c Case
	if err := decodeStrict(file, data, &c); err != nil {
		return nil, fmt.Errorf("track: case: %w", err)
	}
	if err := c.check(file, data); err != nil {
		return nil, fmt.Errorf("track: case: %w", err)
	}
	return &c, nil
}

// ReadCaseFile reads and parses a case file.
func ReadCaseFile(path string) (*Case, []byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("track: read case: %w", err)
	}
	c, err := ParseCase(path, data)
	if err != nil {
		return nil, nil, err
	}
	return c, data, nil
}

// check validates what the decoder cannot, pointing at the node at fault.
func (c *Case) check(file string, data []byte) error {
	at := func(path string) string { return nodePos(file, data, path) }
	if strings.TrimSpace(c.Name) == "" {
		return fmt.Errorf("%s: name is required", at("$"))
	}
	if strings.ContainsAny(c.Name, " \t\n/") {
		return fmt.Errorf("%s: name %q must be one word (no spaces or slashes)", at("$.name"), c.Name)
	}
	if len(c.Parties) < 2 {
		return fmt.Errorf("%s: a case needs two or more parties", at("$.parties"))
	}
	seen := map[string]bool{}
	for i, p := range append(slices.Clone(c.Parties), c.Mediators...) {
		if strings.TrimSpace(p) == "" {
			return fmt.Errorf("%s: empty party or mediator name", at("$"))
		}
		if seen[p] {
			return fmt.Errorf("%s: %q is named twice among parties and mediators", at(fmt.Sprintf("$.parties[%d]", min(i, len(c.Parties)-1))), p)
		}
		seen[p] = true
	}
	for i, is := range c.Issues {
		if !slices.Contains(model.Issues, is) {
			return fmt.Errorf("%s: unknown issue %q (one of %s)", at(fmt.Sprintf("$.issues[%d]", i)), is, strings.Join(model.Issues, ", "))
		}
	}
	var err error
	if c.Window.From != "" {
		if c.from, err = time.Parse(time.DateOnly, c.Window.From); err != nil {
			return fmt.Errorf("%s: window.from %q is not a YYYY-MM-DD date", at("$.window.from"), c.Window.From)
		}
	}
	if c.Window.To != "" {
		if c.to, err = time.Parse(time.DateOnly, c.Window.To); err != nil {
			return fmt.Errorf("%s: window.to %q is not a YYYY-MM-DD date", at("$.window.to"), c.Window.To)
		}
		c.to = c.to.Add(24*time.Hour - time.Nanosecond)
	}
	if !c.from.IsZero() && !c.to.IsZero() && c.to.Before(c.from) {
		return fmt.Errorf("%s: window ends before it starts", at("$.window"))
	}
	if err := c.checkCapabilities(at); err != nil {
		return err
	}
	for issue, s := range c.Scales {
		p := "$.scales." + issue
		if !slices.Contains(model.Issues, issue) {
			return fmt.Errorf("%s: scale for unknown issue %q", at(p), issue)
		}
		if len(c.Issues) > 0 && !slices.Contains(c.Issues, issue) {
			return fmt.Errorf("%s: scale for issue %q, which is not in the case's issues", at(p), issue)
		}
		if len(s.Points) < 2 {
			return fmt.Errorf("%s: a scale needs two or more points", at(p))
		}
		for i, pt := range s.Points {
			pp := fmt.Sprintf("%s.points[%d]", p, i)
			if pt.Value < 0 || pt.Value > 100 {
				return fmt.Errorf("%s: value %v is outside 0–100", at(pp+".value"), pt.Value)
			}
			if i > 0 && pt.Value <= s.Points[i-1].Value {
				return fmt.Errorf("%s: values must increase along the scale", at(pp+".value"))
			}
			if strings.TrimSpace(pt.Label) == "" {
				return fmt.Errorf("%s: label is required", at(pp))
			}
			if len(pt.Cues) == 0 {
				return fmt.Errorf("%s: a point needs at least one cue phrase", at(pp))
			}
		}
	}
	return nil
}

// checkCapabilities checks the optional capabilities: one finite,
// non-negative value for every party and for parties only.
func (c *Case) checkCapabilities(at func(string) string) error {
	if c.Capabilities == nil {
		return nil
	}
	for _, name := range slices.Sorted(maps.Keys(c.Capabilities)) {
		x, p := c.Capabilities[name], "$.capabilities."+name
		if !c.IsParty(name) {
			return fmt.Errorf("%s: capability for %q, which is not a party of the case", at(p), name)
		}
		if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
			return fmt.Errorf("%s: capability %v of %s is not a non-negative number", at(p), x, name)
		}
	}
	for _, p := range c.Parties {
		if _, ok := c.Capabilities[p]; !ok {
			return fmt.Errorf("%s: no capability for party %q (give every party one, or none)", at("$.capabilities"), p)
		}
	}
	return nil
}

// nodePos returns "file:line:col" of the node at a YAML path, or "file"
// when the path cannot be found.
func nodePos(file string, data []byte, path string) string {
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return file
	}
	p, err := yaml.PathString(path)
	if err != nil {
		return file
	}
	n, err := p.FilterFile(f)
	if err != nil || n == nil {
		return file
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return file
	}
	return fmt.Sprintf("%s:%d:%d", file, tk.Position.Line, tk.Position.Column)
}

// IsParty reports whether name is one of the case's parties.
func (c *Case) IsParty(name string) bool { return slices.Contains(c.Parties, name) }

// inScope reports whether a claim's actor and issue belong to the case.
func (c *Case) inScope(cl model.Claim) bool {
	if !slices.Contains(c.Parties, cl.Actor) && !slices.Contains(c.Mediators, cl.Actor) {
		return false
	}
	return len(c.Issues) == 0 || slices.Contains(c.Issues, cl.Issue)
}

// inWindow reports whether a document belongs to the case's time window.
// Undated documents are kept: they cannot be placed, and are flagged.
func (c *Case) inWindow(d model.Document) bool {
	if d.PublishedPrecision == model.PrecisionNone || d.Published.IsZero() {
		return true
	}
	if !c.from.IsZero() && d.Published.Before(c.from) {
		return false
	}
	if !c.to.IsZero() && d.Published.After(c.to) {
		return false
	}
	return true
}

// IssueList returns the issues in scope: the case's, or every issue.
func (c *Case) IssueList() []string {
	if len(c.Issues) > 0 {
		return c.Issues
	}
	return model.Issues
}

// Marshal writes the case as YAML.
func (c *Case) Marshal() ([]byte, error) {
	b, err := yaml.MarshalWithOptions(c, yaml.IndentSequence(true))
	if err != nil {
		return nil, fmt.Errorf("track: write case: %w", err)
	}
	return b, nil
}
