package track_test

import (
	"testing"

	"parley/internal/model"
	"parley/internal/track"
)

func FuzzResolveTime(f *testing.F) {
	for _, s := range []string{
		"Talks began last year.", "On Wednesday the Kremlin said", "three days after the meeting of 5 March 2022",
		"in mid-January next year", "in the coming days", "2022-13-45", "on 31 February 2024", "in 99 years", "",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, sentence string, dated bool) {
		doc := model.Document{Text: sentence}
		if dated {
			doc.Published, doc.PublishedPrecision = day("2023-12-28"), model.PrecisionDay
		}
		ct := track.ResolveTime(sentence, doc)
		if ct.Undated != ct.Time.IsZero() {
			t.Errorf("undated=%v but time %v", ct.Undated, ct.Time)
		}
		if ct.Undated && ct.Precision != model.PrecisionNone {
			t.Errorf("undated with precision %q", ct.Precision)
		}
		if dated && ct.Undated {
			t.Errorf("a dated report's claim came out undated: %+v", ct)
		}
	})
}

func FuzzParseCase(f *testing.F) {
	f.Add("name: x\nparties: [A, B]\n")
	f.Add("name: x\nparties: [A, B]\nscales:\n  territory:\n    points:\n      - {value: 0, label: a, cues: [a]}\n")
	f.Fuzz(func(t *testing.T, y string) {
		c, err := track.ParseCase("f.yaml", []byte(y))
		if err == nil && len(c.Parties) < 2 {
			t.Errorf("accepted a case with %d parties", len(c.Parties))
		}
	})
}
