package extract

import (
	"slices"
	"strings"

	"parley/internal/actors"
	"parley/internal/model"
)

// act is an act cue in a sentence, with the reading chosen for it.
type act struct {
	cue     int // index into d.cues
	group   int
	act     string
	grammar string
	hedged  bool
	precond bool
	skip    bool // absorbed by another cue or negated away
	issues  []issueHit
	scopeE  int
}

type issueHit struct {
	issue      string
	start, end int
}

// party is a resolved actor of a claim.
type party struct {
	name string
	span model.Span
	how  string
}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "our": true,
	"this": true, "these": true, "that": true, "those": true, "key": true, "main": true, "new": true, "s": true,
	"of": true, "any": true, "no": true, "latest": true, "initial": true, "final": true, "written": true,
}

var prepositions = map[string]bool{
	"of": true, "from": true, "with": true, "to": true, "against": true, "between": true, "in": true, "on": true,
	"for": true, "over": true, "into": true, "toward": true, "towards": true, "at": true, "by": true, "about": true,
	"across": true, "under": true, "within": true, "near": true, "than": true, "inside": true, "along": true,
}

func (d *docState) run() []model.Claim {
	for si := range d.sents {
		d.sentence(si)
	}
	return d.claims
}

// sentence extracts the claims of one sentence.
func (d *docState) sentence(si int) {
	sn := d.sents[si]
	ss, se := sn.start, sn.end
	if sn.para != d.paraIdx {
		d.paraIdx = sn.para
		d.paraSource = nil
	}
	src := d.attribution(ss, se)
	if src == nil && d.paraSource != nil {
		inherited := *d.paraSource
		src = &inherited
	}
	if src != nil && src.framing && (src.kind == model.SourceAnonymous) && d.paraSource == nil {
		framed := *src
		d.paraSource = &framed
	}

	c0, c1 := d.cuesIn(ss, se)
	var acts []act
	for i := c0; i < c1; i++ {
		if a, ok := d.readAct(i, ss); ok {
			acts = append(acts, a)
		}
	}
	d.combine(acts, ss, se)
	for k := range acts {
		if acts[k].skip {
			continue
		}
		end := se
		for n := k + 1; n < len(acts); n++ {
			if !acts[n].skip {
				end = d.cues[acts[n].cue].start
				break
			}
		}
		acts[k].scopeE = end
		acts[k].issues = d.issuesIn(d.cues[acts[k].cue].end, end, ss, se)
	}
	// An act with no issue of its own shares the issues of a noun act
	// right after it ("approval for a US-backed proposal for a ceasefire").
	for k := len(acts) - 1; k >= 0; k-- {
		a := &acts[k]
		if a.skip || len(a.issues) > 0 {
			continue
		}
		for n := k + 1; n < len(acts); n++ {
			if acts[n].skip {
				continue
			}
			b := acts[n]
			if (b.grammar == GrammarNoun || b.grammar == GrammarCompound) && d.wordsBetween(d.cues[a.cue].end, d.cues[b.cue].start) <= 4 {
				a.issues = b.issues
			}
			break
		}
	}
	// A noun act with no issue after it takes the issues that modify it
	// ("a ceasefire plan", "truce and hostage deal proposal").
	for k := range acts {
		a := &acts[k]
		if a.skip || len(a.issues) > 0 || a.grammar != GrammarNoun && a.grammar != GrammarCompound {
			continue
		}
		c := d.cues[a.cue]
		from := c.start
		for from > ss && d.wordsBetween(from-1, c.start) <= 5 && d.text[from-1] != ',' && d.text[from-1] != ';' {
			from--
		}
		a.issues = d.issuesIn(from, c.start, ss, se)
	}

	var listActor []party
	for k := range acts {
		a := &acts[k]
		if a.skip {
			continue
		}
		ps := d.actorsOf(a, ss, se, src, listActor)
		if len(ps) == 0 {
			continue
		}
		if a.grammar != GrammarModal {
			listActor = ps
		}
		issues := a.issues
		if len(issues) == 0 {
			issues = d.referredIssues(a, ps, se)
		}
		if len(issues) == 0 {
			continue
		}
		c := d.cues[a.cue]
		hedge := d.hedgeIn(ss, a.scopeE, a)
		precond := a.precond || a.act == model.ActDemand && d.hasKind(ss, se, kindPrecondition)
		for _, p := range ps {
			for _, is := range issues {
				d.add(si, p, a, c, is, src, hedge, precond)
			}
		}
		d.lastSubject = ps[len(ps)-1].name
	}
	d.updateDiscourse(ss, se)
	if src != nil {
		d.prevSource = src
	}
}

