// Package model holds the records that flow down parley's pipeline:
// documents (from ingest), claims (from extract) and the spans that tie a
// claim to the bytes of its document.
//
// The package has no behaviour beyond small helpers; every stage imports it
// and it imports nothing of parley's.
package model

import (
	"encoding/json"
	"time"
)

// Precision says how much of a time is known.
type Precision string

// Precisions, from least to most precise. The zero value means "unknown":
// no date is ever invented.
const (
	PrecisionNone    Precision = ""
	PrecisionYear    Precision = "year"
	PrecisionMonth   Precision = "month"
	PrecisionDay     Precision = "day"
	PrecisionInstant Precision = "instant"
)

// Document is one news report as stored.
//
// ID is the hex SHA-256 of the normalised text, so the same text ingested
// twice has the same ID. SourceID is the identifier the input gave, if any
// (the "id" field of a JSON Lines record, a feed entry's GUID).
type Document struct {
	ID           string    `json:"id"`
	SourceID     string    `json:"source_id,omitempty"`
	URL          string    `json:"url,omitempty"`
	CanonicalURL string    `json:"canonical_url,omitempty"`
	Outlet       string    `json:"outlet,omitempty"`
	Title        string    `json:"title,omitempty"`
	Author       string    `json:"author,omitempty"`
	Published    time.Time `json:"published,omitzero"`
	// PublishedPrecision is PrecisionNone when the report gives no date.
	PublishedPrecision Precision `json:"published_precision,omitempty"`
	Language           string    `json:"language,omitempty"`
	Text               string    `json:"text"`
	// Origin is where the document came from: a file path, a feed URL or a
	// page URL; OriginKind is one of "file", "stdin", "url", "feed".
	Origin     string    `json:"origin,omitempty"`
	OriginKind string    `json:"origin_kind,omitempty"`
	Ingested   time.Time `json:"ingested,omitzero"`
	// DuplicateOf is the ID of the first copy when this document is a
	// near-duplicate (a syndicated copy) of it.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// SimHash is the 64-bit SimHash over word 3-shingles of the text.
	SimHash uint64 `json:"-"`
}

// Span is a half-open byte range [Start, End) into a document's Text.
// The invariant every producer keeps: text[s.Start:s.End] is exactly the
// text the span names.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// In returns the text the span covers, or "" if it does not fit text.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Acts, as in the claims specification.
const (
	ActDemand  = "demand"
	ActPropose = "propose"
	ActAccept  = "accept"
	ActReject  = "reject"
	ActConcede = "concede"
)

// Acts lists every act in the specification's order.
var Acts = []string{ActDemand, ActPropose, ActAccept, ActReject, ActConcede}

// Issues lists the fifteen issues of the claims specification.
var Issues = []string{
	"ceasefire", "withdrawal", "territory", "recognition", "alliance",
	"security_guarantees", "disarmament", "governance", "minority_rights",
	"prisoners", "humanitarian", "economy", "justice", "talks", "other",
}

// Source kinds, as in the claims specification.
const (
	SourceOfficial     = "official"
	SourceAnonymous    = "anonymous"
	SourceMedia        = "media"
	SourceAnalyst      = "analyst"
	SourceUnattributed = "unattributed"
)

// SourceKinds lists every source kind.
var SourceKinds = []string{SourceOfficial, SourceAnonymous, SourceMedia, SourceAnalyst, SourceUnattributed}

// Source says who a report credits a claim to: the innermost source, and
// the outlet that relayed it. Empty Name or Via are written as JSON null.
type Source struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	Via  string `json:"via"`
}

// MarshalJSON writes empty Name and Via as null, as the specification does.
func (s Source) MarshalJSON() ([]byte, error) {
	type out struct {
		Kind string  `json:"kind"`
		Name *string `json:"name"`
		Via  *string `json:"via"`
	}
	o := out{Kind: s.Kind}
	if s.Name != "" {
		o.Name = &s.Name
	}
	if s.Via != "" {
		o.Via = &s.Via
	}
	return json.Marshal(o)
}

// Evidence ties a claim to the bytes of its document: the sentence and the
// mentions that made the extractor produce the claim. Spans are offsets
// into the document's Text; a zero Span means "not present" (for example,
// an unattributed claim has no source cue).
type Evidence struct {
	Sentence Span `json:"sentence"`
	Actor    Span `json:"actor"`
	// ActorHow says how the actor was recognised: name, alias, metonym,
	// person, title, demonym, coreference.
	ActorHow string `json:"actor_how,omitempty"`
	Act      Span   `json:"act"`
	Issue    Span   `json:"issue"`
	Source   Span   `json:"source"`
	Hedge    Span   `json:"hedge"`
	// Lexicon is the version of the lexicon the claim was extracted with.
	Lexicon string `json:"lexicon,omitempty"`
}

// Claim is one party's position on one issue as a report tells it.
// JSON field names follow the claims specification.
type Claim struct {
	// ID is assigned by the store; zero before the claim is stored.
	ID           int64    `json:"-"`
	Doc          string   `json:"doc"`
	Sentence     string   `json:"sentence"`
	Actor        string   `json:"actor"`
	Act          string   `json:"act"`
	Issue        string   `json:"issue"`
	Position     string   `json:"position"`
	Precondition bool     `json:"precondition"`
	Source       Source   `json:"source"`
	Hedged       bool     `json:"hedged"`
	Evidence     Evidence `json:"evidence"`
}
