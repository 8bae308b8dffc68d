package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"parley/internal/model"
)

// ErrAmbiguous is returned when a document reference (an ID prefix or a
// source ID) matches more than one document.
var ErrAmbiguous = errors.New("ambiguous reference")

// MinPrefix is the shortest ID prefix Document accepts.
const MinPrefix = 6

// docColumns are the columns scanDocument reads, in order.
const docColumns = `id, source_id, url, canonical_url, outlet, title, author,
	published, published_precision, language, text, origin, origin_kind,
	ingested, duplicate_of, simhash`

// AddDocuments stores a batch of documents in one transaction.
//
// A document whose ID is stored already, or appeared earlier in the same
// batch, is a Duplicate and is not written. Otherwise, when maxHamming >= 0
// and its SimHash is not zero, the earliest ingested document (stored, or
// earlier in the batch) whose SimHash is within maxHamming bits and which
// shares at least MinContainment of the shorter text's word 3-shingles is
// its original, and the document is stored as a NearDuplicate of it (of
// its own original, if that one is itself a near-duplicate). The SimHash
// search is exact, through an in-memory index of every SimHash (see
// nearIndex); the shingles are compared for its first maxConfirm finds. The
// DuplicateOf the caller sets is ignored. A zero Ingested time is set to
// now. On error nothing of the batch is stored.
func (s *SQLite) AddDocuments(ctx context.Context, docs []model.Document, maxHamming int) ([]AddResult, error) {
	results := make([]AddResult, 0, len(docs))
	now := time.Now()
	// The batch's documents, for the near-duplicate index once committed.
	var (
		newSeqs   []int64
		newHashes []uint64
	)
	s.near.mu.Lock()
	defer s.near.mu.Unlock()
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
		bySeq, err := tx.PrepareContext(ctx, `SELECT id, duplicate_of, text FROM documents WHERE seq = ?`)
		if err != nil {
			return err
		}
		defer bySeq.Close()
		// A document whose ID is stored already inserts nothing: that is
		// how a Duplicate is found when no near-duplicate search ran.
		insert, err := tx.PrepareContext(ctx, `INSERT INTO documents (
				id, source_id, url, canonical_url, outlet, outlet_key, title, author,
				published, published_precision, language, text, origin, origin_kind,
				ingested, duplicate_of, simhash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO NOTHING`)
		if err != nil {
			return err
		}
		defer insert.Close()
		if err := s.near.catchUp(ctx, tx); err != nil {
			return fmt.Errorf("near-duplicate index: %w", err)
		}
		lastSeq := s.near.lastSeq

		for i := range docs {
			d := &docs[i]
			if err := cancelled(); err != nil {
				return err
			}
			if err := validateDocument(d); err != nil {
				return fmt.Errorf("document %d (%s): %w", i, short(d.ID), err)
			}
			original := ""
			if h := d.SimHash; h != 0 && maxHamming >= 0 {
				candidates := s.near.within(h, maxHamming)
				candidates = withinIn(candidates, h, maxHamming, newHashes, newSeqs)
				if len(candidates) > 0 {
					// A match may be the same text again: only then is
					// the ID looked up before inserting.
					var one int
					switch err := exists.QueryRowContext(ctx, d.ID).Scan(&one); {
					case err == nil:
						results = append(results, AddResult{ID: d.ID, Outcome: Duplicate, Of: d.ID})
						continue
					case !errors.Is(err, sql.ErrNoRows):
						return fmt.Errorf("document %s: %w", short(d.ID), err)
					}
					if original, err = confirmOriginal(ctx, bySeq, d.Text, candidates); err != nil {
						return fmt.Errorf("document %s: near-duplicates: %w", short(d.ID), err)
					}
				}
			}
			ingested := d.Ingested
			if ingested.IsZero() {
				ingested = now
			}
			h := d.SimHash
			res, err := insert.ExecContext(ctx,
				d.ID, d.SourceID, d.URL, d.CanonicalURL, d.Outlet, outletKey(d.Outlet), d.Title, d.Author,
				nullTime(d.Published), string(d.PublishedPrecision), d.Language, d.Text, d.Origin, d.OriginKind,
				formatTime(ingested), sql.NullString{String: original, Valid: original != ""}, int64(h))
			if err != nil {
				return fmt.Errorf("document %s: %w", short(d.ID), err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return fmt.Errorf("document %s: %w", short(d.ID), err)
			} else if n == 0 {
				results = append(results, AddResult{ID: d.ID, Outcome: Duplicate, Of: d.ID})
				continue
			}
			if h != 0 {
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
	s.near.add(newSeqs, newHashes)
	return results, nil
}

// maxConfirm is how many candidates, at most, have their shingles
// compared with a new document's: the earliest ones. Beyond a few, the
// candidates are a crowd of similar but different texts (a template).
const maxConfirm = 16

// confirmOriginal returns the original of the earliest candidate (by seq)
// that holds at least MinContainment of the shingles of text, or of
// whose shingles text holds as much: the candidate's ID, or its own
// original if it is a near-duplicate. It returns "" when none does.
func confirmOriginal(ctx context.Context, bySeq *sql.Stmt, text string, candidates []int64) (string, error) {
	mine := shingleSet(text)
	for _, seq := range candidates[:min(len(candidates), maxConfirm)] {
		var (
			id, other string
			dupOf     sql.NullString
		)
		if err := bySeq.QueryRowContext(ctx, seq).Scan(&id, &dupOf, &other); err != nil {
			return "", err
		}
		if containment(mine, shingleSet(other)) < MinContainment {
			continue
		}
		if dupOf.String != "" {
			return dupOf.String, nil
		}
		return id, nil
	}
	return "", nil
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
// appear in the title or the text (a word ending in * matches as a prefix;
// a word of several tokens, such as "front-line", matches them in a row).
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
	var phrases []phrase
	if f.Search != "" {
		q := FTSQuery(f.Search)
		if q == "" {
			return nil, nil // nothing searchable: no match
		}
		where = append(where, "seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
		args = append(args, q)
		phrases = searchPhrases(f.Search)
	}
	query := `SELECT ` + docColumns + ` FROM documents`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	// SQLite sorts NULL lowest, so undated documents come last, and the
	// index on published (which ends with seq) gives this order unsorted.
	query += " ORDER BY published DESC, seq DESC"
	if f.Limit > 0 && len(phrases) == 0 {
		query += " LIMIT ?"
		args = append(args, f.Limit)
	}
	docs, err := s.queryDocuments(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: documents: %w", err)
	}
	if len(phrases) > 0 {
		// The index found every token; a word of several tokens must
		// also have them in a row.
		kept := docs[:0]
		for _, d := range docs {
			if f.Limit > 0 && len(kept) == f.Limit {
				break
			}
			if matchesAll(phrases, d.Title+"\n"+d.Text) {
				kept = append(kept, d)
			}
		}
		docs = kept
	}
	return docs, nil
}

// isTokenRune says whether the full-text tokenizer (unicode61) keeps r in
// a token: letters, numbers and private-use characters. Marks split
// tokens (text is stored in NFC, so accents are mostly inside letters).
func isTokenRune(r rune) bool { return unicode.In(r, unicode.L, unicode.N, unicode.Co) }

// phrase is a search word of several tokens, folded as foldTokens folds
// text; prefix when the word ended in *.
type phrase struct {
	tokens []string
	prefix bool
}

// searchPhrases returns the search words made of several tokens
// ("front-line", "U.S."), which must match their tokens in a row.
func searchPhrases(words string) []phrase {
	var out []phrase
	for _, w := range strings.Fields(words) {
		if tokens := foldTokens(w); len(tokens) > 1 {
			out = append(out, phrase{tokens: tokens, prefix: strings.HasSuffix(w, "*")})
		}
	}
	return out
}

// foldAccents returns a transformer that removes diacritics, as the
// full-text tokenizer does (a new one each time: a chain keeps state).
func foldAccents() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// foldTokens splits s into tokens as the full-text index does: lower-case,
// without diacritics, split at anything but a token character.
func foldTokens(s string) []string {
	folded, _, err := transform.String(foldAccents(), s)
	if err != nil {
		folded = s
	}
	return strings.FieldsFunc(strings.ToLower(folded), func(r rune) bool { return !isTokenRune(r) })
}

// matchesAll says whether the tokens of text hold every phrase in a row.
func matchesAll(phrases []phrase, text string) bool {
	tokens := foldTokens(text)
	for _, p := range phrases {
		if !hasRun(tokens, p) {
			return false
		}
	}
	return true
}

func hasRun(tokens []string, p phrase) bool {
	n := len(p.tokens)
	for i := 0; i+n <= len(tokens); i++ {
		ok := true
		for k, t := range p.tokens {
			if k == n-1 && p.prefix {
				ok = ok && strings.HasPrefix(tokens[i+k], t)
			} else {
				ok = ok && tokens[i+k] == t
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// FTSQuery turns words typed by a user into an FTS5 query that cannot be a
// syntax error. The index keeps no positions (see migration 4), so the
// query is a list of tokens, all of which must match: a word is split
// where the tokenizer splits it (at anything but a letter, a number or a
// private-use character: "front-line" is "front" and "line"), each token
// is quoted, and a
// word ending in * makes its last token a prefix query. It returns "" when
// no token is left.
func FTSQuery(words string) string {
	var parts []string
	separator := func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }
	notToken := func(r rune) bool { return !isTokenRune(r) }
	for _, w := range strings.FieldsFunc(words, separator) {
		prefix := strings.HasSuffix(w, "*")
		tokens := strings.FieldsFunc(w, notToken)
		for i, tok := range tokens {
			q := `"` + tok + `"`
			if prefix && i == len(tokens)-1 {
				q += "*"
			}
			parts = append(parts, q)
		}
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
