package eval

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// maxConfusions is how many rows of a breakdown the text report shows.
const maxConfusions = 10

// WriteText writes the report as readable text: sections with aligned
// columns (labels left, figures right), ending with the line "F1 0.xxx"
// (the strict F1, three decimals).
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Claims: %d gold in %d documents, %d predicted in %d documents, %d matched\n",
		r.Strict.Gold, r.GoldDocs, r.Strict.Predicted, r.PredictedDocs, r.Strict.Matched)
	if r.UnknownDocClaims > 0 {
		fmt.Fprintf(&b, "Note: %d predicted claims are of documents without gold claims; they count as spurious.\n", r.UnknownDocClaims)
	}

	keys := [][]string{{"Matching key", "matched", "precision", "recall", "F1"}}
	keys = append(keys, prfRow("actor+act+issue (strict)", r.Strict, false))
	for _, l := range r.Relaxed {
		keys = append(keys, prfRow(l.Label, l.PRF, false))
	}
	writeTable(&b, keys)

	for _, sec := range []struct {
		title string
		rows  []Labeled
	}{{"By act", r.ByAct}, {"By issue", r.ByIssue}} {
		t := [][]string{{sec.title, "gold", "predicted", "matched", "precision", "recall", "F1"}}
		for _, l := range sec.rows {
			t = append(t, prfRow(l.Label, l.PRF, true))
		}
		writeTable(&b, t)
	}

	attrs := [][]string{{fmt.Sprintf("Over %d matched pairs", r.Strict.Matched), "correct", "accuracy"}}
	for _, a := range r.Attributes {
		attrs = append(attrs, []string{a.Field, fmt.Sprint(a.Correct), fmt.Sprintf("%.3f", a.Accuracy)})
	}
	writeTable(&b, attrs)

	errs := [][]string{{"Errors, most frequent first", "count", "  what"}}
	for _, e := range r.Errors {
		errs = append(errs, []string{e.Name, fmt.Sprint(e.Count), "  " + e.Help})
	}
	writeTable(&b, errs)

	for _, e := range r.Errors {
		if e.Count == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s (%d)\n", capitalize(e.Name), e.Count)
		for _, bd := range e.Breakdowns {
			t := [][]string{{"  by " + bd.By, "count"}}
			rest, restN := 0, 0
			for i, c := range bd.Counts {
				if i >= maxConfusions {
					rest++
					restN += c.Count
					continue
				}
				t = append(t, []string{"  " + c.Label, fmt.Sprint(c.Count)})
			}
			if rest > 0 {
				t = append(t, []string{fmt.Sprintf("  … %d more", rest), fmt.Sprint(restN)})
			}
			renderTable(&b, t)
		}
		if len(e.Examples) > 0 {
			b.WriteString("  examples\n")
			for _, ex := range e.Examples {
				fmt.Fprintf(&b, "    %s: %q\n", ex.Doc, clip(oneLine(ex.Sentence), 100))
				if ex.Gold != nil {
					fmt.Fprintf(&b, "      gold: %s\n", ex.Gold)
				}
				if ex.Predicted != nil {
					fmt.Fprintf(&b, "      pred: %s\n", ex.Predicted)
				}
			}
		}
	}
	fmt.Fprintf(&b, "\nF1 %.3f\n", r.Strict.F1)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("eval: write report: %w", err)
	}
	return nil
}

// String writes a claim key on one line.
func (k *ClaimKey) String() string {
	return fmt.Sprintf("%s · %s · %s  [source %s, hedged %t, precondition %t]",
		k.Actor, k.Act, k.Issue, k.Source, k.Hedged, k.Precondition)
}

func prfRow(label string, p PRF, counts bool) []string {
	row := []string{label}
	if counts {
		row = append(row, fmt.Sprint(p.Gold), fmt.Sprint(p.Predicted))
	}
	return append(row, fmt.Sprint(p.Matched), fmt.Sprintf("%.3f", p.Precision), fmt.Sprintf("%.3f", p.Recall), fmt.Sprintf("%.3f", p.F1))
}

// writeTable writes a blank line and then the table.
func writeTable(b *strings.Builder, rows [][]string) {
	b.WriteByte('\n')
	renderTable(b, rows)
}

// renderTable writes rows with aligned columns: the first column
// left-aligned, the others right-aligned, two spaces apart. Widths count
// runes. A last column whose cells start with spaces is free text and is
// left-aligned.
func renderTable(b *strings.Builder, rows [][]string) {
	var width []int
	for _, row := range rows {
		for i, c := range row {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, row := range rows {
		var line strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			switch {
			case i == 0:
				line.WriteString(c + pad)
			case i == len(row)-1 && strings.HasPrefix(c, "  "):
				line.WriteString(c)
			default:
				line.WriteString("  " + pad + c)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
