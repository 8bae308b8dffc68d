// Package store persists documents, claims and cases.
//
// Store is the interface the rest of parley uses; it is shaped by what the
// callers need. SQLite (Open) is the default implementation.
package store

import (
	"context"
	"errors"
	"time"

	"parley/internal/model"
)

// ErrNotFound is returned when a requested record does not exist.
var ErrNotFound = errors.New("not found")

// Outcome says what happened to one document handed to AddDocuments.
type Outcome int

// Outcomes of adding a document.
const (
	// Added: a new document was stored.
	Added Outcome = iota
	// Duplicate: the same normalised text was already stored (or appeared
	// earlier in the same batch); nothing was written.
	Duplicate
	// NearDuplicate: stored, with DuplicateOf pointing at the first copy.
	NearDuplicate
)

func (o Outcome) String() string {
	switch o {
	case Added:
		return "added"
	case Duplicate:
		return "duplicate"
	case NearDuplicate:
		return "near-duplicate"
	}
	return "unknown"
}

// AddResult reports the outcome for one document, in input order.
// Of is the ID of the existing document for Duplicate and NearDuplicate.
type AddResult struct {
	ID      string
	Outcome Outcome
	Of      string
}

// DocFilter selects documents. Zero fields select everything.
type DocFilter struct {
	Since, Until time.Time
	Outlet       string
	// Search is an FTS5 query over title and text.
	Search string
	Limit  int
}

// ClaimFilter selects claims. Zero fields select everything.
type ClaimFilter struct {
	Actor, Act, Issue string
	// Since and Until filter on the document's publication time.
	Since, Until time.Time
	Doc          string
	Limit        int
}

// FeedState is what conditional GET needs to remember about a feed.
type FeedState struct {
	URL          string
	ETag         string
	LastModified string
	Fetched      time.Time
}

// CaseRecord is a stored case (a negotiation): its name and the YAML that
// defines it. The track stage parses the YAML.
type CaseRecord struct {
	Name    string
	YAML    []byte
	Updated time.Time
}

// Store is parley's persistence.
type Store interface {
	// AddDocuments stores a batch in one transaction. A document whose ID
	// exists is a Duplicate; one whose SimHash is within maxHamming bits of
	// a stored document's, and which shares MinContainment of the shorter
	// text's word 3-shingles with it, is stored as a NearDuplicate of the
	// earliest such document. On error nothing of the batch is stored.
	AddDocuments(ctx context.Context, docs []model.Document, maxHamming int) ([]AddResult, error)
	// Document returns one document by ID, unique ID prefix, or SourceID.
	Document(ctx context.Context, ref string) (model.Document, error)
	// Documents lists documents, newest publication first.
	Documents(ctx context.Context, f DocFilter) ([]model.Document, error)

	FeedState(ctx context.Context, url string) (FeedState, error)
	SetFeedState(ctx context.Context, s FeedState) error

	// PendingExtraction lists the IDs of documents not yet extracted with
	// the given lexicon version (all of them when all is true).
	PendingExtraction(ctx context.Context, lexiconVersion string, all bool) ([]string, error)
	// ReplaceClaims replaces a document's claims and records the lexicon
	// version it was extracted with, in one transaction.
	ReplaceClaims(ctx context.Context, docID, lexiconVersion string, claims []model.Claim) error
	// Claims lists claims in document publication order, then by offset.
	Claims(ctx context.Context, f ClaimFilter) ([]model.Claim, error)

	PutCase(ctx context.Context, c CaseRecord) error
	Case(ctx context.Context, name string) (CaseRecord, error)
	Cases(ctx context.Context) ([]CaseRecord, error)

	Close() error
}