// readAct reads the act cue at cue index i, if it is one.
func (d *docState) readAct(i, ss int) (act, bool) {
	c := &d.cues[i]
	var cands []int
	for _, r := range c.refs {
		if r.kind == kindAct {
			cands = append(cands, r.idx)
		}
	}
	if len(cands) == 0 {
		return act{}, false
	}
	g := cands[0]
	if len(cands) > 1 {
		// A noun after a determiner or a possessive, else a verb.
		pw, pstart := d.prevWord(c.start)
		nounish := determiners[pw] || d.mentionEndsAt(c.start) || pstart > 0 && d.text[pstart-1] == '\''
		for _, k := range cands {
			isNoun := d.x.groups[k].Grammar == GrammarNoun
			if isNoun == nounish {
				g = k
				break
			}
		}
	}
	grp := d.x.groups[g]
	a := act{cue: i, group: g, act: grp.Act, grammar: grp.Grammar, hedged: grp.Hedged, precond: grp.Precondition}
	if d.negated(i, ss) {
		neg := grp.Negated
		if d.unlessAfter(c.end) {
			a.act, a.precond = model.ActDemand, true
		} else if neg == "" || neg == "none" {
			return act{}, false
		} else {
			a.act = neg
		}
	}
	return a, true
}

// mentionEndsAt reports whether a party mention ends right before pos
// (after spaces): "the Russian proposal".
func (d *docState) mentionEndsAt(pos int) bool {
	i := pos
	for i > 0 && d.text[i-1] == ' ' {
		i--
	}
	m0, m1 := d.mentionsIn(max(0, i-60), i)
	return m1 > m0 && d.ments[m1-1].Span.End == i
}

// negated reports whether a negation governs the act cue i: a negation
// cue ending within three words before it, in the same clause.
func (d *docState) negated(i, ss int) bool {
	c := d.cues[i]
	for k := i - 1; k >= 0 && d.cues[k].end > ss; k-- {
		p := d.cues[k]
		if d.wordsBetween(p.end, c.start) > 3 {
			return false
		}
		if p.has(kindBoundary) {
			return false
		}
		if p.has(kindNegation) {
			return true
		}
	}
	return false
}

// unlessAfter reports whether "unless" follows within the clause.
func (d *docState) unlessAfter(pos int) bool {
	end := min(len(d.text), pos+120)
	return strings.Contains(d.lower(pos, end), " unless ")
}

// combine applies the rules between acts of one sentence: a light verb
// takes the act of the noun after it; a modal absorbs the verb after it;
// a modal in the complement of an earlier act is that act's content.
func (d *docState) combine(acts []act, ss, se int) {
	for k := range acts {
		a := &acts[k]
		if a.skip {
			continue
		}
		c := d.cues[a.cue]
		switch a.grammar {
		case GrammarSupport:
			a.grammar = GrammarVerb
			for n := k + 1; n < len(acts); n++ {
				b := &acts[n]
				if d.wordsBetween(c.end, d.cues[b.cue].start) > 4 {
					break
				}
				if b.grammar == GrammarNoun {
					a.act = b.act
					a.precond = a.precond || b.precond
					b.skip = true
					break
				}
			}
		case GrammarModal:
			for n := k - 1; n >= 0; n-- {
				b := acts[n]
				if b.skip || b.grammar == GrammarModal {
					continue
				}
				if b.grammar != GrammarNoun && d.wordsBetween(d.cues[b.cue].end, c.start) <= 10 {
					a.skip = true
				}
				break
			}
			if a.skip {
				continue
			}
			for n := k + 1; n < len(acts); n++ {
				b := &acts[n]
				if d.wordsBetween(c.end, d.cues[b.cue].start) > 2 {
					break
				}
				if b.grammar != GrammarNoun {
					b.skip = true
				}
			}
		}
	}
}

