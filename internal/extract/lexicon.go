package extract

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"

	"parley/internal/model"
)

//go:embed data/*.yaml
var dataFS embed.FS

// Grammars of act cues: where the actor is found relative to the cue.
const (
	// GrammarVerb: the actor is the subject, before the cue ("Russia demands").
	GrammarVerb = "verb"
	// GrammarNoun: the actor is the possessor or modifier before the cue
	// ("Hamas's demand", "the Russian proposal"), or "by"/"from" after it.
	GrammarNoun = "noun"
	// GrammarPassive: the actor is the agent after "by" ("was proposed by
	// Egypt"); the subject is what the act is about.
	GrammarPassive = "passive"
	// GrammarSupport: a light verb ("put forward", "presented") whose act is
	// taken from a noun cue right after it when there is one.
	GrammarSupport = "support"
	// GrammarModal: an obligation of the subject ("Ukraine would have to",
	// "will be forced to give up"): the claim is a demand by the party
	// that imposes it, the speaker or else the subject's opponent.
	GrammarModal = "modal"
	// GrammarCompound: the actor is glued before the cue ("US-backed").
	GrammarCompound = "compound"
	// GrammarCondition: a condition the subject sets on its own action
	// ("will withdraw only if …"); acts inside the condition are its content.
	GrammarCondition = "condition"
)

var grammars = []string{GrammarVerb, GrammarNoun, GrammarPassive, GrammarSupport, GrammarModal, GrammarCompound, GrammarCondition}

// ActGroup is a set of act cues that share an act and a grammar.
type ActGroup struct {
	Act     string `yaml:"act" json:"act"`
	Grammar string `yaml:"grammar" json:"grammar"`
	// Negated is the act when a negation governs the cue ("did not
	// reject" → "" for no claim, "will not accept" → reject).
	Negated string `yaml:"negated,omitempty" json:"negated,omitempty"`
	// Precondition marks cues that make the claim a condition for any
	// deal ("would only accept").
	Precondition bool `yaml:"precondition,omitempty" json:"precondition,omitempty"`
	// Hedged marks cues that present the claim as uncertain by
	// themselves ("would have to", "will be forced to").
	Hedged bool     `yaml:"hedged,omitempty" json:"hedged,omitempty"`
	Cues   []string `yaml:"cues" json:"cues"`
}

// IssueGroup is the vocabulary of one issue.
type IssueGroup struct {
	Issue string   `yaml:"issue" json:"issue"`
	Cues  []string `yaml:"cues" json:"cues"`
	// Conditional cues count only in context.
	Conditional []IssueContext `yaml:"conditional,omitempty" json:"conditional,omitempty"`
}

// IssueContext holds cues that name the issue only in context: when the
// sentence holds one of RequiresAny (if given), and when none of NotAfter
// occurs in the few words before the cue (a "border" right after
// "withdrawal from" is where troops withdraw from, not a territorial claim).
type IssueContext struct {
	Cues        []string `yaml:"cues" json:"cues"`
	RequiresAny []string `yaml:"requires_any,omitempty" json:"requires_any,omitempty"`
	NotAfter    []string `yaml:"not_after,omitempty" json:"not_after,omitempty"`
	// Window is how many words before the cue NotAfter looks at (7 if 0).
	Window int `yaml:"window,omitempty" json:"window,omitempty"`
}

// Attribution holds the cues that credit a claim to a source.
type Attribution struct {
	// Before: cues followed by the source ("according to", "citing").
	Before []string `yaml:"before" json:"before"`
	// Verbs: reporting verbs; the source is the phrase before the verb
	// ("officials said") or, after a comma, after it (", the sources said").
	Verbs []string `yaml:"verbs" json:"verbs"`
	// Relay: cues after which an outlet relays ("told", "cited by", "per").
	Relay []string `yaml:"relay" json:"relay"`
	// Words that classify a source phrase by kind.
	Official  []string `yaml:"official" json:"official"`
	Anonymous []string `yaml:"anonymous" json:"anonymous"`
	Media     []string `yaml:"media" json:"media"`
	Analyst   []string `yaml:"analyst" json:"analyst"`
	// Outlets: names of news outlets and agencies.
	Outlets []string `yaml:"outlets" json:"outlets"`
}

