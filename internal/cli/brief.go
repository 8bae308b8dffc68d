package cli

// BriefCmd writes a Markdown brief of a case.
type BriefCmd struct {
	Case  string `name:"case" required:"" help:"Case name."`
	Since string `name:"since" help:"What is new since this date (YYYY-MM-DD, YYYY-MM or YYYY); default the last 30 days of reporting."`
}

// Run runs the command.
func (c *BriefCmd) Run(env *Env, g *Globals) error {
	since, err := parseDay("--since", c.Since)
	if err != nil {
		return err
	}
	v, err := loadCase(env, g, c.Case)
	if err != nil {
		return err
	}
	return v.WriteBrief(env.Stdout, since)
}
