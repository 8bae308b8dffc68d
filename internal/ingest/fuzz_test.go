package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"parley/internal/model"
)

// FuzzParse feeds arbitrary bytes to the text, HTML and JSON Lines parsers
// (and, through sniffing, the feed parser) and checks that each document is
// well formed and each failure names its input.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"text", "html", "jsonl", "feed", "bad"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, file := range files {
			if strings.HasSuffix(file, ".json") && dir == "html" {
				continue // golden files
			}
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data, uint8(len(file)%3))
		}
	}
	f.Add([]byte("Title: x\nPublished: 2 hours ago\n\nbody"), uint8(0))
	f.Add([]byte("<p>a<p>b"), uint8(1))
	f.Add([]byte(`{"text":"a"}`+"\n"+`{"text":`), uint8(2))
	names := []string{"input.txt", "input.html", "input.jsonl"}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		name := names[int(kind)%len(names)]
		docs, fails := Parse(context.Background(), name, data, testOptions())
		for _, d := range docs {
			if d.Text == "" || !utf8.ValidString(d.Text) {
				t.Fatalf("empty or invalid text %q", d.Text)
			}
			if NormalizeText(d.Text) != d.Text {
				t.Fatalf("text not normalised: %q", d.Text)
			}
			if d.ID != DocumentID(d.Text) || d.SimHash != SimHash(d.Text) {
				t.Fatal("ID or SimHash not of the text")
			}
			if strings.Contains(d.Text, "\n\n\n") || strings.TrimSpace(d.Text) != d.Text {
				t.Fatalf("white space not normalised: %q", d.Text)
			}
			if d.PublishedPrecision == "" && !d.Published.IsZero() {
				t.Fatal("a date without precision")
			}
		}
		for _, fl := range fails {
			if !strings.HasPrefix(fl.Input, name) || fl.Err == nil || fl.Err.Error() == "" {
				t.Fatalf("failure without input or reason: %+v", fl)
			}
		}
	})
}

// FuzzNormalizeText checks what NormalizeText promises on any input: its
// output is normalised already (the function is idempotent), has no
// leading or trailing white space, no run of spaces, no more than one
// blank line in a row, no carriage return, and is valid UTF-8 when the
// input was.
func FuzzNormalizeText(f *testing.F) {
	for _, seed := range []string{"one two.\n\ntree", " a b\n", "a \nb", "a\n\n\nb", "a\n b", "", " a  b \r\n\r\n\r\nc\td", "\ufeffx\u200by", "e\u0301 \u00a0é", "caf\xe9", "a\u2029b\fc\u0085d", "\x00\x7f!~ z"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := NormalizeText(s)
		if slow := normalizeSlow(s); slow != out {
			t.Errorf("fast path %q, full normalisation %q, of %q", out, slow, s)
		}
		if again := NormalizeText(out); again != out {
			t.Errorf("not idempotent: %q -> %q -> %q", s, out, again)
		}
		if strings.TrimSpace(out) != out || strings.Contains(out, "  ") || strings.Contains(out, "\n\n\n") || strings.Contains(out, "\r") {
			t.Errorf("badly spaced: %q -> %q", s, out)
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Errorf("invalid UTF-8 from valid input: %q -> %q", s, out)
		}
	})
}

// FuzzParseDate checks that any string gives either no date or a date in
// UTC with a precision, without panicking.
func FuzzParseDate(f *testing.F) {
	for _, seed := range []string{"2 hours ago", "Wednesday, 2nd November 2022 at 2:05 pm GMT", "Nov 2 2022 9am -05:00", "12:60", "99 pm", "+9999", "a b c"} {
		f.Add(seed)
	}
	now := time.Date(2022, 11, 3, 15, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		got, prec, ok := parseDate(s, now)
		if ok != (prec != model.PrecisionNone) {
			t.Errorf("parseDate(%q): ok %v with precision %q", s, ok, prec)
		}
		if ok && got.Location() != time.UTC {
			t.Errorf("parseDate(%q) is in %v", s, got.Location())
		}
	})
}
