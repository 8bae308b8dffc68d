package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIngestCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "parley.db")
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("caf\xe9"), 0o644); err != nil {
		t.Fatal(err)
	}
	examples := filepath.Join("..", "..", "examples")
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string
		stderr []string
	}{
		{"examples", []string{"--db", db, "ingest", examples}, "", ExitOK,
			"new 11, duplicates 0, near-duplicates 1, failed 0\n", nil},
		{"again", []string{"--db", db, "ingest", examples}, "", ExitOK,
			"new 0, duplicates 12, near-duplicates 0, failed 0\n", nil},
		{"failures", []string{"--db", db, "ingest", bad, filepath.Join(dir, "missing.txt"), "-"}, `{"id": "x", "text": "A report read from standard input."}`, ExitFailed,
			"new 1, duplicates 0, near-duplicates 0, failed 2\n",
			[]string{"parley: ingest: " + bad + ": invalid UTF-8 at byte 3", "parley: ingest: " + filepath.Join(dir, "missing.txt") + ": stat: no such file or directory"}},
		{"bad date", []string{"--db", db, "ingest", "--published", "someday", examples}, "", ExitUsage, "", []string{`--published "someday" is not a date`}},
		{"no input", []string{"--db", db, "ingest"}, "", ExitUsage, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Main(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if tt.stdout != "" && stdout.String() != tt.stdout {
				t.Errorf("stdout %q, want %q", stdout.String(), tt.stdout)
			}
			for _, line := range tt.stderr {
				if !strings.Contains(stderr.String(), line) {
					t.Errorf("stderr lacks %q:\n%s", line, stderr.String())
				}
			}
		})
	}
}
