package cli

import "errors"

// IngestCmd is not built yet.
type IngestCmd struct{}

// Run runs the command.
func (c *IngestCmd) Run(env *Env, g *Globals) error { return errors.New("ingest: not implemented yet") }
