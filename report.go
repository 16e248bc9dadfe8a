package accord

import "strings"

// The types below are the contract's report (../shared/contract/report.schema.json),
// field for field. New fields may be added; existing ones never change meaning.

// ReportVersion is the contract version.
const ReportVersion = 1

// Link kinds.
const (
	LinkExact        = "exact_duplicate"
	LinkNear         = "near_duplicate"
	LinkSpun         = "spun_copy"
	LinkSharesQuotes = "shares_quotes"
	LinkCites        = "cites"
)

// Claim statuses.
const (
	StatusCorroborated = "corroborated"
	StatusSingle       = "single_source"
	StatusDisputed     = "disputed"
)

// Conflict kinds.
const (
	ConflictSpeaker = "speaker"
	ConflictRole    = "role"
	ConflictNumber  = "number"
	ConflictDate    = "date"
	ConflictName    = "name"
	ConflictOther   = "other"
)

// SpanRef is a span in a named document, with its text (the contract's $defs/span).
type SpanRef struct {
	Document string `json:"document"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
}

// Report is the whole analysis, as the contract specifies it.
type Report struct {
	Version             int              `json:"version"`
	Documents           []ReportDocument `json:"documents"`
	Links               []Link           `json:"links"`
	Stories             []Story          `json:"stories"`
	Entities            []Entity         `json:"entities"`
	Quotes              []Quote          `json:"quotes"`
	TemporalExpressions []ReportTimex    `json:"temporal_expressions"`
	Timeline            []TimelineItem   `json:"timeline"`
	Quantities          []ReportQuantity `json:"quantities"`
	Claims              []Claim          `json:"claims"`
	Conflicts           []Conflict       `json:"conflicts"`
	Brief               Brief            `json:"brief"`
}

// ReportDocument is a document as the report shows it.
type ReportDocument struct {
	ID             string    `json:"id"`
	Source         string    `json:"source"`
	Title          string    `json:"title"`
	Outlet         *string   `json:"outlet"`
	Author         *string   `json:"author,omitempty"`
	URL            *string   `json:"url"`
	Published      *string   `json:"published"`
	PublishedBasis string    `json:"published_basis"`
	Language       string    `json:"language,omitempty"`
	Text           string    `json:"text"`
	Removed        []Removed `json:"removed"`
}

// Link is a document-to-document relation.
type Link struct {
	From     string   `json:"from"`
	To       string   `json:"to"`
	Kind     string   `json:"kind"`
	Score    float64  `json:"score"`
	Evidence []string `json:"evidence,omitempty"`
	// Outlet names the relayed outlet for a cites link whose target is outside
	// the corpus (then To is "outlet:<name>").
	Outlet string `json:"outlet,omitempty"`
}

// Story is a cluster of documents about one story.
type Story struct {
	ID                string     `json:"id"`
	Title             string     `json:"title"`
	Documents         []string   `json:"documents"`
	IndependentGroups [][]string `json:"independent_groups"`
	FirstDate         *string    `json:"first_date"`
	LastDate          *string    `json:"last_date"`
	// Events are the sub-clusters (ECB+ sub-topics) within the story.
	Events []Event `json:"events,omitempty"`
}

// Event is a sub-cluster of a story.
type Event struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Documents []string `json:"documents"`
}

// Role is a title attributed to an entity, with the documents that say so.
type Role struct {
	Role         string   `json:"role"`
	Organization *string  `json:"organization"`
	Documents    []string `json:"documents"`
}

// Entity is a canonical cross-document entity.
type Entity struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases"`
	// SpunAliases are the aliases (also in Aliases) that occur only in
	// machine-spun copies, where a spinner's synonyms garbled the name
	// ("Jane Rock" for "Jane Stone"): the entity is the
	// original's, and these forms are not names anyone else uses.
	SpunAliases []string  `json:"spun_aliases,omitempty"`
	Roles       []Role    `json:"roles,omitempty"`
	Mentions    []SpanRef `json:"mentions"`
}

// AliasLabels returns the aliases for display, each spun-only form marked
// "(spun copy)" so that a reader never takes it for a name in use.
func (e Entity) AliasLabels() []string {
	spun := make(map[string]bool, len(e.SpunAliases))
	for _, a := range e.SpunAliases {
		spun[a] = true
	}
	out := make([]string, len(e.Aliases))
	for i, a := range e.Aliases {
		out[i] = a
		if spun[a] {
			out[i] += " (spun copy)"
		}
	}
	return out
}

// StatedLabel is how a reader should see this variant's stated speaker,
// given its entity (nil when it has none): the entity's name when the
// document words the speaker as one of the entity's own aliases or part of
// its name ("Stone", "US"), the wording followed by the name when the
// wording is not a name anyone else uses (a spinner's garbling:
// "Rock (Jane Stone)"). Without an entity it is the wording
// when the document names a speaker no entity stands for ("a US Embassy
// spokesman"), else "unknown".
func (v QuoteVariant) StatedLabel(e *Entity) string {
	t := strings.TrimSpace(v.StatedSpeakerText)
	if e == nil {
		if t != "" && !isPronoun(t) {
			return t
		}
		return "unknown"
	}
	if t == "" || strings.Contains(strings.ToLower(e.Name), strings.ToLower(t)) {
		return e.Name
	}
	spun := false
	for _, a := range e.SpunAliases {
		spun = spun || strings.EqualFold(a, t)
	}
	if !spun {
		for _, a := range e.Aliases {
			if strings.EqualFold(a, t) {
				return e.Name
			}
		}
	}
	return t + " (" + e.Name + ")"
}

