// Package storetest is a conformance suite for accord.Store implementations:
// every store (sqlite, postgres, ...) runs the same tests through Run.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accord-news/accord"
)

// Run runs the conformance tests. open must return a new, empty store for
// each call (e.g. in t.TempDir()); Run closes it.
//
// What a store must do, beyond the accord.Store comments: Each visits IDs in
// byte order (Go string order: COLLATE "C" in PostgreSQL); a new content under
// a stored ID becomes that ID's latest version (Put counts it as added, Count
// does not change, Search sees only the latest); re-putting an older content
// of an ID changes nothing; Search folds case and diacritics, stems English
// words, supports "phrases", prefix*, OR, and -word, never fails on a query
// that has a word, and orders hits by descending Score.
func Run(t *testing.T, open func(t *testing.T) accord.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s accord.Store)
	}{
		{"Empty", testEmpty},
		{"PutIdempotent", testPutIdempotent},
		{"RoundTrip", testRoundTrip},
		{"OddBytes", testOddBytes},
		{"EachOrderAndStop", testEach},
		{"NewVersion", testNewVersion},
		{"Search", testSearch},
		{"SearchHostile", testSearchHostile},
		{"Report", testReport},
		{"CanceledPut", testCanceledPut},
		{"ConcurrentReaders", testConcurrent},
		{"StageState", testStageState},
		{"SameFileNames", testSameFileNames},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}()
			tc.fn(t, s)
		})
	}
}

// vocabulary is a list of common English words for synthetic documents.
var vocabulary = strings.Fields(`the of and to in is was for on that with as by at from
it be has have are an this which or not but after their were been they its also
government market company year people report new said would could first two three
price bank trade city water energy school court police election minister council
season team player music film study health science river mountain village coast
summer winter morning evening week month plan budget tax rate growth sales profit
share loss deal talks meeting agreement statement official spokesman director
president committee union workers farmers students doctors engineers scientists`)

// Inputs returns n deterministic synthetic inputs with IDs prefix0000000...,
// each with a title and about textBytes of text drawn from a fixed vocabulary.
// Every input has a different content hash.
func Inputs(prefix string, n, textBytes int) []*accord.Input {
	r := rand.New(rand.NewSource(int64(len(prefix))*7919 + int64(n)))
	out := make([]*accord.Input, n)
	var b strings.Builder
	for i := range out {
		b.Reset()
		fmt.Fprintf(&b, "Item %s %d. ", prefix, i)
		for b.Len() < textBytes {
			b.WriteString(vocabulary[r.Intn(len(vocabulary))])
			if r.Intn(12) == 0 {
				b.WriteString(". ")
			} else {
				b.WriteByte(' ')
			}
		}
		out[i] = &accord.Input{
			ID:     fmt.Sprintf("%s%07d", prefix, i),
			Source: fmt.Sprintf("synthetic/%s/%d.txt", prefix, i),
			Title:  fmt.Sprintf("%s %s report %d", vocabulary[r.Intn(len(vocabulary))], prefix, i),
			Outlet: "Synthetic",
			Text:   b.String(),
		}
	}
	return out
}

func put(t *testing.T, s accord.Store, in []*accord.Input, wantAdded int) {
	t.Helper()
	got, err := s.Put(context.Background(), in)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if got != wantAdded {
		t.Fatalf("Put added %d, want %d", got, wantAdded)
	}
}

func count(t *testing.T, s accord.Store, want int) {
	t.Helper()
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	if n != want {
		t.Fatalf("Count = %d, want %d", n, want)
	}
}

func ids(t *testing.T, s accord.Store) []string {
	t.Helper()
	var out []string
	if err := s.Each(context.Background(), func(in *accord.Input) error {
		out = append(out, in.ID)
		return nil
	}); err != nil {
		t.Fatalf("Each: %v", err)
	}
	return out
}

