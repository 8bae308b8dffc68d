package cli

import (
	"slices"
	"strings"

	"parley/internal/extract"
)

// LexiconCmd inspects the cue lexicon.
type LexiconCmd struct {
	Show LexiconShowCmd `cmd:"" default:"withargs" help:"Print the effective cues: the embedded lexicon extended by --lexicon."`
}

// LexiconShowCmd prints the effective cues.
type LexiconShowCmd struct {
	Kind    string `name:"kind" help:"Only cues of this kind (act, negation, hedge, precondition, salience, issue, attribution-verb, source-media, outlet, …)."`
	Lexicon string `name:"lexicon" placeholder:"DIR" type:"existingdir" help:"Extend or override the embedded cue lexicon with the YAML files in DIR."`
	Format
}

// Run runs the command.
func (c *LexiconShowCmd) Run(env *Env, g *Globals) error {
	if c.Kind != "" && !slices.Contains(extract.LexiconKinds, c.Kind) {
		return usagef("lexicon: unknown kind %q (kinds: %s)", c.Kind, strings.Join(extract.LexiconKinds, ", "))
	}
	lex, err := extract.LoadLexicon(c.Lexicon)
	if err != nil {
		return err
	}
	t := Table{Header: []string{"KIND", "CUE", "DETAIL"}}
	for _, e := range lex.Entries(c.Kind) {
		t.Add(e, e.Kind, e.Cue, e.Detail)
	}
	if err := t.Write(env.Stdout, c.Format.Format); err != nil {
		return err
	}
	if c.Format.Format == "table" {
		env.Stdout.Write([]byte("lexicon " + lex.VersionString() + "\n"))
	}
	return nil
}