// Lexicon is the data the extractor runs on. Every list is a set of cues;
// cues are matched case-insensitively on word boundaries.
type Lexicon struct {
	Version       string       `yaml:"version" json:"version"`
	Acts          []ActGroup   `yaml:"acts,omitempty" json:"acts,omitempty"`
	Negations     []string     `yaml:"negations,omitempty" json:"negations,omitempty"`
	Hedges        []string     `yaml:"hedges,omitempty" json:"hedges,omitempty"`
	Preconditions []string     `yaml:"preconditions,omitempty" json:"preconditions,omitempty"`
	Salience      []string     `yaml:"salience,omitempty" json:"salience,omitempty"`
	Issues        []IssueGroup `yaml:"issues,omitempty" json:"issues,omitempty"`
	Attribution   Attribution  `yaml:"attribution,omitempty" json:"attribution"`
	// AgentHeads: nouns after a demonym that make it a party acting
	// ("the Russian side", "Ukrainian negotiators").
	AgentHeads []string `yaml:"agent_heads,omitempty" json:"agent_heads,omitempty"`
	// References: nouns that refer back to earlier positions ("these
	// conditions", "the proposal") when an act has no issue of its own.
	References []string `yaml:"references,omitempty" json:"references,omitempty"`
	// Joint: phrases naming both parties in play ("both sides").
	Joint []string `yaml:"joint,omitempty" json:"joint,omitempty"`
	// Anaphors: phrases that refer to the party last in play ("the group",
	// "it", "he").
	Anaphors []string `yaml:"anaphors,omitempty" json:"anaphors,omitempty"`
	// Boundaries: cues that end a clause ("while", "whereas").
	Boundaries []string `yaml:"boundaries,omitempty" json:"boundaries,omitempty"`
	// Irrealis: cues after which an act, up to the next comma, is
	// hypothetical or not yet reached ("if", "whether", "closer to").
	Irrealis []string `yaml:"irrealis,omitempty" json:"irrealis,omitempty"`
	// Mediation: words naming mediators; "the mediators" refers to the
	// parties they name.
	Mediation []string `yaml:"mediation,omitempty" json:"mediation,omitempty"`
	// PlanContent: words by which a sentence spells out a plan just
	// proposed ("the second phase would see …").
	PlanContent []string `yaml:"plan_content,omitempty" json:"plan_content,omitempty"`
	// Continuation: sentence openers by which a sentence goes on with the
	// account of the sentence before ("Under the plan, …", "These
	// include …"): it keeps that sentence's source.
	Continuation []string `yaml:"continuation,omitempty" json:"continuation,omitempty"`
	// Places: contested places (disputed regions, occupied territories,
	// corridors, crossings, strategic towns). A place in an act's scope
	// names the territory issue when no other issue cue does.
	Places []string `yaml:"places,omitempty" json:"places,omitempty"`
}

// LoadLexicon returns the embedded lexicon extended by the YAML files in
// dir (if dir is not ""), read in name order.
func LoadLexicon(dir string) (*Lexicon, error) {
	lex, err := embeddedLexicon()
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return lex, nil
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("extract: load lexicon: %w", err)
	}
	more, _ := filepath.Glob(filepath.Join(dir, "*.yml"))
	names = append(names, more...)
	sort.Strings(names)
	if len(names) == 0 {
		return nil, fmt.Errorf("extract: load lexicon: no .yaml files in %s", dir)
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("extract: load lexicon: %w", err)
		}
		var part Lexicon
		if err := decodeLexicon(name, b, &part); err != nil {
			return nil, err
		}
		lex.merge(&part)
	}
	return lex, nil
}

// embeddedLexicon decodes the lexicon shipped with parley.
func embeddedLexicon() (*Lexicon, error) {
	entries, err := fs.ReadDir(dataFS, "data")
	if err != nil {
		return nil, fmt.Errorf("extract: load lexicon: %w", err)
	}
	lex := &Lexicon{}
	for _, e := range entries {
		if e.Name() == "starter_actors.yaml" || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		b, err := dataFS.ReadFile("data/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("extract: load lexicon: %w", err)
		}
		var part Lexicon
		if err := decodeLexicon("data/"+e.Name(), b, &part); err != nil {
			return nil, err
		}
		lex.merge(&part)
	}
	return lex, nil
}

