package actors

import (
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"parley/internal/model"
)

// cand is a mention being built.
type cand struct {
	start, end int // byte offsets into the original text
	kind       targetKind
	party      int // resolved party index (parents for organs); -1 unresolved
	entry      int // the party entry matched (organ itself) or person index
	how        string
	via        string
	role       string
	generic    int
	ambiguous  bool
	mediator   bool
	groupBase  bool // a state's demonym + a group noun: resolve to a group based there
	place      bool // a place's name: a party only with a role noun (see Party.Place)
	former     bool
	persons    []int // candidate people for a person mention
}

// Resolve returns the mentions of parties in text, in order of position,
// resolving people and titles as of date.
//
// A zero date means the date is unknown: people then resolve to the party
// of their latest role, and titles are not matched to office-holders.
// People who hold no role on a known date are recognised (their span is
// not taken by other names) but not reported: a former leader speaking
// later does not speak for the party ("Former US president Donald Trump"
// resolves to nothing). The one exception is a current title given with
// the party ("Ukrainian President Petro Poroshenko" in a report whose date
// is off), which the text makes clear.
func (g *Gazetteer) Resolve(text string, date time.Time) []Mention {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	cands := g.scan(text, sc)
	g.resolvePeople(text, cands, date)
	g.resolveAmbiguous(text, cands)
	cands = g.extend(text, cands, date)
	out := g.coreference(text, cands, date, nil)
	return out
}

