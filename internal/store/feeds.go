package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// FeedState returns what the last fetch of a feed left for conditional GET,
// or an error wrapping ErrNotFound when the feed was never fetched.
func (s *SQLite) FeedState(ctx context.Context, url string) (FeedState, error) {
	var (
		st      = FeedState{URL: url}
		fetched sql.NullString
	)
	err := s.r.QueryRowContext(ctx, `SELECT etag, last_modified, fetched FROM feeds WHERE url = ?`, url).
		Scan(&st.ETag, &st.LastModified, &fetched)
	if errors.Is(err, sql.ErrNoRows) {
		return FeedState{}, fmt.Errorf("store: feed state %s: %w", url, ErrNotFound)
	}
	if err != nil {
		return FeedState{}, fmt.Errorf("store: feed state %s: %w", url, err)
	}
	if st.Fetched, err = parseNullTime(fetched); err != nil {
		return FeedState{}, fmt.Errorf("store: feed state %s: %w", url, err)
	}
	return st, nil
}

// SetFeedState records the conditional-GET state of a feed.
func (s *SQLite) SetFeedState(ctx context.Context, st FeedState) error {
	if st.URL == "" {
		return errors.New("store: set feed state: empty URL")
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO feeds (url, etag, last_modified, fetched) VALUES (?, ?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched = excluded.fetched`,
			st.URL, st.ETag, st.LastModified, nullTime(st.Fetched))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: set feed state %s: %w", st.URL, err)
	}
	return nil
}
