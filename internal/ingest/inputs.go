package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"parley/internal/store"
)

// input ingests one command-line input: "-", a URL, a file or a directory.
func (r *runner) input(ctx context.Context, in string) error {
	switch {
	case in == "-":
		if r.stdin == nil {
			r.fail(in, errors.New("no standard input"))
			return nil
		}
		return r.stream(ctx, r.stdin, "-", "stdin", -1)
	case isURL(in):
		return r.url(ctx, in)
	}
	fi, err := os.Stat(in)
	if err != nil {
		r.fail(in, pathErr(err))
		return nil
	}
	if fi.IsDir() {
		return r.dir(ctx, in)
	}
	return r.file(ctx, in)
}

// dir ingests every file under a directory, in lexical order, skipping
// hidden files and directories.
func (r *runner) dir(ctx context.Context, root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return fmt.Errorf("ingest: %w", cerr)
		}
		if err != nil {
			r.fail(path, pathErr(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil // sockets, devices, pipes
		}
		if !reportExtensions[strings.ToLower(filepath.Ext(path))] {
			return nil // source code, images, archives … beside the reports
		}
		return r.file(ctx, path)
	})
}

// reportExtensions are the file extensions read when walking a directory
// ("" is a file without one); a file named on the command line is always
// read, whatever its name.
var reportExtensions = map[string]bool{
	"": true, ".txt": true, ".text": true, ".md": true,
	".html": true, ".htm": true, ".xhtml": true,
	".xml": true, ".rss": true, ".atom": true, ".json": true,
	".jsonl": true, ".ndjson": true,
}

// file ingests one file.
func (r *runner) file(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		r.fail(path, pathErr(err))
		return nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		r.fail(path, pathErr(err))
		return nil
	}
	if !fi.Mode().IsRegular() {
		r.fail(path, errors.New("not a regular file"))
		return nil
	}
	return r.stream(ctx, f, path, "file", fi.Size())
}

// stream ingests a file or standard input: JSON Lines are read record by
// record in constant memory; anything else is read whole, up to MaxBytes.
// size is the file's size, or -1 when unknown.
func (r *runner) stream(ctx context.Context, rd io.Reader, name, kind string, size int64) error {
	// One reader for the run: a new 64 KB buffer for every small file
	// costs more than reading it.
	if r.br == nil {
		r.br = bufio.NewReaderSize(rd, 64<<10)
	} else {
		r.br.Reset(rd)
	}
	br := r.br
	defer br.Reset(nil)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		r.fail(name, fmt.Errorf("read: %w", err))
		return nil
	}
	ext := strings.ToLower(filepath.Ext(name))
	streamed := ext == ".jsonl" || ext == ".ndjson" || bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("{"))
	if !streamed && size > r.opts.MaxBytes {
		r.fail(name, fmt.Errorf("file is %d bytes, over the %d-byte limit (--max-bytes)", size, r.opts.MaxBytes))
		return nil
	}
	if len(head) == 0 {
		r.fail(name, errors.New("empty input"))
		return nil
	}
	f, err := sniff(head, name, "")
	if err != nil {
		r.fail(name, err)
		return nil
	}
	if f == formatJSONL {
		return r.jsonl(ctx, br, name, kind)
	}
	data, err := readAll(br, size, r.opts.MaxBytes+1)
	if err != nil {
		r.fail(name, fmt.Errorf("read: %w", err))
		return nil
	}
	if int64(len(data)) > r.opts.MaxBytes {
		r.fail(name, fmt.Errorf("input is over the %d-byte limit (--max-bytes)", r.opts.MaxBytes))
		return nil
	}
	return r.parsed(ctx, data, f, name, name, kind, "", "")
}

// readAll reads up to limit bytes; size, when known (>= 0), sizes the
// buffer so that a file is read without growing it.
func readAll(rd io.Reader, size, limit int64) ([]byte, error) {
	if size < 0 || size >= limit {
		return io.ReadAll(io.LimitReader(rd, limit))
	}
	// One byte more than the size, to see EOF (or a file that grew).
	buf := make([]byte, 0, size+1)
	for {
		n, err := rd.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			// The file grew while being read: read the rest as it comes.
			rest, err := io.ReadAll(io.LimitReader(rd, limit-int64(len(buf))))
			return append(buf, rest...), err
		}
	}
}

// parsed ingests the whole content of one input in a known format.
func (r *runner) parsed(ctx context.Context, data []byte, f format, name, origin, kind, contentType, pageURL string) error {
	switch f {
	case formatText:
		d, err := parseText(data)
		if err != nil {
			r.fail(name, err)
			return nil
		}
		if d.url == "" {
			d.url = pageURL
		}
		return r.add(ctx, name, d, zeroTime, origin, kind)
	case formatHTML:
		d, err := parseHTML(data, pageURL, contentType)
		if err != nil {
			r.fail(name, err)
			return nil
		}
		return r.add(ctx, name, d, zeroTime, origin, kind)
	case formatJSONL:
		return r.jsonl(ctx, bytes.NewReader(data), name, kind)
	case formatFeed:
		return r.feed(ctx, data, contentType, name, origin)
	}
	return fmt.Errorf("ingest: unknown format %v", f)
}