// scratch holds the buffers of one resolution, reused across calls.
type scratch struct {
	f     folded
	toks  []span
	cands []cand
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// ResolveTitled is Resolve for a report with a headline kept apart from its
// text: the states the title names weigh in deciding which state the
// report is about ("the government", "the army", "the prime minister").
// Spans are offsets into text; the title's own mentions are not returned.
func (g *Gazetteer) ResolveTitled(title, text string, date time.Time) []Mention {
	var prior *stateTally
	if strings.TrimSpace(title) != "" {
		sc := scratchPool.Get().(*scratch)
		tc := slices.Clone(g.scan(title, sc))
		scratchPool.Put(sc)
		g.resolvePeople(title, tc, date)
		g.resolveAmbiguous(title, tc)
		tc = g.extend(title, tc, date)
		prior = tallyStates(title, tc, g.stateWeights(title, tc, date))
		for k := range prior.scores {
			prior.scores[k] *= 4 // a state in the headline is what the report is about
		}
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	cands := g.scan(text, sc)
	g.resolvePeople(text, cands, date)
	g.resolveAmbiguous(text, cands)
	cands = g.extend(text, cands, date)
	return g.coreference(text, cands, date, prior)
}

// scan finds every name in one pass, leftmost-longest on whole tokens,
// keeping the first (longest) candidate at a position that fits the text's
// case.
func (g *Gazetteer) scan(text string, sc *scratch) []cand {
	foldInto(text, &sc.f)
	f := &sc.f
	out := sc.cands[:0]
	sc.toks = g.m.find(f.b, sc.toks, func(id, fs, fe int) bool {
		s, e := int(f.orig[fs]), int(f.orig[fe])
		if s == e {
			return false
		}
		c, ok := g.candFor(text, s, e, g.pats[id])
		if ok {
			out = append(out, c)
		}
		return ok
	})
	sc.cands = out
	return out
}

// candFor picks the targets of a match that fit the text's case and builds
// a candidate.
func (g *Gazetteer) candFor(text string, s, e int, ts []target) (cand, bool) {
	orig := text[s:e]
	c := cand{start: s, end: e, party: -1, entry: -1}
	party := -1 // index in ts of the first party target that fits
	people := 0
	for k, t := range ts {
		if !caseOK(t, orig) {
			continue
		}
		switch t.kind {
		case tStop:
			c.kind = tStop
			return c, true
		case tGeneric:
			if t.headline && !atLineStart(text, s) {
				continue
			}
			c.kind, c.generic = tGeneric, t.idx
			return c, true
		case tParty:
			if party < 0 {
				party = k
			}
		case tPerson:
			people++
		}
	}
	if party >= 0 {
		t := ts[party]
		if hasPrefixFold(text[:s], "pro-") || hasPrefixFold(text[:s], "anti-") {
			return c, false
		}
		c.kind, c.entry, c.party, c.how, c.ambiguous, c.place = tParty, t.idx, g.partyOf(t.idx), t.how, t.ambiguous, t.place
		if t.how == HowMetonym {
			c.via = g.e.parties[t.idx].Name
			if g.e.parties[t.idx].Kind != KindOrgan {
				c.via = t.form
			}
		}
		if c.ambiguous {
			c.party = -1
		}
		return c, true
	}
	if people > 0 {
		c.kind, c.how = tPerson, HowPerson
		c.persons = make([]int, 0, people)
		for _, t := range ts {
			if t.kind == tPerson && caseOK(t, orig) {
				c.persons = append(c.persons, t.idx)
			}
		}
		return c, true
	}
	return c, false
}

// hasPrefixFold reports whether before ends with suffix, ASCII
// case-insensitively, at a word start.
func hasPrefixFold(before, suffix string) bool {
	if len(before) < len(suffix) || !strings.EqualFold(before[len(before)-len(suffix):], suffix) {
		return false
	}
	rest := before[:len(before)-len(suffix)]
	r, _ := utf8.DecodeLastRuneInString(rest)
	return rest == "" || !isWordRune(r)
}

// acronymCaseOK accepts an acronym written in capitals ("NATO", "US") or,
// from four letters on, as a word with one capital ("Nato", "Ecowas",
// "Asean"), as some house styles write it; "Us" and "us" stay words.
func acronymCaseOK(orig string) bool {
	lower, n := 0, 0
	first := true
	for _, r := range orig {
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if unicode.IsLower(r) {
			if first {
				return false
			}
			lower++
		}
		first = false
	}
	return lower == 0 || (n >= 4 && lower == n-1)
}

// caseOK applies a target's case rule to the matched original text.
func caseOK(t target, orig string) bool {
	if t.acronym {
		return acronymCaseOK(orig)
	}
	if len(t.upper) == 0 {
		return true
	}
	k, u := 0, 0
	for _, r := range orig {
		for u < len(t.upper) && t.upper[u] < k {
			u++
		}
		if u < len(t.upper) && t.upper[u] == k && !unicode.IsUpper(r) && !unicode.IsTitle(r) {
			return false
		}
		if r < utf8.RuneSelf {
			k++
		} else {
			k += utf8.RuneCountInString(foldRune(r))
		}
	}
	return true
}

// resolvePeople gives each person mention a party as of date. A name shared
// by several people goes to the one in office on date; if several are, to
// the one named in full earlier in the text; otherwise it stays unresolved.
func (g *Gazetteer) resolvePeople(text string, cands []cand, date time.Time) {
	named := map[int]bool{} // people named unambiguously so far
	for i := range cands {
		c := &cands[i]
		if c.kind != tPerson {
			continue
		}
		var active []int
		for _, pi := range c.persons {
			if _, _, ok := g.personParty(pi, date); ok {
				active = append(active, pi)
			}
		}
		pick := -1
		switch {
		case len(c.persons) == 1:
			pick = c.persons[0]
		case len(active) == 1:
			pick = active[0]
		default:
			pool := active
			if len(pool) == 0 {
				pool = c.persons
			}
			for _, pi := range pool {
				if named[pi] {
					pick = pi
					break
				}
			}
			if pick < 0 && len(pool) > 0 {
				// All candidates speak for the same party: no ambiguity.
				same := true
				p0, _, _ := g.personParty(pool[0], date)
				for _, pi := range pool[1:] {
					if p, _, _ := g.personParty(pi, date); p != p0 {
						same = false
					}
				}
				if same && p0 >= 0 {
					pick = pool[0]
				}
			}
		}
		if pick < 0 {
			continue
		}
		if len(c.persons) == 1 {
			named[pick] = true
		}
		c.entry = pick
		c.via = g.e.people[pick].Name
		if p, _, ok := g.personParty(pick, date); ok {
			c.party = p
		}
	}
}

// resolveAmbiguous accepts an ambiguous name ("Georgia", "Jordan", "Chad",
// "Niger") when it is not part of a longer capitalised name ("Jordan
// Bardella", "Lake Chad", "Niger Delta"), does not follow "the" ("the
// Jordan"), and the party is supported: named unambiguously elsewhere in
// the text (a demonym, capital or office-holder) or followed by a role
// ("Jordan's foreign minister").
func (g *Gazetteer) resolveAmbiguous(text string, cands []cand) {
	supported := map[int]bool{}
	for _, c := range cands {
		if c.kind != tGeneric && !c.ambiguous && c.party >= 0 {
			supported[c.party] = true
		}
	}
	for i := range cands {
		c := &cands[i]
		if !c.ambiguous {
			continue
		}
		party := g.partyOf(c.entry)
		if precededByThe(text, c.start) {
			continue
		}
		if !headline(text, c.start) {
			if w := nextWord(text, c.end); w != "" && startsUpper(w) && !isRoleStart(w) {
				continue
			}
			if w, sentenceStart := prevWord(text, c.start); w != "" && startsUpper(w) && !sentenceStart && !isRoleStart(w) {
				continue
			}
		}
		_, _, hasRole := matchRole(text, skipPossessive(text, c.end))
		if supported[party] || hasRole {
			c.party = party
		}
	}
}

// precededByThe reports whether the word before position i is "the".
func precededByThe(text string, i int) bool {
	w, _ := prevWord(text, i)
	return strings.EqualFold(w, "the")
}

// nextWord returns the word after position i if only spaces separate it.
func nextWord(text string, i int) string {
	j := i
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j == i || j-i > 2 {
		return ""
	}
	k := j
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if !isWordRune(r) && r != '-' && r != '\'' {
			break
		}
		k += n
	}
	return text[j:k]
}

// prevWord returns the word before position i if only spaces separate it,
// and whether that word starts a sentence.
func prevWord(text string, i int) (string, bool) {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j == i || i-j > 2 {
		return "", false
	}
	k := j
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:k])
		if !isWordRune(r) && r != '-' {
			break
		}
		k -= n
	}
	if k == j {
		return "", false
	}
	// sentence start: nothing but spaces and opening quotes before, after
	// sentence punctuation or a line break.
	m := k
	for m > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:m])
		if r == ' ' || r == '"' || r == '“' || r == '\'' || r == '‘' || r == '(' {
			m -= n
			continue
		}
		break
	}
	start := m == 0
	if m > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:m])
		start = r == '.' || r == '!' || r == '?' || r == '\n' || r == ':' || r == ';' || r == '—' || r == '–'
	}
	return text[k:j], start
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isRoleStart reports whether a capitalised word can begin a role phrase
// ("Jordan Foreign Minister", "Niger Junta") or is a function word.
func isRoleStart(w string) bool {
	k := foldString(w)
	if _, ok := roles[k]; ok {
		return true
	}
	if modifiers[k] {
		return true
	}
	for r := range roles {
		if strings.HasPrefix(r, k+" ") {
			return true
		}
	}
	switch k {
	case "and", "or", "but", "in", "on", "at", "to", "from", "with", "as", "by", "for", "of", "says", "said", "says,", "urges", "rejects", "accepts", "demands", "offers", "agrees":
		return true
	}
	return false
}

