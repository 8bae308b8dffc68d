package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fastSplitLines are lines written to probe the fast path's edges: each
// is split by the fast path or handed to punkt, and the two must agree.
var fastSplitLines = []string{
	"The talks ended. Both sides left the hotel.",
	"Talks ended at 3.5 hours. The envoy said so.",
	"Gen. Smith arrived. The talks began.",
	"The U.S. envoy arrived. Talks began.",
	"He said no. The talks ended.",
	"They met in Jan. The talks stalled.",
	"Growth was 2.5 percent in 2024. Prices rose.",
	"J. Smith said the talks ended. They left.",
	"The talks ended . . . and resumed.",
	"The talks ended. . Then they resumed.",
	"The talks ended.\u00a0Both sides left.",
	"The talks ended.\u2009Both sides left.",
	"Visit example.com for the text. It is long.",
	"The talks ended.\u201d Both sides left.",
	"The talks ended.\" Both sides left.",
	"Did the talks end? Both sides left.",
	"The talks ended! Both sides left.",
	"The talks (which began in May) ended. Both sides left.",
	"The talks ended. the sides left.",
	"The talks ended.  Both sides left.   ",
	"Ceasefire. Withdrawal. Elections.",
	"The talks ended in a deal. No. 2 official left.",
	"The talks ended in Washington D.C. Both sides left.",
	"A b. C d. E f.",
	"The so-called plan. The counter-plan.",
	"They agreed to a cease-fire. Both sides left.",
	"They met the deputy-gen. Smith then left.",
	"A cease--fire. A -fire. A fire-. Done.",
	"Sanctions relief.",
	"Qatari mediators said.Hamas replied.",
	"Они договорились. Переговоры закончились.",
	"L'accord est signé. Les parties sont parties.",
}

// TestFastSplitMatchesPunkt splits lines both ways, the fast path and
// punkt, and requires the same sentences: the hand-written lines above,
// the example reports, and the development set when it is present.
func TestFastSplitMatchesPunkt(t *testing.T) {
	seg, err := segmenter()
	if err != nil {
		t.Fatal(err)
	}
	f := facts()
	if f == nil {
		t.Fatal("no punkt model")
	}
	lines := append([]string(nil), fastSplitLines...)
	for _, path := range mustGlob(t, "../../examples/*") {
		b, err := os.ReadFile(path)
		if err == nil {
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
	}
	if fh, err := os.Open("../../../shared/eval/dev/docs.jsonl"); err == nil {
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			var d struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &d) == nil {
				lines = append(lines, strings.Split(d.Text, "\n")...)
			}
		}
		fh.Close()
	}
	fast := 0
	for _, line := range lines {
		var ends [maxFastBreaks]int
		n, ok := f.breaks(line, &ends)
		if !mayHaveBoundary(line) || !ok {
			continue
		}
		fast++
		got := split(line, 0, line, 0, ends[:n], nil)
		var want []sentence
		for _, r := range seg.Segment(line) {
			want = appendRaw(want, 0, line, r.Start, r.Start+len(r.Text), 0)
		}
		if len(got) != len(want) {
			t.Errorf("%q: fast path gives %v, punkt %v", line, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: fast path gives %v, punkt %v", line, got, want)
				break
			}
		}
	}
	if fast < 10 {
		t.Errorf("only %d lines took the fast path", fast)
	}
	t.Logf("%d of %d lines took the fast path", fast, len(lines))
}

// FuzzFastSplit checks on any line that the fast path, when it takes the
// line, splits it where punkt does.
func FuzzFastSplit(f *testing.F) {
	for _, line := range fastSplitLines {
		f.Add(line)
	}
	seg, err := segmenter()
	if err != nil {
		f.Fatal(err)
	}
	facts := facts()
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsRune(line, '\n') || len(line) > 2000 {
			return
		}
		var ends [maxFastBreaks]int
		n, ok := facts.breaks(line, &ends)
		if !ok {
			return
		}
		got := split(line, 0, line, 0, ends[:n], nil)
		var want []sentence
		for _, r := range seg.Segment(line) {
			want = appendRaw(want, 0, line, r.Start, r.Start+len(r.Text), 0)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: fast path gives %v, punkt %v", line, got, want)
		}
	})
}

func mustGlob(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
