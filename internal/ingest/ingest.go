// Package ingest reads news reports — plain text, HTML pages, JSON Lines,
// RSS/Atom/JSON feeds, directories, URLs and standard input — into
// documents, and hands them to the store in batches.
//
// The format is found by sniffing the first bytes, with the file extension
// or Content-Type deciding what content leaves open. Binary content is
// refused. Plain text and JSON Lines must be UTF-8: invalid bytes are
// refused with their offset, not guessed at, because a wrong guess garbles
// names silently. HTML and feeds carry their charset, are decoded from it,
// and any bytes still invalid become U+FFFD, as in a browser.
//
// Every stored text is normalised (NormalizeText); the document ID is the
// SHA-256 of that text and SimHash its near-duplicate fingerprint. Dates
// keep their precision and are never invented. Bad inputs become Failures
// and never stop a run; only the store failing does.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"parley/internal/model"
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
	// BatchSize is the number of documents per transaction; 0 means 2,000
	// (larger batches make fewer, larger full-text segments: 2,000 measured
	// 10-15 % less CPU per document than 500).
	BatchSize int
	// Now returns the fetch time used to resolve relative dates; nil means time.Now.
	Now func() time.Time
	// OnFailure, when not nil, is called with each failure as it happens
	// (the progress bar, if any, cleared first); the Summary lists them
	// all at the end as well.
	OnFailure func(Failure)
}

// Defaults of Options.
const (
	DefaultMaxBytes  = 10 << 20
	DefaultTimeout   = 30 * time.Second
	DefaultBatchSize = 2000
)

// MaxHamming is the SimHash distance, in bits of 64, within which an
// earlier document is a candidate original of a new one; the store then
// keeps it only if the shorter text has at least store.MinContainment
// (90 %) of its word 3-shingles in the other.
//
// A syndicated copy sharing 90 % of its word 3-shingles with the original
// (an added trailing paragraph, a changed headline, a few words edited)
// has shingle-cosine about 0.95, so each bit differs with probability
// arccos(0.95)/π ≈ 0.10: 6.5 bits on average, standard deviation 2.4; 11
// bits catches about 95 % of such copies and nearly all closer ones.
// Unrelated documents differ in 32 bits on average, binomially: a pair
// falls within 11 bits with probability 5e-8, so among a million stored
// reports a new one has about 0.05 false candidates, each costing one
// shingle comparison and never a false near-duplicate. The store's index
// searches up to 11 bits at the cost of 8 (see store.nearIndex). SimHash
// follows the shingles' cosine, not containment: a copy with an addition
// long enough to bring its Jaccard similarity well under 0.9 may fall
// beyond 11 bits, though it holds all of the original. Measured by
// TestNearDuplicateThreshold: every syndicated variant of the example
// reports within 11 bits, different reports on the same talks at least
// 22 bits apart.
const MaxHamming = 11

// Failure is one input (or feed entry, or JSON Lines record) that could
// not be ingested, with the reason.
type Failure struct {
	Input string
	Err   error
}

func (f Failure) Error() string { return f.Input + ": " + f.Err.Error() }

// Summary counts what a run did.
type Summary struct {
	New, Duplicates, NearDuplicates, Failed int
	Failures                                []Failure
}

// Run ingests every input (a path, a directory, a URL, or "-" for stdin)
// into st. Inputs that fail are reported in the summary and do not stop the
// run; the error is for failures of the store itself.
func Run(ctx context.Context, st store.Store, inputs []string, stdin io.Reader, opts Options) (Summary, error) {
	r := newRunner(st, stdin, opts)
	defer r.progress.finish()
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return r.sum, fmt.Errorf("ingest: %w", err)
		}
		if err := r.input(ctx, in); err != nil {
			return r.sum, err
		}
	}
	if err := r.flush(ctx); err != nil {
		return r.sum, err
	}
	return r.sum, nil
}

// runner holds the state of one Run: the batch being filled and the
// summary so far.
type runner struct {
	st       store.Store
	stdin    io.Reader
	opts     Options
	fetch    *fetcher
	br       *bufio.Reader // reused by stream
	batch    []model.Document
	sum      Summary
	progress *progress
	// emit takes each finished document; Run queues it for the store,
	// Parse collects it.
	emit func(ctx context.Context, d model.Document) error
}

func newRunner(st store.Store, stdin io.Reader, opts Options) *runner {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	r := &runner{
		st:       st,
		stdin:    stdin,
		opts:     opts,
		fetch:    newFetcher(opts.AllowPrivate, opts.Timeout, opts.MaxBytes),
		batch:    make([]model.Document, 0, opts.BatchSize),
		progress: newProgress(opts.Progress),
	}
	r.emit = r.queue
	return r
}

