package actors

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
)

// The embedded YAML takes a few hundred milliseconds to decode; snapshot.gob
// holds the same entries, decoded and checked, for fast loading. It records
// the SHA-256 of the data files it was made from: when they change, Load
// falls back to the YAML (correct, only slower) and TestSnapshot fails
// until the snapshot is rewritten with
//
//	go test ./internal/actors -run TestSnapshot -update

//go:embed snapshot.gob
var snapshotData []byte

// snapshot is the content of snapshot.gob.
type snapshot struct {
	Hash     string
	Parties  []*Party
	People   []*Person
	Problems []string
}

// dataHash returns the SHA-256 of the embedded data files, names and
// contents, in name order.
func dataHash(srcs []source) string {
	h := sha256.New()
	for _, s := range srcs {
		fmt.Fprintf(h, "%s\x00%d\x00", s.name, len(s.data))
		h.Write(s.data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// loadEmbedded returns the embedded entries, from the snapshot when it is
// current.
func loadEmbedded() (*entries, error) {
	srcs, err := embeddedSources()
	if err != nil {
		return nil, err
	}
	if e, ok := readSnapshot(snapshotData, dataHash(srcs)); ok {
		return e, nil
	}
	return loadSources(srcs)
}

// readSnapshot decodes a snapshot made from data with the given hash.
func readSnapshot(b []byte, hash string) (*entries, bool) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, false
	}
	var s snapshot
	if err := gob.NewDecoder(zr).Decode(&s); err != nil || s.Hash != hash {
		return nil, false
	}
	e := newEntries()
	e.parties, e.people, e.problems = s.Parties, s.People, s.Problems
	for i, p := range e.parties {
		e.partyIndex[foldString(p.Name)] = i
	}
	for i, p := range e.people {
		e.personIndex[foldString(p.Name)] = i
		for k := range p.Roles {
			r := &p.Roles[k]
			r.from, _ = parseRoleDate(r.From, false)
			r.to, _ = parseRoleDate(r.To, true)
			r.embedded = true
			r.at = p.File
		}
	}
	return e, true
}

// WriteSnapshot decodes the embedded YAML and writes a snapshot of it.
func WriteSnapshot(w io.Writer) error {
	srcs, err := embeddedSources()
	if err != nil {
		return err
	}
	e, err := loadSources(srcs)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return fmt.Errorf("actors: write snapshot: %w", err)
	}
	s := snapshot{Hash: dataHash(srcs), Parties: e.parties, People: e.people, Problems: e.problems}
	if err := gob.NewEncoder(zw).Encode(s); err != nil {
		return fmt.Errorf("actors: write snapshot: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("actors: write snapshot: %w", err)
	}
	return nil
}

// SnapshotCurrent reports whether the embedded snapshot matches the
// embedded data files.
func SnapshotCurrent() bool {
	srcs, err := embeddedSources()
	if err != nil {
		return false
	}
	_, ok := readSnapshot(snapshotData, dataHash(srcs))
	return ok
}

// LoadYAMLOnly loads the embedded data from the YAML files, ignoring the
// snapshot (for tests and benchmarks).
func LoadYAMLOnly() (*Gazetteer, error) {
	srcs, err := embeddedSources()
	if err != nil {
		return nil, err
	}
	e, err := loadSources(srcs)
	if err != nil {
		return nil, err
	}
	return build(e), nil
}
