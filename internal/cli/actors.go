package cli

import "errors"

// ActorsCmd is not built yet.
type ActorsCmd struct{}

// Run runs the command.
func (c *ActorsCmd) Run(env *Env, g *Globals) error { return errors.New("actors: not implemented yet") }
