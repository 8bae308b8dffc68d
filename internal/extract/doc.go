package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/internal/actors"
	"parley/internal/model"
)

// cue is one lexicon match in a document, as a source span.
type cue struct {
	start, end int
	refs       []cueRef
}

func (c *cue) has(k cueKind) bool {
	for _, r := range c.refs {
		if r.kind == k {
			return true
		}
	}
	return false
}

// docState is the working state of one extraction.
type docState struct {
	x     *Extractor
	doc   model.Document
	text  string
	f     folded
	ftext string // the folded text, as a string
	cues  []cue
	hits  []hit
	ments []actors.Mention
	sents []sentence

	partyCount map[string]int
	// venueCount counts, per party, the mentions dropped as venues ("in
	// Nairobi"); they are in partyCount too, as a hint of what the report
	// is about, but a party named only as a venue is not one of its sides.
	venueCount map[string]int
	claims     []model.Claim
	seen       map[claimKey]bool
	// claimSent[i] is the sentence index of claims[i].
	claimSent []int

	// Discourse state.
	lastPerson  string   // party of the last person or title mentioned
	lastSubject string   // party of the last sentence subject or claim actor
	lastGroup   string   // last non-state party mentioned
	lastGroups  []string // the groups that last acted together
	paraSource  *source
	paraIdx     int
	prevSource  *source
	// sentSource is the source of the sentence before, if it had one.
	sentSource *source
	// curSS and sentEnd delimit the sentence being read.
	curSS, sentEnd int
	// claimExplicit[i] tells whether claims[i] has a source named in its
	// own sentence.
	claimExplicit []bool
	// Quotations running over several sentences.
	inQuote, prevEndsColon bool
	quoteSrc               *source
	// quoteSaid is the source of the sentence before when it opened with
	// a quotation and named its speaker.
	quoteSaid *source
	// plan is the latest plan proposed: its actor, sentence and source.
	planActor string
	planSent  int
	// mainActor is the actor of the sentence's first verb act.
	mainActor []party
	// mediators are the parties the document names as mediators.
	mediators []string
	// kinds caches the kinds of parties outside the starter set.
	kinds map[string]string
}

type claimKey struct{ actor, act, issue string }

func (x *Extractor) newDoc(doc model.Document, b *buffers) *docState {
	d := &docState{x: x, doc: doc, text: doc.Text, seen: map[claimKey]bool{}, partyCount: map[string]int{}, venueCount: map[string]int{}, paraIdx: -1}
	d.f = b.f
	d.f.fold(doc.Text)
	d.ftext = string(d.f.text)
	d.hits = x.match.find(d.f.text, b.hits)
	hits := d.hits
	d.cues = b.cues[:0]
	for _, h := range hits {
		s, e := int(d.f.off[h.start]), int(d.f.off[h.end])
		refs := x.match.refs[h.pat]
		if s >= e {
			continue
		}
		// Outlets match only in their own capitalisation.
		if x.match.hasOutlet[h.pat] {
			keep := refs[:0:0]
			for _, r := range refs {
				if r.kind == kindOutlet && !outletMatches(d.text[s:e], r.exact) {
					continue
				}
				keep = append(keep, r)
			}
			if len(keep) == 0 {
				continue
			}
			refs = keep
		}
		d.cues = append(d.cues, cue{start: s, end: e, refs: refs})
	}
	if tr, ok := x.resolver.(TitledResolver); ok && doc.Title != "" {
		d.ments = tr.ResolveTitled(doc.Title, doc.Text, doc.Published)
	} else {
		d.ments = x.resolver.Resolve(doc.Text, doc.Published)
	}
	// Keep only mentions whose spans fit the text, in order.
	ms := d.ments[:0]
	for _, m := range d.ments {
		if m.Span.Start >= 0 && m.Span.End <= len(d.text) && m.Span.Start < m.Span.End {
			ms = append(ms, m)
		}
	}
	d.ments = ms
	d.governmentNames()
	d.undatedGovernments()
	d.dropResolverAnaphors()
	d.dropVenues()
	d.dropStateOpposition()
	sort.SliceStable(d.ments, func(i, j int) bool { return d.ments[i].Span.Start < d.ments[j].Span.Start })
	for _, m := range d.ments {
		d.partyCount[m.Party]++
	}
	d.dropCuesInNames()
	d.sents = splitSentences(x.seg, doc.Text, b.sents)
	d.findMediators()
	d.governmentNotMediator()
	return d
}

