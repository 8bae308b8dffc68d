// Package sharedtest finds the shared reference material (the development
// set, DEU III) that sits beside the repository as ../shared, for tests
// that measure against it. Tests skip cleanly where it is absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns ../shared/<parts...> beside the module root, and skips the
// test when that file or folder does not exist.
func Path(t testing.TB, parts ...string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("sharedtest: module root not found")
		}
		dir = parent
	}
	p := filepath.Join(append([]string{dir, "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared material absent: %v", err)
	}
	return p
}
