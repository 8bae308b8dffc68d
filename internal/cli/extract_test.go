package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/internal/model"
)

func TestExtractDocsJSONL(t *testing.T) {
	in := `{"id":"d1","url":"","outlet":"Wire","published":"2024-03-01","title":"","text":"Hamas demanded a permanent ceasefire, officials said."}
{"id":"d2","url":"","outlet":"Wire","published":"","title":"","text":"Ukraine rejected the proposal for neutrality."}
`
	var out, errb bytes.Buffer
	code := Main([]string{"extract", "--docs", "-", "--out", "-"}, strings.NewReader(in), &out, &errb)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var c model.Claim
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if c.Evidence.Sentence.Empty() || c.Evidence.Lexicon == "" {
			t.Errorf("claim without evidence: %s", line)
		}
		got = append(got, c.Doc+" "+c.Actor+" "+c.Act+" "+c.Issue+" "+c.Source.Kind)
	}
	want := "d1 Hamas demand ceasefire anonymous|d2 Ukraine reject alliance unattributed"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
	if !strings.Contains(errb.String(), "2 claims from 2 documents") {
		t.Errorf("stderr %q", errb.String())
	}
}

func TestExtractStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "parley.db")
	report := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(report, []byte("Russia demanded the withdrawal of Ukrainian troops from the region.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := Main(append([]string{"--db", db}, args...), strings.NewReader(""), &out, &errb); code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	run("ingest", report)
	if got := run("extract"); !strings.Contains(got, "extracted 1 claims from 1 documents") {
		t.Errorf("first extract: %q", got)
	}
	if got := run("extract"); !strings.Contains(got, "from 0 documents") {
		t.Errorf("second extract should find nothing new: %q", got)
	}
	if got := run("extract", "--all"); !strings.Contains(got, "from 1 documents") {
		t.Errorf("extract --all: %q", got)
	}
}

func TestExtractUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Main([]string{"extract", "--out", "x.jsonl"}, strings.NewReader(""), &out, &errb); code != ExitUsage {
		t.Errorf("--out without --docs: exit %d, want %d", code, ExitUsage)
	}
}

func TestLexiconShow(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Main([]string{"lexicon", "show", "--kind", "hedge", "--format", "csv"}, strings.NewReader(""), &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "KIND,CUE,DETAIL\n") || !strings.Contains(out.String(), "hedge,reportedly,") {
		t.Errorf("output %q", out.String())
	}
	errb.Reset()
	if code := Main([]string{"lexicon", "show", "--kind", "nope"}, strings.NewReader(""), &out, &errb); code != ExitUsage {
		t.Errorf("unknown kind: exit %d", code)
	}
}
