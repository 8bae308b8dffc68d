package cli

import (
	"strings"

	"parley/internal/model"
	"parley/internal/store"
)

// DocsCmd lists stored documents.
type DocsCmd struct {
	Since  string `name:"since" placeholder:"DATE" help:"Only documents published on or after this date (YYYY-MM-DD or RFC 3339)."`
	Until  string `name:"until" placeholder:"DATE" help:"Only documents published on or before this date (YYYY-MM-DD or RFC 3339)."`
	Outlet string `name:"outlet" help:"Only documents from this outlet (any case)."`
	Search string `name:"search" placeholder:"WORDS" help:"Only documents whose title or text holds all these words; a word ending in * matches as a prefix."`
	Limit  int    `name:"limit" default:"0" help:"Show at most this many documents (0: all)."`
	Format
}

// Run runs the command.
func (c *DocsCmd) Run(env *Env, g *Globals) error {
	if c.Limit < 0 {
		return usagef("docs: --limit must not be negative")
	}
	since, until, err := parseRange(c.Since, c.Until)
	if err != nil {
		return err
	}
	st, err := openExistingStore(env.Ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	docs, err := st.Documents(env.Ctx, store.DocFilter{
		Since: since, Until: until, Outlet: c.Outlet, Search: c.Search, Limit: c.Limit,
	})
	if err != nil {
		return err
	}
	return docsTable(docs).Write(env.Stdout, c.Format.Format)
}

// docsTable lays documents out one a line: short ID, publication date,
// outlet, title (or the first words of the text) and, for a syndicated
// copy, the short ID of the first copy.
func docsTable(docs []model.Document) *Table {
	t := &Table{Header: []string{"ID", "PUBLISHED", "OUTLET", "TITLE", "COPY OF"}}
	for _, d := range docs {
		copyOf := ""
		if d.DuplicateOf != "" {
			copyOf = docShortID(d.DuplicateOf)
		}
		t.Add(d, docShortID(d.ID), publishedString(d), d.Outlet, docTitle(d), copyOf)
	}
	return t
}

// docShortIDLen is how many hex digits of a document ID commands print;
// any unique prefix of 6 or more is accepted back.
const docShortIDLen = 12

func docShortID(id string) string {
	if len(id) > docShortIDLen {
		return id[:docShortIDLen]
	}
	return id
}

// publishedString shows a publication time to the precision known.
func publishedString(d model.Document) string {
	t := d.Published.UTC()
	switch d.PublishedPrecision {
	case model.PrecisionYear:
		return t.Format("2006")
	case model.PrecisionMonth:
		return t.Format("2006-01")
	case model.PrecisionDay:
		return t.Format("2006-01-02")
	case model.PrecisionInstant:
		return t.Format("2006-01-02 15:04Z")
	}
	if !d.Published.IsZero() {
		return t.Format("2006-01-02 15:04Z")
	}
	return "-"
}

// docTitle is the title, or the first words of the text when there is none.
func docTitle(d model.Document) string {
	if t := strings.TrimSpace(d.Title); t != "" {
		return t
	}
	words := strings.Fields(d.Text)
	if len(words) > 12 {
		return strings.Join(words[:12], " ") + " …"
	}
	return strings.Join(words, " ")
}