// headline reports whether the line around position i is in title case
// (most words capitalised), where capitalised neighbours mean nothing.
func headline(text string, i int) bool {
	s := strings.LastIndexByte(text[:i], '\n') + 1
	e := strings.IndexByte(text[i:], '\n')
	if e < 0 {
		e = len(text)
	} else {
		e += i
	}
	words, letters, upper := 0, 0, 0
	inWord := false
	for k := s; k < e; k++ {
		c := text[k]
		if c == ' ' || c == '\t' || c == '\r' {
			inWord = false
			continue
		}
		if inWord {
			continue
		}
		inWord = true
		words++
		if words > 25 {
			return false
		}
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				letters++
				upper++
			case 'a' <= c && c <= 'z':
				letters++
			}
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return words >= 3 && letters > 0 && upper*10 >= letters*7
}

// skipPossessive returns the position after a possessive ending at i
// ("'s", "’s", or a bare apostrophe after s), or i.
func skipPossessive(text string, i int) int {
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if strings.HasPrefix(text[i:], p) {
			j := i + len(p)
			if j < len(text) {
				r, _ := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r) {
					continue
				}
			}
			if (p == "'" || p == "’") && !strings.HasSuffix(strings.ToLower(text[:i]), "s") {
				continue
			}
			return j
		}
	}
	return i
}

// word is a word of text with its span.
type word struct {
	start, end int
	key        string // folded
}

// wordsAfter returns up to n words after position i, separated by single
// spaces (no punctuation between them).
func wordsAfter(text string, i, n int, out []word) []word {
	j := i
	for len(out) < n {
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k-j > 1 || (k == j && len(out) > 0) {
			break
		}
		if k == j && j < len(text) && len(out) == 0 {
			// the first word must follow a space
			break
		}
		e := k
		for e < len(text) {
			r, sz := utf8.DecodeRuneInString(text[e:])
			if !isWordRune(r) && r != '-' {
				break
			}
			e += sz
		}
		if e == k {
			break
		}
		out = append(out, word{k, e, foldWord(text[k:e])})
		j = e
	}
	return out
}

// wordsBefore returns up to n words before position i, in text order,
// separated by single spaces.
func wordsBefore(text string, i, n int, out []word) []word {
	j := i
	for len(out) < n {
		k := j
		for k > 0 && text[k-1] == ' ' {
			k--
		}
		if j-k != 1 {
			break
		}
		s := k
		for s > 0 {
			r, sz := utf8.DecodeLastRuneInString(text[:s])
			if !isWordRune(r) && r != '-' {
				break
			}
			s -= sz
		}
		if s == k {
			break
		}
		out = append(out, word{s, k, foldWord(text[s:k])})
		j = s
	}
	slices.Reverse(out)
	return out
}

// matchRole matches a role phrase after position i: optional modifiers,
// then the longest role noun. It returns the end of the phrase, the role
// key and whether it was found.
func matchRole(text string, i int) (end int, key string, ok bool) {
	var arr [6]word
	ws := wordsAfter(text, i, 6, arr[:0])
	best := -1
	bestKey := ""
	for skip := 0; skip <= 2 && skip < len(ws); skip++ {
		if skip > 0 && !modifiers[ws[skip-1].key] {
			break
		}
		for n := min(4, len(ws)-skip); n >= 1; n-- {
			if info, found := lookupRole(ws[skip : skip+n]); found {
				if e := ws[skip+n-1].end; e > best {
					best, bestKey = e, info.key
				}
				break
			}
		}
	}
	if best < 0 {
		return i, "", false
	}
	former := false
	for _, w := range ws {
		if w.start >= best {
			break
		}
		if w.key == "former" {
			former = true
		}
	}
	if former {
		bestKey = "former " + bestKey
	}
	return best, bestKey, true
}

// lookupRole looks the words up as one role phrase, without allocating.
func lookupRole(ws []word) (roleInfo, bool) {
	if len(ws) == 1 {
		info, ok := roles[ws[0].key]
		return info, ok
	}
	var arr [64]byte
	buf := arr[:0]
	for i, w := range ws {
		if w.key == noKey {
			return roleInfo{}, false
		}
		if i > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, w.key...)
	}
	info, ok := roles[string(buf)]
	return info, ok
}

