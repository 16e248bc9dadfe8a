// Command ingestbench measures the sqlite store's ingest throughput on the
// Reuters-21578 SGML files (a directory of reut2-*.sgm.gz), and the speed of a
// few searches afterwards:
//
//	go run ./sqlite/internal/ingestbench -dir /work/shared/data/reuters21578 [-batch 1000] [-db path]
//
// It reports wall-clock docs/s and docs per CPU-second of this process (the
// latter is what the store costs, independent of other load on the machine).
package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/sqlite"
)

var (
	reRecord = regexp.MustCompile(`(?s)<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>`)
	reTitle  = regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
	reBody   = regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
	reDate   = regexp.MustCompile(`<DATE>\s*([^<]*?)\s*</DATE>`)
)

var (
	s   *sqlite.Store
	ctx = context.Background()
)

func main() {
	dir := flag.String("dir", "/work/shared/data/reuters21578", "directory with reut2-*.sgm.gz")
	batch := flag.Int("batch", 1000, "documents per Put")
	dbPath := flag.String("db", "", "database path (default: a fresh temporary file)")
	flag.Parse()

	inputs, err := load(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var bytes int
	for _, in := range inputs {
		bytes += len(in.Text) + len(in.Title)
	}
	fmt.Printf("loaded %d documents with a body, %.1f MB, mean %.0f bytes\n",
		len(inputs), float64(bytes)/1e6, float64(bytes)/float64(len(inputs)))

	path := *dbPath
	if path == "" {
		tmp, err := os.MkdirTemp("", "ingestbench")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer os.RemoveAll(tmp)
		path = filepath.Join(tmp, "accord.db")
	}
	s, err = sqlite.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer s.Close()

	run := func(label string) {
		t0, c0 := time.Now(), cpuTime()
		added := 0
		for i := 0; i < len(inputs); i += *batch {
			j := min(i+*batch, len(inputs))
			n, err := s.Put(ctx, inputs[i:j])
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			added += n
		}
		wall, cpu := time.Since(t0), cpuTime()-c0
		fmt.Printf("%s: added %d in %.2fs wall (%.0f docs/s, %.1f MB/s), %.2fs CPU (%.0f docs/cpu-s)\n",
			label, added, wall.Seconds(), float64(len(inputs))/wall.Seconds(),
			float64(bytes)/1e6/wall.Seconds(), cpu.Seconds(), float64(len(inputs))/cpu.Seconds())
	}
	run("put")
	run("re-put (all skipped)")

	st, err := s.Stats(ctx)
	if err == nil {
		fmt.Printf("store: %d docs, %.1f MB db, %.1f MB wal\n", st.Docs, float64(st.DBBytes)/1e6, float64(st.WALBytes)/1e6)
	}
	searches()
	t0 := time.Now()
	if err := s.Optimize(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("optimize in %.2fs\n", time.Since(t0).Seconds())
	searches()
	t0 = time.Now()
	if err := s.IntegrityCheck(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("integrity check ok in %.2fs\n", time.Since(t0).Seconds())
}

func searches() {
	for _, q := range []string{"oil prices", `"interest rates"`, "wheat OR corn", "bank -loan", "export*"} {
		t0, c0 := time.Now(), cpuTime()
		const reps = 20
		var hits []accord.SearchHit
		var err error
		for r := 0; r < reps; r++ {
			hits, err = s.Search(ctx, q, 20)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		fmt.Printf("search %-20q %2d hits, %.2f ms/query (%.2f ms CPU)\n", q, len(hits),
			float64(time.Since(t0).Microseconds())/1000/reps, float64((cpuTime()-c0).Microseconds())/1000/reps)
	}
}

// load parses every record that has a body. The SGML is read leniently (one
// file is not valid UTF-8: invalid bytes are kept as they are).
func load(dir string) ([]*accord.Input, error) {
	files, err := filepath.Glob(filepath.Join(dir, "reut2-*.sgm.gz"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no reut2-*.sgm.gz in %s", dir)
	}
	sort.Strings(files)
	var out []*accord.Input
	for _, f := range files {
		data, err := readGz(f)
		if err != nil {
			return nil, err
		}
		for _, m := range reRecord.FindAllStringSubmatch(data, -1) {
			rec := m[2]
			body := reBody.FindStringSubmatch(rec)
			if body == nil {
				continue
			}
			in := &accord.Input{
				ID:     "reuters-" + m[1],
				Source: filepath.Base(f) + "#" + m[1],
				Outlet: "Reuters",
				Text:   strings.TrimSpace(html.UnescapeString(body[1])),
			}
			if t := reTitle.FindStringSubmatch(rec); t != nil {
				in.Title = html.UnescapeString(t[1])
			}
			if d := reDate.FindStringSubmatch(rec); d != nil {
				in.Published = d[1]
			}
			out = append(out, in)
		}
	}
	return out, nil
}

func readGz(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return string(b), nil
}
