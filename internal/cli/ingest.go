package cli

import (
	"fmt"
	"time"

	"parley/internal/ingest"
)

// IngestCmd reads news reports into the store.
type IngestCmd struct {
	Inputs       []string      `arg:"" name:"input" help:"Files, directories (read recursively), http(s) URLs of pages or feeds, or - for standard input."`
	Follow       bool          `name:"follow" help:"Fetch and extract the page each feed entry links to."`
	AllowPrivate bool          `name:"allow-private" help:"Allow fetching loopback, private, link-local and other non-public addresses."`
	MaxBytes     int64         `name:"max-bytes" default:"10485760" help:"Largest input (file, page or feed) read, in bytes; JSON Lines files are streamed and limited per line."`
	Timeout      time.Duration `name:"timeout" default:"30s" help:"Total time allowed for one fetch."`
	Published    string        `name:"published" placeholder:"DATE" help:"Publication date given to documents that carry none (e.g. 2022-11-02)."`
	BatchSize    int           `name:"batch-size" default:"2000" help:"Documents stored per transaction."`
}

// Run runs the command.
func (c *IngestCmd) Run(env *Env, g *Globals) error {
	if c.MaxBytes <= 0 {
		return usagef("ingest: --max-bytes must be positive")
	}
	if c.BatchSize <= 0 {
		return usagef("ingest: --batch-size must be positive")
	}
	if c.Timeout <= 0 {
		return usagef("ingest: --timeout must be positive")
	}
	now := time.Now()
	opts := ingest.Options{
		AllowPrivate: c.AllowPrivate,
		Follow:       c.Follow,
		MaxBytes:     c.MaxBytes,
		Timeout:      c.Timeout,
		BatchSize:    c.BatchSize,
		Now:          func() time.Time { return now },
		Progress:     env.Stderr,
		// Each failure is told as it happens, not only at the end of a
		// long run.
		OnFailure: func(f ingest.Failure) {
			fmt.Fprintf(env.Stderr, "parley: ingest: %s: %v\n", f.Input, f.Err)
		},
	}
	if c.Published != "" {
		t, p, ok := ingest.ParseDate(c.Published, now)
		if !ok {
			return usagef("ingest: --published %q is not a date", c.Published)
		}
		opts.Published, opts.PublishedPrecision = t, string(p)
	}
	st, err := openStore(env.Ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := ingest.Run(env.Ctx, st, c.Inputs, env.Stdin, opts)
	fmt.Fprintf(env.Stdout, "new %d, duplicates %d, near-duplicates %d, failed %d\n",
		sum.New, sum.Duplicates, sum.NearDuplicates, sum.Failed)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return ErrSomeFailed
	}
	return nil
}
