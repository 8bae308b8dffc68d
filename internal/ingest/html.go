package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// maxHTMLDepth is the deepest element nesting accepted: deeper pages are
// hostile or broken, and main-content extraction recurses over the tree.
const maxHTMLDepth = 512

// minHTMLWords is the fewest words an extracted article may have: less is
// page furniture (a menu, a cookie notice), not a report.
const minHTMLWords = 10

// maxHTMLElements bounds the work readability does on one page.
const maxHTMLElements = 200_000

// parseHTML reads a news page: the main content with readability; the
// title, outlet, author, publication time, canonical URL and language from
// <meta> tags, Open Graph, article:published_time and JSON-LD NewsArticle
// (also inside @graph arrays). The page is decoded from the charset its
// Content-Type, byte order mark or <meta charset> gives (windows-1252 when
// none does and the bytes are not UTF-8); bytes still invalid after that
// become U+FFFD, as in a browser.
func parseHTML(data []byte, pageURL, contentType string) (rawDoc, error) {
	r, err := charset.NewReader(bytes.NewReader(data), contentType)
	if err != nil {
		return rawDoc{}, fmt.Errorf("decode charset: %w", err)
	}
	root, err := html.Parse(r)
	if err != nil {
		return rawDoc{}, fmt.Errorf("parse HTML: %w", err)
	}
	depth, elems := treeSize(root)
	if depth > maxHTMLDepth {
		return rawDoc{}, fmt.Errorf("HTML nested %d elements deep (limit %d)", depth, maxHTMLDepth)
	}
	if elems > maxHTMLElements {
		return rawDoc{}, fmt.Errorf("HTML has %d elements (limit %d)", elems, maxHTMLElements)
	}
	d, body := pageMetadata(root)
	if d.url == "" {
		d.url = pageURL
	}
	var base *url.URL
	if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
		base = u
	}
	p := readability.NewParser()
	p.MaxElemsToParse = maxHTMLElements
	article, err := p.ParseAndMutate(root, base)
	if err == nil && article.Node != nil {
		d.text = render.InnerText(article.Node)
		if d.title == "" {
			d.title = article.Title()
		}
		if d.outlet == "" {
			d.outlet = article.SiteName()
		}
		if d.author == "" {
			d.author = article.Byline()
		}
		if d.language == "" {
			d.language = article.Language()
		}
	}
	// Metadata is plain text: markup in it is stripped.
	for _, f := range []*string{&d.title, &d.author, &d.outlet} {
		if strings.ContainsAny(*f, "<&") {
			*f = htmlFragmentText(*f)
		}
	}
	d.text = dropByline(d.text, d.author)
	if n := len(strings.Fields(d.text)); n < minHTMLWords && len(strings.Fields(body)) > n {
		d.text = body // JSON-LD articleBody
	}
	if n := len(strings.Fields(d.text)); n < minHTMLWords {
		if n > 0 {
			return rawDoc{}, fmt.Errorf("no article text found (%d words)", n)
		}
		if err != nil {
			return rawDoc{}, fmt.Errorf("no article text found: %w", err)
		}
		return rawDoc{}, errors.New("no article text found")
	}
	return d, nil
}

// dropByline removes a first paragraph that is only a byline or dateline
// ("By Ines Varga", "David Mwangi, Pretoria · 2 November 2022"): short,
// not ended like a sentence, and starting with "By " or the author's name.
func dropByline(text, author string) string {
	t := strings.TrimLeft(text, " \t\r\n")
	end := strings.Index(t, "\n\n")
	if end < 0 {
		return text
	}
	para := strings.TrimSpace(t[:end])
	if len(strings.Fields(para)) > 12 || strings.ContainsAny(para[len(para)-1:], ".!?\"”") {
		return text // a sentence, not a byline ("By noon the talks had failed.")
	}
	lower := strings.ToLower(para)
	firstAuthor, _, _ := strings.Cut(author, ",")
	firstAuthor = strings.ToLower(strings.TrimSpace(firstAuthor))
	if strings.HasPrefix(lower, "by ") || (firstAuthor != "" && strings.HasPrefix(lower, firstAuthor)) {
		return t[end+2:]
	}
	return text
}

// treeSize returns the deepest element nesting and the number of elements,
// walking the tree without recursion.
func treeSize(root *html.Node) (maxDepth, elems int) {
	type item struct {
		n     *html.Node
		depth int
	}
	stack := []item{{root, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.n.Type == html.ElementNode {
			elems++
		}
		maxDepth = max(maxDepth, it.depth)
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.depth + 1})
		}
	}
	return maxDepth, elems
}

