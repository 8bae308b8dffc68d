package eval

import (
	"slices"
	"strings"
	"unicode"

	"parley/internal/model"
)

// Words returns the words of s: the maximal runs of Unicode letters and
// digits, lower-cased. Everything else (spaces, punctuation, symbols)
// separates words, so "U.S.-backed" gives "u", "s", "backed".
func Words(s string) []string {
	var words []string
	start := -1
	for i, r := range s {
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case isWord && start < 0:
			start = i
		case !isWord && start >= 0:
			words = append(words, strings.ToLower(s[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, strings.ToLower(s[start:]))
	}
	return words
}

// sentence is a sentence prepared for overlap tests.
type sentence struct {
	joined string              // " w1 w2 … wn ", for containment
	set    map[string]struct{} // distinct words, for the Jaccard index
}

func newSentence(s string) sentence {
	words := Words(s)
	set := make(map[string]struct{}, len(words))
	for _, w := range words {
		set[w] = struct{}{}
	}
	joined := ""
	if len(words) > 0 {
		joined = " " + strings.Join(words, " ") + " "
	}
	return sentence{joined: joined, set: set}
}

// overlap tells whether two sentences overlap in the sense of the claims
// specification, and how well: they overlap when the word sequence of one
// is a contiguous part of the other's ("one contains the other"), or when
// the Jaccard index of their word sets is at least 0.5. A sentence without
// words overlaps nothing. The score is the Jaccard index; it orders the
// candidates of a claim from best to worst.
func overlap(a, b sentence) (ok bool, score float64) {
	if len(a.set) == 0 || len(b.set) == 0 {
		return false, 0
	}
	inter := 0
	small, large := a.set, b.set
	if len(small) > len(large) {
		small, large = large, small
	}
	for w := range small {
		if _, in := large[w]; in {
			inter++
		}
	}
	union := len(a.set) + len(b.set) - inter
	score = float64(inter) / float64(union)
	if 2*inter >= union { // Jaccard >= 0.5, in integers: no rounding at the boundary
		return true, score
	}
	contains := strings.Contains(a.joined, b.joined) || strings.Contains(b.joined, a.joined)
	return contains, score
}

// Overlap reports whether two sentences overlap as the scorer defines it
// (see overlap).
func Overlap(a, b string) bool {
	ok, _ := overlap(newSentence(a), newSentence(b))
	return ok
}

// maxMatching returns a maximum one-to-one matching of a bipartite graph
// with nl left and nr right vertices, where adj[l] lists the right
// vertices l may be matched to, best first. It is Kuhn's augmenting-path
// algorithm: each left vertex, in order, looks for an augmenting path,
// trying its candidates in the given order. The result is maximum in size
// (no matching has more pairs) and deterministic; match[l] is the right
// vertex matched to l, or -1.
func maxMatching(nl, nr int, adj [][]int) []int {
	matchL := make([]int, nl)
	matchR := make([]int, nr)
	for i := range matchL {
		matchL[i] = -1
	}
	for i := range matchR {
		matchR[i] = -1
	}
	visited := make([]bool, nr)
	var augment func(l int) bool
	augment = func(l int) bool {
		// First a free candidate, so that a left vertex takes its best free
		// partner before displacing anyone.
		for _, r := range adj[l] {
			if matchR[r] < 0 && !visited[r] {
				visited[r] = true
				matchL[l], matchR[r] = r, l
				return true
			}
		}
		for _, r := range adj[l] {
			if visited[r] {
				continue
			}
			visited[r] = true
			if augment(matchR[r]) {
				matchL[l], matchR[r] = r, l
				return true
			}
		}
		return false
	}
	for l := range nl {
		clear(visited)
		augment(l)
	}
	return matchL
}

// field is one of the fields of a claim's matching key.
type field int

const (
	fieldActor field = 1 << iota
	fieldAct
	fieldIssue

	keyStrict = fieldActor | fieldAct | fieldIssue
)

// prepared is a claim ready for matching.
type prepared struct {
	idx      int // index in the input slice
	doc      string
	actorKey string
	act      string
	issue    string
	sent     sentence
}

func prepare(claims []model.Claim, aliases *Aliases) []prepared {
	out := make([]prepared, len(claims))
	for i, c := range claims {
		out[i] = prepared{
			idx:      i,
			doc:      c.Doc,
			actorKey: aliases.Key(c.Actor),
			act:      c.Act,
			issue:    c.Issue,
			sent:     newSentence(c.Sentence),
		}
	}
	return out
}

// groupKey is the part of the matching key compared for equality.
func (p prepared) groupKey(key field) string {
	var b strings.Builder
	b.WriteString(p.doc)
	b.WriteByte(0)
	if key&fieldActor != 0 {
		b.WriteString(p.actorKey)
	}
	b.WriteByte(0)
	if key&fieldAct != 0 {
		b.WriteString(p.act)
	}
	b.WriteByte(0)
	if key&fieldIssue != 0 {
		b.WriteString(p.issue)
	}
	return b.String()
}

// match pairs gold and predicted claims one to one: a pair must be of the
// same document, agree on the fields in key and have overlapping
// sentences. The matching is maximum within each group of claims that
// agree on document and key (and so maximum overall, since no pair crosses
// groups); a claim's candidates are tried best overlap first, then in
// input order. It returns pairs of positions into gold and pred, in gold
// order.
func match(gold, pred []prepared, key field) [][2]int {
	byKey := map[string][]int{}
	for j, p := range pred {
		k := p.groupKey(key)
		byKey[k] = append(byKey[k], j)
	}
	adj := make([][]int, len(gold))
	for i, g := range gold {
		type cand struct {
			j     int
			score float64
		}
		var cands []cand
		for _, j := range byKey[g.groupKey(key)] {
			if ok, s := overlap(g.sent, pred[j].sent); ok {
				cands = append(cands, cand{j, s})
			}
		}
		slices.SortStableFunc(cands, func(a, b cand) int {
			switch {
			case a.score > b.score:
				return -1
			case a.score < b.score:
				return 1
			}
			return a.j - b.j
		})
		for _, c := range cands {
			adj[i] = append(adj[i], c.j)
		}
	}
	m := maxMatching(len(gold), len(pred), adj)
	var pairs [][2]int
	for i, j := range m {
		if j >= 0 {
			pairs = append(pairs, [2]int{i, j})
		}
	}
	return pairs
}
