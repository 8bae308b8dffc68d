package cli

import (
	"fmt"
	"strings"
	"time"

	"parley/internal/model"
	"parley/internal/store"
	"parley/internal/track"
)

// CaseCmd manages negotiations (cases).
type CaseCmd struct {
	Add     CaseAddCmd     `cmd:"" help:"Store a case file (YAML): name, parties, mediators, issues, window, scales."`
	Suggest CaseSuggestCmd `cmd:"" help:"Propose cases from the actor pairs that co-occur most in stored claims, as case YAML to edit."`
	List    CaseListCmd    `cmd:"" help:"List stored cases."`
	Show    CaseShowCmd    `cmd:"" help:"Print a stored case file."`
}

// CaseAddCmd stores a case file.
type CaseAddCmd struct {
	File string `arg:"" type:"existingfile" help:"Case file (YAML)."`
}

// Run runs the command.
func (c *CaseAddCmd) Run(env *Env, g *Globals) error {
	cs, data, err := track.ReadCaseFile(c.File)
	if err != nil {
		return err
	}
	st, err := openStore(env.Ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.PutCase(env.Ctx, store.CaseRecord{Name: cs.Name, YAML: data}); err != nil {
		return fmt.Errorf("case add: %w", err)
	}
	fmt.Fprintf(env.Stdout, "case %s stored: %s; %d issue(s)\n", cs.Name, strings.Join(cs.Parties, ", "), len(cs.IssueList()))
	return nil
}

// CaseSuggestCmd proposes cases.
type CaseSuggestCmd struct {
	Top int `name:"top" default:"3" help:"How many cases to propose."`
}

// Run runs the command.
func (c *CaseSuggestCmd) Run(env *Env, g *Globals) error {
	if c.Top < 1 {
		return usagef("case suggest: --top must be 1 or more")
	}
	st, err := openStore(env.Ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	claims, err := st.Claims(env.Ctx, store.ClaimFilter{})
	if err != nil {
		return fmt.Errorf("case suggest: %w", err)
	}
	docs := map[string]model.Document{}
	for _, cl := range claims {
		if _, ok := docs[cl.Doc]; ok {
			continue
		}
		d, err := st.Document(env.Ctx, cl.Doc)
		if err != nil {
			return fmt.Errorf("case suggest: %w", err)
		}
		docs[cl.Doc] = d
	}
	ss := track.Suggest(claims, docs, c.Top)
	if len(ss) == 0 {
		fmt.Fprintln(env.Stderr, "parley: case suggest: no two actors share a report yet (ingest and extract first)")
		return nil
	}
	y, err := track.SuggestionYAML(ss)
	if err != nil {
		return err
	}
	_, err = env.Stdout.Write(y)
	return err
}

// CaseListCmd lists stored cases.
type CaseListCmd struct {
	Format
}

type caseRow struct {
	Name      string       `json:"name"`
	Title     string       `json:"title,omitempty"`
	Parties   []string     `json:"parties"`
	Mediators []string     `json:"mediators,omitempty"`
	Issues    []string     `json:"issues,omitempty"`
	Window    track.Window `json:"window,omitzero"`
	Updated   time.Time    `json:"updated"`
	Error     string       `json:"error,omitempty"`
}

// Run runs the command.
func (c *CaseListCmd) Run(env *Env, g *Globals) error {
	st, err := openStore(env.Ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	recs, err := st.Cases(env.Ctx)
	if err != nil {
		return fmt.Errorf("case list: %w", err)
	}
	t := &Table{Header: []string{"name", "title", "parties", "mediators", "issues", "window", "updated"}}
	for _, r := range recs {
		row := caseRow{Name: r.Name, Updated: r.Updated}
		if cs, err := track.ParseCase(r.Name+".yaml", r.YAML); err != nil {
			row.Error = err.Error()
		} else {
			row.Title, row.Parties, row.Mediators, row.Issues, row.Window = cs.Title, cs.Parties, cs.Mediators, cs.Issues, cs.Window
		}
		issues := strings.Join(row.Issues, ", ")
		if issues == "" {
			issues = "all"
		}
		title := row.Title
		if row.Error != "" {
			title = "error: " + row.Error
		}
		t.Add(row, row.Name, title, strings.Join(row.Parties, ", "), strings.Join(row.Mediators, ", "), issues,
			row.Window.From+"…"+row.Window.To, row.Updated.UTC().Format(time.DateTime))
	}
	return t.Write(env.Stdout, c.Format.Format)
}

// CaseShowCmd prints a stored case file.
type CaseShowCmd struct {
	Name string `arg:"" help:"Case name."`
}

// Run runs the command.
func (c *CaseShowCmd) Run(env *Env, g *Globals) error {
	st, err := openStore(env.Ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := st.Case(env.Ctx, c.Name)
	if err != nil {
		return fmt.Errorf("case show: %w", err)
	}
	_, err = env.Stdout.Write(r.YAML)
	return err
}
