package extract

import "strings"

// Entry is one cue of the effective lexicon, for display.
type Entry struct {
	Kind   string `json:"kind"`
	Cue    string `json:"cue"`
	Detail string `json:"detail,omitempty"`
}

// LexiconKinds lists the kinds Entries reports, in order.
var LexiconKinds = kindNames[:]

// Entries lists every cue of the lexicon with its kind and, for acts and
// issues, what it means ("demand verb negated:concede", "territory
// not_after:withdraw,…"). kind "" lists all kinds.
func (l *Lexicon) Entries(kind string) []Entry {
	var out []Entry
	add := func(k string, cues []string, detail string) {
		if kind != "" && kind != k {
			return
		}
		for _, c := range cues {
			out = append(out, Entry{Kind: k, Cue: c, Detail: detail})
		}
	}
	for _, g := range l.Acts {
		d := g.Act + " " + g.Grammar
		if g.Negated != "" {
			d += " negated:" + g.Negated
		}
		if g.Precondition {
			d += " precondition"
		}
		if g.Hedged {
			d += " hedged"
		}
		add("act", g.Cues, d)
	}
	add("negation", l.Negations, "")
	add("hedge", l.Hedges, "")
	add("precondition", l.Preconditions, "")
	add("salience", l.Salience, "")
	for _, g := range l.Issues {
		add("issue", g.Cues, g.Issue)
		for _, c := range g.Conditional {
			d := g.Issue
			if len(c.RequiresAny) > 0 {
				d += " requires_any:" + strings.Join(c.RequiresAny, ",")
			}
			if len(c.NotAfter) > 0 {
				d += " not_after:" + strings.Join(c.NotAfter, ",")
			}
			add("issue", c.Cues, d)
		}
	}
	a := l.Attribution
	add("attribution-before", a.Before, "")
	add("attribution-verb", a.Verbs, "")
	add("attribution-relay", a.Relay, "")
	add("source-official", a.Official, "")
	add("source-anonymous", a.Anonymous, "")
	add("source-media", a.Media, "")
	add("source-analyst", a.Analyst, "")
	add("outlet", a.Outlets, "case-sensitive")
	add("agent-head", l.AgentHeads, "")
	add("reference", l.References, "")
	add("joint", l.Joint, "")
	add("anaphor", l.Anaphors, "")
	add("boundary", l.Boundaries, "")
	add("irrealis", l.Irrealis, "")
	add("mediation", l.Mediation, "")
	add("plan-content", l.PlanContent, "")
	add("continuation", l.Continuation, "")
	add("place", l.Places, "territory")
	return out
}

// Load returns an extractor with the embedded lexicon extended by the
// YAML files in lexiconDir (if not ""), and the default resolver.
func Load(lexiconDir string) (*Extractor, error) {
	lex, err := LoadLexicon(lexiconDir)
	if err != nil {
		return nil, err
	}
	r, err := DefaultResolver()
	if err != nil {
		return nil, err
	}
	return New(lex, r)
}
