package actors

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

//go:embed data/*.yaml
var dataFS embed.FS

// Kinds of party.
const (
	KindState        = "state"
	KindEntity       = "entity" // disputed or partly recognised
	KindOrganisation = "organisation"
	KindOrgan        = "organ" // speaks for its Parent
	KindGroup        = "group" // non-state armed group, movement, de-facto authority
	// KindRegion is a place that shares its name with a party's homeland
	// ("Gaza", "Darfur", "Donbas"): it is never reported as a party; its
	// name with a role noun ("Gaza authorities") speaks for its Voices.
	KindRegion = "region"
)

var kinds = []string{KindState, KindEntity, KindOrganisation, KindOrgan, KindGroup, KindRegion}

// Party is a gazetteer entry for a state, entity, organisation, organ or
// armed group, as written in the data files.
type Party struct {
	Name      string   `yaml:"name" json:"name"`
	Kind      string   `yaml:"kind" json:"kind"`
	ISO2      string   `yaml:"iso2" json:"iso2,omitempty"`
	ISO3      string   `yaml:"iso3" json:"iso3,omitempty"`
	Aliases   []string `yaml:"aliases" json:"aliases,omitempty"`
	Demonyms  []string `yaml:"demonyms" json:"demonyms,omitempty"`
	Metonyms  []string `yaml:"metonyms" json:"metonyms,omitempty"`
	Parent    string   `yaml:"parent" json:"parent,omitempty"`
	Ambiguous bool     `yaml:"ambiguous" json:"ambiguous,omitempty"`
	Active    []int    `yaml:"active" json:"active,omitempty"`
	// Base (an extension of the shared format) is the state or territory a
	// non-state group is based in: "the Palestinian group" after "Hamas"
	// resolves to Hamas through it, not to Palestine.
	Base string `yaml:"base" json:"base,omitempty"`
	// Governments (an extension of the shared format) lists de-facto
	// authorities that speak as a state's government between two dates:
	// after 2021-08-15 "Kabul" and "the Afghan government" are the Taliban.
	Governments []Government `yaml:"governments" json:"governments,omitempty"`
	// Federal (an extension) marks a state with a federal government:
	// "the federal government" prefers such a state.
	Federal bool `yaml:"federal" json:"federal,omitempty"`
	// Place (an extension) marks an entity whose bare name is a place
	// ("aid to Tigray"), not a party; only its name with a role noun
	// ("Tigray's leaders", "Tigray forces") or its aliases name a party.
	// Regions are always places.
	Place bool `yaml:"place" json:"place,omitempty"`
	// Voices (an extension) lists who a place's name with a role noun
	// speaks for between two dates ("Tigray's leaders" → TPLF until the
	// interim administration). A place without a voice on a date names no
	// party.
	Voices []Government `yaml:"voices" json:"voices,omitempty"`

	// File is where the entry was last defined or extended ("file:line").
	File string `yaml:"-" json:"file,omitempty"`

	parentAt, baseAt string // positions of Parent and Base
}

// Government is a de-facto authority speaking as a state's government.
type Government struct {
	Party string `yaml:"party" json:"party"`
	From  string `yaml:"from" json:"from,omitempty"`
	To    string `yaml:"to" json:"to,omitempty"`

	from, to time.Time // parsed when the entries are checked; zero = open
}

// covers reports whether the government holds on date.
func (gv Government) covers(d time.Time) bool {
	return Role{from: gv.from, to: gv.to}.Covers(d)
}

// parseDates parses From and To into the unexported fields.
func (gv *Government) parseDates() error {
	var err error
	if gv.from, err = parseRoleDate(gv.From, false); err != nil {
		return err
	}
	gv.to, err = parseRoleDate(gv.To, true)
	return err
}

// Person is someone who speaks for a party while holding a role.
type Person struct {
	Name    string   `yaml:"name" json:"name"`
	Aliases []string `yaml:"aliases" json:"aliases,omitempty"`
	Roles   []Role   `yaml:"roles" json:"roles"`

	File string `yaml:"-" json:"file,omitempty"`
}

// Role is an office held for a party between two dates.
type Role struct {
	Party string `yaml:"party" json:"party"`
	Title string `yaml:"title" json:"title"`
	From  string `yaml:"from" json:"from,omitempty"`
	To    string `yaml:"to" json:"to,omitempty"`

	from, to time.Time // parsed; zero = open
	at       string    // file:line:col of the role's party
	embedded bool      // from the embedded data, not a user's file
}

// dataFile is the shape of one YAML file.
type dataFile struct {
	Parties []*Party  `yaml:"parties"`
	People  []*Person `yaml:"people"`
}

