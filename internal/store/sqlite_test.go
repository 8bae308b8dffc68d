package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/internal/model"
	"parley/internal/store"
)

// newDoc returns a document whose ID is the SHA-256 of its text, as ingest
// makes them.
func newDoc(text string, simhash uint64) model.Document {
	sum := sha256.Sum256([]byte(text))
	return model.Document{ID: hex.EncodeToString(sum[:]), Text: text, SimHash: simhash}
}

func dated(d model.Document, day string) model.Document {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		panic(err)
	}
	d.Published = t
	d.PublishedPrecision = model.PrecisionDay
	return d
}

func withOutlet(d model.Document, outlet, title string) model.Document {
	d.Outlet = outlet
	d.Title = title
	return d
}

func openTemp(t *testing.T) *store.SQLite {
	t.Helper()
	s, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func mustAdd(t *testing.T, s store.Store, maxHamming int, docs ...model.Document) []store.AddResult {
	t.Helper()
	res, err := s.AddDocuments(t.Context(), docs, maxHamming)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func ids(docs []model.Document) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.ID
	}
	return out
}

func TestOpen(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "a", "b", "parley.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not created: %v", err)
	}
	db := store.Writer(s)
	for _, tc := range []struct{ pragma, want string }{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "5000"},
	} {
		t.Run(tc.pragma, func(t *testing.T) {
			var got string
			if err := db.QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("PRAGMA %s = %q, want %q", tc.pragma, got, tc.want)
			}
		})
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v != store.LatestVersion {
		t.Errorf("schema version %d, want %d", v, store.LatestVersion)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	notDB := filepath.Join(dir, "not.db")
	if err := os.WriteFile(notDB, []byte(strings.Repeat("this is not a database ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, path string }{
		{"empty", ""},
		{"question mark", filepath.Join(dir, "a?b.db")},
		{"parent is a file", filepath.Join(file, "parley.db")},
		{"not a database", notDB},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := store.Open(t.Context(), tc.path)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded", tc.path)
			}
			if !strings.HasPrefix(err.Error(), "store: open") {
				t.Errorf("error %q does not say where it comes from", err)
			}
		})
	}
}

