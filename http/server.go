// Package http serves Accord's report over HTTP: a JSON API (described by an
// embedded OpenAPI 3.1 document) and a server-rendered web UI whose assets are
// embedded in the binary.
//
// The server sits at the edge: it does not import the pipeline. It receives
// an accord.Store and an AnalyzeFunc that turns the stored inputs into a
// report, and it keeps the latest report in memory, rendered once per store
// version.
package http

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	nethttp "net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/accord-news/accord"
)

// AnalyzeFunc analyzes every input of the store and returns the report.
type AnalyzeFunc func(ctx context.Context, inputs []*accord.Input) (*accord.Report, error)

// Defaults for Options.
const (
	DefaultAddr           = "127.0.0.1:8080"
	DefaultMaxBody        = 1 << 20   // 1 MiB for every request but uploads
	DefaultMaxUpload      = 256 << 20 // 256 MiB per upload
	DefaultRequestTimeout = 30 * time.Second
	DefaultIngestTimeout  = 10 * time.Minute
)

// Options configure a Server. The zero value gives the defaults.
type Options struct {
	// Addr is where ListenAndServe binds (default 127.0.0.1:8080).
	Addr string
	// Token, when set, is required on every request (Authorization: Bearer,
	// ?token= or the cookie set after a ?token= visit). It is mandatory when
	// Addr is not a loopback address.
	Token string
	// MaxBody caps request bodies (default 1 MiB); MaxUpload caps POST
	// /api/ingest (default 256 MiB).
	MaxBody, MaxUpload int64
	// RequestTimeout bounds every handler (default 30 s); IngestTimeout bounds
	// an upload with its re-analysis (default 10 min).
	RequestTimeout, IngestTimeout time.Duration
	// Logger receives request errors; default slog.Default().
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxUpload <= 0 {
		o.MaxUpload = DefaultMaxUpload
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = DefaultRequestTimeout
	}
	if o.IngestTimeout <= 0 {
		o.IngestTimeout = DefaultIngestTimeout
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// Server is the HTTP front of a store.
type Server struct {
	store   accord.Store
	analyze AnalyzeFunc
	opt     Options
	pages   *pages

	mu      sync.RWMutex
	snap    *snapshot
	version uint64

	// analyzeMu serializes ingest + re-analysis; status is what the upload
	// page polls.
	analyzeMu sync.Mutex
	statusMu  sync.Mutex
	status    Status
}

// Status is the server-side state the upload page polls.
type Status struct {
	Version   uint64 `json:"version"`
	Documents int    `json:"documents"`
	Busy      bool   `json:"busy"`
	Phase     string `json:"phase"`
	Error     string `json:"error,omitempty"`
}

// NewServer returns a server over store. analyze may be nil: then uploads are
// stored but the report is not recomputed (the API says so).
func NewServer(store accord.Store, analyze AnalyzeFunc, opt Options) *Server {
	s := &Server{store: store, analyze: analyze, opt: opt.withDefaults(), pages: mustPages()}
	s.setReport(emptyReport())
	return s
}

// SetReport replaces the served report (a new store version).
func (s *Server) SetReport(r *accord.Report) { s.setReport(r) }

func (s *Server) setReport(r *accord.Report) {
	normalize(r)
	s.mu.Lock()
	s.version++
	s.snap = newSnapshot(r, s.version)
	v := s.version
	s.mu.Unlock()
	s.statusMu.Lock()
	s.status.Version = v
	s.status.Documents = len(r.Documents)
	s.statusMu.Unlock()
}

func (s *Server) current() *snapshot {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.snap
}

// Load serves the report saved in the store. When it does not cover every
// stored document, the stale report is served at once and the store is
// re-analyzed in the background (GET /api/status says busy meanwhile); with
// no saved report at all, Load analyzes before it returns.
func (s *Server) Load(ctx context.Context) error {
	if s.store == nil {
		return nil
	}
	n, err := s.store.Count(ctx)
	if err != nil {
		return err
	}
	b, covered, err := s.store.LoadReport(ctx)
	switch {
	case err == nil:
		var r accord.Report
		if err := json.Unmarshal(b, &r); err == nil {
			s.setReport(&r)
			if covered == n || s.analyze == nil {
				return nil
			}
			s.setStatus(true, "analyzing", "")
			go func() {
				if err := s.Reanalyze(ctx); err != nil && ctx.Err() == nil {
					s.opt.Logger.Error("re-analyzing the store", "err", err)
				}
			}()
			return nil
		}
	case !errors.Is(err, accord.ErrNotFound):
		return err
	}
	if n == 0 {
		s.setReport(emptyReport())
		return nil
	}
	return s.Reanalyze(ctx)
}

// Reanalyze runs the analysis over the whole store, saves and serves the result.
func (s *Server) Reanalyze(ctx context.Context) error {
	s.analyzeMu.Lock()
	defer s.analyzeMu.Unlock()
	return s.reanalyzeLocked(ctx)
}

func (s *Server) reanalyzeLocked(ctx context.Context) (err error) {
	if s.analyze == nil {
		return errors.New("this server has no analyzer")
	}
	s.setStatus(true, "analyzing", "")
	defer func() {
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		s.setStatus(false, "idle", msg)
	}()
	var inputs []*accord.Input
	if err := s.store.Each(ctx, func(in *accord.Input) error { inputs = append(inputs, in); return nil }); err != nil {
		return fmt.Errorf("reading the store: %w", err)
	}
	r, err := s.analyze(ctx, inputs)
	if err != nil {
		return fmt.Errorf("analysis: %w", err)
	}
	if r == nil {
		return errors.New("analysis returned no report")
	}
	normalize(r)
	if b, err := json.Marshal(r); err == nil {
		if err := s.store.SaveReport(ctx, b, len(r.Documents)); err != nil {
			s.opt.Logger.Warn("could not save the report in the store", "err", err)
		}
	}
	s.setReport(r)
	return nil
}

func (s *Server) setStatus(busy bool, phase, errMsg string) {
	s.statusMu.Lock()
	s.status.Busy, s.status.Phase, s.status.Error = busy, phase, errMsg
	s.statusMu.Unlock()
}

func (s *Server) getStatus() Status {
	s.statusMu.Lock()
	defer s.statusMu.Unlock()
	return s.status
}

// CheckAddr refuses to bind a non-loopback address without a token.
func CheckAddr(addr, token string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %v", addr, err)
	}
	if isLoopback(host) {
		return nil
	}
	if token == "" {
		return fmt.Errorf("--addr %s is not a loopback address: a --token is required to serve on it", addr)
	}
	if len(token) < 16 {
		return errors.New("--token must be at least 16 characters when serving on a non-loopback address")
	}
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// HTTPServer returns a net/http server with the timeouts set, serving Handler.
func (s *Server) HTTPServer() *nethttp.Server {
	return &nethttp.Server{
		Addr:              s.opt.Addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.opt.IngestTimeout,
		WriteTimeout:      s.opt.IngestTimeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.opt.Logger.Handler(), slog.LevelWarn),
	}
}

// ListenAndServe checks the address and token, binds, reports the bound
// address through ready (may be nil) and serves until ctx ends.
func (s *Server) ListenAndServe(ctx context.Context, ready func(addr string)) error {
	if err := CheckAddr(s.opt.Addr, s.opt.Token); err != nil {
		return err
	}
	srv := s.HTTPServer()
	ln, err := net.Listen("tcp", s.opt.Addr)
	if err != nil {
		return err
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		return nil
	}
}

// Handler returns the whole HTTP handler: security headers, authentication,
// body limits and per-route timeouts around the routes.
func (s *Server) Handler() nethttp.Handler {
	mux := nethttp.NewServeMux()
	timed := func(h nethttp.HandlerFunc) nethttp.Handler {
		return jsonOnTimeout(nethttp.TimeoutHandler(h, s.opt.RequestTimeout, `{"error":"the request took too long"}`))
	}
	// API.
	mux.Handle("GET /api/report", timed(s.apiReport))
	mux.Handle("GET /api/stories", timed(s.apiStories))
	mux.Handle("GET /api/stories/{id}", timed(s.apiStory))
	mux.Handle("GET /api/documents", timed(s.apiDocuments))
	mux.Handle("GET /api/documents/{id}", timed(s.apiDocument))
	mux.Handle("GET /api/entities", timed(s.apiEntities))
	mux.Handle("GET /api/quotes", timed(s.apiQuotes))
	mux.Handle("GET /api/search", timed(s.apiSearch))
	mux.Handle("GET /api/status", timed(s.apiStatus))
	mux.Handle("GET /api/openapi.json", timed(s.apiOpenAPI))
	// The upload runs its own deadline (IngestTimeout) through its context:
	// TimeoutHandler would buffer a long analysis and cut it at RequestTimeout.
	mux.HandleFunc("POST /api/ingest", s.apiIngest)
	mux.Handle("/api/", timed(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		for _, m := range []string{nethttp.MethodGet, nethttp.MethodPost} {
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, pattern := mux.Handler(probe); pattern != "/api/" && m != r.Method {
				w.Header().Set("Allow", m)
				writeError(w, nethttp.StatusMethodNotAllowed, r.Method+" is not allowed here; use "+m)
				return
			}
		}
		writeError(w, nethttp.StatusNotFound, "no such API endpoint")
	}))
	// UI.
	mux.Handle("GET /{$}", timed(s.pageStories))
	mux.Handle("GET /report", timed(s.pageReport))
	mux.Handle("GET /stories/{id}", timed(s.pageStory))
	mux.Handle("GET /documents/{id}", timed(s.pageDocument))
	mux.Handle("GET /upload", timed(s.pageUpload))
	mux.Handle("GET /static/", timed(s.static))
	mux.Handle("/", timed(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		s.pageError(w, nethttp.StatusNotFound, "Page not found")
	}))
	return s.secure(mux)
}

