package cli

import "errors"

// CaseCmd is not built yet.
type CaseCmd struct{}

// Run runs the command.
func (c *CaseCmd) Run(env *Env, g *Globals) error { return errors.New("case: not implemented yet") }
