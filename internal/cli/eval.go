package cli

import "errors"

// EvalCmd is not built yet.
type EvalCmd struct{}

// Run runs the command.
func (c *EvalCmd) Run(env *Env, g *Globals) error { return errors.New("eval: not implemented yet") }
