package http

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	nethttp "net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/ingest"
)

// IngestResult is the answer of POST /api/ingest.
type IngestResult struct {
	Files     []IngestFile `json:"files"`
	Read      int          `json:"read"`
	Added     int          `json:"added"`
	Documents int          `json:"documents"`
	Analyzed  bool         `json:"analyzed"`
	Version   uint64       `json:"version"`
}

// IngestFile is what one uploaded file gave.
type IngestFile struct {
	Name   string   `json:"name"`
	Read   int      `json:"read"`
	Added  int      `json:"added"`
	IDs    []string `json:"ids"`
	Errors []string `json:"errors"`
}

const maxUploadFiles = 1000

// apiIngest takes multipart files (any field name; a "text" field is a pasted
// article) or a raw body (format from ?name=, else from Content-Type), reads
// them with the ingest package, stores them and re-analyzes the store.
func (s *Server) apiIngest(w nethttp.ResponseWriter, r *nethttp.Request) {
	if s.store == nil {
		writeError(w, nethttp.StatusServiceUnavailable, "this server has no store")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.IngestTimeout)
	defer cancel()
	if !s.analyzeMu.TryLock() {
		writeError(w, nethttp.StatusConflict, "another upload is being analyzed; try again when /api/status says busy: false")
		return
	}
	defer s.analyzeMu.Unlock()
	s.setStatus(true, "receiving", "")
	defer func() {
		if st := s.getStatus(); st.Busy {
			s.setStatus(false, "idle", st.Error)
		}
	}()

	dir, err := os.MkdirTemp("", "accord-upload-")
	if err != nil {
		writeError(w, nethttp.StatusInternalServerError, "temporary folder: "+err.Error())
		return
	}
	defer os.RemoveAll(dir)

	files, status, err := receive(r, dir)
	if err != nil {
		writeError(w, status, err.Error())
		return
	}
	if len(files) == 0 {
		writeError(w, nethttp.StatusBadRequest, "no file or text in the request")
		return
	}
	s.setStatus(true, "storing", "")
	res := IngestResult{Files: make([]IngestFile, 0, len(files))}
	for _, f := range files {
		fr := IngestFile{Name: f.name, IDs: []string{}, Errors: []string{}}
		var batch []*accord.Input
		err := ingest.Read(ctx, []string{f.path}, ingest.Options{}, func(in *accord.Input) error {
			in.Source = "upload:" + f.name
			batch = append(batch, in)
			fr.IDs = append(fr.IDs, in.ID)
			return nil
		}, func(err error) {
			fr.Errors = append(fr.Errors, strings.ReplaceAll(err.Error(), f.path, f.name))
		})
		if err != nil {
			writeError(w, nethttp.StatusServiceUnavailable, "reading "+f.name+": "+err.Error())
			return
		}
		fr.Read = len(batch)
		if len(batch) > 0 {
			n, err := s.store.Put(ctx, batch)
			if err != nil {
				writeError(w, nethttp.StatusInternalServerError, "storing "+f.name+": "+err.Error())
				return
			}
			fr.Added = n
		}
		res.Read += fr.Read
		res.Added += fr.Added
		res.Files = append(res.Files, fr)
	}
	if res.Read == 0 {
		writeJSON(w, nethttp.StatusUnprocessableEntity, res)
		return
	}
	if res.Added > 0 && s.analyze != nil {
		if err := s.reanalyzeLocked(ctx); err != nil {
			writeError(w, nethttp.StatusInternalServerError, fmt.Sprintf("stored %d new documents, but the analysis failed: %v", res.Added, err))
			return
		}
		res.Analyzed = true
	}
	res.Documents, _ = s.store.Count(ctx)
	res.Version = s.current().version
	writeJSON(w, nethttp.StatusOK, res)
}

type upload struct{ name, path string }

