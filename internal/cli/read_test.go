package cli_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"parley/internal/cli"
	"parley/internal/model"
	"parley/internal/store"
)

// run runs the command line and returns the exit status and both streams.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Main(args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// readDocs is the corpus the reading commands are tested on.
var readDocs = []model.Document{
	{
		ID: strings.Repeat("a1", 32), SourceID: "wire-17", Outlet: "Lakeside Wire", Title: "Envoys agree to meet again",
		URL:       "https://wire.example/17",
		Published: time.Date(2024, 2, 10, 15, 0, 0, 0, time.UTC), PublishedPrecision: model.PrecisionInstant,
		Text: "Envoys from the river states agreed on Friday to meet again in March.", SimHash: 0x1111_2222_3333_4444,
	},
	{
		ID: strings.Repeat("a2", 32), Outlet: "Hill Gazette", Title: "Ceasefire talks stall",
		Published: time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), PublishedPrecision: model.PrecisionDay,
		Text: "The northern council rejected the ceasefire draft.\nIt demanded a withdrawal first.", SimHash: 0x5555_6666_7777_8888,
	},
	{
		ID: strings.Repeat("b3", 32), Outlet: "Hill Gazette",
		Text: "An undated commentary on the ceasefire and what the river states want from it, in many words.", SimHash: 0x9999_aaaa_bbbb_cccc,
	},
}

// seed makes a database holding readDocs and claims on the second one, and
// returns its path.
func seed(t *testing.T) string {
	t.Helper()
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "parley.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.AddDocuments(ctx, readDocs, 3); err != nil {
		t.Fatal(err)
	}
	text := readDocs[1].Text
	span := func(s string) model.Span {
		i := strings.Index(text, s)
		return model.Span{Start: i, End: i + len(s)}
	}
	claims := []model.Claim{
		{
			Sentence: "The northern council rejected the ceasefire draft.", Actor: "north", Act: model.ActReject, Issue: "ceasefire",
			Position: "the ceasefire draft", Source: model.Source{Kind: model.SourceUnattributed},
			Evidence: model.Evidence{Sentence: span("The northern council rejected the ceasefire draft."), Actor: span("northern council"), Act: span("rejected"), Issue: span("ceasefire")},
		},
		{
			Sentence: "It demanded a withdrawal first.", Actor: "north", Act: model.ActDemand, Issue: "withdrawal",
			Position: "a withdrawal", Precondition: true, Hedged: true, Source: model.Source{Kind: model.SourceMedia, Name: "Hill Gazette"},
			Evidence: model.Evidence{Sentence: span("It demanded a withdrawal first."), Actor: span("It"), ActorHow: "coreference", Act: span("demanded"), Issue: span("withdrawal")},
		},
	}
	if err := st.ReplaceClaims(ctx, readDocs[1].ID, "test", claims); err != nil {
		t.Fatal(err)
	}
	return path
}

// firstColumn returns the first cell of each line after the header.
func firstColumn(out string) []string {
	var col []string
	sc := bufio.NewScanner(strings.NewReader(out))
	for i := 0; sc.Scan(); i++ {
		if i == 0 {
			continue
		}
		if f := strings.Fields(sc.Text()); len(f) > 0 {
			col = append(col, f[0])
		}
	}
	return col
}

func short(d model.Document) string { return d.ID[:12] }

