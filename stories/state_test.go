package stories

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"testing"

	"github.com/accord-news/accord"
)

// withInput gives a test document the Input its state is keyed by.
func withInput(d *accord.Document) *accord.Document {
	d.Input = &accord.Input{ID: d.ID, Text: d.Text}
	return d
}

func TestResumeAddsDocumentsToEarlierStories(t *testing.T) {
	var old, added []*accord.Document
	for i, b := range quake {
		d := withInput(doc(fmt.Sprintf("q%d", i), "Earthquake hits Northland", b, ""))
		if i < 2 {
			old = append(old, d)
		} else {
			added = append(added, d)
		}
	}
	for i, b := range election {
		d := withInput(doc(fmt.Sprintf("e%d", i), "Southvale election", b, ""))
		if i < 1 {
			old = append(old, d)
		} else {
			added = append(added, d)
		}
	}
	ctx := context.Background()
	first := New()
	if err := first.Resume(map[string][]byte{}); err != nil {
		t.Fatal(err)
	}
	if err := first.Analyze(ctx, corpus(old...)); err != nil {
		t.Fatal(err)
	}
	state, replace, err := first.State()
	if err != nil || !replace || len(state) != 1 {
		t.Fatalf("State() = %d values, replace %v, %v", len(state), replace, err)
	}
	// A resumed run over old and new documents, and a batch run over all.
	resumed := New()
	if err := resumed.Resume(state); err != nil {
		t.Fatal(err)
	}
	all := append(append([]*accord.Document(nil), old...), added...)
	c := corpus(all...)
	if err := resumed.Analyze(ctx, c); err != nil {
		t.Fatal(err)
	}
	batch := corpus(all...)
	if err := New().Analyze(ctx, batch); err != nil {
		t.Fatal(err)
	}
	got, want := storyOf(c), storyOf(batch)
	if len(c.Stories) != len(batch.Stories) {
		t.Fatalf("resumed: %d stories, batch: %d", len(c.Stories), len(batch.Stories))
	}
	for a := range want {
		for b := range want {
			if (got[a] == got[b]) != (want[a] == want[b]) {
				t.Errorf("%s and %s: together %v resumed, %v in batch", a, b, got[a] == got[b], want[a] == want[b])
			}
		}
	}
}

func TestResumeRejectsBadState(t *testing.T) {
	for _, bad := range [][]byte{[]byte("not gzip"), mustEncode(t, "h\tx\n")} {
		if err := New().Resume(map[string][]byte{stateKey: bad}); err == nil {
			t.Errorf("Resume(%q) accepted a bad state", bad)
		}
	}
	if err := New().Resume(map[string][]byte{}); err != nil {
		t.Errorf("Resume(empty) = %v", err)
	}
}

func TestAssignmentsRoundTrip(t *testing.T) {
	in := map[string]int{"abc": 0, "def": 3, "ghi": 3}
	b, err := encodeAssignments(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := decodeAssignments(b)
	if err != nil || len(out) != len(in) {
		t.Fatalf("decode = %v, %v", out, err)
	}
	for k, v := range in {
		if out[k] != v {
			t.Errorf("%s: %d, want %d", k, out[k], v)
		}
	}
}

// mustEncode gzips raw state lines.
func mustEncode(t *testing.T, lines string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(lines)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzResume: a stored state of any bytes is accepted or refused, never a
// panic, and what is accepted seeds a run that still covers every document.
func FuzzResume(f *testing.F) {
	good, _ := encodeAssignments(map[string]int{"abc": 0, "def": 2})
	f.Add(good)
	f.Add([]byte("not gzip"))
	f.Add(mustEncodeF(f, "h\t1\nx\ty\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s := New()
		if err := s.Resume(map[string][]byte{stateKey: b}); err != nil {
			return
		}
		var docs []*accord.Document
		for i, body := range quake {
			docs = append(docs, withInput(doc(fmt.Sprintf("q%d", i), "Earthquake", body, "")))
		}
		c := corpus(docs...)
		if err := s.Analyze(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, st := range c.Stories {
			n += len(st.Documents)
		}
		if n != len(docs) {
			t.Fatalf("stories cover %d of %d documents", n, len(docs))
		}
	})
}

func mustEncodeF(f *testing.F, lines string) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write([]byte(lines))
	if err := zw.Close(); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

// A resumed run with no new document keeps the prior stories as they are:
// merging them again would join more stories on every run over an
// unchanged store. With a new document, the stories are merged as usual.
func TestResumeWithNothingNewKeepsStories(t *testing.T) {
	var docs []*accord.Document
	for i, b := range quake {
		docs = append(docs, withInput(doc(fmt.Sprintf("q%d", i), "Earthquake hits Northland", b, "")))
	}
	// A prior run that kept the first report apart from the other two.
	prior := &Stage{last: map[string]int{docs[0].Input.Hash(): 0, docs[1].Input.Hash(): 1, docs[2].Input.Hash(): 1}}
	state, _, err := prior.State()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		docs    []*accord.Document
		stories int
	}{
		{"nothing new", docs, 2},
		{"one new", append(append([]*accord.Document(nil), docs...),
			withInput(doc("q3", "Earthquake hits Northland", "Aftershocks shook Northland again on Wednesday after Tuesday's earthquake killed twelve people.", ""))), 1},
	} {
		s := New()
		if err := s.Resume(state); err != nil {
			t.Fatal(err)
		}
		c := corpus(tc.docs...)
		if err := s.Analyze(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		if len(c.Stories) != tc.stories {
			t.Errorf("%s: %d stories, want %d (%v)", tc.name, len(c.Stories), tc.stories, storyOf(c))
		}
	}
}

// The events-first pass gives every document a seed too; a batch run must
// still merge those events into stories (it is no resumed run with nothing
// new). With an events threshold no two of these reach, the quake reports
// and the reports of the schools' repairs are two events of one story.
func TestBatchMergesEventsFirstSeeds(t *testing.T) {
	var docs []*accord.Document
	for i, b := range quake {
		docs = append(docs, withInput(doc(fmt.Sprintf("q%d", i), "Earthquake hits Northland", b, "2024-03-05")))
	}
	for i, b := range []string{
		"Schools in Northland reopened on Monday, weeks after the earthquake, as builders repaired damaged classrooms and gyms.",
		"Builders are repairing classrooms in Northland so that schools can reopen after the earthquake, the education minister said.",
	} {
		docs = append(docs, withInput(doc(fmt.Sprintf("r%d", i), "Northland earthquake rebuilding fund", b, "2024-04-05")))
	}
	s := New()
	s.EventsFirst = 0.999
	c := corpus(docs...)
	if err := s.Analyze(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	if len(c.Stories) != 1 {
		t.Errorf("%d stories, want 1 (%v)", len(c.Stories), storyOf(c))
	}
}
