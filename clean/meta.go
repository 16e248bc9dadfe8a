package clean

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"

	"github.com/accord-news/accord"
	"golang.org/x/net/html"
)

// pageMeta is the metadata one page states about itself.
type pageMeta struct {
	Title     string
	Outlet    string
	Author    string
	URL       string
	Published string // ISO date or datetime
}

func parseURL(s string) *url.URL {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil
	}
	return u
}

// Meta names that carry the publication date, strongest first.
var dateMetaKeys = []string{
	"article:published_time", "og:article:published_time", "article.published", "datepublished",
	"publishdate", "publish-date", "publish_date", "pubdate", "dc.date.issued", "dcterms.issued",
	"dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "date", "sailthru.date",
	"parsely-pub-date", "article_date_original", "cxenseparse:recs:publishtime", "originalpublicationdate",
	"og:published_time", "published_time", "release_date", "citation_publication_date",
}

// extractMeta reads <head> meta tags, JSON-LD and <time> elements.
func extractMeta(doc *html.Node, pageURL string) pageMeta {
	var m pageMeta
	metas := map[string]string{}
	var titleEl, canonical string
	var ldBlocks []string
	var timeVals []string
	var firstH1 string
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")))
				val := strings.TrimSpace(firstNonEmpty(attr(n, "content"), attr(n, "datetime")))
				if key != "" && val != "" {
					if _, ok := metas[key]; !ok {
						metas[key] = val
					}
				}
			case "title":
				if titleEl == "" && n.FirstChild != nil {
					titleEl = normSpace(n.FirstChild.Data)
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = attr(n, "href")
				}
			case "script":
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					ldBlocks = append(ldBlocks, n.FirstChild.Data)
				}
				continue
			case "time":
				if !insideLinkOrAside(n) {
					v := attr(n, "datetime")
					if v != "" && (attr(n, "pubdate") != "" || strings.EqualFold(attr(n, "itemprop"), "datePublished") || len(timeVals) == 0) {
						if attr(n, "pubdate") != "" || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
							timeVals = append([]string{v}, timeVals...)
						} else {
							timeVals = append(timeVals, v)
						}
					}
				}
			case "h1":
				if firstH1 == "" {
					var b strings.Builder
					collectText(n, &b, 0)
					firstH1 = normSpace(b.String())
				}
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	ld := parseLD(ldBlocks)

	// Date: JSON-LD of the article, meta tags, <time>, the URL.
	for _, v := range []string{ld.Published} {
		if iso := normalizeDate(v); iso != "" {
			m.Published = iso
		}
	}
	if m.Published == "" {
		for _, k := range dateMetaKeys {
			if iso := normalizeDate(metas[k]); iso != "" {
				m.Published = iso
				break
			}
		}
	}
	if m.Published == "" {
		for _, v := range timeVals {
			if iso := normalizeDate(v); iso != "" {
				m.Published = iso
				break
			}
		}
	}
	m.URL = firstNonEmpty(absURL(canonical, pageURL), absURL(metas["og:url"], pageURL), ld.URL, pageURL)
	if m.Published == "" {
		m.Published = dateFromURL(firstNonEmpty(m.URL, pageURL))
		if m.Published == "" {
			m.Published = dateFromURL(pageURL)
		}
	}
	m.Title = firstNonEmpty(h1Title(firstH1, metas["og:title"], titleEl), cleanTitle(metas["og:title"]), cleanTitle(ld.Headline), cleanTitle(metas["twitter:title"]), firstH1, cleanTitle(titleEl))
	m.Outlet = firstNonEmpty(metas["og:site_name"], ld.Publisher, metas["application-name"], metas["twitter:site"])
	m.Outlet = strings.TrimPrefix(m.Outlet, "@")
	author := firstNonEmpty(ld.Author, metas["author"], metas["article:author"], metas["dc.creator"], metas["byl"], metas["parsely-author"], metas["sailthru.author"])
	if strings.HasPrefix(author, "http") || strings.Contains(author, "/") {
		author = ""
	}
	m.Author = cleanAuthor(author)
	return m
}

func insideLinkOrAside(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch p.Data {
		case "a", "aside", "nav", "footer", "li":
			return true
		}
		cl := strings.ToLower(attr(p, "class") + " " + attr(p, "id"))
		if strings.Contains(cl, "comment") || strings.Contains(cl, "related") || strings.Contains(cl, "teaser") {
			return true
		}
	}
	return false
}

