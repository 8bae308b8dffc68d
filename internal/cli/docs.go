package cli

import "errors"

// DocsCmd is not built yet.
type DocsCmd struct{}

// Run runs the command.
func (c *DocsCmd) Run(env *Env, g *Globals) error { return errors.New("docs: not implemented yet") }
