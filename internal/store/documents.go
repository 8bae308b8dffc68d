package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"time"
	"unicode"

	"parley/internal/model"
)

// ErrAmbiguous is returned when a document reference (an ID prefix or a
// source ID) matches more than one document.
var ErrAmbiguous = errors.New("ambiguous reference")

// MinPrefix is the shortest ID prefix Document accepts.
const MinPrefix = 6

// Band returns the i-th 16-bit band (0..3) of a SimHash. Two hashes within
// 3 bits of each other always share at least one band; AddDocuments looks
// for near-duplicates among documents sharing a band.
func Band(h uint64, i int) uint16 { return uint16(h >> (16 * i)) }

// docColumns are the columns scanDocument reads, in order.
const docColumns = `id, source_id, url, canonical_url, outlet, title, author,
	published, published_precision, language, text, origin, origin_kind,
	ingested, duplicate_of, simhash`

// AddDocuments stores a batch of documents in one transaction.
//
// A document whose ID is stored already, or appeared earlier in the same
// batch, is a Duplicate and is not written. Otherwise, when maxHamming >= 0
// and its SimHash is not zero, the earliest ingested document (stored, or
// earlier in the batch) whose SimHash is within maxHamming bits is its
// original, and the document is stored as a NearDuplicate of it (of its
// own original, if that one is itself a near-duplicate). The search is
// exact: up to 3 bits the indexed 16-bit band columns give the candidates;
// beyond that, an in-memory index of every SimHash (see nearIndex). The DuplicateOf the caller sets
// is ignored. A zero Ingested time is set to now. On error nothing of the
// batch is stored.
func (s *SQLite) AddDocuments(ctx context.Context, docs []model.Document, maxHamming int) ([]AddResult, error) {
	results := make([]AddResult, 0, len(docs))
	now := time.Now()
	scan := maxHamming > bandRadius
	// The batch's documents, for the near-duplicate index once committed.
	var (
		newSeqs   []int64
		newHashes []uint64
	)
	if scan {
		s.near.mu.Lock()
		defer s.near.mu.Unlock()
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		// The statements run without cancellation: the driver would watch
		// a cancellable context with a goroutine per statement, which
		// costs more than the statement. Cancellation is checked before
		// each document instead, and still rolls the batch back.
		ctx, cancelled := context.WithoutCancel(ctx), ctx.Err
		exists, err := tx.PrepareContext(ctx, `SELECT 1 FROM documents WHERE id = ?`)
		if err != nil {
			return err
		}
		defer exists.Close()
		candidates, err := tx.PrepareContext(ctx, `SELECT id, simhash, duplicate_of FROM documents
			WHERE band0 = ? OR band1 = ? OR band2 = ? OR band3 = ? ORDER BY seq`)
		if err != nil {
			return err
		}
		defer candidates.Close()
		bySeq, err := tx.PrepareContext(ctx, `SELECT id, duplicate_of FROM documents WHERE seq = ?`)
		if err != nil {
			return err
		}
		defer bySeq.Close()
		insert, err := tx.PrepareContext(ctx, `INSERT INTO documents (
				id, source_id, url, canonical_url, outlet, outlet_key, title, author,
				published, published_precision, language, text, origin, origin_kind,
				ingested, duplicate_of, simhash, band0, band1, band2, band3)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insert.Close()
		if scan {
			if err := s.near.catchUp(ctx, tx); err != nil {
				return fmt.Errorf("near-duplicate index: %w", err)
			}
		}
		var lastSeq int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM documents`).Scan(&lastSeq); err != nil {
			return err
		}

		for i := range docs {
			d := &docs[i]
			if err := cancelled(); err != nil {
				return err
			}
			if err := validateDocument(d); err != nil {
				return fmt.Errorf("document %d (%s): %w", i, short(d.ID), err)
			}
			var one int
			switch err := exists.QueryRowContext(ctx, d.ID).Scan(&one); {
			case err == nil:
				results = append(results, AddResult{ID: d.ID, Outcome: Duplicate, Of: d.ID})
				continue
			case !errors.Is(err, sql.ErrNoRows):
				return fmt.Errorf("document %s: %w", short(d.ID), err)
			}

			original := ""
			switch h := d.SimHash; {
			case h == 0 || maxHamming < 0:
			case scan:
				seq, ok := s.near.earliest(h, maxHamming)
				if !ok {
					seq, ok = earliestIn(h, maxHamming, newHashes, newSeqs)
				}
				if ok {
					original, err = originalOf(ctx, bySeq, seq)
				}
			default:
				original, err = findOriginal(ctx, candidates, h, maxHamming)
			}
			if err != nil {
				return fmt.Errorf("document %s: near-duplicates: %w", short(d.ID), err)
			}
			ingested := d.Ingested
			if ingested.IsZero() {
				ingested = now
			}
			h := d.SimHash
			res, err := insert.ExecContext(ctx,
				d.ID, d.SourceID, d.URL, d.CanonicalURL, d.Outlet, outletKey(d.Outlet), d.Title, d.Author,
				nullTime(d.Published), string(d.PublishedPrecision), d.Language, d.Text, d.Origin, d.OriginKind,
				formatTime(ingested), sql.NullString{String: original, Valid: original != ""},
				int64(h), int64(Band(h, 0)), int64(Band(h, 1)), int64(Band(h, 2)), int64(Band(h, 3)))
			if err != nil {
				return fmt.Errorf("document %s: %w", short(d.ID), err)
			}
			if scan && h != 0 {
				seq, err := res.LastInsertId()
				if err != nil {
					return fmt.Errorf("document %s: %w", short(d.ID), err)
				}
				newSeqs = append(newSeqs, seq)
				newHashes = append(newHashes, h)
			}
			if original != "" {
				results = append(results, AddResult{ID: d.ID, Outcome: NearDuplicate, Of: original})
			} else {
				results = append(results, AddResult{ID: d.ID, Outcome: Added})
			}
		}
		// Index the batch in one statement: FTS5 then builds one segment
		// for the batch instead of flushing at every statement.
		_, err = tx.ExecContext(ctx, `INSERT INTO documents_fts (rowid, title, text)
			SELECT seq, title, text FROM documents WHERE seq > ?`, lastSeq)
		if err != nil {
			return fmt.Errorf("full-text index: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: add documents: %w", err)
	}
	if scan {
		s.near.add(newSeqs, newHashes)
	}
	return results, nil
}

// originalOf returns the ID of the document with the given seq, or of its
// original if it is itself a near-duplicate.
func originalOf(ctx context.Context, bySeq *sql.Stmt, seq int64) (string, error) {
	var (
		id    string
		dupOf sql.NullString
	)
	if err := bySeq.QueryRowContext(ctx, seq).Scan(&id, &dupOf); err != nil {
		return "", err
	}
	if dupOf.String != "" {
		return dupOf.String, nil
	}
	return id, nil
}

// findOriginal returns the ID of the earliest stored document within
// maxHamming (at most bandRadius) bits of h, following its duplicate_of
// link; "" when there is none. Candidates are the documents sharing a band
// with h.
func findOriginal(ctx context.Context, candidates *sql.Stmt, h uint64, maxHamming int) (string, error) {
	rows, err := candidates.QueryContext(ctx,
		int64(Band(h, 0)), int64(Band(h, 1)), int64(Band(h, 2)), int64(Band(h, 3)))
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id    string
			other int64
			dupOf sql.NullString
		)
		if err := rows.Scan(&id, &other, &dupOf); err != nil {
			return "", err
		}
		if bits.OnesCount64(h^uint64(other)) <= maxHamming {
			if dupOf.Valid && dupOf.String != "" {
				return dupOf.String, nil
			}
			return id, nil
		}
	}
	return "", rows.Err()
}