func testEmpty(t *testing.T, s accord.Store) {
	ctx := context.Background()
	count(t, s, 0)
	if _, err := s.Get(ctx, "missing"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Get(missing) error = %v, want ErrNotFound", err)
	}
	if _, _, err := s.LoadReport(ctx); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("LoadReport on empty store error = %v, want ErrNotFound", err)
	}
	if got := ids(t, s); len(got) != 0 {
		t.Errorf("Each on empty store visited %v", got)
	}
	hits, err := s.Search(ctx, "market", 10)
	if err != nil || len(hits) != 0 {
		t.Errorf("Search on empty store = %v, %v", hits, err)
	}
	put(t, s, nil, 0)
	put(t, s, []*accord.Input{nil}, 0)
}

func testPutIdempotent(t *testing.T, s accord.Store) {
	a := Inputs("a", 30, 300)
	b := Inputs("b", 20, 300)
	dup := &accord.Input{}
	*dup = *a[0]
	steps := []struct {
		name      string
		batch     []*accord.Input
		wantAdded int
		wantCount int
	}{
		{"first batch", a, 30, 30},
		{"same batch again", a, 0, 30},
		{"half old half new", append(append([]*accord.Input{}, a[:10]...), b[:10]...), 10, 40},
		{"copy of a stored input", []*accord.Input{dup}, 0, 40},
		{"duplicates inside one batch", []*accord.Input{b[10], b[10], b[11], b[11]}, 2, 42},
		{"rest", b, 8, 50},
		{"everything again", append(append([]*accord.Input{}, a...), b...), 0, 50},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			put(t, s, st.batch, st.wantAdded)
			count(t, s, st.wantCount)
		})
	}
	got := ids(t, s)
	if len(got) != 50 || !sort.StringsAreSorted(got) {
		t.Fatalf("Each visited %d ids (sorted=%v), want 50 sorted", len(got), sort.StringsAreSorted(got))
	}
	for i := 1; i < len(got); i++ {
		if got[i] == got[i-1] {
			t.Fatalf("Each visited %q twice", got[i])
		}
	}
}

func testRoundTrip(t *testing.T, s accord.Store) {
	ctx := context.Background()
	cases := []*accord.Input{
		{ID: "full", Source: "dir/full.html", URL: "https://example.org/a?b=c#d", Title: "A title",
			Outlet: "Example", Author: "A. Writer", Published: "2024-03-01T10:00:00Z",
			PublishedBasis: accord.BasisMetadata, HTML: "<html><body><p>Body &amp; soul</p></body></html>"},
		{ID: "txt", Source: "x.txt", Title: "First line", TitleFromText: true, Text: "First line\n\nSecond paragraph."},
		{ID: "unicode ü 東京 🙂", Text: "Zürich, 東京, Ελλάδα, مرحبا — “quotes” and emoji 🙂"},
		{ID: "empty"},
		{ID: "big", Text: strings.Repeat("long text with many words ", 10000)},
	}
	put(t, s, cases, len(cases))
	for _, want := range cases {
		got, err := s.Get(ctx, want.ID)
		if err != nil {
			t.Fatalf("Get(%q): %v", want.ID, err)
		}
		if *got != *want {
			t.Errorf("Get(%q) = %+v\nwant %+v", want.ID, abbrev(got), abbrev(want))
		}
	}
	count(t, s, len(cases))
}

// testOddBytes: invalid UTF-8 and NUL bytes must not make Put fail. A store
// returns them as given, or (where its text type cannot hold them) with
// invalid sequences replaced by U+FFFD and NULs removed; nothing else changes.
// Re-putting the same input adds nothing.
func testOddBytes(t *testing.T, s accord.Store) {
	ctx := context.Background()
	in := []*accord.Input{
		{ID: "bytes", Title: "t\x00t", Text: "invalid \xff\xfe utf-8 and a NUL \x00 byte"},
		{ID: "html-bytes", HTML: "<p>caf\xe9 \x00 ok</p>"},
	}
	put(t, s, in, len(in))
	put(t, s, in, 0)
	for _, want := range in {
		got, err := s.Get(ctx, want.ID)
		if err != nil {
			t.Fatalf("Get(%q): %v", want.ID, err)
		}
		if *got != *want && *got != sanitized(want) {
			t.Errorf("Get(%q) = %#v\nwant %#v", want.ID, *got, *want)
		}
	}
	if _, err := s.Search(ctx, "invalid", 5); err != nil {
		t.Errorf("Search over odd bytes: %v", err)
	}
}

