package track

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"parley/internal/model"
	"parley/internal/store"
)

// DocRef is what the layer shows of a report next to a claim.
type DocRef struct {
	ID        string          `json:"id"`
	Outlet    string          `json:"outlet,omitempty"`
	Title     string          `json:"title,omitempty"`
	URL       string          `json:"url,omitempty"`
	Published time.Time       `json:"published,omitzero"`
	Precision model.Precision `json:"published_precision,omitempty"`
	Undated   bool            `json:"undated,omitempty"`
	Ingested  time.Time       `json:"ingested,omitzero"`
	// Root is the ID of the original report: the document itself, or the
	// one it is a syndicated copy of.
	Root string `json:"root"`
}

// Date writes the report's date at its precision, or "undated".
func (d DocRef) Date() string {
	if d.Undated {
		return "undated"
	}
	return formatAt(d.Published, d.Precision)
}

// Entry is one claim as a case sees it: the claim, its report, when it
// happened, and how it stands against the other reports.
type Entry struct {
	Claim model.Claim `json:"claim"`
	Doc   DocRef      `json:"doc"`
	Time  ClaimTime   `json:"time"`
	// Copies are the other documents that carry the identical claim
	// (syndicated copies); they add no independent report.
	Copies []string `json:"copies,omitempty"`
	// Reports is how many independent reports carry the same act of the
	// same party on the same issue at about the same time, this one
	// included. Copies of one report count once.
	Reports int `json:"reports"`
	// DeniedBy and ConfirmedBy are later claims that deny or confirm this
	// one; Unconfirmed quotes a report's own statement that it is not
	// confirmed.
	DeniedBy    []*Entry `json:"-"`
	ConfirmedBy []*Entry `json:"-"`
	Unconfirmed string   `json:"unconfirmed,omitempty"`
	// Denial and Confirmation mark an entry whose sentence denies or
	// confirms other reports.
	Denial       bool `json:"denial,omitempty"`
	Confirmation bool `json:"confirmation,omitempty"`

	roots []string
	order time.Time
	seq   int
}

// Status is "denied", "confirmed", "unconfirmed" or "".
func (e *Entry) Status() string {
	switch {
	case len(e.DeniedBy) > 0:
		return "denied"
	case len(e.ConfirmedBy) > 0:
		return "confirmed"
	case e.Unconfirmed != "":
		return "unconfirmed"
	}
	return ""
}

// Weight is how much the entry counts as evidence of its act, before
// corroboration and recency: its source kind, hedging, denial, confirmation.
func (e *Entry) Weight(w *Weights) float64 {
	x := w.SourceWeight(e.Claim.Source.Kind)
	if e.Claim.Hedged {
		x *= w.Hedged
	}
	if len(e.DeniedBy) > 0 {
		x *= w.Denied
	}
	if len(e.ConfirmedBy) > 0 {
		x = math.Max(x, w.Confirmed)
	}
	return x
}

// When is the time the entry is ordered by: the claim's time, the report's
// date for intentions about the future, the ingestion time for undated
// reports.
func (e *Entry) When() time.Time { return e.order }

// View is a case with its claims resolved into entries, ordered in time.
type View struct {
	Case    *Case
	Entries []*Entry
	Docs    map[string]model.Document
	Weights Weights
	// Ref is the time recency is measured from: the latest dated entry.
	Ref time.Time

	salienceOnce sync.Once
	salienceVal  map[string][]Salience
}

// NewView selects the case's claims (parties and mediators, issues in
// scope, reports in the window) and resolves them into entries.
func NewView(c *Case, claims []model.Claim, docs map[string]model.Document) *View {
	t := mustTables()
	v := &View{Case: c, Docs: docs, Weights: t.weights}
	byKey := map[string]*Entry{}
	for _, cl := range claims {
		d, ok := docs[cl.Doc]
		if !ok || !c.inScope(cl) || !c.inWindow(d) {
			continue
		}
		ref := docRef(d)
		key := cl.Actor + "\x00" + cl.Act + "\x00" + cl.Issue + "\x00" + normText(cl.Sentence)
		if prev, ok := byKey[key]; ok {
			if prev.Doc.ID != d.ID && !slices.Contains(prev.Copies, d.ID) {
				prev.Copies = append(prev.Copies, d.ID)
				if !slices.Contains(prev.roots, ref.Root) {
					prev.roots = append(prev.roots, ref.Root)
				}
			}
			continue
		}
		e := &Entry{Claim: cl, Doc: ref, Time: ResolveTime(cl.Sentence, d), roots: []string{ref.Root}}
		switch {
		case ref.Undated:
			e.order = d.Ingested
		case e.Time.Undated || e.Time.Future:
			e.order = ref.Published
		default:
			e.order = e.Time.Time
		}
		byKey[key] = e
		v.Entries = append(v.Entries, e)
	}
	// The earliest report of an identical claim is the one shown.
	slices.SortStableFunc(v.Entries, func(a, b *Entry) int {
		return cmp.Or(a.order.Compare(b.order),
			a.Doc.Published.Compare(b.Doc.Published),
			cmp.Compare(a.Doc.ID, b.Doc.ID),
			cmp.Compare(a.Claim.Evidence.Sentence.Start, b.Claim.Evidence.Sentence.Start))
	})
	for i, e := range v.Entries {
		e.seq = i
		if !e.Doc.Undated && e.order.After(v.Ref) {
			v.Ref = e.order
		}
	}
	v.countReports()
	v.attachVerdicts()
	return v
}