// issuesIn returns the issues named in [s, e), one hit per issue, in order.
func (d *docState) issuesIn(s, e, ss, se int) []issueHit {
	var out []issueHit
	c0, c1 := d.cuesIn(s, e)
	for i := c0; i < c1; i++ {
		c := &d.cues[i]
		for _, r := range c.refs {
			if r.kind != kindIssue || !d.issueInContext(r, c.start, ss, se) {
				continue
			}
			is := d.x.issues[r.idx]
			if slices.ContainsFunc(out, func(h issueHit) bool { return h.issue == is }) {
				continue
			}
			out = append(out, issueHit{issue: is, start: c.start, end: c.end})
			break
		}
	}
	return out
}

// issueInContext checks a conditional issue cue's context.
func (d *docState) issueInContext(r cueRef, pos, ss, se int) bool {
	if r.ctx < 0 {
		return true
	}
	fc := d.x.issueCtx[r.idx][r.ctx]
	if len(fc.requiresAny) > 0 {
		sent := " " + d.lower(ss, se) + " "
		if !slices.ContainsFunc(fc.requiresAny, func(w string) bool { return strings.Contains(sent, w) }) {
			return false
		}
	}
	if len(fc.notAfter) > 0 {
		from := pos
		for from > ss && d.wordsBetween(from-1, pos) <= 5 {
			from--
		}
		before := " " + d.lower(from, pos)
		for _, w := range fc.notAfter {
			if strings.Contains(before, " "+w+" ") || strings.Contains(before, " "+w) && strings.HasSuffix(before, w+" ") {
				return false
			}
		}
	}
	return true
}

// hasKind reports whether a cue of kind k lies in [s, e).
func (d *docState) hasKind(s, e int, k cueKind) bool {
	c0, c1 := d.cuesIn(s, e)
	for i := c0; i < c1; i++ {
		if d.cues[i].has(k) {
			return true
		}
	}
	return false
}

// hedgeIn returns the hedge cue scoped over an act: one from the sentence
// start to the end of the act's scope, or a headline's "– reports".
func (d *docState) hedgeIn(ss, e int, a *act) model.Span {
	c0, c1 := d.cuesIn(ss, e)
	for i := c0; i < c1; i++ {
		if d.cues[i].has(kindHedge) {
			return model.Span{Start: d.cues[i].start, End: d.cues[i].end}
		}
	}
	if a.hedged {
		c := d.cues[a.cue]
		return model.Span{Start: c.start, End: c.end}
	}
	return model.Span{}
}

