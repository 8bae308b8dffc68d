package cli

import (
	"slices"
	"strings"

	"parley/internal/model"
	"parley/internal/store"
)

// ClaimsCmd lists stored claims.
type ClaimsCmd struct {
	Actor string `name:"actor" help:"Only claims of this actor, named as the claims list names it (any case)."`
	Issue string `name:"issue" help:"Only claims on this issue: ceasefire, withdrawal, territory, recognition, alliance, security_guarantees, disarmament, governance, minority_rights, prisoners, humanitarian, economy, justice, talks or other."`
	Act   string `name:"act" help:"Only claims with this act: demand, propose, accept, reject or concede."`
	Since string `name:"since" placeholder:"DATE" help:"Only claims from documents published on or after this date (YYYY-MM-DD or RFC 3339)."`
	Until string `name:"until" placeholder:"DATE" help:"Only claims from documents published on or before this date (YYYY-MM-DD or RFC 3339)."`
	Doc   string `name:"doc" help:"Only claims of this document (ID, unique prefix, or source ID)."`
	Limit int    `name:"limit" default:"0" help:"Show at most this many claims (0: all)."`
	Format
}

// Run runs the command.
func (c *ClaimsCmd) Run(env *Env, g *Globals) error {
	if c.Issue != "" && !slices.Contains(model.Issues, c.Issue) {
		return usagef("claims: unknown issue %q (issues: %s)", c.Issue, strings.Join(model.Issues, ", "))
	}
	if c.Act != "" && !slices.Contains(model.Acts, c.Act) {
		return usagef("claims: unknown act %q (acts: %s)", c.Act, strings.Join(model.Acts, ", "))
	}
	if c.Limit < 0 {
		return usagef("claims: --limit must not be negative")
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
	if c.Doc != "" {
		// Resolve the reference here for a clear message when it fails.
		d, err := st.Document(env.Ctx, c.Doc)
		if err != nil {
			return docRefError("claims", c.Doc, err)
		}
		c.Doc = d.ID
	}
	claims, err := st.Claims(env.Ctx, store.ClaimFilter{
		Actor: c.Actor, Issue: c.Issue, Act: c.Act, Since: since, Until: until, Doc: c.Doc, Limit: c.Limit,
	})
	if err != nil {
		return err
	}
	return claimsTable(claims).Write(env.Stdout, c.Format.Format)
}

// claimsTable lays claims out one a line; JSON Lines gives each claim as
// the claims specification writes it.
func claimsTable(claims []model.Claim) *Table {
	t := &Table{Header: []string{"DOC", "ACTOR", "ACT", "ISSUE", "SOURCE", "HEDGED", "PRECONDITION", "SENTENCE"}}
	for _, c := range claims {
		t.Add(c, docShortID(c.Doc), c.Actor, c.Act, c.Issue, c.Source.Kind,
			boolCell(c.Hedged), boolCell(c.Precondition), c.Sentence)
	}
	return t
}

// boolCell prints a boolean column: "yes", or nothing for false, so the
// exceptions stand out.
func boolCell(b bool) string {
	if b {
		return "yes"
	}
	return ""
}
