package track

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// Gap statuses.
const (
	Agreed    = "agreed"
	Open      = "open"
	Contested = "contested"
	OneSided  = "one-sided"
)

// Salience is one cue that an issue is hard to settle, with its evidence.
type Salience struct {
	Cue      string  `json:"cue"`
	Weight   float64 `json:"weight"`
	Doc      DocRef  `json:"doc"`
	Sentence string  `json:"sentence"`
	// Party is the case party the sentence names, if exactly one.
	Party string `json:"party,omitempty"`
}

// Gap is one issue of a case as a possible sticking point.
type Gap struct {
	Issue  string  `json:"issue"`
	Status string  `json:"status"`
	Rank   int     `json:"rank"`
	Score  float64 `json:"score"`
	// Distance is how far apart the parties stand, 0–1: on the issue's
	// scale where the case defines one (Scaled), else by their acts.
	Distance float64 `json:"distance"`
	Scaled   bool    `json:"scaled"`
	// Reports is how many independent reports carry the parties' stances.
	Reports       int        `json:"reports"`
	Preconditions []string   `json:"preconditions,omitempty"`
	Salience      []Salience `json:"salience,omitempty"`
	SalienceScore float64    `json:"salience_score"`
	Stances       []Stance   `json:"stances"`
	Why           string     `json:"why"`
}

