package ingest

import (
	"crypto/sha256"
	"encoding/hex"
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
	ends := make([]int32, 0, len(text)/5+1)
	inWord := false
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			switch l := asciiWordByte[c]; {
			case l > 1:
				buf = append(buf, l)
				inWord = true
			case l == 0 && inWord:
				ends = append(ends, int32(len(buf)))
				inWord = false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			inWord = true
		case r == '\'' || r == '\u2019':
			// "Tigray's" and "Tigrays" shingle alike
		default:
			if inWord {
				ends = append(ends, int32(len(buf)))
				inWord = false
			}
		}
	}
	if inWord {
		ends = append(ends, int32(len(buf)))
	}
	if len(ends) == 0 {
		return 0
	}
	// ones[bit] counts the hashes with that bit set. Counting goes through
	// byte lanes: lanes[j] holds, in byte k, how many hashes had bit 8k+j
	// set, and is emptied into ones before a byte can overflow.
	var ones [64]int
	var lanes [8]uint64
	pending, votes := 0, 0
	vote := func(x uint64) {
		for j := range 8 {
			lanes[j] += x >> j & 0x0101010101010101
		}
		votes++
		if pending++; pending == 255 {
			flushLanes(&ones, &lanes)
			pending = 0
		}
	}
	if len(ends) < 3 {
		start := int32(0)
		for _, end := range ends {
			vote(fnv1a(offset64, buf[start:end]))
			start = end
		}
	} else {
		// Each shingle "w1 w2 w3" is hashed straight from the words,
		// without building it.
		for i := 2; i < len(ends); i++ {
			s0 := int32(0)
			if i > 2 {
				s0 = ends[i-3]
			}
			h := fnv1a(offset64, buf[s0:ends[i-2]])
			h = (h ^ ' ') * prime64
			h = fnv1a(h, buf[ends[i-2]:ends[i-1]])
			h = (h ^ ' ') * prime64
			vote(fnv1a(h, buf[ends[i-1]:ends[i]]))
		}
	}
	flushLanes(&ones, &lanes)
	var out uint64
	for bit := range 64 {
		if 2*ones[bit] > votes {
			out |= 1 << bit
		}
	}
	return out
}

// asciiWordByte maps an ASCII byte to itself lower-cased when it belongs
// to a word (a letter or a digit), to 1 for the apostrophe (dropped inside
// a word) and to 0 for a separator.
var asciiWordByte = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + ('a' - 'A')
		case c == '\'':
			t[c] = 1
		}
	}
	return t
}()

// FNV-1a, 64 bits (as hash/fnv), inlined: the hash.Hash interface costs
// more than the hashing of a short word.
const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

func fnv1a(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= prime64
	}
	return h
}

// flushLanes adds the byte-lane counters to ones and empties them.
func flushLanes(ones *[64]int, lanes *[8]uint64) {
	for j := range 8 {
		for k := range 8 {
			ones[8*k+j] += int(lanes[j] >> (8 * k) & 0xff)
		}
		lanes[j] = 0
	}
}

// Hamming is the number of bits in which a and b differ.
func Hamming(a, b uint64) int {
	return bits.OnesCount64(a ^ b)
}