func TestDocs(t *testing.T) {
	db := seed(t)
	a, b, c := short(readDocs[0]), short(readDocs[1]), short(readDocs[2])
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		wantIDs  []string // first column of the table
		wantErr  string
	}{
		{"all, newest first, undated last", nil, 0, []string{a, b, c}, ""},
		{"since a day", []string{"--since", "2024-02-01"}, 0, []string{a}, ""},
		{"until a day includes the day", []string{"--until", "2024-02-10"}, 0, []string{a, b}, ""},
		{"until an instant", []string{"--until", "2024-02-10T14:59:59Z"}, 0, []string{b}, ""},
		{"since with an offset", []string{"--since", "2024-02-10T17:00:00+02:00"}, 0, []string{a}, ""},
		{"outlet, any case", []string{"--outlet", "HILL gazette"}, 0, []string{b, c}, ""},
		{"search", []string{"--search", "ceasefire"}, 0, []string{b, c}, ""},
		{"search with a stray quote", []string{"--search", `river "states`}, 0, []string{a, c}, ""},
		{"limit", []string{"--limit", "1"}, 0, []string{a}, ""},
		{"nothing", []string{"--outlet", "nobody"}, 0, nil, ""},
		{"bad date", []string{"--since", "10/02/2024"}, 2, nil, "is not a date"},
		{"until before since", []string{"--since", "2024-02-01", "--until", "2024-01-01"}, 2, nil, "before --since"},
		{"negative limit", []string{"--limit", "-1"}, 2, nil, "--limit"},
		{"bad format", []string{"--format", "xml"}, 2, nil, "format"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, append([]string{"--db", db, "docs"}, tc.args...)...)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.wantCode, errOut)
			}
			if tc.wantErr != "" {
				if !strings.Contains(errOut, tc.wantErr) {
					t.Errorf("stderr %q, want it to contain %q", errOut, tc.wantErr)
				}
				return
			}
			if got := firstColumn(out); !reflect.DeepEqual(got, tc.wantIDs) {
				t.Errorf("ids %v, want %v\n%s", got, tc.wantIDs, out)
			}
		})
	}

	t.Run("table cells", func(t *testing.T) {
		_, out, _ := run(t, "--db", db, "docs")
		out = strings.Join(strings.Fields(out), " ")
		for _, want := range []string{
			"ID PUBLISHED OUTLET TITLE COPY OF",
			a + " 2024-02-10 15:00Z Lakeside Wire Envoys agree to meet again",
			b + " 2024-01-05 Hill Gazette Ceasefire talks stall",
			c + " - Hill Gazette An undated commentary on the ceasefire and what the river states want …",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("table lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("jsonl", func(t *testing.T) {
		_, out, _ := run(t, "--db", db, "docs", "--format", "jsonl", "--outlet", "lakeside wire")
		var d model.Document
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		want := readDocs[0]
		want.SimHash = 0 // not in JSON
		d.Ingested = time.Time{}
		if !reflect.DeepEqual(d, want) {
			t.Errorf("got %+v\nwant %+v", d, want)
		}
	})
	t.Run("csv", func(t *testing.T) {
		_, out, _ := run(t, "--db", db, "docs", "--format", "csv")
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 4 || rows[0][0] != "ID" || rows[1][0] != a {
			t.Errorf("csv rows %q", rows)
		}
	})
}

func TestShow(t *testing.T) {
	db := seed(t)
	a := readDocs[0]
	for _, tc := range []struct {
		name     string
		ref      string
		args     []string
		wantCode int
		want     []string // in stdout for success, in stderr otherwise
	}{
		{"by prefix", a.ID[:8], nil, 0, []string{"title:         Envoys agree to meet again", "published:     2024-02-10 15:00Z", "url:           https://wire.example/17", "\n\nEnvoys from the river states agreed on Friday to meet again in March.\n"}},
		{"by full ID", a.ID, nil, 0, []string{"id:            " + a.ID}},
		{"by source ID", "wire-17", nil, 0, []string{"source_id:     wire-17"}},
		{"shortest prefix", "a1a1a1", nil, 0, []string{"id:            " + a.ID}},
		{"too short a prefix", "a1a1a", nil, 1, []string{`no document "a1a1a"`, "at least 6"}},
		{"unknown", "ffffff", nil, 1, []string{`no document "ffffff"`}},
		{"csv", "wire-17", []string{"-f", "csv"}, 0, []string{"id,source_id,title,outlet", a.ID + ",wire-17,Envoys agree to meet again,Lakeside Wire"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, append([]string{"--db", db, "show", tc.ref}, tc.args...)...)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.wantCode, errOut)
			}
			in := out
			if code != 0 {
				in = errOut
			}
			for _, w := range tc.want {
				if !strings.Contains(in, w) {
					t.Errorf("output lacks %q:\n%s", w, in)
				}
			}
		})
	}
	t.Run("jsonl round trip", func(t *testing.T) {
		code, out, errOut := run(t, "--db", db, "show", "-f", "jsonl", readDocs[1].ID[:10])
		if code != 0 {
			t.Fatal(errOut)
		}
		var d model.Document
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatal(err)
		}
		if d.Text != readDocs[1].Text || !d.Published.Equal(readDocs[1].Published) || d.PublishedPrecision != model.PrecisionDay {
			t.Errorf("got %+v", d)
		}
	})
}

