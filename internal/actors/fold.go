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
	var f folded
	foldInto(text, &f)
	return f
}

// foldInto folds text into f, reusing its buffers.
func foldInto(text string, f *folded) {
	if cap(f.b) < len(text) {
		f.b = make([]byte, 0, len(text)+len(text)/8)
		f.orig = make([]int32, 0, len(text)+len(text)/8+1)
	}
	f.b, f.orig = f.b[:0], f.orig[:0]
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			// a run of ASCII: one table lookup a byte
			j := i
			for j < len(text) && text[j] < utf8.RuneSelf {
				j++
			}
			n := len(f.b)
			f.b = append(f.b, text[i:j]...)
			for k, c := range f.b[n:] {
				f.b[n+k] = asciiFold[c]
			}
			for k := i; k < j; k++ {
				f.orig = append(f.orig, int32(k))
			}
			i = j
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
}

// asciiFold folds ASCII bytes: lower case, tabs as spaces, carriage returns
// as line breaks, backquotes as apostrophes.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		b := byte(c)
		switch {
		case 'A' <= b && b <= 'Z':
			b += 'a' - 'A'
		case b == '\t':
			b = ' '
		case b == '\r':
			b = '\n'
		case b == '`':
			b = '\''
		}
		t[c] = b
	}
	return t
}()

// foldString folds a pattern or a name.
func foldString(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return string(fold(s).b)
		}
	}
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		b[i] = asciiFold[s[i]]
	}
	return string(b)
}

// isWordRune reports whether r is part of a word for boundary checks.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
