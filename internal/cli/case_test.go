package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/internal/model"
	"parley/internal/store"
)

// trackDB builds a real SQLite store with a few reports and claims.
func trackDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parley.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	type cl struct{ sentence, actor, act, issue, kind string }
	reports := []struct {
		id, outlet, date string
		simhash          uint64
		claims           []cl
	}{
		{"r1", "Wire", "2024-01-10", 1, []cl{
			{"Russia demands that the current line of contact become the border.", "Russia", "demand", "territory", "official"},
			{"Russia demands neutrality.", "Russia", "demand", "alliance", "official"},
			{"Kyiv rejects any border on the current line.", "Ukraine", "reject", "territory", "official"},
		}},
		// A syndicated copy of r1 (same SimHash): its claims count once.
		{"r1copy", "Aggregator", "2024-01-10", 1, []cl{
			{"Russia demands that the current line of contact become the border.", "Russia", "demand", "territory", "official"},
		}},
		{"r2", "Paper", "2024-03-01", 0xffff0000ffff0000, []cl{
			{"Russia may no longer insist on neutrality, sources said.", "Russia", "concede", "alliance", "anonymous"},
			{"Kyiv says the border is a red line.", "Ukraine", "reject", "territory", "official"},
		}},
	}
	var docs []model.Document
	for _, r := range reports {
		var text strings.Builder
		for i, c := range r.claims {
			if i > 0 {
				text.WriteString(" ")
			}
			text.WriteString(c.sentence)
		}
		docs = append(docs, model.Document{ID: r.id, Outlet: r.outlet, Published: day(t, r.date),
			PublishedPrecision: model.PrecisionDay, Text: text.String(), SimHash: r.simhash})
	}
	if _, err := st.AddDocuments(ctx, docs, 3); err != nil {
		t.Fatal(err)
	}
	for i, r := range reports {
		var claims []model.Claim
		for _, c := range r.claims {
			start := strings.Index(docs[i].Text, c.sentence)
			claims = append(claims, model.Claim{Doc: r.id, Sentence: c.sentence, Actor: c.actor, Act: c.act, Issue: c.issue,
				Position: c.sentence, Source: model.Source{Kind: c.kind}, Hedged: strings.Contains(c.sentence, "may"),
				Evidence: model.Evidence{Sentence: model.Span{Start: start, End: start + len(c.sentence)}}})
		}
		if err := st.ReplaceClaims(ctx, r.id, "test", claims); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestTrackingCommands(t *testing.T) {
	db := trackDB(t)
	caseFile := filepath.Join(t.TempDir(), "ru-ua.yaml")
	if err := os.WriteFile(caseFile, []byte(`name: ru-ua
title: Russia and Ukraine
parties: [Russia, Ukraine]
issues: [territory, alliance]
`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "--db", db, "case", "add", caseFile)
	if code != 0 || !strings.Contains(out, "case ru-ua stored") {
		t.Fatalf("case add: %d %q %q", code, out, errs)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("name: x\nparties: [A]\n"), 0o644)
	if _, errs, code := run(t, "--db", db, "case", "add", bad); code != 1 || !strings.Contains(errs, "bad.yaml:2:10") {
		t.Errorf("bad case: %d %q, want exit 1 with file:line:col", code, errs)
	}

	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"case list", []string{"case", "list"}, []string{"ru-ua", "Russia, Ukraine"}},
		{"case show", []string{"case", "show", "ru-ua"}, []string{"title: Russia and Ukraine"}},
		{"case suggest", []string{"case", "suggest"}, []string{"name: russia-ukraine", "- territory"}},
		{"timeline", []string{"timeline", "--case", "ru-ua", "--party", "Russia"}, []string{"2024-01-10", "demand", "2024-03-01", "concede"}},
		{"positions", []string{"positions", "--case", "ru-ua"}, []string{"territory", "demand", "reject", "concede 0.42 (1/2) hedged"}},
		{"gaps", []string{"gaps", "--case", "ru-ua"}, []string{"1     territory  contested", "red line"}},
		{"changes", []string{"changes", "--case", "ru-ua", "--since", "2024-02"}, []string{"concession", "demand conceded"}},
		{"brief", []string{"brief", "--case", "ru-ua", "--since", "2024-02-01"}, []string{"# Brief: Russia and Ukraine", "## Sticking points", "[^1]: "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := run(t, append([]string{"--db", db}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}

	// JSON Lines: the syndicated copy adds no report.
	out, _, _ = run(t, "--db", db, "timeline", "--case", "ru-ua", "--issue", "territory", "--party", "Russia", "--format", "jsonl")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("territory timeline of Russia: %d lines, want 1 (copies merged):\n%s", len(lines), out)
	}
	var row struct {
		Reports int      `json:"reports"`
		Copies  []string `json:"copies"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &row); err != nil {
		t.Fatal(err)
	}
	if row.Reports != 1 || len(row.Copies) != 1 {
		t.Errorf("reports %d copies %v, want 1 report and the copy listed", row.Reports, row.Copies)
	}
	// CSV has a header.
	out, _, _ = run(t, "--db", db, "gaps", "--case", "ru-ua", "--format", "csv")
	if !strings.HasPrefix(out, "rank,issue,status") {
		t.Errorf("csv: %q", out)
	}
	// Usage errors.
	if _, _, code := run(t, "--db", db, "changes", "--case", "ru-ua", "--since", "soon"); code != 2 {
		t.Errorf("bad --since: exit %d, want 2", code)
	}
	if _, errs, code := run(t, "--db", db, "gaps", "--case", "nope"); code != 1 || !strings.Contains(errs, "no case named") {
		t.Errorf("unknown case: %d %q", code, errs)
	}
}
