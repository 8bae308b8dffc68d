package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"parley/examples"
	"parley/internal/extract"
	"parley/internal/ingest"
	"parley/internal/store"
	"parley/internal/track"
)

// DemoCmd runs parley on the bundled example reports, in a temporary
// database that is removed afterwards. It ignores --db.
type DemoCmd struct {
	Keep bool `name:"keep" help:"Keep the temporary directory (reports and database) and print its path."`
}

// Run runs the command.
func (c *DemoCmd) Run(env *Env, g *Globals) error {
	dir, err := os.MkdirTemp("", "parley-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if c.Keep {
		defer fmt.Fprintf(env.Stdout, "\nThe reports and the database are in %s\n", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	reports := filepath.Join(dir, "reports")
	if err := copyFS(reports, examples.FS); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	st, err := store.Open(env.Ctx, filepath.Join(dir, "parley.db"))
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer st.Close()
	w := env.Stdout
	fmt.Fprintln(w, "parley demo: the example reports bundled in examples/, in a temporary database.")

	// Step 1: ingest the example reports.
	heading(w, "1. Ingest the example reports")
	sum, err := ingest.Run(env.Ctx, st, []string{reports}, nil, ingest.Options{Now: time.Now})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(w, "new %d, duplicates %d, near-duplicates %d, failed %d\n",
		sum.New, sum.Duplicates, sum.NearDuplicates, sum.Failed)
	for _, f := range sum.Failures {
		fmt.Fprintf(w, "  failed: %s: %v\n", relTo(reports, f.Input), f.Err)
	}

	// Step 2: what was stored, newest first; a syndicated copy names the
	// report it copies.
	heading(w, "2. The stored reports")
	docs, err := st.Documents(env.Ctx, store.DocFilter{})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if err := docsTable(docs).Write(w, "table"); err != nil {
		return err
	}

	// Step 3: claims, extracted with the embedded lexicon and gazetteer.
	heading(w, "3. Claims: who demands, proposes, accepts, rejects or concedes what")
	x, err := extract.Default()
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if _, err := extractStored(env, st, x, false); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	claims, err := st.Claims(env.Ctx, store.ClaimFilter{})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if err := claimsTable(claims).Write(w, "table"); err != nil {
		return err
	}

	// Step 4: the negotiation as a case: where each party stands and the
	// sticking points.
	caseYAML, err := fs.ReadFile(examples.Cases, examples.CaseFile)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	cs, err := track.ParseCase(examples.CaseFile, caseYAML)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if err := st.PutCase(env.Ctx, store.CaseRecord{Name: cs.Name, YAML: caseYAML}); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	v, err := track.Load(env.Ctx, st, cs.Name)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	heading(w, "4. Where each party stands ("+cs.Title+")")
	if err := positionsTable(v).Write(w, "table"); err != nil {
		return err
	}
	heading(w, "5. Sticking points")
	if err := gapsTable(v).Write(w, "table"); err != nil {
		return err
	}

	// Step 6: the analyst's brief; "new" covers the last 30 days of reporting.
	heading(w, "6. Brief")
	if err := v.WriteBrief(w, time.Time{}); err != nil {
		return fmt.Errorf("demo: %w", err)
	}

	if sum.Failed > 0 {
		return ErrSomeFailed
	}
	return nil
}

// heading prints a step's title.
func heading(w io.Writer, title string) {
	fmt.Fprintf(w, "\n== %s ==\n\n", title)
}

// copyFS writes every file of fsys under dir.
func copyFS(dir string, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(path))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// relTo shortens path to be relative to base when it lies under it.
func relTo(base, path string) string {
	if rel, err := filepath.Rel(base, path); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return path
}