func validateDocument(d *model.Document) error {
	switch {
	case d.ID == "":
		return errors.New("empty ID")
	case d.Published.IsZero() && d.PublishedPrecision != model.PrecisionNone:
		return fmt.Errorf("precision %q without a published time", d.PublishedPrecision)
	case !d.Published.IsZero() && d.PublishedPrecision == model.PrecisionNone:
		return errors.New("published time without a precision")
	}
	switch d.PublishedPrecision {
	case model.PrecisionNone, model.PrecisionYear, model.PrecisionMonth, model.PrecisionDay, model.PrecisionInstant:
	default:
		return fmt.Errorf("unknown precision %q", d.PublishedPrecision)
	}
	return nil
}

func outletKey(outlet string) string { return strings.ToLower(strings.TrimSpace(outlet)) }

// short shortens an ID for error messages.
func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	if id == "" {
		return `""`
	}
	return id
}

// Document returns one document by its full ID, by a unique prefix of its
// ID (at least MinPrefix hex digits), or by its SourceID. A reference that
// matches several documents gives an error wrapping ErrAmbiguous; one that
// matches none, an error wrapping ErrNotFound.
func (s *SQLite) Document(ctx context.Context, ref string) (model.Document, error) {
	d, err := s.document(ctx, ref)
	if err != nil {
		return model.Document{}, fmt.Errorf("store: document %q: %w", ref, err)
	}
	return d, nil
}

