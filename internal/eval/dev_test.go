package eval_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/internal/eval"
	"parley/internal/sharedtest"
)

// devDir is the shared development set, beside the module root.
func devDir(t *testing.T) string {
	t.Helper()
	return filepath.Dir(sharedtest.Path(t, "eval", "dev", "gold.jsonl"))
}

// TestDevGoldAgainstItself reads the development set's gold claims (so
// they must all be valid) and scores them against themselves.
func TestDevGoldAgainstItself(t *testing.T) {
	path := filepath.Join(devDir(t), "gold.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := eval.ReadClaims(f, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) == 0 {
		t.Fatal("no gold claims")
	}
	r := eval.Score(gold, gold, eval.Options{Aliases: loadAliases(t)})
	if r.Strict.F1 != 1 || r.Strict.Matched != len(gold) {
		t.Errorf("gold against itself: F1 %.3f, %d of %d matched", r.Strict.F1, r.Strict.Matched, len(gold))
	}
	for _, a := range r.Attributes {
		if a.Accuracy != 1 {
			t.Errorf("%s accuracy %.3f against itself", a.Field, a.Accuracy)
		}
	}
}

// TestDevCommandAgainstItself runs parley eval with the development set's
// gold claims as both gold and prediction.
func TestDevCommandAgainstItself(t *testing.T) {
	path := filepath.Join(devDir(t), "gold.jsonl")
	code, out, errOut := runParley(t, "eval", "--gold", path, "--pred", path)
	if code != 0 {
		t.Fatalf("exit status %d, stderr %s", code, errOut)
	}
	if !strings.HasSuffix(out, "\nF1 1.000\n") {
		t.Errorf("output does not end with F1 1.000:\n%s", out)
	}
}
