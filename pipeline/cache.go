package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"sync"

	"github.com/accord-news/accord"
)

// Version identifies the per-document stages' code for the annotation cache:
// the SHA-256 of the running executable, so that any rebuild (a new model, a
// changed stage) invalidates cached annotations. Options that change
// per-document output are added by cacheVersion.
var Version = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err == nil {
		if f, err := os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err == nil {
				return hex.EncodeToString(h.Sum(nil))[:20]
			}
		}
	}
	return "unversioned"
})

func cacheVersion(opt accord.Options) string {
	v := Version()
	if opt.NoClean {
		v += "+noclean"
	}
	return v
}

// encodeDoc serializes a document after the per-document stages.
func encodeDoc(d *accord.Document) ([]byte, error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err := json.NewEncoder(zw).Encode(d); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decodeDoc restores a cached document. Its tokens are not restored: no
// corpus stage needs them (see release).
func decodeDoc(b []byte, in *accord.Input) (*accord.Document, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	var d accord.Document
	if err := json.NewDecoder(zr).Decode(&d); err != nil {
		return nil, err
	}
	d.Input = in
	return &d, nil
}

// loadCached returns the cached documents for inputs, by input index.
func (p *Pipeline) loadCached(ctx context.Context, inputs []*accord.Input, version string) (map[int]*accord.Document, []string) {
	hashes := make([]string, len(inputs))
	for i, in := range inputs {
		hashes[i] = in.Hash()
	}
	out := map[int]*accord.Document{}
	if p.Cache == nil {
		return out, hashes
	}
	got, err := p.Cache.LoadAnnotations(ctx, version, hashes)
	if err != nil {
		return out, hashes
	}
	for i, h := range hashes {
		if b, ok := got[h]; ok {
			if d, err := decodeDoc(b, inputs[i]); err == nil {
				out[i] = d
			}
		}
	}
	return out, hashes
}
