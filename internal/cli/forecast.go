package cli

import "errors"

// ForecastCmd is not built yet.
type ForecastCmd struct{}

// Run runs the command.
func (c *ForecastCmd) Run(env *Env, g *Globals) error {
	return errors.New("forecast: not implemented yet")
}
