package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	object  bool // a noun that is the object of the verb act before it
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
	d.curSS, d.sentEnd = ss, se
	if sn.para != d.paraIdx {
		d.paraIdx = sn.para
		d.paraSource = nil
		d.quoteSaid = nil
	}
	cands := d.attribution(ss, se)
	src := choose(cands, se)
	// "This was stated by Podoliak": the source of the sentence before.
	if src != nil && d.wordsBetween(ss, src.pos) <= 3 && strings.HasPrefix(d.lower(ss, min(se, ss+12)), "this was ") {
		for k := range d.claims {
			if d.claimSent[k] == si-1 && !d.claimExplicit[k] {
				d.claims[k].Source = model.Source{Kind: src.kind, Name: src.name, Via: src.via}
				d.claims[k].Evidence.Source = src.span
			}
		}
	}
	// A quotation that goes on from an earlier sentence keeps its source.
	opensQuote := strings.HasPrefix(d.text[ss:se], "\u201c") || strings.HasPrefix(d.text[ss:se], "\"")
	if src == nil && opensQuote && d.prevEndsColon && d.prevSource != nil {
		q := *d.prevSource
		src = &q
	}
	// "\"The system belongs to the past,\" X said. \"Cyprus will not …\"":
	// a quotation right after a quoted sentence its speaker closes, in
	// the same paragraph, is the same speaker's.
	saidBefore := d.quoteSaid
	d.quoteSaid = nil
	if len(cands) > 0 && src != nil && (opensQuote || src.kind == model.SourceOfficial && (src.framing || d.prevIsComma(src.span.Start))) {
		// Also "…, Foreign Minister X said after the meeting. \"Our
		// right …\"": a quotation after the speaker's own sentence.
		d.quoteSaid = src
	}
	if src == nil && opensQuote && saidBefore != nil {
		q := *saidBefore
		src = &q
	}
	if src == nil && d.inQuote && d.quoteSrc != nil {
		q := *d.quoteSrc
		src = &q
	}
	// A sentence that goes on with the account of the one before ("The
	// conditions for this include …", "Under the plan, …") keeps its
	// source, across a paragraph break too.
	if src == nil && d.sentSource != nil && d.sentSource.kind != model.SourceUnattributed && d.continues(ss, se) {
		kept := *d.sentSource
		src = &kept
		if d.paraSource == nil && (kept.kind == model.SourceAnonymous || kept.kind == model.SourceMedia) {
			d.paraSource = &kept
		}
	}
	if src == nil && d.paraSource != nil {
		inherited := *d.paraSource
		src = &inherited
	}
	if src != nil && src.framing && (src.kind == model.SourceAnonymous || src.kind == model.SourceMedia) && d.paraSource == nil {
		framed := *src
		d.paraSource = &framed
	}
	if src == nil {
		src = d.headlineReports(ss, se)
	}
	defer d.updateQuotes(ss, se, src)

	c0, c1 := d.cuesIn(ss, se)
	var acts []act
	for i := c0; i < c1; i++ {
		if a, ok := d.readAct(i, ss); ok {
			acts = append(acts, a)
		}
	}
	d.markIrrealis(acts, ss, se)
	d.markSelfConditional(acts, ss, se)
	d.markSalience(acts, ss)
	d.combine(acts, ss, se)
	acts = d.negatedIssueActs(acts, ss, se)
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
		b := d.nextBoundary(d.cues[acts[k].cue].end, end)
		if b < end && acts[k].act == model.ActDemand && acts[k].precond && strings.HasPrefix(d.lower(b, min(b+8, se)), "without") {
			// "will not accept any deal without the return of prisoners":
			// what comes after "without" is the condition itself.
			b = d.nextBoundary(b+len("without"), end)
		}
		if b < end {
			end = b
		}
		for _, cd := range cands {
			// ", the government said in a joint statement": the source, not the content.
			if st := min(cd.span.Start, cd.pos); st > d.cues[acts[k].cue].end && st < end && (d.prevIsComma(st) || d.wordsBetween(cd.span.End, se) <= 4) {
				end = st
			}
		}
		if d.inRelative(ss, d.cues[acts[k].cue].start) {
			// "Egypt, which has said it rejects X, hosted …": to the comma.
			ce := d.cues[acts[k].cue].end
			if i := strings.IndexByte(d.text[ce:end], ','); i >= 0 {
				end = ce + i
			}
		}
		acts[k].scopeE = end
		if acts[k].issues == nil {
			acts[k].issues = d.issuesIn(d.cues[acts[k].cue].end, end, ss, se)
		}
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

	// A passive acceptance or rejection with no issue after it is about its
	// subject: "the ceasefire proposal was accepted by Hamas", "the truce
	// was rejected by the army": it takes the issues named in its clause
	// before it. (A mediator's "the talks are mediated by X" is no plan.)
	for k := range acts {
		a := &acts[k]
		if a.skip || len(a.issues) > 0 || a.grammar != GrammarPassive || a.act != model.ActAccept && a.act != model.ActReject {
			continue
		}
		c := d.cues[a.cue]
		from := d.clauseStart(ss, c.start)
		for n := 0; n < k; n++ {
			b := acts[n]
			if bc := d.cues[b.cue]; bc.end > from && bc.start < c.start && b.grammar != GrammarNoun && b.grammar != GrammarCompound {
				from = bc.end // not across a verb: "Israel rejected X, which was backed by"
			}
		}
		a.issues = d.issuesIn(from, c.start, ss, se)
	}

	var listActor []party
	var prevIssues []issueHit
	d.mainActor = nil
	for k := range acts {
		a := &acts[k]
		if a.skip {
			continue
		}
		ps := d.actorsOf(a, ss, se, src, listActor)
		if len(ps) == 0 {
			if len(a.issues) > 0 {
				prevIssues = a.issues
			}
			continue
		}
		if a.grammar != GrammarModal {
			listActor = ps
			if d.mainActor == nil && a.grammar == GrammarVerb {
				d.mainActor = ps
			}
		}
		issues := a.issues
		if len(issues) == 0 && a.grammar == GrammarModal {
			// "Sanctions relief must be real": what the requirement is on.
			from := d.cues[a.cue].start
			for from > ss && d.wordsBetween(from-1, d.cues[a.cue].start) <= 2 {
				from--
			}
			issues = d.issuesIn(from, d.cues[a.cue].start, ss, se)
		}
		if len(issues) == 0 {
			issues = d.referredIssues(a, ps, se)
		}
		if a.grammar == GrammarPassive {
			// "a ceasefire brokered by the United States": the noun before.
			if h := d.issueEndingAt(ss, d.cues[a.cue].start, se); h != nil {
				issues = []issueHit{*h}
			}
		}
		if len(issues) == 0 && (a.grammar == GrammarPassive || a.grammar == GrammarNoun) {
			// "a proposed outline sent by Qatari and Egyptian mediators
			// and backed by the United States": what the sentence is about.
			if len(prevIssues) > 0 {
				issues = prevIssues[:1]
			}
		}
		if len(issues) == 0 && a.act == model.ActDemand && a.grammar == GrammarVerb && d.hasKind(ss, se, kindPrecondition) && d.objectFollows(d.cues[a.cue].end) &&
			!slices.ContainsFunc(acts, func(b act) bool { return len(b.issues) > 0 }) {
			// "insisted on a written commitment … as a condition for any
			// deal": a condition on something no issue names.
			if e := a.scopeE; e > d.cues[a.cue].end {
				issues = []issueHit{{issue: "other", start: d.cues[a.cue].end, end: e}}
			}
		}
		if len(issues) == 0 {
			continue
		}
		prevIssues = issues
		c := d.cues[a.cue]
		hedge := d.hedgeIn(ss, a.scopeE, a)
		precond := a.precond || a.act == model.ActDemand && d.hasKind(ss, se, kindPrecondition)
		csrc, explicit := src, len(cands) > 0
		if explicit {
			csrc = choose(d.sameClause(cands, c.start, se), c.start)
		}
		if !explicit {
			// A person who holds the position speaks for it.
			if sp := d.speakerSource(ss, c.start, ps); sp != nil && csrc == nil {
				csrc = sp
			}
		}
		for _, p := range ps {
			for _, is := range issues {
				actName := a.act
				if d.negatedIssue(is, c.end) && actName != model.ActConcede {
					actName = model.ActReject
				}
				if is.start < p.span.End && is.end > p.span.Start && a.grammar != GrammarModal {
					continue // "backed by the European Union": the actor, not an issue
				}
				d.add(si, p, a, actName, c, is, csrc, hedge, precond)
				if n := len(d.claimExplicit); n < len(d.claims) {
					d.claimExplicit = append(d.claimExplicit, explicit)
				}
			}
		}
		d.lastSubject = ps[len(ps)-1].name
		if len(ps) > 1 && !slices.ContainsFunc(ps, func(p party) bool { return !d.isGroup(p.name) }) {
			d.lastGroups = d.lastGroups[:0]
			for _, p := range ps {
				d.lastGroups = append(d.lastGroups, p.name)
			}
		}
	}
	d.planContent(si, acts, ss, se, src)
	d.updateDiscourse(ss, se)
	if src != nil {
		d.prevSource = src
	}
	d.sentSource = src
}