// Covers reports whether the role is held on date d.
func (r Role) Covers(d time.Time) bool {
	if !r.from.IsZero() && d.Before(r.from) {
		return false
	}
	if !r.to.IsZero() && !d.Before(r.to) {
		return false
	}
	return true
}

// parseRoleDate reads YYYY, YYYY-MM or YYYY-MM-DD. For an end date the
// first day after the period is returned, so "to: 2020" covers all of 2020.
func parseRoleDate(s string, end bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []struct {
		layout string
		years  int
		months int
		days   int
	}{{"2006-01-02", 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		t, err := time.Parse(layout.layout, s)
		if err != nil {
			continue
		}
		if end && layout.layout != "2006-01-02" {
			t = t.AddDate(layout.years, layout.months, layout.days)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// source is one file to load.
type source struct {
	name     string
	data     []byte
	embedded bool
}

// embeddedSources lists data/*.yaml in name order.
func embeddedSources() ([]source, error) {
	entries, err := fs.Glob(dataFS, "data/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("actors: list data: %w", err)
	}
	slices.Sort(entries)
	var out []source
	for _, e := range entries {
		b, err := dataFS.ReadFile(e)
		if err != nil {
			return nil, fmt.Errorf("actors: read %s: %w", e, err)
		}
		out = append(out, source{name: path.Join("internal/actors", e), data: b, embedded: true})
	}
	return out, nil
}

// decoded is a parsed file kept with its AST for error positions.
type decoded struct {
	src  source
	file *ast.File
	df   dataFile
	// pos holds the positions of a file read from the snapshot (no AST).
	pos map[string]string
}

func decodeSource(src source) (*decoded, error) {
	f, err := parser.ParseBytes(src.data, 0)
	if err != nil {
		return nil, yamlError(src.name, err)
	}
	d := &decoded{src: src, file: f}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return d, nil
	}
	if err := yaml.NodeToValue(f.Docs[0].Body, &d.df, yaml.Strict()); err != nil {
		return nil, yamlError(src.name, err)
	}
	return d, nil
}

// yamlError formats a go-yaml error as file:line:col: message.
func yamlError(name string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		p := ye.GetToken().Position
		return fmt.Errorf("actors: %s:%d:%d: %s", name, p.Line, p.Column, ye.GetMessage())
	}
	return fmt.Errorf("actors: %s: %w", name, err)
}

// position returns "file:line:col" of the node at a YAML path, or the file
// name alone when the path cannot be found.
func (d *decoded) position(p string) string {
	if d.file == nil {
		if at, ok := d.pos[p]; ok {
			return d.src.name + ":" + at
		}
		return d.src.name
	}
	yp, err := yaml.PathString(p)
	if err != nil {
		return d.src.name
	}
	n, err := yp.FilterFile(d.file)
	if err != nil || n == nil || n.GetToken() == nil {
		return d.src.name
	}
	pos := n.GetToken().Position
	return fmt.Sprintf("%s:%d:%d", d.src.name, pos.Line, pos.Column)
}

// entries holds the merged data of every file.
type entries struct {
	parties     []*Party
	partyIndex  map[string]int // folded name → index
	people      []*Person
	personIndex map[string]int
	problems    []string // dropped references in the embedded data
	pending     []*Party // extensions of entries not yet merged
}

// merge adds the decoded file's entries. An entry whose name exists
// already extends it: scalar fields that are set replace the old values,
// lists are appended without duplicates.
func (e *entries) merge(d *decoded) error {
	for i, p := range d.df.Parties {
		at := d.position(fmt.Sprintf("$.parties[%d].name", i))
		if strings.TrimSpace(p.Name) == "" {
			return fmt.Errorf("actors: %s: party without a name", at)
		}
		if p.Parent != "" {
			p.parentAt = d.position(fmt.Sprintf("$.parties[%d].parent", i))
		}
		if p.Base != "" {
			p.baseAt = d.position(fmt.Sprintf("$.parties[%d].base", i))
		}
		key := foldString(p.Name)
		j, ok := e.partyIndex[key]
		if !ok {
			if p.Kind == "" {
				// An extension of an entry of a later file: applied once
				// every file is merged.
				p.File = at
				e.pending = append(e.pending, p)
				continue
			}
			if !slices.Contains(kinds, p.Kind) {
				return fmt.Errorf("actors: %s: party %q: kind %q is not one of %s", at, p.Name, p.Kind, strings.Join(kinds, ", "))
			}
			p.File = at
			e.partyIndex[key] = len(e.parties)
			e.parties = append(e.parties, p)
			continue
		}
		if err := e.parties[j].extend(p, at); err != nil {
			return err
		}
	}
	return e.mergePeople(d)
}

// extend adds the fields of a later entry with the same name.
func (old *Party) extend(p *Party, at string) error {
	if p.Kind != "" {
		if !slices.Contains(kinds, p.Kind) {
			return fmt.Errorf("actors: %s: party %q: kind %q is not one of %s", at, p.Name, p.Kind, strings.Join(kinds, ", "))
		}
		old.Kind = p.Kind
	}
	setIf(&old.ISO2, p.ISO2)
	setIf(&old.ISO3, p.ISO3)
	setIf(&old.Parent, p.Parent)
	setIf(&old.Base, p.Base)
	setIf(&old.parentAt, p.parentAt)
	setIf(&old.baseAt, p.baseAt)
	if p.Ambiguous {
		old.Ambiguous = true
	}
	if p.Federal {
		old.Federal = true
	}
	if p.Place {
		old.Place = true
	}
	old.Voices = append(old.Voices, p.Voices...)
	if len(p.Active) > 0 {
		old.Active = p.Active
	}
	old.Aliases = appendNew(old.Aliases, p.Aliases...)
	old.Demonyms = appendNew(old.Demonyms, p.Demonyms...)
	old.Metonyms = appendNew(old.Metonyms, p.Metonyms...)
	old.Governments = append(old.Governments, p.Governments...)
	old.File = at
	return nil
}

// applyPending applies the extensions whose entry came in a later file.
func (e *entries) applyPending() error {
	for _, p := range e.pending {
		j, ok := e.partyIndex[foldString(p.Name)]
		if !ok {
			return fmt.Errorf("actors: %s: party %q has no kind and extends no entry", p.File, p.Name)
		}
		if err := e.parties[j].extend(p, p.File); err != nil {
			return err
		}
	}
	e.pending = nil
	return nil
}

// mergePeople merges the people of a decoded file.
func (e *entries) mergePeople(d *decoded) error {
	for i, p := range d.df.People {
		at := d.position(fmt.Sprintf("$.people[%d].name", i))
		if strings.TrimSpace(p.Name) == "" {
			return fmt.Errorf("actors: %s: person without a name", at)
		}
		for k := range p.Roles {
			r := &p.Roles[k]
			rat := d.position(fmt.Sprintf("$.people[%d].roles[%d].party", i, k))
			r.at = rat
			r.embedded = d.src.embedded
			var err error
			if r.from, err = parseRoleDate(r.From, false); err != nil {
				return fmt.Errorf("actors: %s: %s: from: %w", rat, p.Name, err)
			}
			if r.to, err = parseRoleDate(r.To, true); err != nil {
				return fmt.Errorf("actors: %s: %s: to: %w", rat, p.Name, err)
			}
			r.Title = strings.ToLower(strings.TrimSpace(r.Title))
		}
		key := foldString(p.Name)
		j, ok := e.personIndex[key]
		if !ok {
			p.File = at
			e.personIndex[key] = len(e.people)
			e.people = append(e.people, p)
			continue
		}
		old := e.people[j]
		old.Aliases = appendNew(old.Aliases, p.Aliases...)
		for _, r := range p.Roles {
			if !slices.ContainsFunc(old.Roles, func(o Role) bool {
				return o.Party == r.Party && o.Title == r.Title && o.From == r.From
			}) {
				old.Roles = append(old.Roles, r)
			}
		}
		old.File = at
	}
	return nil
}

// check verifies references between entries once every file is merged:
// parents, bases and role parties must name known parties.
func (e *entries) check() error {
	// References may use a canonical name or an alias ("GCC").
	byAlias := map[string]int{}
	for i, p := range e.parties {
		for _, a := range p.Aliases {
			if _, ok := byAlias[foldString(a)]; !ok {
				byAlias[foldString(a)] = i
			}
		}
	}
	resolve := func(name string) (int, bool) {
		if i, ok := e.partyIndex[foldString(name)]; ok {
			return i, true
		}
		i, ok := byAlias[foldString(name)]
		return i, ok
	}
	known := func(name string) bool { _, ok := resolve(name); return ok }
	for _, p := range e.parties {
		for k, gv := range p.Governments {
			if !known(gv.Party) {
				return fmt.Errorf("actors: %s: party %q: unknown government party %q", p.File, p.Name, gv.Party)
			}
			if err := p.Governments[k].parseDates(); err != nil {
				return fmt.Errorf("actors: %s: party %q: governments: %w", p.File, p.Name, err)
			}
			i, _ := resolve(gv.Party)
			p.Governments[k].Party = e.parties[i].Name
		}
		for k, v := range p.Voices {
			if !known(v.Party) {
				return fmt.Errorf("actors: %s: party %q: unknown voice party %q", p.File, p.Name, v.Party)
			}
			if err := p.Voices[k].parseDates(); err != nil {
				return fmt.Errorf("actors: %s: party %q: voices: %w", p.File, p.Name, err)
			}
			i, _ := resolve(v.Party)
			p.Voices[k].Party = e.parties[i].Name
		}
		if p.Parent != "" && !known(p.Parent) {
			return fmt.Errorf("actors: %s: party %q: unknown parent %q", p.parentAt, p.Name, p.Parent)
		}
		if p.Base != "" && !known(p.Base) {
			return fmt.Errorf("actors: %s: party %q: unknown base %q", p.baseAt, p.Name, p.Base)
		}
	}
	// A role for an unknown party is an error in a user's file. In the
	// embedded data it is dropped and reported by Problems (a test keeps
	// the embedded data clean), so that the gazetteer always loads.
	for _, p := range e.people {
		kept := p.Roles[:0]
		for _, r := range p.Roles {
			if known(r.Party) {
				kept = append(kept, r)
				continue
			}
			msg := fmt.Sprintf("%s: %s: unknown party %q", r.at, p.Name, r.Party)
			if !r.embedded {
				return fmt.Errorf("actors: %s", msg)
			}
			e.problems = append(e.problems, msg)
		}
		p.Roles = kept
	}
	// Canonicalise party names in roles and parents to the entry's spelling.
	for _, p := range e.parties {
		if p.Parent != "" {
			i, _ := resolve(p.Parent)
			p.Parent = e.parties[i].Name
		}
		if p.Base != "" {
			i, _ := resolve(p.Base)
			p.Base = e.parties[i].Name
		}
	}
	for _, p := range e.people {
		for k := range p.Roles {
			i, _ := resolve(p.Roles[k].Party)
			p.Roles[k].Party = e.parties[i].Name
		}
	}
	return nil
}

func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func appendNew(list []string, more ...string) []string {
	for _, m := range more {
		if !slices.Contains(list, m) {
			list = append(list, m)
		}
	}
	return list
}

// loadSources decodes and merges every source in order.
func loadSources(srcs []source) (*entries, error) {
	return mergeSources(newEntries(), srcs)
}

func newEntries() *entries {
	return &entries{partyIndex: map[string]int{}, personIndex: map[string]int{}}
}

// mergeSources decodes srcs and merges them onto e.
func mergeSources(e *entries, srcs []source) (*entries, error) {
	files := make([]*decoded, len(srcs))
	return mergeDecoded(e, srcs, files)
}

// mergeDecoded merges files onto e in order, decoding from the YAML those
// not given (nil), in parallel.
func mergeDecoded(e *entries, srcs []source, files []*decoded) (*entries, error) {
	errs := make([]error, len(srcs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, s := range srcs {
		if files[i] != nil {
			continue
		}
		wg.Go(func() {
			sem <- struct{}{}
			files[i], errs[i] = decodeSource(s)
			<-sem
		})
	}
	wg.Wait()
	for i, d := range files {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if err := e.merge(d); err != nil {
			return nil, err
		}
	}
	if err := e.applyPending(); err != nil {
		return nil, err
	}
	if err := e.check(); err != nil {
		return nil, err
	}
	return e, nil
}

// positions returns the positions merge asks of a decoded file, for the
// snapshot.
func (d *decoded) positions() map[string]string {
	out := map[string]string{}
	add := func(p string) {
		if at := d.position(p); strings.HasPrefix(at, d.src.name+":") {
			out[p] = strings.TrimPrefix(at, d.src.name+":")
		}
	}
	for i := range d.df.Parties {
		add(fmt.Sprintf("$.parties[%d].name", i))
		add(fmt.Sprintf("$.parties[%d].parent", i))
		add(fmt.Sprintf("$.parties[%d].base", i))
	}
	for i, p := range d.df.People {
		add(fmt.Sprintf("$.people[%d].name", i))
		for k := range p.Roles {
			add(fmt.Sprintf("$.people[%d].roles[%d].party", i, k))
		}
	}
	return out
}

// readUserFile reads a user's data file.
func readUserFile(name string) (source, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return source{}, fmt.Errorf("actors: read user file: %w", err)
	}
	return source{name: name, data: b}, nil
}
