package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"parley/internal/model"
)

// devDoc is one line of the dev set's documents file.
type devDoc struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}

// ReadDocsJSONL reads documents in the dev set's JSON Lines format (id,
// url, outlet, published "" or YYYY-MM-DD, title, text). Each document's
// ID and SourceID are the given id.
func ReadDocsJSONL(r io.Reader) ([]model.Document, error) {
	var docs []model.Document
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" {
			continue
		}
		var in devDoc
		dec := json.NewDecoder(strings.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			return nil, fmt.Errorf("extract: read documents: line %d: %w", line, err)
		}
		if in.ID == "" {
			return nil, fmt.Errorf("extract: read documents: line %d: no id", line)
		}
		doc := model.Document{ID: in.ID, SourceID: in.ID, URL: in.URL, Outlet: in.Outlet, Title: in.Title, Text: in.Text, Language: "en"}
		if in.Published != "" {
			t, err := time.Parse("2006-01-02", in.Published)
			if err != nil {
				return nil, fmt.Errorf("extract: read documents: line %d: published: %w", line, err)
			}
			doc.Published, doc.PublishedPrecision = t, model.PrecisionDay
		}
		docs = append(docs, doc)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("extract: read documents: %w", err)
	}
	return docs, nil
}
