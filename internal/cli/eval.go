package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"parley/internal/eval"
	"parley/internal/extract"
	"parley/internal/model"
)

// EvalCmd scores claims against gold annotations.
type EvalCmd struct {
	Gold     string   `name:"gold" required:"" placeholder:"GOLD.jsonl" help:"Gold claims, JSON Lines in the claims specification's format; - for stdin."`
	Pred     string   `name:"pred" placeholder:"PRED.jsonl" help:"Predicted claims, same format (extra fields such as evidence are ignored); - for stdin."`
	Docs     string   `name:"docs" placeholder:"DOCS.jsonl" help:"Documents (JSON Lines: id, url, outlet, published, title, text) to run the extractor on; - for stdin."`
	Aliases  []string `name:"aliases" placeholder:"FILE" type:"existingfile" help:"Extra actor aliases (YAML, the format of internal/eval/data/aliases.yaml); repeatable."`
	Format   string   `name:"format" short:"f" enum:"table,jsonl" default:"table" help:"Output: table (a report ending with the line 'F1 0.xxx') or jsonl (one JSON object with every figure, nothing else)."`
	Examples int      `name:"examples" default:"3" help:"Examples shown per error type (0: none)."`
}

// Help is the long help of parley eval.
func (c *EvalCmd) Help() string {
	return `Give exactly one of --pred (claims already extracted) or --docs (the
extractor is run on each document, with the embedded lexicon and gazetteer).

A predicted claim matches a gold claim of the same document when actor,
act and issue are equal and the two sentences overlap: the word sequence of
one is contained in the other's, or their word sets have a Jaccard index of
at least 0.5. Words are maximal runs of Unicode letters and digits,
lower-cased. Matching is one to one and maximum (augmenting paths, best
overlap tried first). Actors are compared case-insensitively, without a
leading "the", through the alias table (US = U.S. = United States, Kremlin =
Moscow = Russia, …), which --aliases extends.

Reported: micro precision, recall and F1 (the headline, strict), the same
with actor, act or issue left out of the key, figures per act and per issue,
the accuracy of source.kind, hedged and precondition over matched pairs, and
the error types, most frequent first: missed and spurious claims by act and
issue; wrong actor, act or issue (a missed and a spurious claim that would
match if that field were ignored; gold → predicted); wrong source kind,
hedged or precondition among matched pairs. Precision is 0 when nothing is
predicted, recall 0 when there is no gold claim.

With --format table the last line is "F1 0.xxx" (strict F1, three
decimals). With --format jsonl the output is only one JSON object.`
}

// Run runs the command.
func (c *EvalCmd) Run(env *Env, g *Globals) error {
	if (c.Pred == "") == (c.Docs == "") {
		return usagef("eval: give exactly one of --pred or --docs")
	}
	if c.Gold == "-" && (c.Pred == "-" || c.Docs == "-") {
		return usagef("eval: only one of --gold, --pred and --docs can be - (stdin)")
	}
	if c.Examples < 0 {
		return usagef("eval: --examples must be 0 or more")
	}
	aliases, err := eval.LoadAliases(c.Aliases...)
	if err != nil {
		return err
	}
	gold, err := readClaimsFile(env, c.Gold)
	if err != nil {
		return err
	}
	var pred []model.Claim
	if c.Pred != "" {
		pred, err = readClaimsFile(env, c.Pred)
	} else {
		pred, err = extractDocsFile(env, c.Docs)
	}
	if err != nil {
		return err
	}
	r := eval.Score(gold, pred, eval.Options{Aliases: aliases, Examples: c.Examples})
	if c.Format == "jsonl" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("eval: write report: %w", err)
		}
		return nil
	}
	return r.WriteText(env.Stdout)
}

// openInput opens a file, or stdin for "-".
func openInput(env *Env, path string) (io.Reader, string, func(), error) {
	if path == "-" {
		return env.Stdin, "<stdin>", func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", nil, fmt.Errorf("eval: %w", err)
	}
	return f, path, func() { f.Close() }, nil
}

func readClaimsFile(env *Env, path string) ([]model.Claim, error) {
	r, name, done, err := openInput(env, path)
	if err != nil {
		return nil, err
	}
	defer done()
	return eval.ReadClaims(r, name)
}

// extractDocsFile runs the default extractor on every document of a JSON
// Lines file. Each claim names its document by the file's id.
func extractDocsFile(env *Env, path string) ([]model.Claim, error) {
	r, name, done, err := openInput(env, path)
	if err != nil {
		return nil, err
	}
	defer done()
	docs, err := extract.ReadDocsJSONL(r)
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	x, err := extract.Default()
	if err != nil {
		return nil, fmt.Errorf("eval: load extractor: %w", err)
	}
	var claims []model.Claim
	for _, d := range docs {
		if err := env.Ctx.Err(); err != nil {
			return nil, fmt.Errorf("eval: extract: %w", err)
		}
		for _, c := range x.Extract(d) {
			c.Doc = d.ID
			claims = append(claims, c)
		}
	}
	return claims, nil
}
