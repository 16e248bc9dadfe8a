package clean

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// Limits that keep hostile pages bounded in time and memory.
const (
	// maxHTMLBytes is the most HTML parsed per page; the rest is dropped.
	// News pages are well below it once scripts and styles are gone.
	maxHTMLBytes = 2 << 20
	// maxDepth is the deepest element nesting kept; deeper subtrees are
	// flattened into their text.
	maxDepth = 256
	// maxNodes caps the number of nodes handed to the extractors.
	maxNodes = 200000
)

// decodeHTML returns the page as UTF-8. Valid UTF-8 is taken as such whatever
// the page declares (a wrong declared charset is common); otherwise the
// declared or sniffed charset decodes it.
func decodeHTML(raw string) string {
	raw = strings.TrimPrefix(raw, "\xef\xbb\xbf")
	if utf8.ValidString(raw) {
		return fixMojibake(raw)
	}
	head := raw
	if len(head) > 4096 {
		head = head[:4096]
	}
	enc, name, _ := charset.DetermineEncoding([]byte(head), "")
	if name == "utf-8" {
		// Declared UTF-8 but not valid: the commonest real charset then.
		enc, _ = charset.Lookup("windows-1252")
	}
	if enc != nil {
		if out, err := enc.NewDecoder().String(raw); err == nil && utf8.ValidString(out) {
			return out
		}
	}
	return strings.ToValidUTF8(raw, "\uFFFD")
}

// stripHeavy removes the content of script, style, noscript-free template and
// svg blocks and HTML comments before parsing: they carry no article text and
// are the bulk of many pages. JSON-LD scripts are kept (metadata).
func stripHeavy(s string) string {
	var b strings.Builder
	b.Grow(len(s) / 2)
	lower := strings.ToLower(s)
	i := 0
	for i < len(s) {
		j := strings.IndexByte(lower[i:], '<')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		j += i
		b.WriteString(s[i:j])
		rest := lower[j:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			k := strings.Index(rest[4:], "-->")
			if k < 0 {
				return b.String()
			}
			i = j + 4 + k + 3
			continue
		case hasTag(rest, "script"):
			end := strings.Index(rest, "</script")
			gt := strings.IndexByte(rest, '>')
			if gt > 0 && strings.Contains(rest[:gt], "ld+json") {
				if end < 0 {
					b.WriteString(s[j:])
					return b.String()
				}
				b.WriteString(s[j : j+end])
				i = j + end
				b.WriteString("</script>")
				if k := strings.IndexByte(lower[i:], '>'); k >= 0 {
					i += k + 1
				} else {
					return b.String()
				}
				continue
			}
			if end < 0 {
				return b.String()
			}
			i = j + end
			if k := strings.IndexByte(lower[i:], '>'); k >= 0 {
				i += k + 1
			} else {
				return b.String()
			}
			continue
		case hasTag(rest, "style"), hasTag(rest, "svg"), hasTag(rest, "template"):
			name := "style"
			if hasTag(rest, "svg") {
				name = "svg"
			} else if hasTag(rest, "template") {
				name = "template"
			}
			end := strings.Index(rest, "</"+name)
			if end < 0 {
				return b.String()
			}
			i = j + end
			if k := strings.IndexByte(lower[i:], '>'); k >= 0 {
				i += k + 1
			} else {
				return b.String()
			}
			continue
		}
		b.WriteByte('<')
		i = j + 1
	}
	return b.String()
}

func hasTag(rest, name string) bool {
	if len(rest) < len(name)+2 || rest[1:1+len(name)] != name {
		return false
	}
	c := rest[1+len(name)]
	return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/'
}

// prepareHTML decodes the page and applies the size limits. oversized is
// set when the page, without scripts and styles, exceeds maxHTMLBytes: it is
// then cut there and read with the tokenizer only.
func prepareHTML(raw string) (s string, oversized bool) {
	s = decodeHTML(raw)
	if len(s) > 4*maxHTMLBytes {
		s = s[:4*maxHTMLBytes]
	}
	s = stripHeavy(s)
	if len(s) > maxHTMLBytes {
		return strings.ToValidUTF8(s[:maxHTMLBytes], ""), true
	}
	return s, false
}

