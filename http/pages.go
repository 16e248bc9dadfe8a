package http

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	nethttp "net/http"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

//go:embed assets/templates/*.html assets/static assets/vendor/*.js assets/vendor/*.txt assets/openapi.json
var assets embed.FS

// OpenAPI returns the embedded OpenAPI 3.1 description of the API.
func OpenAPI() []byte {
	b, _ := assets.ReadFile("assets/openapi.json")
	return b
}

type pages struct {
	t *template.Template
}

func mustPages() *pages {
	t := template.Must(template.New("").Funcs(template.FuncMap{
		"deref": func(s *string) string {
			if s == nil {
				return ""
			}
			return *s
		},
		"count":   text.Count,
		"lower":   strings.ToLower,
		"snippet": snippetSegs,
		// "single_source" reads "single source".
		"words": func(s string) string { return strings.ReplaceAll(s, "_", " ") },
	}).ParseFS(assets, "assets/templates/*.html"))
	return &pages{t: t}
}

func (p *pages) render(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := p.t.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeHTML(w nethttp.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func (s *Server) pageError(w nethttp.ResponseWriter, status int, msg string) {
	b, err := s.pages.render("error.html", map[string]any{"Title": msg, "Status": status})
	if err != nil {
		nethttp.Error(w, msg, status)
		return
	}
	writeHTML(w, status, b)
}

func (s *Server) serveRendered(w nethttp.ResponseWriter, r *nethttp.Request, rd *rendered, err error) {
	if err == errNoStory || err == errNoDoc {
		s.pageError(w, nethttp.StatusNotFound, "Not found")
		return
	}
	if err != nil {
		s.opt.Logger.Error("rendering a page", "err", err)
		s.pageError(w, nethttp.StatusInternalServerError, "The page could not be rendered")
		return
	}
	rd.serve(w, r, "text/html; charset=utf-8")
}

// static serves the embedded CSS, JS and vendored libraries.
func (s *Server) static(w nethttp.ResponseWriter, r *nethttp.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	var file string
	switch {
	case strings.HasPrefix(name, "vendor/"):
		file = "assets/" + path.Clean(name)
	default:
		file = "assets/static/" + path.Clean(name)
	}
	if strings.Contains(name, "..") || !strings.HasPrefix(file, "assets/") {
		s.pageError(w, nethttp.StatusNotFound, "Not found")
		return
	}
	b, err := fs.ReadFile(assets, file)
	if err != nil {
		s.pageError(w, nethttp.StatusNotFound, "Not found")
		return
	}
	ct := mime.TypeByExtension(path.Ext(file))
	if strings.HasSuffix(file, ".js") {
		ct = "text/javascript; charset=utf-8"
	}
	if ct == "" {
		ct = "text/plain; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(b)
}

// ---- story list ----

type listView struct {
	Title     string
	Version   uint64
	Documents int
	Stories   []StorySummary
	Query     string
	Searched  bool
	Hits      []SearchHit
	SearchErr string
}

func (s *Server) pageStories(w nethttp.ResponseWriter, r *nethttp.Request) {
	snap := s.current()
	v := listView{Title: "Stories", Version: snap.version, Documents: len(snap.report.Documents), Stories: snap.stories}
	if q := r.URL.Query().Get("q"); strings.TrimSpace(q) != "" {
		v.Searched = true
		var status int
		var msg string
		v.Query, v.Hits, status, msg = s.search(r)
		if status != nethttp.StatusOK {
			v.SearchErr = msg
		}
	}
	if !v.Searched {
		rd, err := snap.cached("page/list", func() ([]byte, error) { return s.pages.render("stories.html", v) })
		s.serveRendered(w, r, rd, err)
		return
	}
	b, err := s.pages.render("stories.html", v)
	s.serveRendered(w, r, &rendered{raw: b}, err)
}

// snippetSegs splits a store search snippet, whose matched terms the store
// brackets ("[term]"), into plain and matched runs.
func snippetSegs(s string) []seg {
	var out []seg
	for s != "" {
		i := strings.IndexByte(s, '[')
		j := -1
		if i >= 0 {
			j = strings.IndexByte(s[i:], ']')
		}
		if i < 0 || j < 0 {
			out = append(out, seg{Text: s})
			break
		}
		if i > 0 {
			out = append(out, seg{Text: s[:i]})
		}
		out = append(out, seg{Text: s[i+1 : i+j], Diff: true})
		s = s[i+j+1:]
	}
	return out
}

// ---- story page ----

type docLabel struct {
	ID, Label, Title string
}

type cite struct {
	docLabel
	Sentence string
	PopID    string
}

type briefView struct {
	Text   string
	Status string
	Cites  []cite
	More   int // cited documents beyond maxCites
}

// Caps that keep a story page of thousands of documents small; the API
// (/api/stories/{id}) has everything.
const (
	maxCites       = 8   // citations shown per brief sentence
	maxVariantDocs = 8   // documents listed per quote wording
	maxDocList     = 300 // documents listed under the graph
)

type entityView struct {
	ID, Name, Type string
	Aliases        []string
	Roles          []roleView
	Mentions       int
	Docs           int
}

type roleView struct {
	Role, Org string
	Sources   []docLabel
}

type seg struct {
	Text string
	Diff bool
}

type variantView struct {
	Doc      docLabel
	Docs     []docLabel // the documents with this wording (at most maxVariantDocs)
	More     int        // how many more documents use it
	Segs     []seg
	Spun     bool
	Partial  bool
	Indirect bool
	Stated   string
	Base     bool
}

type quoteView struct {
	ID, Speaker, Text string
	Variants          []variantView
	Outlets           int
	Count             int // occurrences, before grouping identical wordings
}

type sideView struct {
	Says string
	Docs []docLabel
}

type conflictView struct {
	ID, Kind, Summary string
	Sides             []sideView
	Evidence          []accord.SpanRef
}

type claimView struct {
	Statement, Status string
	Independent       int
	Docs              []docLabel
}

type timelineRow struct {
	Date, Summary, Place string
	Docs                 []docLabel
}

type storyView struct {
	Title       string
	ID          string
	All         bool
	Size        int
	Independent int
	Outlets     int
	FirstDate   string
	LastDate    string
	Brief       []briefView
	Timeline    []timelineRow
	ChartJSON   string
	GraphJSON   string
	Entities    []entityView
	Quotes      []quoteView
	// SharedQuotes occur more than once; SingleQuotes once (shown folded).
	SharedQuotes, SingleQuotes []quoteView
	Conflicts                  []conflictView
	Claims                     []claimView
	Documents                  []docLabel
	DocMeta                    map[string]accord.ReportDocument
	StatusCount                map[string]int
}

func (s *Server) pageStory(w nethttp.ResponseWriter, r *nethttp.Request) {
	snap := s.current()
	id := r.PathValue("id")
	rd, err := snap.cached("page/story/"+id, func() ([]byte, error) {
		sr := snap.report.ForStory(id)
		if sr == nil {
			return nil, errNoStory
		}
		normalize(sr)
		return s.pages.render("story.html", buildStoryView(sr, snap, false))
	})
	s.serveRendered(w, r, rd, err)
}

// pageReport shows the whole report as one page (useful before stories exist).
func (s *Server) pageReport(w nethttp.ResponseWriter, r *nethttp.Request) {
	snap := s.current()
	rd, err := snap.cached("page/report", func() ([]byte, error) {
		return s.pages.render("story.html", buildStoryView(snap.report, snap, true))
	})
	s.serveRendered(w, r, rd, err)
}

func label(d *accord.ReportDocument, id string) docLabel {
	if d == nil {
		return docLabel{ID: id, Label: id, Title: id}
	}
	l := ""
	if d.Outlet != nil {
		l = *d.Outlet
	}
	if l == "" && d.URL != nil {
		if u, err := url.Parse(*d.URL); err == nil {
			l = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	if l == "" {
		l = d.ID
	}
	return docLabel{ID: d.ID, Label: l, Title: d.Title}
}

func buildStoryView(r *accord.Report, snap *snapshot, all bool) storyView {
	v := storyView{All: all, StatusCount: map[string]int{}}
	lab := func(id string) docLabel { return label(snap.docs[id], id) }
	labs := func(ids []string) []docLabel {
		out := make([]docLabel, 0, len(ids))
		for _, id := range ids {
			out = append(out, lab(id))
		}
		return out
	}
	outlets := map[string]bool{}
	for _, d := range r.Documents {
		l := label(&d, d.ID)
		if len(v.Documents) < maxDocList {
			v.Documents = append(v.Documents, l)
		}
		outlets[l.Label] = true
	}
	v.Size = len(r.Documents)
	v.Outlets = len(outlets)
	if all {
		v.Title = "All documents"
		if r.Brief.Title != "" {
			v.Title = r.Brief.Title
		}
		v.Independent = len(r.Documents)
	} else if len(r.Stories) > 0 {
		st := r.Stories[0]
		v.ID, v.Title = st.ID, st.Title
		v.Independent = len(st.IndependentGroups)
		if st.FirstDate != nil {
			v.FirstDate = *st.FirstDate
		}
		if st.LastDate != nil {
			v.LastDate = *st.LastDate
		}
	}
	// Brief with citations: the sentence of each cited document that best matches.
	sents := map[string][]string{}
	for i, bs := range r.Brief.Sentences {
		if !all && bs.Story != "" && bs.Story != v.ID {
			continue
		}
		bv := briefView{Text: bs.Text, Status: bs.Status}
		for j, d := range bs.Documents {
			if j == maxCites {
				bv.More = len(bs.Documents) - j
				break
			}
			c := cite{docLabel: lab(d), PopID: fmt.Sprintf("cite-%d-%d", i, j)}
			if doc := snap.docs[d]; doc != nil {
				ss, ok := sents[d]
				if !ok {
					ss = sentencesOf(doc.Text)
					sents[d] = ss
				}
				c.Sentence = bestSentence(bs.Text, ss)
			}
			bv.Cites = append(bv.Cites, c)
		}
		v.Brief = append(v.Brief, bv)
	}
	// Timeline.
	type point struct {
		Date    string   `json:"date"`
		Summary string   `json:"summary"`
		Docs    int      `json:"docs"`
		Outlets []string `json:"outlets"`
	}
	var pts []point
	for _, t := range r.Timeline {
		row := timelineRow{Date: t.Date, Summary: t.Summary, Docs: labs(t.Documents)}
		if t.Place != nil {
			row.Place = *t.Place
		}
		v.Timeline = append(v.Timeline, row)
		p := point{Date: t.Date, Summary: t.Summary, Docs: len(t.Documents)}
		for _, l := range row.Docs {
			p.Outlets = append(p.Outlets, l.Label)
		}
		pts = append(pts, p)
	}
	sort.SliceStable(v.Timeline, func(i, j int) bool { return v.Timeline[i].Date < v.Timeline[j].Date })
	if b, err := json.Marshal(pts); err == nil && len(pts) > 0 {
		v.ChartJSON = string(b)
	}
	// Entities, largest first.
	ents := map[string]string{}
	entByID := map[string]*accord.Entity{}
	for i, e := range r.Entities {
		ents[e.ID] = e.Name
		entByID[e.ID] = &r.Entities[i]
		ev := entityView{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: e.AliasLabels(), Mentions: len(e.Mentions)}
		docs := map[string]bool{}
		for _, m := range e.Mentions {
			docs[m.Document] = true
		}
		ev.Docs = len(docs)
		for _, ro := range e.Roles {
			rv := roleView{Role: ro.Role, Sources: labs(ro.Documents)}
			if ro.Organization != nil {
				rv.Org = *ro.Organization
			}
			ev.Roles = append(ev.Roles, rv)
		}
		v.Entities = append(v.Entities, ev)
	}
	sort.SliceStable(v.Entities, func(i, j int) bool { return v.Entities[i].Mentions > v.Entities[j].Mentions })
	// Quotes grouped by statement, variants side by side with word differences.
	for _, q := range r.Quotes {
		qv := quoteView{ID: q.ID, Text: q.Text}
		if q.Speaker != nil {
			qv.Speaker = ents[*q.Speaker]
			if qv.Speaker == "" {
				qv.Speaker = *q.Speaker
			}
		} else if l := q.SpeakerLabel(nil); l != "unknown" {
			qv.Speaker = l
		}
		base := -1
		for i, vr := range q.Variants {
			if !vr.Spun {
				base = i
				break
			}
		}
		if base < 0 && len(q.Variants) > 0 {
			base = 0
		}
		// Variants with the same wording (and stated speaker) share one box
		// listing every document that uses it.
		outs := map[string]bool{}
		group := map[string]int{}
		for i, vr := range q.Variants {
			l := lab(vr.Document)
			outs[l.Label] = true
			stated := ""
			if vr.StatedSpeaker == nil && vr.StatedSpeakerText != "" {
				stated = vr.StatedLabel(nil) // a speaker no entity stands for
				if stated == "unknown" {
					stated = ""
				}
			}
			if vr.StatedSpeaker != nil {
				stated = *vr.StatedSpeaker
				if e := entByID[stated]; e != nil {
					stated = vr.StatedLabel(e)
				}
			}
			key := strings.ToLower(strings.Join(strings.Fields(vr.Text), " ")) + "\x00" + stated
			if vr.Spun {
				key += "\x00spun"
			}
			if g, ok := group[key]; ok {
				if len(qv.Variants[g].Docs) < maxVariantDocs {
					qv.Variants[g].Docs = append(qv.Variants[g].Docs, l)
				} else {
					qv.Variants[g].More++
				}
				qv.Count++
				continue
			}
			vv := variantView{Doc: l, Docs: []docLabel{l}, Spun: vr.Spun, Partial: vr.Partial, Stated: stated}
			if vr.Direct != nil && !*vr.Direct {
				vv.Indirect = true
			}
			if i == base {
				vv.Segs = []seg{{Text: vr.Text}}
			} else {
				vv.Segs = wordDiff(q.Variants[base].Text, vr.Text)
			}
			group[key] = len(qv.Variants)
			qv.Variants = append(qv.Variants, vv)
			qv.Count++
		}
		if len(qv.Variants) > 1 {
			for i := range qv.Variants {
				if qv.Variants[i].Doc.ID == q.Variants[base].Document && !qv.Variants[i].Spun {
					qv.Variants[i].Base = true
					break
				}
			}
		}
		qv.Outlets = len(outs)
		v.Quotes = append(v.Quotes, qv)
	}
	sort.SliceStable(v.Quotes, func(i, j int) bool { return v.Quotes[i].Count > v.Quotes[j].Count })
	for _, q := range v.Quotes {
		if q.Count > 1 {
			v.SharedQuotes = append(v.SharedQuotes, q)
		} else {
			v.SingleQuotes = append(v.SingleQuotes, q)
		}
	}
	for _, c := range r.Conflicts {
		cv := conflictView{ID: c.ID, Kind: c.Kind, Summary: c.Summary, Evidence: c.Evidence}
		for _, sd := range c.Sides {
			cv.Sides = append(cv.Sides, sideView{Says: sd.Says, Docs: labs(sd.Documents)})
		}
		v.Conflicts = append(v.Conflicts, cv)
	}
	for _, c := range r.Claims {
		v.Claims = append(v.Claims, claimView{Statement: c.Statement, Status: c.Status, Independent: c.IndependentSources, Docs: labs(c.Documents)})
		v.StatusCount[c.Status]++
	}
	v.GraphJSON = graphJSON(r, snap)
	return v
}

// graphJSON is the source graph: documents (by outlet), relayed outlets, and
// the copy and citation links between them, as cytoscape elements.
func graphJSON(r *accord.Report, snap *snapshot) string {
	type data struct {
		ID     string  `json:"id"`
		Label  string  `json:"label,omitempty"`
		Kind   string  `json:"kind,omitempty"`
		Source string  `json:"source,omitempty"`
		Target string  `json:"target,omitempty"`
		Group  int     `json:"group"`
		Score  float64 `json:"score,omitempty"`
	}
	type el struct {
		Group string `json:"group"`
		Data  data   `json:"data"`
	}
	groupOf := map[string]int{}
	if len(r.Stories) == 1 {
		for i, g := range r.Stories[0].IndependentGroups {
			for _, d := range g {
				groupOf[d] = i + 1
			}
		}
	}
	var els []el
	seen := map[string]bool{}
	for _, d := range r.Documents {
		l := label(&d, d.ID)
		seen[d.ID] = true
		els = append(els, el{"nodes", data{ID: d.ID, Label: l.Label, Kind: "document", Group: groupOf[d.ID]}})
	}
	for i, l := range r.Links {
		if !seen[l.From] {
			continue
		}
		if !seen[l.To] {
			if !strings.HasPrefix(l.To, "outlet:") {
				continue
			}
			seen[l.To] = true
			name := l.Outlet
			if name == "" {
				name = strings.TrimPrefix(l.To, "outlet:")
			}
			els = append(els, el{"nodes", data{ID: l.To, Label: name, Kind: "outlet"}})
		}
		els = append(els, el{"edges", data{ID: "l" + strconv.Itoa(i), Source: l.From, Target: l.To, Kind: l.Kind, Score: l.Score}})
	}
	b, err := json.Marshal(els)
	if err != nil {
		return "[]"
	}
	return string(b)
}

// sentencesOf splits a document's text into sentences.
func sentencesOf(s string) []string {
	var out []string
	for _, p := range text.Paragraphs(s) {
		for _, sp := range text.Sentences(s, p) {
			if sp.Start >= 0 && sp.End <= len(s) && sp.Start < sp.End {
				out = append(out, s[sp.Start:sp.End])
			}
		}
	}
	return out
}

// bestSentence returns the sentence sharing the most content words with
// target (Dice coefficient), or "" when none shares any.
func bestSentence(target string, sents []string) string {
	tw := map[string]bool{}
	for _, w := range text.ContentWords(target) {
		tw[w] = true
	}
	if len(tw) == 0 {
		return ""
	}
	best, bestScore := "", 0.0
	for _, s := range sents {
		ws := text.ContentWords(s)
		if len(ws) == 0 {
			continue
		}
		seen := map[string]bool{}
		common := 0
		for _, w := range ws {
			if !seen[w] {
				seen[w] = true
				if tw[w] {
					common++
				}
			}
		}
		score := 2 * float64(common) / float64(len(seen)+len(tw))
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}

// wordDiff splits b into runs of words that are, or are not, in a longest
// common subsequence with a (case- and punctuation-insensitive).
func wordDiff(a, b string) []seg {
	aw, bw := strings.Fields(a), strings.Fields(b)
	const maxWords = 600
	if len(bw) == 0 {
		return nil
	}
	if len(aw) > maxWords || len(bw) > maxWords {
		return []seg{{Text: b}}
	}
	norm := func(w string) string {
		return strings.ToLower(strings.Trim(w, ".,;:!?\"'“”‘’()[]—–-"))
	}
	an := make([]string, len(aw))
	for i, w := range aw {
		an[i] = norm(w)
	}
	bn := make([]string, len(bw))
	for i, w := range bw {
		bn[i] = norm(w)
	}
	// LCS table over suffixes.
	n, m := len(an), len(bn)
	dp := make([][]int32, n+1)
	for i := range dp {
		dp[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if an[i] == bn[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	same := make([]bool, m)
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case an[i] == bn[j]:
			same[j] = true
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	var out []seg
	for j, w := range bw {
		diff := !same[j]
		if len(out) > 0 && out[len(out)-1].Diff == diff {
			out[len(out)-1].Text += " " + w
			continue
		}
		if len(out) > 0 {
			out[len(out)-1].Text += " "
		}
		out = append(out, seg{Text: w, Diff: diff})
	}
	return out
}

// ---- document page ----

const errNoDoc = notFound("no such document")

type annSeg struct {
	Text    string
	Classes string
	Title   string
}

type docView struct {
	Title    string
	Doc      accord.ReportDocument
	Story    string
	Segs     []annSeg
	Counts   map[string]int
	Links    []accord.Link
	Removed  []accord.Removed
	Outlet   string
	Publishd string
	// Foreign is the language of a document the English readers left
	// unannotated (text.ForeignLanguage), "" for English.
	Foreign string
}

func (s *Server) pageDocument(w nethttp.ResponseWriter, r *nethttp.Request) {
	snap := s.current()
	snap.index()
	id := r.PathValue("id")
	rd, err := snap.cached("page/doc/"+id, func() ([]byte, error) {
		dd := snap.docAnnot[id]
		if dd == nil {
			return nil, errNoDoc
		}
		v := docView{Title: dd.Document.Title, Doc: dd.Document, Links: dd.Links, Removed: dd.Document.Removed,
			Counts: map[string]int{"ent": len(dd.Entities), "quote": len(dd.Quotes), "timex": len(dd.Timexes), "qty": len(dd.Quantities)}}
		if v.Title == "" {
			v.Title = id
		}
		v.Foreign = text.ForeignLanguage(&accord.Document{Language: dd.Document.Language, Text: dd.Document.Text})
		if dd.Story != nil {
			v.Story = *dd.Story
		}
		var anns []Annotation
		for _, e := range dd.Entities {
			anns = append(anns, Annotation{Start: e.Start, End: e.End, Class: "ent ent-" + strings.ToLower(e.Type), Title: e.Type + ": " + e.Name})
		}
		for _, q := range dd.Quotes {
			t := "quote"
			if q.StatedSpeaker != nil {
				if n := snap.entName[*q.StatedSpeaker]; n != "" {
					t += " by " + n
				} else {
					t += " by " + *q.StatedSpeaker
				}
			}
			anns = append(anns, Annotation{Start: q.Start, End: q.End, Class: "quote", Title: t})
		}
		for _, t := range dd.Timexes {
			anns = append(anns, Annotation{Start: t.Start, End: t.End, Class: "timex", Title: "time " + t.Value})
		}
		for _, q := range dd.Quantities {
			t := "quantity " + strconv.FormatFloat(q.Value, 'g', -1, 64)
			if q.Unit != nil {
				t += " " + *q.Unit
			}
			if q.Counts != nil {
				t += " (" + *q.Counts + ")"
			}
			anns = append(anns, Annotation{Start: q.Start, End: q.End, Class: "qty", Title: t})
		}
		for _, sg := range Segment(dd.Document.Text, anns) {
			v.Segs = append(v.Segs, annSeg{Text: sg.Text, Classes: strings.Join(sg.Classes, " "), Title: strings.Join(sg.Titles, "; ")})
		}
		return s.pages.render("document.html", v)
	})
	s.serveRendered(w, r, rd, err)
}

// Annotation is a classed span to highlight in a text.
type Annotation struct {
	Start, End int
	Class      string
	Title      string
}

// Segmented is a run of text with the annotations covering all of it.
type Segmented struct {
	Text    string
	Classes []string
	Titles  []string
}

// Segment cuts text at every annotation boundary and returns the runs with
// the annotations that cover each. Spans out of range, empty or not on a
// UTF-8 boundary are clamped or dropped; the runs always concatenate to text.
func Segment(txt string, anns []Annotation) []Segmented {
	type ev struct {
		off   int
		open  bool
		index int
	}
	var evs []ev
	for i, a := range anns {
		st, en := max(a.Start, 0), min(a.End, len(txt))
		for st < en && st < len(txt) && !isRuneStart(txt[st]) {
			st++
		}
		for en > st && en < len(txt) && !isRuneStart(txt[en]) {
			en--
		}
		if st >= en {
			continue
		}
		evs = append(evs, ev{st, true, i}, ev{en, false, i})
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].off < evs[j].off })
	var out []Segmented
	active := map[int]bool{}
	pos := 0
	emit := func(to int) {
		if to <= pos {
			return
		}
		sg := Segmented{Text: txt[pos:to]}
		if len(active) > 0 {
			idx := make([]int, 0, len(active))
			for i := range active {
				idx = append(idx, i)
			}
			sort.Ints(idx)
			seen := map[string]bool{}
			for _, i := range idx {
				for _, c := range strings.Fields(anns[i].Class) {
					if !seen[c] {
						seen[c] = true
						sg.Classes = append(sg.Classes, c)
					}
				}
				if anns[i].Title != "" {
					sg.Titles = append(sg.Titles, anns[i].Title)
				}
			}
		}
		out = append(out, sg)
		pos = to
	}
	for _, e := range evs {
		emit(e.off)
		if e.open {
			active[e.index] = true
		} else {
			delete(active, e.index)
		}
	}
	emit(len(txt))
	return out
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// ---- upload ----

func (s *Server) pageUpload(w nethttp.ResponseWriter, r *nethttp.Request) {
	snap := s.current()
	b, err := s.pages.render("upload.html", map[string]any{"Title": "Upload", "Documents": len(snap.report.Documents),
		"MaxUpload": s.opt.MaxUpload >> 20, "Analyzer": s.analyze != nil})
	s.serveRendered(w, r, &rendered{raw: b}, err)
}
