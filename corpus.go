package accord

import (
	"context"
	"sort"
)

// Options are the analysis options every stage may read.
type Options struct {
	// NoClean takes input text as already clean: no boilerplate removal, so
	// offsets point into the text exactly as given.
	NoClean bool
	// RefDate (YYYY-MM-DD) is the reference date for documents that have no
	// publication date. Empty means none.
	RefDate string
}

// Corpus is the set of documents under analysis plus the corpus-level results
// that the corpus stages add, in order: copies, entities, stories, time,
// quotes, claims, brief.
type Corpus struct {
	Docs    []*Document // sorted by ID
	Options Options

	Links []Link
	// Groups partitions every document ID into independent groups: an original
	// with all its copies. Each group is sorted; groups are sorted by first ID.
	Groups    [][]string
	Stories   []Story
	Entities  []Entity
	Quotes    []Quote
	Timeline  []TimelineItem
	Claims    []Claim
	Conflicts []Conflict
	Brief     Brief

	byID    map[string]*Document
	groupOf map[string]int
}

// NewCorpus builds a corpus over docs, sorted by ID.
func NewCorpus(docs []*Document, opt Options) *Corpus {
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	c := &Corpus{Docs: docs, Options: opt}
	c.reindex()
	return c
}

func (c *Corpus) reindex() {
	c.byID = make(map[string]*Document, len(c.Docs))
	for _, d := range c.Docs {
		c.byID[d.ID] = d
	}
}

// Doc returns the document with the given ID, or nil.
func (c *Corpus) Doc(id string) *Document {
	if c.byID == nil {
		c.reindex()
	}
	return c.byID[id]
}

// SetGroups records the independent groups and indexes them.
func (c *Corpus) SetGroups(groups [][]string) {
	for _, g := range groups {
		sort.Strings(g)
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i][0] < groups[j][0] })
	c.Groups = groups
	c.groupOf = make(map[string]int)
	for i, g := range groups {
		for _, id := range g {
			c.groupOf[id] = i
		}
	}
}

// GroupOf returns the index of the independent group holding id. Documents
// in no group (no copies stage ran) are their own group: a distinct negative
// number per document is returned so that they still count once each.
func (c *Corpus) GroupOf(id string) int {
	if g, ok := c.groupOf[id]; ok {
		return g
	}
	for i, d := range c.Docs {
		if d.ID == id {
			return -1 - i
		}
	}
	return -1 - len(c.Docs)
}

// IndependentCount counts the distinct independent groups among ids.
func (c *Corpus) IndependentCount(ids []string) int {
	seen := map[int]bool{}
	for _, id := range ids {
		seen[c.GroupOf(id)] = true
	}
	return len(seen)
}

// StoryOf returns the ID of the story holding the document, or "".
func (c *Corpus) StoryOf(docID string) string {
	for _, s := range c.Stories {
		for _, d := range s.Documents {
			if d == docID {
				return s.ID
			}
		}
	}
	return ""
}

// DocStage is a per-document stage. It reads the layers it needs and adds its
// own. Implementations must be safe for concurrent use on different documents.
type DocStage interface {
	Name() string
	Annotate(d *Document) error
}

// CorpusStage is a stage that sees the whole corpus.
type CorpusStage interface {
	Name() string
	Analyze(ctx context.Context, c *Corpus) error
}

// Cleaner turns a raw Input into a Document with cleaned Text and metadata.
type Cleaner interface {
	Clean(in *Input, opt Options) (*Document, error)
}

// SearchHit is one full-text search result.
type SearchHit struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Source  string  `json:"source"`
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
}

// Store keeps raw inputs keyed by content hash, and the latest report.
// Implementations: sqlite (default), postgres.
type Store interface {
	// Put adds inputs in one transaction; inputs whose hash is already stored
	// are skipped. It returns how many were new.
	Put(ctx context.Context, inputs []*Input) (added int, err error)
	// Get returns the stored input with the given document ID.
	Get(ctx context.Context, id string) (*Input, error)
	// Each calls fn for every stored input, in ID order.
	Each(ctx context.Context, fn func(*Input) error) error
	// Count returns the number of stored inputs.
	Count(ctx context.Context) (int, error)
	// Search runs a full-text query over titles and text.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	// SaveReport stores the report of the whole store (JSON), replacing the last.
	SaveReport(ctx context.Context, reportJSON []byte, docCount int) error
	// LoadReport returns the last saved report and the document count it covered.
	LoadReport(ctx context.Context) (reportJSON []byte, docCount int, err error)
	Close() error
}

// ErrNotFound is returned by a Store for a missing document or report.
var ErrNotFound = errNotFound{}

type errNotFound struct{}

func (errNotFound) Error() string { return "not found" }

// DocCache is implemented by stores that keep per-document analysis results
// (a Document after the per-document stages, encoded by the pipeline), keyed
// by the input's content hash and a pipeline version. Re-analysis then runs
// the per-document stages only on documents it has not seen.
type DocCache interface {
	// LoadAnnotations returns the cached encodings of the given hashes.
	LoadAnnotations(ctx context.Context, version string, hashes []string) (map[string][]byte, error)
	// SaveAnnotations stores encodings by hash, in one transaction, and may
	// drop those of other versions.
	SaveAnnotations(ctx context.Context, version string, docs map[string][]byte) error
}

// StateStore is implemented by stores that keep the state of corpus stages
// between runs (a copy index, story assignments), so that adding documents
// updates a stage's result without recomputing it from nothing. A stage's
// state is a set of keyed values under one version; a new version replaces
// all of the stage's values.
type StateStore interface {
	// LoadState returns every value stored for stage under version; an
	// empty map when there is none (or only another version's).
	LoadState(ctx context.Context, stage, version string) (map[string][]byte, error)
	// SaveState stores values for stage under version in one transaction.
	// Values of other versions are dropped; with replace, so are all other
	// keys of this stage.
	SaveState(ctx context.Context, stage, version string, values map[string][]byte, replace bool) error
}

// ResumableStage is a CorpusStage that can start from the state it saved in
// an earlier run. The pipeline calls Resume before Analyze (with an empty map
// on a first run) and State after it, and keeps the state in a StateStore.
// Resuming must give the same result as a fresh run on the same documents,
// within the tolerance the stage documents.
type ResumableStage interface {
	CorpusStage
	// StateVersion names the state's format and parameters.
	StateVersion() string
	// Resume hands the stage the state of the last run.
	Resume(state map[string][]byte) error
	// State returns the values to save after Analyze, and whether they
	// replace the stage's earlier values (otherwise they are added).
	State() (values map[string][]byte, replace bool, err error)
}