func sanitized(in *accord.Input) accord.Input {
	c := *in
	for _, p := range []*string{&c.ID, &c.Source, &c.URL, &c.Title, &c.Outlet, &c.Author,
		&c.Published, &c.PublishedBasis, &c.Text, &c.HTML} {
		*p = strings.ReplaceAll(strings.ToValidUTF8(*p, "\uFFFD"), "\x00", "")
	}
	return c
}

func abbrev(in *accord.Input) accord.Input {
	c := *in
	if len(c.Text) > 80 {
		c.Text = c.Text[:80] + "..."
	}
	return c
}

func testEach(t *testing.T, s accord.Store) {
	ctx := context.Background()
	in := Inputs("e", 300, 40) // more than one page of a store that pages Each by 256
	r := rand.New(rand.NewSource(1))
	r.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
	put(t, s, in, len(in))
	got := ids(t, s)
	if len(got) != len(in) || !sort.StringsAreSorted(got) {
		t.Fatalf("Each visited %d ids, sorted=%v; want %d sorted", len(got), sort.StringsAreSorted(got), len(in))
	}
	stop := errors.New("stop")
	n := 0
	err := s.Each(ctx, func(in *accord.Input) error {
		n++
		// The store must be usable from inside fn.
		if _, err := s.Get(ctx, in.ID); err != nil {
			t.Errorf("Get inside Each: %v", err)
		}
		if n == 280 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 280 {
		t.Fatalf("Each with stopping fn: err=%v after %d calls, want stop after 280", err, n)
	}
}

func testNewVersion(t *testing.T, s accord.Store) {
	ctx := context.Background()
	v1 := &accord.Input{ID: "doc", Title: "Old title", Text: "The harbour bridge opened in spring."}
	v2 := &accord.Input{ID: "doc", Title: "New title", Text: "The harbour bridge closed for repairs."}
	other := &accord.Input{ID: "other", Text: "Unrelated text about gardens."}
	steps := []struct {
		name      string
		batch     []*accord.Input
		wantAdded int
		wantTitle string
	}{
		{"first version", []*accord.Input{v1, other}, 2, "Old title"},
		{"new content under the same id", []*accord.Input{v2}, 1, "New title"},
		{"new version again", []*accord.Input{v2}, 0, "New title"},
		{"old content again is not newer", []*accord.Input{v1}, 0, "New title"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			put(t, s, st.batch, st.wantAdded)
			count(t, s, 2)
			got, err := s.Get(ctx, "doc")
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != st.wantTitle {
				t.Errorf("Get(doc).Title = %q, want %q", got.Title, st.wantTitle)
			}
		})
	}
	if got := ids(t, s); strings.Join(got, ",") != "doc,other" {
		t.Errorf("Each = %v, want [doc other]", got)
	}
	// Search sees the latest version only.
	for q, want := range map[string]int{"repairs": 1, "opened": 0, `"new title"`: 1, `"old title"`: 0} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) != want {
			t.Errorf("Search(%q) = %d hits, want %d: %+v", q, len(hits), want, hits)
		}
	}
	// Two versions of one id inside one batch: the later one wins.
	put(t, s, []*accord.Input{{ID: "pair", Text: "first"}, {ID: "pair", Text: "second"}}, 2)
	got, err := s.Get(ctx, "pair")
	if err != nil || got.Text != "second" {
		t.Errorf("Get(pair) = %+v, %v; want the second", got, err)
	}
}

