package http

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	nethttp "net/http"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/accord-news/accord"
)

// snapshot is one store version's report with its indexes and the responses
// rendered from it. Every cache lives here, so a new version drops them all.
type snapshot struct {
	version    uint64
	report     *accord.Report
	stories    []StorySummary
	docs       map[string]*accord.ReportDocument
	docStory   map[string]string
	entName    map[string]string
	reportJSON []byte

	once     sync.Once
	docList  []DocumentSummary
	docAnnot map[string]*DocumentDetail

	cache sync.Map // key -> []byte (rendered JSON or HTML)
}

// StorySummary is one row of GET /api/stories.
type StorySummary struct {
	ID                 string  `json:"id"`
	Title              string  `json:"title"`
	Size               int     `json:"size"`
	IndependentSources int     `json:"independent_sources"`
	FirstDate          *string `json:"first_date"`
	LastDate           *string `json:"last_date"`
	Conflicts          int     `json:"conflicts"`
	Claims             int     `json:"claims"`
	Outlets            int     `json:"outlets"`
}

// DocumentSummary is one row of GET /api/documents.
type DocumentSummary struct {
	ID             string  `json:"id"`
	Title          string  `json:"title"`
	Source         string  `json:"source"`
	Outlet         *string `json:"outlet"`
	Published      *string `json:"published"`
	PublishedBasis string  `json:"published_basis"`
	Story          *string `json:"story"`
	Bytes          int     `json:"bytes"`
}

// EntityMention is an entity mention in one document.
type EntityMention struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Entity string `json:"entity"`
	Name   string `json:"name"`
	Type   string `json:"type"`
}

// QuoteSpan is a quote variant in one document.
type QuoteSpan struct {
	Quote         string  `json:"quote"`
	Start         int     `json:"start"`
	End           int     `json:"end"`
	Text          string  `json:"text"`
	Speaker       *string `json:"speaker"`
	StatedSpeaker *string `json:"stated_speaker"`
	Spun          bool    `json:"spun,omitempty"`
}

// DocumentDetail is GET /api/documents/{id}: the document with its annotations.
type DocumentDetail struct {
	Document   accord.ReportDocument   `json:"document"`
	Story      *string                 `json:"story"`
	Entities   []EntityMention         `json:"entity_mentions"`
	Quotes     []QuoteSpan             `json:"quotes"`
	Timexes    []accord.ReportTimex    `json:"temporal_expressions"`
	Quantities []accord.ReportQuantity `json:"quantities"`
	Links      []accord.Link           `json:"links"`
}

func emptyReport() *accord.Report {
	r := &accord.Report{Version: accord.ReportVersion}
	normalize(r)
	return r
}

// normalize makes every list non-nil, as the contract requires.
func normalize(r *accord.Report) {
	if r.Version == 0 {
		r.Version = accord.ReportVersion
	}
	if r.Documents == nil {
		r.Documents = []accord.ReportDocument{}
	}
	for i := range r.Documents {
		if r.Documents[i].Removed == nil {
			r.Documents[i].Removed = []accord.Removed{}
		}
	}
	if r.Links == nil {
		r.Links = []accord.Link{}
	}
	if r.Stories == nil {
		r.Stories = []accord.Story{}
	}
	for i := range r.Stories {
		if r.Stories[i].Documents == nil {
			r.Stories[i].Documents = []string{}
		}
		if r.Stories[i].IndependentGroups == nil {
			r.Stories[i].IndependentGroups = [][]string{}
		}
	}
	if r.Entities == nil {
		r.Entities = []accord.Entity{}
	}
	if r.Quotes == nil {
		r.Quotes = []accord.Quote{}
	}
	if r.TemporalExpressions == nil {
		r.TemporalExpressions = []accord.ReportTimex{}
	}
	if r.Timeline == nil {
		r.Timeline = []accord.TimelineItem{}
	}
	if r.Quantities == nil {
		r.Quantities = []accord.ReportQuantity{}
	}
	if r.Claims == nil {
		r.Claims = []accord.Claim{}
	}
	if r.Conflicts == nil {
		r.Conflicts = []accord.Conflict{}
	}
	if r.Brief.Sentences == nil {
		r.Brief.Sentences = []accord.BriefSentence{}
	}
}

