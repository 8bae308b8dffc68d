package track_test

import (
	"strings"
	"testing"
	"time"

	"parley/internal/model"
	"parley/internal/track"
)

// fixture builds reports and claims by hand.
type fixture struct {
	docs   map[string]model.Document
	order  []string
	claims []model.Claim
}

func newFixture() *fixture { return &fixture{docs: map[string]model.Document{}} }

// doc adds a report; date "" makes it undated. Extra text is appended.
func (f *fixture) doc(id, outlet, date string, text ...string) *fixture {
	d := model.Document{ID: id, Outlet: outlet, Text: strings.Join(text, " "),
		Ingested: time.Date(2026, 1, 1, 0, 0, len(f.order), 0, time.UTC)}
	if date != "" {
		d.Published, d.PublishedPrecision = day(date), model.PrecisionDay
	}
	f.docs[id] = d
	f.order = append(f.order, id)
	return f
}

func (f *fixture) copyOf(id, of string) *fixture {
	d := f.docs[id]
	d.DuplicateOf = of
	f.docs[id] = d
	return f
}

// opt changes a claim.
type opt func(*model.Claim)

func hedged(c *model.Claim)       { c.Hedged = true }
func precondition(c *model.Claim) { c.Precondition = true }
func source(kind, name, via string) opt {
	return func(c *model.Claim) { c.Source = model.Source{Kind: kind, Name: name, Via: via} }
}
func position(p string) opt { return func(c *model.Claim) { c.Position = p } }

// claim adds a claim whose sentence is appended to the report's text.
func (f *fixture) claim(doc, sentence, actor, act, issue string, opts ...opt) *fixture {
	d := f.docs[doc]
	start := strings.Index(d.Text, sentence)
	if start < 0 {
		if d.Text != "" {
			d.Text += " "
		}
		start = len(d.Text)
		d.Text += sentence
		f.docs[doc] = d
	}
	c := model.Claim{Doc: doc, Sentence: sentence, Actor: actor, Act: act, Issue: issue,
		Source:   model.Source{Kind: model.SourceOfficial},
		Evidence: model.Evidence{Sentence: model.Span{Start: start, End: start + len(sentence)}}}
	for _, o := range opts {
		o(&c)
	}
	if c.Position == "" {
		c.Position = sentence
	}
	f.claims = append(f.claims, c)
	return f
}

func (f *fixture) view(t *testing.T, caseYAML string) *track.View {
	t.Helper()
	c, err := track.ParseCase("case.yaml", []byte(caseYAML))
	if err != nil {
		t.Fatal(err)
	}
	return track.NewView(c, f.claims, f.docs)
}

const twoParties = `name: test
parties: [Russia, Ukraine]
`
