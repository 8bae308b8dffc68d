package cli

import "errors"

// LexiconCmd is not built yet.
type LexiconCmd struct{}

// Run runs the command.
func (c *LexiconCmd) Run(env *Env, g *Globals) error {
	return errors.New("lexicon: not implemented yet")
}
