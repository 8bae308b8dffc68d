package cli

import (
	"errors"
	"fmt"
	"strings"

	"parley/internal/model"
	"parley/internal/store"
)

// ShowCmd prints one stored document.
type ShowCmd struct {
	Doc string `arg:"" name:"doc" help:"Document ID, a unique prefix of it (6 or more characters), or the source's own ID."`
	Format
}

// Run runs the command.
func (c *ShowCmd) Run(env *Env, g *Globals) error {
	st, err := openExistingStore(env.Ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := st.Document(env.Ctx, c.Doc)
	if err != nil {
		return docRefError("show", c.Doc, err)
	}
	if c.Format.Format != "table" {
		t := &Table{Header: showFields}
		t.Add(d, showValues(d)...)
		return t.Write(env.Stdout, c.Format.Format)
	}
	var b strings.Builder
	values := showValues(d)
	for i, name := range showFields {
		v := values[i]
		switch name {
		case "text":
			continue
		case "published":
			if !d.Published.IsZero() {
				v = publishedString(d)
			}
		}
		if v != "" {
			fmt.Fprintf(&b, "%-14s %s\n", name+":", v)
		}
	}
	b.WriteString("\n")
	b.WriteString(d.Text)
	if !strings.HasSuffix(d.Text, "\n") {
		b.WriteString("\n")
	}
	_, err = fmt.Fprint(env.Stdout, b.String())
	return err
}

// docRefError turns a failed document lookup into the command's error: an
// ambiguous reference is a usage error.
func docRefError(cmd, ref string, err error) error {
	switch {
	case errors.Is(err, store.ErrAmbiguous):
		return usagef("%s: %v", cmd, err)
	case errors.Is(err, store.ErrNotFound):
		if len(strings.TrimSpace(ref)) < store.MinPrefix {
			return fmt.Errorf("%s: no document %q (an ID prefix needs at least %d characters; see parley docs)", cmd, ref, store.MinPrefix)
		}
		return fmt.Errorf("%s: no document %q (see parley docs)", cmd, ref)
	}
	return fmt.Errorf("%s: %w", cmd, err)
}

// showFields are the fields of a document, in the order show prints them.
var showFields = []string{
	"id", "source_id", "title", "outlet", "author", "published", "precision",
	"language", "url", "canonical_url", "origin", "origin_kind", "ingested",
	"duplicate_of", "text",
}

func showValues(d model.Document) []string {
	published := ""
	if !d.Published.IsZero() {
		published = d.Published.UTC().Format("2006-01-02T15:04:05Z07:00")
	}
	ingested := ""
	if !d.Ingested.IsZero() {
		ingested = d.Ingested.UTC().Format("2006-01-02T15:04:05Z07:00")
	}
	return []string{
		d.ID, d.SourceID, d.Title, d.Outlet, d.Author, published, string(d.PublishedPrecision),
		d.Language, d.URL, d.CanonicalURL, d.Origin, d.OriginKind, ingested,
		d.DuplicateOf, d.Text,
	}
}
