package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixedNow is the fetch time of every test.
var fixedNow = time.Date(2024, 6, 20, 12, 0, 0, 0, time.UTC)

func testOptions() Options {
	return Options{Now: func() time.Time { return fixedNow }}
}

func parseFixture(t *testing.T, path string) ([]model.Document, []Failure) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Parse(context.Background(), path, data, testOptions())
}

func TestNormalizeText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"spaces", "  a \t b\u00a0\u00a0c  ", "a b c"},
		{"paragraphs", "one\n\n\n\ntwo", "one\n\ntwo"},
		{"line break kept", "one\ntwo", "one\ntwo"},
		{"crlf", "one\r\ntwo\r\n\r\nthree\r\n", "one\ntwo\n\nthree"},
		{"lone cr", "one\rtwo", "one\ntwo"},
		{"trailing spaces on lines", "one   \n   two", "one\ntwo"},
		{"blank line with spaces", "one\n   \t \ntwo", "one\n\ntwo"},
		{"nfc", "Cafe\u0301", "Caf\u00e9"},
		{"bom and zero width", "\ufeffa\u200bb", "ab"},
		{"controls", "a\x00b\x07c", "abc"},
		{"paragraph separator", "a\u2029b", "a\n\nb"},
		{"invalid byte kept as U+FFFD", "a\xffb", "a\ufffdb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeText(tt.in); got != tt.want {
				t.Errorf("NormalizeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestNormalizeTextFastPath checks that text kept as it is (already
// normalised) is what the full normalisation gives, on random texts of
// letters, spaces, line breaks, tabs and an accent.
func TestNormalizeTextFastPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "b.", " ", " ", "\n", "\n", "\t", "\r", "é", "\u00a0"}
	kept := 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if _, _, ok := normalizedSpan(s); ok {
			kept++
		}
		if got, want := NormalizeText(s), normalizeSlow(s); got != want {
			t.Fatalf("NormalizeText(%q) = %q, want %q", s, got, want)
		}
	}
	if kept < 1000 {
		t.Errorf("only %d texts took the fast path", kept)
	}
}

