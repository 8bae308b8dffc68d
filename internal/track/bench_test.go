package track_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"parley/internal/model"
)

// benchFixture builds n reports of 25 claims each, over two years.
func benchFixture(n int) *fixture {
	f := newFixture()
	acts := model.Acts
	parties := []string{"Russia", "Ukraine"}
	for i := range n {
		id := fmt.Sprintf("d%04d", i)
		f.doc(id, "Outlet", time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*730/n).Format(time.DateOnly))
		for j := range 25 {
			is := model.Issues[(i+j)%len(model.Issues)]
			f.claim(id, fmt.Sprintf("Sentence %s of report %s on %s, the red line.", strings.Repeat("x", j+1), strings.Repeat("y", i+1), is),
				parties[j%2], acts[(i*7+j)%len(acts)], is, source(model.SourceKinds[j%5], "", ""))
		}
	}
	return f
}

func BenchmarkCase(b *testing.B) {
	f := benchFixture(200) // 5,000 claims
	c := "name: b\nparties: [Russia, Ukraine]\n"
	t := &testing.T{}
	b.ReportAllocs()
	for b.Loop() {
		v := f.view(t, c)
		v.Gaps()
		v.Changes(time.Time{})
		v.Conflicts()
		var buf bytes.Buffer
		if err := v.WriteBrief(&buf, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
}