// Gaps ranks the issues in scope as sticking points, highest score first.
// The score and its parts are described in data/weights.yaml.
func (v *View) Gaps() []Gap {
	w := &v.Weights
	sal := v.salience()
	var out []Gap
	for _, is := range v.Case.IssueList() {
		g := Gap{Issue: is, Salience: sal[is]}
		var parties []string
		for _, p := range v.Case.Parties {
			if st, ok := v.Stance(p, is); ok {
				g.Stances = append(g.Stances, st)
				parties = append(parties, p)
				if st.Precondition {
					g.Preconditions = append(g.Preconditions, p)
				}
			}
		}
		if len(g.Stances) == 0 && len(g.Salience) == 0 {
			continue
		}
		roots := map[string]bool{}
		for _, st := range g.Stances {
			for _, e := range st.Basis {
				for _, r := range e.roots {
					roots[r] = true
				}
			}
		}
		g.Reports = len(roots)
		miss := 1.0
		for _, s := range g.Salience {
			miss *= 1 - s.Weight
		}
		g.SalienceScore = round2(1 - miss)
		var why []string
		switch len(g.Stances) {
		case 0:
			g.Status = Open
			why = append(why, "no party's position reported")
		case 1:
			g.Status = OneSided
			st := g.Stances[0]
			why = append(why, fmt.Sprintf("only %s has a position (%s)", st.Party, st.Act))
		default:
			g.Status, g.Distance, g.Scaled = v.compare(is, g.Stances)
			why = append(why, v.describe(g))
		}
		if len(g.Preconditions) > 0 {
			why = append(why, "precondition for "+strings.Join(g.Preconditions, ", "))
		}
		if len(g.Salience) > 0 {
			cues := []string{}
			for _, s := range g.Salience {
				if !slices.Contains(cues, s.Cue) {
					cues = append(cues, s.Cue)
				}
			}
			why = append(why, "salience: "+quoteAll(cues))
		}
		if g.Reports > 0 {
			why = append(why, fmt.Sprintf("%d report(s)", g.Reports))
		}
		g.Why = strings.Join(why, "; ")
		pre := float64(len(g.Preconditions)) / float64(len(v.Case.Parties))
		score := w.GapRank.Distance*g.Distance +
			w.GapRank.Reports*math.Log2(1+float64(g.Reports)) +
			w.GapRank.Precondition*pre +
			w.GapRank.Salience*g.SalienceScore
		g.Score = round2(score * w.StatusFactor[g.Status])
		g.Distance = round2(g.Distance)
		out = append(out, g)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// compare classifies two or more parties' stances on one issue.
func (v *View) compare(issue string, sts []Stance) (status string, distance float64, scaled bool) {
	acts := map[string]int{}
	for _, st := range sts {
		acts[st.Act]++
	}
	// Agreed: everyone accepts, or one side puts terms forward and every
	// other side accepts them.
	if acts["accept"] == len(sts) || (acts["accept"] == len(sts)-1 && acts["propose"]+acts["demand"] == 1) {
		status = Agreed
	}
	for i, a := range sts {
		for _, b := range sts[i+1:] {
			d := v.Weights.ActDistance(a.Act, b.Act)
			if pa, ok := v.PositionValue(a.Party, issue); ok {
				if pb, ok := v.PositionValue(b.Party, issue); ok {
					d, scaled = math.Abs(pa.Value-pb.Value)/100, true
				}
			}
			distance = math.Max(distance, d)
		}
	}
	if status == Agreed {
		return status, distance, scaled
	}
	if distance >= 0.5 {
		return Contested, distance, scaled
	}
	return Open, distance, scaled
}

func (v *View) describe(g Gap) string {
	parts := make([]string, 0, len(g.Stances))
	for _, st := range g.Stances {
		s := st.Party + " " + st.Act
		if pv, ok := v.PositionValue(st.Party, g.Issue); ok {
			s += fmt.Sprintf(" (%s, %g)", pv.Label, pv.Value)
		}
		parts = append(parts, s)
	}
	d := fmt.Sprintf("distance %.2f by acts", g.Distance)
	if g.Scaled {
		d = fmt.Sprintf("distance %.2f on the scale", g.Distance)
	}
	return strings.Join(parts, " vs ") + ", " + d
}

// salience scans the sentences of the case's reports for salience cues and
// assigns each to the issues it names: by the issue words of
// data/salience.yaml and the issue mentions the extractor recorded in the
// case's claims.
func (v *View) salience() map[string][]Salience {
	v.salienceOnce.Do(func() { v.salienceVal = v.findSalience() })
	return v.salienceVal
}

func (v *View) findSalience() map[string][]Salience {
	t := mustTables()
	cues := make([]string, len(t.salience))
	weight := map[string]float64{}
	for i, c := range t.salience {
		cues[i] = c.Cue
		weight[strings.ToLower(c.Cue)] = c.Weight
	}
	terms := map[string][]string{}
	for is, ws := range t.terms {
		terms[is] = append(terms[is], ws...)
	}
	for _, e := range v.Entries {
		if d, ok := v.Docs[e.Claim.Doc]; ok {
			m := strings.ToLower(strings.TrimSpace(e.Claim.Evidence.Issue.In(d.Text)))
			if len(m) > 2 && !slices.Contains(t.generic, m) && !slices.Contains(terms[e.Claim.Issue], m) {
				terms[e.Claim.Issue] = append(terms[e.Claim.Issue], m)
			}
		}
	}
	ids := make([]string, 0, len(v.Docs))
	for id := range v.Docs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	used := map[string]bool{}
	for _, e := range v.Entries {
		used[e.Claim.Doc] = true
		for _, c := range e.Copies {
			used[c] = true
		}
	}
	out := map[string][]Salience{}
	seen := map[string]bool{} // one estimate per sentence and issue, copies once
	for _, id := range ids {
		d := v.Docs[id]
		if !v.Case.inWindow(d) || !used[id] {
			continue
		}
		for _, sp := range splitSentences(d.Text) {
			sen := strings.TrimSpace(d.Text[sp.Start:sp.End])
			cue, at := findCue(sen, cues)
			if at < 0 {
				continue
			}
			named := v.partiesNamed(sen)
			// The issue named nearest the cue is the one it speaks of.
			bestIssue, bestDist := "", -1
			for _, is := range v.Case.IssueList() {
				for _, m := range cueSpans(sen, terms[is]) {
					// The gap between the term and the cue, in bytes.
					d := max(m.Start-(at+len(cue)), at-m.End, 0)
					if bestDist < 0 || d < bestDist {
						bestIssue, bestDist = is, d
					}
				}
			}
			if bestIssue == "" {
				continue
			}
			key := bestIssue + "\x00" + normText(sen)
			if seen[key] {
				continue
			}
			seen[key] = true
			s := Salience{Cue: cue, Weight: weight[cue], Doc: docRef(d), Sentence: sen}
			if len(named) == 1 {
				s.Party = named[0]
			}
			out[bestIssue] = append(out[bestIssue], s)
		}
	}
	return out
}
