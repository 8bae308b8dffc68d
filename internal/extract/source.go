package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/internal/actors"
	"parley/internal/model"
)

// source is the attribution of a sentence.
type source struct {
	kind, name, via string
	span            model.Span
	// party is the party a source phrase names, if any ("a Hamas
	// official" → Hamas); it makes "X said Y must …" X's demand.
	party string
	// framing marks an attribution that opens its sentence ("According
	// to …", "Sources revealed that …") or closes it (", the sources
	// said"): it frames the paragraph.
	framing bool
	// pos is where the attribution cue starts.
	pos int
	// named marks a media source that names an outlet ("the New York
	// Times", "Al-Araby Al-Jadeed"), not just "reports" or "the media":
	// only a named outlet is a claim's via.
	named bool
}

// phrase is a candidate source phrase found around an attribution cue.
type phrase struct {
	s, e  int
	cue   int  // where the attribution cue starts
	relay bool // the object of "told", "cited by", "per": an outlet relaying
}

// attribution finds the source phrases of a sentence: the phrases after
// "according to"-like cues, before or after reporting verbs, classified by
// the words they hold. A non-media source is the source and a media one
// the via; a media phrase alone makes the kind media.
func (d *docState) attribution(ss, se int) []*source {
	i0, i1 := d.cuesIn(ss, se)
	var buf [8]phrase // most sentences have fewer: no allocation
	phrases := buf[:0]
	for i := i0; i < i1; i++ {
		c := &d.cues[i]
		switch {
		case c.has(kindAttrBefore):
			relay := strings.HasPrefix(d.lower(c.start, c.end), "cited") || strings.HasPrefix(d.lower(c.start, c.end), "per") ||
				strings.HasPrefix(d.lower(c.start, c.end), "quoted by") || strings.HasPrefix(d.lower(c.start, c.end), "reported by")
			if e := d.phraseEnd(c.end, se); e > c.end {
				phrases = append(phrases, phrase{s: c.end, e: e, relay: relay, cue: c.start})
			}
		case c.has(kindAttrVerb) && d.lower(c.start, c.end) == "saying":
			// "The Polisario Front rejected the resolution, saying that …":
			// the subject speaks.
			if d.prevIsComma(c.start) {
				if m0, m1 := d.mentionsIn(ss, c.start); m1 > m0 && d.wordsBetween(ss, d.ments[m0].Span.Start) <= 1 {
					e := d.ments[m0].Span.End
					if w, ws := d.nextWord(e); d.isAgentHead(w) {
						e = ws + len(w) // "Tigrayan officials"
					}
					phrases = append(phrases, phrase{s: d.ments[m0].Span.Start, e: e, cue: c.start})
				}
			}
		case c.has(kindAttrVerb):
			s := d.phraseStart(ss, c.start)
			if s < c.start && strings.TrimSpace(d.text[s:c.start]) == "" && s > ss && d.text[s-1] == ',' {
				// "an Israeli official, speaking anonymously, claimed": the
				// segments before the comma.
				s = d.phraseStart(ss, s-1)
				if seg := strings.TrimSpace(d.text[s:c.start]); strings.HasSuffix(strings.Fields(seg)[0], "ing") && s > ss && d.text[s-1] == ',' {
					s = d.phraseStart(ss, s-1)
				}
			}
			if s < c.start && strings.TrimSpace(d.text[s:c.start]) != "" {
				if w, _ := d.nextWord(s); (w == "which" || w == "who") && s > ss {
					// "Egypt, which has said": the antecedent speaks.
					comma := strings.LastIndexByte(d.text[ss:s], ',')
					if comma >= 0 {
						s = d.phraseStart(ss, ss+comma)
					}
				}
				phrases = append(phrases, phrase{s: s, e: c.start, cue: c.start})
			} else if p, ok := d.statementOpener(ss, se, c); ok {
				// "In a statement, the council listed …": the subject
				// that speaks in it.
				phrases = append(phrases, p)
			} else if e := d.phraseEnd(c.end, se); e > c.end && d.wordsBetween(c.end, e) <= 10 {
				// "…," said Sayed Akbar Agha, a former commander.
				phrases = append(phrases, phrase{s: c.end, e: e, cue: c.start})
			}
			if c.has(kindAttrRelay) {
				if e := d.phraseEnd(c.end, se); e > c.end {
					phrases = append(phrases, phrase{s: c.end, e: e, relay: true, cue: c.start})
				}
			}
		case c.has(kindAttrRelay):
			if e := d.phraseEnd(c.end, se); e > c.end && d.wordsBetween(c.end, e) <= 6 {
				phrases = append(phrases, phrase{s: c.end, e: e, relay: true, cue: c.start})
			}
		}
	}
	if len(phrases) == 0 {
		return nil
	}
	// The sources in one allocation, and the pointers in another.
	srcs := make([]source, 0, len(phrases))
	cands := make([]*source, 0, len(phrases))
	first := se
	for _, p := range phrases {
		first = min(first, p.s)
	}
	for _, p := range phrases {
		s, e := trimSpan(d.text, p.s, p.e)
		s, e = d.trimSourceWords(s, e)
		if s >= e {
			continue
		}
		kind, party := d.classify(s, e)
		if kind == "" && !p.relay && strings.Contains(d.lower(p.cue, min(len(d.text), p.cue+24)), "statement") {
			// "The Office of the Presidential Adviser … said in a
			// statement": whoever issues a statement speaks officially.
			kind = model.SourceOfficial
		}
		if kind == "" {
			continue
		}
		srcs = append(srcs, source{kind: kind, name: d.text[s:e], span: model.Span{Start: s, End: e}, party: party, pos: p.cue})
		src := &srcs[len(srcs)-1]
		src.framing = d.wordsBetween(ss, first) <= 3 || d.wordsBetween(e, se) <= 2
		if kind == model.SourceMedia {
			src.named = d.namesOutlet(s, e)
		}
		cands = append(cands, src)
	}
	return cands
}