// actorsOf resolves who holds the position of an act.
func (d *docState) actorsOf(a *act, ss, se int, src *source, listActor []party) []party {
	c := d.cues[a.cue]
	clause := d.clauseStart(ss, c.start)
	switch a.grammar {
	case GrammarPassive:
		if ps := d.mentionsAfter(c.end, se, 4); len(ps) > 0 {
			return ps
		}
		return listActor
	case GrammarCompound:
		m0, m1 := d.mentionsIn(max(ss, c.start-60), c.start)
		if m1 > m0 && d.ments[m1-1].Span.End == c.start {
			return d.coordinated(m1-1, ss)
		}
		return nil
	case GrammarModal:
		subj := d.subject(clause, ss, c.start, a)
		if len(subj) == 0 {
			return nil
		}
		if src != nil && src.party != "" && src.party != subj[0].name {
			return []party{{name: src.party, span: src.span, how: actors.HowCoreference}}
		}
		opp := d.opponent(subj[0].name)
		if opp == "" {
			return nil
		}
		return []party{{name: opp, span: subj[0].span, how: actors.HowCoreference}}
	case GrammarNoun:
		// "a proposal by Egypt", "demands from Hamas".
		if w, p := d.nextWord(c.end); w == "by" || w == "from" {
			if ps := d.mentionsAfter(p, se, 3); len(ps) > 0 {
				return ps
			}
		}
		if ps := d.subject(clause, ss, c.start, a); len(ps) > 0 {
			return ps
		}
		return nil
	}
	return d.subject(clause, ss, c.start, a)
}

// clauseStart returns where the clause holding pos starts.
func (d *docState) clauseStart(ss, pos int) int {
	start := ss
	c0, c1 := d.cuesIn(ss, pos)
	for i := c0; i < c1; i++ {
		if d.cues[i].has(kindBoundary) {
			start = d.cues[i].end
		}
	}
	return start
}

// subject finds the actor before an act cue: the nearest party mention
// that can act (not a bare demonym before a non-agent noun, not the
// object of a preposition), else a joint phrase or an anaphor, first in
// the clause, then in the sentence.
func (d *docState) subject(clause, ss, pos int, a *act) []party {
	for _, from := range []int{clause, ss} {
		m0, m1 := d.mentionsIn(from, pos)
		best := -1
		for k := m1 - 1; k >= m0; k-- {
			if d.canAct(k, pos, a) {
				best = k
				break
			}
		}
		// A joint phrase or anaphor nearer than the mention wins.
		if ps := d.nearAnaphor(from, pos, best); ps != nil {
			return ps
		}
		if best >= 0 {
			return d.coordinated(best, ss)
		}
	}
	return nil
}

// canAct reports whether mention k can be the actor of an act cue at pos.
func (d *docState) canAct(k, pos int, a *act) bool {
	m := d.ments[k]
	if pw, _ := d.prevWord(m.Span.Start); prepositions[pw] {
		// "the withdrawal of Israeli forces", "talks with Russia".
		return false
	}
	if m.How == actors.HowDemonym && !strings.Contains(m.Text, " ") {
		after := m.Span.End
		if strings.HasPrefix(d.text[after:], "'s") || strings.HasPrefix(d.text[after:], "\u2019s") {
			return true
		}
		if after < len(d.text) && d.text[after] == '-' {
			return false
		}
		w, ws := d.nextWord(after)
		if ws >= pos && a.grammar == GrammarNoun {
			return true // "the Russian proposal"
		}
		if w == "and" || w == "or" {
			return true // "Qatari and Egyptian mediators"
		}
		c0, c1 := d.cuesIn(ws, ws+40)
		return c1 > c0 && d.cues[c0].start == ws && d.cues[c0].has(kindAgentHead)
	}
	return true
}

// coordinated returns mention k and the mentions coordinated with it
// before it ("Qatari and Egyptian mediators", "Russia, Turkey and Egypt").
func (d *docState) coordinated(k int, ss int) []party {
	ps := []party{d.partyOf(k)}
	for j := k - 1; j >= 0 && d.ments[j].Span.Start >= ss; j-- {
		gap := strings.TrimSpace(d.lower(d.ments[j].Span.End, d.ments[j+1].Span.Start))
		if gap != "and" && gap != "," && gap != ", and" && gap != "and the" && gap != ", the" && gap != "or" && gap != "and an" && gap != "and a" {
			break
		}
		ps = append([]party{d.partyOf(j)}, ps...)
	}
	// Also forward: "the United States and Israel" after "by".
	for j := k + 1; j < len(d.ments); j++ {
		gap := strings.TrimSpace(d.lower(d.ments[j-1].Span.End, d.ments[j].Span.Start))
		if gap != "and" && gap != "," && gap != ", and" && gap != "and the" && gap != "and an" && gap != "and a" {
			break
		}
		ps = append(ps, d.partyOf(j))
	}
	return uniqParties(ps)
}

