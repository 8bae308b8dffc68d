package ingest

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"parley/internal/model"
)

// exampleDocs parses the bundled example reports.
func exampleDocs(t testing.TB) []model.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []model.Document
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.IsDir() || strings.HasSuffix(f, ".go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ds, fails := Parse(t.Context(), f, data, testOptions())
		if len(fails) > 0 {
			t.Fatalf("example %s: %v", f, fails)
		}
		docs = append(docs, ds...)
	}
	if len(docs) != 12 {
		t.Fatalf("got %d example documents, want 12", len(docs))
	}
	return docs
}

// shingleJaccard is the Jaccard similarity of the word 3-shingle sets.
func shingleJaccard(a, b string) float64 {
	set := func(s string) map[string]bool {
		var ws []string
		for w := range lowerWords(s) {
			ws = append(ws, w)
		}
		m := map[string]bool{}
		for i := 0; i+2 < len(ws); i++ {
			m[ws[i]+" "+ws[i+1]+" "+ws[i+2]] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	inter := 0
	for k := range sa {
		if sb[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}

// trailers are paragraphs a syndicating outlet adds at the end of a copy.
var trailers = []string{
	"This article was first published by a partner newsroom and is republished with permission. Additional reporting by our correspondent in the capital.",
	"Correction: an earlier version of this report gave the wrong day for the meeting. The talks took place on the date stated above.",
	"Our reporters will continue to follow the negotiations. Readers can send tips and documents to the newsroom through its secure contact page.",
}

// variants are syndicated copies of a text: an added trailing paragraph, a
// few words changed, or both.
func variants(text string) map[string]string {
	words := strings.Fields(text)
	edited := strings.Join(words, " ")
	for _, swap := range [][2]string{{" said ", " stated "}, {" the ", " this "}, {" and ", " & "}} {
		edited = strings.Replace(edited, swap[0], swap[1], 1)
	}
	out := map[string]string{"edited": edited}
	for i, tr := range trailers {
		out[fmt.Sprintf("trailer %d", i+1)] = text + "\n\n" + tr
		out[fmt.Sprintf("edited+trailer %d", i+1)] = edited + "\n\n" + tr
	}
	return out
}

// TestNearDuplicateThreshold checks MaxHamming on the example reports:
// syndicated copies sharing at least 90 % of their shingles are within it
// (SimHash is probabilistic: at least 95 % of them), every two different
// reports on the same talks are beyond it, and so are unrelated generated
// reports.
func TestNearDuplicateThreshold(t *testing.T) {
	docs := exampleDocs(t)
	maxNear, minFar := 0, 64
	near, caught := 0, 0
	for _, d := range docs {
		for _, v := range variants(d.Text) {
			v = NormalizeText(v)
			j := shingleJaccard(d.Text, v)
			if j < 0.9 {
				continue
			}
			h := Hamming(d.SimHash, SimHash(v))
			maxNear = max(maxNear, h)
			near++
			if h <= MaxHamming {
				caught++
			}
		}
	}
	if near < 30 || float64(caught) < 0.95*float64(near) {
		t.Errorf("%d of %d syndicated copies within MaxHamming %d, want at least 95 %%", caught, near, MaxHamming)
	}
	syndicated := 0
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			h := Hamming(docs[i].SimHash, docs[j].SimHash)
			sim := shingleJaccard(docs[i].Text, docs[j].Text)
			if sim >= 0.8 { // the syndicated pair of the examples
				syndicated++
				if h > MaxHamming {
					t.Errorf("syndicated pair %q / %q (similarity %.2f): %d bits, over MaxHamming", docs[i].Title, docs[j].Title, sim, h)
				}
				continue
			}
			minFar = min(minFar, h)
			if h <= MaxHamming {
				t.Errorf("different reports %q / %q (similarity %.2f): %d bits, within MaxHamming", docs[i].Title, docs[j].Title, sim, h)
			}
		}
	}
	if syndicated != 1 {
		t.Errorf("found %d syndicated pairs among the examples, want 1", syndicated)
	}
	t.Logf("syndicated copies: %d of %d within MaxHamming %d, at most %d bits; different reports: at least %d bits", caught, near, MaxHamming, maxNear, minFar)

	// Unrelated reports: no false near-duplicates among 2,000.
	rng := rand.New(rand.NewPCG(5, 6))
	var buf bytes.Buffer
	hashes := make([]uint64, 2000)
	for i := range hashes {
		genReport(&buf, rng, i, 1500)
		hashes[i] = SimHash(buf.String())
	}
	for i := range hashes {
		for j := i + 1; j < len(hashes); j++ {
			if h := Hamming(hashes[i], hashes[j]); h <= MaxHamming {
				t.Errorf("generated reports %d and %d: %d bits apart", i, j, h)
			}
		}
	}
}

func TestSimHash(t *testing.T) {
	if SimHash("") != 0 {
		t.Error("SimHash of no words is not 0")
	}
	if SimHash("One two") == 0 || SimHash("one TWO") != SimHash("One two") {
		t.Error("short texts: SimHash is zero or case-sensitive")
	}
	a := "The mediators proposed a ceasefire along the current front line."
	if SimHash(a) != SimHash(strings.ToUpper(a)) || SimHash(a) != SimHash("the  mediators, proposed a ceasefire; along the current front-line") {
		t.Error("SimHash depends on case or punctuation")
	}
	if SimHash(a) == SimHash("An entirely different sentence about grain exports and port fees.") {
		t.Error("different texts have the same SimHash")
	}
}

// lowerWords yields the lower-cased words of text as SimHash sees them.
func lowerWords(text string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		var w []rune
		for _, r := range text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				w = append(w, unicode.ToLower(r))
				continue
			}
			if r == '\'' || r == '\u2019' {
				continue
			}
			if len(w) > 0 {
				if !yield(string(w)) {
					return
				}
				w = w[:0]
			}
		}
		if len(w) > 0 {
			yield(string(w))
		}
	}
}