// jsonl ingests JSON Lines record by record; each bad record is one
// failure named "input:line".
func (r *runner) jsonl(ctx context.Context, rd io.Reader, name, kind string) error {
	lr := newLineReader(rd, maxLineBytes)
	for {
		line, n, err := lr.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		lineName := fmt.Sprintf("%s:%d", name, n)
		if errors.Is(err, errLineTooLong) {
			r.fail(lineName, fmt.Errorf("line longer than %d bytes", maxLineBytes))
			continue
		}
		if err != nil {
			r.fail(lineName, fmt.Errorf("read: %w", err))
			return nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
		}
		d, err := parseJSONLine(line)
		if err != nil {
			r.fail(lineName, err)
			continue
		}
		if err := r.add(ctx, lineName, d, zeroTime, name, kind); err != nil {
			return err
		}
	}
}

// feed ingests the entries of a feed; with Follow, each entry's link is
// fetched and extracted instead of the entry's own text.
func (r *runner) feed(ctx context.Context, data []byte, contentType, name, origin string) error {
	_, entries, err := parseFeed(data, contentType, r.opts.Follow)
	if err != nil {
		r.fail(name, err)
		return nil
	}
	base, _ := url.Parse(origin)
	for i, e := range entries {
		entryName := fmt.Sprintf("%s#%d", name, i+1)
		if base != nil && base.IsAbs() && e.link != "" {
			// a relative link is relative to the feed's URL
			if u, err := base.Parse(e.link); err == nil {
				e.link = u.String()
				e.doc.url = e.link
			}
		}
		if e.err != nil {
			r.fail(entryName, e.err)
			continue
		}
		if !r.opts.Follow || e.link == "" {
			if err := r.add(ctx, entryName, e.doc, e.published, origin, "feed"); err != nil {
				return err
			}
			continue
		}
		if err := r.follow(ctx, entryName, e); err != nil {
			return err
		}
	}
	return nil
}

// follow fetches a feed entry's page and ingests it, with the entry's
// metadata filling what the page lacks.
func (r *runner) follow(ctx context.Context, entryName string, e feedEntry) error {
	name := entryName + " (" + e.link + ")"
	resp, err := r.fetch.fetch(ctx, e.link, "", "")
	if err != nil {
		r.fail(name, err)
		return nil
	}
	f, err := sniff(resp.body, resp.url, resp.contentType)
	if err != nil {
		r.fail(name, err)
		return nil
	}
	var d rawDoc
	switch f {
	case formatHTML:
		d, err = parseHTML(resp.body, resp.url, resp.contentType)
	case formatText:
		d, err = parseText(resp.body)
	default:
		err = fmt.Errorf("linked page is a %s document, not a page", f)
	}
	if err != nil {
		r.fail(name, err)
		return nil
	}
	d.sourceID = first(d.sourceID, e.doc.sourceID)
	d.url = first(e.link, d.url)
	d.title = first(d.title, e.doc.title)
	d.outlet = first(d.outlet, e.doc.outlet)
	d.author = first(d.author, e.doc.author)
	d.language = first(d.language, e.doc.language)
	published := zeroTime
	if d.published == "" {
		published = e.published
		d.published = e.doc.published
		d.publishedPrecision = e.doc.publishedPrecision
	}
	return r.add(ctx, name, d, published, resp.url, "url")
}

// url ingests a page, a feed or a file fetched over http(s). Feeds are
// fetched conditionally with the ETag and Last-Modified of the last fetch;
// a 304 means nothing new.
func (r *runner) url(ctx context.Context, u string) error {
	state, err := r.st.FeedState(ctx, u)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("ingest: feed state of %s: %w", u, err)
	}
	resp, err := r.fetch.fetch(ctx, u, state.ETag, state.LastModified)
	if err != nil {
		r.fail(u, err)
		return nil
	}
	if resp.notModified {
		return nil
	}
	if len(resp.body) == 0 {
		r.fail(u, errors.New("empty response"))
		return nil
	}
	f, err := sniff(resp.body, resp.url, resp.contentType)
	if err != nil {
		r.fail(u, err)
		return nil
	}
	if err := r.parsed(ctx, resp.body, f, u, u, "url", resp.contentType, resp.url); err != nil {
		return err
	}
	if f != formatFeed || (resp.etag == "" && resp.lastModified == "") {
		return nil
	}
	// Remember the validators only once the entries are stored, so that a
	// failed run does not make the next fetch a 304 that skips them.
	if err := r.flush(ctx); err != nil {
		return err
	}
	s := store.FeedState{URL: u, ETag: resp.etag, LastModified: resp.lastModified, Fetched: r.opts.Now().UTC()}
	if err := r.st.SetFeedState(ctx, s); err != nil {
		return fmt.Errorf("ingest: feed state of %s: %w", u, err)
	}
	return nil
}

// pathErr drops the path from an *fs.PathError: the failure names it.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