// governmentNotMediator reads a bare "the government" that the resolver
// took for a mediator's ("Whatever comes from Nairobi …. the government
// may be ready to …" in talks Kenya mediates) as the government of the
// state most in play that does not mediate.
func (d *docState) governmentNotMediator() {
	if len(d.mediators) == 0 {
		return
	}
	for i := range d.ments {
		m := &d.ments[i]
		if m.How != actors.HowCoreference || !slices.Contains(d.mediators, m.Party) {
			continue
		}
		if w := d.lower(m.Span.Start, m.Span.End); w != "the government" && w != "government" {
			continue
		}
		for _, p := range d.topParties(6) {
			if d.isState(p) && !slices.Contains(d.mediators, p) {
				m.Party = p
				break
			}
		}
	}
}

// governmentNames restores the parties whose names open with
// "Government of" ("the Government of National Unity"): a resolver that
// reads "the Government" as a reference to the state in play is
// corrected when the whole name is a party of its own.
func (d *docState) governmentNames() {
	lk, ok := d.x.resolver.(partyLookup)
	if !ok {
		return
	}
	for i := range d.ments {
		m := &d.ments[i]
		if !strings.HasSuffix(m.Text, "Government") || !strings.HasPrefix(d.text[m.Span.End:], " of ") {
			continue
		}
		// The capitalised words after "of" (and inner "of", "and").
		end := m.Span.End + len(" of ")
		last := -1
		for end < len(d.text) {
			w, ws := d.nextWord(end)
			if w == "" {
				break
			}
			we := ws + len(w)
			if r, _ := utf8.DecodeRuneInString(d.text[ws:]); unicode.IsUpper(r) {
				last = we
			} else if w != "of" && w != "and" && w != "the" {
				break
			}
			end = we
		}
		if last < 0 {
			continue
		}
		start := m.Span.End - len("Government")
		e, ok := lk.Lookup(d.text[start:last])
		if !ok || e.Party == nil || e.Party.Kind == actors.KindState {
			continue
		}
		m.Party, m.How, m.Via = e.Party.Name, actors.HowName, ""
		m.Span = model.Span{Start: start, End: last}
		m.Text = d.text[start:last]
	}
}

// undatedGovernments reads a report with no date that names a state's
// standing de-facto authority as its government ("Afghanistan's Taliban
// government", "the Taliban administration"): the state's mentions ("Kabul",
// "Afghanistan") are that authority's, as the resolver makes them for a
// dated report.
func (d *docState) undatedGovernments() {
	if !d.doc.Published.IsZero() || len(d.x.governments) == 0 {
		return
	}
	low := strings.ToLower(d.text)
	for state, gov := range d.x.governments {
		g := strings.ToLower(gov)
		named := false
		for _, head := range []string{" government", "-led government", " administration", " authorities", " rulers", " regime", "'s government"} {
			if strings.Contains(low, g+head) {
				named = true
				break
			}
		}
		if !named {
			continue
		}
		for i := range d.ments {
			if d.ments[i].Party == state {
				d.ments[i].Party = gov
			}
		}
	}
}

// standingGovernments maps each state to the de-facto authority that
// speaks as its government with no end date, where the resolver's data
// name one.
func standingGovernments(r Resolver) map[string]string {
	pl, ok := r.(interface{ Parties() []*actors.Party })
	if !ok {
		return nil
	}
	out := map[string]string{}
	for _, p := range pl.Parties() {
		for _, gv := range p.Governments {
			if gv.To == "" && gv.Party != "" {
				out[p.Name] = gv.Party
			}
		}
	}
	return out
}

