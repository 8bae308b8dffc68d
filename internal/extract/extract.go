// Package extract finds claims in news reports: one party's position on
// one issue, with its act, source, hedging and the evidence behind it.
//
// The pipeline per document: sentences with byte offsets (prose's punkt
// segmenter plus news repairs), one Aho–Corasick pass over the folded text
// for every lexicon cue, the resolver's party mentions, then rules per
// sentence (actor, act, negation, issues, precondition, hedge) and per
// paragraph (attribution scope, pronouns).
package extract

import (
	"fmt"
	"sync"
	"time"

	"github.com/jdkato/prose/v3/segment"

	"parley/internal/actors"
	"parley/internal/model"
)

// Resolver finds the parties mentioned in a text as of a date. The actors
// gazetteer implements it.
type Resolver interface {
	Resolve(text string, date time.Time) []actors.Mention
}

// TitledResolver is a Resolver that also weighs a report's headline in
// deciding which state "the government" or "the army" refers to. The
// extractor uses it when the resolver offers it and the report has a
// title.
type TitledResolver interface {
	Resolver
	ResolveTitled(title, text string, date time.Time) []actors.Mention
}

// Extractor extracts claims. It is immutable and safe for concurrent use.
type Extractor struct {
	lex      *Lexicon
	version  string
	match    *matcher
	resolver Resolver
	seg      *segment.Segmenter
	// per act group: its act, grammar and flags, indexed like lex.Acts.
	groups []ActGroup
	issues []string
	// issueCtx holds the folded context words of conditional issue cues.
	issueCtx [][]foldedContext
	// agentHeads is the folded set of lex.AgentHeads.
	agentHeads map[string]bool
	// governments maps a state to the de-facto authority that speaks as
	// its government to this day, from the resolver's data.
	governments map[string]string
}

type foldedContext struct {
	requiresAny []string
	notAfter    []string
	window      int
}

// Default returns an extractor with the embedded lexicon and the actor
// gazetteer; when the gazetteer is empty (it does not resolve "the
// Kremlin"), the extractor's own starter resolver stands in.
func Default() (*Extractor, error) {
	lex, err := LoadLexicon("")
	if err != nil {
		return nil, err
	}
	r, err := DefaultResolver()
	if err != nil {
		return nil, err
	}
	return New(lex, r)
}

// DefaultResolver returns the actor gazetteer if it is populated, else
// the starter resolver.
func DefaultResolver() (Resolver, error) {
	g, err := actors.Load()
	if err == nil && g != nil && len(g.Resolve("the Kremlin said", time.Time{})) > 0 {
		return g, nil
	}
	return NewStarterResolver()
}

// New returns an extractor over a lexicon and a resolver.
func New(lex *Lexicon, r Resolver) (*Extractor, error) {
	if lex == nil {
		return nil, fmt.Errorf("extract: new: no lexicon")
	}
	if r == nil {
		return nil, fmt.Errorf("extract: new: no resolver")
	}
	seg, err := segmenter()
	if err != nil {
		return nil, fmt.Errorf("extract: new: sentence model: %w", err)
	}
	x := &Extractor{
		lex:      lex,
		version:  lex.VersionString(),
		match:    newMatcher(lex),
		resolver: r,
		seg:      seg,
		groups:   lex.Acts,
	}
	x.governments = standingGovernments(r)
	x.agentHeads = map[string]bool{}
	for _, w := range lex.AgentHeads {
		x.agentHeads[foldString(w)] = true
	}
	for _, g := range lex.Issues {
		x.issues = append(x.issues, g.Issue)
		var ctxs []foldedContext
		for _, c := range g.Conditional {
			fc := foldedContext{window: c.Window}
			if fc.window <= 0 {
				fc.window = 7
			}
			for _, w := range c.RequiresAny {
				fc.requiresAny = append(fc.requiresAny, foldString(w))
			}
			for _, w := range c.NotAfter {
				fc.notAfter = append(fc.notAfter, foldString(w))
			}
			ctxs = append(ctxs, fc)
		}
		x.issueCtx = append(x.issueCtx, ctxs)
	}
	return x, nil
}

// Lexicon returns the extractor's effective lexicon (read-only).
func (x *Extractor) Lexicon() *Lexicon { return x.lex }

// LexiconVersion names the lexicon the extractor uses, so that stored
// claims record what produced them: the declared version and a hash of
// the effective lexicon.
func (x *Extractor) LexiconVersion() string { return x.version }

// Extract returns the claims of one document, in order of position.
func (x *Extractor) Extract(doc model.Document) []model.Claim {
	b := bufPool.Get().(*buffers)
	d := x.newDoc(doc, b)
	claims := d.run()
	b.keep(d)
	bufPool.Put(b)
	return claims
}

// buffers are the per-document working slices, reused across documents
// so that memory does not grow with the number of documents.
type buffers struct {
	f     folded
	hits  []hit
	cues  []cue
	sents []sentence
}

var bufPool = sync.Pool{New: func() any { return new(buffers) }}

// keep takes back the slices a document grew, dropping oversized ones.
func (b *buffers) keep(d *docState) {
	const maxKeep = 1 << 20
	if cap(d.f.text) > maxKeep {
		d.f = folded{}
	}
	b.f = d.f
	if cap(d.cues) <= maxKeep/16 {
		b.cues = d.cues[:0]
	}
	if cap(d.hits) <= maxKeep/16 {
		b.hits = d.hits[:0]
	}
	if cap(d.sents) <= maxKeep/16 {
		b.sents = d.sents[:0]
	}
}
