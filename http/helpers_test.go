package http

import (
	"context"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/accord-news/accord"
)

// memStore is an in-memory accord.Store for tests.
type memStore struct {
	mu     sync.Mutex
	inputs map[string]*accord.Input
	hashes map[string]bool
	report []byte
	count  int
}

func newMemStore() *memStore {
	return &memStore{inputs: map[string]*accord.Input{}, hashes: map[string]bool{}}
}

func (m *memStore) Put(_ context.Context, ins []*accord.Input) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, in := range ins {
		h := in.Hash()
		if m.hashes[h] {
			continue
		}
		m.hashes[h] = true
		m.inputs[in.ID] = in
		n++
	}
	return n, nil
}

func (m *memStore) Get(_ context.Context, id string) (*accord.Input, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if in, ok := m.inputs[id]; ok {
		return in, nil
	}
	return nil, accord.ErrNotFound
}

func (m *memStore) Each(_ context.Context, fn func(*accord.Input) error) error {
	m.mu.Lock()
	ids := make([]string, 0, len(m.inputs))
	for id := range m.inputs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	ins := make([]*accord.Input, len(ids))
	for i, id := range ids {
		ins[i] = m.inputs[id]
	}
	m.mu.Unlock()
	for _, in := range ins {
		if err := fn(in); err != nil {
			return err
		}
	}
	return nil
}

func (m *memStore) Count(context.Context) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.inputs), nil
}

func (m *memStore) Search(_ context.Context, q string, limit int) ([]accord.SearchHit, error) {
	var hits []accord.SearchHit
	q = strings.ToLower(q)
	err := m.Each(context.Background(), func(in *accord.Input) error {
		if len(hits) < limit && strings.Contains(strings.ToLower(in.Title+" "+in.Text), q) {
			hits = append(hits, accord.SearchHit{ID: in.ID, Title: in.Title, Source: in.Source, Snippet: in.Text[:min(80, len(in.Text))], Score: 1})
		}
		return nil
	})
	return hits, err
}

func (m *memStore) SaveReport(_ context.Context, b []byte, n int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.report, m.count = b, n
	return nil
}

func (m *memStore) LoadReport(context.Context) ([]byte, int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.report == nil {
		return nil, 0, accord.ErrNotFound
	}
	return m.report, m.count, nil
}

func (m *memStore) Close() error { return nil }

// simpleAnalyze builds a plain report: one document per input, all in one story.
func simpleAnalyze(_ context.Context, ins []*accord.Input) (*accord.Report, error) {
	r := emptyReport()
	st := accord.Story{ID: "S1", Title: "Everything", Documents: []string{}, IndependentGroups: [][]string{}}
	for _, in := range ins {
		r.Documents = append(r.Documents, accord.ReportDocument{ID: in.ID, Source: in.Source, Title: in.Title,
			Text: in.Text, PublishedBasis: accord.BasisUnknown, Removed: []accord.Removed{}})
		st.Documents = append(st.Documents, in.ID)
		st.IndependentGroups = append(st.IndependentGroups, []string{in.ID})
	}
	if len(ins) > 0 {
		r.Stories = append(r.Stories, st)
	}
	return r, nil
}

func fixtureReport(t testing.TB) *accord.Report {
	t.Helper()
	b, err := os.ReadFile("testdata/report.json")
	if err != nil {
		t.Fatal(err)
	}
	var r accord.Report
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

// fixtureServer serves the fixture report over a store holding its documents.
func fixtureServer(t testing.TB, opt Options) (*Server, *memStore) {
	t.Helper()
	st := newMemStore()
	r := fixtureReport(t)
	var ins []*accord.Input
	for _, d := range r.Documents {
		ins = append(ins, &accord.Input{ID: d.ID, Source: d.Source, Title: d.Title, Text: d.Text})
	}
	if _, err := st.Put(context.Background(), ins); err != nil {
		t.Fatal(err)
	}
	s := NewServer(st, simpleAnalyze, opt)
	s.SetReport(r)
	return s, st
}