// receive writes the request's files into dir and returns them.
func receive(r *nethttp.Request, dir string) ([]upload, int, error) {
	ct, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "multipart/form-data" {
		if params["boundary"] == "" {
			return nil, nethttp.StatusBadRequest, errors.New("multipart body without a boundary")
		}
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, nethttp.StatusBadRequest, err
		}
		var files []upload
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, bodyStatus(err), fmt.Errorf("reading the upload: %w", err)
			}
			if len(files) >= maxUploadFiles {
				return nil, nethttp.StatusRequestEntityTooLarge, fmt.Errorf("at most %d files per upload", maxUploadFiles)
			}
			name := p.FileName()
			if name == "" {
				if p.FormName() != "text" {
					p.Close()
					continue
				}
				// Pasted text: named by its hash (the contract's fallback id).
				b, err := io.ReadAll(p)
				if err != nil {
					return nil, bodyStatus(err), fmt.Errorf("reading the pasted text: %w", err)
				}
				if strings.TrimSpace(string(b)) == "" {
					continue
				}
				name = accord.TextID(string(b)) + ".txt"
				f, err := save(dir, len(files), name, strings.NewReader(string(b)))
				if err != nil {
					return nil, bodyStatus(err), err
				}
				files = append(files, f)
				continue
			}
			f, err := save(dir, len(files), name, p)
			p.Close()
			if err != nil {
				return nil, bodyStatus(err), err
			}
			files = append(files, f)
		}
		return files, nethttp.StatusOK, nil
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		name = "upload" + extFor(ct)
	}
	f, err := save(dir, 0, name, r.Body)
	if err != nil {
		return nil, bodyStatus(err), err
	}
	if fi, err := os.Stat(f.path); err == nil && fi.Size() == 0 {
		return nil, nethttp.StatusBadRequest, errors.New("empty body")
	}
	return []upload{f}, nethttp.StatusOK, nil
}

func bodyStatus(err error) int {
	var mb *nethttp.MaxBytesError
	if errors.As(err, &mb) {
		return nethttp.StatusRequestEntityTooLarge
	}
	return nethttp.StatusBadRequest
}

// save copies r into dir/<n>/<safe name>, so that the ingest package finds the
// format from the extension and the document id from the base name.
func save(dir string, n int, name string, r io.Reader) (upload, error) {
	name = SafeName(name)
	sub := filepath.Join(dir, fmt.Sprint(n))
	if err := os.Mkdir(sub, 0o700); err != nil {
		return upload{}, err
	}
	path := filepath.Join(sub, name)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return upload{}, err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return upload{}, fmt.Errorf("receiving %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		return upload{}, err
	}
	return upload{name: name, path: path}, nil
}

// extFor maps a body's media type to the extension the ingest package reads.
func extFor(ct string) string {
	switch ct {
	case "text/html", "application/xhtml+xml":
		return ".html"
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return ".jsonl"
	case "application/json", "application/feed+json":
		return ".json"
	case "application/rss+xml", "application/atom+xml", "application/xml", "text/xml":
		return ".xml"
	case "application/warc":
		return ".warc"
	case "application/gzip", "application/x-gzip":
		return ".gz"
	case "text/plain":
		return ".txt"
	}
	return "" // sniffed by the ingest package
}

// SafeName turns an uploaded file name into a plain base name: no folders,
// no leading dots, no control or separator characters, at most 150 bytes.
func SafeName(name string) string {
	name = strings.ToValidUTF8(name, "")
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._-+@=,", r):
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('_')
		}
	}
	out := strings.TrimLeft(b.String(), ".")
	for len(out) > 150 {
		// keep the extension(s): cut the middle of the name
		ext := filepath.Ext(out)
		if strings.HasSuffix(out, ".gz") {
			ext = filepath.Ext(strings.TrimSuffix(out, ".gz")) + ".gz"
		}
		if len(ext) > 20 {
			ext = ""
		}
		cut := 150 - len(ext)
		for cut > 0 && !utf8.RuneStart(out[cut]) {
			cut--
		}
		out = out[:cut] + ext
	}
	if out == "" || out == "." || out == ".." {
		out = "upload"
	}
	return out
}
