package cli

import "errors"

// DemoCmd is not built yet.
type DemoCmd struct{}

// Run runs the command.
func (c *DemoCmd) Run(env *Env, g *Globals) error { return errors.New("demo: not implemented yet") }