// pageMetadata reads the metadata of a page, in order of trust: JSON-LD
// NewsArticle, then Open Graph and article:*, then plain <meta> tags and
// <link rel=canonical>. It also returns the JSON-LD articleBody, if any.
func pageMetadata(root *html.Node) (rawDoc, string) {
	var d rawDoc
	meta := map[string]string{} // lower-cased name or property → first content
	var ld []map[string]any
	canonical := ""
	// <time> elements marked as the publication date, or else the first
	// inside <article>.
	markedTime, articleTime := "", ""
	inArticle := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Article:
				inArticle++
				defer func() { inArticle-- }()
			case atom.Time:
				dt := strings.TrimSpace(attr(n, "datetime"))
				switch {
				case dt == "":
				case markedTime == "" && (strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate")):
					markedTime = dt
				case articleTime == "" && inArticle > 0:
					articleTime = dt
				}
			case atom.Html:
				d.language = attr(n, "lang")
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				if content := strings.TrimSpace(attr(n, "content")); key != "" && content != "" {
					if _, seen := meta[key]; !seen {
						meta[key] = content
					}
				}
			case atom.Link:
				if canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					ld = append(ld, newsObjects(n.FirstChild.Data)...)
				}
				return
			case atom.Body:
				// metadata lives in <head>, but JSON-LD and <meta itemprop>
				// also appear in the body: keep walking.
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)

	var body string
	for _, obj := range ld {
		d.title = first(d.title, str(obj["headline"]), str(obj["name"]))
		d.published = first(d.published, str(obj["datePublished"]), str(obj["dateCreated"]))
		d.author = first(d.author, names(obj["author"]))
		d.outlet = first(d.outlet, names(obj["publisher"]))
		d.canonicalURL = first(d.canonicalURL, str(obj["url"]), idOf(obj["mainEntityOfPage"]))
		d.language = first(d.language, str(obj["inLanguage"]))
		body = first(body, str(obj["articleBody"]))
	}
	d.title = first(d.title, meta["og:title"], meta["twitter:title"], meta["title"], meta["dc.title"])
	d.outlet = first(d.outlet, meta["og:site_name"], meta["application-name"], meta["publisher"], meta["dc.publisher"])
	d.published = first(d.published, meta["article:published_time"], meta["og:article:published_time"],
		meta["datepublished"], meta["pubdate"], meta["publishdate"], meta["publish-date"], meta["date"],
		meta["dc.date"], meta["dc.date.issued"], meta["dcterms.created"], meta["sailthru.date"], meta["parsely-pub-date"],
		markedTime, articleTime)
	author := meta["author"]
	if a := meta["article:author"]; author == "" && a != "" && !strings.HasPrefix(a, "http") {
		author = a
	}
	d.author = first(d.author, author, meta["dc.creator"], meta["parsely-author"])
	d.canonicalURL = first(canonical, meta["og:url"], d.canonicalURL)
	d.language = first(d.language, meta["og:locale"], meta["language"])
	return d, body
}

// newsObjects returns the JSON-LD objects of a script that describe an
// article (NewsArticle, Article, ReportageNewsArticle …), looking inside
// arrays and @graph.
func newsObjects(script string) []map[string]any {
	var v any
	if err := json.NewDecoder(io.LimitReader(strings.NewReader(script), 1<<20)).Decode(&v); err != nil {
		return nil
	}
	var out []map[string]any
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if isArticleType(x["@type"]) {
				out = append(out, x)
			}
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
		}
	}
	visit(v, 0)
	return out
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || x == "BlogPosting" || x == "Report"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// names returns the name of a JSON-LD person or organisation, or the names
// of a list of them joined with ", ".
func names(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return str(x["name"])
	case []any:
		var ns []string
		for _, e := range x {
			if n := names(e); n != "" {
				ns = append(ns, n)
			}
		}
		return strings.Join(ns, ", ")
	}
	return ""
}

func idOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return first(str(x["@id"]), str(x["url"]))
	}
	return ""
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	return ""
}

func first(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

func hasToken(list, token string) bool {
	for f := range strings.FieldsSeq(list) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

// htmlFragmentText renders an HTML fragment (a feed entry's content) as
// plain text with paragraph breaks, without main-content extraction.
func htmlFragmentText(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return fragment
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), body)
	if err != nil {
		return ""
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	if depth, elems := treeSize(body); depth > maxHTMLDepth || elems > maxHTMLElements {
		return ""
	}
	return render.InnerText(body)
}