// TestDocumentID checks the ID against SHA-256 of the whole text at once,
// for texts shorter and longer than the hashing buffer.
func TestDocumentID(t *testing.T) {
	for _, n := range []int{0, 1, 255, 256, 257, 4096, 10000} {
		text := strings.Repeat("x", n)
		sum := sha256.Sum256([]byte(text))
		if got, want := DocumentID(text), hex.EncodeToString(sum[:]); got != want {
			t.Errorf("DocumentID of %d bytes = %s, want %s", n, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	now := time.Date(2022, 11, 3, 15, 30, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
		prec model.Precision
	}{
		{"2022-11-02T14:05:00+03:00", time.Date(2022, 11, 2, 11, 5, 0, 0, time.UTC), model.PrecisionInstant},
		{"2022-11-02T11:05:00Z", time.Date(2022, 11, 2, 11, 5, 0, 0, time.UTC), model.PrecisionInstant},
		{"Wed, 02 Nov 2022 11:05:00 GMT", time.Date(2022, 11, 2, 11, 5, 0, 0, time.UTC), model.PrecisionInstant},
		{"Wed, 02 Nov 2022 14:05:00 +0300", time.Date(2022, 11, 2, 11, 5, 0, 0, time.UTC), model.PrecisionInstant},
		{"2022-11-02", day(2022, 11, 2), model.PrecisionDay},
		{"2022-11-02 14:05", time.Date(2022, 11, 2, 14, 5, 0, 0, time.UTC), model.PrecisionInstant},
		{"November 2, 2022", day(2022, 11, 2), model.PrecisionDay},
		{"Nov. 2, 2022", day(2022, 11, 2), model.PrecisionDay},
		{"2 November 2022", day(2022, 11, 2), model.PrecisionDay},
		{"2nd November 2022", day(2022, 11, 2), model.PrecisionDay},
		{"Published 2 Nov 2022", day(2022, 11, 2), model.PrecisionDay},
		{"November 2, 2022 at 2:05 pm", time.Date(2022, 11, 2, 14, 5, 0, 0, time.UTC), model.PrecisionInstant},
		{"November 2022", day(2022, 11, 1), model.PrecisionMonth},
		{"2022", day(2022, 1, 1), model.PrecisionYear},
		{"2 hours ago", time.Date(2022, 11, 3, 13, 30, 0, 0, time.UTC), model.PrecisionInstant},
		{"Updated: 45 minutes ago", time.Date(2022, 11, 3, 14, 45, 0, 0, time.UTC), model.PrecisionInstant},
		{"yesterday", day(2022, 11, 2), model.PrecisionDay},
		{"3 days ago", day(2022, 10, 31), model.PrecisionDay},
		{"Wednesday, 2nd November 2022 at 2:05 pm GMT", time.Date(2022, 11, 2, 14, 5, 0, 0, time.UTC), model.PrecisionInstant},
		{"2 November 2022 14:05 +0300", time.Date(2022, 11, 2, 11, 5, 0, 0, time.UTC), model.PrecisionInstant},
		{"Nov 2 2022 9am EST", time.Date(2022, 11, 2, 14, 0, 0, 0, time.UTC), model.PrecisionInstant},
		{"Sept. 30, 2022", day(2022, 9, 30), model.PrecisionDay},
		{"just now", now, model.PrecisionInstant},
		{"an hour ago", time.Date(2022, 11, 3, 14, 30, 0, 0, time.UTC), model.PrecisionInstant},
		{"2 weeks ago", day(2022, 10, 20), model.PrecisionDay},
		{"2 months ago", day(2022, 9, 1), model.PrecisionMonth},
		// no date: nothing invented
		{"", time.Time{}, model.PrecisionNone},
		{"31 November 2022", time.Time{}, model.PrecisionNone},
		{"November 2022 at 14:05", time.Time{}, model.PrecisionNone},
		{"2 November 2022 25:05", time.Time{}, model.PrecisionNone},
		{"13 pm November 2, 2022", time.Time{}, model.PrecisionNone},
		{"the talks of November 2022", time.Time{}, model.PrecisionNone},
		{"several hours ago", time.Time{}, model.PrecisionNone},
		{"unknown", time.Time{}, model.PrecisionNone},
		{"November 2", time.Time{}, model.PrecisionNone},
		{"14:05", time.Time{}, model.PrecisionNone},
		{"3", time.Time{}, model.PrecisionNone},
		{"Published", time.Time{}, model.PrecisionNone},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, prec, ok := parseDate(tt.in, now)
			if ok != (tt.prec != model.PrecisionNone) || !got.Equal(tt.want) || prec != tt.prec {
				t.Errorf("parseDate(%q) = %v, %q, %v; want %v, %q", tt.in, got, prec, ok, tt.want, tt.prec)
			}
			if ok && got.Location() != time.UTC {
				t.Errorf("parseDate(%q) is in %v, want UTC", tt.in, got.Location())
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, head, ct string
		want           format
		binary         bool
	}{
		{"a.txt", "Title: x\n\nhello", "", formatText, false},
		{"a", "just words", "", formatText, false},
		{"a.html", "plain words in a .html file", "", formatHTML, false},
		{"page", "<!DOCTYPE html><html><body><p>x</p></body></html>", "", formatHTML, false},
		{"page.txt", "  <p>fragment</p>", "", formatHTML, false},
		{"feed", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, "", formatFeed, false},
		{"feed", `<feed xmlns="http://www.w3.org/2005/Atom"></feed>`, "", formatFeed, false},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>`, "", formatFeed, false},
		{"x.json", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, "", formatFeed, false},
		{"x.jsonl", `{"text": "a"}` + "\n", "", formatJSONL, false},
		{"x", `{"text": "a"}`, "", formatJSONL, false},
		{"x.ndjson", "", "", formatJSONL, false},
		{"https://example.com/feed?x=1", "words", "application/rss+xml", formatFeed, false},
		{"https://example.com/a.html?x=1", "words", "", formatHTML, false},
		{"nul", "abc\x00def", "", 0, true},
		{"png", "\x89PNG\r\n\x1a\n", "", 0, true},
		{"pdf", "%PDF-1.7\n", "", 0, true},
		{"controls", strings.Repeat("\x01\x02\x03 ", 50), "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sniff([]byte(tt.head), tt.name, tt.ct)
			if tt.binary {
				if err == nil {
					t.Fatalf("sniff(%q) = %v, want a binary refusal", tt.head, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("sniff(%q, %q) = %v, %v; want %v", tt.head, tt.name, got, err, tt.want)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		file                            string
		title, outlet, url, author, txt string
		published                       time.Time
		prec                            model.Precision
	}{
		{
			file: "header.txt", title: "Ministers agree to resume grain corridor talks", outlet: "Harbour Gazette",
			url: "https://gazette.example.com/grain-corridor", author: "Petra Holm",
			txt:       "Ministers from the two coastal states agreed on Friday to resume talks on the grain corridor next week, after a month in which shipping through the strait had nearly stopped.\n\nThe eastern delegation said it would insist on joint inspections of every vessel, a demand the western side has so far rejected.",
			published: time.Date(2024, 6, 14, 0, 0, 0, 0, time.UTC), prec: model.PrecisionDay,
		},
		{
			file: "noheader.txt",
			txt:  "Note: this file has no header block.\nThe second line is part of the text.\n\nA second paragraph with extra spaces.",
		},
		{
			file: "crlf.txt", title: "Windows line endings",
			txt:       "First paragraph, line one.\nLine two.\n\nSecond paragraph.",
			published: time.Date(2024, 6, 15, 8, 0, 0, 0, time.UTC), prec: model.PrecisionInstant,
		},
		{
			file: "relative.txt", title: "Relative date", txt: "The talks ended yesterday without a joint statement.",
			published: time.Date(2024, 6, 19, 0, 0, 0, 0, time.UTC), prec: model.PrecisionDay,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, fails := parseFixture(t, filepath.Join("testdata", "text", tt.file))
			if len(fails) != 0 || len(docs) != 1 {
				t.Fatalf("got %d documents, failures %v; want 1 document", len(docs), fails)
			}
			d := docs[0]
			if d.Title != tt.title || d.Outlet != tt.outlet || d.URL != tt.url || d.Author != tt.author {
				t.Errorf("metadata = %q, %q, %q, %q; want %q, %q, %q, %q", d.Title, d.Outlet, d.URL, d.Author, tt.title, tt.outlet, tt.url, tt.author)
			}
			if d.Text != tt.txt {
				t.Errorf("text = %q\nwant %q", d.Text, tt.txt)
			}
			if !d.Published.Equal(tt.published) || d.PublishedPrecision != tt.prec {
				t.Errorf("published = %v %q, want %v %q", d.Published, d.PublishedPrecision, tt.published, tt.prec)
			}
			if d.ID != DocumentID(d.Text) || d.SimHash != SimHash(d.Text) || d.SimHash == 0 {
				t.Errorf("ID or SimHash not computed from the normalised text")
			}
			if d.OriginKind != "file" || !d.Ingested.Equal(fixedNow) {
				t.Errorf("origin kind %q, ingested %v", d.OriginKind, d.Ingested)
			}
		})
	}
}

// TestParseHTML compares the documents extracted from each HTML fixture
// with its golden file (testdata/html/NAME.golden.json; -update rewrites).
func TestParseHTML(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no HTML fixtures: %v", err)
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			docs, fails := parseFixture(t, page)
			if len(fails) != 0 || len(docs) != 1 {
				t.Fatalf("got %d documents, failures %v; want 1 document", len(docs), fails)
			}
			d := docs[0]
			for _, furniture := range []string{"Subscribe now", "Related stories", "All rights reserved", "Accueil", "mentions l",
				"Injected", "Hidden text", "commented-out", "enable JavaScript", "alert(", "<"} {
				if strings.Contains(d.Text, furniture) {
					t.Errorf("page furniture %q kept in the text", furniture)
				}
			}
			got, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(page, ".html") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("%s differs from the extraction:\n%s", golden, got)
			}
		})
	}
}

func TestHTMLMetadata(t *testing.T) {
	tests := []struct {
		file                                          string
		title, outlet, author, canonical, lang, text0 string
		published                                     time.Time
		prec                                          model.Precision
	}{
		{
			file: "graph.html", title: "Harbour talks stall over fishing quotas", outlet: "The Coastal Ledger",
			author: "Ines Varga, Tomas Lind", canonical: "https://ledger.example.org/2024/05/harbour-talks-stall", lang: "en-GB",
			text0:     "Negotiators from the two island councils",
			published: time.Date(2024, 5, 14, 7, 30, 0, 0, time.UTC), prec: model.PrecisionInstant,
		},
		{
			file: "opengraph.html", title: "Valley water accord: a draft on the table", outlet: "Le Courrier des Vallées",
			author: "Claire Dumas", canonical: "https://courrier.example.net/eau/accord-projet", lang: "fr",
			text0:     "The upstream district has proposed a draft accord that would release a fixed share of the river's summer flow (débit d'été)",
			published: time.Date(2023, 9, 2, 0, 0, 0, 0, time.UTC), prec: model.PrecisionDay,
		},
		{
			file: "plain.html", title: "Border crossing reopens after talks",
			text0: "The northern border crossing reopened",
		},
		{
			file: "truncated.html", title: "Cut off", outlet: "Wire Service",
			text0:     "The delegations met for six hours",
			published: time.Date(2024, 2, 29, 23, 15, 0, 0, time.UTC), prec: model.PrecisionInstant,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, fails := parseFixture(t, filepath.Join("testdata", "html", tt.file))
			if len(fails) != 0 || len(docs) != 1 {
				t.Fatalf("got %d documents, failures %v", len(docs), fails)
			}
			d := docs[0]
			if d.Title != tt.title || d.Outlet != tt.outlet || d.Author != tt.author || d.CanonicalURL != tt.canonical || d.Language != tt.lang {
				t.Errorf("metadata = title %q, outlet %q, author %q, canonical %q, lang %q", d.Title, d.Outlet, d.Author, d.CanonicalURL, d.Language)
			}
			if !strings.Contains(d.Text, tt.text0) {
				t.Errorf("text lacks %q:\n%s", tt.text0, d.Text)
			}
			if !d.Published.Equal(tt.published) || d.PublishedPrecision != tt.prec {
				t.Errorf("published = %v %q, want %v %q", d.Published, d.PublishedPrecision, tt.published, tt.prec)
			}
			if strings.Contains(d.Text, "\n\n\n") || !strings.Contains(d.Text, "\n\n") {
				t.Errorf("paragraphs not separated by one blank line:\n%q", d.Text)
			}
		})
	}
}

func TestParseJSONL(t *testing.T) {
	docs, fails := parseFixture(t, filepath.Join("testdata", "jsonl", "records.jsonl"))
	wantIDs := []string{"rec-1", "42", "rec-3"}
	if len(docs) != len(wantIDs) {
		t.Fatalf("got %d documents, want %d (failures %v)", len(docs), len(wantIDs), fails)
	}
	for i, id := range wantIDs {
		if docs[i].SourceID != id {
			t.Errorf("document %d source ID = %q, want %q", i, docs[i].SourceID, id)
		}
	}
	if d := docs[0]; d.Outlet != "Example News" || d.Title != "First record" || d.URL != "https://news.example.org/a" ||
		!d.Published.Equal(time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)) || d.PublishedPrecision != model.PrecisionDay {
		t.Errorf("record 1 metadata: %+v", d)
	}
	if d := docs[1]; !d.Published.IsZero() || d.PublishedPrecision != model.PrecisionNone || d.Text != "A record with a numeric id and no date.\n\nIt has two paragraphs." {
		t.Errorf("record 2: published %v %q, text %q", d.Published, d.PublishedPrecision, d.Text)
	}
	if d := docs[2]; !d.Published.Equal(time.Date(2023, 3, 3, 14, 20, 0, 0, time.UTC)) || d.PublishedPrecision != model.PrecisionInstant {
		t.Errorf("record 3 published %v %q", d.Published, d.PublishedPrecision)
	}
	wantFails := map[string]string{
		"records.jsonl:5": "no text",
		"records.jsonl:6": `no "text" field`,
		"records.jsonl:7": "invalid JSON",
		"records.jsonl:8": "invalid JSON",
	}
	if len(fails) != len(wantFails) {
		t.Errorf("got %d failures, want %d: %v", len(fails), len(wantFails), fails)
	}
	for _, f := range fails {
		var matched bool
		for input, reason := range wantFails {
			if strings.HasSuffix(f.Input, input) && strings.Contains(f.Err.Error(), reason) {
				matched = true
			}
		}
		if !matched {
			t.Errorf("unexpected failure %v", f)
		}
	}
}

func TestParseFeed(t *testing.T) {
	type entry struct {
		title, outlet, author, text, sourceID string
		published                             time.Time
	}
	tests := []struct {
		file    string
		entries []entry
		fails   []string
	}{
		{file: "rss.xml", entries: []entry{
			{"Fishing council proposes seasonal closure", "Island Courier", "Aron Berg",
				"The fishing council proposed a two-month seasonal closure of the northern banks on Tuesday.\n\nTrawler owners said they would reject any closure that came without compensation.",
				"https://courier.example.com/?p=101", time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)},
			{"Ferry union accepts pay offer", "Island Courier", "",
				"The ferry workers' union accepted the operator's revised pay offer, ending a week of stoppages.",
				"https://courier.example.com/?p=102", time.Time{}},
		}},
		{file: "atom.xml", entries: []entry{
			{"River commission meets again", "Delta Observer", "Lena Okafor",
				"The river commission met for the first time in a year and agreed to share flood data.",
				"urn:uuid:entry-1", time.Date(2024, 4, 1, 8, 15, 0, 0, time.UTC)},
		}},
		{file: "feed.json", entries: []entry{
			{"Herders and farmers sign grazing pact", "Plateau Post", "Musa Danjuma",
				"Herders and farmers signed a grazing pact on Saturday after mediation by local elders.",
				"pp-1", time.Date(2024, 1, 20, 16, 0, 0, 0, time.UTC)},
		}, fails: []string{"feed.json#2: entry has no text"}},
		{file: "latin1.xml", entries: []entry{
			{"Accord sur la reprise des négociations", "Le Petit Vigilant", "",
				"Les deux délégations ont accepté de reprendre les discussions, a déclaré le médiateur. Café et délégués.",
				"lpv-1", time.Date(2024, 1, 10, 6, 30, 0, 0, time.UTC)},
		}},
		{file: "empty.xml", fails: []string{"empty.xml: feed has no entries"}},
		{file: "broken.xml", entries: []entry{
			{"Good entry", "Broken Entries", "", "This entry has text and must be kept.", "b-2", time.Time{}},
		}, fails: []string{"broken.xml#1: entry has no text", "broken.xml#3: entry has no text"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, fails := parseFixture(t, filepath.Join("testdata", "feed", tt.file))
			if len(docs) != len(tt.entries) {
				t.Fatalf("got %d documents, want %d (failures %v)", len(docs), len(tt.entries), fails)
			}
			for i, want := range tt.entries {
				d := docs[i]
				got := entry{d.Title, d.Outlet, d.Author, d.Text, d.SourceID, d.Published}
				if got != want {
					t.Errorf("entry %d =\n%+v\nwant\n%+v", i+1, got, want)
				}
				if d.OriginKind != "feed" {
					t.Errorf("entry %d origin kind %q", i+1, d.OriginKind)
				}
			}
			if len(fails) != len(tt.fails) {
				t.Fatalf("failures %v, want %v", fails, tt.fails)
			}
			for i, f := range fails {
				if got := filepath.Base(f.Input) + ": " + f.Err.Error(); got != tt.fails[i] {
					t.Errorf("failure %q, want %q", got, tt.fails[i])
				}
			}
		})
	}
}

func TestParseBadInput(t *testing.T) {
	tests := []struct{ file, reason string }{
		{"invalid-utf8.txt", "invalid UTF-8 at byte 51"},
		{"image.txt", "binary content (image/png)"},
		{"program", "not a text file"},
		{"empty.txt", "empty input"},
		{"nocontent.html", "no article text found"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, fails := parseFixture(t, filepath.Join("testdata", "bad", tt.file))
			if len(docs) != 0 || len(fails) != 1 {
				t.Fatalf("got %d documents and failures %v; want one failure", len(docs), fails)
			}
			if !strings.Contains(fails[0].Err.Error(), tt.reason) || !strings.HasSuffix(fails[0].Input, tt.file) {
				t.Errorf("failure %v, want input %s and reason %q", fails[0], tt.file, tt.reason)
			}
		})
	}
	t.Run("deeply nested HTML", func(t *testing.T) {
		page := "<html><body>" + strings.Repeat("<div>", 5000) + "text" + strings.Repeat("</div>", 5000) + "</body></html>"
		docs, fails := Parse(context.Background(), "deep.html", []byte(page), testOptions())
		if len(docs) != 0 || len(fails) != 1 || !strings.Contains(fails[0].Err.Error(), "512") {
			t.Errorf("got %d documents and failures %v; want a refusal of the nesting", len(docs), fails)
		}
	})
	t.Run("over the size limit", func(t *testing.T) {
		opts := testOptions()
		opts.MaxBytes = 100
		docs, fails := Parse(context.Background(), "big.txt", []byte(strings.Repeat("word ", 100)), opts)
		if len(docs) != 0 || len(fails) != 1 || !strings.Contains(fails[0].Err.Error(), "over the 100-byte limit") {
			t.Errorf("got %d documents and failures %v; want a size refusal", len(docs), fails)
		}
	})
	t.Run("JSON Lines line too long", func(t *testing.T) {
		long := `{"text": "` + strings.Repeat("a", maxLineBytes) + `"}`
		data := []byte(`{"text": "first"}` + "\n" + long + "\n" + `{"text": "third"}` + "\n")
		docs, fails := Parse(context.Background(), "long.jsonl", data, testOptions())
		if len(docs) != 2 || len(fails) != 1 || fails[0].Input != "long.jsonl:2" || !strings.Contains(fails[0].Err.Error(), "line longer than") {
			t.Errorf("got %d documents and failures %v; want 2 documents and line 2 refused", len(docs), fails)
		}
	})
}

func TestPublishedOption(t *testing.T) {
	opts := testOptions()
	opts.Published = time.Date(2022, 11, 2, 0, 0, 0, 0, time.UTC)
	opts.PublishedPrecision = string(model.PrecisionDay)
	data := []byte(`{"text": "undated"}` + "\n" + `{"text": "dated", "published": "2021-01-05"}` + "\n")
	docs, fails := Parse(context.Background(), "x.jsonl", data, opts)
	if len(docs) != 2 || len(fails) != 0 {
		t.Fatalf("got %d documents, failures %v", len(docs), fails)
	}
	if !docs[0].Published.Equal(opts.Published) || docs[0].PublishedPrecision != model.PrecisionDay {
		t.Errorf("undated document got %v %q, want the --published date", docs[0].Published, docs[0].PublishedPrecision)
	}
	if !docs[1].Published.Equal(time.Date(2021, 1, 5, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("dated document got %v, want its own date", docs[1].Published)
	}
}

func TestDropByline(t *testing.T) {
	body := "The talks resumed on Monday after a pause of two weeks, officials said."
	tests := []struct{ name, text, author, want string }{
		{"by line", "By Ines Varga\n\n" + body, "", body},
		{"author dateline", "David Mwangi, Pretoria · 2 November 2022\n\n" + body, "David Mwangi", body},
		{"sentence starting with By", "By noon the talks had failed.\n\n" + body, "", "By noon the talks had failed.\n\n" + body},
		{"long first paragraph", "By the time the delegations arrived in the capital on Monday, the mood had changed completely\n\n" + body, "", "By the time the delegations arrived in the capital on Monday, the mood had changed completely\n\n" + body},
		{"one paragraph", body, "", body},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dropByline(tt.text, tt.author); got != tt.want {
				t.Errorf("dropByline = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestProgressOnlyOnATerminal(t *testing.T) {
	var buf strings.Builder
	if p := newProgress(&buf); p != nil {
		t.Error("progress bar on a buffer")
	}
	if p := newProgress(nil); p != nil {
		t.Error("progress bar on nil")
	}
	f, err := os.CreateTemp(t.TempDir(), "progress")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if p := newProgress(f); p != nil {
		t.Error("progress bar on a regular file")
	}
	var p *progress
	p.add() // a nil progress shows nothing and does not panic
	p.finish()
}
