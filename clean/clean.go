// Package clean turns raw inputs into documents: the main text of a web page
// or a plain-text article without its boilerplate, the page's metadata (title,
// outlet, author, canonical URL, publication date) and its language.
//
// Everything taken out of a text is kept in Document.Removed with a reason.
// The boilerplate decision for a line is made by a small logistic-regression
// model over hashed shape, position, word and DOM features, trained on the
// trafilatura evaluation pages (go run ./clean/internal/train) and embedded
// in the binary, plus the repetition of a line across the documents of one
// outlet (Prepare). A second model of the same kind puts back page lines
// that the main-content extractor left out (leads, standfirsts).
package clean

// (writes model.bin and reinsert.bin)
//go:generate go run ./internal/train -o model.bin

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

// Cleaner implements accord.Cleaner.
type Cleaner struct {
	mu sync.RWMutex
	// repeated maps an outlet key to the normalized lines that occur in
	// several of its documents.
	repeated map[string]map[string]bool
	model    *Model
	// insModel decides which page lines left out by the extractor are put
	// back (reinsert.bin).
	insModel *Model

	// Config tunes the HTML extraction; New sets the defaults.
	Config Config

	// onCandidate, when set, sees every line that reaches the learned filter
	// (used to build training data).
	onCandidate func(l Line, ctx LineContext)
	// onOutside, when set, sees every page line the extractor left out that
	// the reinsert model decides on.
	onOutside func(Candidate)
}

// Config tunes the HTML extraction (exposed for the evaluation tools).
type Config struct {
	// Focus is the go-trafilatura focus: "balanced", "recall" or "precision".
	Focus string
	// NoFallback skips go-trafilatura's readability and distiller fallbacks.
	NoFallback bool
	// NoModel skips the learned line filter (shape rules still apply).
	NoModel bool
	// NoPageDate skips the search of the page for a date when its metadata
	// has none.
	NoPageDate bool
	// Threshold overrides the HTML line model's threshold when > 0.
	Threshold float64
	// NoReinsert never puts back page lines that the extractor left out.
	NoReinsert bool
	// ReinsertThreshold overrides the reinsert model's threshold when > 0.
	ReinsertThreshold float64
}

// New returns a cleaner using the embedded line model.
func New() *Cleaner {
	return &Cleaner{model: DefaultModel(), insModel: DefaultReinsertModel(), Config: Config{Focus: "recall"}}
}

// SetModel replaces the embedded line model (the evaluation tools use it to
// score each page with a model that was not trained on it).
func (c *Cleaner) SetModel(m *Model) { c.model = m }

// SetReinsertModel replaces the embedded reinsert model (held-out scoring).
func (c *Cleaner) SetReinsertModel(m *Model) { c.insModel = m }

// Clean implements accord.Cleaner.
func (c *Cleaner) Clean(in *accord.Input, opt accord.Options) (*accord.Document, error) {
	if in == nil {
		return nil, errNilInput
	}
	d := &accord.Document{
		ID: in.ID, Source: in.Source, URL: in.URL, Title: strings.TrimSpace(in.Title),
		Outlet: in.Outlet, Author: in.Author, Published: in.Published,
		PublishedBasis: in.PublishedBasis, Input: in,
	}
	if d.Published != "" && d.PublishedBasis == "" {
		d.PublishedBasis = accord.BasisMetadata
	}
	switch {
	case in.Text != "" || in.HTML == "":
		if opt.NoClean {
			d.Text = in.Text
			if d.Title == "" {
				d.Title = firstLine(d.Text)
			}
		} else {
			c.cleanText(d, in)
		}
	default:
		if err := c.cleanHTML(d, in, opt); err != nil {
			return nil, err
		}
	}
	if !utf8.ValidString(d.Text) && !opt.NoClean {
		d.Text = strings.ToValidUTF8(d.Text, "\uFFFD")
	}
	if !opt.NoClean {
		// A soft hyphen only marks where a renderer may break a word;
		// left in, "Bundes\u00adkanzler" matches neither a name, a search
		// nor the same word in another report.
		d.Text = dropSoftHyphens(d.Text)
		d.Title = dropSoftHyphens(d.Title)
	}
	d.Title = strings.ToValidUTF8(d.Title, "")
	if d.Language == "" || utf8.RuneCountInString(d.Text) < 200 {
		// (HTML pages come with the extractor's guess over the same text.)
		d.Language = DetectLanguage(d.Text, d.Title)
	}
	return d, nil
}

// Prepare learns, for each outlet with several documents, the lines that
// occur in more than one of them (sign-offs, prompts, footers): such lines
// are boilerplate wherever they reappear.
func (c *Cleaner) Prepare(inputs []*accord.Input) {
	rep := learnRepeated(inputs)
	c.mu.Lock()
	c.repeated = rep
	c.mu.Unlock()
}

func (c *Cleaner) repeatedFor(in *accord.Input) map[string]bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.repeated == nil {
		return nil
	}
	return c.repeated[outletKey(in)]
}

// firstLine is the title made from a text that has none: its first line,
// cut to the first sentence and to at most maxTitle bytes at a word end.
func firstLine(s string) string {
	t := strings.TrimSpace(s)
	if i := strings.IndexByte(t, '\n'); i >= 0 {
		t = t[:i]
	}
	t = strings.TrimSpace(t)
	if len(t) <= maxTitle {
		return t
	}
	for i := 0; i+1 < len(t) && i < maxTitle; i++ {
		if (t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i+1] == ' ' && i > 20 {
			return t[:i+1]
		}
	}
	cut := strings.LastIndexByte(t[:maxTitle], ' ')
	if cut < 20 {
		cut = maxTitle
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
	}
	return strings.TrimSpace(t[:cut]) + "…"
}

const maxTitle = 160

type cleanError string

func (e cleanError) Error() string { return string(e) }

const errNilInput = cleanError("clean: nil input")

// dropSoftHyphens removes U+00AD SOFT HYPHEN.
func dropSoftHyphens(s string) string {
	if !strings.ContainsRune(s, '\u00ad') {
		return s
	}
	return strings.ReplaceAll(s, "\u00ad", "")
}
