package actors

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// folded is a text lower-cased and stripped of diacritics for matching,
// with a map from each folded byte back to the original text.
type folded struct {
	b []byte
	// orig[i] is the byte offset in the original text of the rune that
	// produced folded byte i; orig[len(b)] is len(original).
	orig []int32
}

// foldRune returns the folded form of r: lower case, without diacritics,
// with typographic apostrophes, hyphens and spaces made plain.
func foldRune(r rune) string {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r == '\t' {
			r = ' '
		} else if r == '\r' {
			r = '\n'
		}
		return string(r)
	}
	if s, ok := foldTable[r]; ok {
		return s
	}
	return slowFold(r)
}

// foldTable caches the folded forms of common non-ASCII runes.
var foldTable = func() map[rune]string {
	m := map[rune]string{
		'\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u2032': "'", '`': "'",
		'\u201c': "\"", '\u201d': "\"",
		'\u2010': "-", '\u2011': "-",
		'\u00a0': " ", '\u2009': " ", '\u202f': " ", '\u2007': " ",
	}
	for r := rune(0xC0); r <= 0x24F; r++ {
		if _, ok := m[r]; !ok {
			m[r] = slowFold(r)
		}
	}
	return m
}()

func slowFold(r rune) string {
	if r == '\u2028' || r == '\u2029' || r == '\u0085' {
		return "\n"
	}
	if unicode.IsSpace(r) {
		return " "
	}
	lower := unicode.ToLower(r)
	d := norm.NFD.String(string(lower))
	out := make([]rune, 0, 2)
	for _, c := range d {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return string(lower)
	}
	switch string(out) {
	case "ı":
		return "i"
	}
	return string(out)
}

// fold folds text for matching, keeping the offset map.
func fold(text string) folded {
	f := folded{b: make([]byte, 0, len(text)), orig: make([]int32, 0, len(text)+1)}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if c == '\t' {
				c = ' '
			} else if c == '\r' {
				c = '\n'
			} else if c == '`' {
				c = '\''
			}
			f.b = append(f.b, c)
			f.orig = append(f.orig, int32(i))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		s := foldRune(r)
		for k := 0; k < len(s); k++ {
			f.b = append(f.b, s[k])
			f.orig = append(f.orig, int32(i))
		}
		i += size
	}
	f.orig = append(f.orig, int32(len(text)))
	return f
}

// foldString folds a pattern or a name.
func foldString(s string) string {
	return string(fold(s).b)
}

// isWordRune reports whether r is part of a word for boundary checks.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
