package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/internal/eval"
	"parley/internal/extract"
	"parley/internal/model"
)

// heldoutSets are the hand-written held-out sets under testdata: wire
// reports on negotiations outside the development set, with gold claims
// annotated before the extractor ran on them. heldout (8 reports) was
// then used to find missing rules; fresh (3 reports) was written after
// those rules; fresh2 (10 reports on ten other negotiations, annotated
// independently) first scored 0.286 and was then used to find general
// rules. floor is the strict F1 the extractor must keep: the figure
// reached at the last change of rules, minus 0.03. A change that drops
// below it has lost generality.
var heldoutSets = []struct {
	name  string
	docs  int
	floor float64
}{
	{"heldout", 8, 0.840 - 0.03},
	{"fresh", 3, 0.735 - 0.03},
	{"fresh2", 10, 0.690 - 0.03},
}

// readHeldout reads one held-out set.
func readHeldout(t *testing.T, name string) ([]model.Document, []model.Claim) {
	t.Helper()
	dir := filepath.Join("testdata", name)
	df, err := os.Open(filepath.Join(dir, "docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer df.Close()
	docs, err := extract.ReadDocsJSONL(df)
	if err != nil {
		t.Fatalf("held-out docs: %v", err)
	}
	goldPath := filepath.Join(dir, "gold.jsonl")
	gf, err := os.Open(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer gf.Close()
	gold, err := eval.ReadClaims(gf, goldPath)
	if err != nil {
		t.Fatal(err)
	}
	return docs, gold
}

// TestHeldoutGold checks the annotation itself: every gold sentence is
// verbatim in its document, and every document has claims.
func TestHeldoutGold(t *testing.T) {
	for _, set := range heldoutSets {
		t.Run(set.name, func(t *testing.T) {
			docs, gold := readHeldout(t, set.name)
			if len(docs) != set.docs {
				t.Errorf("%d documents, want %d", len(docs), set.docs)
			}
			text := map[string]string{}
			for _, d := range docs {
				text[d.ID] = d.Text
			}
			perDoc := map[string]int{}
			for _, c := range gold {
				tx, ok := text[c.Doc]
				if !ok {
					t.Errorf("gold claim for unknown document %q", c.Doc)
					continue
				}
				if !strings.Contains(tx, c.Sentence) {
					t.Errorf("%s: gold sentence not in the text: %q", c.Doc, c.Sentence)
				}
				perDoc[c.Doc]++
			}
			for id := range text {
				if perDoc[id] == 0 {
					t.Errorf("%s: no gold claims", id)
				}
			}
		})
	}
}

// TestHeldoutF1 extracts claims from each held-out set with the default
// extractor and scores them with the evaluation's scorer.
func TestHeldoutF1(t *testing.T) {
	x, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	aliases, err := eval.LoadAliases()
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range heldoutSets {
		t.Run(set.name, func(t *testing.T) {
			docs, gold := readHeldout(t, set.name)
			var pred []model.Claim
			for _, d := range docs {
				pred = append(pred, x.Extract(d)...)
			}
			r := eval.Score(gold, pred, eval.Options{Aliases: aliases})
			t.Logf("strict P %.3f R %.3f F1 %.3f (%d gold, %d predicted, %d matched)",
				r.Strict.Precision, r.Strict.Recall, r.Strict.F1, r.Strict.Gold, r.Strict.Predicted, r.Strict.Matched)
			if r.Strict.Gold != len(gold) {
				t.Errorf("scorer saw %d gold claims, want %d", r.Strict.Gold, len(gold))
			}
			if r.Strict.F1 < set.floor {
				t.Errorf("strict F1 %.3f below the floor %.3f", r.Strict.F1, set.floor)
			}
		})
	}
}
