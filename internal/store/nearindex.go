package store

import (
	"context"
	"database/sql"
	"math/bits"
	"slices"
	"sync"
)

// nearIndex holds the SimHash of every committed document, in ingestion
// order, and finds all of them within a Hamming distance of a new one.
//
// The search is exact, by multi-index hashing: the 64 bits are four
// 16-bit blocks, and two hashes within r bits agree within r/4 bits on at
// least one block (pigeonhole). Each block has a table that groups the
// hashes by their value of that block; a search visits, in each table, the
// groups of every block value within r/4 bits of its own (137 of 65,536
// for r/4 = 2, that is r up to 11) and compares the hashes found there.
// Among N random hashes that is 4 × 137 × N/65,536 comparisons: 840 at
// 100,000 documents and 8,400 at a million, instead of N for a scan.
// Documents added since the tables were last built (at most tailMax) are
// scanned; the tables are rebuilt, by a counting sort, when that tail
// grows past it. Below scanMax documents, the index is only a scan. Distances of 16 bits or more (r/4 >= 4) are searched by
// a scan of everything.
//
// The index is loaded lazily and brought up to date inside each write
// transaction (which holds the database's write lock), so documents that
// another process committed are seen too. Documents of a batch join it
// only once the batch commits. It costs 16 bytes a document, and 48 more
// once the tables are built (past scanMax documents).
type nearIndex struct {
	mu      sync.Mutex
	lastSeq int64 // the highest seq loaded
	seqs    []int64
	hashes  []uint64
	// tables index hashes[:built]; the rest is the tail.
	built  int
	tables *[4]nearTable
}

// nearTable groups the indexed hashes by the value of one 16-bit block.
type nearTable struct {
	// The hashes whose block has value v are hashes[start[v]:start[v+1]],
	// at positions pos[start[v]:start[v+1]] of nearIndex.hashes.
	start  [1<<16 + 1]uint32
	hashes []uint64
	pos    []uint32
}

// scanMax is the number of hashes below which the tables are not built: a
// search visits 548 groups at random places (about 8 µs), which is what a
// scan of that many hashes costs.
const scanMax = 8192

// tailMin is the smallest tail that triggers rebuilding the tables.
const tailMin = 1024

// tailMax is the largest tail scanned before the tables are rebuilt: a
// rebuild costs about as much as scanning N/100 hashes once per document
// added since the last, so the tail grows with N.
func (x *nearIndex) tailMax() int { return max(tailMin, x.built/128) }

// maxBlockRadius is the largest per-block distance the tables search;
// beyond it, a scan.
const maxBlockRadius = 3

// blockMasks[q] lists the 16-bit masks of at most q bits.
var blockMasks = func() [maxBlockRadius + 1][]uint16 {
	var m [maxBlockRadius + 1][]uint16
	for v := range 1 << 16 {
		for q := bits.OnesCount16(uint16(v)); q <= maxBlockRadius; q++ {
			m[q] = append(m[q], uint16(v))
		}
	}
	return m
}()

// catchUp loads the documents committed since the last call.
func (x *nearIndex) catchUp(ctx context.Context, tx *sql.Tx) error {
	var lastSeq int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM documents`).Scan(&lastSeq); err != nil {
		return err
	}
	if lastSeq == x.lastSeq {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT seq, simhash FROM documents WHERE seq > ? AND seq <= ? AND simhash <> 0 ORDER BY seq`,
		x.lastSeq, lastSeq)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		seqs   []int64
		hashes []uint64
	)
	for rows.Next() {
		var seq, h int64
		if err := rows.Scan(&seq, &h); err != nil {
			return err
		}
		seqs = append(seqs, seq)
		hashes = append(hashes, uint64(h))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	x.add(seqs, hashes)
	x.lastSeq = lastSeq
	return nil
}

// add records committed documents; their seqs are above lastSeq.
func (x *nearIndex) add(seqs []int64, hashes []uint64) {
	x.seqs = append(x.seqs, seqs...)
	x.hashes = append(x.hashes, hashes...)
	if n := len(seqs); n > 0 {
		x.lastSeq = seqs[n-1]
	}
	if len(x.hashes) >= scanMax && len(x.hashes)-x.built > x.tailMax() {
		x.build()
	}
}

// build indexes every hash in the tables.
func (x *nearIndex) build() {
	if x.tables == nil {
		x.tables = new([4]nearTable)
	}
	n := len(x.hashes)
	for b := range x.tables {
		t := &x.tables[b]
		shift := 16 * b
		clear(t.start[:])
		for _, h := range x.hashes {
			t.start[int(uint16(h>>shift))+1]++
		}
		for v := 1; v < len(t.start); v++ {
			t.start[v] += t.start[v-1]
		}
		t.hashes = slices.Grow(t.hashes[:0], n)[:n]
		t.pos = slices.Grow(t.pos[:0], n)[:n]
		// next[v] is where the next hash with block value v goes: the
		// group's start, moved along as the group fills.
		next := t.start
		for i, h := range x.hashes {
			v := uint16(h >> shift)
			t.hashes[next[v]] = h
			t.pos[next[v]] = uint32(i)
			next[v]++
		}
	}
	x.built = n
}

// within returns, in ingestion order, the seqs of the indexed documents
// within maxHamming bits of h.
func (x *nearIndex) within(h uint64, maxHamming int) []int64 {
	var found []int
	q := maxHamming / 4
	tail := x.hashes[x.built:]
	if x.built == 0 || q > maxBlockRadius {
		tail = x.hashes
	} else {
		for b := range x.tables {
			t := &x.tables[b]
			v := uint16(h >> (16 * b))
			for _, m := range blockMasks[q] {
				g := int(v ^ m)
				for k := t.start[g]; k < t.start[g+1]; k++ {
					if bits.OnesCount64(h^t.hashes[k]) <= maxHamming {
						found = append(found, int(t.pos[k]))
					}
				}
			}
		}
	}
	found = scan(found, h, maxHamming, tail, len(x.hashes)-len(tail))
	if len(found) == 0 {
		return nil
	}
	// A hash close on several blocks is found in several tables.
	slices.Sort(found)
	found = slices.Compact(found)
	seqs := make([]int64, len(found))
	for i, p := range found {
		seqs[i] = x.seqs[p]
	}
	return seqs
}

// scan appends to dst offset+i for each hashes[i] within maxHamming bits
// of h, in order.
func scan(dst []int, h uint64, maxHamming int, hashes []uint64, offset int) []int {
	i := 0
	for ; i+4 <= len(hashes); i += 4 {
		// Four at a time: the comparisons are independent, so the
		// processor overlaps them; matches are rare.
		a := bits.OnesCount64(h ^ hashes[i])
		b := bits.OnesCount64(h ^ hashes[i+1])
		c := bits.OnesCount64(h ^ hashes[i+2])
		d := bits.OnesCount64(h ^ hashes[i+3])
		if min(a, b, c, d) <= maxHamming {
			for k, n := range [4]int{a, b, c, d} {
				if n <= maxHamming {
					dst = append(dst, offset+i+k)
				}
			}
		}
	}
	for ; i < len(hashes); i++ {
		if bits.OnesCount64(h^hashes[i]) <= maxHamming {
			dst = append(dst, offset+i)
		}
	}
	return dst
}

// withinIn appends to dst the seqs of the hashes within maxHamming bits of
// h, in order.
func withinIn(dst []int64, h uint64, maxHamming int, hashes []uint64, seqs []int64) []int64 {
	for _, i := range scan(nil, h, maxHamming, hashes, 0) {
		dst = append(dst, seqs[i])
	}
	return dst
}