// roleBefore matches a role phrase ending just before position i ("President
// Biden", "the foreign minister of"); it returns the phrase start.
func roleBefore(text string, i int) (start int, key string, ok bool) {
	var arr [4]word
	ws := wordsBefore(text, i, 4, arr[:0])
	for n := len(ws); n >= 1; n-- {
		if info, found := lookupRole(ws[len(ws)-n:]); found {
			k := info.key
			start = ws[len(ws)-n].start
			// modifiers before it ("former President")
			if n < len(ws) && modifiers[ws[len(ws)-n-1].key] {
				if ws[len(ws)-n-1].key == "former" {
					k = "former " + k
				}
				start = ws[len(ws)-n-1].start
			}
			return start, k, true
		}
	}
	return i, "", false
}

// theBefore returns the start of a "the " directly before i, or i.
func theBefore(text string, i int) int {
	if i >= 4 && strings.EqualFold(text[i-4:i], "the ") {
		if i == 4 || !isWordRune(lastRune(text[:i-4])) {
			return i - 4
		}
	}
	return i
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// extend joins a party and the role, title and person around it into one
// mention ("the Russian side", "Ukraine's foreign minister", "Russian
// Foreign Minister Sergei Lavrov", "President Biden", "the president of
// Russia") and drops candidates that do not name a party.
func (g *Gazetteer) extend(text string, cands []cand, date time.Time) []cand {
	// Compacted in place: out never grows past the candidate being read,
	// and each candidate is copied before its slot can be written.
	out := cands[:0]
	for i := 0; i < len(cands); i++ {
		c := cands[i]
		if len(out) > 0 && c.start < out[len(out)-1].end {
			continue // taken by an extended mention
		}
		switch c.kind {
		case tParty:
			if c.party < 0 || !activeOn(g.e.parties[c.party], date) {
				continue
			}
			p := g.e.parties[c.party]
			after := skipPossessive(text, c.end)
			if i+1 < len(cands) && cands[i+1].kind == tPerson && cands[i+1].entry >= 0 && gapSpaces(text, after, cands[i+1].start) {
				// "Russia's Putin", "Jordan's King Abdullah II"
				n := cands[i+1]
				c.start, c.end = theBefore(text, c.start), n.end
				c.how, c.via = HowPerson, g.e.people[n.entry].Name
				if n.party >= 0 {
					c.party = n.party
				}
				i++
			} else if end, key, ok := matchRole(text, after); ok {
				info := roles[strings.TrimPrefix(key, "former ")]
				// a second role noun: "foreign ministry spokesman", "army chief"
				if end2, key2, ok := matchRole(text, end); ok && !strings.HasPrefix(key2, "former ") {
					if info2 := roles[key2]; info2.title != "" {
						end, key, info = end2, key+" "+key2, info2
					}
				}
				c.end, c.role = end, key
				c.start = theBefore(text, c.start)
				switch {
				case info.mediator:
					c.mediator = true
				case info.group && (p.Kind == KindState || p.Kind == KindEntity) && c.how == HowDemonym:
					c.groupBase = true
				case info.title != "":
					c.how = HowTitle
					c.via = key
					if !strings.HasPrefix(key, "former ") {
						if h := g.Holder(p.Name, info.title, date); h != "" {
							c.via = h
						}
					}
				}
				// a person named right after the title
				if i+1 < len(cands) && cands[i+1].kind == tPerson && cands[i+1].entry >= 0 && gapSpaces(text, c.end, cands[i+1].start) {
					n := cands[i+1]
					c.end = n.end
					c.how, c.via = HowPerson, g.e.people[n.entry].Name
					c.groupBase = false
					i++
					// "Former US president Donald Trump" speaks for no party
					// unless he holds an office for it on the date.
					if strings.HasPrefix(key, "former ") && n.party != c.party {
						c.former = true
					}
				}
			} else if c.how == HowDemonym && strings.HasSuffix(text[c.start:c.end], "s") {
				c.start = theBefore(text, c.start) // "the Ukrainians", not "the Russian language"
			}
			// "the president of Russia", "the government of Sudan"
			if c.role == "" {
				if s, key, ok := g.roleOf(text, c.start); ok {
					info := roles[strings.TrimPrefix(key, "former ")]
					c.start, c.role = s, key
					if info.title != "" {
						c.how, c.via = HowTitle, key
						if h := g.Holder(p.Name, info.title, date); h != "" && !strings.HasPrefix(key, "former ") {
							c.via = h
						}
					}
					for len(out) > 0 && out[len(out)-1].end > c.start {
						out = out[:len(out)-1]
					}
				}
			}
			if !c.mediator {
				c.mediator = mediatedAround(text, c.start, c.end) || mediatesAfter(text, c.end, false)
			}
			// A place ("aid to Tigray") names no party; with a role noun
			// or as a seat ("Tigray's leaders", "Mekelle said") it speaks
			// for the place's voice on the date.
			if (c.place || (c.how == HowMetonym && g.isPlace(c.entry))) && c.how != HowPerson {
				v := -1
				if c.role != "" || !c.place {
					v, _ = g.voiceOf(c.entry, date)
				}
				if v < 0 || c.mediator {
					out = append(out, cand{start: c.start, end: c.end, kind: tStop, party: -1})
					continue
				}
				if c.via == "" || c.how != HowTitle {
					c.via = g.e.parties[c.entry].Name
				}
				c.party, c.how, c.groupBase = v, HowMetonym, false
			}
			if c.former {
				// keep the span taken, report nothing
				out = append(out, cand{start: c.start, end: c.end, kind: tStop, party: -1})
				continue
			}
			if a, ok := g.armyOn(c.party, date); ok && armyRoles[c.role] && c.entry == c.party {
				// "Sudanese troops" in 2024: the SAF
				if c.via == "" {
					c.via = p.Name
				}
				c.via += " (" + g.e.parties[a].Name + ")"
				c.party = a
			} else if gov, ok := g.governmentOf(c.party, date); ok && (c.how == HowMetonym && g.e.parties[c.entry].Kind != KindOrgan || governmentRoles[c.role]) {
				if c.via == "" {
					c.via = p.Name
				}
				c.via += " (" + g.e.parties[gov].Name + " government)"
				c.party = gov
			}
			out = append(out, c)
		case tPerson:
			if c.entry < 0 {
				continue
			}
			if s, key, ok := roleBefore(text, c.start); ok && roles[strings.TrimPrefix(key, "former ")].title != "" && (len(out) == 0 || out[len(out)-1].end <= s) {
				c.start, c.role = theBefore(text, s), key
				c.former = strings.HasPrefix(key, "former ")
			}
			if c.party < 0 || c.former {
				continue
			}
			out = append(out, c)
		case tGeneric:
			out = append(out, c)
		}
	}
	markMediatorLists(text, out)
	return out
}

// roleOf matches "<role> of (the) " just before position i and returns the
// start of the phrase (with a leading "the").
func (g *Gazetteer) roleOf(text string, i int) (int, string, bool) {
	j := i
	if j >= 4 && strings.EqualFold(text[j-4:j], "the ") {
		j -= 4
	}
	if j < 4 || !strings.EqualFold(text[j-4:j], " of ") {
		return i, "", false
	}
	s, key, ok := roleBefore(text, j-3)
	if !ok {
		return i, "", false
	}
	return theBefore(text, s), key, true
}

// gapSpaces reports whether only one or two spaces lie between a and b.
func gapSpaces(text string, a, b int) bool {
	if b <= a || b-a > 2 {
		return false
	}
	return strings.TrimLeft(text[a:b], " ") == ""
}

// mediatedAround reports whether the text presents the party at [s, e) as
// a mediator ("mediated by Qatar", "Egypt-brokered").
func mediatedAround(text string, s, e int) bool {
	before := text[max(0, s-20):s]
	if b := strings.TrimSuffix(strings.TrimSuffix(before, "the "), "The "); !hasSuffixFold(b, "by ") && !hasSuffixFold(b, "of ") && !hasSuffixFold(b, "from ") && !hasSuffixFold(b, "in ") {
		before = "" // every phrase of mediatedBy ends with one of these
	}
	for _, p := range mediatedBy {
		if hasSuffixFold(before, p) {
			return true
		}
		if hasSuffixFold(before, "the ") && hasSuffixFold(before[:len(before)-4], p) {
			return true
		}
	}
	after := text[e:min(len(text), e+40)]
	if after == "" || (after[0] != '-' && after[0] != ',' && !startsWithFold(after, " wh")) {
		return false // every suffix of mediatedSuffix starts so
	}
	for _, p := range mediatedSuffix {
		if len(after) >= len(p) && strings.EqualFold(after[:len(p)], p) {
			return true
		}
	}
	return false
}

// hasSuffixFold reports whether s ends with the lower-case ASCII suffix,
// ignoring ASCII case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// markMediatorLists spreads the mediator mark over lists of parties
// ("Qatari and Egyptian mediators", "mediated by Qatar, Egypt and the
// United States").
func markMediatorLists(text string, ms []cand) {
	joined := func(a, b cand) bool {
		if a.kind == tGeneric || b.kind == tGeneric || b.start < a.end {
			return false
		}
		gap := strings.ToLower(strings.TrimSpace(text[a.end:b.start]))
		switch gap {
		case ",", "and", ", and", "and the", ", and the", ", the", "'s and", "’s and", "-", "–", "/", "and the representative of the", ", and the representative of the":
			return true
		}
		return false
	}
	for i := len(ms) - 2; i >= 0; i-- {
		if ms[i+1].mediator && !ms[i].mediator && ms[i].role == "" && joined(ms[i], ms[i+1]) {
			ms[i].mediator = true
		}
	}
	for i := 1; i < len(ms); i++ {
		if ms[i-1].mediator && !ms[i].mediator && ms[i].role == "" && joined(ms[i-1], ms[i]) && mediatedAround(text, ms[i-1].start, ms[i-1].start) {
			ms[i].mediator = true
		}
	}
}

// coreference resolves generic phrases and turns candidates into mentions.
func (g *Gazetteer) coreference(text string, cands []cand, date time.Time, prior *stateTally) []Mention {
	type ref struct {
		party int
		text  string
		// place marks a party named as a place ("met in Belarus"): it is
		// not one of "the two sides".
		place bool
	}
	history := make([]ref, 0, len(cands))
	var mediators []ref
	isMediator := map[int]bool{}
	for _, c := range cands {
		if c.kind != tGeneric && c.mediator && c.party >= 0 {
			isMediator[c.party] = true
		}
	}
	markParenthesisedMediators(text, cands)
	for _, c := range cands {
		if c.kind != tGeneric && c.mediator && c.party >= 0 {
			isMediator[c.party] = true
		}
	}
	out := make([]Mention, 0, len(cands)+len(cands)/4)
	emit := func(c cand, party int, how, via string) {
		out = append(out, Mention{
			Span:     model.Span{Start: c.start, End: c.end},
			Text:     text[c.start:c.end],
			Party:    g.e.parties[party].Name,
			How:      how,
			Via:      via,
			Role:     c.role,
			Mediator: c.mediator || (c.generic == genMediators && c.kind == tGeneric),
		})
	}
	kindOf := func(p int) string { return g.e.parties[p].Kind }
	lastWhere := func(ok func(int) bool) (ref, bool) {
		for k := len(history) - 1; k >= 0; k-- {
			if ok(history[k].party) {
				return history[k], true
			}
		}
		return ref{}, false
	}
	lastTwo := func(ok func(int) bool) []ref {
		// Mediators are left out when at least two other parties are in play.
		other, skipMediators := -1, false
		for _, h := range history {
			if ok(h.party) && !isMediator[h.party] && !h.place {
				if other >= 0 && h.party != other {
					skipMediators = true
					break
				}
				other = h.party
			}
		}
		var two []ref
		for k := len(history) - 1; k >= 0 && len(two) < 2; k-- {
			h := history[k]
			if !ok(h.party) || h.place || (skipMediators && isMediator[h.party]) {
				continue
			}
			if len(two) == 1 && two[0].party == h.party {
				continue
			}
			two = append(two, h)
		}
		slices.Reverse(two)
		return two
	}
	isState := func(p int) bool { k := kindOf(p); return k == KindState || k == KindEntity }
	// ahead finds the first later party in the same line that fits, for a
	// headline whose generic subject comes before the name.
	ahead := func(i int, ok func(int) bool) (ref, bool) {
		c := cands[i]
		if !atLineStart(text, c.start) {
			return ref{}, false
		}
		eol := strings.IndexByte(text[c.end:], '\n')
		if eol < 0 {
			eol = len(text) - c.end
		}
		for _, l := range cands[i+1:] {
			if l.start > c.end+eol {
				break
			}
			if l.kind == tParty && l.party >= 0 && ok(l.party) {
				return ref{party: l.party, text: text[l.start:l.end]}, true
			}
		}
		return ref{}, false
	}
	// The state the report is about, so far and in the whole text.
	weights := g.stateWeights(text, cands, date)
	sofar, whole := &stateTally{}, tallyStates(text, cands, weights)
	if prior != nil {
		sofar.merge(prior)
		whole.merge(prior)
	}
	federal := func(p int) bool { return g.e.parties[p].Federal }
	about := func(i int) (ref, bool) {
		c := cands[i]
		p, txt, ok := reportState(sofar, whole, isState, g.isPlace, federal, strings.Contains(strings.ToLower(text[c.start:c.end]), "federal"))
		if ok {
			return ref{party: p, text: txt}, true
		}
		r, ok := lastWhere(isState)
		if !ok {
			r, ok = ahead(i, isState)
		}
		return r, ok
	}
	for i, c := range cands {
		if c.kind == tStop {
			continue
		}
		if cw := weights[i]; cw.state >= 0 {
			sofar.add(cw.state, cw.w, cw.real, text[c.start:c.end])
		}
		switch {
		case c.kind != tGeneric && !c.groupBase:
			emit(c, c.party, c.how, c.via)
			// A bare demonym ("Palestinian prisoners") names no actor in play.
			if c.how != HowDemonym || c.role != "" {
				history = append(history, ref{c.party, text[c.start:c.end], afterLocative(text, c.start)})
			}
			if c.mediator && !slices.ContainsFunc(mediators, func(r ref) bool { return r.party == c.party }) {
				mediators = append(mediators, ref{party: c.party, text: text[c.start:c.end]})
			}
		case c.groupBase:
			base := g.e.parties[c.party].Name
			basedHere := func(p int) bool { return kindOf(p) == KindGroup && g.e.parties[p].Base == base }
			if r, ok := lastWhere(basedHere); ok {
				emit(c, r.party, HowCoreference, r.text)
				continue
			}
			for _, later := range cands[i+1:] {
				if later.kind == tParty && later.party >= 0 && basedHere(later.party) {
					emit(c, later.party, HowCoreference, text[later.start:later.end])
					break
				}
			}
		default:
			switch c.generic {
			case genGroup:
				isGroup := func(p int) bool { return kindOf(p) == KindGroup }
				// not a seat named as a place ("in Khartoum")
				var r ref
				ok := false
				for k := len(history) - 1; k >= 0; k-- {
					if isGroup(history[k].party) && !history[k].place {
						r, ok = history[k], true
						break
					}
				}
				if !ok {
					r, ok = ahead(i, isGroup)
				}
				if ok {
					emit(c, r.party, HowCoreference, r.text)
				}
			case genState:
				// "the government in Kabul", "the authorities in Port Sudan"
				if i+1 < len(cands) && cands[i+1].kind == tParty && cands[i+1].party >= 0 && !cands[i+1].mediator &&
					strings.EqualFold(text[c.end:cands[i+1].start], " in ") && isState(g.baseState(cands[i+1].party, date)) {
					n := cands[i+1]
					history = append(history, ref{party: n.party, text: text[c.start:c.end]})
					emit(c, n.party, HowCoreference, text[n.start:n.end])
					continue
				}
				if r, ok := about(i); ok {
					history = append(history, ref{party: r.party, text: text[c.start:c.end]})
					if gov, isGov := g.governmentOf(r.party, date); isGov {
						emit(c, gov, HowCoreference, r.text)
						continue
					}
					emit(c, r.party, HowCoreference, r.text)
				}
			case genOrg:
				if r, ok := lastWhere(func(p int) bool { return kindOf(p) == KindOrganisation }); ok {
					emit(c, r.party, HowCoreference, r.text)
				}
			case genTwoSides:
				if two := lastTwo(func(int) bool { return true }); len(two) == 2 {
					for _, r := range two {
						emit(c, r.party, HowCoreference, r.text)
					}
				}
			case genTwoStates:
				if two := lastTwo(isState); len(two) == 2 {
					for _, r := range two {
						emit(c, r.party, HowCoreference, r.text)
					}
				}
			case genMediators:
				named := mediators
				if len(named) == 0 {
					// mediators named only later ("the mediation … the facilitators (Saudi Arabia, …)")
					for _, later := range cands[i+1:] {
						if later.kind != tGeneric && later.mediator && later.party >= 0 && !slices.ContainsFunc(named, func(r ref) bool { return r.party == later.party }) {
							named = append(named, ref{party: later.party, text: text[later.start:later.end]})
						}
					}
				}
				for _, r := range named {
					emit(c, r.party, HowCoreference, r.text)
				}
			case genHead:
				title := strings.TrimPrefix(strings.ToLower(text[c.start:c.end]), "the ")
				r, ok := ref{}, false
				if p, txt, found := g.sameTitle(out, c.start, title); found {
					r, ok = ref{party: p, text: txt}, true
				}
				if !ok {
					r, ok = about(i)
				}
				if ok {
					history = append(history, ref{party: r.party, text: text[c.start:c.end]})
					if info, known := roles[title]; known {
						c.role = title
						if h := g.Holder(g.e.parties[r.party].Name, info.title, date); h != "" {
							emit(c, r.party, HowCoreference, h)
							continue
						}
					}
					emit(c, r.party, HowCoreference, r.text)
				}
			case genArmy:
				if adjectival(text, c.end) {
					continue // "the military aspect", "the military option"
				}
				if r, ok := about(i); ok {
					if a, ok := g.armyOn(r.party, date); ok {
						emit(c, a, HowCoreference, r.text)
					} else {
						emit(c, r.party, HowCoreference, r.text)
					}
				}
			}
		}
	}
	return out
}

// markParenthesisedMediators marks the parties listed in parentheses after
// a mediator phrase ("the facilitators sponsoring the talks (Saudi Arabia,
// the United States and the African Union)").
func markParenthesisedMediators(text string, cands []cand) {
	for i, c := range cands {
		isMed := (c.kind == tGeneric && c.generic == genMediators) || (c.kind == tParty && c.mediator && c.role != "")
		if !isMed {
			continue
		}
		window := text[c.end:min(len(text), c.end+80)]
		open := strings.IndexByte(window, '(')
		if open < 0 || strings.ContainsAny(window[:open], ".;\n") {
			continue
		}
		from := c.end + open
		to := strings.IndexByte(text[from:], ')')
		if to < 0 {
			continue
		}
		to += from
		for k := i + 1; k < len(cands) && cands[k].start < to; k++ {
			if cands[k].start > from && cands[k].kind == tParty {
				cands[k].mediator = true
			}
		}
	}
}

// atLineStart reports whether only spaces and opening quotes lie between
// the start of the line and position i.
func atLineStart(text string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch r {
		case '\n':
			return true
		case ' ', '"', '“', '\'', '‘', '\u00a0':
			i -= n
		default:
			return false
		}
	}
	return true
}

