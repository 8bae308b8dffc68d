package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"parley/internal/model"
)

// claimLine is one claim as written in a JSON Lines file. Fields the
// scorer does not use ("position", "evidence", anything else) are ignored,
// and null strings read as empty.
type claimLine struct {
	Doc          *string `json:"doc"`
	Sentence     string  `json:"sentence"`
	Actor        string  `json:"actor"`
	Act          string  `json:"act"`
	Issue        string  `json:"issue"`
	Position     string  `json:"position"`
	Precondition bool    `json:"precondition"`
	Source       *struct {
		Kind string `json:"kind"`
		Name string `json:"name"`
		Via  string `json:"via"`
	} `json:"source"`
	Hedged bool `json:"hedged"`
}

// ReadClaims reads claims in the JSON Lines format of the claims
// specification, one object a line; blank lines are skipped. name is used
// in errors, which point at name:line (and the column of JSON syntax
// errors). Every claim must name its doc and actor, have a sentence with
// at least one word, and use an act, issue and source kind of the
// specification.
func ReadClaims(r io.Reader, name string) ([]model.Claim, error) {
	var claims []model.Claim
	err := eachLine(r, name, func(line int, b []byte) error {
		var cl claimLine
		if err := decodeLine(b, &cl); err != nil {
			return lineError("read claims", name, line, err)
		}
		c, err := cl.claim()
		if err != nil {
			return fmt.Errorf("eval: read claims: %s:%d: %w", name, line, err)
		}
		claims = append(claims, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return claims, nil
}

func (cl claimLine) claim() (model.Claim, error) {
	switch {
	case cl.Doc == nil || strings.TrimSpace(*cl.Doc) == "":
		return model.Claim{}, errors.New(`missing "doc"`)
	case strings.TrimSpace(cl.Sentence) == "":
		return model.Claim{}, errors.New(`missing "sentence"`)
	case len(Words(cl.Sentence)) == 0:
		return model.Claim{}, fmt.Errorf("sentence %q has no words", cl.Sentence)
	case strings.TrimSpace(cl.Actor) == "":
		return model.Claim{}, errors.New(`missing "actor"`)
	case !slices.Contains(model.Acts, cl.Act):
		return model.Claim{}, fmt.Errorf("unknown act %q (want one of %s)", cl.Act, strings.Join(model.Acts, ", "))
	case !slices.Contains(model.Issues, cl.Issue):
		return model.Claim{}, fmt.Errorf("unknown issue %q (want one of %s)", cl.Issue, strings.Join(model.Issues, ", "))
	case cl.Source == nil:
		return model.Claim{}, errors.New(`missing "source"`)
	case !slices.Contains(model.SourceKinds, cl.Source.Kind):
		return model.Claim{}, fmt.Errorf("unknown source kind %q (want one of %s)", cl.Source.Kind, strings.Join(model.SourceKinds, ", "))
	}
	return model.Claim{
		Doc:          *cl.Doc,
		Sentence:     cl.Sentence,
		Actor:        cl.Actor,
		Act:          cl.Act,
		Issue:        cl.Issue,
		Position:     cl.Position,
		Precondition: cl.Precondition,
		Source:       model.Source{Kind: cl.Source.Kind, Name: cl.Source.Name, Via: cl.Source.Via},
		Hedged:       cl.Hedged,
	}, nil
}

// eachLine calls fn with each non-blank line of r and its 1-based number.
// Lines may be of any length.
func eachLine(r io.Reader, name string, fn func(line int, b []byte) error) error {
	br := bufio.NewReader(r)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			if ferr := fn(line, b); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("eval: read %s: %w", name, err)
		}
	}
}

// decodeLine decodes one JSON object, rejecting anything after it.
func decodeLine(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return trailingError{offset: dec.InputOffset()}
	}
	return nil
}

// trailingError is a line holding more than one JSON value.
type trailingError struct{ offset int64 }

func (e trailingError) Error() string { return "more than one JSON value on the line" }

// lineError names the line, and the column of a JSON syntax or type error.
func lineError(what, name string, line int, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var tr trailingError
	switch {
	case errors.As(err, &tr):
		return fmt.Errorf("eval: %s: %s:%d:%d: invalid JSON: %v", what, name, line, tr.offset+1, err)
	case errors.As(err, &se):
		return fmt.Errorf("eval: %s: %s:%d:%d: invalid JSON: %v", what, name, line, se.Offset, err)
	case errors.As(err, &te):
		return fmt.Errorf("eval: %s: %s:%d:%d: %q must be %s, not %s", what, name, line, te.Offset, te.Field, te.Type, te.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("eval: %s: %s:%d: invalid JSON: unexpected end of line", what, name, line)
	}
	return fmt.Errorf("eval: %s: %s:%d: %w", what, name, line, err)
}
