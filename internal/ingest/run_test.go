package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"parley/internal/model"
	"parley/internal/store"
)

func openStore(t testing.TB) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func countDocs(t testing.TB, st store.Store) int {
	t.Helper()
	docs, err := st.Documents(context.Background(), store.DocFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(docs)
}

func failureLines(s Summary) string {
	var b strings.Builder
	for _, f := range s.Failures {
		fmt.Fprintf(&b, "%s: %v\n", f.Input, f.Err)
	}
	return b.String()
}

func TestRunExamples(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	examples := filepath.Join("..", "..", "examples")
	sum, err := Run(ctx, st, []string{examples}, nil, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if sum.New+sum.NearDuplicates != 12 || sum.Duplicates != 0 || sum.Failed != 0 {
		t.Errorf("first run: %+v, want 12 stored\n%s", sum, failureLines(sum))
	}
	// Metadata survives the store.
	aid, err := st.Document(ctx, "hh-2022-12-02-aid")
	if err != nil {
		t.Fatal(err)
	}
	if aid.Outlet != "Highland Herald" || aid.PublishedPrecision != model.PrecisionDay ||
		!aid.Published.Equal(time.Date(2022, 12, 2, 0, 0, 0, 0, time.UTC)) || aid.OriginKind != "file" {
		t.Errorf("JSON Lines record stored as %+v", aid)
	}
	undated := findByTitle(t, st, "Analysis: What is left to settle between Addis Ababa and Mekelle")
	if !undated.Published.IsZero() || undated.PublishedPrecision != model.PrecisionNone {
		t.Errorf("undated report stored with date %v %q", undated.Published, undated.PublishedPrecision)
	}

	// Ingesting the same input again adds nothing.
	again, err := Run(ctx, st, []string{examples}, nil, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if again.New != 0 || again.NearDuplicates != 0 || again.Duplicates != 12 || again.Failed != 0 {
		t.Errorf("second run: %+v, want 12 duplicates", again)
	}
	if n := countDocs(t, st); n != 12 {
		t.Errorf("%d documents stored, want 12", n)
	}
}

// TestRunSyndicatedCopy checks that the syndicated copy among the examples
// (a different headline and an added trailing paragraph; its SimHash is 10
// bits from the original's) is stored as a near-duplicate of the original.
func TestRunSyndicatedCopy(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	sum, err := Run(ctx, st, []string{filepath.Join("..", "..", "examples")}, nil, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	original := findByTitle(t, st, "Ethiopia and TPLF sign deal to end two years of war")
	copyDoc := findByTitle(t, st, "Guns to fall silent in Tigray under Pretoria accord")
	if sum.New != 11 || sum.NearDuplicates != 1 || copyDoc.DuplicateOf != original.ID {
		t.Errorf("summary %+v; syndicated copy duplicate_of = %q, want %q (SimHash distance %d, MaxHamming %d: "+
			"the store must find every stored document within MaxHamming bits, not only those sharing a 16-bit band)",
			sum, copyDoc.DuplicateOf, original.ID, Hamming(original.SimHash, copyDoc.SimHash), MaxHamming)
	}
}

func findByTitle(t *testing.T, st store.Store, title string) model.Document {
	t.Helper()
	docs, err := st.Documents(context.Background(), store.DocFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Title == title {
			return d
		}
	}
	t.Fatalf("no document titled %q", title)
	return model.Document{}
}

// TestRunBadInputs runs a batch mixing good and bad inputs: every bad one
// is one failure naming it, and the good ones are stored.
func TestRunBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Title: Good\n\nThe mediators proposed a new round of talks for next month."))
	invalid := write("latin1.txt", []byte("The mediator said caf\xe9 talks would resume."))
	binary := write("photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"))
	hostile := write("hostile.html", []byte("<html><body>"+strings.Repeat("<b><i>", 2000)+"x</body></html>"))
	emptyFeed := write("empty.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>E</title></channel></rss>`))
	brokenFeed := write("broken.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>B</title><item><title>x</title></item><item><description>Kept entry text.</description></item></channel></rss>`))
	// A 2 GB file, sparse: refused by its size before it is read.
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("Title: Huge\n\nwords "); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(2 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	missing := filepath.Join(dir, "missing.txt")

	st := openStore(t)
	start := time.Now()
	inputs := []string{invalid, binary, good, hostile, emptyFeed, brokenFeed, huge, missing, "ftp://example.com/x"}
	sum, err := Run(context.Background(), st, inputs, nil, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed > 10*time.Second {
		t.Errorf("run took %v: the 2 GB file was read", elapsed)
	}
	want := []struct{ input, reason string }{
		{invalid, "invalid UTF-8 at byte 21"},
		{binary, "binary content (image/jpeg)"},
		{hostile, "512"},
		{emptyFeed, "feed has no entries"},
		{brokenFeed + "#1", "entry has no text"},
		{huge, "file is 2147483648 bytes, over the 10485760-byte limit"},
		{missing, "no such file"},
		{"ftp://example.com/x", `unsupported URL scheme "ftp"`},
	}
	if sum.New != 2 || sum.Failed != len(want) || len(sum.Failures) != len(want) {
		t.Fatalf("summary %+v, want 2 new and %d failed:\n%s", sum, len(want), failureLines(sum))
	}
	for i, w := range want {
		f := sum.Failures[i]
		if f.Input != w.input || !strings.Contains(f.Err.Error(), w.reason) {
			t.Errorf("failure %d = %s: %v; want %s: …%s…", i, f.Input, f.Err, w.input, w.reason)
		}
	}
	if n := countDocs(t, st); n != 2 {
		t.Errorf("%d documents stored, want 2", n)
	}
}

func TestRunStdin(t *testing.T) {
	st := openStore(t)
	in := strings.NewReader(`{"id": "s1", "text": "First report from standard input."}` + "\n" +
		`{"id": "s2", "text": "Second report from standard input."}` + "\n" + `not json` + "\n")
	sum, err := Run(context.Background(), st, []string{"-"}, in, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 2 || sum.Failed != 1 || sum.Failures[0].Input != "-:3" {
		t.Errorf("summary %+v\n%s", sum, failureLines(sum))
	}
	d, err := st.Document(context.Background(), "s2")
	if err != nil || d.OriginKind != "stdin" || d.Origin != "-" {
		t.Errorf("stdin document %+v, %v", d, err)
	}
}

// TestRunBatches stores documents in several batches; duplicates inside a
// batch and across batches are counted once.
func TestRunBatches(t *testing.T) {
	st := openStore(t)
	var lines []string
	rng := rand.New(rand.NewPCG(7, 7))
	var buf bytes.Buffer
	for i := range 7 {
		genReport(&buf, rng, i, 600)
		_, text, _ := strings.Cut(buf.String(), "\n\n")
		lines = append(lines, fmt.Sprintf(`{"id": "b%d", "text": %q}`, i, text))
	}
	lines = append(lines, lines[0], lines[6]) // exact duplicates: one in the same batch, one across
	opts := testOptions()
	opts.BatchSize = 3
	sum, err := Run(context.Background(), st, []string{"-"}, strings.NewReader(strings.Join(lines, "\n")), opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 7 || sum.Duplicates != 2 || sum.Failed != 0 {
		t.Errorf("summary %+v, want 7 new and 2 duplicates", sum)
	}
	if n := countDocs(t, st); n != 7 {
		t.Errorf("%d documents stored, want 7", n)
	}
}

func TestCheckPublic(t *testing.T) {
	tests := []struct {
		addr   string
		public bool
	}{
		{"93.184.216.34", true},
		{"2606:2800:220:1:248:1893:25c8:1946", true},
		{"127.0.0.1", false},
		{"127.8.9.10", false},
		{"::1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"fe80::1", false},
		{"fc00::1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"224.0.0.1", false},
		{"ff02::1", false},
		{"100.64.0.1", false}, // CGNAT
		{"192.0.2.1", false},
		{"198.18.0.1", false},
		{"255.255.255.255", false},
		{"::ffff:127.0.0.1", false}, // IPv4-mapped loopback
		{"::ffff:10.0.0.1", false},
		{"64:ff9b::a00:1", false}, // NAT64 of 10.0.0.1
		{"2002:7f00:1::1", false}, // 6to4 of 127.0.0.1
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			err := checkPublic(netip.MustParseAddr(tt.addr))
			if (err == nil) != tt.public {
				t.Errorf("checkPublic(%s) = %v, want public %v", tt.addr, err, tt.public)
			}
			if err != nil && !errors.Is(err, ErrNonPublic) {
				t.Errorf("error %v does not wrap ErrNonPublic", err)
			}
		})
	}
}

const testPage = `<!DOCTYPE html><html><head><title>Talks resume</title>
<meta property="og:site_name" content="Test Wire"><meta property="article:published_time" content="2 hours ago"></head>
<body><nav>Home | World</nav><article><p>Negotiators resumed talks on Monday after a two-week pause, officials said, and agreed to discuss the exchange of prisoners first.</p>
<p>A spokesman for the mediators said both delegations had accepted the agenda, though one side reportedly wants the ceasefire lines discussed before any other issue.</p></article></body></html>`

func TestFetch(t *testing.T) {
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("GET /page", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.UserAgent() != UserAgent {
			http.Error(w, "bad user agent", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, testPage)
	})
	mux.HandleFunc("GET /hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("GET /big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 300 {
			fmt.Fprint(w, strings.Repeat("word ", 200)) // no Content-Length: streamed
		}
	})
	mux.HandleFunc("GET /loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("GET /to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/", http.StatusFound)
	})
	mux.HandleFunc("GET /gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	t.Run("loopback refused without AllowPrivate", func(t *testing.T) {
		st := openStore(t)
		before := hits.Load()
		sum, err := Run(context.Background(), st, []string{srv.URL + "/page"}, nil, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		if sum.Failed != 1 || !strings.Contains(sum.Failures[0].Err.Error(), "127.0.0.1 is a loopback address") ||
			!strings.Contains(sum.Failures[0].Err.Error(), "--allow-private") {
			t.Errorf("summary %+v\n%s", sum, failureLines(sum))
		}
		if hits.Load() != before {
			t.Error("the server was reached")
		}
	})
	t.Run("localhost name refused", func(t *testing.T) {
		st := openStore(t)
		u := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
		sum, err := Run(context.Background(), st, []string{u + "/page"}, nil, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		if sum.Failed != 1 || !errors.Is(sum.Failures[0].Err, ErrNonPublic) {
			t.Errorf("summary %+v\n%s", sum, failureLines(sum))
		}
	})

	allow := testOptions()
	allow.AllowPrivate = true
	allow.Timeout = 500 * time.Millisecond
	allow.MaxBytes = 100_000
	t.Run("page with AllowPrivate", func(t *testing.T) {
		st := openStore(t)
		sum, err := Run(context.Background(), st, []string{srv.URL + "/page"}, nil, allow)
		if err != nil {
			t.Fatal(err)
		}
		if sum.New != 1 || sum.Failed != 0 {
			t.Fatalf("summary %+v\n%s", sum, failureLines(sum))
		}
		d := findByTitle(t, st, "Talks resume")
		if d.URL != srv.URL+"/page" || d.OriginKind != "url" || d.Outlet != "Test Wire" ||
			!d.Published.Equal(fixedNow.Add(-2*time.Hour)) || d.PublishedPrecision != model.PrecisionInstant ||
			strings.Contains(d.Text, "Home") {
			t.Errorf("fetched page stored as %+v", d)
		}
	})
	tests := []struct{ path, reason string }{
		{"/hang", "timed out"},
		{"/big", "over the 100000-byte limit"},
		{"/loop", "more than 5 redirects"},
		{"/to-ftp", "redirect to a ftp URL"},
		{"/gone", "HTTP status 410 Gone"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			st := openStore(t)
			start := time.Now()
			sum, err := Run(context.Background(), st, []string{srv.URL + tt.path}, nil, allow)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Failed != 1 || sum.Failures[0].Input != srv.URL+tt.path || !strings.Contains(sum.Failures[0].Err.Error(), tt.reason) {
				t.Errorf("summary %+v, want a failure with %q\n%s", sum, tt.reason, failureLines(sum))
			}
			if time.Since(start) > 5*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
		})
	}
}

// TestFeedConditionalGet fetches a feed twice: the second fetch sends the
// validators of the first, gets a 304 and adds nothing. With Follow, each
// entry's page is fetched and extracted.
func TestFeedConditionalGet(t *testing.T) {
	var conditional atomic.Int32
	var srvURL string
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Wed, 19 Jun 2024 10:00:00 GMT")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Talks resume</title><link>%[1]s/page</link><guid>tw-1</guid><pubDate>Wed, 19 Jun 2024 09:00:00 GMT</pubDate><description>Summary only.</description></item>
<item><title>Missing page</title><link>/missing</link><guid>tw-2</guid><description>Another summary.</description></item>
</channel></rss>`, srvURL)
	})
	mux.HandleFunc("GET /page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, testPage)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	srvURL = srv.URL

	st := openStore(t)
	opts := testOptions()
	opts.AllowPrivate = true
	feed := srv.URL + "/feed.xml"
	sum, err := Run(context.Background(), st, []string{feed}, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 2 || sum.Failed != 0 {
		t.Fatalf("first fetch: %+v\n%s", sum, failureLines(sum))
	}
	fs, err := st.FeedState(context.Background(), feed)
	if err != nil || fs.ETag != `"v1"` || fs.LastModified != "Wed, 19 Jun 2024 10:00:00 GMT" {
		t.Errorf("feed state %+v, %v", fs, err)
	}
	sum, err = Run(context.Background(), st, []string{feed}, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	if conditional.Load() != 1 || sum.New != 0 || sum.Duplicates != 0 || sum.Failed != 0 {
		t.Errorf("second fetch: conditional %d, summary %+v", conditional.Load(), sum)
	}

	t.Run("follow", func(t *testing.T) {
		st := openStore(t)
		opts := opts
		opts.Follow = true
		sum, err := Run(context.Background(), st, []string{feed}, nil, opts)
		if err != nil {
			t.Fatal(err)
		}
		if sum.New != 1 || sum.Failed != 1 || !strings.Contains(sum.Failures[0].Input, "#2") || !strings.Contains(sum.Failures[0].Err.Error(), "404") {
			t.Fatalf("summary %+v\n%s", sum, failureLines(sum))
		}
		d, err := st.Document(context.Background(), "tw-1")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(d.Text, "Negotiators resumed talks") || d.Outlet != "Test Wire" || d.URL != srv.URL+"/page" {
			t.Errorf("followed entry stored as %+v", d)
		}
	})
}

// cancelAfter is a reader of lines that cancels a context once it has
// delivered n lines: a failure in the middle of a run.
type cancelAfter struct {
	lines  []string
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	if len(c.lines) == 0 {
		return 0, io.EOF
	}
	if c.n == 0 {
		c.cancel()
	}
	c.n--
	line := c.lines[0] + "\n"
	c.lines = c.lines[1:]
	return copy(p, line), nil
}

// TestRunInterrupted interrupts a run in the middle of its second batch:
// Run reports the error, the first batch is stored whole and nothing of
// the second is.
func TestRunInterrupted(t *testing.T) {
	st := openStore(t)
	rng := rand.New(rand.NewPCG(9, 9))
	var buf bytes.Buffer
	var lines []string
	for i := range 10 {
		genReport(&buf, rng, i, 10_000) // one line per Read of the layered buffers
		_, text, _ := strings.Cut(buf.String(), "\n\n")
		lines = append(lines, fmt.Sprintf(`{"id": "i%d", "text": %q}`, i, text))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := testOptions()
	opts.BatchSize = 4
	sum, err := Run(ctx, st, []string{"-"}, &cancelAfter{lines: lines, n: 6, cancel: cancel}, opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run error %v, want context.Canceled", err)
	}
	if sum.New != 4 {
		t.Errorf("summary %+v, want the first batch of 4 stored", sum)
	}
	if n := countDocs(t, st); n != 4 {
		t.Errorf("%d documents stored, want 4", n)
	}
	for i := range 4 {
		if _, err := st.Document(context.Background(), fmt.Sprintf("i%d", i)); err != nil {
			t.Errorf("document i%d of the first batch: %v", i, err)
		}
	}
}