// parseBounded parses prepared HTML with the depth and node limits applied.
func parseBounded(s string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return nil, err
	}
	n := 0
	boundTree(doc, 0, &n)
	return doc, nil
}

// tokenLines reads the text of HTML that the tree parser refused (e.g.
// nesting beyond its limit) with the tokenizer: one line per block element.
func tokenLines(s string) []Line {
	z := html.NewTokenizer(strings.NewReader(s))
	var out []Line
	var cur strings.Builder
	skip := 0
	flush := func() {
		if t := normSpace(cur.String()); t != "" {
			out = append(out, Line{Text: t})
		}
		cur.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return out
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch tag {
			case "script", "style", "noscript", "template", "svg", "head", "title", "select", "textarea":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if blockTags[tag] {
				flush()
			}
		}
	}
}

// boundTree flattens subtrees deeper than maxDepth into a text node and drops
// nodes beyond maxNodes.
func boundTree(n *html.Node, depth int, count *int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		*count++
		if *count > maxNodes {
			n.RemoveChild(c)
			c = next
			continue
		}
		if depth >= maxDepth && c.FirstChild != nil {
			var b strings.Builder
			collectText(c, &b, 0)
			for c.FirstChild != nil {
				c.RemoveChild(c.FirstChild)
			}
			c.AppendChild(&html.Node{Type: html.TextNode, Data: b.String()})
		} else {
			boundTree(c, depth+1, count)
		}
		c = next
	}
}

func collectText(n *html.Node, b *strings.Builder, guard int) {
	// iterative walk to avoid deep recursion on hostile trees
	stack := []*html.Node{n}
	for len(stack) > 0 && b.Len() < maxHTMLBytes {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
			b.WriteByte(' ')
			continue
		}
		for c := x.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

// Line is a line of extracted text with what the DOM says about it.
type Line struct {
	Text      string
	LinkChars int  // characters inside links
	Heading   bool // a heading element
	Item      bool // a list item
	Cell      bool // a table cell
	Quote     bool // a blockquote
	// DOM holds what the page's markup says around the line: the words of
	// the class and id attributes of its nearest ancestor that has any, and
	// "pagerepeat" when its text occurs more than once in the page ("nodom"
	// for an extracted line not found in the page). Empty for plain text.
	DOM []string
}

var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "header": true, "footer": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"li": true, "item": true, "list": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"blockquote": true, "quote": true, "pre": true, "code": false, "table": true, "tr": true, "row": true,
	"td": true, "th": true, "cell": true, "figure": true, "figcaption": true, "aside": true, "nav": true,
	"form": true, "fieldset": true, "address": true, "main": true, "body": true, "details": true,
	"summary": true, "hr": true, "lb": true, "br": true, "caption": true, "center": true,
}

// nodeLines turns an element tree into lines: one per block element, with
// link character counts.
func nodeLines(root *html.Node) []Line { return walkLines(root, false) }

// nodeLinesDOM is nodeLines with each line's DOM context filled in.
func nodeLinesDOM(root *html.Node) []Line { return walkLines(root, true) }

// attrWords splits class and id values into lower-case words of 3 to 24
// letters ("post-meta__author" gives post, meta, author).
func attrWords(n *html.Node, dst []string) []string {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		start := -1
		v := a.Val
		for i := 0; i <= len(v); i++ {
			letter := i < len(v) && (v[i]|0x20 >= 'a' && v[i]|0x20 <= 'z')
			if letter && start < 0 {
				start = i
			}
			if !letter && start >= 0 {
				if w := i - start; w >= 3 && w <= 24 {
					dst = append(dst, strings.ToLower(v[start:i]))
				}
				start = -1
			}
		}
	}
	return dst
}

