package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// SQLite is the default Store: one database file in WAL mode.
//
// Writes go through a single connection and every write transaction starts
// with BEGIN IMMEDIATE, so writers queue on the Go side instead of failing
// with SQLITE_BUSY halfway through. Reads use a small pool of read-only
// connections, which WAL lets run alongside the writer.
type SQLite struct {
	path string
	w    *sql.DB // one connection, BEGIN IMMEDIATE
	r    *sql.DB // read-only pool
	near nearIndex
}

var _ Store = (*SQLite)(nil)

// busyTimeout is how long a connection waits for a lock held by another
// process before giving up.
const busyTimeout = 5 * time.Second

// readers is the size of the read-only connection pool.
const readers = 4

// Open opens (creating if needed) the database at path, creates its parent
// directories, and applies pending schema migrations.
func Open(ctx context.Context, path string) (*SQLite, error) {
	s, err := openAt(ctx, path, len(migrations))
	if err != nil {
		return nil, err
	}
	return s, nil
}

// openAt opens the database and migrates it to schema version target (at
// most len(migrations)); tests use a lower target to build old databases.
func openAt(ctx context.Context, path string, target int) (*SQLite, error) {
	if path == "" {
		return nil, errors.New("store: open: empty database path")
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("store: open %s: the path must not contain '?'", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store: open %s: %w", path, err)
		}
	}
	pragmas := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)",
		busyTimeout.Milliseconds())

	// The writer checkpoints the WAL every 8,192 pages (32 MB) instead of
	// 1,000: a batch of 2,000 reports writes more than 1,000 pages, so the
	// default checkpointed after every batch and copied pages that the next
	// batch rewrites (full-text segments, b-tree interior pages) each time.
	w, err := sql.Open("sqlite", path+"?"+pragmas+"&_pragma=cache_size(-65536)&_pragma=temp_store(memory)&_pragma=wal_autocheckpoint(8192)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	if err := migrate(ctx, w, target); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}

	r, err := sql.Open("sqlite", path+"?"+pragmas+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	if err := r.PingContext(ctx); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return &SQLite{path: path, w: w, r: r}, nil
}

// Path returns the database file's path.
func (s *SQLite) Path() string { return s.path }

// Close closes the database.
func (s *SQLite) Close() error {
	errR := s.r.Close()
	errW := s.w.Close()
	if err := errors.Join(errW, errR); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// SchemaVersion returns the schema version of the open database.
func (s *SQLite) SchemaVersion(ctx context.Context) (int, error) {
	v, err := schemaVersion(ctx, s.r)
	if err != nil {
		return 0, fmt.Errorf("store: schema version: %w", err)
	}
	return v, nil
}

// Check verifies the database: SQLite's integrity check and the full-text
// index against the documents table. It returns nil when both pass.
func (s *SQLite) Check(ctx context.Context) error {
	rows, err := s.r.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("store: check: %w", err)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return fmt.Errorf("store: check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("store: check: %s", strings.Join(problems, "; "))
	}
	// The FTS5 integrity check writes nothing but is issued as an INSERT.
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1)")
		return err
	})
	if err != nil {
		return fmt.Errorf("store: check full-text index: %w", err)
	}
	return nil
}

// write runs f in a write transaction (BEGIN IMMEDIATE on the single
// writer connection), committing when f returns nil and rolling back
// otherwise.
func (s *SQLite) write(ctx context.Context, f func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) {
			return errors.Join(err, fmt.Errorf("rollback: %w", rbErr))
		}
		return err
	}
	return tx.Commit()
}

// timeLayout is how times are stored: UTC, fixed width, so that text order
// is time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// nullTime stores the zero time as NULL.
func nullTime(t time.Time) sql.NullString {
	if t.IsZero() {
		return sql.NullString{}
	}
	return sql.NullString{String: formatTime(t), Valid: true}
}

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t, nil
}

func parseNullTime(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	return parseTime(s.String)
}
