package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Format is the --format flag shared by every command that prints records.
type Format struct {
	Format string `name:"format" short:"f" enum:"table,jsonl,csv" default:"table" help:"Output format: table, jsonl or csv."`
}

// Table is a set of records ready to print: a header, rows of cells for
// table and CSV output, and one value per row for JSON Lines.
type Table struct {
	Header []string
	Rows   [][]string
	JSON   []any
}

// Add appends one record.
func (t *Table) Add(jsonValue any, cells ...string) {
	t.Rows = append(t.Rows, cells)
	t.JSON = append(t.JSON, jsonValue)
}

// Write prints the table in the chosen format.
func (t *Table) Write(w io.Writer, format string) error {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, v := range t.JSON {
			if err := enc.Encode(v); err != nil {
				return fmt.Errorf("write jsonl: %w", err)
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(t.Header); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
		if err := cw.WriteAll(t.Rows); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
		return nil
	default:
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(t.Header, "\t"))
		for _, r := range t.Rows {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = clip(oneLine(c), 80)
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
		}
		return tw.Flush()
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
