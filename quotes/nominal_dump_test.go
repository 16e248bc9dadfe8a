package quotes

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/accord-news/accord"
)

// TestNominalDump (QUOTES_NOMINAL_DUMP=DIR, a tree of .txt files) logs every
// nominal speaker judged and whether it can speak, with its context: for
// reading the source check by hand on a real corpus.
func TestNominalDump(t *testing.T) {
	dir := os.Getenv("QUOTES_NOMINAL_DUMP")
	if dir == "" {
		t.Skip("QUOTES_NOMINAL_DUMP not set")
	}
	var files []string
	_ = filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	var mu sync.Mutex
	var out []string
	cur := ""
	traceNominal = func(x *docCtx, sp accord.Span, ok bool) {
		lo, hi := max(0, sp.Start-60), min(len(x.txt), sp.End+40)
		ctx := strings.ReplaceAll(x.txt[lo:sp.Start]+"[["+x.txt[sp.Start:sp.End]+"]]"+x.txt[sp.End:hi], "\n", " ")
		mu.Lock()
		out = append(out, map[bool]string{true: "KEEP", false: "DROP"}[ok]+"\t"+cur+"\t"+x.txt[sp.Start:sp.End]+"\t"+ctx)
		mu.Unlock()
	}
	defer func() { traceNominal = nil }()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cur = strings.TrimPrefix(f, dir)
		annotate(t, cur, string(b))
	}
	if err := os.WriteFile(os.Getenv("QUOTES_NOMINAL_OUT"), []byte(strings.Join(out, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
