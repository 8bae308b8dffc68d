package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestActorsCommands(t *testing.T) {
	for _, tc := range []struct {
		name  string
		args  []string
		stdin string
		code  int
		want  []string
	}{
		{"resolve argument", []string{"actors", "resolve", "--date", "2022-03-10", "The Russian side met Ukrainian negotiators."},
			"", ExitOK, []string{"The Russian side", "Russia", "demonym", "Ukrainian negotiators", "Ukraine"}},
		{"resolve stdin csv", []string{"actors", "resolve", "-f", "csv", "-"},
			"Hamas said the group agreed.", ExitOK, []string{"START,END,TEXT,PARTY,HOW,VIA,ROLE", "11,20,the group,Hamas,coreference,Hamas,"}},
		{"bad date", []string{"actors", "resolve", "--date", "March 2022", "x"}, "", ExitUsage, nil},
		{"show party", []string{"actors", "show", "the Kremlin"}, "", ExitOK, []string{"Russia", "metonyms", "Vladimir Putin: president of Russia"}},
		{"show person", []string{"actors", "show", "Hemedti"}, "", ExitOK, []string{"Mohamed Hamdan Dagalo", "commander of RSF"}},
		{"show unknown", []string{"actors", "show", "Atlantis"}, "", ExitFailed, nil},
		{"user file", []string{"actors", "show", "--actors", "../actors/testdata/user.yaml", "Freedonian"}, "", ExitOK, []string{"Freedonia", "Ada Quill"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Main(tc.args, strings.NewReader(tc.stdin), &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tc.code, errb.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}

func TestActorsResolveJSONL(t *testing.T) {
	var out, errb bytes.Buffer
	text := "Kyiv’s envoy and the Kremlin"
	if code := Main([]string{"actors", "resolve", "-f", "jsonl", "--date", "2022-03-10", text}, nil, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2:\n%s", len(lines), out.String())
	}
	for _, l := range lines {
		var m struct {
			Span struct{ Start, End int }
			Text string
		}
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		if text[m.Span.Start:m.Span.End] != m.Text {
			t.Errorf("span %v names %q, not %q", m.Span, text[m.Span.Start:m.Span.End], m.Text)
		}
	}
}