// isPronoun: a personal pronoun, which names nobody without its antecedent.
func isPronoun(s string) bool {
	switch strings.ToLower(s) {
	case "he", "she", "they", "it", "we", "i", "you", "him", "her", "them":
		return true
	}
	return false
}

// SpeakerLabel is how a reader should see the statement's speaker, given
// its entity (nil when it has none): the entity's name; without one, the
// speaker as the documents word it, when all variants that name a speaker
// agree ("Price", "a US Embassy spokesman"); else "unknown".
func (q Quote) SpeakerLabel(e *Entity) string {
	if e != nil {
		return e.Name
	}
	label := ""
	for _, v := range q.Variants {
		t := v.StatedLabel(nil)
		if t == "unknown" {
			continue
		}
		if label != "" && !strings.EqualFold(label, t) {
			return "unknown"
		}
		label = t
	}
	if label == "" {
		return "unknown"
	}
	return label
}

// Quote is one distinct statement with its variants across documents.
type Quote struct {
	ID       string         `json:"id"`
	Text     string         `json:"text"`
	Speaker  *string        `json:"speaker"`
	Variants []QuoteVariant `json:"variants"`
}

// QuoteVariant is one occurrence of a statement in a document.
type QuoteVariant struct {
	Document      string  `json:"document"`
	Start         int     `json:"start"`
	End           int     `json:"end"`
	Text          string  `json:"text"`
	StatedSpeaker *string `json:"stated_speaker"`
	// StatedSpeakerText is the speaker as this document words it (a name,
	// or a role noun such as "the official" when no name is given), where
	// it says. It differs from the entity's name where the document uses a
	// title, a short form or a spinner's garbling of the name.
	StatedSpeakerText string `json:"stated_speaker_text,omitempty"`
	Partial           bool   `json:"partial,omitempty"`
	// Spun marks a variant that is a machine rewrite of the canonical wording.
	Spun bool `json:"spun,omitempty"`
	// Direct is false for indirect speech (an extension of the contract).
	Direct *bool `json:"direct,omitempty"`
}

// ReportTimex is a time expression in the report.
type ReportTimex struct {
	Document string `json:"document"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Value    string `json:"value"`
	Type     string `json:"type,omitempty"`
}

// TimelineItem is one dated happening.
type TimelineItem struct {
	Date      string    `json:"date"`
	Summary   string    `json:"summary"`
	Place     *string   `json:"place"`
	Entities  []string  `json:"entities"`
	Documents []string  `json:"documents"`
	Evidence  []SpanRef `json:"evidence"`
	Story     string    `json:"story,omitempty"`
}

// ReportQuantity is a quantity in the report.
type ReportQuantity struct {
	Document    string   `json:"document"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Text        string   `json:"text"`
	Value       float64  `json:"value"`
	Low         *float64 `json:"low,omitempty"`
	High        *float64 `json:"high,omitempty"`
	Approximate bool     `json:"approximate"`
	Unit        *string  `json:"unit"`
	Counts      *string  `json:"counts"`
}

// Claim is a key statement with its support.
type Claim struct {
	ID                 string    `json:"id"`
	Statement          string    `json:"statement"`
	Kind               string    `json:"kind,omitempty"`
	Documents          []string  `json:"documents"`
	IndependentSources int       `json:"independent_sources"`
	Status             string    `json:"status"`
	Evidence           []SpanRef `json:"evidence"`
	Story              string    `json:"story,omitempty"`
}

// ConflictSide is what one side of a conflict says.
type ConflictSide struct {
	Says      string   `json:"says"`
	Documents []string `json:"documents"`
}

// Conflict is a disagreement between documents.
type Conflict struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	// Subkind narrows kind "other" (e.g. "place"); empty where unneeded.
	Subkind   string         `json:"subkind,omitempty"`
	Summary   string         `json:"summary"`
	Documents []string       `json:"documents"`
	Sides     []ConflictSide `json:"sides"`
	Evidence  []SpanRef      `json:"evidence"`
	Story     string         `json:"story,omitempty"`
}

// Brief is the cited multi-document summary.
type Brief struct {
	Title     string          `json:"title"`
	Sentences []BriefSentence `json:"sentences"`
}

// BriefSentence is one sentence of the brief with the documents it rests on.
type BriefSentence struct {
	Text      string   `json:"text"`
	Documents []string `json:"documents"`
	// Status is corroborated, single_source or disputed.
	Status string `json:"status,omitempty"`
	Story  string `json:"story,omitempty"`
}