// statementOpener reads a sentence that opens with a statement cue and a
// comma ("In a statement, the movement listed …", "In a statement on
// Monday, …"): the source phrase is the first party named after the comma.
func (d *docState) statementOpener(ss, se int, c *cue) (phrase, bool) {
	if d.wordsBetween(ss, c.start) > 0 || !strings.HasPrefix(d.lower(c.start, c.end), "in a ") {
		return phrase{}, false
	}
	comma := strings.IndexByte(d.text[c.end:se], ',')
	if comma < 0 || d.wordsBetween(c.end, c.end+comma) > 4 {
		return phrase{}, false
	}
	m0, m1 := d.mentionsIn(c.end+comma, se)
	if m1 == m0 || d.wordsBetween(c.end+comma, d.ments[m0].Span.Start) > 3 {
		return phrase{}, false
	}
	m := d.ments[m0]
	return phrase{s: m.Span.Start, e: m.Span.End, cue: c.start}, true
}

// choose picks the source of a claim whose act cue is at pos: the
// nearest non-media source before it (the innermost: "according to the
// NYT, according to people familiar …"), else the nearest after it
// (", the sources said"), with a media source as the via; a media source
// alone when there is no other.
func choose(cands []*source, pos int) *source {
	var best, media *source
	pick := func(cur, c *source) *source {
		switch {
		case cur == nil:
			return c
		case c.pos < pos && (cur.pos > pos || c.pos > cur.pos):
			return c
		case c.pos > pos && cur.pos > pos && c.pos < cur.pos:
			return c
		}
		return cur
	}
	for _, c := range cands {
		if c.kind == model.SourceMedia {
			media = pick(media, c)
			continue
		}
		best = pick(best, c)
	}
	switch {
	case best != nil && media != nil && media.named:
		if best.via != media.name {
			out := *best
			out.via = media.name
			return &out
		}
		return best
	case best != nil:
		return best
	}
	return media
}

// namesOutlet reports whether [s, e) names an outlet: a known outlet or
// a capitalised name.
func (d *docState) namesOutlet(s, e int) bool {
	i0, i1 := d.cuesStartingIn(s, e)
	for i := i0; i < i1; i++ {
		if d.cues[i].has(kindOutlet) {
			return true
		}
	}
	return d.hasName(s, e)
}

// sourceTail are words that end a source phrase without naming the
// source ("Abdalla also", "Egypt, which has repeatedly").
var sourceTail = map[string]bool{
	"has": true, "have": true, "had": true, "also": true, "repeatedly": true, "previously": true, "again": true,
	"already": true, "publicly": true, "earlier": true, "later": true, "then": true, "further": true, "has also": true,
	"is": true, "was": true, "were": true, "are": true, "been": true, "had also": true, "recently": true, "once": true,
}

// trimSourceWords drops a relative clause (", which has") and trailing
// auxiliaries and adverbs from a source phrase.
func (d *docState) trimSourceWords(s, e int) (int, int) {
	for _, lead := range []string{"but ", "and ", "while ", "however, ", "however "} {
		if strings.HasPrefix(d.lower(s, e), lead) {
			s += len(lead)
		}
	}
	low := d.lower(s, e)
	for _, rel := range []string{", which", ", who"} {
		if k := strings.Index(low, rel); k > 0 {
			e = s + k
			low = low[:k]
		}
	}
	for {
		k := strings.LastIndexByte(low, ' ')
		if k < 0 || !sourceTail[low[k+1:]] {
			break
		}
		e = s + k
		low = low[:k]
	}
	return trimSpan(d.text, s, e)
}

