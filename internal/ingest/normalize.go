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
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '.' || r == ',' {
			// the common case, first
			if started {
				switch {
				case newlines >= 2:
					b.WriteString("\n\n")
				case newlines == 1:
					b.WriteByte('\n')
				case space:
					b.WriteByte(' ')
				}
			}
			newlines, space = 0, false
			b.WriteByte(byte(r))
			started = true
			continue
		}
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
// runs of letters, digits and marks, lower-cased (an apostrophe inside a
// word is dropped); each shingle ("w1 w2 w3") is hashed with 64-bit FNV-1a
// and votes on every bit. A text of fewer than three words is hashed over
// its words.
func SimHash(text string) uint64 {
	// The lower-cased words, one after another in buf; ends[i] is where
	// word i ends.
	buf := make([]byte, 0, len(text))
	ends := make([]int, 0, len(text)/5+1)
	inWord := false
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			buf = append(buf, byte(r))
			inWord = true
		case 'A' <= r && r <= 'Z':
			buf = append(buf, byte(r)+('a'-'A'))
			inWord = true
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			inWord = true
		case r == '\'' || r == '\u2019':
			// "Tigray's" and "Tigrays" shingle alike
		default:
			if inWord {
				ends = append(ends, len(buf))
				inWord = false
			}
		}
	}
	if inWord {
		ends = append(ends, len(buf))
	}
	if len(ends) == 0 {
		return 0
	}
	word := func(i int) []byte {
		start := 0
		if i > 0 {
			start = ends[i-1]
		}
		return buf[start:ends[i]]
	}
	// ones[bit] counts the hashes with that bit set. Counting goes through
	// byte lanes: lanes[j] holds, in byte k, how many hashes had bit 8k+j
	// set, and is emptied into ones before a byte can overflow.
	var ones [64]int
	var lanes [8]uint64
	pending, votes := 0, 0
	flush := func() {
		for j := range 8 {
			for k := range 8 {
				ones[8*k+j] += int(lanes[j] >> (8 * k) & 0xff)
			}
			lanes[j] = 0
		}
		pending = 0
	}
	h := fnv.New64a()
	var sh []byte
	add := func(b []byte) {
		h.Reset()
		h.Write(b)
		x := h.Sum64()
		for j := range 8 {
			lanes[j] += x >> j & 0x0101010101010101
		}
		votes++
		if pending++; pending == 255 {
			flush()
		}
	}
	if len(ends) < 3 {
		for i := range ends {
			add(word(i))
		}
	} else {
		for i := 2; i < len(ends); i++ {
			sh = append(sh[:0], word(i-2)...)
			sh = append(sh, ' ')
			sh = append(sh, word(i-1)...)
			sh = append(sh, ' ')
			sh = append(sh, word(i)...)
			add(sh)
		}
	}
	flush()
	var out uint64
	for bit := range 64 {
		if 2*ones[bit] > votes {
			out |= 1 << bit
		}
	}
	return out
}

// Hamming is the number of bits in which a and b differ.
func Hamming(a, b uint64) int {
	return bits.OnesCount64(a ^ b)
}
