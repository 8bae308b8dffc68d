package cli

import "errors"

// PositionsCmd is not built yet.
type PositionsCmd struct{}

// Run runs the command.
func (c *PositionsCmd) Run(env *Env, g *Globals) error {
	return errors.New("positions: not implemented yet")
}