type ldInfo struct {
	Headline, Published, Author, Publisher, URL string
}

var articleTypes = map[string]bool{
	"newsarticle": true, "article": true, "reportagenewsarticle": true, "blogposting": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "webpage": false, "liveblogposting": true,
	"backgroundnewsarticle": true, "reviewnewsarticle": true, "scholarlyarticle": true, "report": true,
}

func parseLD(blocks []string) ldInfo {
	var best ldInfo
	found := false
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 || found {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			typ := strings.ToLower(ldString(x["@type"]))
			if articleTypes[typ] || (typ == "webpage" && best.Published == "") {
				info := ldInfo{
					Headline:  ldString(x["headline"]),
					Published: firstNonEmpty(ldString(x["datePublished"]), ldString(x["dateCreated"])),
					Author:    ldName(x["author"]),
					Publisher: ldName(x["publisher"]),
					URL:       firstNonEmpty(ldString(x["url"]), ldString(x["mainEntityOfPage"])),
				}
				if articleTypes[typ] {
					best = info
					found = true
				} else if best.Published == "" {
					best.Published = info.Published
				}
			}
		}
	}
	for _, b := range blocks {
		if len(b) > 1<<20 {
			continue
		}
		var v any
		if json.Unmarshal([]byte(strings.TrimSpace(b)), &v) != nil {
			continue
		}
		visit(v, 0)
	}
	if !strings.HasPrefix(best.URL, "http") {
		best.URL = ""
	}
	return best
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return firstNonEmpty(ldString(x["@id"]), ldString(x["url"]))
	}
	return ""
}

func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		var names []string
		for _, e := range x {
			if s := ldName(e); s != "" {
				names = append(names, s)
			}
			if len(names) == 5 {
				break
			}
		}
		return strings.Join(names, "; ")
	case map[string]any:
		return ldStringOnly(x["name"])
	}
	return ""
}

func ldStringOnly(v any) string {
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func absURL(ref, base string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if r.IsAbs() {
		if r.Scheme != "http" && r.Scheme != "https" {
			return ""
		}
		return r.String()
	}
	b := parseURL(base)
	if b == nil {
		return ""
	}
	return b.ResolveReference(r).String()
}

// cleanTitle drops a trailing " | Site" / " - Site" suffix.
func cleanTitle(t string) string {
	t = normSpace(t)
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: ", " « ", " » "} {
		if i := strings.LastIndex(t, sep); i > 0 && len(t)-i < 45 && i > 15 {
			t = t[:i]
		}
	}
	return strings.TrimSpace(t)
}

var byPrefix = regexp.MustCompile(`(?i)^(by|von|par|por|di|door|av)\s+`)

func cleanAuthor(a string) string {
	a = normSpace(a)
	a = byPrefix.ReplaceAllString(a, "")
	if len(a) > 120 {
		return ""
	}
	return a
}

var urlDate = regexp.MustCompile(`/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)`)
var urlDateCompact = regexp.MustCompile(`[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[/_.-]`)

// dateFromURL reads a /YYYY/MM/DD/ date out of a URL path.
func dateFromURL(u string) string {
	p := parseURL(u)
	if p == nil {
		return ""
	}
	path := p.Path
	if m := urlDate.FindStringSubmatch(path); m != nil {
		return validYMD(m[1], m[2], m[3])
	}
	if m := urlDateCompact.FindStringSubmatch(path + "/"); m != nil {
		return validYMD(m[1], m[2], m[3])
	}
	return ""
}

// mergeMeta fills the document's empty metadata from the page's.
func mergeMeta(d *accord.Document, m pageMeta) {
	if d.Title == "" {
		d.Title = m.Title
	}
	if d.Outlet == "" {
		d.Outlet = m.Outlet
	}
	if d.Author == "" {
		d.Author = m.Author
	}
	if d.URL == "" {
		d.URL = m.URL
	}
	if d.Published == "" && m.Published != "" {
		d.Published = m.Published
		d.PublishedBasis = accord.BasisMetadata
	}
}

// h1Title returns the page's first h1 when the page's own title names it
// too (so the h1 is the article's headline, not a site banner).
func h1Title(h1, og, title string) string {
	k := normKey(h1)
	if len(k) < 10 || len(h1) > 300 {
		return ""
	}
	if strings.Contains(normKey(og), k) || strings.Contains(normKey(title), k) {
		return h1
	}
	return ""
}