func newSnapshot(r *accord.Report, version uint64) *snapshot {
	s := &snapshot{version: version, report: r,
		docs: make(map[string]*accord.ReportDocument, len(r.Documents)), docStory: map[string]string{}}
	for i := range r.Documents {
		s.docs[r.Documents[i].ID] = &r.Documents[i]
	}
	for _, st := range r.Stories {
		for _, d := range st.Documents {
			if _, ok := s.docStory[d]; !ok {
				s.docStory[d] = st.ID
			}
		}
	}
	s.entName = make(map[string]string, len(r.Entities))
	for _, e := range r.Entities {
		s.entName[e.ID] = e.Name
	}
	s.reportJSON, _ = json.Marshal(r)
	s.stories = make([]StorySummary, 0, len(r.Stories))
	for _, st := range r.Stories {
		in := make(map[string]bool, len(st.Documents))
		outlets := map[string]bool{}
		for _, d := range st.Documents {
			in[d] = true
			if doc := s.docs[d]; doc != nil && doc.Outlet != nil {
				outlets[*doc.Outlet] = true
			}
		}
		sum := StorySummary{ID: st.ID, Title: st.Title, Size: len(st.Documents), IndependentSources: len(st.IndependentGroups),
			FirstDate: st.FirstDate, LastDate: st.LastDate, Outlets: len(outlets)}
		if sum.IndependentSources == 0 {
			sum.IndependentSources = len(st.Documents)
		}
		for _, c := range r.Conflicts {
			if c.Story == st.ID || (c.Story == "" && anyIn(in, c.Documents)) {
				sum.Conflicts++
			}
		}
		for _, c := range r.Claims {
			if c.Story == st.ID || (c.Story == "" && anyIn(in, c.Documents)) {
				sum.Claims++
			}
		}
		s.stories = append(s.stories, sum)
	}
	sort.SliceStable(s.stories, func(i, j int) bool { return s.stories[i].Size > s.stories[j].Size })
	return s
}

func anyIn(in map[string]bool, ids []string) bool {
	for _, id := range ids {
		if in[id] {
			return true
		}
	}
	return false
}

func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// index builds the per-document lists once per snapshot.
func (s *snapshot) index() {
	s.once.Do(func() {
		r := s.report
		s.docList = make([]DocumentSummary, 0, len(r.Documents))
		s.docAnnot = make(map[string]*DocumentDetail, len(r.Documents))
		for _, d := range r.Documents {
			s.docList = append(s.docList, DocumentSummary{ID: d.ID, Title: d.Title, Source: d.Source, Outlet: d.Outlet,
				Published: d.Published, PublishedBasis: d.PublishedBasis, Story: strp(s.docStory[d.ID]), Bytes: len(d.Text)})
			s.docAnnot[d.ID] = &DocumentDetail{Document: d, Story: strp(s.docStory[d.ID]), Entities: []EntityMention{},
				Quotes: []QuoteSpan{}, Timexes: []accord.ReportTimex{}, Quantities: []accord.ReportQuantity{}, Links: []accord.Link{}}
		}
		for _, e := range r.Entities {
			for _, m := range e.Mentions {
				if dd := s.docAnnot[m.Document]; dd != nil {
					dd.Entities = append(dd.Entities, EntityMention{Start: m.Start, End: m.End, Text: m.Text, Entity: e.ID, Name: e.Name, Type: e.Type})
				}
			}
		}
		for _, q := range r.Quotes {
			for _, v := range q.Variants {
				if dd := s.docAnnot[v.Document]; dd != nil {
					dd.Quotes = append(dd.Quotes, QuoteSpan{Quote: q.ID, Start: v.Start, End: v.End, Text: v.Text,
						Speaker: q.Speaker, StatedSpeaker: v.StatedSpeaker, Spun: v.Spun})
				}
			}
		}
		for _, t := range r.TemporalExpressions {
			if dd := s.docAnnot[t.Document]; dd != nil {
				dd.Timexes = append(dd.Timexes, t)
			}
		}
		for _, q := range r.Quantities {
			if dd := s.docAnnot[q.Document]; dd != nil {
				dd.Quantities = append(dd.Quantities, q)
			}
		}
		for _, l := range r.Links {
			if dd := s.docAnnot[l.From]; dd != nil {
				dd.Links = append(dd.Links, l)
			}
			if dd := s.docAnnot[l.To]; dd != nil && l.To != l.From {
				dd.Links = append(dd.Links, l)
			}
		}
		for _, dd := range s.docAnnot {
			sort.SliceStable(dd.Entities, func(i, j int) bool { return dd.Entities[i].Start < dd.Entities[j].Start })
			sort.SliceStable(dd.Quotes, func(i, j int) bool { return dd.Quotes[i].Start < dd.Quotes[j].Start })
		}
	})
}

// rendered is a response body computed once per snapshot, with its gzip form.
type rendered struct {
	raw, gz []byte
}

// cached returns the response stored under key, computing it once per snapshot.
func (s *snapshot) cached(key string, build func() ([]byte, error)) (*rendered, error) {
	if v, ok := s.cache.Load(key); ok {
		return v.(*rendered), nil
	}
	b, err := build()
	if err != nil {
		return nil, err
	}
	rd := &rendered{raw: b}
	if len(b) > 1024 {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // once per version
		if _, err := zw.Write(b); err == nil && zw.Close() == nil {
			rd.gz = buf.Bytes()
		}
	}
	v, _ := s.cache.LoadOrStore(key, rd)
	return v.(*rendered), nil
}

// serve writes a cached body, gzipped when the client accepts it.
func (rd *rendered) serve(w nethttp.ResponseWriter, r *nethttp.Request, ctype string) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	h.Add("Vary", "Accept-Encoding")
	body := rd.raw
	if rd.gz != nil && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = rd.gz
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(nethttp.StatusOK)
	_, _ = w.Write(body)
}

func acceptsGzip(r *nethttp.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) == "gzip" && strings.ReplaceAll(strings.TrimSpace(q), " ", "") != "q=0" {
			return true
		}
	}
	return false
}
