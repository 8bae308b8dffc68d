package extract

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	ahocorasick "github.com/petar-dambovaliev/aho-corasick"

	"parley/internal/actors"
	"parley/internal/model"
)

// starterParty is one entry of data/starter_actors.yaml.
type starterParty struct {
	Party    string   `yaml:"party"`
	Kind     string   `yaml:"kind"`
	Names    []string `yaml:"names"`
	Demonyms []string `yaml:"demonyms"`
	Seats    []string `yaml:"seats"`
	People   []string `yaml:"people"`
}

// StarterResolver is the extractor's own small resolver: about sixty
// parties with their names, demonyms, seats of power and people, matched
// case-sensitively on word boundaries. It stands in when the actor
// gazetteer is empty.
type StarterResolver struct {
	ac       ahocorasick.AhoCorasick
	patterns []string
	entries  []starterEntry
}

type starterEntry struct {
	party, how, via string
}

// starterData is the decoded starter set, read once.
var starterData = sync.OnceValues(func() ([]starterParty, error) {
	const name = "data/starter_actors.yaml"
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("extract: load starter actors: %w", err)
	}
	var doc struct {
		Parties []starterParty `yaml:"parties"`
	}
	if err := yaml.UnmarshalWithOptions(b, &doc, yaml.Strict()); err != nil {
		return nil, yamlError(name, err)
	}
	return doc.Parties, nil
})

// starterKinds maps each starter party to its kind (state, organisation,
// armed_group); the extractor uses it to resolve "the group".
var starterKinds = sync.OnceValue(func() map[string]string {
	kinds := map[string]string{}
	parties, _ := starterData()
	for _, p := range parties {
		kinds[p.Party] = p.Kind
	}
	return kinds
})

// NewStarterResolver loads the embedded starter set.
func NewStarterResolver() (*StarterResolver, error) {
	parties, err := starterData()
	if err != nil {
		return nil, err
	}
	r := &StarterResolver{}
	seen := map[string]bool{}
	add := func(p, party, how, via string) {
		if p == "" || seen[p] {
			return
		}
		seen[p] = true
		r.patterns = append(r.patterns, p)
		r.entries = append(r.entries, starterEntry{party: party, how: how, via: via})
	}
	for _, p := range parties {
		for _, n := range p.Names {
			how := actors.HowName
			if n != p.Party {
				how = actors.HowAlias
			}
			add(n, p.Party, how, "")
			if !strings.HasPrefix(n, "the ") {
				add("the "+n, p.Party, how, "")
			}
		}
		for _, n := range p.Demonyms {
			add(n, p.Party, actors.HowDemonym, n)
		}
		for _, n := range p.Seats {
			add(n, p.Party, actors.HowMetonym, n)
			add("the "+n, p.Party, actors.HowMetonym, n)
		}
		for _, n := range p.People {
			add(n, p.Party, actors.HowPerson, n)
		}
	}
	b2 := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.StandardMatch, DFA: true})
	r.ac = b2.Build(r.patterns)
	return r, nil
}

// Resolve returns the mentions in text, leftmost-longest, in order.
func (r *StarterResolver) Resolve(text string, date time.Time) []actors.Mention {
	type m struct{ s, e, p int }
	var all []m
	it := r.ac.IterOverlapping(text)
	for mt := it.Next(); mt != nil; mt = it.Next() {
		s, e := mt.Start(), mt.End()
		if !nameBoundary(text, s, e) {
			continue
		}
		all = append(all, m{s, e, mt.Pattern()})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].s != all[j].s {
			return all[i].s < all[j].s
		}
		return all[i].e > all[j].e
	})
	var out []actors.Mention
	last := -1
	for _, x := range all {
		if x.s < last {
			continue
		}
		last = x.e
		en := r.entries[x.p]
		out = append(out, actors.Mention{
			Span:  model.Span{Start: x.s, End: x.e},
			Text:  text[x.s:x.e],
			Party: en.party,
			How:   en.how,
			Via:   en.via,
		})
	}
	return out
}

// nameBoundary reports whether text[s:e] starts and ends on word boundaries.
func nameBoundary(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
