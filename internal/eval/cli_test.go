package eval_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parley/internal/cli"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func runParley(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runParleyStdin(t, "", args...)
}

func runParleyStdin(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = cli.Main(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestEvalCommandStdin(t *testing.T) {
	pred, err := os.ReadFile("testdata/pred.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runParleyStdin(t, string(pred), "eval", "--gold", "testdata/gold.jsonl", "--pred", "-")
	if code != 0 || !strings.HasSuffix(out, "\nF1 0.500\n") {
		t.Errorf("exit status %d, stderr %s, output ends %q", code, errOut, out[max(0, len(out)-20):])
	}
	code, _, errOut = runParleyStdin(t, string(pred), "eval", "--gold", "-", "--pred", "-")
	if code != 2 || !strings.Contains(errOut, "only one of") {
		t.Errorf("two inputs from stdin: exit status %d, stderr %s", code, errOut)
	}
}

// TestEvalCommandGolden runs parley eval on the fixtures in testdata/ and
// compares its output with the golden files (go test -update rewrites them).
func TestEvalCommandGolden(t *testing.T) {
	tests := []struct {
		name, golden string
		args         []string
	}{
		{"table", "report.golden", []string{"eval", "--gold", "testdata/gold.jsonl", "--pred", "testdata/pred.jsonl", "--examples", "2"}},
		{"jsonl", "report.json.golden", []string{"eval", "--gold", "testdata/gold.jsonl", "--pred", "testdata/pred.jsonl", "--format", "jsonl", "--examples", "1"}},
		{"no examples", "report-noexamples.golden", []string{"eval", "--gold", "testdata/gold.jsonl", "--pred", "testdata/pred.jsonl", "--examples", "0"}},
		{"self", "self.golden", []string{"eval", "--gold", "testdata/gold.jsonl", "--pred", "testdata/gold.jsonl"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runParley(t, tt.args...)
			if code != 0 {
				t.Fatalf("exit status %d, stderr %s", code, errOut)
			}
			path := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", path, out)
			}
		})
	}
}

var lastLineF1 = regexp.MustCompile(`\nF1 [01]\.\d{3}\n$`)

func TestEvalCommandLastLine(t *testing.T) {
	for _, args := range [][]string{
		{"eval", "--gold", "testdata/gold.jsonl", "--pred", "testdata/pred.jsonl"},
		{"eval", "--gold", "testdata/gold.jsonl", "--pred", "testdata/gold.jsonl"},
		// The extractor's output changes as it improves: only the shape
		// of the report is checked here.
		{"eval", "--gold", "testdata/gold.jsonl", "--docs", "testdata/docs.jsonl"},
	} {
		code, out, errOut := runParley(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit status %d, stderr %s", args, code, errOut)
		}
		if !lastLineF1.MatchString(out) {
			t.Errorf("%v: output does not end with an F1 line:\n%s", args, out)
		}
	}
	_, out, _ := runParley(t, "eval", "--gold", "testdata/gold.jsonl", "--pred", "testdata/pred.jsonl")
	if !strings.HasSuffix(out, "\nF1 0.500\n") {
		t.Errorf("fixture F1: want 0.500, output ends %q", out[max(0, len(out)-20):])
	}
}

func TestEvalCommandErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"doc": "d", "sentence": "x y", "actor": "A", "act": "want", "issue": "talks", "source": {"kind": "official"}}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"neither pred nor docs", []string{"eval", "--gold", "testdata/gold.jsonl"}, 2, "exactly one of --pred or --docs"},
		{"both pred and docs", []string{"eval", "--gold", "testdata/gold.jsonl", "--pred", "testdata/pred.jsonl", "--docs", "testdata/docs.jsonl"}, 2, "exactly one of --pred or --docs"},
		{"no gold", []string{"eval", "--pred", "testdata/pred.jsonl"}, 2, "--gold"},
		{"bad format", []string{"eval", "--gold", "testdata/gold.jsonl", "--pred", "testdata/pred.jsonl", "--format", "csv"}, 2, "format"},
		{"negative examples", []string{"eval", "--gold", "testdata/gold.jsonl", "--pred", "testdata/pred.jsonl", "--examples", "-1"}, 2, "--examples"},
		{"bad claim", []string{"eval", "--gold", "testdata/gold.jsonl", "--pred", bad}, 1, "bad.jsonl:1: unknown act \"want\""},
		{"missing file", []string{"eval", "--gold", "testdata/nothing.jsonl", "--pred", "testdata/pred.jsonl"}, 1, "nothing.jsonl"},
		{"bad docs", []string{"eval", "--gold", "testdata/gold.jsonl", "--docs", bad}, 1, "bad.jsonl: extract: read documents: line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runParley(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr %s", code, tt.code, errOut)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.want)
			}
			if strings.Contains(out, "\nF1 ") {
				t.Errorf("an F1 line was printed on failure: %s", out)
			}
		})
	}
}

func TestEvalCommandAliases(t *testing.T) {
	dir := t.TempDir()
	line := func(actor string) string {
		return `{"doc": "d", "sentence": "Northland called for talks in Geneva.", "actor": "` + actor + `", "act": "demand", "issue": "talks", "source": {"kind": "unattributed", "name": null, "via": null}, "hedged": false}` + "\n"
	}
	gold, pred, aliases := filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "pred.jsonl"), filepath.Join(dir, "aliases.yaml")
	for path, text := range map[string]string{
		gold:    line("Northland"),
		pred:    line("the Nordstadt government"),
		aliases: "- name: Northland\n  aliases: [Nordstadt government]\n",
	} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"eval", "--gold", gold, "--pred", pred}, "\nF1 0.000\n"},
		{[]string{"eval", "--gold", gold, "--pred", pred, "--aliases", aliases}, "\nF1 1.000\n"},
	} {
		code, out, errOut := runParley(t, tt.args...)
		if code != 0 || !strings.HasSuffix(out, tt.want) {
			t.Errorf("%v: exit status %d, stderr %s, want output ending %q, got %q", tt.args, code, errOut, tt.want, out[max(0, len(out)-20):])
		}
	}
}