// TestShowAmbiguous needs two IDs sharing a prefix.
func TestShowAmbiguous(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "parley.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	docs := []model.Document{
		{ID: "cafe0001" + strings.Repeat("0", 56), Text: "one"},
		{ID: "cafe0002" + strings.Repeat("0", 56), Text: "two"},
	}
	if _, err := st.AddDocuments(ctx, docs, -1); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, _, errOut := run(t, "--db", path, "show", "cafe0")
	if code != 1 || !strings.Contains(errOut, "at least 6") {
		t.Errorf("short prefix: exit %d, %s", code, errOut)
	}
	code, _, errOut = run(t, "--db", path, "show", "CAFE000")
	if code != 2 || !strings.Contains(errOut, "cafe0001") || !strings.Contains(errOut, "cafe0002") {
		t.Errorf("ambiguous prefix: exit %d, %s", code, errOut)
	}
}

func TestClaims(t *testing.T) {
	db := seed(t)
	b := short(readDocs[1])
	for _, tc := range []struct {
		name      string
		args      []string
		wantCode  int
		wantLines []string // table lines after the header, spaces collapsed
		wantErr   string
	}{
		{"all", nil, 0, []string{
			b + " north reject ceasefire unattributed The northern council rejected the ceasefire draft.",
			b + " north demand withdrawal media yes yes It demanded a withdrawal first.",
		}, ""},
		{"act", []string{"--act", "demand"}, 0, []string{b + " north demand withdrawal media yes yes It demanded a withdrawal first."}, ""},
		{"issue", []string{"--issue", "ceasefire"}, 0, []string{b + " north reject ceasefire unattributed The northern council rejected the ceasefire draft."}, ""},
		{"actor, any case", []string{"--actor", "NORTH", "--act", "reject"}, 0, []string{b + " north reject ceasefire unattributed The northern council rejected the ceasefire draft."}, ""},
		{"doc by prefix", []string{"--doc", readDocs[1].ID[:7], "--issue", "ceasefire"}, 0, []string{b + " north reject ceasefire unattributed The northern council rejected the ceasefire draft."}, ""},
		{"since leaves it out", []string{"--since", "2024-01-06"}, 0, nil, ""},
		{"until keeps it", []string{"--until", "2024-01-05"}, 0, []string{
			b + " north reject ceasefire unattributed The northern council rejected the ceasefire draft.",
			b + " north demand withdrawal media yes yes It demanded a withdrawal first.",
		}, ""},
		{"unknown issue", []string{"--issue", "borders"}, 2, nil, `unknown issue "borders"`},
		{"unknown act", []string{"--act", "threaten"}, 2, nil, `unknown act "threaten"`},
		{"bad date", []string{"--until", "2024-1-5"}, 2, nil, "is not a date"},
		{"unknown doc", []string{"--doc", "nothing"}, 1, nil, `no document "nothing"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, append([]string{"--db", db, "claims"}, tc.args...)...)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.wantCode, errOut)
			}
			if tc.wantErr != "" {
				if !strings.Contains(errOut, tc.wantErr) {
					t.Errorf("stderr %q, want it to contain %q", errOut, tc.wantErr)
				}
				return
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")[1:]
			var got []string
			for _, l := range lines {
				got = append(got, strings.Join(strings.Fields(l), " "))
			}
			if !reflect.DeepEqual(got, tc.wantLines) {
				t.Errorf("got  %q\nwant %q", got, tc.wantLines)
			}
		})
	}
	t.Run("jsonl follows the claims specification", func(t *testing.T) {
		code, out, errOut := run(t, "--db", db, "claims", "--act", "demand", "-f", "jsonl")
		if code != 0 {
			t.Fatal(errOut)
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(out), &rec); err != nil {
			t.Fatal(err)
		}
		for key, want := range map[string]any{
			"doc": readDocs[1].ID, "actor": "north", "act": "demand", "issue": "withdrawal",
			"precondition": true, "hedged": true, "sentence": "It demanded a withdrawal first.",
		} {
			if rec[key] != want {
				t.Errorf("%s = %v, want %v", key, rec[key], want)
			}
		}
		src, _ := rec["source"].(map[string]any)
		if src["kind"] != "media" || src["name"] != "Hill Gazette" || src["via"] != nil {
			t.Errorf("source %v", rec["source"])
		}
		ev, _ := rec["evidence"].(map[string]any)
		sent, _ := ev["sentence"].(map[string]any)
		start, end := int(sent["start"].(float64)), int(sent["end"].(float64))
		if got := readDocs[1].Text[start:end]; got != "It demanded a withdrawal first." {
			t.Errorf("evidence sentence span gives %q", got)
		}
	})
}

// TestDatabasePath checks where the reading commands look for the
// database: --db, PARLEY_DB, XDG_DATA_HOME, then ~/.local/share.
func TestDatabasePath(t *testing.T) {
	home := t.TempDir()
	xdg := t.TempDir()
	flagDB := filepath.Join(t.TempDir(), "flag.db")
	envDB := filepath.Join(t.TempDir(), "env.db")
	for _, tc := range []struct {
		name      string
		args      []string
		parleyDB  string
		xdgData   string
		wantInErr string
	}{
		{"--db wins", []string{"--db", flagDB}, envDB, xdg, flagDB},
		{"PARLEY_DB", nil, envDB, xdg, envDB},
		{"XDG_DATA_HOME", nil, "", xdg, filepath.Join(xdg, "parley", "parley.db")},
		{"a relative XDG_DATA_HOME is ignored", nil, "", "relative/dir", filepath.Join(home, ".local", "share", "parley", "parley.db")},
		{"home", nil, "", "", filepath.Join(home, ".local", "share", "parley", "parley.db")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("HOME", home)
			setenv(t, "PARLEY_DB", tc.parleyDB)
			setenv(t, "XDG_DATA_HOME", tc.xdgData)
			code, _, errOut := run(t, append(tc.args, "docs")...)
			if code != 1 || !strings.Contains(errOut, "no database at "+tc.wantInErr+":") {
				t.Errorf("exit %d, stderr %q; want the missing database %s named", code, errOut, tc.wantInErr)
			}
		})
	}
	// Nothing was created by looking.
	for _, p := range []string{flagDB, envDB, filepath.Join(xdg, "parley"), filepath.Join(home, ".local")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was created by a reading command", p)
		}
	}
}

// setenv sets an environment variable for the test, or unsets it when
// value is empty.
func setenv(t *testing.T, key, value string) {
	t.Setenv(key, value) // restores the old value after the test
	if value == "" {
		os.Unsetenv(key)
	}
}

func TestDemo(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	code, out, errOut := run(t, "demo")
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	for _, want := range []string{"== 1. Ingest the example reports ==", "failed 0", "== 2. The stored reports ==", "ID  ", "COPY OF"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "near-duplicates 0") {
		t.Errorf("the syndicated example was not recognised:\n%s", out)
	}
	// The later steps: claims of both parties, the case's matrix and
	// sticking points, and a brief whose statements carry footnotes.
	for _, want := range []string{
		"== 3. Claims", "== 4. Where each party stands", "== 5. Sticking points", "== 6. Brief",
		"# Brief: Ethiopia", "## Sticking points", "[^1]: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	claims := out[strings.Index(out, "== 3. Claims"):strings.Index(out, "== 4.")]
	for _, party := range []string{"  Ethiopia ", "  TPLF "} {
		if !strings.Contains(claims, party) {
			t.Errorf("the claims step shows no claim of %q:\n%s", party, claims)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the demo left %v in the temporary directory", left)
	}
}

// TestClaimsHelpListsIssues keeps the --issue help in step with the model.
func TestClaimsHelpListsIssues(t *testing.T) {
	code, out, _ := run(t, "claims", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, issue := range append(model.Issues, model.Acts...) {
		if !strings.Contains(out, issue) {
			t.Errorf("claims --help does not list %q", issue)
		}
	}
}