func walkLines(root *html.Node, withDOM bool) []Line {
	var out []Line
	// The DOM context: per open element, its attribute words. A line gets
	// those of its nearest marked ancestor (shared, not copied). Deeper
	// ancestors and the enclosing sectioning elements were tried as
	// features too: they overfit to sites (docs/notes/clean.md).
	var attrStack [][]string
	domOf := func() []string {
		for i := len(attrStack) - 1; i >= 0; i-- {
			if len(attrStack[i]) > 0 {
				return attrStack[i]
			}
		}
		return nil
	}
	var cur strings.Builder
	cur.Grow(256)
	var curLink int
	var flags Line
	flush := func() {
		t := normSpace(cur.String())
		if t != "" {
			l := flags
			l.Text = t
			l.LinkChars = curLink
			if l.LinkChars > utf8.RuneCountInString(t) {
				l.LinkChars = utf8.RuneCountInString(t)
			}
			if withDOM {
				l.DOM = domOf()
			}
			out = append(out, l)
		}
		cur.Reset()
		curLink = 0
		flags = Line{}
	}
	type frame struct {
		n    *html.Node
		exit bool
	}
	stack := []frame{{n: root}}
	linkDepth := 0
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if f.exit {
			if n.Data == "a" || n.Data == "ref" {
				linkDepth--
			}
			if blockTags[n.Data] {
				flush()
			}
			if withDOM && n.Type == html.ElementNode {
				attrStack = attrStack[:len(attrStack)-1]
			}
			continue
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			if linkDepth > 0 {
				curLink += utf8.RuneCountInString(strings.TrimSpace(n.Data))
			}
			continue
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "svg", "iframe", "head", "title", "meta", "link", "button", "select", "option", "textarea", "input":
				if n.Data != "head" || n.Parent == nil || n.Parent.Data == "html" {
					continue
				}
			}
			if blockTags[n.Data] {
				flush()
			}
			switch n.Data {
			case "h1", "h2", "h3", "h4", "h5", "h6", "head":
				flags.Heading = true
			case "li", "item", "dt", "dd":
				flags.Item = true
			case "td", "th", "cell":
				flags.Cell = true
			case "blockquote", "quote":
				flags.Quote = true
			case "a", "ref":
				linkDepth++
			case "img", "graphic":
				continue
			}
			if withDOM {
				attrStack = append(attrStack, attrWords(n, nil))
			}
		case html.DocumentNode:
		default:
			continue
		}
		stack = append(stack, frame{n: n, exit: true})
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{n: c})
		}
	}
	flush()
	return out
}

// normSpace collapses runs of white space into one space and trims.
func normSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// cleanHTML fills d from an HTML page.
func (c *Cleaner) cleanHTML(d *accord.Document, in *accord.Input, opt accord.Options) error {
	page, oversized := prepareHTML(in.HTML)
	var doc *html.Node
	var err error = errOversized
	if !oversized {
		doc, err = parseBounded(page)
	} else if head, herr := parseBounded(page[:min(len(page), 256<<10)]); herr == nil {
		mergeMeta(d, extractMeta(head, in.URL))
	}
	if err != nil {
		// The tree parser refused the page: read its text with the tokenizer.
		lines := tokenLines(page)
		if !opt.NoClean {
			kept, removed := c.filterLines(lines, in, d, true)
			d.Text = strings.Join(kept, "\n")
			d.Removed = append(d.Removed, removed...)
		} else {
			texts := make([]string, 0, len(lines))
			for _, l := range lines {
				texts = append(texts, l.Text)
			}
			d.Text = strings.Join(texts, "\n")
		}
		if d.Title == "" {
			d.Title = firstLine(d.Text)
		}
		return nil
	}
	meta := extractMeta(doc, in.URL)
	mergeMeta(d, meta)

	var lines []Line
	if opt.NoClean {
		if body := findBody(doc); body != nil {
			lines = nodeLines(body)
		}
		texts := make([]string, 0, len(lines))
		for _, l := range lines {
			texts = append(texts, l.Text)
		}
		d.Text = strings.Join(texts, "\n")
		if d.Title == "" {
			d.Title = firstLine(d.Text)
		}
		return nil
	}
	var tm trafilatura.Metadata
	pageLines := nodeLinesDOM(findBody(doc))
	lines, tm = extractMain(doc, in.URL, c.Config)
	byKey, pageKeys := indexPage(pageLines)
	attachDOM(lines, byKey)
	mergeMeta(d, pageMeta{Title: cleanTitle(tm.Title), Outlet: tm.Sitename, Author: cleanAuthor(tm.Author)})
	if d.Published == "" && !tm.Date.IsZero() && plausibleYear(tm.Date.Year()) {
		d.Published, d.PublishedBasis = tm.Date.Format("2006-01-02"), accord.BasisMetadata
	}
	d.Language = tm.Language
	if d.Published == "" && !c.Config.NoPageDate {
		// No date in the page's metadata: htmldate's search of the page
		// (its own meta and <time> heuristics, then date patterns in the
		// text, fast mode), preferring the original over an update date.
		if r, err := safeHTMLDate(doc, in.URL); err == nil && !r.DateTime.IsZero() && plausibleYear(r.DateTime.Year()) {
			d.Published, d.PublishedBasis = r.DateTime.Format("2006-01-02"), accord.BasisInferred
			if r.HasTime && r.HasTimezone {
				d.Published = r.DateTime.Format(time.RFC3339)
			}
		}
	}
	kept, removed := c.filterLines(lines, in, d, true)
	kept = c.reinsert(kept, lines, pageLines, pageKeys, byKey, d)
	d.Text = strings.Join(kept, "\n")
	d.Removed = append(d.Removed, removed...)
	d.Removed = append(d.Removed, outsideMain(pageLines, pageKeys, d, lines)...)
	if d.Title == "" {
		d.Title = firstLine(d.Text)
	}
	return nil
}

