package cli

import "errors"

// PackagesCmd is not built yet.
type PackagesCmd struct{}

// Run runs the command.
func (c *PackagesCmd) Run(env *Env, g *Globals) error {
	return errors.New("packages: not implemented yet")
}