func uniqParties(ps []party) []party {
	out := ps[:0]
	for _, p := range ps {
		if !slices.ContainsFunc(out, func(q party) bool { return q.name == p.name }) {
			out = append(out, p)
		}
	}
	return out
}

func (d *docState) partyOf(k int) party {
	m := d.ments[k]
	return party{name: m.Party, span: m.Span, how: m.How}
}

// mentionsAfter returns the (coordinated) parties that start within n
// words after pos.
func (d *docState) mentionsAfter(pos, se, n int) []party {
	m0, m1 := d.mentionsIn(pos, se)
	if m1 > m0 && d.wordsBetween(pos, d.ments[m0].Span.Start) <= n {
		return d.coordinated(m0, pos)
	}
	return nil
}

// nearAnaphor resolves a joint phrase ("both sides") or an anaphor ("the
// group", "he") between from and pos that is nearer than mention best.
func (d *docState) nearAnaphor(from, pos, best int) []party {
	c0, c1 := d.cuesIn(from, pos)
	for i := c1 - 1; i >= c0; i-- {
		c := d.cues[i]
		if best >= 0 && c.start < d.ments[best].Span.End {
			return nil
		}
		span := model.Span{Start: c.start, End: c.end}
		if c.has(kindJoint) {
			var ps []party
			for _, name := range d.topParties(2) {
				ps = append(ps, party{name: name, span: span, how: actors.HowCoreference})
			}
			return ps
		}
		if c.has(kindAnaphor) {
			if name := d.resolveAnaphor(d.lower(c.start, c.end)); name != "" {
				return []party{{name: name, span: span, how: actors.HowCoreference}}
			}
		}
	}
	return nil
}

// resolveAnaphor names the party an anaphor refers to.
func (d *docState) resolveAnaphor(w string) string {
	switch {
	case w == "he" || w == "she" || strings.HasPrefix(w, "his ") || strings.HasPrefix(w, "her "):
		return d.lastPerson
	case strings.Contains(w, "group") || strings.Contains(w, "movement") || strings.Contains(w, "militia") ||
		strings.Contains(w, "rebels") || strings.Contains(w, "insurgents") || strings.Contains(w, "faction"):
		return d.lastGroup
	case w == "its":
		return ""
	}
	return d.lastSubject
}

// topParties returns the n parties most mentioned in the document.
func (d *docState) topParties(n int) []string {
	type pc struct {
		p string
		c int
	}
	var all []pc
	for p, c := range d.partyCount {
		all = append(all, pc{p, c})
	}
	slices.SortFunc(all, func(a, b pc) int {
		if a.c != b.c {
			return b.c - a.c
		}
		return strings.Compare(a.p, b.p)
	})
	var out []string
	for i := 0; i < n && i < len(all); i++ {
		out = append(out, all[i].p)
	}
	return out
}

// opponent returns the party most mentioned in the document other than p.
func (d *docState) opponent(p string) string {
	for _, q := range d.topParties(3) {
		if q != p {
			return q
		}
	}
	return ""
}

