package store

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// MinContainment is the share of the shorter text's word 3-shingles that
// must appear in the other text for two documents whose SimHashes are
// close to be near-duplicates (see AddDocuments).
//
// Containment rather than Jaccard similarity: a syndicated copy with a
// trailing paragraph, or cut short, holds (nearly) all of the shorter
// text, whatever the length of the addition, while its Jaccard similarity
// falls with every sentence added. The SimHash distance already requires
// the two texts to be of similar length, so a short note is not taken for
// a copy of the long report that quotes it.
const MinContainment = 0.9

// ShingleHashes appends to dst the hash of every word 3-shingle of text,
// in order, and returns it. Words are runs of letters, digits and marks,
// lower-cased; an apostrophe inside a word is dropped ("Tigray's" is
// "tigrays"). A shingle "w1 w2 w3" is hashed with 64-bit FNV-1a over
// those bytes (one space between the words). A text of fewer than three
// words gives the hash of each word.
func ShingleHashes(dst []uint64, text string) []uint64 {
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
		case r == '\u2019':
			// the typographic apostrophe, like the ASCII one
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
	if len(ends) < 3 {
		start := int32(0)
		for _, end := range ends {
			dst = append(dst, fnv1a(offset64, buf[start:end]))
			start = end
		}
		return dst
	}
	// Each shingle is hashed straight from the words, without building it.
	for i := 2; i < len(ends); i++ {
		s0 := int32(0)
		if i > 2 {
			s0 = ends[i-3]
		}
		h := fnv1a(offset64, buf[s0:ends[i-2]])
		h = (h ^ ' ') * prime64
		h = fnv1a(h, buf[ends[i-2]:ends[i-1]])
		h = (h ^ ' ') * prime64
		dst = append(dst, fnv1a(h, buf[ends[i-1]:ends[i]]))
	}
	return dst
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

// SimHash is the 64-bit SimHash of the text over its word 3-shingles
// (ShingleHashes): each shingle's hash votes on every bit, and a bit is
// set when more than half of the hashes have it. A text without words
// gives 0.
func SimHash(text string) uint64 {
	hashes := ShingleHashes(make([]uint64, 0, len(text)/5+1), text)
	// ones[bit] counts the hashes with that bit set. Counting goes through
	// byte lanes: lanes[j] holds, in byte k, how many hashes had bit 8k+j
	// set, and is emptied into ones before a byte can overflow.
	var ones [64]int
	var lanes [8]uint64
	for start := 0; start < len(hashes); start += 255 {
		for _, x := range hashes[start:min(start+255, len(hashes))] {
			for j := range 8 {
				lanes[j] += x >> j & 0x0101010101010101
			}
		}
		for j := range 8 {
			for k := range 8 {
				ones[8*k+j] += int(lanes[j] >> (8 * k) & 0xff)
			}
			lanes[j] = 0
		}
	}
	var out uint64
	for bit := range 64 {
		if 2*ones[bit] > len(hashes) {
			out |= 1 << bit
		}
	}
	return out
}

// shingleSet is the sorted set of a text's shingle hashes.
func shingleSet(text string) []uint64 {
	s := ShingleHashes(nil, text)
	slices.Sort(s)
	return slices.Compact(s)
}

// Containment is the share of the smaller of two sorted shingle sets that
// is in the other; 0 when either is empty.
func containment(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			common++
			i++
			j++
		}
	}
	return float64(common) / float64(min(len(a), len(b)))
}
