package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/segment"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// newsAbbrevs are abbreviations common in news prose, lower-case and
// without the final full stop, as the punkt model stores them.
var newsAbbrevs = []string{
	"u.s", "u.k", "u.n", "e.u", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "brig", "sgt", "gov", "sen", "rep",
	"mr", "mrs", "ms", "dr", "prof", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jr", "sr", "mt", "ft", "approx", "est", "dept",
	"pres", "amb", "sheikh", "fr", "rev", "hon", "a.m", "p.m",
}

// abbrevEnds are tokens that end with a full stop but do not end a
// sentence; a sentence ending in one is joined to the next.
var abbrevEnds = map[string]bool{}

func init() {
	// Titles and months: never the last word of a sentence.
	for _, a := range []string{"gen", "lt", "col", "maj", "capt", "cmdr", "adm", "brig", "sgt", "gov", "sen", "rep",
		"mr", "mrs", "ms", "dr", "prof", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
		"nov", "dec", "amb", "pres", "rev", "hon", "vs", "no"} {
		abbrevEnds[a+"."] = true
	}
}

// training is punkt's English model with the news abbreviations added.
var training = sync.OnceValues(func() (*sentences.Storage, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	t, err := sentences.LoadTraining(b)
	if err != nil {
		return nil, err
	}
	for _, a := range newsAbbrevs {
		t.AbbrevTypes.Add(a)
	}
	return t, nil
})

var segmenter = sync.OnceValues(func() (*segment.Segmenter, error) {
	t, err := training()
	if err != nil {
		return nil, err
	}
	return segment.WithTraining(t), nil
})

// punktFacts are what the fast path needs from the model: its
// abbreviations and the first words of its collocations (a full stop
// between the two words of a collocation is not a sentence end).
type punktFacts struct {
	abbrevs     sentences.SetString
	collocFirst map[string]bool
}

var facts = sync.OnceValue(func() *punktFacts {
	t, err := training()
	if err != nil {
		return nil
	}
	f := &punktFacts{abbrevs: t.AbbrevTypes, collocFirst: map[string]bool{}}
	for k := range t.Collocations {
		first, _, _ := strings.Cut(k, ",")
		f.collocFirst[first] = true
	}
	return f
})

// sentence is a sentence's byte range in the source and its paragraph.
type sentence struct {
	start, end int
	para       int
}

// splitSentences segments text into sentences with byte offsets: prose's
// punkt segmenter within each line (a line break always ends a sentence,
// so headlines without a full stop stand alone), then two repairs: a
// sentence ending in a news abbreviation is joined to the next, and a
// closing quotation glued to the next sentence ("guarantees."We) is split.
func splitSentences(seg *segment.Segmenter, text string, out []sentence) []sentence {
	out = out[:0]
	para := 0
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := text[lineStart:lineEnd]
		if strings.TrimSpace(line) != "" {
			out = splitLine(seg, text, lineStart, line, para, out)
			para++
		}
		lineStart = lineEnd + 1
	}
	return out
}

func splitLine(seg *segment.Segmenter, text string, base int, line string, para int, out []sentence) []sentence {
	first := len(out)
	if seg == nil || len(line) >= 20_000 || !mayHaveBoundary(line) {
		// One sentence; very long lines are cut by length only: punkt is
		// slow on them.
		return appendRaw(out, first, text, base, base+len(line), para)
	}
	if f := facts(); f != nil {
		var ends [maxFastBreaks]int
		if n, ok := f.breaks(line, &ends); ok {
			return split(text, base, line, para, ends[:n], out)
		}
	}
	for _, r := range seg.Segment(line) {
		out = appendRaw(out, first, text, base+r.Start, base+r.Start+len(r.Text), para)
	}
	return out
}

