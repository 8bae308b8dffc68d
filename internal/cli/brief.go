package cli

import "errors"

// BriefCmd is not built yet.
type BriefCmd struct{}

// Run runs the command.
func (c *BriefCmd) Run(env *Env, g *Globals) error { return errors.New("brief: not implemented yet") }