// pageInfo is what the page says about the lines with one text: the DOM
// context and index of the first, and how many there are.
type pageInfo struct {
	dom   []string
	first int
	count int
}

// indexPage maps the comparison key of each page line to its pageInfo, and
// returns the keys of the page lines.
func indexPage(page []Line) (map[string]*pageInfo, []string) {
	byKey := make(map[string]*pageInfo, len(page))
	keys := make([]string, len(page))
	for i, l := range page {
		k := normKey(l.Text)
		keys[i] = k
		if k == "" {
			continue
		}
		if x := byKey[k]; x != nil {
			x.count++
			continue
		}
		byKey[k] = &pageInfo{dom: l.DOM, first: i, count: 1}
	}
	return byKey, keys
}

// domOf is the DOM context of a text of the page: that of its first line,
// and "pagerepeat" when it occurs more than once.
func (x *pageInfo) domOf() []string {
	d := make([]string, 0, len(x.dom)+1)
	d = append(d, x.dom...)
	if x.count > 1 {
		d = append(d, "pagerepeat")
	}
	return d
}

// attachDOM gives each extracted line the DOM context of the page line
// with the same text (the extractors rebuild the tree without attributes),
// and marks lines whose text occurs more than once in the page.
func attachDOM(lines []Line, byKey map[string]*pageInfo) {
	for i := range lines {
		x := byKey[normKey(lines[i].Text)]
		if x == nil {
			lines[i].DOM = []string{"nodom"}
			continue
		}
		lines[i].DOM = x.domOf()
	}
}

// reinsertThreshold: a page line that the extractor left out is put back
// when the reinsert model's boilerplate probability for it is below this
// (3-fold held-out sweep in docs/notes/clean.md).
const reinsertThreshold = 0.5

// maxReinsertChecks bounds the lines per page that the model lets through
// and that are then checked against the extracted text (a substring search
// each): hostile pages cannot make it quadratic. The most put back on a
// trafilatura-eval page is 81.
const maxReinsertChecks = 400

