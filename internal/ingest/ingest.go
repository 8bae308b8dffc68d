// Package ingest reads news reports — plain text, HTML pages, JSON Lines,
// RSS/Atom/JSON feeds, directories, URLs and standard input — into
// documents, and hands them to the store in batches.
package ingest

import (
	"context"
	"errors"
	"io"
	"time"

	"parley/internal/store"
)

// Options control a run of Run.
type Options struct {
	// AllowPrivate permits fetching loopback, private and link-local addresses.
	AllowPrivate bool
	// Follow fetches and extracts each feed entry's linked page.
	Follow bool
	// MaxBytes limits one input (file, page, feed); 0 means 10 MB.
	MaxBytes int64
	// Timeout is the total time allowed for one fetch; 0 means 30 s.
	Timeout time.Duration
	// Published, when not zero, is the publication date given to documents
	// that carry none (PublishedPrecision tells its precision).
	Published          time.Time
	PublishedPrecision string
	// Progress, when not nil and a terminal, shows a progress bar.
	Progress io.Writer
	// BatchSize is the number of documents per transaction; 0 means 500.
	BatchSize int
	// Now returns the fetch time used to resolve relative dates; nil means time.Now.
	Now func() time.Time
}

// Failure is one input (or feed entry, or JSON Lines record) that could
// not be ingested, with the reason.
type Failure struct {
	Input string
	Err   error
}

// Summary counts what a run did.
type Summary struct {
	New, Duplicates, NearDuplicates, Failed int
	Failures                                []Failure
}

// Run ingests every input (a path, a directory, a URL, or "-" for stdin)
// into st. Inputs that fail are reported in the summary and do not stop the
// run; the error is for failures of the store itself.
func Run(ctx context.Context, st store.Store, inputs []string, stdin io.Reader, opts Options) (Summary, error) {
	return Summary{}, errors.New("ingest: not implemented yet")
}