func TestOpenNewerSchema(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Writer(s).ExecContext(ctx, "UPDATE schema_version SET version = version + 1"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := store.Open(ctx, path); err == nil {
		s.Close()
		t.Fatal("opening a database from a newer parley succeeded")
	} else if !strings.Contains(err.Error(), "newer") {
		t.Errorf("error %q does not say the schema is newer", err)
	}
}

// TestMigrate builds a database at every older schema version, stores what
// that version can hold, and checks that Open migrates it without losing
// anything.
func TestMigrate(t *testing.T) {
	for from := 1; from < store.LatestVersion; from++ {
		t.Run("from "+string(rune('0'+from)), func(t *testing.T) {
			ctx := t.Context()
			path := filepath.Join(t.TempDir(), "parley.db")
			old, err := store.OpenAt(ctx, path, from)
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := old.SchemaVersion(ctx); v != from {
				t.Fatalf("old database at version %d, want %d", v, from)
			}
			a := withOutlet(dated(newDoc("The delegations met in Geneva for a first round of talks.", 0xaaaa_0000_0000_0001), "2024-03-01"), "Wire", "First round")
			b := newDoc("A second report without any date about the ceasefire.", 0x5555_0000_0000_0002)
			copyOfA := newDoc("The delegations met in Geneva for a first round of talks. More follows.", 0xaaaa_0000_0000_0003)
			addOld(t, old, from, a, b, copyOfA)
			if err := old.SetFeedState(ctx, store.FeedState{URL: "https://example.org/feed", ETag: `"x1"`}); err != nil {
				t.Fatal(err)
			}
			if from >= 2 {
				if err := old.ReplaceClaims(ctx, a.ID, "v1", []model.Claim{{Actor: "north", Act: "demand", Issue: "ceasefire"}}); err != nil {
					t.Fatal(err)
				}
			}
			if err := old.Close(); err != nil {
				t.Fatal(err)
			}

			s, err := store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if v, _ := s.SchemaVersion(ctx); v != store.LatestVersion {
				t.Fatalf("migrated database at version %d, want %d", v, store.LatestVersion)
			}
			docs, err := s.Documents(ctx, store.DocFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := ids(docs), []string{a.ID, copyOfA.ID, b.ID}; !reflect.DeepEqual(got, want) {
				t.Errorf("documents after migration %v, want %v", got, want)
			}
			got, err := s.Document(ctx, copyOfA.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.DuplicateOf != a.ID {
				t.Errorf("duplicate_of lost: %q", got.DuplicateOf)
			}
			if want := store.SimHash(got.Text); got.SimHash != want {
				t.Errorf("SimHash %016x after migration, want %016x (recomputed)", got.SimHash, want)
			}
			if found, err := s.Documents(ctx, store.DocFilter{Search: "Geneva"}); err != nil || len(found) != 2 {
				t.Errorf("search after migration: %d documents, %v", len(found), err)
			}
			if st, err := s.FeedState(ctx, "https://example.org/feed"); err != nil || st.ETag != `"x1"` {
				t.Errorf("feed state after migration: %+v, %v", st, err)
			}
			claims, err := s.Claims(ctx, store.ClaimFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if want := map[bool]int{true: 1, false: 0}[from >= 2]; len(claims) != want {
				t.Errorf("%d claims after migration, want %d", len(claims), want)
			}
			// What the new versions add works.
			if err := s.PutCase(ctx, store.CaseRecord{Name: "geneva", YAML: []byte("name: geneva\n")}); err != nil {
				t.Fatal(err)
			}
			if err := s.Check(ctx); err != nil {
				t.Error(err)
			}
		})
	}
}

// addOld stores documents in a database at an old schema version, as the
// code of that version did (band columns up to version 3, full-text
// index), with copyOf a near-duplicate of first.
func addOld(t *testing.T, s *store.SQLite, version int, first, other, copyOf model.Document) {
	t.Helper()
	w := store.Writer(s)
	insert := `INSERT INTO documents (id, outlet, outlet_key, title, published, published_precision, text, ingested, duplicate_of, simhash, band0, band1, band2, band3)
		VALUES (?, ?, lower(?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	if version >= 4 {
		insert = `INSERT INTO documents (id, outlet, outlet_key, title, published, published_precision, text, ingested, duplicate_of, simhash)
		VALUES (?, ?, lower(?), ?, ?, ?, ?, ?, ?, ?)`
	}
	for i, d := range []model.Document{first, other, copyOf} {
		var published, dupOf any
		if !d.Published.IsZero() {
			published = d.Published.UTC().Format("2006-01-02T15:04:05.000000000Z")
		}
		if i == 2 {
			dupOf = first.ID
		}
		h := d.SimHash
		ingested := fmt.Sprintf("2024-01-01T00:00:0%d.000000000Z", i)
		args := []any{d.ID, d.Outlet, d.Outlet, d.Title, published, string(d.PublishedPrecision), d.Text, ingested, dupOf, int64(h)}
		if version < 4 {
			args = append(args, int64(uint16(h)), int64(uint16(h>>16)), int64(uint16(h>>32)), int64(uint16(h>>48)))
		}
		if _, err := w.ExecContext(t.Context(), insert, args...); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.ExecContext(t.Context(), `INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')`); err != nil {
		t.Fatal(err)
	}
}

func TestDocumentRoundTrip(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	zone := time.FixedZone("UTC+3", 3*3600)
	d := model.Document{
		ID:                 strings.Repeat("ab", 32),
		SourceID:           "wire-2024-001",
		URL:                "https://example.org/news/1?ref=rss",
		CanonicalURL:       "https://example.org/news/1",
		Outlet:             "Example Wire",
		Title:              "Talks resume — «a new round»",
		Author:             "A. Writer",
		Published:          time.Date(2024, 5, 6, 10, 30, 15, 123456789, zone),
		PublishedPrecision: model.PrecisionInstant,
		Language:           "en",
		Text:               "Both sides said the talks would resume.\n\nNo date was set.",
		Origin:             "/tmp/in/report.html",
		OriginKind:         "file",
		Ingested:           time.Date(2024, 5, 6, 12, 0, 0, 0, time.UTC),
		SimHash:            0xfedc_ba98_7654_3210, // the top bit set: stored as a negative integer
	}
	mustAdd(t, s, 3, d)
	got, err := s.Document(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := d
	want.Published = d.Published.UTC()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	if got.Published.Location() != time.UTC {
		t.Errorf("published time not in UTC: %v", got.Published)
	}

	// Text comes back byte for byte, even bytes ingest should never let
	// through (spans are byte offsets into it), and stays searchable.
	odd := newDoc("invalid \xff\xfe UTF-8, a NUL \x00 byte, and a zebra", 0x77)
	odd.Title = "title \xff"
	mustAdd(t, s, 3, odd)
	got, err = s.Document(ctx, odd.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != odd.Text || got.Title != odd.Title {
		t.Errorf("odd bytes: got %q / %q", got.Title, got.Text)
	}
	if found, err := s.Documents(ctx, store.DocFilter{Search: "zebra"}); err != nil || len(found) != 1 {
		t.Errorf("search in odd text: %d, %v", len(found), err)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}

	// An unset ingestion time is set when the document is stored.
	before := time.Now().Add(-time.Second)
	u := newDoc("Undated and never ingested before.", 1)
	mustAdd(t, s, 3, u)
	got, err = s.Document(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Ingested.Before(before) || !got.Published.IsZero() || got.PublishedPrecision != model.PrecisionNone {
		t.Errorf("undated document: ingested %v, published %v (%q)", got.Ingested, got.Published, got.PublishedPrecision)
	}
}

// syndicated returns a wire report with a line of its own at the end:
// any two such texts share far more than MinContainment of their
// shingles, so whether they are near-duplicates is up to their SimHashes.
func syndicated(line string) string {
	var b strings.Builder
	for i := range 200 {
		fmt.Fprintf(&b, "w%d ", i)
	}
	return b.String() + "\n\n" + line
}

func TestAddDocuments(t *testing.T) {
	const h = uint64(0x1234_5678_9abc_def0)
	orig := newDoc(syndicated("original report"), h)
	near := newDoc(syndicated("syndicated copy with another headline"), h^0b101)           // 2 bits off
	nearer := newDoc(syndicated("copy of the copy"), h^0b1)                                // 1 bit off
	far := newDoc(syndicated("a different report"), ^h)                                    // shares no band
	sameBandFar := newDoc(syndicated("shares a band but is far"), h^0xffff_ffff_ffff_0000) // 48 bits off
	fourOff := newDoc(syndicated("four bits off"), h^0b1111)
	copyOfCopy := newDoc(syndicated("close to the copy, far from the original"), h^0b1101) // 1 bit from near, 3 from orig
	farCopy := newDoc(syndicated("a copy 12 bits away, in every band"), h^0x0007_0007_0007_0007)
	farCopyOfCopy := newDoc(syndicated("2 bits from farCopy, 14 from orig"), h^0x0007_0007_0007_0007^0x0000_0000_0000_0018)
	noHash := newDoc(syndicated("no simhash computed"), 0)
	noHash2 := newDoc(syndicated("no simhash computed either"), 0)

	type batch struct {
		docs       []model.Document
		maxHamming int
		want       []store.AddResult
	}
	add := func(d model.Document) store.AddResult { return store.AddResult{ID: d.ID, Outcome: store.Added} }
	dup := func(d, of model.Document) store.AddResult {
		return store.AddResult{ID: d.ID, Outcome: store.Duplicate, Of: of.ID}
	}
	nd := func(d, of model.Document) store.AddResult {
		return store.AddResult{ID: d.ID, Outcome: store.NearDuplicate, Of: of.ID}
	}
	for _, tc := range []struct {
		name    string
		batches []batch
		// stored lists the documents in the database afterwards with
		// their DuplicateOf.
		stored map[string]string
	}{
		{
			name: "new documents",
			batches: []batch{
				{[]model.Document{orig, far}, 3, []store.AddResult{add(orig), add(far)}},
			},
			stored: map[string]string{orig.ID: "", far.ID: ""},
		},
		{
			name: "exact duplicate in a later batch and in the same batch",
			batches: []batch{
				{[]model.Document{orig}, 3, []store.AddResult{add(orig)}},
				{[]model.Document{far, orig, far}, 3, []store.AddResult{add(far), dup(orig, orig), dup(far, far)}},
			},
			stored: map[string]string{orig.ID: "", far.ID: ""},
		},
		{
			name: "near duplicate across batches",
			batches: []batch{
				{[]model.Document{orig}, 3, []store.AddResult{add(orig)}},
				{[]model.Document{near}, 3, []store.AddResult{nd(near, orig)}},
			},
			stored: map[string]string{orig.ID: "", near.ID: orig.ID},
		},
		{
			name: "near duplicate within a batch",
			batches: []batch{
				{[]model.Document{orig, far, near}, 3, []store.AddResult{add(orig), add(far), nd(near, orig)}},
			},
			stored: map[string]string{orig.ID: "", far.ID: "", near.ID: orig.ID},
		},
		{
			name: "a copy of a copy points at the original",
			batches: []batch{
				// copyOfCopy is within 2 bits of near only; near is a
				// near-duplicate of orig.
				{[]model.Document{orig}, 2, []store.AddResult{add(orig)}},
				{[]model.Document{near}, 2, []store.AddResult{nd(near, orig)}},
				{[]model.Document{copyOfCopy}, 2, []store.AddResult{nd(copyOfCopy, orig)}},
			},
			stored: map[string]string{orig.ID: "", near.ID: orig.ID, copyOfCopy.ID: orig.ID},
		},
		{
			name: "the earliest match wins even when a later one is closer",
			batches: []batch{
				// nearer is 3 bits from fourOff and 1 bit from orig.
				{[]model.Document{fourOff, orig}, 0, []store.AddResult{add(fourOff), add(orig)}},
				{[]model.Document{nearer}, 3, []store.AddResult{nd(nearer, fourOff)}},
			},
			stored: map[string]string{fourOff.ID: "", orig.ID: "", nearer.ID: fourOff.ID},
		},
		{
			name: "a shared band is only a candidate",
			batches: []batch{
				{[]model.Document{orig, sameBandFar}, 3, []store.AddResult{add(orig), add(sameBandFar)}},
			},
			stored: map[string]string{orig.ID: "", sameBandFar.ID: ""},
		},
		{
			name: "maxHamming is the limit",
			batches: []batch{
				{[]model.Document{orig, fourOff}, 3, []store.AddResult{add(orig), add(fourOff)}},
			},
			stored: map[string]string{orig.ID: "", fourOff.ID: ""},
		},
		{
			name: "within maxHamming 4",
			batches: []batch{
				{[]model.Document{orig, fourOff}, 4, []store.AddResult{add(orig), nd(fourOff, orig)}},
			},
			stored: map[string]string{orig.ID: "", fourOff.ID: orig.ID},
		},
		{
			name: "beyond the bands: a copy sharing no band is found",
			batches: []batch{
				{[]model.Document{orig, far}, 12, []store.AddResult{add(orig), add(far)}},
				{[]model.Document{farCopy}, 12, []store.AddResult{nd(farCopy, orig)}},
				// 14 bits from orig: too far; 2 bits from farCopy, whose
				// original is orig.
				{[]model.Document{farCopyOfCopy}, 12, []store.AddResult{nd(farCopyOfCopy, orig)}},
			},
			stored: map[string]string{orig.ID: "", far.ID: "", farCopy.ID: orig.ID, farCopyOfCopy.ID: orig.ID},
		},
		{
			name: "beyond the bands within a batch",
			batches: []batch{
				{[]model.Document{far, orig, farCopy, farCopy}, 14, []store.AddResult{add(far), add(orig), nd(farCopy, orig), dup(farCopy, farCopy)}},
			},
			stored: map[string]string{orig.ID: "", far.ID: "", farCopy.ID: orig.ID},
		},
		{
			name: "beyond the bands, the earliest match wins",
			batches: []batch{
				{[]model.Document{farCopy, orig}, 0, []store.AddResult{add(farCopy), add(orig)}},
				{[]model.Document{nearer}, 14, []store.AddResult{nd(nearer, farCopy)}},
			},
			stored: map[string]string{farCopy.ID: "", orig.ID: "", nearer.ID: farCopy.ID},
		},
		{
			name: "the same batch with band lookup and with a scan",
			batches: []batch{
				{[]model.Document{orig}, 3, []store.AddResult{add(orig)}},
				{[]model.Document{near}, 14, []store.AddResult{nd(near, orig)}},
				{[]model.Document{nearer}, 1, []store.AddResult{nd(nearer, orig)}},
				{[]model.Document{farCopy}, 14, []store.AddResult{nd(farCopy, orig)}},
			},
			stored: map[string]string{orig.ID: "", near.ID: orig.ID, nearer.ID: orig.ID, farCopy.ID: orig.ID},
		},
		{
			name: "negative maxHamming turns near-duplicate detection off",
			batches: []batch{
				{[]model.Document{orig, nearer}, -1, []store.AddResult{add(orig), add(nearer)}},
			},
			stored: map[string]string{orig.ID: "", nearer.ID: ""},
		},
		{
			name: "a zero simhash is never a near duplicate",
			batches: []batch{
				{[]model.Document{noHash, noHash2}, 3, []store.AddResult{add(noHash), add(noHash2)}},
			},
			stored: map[string]string{noHash.ID: "", noHash2.ID: ""},
		},
		{
			name: "a DuplicateOf given by the caller is ignored",
			batches: []batch{
				{[]model.Document{func() model.Document { d := far; d.DuplicateOf = orig.ID; return d }()}, 3,
					[]store.AddResult{add(far)}},
			},
			stored: map[string]string{far.ID: ""},
		},
		{
			name:    "empty batch",
			batches: []batch{{nil, 3, []store.AddResult{}}},
			stored:  map[string]string{},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			for i, b := range tc.batches {
				got, err := s.AddDocuments(t.Context(), b.docs, b.maxHamming)
				if err != nil {
					t.Fatalf("batch %d: %v", i, err)
				}
				if !reflect.DeepEqual(got, b.want) {
					t.Errorf("batch %d:\n got %v\nwant %v", i, got, b.want)
				}
			}
			docs, err := s.Documents(t.Context(), store.DocFilter{})
			if err != nil {
				t.Fatal(err)
			}
			stored := map[string]string{}
			for _, d := range docs {
				stored[d.ID] = d.DuplicateOf
			}
			if !reflect.DeepEqual(stored, tc.stored) {
				t.Errorf("stored %v, want %v", stored, tc.stored)
			}
		})
	}
}

// TestAddDocumentsFailure injects a failure in the middle of a batch and
// checks that the earlier batches are intact and nothing of the failed one
// is stored, not even in the full-text index.
func TestAddDocumentsFailure(t *testing.T) {
	good1 := withOutlet(dated(newDoc("alpha report on the prisoner exchange", 0x9e37_79b9_7f4a_7c15), "2024-01-01"), "Wire", "Alpha")
	good2 := newDoc("beta report on the buffer zone", 0x6a09_e667_f3bc_c908)
	fresh := newDoc("gamma report on the zebra crossing", 0xbb67_ae85_84ca_a73b)
	nearFresh := newDoc("gamma report on the zebra crossing, again", 0xbb67_ae85_84ca_a73b^0b100)
	noPrecision := newDoc("delta report with a date but no precision", 4)
	noPrecision.Published = time.Date(2024, 2, 2, 0, 0, 0, 0, time.UTC)
	badPrecision := dated(newDoc("epsilon report", 5), "2024-02-03")
	badPrecision.PublishedPrecision = "fortnight"
	noID := newDoc("zeta report", 6)
	noID.ID = ""

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()

	boom := newDoc("eta report that the database refuses", 7)
	boom.Title = "boom"
	// refuse makes SQLite itself fail the insert of boom.
	refuse := func(t *testing.T, s *store.SQLite) {
		_, err := store.Writer(s).ExecContext(t.Context(), `CREATE TEMP TRIGGER refuse BEFORE INSERT ON documents
			WHEN new.title = 'boom' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
		if err != nil {
			t.Fatal(err)
		}
	}

	for _, tc := range []struct {
		name    string
		ctx     context.Context
		setup   func(*testing.T, *store.SQLite)
		batch   []model.Document
		wantErr string
	}{
		{"published time without precision", context.Background(), nil, []model.Document{fresh, nearFresh, noPrecision}, "without a precision"},
		{"unknown precision", context.Background(), nil, []model.Document{fresh, badPrecision, nearFresh}, "unknown precision"},
		{"empty ID", context.Background(), nil, []model.Document{fresh, nearFresh, noID}, "empty ID"},
		{"the database refuses a document", context.Background(), refuse, []model.Document{fresh, nearFresh, boom}, "injected failure"},
		{"cancelled context", cancelled, nil, []model.Document{fresh, nearFresh}, "context canceled"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			mustAdd(t, s, 3, good1)
			mustAdd(t, s, 3, good2)
			if tc.setup != nil {
				tc.setup(t, s)
			}
			res, err := s.AddDocuments(tc.ctx, tc.batch, 3)
			if err == nil {
				t.Fatalf("failing batch succeeded: %v", res)
			}
			if !strings.Contains(err.Error(), tc.wantErr) || !strings.HasPrefix(err.Error(), "store: add documents: ") {
				t.Errorf("error %q, want one containing %q", err, tc.wantErr)
			}
			if res != nil {
				t.Errorf("results %v for a failed batch", res)
			}
			ctx := t.Context()
			docs, err := s.Documents(ctx, store.DocFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := ids(docs), []string{good1.ID, good2.ID}; !reflect.DeepEqual(got, want) {
				t.Errorf("documents after the failed batch %v, want %v", got, want)
			}
			if found, err := s.Documents(ctx, store.DocFilter{Search: "zebra"}); err != nil || len(found) != 0 {
				t.Errorf("full-text index holds the failed batch: %d documents, %v", len(found), err)
			}
			if found, err := s.Documents(ctx, store.DocFilter{Search: "prisoner"}); err != nil || len(found) != 1 {
				t.Errorf("full-text index lost an earlier batch: %d documents, %v", len(found), err)
			}
			if err := s.Check(ctx); err != nil {
				t.Error(err)
			}
			// The store still works, and the failed batch can be retried.
			res, err = s.AddDocuments(ctx, []model.Document{fresh, nearFresh}, 3)
			if err != nil {
				t.Fatal(err)
			}
			want := []store.AddResult{{ID: fresh.ID, Outcome: store.Added}, {ID: nearFresh.ID, Outcome: store.NearDuplicate, Of: fresh.ID}}
			if !reflect.DeepEqual(res, want) {
				t.Errorf("retry: %v, want %v", res, want)
			}
		})
	}
}

func TestDocumentRef(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	a := newDoc("first", 1)
	a.ID = "abcdef0123" + strings.Repeat("0", 54)
	a.SourceID = "wire-1"
	b := newDoc("second", 2)
	b.ID = "abcdef0456" + strings.Repeat("0", 54)
	b.SourceID = "dup-source"
	c := newDoc("third", 3)
	c.ID = "123456789a" + strings.Repeat("0", 54)
	c.SourceID = "dup-source"
	d := newDoc("fourth", 4)
	d.ID = "fedcba9876" + strings.Repeat("1", 54)
	d.SourceID = "abcdef" // a source ID that looks like an ambiguous prefix
	mustAdd(t, s, -1, a, b, c, d)

	for _, tc := range []struct {
		ref     string
		want    string // document ID, or "" for an error
		wantErr error
	}{
		{a.ID, a.ID, nil},
		{"abcdef01", a.ID, nil},
		{"ABCDEF01", a.ID, nil},
		{" abcdef0123 ", a.ID, nil},
		{"123456", c.ID, nil},
		{"wire-1", a.ID, nil},
		{"abcdef", d.ID, nil}, // the exact source ID wins over the prefix
		{"abcdef0", "", store.ErrAmbiguous},
		{"dup-source", "", store.ErrAmbiguous},
		{"abcde", "", store.ErrNotFound},
		{"fedcb", "", store.ErrNotFound},
		{"000000", "", store.ErrNotFound},
		{"no-such-thing", "", store.ErrNotFound},
		{"", "", store.ErrNotFound},
		{"abcdef0123" + strings.Repeat("0", 55), "", store.ErrNotFound},
		{"abcdef%", "", store.ErrNotFound},
	} {
		t.Run(tc.ref, func(t *testing.T) {
			got, err := s.Document(ctx, tc.ref)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Document(%q) = %s, %v; want %v", tc.ref, got.ID, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != tc.want {
				t.Errorf("Document(%q) = %s, want %s", tc.ref, got.ID, tc.want)
			}
		})
	}
	t.Run("ambiguous message", func(t *testing.T) {
		_, err := s.Document(ctx, "abcdef0")
		if err == nil || !strings.Contains(err.Error(), "abcdef0123") || !strings.Contains(err.Error(), "abcdef0456") {
			t.Errorf("error %v does not name the candidates", err)
		}
	})
}

func TestDocuments(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	jan := withOutlet(dated(newDoc("The northern delegation demanded a full ceasefire before talks.", 0x0001_0001_0001_0001), "2024-01-15"), "Wire Service", "Ceasefire demand")
	feb := withOutlet(dated(newDoc("Negotiators discussed prisoner exchanges in Vienna.", 0x0002_0002_0002_0002), "2024-02-10"), "wire service", "Prisoners")
	mar := withOutlet(dated(newDoc("Analysts doubt the ceasefire will hold; the talks stalled.", 0x0003_0003_0003_0003), "2024-03-05"), "Daily Ledger", "Doubts")
	marLate := withOutlet(newDoc("Late on March 5 the envoy said “talks” would resume.", 0x0004_0004_0004_0004), "Daily Ledger", "Envoy")
	marLate.Published = time.Date(2024, 3, 5, 22, 0, 0, 0, time.UTC)
	marLate.PublishedPrecision = model.PrecisionInstant
	undated1 := withOutlet(newDoc("An undated note about the café talks in Zürich.", 0x0005_0005_0005_0005), "Blog", "Note")
	undated2 := withOutlet(newDoc("Another undated note: \"quoted\" words and -dashes.", 0x0006_0006_0006_0006), "Blog", "Other note")
	undated1.Ingested = time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	undated2.Ingested = time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC)
	mustAdd(t, s, 3, feb, undated1, jan)
	mustAdd(t, s, 3, undated2, mar, marLate)

	day := func(s string) time.Time {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			panic(err)
		}
		return t
	}
	for _, tc := range []struct {
		name   string
		filter store.DocFilter
		want   []model.Document
	}{
		{"all, newest first, undated last", store.DocFilter{}, []model.Document{marLate, mar, feb, jan, undated2, undated1}},
		{"limit", store.DocFilter{Limit: 2}, []model.Document{marLate, mar}},
		{"since", store.DocFilter{Since: day("2024-02-10")}, []model.Document{marLate, mar, feb}},
		{"until is inclusive", store.DocFilter{Until: day("2024-02-10")}, []model.Document{feb, jan}},
		{"since and until", store.DocFilter{Since: day("2024-02-01"), Until: day("2024-03-05")}, []model.Document{mar, feb}},
		{"outlet, any case", store.DocFilter{Outlet: "WIRE service"}, []model.Document{feb, jan}},
		{"outlet unknown", store.DocFilter{Outlet: "Wire"}, nil},
		{"search one word", store.DocFilter{Search: "ceasefire"}, []model.Document{mar, jan}},
		{"search all words must match", store.DocFilter{Search: "ceasefire talks stalled"}, []model.Document{mar}},
		{"search whole words only", store.DocFilter{Search: "demande"}, nil},
		{"search prefix finds word forms", store.DocFilter{Search: "demand*"}, []model.Document{jan}},
		{"search title", store.DocFilter{Search: "prisoners"}, []model.Document{feb}},
		{"search prefix", store.DocFilter{Search: "negot*"}, []model.Document{feb}},
		{"search diacritics folded", store.DocFilter{Search: "cafe zurich"}, []model.Document{undated1}},
		{"search stray quote", store.DocFilter{Search: `"talks`}, []model.Document{marLate, mar, jan, undated1}},
		{"search quoted word", store.DocFilter{Search: `"quoted"`}, []model.Document{undated2}},
		{"search dash", store.DocFilter{Search: "-dashes"}, []model.Document{undated2}},
		{"search operators are words", store.DocFilter{Search: "talks OR NOT AND NEAR(x"}, nil},
		{"search only punctuation", store.DocFilter{Search: `" - * ( ) :`}, nil},
		{"search and outlet", store.DocFilter{Search: "talks", Outlet: "daily ledger"}, []model.Document{marLate, mar}},
		{"search a hyphenated word: tokens in a row", store.DocFilter{Search: "ceasefire-before"}, []model.Document{jan}},
		{"search a hyphenated word: tokens apart", store.DocFilter{Search: "talks-ceasefire"}, nil},
		{"search tokens in a row, limit after", store.DocFilter{Search: "the-talks", Limit: 1}, []model.Document{mar}},
		{"search tokens in a row, prefix", store.DocFilter{Search: "full-cease*"}, []model.Document{jan}},
		{"search tokens in a row, accents folded", store.DocFilter{Search: "CAFE-talks"}, []model.Document{undated1}},
		{"search tokens in a row, accented", store.DocFilter{Search: "in-Zürich"}, []model.Document{undated1}},
		{"search tokens apart, accented", store.DocFilter{Search: "talks-zurich"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Documents(ctx, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := ids(got), ids(tc.want); !reflect.DeepEqual(g, w) {
				t.Errorf("got %v\nwant %v", g, w)
			}
		})
	}
}

func TestFTSQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ceasefire", `"ceasefire"`},
		{"  two   words ", `"two" "words"`},
		{`say "no"`, `"say" "no"`},
		{"front-line", `"front" "line"`},
		{"Tigray's talks*", `"Tigray" "s" "talks"*`},
		{"U.S.*", `"U" "S"*`},
		{"negot*", `"negot"*`},
		{"-", ""},
		{`" * -`, ""},
		{"NOT", `"NOT"`},
		{"a\x00b", `"a" "b"`},
		{"", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := store.FTSQuery(tc.in); got != tc.want {
				t.Errorf("FTSQuery(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzSearch checks that no search words make an SQL or FTS5 error.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{"talks", `"`, `"a" OR b*`, "-x", "NEAR(a b, 3)", "col:word", "^start", "a AND (b", "\x00", "ü*"} {
		f.Add(seed)
	}
	s, err := store.Open(context.Background(), filepath.Join(f.TempDir(), "parley.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if _, err := s.AddDocuments(context.Background(), []model.Document{newDoc("talks about talks and a buffer zone", 1)}, 3); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, words string) {
		if _, err := s.Documents(context.Background(), store.DocFilter{Search: words}); err != nil {
			t.Errorf("search %q: %v", words, err)
		}
	})
}

func TestClaims(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	text1 := "North demanded a ceasefire. South rejected the withdrawal plan, officials said."
	d1 := dated(newDoc(text1, 1), "2024-02-01")
	text2 := "South may accept talks in March."
	d2 := dated(newDoc(text2, 2), "2024-01-01")
	d3 := newDoc("Undated: North proposed a prisoner exchange.", 3)
	mustAdd(t, s, -1, d1, d2, d3)

	span := func(text, part string) model.Span {
		i := strings.Index(text, part)
		if i < 0 {
			panic(part)
		}
		return model.Span{Start: i, End: i + len(part)}
	}
	c1 := model.Claim{
		Doc: d1.ID, Sentence: "North demanded a ceasefire.", Actor: "north", Act: model.ActDemand, Issue: "ceasefire",
		Position: "a ceasefire", Precondition: true,
		Source: model.Source{Kind: model.SourceUnattributed},
		Evidence: model.Evidence{
			Sentence: span(text1, "North demanded a ceasefire."), Actor: span(text1, "North"), ActorHow: "name",
			Act: span(text1, "demanded"), Issue: span(text1, "ceasefire"), Lexicon: "v1",
		},
	}
	c2 := model.Claim{
		Sentence: "South rejected the withdrawal plan, officials said.", Actor: "south", Act: model.ActReject, Issue: "withdrawal",
		Position: "the withdrawal plan",
		Source:   model.Source{Kind: model.SourceOfficial, Name: "officials", Via: "Wire"},
		Evidence: model.Evidence{
			Sentence: span(text1, "South rejected the withdrawal plan, officials said."), Actor: span(text1, "South"), ActorHow: "name",
			Act: span(text1, "rejected"), Issue: span(text1, "withdrawal"), Source: span(text1, "officials said"), Lexicon: "v1",
		},
	}
	c3 := model.Claim{
		Sentence: text2, Actor: "south", Act: model.ActAccept, Issue: "talks", Hedged: true,
		Source: model.Source{Kind: model.SourceUnattributed},
		Evidence: model.Evidence{
			Sentence: span(text2, text2), Actor: span(text2, "South"), Act: span(text2, "accept"),
			Issue: span(text2, "talks"), Hedge: span(text2, "may"), Lexicon: "v1",
		},
	}
	c4 := model.Claim{Doc: d3.ID, Sentence: "North proposed a prisoner exchange.", Actor: "north", Act: model.ActPropose, Issue: "prisoners"}

	// Pending before any extraction: all, in ingestion order.
	pending, err := s.PendingExtraction(ctx, "v1", false)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{d1.ID, d2.ID, d3.ID}; !reflect.DeepEqual(pending, want) {
		t.Errorf("pending %v, want %v", pending, want)
	}

	// A first extraction of d1 with a claim that will be replaced.
	if err := s.ReplaceClaims(ctx, d1.ID, "v0", []model.Claim{{Actor: "stale", Act: "demand", Issue: "other"}}); err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct {
		doc    model.Document
		claims []model.Claim
	}{{d1, []model.Claim{c2, c1}}, {d2, []model.Claim{c3}}, {d3, []model.Claim{c4}}} {
		if err := s.ReplaceClaims(ctx, r.doc.ID, "v1", r.claims); err != nil {
			t.Fatal(err)
		}
	}
	withDoc := func(c model.Claim, d model.Document) model.Claim { c.Doc = d.ID; return c }
	c1, c2, c3, c4 = withDoc(c1, d1), withDoc(c2, d1), withDoc(c3, d2), withDoc(c4, d3)

	for _, tc := range []struct {
		name   string
		filter store.ClaimFilter
		want   []model.Claim
	}{
		{"all, by publication then offset", store.ClaimFilter{}, []model.Claim{c3, c1, c2, c4}},
		{"actor, any case", store.ClaimFilter{Actor: "SOUTH"}, []model.Claim{c3, c2}},
		{"act", store.ClaimFilter{Act: model.ActDemand}, []model.Claim{c1}},
		{"issue", store.ClaimFilter{Issue: "talks"}, []model.Claim{c3}},
		{"doc by prefix", store.ClaimFilter{Doc: d1.ID[:8]}, []model.Claim{c1, c2}},
		{"since", store.ClaimFilter{Since: time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)}, []model.Claim{c1, c2}},
		{"until", store.ClaimFilter{Until: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}, []model.Claim{c3}},
		{"limit", store.ClaimFilter{Limit: 1}, []model.Claim{c3}},
		{"nothing", store.ClaimFilter{Actor: "east"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Claims(ctx, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			for i := range got {
				if got[i].ID == 0 {
					t.Errorf("claim %d has no ID", i)
				}
				got[i].ID = 0
			}
			if len(got) != len(tc.want) || (len(got) > 0 && !reflect.DeepEqual(got, tc.want)) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}

	t.Run("spans point into the stored text", func(t *testing.T) {
		claims, err := s.Claims(ctx, store.ClaimFilter{Doc: d1.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range claims {
			if got := c.Evidence.Sentence.In(text1); got != c.Sentence {
				t.Errorf("sentence span gives %q, want %q", got, c.Sentence)
			}
		}
	})
	t.Run("pending", func(t *testing.T) {
		for _, tc := range []struct {
			version string
			all     bool
			want    []string
		}{
			{"v1", false, nil},
			{"v2", false, []string{d1.ID, d2.ID, d3.ID}},
			{"v1", true, []string{d1.ID, d2.ID, d3.ID}},
		} {
			got, err := s.PendingExtraction(ctx, tc.version, tc.all)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("PendingExtraction(%q, %v) = %v, want %v", tc.version, tc.all, got, tc.want)
			}
		}
	})
	t.Run("errors", func(t *testing.T) {
		if err := s.ReplaceClaims(ctx, strings.Repeat("9", 64), "v1", nil); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("claims of an unknown document: %v", err)
		}
		if err := s.ReplaceClaims(ctx, d2.ID, "v2", []model.Claim{c3, c1}); err == nil {
			t.Error("a claim of another document was accepted")
		}
		// The failed replacement changed nothing.
		got, err := s.Claims(ctx, store.ClaimFilter{Doc: d2.ID})
		if err != nil || len(got) != 1 {
			t.Errorf("claims of d2 after a failed replacement: %d, %v", len(got), err)
		}
		if p, _ := s.PendingExtraction(ctx, "v2", false); len(p) != 3 {
			t.Errorf("a failed replacement recorded an extraction: pending %v", p)
		}
		if _, err := s.Claims(ctx, store.ClaimFilter{Doc: "nope"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("claims of an unknown document reference: %v", err)
		}
	})
	t.Run("empty replacement", func(t *testing.T) {
		if err := s.ReplaceClaims(ctx, d3.ID, "v1", nil); err != nil {
			t.Fatal(err)
		}
		got, err := s.Claims(ctx, store.ClaimFilter{Doc: d3.ID})
		if err != nil || len(got) != 0 {
			t.Errorf("claims after an empty replacement: %v, %v", got, err)
		}
	})
}

func TestCases(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	if _, err := s.Case(ctx, "none"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown case: %v", err)
	}
	at := time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []store.CaseRecord{
		{Name: "zeta", YAML: []byte("name: zeta\n"), Updated: at},
		{Name: "alpha", YAML: []byte("name: alpha\n"), Updated: at},
		{Name: "zeta", YAML: []byte("name: zeta\nparties: [a, b]\n"), Updated: at.Add(time.Hour)},
	} {
		if err := s.PutCase(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutCase(ctx, store.CaseRecord{}); err == nil {
		t.Error("a case without a name was stored")
	}
	got, err := s.Case(ctx, "zeta")
	if err != nil {
		t.Fatal(err)
	}
	want := store.CaseRecord{Name: "zeta", YAML: []byte("name: zeta\nparties: [a, b]\n"), Updated: at.Add(time.Hour)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Case = %+v, want %+v", got, want)
	}
	all, err := s.Cases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].Name != "alpha" || all[1].Name != "zeta" {
		t.Errorf("Cases = %+v", all)
	}
}

func TestFeedState(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	const url = "https://example.org/rss.xml"
	if _, err := s.FeedState(ctx, url); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown feed: %v", err)
	}
	at := time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)
	for _, st := range []store.FeedState{
		{URL: url, ETag: `"v1"`, LastModified: "Sat, 01 Jun 2024 08:00:00 GMT", Fetched: at},
		{URL: url, ETag: `"v2"`, Fetched: at.Add(time.Hour)},
	} {
		if err := s.SetFeedState(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.FeedState(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.FeedState{URL: url, ETag: `"v2"`, Fetched: at.Add(time.Hour)}); got != want {
		t.Errorf("FeedState = %+v, want %+v", got, want)
	}
	if err := s.SetFeedState(ctx, store.FeedState{}); err == nil {
		t.Error("a feed state without a URL was stored")
	}
}

// TestConcurrent reads while several goroutines write; run with -race.
func TestConcurrent(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := range 4 {
		wg.Go(func() {
			for i := range 10 {
				d := newDoc(strings.Repeat("word ", w+1)+string(rune('a'+i)), uint64(w*100+i+1)<<20)
				if _, err := s.AddDocuments(ctx, []model.Document{d}, 3); err != nil {
					errs <- err
				}
			}
		})
		wg.Go(func() {
			for range 10 {
				if _, err := s.Documents(ctx, store.DocFilter{Search: "word"}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	docs, err := s.Documents(ctx, store.DocFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 40 {
		t.Errorf("%d documents, want 40", len(docs))
	}
}

// TestNearIndexSeesOtherWriters checks the exact near-duplicate search
// against documents committed through another connection (as by another
// process) and against a batch that was rolled back.
func TestNearIndexSeesOtherWriters(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "parley.db")
	const h = uint64(0x0f0f_3c3c_5a5a_9696)
	a := newDoc(syndicated("report a"), h)
	b := newDoc(syndicated("report b, 8 bits from a"), h^0x00ff_0000_0000_0000)
	c := newDoc(syndicated("report c, 8 bits from b and 16 from a"), h^0x00ff_0000_0000_0000^0xff00_0000_0000_0000)
	x := newDoc(syndicated("report x, far from all"), ^h)
	y := newDoc(syndicated("report y, 2 bits from x"), ^h^0b11)

	s1, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s1.Close()
	s2, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()

	steps := []struct {
		s    *store.SQLite
		doc  model.Document
		want store.AddResult
	}{
		{s1, a, store.AddResult{ID: a.ID, Outcome: store.Added}},
		{s2, b, store.AddResult{ID: b.ID, Outcome: store.NearDuplicate, Of: a.ID}},
		// s1 loaded its index before s2 stored b.
		{s1, c, store.AddResult{ID: c.ID, Outcome: store.NearDuplicate, Of: a.ID}},
	}
	for i, st := range steps {
		got := mustAdd(t, st.s, 10, st.doc)
		if !reflect.DeepEqual(got, []store.AddResult{st.want}) {
			t.Errorf("step %d: %v, want %v", i, got, st.want)
		}
	}

	// A batch that fails leaves nothing in the index.
	bad := newDoc("bad", 1)
	bad.PublishedPrecision = model.PrecisionDay
	if _, err := s1.AddDocuments(ctx, []model.Document{x, bad}, 10); err == nil {
		t.Fatal("bad batch stored")
	}
	got := mustAdd(t, s1, 10, y)
	if want := []store.AddResult{{ID: y.ID, Outcome: store.Added}}; !reflect.DeepEqual(got, want) {
		t.Errorf("after a failed batch: %v, want %v", got, want)
	}
}

// TestNearDuplicateConfirmed checks that close SimHashes are only a
// candidate: the texts must share MinContainment of their shingles.
func TestNearDuplicateConfirmed(t *testing.T) {
	const h = uint64(0x0123_4567_89ab_cdef)
	report := "The mediators said on Tuesday that both delegations had agreed to extend the ceasefire by thirty days and to exchange lists of detainees before the next round of talks in the capital."
	for _, tc := range []struct {
		name, text string
		want       store.Outcome
	}{
		{"a copy with a trailing line", report + "\n\nAdditional reporting by the newsroom.", store.NearDuplicate},
		{"a copy cut short", strings.Join(strings.Fields(report)[:30], " "), store.NearDuplicate},
		{"another text with the same SimHash", "Fighting resumed near the border town overnight, residents said, as aid convoys waited at the crossing for a second day.", store.Added},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			orig := newDoc(report, h)
			mustAdd(t, s, 11, orig)
			res := mustAdd(t, s, 11, newDoc(tc.text, h^0b11))
			if res[0].Outcome != tc.want {
				t.Errorf("%v, want %v", res[0].Outcome, tc.want)
			}
		})
	}
}
