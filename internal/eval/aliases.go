package eval

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

//go:embed data/aliases.yaml
var embeddedAliases []byte

// embeddedAliasesName is how errors name the embedded alias file.
const embeddedAliasesName = "internal/eval/data/aliases.yaml"

// Aliases says which actor names denote the same party. Names are compared
// after NormalizeActor; names listed in one entry form one class, and an
// entry that shares a name with an earlier class merges into it. A name
// listed nowhere is only equal to itself.
//
// Aliases is immutable after loading and safe for concurrent use.
type Aliases struct {
	parent map[string]string // union-find over normalised names
}

// aliasEntry is one entry of an alias file.
type aliasEntry struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
}

// LoadAliases reads the embedded alias table and then each user file in
// order. User files extend the table: their entries add names to a class
// or create new classes.
func LoadAliases(userFiles ...string) (*Aliases, error) {
	a := &Aliases{parent: map[string]string{}}
	if err := a.add(embeddedAliasesName, embeddedAliases); err != nil {
		return nil, err
	}
	for _, f := range userFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval: load aliases: %w", err)
		}
		if err := a.add(f, data); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// add decodes one alias file strictly and merges its entries.
func (a *Aliases) add(name string, data []byte) error {
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return yamlError(name, err)
	}
	// firstSeen records, for this file only, the line of the entry that
	// first listed each normalised name, to reject a name listed twice.
	firstSeen := map[string]int{}
	for _, doc := range file.Docs {
		if doc.Body == nil {
			continue
		}
		seq, ok := doc.Body.(*ast.SequenceNode)
		if !ok {
			pos := doc.Body.GetToken().Position
			return fmt.Errorf("eval: load aliases: %s:%d:%d: want a list of entries (name, aliases)", name, pos.Line, pos.Column)
		}
		for _, item := range seq.Values {
			var e aliasEntry
			if err := yaml.NodeToValue(item, &e, yaml.Strict()); err != nil {
				return yamlError(name, err)
			}
			first, nodes := entryNodes(item)
			line, col := position(first)
			if NormalizeActor(e.Name) == "" {
				return fmt.Errorf("eval: load aliases: %s:%d:%d: entry without a name", name, line, col)
			}
			names := append([]string{e.Name}, e.Aliases...)
			for i, n := range names {
				nl, nc := line, col
				if len(nodes) == len(names) {
					nl, nc = position(nodes[i])
				}
				k := NormalizeActor(n)
				if k == "" {
					return fmt.Errorf("eval: load aliases: %s:%d:%d: entry %q has an empty alias", name, nl, nc, e.Name)
				}
				if prev, dup := firstSeen[k]; dup {
					return fmt.Errorf("eval: load aliases: %s:%d:%d: %q is already listed in the entry at line %d", name, nl, nc, n, prev)
				}
				firstSeen[k] = line
				a.union(NormalizeActor(e.Name), k)
			}
		}
	}
	return nil
}

// entryNodes returns the first key of an entry, for its position, and the
// nodes of its names: the name first, then each alias.
func entryNodes(item ast.Node) (first ast.Node, names []ast.Node) {
	var values []*ast.MappingValueNode
	switch m := item.(type) {
	case *ast.MappingNode:
		values = m.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{m}
	}
	if len(values) == 0 {
		return item, nil
	}
	var nameNode ast.Node
	var aliasNodes []ast.Node
	for _, mv := range values {
		switch mv.Key.GetToken().Value {
		case "name":
			nameNode = mv.Value
		case "aliases":
			if seq, ok := mv.Value.(*ast.SequenceNode); ok {
				aliasNodes = seq.Values
			}
		}
	}
	if nameNode == nil {
		return values[0].Key, nil
	}
	return values[0].Key, append([]ast.Node{nameNode}, aliasNodes...)
}

// position is the line and column where a node starts.
func position(n ast.Node) (line, col int) {
	if n == nil || n.GetToken() == nil {
		return 0, 0
	}
	p := n.GetToken().Position
	return p.Line, p.Column
}

// yamlError formats a YAML error as file:line:col: message, with the
// source excerpt when the decoder gives one.
func yamlError(name string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		pos := ye.GetToken().Position
		return fmt.Errorf("eval: load aliases: %s:%d:%d: %s\n%s", name, pos.Line, pos.Column, ye.GetMessage(), yaml.FormatError(err, false, true))
	}
	return fmt.Errorf("eval: load aliases: %s: %w", name, err)
}

func (a *Aliases) find(k string) string {
	for {
		p, ok := a.parent[k]
		if !ok || p == k {
			return k
		}
		k = p
	}
}

func (a *Aliases) union(x, y string) {
	if _, ok := a.parent[x]; !ok {
		a.parent[x] = x
	}
	if _, ok := a.parent[y]; !ok {
		a.parent[y] = y
	}
	rx, ry := a.find(x), a.find(y)
	if rx != ry {
		a.parent[ry] = rx
	}
}

// Key returns the key under which an actor name is compared: equal keys
// mean the same party.
func (a *Aliases) Key(actor string) string {
	k := NormalizeActor(actor)
	if a == nil {
		return k
	}
	return a.find(k)
}

// Same reports whether two actor names denote the same party.
func (a *Aliases) Same(x, y string) bool { return a.Key(x) == a.Key(y) }

// NormalizeActor lower-cases an actor name, folds typographic apostrophes
// to ', collapses runs of white space and drops a leading "the".
func NormalizeActor(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(s)
	if rest, ok := strings.CutPrefix(s, "the "); ok {
		s = rest
	}
	return s
}
