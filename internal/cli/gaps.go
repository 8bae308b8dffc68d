package cli

import "errors"

// GapsCmd is not built yet.
type GapsCmd struct{}

// Run runs the command.
func (c *GapsCmd) Run(env *Env, g *Globals) error { return errors.New("gaps: not implemented yet") }
