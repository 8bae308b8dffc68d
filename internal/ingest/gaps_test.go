package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/internal/model"
	"parley/internal/store"
)

func TestWithoutSiteName(t *testing.T) {
	for _, tc := range []struct{ title, outlet, want string }{
		{"Talks resume in Nairobi | The Horn Wire", "The Horn Wire", "Talks resume in Nairobi"},
		{"Talks resume in Nairobi - the horn wire", "The Horn Wire", "Talks resume in Nairobi"},
		{"Talks resume in Nairobi — Horn Wire", "Horn Wire", "Talks resume in Nairobi"},
		{"Talks resume in Nairobi | The Horn Wire", "", "Talks resume in Nairobi | The Horn Wire"},
		{"Talks resume in Nairobi | Other Site", "The Horn Wire", "Talks resume in Nairobi | Other Site"},
		{"The Horn Wire", "The Horn Wire", "The Horn Wire"},
		{" | The Horn Wire", "The Horn Wire", " | The Horn Wire"},
		{"Envoys meet the Horn Wire", "Horn Wire", "Envoys meet the Horn Wire"},
	} {
		t.Run(tc.title, func(t *testing.T) {
			if got := withoutSiteName(tc.title, tc.outlet); got != tc.want {
				t.Errorf("withoutSiteName(%q, %q) = %q, want %q", tc.title, tc.outlet, got, tc.want)
			}
		})
	}
}

func TestHTMLTitleWithoutSiteName(t *testing.T) {
	page := `<!doctype html><html><head><title>Delegations agree on a timetable | Lakeside Courier</title>
<meta property="og:site_name" content="Lakeside Courier"></head><body><article><p>` +
		strings.Repeat("The delegations agreed on a timetable for the withdrawal of heavy weapons from the border area. ", 6) +
		`</p></article></body></html>`
	docs, fails := Parse(t.Context(), "page.html", []byte(page), testOptions())
	if len(fails) > 0 || len(docs) != 1 {
		t.Fatalf("%d documents, failures %v", len(docs), fails)
	}
	if got := docs[0].Title; got != "Delegations agree on a timetable" {
		t.Errorf("title %q", got)
	}
}