// jsonOnTimeout labels TimeoutHandler's 503 body (JSON) as JSON: the header
// is set on the real writer first, and a handler that finishes in time
// replaces it with its own.
func jsonOnTimeout(h nethttp.Handler) nethttp.Handler {
	return nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		h.ServeHTTP(w, r)
	})
}

// CSP is the Content-Security-Policy sent with every response.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

const tokenCookie = "accord_token"

// secure sets the security headers, checks the token, refuses cross-origin
// writes and caps the body size.
func (s *Server) secure(next nethttp.Handler) nethttp.Handler {
	return nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if s.opt.Token != "" {
			ok, fromQuery := s.authorized(r)
			if !ok {
				h.Set("WWW-Authenticate", `Bearer realm="accord"`)
				writeError(w, nethttp.StatusUnauthorized, "a valid token is required (Authorization: Bearer TOKEN or ?token=TOKEN)")
				return
			}
			if fromQuery {
				nethttp.SetCookie(w, &nethttp.Cookie{Name: tokenCookie, Value: s.opt.Token, Path: "/",
					HttpOnly: true, SameSite: nethttp.SameSiteStrictMode, Secure: r.TLS != nil})
				// Pages: drop the token from the address bar and history; the
				// cookie carries it from now on.
				if r.Method == nethttp.MethodGet && !strings.HasPrefix(r.URL.Path, "/api/") {
					u := *r.URL
					q := u.Query()
					q.Del("token")
					u.RawQuery = q.Encode()
					u.Scheme, u.Host = "", ""
					nethttp.Redirect(w, r, u.RequestURI(), nethttp.StatusSeeOther)
					return
				}
			}
		}
		if r.Method != nethttp.MethodGet && r.Method != nethttp.MethodHead {
			if !sameOrigin(r) {
				writeError(w, nethttp.StatusForbidden, "cross-origin request refused")
				return
			}
		}
		limit := s.opt.MaxBody
		if r.Method == nethttp.MethodPost && r.URL.Path == "/api/ingest" {
			limit = s.opt.MaxUpload
		}
		if r.ContentLength > limit {
			writeError(w, nethttp.StatusRequestEntityTooLarge, fmt.Sprintf("the request body exceeds %d bytes", limit))
			return
		}
		if r.Body != nil {
			r.Body = nethttp.MaxBytesReader(w, r.Body, limit)
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) authorized(r *nethttp.Request) (ok, fromQuery bool) {
	want := []byte(s.opt.Token)
	eq := func(got string) bool { return subtle.ConstantTimeCompare([]byte(got), want) == 1 }
	if a := r.Header.Get("Authorization"); a != "" {
		if t, found := strings.CutPrefix(a, "Bearer "); found && eq(strings.TrimSpace(t)) {
			return true, false
		}
	}
	if t := r.URL.Query().Get("token"); t != "" && eq(t) {
		return true, true
	}
	if c, err := r.Cookie(tokenCookie); err == nil && eq(c.Value) {
		return true, false
	}
	return false, false
}

// sameOrigin accepts requests without an Origin header (non-browser clients)
// and browser requests whose Origin is this host.
func sameOrigin(r *nethttp.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		return r.Header.Get("Sec-Fetch-Site") == "" || r.Header.Get("Sec-Fetch-Site") == "same-origin" || r.Header.Get("Sec-Fetch-Site") == "none"
	}
	u, err := url.Parse(o)
	return err == nil && u.Host == r.Host
}

func writeJSON(w nethttp.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, nethttp.StatusInternalServerError, "encoding the response: "+err.Error())
		return
	}
	writeJSONBytes(w, status, b)
}

func writeJSONBytes(w nethttp.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// APIError is the body of every error response.
type APIError struct {
	Error string `json:"error"`
}

func writeError(w nethttp.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(APIError{Error: msg})
	writeJSONBytes(w, status, b)
}
