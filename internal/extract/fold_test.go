package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// referenceFold folds one byte or rune at a time, as fold did before it
// copied ASCII runs: fold must give the same text and offset maps.
func referenceFold(src string) folded {
	var f folded
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			f.inv = append(f.inv, int32(len(f.text)))
			f.text = append(f.text, c)
			f.off = append(f.off, int32(i))
			i++
			continue
		}
		var r rune
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
		for range size {
			f.inv = append(f.inv, int32(len(f.text)))
		}
		f.text = utf8.AppendRune(f.text, r)
		for len(f.off) < len(f.text) {
			f.off = append(f.off, int32(i))
		}
		i += size
	}
	f.off = append(f.off, int32(len(src)))
	f.inv = append(f.inv, int32(len(f.text)))
	return f
}

func TestFoldMatchesReference(t *testing.T) {
	pieces := []string{"Talks ", "KYIV", "\u2019s ", "\u201cWe\u201d", " \u2014 ", "Ⱥ", "İstanbul", "\u212a", "\xff", "caf\u00e9", ". ", "\n"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		src := b.String()
		var got folded
		got.text = []byte("stale")
		got.fold(src)
		want := referenceFold(src)
		if !slices.Equal(got.text, want.text) || !slices.Equal(got.off, want.off) || !slices.Equal(got.inv, want.inv) {
			t.Fatalf("fold(%q) = %q %v %v, want %q %v %v", src, got.text, got.off, got.inv, want.text, want.off, want.inv)
		}
	}
}