func searchCorpus() []*accord.Input {
	return []*accord.Input{
		{ID: "d1", Source: "d1.txt", Title: "Flood warning for the river valley",
			Text: "Heavy rain caused the river to rise. Residents of the valley were told to leave their homes."},
		{ID: "d2", Source: "d2.txt", Title: "Budget talks resume",
			Text: "The council met on Tuesday to discuss the budget. A spokesman said the talks were constructive."},
		{ID: "d3", Source: "d3.html", Title: "Orchestra season opens",
			HTML: `<html><head><title>x</title><style>.violin{color:red}</style></head><body>
				<script>var hidden = "saxophone";</script><p>The orchestra&#39;s new season opens with a violin concerto.</p>
				<!-- trumpet --></body></html>`},
		{ID: "d4", Source: "d4.txt", Title: "Café reopens",
			Text: "The café in the old town reopened after renovation works costing 2.5 million."},
	}
}

func testSearch(t *testing.T, s accord.Store) {
	ctx := context.Background()
	put(t, s, searchCorpus(), 4)
	cases := []struct {
		query string
		want  []string // expected IDs, in any order
	}{
		{"river", []string{"d1"}},
		{"RIVER valley", []string{"d1"}},
		{"flood", []string{"d1"}},           // title only
		{"violin concerto", []string{"d3"}}, // text of an HTML-only document
		{"saxophone", nil},                  // inside <script>
		{"trumpet", nil},                    // inside a comment
		{"talks", []string{"d2"}},
		{`"budget talks"`, []string{"d2"}},
		{`"talks budget"`, nil},
		{"budg*", []string{"d2"}},
		{"river OR orchestra", []string{"d1", "d3"}},
		{"river AND orchestra", nil},
		{"valley OR budget OR orchestra -river", []string{"d2", "d3"}},
		{"cafe", []string{"d4"}}, // diacritics folded
		{"café", []string{"d4"}},
		{"zebra", nil},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			hits, err := s.Search(ctx, tc.query, 10)
			if err != nil {
				t.Fatalf("Search(%q): %v", tc.query, err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.ID)
				if h.Snippet == "" {
					t.Errorf("hit %s has no snippet", h.ID)
				}
			}
			sort.Strings(got)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("Search(%q) = %v, want %v", tc.query, got, tc.want)
			}
			for i := 1; i < len(hits); i++ {
				if hits[i].Score > hits[i-1].Score {
					t.Errorf("hits not sorted by score: %v", hits)
				}
			}
		})
	}
	hits, err := s.Search(ctx, "river", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search(river) = %v, %v", hits, err)
	}
	h := hits[0]
	if h.Title != "Flood warning for the river valley" || h.Source != "d1.txt" || !strings.Contains(strings.ToLower(h.Snippet), "river") {
		t.Errorf("hit = %+v", h)
	}
	// The limit is honoured.
	if hits, err := s.Search(ctx, "valley OR budget OR orchestra OR café", 2); err != nil || len(hits) != 2 {
		t.Errorf("Search(four words, limit 2) = %d hits, %v; want 2", len(hits), err)
	}
}

// HostileQueries are query strings that break naive FTS handling.
var HostileQueries = []string{
	``, ` `, `"`, `""`, `"""`, `*`, `**`, `-`, `--`, `(`, `)`, `()`, `(((`, `)))`,
	`AND`, `OR`, `NOT`, `AND OR NOT`, `river AND`, `OR river`, `NOT river`, `river NOT`,
	`river OR OR valley`, `river NOT NOT valley`, `-river`, `- river`, `river -`,
	`"river`, `river"`, `"river" "`, `ri"ver`, `river*`, `*river`, `ri*ver`, `"river"*`,
	`river:valley`, `title:river`, `body:`, `:`, `{river}`, `[river]`, `river^`, `^river`,
	`NEAR(river valley, 2)`, `NEAR(`, `river + valley`, `+river`, `'river'`, `river'`,
	`'; DROP TABLE docs; --`, `%`, `_`, `\`, `\"`, `\x00`, "river\x00valley", "\xff\xfe",
	"rive\xffr", `🙂`, `東京`, `ü`, "\u200b", "\u0301", `&amp;`, `<b>river</b>`,
	strings.Repeat("river ", 2000), strings.Repeat(`"`, 1001), strings.Repeat("(", 5000),
	strings.Repeat("a OR ", 500), strings.Repeat("-x ", 300), strings.Repeat("é", 3000),
}

