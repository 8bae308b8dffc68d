// Package extract finds claims in news reports: one party's position on
// one issue, with its act, source, hedging and the evidence behind it.
package extract

import (
	"time"

	"parley/internal/actors"
	"parley/internal/model"
)

// Resolver finds the parties mentioned in a text as of a date. The actors
// gazetteer implements it.
type Resolver interface {
	Resolve(text string, date time.Time) []actors.Mention
}

// Extractor extracts claims. It is immutable and safe for concurrent use.
type Extractor struct{}

// Default returns an extractor with the embedded lexicon and gazetteer.
func Default() (*Extractor, error) { return &Extractor{}, nil }

// LexiconVersion names the lexicon the extractor uses, so that stored
// claims record what produced them.
func (x *Extractor) LexiconVersion() string { return "0" }

// Extract returns the claims of one document, in order of position.
func (x *Extractor) Extract(doc model.Document) []model.Claim { return nil }
