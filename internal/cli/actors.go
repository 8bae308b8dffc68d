package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"parley/internal/actors"
)

// ActorsCmd inspects the actor gazetteer.
type ActorsCmd struct {
	Resolve ActorsResolveCmd `cmd:"" help:"Print the parties a text mentions: span, text, party, how it was recognised and through what."`
	Show    ActorsShowCmd    `cmd:"" help:"Print a gazetteer entry: names, demonyms, metonyms, and people with their dated roles."`
}

// ActorsFile is the --actors flag shared by the actors commands.
type ActorsFile struct {
	Actors []string `name:"actors" placeholder:"FILE" type:"existingfile" help:"Extend or correct the embedded gazetteer with a YAML file (repeatable)."`
}

// ActorsResolveCmd resolves the mentions of parties in a text.
type ActorsResolveCmd struct {
	Date  string `name:"date" placeholder:"YYYY-MM-DD" help:"The report's date: people and titles resolve to who held office then (default: unknown)."`
	Title string `name:"title" placeholder:"TEXT" help:"The report's headline, kept apart from the text: the states it names weigh in resolving \"the government\", \"the army\", \"the president\"."`
	Text  string `arg:"" optional:"" help:"The text, or - (the default) to read standard input."`
	ActorsFile
	Format
}

// Run runs the command.
func (c *ActorsResolveCmd) Run(env *Env, g *Globals) error {
	var date time.Time
	if c.Date != "" {
		d, err := time.Parse("2006-01-02", c.Date)
		if err != nil {
			return usagef("actors resolve: --date %q is not YYYY-MM-DD", c.Date)
		}
		date = d
	}
	text := c.Text
	if text == "" || text == "-" {
		b, err := io.ReadAll(env.Stdin)
		if err != nil {
			return fmt.Errorf("actors resolve: read stdin: %w", err)
		}
		text = string(b)
	}
	gz, err := actors.Load(c.Actors...)
	if err != nil {
		return err
	}
	t := Table{Header: []string{"START", "END", "TEXT", "PARTY", "HOW", "VIA", "ROLE"}}
	for _, m := range gz.ResolveTitled(c.Title, text, date) {
		via := m.Via
		if m.Mediator {
			via = strings.TrimSpace(via + " (mediator)")
		}
		t.Add(m, strconv.Itoa(m.Span.Start), strconv.Itoa(m.Span.End), m.Text, m.Party, m.How, via, m.Role)
	}
	return t.Write(env.Stdout, c.Format.Format)
}

// ActorsShowCmd prints one gazetteer entry.
type ActorsShowCmd struct {
	Name string `arg:"" help:"A party's name, alias, demonym or metonym, or a person's name."`
	ActorsFile
	Format
}

// Run runs the command.
func (c *ActorsShowCmd) Run(env *Env, g *Globals) error {
	gz, err := actors.Load(c.Actors...)
	if err != nil {
		return err
	}
	e, ok := gz.Lookup(c.Name)
	if !ok {
		return fmt.Errorf("actors show: no entry for %q", c.Name)
	}
	t := Table{Header: []string{"FIELD", "VALUE"}}
	add := func(field, value string) {
		if value != "" {
			t.Add(map[string]string{"field": field, "value": value}, field, value)
		}
	}
	if p := e.Party; p != nil {
		add("name", p.Name)
		add("kind", p.Kind)
		add("iso", strings.Trim(p.ISO2+" "+p.ISO3, " "))
		add("parent", p.Parent)
		add("base", p.Base)
		add("aliases", strings.Join(p.Aliases, "; "))
		add("demonyms", strings.Join(p.Demonyms, "; "))
		add("metonyms", strings.Join(p.Metonyms, "; "))
		if p.Ambiguous {
			add("ambiguous", "yes: the name needs capitals and support from the context")
		}
		if p.Federal {
			add("federal", "yes: \"the federal government\" prefers this state")
		}
		if p.Place || p.Kind == actors.KindRegion {
			add("place", "yes: a bare mention is a place; with a role noun it speaks for its voices")
		}
		for _, v := range p.Voices {
			add("voice", dated(v.Party, v.From, v.To))
		}
		for _, gv := range p.Governments {
			add("government", dated(gv.Party, gv.From, gv.To))
		}
		add("defined", p.File)
		for _, person := range e.People {
			for _, r := range person.Roles {
				if r.Party == p.Name {
					add("person", person.Name+": "+r.String())
				}
			}
		}
	}
	if p := e.Person; p != nil {
		add("name", p.Name)
		add("aliases", strings.Join(p.Aliases, "; "))
		for _, r := range p.Roles {
			add("role", r.String())
		}
		add("defined", p.File)
	}
	if c.Format.Format == "jsonl" {
		// one record: the entry itself
		t = Table{JSON: []any{e}}
	}
	return t.Write(env.Stdout, c.Format.Format)
}

// dated renders a party with an optional period ("TPLF (…–2023-03-22)").
func dated(party, from, to string) string {
	if from == "" && to == "" {
		return party
	}
	if to == "" {
		to = "…"
	}
	if from == "" {
		from = "…"
	}
	return party + " (" + from + "–" + to + ")"
}
