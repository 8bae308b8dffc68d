package cli

import "errors"

// BacktestCmd is not built yet.
type BacktestCmd struct{}

// Run runs the command.
func (c *BacktestCmd) Run(env *Env, g *Globals) error {
	return errors.New("backtest: not implemented yet")
}
