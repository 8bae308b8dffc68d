package extract

import (
	"strings"
	"sync"
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

var segmenter = sync.OnceValues(func() (*segment.Segmenter, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	training, err := sentences.LoadTraining(b)
	if err != nil {
		return nil, err
	}
	for _, a := range newsAbbrevs {
		training.AbbrevTypes.Add(a)
	}
	return segment.WithTraining(training), nil
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
	var raw []segment.Sentence
	if seg != nil && len(line) < 20_000 && mayHaveBoundary(line) {
		raw = seg.Segment(line)
	} else {
		// Very long lines are cut by length only: punkt is slow on them.
		raw = []segment.Sentence{{Text: line, Start: 0}}
	}
	for _, r := range raw {
		s, e := base+r.Start, base+r.Start+len(r.Text)
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
			continue
		}
		out = appendCapped(out, text, s, e, para)
	}
	return out
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