// continues reports whether the sentence opens by going on with the
// account of the sentence before: a continuation cue at its start ("These
// include", "Under the plan"), or a demonstrative with a reference noun
// ("This proposal", "The conditions for this").
func (d *docState) continues(ss, se int) bool {
	start := ss
	for start < se && (d.text[start] == ' ' || d.text[start] == '\n' || d.text[start] == '"') {
		start++
	}
	c0, c1 := d.cuesIn(start, min(se, start+60))
	for i := c0; i < c1; i++ {
		c := d.cues[i]
		if c.start > start+1 {
			break
		}
		if c.has(kindContinuation) {
			return true
		}
	}
	return false
}

// sameClause drops the sources that come after pos beyond a clause
// boundary ("Russia proposed a truce, but Ukrainian officials said …").
func (d *docState) sameClause(cands []*source, pos, se int) []*source {
	var out []*source
	for _, c := range cands {
		if st := min(c.pos, c.span.Start); st > pos {
			between := d.text[pos:st]
			quoted := strings.Contains(between, "\u201d") || strings.Contains(between, "\"")
			// ", Foreign Minister X said after the meeting.": a source
			// that closes the sentence speaks for all of it.
			tail := max(c.pos, c.span.End)
			tailEnd := se
			for _, w := range []string{", although ", ", though ", ", but ", ", adding "} {
				if i := strings.Index(d.lower(tail, se), w); i >= 0 && tail+i < tailEnd {
					tailEnd = tail + i // "…, a source told AFP, although …"
				}
			}
			closing := d.prevIsComma(st) && d.wordsBetween(tail, tailEnd) <= 5 && c.pos >= c.span.End
			if b := d.nextBoundary(pos, st); !quoted && !closing && (b < st || strings.Contains(d.lower(pos, st), ", and ")) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// updateQuotes records whether a quotation is open after the sentence,
// and whose it is.
func (d *docState) updateQuotes(ss, se int, src *source) {
	t := d.text[ss:se]
	opens, closes := strings.Count(t, "\u201c"), strings.Count(t, "\u201d")
	straight := strings.Count(t, "\"")
	if d.inQuote {
		if closes > opens || straight%2 == 1 {
			d.inQuote, d.quoteSrc = false, nil
		}
	} else if opens > closes || straight%2 == 1 {
		d.inQuote = true
		d.quoteSrc = src
	}
	d.prevEndsColon = strings.HasSuffix(strings.TrimSpace(t), ":")
}

// planContent reads a sentence with no act of its own that follows a
// party's plan and says what "would" happen ("During those 42 days,
// Israeli forces would withdraw …"): the plan's content, proposed by the
// plan's party.
func (d *docState) planContent(si int, acts []act, ss, se int, src *source) {
	if d.planActor == "" || si-d.planSent > 2 || si == d.planSent {
		return
	}
	for _, a := range acts {
		if !a.skip {
			return
		}
	}
	c0, c1 := d.cuesIn(ss, se)
	at := -1
	for i := c0; i < c1; i++ {
		if d.cues[i].has(kindPlanContent) {
			at = i
			break
		}
		if d.cues[i].has(kindIrrealis) || d.cues[i].has(kindNegation) {
			return
		}
	}
	if at < 0 {
		return
	}
	c := d.cues[at]
	issues := d.issuesIn(c.end, se, ss, se)
	if len(issues) == 0 {
		return
	}
	a := &act{cue: at, act: model.ActPropose, grammar: GrammarNoun, scopeE: se}
	p := party{name: d.planActor, span: model.Span{Start: c.start, End: c.end}, how: actors.HowCoreference}
	hedge := d.hedgeIn(ss, se, a)
	for _, is := range issues {
		d.add(si, p, a, model.ActPropose, c, is, src, hedge, false)
		if n := len(d.claimExplicit); n < len(d.claims) {
			d.claimExplicit = append(d.claimExplicit, src != nil)
		}
	}
	d.planSent = si
}

// nextBoundary returns the start of the first clause boundary in [s, e),
// or e. ", and" does not end a scope: it joins the items of a list.
func (d *docState) nextBoundary(s, e int) int {
	c0, c1 := d.cuesIn(s, e)
	for i := c0; i < c1; i++ {
		c := d.cues[i]
		if c.has(kindNegation) && d.lower(c.start, c.end) == "without" {
			return c.start // "efforts to move on without implementing the truce"
		}
		if !c.has(kindBoundary) {
			continue
		}
		w := d.lower(c.start, c.end)
		if w == ", and" {
			continue
		}
		if w == ", as" && strings.HasPrefix(d.lower(c.end, min(len(d.text), c.end+8)), " well as") {
			continue // "A, as well as B"
		}
		if w == ";" && strings.IndexByte(d.text[s:c.start], ':') >= 0 {
			continue // "a list of demands: A; B; and C"
		}
		return c.start
	}
	return e
}

// inRelative reports whether pos is in a relative clause opened by ",
// which" or ", who".
func (d *docState) inRelative(ss, pos int) bool {
	c0, c1 := d.cuesIn(ss, pos)
	for i := c1 - 1; i >= c0; i-- {
		if d.cues[i].has(kindBoundary) {
			w := d.lower(d.cues[i].start, d.cues[i].end)
			return w == ", which" || w == ", who"
		}
	}
	return false
}

// markIrrealis skips the acts between an irrealis cue ("if", "whether",
// "closer to") and the next comma.
func (d *docState) markIrrealis(acts []act, ss, se int) {
	c0, c1 := d.cuesIn(ss, se)
	for i := c0; i < c1; i++ {
		c := d.cues[i]
		if !c.has(kindIrrealis) {
			continue
		}
		end := d.clauseComma(c.end, se)
		for k := range acts {
			if p := d.cues[acts[k].cue].start; p >= c.end && p < end {
				acts[k].skip = true
			}
		}
	}
}

// salienceHeads are nouns that, followed by "that", make the act of the
// relative clause a statement of how much an issue matters ("one of the
// issues that Ukraine is most reluctant to compromise on is land").
var salienceHeads = []string{"issue that ", "issues that ", "point that ", "points that ", "question that ",
	"questions that ", "matter that ", "matters that ", "area that ", "areas that ", "topic that ", "topics that ",
	"issue which ", "issues which ", "issue on which ", "issues on which "}

// markSalience skips acts that say how much an issue matters rather than
// a position: a superlative ("most reluctant to", "least willing to") or
// the relative clause of an issue noun ("the issues that X refuses …").
func (d *docState) markSalience(acts []act, ss int) {
	for k := range acts {
		c := d.cues[acts[k].cue]
		w, at := d.prevWord(c.start)
		if w == "most" || w == "least" {
			acts[k].skip = true
			continue
		}
		if w == "is" || w == "are" || w == "was" || w == "were" {
			if w2, _ := d.prevWord(at); w2 == "most" || w2 == "least" {
				acts[k].skip = true
				continue
			}
		}
		before := d.lower(max(ss, c.start-60), c.start)
		if !strings.Contains(before, "that ") && !strings.Contains(before, "which ") {
			continue // every salience head ends so
		}
		for _, h := range salienceHeads {
			if i := strings.LastIndex(before, h); i >= 0 && !strings.ContainsAny(before[i:], ",;") {
				acts[k].skip = true
				break
			}
		}
	}
}

// conditionOpeners open a sentence with a condition ("If X …, then …").
var conditionOpeners = map[string]bool{"if": true, "unless": true, "should": true, "were": true, "once": true, "suppose": true, "supposing": true}

// markSelfConditional skips the acts of the main clause of a sentence that
// opens with a condition about the same party ("If Zelensky no longer has
// the confidence to fight, then he may only be able to make concessions"):
// what a party would do in a hypothetical state of its own is speculation
// about it, not its position, and never the other party's. A condition
// about another party ("If Israel withdraws, Hamas will free the
// hostages") is a conditional offer or demand and stays.
func (d *docState) markSelfConditional(acts []act, ss, se int) {
	pos := ss
	for {
		w, at := d.nextWord(pos)
		if w == "but" || w == "and" || w == "however" || w == "yet" || w == "so" {
			pos = at + len(w)
			if pos < se && d.text[pos] == ',' {
				pos++
			}
			continue
		}
		if !conditionOpeners[w] || at >= se {
			return
		}
		pos = at + len(w)
		break
	}
	comma := d.clauseComma(pos, se)
	if comma >= se {
		return
	}
	m0, m1 := d.mentionsIn(pos, comma)
	if m0 == m1 {
		return
	}
	cond := d.ments[m0].Party
	// The subject of the main clause: a pronoun, or a mention of the same
	// party, within its first three words (after "then").
	main := comma + 1
	if w, at := d.nextWord(main); w == "then" {
		main = at + len(w)
	}
	w, at := d.nextWord(main)
	same := w == "he" || w == "she" || w == "it" || w == "they"
	if !same {
		n0, n1 := d.mentionsIn(at, se)
		same = n0 < n1 && d.ments[n0].Party == cond && d.wordsBetween(at, d.ments[n0].Span.Start) <= 2
	}
	if !same {
		return
	}
	for k := range acts {
		if d.cues[acts[k].cue].start >= comma {
			acts[k].skip = true
		}
	}
}

// clauseComma returns the next comma or semicolon after pos, skipping a
// relative clause (", which was not a party to the talks,"), or se.
func (d *docState) clauseComma(pos, se int) int {
	for pos < se {
		k := strings.IndexAny(d.text[pos:se], ",;")
		if k < 0 {
			return se
		}
		at := pos + k
		if w, _ := d.nextWord(at + 1); d.text[at] == ',' && (w == "which" || w == "who") {
			next := strings.IndexByte(d.text[at+1:se], ',')
			if next < 0 {
				return se
			}
			pos = at + 1 + next + 1
			continue
		}
		return at
	}
	return se
}

// negatedIssue reports whether a negation governs an issue cue right
// after the act ("adhered not to withdraw its checkpoints").
func (d *docState) negatedIssue(is issueHit, actEnd int) bool {
	if is.start < actEnd || is.issue != "withdrawal" {
		return false
	}
	c0, c1 := d.cuesIn(actEnd, is.start)
	for i := c1 - 1; i >= c0; i-- {
		if d.cues[i].has(kindNegation) && d.wordsBetween(d.cues[i].end, is.start) <= 2 {
			return true
		}
	}
	return false
}

// verbalNegation reports whether a negation cue negates a verb ("will
// not", "never", "won't"), not a noun ("no", "without").
func verbalNegation(w string) bool {
	return strings.Contains(w, "not") || strings.Contains(w, "never") || strings.Contains(w, "n't") || w == "cannot"
}

// bareVerb reports whether issue cue n is a verb in its base form
// ("disarm", "recognise"), not a noun ("disarmament") or participle.
func (d *docState) bareVerb(n cue) bool {
	w := d.lower(n.start, n.end)
	switch w {
	case "disarm", "demilitarize", "demilitarise", "recognise", "recognize", "annex", "legitimize", "legitimise":
		return true
	}
	return false
}

// negatedIssueActs adds a rejection where a negated withdrawal,
// disarmament or recognition verb stands in a clause with no act of its
// own ("we will not take a single step back", "it will not withdraw",
// "Belgrade will never recognise Kosovo").
func (d *docState) negatedIssueActs(acts []act, ss, se int) []act {
	c0, c1 := d.cuesIn(ss, se)
	for i := c0; i < c1; i++ {
		c := d.cues[i]
		if !c.has(kindNegation) {
			continue
		}
		for j := i + 1; j < c1 && d.wordsBetween(c.end, d.cues[j].start) <= 3; j++ {
			n := d.cues[j]
			if n.has(kindAct) || n.has(kindBoundary) {
				break
			}
			var hit *issueHit
			for _, r := range n.refs {
				if r.kind != kindIssue {
					continue
				}
				switch is := d.x.issues[r.idx]; {
				case is == "withdrawal":
					hit = &issueHit{issue: is, start: n.start, end: n.end}
				case (is == "disarmament" || is == "recognition") && verbalNegation(d.lower(c.start, c.end)) && d.bareVerb(n):
					// "will not disarm", "would never recognise".
					hit = &issueHit{issue: is, start: n.start, end: n.end}
				}
			}
			if hit == nil {
				continue
			}
			cl := d.clauseStart(ss, c.start)
			covered := false
			for _, a := range acts {
				if p := d.cues[a.cue].start; !a.skip && p >= cl && p < n.start {
					covered = true
				}
			}
			if !covered {
				acts = append(acts, act{cue: j, act: model.ActReject, grammar: GrammarVerb, issues: []issueHit{*hit}})
			}
			break
		}
	}
	slices.SortFunc(acts, func(a, b act) int { return d.cues[a.cue].start - d.cues[b.cue].start })
	return acts
}

// headlineReports makes a headline's "– reports" a media source.
func (d *docState) headlineReports(ss, se int) *source {
	c0, c1 := d.cuesIn(ss, se)
	for i := c0; i < c1; i++ {
		c := d.cues[i]
		if c.has(kindHedge) && strings.HasSuffix(d.lower(c.start, c.end), "reports") {
			s, e := trimSpan(d.text, c.start, c.end)
			return &source{kind: model.SourceMedia, name: d.text[s:e], span: model.Span{Start: s, End: e}}
		}
	}
	return nil
}

// nextWordLen returns the length of the word starting at or after pos.
func (d *docState) nextWordLen(pos int) int {
	w, _ := d.nextWord(pos)
	return len(w)
}

// isPersonActor reports whether an actor was named by a person.
func (d *docState) isPersonActor(ps []party) bool {
	for _, p := range ps {
		if p.how == actors.HowPerson || p.how == actors.HowTitle {
			return true
		}
	}
	return false
}

// speakerSource credits a claim with no attribution to a person who holds
// it in the sentence ("Putin ordered", "Sargis Khandanian, the chairman of
// …, rejected"): an official source.
func (d *docState) speakerSource(ss, pos int, ps []party) *source {
	for _, p := range ps {
		if p.how == actors.HowPerson || p.how == actors.HowTitle {
			return &source{kind: model.SourceOfficial, name: d.text[p.span.Start:p.span.End], span: p.span}
		}
		if p.how == actors.HowCoreference {
			w := d.lower(p.span.Start, p.span.End)
			if w == "he" || w == "she" {
				return &source{kind: model.SourceOfficial, name: d.text[p.span.Start:p.span.End], span: p.span}
			}
		}
	}
	if w, _ := d.nextWord(ss); w == "he" || w == "she" {
		e := ss + 2
		if w == "she" {
			e = ss + 3
		}
		return &source{kind: model.SourceOfficial, name: d.text[ss:e], span: model.Span{Start: ss, End: e}}
	}
	end := strings.IndexByte(d.text[ss:pos], ',')
	if end < 0 {
		end = pos
	} else {
		end += ss
	}
	if w, _ := d.nextWord(ss); w != "" && d.strictName(ss, end) && d.strictName(ss, min(end, ss+len(w)+1+d.nextWordLen(ss+len(w)+1))) {
		s, e := trimSpan(d.text, ss, end)
		return &source{kind: model.SourceOfficial, name: d.text[s:e], span: model.Span{Start: s, End: e}}
	}
	return nil
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
		nounish := determiners[pw] || d.mentionEndsAt(c.start) || pstart > 0 && d.text[pstart-1] == '\'' ||
			i > 0 && d.cues[i-1].has(kindAct) && d.cues[i-1].end >= pstart-1 // "rejects calls for sanctions"
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
	// "wanted to emphasize", "want to say": a report, not a position.
	if w, p := d.nextWord(c.end); w == "to" {
		j := i + 1
		for j < len(d.cues) && d.cues[j].start < p {
			j++
		}
		if j < len(d.cues) && d.cues[j].has(kindAttrVerb) && d.wordsBetween(c.end, d.cues[j].start) <= 1 {
			return act{}, false
		}
	}
	// "accepted with some reservations": a qualification of another act,
	// not a rejection of its own.
	if grp.Act == model.ActReject && grp.Grammar == GrammarNoun {
		pw, ps := d.prevWord(c.start)
		if pw == "some" || pw == "certain" || pw == "several" || pw == "minor" || pw == "few" {
			pw, _ = d.prevWord(ps)
		}
		if pw == "with" {
			return act{}, false
		}
	}
	// A reduced relative: "the peace agreement signed in Pretoria".
	if a.grammar == GrammarVerb && d.reducedRelative(*c) {
		return act{}, false
	}
	// A participle with its agent: "an outline sent last week by Egypt".
	if a.grammar == GrammarVerb && strings.HasSuffix(d.lower(c.start, c.end), "ed") {
		by := strings.Index(d.lower(c.end, min(len(d.text), c.end+40)), " by ")
		between := " " + d.lower(c.end, c.end+max(by, 0)) + " "
		if by >= 0 && d.wordsBetween(c.end, c.end+by) <= 3 && !strings.Contains(between, " a ") && !strings.Contains(between, " the ") && !strings.Contains(between, " an ") {
			m0, m1 := d.mentionsIn(c.end+by, min(len(d.text), c.end+by+40))
			if m1 > m0 && d.wordsBetween(c.end+by, d.ments[m0].Span.Start) <= 2 {
				a.grammar = GrammarPassive
			}
		}
	}
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

// reducedRelative reports whether a one-word past participle cue modifies
// the noun before it and is followed by a place or time ("the agreement
// signed in Pretoria"), rather than being a finite verb.
func (d *docState) reducedRelative(c cue) bool {
	w := d.lower(c.start, c.end)
	if strings.Contains(w, " ") || !strings.HasSuffix(w, "ed") {
		return false
	}
	next, ns := d.nextWord(c.end)
	switch next {
	case "in", "at", "on", "during", "last", "earlier", "this", "with", "between":
	default:
		return false
	}
	if after, _ := d.nextWord(ns + len(next)); next == "in" && after == "principle" {
		return false // "approved in principle": an adverbial
	}
	prev, ps := d.prevWord(c.start)
	if prev == "" || d.mentionEndsAt(c.start) || ps > 0 && d.text[ps-1] == '\'' {
		return false
	}
	switch prev {
	case "has", "have", "had", "was", "were", "is", "are", "be", "been", "also", "then", "and", "later", "who",
		"which", "that", "it", "they", "he", "she", "we", "not", "never", "reportedly", "allegedly", "finally":
		return false
	}
	i0, i1 := d.cuesIn(max(0, ps-40), c.start)
	for i := i0; i < i1; i++ {
		if d.cues[i].end <= ps {
			continue // "both delegations approved": a phrase ending right before counts
		}
		if d.cues[i].has(kindAnaphor) || d.cues[i].has(kindAgentHead) || d.cues[i].has(kindJoint) {
			return false
		}
	}
	return true
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

// unlessAfter reports whether an exception follows within the clause:
// "will not agree unless", "would not sign a treaty until", "any deal that
// does not include", "no deal without". A negated act with an exception
// is a condition the actor sets.
func (d *docState) unlessAfter(pos int) bool {
	end := min(len(d.text), pos+120)
	tail := d.lower(pos, end)
	if i := strings.IndexAny(tail, ";."); i >= 0 {
		tail = tail[:i]
	}
	for _, w := range exceptives {
		if strings.Contains(tail, w) {
			return true
		}
	}
	return false
}

var exceptives = []string{" unless ", " until ", " that does not ", " that doesn't ", " which does not ", " that did not ", " without "}

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
			stop := d.nextBoundary(c.end, se)
			for n := k + 1; n < len(acts); n++ {
				b := &acts[n]
				if d.cues[b.cue].start >= stop {
					break
				}
				if b.grammar != GrammarNoun {
					b.skip = true
				}
			}
		case GrammarVerb:
			// "insists that the government suspend operations": the verbs of
			// a demand's "that" clause are its content.
			if a.act == model.ActDemand || a.act == model.ActPropose {
				if w, _ := d.nextWord(c.end); w == "that" || strings.HasSuffix(d.lower(c.start, c.end), " that") {
					stop := d.nextBoundary(c.end, se)
					for n := k + 1; n < len(acts); n++ {
						b := &acts[n]
						if d.cues[b.cue].start >= stop {
							break
						}
						if b.grammar == GrammarVerb || b.grammar == GrammarModal {
							b.skip = true
						}
					}
				}
			}
			if k+1 < len(acts) {
				b := &acts[k+1]
				bc := d.cues[b.cue]
				gap := strings.TrimSpace(d.lower(c.end, bc.start))
				switch {
				case b.grammar == GrammarVerb && (gap == "to" || gap == "" && strings.HasSuffix(d.lower(c.start, c.end), " to")):
					// "promises to refuse to join", "is willing to accept
					// limits": the first verb governs (an offer: "is ready
					// to" proposes); but "is ready to accept the proposal"
					// accepts another party's act.
					if a.act == model.ActPropose && b.act == model.ActAccept && d.acceptsAnAct(acts, k+1) {
						a.act = model.ActAccept
					}
					b.skip = true
				case b.grammar == GrammarNoun && d.wordsBetween(c.end, bc.start) <= 3:
					// "rejected the demand for …": the noun is the object.
					b.object = true
				}
			}
		case GrammarCondition:
			// "would withdraw only if the government agreed to talks": the
			// condition is the subject's demand; the acts in it are its content.
			a.grammar = GrammarVerb
			end := d.clauseComma(c.end, se)
			for n := k + 1; n < len(acts); n++ {
				if d.cues[acts[n].cue].start < end {
					acts[n].skip = true
				}
			}
		case GrammarPassive:
			// "conditions were put forward by Russia": the noun gives the act.
			for n := k - 1; n >= 0; n-- {
				b := &acts[n]
				if b.skip {
					continue
				}
				if b.grammar == GrammarNoun && d.wordsBetween(d.cues[b.cue].end, c.start) <= 5 &&
					(a.act == model.ActAccept || a.act == model.ActReject) && b.act != a.act {
					// "the Egyptian proposal for a truce was rejected by
					// Israel": the noun is what the agent responds to; both
					// acts stand, and the response is about the noun's issues.
					a.issues = d.issuesIn(d.cues[b.cue].end, c.start, ss, se)
					if len(a.issues) == 0 {
						a.issues = b.issues
					}
					break
				}
				if b.grammar == GrammarNoun && d.wordsBetween(d.cues[b.cue].end, c.start) <= 5 {
					a.act = b.act
					a.precond = a.precond || b.precond
					a.issues = d.issuesIn(d.cues[b.cue].end, c.start, ss, se)
					if len(a.issues) == 0 {
						a.issues = nil
					}
					b.skip = true
				}
				break
			}
		}
	}
}

// acceptsAnAct reports whether the act at k has for object something on
// the table: a definite or possessed object, or within four words a noun
// act or a reference to one ("accept the prisoner exchange", "accept
// Azerbaijan's demand", "accept a proposal").
func (d *docState) acceptsAnAct(acts []act, k int) bool {
	end := d.cues[acts[k].cue].end
	// A definite object is one already on the table: "accept the
	// exchange", "accept Azerbaijan's demand"; "accept limits" offers.
	if w, _ := d.nextWord(end); w == "the" || w == "this" || w == "that" || w == "these" || w == "those" || w == "its" || w == "their" {
		return true
	}
	if m0, m1 := d.mentionsIn(end, min(len(d.text), end+40)); m1 > m0 && d.wordsBetween(end, d.ments[m0].Span.Start) == 0 {
		return true
	}
	if k+1 < len(acts) {
		n := acts[k+1]
		if n.grammar == GrammarNoun && d.wordsBetween(end, d.cues[n.cue].start) <= 4 {
			return true
		}
	}
	c0, c1 := d.cuesIn(end, min(len(d.text), end+60))
	for i := c0; i < c1; i++ {
		if d.wordsBetween(end, d.cues[i].start) > 4 {
			break
		}
		if d.cues[i].has(kindReference) {
			return true
		}
	}
	return false
}

// issuesIn returns the issues named in [s, e), one hit per issue, in order.
func (d *docState) issuesIn(s, e, ss, se int) []issueHit {
	var out []issueHit
	c0, c1 := d.cuesIn(s, e)
	for i := c0; i < c1; i++ {
		c := &d.cues[i]
		for _, r := range c.refs {
			if r.kind != kindIssue || !d.issueAllContexts(c, r.idx, ss, se) {
				continue
			}
			is := d.x.issues[r.idx]
			if is == "recognition" {
				if w, _ := d.nextWordAt(c.end); isModifiedNoun(w) {
					break // "separatist leaders", "breakaway forces": who, not what
				}
			}
			if d.afterTimePreposition(c.start, s) {
				break // "pay salaries before a permanent ceasefire": when, not what
			}
			if i+1 < len(d.cues) && d.isIssueHead(c.end, d.cues[i+1]) && !d.cues[i+1].has(kindAct) {
				break // "armistice talks", "energy truce": the head names the issue
			}
			if is != "talks" && len(out) > 0 && out[len(out)-1].issue == "talks" && d.wordsBetween(out[len(out)-1].end, c.start) <= 4 {
				break // "continue to negotiate a permanent ceasefire": what the talks are about
			}
			if slices.ContainsFunc(out, func(h issueHit) bool { return h.issue == is }) {
				continue
			}
			out = append(out, issueHit{issue: is, start: c.start, end: c.end})
			break
		}
	}
	// A contested place names the territory issue when no other issue cue
	// does in its clause ("give up the Donbas region, recognise …";
	// "withdraw from Kherson" stays withdrawal).
	for i := c0; i < c1; i++ {
		c := d.cues[i]
		if !c.has(kindPlace) || slices.ContainsFunc(out, func(h issueHit) bool { return h.issue == "territory" }) {
			continue
		}
		cs, ce := d.segment(s, e, c.start)
		if slices.ContainsFunc(out, func(h issueHit) bool { return h.start < ce && h.end > cs }) {
			continue
		}
		at, _ := slices.BinarySearchFunc(out, c.start, func(h issueHit, p int) int { return h.start - p })
		out = slices.Insert(out, at, issueHit{issue: "territory", start: c.start, end: c.end})
	}
	return out
}

// afterTimePreposition reports whether the issue cue at pos follows
// "before", "until" or "ahead of" (with at most a determiner and an
// adjective between), past the start of the scope s: the issue dates the
// position rather than being its object.
func (d *docState) afterTimePreposition(pos, s int) bool {
	p := pos
	for range 3 {
		w, at := d.prevWord(p)
		if at < s || w == "" {
			return false
		}
		if w == "before" || w == "until" || w == "pending" || w == "after" || w == "since" || w == "following" {
			return true
		}
		if !determiners[w] && w != "permanent" && w != "final" && w != "lasting" && w != "comprehensive" {
			return false
		}
		p = at
	}
	return false
}

// segment returns the part of [s, e) around pos between commas,
// semicolons and colons: one item of a list.
func (d *docState) segment(s, e, pos int) (int, int) {
	cs := pos
	for cs > s && !strings.ContainsRune(",;:", rune(d.text[cs-1])) {
		cs--
	}
	ce := pos
	for ce < e && !strings.ContainsRune(",;:", rune(d.text[ce])) {
		ce++
	}
	return cs, ce
}

// issueEndingAt returns the issue named by the word right before pos.
func (d *docState) issueEndingAt(ss, pos, se int) *issueHit {
	c0, c1 := d.cuesIn(max(ss, pos-40), pos)
	if c1 == c0 {
		return nil
	}
	c := d.cues[c1-1]
	if strings.TrimSpace(d.text[c.end:pos]) != "" {
		return nil
	}
	hs := d.issuesIn(c.start, c.end, ss, se)
	if len(hs) == 0 {
		return nil
	}
	return &hs[0]
}

// isIssueHead reports whether cue n, right after pos with only spaces
// between, names an issue: then the cue before it is its modifier
// ("armistice talks", "energy truce", "humanitarian cease-fire").
func (d *docState) isIssueHead(pos int, n cue) bool {
	if pos > n.start || strings.TrimSpace(d.text[pos:n.start]) != "" {
		return false
	}
	if !n.has(kindIssue) {
		return false
	}
	// "detained separatist leaders": the issue word after is itself a
	// modifier of a noun that names no issue, so it is no head.
	w, _ := d.nextWordAt(n.end)
	return !isModifiedNoun(w)
}

// nextWordAt returns the lower-cased word starting at pos after spaces,
// and where it ends.
func (d *docState) nextWordAt(pos int) (string, int) {
	i := pos
	for i < len(d.text) && d.text[i] == ' ' {
		i++
	}
	j := i
	for j < len(d.text) && (d.text[j] >= 'a' && d.text[j] <= 'z' || d.text[j] >= 'A' && d.text[j] <= 'Z' || d.text[j] == '-') {
		j++
	}
	return strings.ToLower(d.text[i:j]), j
}

// actorNouns are the nouns an issue word can modify to describe a party or
// its people rather than an issue ("separatist leaders", "independence
// fighters").
var actorNouns = map[string]bool{
	"leader": true, "leaders": true, "group": true, "groups": true, "movement": true, "movements": true,
	"fighters": true, "forces": true, "commander": true, "commanders": true, "figures": true,
	"activists": true, "militants": true, "rebels": true, "authorities": true,
}

func isModifiedNoun(w string) bool { return actorNouns[w] }

// issueAllContexts checks every context the cue has for issue idx.
func (d *docState) issueAllContexts(c *cue, idx, ss, se int) bool {
	for _, r := range c.refs {
		if r.kind == kindIssue && r.idx == idx && !d.issueInContext(r, c.start, ss, se) {
			return false
		}
	}
	return true
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
		for from > ss && d.wordsBetween(from-1, pos) <= fc.window {
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

// thingBefore reports whether a noun phrase with a determiner, naming no
// party, is the subject right before pos in the clause: "the deal must",
// "the 1991 declaration must", not "must" alone or a pronoun.
func (d *docState) thingBefore(clause, pos int) bool {
	from := pos
	for from > clause && d.wordsBetween(from-1, pos) <= 6 && d.text[from-1] != ',' {
		from--
	}
	words := strings.Fields(d.lower(from, pos))
	for i, w := range words {
		if w == "the" || w == "any" || w == "a" || w == "an" || w == "this" || w == "such" {
			return i < len(words)-1
		}
	}
	// A bare issue noun opening the clause: "Sanctions relief must be
	// real", "Elections must be held".
	start := pos
	for start > from && d.wordsBetween(start-1, pos) <= 2 {
		start--
	}
	if w, _ := d.prevWord(start); start == from || w == "that" || w == "said" || w == "says" {
		if is := d.issuesIn(start, pos, start, pos); len(is) > 0 {
			return true
		}
	}
	return false
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
	c0, c1 := d.cuesIn(ss, d.sentEnd)
	for i := c0; i < c1; i++ {
		c := d.cues[i]
		if !c.has(kindHedge) {
			continue
		}
		if d.text[c.start:c.end] == "May" && c.start > ss {
			continue // the month
		}
		if c.end <= e || strings.HasSuffix(d.lower(c.start, c.end), "reports") {
			return model.Span{Start: c.start, End: c.end}
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
		if cw := d.lower(c.start, c.end); cw == "mediated by" || cw == "brokered by" || cw == "sponsored by" {
			// "The talks, mediated by Turkey and Qatar, …": the mediators'
			// role in the talks, not a plan of their own.
			at := c.start
			for at > ss && (d.text[at-1] == ' ' || d.text[at-1] == ',') {
				at--
			}
			if w, _ := d.prevWord(at); w == "talks" || w == "negotiations" || w == "dialogue" || w == "process" ||
				w == "meeting" || w == "round" {
				return nil
			}
		}
		// The agent follows "by": in the cue ("backed by") or after it
		// ("sent last week by").
		if by := strings.Index(d.lower(c.start, min(se, c.end+40))+" ", " by "); by >= 0 || strings.HasSuffix(d.lower(c.start, c.end), " by") {
			from := c.end
			if by >= 0 && c.start+by > c.end {
				from = c.start + by + 3
			}
			if ps := d.mentionsAfter(from, se, 4); len(ps) > 0 {
				return ps
			}
			if ps := d.anaphorAfter(from, se, src); ps != nil {
				return ps
			}
		}
		if a.act == model.ActDemand {
			return listActor // "…;Secondly, Ukraine is required to …"
		}
		return nil
	case GrammarCompound:
		// "U.S.-brokered talks", "Oman-mediated negotiations": the
		// mediator's role in the talks, not a plan of its own.
		if cw := d.lower(c.start, c.end); cw == "-brokered" || cw == "-mediated" || cw == "-sponsored" {
			if w, _ := d.nextWord(c.end); w == "talks" || w == "negotiations" || w == "dialogue" || w == "process" || w == "meeting" {
				return nil
			}
		}
		m0, m1 := d.mentionsIn(max(ss, c.start-60), c.start)
		if m1 > m0 && d.ments[m1-1].Span.End == c.start {
			return d.coordinated(m1-1, ss)
		}
		return nil
	case GrammarModal:
		if w, _ := d.nextWord(c.end); w == "not" || w == "never" {
			return nil // "should not have any concern"
		}
		subj := d.subjectIn(clause, c.start, a, src)
		if len(subj) == 0 {
			if listActor == nil && src != nil && src.party != "" && d.thingBefore(clause, c.start) {
				// "Hamas said the deal must include a ceasefire": a
				// requirement on a thing, set by the speaker.
				return []party{{name: src.party, span: src.span, how: actors.HowCoreference}}
			}
			return listActor
		}
		if d.wordsBetween(subj[len(subj)-1].span.End, c.start) > 2 {
			if src != nil && src.party != "" && d.thingBefore(subj[len(subj)-1].span.End, c.start) {
				// "Hamas said the deal must include a ceasefire": a
				// requirement on a thing, set by the speaker.
				return []party{{name: src.party, span: src.span, how: actors.HowCoreference}}
			}
			return nil // the subject is something else: "the nation should"
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
		// "Hamas's demand", "the Russian proposal", "the mediators' efforts".
		if ps := d.possessor(ss, c.start, src); ps != nil {
			return ps
		}
		if a.object {
			return nil
		}
		// "a proposal by Egypt", "demands from Hamas", "the refusal of Netanyahu".
		// "by" may come a few words on ("the demands also tweeted by X");
		// "from" and "of" must follow the noun directly.
		after := d.lower(c.end, min(se, c.end+30)) + " "
		for _, w := range []string{" by ", " from ", " of "} {
			if k := strings.Index(after, w); k >= 0 && (w == " by " || k == 0) {
				if w == " by " && passiveAux(after[:k+1]) {
					continue // "the proposal was accepted by Hamas": the agent of another verb
				}
				if ps := d.mentionsAfter(c.end+k, se, 3); len(ps) > 0 {
					return ps
				}
			}
		}
		// "the (phased ceasefire) proposal": the party whose proposal is in play.
		if d.definite(ss, c.start) {
			if name := d.lastActorOf(a.act); name != "" {
				return []party{{name: name, span: model.Span{Start: c.start, End: c.end}, how: actors.HowCoreference}}
			}
			return nil
		}
		// "X arrived with a new proposal", "X has made demands".
		if d.governedBySubject(ss, c.start) {
			return d.subject(clause, ss, c.start, a, src)
		}
		return nil
	}
	// A participle after a comma has the sentence's subject: "Hamas has
	// given approval …, dropping a key demand"; so has a verb after "and"
	// with no subject of its own: "the movement rejected X and wants Y".
	if first, _, _ := strings.Cut(d.lower(c.start, c.end), " "); strings.HasSuffix(first, "ing") && d.prevIsComma(c.start) && len(d.mainActor) > 0 {
		return d.mainActor
	}
	if d.afterAnd(c.start) && len(listActor) > 0 {
		return listActor
	}
	if ps := d.subject(clause, ss, c.start, a, src); len(ps) > 0 {
		return ps
	}
	// "The plan, unveiled by Biden, outlines …": the sentence's actor.
	return listActor
}

// passiveAux reports whether s holds a passive auxiliary ("was", "has
// been"): a "by" after it names the agent of that passive verb.
func passiveAux(s string) bool {
	for _, w := range []string{" was ", " were ", " is ", " are ", " been ", " be "} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// afterAnd reports whether the word before pos, past adverbs, is "and".
func (d *docState) afterAnd(pos int) bool {
	for range 3 {
		w, start := d.prevWord(pos)
		switch w {
		case "and":
			return true
		case "also", "then", "later", "still", "now", "further", "has", "have", "had", "is", "was", "will", "would":
			pos = start
			continue
		}
		return false
	}
	return false
}

// prevIsComma reports whether the text before pos ends in a comma.
func (d *docState) prevIsComma(pos int) bool {
	t := strings.TrimRight(d.text[:pos], " ")
	return strings.HasSuffix(t, ",")
}

// possessor returns the party right before a noun cue: a mention or an
// anaphor ending within two words of it ("Hamas's demand", "the Hamas
// counterproposal", "Russia's continued", "the mediators' efforts").
func (d *docState) possessor(ss, pos int, src *source) []party {
	from := pos
	for from > ss && d.wordsBetween(from-1, pos) <= 2 && d.text[from-1] != ',' {
		from--
	}
	// Not across a verb: "Russia rejects calls for …".
	a0, a1 := d.cuesIn(from, pos)
	for i := a0; i < a1; i++ {
		if d.cues[i].has(kindAct) {
			from = d.cues[i].end
		}
	}
	m0, m1 := d.mentionsIn(from, pos)
	best := -1
	if m1 > m0 {
		best = m1 - 1
	}
	c0, c1 := d.cuesIn(from, pos)
	for i := c1 - 1; i >= c0; i-- {
		c := d.cues[i]
		if best >= 0 && c.start < d.ments[best].Span.End {
			break
		}
		if c.has(kindAnaphor) || c.has(kindJoint) {
			w := d.lower(c.start, c.end)
			if w == "it" || w == "he" || w == "she" || w == "they" || w == "we" {
				continue
			}
			return d.anaphorParties(c, ss, src)
		}
	}
	if best >= 0 {
		return d.coordinated(best, ss)
	}
	return nil
}

// definite reports whether the noun at pos has a definite determiner
// within three words before it, with no party or act between.
func (d *docState) definite(ss, pos int) bool {
	p := pos
	for range 4 {
		w, start := d.prevWord(p)
		switch w {
		case "the", "this", "that", "these", "those":
			return true
		case "", "a", "an", "its", "their", "his", "her":
			return false
		}
		if start <= ss || d.mentionEndsAt(p) || 'A' <= d.text[start] && d.text[start] <= 'Z' {
			return false // a party or a proper name: "the Black Sea grain deal"
		}
		p = start
	}
	return false
}

// governedBySubject reports whether a noun at pos is the object of "with"
// or of a light verb ("has", "made", "presented"), so that the clause's
// subject holds it.
func (d *docState) governedBySubject(ss, pos int) bool {
	p := pos
	for range 4 {
		w, start := d.prevWord(p)
		switch w {
		case "with", "has", "have", "had", "made", "make", "makes", "presented", "submitted", "sent", "issued", "its", "their":
			return true
		case "":
			return false
		}
		if start <= ss {
			return false
		}
		p = start
	}
	return false
}

// lastActorOf returns the actor of the latest claim with the act.
func (d *docState) lastActorOf(act string) string {
	for k := len(d.claims) - 1; k >= 0; k-- {
		if d.claims[k].Act == act {
			return d.claims[k].Actor
		}
	}
	return ""
}

// anaphorAfter resolves an anaphor right after pos ("by the mediators").
func (d *docState) anaphorAfter(pos, se int, src *source) []party {
	c0, c1 := d.cuesIn(pos, se)
	for i := c0; i < c1 && d.wordsBetween(pos, d.cues[i].start) <= 3; i++ {
		if d.cues[i].has(kindAnaphor) || d.cues[i].has(kindJoint) {
			return d.anaphorParties(d.cues[i], pos, src)
		}
	}
	return nil
}

// subjectIn finds the subject within the clause only.
func (d *docState) subjectIn(clause, pos int, a *act, src *source) []party {
	ps, _ := d.subjectFrom(clause, clause, pos, a, src)
	return ps
}

// subjectFrom looks for the subject of the act cue at pos among the
// mentions from from on: the nearest mention that can act, coordinated
// within scope, unless a joint phrase or anaphor is nearer.
func (d *docState) subjectFrom(from, scope, pos int, a *act, src *source) ([]party, bool) {
	m0, m1 := d.mentionsIn(from, pos)
	best := -1
	for k := m1 - 1; k >= m0; k-- {
		if d.canAct(k, pos, a) {
			best = k
			break
		}
	}
	// A joint phrase or anaphor nearer than the mention wins.
	if ps, ok := d.nearAnaphor(from, pos, best, src); ok {
		return ps, true
	}
	if best >= 0 {
		return d.coordinated(best, scope), true
	}
	return nil, false
}

// clauseStart returns where the clause holding pos starts.
func (d *docState) clauseStart(ss, pos int) int {
	start := ss
	c0, c1 := d.cuesIn(ss, pos)
	for i := c0; i < c1; i++ {
		c := d.cues[i]
		if !c.has(kindBoundary) {
			continue
		}
		if w := d.lower(c.start, c.end); (w == ", which" || w == ", who") && strings.IndexByte(d.text[c.end:pos], ',') >= 0 {
			continue // a closed relative clause: "Qatar, which hosted the talks, proposed"
		}
		start = c.end
	}
	return start
}

// subject finds the actor before an act cue: the nearest party mention
// that can act (not a bare demonym before a non-agent noun, not the
// object of a preposition), else a joint phrase or an anaphor, first in
// the clause, then in the sentence.
func (d *docState) subject(clause, ss, pos int, a *act, src *source) []party {
	for _, from := range []int{clause, ss} {
		if ps, ok := d.subjectFrom(from, ss, pos, a, src); ok {
			return ps
		}
	}
	return nil
}

// canAct reports whether mention k can be the actor of an act cue at pos.
func (d *docState) canAct(k, pos int, a *act) bool {
	m := d.ments[k]
	pw, ps := d.prevWord(m.Span.Start)
	if pw == "the" || pw == "a" || pw == "an" || pw == "its" || pw == "their" {
		pw, ps = d.prevWord(ps) // "to the Ethiopian army"
	}
	if prepositions[pw] {
		// "the withdrawal of Israeli forces", "talks with Russia" — but
		// "the chairman of the Armenian parliament" speaks for it.
		head, _ := d.prevWord(ps)
		if !(pw == "of" || pw == "for") || !d.isAgentHead(head) {
			return false
		}
	}
	if m.How == actors.HowDemonym && strings.Contains(strings.TrimSpace(m.Text), " ") {
		// The gazetteer's "the Russian side", "Russian troops": the head
		// noun decides.
		t := strings.TrimSpace(m.Text)
		return d.isAgentHead(strings.ToLower(t[strings.LastIndexByte(t, ' ')+1:]))
	}
	if m.How == actors.HowDemonym {
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

// isAgentHead reports whether a word is an agent head noun.
func (d *docState) isAgentHead(w string) bool {
	return d.x.agentHeads[w]
}

// coordinated returns mention k and the mentions coordinated with it
// before it ("Qatari and Egyptian mediators", "Russia, Turkey and Egypt").
// A bare comma links mentions only in a list that has a conjunction.
func (d *docState) coordinated(k int, ss int) []party {
	ps := d.coordinatedAll(k, ss)
	if len(ps) < 2 {
		return ps
	}
	hasConj := false
	lo, hi := -1, -1
	for j := range d.ments {
		if d.ments[j].Span.Start >= ps[0].span.Start && d.ments[j].Span.End <= ps[len(ps)-1].span.End {
			if lo < 0 {
				lo = j
			}
			hi = j
		}
	}
	for j := lo; j >= 0 && j < hi; j++ {
		if d.ments[j].Span.End > d.ments[j+1].Span.Start {
			continue
		}
		gap := " " + strings.TrimSpace(d.lower(d.ments[j].Span.End, d.ments[j+1].Span.Start)) + " "
		if gap == " - " && d.ments[j+1].How == actors.HowDemonym {
			gap = " and "
		}
		if strings.Contains(gap, " and ") || strings.Contains(gap, " or ") || d.ments[j].Span == d.ments[j+1].Span {
			hasConj = true
		}
	}
	if hasConj || ps[0].span == ps[len(ps)-1].span || d.headline() {
		return ps
	}
	return []party{d.partyOf(k)}
}

// headline reports whether the sentence being read is a headline: it ends
// without a full stop, question or exclamation mark or closing quotation.
// Headlines coordinate with a bare comma ("Armenia, Azerbaijan agree on
// border section").
func (d *docState) headline() bool {
	e := d.sentEnd
	for e > d.curSS && isSpace(d.text[e-1]) {
		e--
	}
	if e <= d.curSS {
		return false
	}
	switch c := d.text[e-1]; {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return false
}

func (d *docState) coordinatedAll(k int, ss int) []party {
	ps := []party{d.partyOf(k)}
	for j := k - 1; j >= 0 && d.ments[j].Span.Start >= ss; j-- {
		if d.ments[j].Span == d.ments[j+1].Span {
			// One phrase naming several parties ("the two sides").
			ps = append([]party{d.partyOf(j)}, ps...)
			continue
		}
		if d.ments[j].Span.End > d.ments[j+1].Span.Start {
			break
		}
		gap := d.coordGap(d.ments[j].Span.End, d.ments[j+1].Span.Start)
		if gap == "-" && d.ments[j+1].How == actors.HowDemonym {
			gap = "and" // "the U.S.-French plan": two adjectives of origin
		}
		if gap == "(" && d.ments[j].Party == d.ments[j+1].Party {
			gap = "," // "National Salvation Front (NAS)"
		}
		if gap != "and" && gap != "," && gap != ", and" && gap != "and the" && gap != ", the" && gap != ", and the" && gap != "or" && gap != "and an" && gap != "and a" {
			break
		}
		ps = append([]party{d.partyOf(j)}, ps...)
	}
	// Also forward: "the United States and Israel" after "by".
	for j := k + 1; j < len(d.ments); j++ {
		if d.ments[j].Span == d.ments[j-1].Span {
			ps = append(ps, d.partyOf(j))
			continue
		}
		if d.ments[j-1].Span.End > d.ments[j].Span.Start {
			break
		}
		gap := d.coordGap(d.ments[j-1].Span.End, d.ments[j].Span.Start)
		if gap == "(" && d.ments[j-1].Party == d.ments[j].Party {
			gap = ","
		}
		if f := strings.Fields(gap); len(f) == 2 && f[1] == "and" && d.isAgentHead(f[0]) {
			gap = "and" // "the Ethiopian army and Tigrayan forces"
		}
		if gap != "and" && gap != "," && gap != "and the" && gap != "and an" && gap != "and a" {
			break
		}
		ps = append(ps, d.partyOf(j))
	}
	return uniqParties(ps)
}

// coordGap returns the lower-cased words between two mentions, without a
// leader's possessive name before the second ("Real SPLM and Thomas
// Cirillo's National Salvation Front": "and").
func (d *docState) coordGap(s, e int) string {
	raw := strings.TrimSpace(d.text[s:e])
	if m := appositionGap.FindStringSubmatch(raw); m != nil {
		return ", and" + m[1] // "The President of Renamo, Ossufo Momade, and the Head of State"
	}
	if strings.HasSuffix(raw, "'s") || strings.HasSuffix(raw, "’s") {
		f := strings.Fields(raw)
		k := len(f)
		for k > 1 && k > len(f)-4 {
			r, _ := utf8.DecodeRuneInString(f[k-1])
			if !unicode.IsUpper(r) {
				break
			}
			k--
		}
		if k < len(f) && k >= 1 {
			if w := strings.ToLower(strings.Join(f[:k], " ")); w == "and" || w == "," || w == ", and" {
				return w
			}
		}
	}
	return strings.TrimSpace(d.lower(s, e))
}

// appositionGap is a name in apposition between two coordinated
// mentions: ", Ossufo Momade, and".
var appositionGap = regexp.MustCompile(`^, (?:\p{Lu}[\p{L}'\x{2019}.-]* ){0,3}\p{Lu}[\p{L}'\x{2019}.-]*, and( the)?$`)

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
// group", "he", "the mediators") between from and pos that is nearer than
// mention best. ok is false when there is none.
func (d *docState) nearAnaphor(from, pos, best int, src *source) ([]party, bool) {
	c0, c1 := d.cuesIn(from, pos)
	for i := c1 - 1; i >= c0; i-- {
		c := d.cues[i]
		if best >= 0 && c.start < d.ments[best].Span.End {
			return nil, false
		}
		if c.has(kindJoint) || c.has(kindAnaphor) {
			if w := d.lower(c.start, c.end); w == "its" {
				continue
			} else if pw, _ := d.prevWord(c.start); pw == "for" && w == "their" {
				continue // "The rebels, for their part, want …"
			}
			if best >= 0 && d.inApposition(d.ments[best].Span.End, c, pos) {
				continue // "the MNDAA, a member of the alliance, refused"
			}
			return d.anaphorParties(c, d.curSS, src), true
		}
	}
	return nil, false
}

// inApposition reports whether cue c sits in an apposition to the mention
// ending at mend, closed by a comma before pos: "the MNDAA, a member of
// the alliance, refused" (the anaphor describes the mention).
func (d *docState) inApposition(mend int, c cue, pos int) bool {
	if mend > c.start || c.end > pos {
		return false
	}
	gap := strings.TrimLeft(d.text[mend:c.start], ") ")
	if !strings.HasPrefix(gap, ",") || strings.Count(gap, ",") != 1 {
		return false
	}
	rest := d.text[c.end:pos]
	return strings.Count(rest, ",") == 1 && strings.HasSuffix(strings.TrimSpace(rest), ",")
}

// headMatch returns the party of the latest mention before pos whose text
// or canonical name holds the word head ("Three Brotherhood Alliance" for
// "the alliance", "Sudan's army" for "the army"), or "".
func (d *docState) headMatch(head string, pos int) string {
	_, m1 := d.mentionsIn(0, pos)
	for k := m1 - 1; k >= 0; k-- {
		m := d.ments[k]
		if m.How == actors.HowPerson {
			continue
		}
		if lastWord(m.Text) == head || lastWord(m.Party) == head {
			if (head == "army" || head == "military") && properHead(m.Text) {
				continue // "the army" is a state's army, not the "… Alliance Army"
			}
			return m.Party
		}
	}
	return ""
}

// properHead reports whether a name ends in a capitalised word, as a
// proper name does ("Arakan Army"), unlike a description ("Sudan's army").
func properHead(s string) bool {
	s = strings.TrimSpace(s)
	w := s[strings.LastIndexByte(s, ' ')+1:]
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

// lastWord returns the last word of a name, lower-cased: its head.
func lastWord(s string) string {
	s = strings.TrimSpace(s)
	return strings.ToLower(s[strings.LastIndexByte(s, ' ')+1:])
}

// anaphorParties resolves a joint phrase or an anaphor cue.
func (d *docState) anaphorParties(c cue, ss int, src *source) []party {
	span := model.Span{Start: c.start, End: c.end}
	var names []string
	w := d.lower(c.start, c.end)
	switch {
	case c.has(kindJoint):
		// The two parties that have taken positions so far, else the
		// two most in play, that are not mediating.
		names = d.claimants()
		if len(names) != 2 {
			names = nil
		}
		for _, p := range d.topParties(8) {
			if len(names) < 2 && !slices.Contains(d.mediators, p) && d.venueCount[p] < d.partyCount[p] {
				names = append(names, p)
			}
		}
	case c.has(kindMediation) || strings.Contains(w, "mediat") || strings.Contains(w, "facilitat") || strings.Contains(w, "broker") || strings.Contains(w, "sponsor"):
		names = d.mediators
	case pluralGroups[w] && len(d.lastGroups) > 1:
		// "The groups also demand …": the groups that last acted together.
		names = d.lastGroups
	default:
		if name := d.resolveAnaphor(w, c.start, ss, src); name != "" {
			names = []string{name}
		}
	}
	var ps []party
	for _, n := range names {
		ps = append(ps, party{name: n, span: span, how: actors.HowCoreference})
	}
	return ps
}

// objectFollows reports whether a noun phrase follows pos: a determiner
// opens it ("insisted on a written commitment").
func (d *docState) objectFollows(pos int) bool {
	w, _ := d.nextWord(pos)
	switch w {
	case "a", "an", "the", "any", "its", "their", "his", "her", "some", "all", "new", "full", "written":
		return true
	}
	return false
}

// claimants returns the parties, not mediating, that hold the claims
// read so far, in order of their first claim.
func (d *docState) claimants() []string {
	var out []string
	for _, c := range d.claims {
		if !slices.Contains(out, c.Actor) && !slices.Contains(d.mediators, c.Actor) && c.Act != model.ActPropose {
			out = append(out, c.Actor)
		}
	}
	return out
}

// pluralGroups are the anaphors that name several groups at once.
var pluralGroups = map[string]bool{
	"the groups": true, "both groups": true, "the two groups": true, "the movements": true,
	"the opposition groups": true, "the rebel groups": true, "the armed groups": true,
}

// resolveAnaphor names the party an anaphor at pos refers to.
func (d *docState) resolveAnaphor(w string, pos, ss int, src *source) string {
	switch {
	case w == "he" || w == "she" || strings.HasPrefix(w, "his ") || strings.HasPrefix(w, "her "):
		// A person named earlier in the same sentence comes first:
		// "Burhan has ruled out talks, and he has demanded …".
		m0, m1 := d.mentionsIn(ss, pos)
		for k := m1 - 1; k >= m0; k-- {
			if d.ments[k].How == actors.HowPerson {
				return d.ments[k].Party
			}
		}
		return d.lastPerson
	case strings.Contains(w, "government") || w == "the prime minister" || w == "the president" || w == "the regime" || w == "the administration" ||
		w == "the state":
		// The state most in play in the document, not a mediator.
		for _, p := range d.topParties(6) {
			if d.isState(p) && !slices.Contains(d.mediators, p) {
				return p
			}
		}
		return d.lastSubject
	case w == "we":
		if src != nil && src.party != "" {
			return src.party
		}
		return d.lastSubject
	case strings.Contains(w, "group") || strings.Contains(w, "movement") || strings.Contains(w, "militia") ||
		strings.Contains(w, "rebels") || strings.Contains(w, "insurgents") || strings.Contains(w, "faction") ||
		w == "the opposition" || w == "the front":
		m0, m1 := d.mentionsIn(ss, pos)
		for k := m1 - 1; k >= m0; k-- {
			if pw, _ := d.prevWord(d.ments[k].Span.Start); prepositions[pw] {
				continue // "the regional government in Mekelle"
			}
			if d.isGroup(d.ments[k].Party) {
				return d.ments[k].Party
			}
		}
		return d.lastGroup
	case strings.HasSuffix(w, "alliance") || strings.HasSuffix(w, "coalition") || strings.HasSuffix(w, "bloc") ||
		strings.HasSuffix(w, "army") || strings.HasSuffix(w, "military") || strings.HasSuffix(w, "junta"):
		// A definite description names a party by its head noun: "the
		// alliance" is the party last named with "Alliance" in its name,
		// "the army" the party last named as an army.
		head := w[strings.LastIndexByte(w, ' ')+1:]
		if p := d.headMatch(head, pos); p != "" {
			return p
		}
		if head == "junta" || head == "military" || head == "army" {
			for _, p := range d.topParties(6) {
				if d.isState(p) && !slices.Contains(d.mediators, p) {
					return p
				}
			}
		}
		return d.lastGroup
	case w == "it" || w == "they" || w == "its" || w == "their":
		// After a reporting verb, its subject: "the movement said it would".
		if _, vs := d.prevWord(pos); vs > ss && d.attrVerbEndsAt(pos) {
			if w, _ := d.prevWord(vs); w == "and" && len(d.mainActor) == 1 {
				// "Pakistan welcomed the US offer and said it was ready":
				// the subject of the first verb says it too.
				return d.mainActor[0].name
			}
			c0, c1 := d.cuesIn(ss, vs)
			m0, m1 := d.mentionsIn(ss, vs)
			for i := c1 - 1; i >= c0; i-- {
				c := d.cues[i]
				if c.has(kindAnaphor) && (m1 == m0 || d.ments[m1-1].Span.End <= c.start) {
					if lw := d.lower(c.start, c.end); lw != "it" && lw != "they" && lw != "its" {
						return d.resolveAnaphor(lw, c.start, ss, src)
					}
				}
			}
			if m1 > m0 && d.ments[m1-1].How != actors.HowDemonym {
				return d.ments[m1-1].Party
			}
		}
		// The latest party named earlier in the sentence that can act
		// ("Egypt, which has said it rejects …"; not "led by the African
		// Union"), else the party last in play.
		m0, m1 := d.mentionsIn(ss, pos)
		for k := m1 - 1; k >= m0; k-- {
			m := d.ments[k]
			if pw, _ := d.prevWord(m.Span.Start); prepositions[pw] {
				continue
			}
			if m.How != actors.HowPerson && m.How != actors.HowDemonym {
				return m.Party
			}
		}
	}
	return d.lastSubject
}

// attrVerbEndsAt reports whether a reporting verb ends right before pos.
func (d *docState) attrVerbEndsAt(pos int) bool {
	i := pos
	for i > 0 && d.text[i-1] == ' ' {
		i--
	}
	c0, c1 := d.cuesIn(max(0, i-30), i)
	return c1 > c0 && d.cues[c1-1].end == i && d.cues[c1-1].has(kindAttrVerb)
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
	if a.act != model.ActReject && a.act != model.ActAccept && a.act != model.ActConcede {
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
		// "…, a demand Kinshasa has rejected": the reference comes first.
		b0, _ := d.cuesIn(max(d.curSS, c.start-60), c.start)
		for i := c0 - 1; i >= b0; i-- {
			if d.cues[i].has(kindReference) && d.wordsBetween(d.cues[i].end, c.start) <= 4 {
				ref = i
				break
			}
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
	m0, m1 := d.mentionsIn(min(c.end, rc.start), rc.end)
	if rc.end <= c.start {
		m0, m1 = 0, 0 // the mention between is the subject, not the owner
	}
	if m1 > m0 {
		owner = d.ments[m0].Party
	}
	// A concession softens the actor's own demand ("softened their
	// demand"); a rejection or an acceptance answers another party's.
	own := a.act == model.ActConcede
	if own {
		want = model.ActDemand
	}
	var out []issueHit
	lastSent := -1
	for k := len(d.claims) - 1; k >= 0; k-- {
		cl := d.claims[k]
		if cl.Act != want || slices.ContainsFunc(ps, func(p party) bool { return p.name == cl.Actor }) != own {
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
func (d *docState) add(si int, p party, a *act, actName string, c cue, is issueHit, src *source, hedge model.Span, precond bool) {
	if actName != model.ActDemand {
		precond = precond && a.precond
	}
	key := claimKey{p.name, actName, is.issue}
	if d.seen[key] {
		return
	}
	d.seen[key] = true
	sn := d.sents[si]
	cl := model.Claim{
		Doc:          d.doc.ID,
		Sentence:     d.text[sn.start:sn.end],
		Actor:        p.name,
		Act:          actName,
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
	if actName == model.ActPropose {
		d.planActor, d.planSent = p.name, si
	}
}

// position summarises what the act is about: the words of its scope, at
// most twelve, or the issue cue. It is a substring of the text.
func (d *docState) position(s, e int, is issueHit) string {
	words, i := 0, s
	for i < e && words < 12 {
		for i < e && isSpace(d.text[i]) {
			i++
		}
		if i < e {
			words++
		}
		for i < e && !isSpace(d.text[i]) {
			i++
		}
	}
	out := strings.Trim(strings.TrimSpace(d.text[s:i]), " ,;:.\"'")
	if out == "" {
		return d.text[is.start:is.end]
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

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
		if d.isGroup(m.Party) {
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
