package actors

import (
	"strings"
	"time"
)

// The state a report is about. "The government", "the army", "the prime
// minister" and "federal forces" name the state the report is about, which
// is not always the state named last: a report on Ethiopia–TPLF talks names
// Kenya as a mediator, Nairobi as a venue, Eritrea as a neighbour. Each
// mention of a state weighs for it by how it names the state (a government
// or an office-holder more than a bare name or demonym), in a headline
// more, the first state named a little more; a group weighs a little for
// the state it is based in. Mentions as a venue ("in Nairobi", "the
// Pretoria agreement") or a mediator ("Kenya's president, who mediates")
// weigh nothing, and a state named only so is never the report's state.

// stateTally accumulates the weight of each state in a document.
type stateTally struct {
	parties []int
	scores  []float64
	first   []int  // order of first weighing mention
	real    []bool // named at least once other than as venue or mediator
	text    []string
}

func (t *stateTally) slot(p int) int {
	for k, q := range t.parties {
		if q == p {
			return k
		}
	}
	t.parties = append(t.parties, p)
	t.scores = append(t.scores, 0)
	t.first = append(t.first, len(t.parties))
	t.real = append(t.real, false)
	t.text = append(t.text, "")
	return len(t.parties) - 1
}

// add weighs w for party p; real is false for venues and mediators and for
// the weight a group lends its base.
func (t *stateTally) add(p int, w float64, real bool, text string) {
	k := t.slot(p)
	t.scores[k] += w
	if real {
		t.real[k] = true
		t.text[k] = text
	} else if t.text[k] == "" {
		t.text[k] = text
	}
}

func (t *stateTally) merge(o *stateTally) {
	for k, p := range o.parties {
		j := t.slot(p)
		t.scores[j] += o.scores[k]
		t.real[j] = t.real[j] || o.real[k]
		if t.text[j] == "" {
			t.text[j] = o.text[k]
		}
	}
}

// best returns the state with the highest weight, keeping to ok and, with
// onlyReal, to those named other than as venue, mediator or in passing;
// ties go to the one named first.
func (t *stateTally) best(ok func(int) bool, onlyReal bool) (int, string, bool) {
	b := -1
	for k, p := range t.parties {
		if (onlyReal && !t.real[k]) || t.scores[k] <= 0 || !ok(p) {
			continue
		}
		if b < 0 || t.scores[k] > t.scores[b] || (t.scores[k] == t.scores[b] && t.first[k] < t.first[b]) {
			b = k
		}
	}
	if b < 0 {
		return -1, "", false
	}
	return t.parties[b], t.text[b], true
}

// stateWeight returns the state a candidate weighs for, its weight and
// whether it names the state other than as a venue or mediator.
func (g *Gazetteer) stateWeight(text string, cands []cand, i int, date time.Time, lines *lineCache) (state int, w float64, real bool) {
	c := cands[i]
	if c.kind != tParty && c.kind != tPerson || c.party < 0 || c.groupBase {
		return -1, 0, false
	}
	p := g.e.parties[c.party]
	state = c.party
	lend := false
	switch p.Kind {
	case KindState, KindEntity:
	case KindGroup:
		// A de-facto government weighs for its state; another group lends
		// a little weight to the state it is based in.
		b, ok := g.e.partyIndex[foldString(p.Base)]
		if p.Base == "" || !ok {
			return -1, 0, false
		}
		state = b
		if gov, isGov := g.governmentOf(b, date); !isGov || gov != c.party {
			lend = true
		}
	default:
		return -1, 0, false
	}
	if c.mediator || g.aside(text, cands, i) {
		return state, 0, false
	}
	if lend {
		return state, 0.5, false
	}
	w = 1
	switch {
	case c.how == HowPerson || c.how == HowTitle || governmentRoles[c.role]:
		w = 3
	case c.role != "":
		w = 2
	case c.how == HowDemonym:
		// "the Sudanese border", "Palestinian prisoners": the state is
		// named, not in play.
		return state, 0.5, false
	}
	if lines.headline(text, c.start) {
		w *= 2
	}
	return state, w, true
}

// aside reports whether a mention names its party as a venue ("in
// Nairobi", "in Djibouti or Nairobi", "the Pretoria agreement") or a
// mediator ("Kenya's president, who mediates", "Kenyatta to lead any
// mediation").
func (g *Gazetteer) aside(text string, cands []cand, i int) bool {
	c := cands[i]
	if c.how == HowMetonym || c.how == HowName || c.how == HowAlias {
		if afterLocative(text, c.start) {
			return true
		}
		if i > 0 && cands[i-1].kind == tParty && cands[i-1].end <= c.start && afterLocative(text, cands[i-1].start) {
			switch strings.ToLower(strings.TrimSpace(text[cands[i-1].end:c.start])) {
			case "or", "and", ",", ", or", ", and":
				return true
			}
		}
	}
	if c.how == HowMetonym && c.role == "" {
		switch strings.ToLower(nextWord(text, c.end)) {
		case "agreement", "agreements", "accord", "accords", "deal", "talks", "process", "peace",
			"ceasefire", "declaration", "summit", "format", "framework", "protocol", "communique",
			"communiqué", "negotiations", "round", "conference", "platform", "meeting", "forum":
			return true
		}
	}
	return mediatesAfter(text, c.end, true)
}