// phraseStart returns where the source phrase before a reporting verb at
// pos starts: after the last comma, quote, colon or "that" before it, at
// most eight words back.
func (d *docState) phraseStart(ss, pos int) int {
	s := pos
	words := 0
	for s > ss {
		c := d.text[s-1]
		if c == ',' || c == '"' || c == ':' || c == ';' || c == '(' || c == ')' {
			break
		}
		if s >= ss+3 && strings.HasPrefix(d.text[s-3:], "\u201d") || s >= ss+3 && strings.HasPrefix(d.text[s-3:], "\u201c") {
			break
		}
		if c == ' ' {
			w, _ := d.prevWord(s - 1)
			if w == "that" || w == "and" && words > 2 {
				break
			}
			words++
			if words > 12 {
				return pos
			}
		}
		s--
	}
	return s
}

// phraseEnd returns where the source phrase starting at pos ends: at the
// next comma, full stop, quote or "that", within the sentence.
func (d *docState) phraseEnd(pos, se int) int {
	e := pos
	for e < se {
		c := d.text[e]
		if c == ',' || c == '.' && !(e+1 < se && d.text[e+1] != ' ') || c == '"' || c == ':' || c == ';' || c == '(' {
			break
		}
		if strings.HasPrefix(d.text[e:], "\u201c") || strings.HasPrefix(d.text[e:], "\u201d") {
			break
		}
		if c == ' ' {
			w, _ := d.nextWord(e)
			if w == "that" || w == "on" || w == "in" || w == "as" || w == "who" || w == "which" || w == "after" || w == "about" {
				break
			}
		}
		e++
	}
	return e
}

// classify names the kind of a source phrase, and the party it names.
func (d *docState) classify(s, e int) (string, string) {
	i0, i1 := d.cuesStartingIn(s, e)
	var anon, off, med, ana, outlet bool
	for i := i0; i < i1; i++ {
		c := &d.cues[i]
		anon = anon || c.has(kindSrcAnonymous)
		off = off || c.has(kindSrcOfficial)
		med = med || c.has(kindSrcMedia)
		ana = ana || c.has(kindSrcAnalyst)
		outlet = outlet || c.has(kindOutlet)
		if c.has(kindAnaphor) && strings.Contains(d.lower(c.start, c.end), " ") {
			off = true // "the office", "the government", "the group"
		}
	}
	m0, m1 := d.mentionsIn(s, e)
	party, person := "", false
	for k := m0; k < m1; k++ {
		m := d.ments[k]
		if party == "" {
			party = m.Party
		}
		if m.How == actors.HowPerson || m.How == actors.HowTitle {
			person = true
		}
	}
	// A name: a person, or capitalised words that are neither parties nor
	// titles — two in a row, or one alone ("Abdalla said").
	name := person || d.strictName(s, e) || fieldsAtMost(d.text[s:e], 2) && d.hasName(s, e)
	low := d.lower(s, e)
	switch {
	case low == "he" || low == "she" || low == "it" || low == "they" || low == "we" || low == "i":
		if d.prevSource != nil && d.prevSource.kind != model.SourceMedia {
			return d.prevSource.kind, party
		}
		return model.SourceOfficial, party
	case anon && !name:
		return model.SourceAnonymous, party
	case ana && !name:
		return model.SourceAnalyst, party
	case name || off:
		if outlet && !off && !person {
			return model.SourceMedia, ""
		}
		return model.SourceOfficial, party
	case outlet || med:
		return model.SourceMedia, ""
	case party != "":
		return model.SourceOfficial, party
	}
	return "", ""
}

// fieldsAtMost reports whether s has at most n space-separated words,
// without allocating.
func fieldsAtMost(s string, n int) bool {
	k := 0
	for range strings.FieldsSeq(s) {
		k++
		if k > n {
			return false
		}
	}
	return true
}

// cuesStartingIn returns the index range of cues that start in [s, e).
func (d *docState) cuesStartingIn(s, e int) (int, int) {
	i, _ := d.cuesIn(s, e)
	j := i
	for j < len(d.cues) && d.cues[j].start < e {
		j++
	}
	return i, j
}