// reinsert puts back into the kept lines, in page order, the page lines that
// the main-content extractor left out, before or between its lines, and that
// the reinsert model takes for content (mostly leads and standfirsts above
// the article body, which extractors often drop). Lines the shape rules or the metadata rules would
// remove, the title, and text already extracted are never put back.
func (c *Cleaner) reinsert(kept []string, extracted, page []Line, pageKeys []string, byKey map[string]*pageInfo, d *accord.Document) []string {
	if c.Config.NoReinsert || (c.insModel == nil && c.onOutside == nil) || len(extracted) == 0 || len(page) == 0 {
		return kept
	}
	// The page lines that are extracted lines.
	var all strings.Builder
	var in []int
	exact := make(map[string]bool, len(extracted))
	for _, l := range extracted {
		k := normKey(l.Text)
		exact[k] = true
		all.WriteString(k)
		if x := byKey[k]; x != nil {
			in = append(in, x.first)
		}
	}
	if len(in) == 0 {
		return kept
	}
	slices.Sort(in)
	in = slices.Compact(in)
	allKeys := all.String()
	title := normKey(d.Title)
	th := reinsertThreshold
	if c.Config.ReinsertThreshold > 0 {
		th = c.Config.ReinsertThreshold
	}
	firstProse, lastProse := proseSpan(page)
	type insert struct {
		at   int
		text string
	}
	var ins []insert
	done := map[string]bool{}
	var scratch accord.Document
	checks := 0
	// excluded: lines the shape or metadata rules would remove, or whose
	// text is already in the extracted lines.
	excluded := func(l Line, k string, ctx LineContext) bool {
		if _, ok := shapeRule(l.Text); ok {
			return true
		}
		scratch = accord.Document{}
		if _, ok := metadataLine(l.Text, ctx, &scratch); ok {
			return true
		}
		return strings.Contains(allKeys, k)
	}
	for j, l := range page {
		k := pageKeys[j]
		if k == "" || exact[k] || done[k] || k == title {
			continue
		}
		ctx := contextAt(page, j, firstProse, lastProse, true)
		// The nearest extracted line.
		p, _ := slices.BinarySearch(in, j)
		switch {
		case p == 0:
			ctx.Gap, ctx.Dist = "before", in[0]-j
		case p == len(in):
			ctx.Gap, ctx.Dist = "after", j-in[len(in)-1]
		default:
			ctx.Gap, ctx.Dist = "between", min(in[p]-j, j-in[p-1])
		}
		// Lines after the extracted text are never put back: held out,
		// the model's picks there held no content segment and 308 lines of
		// comments and footers. (They stay in its training data, where they
		// teach it what boilerplate looks like: without them it does worse.)
		if ctx.Gap == "after" && c.onOutside == nil {
			continue
		}
		if c.onOutside != nil && excluded(l, k, ctx) {
			continue
		}
		done[k] = true
		cd := Candidate{Line: l, Ctx: ctx}
		if x := byKey[k]; x != nil {
			cd.DOM = x.domOf()
		}
		if c.onOutside != nil {
			c.onOutside(cd)
		}
		// (The exclusions are cheaper after the model, which lets few
		// lines through; the decision is the same.)
		if c.insModel == nil || c.insModel.Prob(cd.Features()) >= th {
			continue
		}
		if c.onOutside == nil {
			if checks++; checks > maxReinsertChecks {
				break
			}
			if excluded(l, k, ctx) {
				continue
			}
		}
		ins = append(ins, insert{at: j, text: l.Text})
	}
	if len(ins) == 0 {
		return kept
	}
	// Merge by page position: a kept line sits at its page line (or after
	// the kept line before it when the page has no such line).
	out := make([]string, 0, len(kept)+len(ins))
	at, next := -1, 0
	for _, t := range kept {
		if x := byKey[normKey(t)]; x != nil {
			at = x.first
		}
		for next < len(ins) && ins[next].at < at {
			out = append(out, ins[next].text)
			next++
		}
		out = append(out, t)
	}
	for ; next < len(ins); next++ {
		out = append(out, ins[next].text)
	}
	return out
}

// maxOutside caps the page lines recorded as removed outside the main text.
const maxOutside = 400

// outsideMain lists the lines of the page that the main-content extractor
// left out (menus, teasers, footers, comments), each with a reason from its
// shape, so that Removed accounts for the whole page. Lines already in the
// text or in Removed are skipped, as is the title.
func outsideMain(page []Line, pageKeys []string, d *accord.Document, extracted []Line) []accord.Removed {
	var have strings.Builder
	exact := map[string]bool{}
	addKey := func(s string) {
		k := normKey(s)
		exact[k] = true
		have.WriteString(k)
	}
	for _, l := range extracted {
		addKey(l.Text)
	}
	for _, r := range d.Removed {
		addKey(r.Text)
	}
	for _, l := range strings.Split(d.Text, "\n") {
		addKey(l)
	}
	in := have.String()
	title := normKey(d.Title)
	var out []accord.Removed
	seen := map[string]bool{}
	for j, l := range page {
		k := pageKeys[j]
		if k == "" || seen[k] || k == title || exact[k] {
			continue
		}
		// Mostly-link lines (menus) are matched exactly only: the substring
		// search is the costly part and menus are rarely split differently.
		linky := 2*l.LinkChars >= utf8.RuneCountInString(l.Text)
		if !linky && strings.Contains(in, k) {
			continue
		}
		seen[k] = true
		def := accord.ReasonBoilerplate
		if l.Item || l.LinkChars > 0 {
			def = accord.ReasonNavigation
		}
		out = append(out, accord.Removed{Text: l.Text, Reason: reasonFor(l.Text, l, def)})
		if len(out) == maxOutside {
			break
		}
	}
	return out
}

