package copies

import (
	"reflect"
	"testing"
)

// A vdoc rebuilt in the room of another document's (as the prepared-document
// cache reuses evicted ones) equals one built from scratch, including what
// is computed on first use (sense index, clauses, fingerprint).
func TestPrepareIntoReusedVdoc(t *testing.T) {
	docs := loadDir(t, "testdata/seeds")
	cache := newWordCache()
	build := func(v *vdoc, i int) *vdoc {
		d := docs[i]
		var info []*senseInfo
		var buf []word
		if v != nil {
			buf, info = v.words, v.info[:0]
		}
		words := tokenizeInto(buf, d.Text, d.Sentences, cache, &info)
		if i%2 == 1 {
			info = nil // the path of a new document: senses looked up again
		}
		v = prepareInto(v, d, words, info, cache)
		v.idxOnce.Do(v.senseIndex)
		v.clauses()
		v.fingerprint()
		return v
	}
	fields := func(v *vdoc) []any {
		return []any{v.doc, v.words, v.info, v.sents, v.units, v.sortS, v.sortU, v.known, v.fp, v.lid, v.nl, v.own, v.ext}
	}
	var reused *vdoc
	for round := 0; round < 3; round++ {
		for i := range docs {
			j := (i*7 + round) % len(docs)
			want := fields(build(nil, j))
			reused = build(reused, j)
			if got := fields(reused); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, document %s: a reused vdoc differs from a new one", round, docs[j].ID)
			}
		}
	}
}

// With a prepared-document cache of two, documents are evicted and their
// room reused in nearly every batch: the links and groups are those of one
// batch (run with -race: released vdocs must not be in use).
func TestEvictionAndReuseKeepLinks(t *testing.T) {
	docs := append(fixtureDocs(), loadDir(t, "testdata/seeds")...)
	batch := NewIndex()
	batch.AddBatch(docs)
	wantLinks, wantGroups := batch.Links(), batch.Groups()
	for _, size := range []int{1, 2, 3} {
		x := NewIndex()
		x.Workers = 2
		x.prep = newPrepCache(x.cache)
		x.prep.limit = 2
		for i := 0; i < len(docs); i += size {
			x.AddBatch(docs[i:min(i+size, len(docs))])
		}
		if len(x.prep.free) == 0 {
			t.Errorf("batches of %d: nothing was released for reuse", size)
		}
		if got := x.Links(); !reflect.DeepEqual(got, wantLinks) {
			t.Errorf("batches of %d: links differ\n got %v\nwant %v", size, got, wantLinks)
		}
		if got := x.Groups(); !reflect.DeepEqual(got, wantGroups) {
			t.Errorf("batches of %d: groups differ", size)
		}
	}
}