func docRef(d model.Document) DocRef {
	r := DocRef{ID: d.ID, Outlet: d.Outlet, Title: d.Title, URL: d.URL, Published: d.Published,
		Precision: d.PublishedPrecision, Ingested: d.Ingested, Root: d.ID}
	if d.DuplicateOf != "" {
		r.Root = d.DuplicateOf
	}
	if d.PublishedPrecision == model.PrecisionNone || d.Published.IsZero() {
		r.Undated = true
	}
	return r
}

// normText folds case, punctuation and spacing so that syndicated copies
// of a sentence compare equal.
func normText(s string) string {
	var b strings.Builder
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		b.WriteString(f)
		b.WriteByte(' ')
	}
	return b.String()
}

func days(n int) time.Duration { return time.Duration(n) * 24 * time.Hour }

func within(a, b time.Time, n int) bool {
	d := a.Sub(b)
	if d < 0 {
		d = -d
	}
	return d <= days(n)
}

func sameSlot(a, b *Entry) bool {
	return a.Claim.Actor == b.Claim.Actor && a.Claim.Issue == b.Claim.Issue
}

// countReports sets each entry's Reports: the independent reports among
// the entries of the same party, act and issue within the corroboration
// window. Entries that share an original report are one report.
func (v *View) countReports() {
	for _, slot := range v.slots() {
		for _, e := range slot {
			var groups [][]string // root sets of independent reports
			for _, f := range slot {
				if e.Claim.Act != f.Claim.Act || !within(e.order, f.order, v.Weights.CorroborationDays) {
					continue
				}
				merged := slices.Clone(f.roots)
				var keep [][]string
				for _, g := range groups {
					if overlaps(g, merged) {
						merged = append(merged, g...)
					} else {
						keep = append(keep, g)
					}
				}
				groups = append(keep, merged)
			}
			e.Reports = len(groups)
		}
	}
}

// slots groups the entries by party and issue, each group in time order.
func (v *View) slots() [][]*Entry {
	idx := map[string]int{}
	var out [][]*Entry
	for _, e := range v.Entries {
		k := e.Claim.Actor + "\x00" + e.Claim.Issue
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], e)
	}
	return out
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// Timeline returns the entries of one party on one issue in time order;
// an empty party or issue selects all.
func (v *View) Timeline(party, issue string) []*Entry {
	var out []*Entry
	for _, e := range v.Entries {
		if (party == "" || e.Claim.Actor == party) && (issue == "" || e.Claim.Issue == issue) {
			out = append(out, e)
		}
	}
	return out
}

// Load reads a case and its claims and reports from a store.
func Load(ctx context.Context, st store.Store, name string) (*View, error) {
	rec, err := st.Case(ctx, name)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("track: no case named %q (add one with parley case add FILE): %w", name, err)
		}
		return nil, fmt.Errorf("track: load case: %w", err)
	}
	c, err := ParseCase(name+".yaml", rec.YAML)
	if err != nil {
		return nil, err
	}
	var claims []model.Claim
	for _, actor := range append(slices.Clone(c.Parties), c.Mediators...) {
		cs, err := st.Claims(ctx, store.ClaimFilter{Actor: actor})
		if err != nil {
			return nil, fmt.Errorf("track: load claims of %s: %w", actor, err)
		}
		claims = append(claims, cs...)
	}
	docs := map[string]model.Document{}
	for _, cl := range claims {
		if _, ok := docs[cl.Doc]; ok {
			continue
		}
		d, err := st.Document(ctx, cl.Doc)
		if err != nil {
			return nil, fmt.Errorf("track: load report %s: %w", cl.Doc, err)
		}
		docs[cl.Doc] = d
	}
	return NewView(c, claims, docs), nil
}
