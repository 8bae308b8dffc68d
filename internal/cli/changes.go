package cli

import "errors"

// ChangesCmd is not built yet.
type ChangesCmd struct{}

// Run runs the command.
func (c *ChangesCmd) Run(env *Env, g *Globals) error {
	return errors.New("changes: not implemented yet")
}
