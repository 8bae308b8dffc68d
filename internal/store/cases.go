package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// PutCase stores a case, replacing one of the same name. A zero Updated is
// set to now.
func (s *SQLite) PutCase(ctx context.Context, c CaseRecord) error {
	if c.Name == "" {
		return errors.New("store: put case: empty name")
	}
	if c.Updated.IsZero() {
		c.Updated = time.Now()
	}
	yaml := c.YAML
	if yaml == nil {
		yaml = []byte{}
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO cases (name, yaml, updated) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET yaml = excluded.yaml, updated = excluded.updated`,
			c.Name, yaml, formatTime(c.Updated))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: put case %q: %w", c.Name, err)
	}
	return nil
}

// Case returns the case with the given name, or an error wrapping
// ErrNotFound.
func (s *SQLite) Case(ctx context.Context, name string) (CaseRecord, error) {
	cs, err := s.queryCases(ctx, `SELECT name, yaml, updated FROM cases WHERE name = ?`, name)
	if err != nil {
		return CaseRecord{}, fmt.Errorf("store: case %q: %w", name, err)
	}
	if len(cs) == 0 {
		return CaseRecord{}, fmt.Errorf("store: case %q: %w", name, ErrNotFound)
	}
	return cs[0], nil
}

// Cases lists every case by name.
func (s *SQLite) Cases(ctx context.Context) ([]CaseRecord, error) {
	cs, err := s.queryCases(ctx, `SELECT name, yaml, updated FROM cases ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("store: cases: %w", err)
	}
	return cs, nil
}

func (s *SQLite) queryCases(ctx context.Context, query string, args ...any) ([]CaseRecord, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cs []CaseRecord
	for rows.Next() {
		var (
			c       CaseRecord
			updated string
		)
		if err := rows.Scan(&c.Name, &c.YAML, &updated); err != nil {
			return nil, err
		}
		if c.Updated, err = parseTime(updated); err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	return cs, rows.Err()
}
