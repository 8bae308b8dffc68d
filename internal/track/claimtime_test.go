package track_test

import (
	"testing"
	"time"

	"parley/internal/model"
	"parley/internal/track"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestResolveTime(t *testing.T) {
	// 2023-12-28 is a Thursday.
	dated := model.Document{Published: day("2023-12-28"), PublishedPrecision: model.PrecisionDay}
	undated := model.Document{}
	meeting := model.Document{
		Published: day("2022-03-08"), PublishedPrecision: model.PrecisionDay,
		Text: "The meeting took place on 5 March 2022 in Moscow. Three days after the meeting, details emerged.",
	}
	tests := []struct {
		name     string
		doc      model.Document
		sentence string
		want     string // ClaimTime.String()
		prec     model.Precision
		future   bool
		undated  bool
		note     bool
	}{
		{"no expression", dated, "Russia demanded neutrality.", "2023-12-28", model.PrecisionDay, false, false, false},
		{"last year", dated, "Talks began last year, sources said.", "2022", model.PrecisionYear, false, false, false},
		{"last month", dated, "Last month Kyiv rejected the plan.", "2023-11", model.PrecisionMonth, false, false, false},
		{"on Wednesday", dated, "On Wednesday the Kremlin said it was ready.", "2023-12-27", model.PrecisionDay, false, false, false},
		{"on Thursday is today", dated, "The envoy said on Thursday that talks would go on.", "2023-12-28", model.PrecisionDay, false, false, false},
		{"next Monday", dated, "The delegations will meet next Monday.", "2024-01-01 (future)", model.PrecisionDay, true, false, false},
		{"mid-January next year", dated, "Zelensky plans to hold talks in mid-January next year.", "2024-01 (future)", model.PrecisionMonth, true, false, false},
		{"in March, past", dated, "In March, Moscow offered a truce.", "2023-03", model.PrecisionMonth, false, false, false},
		{"in March, intention", dated, "Moscow plans to offer a truce in March.", "2024-03 (future)", model.PrecisionMonth, true, false, false},
		{"coming days", dated, "They will have to decide in the coming days.", "2023-12-28 (future)", model.PrecisionDay, true, false, false},
		{"absolute day", dated, "On 3 March 2022 Russia set out its demands.", "2022-03-03", model.PrecisionDay, false, false, false},
		{"month day year", dated, "On March 29, 2022, Ukraine proposed neutrality.", "2022-03-29", model.PrecisionDay, false, false, false},
		{"two weeks ago", dated, "Two weeks ago Hamas dropped the demand.", "2023-12-14", model.PrecisionDay, false, false, false},
		{"anchor in sentence", dated, "Three days after the summit of 5 March 2022, Kyiv replied.", "2022-03-08", model.PrecisionDay, false, false, false},
		{"anchor in report", meeting, "Three days after the meeting, details emerged.", "2022-03-08", model.PrecisionDay, false, false, false},
		{"anchor unknown", dated, "Three days after Bennett's meeting with Putin, details emerged.", "2023-12-28", model.PrecisionDay, false, false, true},
		{"may is a verb", dated, "Putin may consider modifying the conditions.", "2023-12-28", model.PrecisionDay, false, false, false},
		{"undated, no expression", undated, "Russia demanded neutrality.", "undated", model.PrecisionNone, false, true, true},
		{"undated, relative", undated, "Talks began last year.", "undated", model.PrecisionNone, false, true, true},
		{"undated, absolute", undated, "On 3 March 2022 Russia set out its demands.", "2022-03-03", model.PrecisionDay, false, false, true},
		{"month-precision report", model.Document{Published: day("2023-12-01"), PublishedPrecision: model.PrecisionMonth}, "On Wednesday Kyiv said no.", "2023-11", model.PrecisionMonth, false, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := track.ResolveTime(tc.sentence, tc.doc)
			if got.String() != tc.want || got.Precision != tc.prec || got.Future != tc.future || got.Undated != tc.undated || (got.Note != "") != tc.note {
				t.Errorf("ResolveTime(%q) = %s precision=%q future=%v undated=%v note=%q expr=%q; want %s precision=%q future=%v undated=%v note=%v",
					tc.sentence, got, got.Precision, got.Future, got.Undated, got.Note, got.Expr, tc.want, tc.prec, tc.future, tc.undated, tc.note)
			}
		})
	}
}