// decodeLexicon decodes one file strictly and checks its values; errors
// name file:line:col.
func decodeLexicon(name string, b []byte, into *Lexicon) error {
	if err := yaml.UnmarshalWithOptions(b, into, yaml.Strict()); err != nil {
		return yamlError(name, err)
	}
	for _, g := range into.Acts {
		if !slices.Contains(model.Acts, g.Act) {
			return fmt.Errorf("extract: %s: unknown act %q (want one of %s)", name, g.Act, strings.Join(model.Acts, ", "))
		}
		if g.Negated != "" && g.Negated != "none" && !slices.Contains(model.Acts, g.Negated) {
			return fmt.Errorf("extract: %s: act %s: unknown negated act %q", name, g.Act, g.Negated)
		}
		if !slices.Contains(grammars, g.Grammar) {
			return fmt.Errorf("extract: %s: act %s: unknown grammar %q (want one of %s)", name, g.Act, g.Grammar, strings.Join(grammars, ", "))
		}
	}
	for _, g := range into.Issues {
		if !slices.Contains(model.Issues, g.Issue) {
			return fmt.Errorf("extract: %s: unknown issue %q", name, g.Issue)
		}
	}
	return nil
}

// yamlError turns a YAML decoding error into one that points into the file.
func yamlError(name string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		if tok := ye.GetToken(); tok != nil && tok.Position != nil {
			return fmt.Errorf("extract: %s:%d:%d: %s", name, tok.Position.Line, tok.Position.Column, ye.GetMessage())
		}
	}
	return fmt.Errorf("extract: %s: %w", name, err)
}

// merge adds the entries of o. Lists are extended; a later version string
// is appended to the earlier one.
func (l *Lexicon) merge(o *Lexicon) {
	switch {
	case l.Version == "":
		l.Version = o.Version
	case o.Version != "" && o.Version != l.Version:
		l.Version += "+" + o.Version
	}
	l.Acts = append(l.Acts, o.Acts...)
	l.Negations = append(l.Negations, o.Negations...)
	l.Hedges = append(l.Hedges, o.Hedges...)
	l.Preconditions = append(l.Preconditions, o.Preconditions...)
	l.Salience = append(l.Salience, o.Salience...)
	l.Issues = append(l.Issues, o.Issues...)
	a, b := &l.Attribution, &o.Attribution
	a.Before = append(a.Before, b.Before...)
	a.Verbs = append(a.Verbs, b.Verbs...)
	a.Relay = append(a.Relay, b.Relay...)
	a.Official = append(a.Official, b.Official...)
	a.Anonymous = append(a.Anonymous, b.Anonymous...)
	a.Media = append(a.Media, b.Media...)
	a.Analyst = append(a.Analyst, b.Analyst...)
	a.Outlets = append(a.Outlets, b.Outlets...)
	l.AgentHeads = append(l.AgentHeads, o.AgentHeads...)
	l.References = append(l.References, o.References...)
	l.Joint = append(l.Joint, o.Joint...)
	l.Anaphors = append(l.Anaphors, o.Anaphors...)
	l.Boundaries = append(l.Boundaries, o.Boundaries...)
	l.Irrealis = append(l.Irrealis, o.Irrealis...)
	l.Mediation = append(l.Mediation, o.Mediation...)
	l.PlanContent = append(l.PlanContent, o.PlanContent...)
	l.Continuation = append(l.Continuation, o.Continuation...)
	l.Places = append(l.Places, o.Places...)
}

// Hash is a short digest of the effective lexicon.
func (l *Lexicon) Hash() string {
	b, _ := json.Marshal(l)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:4])
}

// VersionString combines the declared version and the hash of the
// effective lexicon, e.g. "2026.1-9f2c01ab".
func (l *Lexicon) VersionString() string {
	v := l.Version
	if v == "" {
		v = "0"
	}
	return v + "-" + l.Hash()
}
