package store

import (
	"math/bits"
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
// "tigrays"). Each word is hashed once (64-bit FNV-1a of its bytes) and a
// shingle's hash mixes the hashes of its three words (shingleHash). A text
// of fewer than three words gives one hash for each word.
func ShingleHashes(dst []uint64, text string) []uint64 {
	n := 0 // words seen
	var w1, w2 uint64
	eachWord(text, func(w uint64) {
		n++
		if n >= 3 {
			dst = append(dst, shingleHash(w1, w2, w))
		}
		w1, w2 = w2, w
	})
	switch n {
	case 1:
		dst = append(dst, mix64(w2))
	case 2:
		dst = append(dst, mix64(w1), mix64(w2))
	}
	return dst
}

// eachWord calls f with the FNV-1a hash of each word of text, lower-cased,
// in order, without allocating.
func eachWord(text string, f func(uint64)) {
	h := uint64(offset64)
	inWord := false
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			switch l := asciiWordByte[c]; {
			case l > 1:
				h = (h ^ uint64(l)) * prime64
				inWord = true
			case l == 0 && inWord:
				f(h)
				h, inWord = offset64, false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			var enc [utf8.UTFMax]byte
			for _, c := range enc[:utf8.EncodeRune(enc[:], unicode.ToLower(r))] {
				h = (h ^ uint64(c)) * prime64
			}
			inWord = true
		case r == '\u2019':
			// the typographic apostrophe, like the ASCII one
		default:
			if inWord {
				f(h)
				h, inWord = offset64, false
			}
		}
	}
	if inWord {
		f(h)
	}
}

// shingleHash combines the hashes of three words, in order, into the
// shingle's: each is rotated by its place, and the sum is mixed so that
// every bit of the result depends on every bit of the words.
func shingleHash(w1, w2, w3 uint64) uint64 {
	return mix64(bits.RotateLeft64(w1, 42) + bits.RotateLeft64(w2, 21)*3 + w3*5)
}

// mix64 is the finaliser of MurmurHash3: it spreads every input bit over
// the output, which SimHash's bit votes need.
func mix64(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
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

// SimHash is the 64-bit SimHash of the text over its word 3-shingles (as
// ShingleHashes hashes them): each shingle's hash votes on every bit, and
// a bit is set when more than half of the hashes have it. A text without
// words gives 0. It allocates nothing.
func SimHash(text string) uint64 {
	// ones[bit] counts the hashes with that bit set. Counting goes through
	// byte lanes: lanes[j] holds, in byte k, how many hashes had bit 8k+j
	// set, and is emptied into ones before a byte can overflow.
	var (
		ones    [64]int
		lanes   [8]uint64
		pending int
		votes   int
	)
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
	n := 0
	var w1, w2 uint64
	eachWord(text, func(w uint64) {
		n++
		if n >= 3 {
			vote(shingleHash(w1, w2, w))
		}
		w1, w2 = w2, w
	})
	switch n {
	case 0:
		return 0
	case 1:
		vote(mix64(w2))
	case 2:
		vote(mix64(w1))
		vote(mix64(w2))
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

// flushLanes adds the byte-lane counters to ones and empties them.
func flushLanes(ones *[64]int, lanes *[8]uint64) {
	for j := range 8 {
		for k := range 8 {
			ones[8*k+j] += int(lanes[j] >> (8 * k) & 0xff)
		}
		lanes[j] = 0
	}
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
