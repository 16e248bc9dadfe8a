// Package accord holds Accord's domain types: the Document with its annotation
// layers, the corpus-level results, the Report that the contract specifies, and
// the interfaces (Store, DocStage, CorpusStage) that the subpackages implement.
//
// The root package has no outside dependencies. Every stage lives in its own
// subpackage and reads the layers it needs and adds its own; nothing rewrites a
// document's Text after cleaning, so every Span stays true from the first stage
// to the JSON report.
package accord

import (
	"crypto/sha256"
	"encoding/hex"
)

// Publication-date bases, as the contract names them.
const (
	BasisMetadata = "metadata"
	BasisText     = "text"
	BasisInferred = "inferred"
	BasisUnknown  = "unknown"
)

// Removal reasons for boilerplate taken out of a document (contract enum).
const (
	ReasonBoilerplate   = "boilerplate"
	ReasonAdvertisement = "advertisement"
	ReasonNavigation    = "navigation"
	ReasonRelatedLink   = "related_link"
	ReasonCaption       = "caption"
	ReasonMetadata      = "metadata"
	ReasonOther         = "other"
)

// Span is a half-open byte range [Start, End) into a Document's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Input is one raw document as a reader found it, before cleaning. Exactly one
// of Text and HTML is normally set. Metadata fields are whatever the container
// (feed item, JSONL record, WARC header, leading "date" line) stated.
type Input struct {
	ID             string `json:"id"`
	Source         string `json:"source"`
	URL            string `json:"url,omitempty"`
	Title          string `json:"title,omitempty"`
	Outlet         string `json:"outlet,omitempty"`
	Author         string `json:"author,omitempty"`
	Published      string `json:"published,omitempty"`
	PublishedBasis string `json:"published_basis,omitempty"`
	// TitleFromText is set for plain-text inputs whose title is the first line
	// of Text (the contract's .txt rule). Clean keeps that line out of the body.
	TitleFromText bool   `json:"title_from_text,omitempty"`
	Text          string `json:"text,omitempty"`
	HTML          string `json:"html,omitempty"`
	// IDFromName is set when ID is a file's base name (the contract's rule
	// for files), not an ID the input states: two files of one name in
	// different folders are then two documents (see ResolveNameIDs).
	IDFromName bool `json:"id_from_name,omitempty"`
}

// Hash is the content hash that keys an Input in a store: SHA-256 over its
// identity and content, so re-ingesting the same file adds nothing.
func (in *Input) Hash() string {
	h := sha256.New()
	for _, s := range []string{in.ID, in.URL, in.Title, in.Outlet, in.Published, in.Text, in.HTML} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TextID is the contract's fallback id: the first 16 hex digits of the SHA-256
// of the text.
func TextID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])[:16]
}

// Removed is a piece of boilerplate taken out of a document during cleaning.
type Removed struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Token is one word or punctuation token.
type Token struct {
	Span
	// Lower is the lower-cased token text (ASCII fast path, Unicode otherwise).
	Lower string
}

// Mention kinds.
const (
	MentionName    = "name"
	MentionPronoun = "pronoun"
	MentionNominal = "nominal"
)

// Mention is an entity mention found in one document.
type Mention struct {
	Span
	Text string `json:"text"`
	// Type is PERSON, ORG, GPE, LOC, NORP, EVENT, LAW or OTHER.
	Type string `json:"type"`
	// Kind is MentionName, MentionPronoun or MentionNominal.
	Kind string `json:"kind"`
	// Chain groups the mentions of one entity within the document
	// (within-document coreference); -1 where unknown.
	Chain int `json:"chain"`
	// EntityID is the canonical cross-document entity, set by the corpus stage.
	EntityID string `json:"entity_id,omitempty"`
}

// RoleMention is a title or position that a document gives a person
// ("Deputy Secretary of State" for "Jane Smith").
type RoleMention struct {
	Span                // the role text in the document
	Mention      int    // index into Document.Mentions of the holder
	Role         string // normalized role, e.g. "Deputy Secretary of State"
	Organization string // e.g. "US", "NATO"; empty where unstated
}

// Timex is a TIMEX3 time expression found in one document.
type Timex struct {
	Span
	Text  string `json:"text"`
	Type  string `json:"type"`  // DATE, TIME, DURATION, SET
	Value string `json:"value"` // TIMEX3 value relative to the document date
}

// QuoteMention is a direct (or indirect) quote in one document.
type QuoteMention struct {
	Span               // the quoted content, without the quote marks
	Text        string // Text[Start:End]
	Speaker     int    // index into Document.Mentions of the stated speaker; -1 if none
	SpeakerText string // the speaker as written, where no mention covers it
	Partial     bool   // a fragment quoted inside a sentence
	Direct      bool   // false for indirect speech
	Cue         Span   // the attribution cue ("said", "told reporters"), if found
	// SpeakerSpan is the speaker as the text names it near the quote (a name,
	// pronoun or nominal), or the named mention it was resolved to; zero if none.
	SpeakerSpan Span
	// Fragments are the quoted parts (without marks) of a mixed quote, whose
	// Span is a whole reported clause with quoted words inside; nil otherwise.
	Fragments []Span
}

// Quantity is a normalized numeric statement.
type Quantity struct {
	Span
	Text        string  `json:"text"`
	Value       float64 `json:"value"`
	Low, High   float64 // bounds, equal to Value when exact
	Approximate bool    `json:"approximate"`
	Unit        string  `json:"unit"`   // "USD", "%", "km", ... ; empty for plain counts
	Counts      string  `json:"counts"` // what is counted, e.g. "troops"
}

// Citation is a report relaying another outlet ("according to TASS").
type Citation struct {
	Span
	Outlet string
}

// Document is one article: metadata, the cleaned text, and the annotation
// layers that the per-document stages add. All spans are byte offsets into Text.
type Document struct {
	ID             string
	Source         string
	URL            string
	Title          string
	Outlet         string
	Author         string
	Published      string // ISO date or datetime, empty when unknown
	PublishedBasis string
	Language       string
	Text           string
	Removed        []Removed

	// Layers.
	Paragraphs []Span
	Sentences  []Span
	Tokens     []Token `json:"-"` // recomputed, not cached: cheap and bulky
	Mentions   []Mention
	Roles      []RoleMention
	Timexes    []Timex
	Quotes     []QuoteMention
	Quantities []Quantity
	Citations  []Citation

	// Input is the raw input the document came from (kept for re-analysis).
	Input *Input `json:"-"`
}

// Slice returns the document text covered by s, or "" when s is out of range.
func (d *Document) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// SentenceAt returns the index of the sentence containing byte offset off, or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}
