package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"parley/internal/model"
)

// PendingExtraction lists, in ingestion order, the IDs of documents not yet
// extracted with lexiconVersion (every document when all is true).
func (s *SQLite) PendingExtraction(ctx context.Context, lexiconVersion string, all bool) ([]string, error) {
	query := `SELECT d.id FROM documents d
		WHERE NOT EXISTS (SELECT 1 FROM extractions e WHERE e.doc_id = d.id AND e.lexicon_version = ?)
		ORDER BY d.seq`
	args := []any{lexiconVersion}
	if all {
		query = `SELECT id FROM documents ORDER BY seq`
		args = nil
	}
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: pending extraction: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: pending extraction: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: pending extraction: %w", err)
	}
	return ids, nil
}

// ReplaceClaims replaces the claims of document docID and records that it
// was extracted with lexiconVersion, in one transaction. A claim whose Doc
// is set must name docID; an empty Doc is taken as docID.
func (s *SQLite) ReplaceClaims(ctx context.Context, docID, lexiconVersion string, claims []model.Claim) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = ?`, docID).Scan(&one); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM claims WHERE doc_id = ?`, docID); err != nil {
			return err
		}
		insert, err := tx.PrepareContext(ctx, `INSERT INTO claims (
				doc_id, ord, sentence, actor, act, issue, position, precondition,
				source_kind, source_name, source_via, hedged,
				sentence_start, sentence_end, actor_start, actor_end, actor_how,
				act_start, act_end, issue_start, issue_end, source_start, source_end,
				hedge_start, hedge_end, lexicon)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insert.Close()
		for i, c := range claims {
			if c.Doc != "" && c.Doc != docID {
				return fmt.Errorf("claim %d belongs to document %s", i, short(c.Doc))
			}
			e := c.Evidence
			_, err := insert.ExecContext(ctx,
				docID, i, c.Sentence, c.Actor, c.Act, c.Issue, c.Position, c.Precondition,
				c.Source.Kind, c.Source.Name, c.Source.Via, c.Hedged,
				e.Sentence.Start, e.Sentence.End, e.Actor.Start, e.Actor.End, e.ActorHow,
				e.Act.Start, e.Act.End, e.Issue.Start, e.Issue.End, e.Source.Start, e.Source.End,
				e.Hedge.Start, e.Hedge.End, e.Lexicon)
			if err != nil {
				return fmt.Errorf("claim %d: %w", i, err)
			}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO extractions (doc_id, lexicon_version, extracted_at) VALUES (?, ?, ?)
			ON CONFLICT (doc_id) DO UPDATE SET lexicon_version = excluded.lexicon_version, extracted_at = excluded.extracted_at`,
			docID, lexiconVersion, formatTime(time.Now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: replace claims of %s: %w", short(docID), err)
	}
	return nil
}

// Claims lists claims in their documents' publication order (undated
// documents last, in ingestion order), then by position in the document.
// Actor matches case-insensitively; Act and Issue exactly; Since and Until
// (inclusive) select on the document's publication time; Doc accepts
// whatever Document accepts.
func (s *SQLite) Claims(ctx context.Context, f ClaimFilter) ([]model.Claim, error) {
	var (
		where []string
		args  []any
	)
	if f.Doc != "" {
		d, err := s.document(ctx, f.Doc)
		if err != nil {
			return nil, fmt.Errorf("store: claims: document %q: %w", f.Doc, err)
		}
		where = append(where, "c.doc_id = ?")
		args = append(args, d.ID)
	}
	if f.Actor != "" {
		where = append(where, "c.actor = ? COLLATE NOCASE")
		args = append(args, f.Actor)
	}
	if f.Act != "" {
		where = append(where, "c.act = ?")
		args = append(args, f.Act)
	}
	if f.Issue != "" {
		where = append(where, "c.issue = ?")
		args = append(args, f.Issue)
	}
	if !f.Since.IsZero() {
		where = append(where, "d.published >= ?")
		args = append(args, formatTime(f.Since))
	}
	if !f.Until.IsZero() {
		where = append(where, "d.published <= ?")
		args = append(args, formatTime(f.Until))
	}
	query := `SELECT c.id, c.doc_id, c.sentence, c.actor, c.act, c.issue, c.position, c.precondition,
			c.source_kind, c.source_name, c.source_via, c.hedged,
			c.sentence_start, c.sentence_end, c.actor_start, c.actor_end, c.actor_how,
			c.act_start, c.act_end, c.issue_start, c.issue_end, c.source_start, c.source_end,
			c.hedge_start, c.hedge_end, c.lexicon
		FROM claims c JOIN documents d ON d.id = c.doc_id`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY d.published IS NULL, d.published, d.seq, c.sentence_start, c.ord"
	if f.Limit > 0 {
		query += " LIMIT ?"
		args = append(args, f.Limit)
	}
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: claims: %w", err)
	}
	defer rows.Close()
	var claims []model.Claim
	for rows.Next() {
		var c model.Claim
		e := &c.Evidence
		err := rows.Scan(&c.ID, &c.Doc, &c.Sentence, &c.Actor, &c.Act, &c.Issue, &c.Position, &c.Precondition,
			&c.Source.Kind, &c.Source.Name, &c.Source.Via, &c.Hedged,
			&e.Sentence.Start, &e.Sentence.End, &e.Actor.Start, &e.Actor.End, &e.ActorHow,
			&e.Act.Start, &e.Act.End, &e.Issue.Start, &e.Issue.End, &e.Source.Start, &e.Source.End,
			&e.Hedge.Start, &e.Hedge.End, &e.Lexicon)
		if err != nil {
			return nil, fmt.Errorf("store: claims: %w", err)
		}
		claims = append(claims, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: claims: %w", err)
	}
	return claims, nil
}
