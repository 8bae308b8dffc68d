package cli

import "errors"

// ShowCmd is not built yet.
type ShowCmd struct{}

// Run runs the command.
func (c *ShowCmd) Run(env *Env, g *Globals) error { return errors.New("show: not implemented yet") }
