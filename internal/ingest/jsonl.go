package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// maxLineBytes is the longest JSON Lines record read; a longer line is one
// failure, skipped, and the stream goes on.
const maxLineBytes = 16 << 20

// jsonRecord is one JSON Lines record, in the format of parley's
// development set: id, url, outlet, published, title, text (author and
// language are read when present).
type jsonRecord struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Outlet    string          `json:"outlet"`
	Published string          `json:"published"`
	Title     string          `json:"title"`
	Author    string          `json:"author"`
	Language  string          `json:"language"`
	Text      *string         `json:"text"`
}

// parseJSONLine reads one JSON Lines record. Like plain text, the line must
// be valid UTF-8 (encoding/json would silently replace invalid bytes).
func parseJSONLine(line []byte) (rawDoc, error) {
	if err := checkUTF8(line); err != nil {
		return rawDoc{}, err
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return rawDoc{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if rec.Text == nil {
		return rawDoc{}, errors.New(`record has no "text" field`)
	}
	d := rawDoc{
		url:       rec.URL,
		outlet:    rec.Outlet,
		published: rec.Published,
		title:     rec.Title,
		author:    rec.Author,
		language:  rec.Language,
		text:      *rec.Text,
	}
	if len(rec.ID) > 0 && !bytes.Equal(rec.ID, []byte("null")) {
		var s string
		if json.Unmarshal(rec.ID, &s) == nil {
			d.sourceID = s
		} else {
			d.sourceID = string(rec.ID) // a number
		}
	}
	return d, nil
}

// lineReader reads lines of at most max bytes from a stream in constant
// memory: a longer line is reported as too long and skipped.
type lineReader struct {
	br   *bufio.Reader
	max  int
	buf  []byte
	line int
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), max: max}
}

var errLineTooLong = errors.New("line too long")

// next returns the next line without its line ending and its 1-based
// number. It returns errLineTooLong (with the line number) for a line over
// the limit, and io.EOF at the end.
func (lr *lineReader) next() ([]byte, int, error) {
	lr.buf = lr.buf[:0]
	tooLong := false
	for {
		chunk, err := lr.br.ReadSlice('\n')
		if !tooLong {
			if len(lr.buf)+len(chunk) > lr.max+1 { // +1 for the "\n"
				tooLong = true
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		switch {
		case err == nil:
			lr.line++
			if tooLong {
				return nil, lr.line, errLineTooLong
			}
			return bytes.TrimRight(lr.buf, "\r\n"), lr.line, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(lr.buf) == 0 && !tooLong {
				return nil, lr.line, io.EOF
			}
			lr.line++
			if tooLong {
				return nil, lr.line, errLineTooLong
			}
			return bytes.TrimRight(lr.buf, "\r\n"), lr.line, nil
		default:
			return nil, lr.line, err
		}
	}
}
