package cli

import "errors"

// ClaimsCmd is not built yet.
type ClaimsCmd struct{}

// Run runs the command.
func (c *ClaimsCmd) Run(env *Env, g *Globals) error { return errors.New("claims: not implemented yet") }
