package cli

import "errors"

// ExtractCmd is not built yet.
type ExtractCmd struct{}

// Run runs the command.
func (c *ExtractCmd) Run(env *Env, g *Globals) error {
	return errors.New("extract: not implemented yet")
}