// findMediators collects the parties named as mediators: the coordinated
// mentions right before a mediation word ("Qatari and Egyptian mediators",
// "Qatar and Egypt, acting as mediators", "the US, which has been
// brokering") and those in brackets right after one ("the facilitators
// (Saudi Arabia, the United States, …)").
func (d *docState) findMediators() {
	add := func(p string) {
		if !slices.Contains(d.mediators, p) {
			d.mediators = append(d.mediators, p)
		}
	}
	// The resolver's own reading: "the Kenyan-mediated initiative".
	for _, m := range d.ments {
		if m.Mediator {
			add(m.Party)
		}
	}
	for i := range d.cues {
		c := d.cues[i]
		if !c.has(kindMediation) {
			continue
		}
		m0, m1 := d.mentionsIn(max(0, c.start-80), c.end)
		for m1 > m0 && (d.ments[m1-1].Span.End > c.end || d.ments[m1-1].How == actors.HowCoreference) {
			m1--
		}
		if m1 > m0 {
			last := m1 - 1
			gapEnd := max(c.start, d.ments[last].Span.End)
			gap := strings.Fields(d.lower(d.ments[last].Span.End, gapEnd))
			ok := len(gap) <= 4 && !strings.ContainsAny(d.text[d.ments[last].Span.End:gapEnd], ".;:\n")
			if ok && len(gap) > 0 {
				w := gap[len(gap)-1]
				ok = w != "and" && w != "the" && w != "of" && w != "to" && w != "with"
			}
			if ok {
				for _, p := range d.coordinated(last, max(0, c.start-200)) {
					add(p.name)
				}
			}
		}
		// "(… , …)" right after.
		rest := d.text[c.end:min(len(d.text), c.end+60)]
		if k := strings.IndexByte(rest, '('); k >= 0 && d.wordsBetween(c.end, c.end+k) <= 4 {
			open := c.end + k
			close := strings.IndexByte(d.text[open:], ')')
			if close > 0 {
				b0, b1 := d.mentionsIn(open, open+close)
				for k := b0; k < b1; k++ {
					if d.ments[k].How == actors.HowCoreference {
						continue
					}
					add(d.ments[k].Party)
				}
			}
		}
	}
}

// dropResolverAnaphors drops the resolver's coreference mentions that
// coincide with the lexicon's anaphors and joint phrases ("the mediators",
// "the two sides", "the group"): the extractor resolves those itself, with
// what it knows of the document (its mediators, the actors of the
// sentence). The resolver's answers for the state's own institutions
// ("the government", "the authorities", "the army") are kept, since the
// resolver weighs the whole report (and its headline) to find the state
// it is about; the anaphor cues they cover are dropped so the extractor
// does not resolve them again.
func (d *docState) dropResolverAnaphors() {
	ms := d.ments[:0]
	var kept []model.Span
	for _, m := range d.ments {
		if m.How == actors.HowCoreference {
			c0, c1 := d.cuesIn(m.Span.Start, m.Span.End)
			own := false
			for i := c0; i < c1; i++ {
				c := d.cues[i]
				if (c.has(kindAnaphor) || c.has(kindJoint)) && c.end-c.start >= (m.Span.End-m.Span.Start)/2 {
					own = true
				}
			}
			if own && institutional(d.lower(m.Span.Start, m.Span.End)) {
				kept = append(kept, m.Span)
				own = false
			}
			if own {
				continue
			}
		}
		ms = append(ms, m)
	}
	d.ments = ms
	if len(kept) == 0 {
		return
	}
	cs := d.cues[:0]
	k := 0
	for _, c := range d.cues {
		for k < len(kept) && kept[k].End <= c.start {
			k++
		}
		if k < len(kept) && kept[k].Start <= c.start && c.end <= kept[k].End && (c.has(kindAnaphor) || c.has(kindJoint)) {
			continue
		}
		cs = append(cs, c)
	}
	d.cues = cs
}

// dropVenues drops the mentions that name where something happened, not
// who acts: a capital or seat after "in", "at" or "from" ("agreed in
// Nairobi", "signed in Pretoria", "talks in Doha", "returned from
// Moscow"), and the names coordinated with one ("in Djibouti or
// Nairobi"). A capital with a role noun or a possessive ("in Kyiv's
// view", "at Moscow's request") still speaks for its state.
func (d *docState) dropVenues() {
	ms := d.ments[:0]
	prevVenue := -1 // end of the last dropped venue
	for _, m := range d.ments {
		if d.isVenue(m, prevVenue) {
			prevVenue = m.Span.End
			d.venueCount[m.Party]++
			d.partyCount[m.Party]++
			continue
		}
		ms = append(ms, m)
	}
	d.ments = ms
}

