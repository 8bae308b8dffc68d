// Package actors is parley's gazetteer: the parties a negotiation report
// can name — states, organisations, armed groups, and the people and seats
// of power that speak for them — and a resolver that finds them in text.
//
// The data lives in data/*.yaml (embedded); users extend or correct it with
// their own files in the same format. A Gazetteer is immutable once loaded
// and safe for concurrent use.
package actors

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"parley/internal/model"
)

// How a mention was recognised.
const (
	HowName        = "name"
	HowAlias       = "alias"
	HowMetonym     = "metonym"
	HowPerson      = "person"
	HowTitle       = "title"
	HowDemonym     = "demonym"
	HowCoreference = "coreference"
)

// Mention is one reference to a party in a text.
//
// The span invariant: text[Span.Start:Span.End] == Text.
type Mention struct {
	Span  model.Span `json:"span"`
	Text  string     `json:"text"`
	Party string     `json:"party"` // canonical name, e.g. "Russia", "Hamas"
	How   string     `json:"how"`
	// Via is what the mention names when it is not the party itself: the
	// person, title, seat or antecedent ("Putin", "the Kremlin").
	Via string `json:"via,omitempty"`
	// Role is the role noun that followed or preceded the party, folded to
	// lower case ("side", "foreign minister", "mediators"), if any.
	Role string `json:"role,omitempty"`
	// Mediator is set when the text presents the party as a mediator
	// ("Qatari mediators", "Egypt-brokered").
	Mediator bool `json:"mediator,omitempty"`
}

// Gazetteer holds the actor entries and resolves mentions.
type Gazetteer struct {
	e    *entries
	m    *matcher
	pats [][]target // by pattern index
	// holders lists, per canonical party name, the people with a role for it.
	holders map[string][]int
	// armyOf maps a state to the party its army speaks as, where the data
	// name one ("Sudanese army" is an alias of SAF).
	armyOf map[int]int
	// parentOf maps each party to the party it speaks as: its parent for
	// organs, itself otherwise.
	parentOf []int
}

type targetKind uint8

const (
	tParty targetKind = iota
	tPerson
	tGeneric
	tStop // a name that is not a party; it only takes its span
)

// target is one entry a pattern names.
type target struct {
	kind targetKind
	idx  int    // party or person index, or generic class
	how  string // HowName, HowAlias, ...
	form string // as written in the data
	// acronym forms (no lower-case letter) match only upper-case text.
	acronym bool
	// upper lists the folded rune positions that must be upper case in
	// the text (the word initials that are upper case in the form).
	upper []int
	// ambiguous forms need support from the context.
	ambiguous bool
	// headline generics count only at the start of a line.
	headline bool
	// place marks a form that names a place (a region's names, a place
	// entity's name and demonyms): it names a party only with a role noun.
	place bool
}

// Load reads the embedded data and then each user file in order; later
// entries extend or override earlier ones with the same name (set fields
// replace, lists are appended).
//
// The embedded data are read from a snapshot of the decoded YAML when the
// snapshot matches the data files (see snapshot.go), and decoded from the
// YAML otherwise.
func Load(userFiles ...string) (*Gazetteer, error) {
	e, err := loadEmbedded()
	if err != nil {
		return nil, err
	}
	var srcs []source
	for _, name := range userFiles {
		s, err := readUserFile(name)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, s)
	}
	if len(srcs) > 0 {
		if e, err = mergeSources(e, srcs); err != nil {
			return nil, err
		}
	}
	return build(e), nil
}

