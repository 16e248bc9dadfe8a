// Package timex finds time expressions (TIMEX3: DATE, TIME, DURATION, SET),
// normalizes them against the document date, infers publication dates of
// undated documents from dated documents of the same story, and builds the
// dated timeline of each story.
//
// Detection (Detect) and normalization (Normalize) are separate: the words
// decide what an expression is; the reference date and the previous date in
// the text decide its value. The document stage normalizes against the
// publication date it finds; the corpus stage re-normalizes once the
// reference date is final (published, inferred, or the --date option).
//
// Conventions follow TimeML/TempEval-3 and HeidelTime's news mode: a bare
// weekday or month is placed by the tense of the sentence (past by default),
// "last month" is relative to the document date, "the next day" and "that
// year" to the previous date mentioned.
package timex

import (
	"github.com/accord-news/accord"
)

// Tagger is the document stage that fills Document.Timexes.
type Tagger struct{}

// New returns the document stage.
func New() *Tagger { return &Tagger{} }

// Name implements accord.DocStage.
func (*Tagger) Name() string { return "timex" }

// Annotate implements accord.DocStage: it detects the document's time
// expressions and normalizes them against d.Published (unresolved XXXX
// values where the document has no date).
func (*Tagger) Annotate(d *accord.Document) error {
	ref, ok := ParseRef(d.Published)
	d.Timexes = Normalize(d.Text, Detect(d.Text, tokenize(d), d.Sentences), ref, ok)
	return nil
}

// Tag is Detect and Normalize over one text with a reference date string
// (empty for none); a convenience for tools and tests.
func Tag(text string, toks []accord.Token, sents []accord.Span, ref string) []accord.Timex {
	t, ok := ParseRef(ref)
	return Normalize(text, Detect(text, toks, sents), t, ok)
}