func TestFeedDatePrecision(t *testing.T) {
	feed := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Lakeside Courier</title>
<item><title>Timed</title><link>https://example.org/a</link><pubDate>Wed, 02 Nov 2022 14:05:00 GMT</pubDate>
<description>The envoys met again on Wednesday afternoon to discuss the corridor.</description></item>
<item><title>Day only</title><link>https://example.org/b</link><pubDate>2022-11-03</pubDate>
<description>The envoys said on Thursday that the corridor would open next week.</description></item>
</channel></rss>`
	docs, fails := Parse(t.Context(), "feed.xml", []byte(feed), testOptions())
	if len(fails) > 0 || len(docs) != 2 {
		t.Fatalf("%d documents, failures %v", len(docs), fails)
	}
	want := []struct {
		published string
		precision model.Precision
	}{
		{"2022-11-02T14:05:00Z", model.PrecisionInstant},
		{"2022-11-03T00:00:00Z", model.PrecisionDay},
	}
	for i, d := range docs {
		if got := d.Published.Format("2006-01-02T15:04:05Z07:00"); got != want[i].published || d.PublishedPrecision != want[i].precision {
			t.Errorf("%s: published %s (%s), want %s (%s)", d.Title, got, d.PublishedPrecision, want[i].published, want[i].precision)
		}
	}
}

func TestFailuresAsTheyHappen(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(bad, []byte("caf\xe9"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, []byte("The talks resumed on Monday."), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := testOptions()
	var told []string
	st := openStore(t)
	// The good file comes after both failures: each failure is told before
	// anything is stored.
	stored := func() int { return countDocs(t, st) }
	opts.OnFailure = func(f Failure) {
		if stored() != 0 {
			t.Errorf("%s told after documents were stored", f.Input)
		}
		told = append(told, f.Input)
	}
	missing := filepath.Join(dir, "missing.txt")
	sum, err := Run(context.Background(), st, []string{bad, missing, good}, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(told, ",") != bad+","+missing || sum.Failed != 2 || len(sum.Failures) != 2 || sum.New != 1 {
		t.Errorf("told %v; summary %+v", told, sum)
	}
}

// Reports written for these tests: one on a round of talks, and a second,
// different report on the same round.
const (
	talksReport = `Negotiators from the federal government and the eastern alliance met for a third day in the lakeside town of Kesem on Wednesday, and both sides said the talks had moved forward on the withdrawal of heavy weapons.

The government delegation asked that the alliance hand over artillery and rocket launchers within thirty days of a signed agreement. The alliance's chief negotiator said his side would accept a timetable only if federal troops left the three districts they took in the spring.

The mediators from the regional bloc proposed a joint monitoring commission with observers from both sides and from neighbouring states. A spokesman for the bloc said a draft text could be ready by the end of the month, but cautioned that the question of the districts was still open.

Aid agencies, who have not been able to reach the districts since April, urged the parties to open a corridor for food and medicine before any other step.`
	otherReport = `Talks between the federal government and the eastern alliance in Kesem ended their third day on Wednesday without a deal on the disputed districts, according to two people who attended the sessions.

The alliance insisted that federal forces leave the three districts before it discusses its artillery, one of the people said. Government negotiators instead want the weapons handed over first and a phased pull-back afterwards.

Diplomats from the regional bloc, which is mediating, have floated a commission to monitor any withdrawal, but neither side has yet accepted it. A new round is expected next month, and the humanitarian corridor demanded by aid groups remains closed.`
	// trailer keeps a copy's Jaccard similarity above 0.9: a longer one
	// still has all of the report (containment 1), but its SimHash drifts
	// past MaxHamming more often (see MaxHamming).
	trailer = `This report was distributed by a news agency and republished under a syndication agreement.`
)

// TestNearDuplicatePairs checks near-duplicates end to end, with real
// SimHashes and the store's shingle comparison: a syndicated copy with a
// new headline and one with a trailing paragraph are near-duplicates; a
// different report on the same talks is not.
func TestNearDuplicatePairs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		later string
		want  store.Outcome
	}{
		{"copy with a new headline", "Title: Kesem talks make progress on weapons\nOutlet: Valley Post\n\n" + talksReport, store.Duplicate},
		{"copy with a trailing paragraph", "Title: Third day in Kesem\nOutlet: Valley Post\n\n" + talksReport + "\n\n" + trailer, store.NearDuplicate},
		{"copy with a word changed and a trailer", "Outlet: Valley Post\n\n" + strings.Replace(talksReport, "cautioned", "warned", 1) + "\n\n" + trailer, store.NearDuplicate},
		{"another report on the same talks", "Title: No deal on districts\n\n" + otherReport, store.Added},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			first := filepath.Join(dir, "1-first.txt")
			later := filepath.Join(dir, "2-later.txt")
			if err := os.WriteFile(first, []byte("Title: Kesem talks, day three\nOutlet: Lakeside Courier\n\n"+talksReport), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(later, []byte(tc.later), 0o644); err != nil {
				t.Fatal(err)
			}
			st := openStore(t)
			sum, err := Run(t.Context(), st, []string{first, later}, nil, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			got := map[store.Outcome]int{store.Added: sum.New - 1, store.Duplicate: sum.Duplicates, store.NearDuplicate: sum.NearDuplicates}
			if sum.Failed > 0 || got[tc.want] != 1 {
				t.Errorf("summary %+v, want the later report %v", sum, tc.want)
			}
		})
	}
	if h := Hamming(SimHash(NormalizeText(talksReport)), SimHash(NormalizeText(otherReport))); h <= MaxHamming {
		t.Logf("the two reports are %d bits apart: only the shingle comparison tells them apart", h)
	}
}
