// Package actors is parley's gazetteer: the parties a negotiation report
// can name — states, organisations, armed groups, and the people and seats
// of power that speak for them — and a resolver that finds them in text.
package actors

import (
	"time"

	"parley/internal/model"
)

// How a mention was recognised.
const (
	HowName        = "name"
	HowAlias       = "alias"
	HowMetonym     = "metonym"
	HowPerson      = "person"
	HowTitle       = "title"
	HowDemonym     = "demonym"
	HowCoreference = "coreference"
)

// Mention is one reference to a party in a text.
type Mention struct {
	Span  model.Span `json:"span"`
	Text  string     `json:"text"`
	Party string     `json:"party"` // canonical name, e.g. "Russia", "Hamas"
	How   string     `json:"how"`
	// Via is what the mention names when it is not the party itself: the
	// person, title, seat or antecedent ("Putin", "the Kremlin").
	Via string `json:"via,omitempty"`
}

// Gazetteer holds the actor entries and resolves mentions.
type Gazetteer struct{}

// Load reads the embedded data and then each user file in order; later
// entries extend or override earlier ones.
func Load(userFiles ...string) (*Gazetteer, error) { return &Gazetteer{}, nil }

// Resolve returns the mentions of parties in text, in order of position,
// resolving people and titles as of date (zero date: today).
func (g *Gazetteer) Resolve(text string, date time.Time) []Mention { return nil }
