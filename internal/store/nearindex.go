package store

import (
	"context"
	"database/sql"
	"math/bits"
	"sync"
)

// bandRadius is the largest distance the band columns find every match
// for: two 64-bit hashes within 3 bits of each other agree on at least one
// of their four 16-bit bands (pigeonhole).
const bandRadius = 3

// nearIndex holds the SimHash of every committed document, in ingestion
// order, for an exact search within a distance the bands cannot guarantee.
// It costs 16 bytes a document; one scan of 100,000 takes well under a
// millisecond.
//
// It is loaded lazily, and brought up to date inside each write
// transaction (which holds the database's write lock), so documents that
// another process committed are seen too. Documents of a batch join it only
// once the batch commits.
type nearIndex struct {
	mu      sync.Mutex
	lastSeq int64 // the highest seq loaded
	seqs    []int64
	hashes  []uint64
}

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
	x.seqs = append(x.seqs, seqs...)
	x.hashes = append(x.hashes, hashes...)
	x.lastSeq = lastSeq
	return nil
}

// add records documents of a committed batch; their seqs are above lastSeq.
func (x *nearIndex) add(seqs []int64, hashes []uint64) {
	x.seqs = append(x.seqs, seqs...)
	x.hashes = append(x.hashes, hashes...)
	if n := len(seqs); n > 0 {
		x.lastSeq = seqs[n-1]
	}
}

// first returns the seq of the earliest document within maxHamming bits of
// h: among the indexed ones, then among pending (the batch so far).
func first(h uint64, maxHamming int, indexed, pending []uint64, indexedSeqs, pendingSeqs []int64) (int64, bool) {
	for i, other := range indexed {
		if bits.OnesCount64(h^other) <= maxHamming {
			return indexedSeqs[i], true
		}
	}
	for i, other := range pending {
		if bits.OnesCount64(h^other) <= maxHamming {
			return pendingSeqs[i], true
		}
	}
	return 0, false
}