// afterLocative reports whether the word before position i is a
// preposition of place ("in Belarus", "at the Kremlin").
func afterLocative(text string, i int) bool {
	w, _ := prevWord(text, theBefore(text, i))
	for _, p := range []string{"in", "at", "near", "inside", "outside"} {
		if strings.EqualFold(w, p) {
			return true
		}
	}
	return false
}

// activeOn reports whether a party existed in the year of date (any date
// when the party has no active years or the date is unknown).
func activeOn(p *Party, date time.Time) bool {
	if date.IsZero() || len(p.Active) == 0 {
		return true
	}
	y := date.Year()
	if p.Active[0] != 0 && y < p.Active[0] {
		return false
	}
	if len(p.Active) > 1 && p.Active[1] != 0 && y > p.Active[1] {
		return false
	}
	return true
}

// noKey is the key of a word that is in no role phrase or modifier.
const noKey = "\x00"

// roleVocab maps each word of the role phrases and modifiers to itself.
var roleVocab = func() map[string]string {
	m := map[string]string{}
	for _, keys := range [][]string{mapKeys(roles), mapKeys(modifiers)} {
		for _, k := range keys {
			for _, w := range strings.Fields(k) {
				m[w] = w
			}
		}
	}
	return m
}()

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// foldWord folds one word for role lookups without allocating: a
// lower-case ASCII word is itself; another word is its folded form when
// that is a word of a role phrase or modifier, else noKey.
func foldWord(w string) string {
	lower := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			if v, ok := roleVocab[foldString(w)]; ok {
				return v
			}
			return noKey
		}
		if 'A' <= c && c <= 'Z' {
			lower = false
		}
	}
	if lower {
		return w
	}
	var arr [32]byte
	if len(w) > len(arr) {
		return noKey // longer than any role word
	}
	buf := arr[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if v, ok := roleVocab[string(buf)]; ok {
		return v
	}
	return noKey
}

