package track

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"parley/internal/model"
)

// Suggestion is a proposed case: a pair of actors that the stored claims
// show together, with the reports that do.
type Suggestion struct {
	Case    Case `json:"case"`
	Reports int  `json:"reports"`
	Claims  int  `json:"claims"`
}

// Suggest proposes up to n cases from the actor pairs that co-occur in the
// most reports (syndicated copies counted once). Each case lists the
// issues the two hold positions on, most frequent first; the actors that
// put proposals forward in at least half of the pair's reports as
// mediators; and as its window the span of the dates of the reports in
// which either holds a position on those issues.
func Suggest(claims []model.Claim, docs map[string]model.Document, n int) []Suggestion {
	actorsOf := map[string]map[string]bool{} // root → actors
	var roots []string
	rootOf := func(id string) string {
		if d, ok := docs[id]; ok && d.DuplicateOf != "" {
			return d.DuplicateOf
		}
		return id
	}
	hard := map[string]int{} // actor → demands, rejections and concessions
	for _, c := range claims {
		if c.Act != model.ActPropose && c.Act != model.ActAccept {
			hard[c.Actor]++
		}
		r := rootOf(c.Doc)
		if actorsOf[r] == nil {
			actorsOf[r] = map[string]bool{}
			roots = append(roots, r)
		}
		actorsOf[r][c.Actor] = true
	}
	type pair struct{ a, b string }
	count := map[pair]int{}
	for _, r := range roots {
		as := sortedKeys(actorsOf[r])
		for i, a := range as {
			for _, b := range as[i+1:] {
				count[pair{a, b}]++
			}
		}
	}
	pairs := make([]pair, 0, len(count))
	for p := range count {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		// Ties go to pairs whose actors make demands and rejections: the
		// parties, rather than a party and a mediator.
		return cmp.Or(cmp.Compare(count[y], count[x]),
			cmp.Compare(min(hard[y.a], hard[y.b]), min(hard[x.a], hard[x.b])),
			cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	var out []Suggestion
	for _, p := range pairs {
		if len(out) >= n {
			break
		}
		// Skip a pair whose two actors are already a case's party and mediator.
		if covered(out, p.a, p.b) {
			continue
		}
		s := Suggestion{Reports: count[p]}
		s.Case.Parties = []string{p.a, p.b}
		s.Case.Name = slug(p.a) + "-" + slug(p.b)
		s.Case.Title = p.a + " and " + p.b
		issues := map[string]int{}
		proposers := map[string]map[string]bool{}
		var from, to time.Time
		for _, c := range claims {
			r := rootOf(c.Doc)
			if !actorsOf[r][p.a] || !actorsOf[r][p.b] {
				continue
			}
			if c.Actor == p.a || c.Actor == p.b {
				issues[c.Issue]++
				s.Claims++
			} else if c.Act == model.ActPropose {
				if proposers[c.Actor] == nil {
					proposers[c.Actor] = map[string]bool{}
				}
				proposers[c.Actor][r] = true
			}
		}
		// The window spans every dated report in which either party holds
		// a position on an issue the two share, so that a party's earlier
		// positions stay in the case.
		for _, c := range claims {
			if c.Actor != p.a && c.Actor != p.b || issues[c.Issue] == 0 {
				continue
			}
			if d, ok := docs[c.Doc]; ok && d.PublishedPrecision != model.PrecisionNone && !d.Published.IsZero() {
				if from.IsZero() || d.Published.Before(from) {
					from = d.Published
				}
				if d.Published.After(to) {
					to = d.Published
				}
			}
		}
		for _, is := range sortedKeys(issues) {
			s.Case.Issues = append(s.Case.Issues, is)
		}
		slices.SortStableFunc(s.Case.Issues, func(x, y string) int { return cmp.Compare(issues[y], issues[x]) })
		for _, m := range sortedKeys(proposers) {
			if 2*len(proposers[m]) >= s.Reports {
				s.Case.Mediators = append(s.Case.Mediators, m)
			}
		}
		if !from.IsZero() {
			s.Case.Window = Window{From: from.Format(time.DateOnly), To: to.Format(time.DateOnly)}
		}
		out = append(out, s)
	}
	return out
}

func covered(ss []Suggestion, a, b string) bool {
	for _, s := range ss {
		all := append(slices.Clone(s.Case.Parties), s.Case.Mediators...)
		if slices.Contains(all, a) && slices.Contains(all, b) {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	ks := keys(m)
	slices.Sort(ks)
	return ks
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// SuggestionYAML writes suggestions as case files ready to edit, one YAML
// document each.
func SuggestionYAML(ss []Suggestion) ([]byte, error) {
	var b strings.Builder
	for i, s := range ss {
		if i > 0 {
			b.WriteString("---\n")
		}
		fmt.Fprintf(&b, "# %d report(s) with claims of both; %d claim(s). Edit, then: parley case add FILE\n", s.Reports, s.Claims)
		y, err := s.Case.Marshal()
		if err != nil {
			return nil, err
		}
		b.Write(y)
	}
	return []byte(b.String()), nil
}
