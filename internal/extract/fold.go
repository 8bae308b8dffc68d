package extract

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// folded is a document's text lower-cased with typographic variants mapped
// to ASCII (curly quotes and apostrophes, dashes, non-breaking spaces), and
// a map from each folded byte back to the byte of the source it came from,
// so that spans found in the folded text name exact source bytes.
type folded struct {
	text []byte
	// off[i] is the source offset of folded byte i; off[len(text)] is the
	// source length.
	off []int32
	// inv[j] is the folded offset of the rune holding source byte j;
	// inv[len(src)] is the folded length.
	inv []int32
}

// fold folds src. It reuses f's buffers.
func (f *folded) fold(src string) {
	f.text = f.text[:0]
	f.off = f.off[:0]
	f.inv = f.inv[:0]
	f.text = slices.Grow(f.text, len(src)+len(src)/8)
	f.off = slices.Grow(f.off, len(src)+len(src)/8+1)
	f.inv = slices.Grow(f.inv, len(src)+1)
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			// A run of ASCII: copied, lower-cased, one folded byte per
			// source byte.
			j := i + 1
			for j < len(src) && src[j] < utf8.RuneSelf {
				j++
			}
			n := len(f.text)
			f.text = append(f.text, src[i:j]...)
			for k, c := range f.text[n:] {
				if 'A' <= c && c <= 'Z' {
					f.text[n+k] = c + ('a' - 'A')
				}
			}
			for k := i; k < j; k++ {
				f.off = append(f.off, int32(k))
				f.inv = append(f.inv, int32(n+k-i))
			}
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		switch r {
		case '\u2019', '\u2018', '\u02bc', '\u2032', '`':
			r = '\''
		case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
			r = '"'
		case '\u2013', '\u2014', '\u2012', '\u2212':
			r = '-'
		case '\u00a0', '\u2009', '\u202f', '\u2002', '\u2003':
			r = ' '
		case '\u2026':
			r = '.'
		default:
			r = unicode.ToLower(r)
		}
		for k := 0; k < size; k++ {
			f.inv = append(f.inv, int32(len(f.text)))
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		for k := 0; k < n; k++ {
			f.text = append(f.text, buf[k])
			f.off = append(f.off, int32(i))
		}
		i += size
	}
	f.off = append(f.off, int32(len(src)))
	f.inv = append(f.inv, int32(len(f.text)))
}

// foldString folds a cue or pattern the same way as a text.
func foldString(s string) string {
	var f folded
	f.fold(s)
	return string(f.text)
}

// isWordByte reports whether b is part of a word in folded text: ASCII
// letters and digits, and the bytes of non-ASCII runes.
func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b >= utf8.RuneSelf
}
