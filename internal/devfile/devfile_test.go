package devfile

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "a.jsonl")
	gz := filepath.Join(dir, "a.jsonl.gz")
	bad := filepath.Join(dir, "bad.gz")
	want := []byte("{\"id\":\"1\"}\n")
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(want)
	zw.Close()
	for p, data := range map[string][]byte{plain: want, gz: b.Bytes(), bad: []byte("not gzip")} {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		path  string
		limit int64
		want  string
		err   bool
	}{
		{plain, 1 << 20, string(want), false},
		{gz, 1 << 20, string(want), false},
		{gz, 3, string(want[:3]), false},
		{bad, 1 << 20, "", true},
		{filepath.Join(dir, "missing"), 1 << 20, "", true},
	} {
		got, err := ReadAll(tc.path, tc.limit)
		if (err != nil) != tc.err || string(got) != tc.want {
			t.Errorf("ReadAll(%s, %d) = %q, %v; want %q, error %v", filepath.Base(tc.path), tc.limit, got, err, tc.want, tc.err)
		}
	}
}
