package cli

import "errors"

// DivideCmd is not built yet.
type DivideCmd struct{}

// Run runs the command.
func (c *DivideCmd) Run(env *Env, g *Globals) error { return errors.New("divide: not implemented yet") }