// governmentRoles are the role nouns that name a state's government, which
// a de-facto authority may hold (see Party.Governments).
var governmentRoles = map[string]bool{
	"government": true, "authorities": true, "administration": true, "cabinet": true,
	"foreign ministry": true, "ministry": true, "foreign minister": true, "prime minister": true,
	"leadership": true, "officials": true, "delegation": true, "negotiators": true,
}

// armyRoles are the role nouns that name a state's armed forces.
var armyRoles = map[string]bool{
	"army": true, "military": true, "armed forces": true, "forces": true, "troops": true,
	"soldiers": true, "security forces": true,
}

// governmentOf returns the de-facto authority speaking as the state's
// government on date, if the data name one.
func (g *Gazetteer) governmentOf(state int, date time.Time) (int, bool) {
	if date.IsZero() {
		return -1, false
	}
	for _, gv := range g.e.parties[state].Governments {
		if gv.covers(date) {
			if i, ok := g.e.partyIndex[foldString(gv.Party)]; ok {
				return i, true
			}
		}
	}
	return -1, false
}

// sameTitle finds, in the mentions of the last few hundred bytes before
// pos, a state's office-holder named with the same title ("Kenya's
// president William Ruto … the president"): the generic title then refers
// to that state.
func (g *Gazetteer) sameTitle(out []Mention, pos int, title string) (int, string, bool) {
	want, ok := roles[title]
	if !ok || want.title == "" {
		return -1, "", false
	}
	for k := len(out) - 1; k >= 0 && out[k].Span.End > pos-300; k-- {
		m := out[k]
		if m.Role == "" || m.How == HowCoreference || strings.HasPrefix(m.Role, "former ") {
			continue
		}
		if roles[m.Role].title != want.title {
			continue
		}
		if i, ok := g.e.partyIndex[foldString(m.Party)]; ok {
			if k := g.e.parties[i].Kind; k == KindState || k == KindEntity {
				return i, m.Text, true
			}
		}
	}
	return -1, "", false
}

