package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"

	"parley/internal/model"
)

// feedEntry is one entry of a feed, read as a document; link is the page to
// fetch with Follow.
type feedEntry struct {
	doc       rawDoc
	published time.Time // as the feed parser read it; zero if none
	link      string
	err       error // why the entry cannot be a document
}

var xmlEncodingRE = regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// decodeFeed returns the feed as UTF-8. The XML declaration's encoding is
// left to the feed parser, which converts it; otherwise the charset of
// the Content-Type is applied, and bytes that are not UTF-8 are read as
// windows-1252 (the web's default).
func decodeFeed(data []byte, contentType string) (io.Reader, error) {
	if xmlEncodingRE.Match(data[:min(len(data), 512)]) {
		return bytes.NewReader(data), nil
	}
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	if label == "" && !utf8.Valid(data) {
		label = "windows-1252"
	}
	if label == "" || strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
		return bytes.NewReader(data), nil
	}
	r, err := charset.NewReaderLabel(label, bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode charset %q: %w", label, err)
	}
	return r, nil
}

// clockInDateRE finds a time of day in a date as written.
var clockInDateRE = regexp.MustCompile(`\d:\d\d`)

// feedTime is the time the feed parser read from raw: an instant, or the
// day written when raw gives no time of day (the parser reads "2022-11-02"
// as its midnight, which is not when the report appeared).
func feedTime(t time.Time, raw string) (time.Time, model.Precision) {
	if clockInDateRE.MatchString(raw) {
		return t, model.PrecisionInstant
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), model.PrecisionDay
}

// parseFeed reads an RSS, Atom or JSON Feed document into its entries. A
// feed with no entries is an error; an entry without text (and, when
// following links, without a link) carries its own error.
func parseFeed(data []byte, contentType string, follow bool) (title string, entries []feedEntry, err error) {
	r, err := decodeFeed(data, contentType)
	if err != nil {
		return "", nil, err
	}
	f, err := gofeed.NewParser().Parse(r)
	if err != nil {
		return "", nil, fmt.Errorf("parse feed: %w", err)
	}
	if len(f.Items) == 0 {
		return f.Title, nil, errors.New("feed has no entries")
	}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		e := feedEntry{link: strings.TrimSpace(it.Link)}
		e.doc = rawDoc{
			sourceID: strings.TrimSpace(it.GUID),
			url:      e.link,
			outlet:   strings.TrimSpace(f.Title),
			title:    strings.TrimSpace(htmlFragmentText(it.Title)),
			language: f.Language,
		}
		if len(it.Authors) > 0 && it.Authors[0] != nil {
			var ns []string
			for _, a := range it.Authors {
				if a != nil && strings.TrimSpace(a.Name) != "" {
					ns = append(ns, strings.TrimSpace(a.Name))
				}
			}
			e.doc.author = strings.Join(ns, ", ")
		}
		switch {
		case it.PublishedParsed != nil:
			e.published, e.doc.publishedPrecision = feedTime(*it.PublishedParsed, it.Published)
		case it.UpdatedParsed != nil:
			e.published, e.doc.publishedPrecision = feedTime(*it.UpdatedParsed, it.Updated)
		default:
			e.doc.published = first(it.Published, it.Updated) // let parseDate try
		}
		content := it.Content
		if strings.TrimSpace(htmlFragmentText(content)) == "" {
			content = it.Description
		}
		e.doc.text = strings.ToValidUTF8(htmlFragmentText(content), "\uFFFD")
		if strings.TrimSpace(e.doc.text) == "" && (!follow || e.link == "") {
			e.err = errors.New("entry has no text")
			if follow {
				e.err = errors.New("entry has no text and no link")
			}
		}
		entries = append(entries, e)
	}
	return f.Title, entries, nil
}
