package http

import (
	"encoding/json"
	nethttp "net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

func (s *Server) apiReport(w nethttp.ResponseWriter, r *nethttp.Request) {
	snap := s.current()
	rd, _ := snap.cached("api/report", func() ([]byte, error) { return snap.reportJSON, nil })
	rd.serve(w, r, jsonType)
}

// StoryList is GET /api/stories.
type StoryList struct {
	Version uint64         `json:"version"`
	Stories []StorySummary `json:"stories"`
}

func (s *Server) apiStories(w nethttp.ResponseWriter, r *nethttp.Request) {
	snap := s.current()
	writeJSON(w, nethttp.StatusOK, StoryList{Version: snap.version, Stories: snap.stories})
}

func (s *Server) apiStory(w nethttp.ResponseWriter, r *nethttp.Request) {
	snap := s.current()
	id := r.PathValue("id")
	rd, err := snap.cached("api/story/"+id, func() ([]byte, error) {
		sr := snap.report.ForStory(id)
		if sr == nil {
			return nil, errNoStory
		}
		normalize(sr)
		return json.Marshal(sr)
	})
	if err != nil {
		writeError(w, nethttp.StatusNotFound, "no story with id "+strconv.Quote(id))
		return
	}
	rd.serve(w, r, jsonType)
}

const jsonType = "application/json; charset=utf-8"

type notFound string

func (e notFound) Error() string { return string(e) }

const errNoStory = notFound("no such story")

// DocumentList is GET /api/documents.
type DocumentList struct {
	Version   uint64            `json:"version"`
	Documents []DocumentSummary `json:"documents"`
}

func (s *Server) apiDocuments(w nethttp.ResponseWriter, r *nethttp.Request) {
	snap := s.current()
	snap.index()
	writeJSON(w, nethttp.StatusOK, DocumentList{Version: snap.version, Documents: snap.docList})
}

func (s *Server) apiDocument(w nethttp.ResponseWriter, r *nethttp.Request) {
	snap := s.current()
	snap.index()
	dd := snap.docAnnot[r.PathValue("id")]
	if dd == nil {
		writeError(w, nethttp.StatusNotFound, "no document with id "+strconv.Quote(r.PathValue("id")))
		return
	}
	writeJSON(w, nethttp.StatusOK, dd)
}

// EntityList is GET /api/entities.
type EntityList struct {
	Entities []accord.Entity `json:"entities"`
}

func (s *Server) storyScope(w nethttp.ResponseWriter, r *nethttp.Request) (*accord.Report, bool) {
	snap := s.current()
	if id := r.URL.Query().Get("story"); id != "" {
		sr := snap.report.ForStory(id)
		if sr == nil {
			writeError(w, nethttp.StatusNotFound, "no story with id "+strconv.Quote(id))
			return nil, false
		}
		normalize(sr)
		return sr, true
	}
	return snap.report, true
}

func (s *Server) apiEntities(w nethttp.ResponseWriter, r *nethttp.Request) {
	rep, ok := s.storyScope(w, r)
	if !ok {
		return
	}
	writeJSON(w, nethttp.StatusOK, EntityList{Entities: rep.Entities})
}

// QuoteList is GET /api/quotes.
type QuoteList struct {
	Quotes []accord.Quote `json:"quotes"`
}

func (s *Server) apiQuotes(w nethttp.ResponseWriter, r *nethttp.Request) {
	rep, ok := s.storyScope(w, r)
	if !ok {
		return
	}
	writeJSON(w, nethttp.StatusOK, QuoteList{Quotes: rep.Quotes})
}

// SearchResult is GET /api/search.
type SearchResult struct {
	Query string      `json:"query"`
	Hits  []SearchHit `json:"hits"`
}

// SearchHit is a store search hit with the story holding the document.
type SearchHit struct {
	accord.SearchHit
	Story *string `json:"story"`
}

const maxQuery = 500

func (s *Server) apiSearch(w nethttp.ResponseWriter, r *nethttp.Request) {
	q, hits, status, msg := s.search(r)
	if status != nethttp.StatusOK {
		writeError(w, status, msg)
		return
	}
	writeJSON(w, nethttp.StatusOK, SearchResult{Query: q, Hits: hits})
}

func (s *Server) search(r *nethttp.Request) (string, []SearchHit, int, string) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return q, nil, nethttp.StatusBadRequest, "the query parameter q is required"
	}
	if len(q) > maxQuery || !utf8.ValidString(q) {
		return q, nil, nethttp.StatusBadRequest, "the query must be valid UTF-8 of at most 500 bytes"
	}
	limit := 50
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 500 {
			return q, nil, nethttp.StatusBadRequest, "limit must be an integer from 1 to 500"
		}
		limit = n
	}
	if s.store == nil {
		return q, []SearchHit{}, nethttp.StatusOK, ""
	}
	raw, err := s.store.Search(r.Context(), q, limit)
	if err != nil {
		return q, nil, nethttp.StatusBadRequest, "search: " + err.Error()
	}
	snap := s.current()
	hits := make([]SearchHit, 0, len(raw))
	for _, h := range raw {
		hits = append(hits, SearchHit{SearchHit: h, Story: strp(snap.docStory[h.ID])})
	}
	return q, hits, nethttp.StatusOK, ""
}

func (s *Server) apiStatus(w nethttp.ResponseWriter, r *nethttp.Request) {
	writeJSON(w, nethttp.StatusOK, s.getStatus())
}

func (s *Server) apiOpenAPI(w nethttp.ResponseWriter, r *nethttp.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(OpenAPI())
}