// appendRaw appends the segmenter's sentence [s, e) after two repairs: a
// closing quote glued to a capital is split off, and a sentence ending in
// an abbreviation takes in this one. first is the line's first sentence.
func appendRaw(out []sentence, first int, text string, s, e, para int) []sentence {
	// Split at a closing quote glued to a capital: `."We`.
	for {
		k := gluedQuote(text[s:e])
		if k < 0 {
			break
		}
		out = append(out, sentence{start: s, end: s + k, para: para})
		s += k
	}
	if n := len(out); n > first && joinsNext(text[out[n-1].start:out[n-1].end]) && e-out[n-1].start <= maxSentence {
		out[n-1].end = e
		return out
	}
	return appendCapped(out, text, s, e, para)
}

// The fast path. Punkt splits a line into tokens at white space and
// decides about each token that holds a full stop, question or
// exclamation mark. Most lines of news prose hold only two kinds of such
// tokens, which punkt decides without looking further: a word of letters
// (and inner hyphens) ending in a full stop that is not a known abbreviation nor the first
// word of a collocation ("talks.") ends a sentence; a token with one full
// stop between letters or digits ("3.5", "example.com") does not. A line
// holding only these is split here, exactly where punkt would split it,
// without running punkt (which costs a fifth of the extraction). Any other
// line goes to punkt; TestFastSplitMatchesPunkt checks the two agree.

// maxFastBreaks is how many sentence ends in a line the fast path handles.
const maxFastBreaks = 32

// breaks returns the offsets in line just after each token that ends a
// sentence (the last token excepted), and ok=false when a token holding a
// sentence mark is not of the two kinds above. Only tokens around a mark
// are looked at.
func (f *punktFacts) breaks(line string, ends *[maxFastBreaks]int) (n int, ok bool) {
	for i := 0; i < len(line); {
		k := strings.IndexAny(line[i:], ".?!")
		if k < 0 {
			break
		}
		s, e := tokenAround(line, i+k)
		ns, ne := nextToken(line, e)
		switch f.tokenKind(line[s:e], ns == ne) {
		case tokOther:
			return 0, false
		case tokEnd:
			if line[ns:ne] == "." || n == len(ends) {
				return 0, false
			}
			ends[n] = e
			n++
		}
		i = e
	}
	return n, true
}

// split appends the sentences of line that end at ends.
func split(text string, base int, line string, para int, ends []int, out []sentence) []sentence {
	first := len(out)
	start := 0
	for _, e := range ends {
		if a, b := trimUnicode(line, start, e); a < b {
			out = appendRaw(out, first, text, base+a, base+b, para)
		}
		start = e
	}
	if a, b := trimUnicode(line, start, len(line)); a < b {
		out = appendRaw(out, first, text, base+a, base+b, para)
	}
	return out
}

// Token kinds for the fast path.
const (
	tokPlain = iota // no sentence end
	tokEnd          // ends a sentence
	tokOther        // for punkt to decide
)

// tokenKind classifies a token; the last token of a line ends it anyway,
// so it only needs to hold no question or exclamation mark.
func (f *punktFacts) tokenKind(t string, last bool) int {
	dots, dot := 0, -1
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '.':
			dots++
			dot = i
		case '?', '!':
			return tokOther
		}
	}
	switch {
	case dots == 0 || last:
		return tokPlain
	case dots > 1:
		return tokOther
	case dot < len(t)-1:
		if c := t[dot+1]; dot > 0 && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return tokPlain
		}
		return tokOther
	}
	// A word ending in its only full stop.
	w := t[:len(t)-1]
	var buf [24]byte
	if len(w) < 2 || len(w) > len(buf) {
		return tokOther
	}
	hyphen := -1 // punkt also looks up the part after the last hyphen
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '-' && i > 0 && i < len(w)-1 && w[i-1] != '-':
			hyphen = i
		default:
			return tokOther
		}
		buf[i] = c
	}
	lw := buf[:len(w)]
	if f.abbrevs[string(lw)] != 0 || f.collocFirst[string(lw)] || hyphen >= 0 && f.abbrevs[string(lw[hyphen+1:])] != 0 {
		return tokOther
	}
	return tokEnd
}