// build compiles the patterns of every entry into one automaton.
func build(e *entries) *Gazetteer {
	g := &Gazetteer{e: e, holders: map[string][]int{}, armyOf: map[int]int{}, parentOf: make([]int, len(e.parties))}
	for i, p := range e.parties {
		g.parentOf[i] = i
		if p.Parent != "" {
			if j, ok := e.partyIndex[foldString(p.Parent)]; ok {
				g.parentOf[i] = j
			}
		}
	}
	index := map[string]int{}
	var patterns []string
	add := func(form string, t target) {
		form = strings.TrimSpace(form)
		if form == "" {
			return
		}
		key := foldString(form)
		t.form = form
		t.acronym = isAcronym(form)
		t.upper = upperInitials(form)
		i, ok := index[key]
		if !ok {
			i = len(patterns)
			index[key] = i
			patterns = append(patterns, key)
			g.pats = append(g.pats, nil)
		}
		for _, old := range g.pats[i] {
			if old.kind == t.kind && old.idx == t.idx {
				return
			}
		}
		g.pats[i] = append(g.pats[i], t)
	}
	for i, p := range e.parties {
		nameHow, aliasHow := HowName, HowAlias
		if p.Kind == KindOrgan && p.Parent != "" {
			nameHow, aliasHow = HowMetonym, HowMetonym
		}
		single := func(s string) bool { return !strings.ContainsAny(strings.TrimSpace(s), " -") }
		region := p.Kind == KindRegion
		place := region || p.Place
		add(p.Name, target{kind: tParty, idx: i, how: nameHow, ambiguous: p.Ambiguous && single(p.Name), place: place})
		for _, a := range p.Aliases {
			add(a, target{kind: tParty, idx: i, how: aliasHow, ambiguous: p.Ambiguous && single(a), place: region})
		}
		for _, d := range p.Demonyms {
			add(d, target{kind: tParty, idx: i, how: HowDemonym, place: place})
		}
		for _, m := range p.Metonyms {
			add(m, target{kind: tParty, idx: i, how: HowMetonym})
		}
	}
	for i, p := range e.people {
		add(p.Name, target{kind: tPerson, idx: i, how: HowPerson})
		for _, a := range p.Aliases {
			add(a, target{kind: tPerson, idx: i, how: HowPerson})
		}
		seen := map[string]bool{}
		for _, r := range p.Roles {
			if !seen[r.Party] {
				seen[r.Party] = true
				g.holders[r.Party] = append(g.holders[r.Party], i)
			}
		}
	}
	for phrase, class := range generics {
		add(phrase, target{kind: tGeneric, idx: class})
	}
	for word, class := range headlineGenerics {
		add(word, target{kind: tGeneric, idx: class, headline: true})
	}
	for _, phrase := range nonParties {
		add(phrase, target{kind: tStop})
	}
	g.findArmies()
	g.m = newMatcher(patterns)
	return g
}

// isAcronym reports whether a form has letters and none of them is lower
// case ("US", "U.S.", "AU", "M23").
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0 && utf8.RuneCountInString(s) >= 2
}

// upperInitials returns the folded rune positions of the upper-case word
// initials of a form.
func upperInitials(form string) []int {
	var out []int
	k := 0
	prev := ' '
	for _, r := range form {
		if unicode.IsUpper(r) && !isWordRune(prev) {
			out = append(out, k)
		}
		if r < utf8.RuneSelf {
			k++
		} else {
			k += utf8.RuneCountInString(foldRune(r))
		}
		prev = r
	}
	return out
}

// Problems lists references in the embedded data that were dropped while
// loading (a role for an unknown party). It is empty in a clean build.
func (g *Gazetteer) Problems() []string { return g.e.problems }

// Parties returns every party entry, in load order.
func (g *Gazetteer) Parties() []*Party { return g.e.parties }

// People returns every person entry, in load order.
func (g *Gazetteer) People() []*Person { return g.e.people }

// Entry is what Lookup finds: a party with the people who held roles for
// it, or a person.
type Entry struct {
	Party  *Party    `json:"party,omitempty"`
	People []*Person `json:"people,omitempty"`
	Person *Person   `json:"person,omitempty"`
}

// Lookup finds an entry by canonical name, alias, demonym, metonym or a
// person's name or alias, case-insensitively.
func (g *Gazetteer) Lookup(name string) (Entry, bool) {
	key := foldString(strings.TrimSpace(name))
	if i, ok := g.e.partyIndex[key]; ok {
		return g.partyEntry(i), true
	}
	if i, ok := g.e.personIndex[key]; ok {
		return Entry{Person: g.e.people[i]}, true
	}
	for _, ts := range g.pats {
		for _, t := range ts {
			if foldString(t.form) != key {
				continue
			}
			switch t.kind {
			case tParty:
				return g.partyEntry(t.idx), true
			case tPerson:
				return Entry{Person: g.e.people[t.idx]}, true
			}
		}
	}
	return Entry{}, false
}

func (g *Gazetteer) partyEntry(i int) Entry {
	p := g.e.parties[i]
	en := Entry{Party: p}
	for _, pi := range g.holders[p.Name] {
		en.People = append(en.People, g.e.people[pi])
	}
	return en
}

