package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"parley/internal/store"
)

// dbPath resolves the database file: --db or PARLEY_DB, else
// $XDG_DATA_HOME/parley/parley.db, else ~/.local/share/parley/parley.db.
func dbPath(g *Globals) (string, error) {
	if g.DB != "" {
		if fi, err := os.Stat(g.DB); err == nil && fi.IsDir() {
			return "", usagef("the database %s is a directory (check --db and PARLEY_DB)", g.DB)
		}
		return g.DB, nil
	}
	// The XDG specification says a relative XDG_DATA_HOME is invalid and
	// must be ignored.
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "parley", "parley.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no database path: give --db or set PARLEY_DB (%w)", err)
	}
	return filepath.Join(home, ".local", "share", "parley", "parley.db"), nil
}

// openStore opens the database, creating it (and its directory) if needed.
func openStore(ctx context.Context, g *Globals) (store.Store, error) {
	path, err := dbPath(g)
	if err != nil {
		return nil, err
	}
	return store.Open(ctx, path)
}

// openExistingStore opens the database for commands that only read it: a
// missing file is an error that says how to make one, rather than an empty
// database created as a side effect.
func openExistingStore(ctx context.Context, g *Globals) (store.Store, error) {
	path, err := dbPath(g)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no database at %s: ingest reports first (parley ingest PATH), or give --db", path)
	}
	return store.Open(ctx, path)
}

// dateHelp names the forms --since and --until accept.
const dateHelp = "YYYY-MM-DD or RFC 3339, e.g. 2022-11-02 or 2022-11-02T14:00:00Z"

// parseSince reads a --since value: a day means from its first instant
// (UTC). The empty string gives the zero time (no bound).
func parseSince(flag, s string) (time.Time, error) {
	t, _, err := parseDateFlag(flag, s)
	return t, err
}

// parseUntil reads an --until value: a day means up to its last instant
// (UTC), so --until 2022-11-02 includes reports of that day.
func parseUntil(flag, s string) (time.Time, error) {
	t, day, err := parseDateFlag(flag, s)
	if err != nil || t.IsZero() {
		return t, err
	}
	if day {
		t = t.AddDate(0, 0, 1).Add(-time.Nanosecond)
	}
	return t, nil
}

// parseRange reads --since and --until and checks their order.
func parseRange(since, until string) (time.Time, time.Time, error) {
	from, err := parseSince("--since", since)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	to, err := parseUntil("--until", until)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return time.Time{}, time.Time{}, usagef("--until %s is before --since %s", until, since)
	}
	return from, to, nil
}

// parseDateFlag parses a date flag; day reports whether only a day was
// given. Errors are usage errors.
func parseDateFlag(flag, s string) (t time.Time, day bool, err error) {
	if s == "" {
		return time.Time{}, false, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), false, nil
	}
	return time.Time{}, false, usagef("%s %q is not a date (%s)", flag, s, dateHelp)
}