// strictName reports whether [s, e) holds a person: a person mention, or
// two capitalised words in a row that are neither parties, cues nor titles.
func (d *docState) strictName(s, e int) bool {
	m0, m1 := d.mentionsIn(s, e)
	for k := m0; k < m1; k++ {
		if d.ments[k].How == actors.HowPerson || d.ments[k].How == actors.HowTitle {
			return true
		}
	}
	run := 0
	// The words of [s, e), split at white space as strings.Fields does.
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(d.text[i:e])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		pos := i + n
		for pos < e {
			r, n := utf8.DecodeRuneInString(d.text[pos:e])
			if unicode.IsSpace(r) {
				break
			}
			pos += n
		}
		if pos-i > 1 && unicode.IsUpper(rune(d.text[i])) && !d.covered(i) && !titleWords[strings.Trim(d.lower(i, pos), ".,'’s")] {
			run++
			if run >= 2 {
				return true
			}
		} else {
			run = 0
		}
		i = pos
	}
	return false
}

// covered reports whether byte p is inside a mention or a cue.
func (d *docState) covered(p int) bool {
	m0, m1 := d.mentionsIn(max(0, p-60), p+60)
	for k := m0; k < m1; k++ {
		if d.ments[k].Span.Start <= p && p < d.ments[k].Span.End {
			return true
		}
	}
	c0, c1 := d.cuesIn(max(0, p-60), p+60)
	for k := c0; k < c1; k++ {
		if d.cues[k].start <= p && p < d.cues[k].end {
			return true
		}
	}
	return false
}

// hasName reports whether [s, e) holds a capitalised word that is not a
// party, demonym, outlet, title or sentence-initial function word: a
// person's name ("Nabil Abdalla", "Grigorian's office").
func (d *docState) hasName(s, e int) bool {
	m0, m1 := d.mentionsIn(s, e)
	c0, c1 := d.cuesIn(s, e)
	inside := func(p int) bool {
		for k := m0; k < m1; k++ {
			if d.ments[k].Span.Start <= p && p < d.ments[k].Span.End {
				return true
			}
		}
		for k := c0; k < c1; k++ {
			if d.cues[k].start <= p && p < d.cues[k].end {
				return true
			}
		}
		return false
	}
	for i := s; i < e; {
		j := i
		for j < e && d.text[j] != ' ' {
			j++
		}
		w := d.text[i:j]
		if len(w) > 1 && unicode.IsUpper(rune(w[0])) && !inside(i) && !titleWords[strings.Trim(strings.ToLower(w), ".,'’s")] {
			return true
		}
		i = j + 1
	}
	return false
}

// titleWords are capitalised words that are not names.
var titleWords = map[string]bool{
	"the": true, "a": true, "an": true, "according": true, "president": true, "prime": true, "minister": true,
	"foreign": true, "defense": true, "defence": true, "deputy": true, "special": true, "representative": true,
	"secretary": true, "state": true, "general": true, "senior": true, "chief": true, "head": true, "spokesman": true,
	"spokesperson": true, "ministry": true, "office": true, "affairs": true, "of": true, "on": true, "for": true,
	"two": true, "three": true, "one": true, "other": true, "some": true, "his": true, "her": true, "their": true,
	"its": true, "officials": true, "official": true, "sources": true, "source": true, "several": true, "multiple": true,
	"many": true, "both": true, "this": true, "these": true, "in": true, "but": true, "and": true, "however": true,
	"reconciliation": true, "afghanistan": true, "national": true, "security": true, "council": true, "adviser": true,
	"advisor": true, "presidential": true, "us": true, "u.s": true, "un": true, "eu": true, "mr": true, "ms": true,
	"mrs": true, "dr": true, "gen": true, "brig": true, "it": true, "he": true, "she": true, "they": true, "we": true,
	"analysts": true, "experts": true, "after": true, "before": true, "when": true, "while": true, "also": true,
	"sudanese": true, "armed": true, "forces": true, "military": true, "army": true, "government": true,
}

// trimSpan narrows [s, e) past spaces, quotes and punctuation.
func trimSpan(text string, s, e int) (int, int) {
	cut := func(r byte) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == ',' || r == '"' || r == '\'' || r == '.' || r == '-' || r == ':'
	}
	for s < e && cut(text[s]) {
		s++
	}
	for e > s && cut(text[e-1]) {
		e--
	}
	// Trim multi-byte quotes and dashes.
	for _, q := range []string{"\u201c", "\u201d", "\u2018", "\u2019", "\u2013", "\u2014", "\u00a0"} {
		for strings.HasPrefix(text[s:e], q) {
			s += len(q)
		}
		for strings.HasSuffix(text[s:e], q) {
			e -= len(q)
		}
	}
	for s < e && cut(text[s]) {
		s++
	}
	for e > s && cut(text[e-1]) {
		e--
	}
	return s, e
}
