// Package background reads the background corpus the stories package's
// generated tables are built from (gendf: document frequencies; genlsa:
// related words): Reuters-21578 and the BBC News 2225 texts in the shared
// data folder (see their READMEs for licences). Development tools only.
package background

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/ingest"
)

// Read calls add for every document of the background corpus under data:
// the Reuters-21578 records in file order (title and body), then the BBC
// texts in archive order (no title: the headline is the text's first
// line). Unreadable Reuters records are reported to warn and skipped.
func Read(data string, add func(title, body string), warn func(error)) error {
	files, err := filepath.Glob(filepath.Join(data, "reuters21578", "reut2-*.sgm.gz"))
	if err != nil {
		return err
	}
	err = ingest.Read(context.Background(), files, ingest.Options{}, func(in *accord.Input) error {
		add(in.Title, in.Text)
		return nil
	}, warn)
	if err != nil {
		return err
	}
	name := filepath.Join(data, "bbc-news-2225", "bbc-fulltext.tar.gz")
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if !strings.HasSuffix(h.Name, ".txt") {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return fmt.Errorf("%s: %s: %w", name, h.Name, err)
		}
		add("", string(b))
	}
}
