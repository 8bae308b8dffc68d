package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeText returns the text as parley stores it: Unicode NFC; line
// endings as "\n"; runs of horizontal white space (tabs, no-break and other
// Unicode spaces) as one space; lines trimmed; control and zero-width
// characters removed; one or more blank lines as one paragraph break
// ("\n\n"); no leading or trailing white space. Single line breaks inside a
// paragraph are kept: the normalisation is conservative and never joins or
// splits what the source separated.
func NormalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	newlines := 0  // line breaks pending since the last word
	space := false // a space is pending inside the line
	started := false
	for i, r := range s {
		switch {
		case r == '\r':
			// "\r\n" counts once, at the "\n"; a lone "\r" is a line break.
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
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
		case r == utf8.RuneError && isInvalidAt(s, i):
			// invalid bytes never reach here for text and JSON Lines (they
			// are rejected earlier); for HTML and feeds they are replaced.
			flushSep(&b, &newlines, &space, started)
			b.WriteRune(utf8.RuneError)
			started = true
		case unicode.IsControl(r):
			// other control characters carry no text
		default:
			flushSep(&b, &newlines, &space, started)
			b.WriteRune(r)
			started = true
		}
	}
	// NFC last: removing zero-width characters can bring a base letter and
	// a combining mark together.
	if out := b.String(); !norm.NFC.IsNormalString(out) {
		return norm.NFC.String(out)
	}
	return b.String()
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

func isInvalidAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

// DocumentID is the hex SHA-256 of the normalised text.
func DocumentID(normalized string) string {
	sum := sha256.Sum256([]byte(normalized))
	return hex.EncodeToString(sum[:])
}

// SimHash is the 64-bit SimHash of the text over word 3-shingles: words are
// runs of letters and digits, lower-cased; each shingle ("w1 w2 w3") is
// hashed with 64-bit FNV-1a and votes on every bit. A text of fewer than
// three words is hashed over its words.
func SimHash(text string) uint64 {
	var counts [64]int
	var words [3]string
	n := 0
	vote := func(h uint64) {
		for bit := range 64 {
			if h&(1<<bit) != 0 {
				counts[bit]++
			} else {
				counts[bit]--
			}
		}
	}
	h := fnv.New64a()
	shingle := func() {
		h.Reset()
		h.Write([]byte(words[0]))
		h.Write([]byte{' '})
		h.Write([]byte(words[1]))
		h.Write([]byte{' '})
		h.Write([]byte(words[2]))
		vote(h.Sum64())
	}
	for w := range lowerWords(text) {
		words[0], words[1], words[2] = words[1], words[2], w
		n++
		if n >= 3 {
			shingle()
		}
	}
	if n > 0 && n < 3 {
		for _, w := range words[3-n:] {
			h.Reset()
			h.Write([]byte(w))
			vote(h.Sum64())
		}
	}
	var out uint64
	for bit := range 64 {
		if counts[bit] > 0 {
			out |= 1 << bit
		}
	}
	return out
}

// lowerWords yields the lower-cased words of text: maximal runs of letters,
// digits and marks (an apostrophe inside a word is dropped).
func lowerWords(text string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		var w []byte
		for _, r := range text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				w = utf8.AppendRune(w, unicode.ToLower(r))
				continue
			}
			if r == '\'' || r == '\u2019' {
				continue // "Tigray's" and "Tigrays" shingle alike
			}
			if len(w) > 0 {
				if !yield(string(w)) {
					return
				}
				w = w[:0]
			}
		}
		if len(w) > 0 {
			yield(string(w))
		}
	}
}

// Hamming is the number of bits in which a and b differ.
func Hamming(a, b uint64) int {
	return bits.OnesCount64(a ^ b)
}
