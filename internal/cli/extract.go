package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"parley/internal/extract"
	"parley/internal/store"
)

// ExtractCmd extracts claims: from stored documents into the database, or
// from a JSON Lines file of documents into a JSON Lines file of claims.
type ExtractCmd struct {
	All     bool   `name:"all" help:"Re-extract every stored document, not only those not yet extracted with the current lexicon."`
	Docs    string `name:"docs" placeholder:"IN.jsonl" help:"Extract from this JSON Lines file of documents (id, url, outlet, published, title, text; - for stdin) without a database."`
	Out     string `name:"out" placeholder:"OUT.jsonl" default:"-" help:"With --docs: write claims here as JSON Lines (- for stdout)."`
	Lexicon string `name:"lexicon" placeholder:"DIR" type:"existingdir" help:"Extend or override the embedded cue lexicon with the YAML files in DIR."`
}

// Run runs the command.
func (c *ExtractCmd) Run(env *Env, g *Globals) error {
	x, err := extract.Load(c.Lexicon)
	if err != nil {
		return err
	}
	if c.Docs != "" {
		if c.All {
			return usagef("extract: --all applies to stored documents, not to --docs")
		}
		return c.fromFile(env, x)
	}
	if c.Out != "-" {
		return usagef("extract: --out needs --docs")
	}
	return c.fromStore(env, g, x)
}

// fromFile extracts the documents of a JSON Lines file.
func (c *ExtractCmd) fromFile(env *Env, x *extract.Extractor) error {
	var in io.Reader = env.Stdin
	if c.Docs != "-" {
		f, err := os.Open(c.Docs)
		if err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		defer f.Close()
		in = f
	}
	docs, err := extract.ReadDocsJSONL(in)
	if err != nil {
		return err
	}
	var out io.Writer = env.Stdout
	var file *os.File
	if c.Out != "-" {
		file, err = os.Create(c.Out)
		if err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		out = file
	}
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	for _, d := range docs {
		for _, cl := range x.Extract(d) {
			if err := enc.Encode(cl); err != nil {
				return fmt.Errorf("extract: write claims: %w", err)
			}
			n++
		}
	}
	err = w.Flush()
	if file != nil {
		err = errors.Join(err, file.Close())
	}
	if err != nil {
		return fmt.Errorf("extract: write claims: %w", err)
	}
	fmt.Fprintf(env.Stderr, "extract: %d claims from %d documents (lexicon %s)\n", n, len(docs), x.LexiconVersion())
	return nil
}

// fromStore extracts the stored documents not yet extracted with the
// current lexicon version (every document with --all) and stores their
// claims.
func (c *ExtractCmd) fromStore(env *Env, g *Globals, x *extract.Extractor) error {
	st, err := openStore(env.Ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := extractStored(env, st, x, c.All)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "extracted %d claims from %d documents (lexicon %s)\n", sum.claims, sum.docs, x.LexiconVersion())
	if sum.failed > 0 {
		return ErrSomeFailed
	}
	return nil
}

// extractSummary counts what extractStored did.
type extractSummary struct{ docs, claims, failed int }

// extractStored extracts the stored documents not yet extracted with the
// extractor's lexicon version (every document when all is true) and
// replaces their stored claims. A document that fails is reported on
// stderr and counted; the error is for failures of the store itself.
func extractStored(env *Env, st store.Store, x *extract.Extractor, all bool) (extractSummary, error) {
	var sum extractSummary
	version := x.LexiconVersion()
	ids, err := st.PendingExtraction(env.Ctx, version, all)
	if err != nil {
		return sum, err
	}
	for _, id := range ids {
		if err := env.Ctx.Err(); err != nil {
			return sum, err
		}
		d, err := st.Document(env.Ctx, id)
		if err != nil {
			fmt.Fprintf(env.Stderr, "parley: extract: %s: %v\n", id, err)
			sum.failed++
			continue
		}
		cl := x.Extract(d)
		if err := st.ReplaceClaims(env.Ctx, id, version, cl); err != nil {
			fmt.Fprintf(env.Stderr, "parley: extract: %s: %v\n", id, err)
			sum.failed++
			continue
		}
		sum.docs++
		sum.claims += len(cl)
	}
	return sum, nil
}