// mediatesAfter reports whether the words right after a mention make it a
// mediator (or, with hosts, a host): ", who mediates", " to lead any
// mediation", " as mediator", ", which hosted the talks".
func mediatesAfter(text string, end int, hosts bool) bool {
	// quick test: a comma, or a space and who, which, to, as or acting
	if end+2 > len(text) {
		return false
	}
	if c := text[end]; c != ',' && (c != ' ' || (text[end+1]|0x20 != 'w' && text[end+1]|0x20 != 't' && text[end+1]|0x20 != 'a')) {
		return false
	}
	window := text[end:min(len(text), end+60)]
	if k := strings.IndexAny(window, ".;:\n("); k >= 0 {
		window = window[:k]
	}
	// words of the window; a comma is a word of its own
	n := 0
	for k := 0; k < len(window) && n < 6; {
		c := window[k]
		if c == ' ' {
			k++
			continue
		}
		if c == ',' {
			if n > 0 {
				return false
			}
			n++
			k++
			continue
		}
		e := k
		for e < len(window) && window[e] != ' ' && window[e] != ',' {
			e++
		}
		w := window[k:e]
		if n == 0 {
			if !strings.EqualFold(w, "who") && !strings.EqualFold(w, "which") && !strings.EqualFold(w, "to") &&
				!strings.EqualFold(w, "as") && !strings.EqualFold(w, "acting") {
				return false
			}
		}
		if startsWithFold(w, "mediat") || startsWithFold(w, "broker") || startsWithFold(w, "facilitat") || (hosts && startsWithFold(w, "host")) {
			return true
		}
		n++
		k = e
	}
	return false
}

// hasPrefixFold reports whether w starts with the lower-case ASCII prefix,
// ignoring ASCII case.
func startsWithFold(w, prefix string) bool {
	return len(w) >= len(prefix) && strings.EqualFold(w[:len(prefix)], prefix)
}

// stateWeights weighs every candidate for the state it names (state -1
// for none).
type candWeight struct {
	state int
	w     float64
	real  bool
}

func (g *Gazetteer) stateWeights(text string, cands []cand, date time.Time) []candWeight {
	out := make([]candWeight, len(cands))
	var lines lineCache
	for i := range cands {
		s, w, real := g.stateWeight(text, cands, i, date, &lines)
		out[i] = candWeight{s, w, real}
	}
	return out
}

// tallyStates sums candidate weights.
func tallyStates(text string, cands []cand, ws []candWeight) *stateTally {
	t := &stateTally{}
	for i, cw := range ws {
		if cw.state >= 0 {
			t.add(cw.state, cw.w, cw.real, text[cands[i].start:cands[i].end])
		}
	}
	return t
}

// reportState returns the state a generic phrase at candidate i names: the
// state with the most weight before it (with the title's), or in the whole
// document when none is named before it. federal prefers states with a
// federal government.
func reportState(sofar, whole *stateTally, isState, place, federal func(int) bool, wantFederal bool) (int, string, bool) {
	// A sovereign state named in earnest comes before a place with a
	// government of its own: "the government" in a report on Tigray that
	// names Ethiopia is Ethiopia's.
	sovereign := func(p int) bool { return isState(p) && !place(p) }
	for _, t := range []*stateTally{sofar, whole} {
		if wantFederal {
			if p, txt, ok := t.best(func(p int) bool { return sovereign(p) && federal(p) }, true); ok {
				return p, txt, true
			}
		}
		if p, txt, ok := t.best(sovereign, true); ok {
			return p, txt, true
		}
	}
	// Only states named other than as venue, mediator or in passing, so
	// far then in the whole text; else the states that groups in play are
	// based in.
	for k, t := range []*stateTally{sofar, whole, whole} {
		onlyReal := k < 2
		if wantFederal {
			if p, txt, ok := t.best(func(p int) bool { return isState(p) && federal(p) }, onlyReal); ok {
				return p, txt, true
			}
		}
		if p, txt, ok := t.best(isState, onlyReal); ok {
			return p, txt, true
		}
	}
	return -1, "", false
}

// lineCache remembers whether the last line asked about is a headline, for
// positions asked in text order.
type lineCache struct {
	start, end int // the line's span; end 0 = none yet
	is         bool
}

func (lc *lineCache) headline(text string, i int) bool {
	if lc.end > 0 && lc.start <= i && i < lc.end {
		return lc.is
	}
	lc.start = strings.LastIndexByte(text[:i], '\n') + 1
	if e := strings.IndexByte(text[i:], '\n'); e >= 0 {
		lc.end = i + e
	} else {
		lc.end = len(text)
	}
	if lc.end == i {
		lc.end = 0 // an empty line: do not cache
		return headline(text, i)
	}
	lc.is = headline(text, i)
	return lc.is
}