// partyOf returns the index of the party a party entry speaks as: its
// parent for organs.
func (g *Gazetteer) partyOf(i int) int {
	return g.parentOf[i]
}

// personParty returns the party a person speaks for on date: the party of
// a role that covers the date. With a zero (unknown) date, the party of the
// person's latest role. ok is false when no role covers the date: a former
// office-holder does not speak for the party.
func (g *Gazetteer) personParty(pi int, date time.Time) (party int, title string, ok bool) {
	p := g.e.people[pi]
	if len(p.Roles) == 0 {
		return -1, "", false
	}
	if date.IsZero() {
		best := 0
		for k, r := range p.Roles {
			if r.to.IsZero() || (!p.Roles[best].to.IsZero() && r.to.After(p.Roles[best].to)) {
				best = k
			}
		}
		r := p.Roles[best]
		return g.e.partyIndex[foldString(r.Party)], r.Title, true
	}
	for _, r := range p.Roles {
		if r.Covers(date) {
			return g.e.partyIndex[foldString(r.Party)], r.Title, true
		}
	}
	return -1, "", false
}

// Holder returns the name of the person holding a title (as canonicalised
// by the role lexicon: "president", "foreign minister", ...) for a party on
// date, or "" when unknown or when date is zero.
func (g *Gazetteer) Holder(party, title string, date time.Time) string {
	if date.IsZero() {
		return ""
	}
	accept := titleGroups[title]
	if accept == nil {
		accept = []string{title}
	}
	for _, pi := range g.holders[party] {
		for _, r := range g.e.people[pi].Roles {
			if r.Party == party && slices.Contains(accept, r.Title) && r.Covers(date) {
				return g.e.people[pi].Name
			}
		}
	}
	return ""
}

// String describes a role for display.
func (r Role) String() string {
	to := r.To
	if to == "" {
		to = "…"
	}
	return fmt.Sprintf("%s of %s (%s–%s)", r.Title, r.Party, r.From, to)
}

// findArmies fills armyOf from aliases made of a state's demonym and an
// army noun.
func (g *Gazetteer) findArmies() {
	byDemonym := map[string]int{}
	for i, p := range g.e.parties {
		if p.Kind != KindState {
			continue
		}
		for _, d := range p.Demonyms {
			byDemonym[foldString(d)] = i
		}
	}
	for i, p := range g.e.parties {
		if p.Kind != KindGroup && p.Kind != KindOrgan {
			continue
		}
		for _, a := range p.Aliases {
			k := foldString(a)
			for _, noun := range []string{" army", " military", " armed forces"} {
				if d, ok := strings.CutSuffix(k, noun); ok {
					if s, ok := byDemonym[d]; ok {
						if _, taken := g.armyOf[s]; !taken {
							g.armyOf[s] = g.partyOf(i)
						}
					}
				}
			}
		}
	}
}

// isPlace reports whether a party entry is a place whose name with a role
// noun speaks for its voices.
func (g *Gazetteer) isPlace(i int) bool {
	p := g.e.parties[i]
	return p.Kind == KindRegion || p.Place
}

// voiceOf returns the party a place speaks for on date (the first voice
// that covers it; with no date, the last voice listed).
func (g *Gazetteer) voiceOf(place int, date time.Time) (int, bool) {
	vs := g.e.parties[place].Voices
	for k, v := range vs {
		if (date.IsZero() && k == len(vs)-1) || (!date.IsZero() && v.covers(date)) {
			if i, ok := g.e.partyIndex[foldString(v.Party)]; ok {
				return i, true
			}
		}
	}
	return -1, false
}

// Kind returns the kind of a party by canonical name ("state", "group",
// ...), or "" when the name is unknown.
func (g *Gazetteer) Kind(party string) string {
	if i, ok := g.e.partyIndex[foldString(party)]; ok {
		return g.e.parties[i].Kind
	}
	return ""
}

// Antecedent returns the last mention ending at or before pos whose party
// has one of the given kinds (any kind when none are given), skipping
// mediators: a helper for callers that resolve pronouns ("it", "they")
// within a sentence. ms must be sorted by position, as Resolve returns them.
func (g *Gazetteer) Antecedent(ms []Mention, pos int, kinds ...string) (Mention, bool) {
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.Span.End > pos || m.Mediator {
			continue
		}
		if len(kinds) == 0 || slices.Contains(kinds, g.Kind(m.Party)) {
			return m, true
		}
	}
	return Mention{}, false
}
