package actors

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
)

// Decoding the embedded YAML takes a few hundred milliseconds; snapshot.gob
// holds each data file decoded, with the positions its error messages
// need, keyed by the file's SHA-256. Load takes a file from the snapshot
// when its hash matches and decodes the YAML otherwise, so a stale snapshot
// gives the same entries, only slower; TestSnapshot fails on a stale
// snapshot so that a data edit is not committed without it. Rewrite it
// after editing the data with
//
//	go test ./internal/actors -run TestSnapshot -update

//go:embed snapshot.gob
var snapshotData []byte

// snapshot is the content of snapshot.gob.
type snapshot struct {
	Files []fileSnapshot
}

// fileSnapshot is one data file, decoded.
type fileSnapshot struct {
	Name string
	Hash string
	Data dataFile
	Pos  map[string]string
}

func fileHash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// readSnapshot decodes the embedded snapshot; it returns nil when there is
// none or it cannot be read.
func readSnapshot() map[string]fileSnapshot {
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(snapshotData)).Decode(&s); err != nil {
		return nil
	}
	out := make(map[string]fileSnapshot, len(s.Files))
	for _, f := range s.Files {
		out[f.Name] = f
	}
	return out
}

// loadEmbedded returns the embedded entries, taking each file from the
// snapshot when it is current.
func loadEmbedded() (*entries, error) {
	srcs, err := embeddedSources()
	if err != nil {
		return nil, err
	}
	snap := readSnapshot()
	files := make([]*decoded, len(srcs))
	for i, s := range srcs {
		if f, ok := snap[s.name]; ok && f.Hash == fileHash(s.data) {
			files[i] = &decoded{src: s, df: f.Data, pos: f.Pos}
		}
	}
	return mergeDecoded(newEntries(), srcs, files)
}

// WriteSnapshot decodes the embedded YAML and writes a snapshot of it.
func WriteSnapshot(w io.Writer) error {
	srcs, err := embeddedSources()
	if err != nil {
		return err
	}
	var s snapshot
	for _, src := range srcs {
		d, err := decodeSource(src)
		if err != nil {
			return err
		}
		s.Files = append(s.Files, fileSnapshot{Name: src.name, Hash: fileHash(src.data), Data: d.df, Pos: d.positions()})
	}
	// The data must load cleanly before they are snapshotted.
	if _, err := loadSources(srcs); err != nil {
		return err
	}
	if err := gob.NewEncoder(w).Encode(s); err != nil {
		return fmt.Errorf("actors: write snapshot: %w", err)
	}
	return nil
}

// StaleSnapshotFiles lists the embedded data files that the snapshot does
// not hold as they are (they are decoded from the YAML at every Load).
func StaleSnapshotFiles() []string {
	srcs, err := embeddedSources()
	if err != nil {
		return nil
	}
	snap := readSnapshot()
	var stale []string
	for _, s := range srcs {
		if f, ok := snap[s.name]; !ok || f.Hash != fileHash(s.data) {
			stale = append(stale, s.name)
		}
	}
	return stale
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
