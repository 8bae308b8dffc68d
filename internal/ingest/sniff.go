package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
)

// format is the kind of an input, found by sniffing its first bytes and,
// where the content is ambiguous, its file extension.
type format int

const (
	formatText format = iota
	formatHTML
	formatJSONL
	formatFeed
)

func (f format) String() string {
	switch f {
	case formatText:
		return "text"
	case formatHTML:
		return "html"
	case formatJSONL:
		return "jsonl"
	case formatFeed:
		return "feed"
	}
	return "unknown"
}

// sniffLen is how many leading bytes sniff looks at.
const sniffLen = 8192

// errBinary is returned for inputs that are not text.
var errBinary = errors.New("not a text file")

// sniff decides the format of an input from its first bytes, its name
// (a path or URL, for the extension) and the Content-Type a server sent.
// Binary content is refused.
func sniff(head []byte, name, contentType string) (format, error) {
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if err := checkBinary(head); err != nil {
		return 0, err
	}
	ext := strings.ToLower(filepath.Ext(stripQuery(name)))
	ct := strings.ToLower(contentType)
	body := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(body) > 0 && body[0] == '<':
		lower := bytes.ToLower(body)
		if isFeedMarkup(lower) {
			return formatFeed, nil
		}
		if bytes.HasPrefix(lower, []byte("<?xml")) && !bytes.Contains(lower, []byte("<html")) {
			return formatFeed, nil
		}
		return formatHTML, nil
	case len(body) > 0 && body[0] == '{':
		if bytes.Contains(body, []byte("jsonfeed.org/version")) {
			return formatFeed, nil
		}
		return formatJSONL, nil
	}
	switch {
	case ext == ".html" || ext == ".htm" || ext == ".xhtml" || strings.Contains(ct, "html"):
		return formatHTML, nil
	case ext == ".jsonl" || ext == ".ndjson":
		return formatJSONL, nil
	case ext == ".xml" || ext == ".rss" || ext == ".atom" || strings.Contains(ct, "rss") || strings.Contains(ct, "atom"):
		return formatFeed, nil
	}
	return formatText, nil
}

func isFeedMarkup(lower []byte) bool {
	// The root element decides: a feed's root comes before any <html>.
	for _, root := range [][]byte{[]byte("<rss"), []byte("<feed"), []byte("<rdf:rdf")} {
		i := bytes.Index(lower, root)
		if i < 0 {
			continue
		}
		h := bytes.Index(lower, []byte("<html"))
		if h < 0 || i < h {
			return true
		}
	}
	return false
}

// checkBinary refuses content that is not text: a NUL byte, a known binary
// signature, or many control characters.
func checkBinary(head []byte) error {
	if len(head) == 0 {
		return nil
	}
	if bytes.IndexByte(head, 0) >= 0 {
		if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
			return fmt.Errorf("%w: UTF-16 text is not supported (convert it to UTF-8)", errBinary)
		}
		return fmt.Errorf("%w: binary content (%s)", errBinary, http.DetectContentType(head))
	}
	switch ct := http.DetectContentType(head); {
	case strings.HasPrefix(ct, "image/"), strings.HasPrefix(ct, "audio/"), strings.HasPrefix(ct, "video/"),
		strings.HasPrefix(ct, "font/"), ct == "application/pdf", ct == "application/zip",
		ct == "application/x-gzip", ct == "application/x-rar-compressed", ct == "application/wasm",
		ct == "application/vnd.ms-fontobject", ct == "application/x-7z-compressed":
		return fmt.Errorf("%w: binary content (%s)", errBinary, ct)
	}
	// Bytes below 0x20 are control characters wherever they are: UTF-8
	// never uses them inside a multi-byte sequence.
	control := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			control++
		}
	}
	if control*20 > len(head) {
		return fmt.Errorf("%w: %d control characters in the first %d bytes", errBinary, control, len(head))
	}
	return nil
}

func stripQuery(name string) string {
	if i := strings.IndexAny(name, "?#"); i >= 0 && (strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://")) {
		return name[:i]
	}
	return name
}