// Parse reads one input held in memory (name gives its extension and is
// used in failures) into documents, without a store: the same sniffing,
// parsing, normalisation and hashing as Run. Feed links are followed only
// with opts.Follow.
func Parse(ctx context.Context, name string, data []byte, opts Options) ([]model.Document, []Failure) {
	r := newRunner(nil, nil, opts)
	var docs []model.Document
	r.emit = func(_ context.Context, d model.Document) error {
		docs = append(docs, d)
		return nil
	}
	if err := r.stream(ctx, bytes.NewReader(data), name, "file", int64(len(data))); err != nil {
		r.fail(name, err)
	}
	return docs, r.sum.Failures
}

// fail records one failure.
func (r *runner) fail(input string, err error) {
	r.sum.Failed++
	f := Failure{Input: input, Err: err}
	r.sum.Failures = append(r.sum.Failures, f)
	if r.opts.OnFailure != nil {
		r.progress.clear()
		r.opts.OnFailure(f)
	}
	r.progress.add()
}

// add finishes a raw document and queues it; a full batch is stored.
func (r *runner) add(ctx context.Context, input string, d rawDoc, published time.Time, origin, kind string) error {
	doc, err := r.finish(d, published, origin, kind)
	if err != nil {
		r.fail(input, err)
		return nil
	}
	return r.emit(ctx, doc)
}

// queue adds a document to the batch; a full batch is stored.
func (r *runner) queue(ctx context.Context, doc model.Document) error {
	r.batch = append(r.batch, doc)
	if len(r.batch) >= r.opts.BatchSize {
		return r.flush(ctx)
	}
	return nil
}

// flush stores the batch in one transaction.
func (r *runner) flush(ctx context.Context) error {
	if len(r.batch) == 0 {
		return nil
	}
	res, err := r.st.AddDocuments(ctx, r.batch, MaxHamming)
	if err != nil {
		return fmt.Errorf("ingest: store %d documents: %w", len(r.batch), err)
	}
	for _, a := range res {
		switch a.Outcome {
		case store.Added:
			r.sum.New++
		case store.Duplicate:
			r.sum.Duplicates++
		case store.NearDuplicate:
			r.sum.NearDuplicates++
		}
		r.progress.add()
	}
	clear(r.batch)
	r.batch = r.batch[:0]
	return nil
}

// finish turns a raw document into a stored one: the text normalised, its
// ID and SimHash, the publication date parsed (or Options.Published, or
// none), where it came from and when.
func (r *runner) finish(d rawDoc, published time.Time, origin, kind string) (model.Document, error) {
	text := NormalizeText(d.text)
	if text == "" {
		return model.Document{}, errors.New("no text")
	}
	now := r.opts.Now().UTC()
	doc := model.Document{
		ID:           DocumentID(text),
		SourceID:     clean(d.sourceID),
		URL:          clean(d.url),
		CanonicalURL: clean(d.canonicalURL),
		Outlet:       clean(d.outlet),
		Title:        withoutSiteName(clean(d.title), clean(d.outlet)),
		Author:       clean(d.author),
		Language:     clean(d.language),
		Text:         text,
		Origin:       origin,
		OriginKind:   kind,
		Ingested:     now,
		SimHash:      SimHash(text),
	}
	if doc.CanonicalURL == doc.URL {
		doc.CanonicalURL = ""
	}
	switch {
	case !published.IsZero():
		doc.Published, doc.PublishedPrecision = published.UTC(), model.PrecisionInstant
		if d.publishedPrecision != model.PrecisionNone {
			doc.PublishedPrecision = d.publishedPrecision
		}
	case d.published != "":
		if t, p, ok := parseDate(d.published, now); ok {
			doc.Published, doc.PublishedPrecision = t, p
		}
	}
	if doc.Published.IsZero() && !r.opts.Published.IsZero() {
		doc.Published = r.opts.Published.UTC()
		doc.PublishedPrecision = model.Precision(r.opts.PublishedPrecision)
		if doc.PublishedPrecision == model.PrecisionNone {
			doc.PublishedPrecision = model.PrecisionDay
		}
	}
	return doc, nil
}

// titleSeparators stand between a headline and the site's name in a
// page title ("Talks resume | The Wire").
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " / ", " » "}

// withoutSiteName drops the site's name from the end of a title
// ("Headline | Site", "Headline - Site") when the outlet is known; a title
// that is only the site's name is kept.
func withoutSiteName(title, outlet string) string {
	if outlet == "" || len(title) <= len(outlet) {
		return title
	}
	head, tail := title[:len(title)-len(outlet)], title[len(title)-len(outlet):]
	if !strings.EqualFold(tail, outlet) {
		return title
	}
	for _, sep := range titleSeparators {
		if h, ok := strings.CutSuffix(head, sep); ok && strings.TrimSpace(h) != "" {
			return strings.TrimSpace(h)
		}
	}
	return title
}

// zeroTime is "no time given".
var zeroTime time.Time

// clean normalises a metadata field to one line.
func clean(s string) string {
	return strings.Join(strings.Fields(NormalizeText(s)), " ")
}
