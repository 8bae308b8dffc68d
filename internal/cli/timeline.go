package cli

import "errors"

// TimelineCmd is not built yet.
type TimelineCmd struct{}

// Run runs the command.
func (c *TimelineCmd) Run(env *Env, g *Globals) error {
	return errors.New("timeline: not implemented yet")
}