func testSearchHostile(t *testing.T, s accord.Store) {
	ctx := context.Background()
	put(t, s, searchCorpus(), 4)
	for i, q := range HostileQueries {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			hits, err := s.Search(ctx, q, 5)
			if err != nil && len(hits) > 0 {
				t.Errorf("Search(%q) returned hits and an error", q)
			}
			if err != nil && hasWord(q) && !onlyNegated(q) {
				t.Errorf("Search(%q) error: %v (a query with words must not fail)", q, err)
			}
		})
	}
}

func hasWord(q string) bool {
	for _, f := range strings.FieldsFunc(q, func(r rune) bool { return strings.ContainsRune(" \"()*-+:", r) }) {
		switch f {
		case "AND", "OR", "NOT":
			continue
		}
		for _, r := range f {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				return true
			}
		}
	}
	return false
}

// onlyNegated reports queries like "-river" or "NOT river": no positive term.
func onlyNegated(q string) bool {
	q = strings.TrimSpace(q)
	return strings.HasPrefix(q, "-") || strings.HasPrefix(q, "NOT") || strings.HasPrefix(q, "- ")
}

func testReport(t *testing.T, s accord.Store) {
	ctx := context.Background()
	steps := []struct {
		json  string
		count int
	}{
		{`{"version":1,"documents":[]}`, 0},
		{`{"version":1,"documents":[{"id":"a"}]}`, 1},
		{``, 7},
		{`{"version":1,"brief":{"text":"` + strings.Repeat("x", 100000) + `"}}`, 3},
	}
	for i := 0; i < 3; i++ { // more saves than any history a store may keep
		steps = append(steps, steps...)
	}
	for i, st := range steps {
		if err := s.SaveReport(ctx, []byte(st.json), st.count); err != nil {
			t.Fatalf("SaveReport %d: %v", i, err)
		}
		js, n, err := s.LoadReport(ctx)
		if err != nil {
			t.Fatalf("LoadReport %d: %v", i, err)
		}
		if string(js) != st.json || n != st.count {
			t.Fatalf("LoadReport %d = %.60q, %d; want %.60q, %d", i, js, n, st.json, st.count)
		}
	}
}

func testCanceledPut(t *testing.T, s accord.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if n, err := s.Put(ctx, Inputs("c", 10, 100)); err == nil {
		t.Errorf("Put with a canceled context added %d and no error", n)
	}
	count(t, s, 0)
}

func testConcurrent(t *testing.T, s accord.Store) {
	ctx := context.Background()
	const batches, per = 6, 40
	all := Inputs("w", batches*per, 300)
	put(t, s, all[:per], per)
	var wg sync.WaitGroup
	done := make(chan struct{})
	errc := make(chan error, 16)
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			last := 0
			for {
				select {
				case <-done:
					return
				default:
				}
				n, err := s.Count(ctx)
				if err != nil {
					errc <- fmt.Errorf("reader %d Count: %w", r, err)
					return
				}
				if n < last || n%per != 0 {
					errc <- fmt.Errorf("reader %d saw count %d after %d: not whole batches", r, n, last)
					return
				}
				last = n
				time.Sleep(time.Millisecond) // leave the writer some CPU
				if _, err := s.Get(ctx, all[r].ID); err != nil {
					errc <- fmt.Errorf("reader %d Get: %w", r, err)
					return
				}
				if _, err := s.Search(ctx, "market OR budget", 5); err != nil {
					errc <- fmt.Errorf("reader %d Search: %w", r, err)
					return
				}
			}
		}(r)
	}
	for b := 1; b < batches; b++ {
		if _, err := s.Put(ctx, all[b*per:(b+1)*per]); err != nil {
			t.Errorf("writer batch %d: %v", b, err)
			break
		}
	}
	close(done)
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
	count(t, s, batches*per)
}

