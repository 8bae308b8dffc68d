package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"parley/examples"
	"parley/internal/extract"
	"parley/internal/ingest"
	"parley/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenExamples extracts the claims of the bundled example reports
// (read through ingest, as parley demo does) with the starter resolver and
// with the actor gazetteer (what users run), and compares them with
// testdata/examples.golden.jsonl and testdata/examples.gazetteer.golden.jsonl.
func TestGoldenExamples(t *testing.T) {
	tests := []struct {
		name, golden string
		new          func(testing.TB) *extract.Extractor
	}{
		{"starter", "examples.golden.jsonl", starterExtractor},
		{"gazetteer", "examples.gazetteer.golden.jsonl", func(t testing.TB) *extract.Extractor {
			x, err := extract.Default()
			if err != nil {
				t.Fatal(err)
			}
			return x
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			goldenExamples(t, tt.new(t), tt.golden)
		})
	}
}

func goldenExamples(t *testing.T, x *extract.Extractor, golden string) {
	names, err := fs.Glob(examples.FS, "*")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	now := func() time.Time { return time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC) }
	ndocs := 0
	for _, name := range names {
		data, err := fs.ReadFile(examples.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		docs, failures := ingest.Parse(context.Background(), name, data, ingest.Options{Now: now})
		if len(failures) > 0 {
			t.Fatalf("%s: %v", name, failures[0].Err)
		}
		for _, d := range docs {
			ndocs++
			cs := x.Extract(d)
			checkSpans(t, d.Text, cs)
			for _, c := range cs {
				c.Evidence.Lexicon = "" // the golden file does not change with every lexicon edit
				if err := enc.Encode(struct {
					File  string      `json:"file"`
					Claim model.Claim `json:"claim"`
				}{name, c}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if ndocs < 10 {
		t.Fatalf("only %d example documents", ndocs)
	}
	path := filepath.Join("testdata", golden)
	if *update {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("claims of the examples differ from %s (run go test -update and review the diff)", path)
	}
}