// nextToken returns the next run of non-space runes (unicode.IsSpace, as
// punkt's word tokenizer splits) at or after i; s == e at the end.
func nextToken(line string, i int) (int, int) {
	for i < len(line) {
		r, n := rune(line[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(line[i:])
		}
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	s := i
	for i < len(line) {
		r, n := rune(line[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(line[i:])
		}
		if unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return s, i
}

// tokenAround returns the token (a run of non-space runes) holding the
// byte at p.
func tokenAround(line string, p int) (int, int) {
	s := p
	for s > 0 {
		r, n := rune(line[s-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(line[:s])
		}
		if unicode.IsSpace(r) {
			break
		}
		s -= n
	}
	e := p
	for e < len(line) {
		r, n := rune(line[e]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(line[e:])
		}
		if unicode.IsSpace(r) {
			break
		}
		e += n
	}
	return s, e
}

// trimUnicode narrows [s, e) past white space as the segmenter trims it.
func trimUnicode(line string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(line[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(line[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// maxSentence caps a sentence's length in bytes: a longer run of text (a
// list without full stops, a page without punctuation) is cut at the last
// semicolon, comma or space before the cap, so that work per sentence
// stays bounded.
const maxSentence = 1500

func appendCapped(out []sentence, text string, s, e, para int) []sentence {
	for e-s > maxSentence {
		cut := -1
		window := text[s : s+maxSentence]
		for _, sep := range []string{"; ", ", ", " "} {
			if k := strings.LastIndex(window, sep); k > maxSentence/3 {
				cut = s + k + len(sep) - 1
				break
			}
		}
		if cut < 0 {
			cut = s + maxSentence
			for cut > s && !utf8.RuneStart(text[cut]) {
				cut--
			}
			if cut == s {
				cut = s + maxSentence
			}
		}
		cs, ce := trimRange(text, s, cut)
		if cs < ce {
			out = append(out, sentence{start: cs, end: ce, para: para})
		}
		s = cut
	}
	if cs, ce := trimRange(text, s, e); cs < ce {
		out = append(out, sentence{start: cs, end: ce, para: para})
	}
	return out
}

// trimRange narrows [s, e) past ASCII white space.
func trimRange(text string, s, e int) (int, int) {
	for s < e && isSpace(text[s]) {
		s++
	}
	for e > s && isSpace(text[e-1]) {
		e--
	}
	return s, e
}

// mayHaveBoundary reports whether a line has a sentence end before its
// last word: a full stop, question or exclamation mark (and closing quotes
// or brackets) followed by a space. A line without one (a headline, a
// one-sentence paragraph) is one sentence and needs no segmenter.
func mayHaveBoundary(line string) bool {
	end := len(line)
	for end > 0 && isSpace(line[end-1]) {
		end--
	}
	for i := 0; i < end; i++ {
		switch line[i] {
		case '.', '?', '!':
			j := i + 1
			for j < end && (line[j] == '"' || line[j] == '\'' || line[j] == ')' || line[j] == ']' || line[j] >= 0x80) {
				j++
			}
			if j < end && (line[j] == ' ' || line[j] == '\t') {
				return true
			}
		}
	}
	return false
}

// gluedQuote returns the offset just after a closing `."` or `.”` that is
// followed directly by a capital letter, or -1.
func gluedQuote(s string) int {
	for i := 1; i+1 < len(s); i++ {
		if s[i-1] != '.' && s[i-1] != '?' && s[i-1] != '!' {
			continue
		}
		q := 0
		if s[i] == '"' {
			q = 1
		} else if strings.HasPrefix(s[i:], "\u201d") {
			q = 3
		}
		if q == 0 || i+q >= len(s) {
			continue
		}
		if c := s[i+q]; 'A' <= c && c <= 'Z' {
			return i + q
		}
	}
	return -1
}

// joinsNext reports whether a sentence ends in an abbreviation.
func joinsNext(s string) bool {
	k := strings.LastIndexAny(s, " \t(")
	last := strings.ToLower(s[k+1:])
	return abbrevEnds[last]
}