// armyOn returns the party a state's army speaks as on date, where the data
// name one: for a state with de-facto governments, only while one holds
// (Sudan's army is the SAF since April 2023).
func (g *Gazetteer) armyOn(state int, date time.Time) (int, bool) {
	a, ok := g.armyOf[state]
	if !ok {
		return -1, false
	}
	if len(g.e.parties[state].Governments) == 0 || date.IsZero() {
		return a, true
	}
	if _, isGov := g.governmentOf(state, date); isGov {
		return a, true
	}
	return -1, false
}

// baseState returns the state a party stands for in "the government in
// X": the state itself, or the state a de-facto government governs.
func (g *Gazetteer) baseState(p int, date time.Time) int {
	pp := g.e.parties[p]
	if pp.Kind != KindGroup {
		return p
	}
	if b, ok := g.e.partyIndex[foldString(pp.Base)]; ok {
		if gov, isGov := g.governmentOf(b, date); isGov && gov == p {
			return b
		}
	}
	return -1
}

// adjectival reports whether the word after a generic army phrase makes
// it an adjective or a topic ("the military aspect", "the military
// option"), not the armed forces.
func adjectival(text string, end int) bool {
	return militaryNouns[strings.ToLower(nextWord(text, end))]
}

// militaryNouns are nouns that "the military" modifies.
var militaryNouns = map[string]bool{
	"aspect": true, "aspects": true, "attack": true, "attacks": true, "operation": true, "operations": true,
	"situation": true, "option": true, "options": true, "campaign": true, "track": true, "component": true,
	"dimension": true, "action": true, "actions": true, "aid": true, "assistance": true, "support": true,
	"equipment": true, "base": true, "bases": true, "presence": true, "pressure": true, "escalation": true,
	"solution": true, "victory": true, "defeat": true, "offensive": true, "exercises": true, "drills": true,
	"cooperation": true, "activity": true, "activities": true, "buildup": true, "build-up": true,
	"infrastructure": true, "targets": true, "facilities": true, "power": true, "threat": true,
	"issues": true, "questions": true, "matters": true, "part": true, "balance": true, "escalations": true,
	"confrontation": true, "conflict": true, "means": true, "analysts": true, "experts": true,
	"spending": true, "budget": true, "industry": true, "gains": true, "losses": true, "advances": true,
}
