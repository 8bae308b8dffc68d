// Package eval scores extracted claims against gold annotations, as the
// Scoring section of the claims specification says: one-to-one matching of
// predicted to gold claims of the same document on actor, act, issue and
// overlapping sentences; micro precision, recall and F1; relaxed keys;
// figures per act and per issue; attribute accuracies over matched pairs;
// and the most frequent error types with examples.
package eval

import (
	"cmp"
	"fmt"
	"slices"

	"parley/internal/model"
)

// Options tune Score.
type Options struct {
	// Aliases says which actor names are the same party; nil compares
	// normalised names only.
	Aliases *Aliases
	// Examples is how many examples to keep per error type.
	Examples int
}

// PRF holds micro precision, recall and F1 with their counts. Precision is
// 0 when nothing was predicted, recall 0 when there is no gold claim, F1 0
// when both are 0.
type PRF struct {
	Matched   int     `json:"matched"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func newPRF(matched, gold, pred int) PRF {
	p := PRF{Matched: matched, Gold: gold, Predicted: pred}
	if pred > 0 {
		p.Precision = float64(matched) / float64(pred)
	}
	if gold > 0 {
		p.Recall = float64(matched) / float64(gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// Labeled is a PRF for one act or issue, or for one matching key.
type Labeled struct {
	Label string `json:"label"`
	PRF
}

// Accuracy is the share of matched pairs that agree on one attribute.
type Accuracy struct {
	Field    string  `json:"field"`
	Correct  int     `json:"correct"`
	Total    int     `json:"total"`
	Accuracy float64 `json:"accuracy"`
}

// Count is how often one value (an act, an issue, or a confusion
// "gold → predicted") occurs among the errors of one type.
type Count struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

// Breakdown splits the errors of one type by one field.
type Breakdown struct {
	By     string  `json:"by"`
	Counts []Count `json:"counts"`
}

// ClaimKey is the scored part of a claim, for examples.
type ClaimKey struct {
	Actor        string `json:"actor"`
	Act          string `json:"act"`
	Issue        string `json:"issue"`
	Source       string `json:"source"`
	Hedged       bool   `json:"hedged"`
	Precondition bool   `json:"precondition"`
}

func keyOf(c model.Claim) *ClaimKey {
	return &ClaimKey{Actor: c.Actor, Act: c.Act, Issue: c.Issue, Source: c.Source.Kind, Hedged: c.Hedged, Precondition: c.Precondition}
}

// Example is one error: the document, the sentence (the gold one when
// there is a gold claim) and the gold and predicted claims involved.
type Example struct {
	Doc       string    `json:"doc"`
	Sentence  string    `json:"sentence"`
	Gold      *ClaimKey `json:"gold,omitempty"`
	Predicted *ClaimKey `json:"predicted,omitempty"`
}

// ErrorType is one kind of error with its count, breakdowns and examples.
type ErrorType struct {
	Name       string      `json:"name"`
	Help       string      `json:"help"`
	Count      int         `json:"count"`
	Breakdowns []Breakdown `json:"breakdowns"`
	Examples   []Example   `json:"examples,omitempty"`
}

// Report holds every figure of a scoring run.
type Report struct {
	// Strict is the headline: actor, act and issue in the key.
	Strict PRF `json:"strict"`
	// Relaxed leaves one field out of the key: "no actor", "no act",
	// "no issue".
	Relaxed []Labeled `json:"relaxed"`
	// ByAct and ByIssue are strict figures per gold or predicted act and
	// issue; acts are all listed, issues only when they occur.
	ByAct   []Labeled `json:"by_act"`
	ByIssue []Labeled `json:"by_issue"`
	// Attributes are accuracies over the strictly matched pairs.
	Attributes []Accuracy `json:"attributes"`
	// Errors are sorted by count, most frequent first.
	Errors []ErrorType `json:"errors"`
	// GoldDocs and PredictedDocs count documents with at least one claim;
	// UnknownDocClaims counts predicted claims of documents that have no
	// gold claim (all scored as spurious).
	GoldDocs         int `json:"gold_docs"`
	PredictedDocs    int `json:"predicted_docs"`
	UnknownDocClaims int `json:"unknown_doc_claims"`
}

// Score compares predicted claims with gold claims.
func Score(gold, pred []model.Claim, opt Options) *Report {
	g := prepare(gold, opt.Aliases)
	p := prepare(pred, opt.Aliases)
	r := &Report{}

	strict := match(g, p, keyStrict)
	r.Strict = newPRF(len(strict), len(gold), len(pred))
	for _, v := range []struct {
		label string
		key   field
	}{
		{"no actor", fieldAct | fieldIssue},
		{"no act", fieldActor | fieldIssue},
		{"no issue", fieldActor | fieldAct},
	} {
		r.Relaxed = append(r.Relaxed, Labeled{v.label, newPRF(len(match(g, p, v.key)), len(gold), len(pred))})
	}

	r.ByAct = perLabel(gold, pred, strict, func(c model.Claim) string { return c.Act }, model.Acts, true)
	r.ByIssue = perLabel(gold, pred, strict, func(c model.Claim) string { return c.Issue }, model.Issues, false)

	// Attribute accuracies and confusions over matched pairs.
	attrs := []struct {
		name, help string
		value      func(model.Claim) string
	}{
		{"source.kind", "matched pairs whose source kinds differ (gold → predicted)", func(c model.Claim) string { return c.Source.Kind }},
		{"hedged", "matched pairs whose hedged flags differ (gold → predicted)", func(c model.Claim) string { return fmt.Sprint(c.Hedged) }},
		{"precondition", "matched pairs whose precondition flags differ (gold → predicted)", func(c model.Claim) string { return fmt.Sprint(c.Precondition) }},
	}
	var attrErrors []ErrorType
	for _, a := range attrs {
		var wrong [][2]int
		for _, pr := range strict {
			if a.value(gold[pr[0]]) != a.value(pred[pr[1]]) {
				wrong = append(wrong, pr)
			}
		}
		acc := Accuracy{Field: a.name, Correct: len(strict) - len(wrong), Total: len(strict)}
		if acc.Total > 0 {
			acc.Accuracy = float64(acc.Correct) / float64(acc.Total)
		}
		r.Attributes = append(r.Attributes, acc)
		attrErrors = append(attrErrors, confusion("wrong "+a.name, a.help, gold, pred, wrong, a.value, opt.Examples))
	}

	// Missed and spurious claims, and the near misses among them.
	goldMatched := make([]bool, len(gold))
	predMatched := make([]bool, len(pred))
	for _, pr := range strict {
		goldMatched[pr[0]], predMatched[pr[1]] = true, true
	}
	var missedG, spuriousP []prepared
	for i, m := range goldMatched {
		if !m {
			missedG = append(missedG, g[i])
		}
	}
	for j, m := range predMatched {
		if !m {
			spuriousP = append(spuriousP, p[j])
		}
	}
	r.Errors = append(r.Errors,
		unmatched("missed", "gold claims no predicted claim matches", gold, missedG, true, opt.Examples),
		unmatched("spurious", "predicted claims that match no gold claim", pred, spuriousP, false, opt.Examples),
	)
	for _, v := range []struct {
		name, help string
		key        field
		value      func(model.Claim) string
	}{
		{"wrong actor", "a missed and a spurious claim that would match if the actor were ignored (gold → predicted)", fieldAct | fieldIssue, func(c model.Claim) string { return c.Actor }},
		{"wrong act", "a missed and a spurious claim that would match if the act were ignored (gold → predicted)", fieldActor | fieldIssue, func(c model.Claim) string { return c.Act }},
		{"wrong issue", "a missed and a spurious claim that would match if the issue were ignored (gold → predicted)", fieldActor | fieldAct, func(c model.Claim) string { return c.Issue }},
	} {
		var pairs [][2]int
		for _, pr := range match(missedG, spuriousP, v.key) {
			pairs = append(pairs, [2]int{missedG[pr[0]].idx, spuriousP[pr[1]].idx})
		}
		slices.SortFunc(pairs, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
		r.Errors = append(r.Errors, confusion(v.name, v.help, gold, pred, pairs, v.value, opt.Examples))
	}
	r.Errors = append(r.Errors, attrErrors...)
	slices.SortStableFunc(r.Errors, func(a, b ErrorType) int { return b.Count - a.Count })

	goldDocs := map[string]bool{}
	for _, c := range gold {
		goldDocs[c.Doc] = true
	}
	predDocs := map[string]bool{}
	for _, c := range pred {
		predDocs[c.Doc] = true
		if !goldDocs[c.Doc] {
			r.UnknownDocClaims++
		}
	}
	r.GoldDocs, r.PredictedDocs = len(goldDocs), len(predDocs)
	return r
}

// perLabel computes strict figures per value of one field (act or issue).
// A matched pair counts for the gold claim's value, which is also the
// predicted one's. Values in order are listed first; with all, every value
// in order is listed even when it never occurs.
func perLabel(gold, pred []model.Claim, pairs [][2]int, value func(model.Claim) string, order []string, all bool) []Labeled {
	nGold, nPred, nMatched := map[string]int{}, map[string]int{}, map[string]int{}
	for _, c := range gold {
		nGold[value(c)]++
	}
	for _, c := range pred {
		nPred[value(c)]++
	}
	for _, pr := range pairs {
		nMatched[value(gold[pr[0]])]++
	}
	var out []Labeled
	for _, v := range order {
		if all || nGold[v]+nPred[v] > 0 {
			out = append(out, Labeled{v, newPRF(nMatched[v], nGold[v], nPred[v])})
		}
	}
	return out
}

// unmatched describes missed (gold) or spurious (predicted) claims.
func unmatched(name, help string, claims []model.Claim, rest []prepared, isGold bool, examples int) ErrorType {
	e := ErrorType{Name: name, Help: help, Count: len(rest)}
	byAct, byIssue := counter{}, counter{}
	for _, p := range rest {
		c := claims[p.idx]
		byAct.add(c.Act)
		byIssue.add(c.Issue)
		if len(e.Examples) < examples {
			ex := Example{Doc: c.Doc, Sentence: c.Sentence}
			if isGold {
				ex.Gold = keyOf(c)
			} else {
				ex.Predicted = keyOf(c)
			}
			e.Examples = append(e.Examples, ex)
		}
	}
	e.Breakdowns = []Breakdown{{"act", byAct.sorted()}, {"issue", byIssue.sorted()}}
	return e
}

// confusion describes pairs of a gold and a predicted claim that differ in
// one value, counting each "gold → predicted" confusion.
func confusion(name, help string, gold, pred []model.Claim, pairs [][2]int, value func(model.Claim) string, examples int) ErrorType {
	e := ErrorType{Name: name, Help: help, Count: len(pairs)}
	c := counter{}
	for _, pr := range pairs {
		gc, pc := gold[pr[0]], pred[pr[1]]
		c.add(value(gc) + " → " + value(pc))
		if len(e.Examples) < examples {
			e.Examples = append(e.Examples, Example{Doc: gc.Doc, Sentence: gc.Sentence, Gold: keyOf(gc), Predicted: keyOf(pc)})
		}
	}
	e.Breakdowns = []Breakdown{{"gold → predicted", c.sorted()}}
	return e
}

// counter counts labels and keeps their first-seen order for ties.
type counter struct {
	order []string
	n     map[string]int
}

func (c *counter) add(label string) {
	if c.n == nil {
		c.n = map[string]int{}
	}
	if c.n[label] == 0 {
		c.order = append(c.order, label)
	}
	c.n[label]++
}

// sorted returns the counts, most frequent first, ties in first-seen order.
func (c *counter) sorted() []Count {
	out := make([]Count, 0, len(c.order))
	for _, l := range c.order {
		out = append(out, Count{l, c.n[l]})
	}
	slices.SortStableFunc(out, func(a, b Count) int { return b.Count - a.Count })
	return out
}
