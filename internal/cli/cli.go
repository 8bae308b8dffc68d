// Package cli is parley's command line: one file per command, each a kong
// command struct with a Run method. It wires the pipeline stages together
// and holds no domain logic of its own.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/alecthomas/kong"
)

// Exit statuses.
const (
	ExitOK     = 0
	ExitFailed = 1 // some inputs failed, or the command failed
	ExitUsage  = 2
)

// ErrSomeFailed is returned by a command that finished its work but could
// not handle some of its inputs; each failure has already been reported.
var ErrSomeFailed = errors.New("some inputs failed")

// Env is what every command's Run receives: the streams and a context that
// is cancelled on interrupt.
type Env struct {
	Ctx    context.Context
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// Globals are flags every command accepts.
type Globals struct {
	DB string `name:"db" env:"PARLEY_DB" help:"SQLite database file (default: $XDG_DATA_HOME/parley/parley.db)."`
}

// CLI is the command grammar.
type CLI struct {
	Globals

	Demo    DemoCmd    `cmd:"" help:"Ingest the bundled example reports into a temporary database and show what parley makes of them."`
	Ingest  IngestCmd  `cmd:"" help:"Ingest news reports: text, HTML, JSON Lines, RSS/Atom/JSON feeds, directories, URLs, - for stdin."`
	Docs    DocsCmd    `cmd:"" help:"List stored documents."`
	Show    ShowCmd    `cmd:"" help:"Show one stored document."`
	Extract ExtractCmd `cmd:"" help:"Extract claims from stored documents, or from a JSON Lines file without a database."`
	Claims  ClaimsCmd  `cmd:"" help:"List stored claims."`
	Eval    EvalCmd    `cmd:"" help:"Score extracted claims against gold annotations."`
	Actors  ActorsCmd  `cmd:"" help:"Inspect the actor gazetteer."`
	Lexicon LexiconCmd `cmd:"" help:"Inspect the cue lexicon."`

	Case      CaseCmd      `cmd:"" help:"Manage negotiations (cases)."`
	Timeline  TimelineCmd  `cmd:"" help:"Claims of a case over time, per party and issue."`
	Positions PositionsCmd `cmd:"" help:"Current stance of each party on each issue of a case."`
	Gaps      GapsCmd      `cmd:"" help:"Issues of a case ranked as sticking points."`
	Changes   ChangesCmd   `cmd:"" help:"What moved in a case since a date."`
	Brief     BriefCmd     `cmd:"" help:"A Markdown brief of a case."`

	Forecast ForecastCmd `cmd:"" help:"Forecast where issues settle with bargaining models."`
	Packages PackagesCmd `cmd:"" help:"Pareto frontier, ZOPA and bargaining solutions over packages of issues."`
	Divide   DivideCmd   `cmd:"" help:"Adjusted Winner division of items scored in points."`
	Backtest BacktestCmd `cmd:"" help:"Forecasts against known outcomes."`

	Concessions ConcessionsCmd `cmd:"" help:"Concession curves fitted to a case's dated positions: Boulware, Conceder or linear, and when the gap would close."`
}

// Main runs the command line and returns the exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var c CLI
	exitCode := -1
	parser, err := kong.New(&c,
		kong.Name("parley"),
		kong.Description("parley reads news reports on peace and ceasefire talks: who demands what, on which issue, according to whom, how sure."),
		kong.UsageOnError(),
		kong.Writers(stdout, stderr),
		kong.Exit(func(code int) { exitCode = code }),
	)
	if err != nil {
		fmt.Fprintf(stderr, "parley: %v\n", err)
		return ExitFailed
	}
	kctx, err := parser.Parse(args)
	if exitCode >= 0 { // --help and friends
		return exitCode
	}
	if err != nil {
		fmt.Fprintf(stderr, "parley: %v\n", err)
		return ExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	env := &Env{Ctx: ctx, Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if err := kctx.Run(env, &c.Globals); err != nil {
		var ue usageError
		switch {
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "parley: %v\n", err)
			return ExitUsage
		case errors.Is(err, ErrSomeFailed):
			return ExitFailed
		default:
			fmt.Fprintf(stderr, "parley: %v\n", err)
			return ExitFailed
		}
	}
	return ExitOK
}

// usageError marks an error in how a command was called (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// usagef returns a usage error.
func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}