func findBody(doc *html.Node) *html.Node {
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.Data == "body" {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return doc
}

// extractMain runs go-trafilatura (with its readability and distiller
// fallbacks) and returns the main content as lines.
func extractMain(doc *html.Node, pageURL string, cfg Config) ([]Line, trafilatura.Metadata) {
	opts := trafilatura.Options{
		EnableFallback:  !cfg.NoFallback,
		ExcludeComments: true,
		IncludeLinks:    true,
		HtmlDateMode:    trafilatura.Disabled,
		Focus:           trafilatura.Balanced,
	}
	switch cfg.Focus {
	case "recall":
		opts.Focus = trafilatura.FavorRecall
	case "precision":
		opts.Focus = trafilatura.FavorPrecision
	}
	if u := parseURL(pageURL); u != nil {
		opts.OriginalURL = u
	}
	res, err := safeExtract(doc, opts)
	if err != nil || res == nil {
		return nil, trafilatura.Metadata{}
	}
	if res.ContentNode == nil {
		return nil, res.Metadata
	}
	return nodeLines(res.ContentNode), res.Metadata
}

func safeExtract(doc *html.Node, opts trafilatura.Options) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, cleanError("clean: extractor failed")
		}
	}()
	return trafilatura.ExtractDocument(doc, opts)
}

const errOversized = cleanError("clean: page too large for the tree extractors")

func safeHTMLDate(doc *html.Node, pageURL string) (res htmldate.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = cleanError("clean: date search failed")
		}
	}()
	return htmldate.FromDocument(doc, htmldate.Options{
		URL: pageURL, UseOriginalDate: true, SkipExtensiveSearch: true, ExtractTime: true,
	})
}

// cp1252Byte maps each rune that windows-1252 decodes a byte 0x80-0xFF to
// back to that byte (undefined bytes decode to the C1 control of the same
// value).
var cp1252Byte = func() map[rune]byte {
	m := map[rune]byte{}
	dec := charmap.Windows1252.NewDecoder()
	for b := 0x80; b <= 0xff; b++ {
		out, err := dec.Bytes([]byte{byte(b)})
		r, _ := utf8.DecodeRune(out)
		if err != nil || r == utf8.RuneError {
			r = rune(b)
		}
		m[r] = byte(b)
	}
	for b := 0x80; b <= 0x9f; b++ {
		if _, ok := m[rune(b)]; !ok {
			m[rune(b)] = byte(b)
		}
	}
	return m
}()

// fixMojibake undoes UTF-8 text that was decoded as windows-1252 (or
// Latin-1) and encoded again ("zostaÅ‚" for "został"): when every character
// maps back to one byte and those bytes are valid UTF-8 with multi-byte
// sequences, the repaired text is returned. Anything else is left as is.
func fixMojibake(s string) string {
	// Cheap test first: mojibake of UTF-8 shows lead bytes 0xC2-0xF4 as
	// Â..ô followed by a continuation-range character.
	suspicious := false
	prev := rune(0)
	for _, r := range s {
		if prev >= 0xC2 && prev <= 0xF4 {
			if b, ok := cp1252Byte[r]; ok && b >= 0x80 && b <= 0xBF {
				suspicious = true
				break
			}
		}
		prev = r
	}
	if !suspicious {
		return s
	}
	out := make([]byte, 0, len(s))
	multi := false
	for _, r := range s {
		switch {
		case r < 0x80:
			out = append(out, byte(r))
		default:
			b, ok := cp1252Byte[r]
			if !ok {
				if r <= 0xff {
					b = byte(r)
				} else {
					return s
				}
			}
			out = append(out, b)
			multi = true
		}
	}
	if !multi || !utf8.Valid(out) {
		return s
	}
	return string(out)
}
