package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations bring the schema from version i to version i+1. They run in
// order, each in its own transaction together with the bump of the schema
// version, so a database is always at exactly one version. Never edit a
// migration that has shipped: append a new one.
var migrations = []func(ctx context.Context, tx *sql.Tx) error{
	// 1: documents, their full-text index, feeds.
	func(ctx context.Context, tx *sql.Tx) error {
		return execAll(ctx, tx,
			`CREATE TABLE documents (
				seq                 INTEGER PRIMARY KEY,
				id                  TEXT NOT NULL UNIQUE CHECK (id <> ''),
				source_id           TEXT NOT NULL DEFAULT '',
				url                 TEXT NOT NULL DEFAULT '',
				canonical_url       TEXT NOT NULL DEFAULT '',
				outlet              TEXT NOT NULL DEFAULT '',
				outlet_key          TEXT NOT NULL DEFAULT '',
				title               TEXT NOT NULL DEFAULT '',
				author              TEXT NOT NULL DEFAULT '',
				published           TEXT,
				published_precision TEXT NOT NULL DEFAULT ''
					CHECK (published_precision IN ('', 'year', 'month', 'day', 'instant')),
				language            TEXT NOT NULL DEFAULT '',
				text                TEXT NOT NULL,
				origin              TEXT NOT NULL DEFAULT '',
				origin_kind         TEXT NOT NULL DEFAULT '',
				ingested            TEXT NOT NULL,
				duplicate_of        TEXT REFERENCES documents(id),
				simhash             INTEGER NOT NULL,
				band0               INTEGER NOT NULL,
				band1               INTEGER NOT NULL,
				band2               INTEGER NOT NULL,
				band3               INTEGER NOT NULL,
				CHECK ((published IS NULL) = (published_precision = ''))
			)`,
			`CREATE INDEX documents_source_id ON documents(source_id) WHERE source_id <> ''`,
			`CREATE INDEX documents_published ON documents(published)`,
			`CREATE INDEX documents_outlet_key ON documents(outlet_key)`,
			`CREATE INDEX documents_duplicate_of ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL`,
			`CREATE INDEX documents_band0 ON documents(band0)`,
			`CREATE INDEX documents_band1 ON documents(band1)`,
			`CREATE INDEX documents_band2 ON documents(band2)`,
			`CREATE INDEX documents_band3 ON documents(band3)`,
			// AddDocuments indexes each batch with one INSERT ... SELECT: an
			// insert trigger would flush the index once per document.
			`CREATE VIRTUAL TABLE documents_fts USING fts5(
				title, text,
				content = 'documents', content_rowid = 'seq',
				tokenize = 'unicode61 remove_diacritics 2'
			)`,
			`CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
				INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
			END`,
			`CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
				INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
				INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
			END`,
			`CREATE TABLE feeds (
				url           TEXT PRIMARY KEY,
				etag          TEXT NOT NULL DEFAULT '',
				last_modified TEXT NOT NULL DEFAULT '',
				fetched       TEXT
			)`,
		)
	},
	// 2: extractions and claims.
	func(ctx context.Context, tx *sql.Tx) error {
		return execAll(ctx, tx,
			`CREATE TABLE extractions (
				doc_id          TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
				lexicon_version TEXT NOT NULL,
				extracted_at    TEXT NOT NULL
			)`,
			`CREATE INDEX extractions_lexicon_version ON extractions(lexicon_version)`,
			`CREATE TABLE claims (
				id             INTEGER PRIMARY KEY,
				doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
				ord            INTEGER NOT NULL,
				sentence       TEXT NOT NULL,
				actor          TEXT NOT NULL,
				act            TEXT NOT NULL,
				issue          TEXT NOT NULL,
				position       TEXT NOT NULL DEFAULT '',
				precondition   INTEGER NOT NULL DEFAULT 0,
				source_kind    TEXT NOT NULL DEFAULT '',
				source_name    TEXT NOT NULL DEFAULT '',
				source_via     TEXT NOT NULL DEFAULT '',
				hedged         INTEGER NOT NULL DEFAULT 0,
				sentence_start INTEGER NOT NULL DEFAULT 0,
				sentence_end   INTEGER NOT NULL DEFAULT 0,
				actor_start    INTEGER NOT NULL DEFAULT 0,
				actor_end      INTEGER NOT NULL DEFAULT 0,
				actor_how      TEXT NOT NULL DEFAULT '',
				act_start      INTEGER NOT NULL DEFAULT 0,
				act_end        INTEGER NOT NULL DEFAULT 0,
				issue_start    INTEGER NOT NULL DEFAULT 0,
				issue_end      INTEGER NOT NULL DEFAULT 0,
				source_start   INTEGER NOT NULL DEFAULT 0,
				source_end     INTEGER NOT NULL DEFAULT 0,
				hedge_start    INTEGER NOT NULL DEFAULT 0,
				hedge_end      INTEGER NOT NULL DEFAULT 0,
				lexicon        TEXT NOT NULL DEFAULT ''
			)`,
			`CREATE INDEX claims_doc ON claims(doc_id, ord)`,
			`CREATE INDEX claims_actor ON claims(actor COLLATE NOCASE)`,
			`CREATE INDEX claims_issue ON claims(issue)`,
			`CREATE INDEX claims_act ON claims(act)`,
		)
	},
	// 3: cases.
	func(ctx context.Context, tx *sql.Tx) error {
		return execAll(ctx, tx,
			`CREATE TABLE cases (
				name    TEXT PRIMARY KEY CHECK (name <> ''),
				yaml    BLOB NOT NULL,
				updated TEXT NOT NULL
			)`,
		)
	},
	// 4: a leaner full-text index, and no band columns.
	//
	// The index keeps which documents hold a token but not where
	// (detail=none): indexing a 4 KB report then costs about half as much,
	// and searches are for words, not phrases (FTSQuery). Segments are
	// merged 16 at a time instead of 4, which writes each entry fewer
	// times. Near-duplicates are found by an in-memory index (nearIndex),
	// so the SimHash band columns and their indexes go.
	func(ctx context.Context, tx *sql.Tx) error {
		return execAll(ctx, tx,
			`DROP TRIGGER documents_fts_delete`,
			`DROP TRIGGER documents_fts_update`,
			`DROP TABLE documents_fts`,
			`CREATE VIRTUAL TABLE documents_fts USING fts5(
				title, text,
				content = 'documents', content_rowid = 'seq',
				tokenize = 'unicode61 remove_diacritics 2',
				detail = none
			)`,
			`INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 16)`,
			`CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
				INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
			END`,
			`CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
				INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
				INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
			END`,
			`INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')`,
			`DROP INDEX documents_band0`,
			`DROP INDEX documents_band1`,
			`DROP INDEX documents_band2`,
			`DROP INDEX documents_band3`,
			`ALTER TABLE documents DROP COLUMN band0`,
			`ALTER TABLE documents DROP COLUMN band1`,
			`ALTER TABLE documents DROP COLUMN band2`,
			`ALTER TABLE documents DROP COLUMN band3`,
		)
	},
	// 5: SimHashes by the shingle hash that hashes each word once
	// (ShingleHashes), recomputed for every stored document that has one.
	func(ctx context.Context, tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT seq, text FROM documents WHERE simhash <> 0`)
		if err != nil {
			return err
		}
		type rehash struct {
			seq int64
			h   uint64
		}
		var updates []rehash
		for rows.Next() {
			var (
				seq  int64
				text string
			)
			if err := rows.Scan(&seq, &text); err != nil {
				rows.Close()
				return err
			}
			updates = append(updates, rehash{seq, SimHash(text)})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		update, err := tx.PrepareContext(ctx, `UPDATE documents SET simhash = ? WHERE seq = ?`)
		if err != nil {
			return err
		}
		defer update.Close()
		for _, u := range updates {
			if _, err := update.ExecContext(ctx, int64(u.h), u.seq); err != nil {
				return err
			}
		}
		return nil
	},
}

func execAll(ctx context.Context, tx *sql.Tx, statements ...string) error {
	for _, q := range statements {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// schemaVersion reads the version; a database without the table is at 0.
func schemaVersion(ctx context.Context, q queryer) (int, error) {
	var n int
	err := q.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'`).Scan(&n)
	if err != nil || n == 0 {
		return 0, err
	}
	var v int
	if err := q.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil {
		return 0, err
	}
	return v, nil
}

// migrate applies migrations until the schema is at version target.
func migrate(ctx context.Context, db *sql.DB, target int) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		// Read the version inside the write transaction, so two processes
		// opening the same new database do not both run a migration.
		v, err := currentVersion(ctx, tx)
		if err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate: %w", err)
		}
		if v > len(migrations) {
			tx.Rollback()
			return fmt.Errorf("migrate: the database is at schema version %d, newer than this parley knows (%d)", v, len(migrations))
		}
		if v >= target {
			return tx.Rollback()
		}
		if err := migrations[v](ctx, tx); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to version %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM schema_version`); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to version %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, v+1); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to version %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate to version %d: %w", v+1, err)
		}
	}
}

func currentVersion(ctx context.Context, tx *sql.Tx) (int, error) {
	var v int
	err := tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return v, err
}
