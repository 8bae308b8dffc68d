package track

import (
	"parley/internal/model"
	"strings"
	"unicode"
	"unicode/utf8"
)

// findCue returns the first cue of cues that occurs in text on word
// boundaries, case-insensitively, and its byte offset in the lowered text.
func findCue(text string, cues []string) (string, int) {
	low := strings.ToLower(text)
	best, at := "", -1
	for _, c := range cues {
		c = strings.ToLower(c)
		for from := 0; ; {
			i := strings.Index(low[from:], c)
			if i < 0 {
				break
			}
			i += from
			if boundary(low, i, i+len(c)) {
				if at < 0 || i < at || (i == at && len(c) > len(best)) {
					best, at = c, i
				}
				break
			}
			from = i + 1
		}
	}
	return best, at
}

func boundary(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// cueSpans returns the spans in the lowered text of every occurrence of
// every cue, on word boundaries.
func cueSpans(text string, cues []string) []model.Span {
	low := strings.ToLower(text)
	var out []model.Span
	for _, c := range cues {
		c = strings.ToLower(c)
		if c == "" {
			continue
		}
		for from := 0; ; {
			i := strings.Index(low[from:], c)
			if i < 0 {
				break
			}
			i += from
			if boundary(low, i, i+len(c)) {
				out = append(out, model.Span{Start: i, End: i + len(c)})
			}
			from = i + 1
		}
	}
	return out
}
