package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"parley/internal/model"
)

// rawDoc is a document as a parser read it, before normalisation: the text
// and metadata as the input gave them.
type rawDoc struct {
	sourceID     string
	url          string
	canonicalURL string
	outlet       string
	title        string
	author       string
	published    string // as written; parsed by finish
	// publishedPrecision is the precision of a publication time already
	// parsed (a feed's), passed to finish beside the document.
	publishedPrecision model.Precision
	language           string
	text               string
}

// textHeaders are the keys of the optional header block of a plain-text
// report: lines "Key: value" at the very top, ended by a blank line.
var textHeaders = map[string]func(d *rawDoc, v string){
	"title":     func(d *rawDoc, v string) { d.title = v },
	"headline":  func(d *rawDoc, v string) { d.title = v },
	"outlet":    func(d *rawDoc, v string) { d.outlet = v },
	"source":    func(d *rawDoc, v string) { d.outlet = v },
	"published": func(d *rawDoc, v string) { d.published = v },
	"date":      func(d *rawDoc, v string) { d.published = v },
	"url":       func(d *rawDoc, v string) { d.url = v },
	"author":    func(d *rawDoc, v string) { d.author = v },
	"byline":    func(d *rawDoc, v string) { d.author = v },
	"language":  func(d *rawDoc, v string) { d.language = v },
	"id":        func(d *rawDoc, v string) { d.sourceID = v },
}

// parseText reads a plain-text report. The text must be valid UTF-8: a
// file in another encoding is refused with the offset of the first invalid
// byte rather than guessed at, because a wrong guess garbles names and
// quotes silently. A header block at the top ("Title:", "Outlet:",
// "Published:", "URL:", "Author:" … then a blank line) gives the metadata;
// it is taken only when every line before the first blank line is such a
// header, so a report that starts "Note: …" keeps its first line.
func parseText(data []byte) (rawDoc, error) {
	if err := checkUTF8(data); err != nil {
		return rawDoc{}, err
	}
	s := strings.TrimPrefix(string(data), "\ufeff")
	var d rawDoc
	d.text = s
	trimmed := strings.TrimLeft(s, " \t\r\n")
	end := strings.Index(trimmed, "\n\n")
	if e := strings.Index(trimmed, "\r\n\r\n"); e >= 0 && (end < 0 || e < end) {
		end = e
	}
	if end < 0 {
		return d, nil
	}
	block := trimmed[:end]
	var h rawDoc
	for line := range strings.Lines(block) {
		line = strings.TrimSpace(line)
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return d, nil
		}
		set, known := textHeaders[strings.ToLower(strings.TrimSpace(key))]
		if !known {
			return d, nil
		}
		set(&h, strings.TrimSpace(value))
	}
	h.text = trimmed[end:]
	return h, nil
}

// checkUTF8 reports the first invalid UTF-8 byte.
func checkUTF8(data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Errorf("invalid UTF-8 at byte %d (convert the input to UTF-8)", i)
		}
		i += size
	}
	return nil
}