// TestSimHashWords checks SimHash against a direct implementation over
// lowerWords.
func TestSimHashWords(t *testing.T) {
	direct := func(text string) uint64 {
		var ws []string
		for w := range lowerWords(text) {
			ws = append(ws, w)
		}
		var items []string
		if len(ws) < 3 {
			items = ws
		}
		for i := 2; i < len(ws); i++ {
			items = append(items, ws[i-2]+" "+ws[i-1]+" "+ws[i])
		}
		wordHash := func(w string) uint64 {
			h := fnv.New64a()
			h.Write([]byte(w))
			return h.Sum64()
		}
		mix := func(x uint64) uint64 {
			x ^= x >> 33
			x *= 0xff51afd7ed558ccd
			x ^= x >> 33
			x *= 0xc4ceb9fe1a85ec53
			x ^= x >> 33
			return x
		}
		var counts [64]int
		for _, it := range items {
			var x uint64
			if ws := strings.Split(it, " "); len(ws) == 3 {
				x = mix(bits.RotateLeft64(wordHash(ws[0]), 42) + bits.RotateLeft64(wordHash(ws[1]), 21)*3 + wordHash(ws[2])*5)
			} else {
				x = mix(wordHash(it))
			}
			for bit := range 64 {
				if x&(1<<bit) != 0 {
					counts[bit]++
				} else {
					counts[bit]--
				}
			}
		}
		var out uint64
		for bit := range 64 {
			if counts[bit] > 0 {
				out |= 1 << bit
			}
		}
		return out
	}
	for _, text := range []string{"", "one", "One two", "Ünïcödé wörds, İstanbul and Tigray's talks.", "a b c d e f g", strings.Repeat("The envoy said talks would resume. ", 20)} {
		if got, want := SimHash(text), direct(text); got != want {
			t.Errorf("SimHash(%q) = %016x, want %016x", text, got, want)
		}
	}
}