// testStageState checks accord.StateStore, for stores that implement it:
// values round-trip, adding keeps other keys, replace drops them, a new
// version drops the old one's values, and stages do not see each other.
func testStageState(t *testing.T, s accord.Store) {
	ss, ok := s.(accord.StateStore)
	if !ok {
		t.Skip("store does not implement accord.StateStore")
	}
	ctx := context.Background()
	load := func(stage, version string) map[string]string {
		t.Helper()
		m, err := ss.LoadState(ctx, stage, version)
		if err != nil {
			t.Fatalf("LoadState(%s, %s): %v", stage, version, err)
		}
		out := map[string]string{}
		for k, v := range m {
			out[k] = string(v)
		}
		return out
	}
	save := func(stage, version string, kv map[string]string, replace bool) {
		t.Helper()
		m := map[string][]byte{}
		for k, v := range kv {
			m[k] = []byte(v)
		}
		if err := ss.SaveState(ctx, stage, version, m, replace); err != nil {
			t.Fatalf("SaveState(%s, %s): %v", stage, version, err)
		}
	}
	check := func(got, want map[string]string) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("state = %v, want %v", got, want)
		}
		for k, v := range want {
			if got[k] != v {
				t.Fatalf("state = %v, want %v", got, want)
			}
		}
	}
	check(load("a", "v1"), map[string]string{})
	save("a", "v1", map[string]string{"k1": "one", "k2": "", "odd \u00e9/key": "\x00\xff"}, false)
	save("b", "v1", map[string]string{"k1": "other stage"}, false)
	check(load("a", "v1"), map[string]string{"k1": "one", "k2": "", "odd \u00e9/key": "\x00\xff"})
	save("a", "v1", map[string]string{"k3": "three", "k1": "uno"}, false)
	check(load("a", "v1"), map[string]string{"k1": "uno", "k2": "", "k3": "three", "odd \u00e9/key": "\x00\xff"})
	save("a", "v1", map[string]string{"k4": "four"}, true)
	check(load("a", "v1"), map[string]string{"k4": "four"})
	save("a", "v2", map[string]string{"k5": "five"}, false)
	check(load("a", "v1"), map[string]string{})
	check(load("a", "v2"), map[string]string{"k5": "five"})
	check(load("b", "v1"), map[string]string{"k1": "other stage"})
	save("b", "v1", nil, true)
	check(load("b", "v1"), map[string]string{})
}

// testSameFileNames checks that files of one name from different folders are
// different documents (accord.ResolveNameIDs), idempotently, while a file
// edited in place and an item with a stated ID still become new versions.
func testSameFileNames(t *testing.T, s accord.Store) {
	ctx := context.Background()
	file := func(src, text string) *accord.Input {
		return &accord.Input{ID: "001", Source: src, Title: "T", Text: text, IDFromName: true}
	}
	put(t, s, []*accord.Input{file("c/business/001.txt", "one"), file("c/sport/001.txt", "two")}, 2)
	put(t, s, []*accord.Input{file("c/tech/001.txt", "three")}, 1)
	count(t, s, 3)
	// Again: nothing new, and the same IDs.
	again := []*accord.Input{file("c/business/001.txt", "one"), file("c/sport/001.txt", "two"), file("c/tech/001.txt", "three")}
	put(t, s, again, 0)
	for i, want := range []string{"001", "001~sport", "001~tech"} {
		if again[i].ID != want {
			t.Errorf("re-put %s: id %q, want %q", again[i].Source, again[i].ID, want)
		}
		in, err := s.Get(ctx, want)
		if err != nil || in.Source != again[i].Source {
			t.Errorf("Get(%s) = %+v, %v; want source %s", want, in, err, again[i].Source)
		}
	}
	// An edited file is its own new version.
	put(t, s, []*accord.Input{file("c/sport/001.txt", "two, edited")}, 1)
	count(t, s, 3)
	if in, err := s.Get(ctx, "001~sport"); err != nil || in.Text != "two, edited" {
		t.Errorf("edited file: %+v, %v", in, err)
	}
	// A stated ID from another source is a new version, as for a feed item.
	put(t, s, []*accord.Input{{ID: "001", Source: "feed.xml", Title: "T", Text: "four"}}, 1)
	count(t, s, 3)
}
