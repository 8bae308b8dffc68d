package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"parley/internal/store"
)

// NormalizeText returns the text as parley stores it: Unicode NFC; line
// endings as "\n"; runs of horizontal white space (tabs, no-break and other
// Unicode spaces) as one space; lines trimmed; control and zero-width
// characters removed; one or more blank lines as one paragraph break
// ("\n\n"); no leading or trailing white space. Single line breaks inside a
// paragraph are kept: the normalisation is conservative and never joins or
// splits what the source separated.
func NormalizeText(s string) string {
	if a, e, ok := normalizedSpan(s); ok {
		return s[a:e]
	}
	return normalizeSlow(s)
}

// normalizedSpan reports whether s, past leading and trailing spaces and
// line breaks, is printable ASCII already normalised (single spaces, line
// breaks alone or in pairs, none next to a space), and that span. Most
// plain-text and JSON Lines reports are, and are then kept without a copy.
func normalizedSpan(s string) (int, int, bool) {
	a, e := 0, len(s)
	for a < e && (s[a] == ' ' || s[a] == '\n') {
		a++
	}
	for e > a && (s[e-1] == ' ' || s[e-1] == '\n') {
		e--
	}
	space, newlines := false, 0
	for i := a; i < e; i++ {
		switch c := s[i]; {
		case ' ' < c && c < 0x7f:
			space, newlines = false, 0
		case c == ' ':
			if space || newlines > 0 {
				return 0, 0, false
			}
			space = true
		case c == '\n':
			if space || newlines == 2 {
				return 0, 0, false
			}
			newlines++
		default:
			return 0, 0, false
		}
	}
	return a, e, true
}

// normalizeSlow is NormalizeText for any text.
func normalizeSlow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	newlines := 0  // line breaks pending since the last word
	space := false // a space is pending inside the line
	started := false
	ascii := true // only ASCII written: NFC already
	for i := 0; i < len(s); {
		if c := s[i]; ' ' < c && c < utf8.RuneSelf && c != 0x7f {
			// The common case first: a run of printable ASCII is copied
			// as it is.
			j := i + 1
			for j < len(s) && ' ' < s[j] && s[j] < utf8.RuneSelf && s[j] != 0x7f {
				j++
			}
			flushSep(&b, &newlines, &space, started)
			b.WriteString(s[i:j])
			started = true
			i = j
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == '\r':
			// "\r\n" counts once, at the "\n"; a lone "\r" is a line break.
			if i+1 < len(s) && s[i+1] == '\n' {
				break
			}
			newlines++
			space = false
		case r == '\n', r == '\u2028', r == '\u2029', r == '\f', r == '\v', r == '\u0085':
			newlines++
			if r == '\u2029' || r == '\f' {
				newlines++ // a paragraph or page separator is a paragraph break
			}
			space = false
		case r == '\t' || r == ' ' || r == '\u00a0' || (unicode.IsSpace(r) && r != '\n'):
			if newlines == 0 {
				space = true
			}
		case r == '\ufeff' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\u00ad':
			// byte order mark, zero-width characters and soft hyphens: dropped
		case r == utf8.RuneError && size == 1:
			// invalid bytes never reach here for text and JSON Lines (they
			// are rejected earlier); for HTML and feeds they are replaced.
			flushSep(&b, &newlines, &space, started)
			b.WriteRune(utf8.RuneError)
			started, ascii = true, false
		case unicode.IsControl(r):
			// other control characters carry no text
		default:
			flushSep(&b, &newlines, &space, started)
			b.WriteRune(r)
			started, ascii = true, ascii && r < utf8.RuneSelf
		}
		i += size
	}
	// NFC last: removing zero-width characters can bring a base letter and
	// a combining mark together.
	out := b.String()
	if !ascii && !norm.NFC.IsNormalString(out) {
		return norm.NFC.String(out)
	}
	return out
}

func flushSep(b *strings.Builder, newlines *int, space *bool, started bool) {
	if started {
		switch {
		case *newlines >= 2:
			b.WriteString("\n\n")
		case *newlines == 1:
			b.WriteByte('\n')
		case *space:
			b.WriteByte(' ')
		}
	}
	*newlines = 0
	*space = false
}

// DocumentID is the hex SHA-256 of the normalised text. The text goes
// to the hash through a small buffer: converting it to a byte slice would
// copy all of it to the heap.
func DocumentID(normalized string) string {
	h := sha256.New()
	var buf [256]byte
	for s := normalized; len(s) > 0; {
		n := copy(buf[:], s)
		h.Write(buf[:n])
		s = s[n:]
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))
}

// SimHash is the 64-bit SimHash of the text over word 3-shingles: words are
// runs of letters, digits and marks, lower-cased (an apostrophe inside a
// word is dropped); each shingle ("w1 w2 w3") is hashed with 64-bit FNV-1a
// and votes on every bit. A text of fewer than three words is hashed over
// its words. The store defines it (store.SimHash), since it also compares
// the shingles of near-duplicates.
func SimHash(text string) uint64 { return store.SimHash(text) }

// Hamming is the number of bits in which a and b differ.
func Hamming(a, b uint64) int {
	return bits.OnesCount64(a ^ b)
}
