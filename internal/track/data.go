package track

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"sync"

	"github.com/goccy/go-yaml"
)

//go:embed data/*.yaml data/*.tmpl
var dataFS embed.FS

// decodeStrict decodes YAML into v, refusing unknown fields and duplicate
// keys. Errors name the file, line and column, with the offending line.
func decodeStrict(file string, data []byte, v any) (err error) {
	// go-yaml v1.19.2 panics on some malformed input (found by fuzzing:
	// testdata/fuzz/FuzzParseCase); report it as an error in the file.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: malformed YAML (%v)", file, r)
		}
	}()
	err = yaml.NewDecoder(bytes.NewReader(data), yaml.Strict(), yaml.DisallowUnknownField()).Decode(v)
	if err != nil {
		return yamlError(file, err)
	}
	return nil
}

// yamlError turns a go-yaml error into "file:line:col: message".
func yamlError(file string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			return fmt.Errorf("%s:%d:%d: %s", file, tk.Position.Line, tk.Position.Column, ye.GetMessage())
		}
		return fmt.Errorf("%s: %s", file, ye.GetMessage())
	}
	return fmt.Errorf("%s: %w", file, err)
}

// Weights are the numbers the layer weighs claims with (data/weights.yaml).
type Weights struct {
	SourceKind          map[string]float64 `yaml:"source_kind"`
	Hedged              float64            `yaml:"hedged"`
	Denied              float64            `yaml:"denied"`
	Confirmed           float64            `yaml:"confirmed"`
	RecencyHalfLifeDays float64            `yaml:"recency_half_life_days"`
	CorroborationDays   int                `yaml:"corroboration_days"`
	ConflictDays        int                `yaml:"conflict_days"`
	DenialDays          int                `yaml:"denial_days"`
	ConflictPenalty     float64            `yaml:"conflict_penalty"`
	GapRank             GapRank            `yaml:"gap_rank"`
	StatusFactor        map[string]float64 `yaml:"status_factor"`
	Incompatibility     []ActPair          `yaml:"incompatibility"`
}

// GapRank weighs the parts of a sticking point's score.
type GapRank struct {
	Distance     float64 `yaml:"distance"`
	Reports      float64 `yaml:"reports"`
	Precondition float64 `yaml:"precondition"`
	Salience     float64 `yaml:"salience"`
}

// ActPair says how incompatible two acts are.
type ActPair struct {
	Acts  []string `yaml:"acts"`
	Value float64  `yaml:"value"`
}

// ActDistance is how incompatible two parties' acts on one issue are.
func (w *Weights) ActDistance(a, b string) float64 {
	for _, p := range w.Incompatibility {
		if len(p.Acts) == 2 && ((p.Acts[0] == a && p.Acts[1] == b) || (p.Acts[0] == b && p.Acts[1] == a)) {
			return p.Value
		}
	}
	return 0.2
}

// SourceWeight is the weight of a source kind; unknown kinds weigh as
// unattributed.
func (w *Weights) SourceWeight(kind string) float64 {
	if v, ok := w.SourceKind[kind]; ok {
		return v
	}
	return w.SourceKind["unattributed"]
}

// SalienceCue is one phrase that marks an issue as hard to settle.
type SalienceCue struct {
	Cue    string  `yaml:"cue"`
	Weight float64 `yaml:"weight"`
}

type salienceFile struct {
	Cues       []SalienceCue       `yaml:"cues"`
	IssueTerms map[string][]string `yaml:"issue_terms"`
	Generic    []string            `yaml:"generic_terms"`
}

type reportCues struct {
	Denial       []string `yaml:"denial"`
	Confirmation []string `yaml:"confirmation"`
	Unconfirmed  []string `yaml:"unconfirmed"`
}

type timeWords struct {
	Months      map[string]int    `yaml:"months"`
	Weekdays    map[string]int    `yaml:"weekdays"`
	Numbers     map[string]int    `yaml:"numbers"`
	Units       map[string]string `yaml:"units"`
	MonthParts  map[string]int    `yaml:"month_parts"`
	VagueFuture []string          `yaml:"vague_future"`
	FutureCues  []string          `yaml:"future_cues"`
	Events      []string          `yaml:"events"`
}

// tables holds the embedded data, decoded once.
type tables struct {
	weights  Weights
	salience []SalienceCue
	terms    map[string][]string
	generic  []string
	reports  reportCues
	time     timeWords
}

var (
	tablesOnce sync.Once
	tablesVal  *tables
	tablesErr  error
)

func loadTables() (*tables, error) {
	tablesOnce.Do(func() {
		t := &tables{}
		var sal salienceFile
		for _, f := range []struct {
			name string
			v    any
		}{
			{"data/weights.yaml", &t.weights},
			{"data/salience.yaml", &sal},
			{"data/reports.yaml", &t.reports},
			{"data/time.yaml", &t.time},
		} {
			b, err := dataFS.ReadFile(f.name)
			if err != nil {
				tablesErr = fmt.Errorf("track: read %s: %w", f.name, err)
				return
			}
			if err := decodeStrict(f.name, b, f.v); err != nil {
				tablesErr = fmt.Errorf("track: %w", err)
				return
			}
		}
		t.salience = sal.Cues
		t.terms = sal.IssueTerms
		t.generic = sal.Generic
		tablesVal = t
	})
	return tablesVal, tablesErr
}

// mustTables returns the embedded tables; they are tested, so a failure
// here is a build defect.
func mustTables() *tables {
	t, err := loadTables()
	if err != nil {
		panic(err)
	}
	return t
}

// DefaultWeights returns the embedded weights.
func DefaultWeights() Weights { return mustTables().weights }
