package actors_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// devDir is the shared development set, outside the module.
var devDir = filepath.Join("..", "..", "..", "shared", "eval", "dev")

type devDoc struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

type devClaim struct {
	Doc      string `json:"doc"`
	Sentence string `json:"sentence"`
	Actor    string `json:"actor"`
}

func readJSONL[T any](t *testing.T, name string) []T {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// sentenceStarts splits text simply: after . ! ? ; followed by a space, and
// at line breaks.
func sentenceStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		c := text[i]
		next := i + 1
		switch {
		case c == '\n':
		case (c == '.' || c == '!' || c == '?') && next < len(text) && (text[next] == ' ' || text[next] == '\n'):
		default:
			continue
		}
		for next < len(text) && (text[next] == ' ' || text[next] == '\n') {
			next++
		}
		if next < len(text) && next != starts[len(starts)-1] {
			starts = append(starts, next)
		}
	}
	return starts
}

// TestDevSetActors measures, on the shared development set, how often the
// gold actor of a claim is among the parties resolved in the claim's
// sentence or the two sentences before it. The bar is 95 %.
func TestDevSetActors(t *testing.T) {
	if _, err := os.Stat(filepath.Join(devDir, "gold.jsonl")); err != nil {
		t.Skip("development set absent")
	}
	g := load(t)
	docs := map[string]devDoc{}
	for _, d := range readJSONL[devDoc](t, filepath.Join(devDir, "docs.jsonl")) {
		docs[d.ID] = d
	}
	claims := readJSONL[devClaim](t, filepath.Join(devDir, "gold.jsonl"))
	hits := 0
	for _, c := range claims {
		d, ok := docs[c.Doc]
		if !ok {
			t.Errorf("claim for unknown document %s", c.Doc)
			continue
		}
		at := strings.Index(d.Text, c.Sentence)
		if at < 0 {
			t.Errorf("%s: sentence not found: %.60q", c.Doc, c.Sentence)
			continue
		}
		starts := sentenceStarts(d.Text)
		k := 0
		for k+1 < len(starts) && starts[k+1] <= at {
			k++
		}
		from := starts[max(0, k-2)]
		to := at + len(c.Sentence)
		var date time.Time
		if d.Published != "" {
			date, _ = time.Parse("2006-01-02", d.Published[:min(10, len(d.Published))])
		}
		found := false
		var seen []string
		for _, m := range g.Resolve(d.Text, date) {
			if m.Span.End <= from || m.Span.Start >= to {
				continue
			}
			seen = append(seen, m.Party)
			if strings.EqualFold(m.Party, c.Actor) {
				found = true
			}
		}
		if found {
			hits++
		} else {
			t.Logf("miss %s: actor %s not in %v: %.100q", c.Doc, c.Actor, seen, c.Sentence)
		}
	}
	rate := float64(hits) / float64(len(claims))
	t.Logf("dev set: gold actor resolved for %d of %d claims (%.1f%%)", hits, len(claims), 100*rate)
	if rate < 0.95 {
		t.Errorf("gold actor resolved for %.1f%% of claims, want at least 95%%", 100*rate)
	}
}
