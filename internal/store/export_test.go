package store

import (
	"context"
	"database/sql"
)

// Exported for the tests of package store_test.

// OpenAt opens a database migrated only to schema version target.
func OpenAt(ctx context.Context, path string, target int) (*SQLite, error) {
	return openAt(ctx, path, target)
}

// LatestVersion is the schema version Open migrates to.
var LatestVersion = len(migrations)

// Writer gives the tests the raw writer connection.
func Writer(s *SQLite) *sql.DB { return s.w }