func (s *SQLite) document(ctx context.Context, ref string) (model.Document, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return model.Document{}, ErrNotFound
	}
	// The full ID.
	docs, err := s.queryDocuments(ctx, `SELECT `+docColumns+` FROM documents WHERE id = ?`, ref)
	if err != nil || len(docs) == 1 {
		return firstDoc(docs), err
	}
	// A source ID.
	docs, err = s.queryDocuments(ctx, `SELECT `+docColumns+` FROM documents WHERE source_id = ? AND source_id <> '' ORDER BY seq LIMIT 3`, ref)
	if err != nil {
		return model.Document{}, err
	}
	switch len(docs) {
	case 1:
		return docs[0], nil
	case 0:
	default:
		return model.Document{}, fmt.Errorf("%w: source ID of %s; use the document ID", ErrAmbiguous, idList(docs))
	}
	// An ID prefix.
	prefix := strings.ToLower(ref)
	if !isHex(prefix) {
		return model.Document{}, ErrNotFound
	}
	if len(prefix) < MinPrefix {
		return model.Document{}, fmt.Errorf("%w (an ID prefix needs at least %d characters)", ErrNotFound, MinPrefix)
	}
	// Hex digits sort below 'g', so [prefix, prefix+"g") is every ID with
	// the prefix, and the unique index on id answers it.
	docs, err = s.queryDocuments(ctx, `SELECT `+docColumns+` FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 3`,
		prefix, prefix+"g")
	if err != nil {
		return model.Document{}, err
	}
	switch len(docs) {
	case 0:
		return model.Document{}, ErrNotFound
	case 1:
		return docs[0], nil
	}
	return model.Document{}, fmt.Errorf("%w: prefix of %s; give more characters", ErrAmbiguous, idList(docs))
}

func firstDoc(docs []model.Document) model.Document {
	if len(docs) == 0 {
		return model.Document{}
	}
	return docs[0]
}

func idList(docs []model.Document) string {
	ids := make([]string, 0, len(docs))
	for i, d := range docs {
		if i == 2 {
			ids = append(ids, "more")
			break
		}
		ids = append(ids, short(d.ID))
	}
	return strings.Join(ids, ", ")
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return s != ""
}

// Documents lists documents: newest publication first, then undated ones,
// most recently ingested first. Since and Until (both inclusive) select on
// the publication time and leave out undated documents; Outlet matches the
// outlet case-insensitively; Search is a list of words, all of which must
// appear in the title or the text (a word ending in * matches as a prefix).
func (s *SQLite) Documents(ctx context.Context, f DocFilter) ([]model.Document, error) {
	var (
		where []string
		args  []any
	)
	if !f.Since.IsZero() {
		where = append(where, "published >= ?")
		args = append(args, formatTime(f.Since))
	}
	if !f.Until.IsZero() {
		where = append(where, "published <= ?")
		args = append(args, formatTime(f.Until))
	}
	if f.Outlet != "" {
		where = append(where, "outlet_key = ?")
		args = append(args, outletKey(f.Outlet))
	}
	if f.Search != "" {
		q := FTSQuery(f.Search)
		if q == "" {
			return nil, nil // nothing searchable: no match
		}
		where = append(where, "seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
		args = append(args, q)
	}
	query := `SELECT ` + docColumns + ` FROM documents`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	// SQLite sorts NULL lowest, so undated documents come last, and the
	// index on published (which ends with seq) gives this order unsorted.
	query += " ORDER BY published DESC, seq DESC"
	if f.Limit > 0 {
		query += " LIMIT ?"
		args = append(args, f.Limit)
	}
	docs, err := s.queryDocuments(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: documents: %w", err)
	}
	return docs, nil
}

// FTSQuery turns words typed by a user into an FTS5 query that cannot be a
// syntax error: each word becomes a quoted string (all must match), a
// trailing * makes it a prefix query, and words with no letter or digit
// are dropped. Control characters (NUL among them, which would end the
// query early) separate words. It returns "" when no word is left.
func FTSQuery(words string) string {
	var parts []string
	separator := func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }
	for _, w := range strings.FieldsFunc(words, separator) {
		prefix := strings.HasSuffix(w, "*")
		w = strings.TrimRight(w, "*")
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		q := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if prefix {
			q += "*"
		}
		parts = append(parts, q)
	}
	return strings.Join(parts, " ")
}

func (s *SQLite) queryDocuments(ctx context.Context, query string, args ...any) ([]model.Document, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var docs []model.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, rows.Err()
}

func scanDocument(rows *sql.Rows) (model.Document, error) {
	var (
		d                   model.Document
		published, dupOf    sql.NullString
		precision, ingested string
		h                   int64
	)
	err := rows.Scan(&d.ID, &d.SourceID, &d.URL, &d.CanonicalURL, &d.Outlet, &d.Title, &d.Author,
		&published, &precision, &d.Language, &d.Text, &d.Origin, &d.OriginKind,
		&ingested, &dupOf, &h)
	if err != nil {
		return d, err
	}
	if d.Published, err = parseNullTime(published); err != nil {
		return d, err
	}
	if d.Ingested, err = parseTime(ingested); err != nil {
		return d, err
	}
	d.PublishedPrecision = model.Precision(precision)
	d.DuplicateOf = dupOf.String
	d.SimHash = uint64(h)
	return d, nil
}