// isVenue reports whether m names a place where something happened.
// prevVenue is the end of the venue mention before it, or -1.
func (d *docState) isVenue(m actors.Mention, prevVenue int) bool {
	if m.How != actors.HowMetonym || m.Role != "" || m.Mediator {
		return false
	}
	if e := m.Span.End; e+1 < len(d.text) && (d.text[e] == '\'' || strings.HasPrefix(d.text[e:], "’")) {
		return false
	}
	w, start := d.prevWord(m.Span.Start)
	if w == "the" {
		w, start = d.prevWord(start)
	}
	switch w {
	case "in", "at", "from":
		return true
	case "or", "and":
		return prevVenue >= 0 && d.wordsBetween(prevVenue, start) <= 1
	}
	return false
}

// kinder is a resolver that knows the kind of a party ("state", "group").
type kinder interface {
	Kind(party string) string
}

// dropStateOpposition drops a state's mention that only qualifies its
// opposition or rebels ("Venezuela's opposition", "the Syrian
// opposition", "Sudan's rebels"): they are not the state, whose
// government they oppose. A resolver that names the group ("Venezuelan
// opposition" as an alias of a group) gives a mention of another kind,
// which stays.
func (d *docState) dropStateOpposition() {
	kd, hasKind := d.x.resolver.(kinder)
	ms := d.ments[:0]
	for _, m := range d.ments {
		if d.qualifiesOpposition(m) {
			k := ""
			if hasKind {
				k = kd.Kind(m.Party)
			}
			if !hasKind || k == actors.KindState || k == actors.KindEntity {
				continue
			}
		}
		ms = append(ms, m)
	}
	d.ments = ms
}

// oppositionWords are nouns for those who oppose a state's government.
var oppositionWords = map[string]bool{
	"opposition": true, "rebels": true, "rebel": true, "insurgents": true, "separatists": true,
	"dissidents": true, "guerrillas": true,
}

// qualifiesOpposition reports whether m is a name or adjective right
// before an opposition noun, or was read with one as its role.
func (d *docState) qualifiesOpposition(m actors.Mention) bool {
	if m.How == actors.HowCoreference || m.How == actors.HowPerson || m.How == actors.HowTitle {
		return false
	}
	if oppositionWords[m.Role] {
		return true
	}
	e := m.Span.End
	switch {
	case strings.HasPrefix(d.text[e:], "'s "):
		e += 2
	case strings.HasPrefix(d.text[e:], "’s "):
		e += len("’s")
	}
	w, _ := d.nextWord(e)
	return oppositionWords[w]
}

// institutional reports whether a folded generic phrase names a single
// state's institutions ("the government", "the federal government",
// "government officials", "the authorities", "the army", "the military"),
// not two parties ("both governments") or a group.
func institutional(w string) bool {
	for _, f := range strings.Fields(w) {
		switch f {
		case "two", "both", "all", "sides", "parties":
			return false
		}
	}
	for _, f := range strings.Fields(w) {
		switch f {
		case "government", "authorities", "army", "military":
			return true
		}
	}
	return false
}

// dropCuesInNames removes the act, attribution, hedge, negation and
// clause cues that lie inside a party's name ("Rapid Support Forces",
// "United States"): they are words of the name, not cues.
func (d *docState) dropCuesInNames() {
	out := d.cues[:0]
	m := 0
	for _, c := range d.cues {
		for m < len(d.ments) && d.ments[m].Span.End <= c.start {
			m++
		}
		inside := false
		for k := m; k < len(d.ments) && d.ments[k].Span.Start <= c.start; k++ {
			if c.end <= d.ments[k].Span.End && d.ments[k].How != actors.HowCoreference {
				inside = true
				break
			}
		}
		if inside && (c.has(kindAct) || c.has(kindAttrVerb) || c.has(kindAttrBefore) || c.has(kindAttrRelay) ||
			c.has(kindHedge) || c.has(kindNegation) || c.has(kindIrrealis) || c.has(kindPrecondition) || c.has(kindBoundary)) {
			continue
		}
		out = append(out, c)
	}
	d.cues = out
}

