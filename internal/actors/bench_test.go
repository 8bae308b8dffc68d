package actors_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/internal/actors"
)

// BenchmarkLoad measures loading the embedded gazetteer: decoding every
// data file and building the matcher.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := actors.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResolve measures resolution over news-like text; the MB/s
// figure is the resolver's throughput.
func BenchmarkResolve(b *testing.B) {
	g := load(b)
	raw, err := os.ReadFile(filepath.Join("testdata", "news.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(raw)+"\n\n", 20)
	date := day("2024-06-01")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g.Resolve(text, date)
	}
}

// BenchmarkLoadYAML measures loading the embedded gazetteer from the YAML
// alone, without the snapshot.
func BenchmarkLoadYAML(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := actors.LoadYAMLOnly(); err != nil {
			b.Fatal(err)
		}
	}
}
