package actors_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"parley/internal/actors"
)

var update = flag.Bool("update", false, "rewrite snapshot.gob from the data files")

// TestSnapshot checks that snapshot.gob matches the data files, and
// rewrites it with -update.
func TestSnapshot(t *testing.T) {
	if *update {
		var b bytes.Buffer
		if err := actors.WriteSnapshot(&b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("snapshot.gob", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("snapshot.gob rewritten; rebuild to embed it")
		return
	}
	// A stale snapshot still gives the right entries, but Load then decodes
	// those files from the YAML (a few hundred milliseconds for all of
	// them, over the load budget): a data edit must come with a new
	// snapshot.
	if stale := actors.StaleSnapshotFiles(); len(stale) > 0 {
		t.Errorf("snapshot.gob does not match the data files %v; rewrite it and commit it with the data:\n\tgo test ./internal/actors -run TestSnapshot -update", stale)
	}
}

// TestSnapshotSameAsYAML checks that the snapshot and the YAML give the
// same entries.
func TestSnapshotSameAsYAML(t *testing.T) {
	fromSnap, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := actors.LoadYAMLOnly()
	if err != nil {
		t.Fatal(err)
	}
	if describeEntries(fromSnap) != describeEntries(fromYAML) {
		t.Error("the snapshot and the YAML give different entries")
	}
}

func describeEntries(g *actors.Gazetteer) string {
	b, err := json.Marshal([]any{g.Parties(), g.People()})
	if err != nil {
		panic(err)
	}
	return string(b)
}