// cuesIn returns the index range of cues inside [s, e).
func (d *docState) cuesIn(s, e int) (int, int) {
	i := sort.Search(len(d.cues), func(k int) bool { return d.cues[k].start >= s })
	j := i
	for j < len(d.cues) && d.cues[j].end <= e {
		j++
	}
	return i, j
}

// mentionsIn returns the index range of mentions inside [s, e).
func (d *docState) mentionsIn(s, e int) (int, int) {
	i := sort.Search(len(d.ments), func(k int) bool { return d.ments[k].Span.Start >= s })
	j := i
	for j < len(d.ments) && d.ments[j].Span.End <= e {
		j++
	}
	return i, j
}

// lower returns the folded text of the source range [s, e), without
// allocating.
func (d *docState) lower(s, e int) string {
	if s < 0 {
		s = 0
	}
	if e > len(d.text) {
		e = len(d.text)
	}
	if s >= e {
		return ""
	}
	return d.ftext[d.f.inv[s]:d.f.inv[e]]
}

// wordsBetween counts the words in [s, e).
func (d *docState) wordsBetween(s, e int) int {
	n := 0
	in := false
	for i := s; i < e && i < len(d.text); i++ {
		c := d.text[i]
		w := c != ' ' && c != '\n' && c != '\t' && c != ','
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// prevWord returns the folded word that ends just before pos (skipping
// spaces), and where it starts.
func (d *docState) prevWord(pos int) (string, int) {
	i := pos
	for i > 0 && (d.text[i-1] == ' ' || d.text[i-1] == '\t') {
		i--
	}
	j := i
	for j > 0 && isWordByte(lowerByte(d.text[j-1])) {
		j--
	}
	return d.lower(j, i), j
}

// nextWord returns the folded word that starts after pos (skipping spaces).
func (d *docState) nextWord(pos int) (string, int) {
	i := pos
	for i < len(d.text) && (d.text[i] == ' ' || d.text[i] == '\t') {
		i++
	}
	j := i
	for j < len(d.text) && isWordByte(lowerByte(d.text[j])) {
		j++
	}
	return d.lower(i, j), i
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isGroup reports whether a party can be "the group" or "the movement":
// an armed group or a party of unknown kind, not a state or an
// organisation (the ICRC is not "the rebels").
func (d *docState) isGroup(party string) bool {
	k := d.kindOf(party)
	return k != "state" && k != "organisation"
}

// isState reports whether a party is a state, as far as the starter set
// or the gazetteer knows; unknown parties count as non-states.
func (d *docState) isState(party string) bool {
	return d.kindOf(party) == "state"
}

// partyLookup is implemented by the actor gazetteer: it knows the kind of
// every party it resolves, not only of the starter set's.
type partyLookup interface {
	Lookup(name string) (actors.Entry, bool)
}

// kindOf returns a party's kind (state, organisation, armed_group), from
// the starter set, else from the resolver when it can look parties up
// (a state's organ, such as a junta's council, counts as its state), else
// "". Answers are kept for the document.
func (d *docState) kindOf(party string) string {
	if k, ok := starterKinds()[party]; ok {
		return k
	}
	if k, ok := d.kinds[party]; ok {
		return k
	}
	k := ""
	if lk, ok := d.x.resolver.(partyLookup); ok {
		if e, found := lk.Lookup(party); found && e.Party != nil {
			k = gazetteerKind(lk, e.Party)
		}
	}
	if d.kinds == nil {
		d.kinds = map[string]string{}
	}
	d.kinds[party] = k
	return k
}

func gazetteerKind(lk partyLookup, p *actors.Party) string {
	switch p.Kind {
	case actors.KindState, actors.KindEntity:
		return "state"
	case actors.KindOrganisation:
		return "organisation"
	case actors.KindGroup:
		return "armed_group"
	case actors.KindOrgan:
		if e, found := lk.Lookup(p.Parent); found && e.Party != nil && e.Party.Kind != actors.KindOrgan {
			return gazetteerKind(lk, e.Party)
		}
	}
	return ""
}

// outletMatches reports whether text is the outlet name exact in its own
// capitalisation; a leading article may differ ("the New York Times" for
// "The New York Times").
func outletMatches(text, exact string) bool {
	if text == exact {
		return true
	}
	strip := func(s string) string {
		if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
			return s[4:]
		}
		return s
	}
	return strip(text) == strip(exact)
}