// referredIssues gives an act with no issue of its own the issues of the
// positions it refers to ("opposes these conditions", "rejected the
// Azerbaijani demands"): those of the named party, else the latest
// positions of another party.
func (d *docState) referredIssues(a *act, ps []party, se int) []issueHit {
	if a.act != model.ActReject && a.act != model.ActAccept {
		return nil
	}
	c := d.cues[a.cue]
	c0, c1 := d.cuesIn(c.end, se)
	ref := -1
	for i := c0; i < c1; i++ {
		if d.wordsBetween(c.end, d.cues[i].start) > 4 {
			break
		}
		if d.cues[i].has(kindReference) {
			ref = i
			break
		}
	}
	if ref < 0 {
		return nil
	}
	rc := d.cues[ref]
	word := d.lower(rc.start, rc.end)
	want := model.ActPropose
	if strings.Contains(word, "condition") || strings.Contains(word, "demand") || strings.Contains(word, "requirement") {
		want = model.ActDemand
	}
	owner := ""
	m0, m1 := d.mentionsIn(c.end, rc.end)
	if m1 > m0 {
		owner = d.ments[m0].Party
	}
	var out []issueHit
	lastSent := -1
	for k := len(d.claims) - 1; k >= 0; k-- {
		cl := d.claims[k]
		if cl.Act != want || slices.ContainsFunc(ps, func(p party) bool { return p.name == cl.Actor }) {
			continue
		}
		if owner != "" && cl.Actor != owner {
			continue
		}
		if owner == "" {
			if lastSent >= 0 && d.claimSent[k] != lastSent {
				break
			}
			lastSent = d.claimSent[k]
		}
		if !slices.ContainsFunc(out, func(h issueHit) bool { return h.issue == cl.Issue }) {
			out = append([]issueHit{{issue: cl.Issue, start: rc.start, end: rc.end}}, out...)
		}
	}
	return out
}

// add records a claim unless the document already holds one with the same
// actor, act and issue.
func (d *docState) add(si int, p party, a *act, c cue, is issueHit, src *source, hedge model.Span, precond bool) {
	key := claimKey{p.name, a.act, is.issue}
	if d.seen[key] {
		return
	}
	d.seen[key] = true
	sn := d.sents[si]
	cl := model.Claim{
		Doc:          d.doc.ID,
		Sentence:     d.text[sn.start:sn.end],
		Actor:        p.name,
		Act:          a.act,
		Issue:        is.issue,
		Position:     d.position(c.end, a.scopeE, is),
		Precondition: precond,
		Source:       model.Source{Kind: model.SourceUnattributed},
		Hedged:       !hedge.Empty(),
		Evidence: model.Evidence{
			Sentence: model.Span{Start: sn.start, End: sn.end},
			Actor:    p.span,
			ActorHow: p.how,
			Act:      model.Span{Start: c.start, End: c.end},
			Issue:    model.Span{Start: is.start, End: is.end},
			Hedge:    hedge,
			Lexicon:  d.x.version,
		},
	}
	if src != nil {
		cl.Source = model.Source{Kind: src.kind, Name: src.name, Via: src.via}
		cl.Evidence.Source = src.span
	}
	d.claims = append(d.claims, cl)
	d.claimSent = append(d.claimSent, si)
}

// position summarises what the act is about: the words of its scope, at
// most twelve, or the issue cue.
func (d *docState) position(s, e int, is issueHit) string {
	if e <= s {
		return d.text[is.start:is.end]
	}
	words := strings.Fields(d.text[s:e])
	if len(words) > 12 {
		words = words[:12]
	}
	out := strings.Trim(strings.Join(words, " "), " ,;:.\"'")
	if out == "" {
		return d.text[is.start:is.end]
	}
	return out
}

// updateDiscourse records the parties in play after a sentence: the last
// person's party, the last group, and the sentence's first actor.
func (d *docState) updateDiscourse(ss, se int) {
	m0, m1 := d.mentionsIn(ss, se)
	first := ""
	for k := m0; k < m1; k++ {
		m := d.ments[k]
		if m.How == actors.HowPerson || m.How == actors.HowTitle {
			d.lastPerson = m.Party
		}
		if !isState(m.Party) {
			d.lastGroup = m.Party
		}
		if first == "" && m.How != actors.HowDemonym {
			first = m.Party
		}
	}
	if first != "" && d.lastSubject == "" {
		d.lastSubject = first
	}
}
