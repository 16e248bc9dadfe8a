// Package pipeline composes Accord's stages: it cleans raw inputs into
// documents, runs the per-document stages on every document (in parallel),
// then the corpus stages in order, and builds the contract's report.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/accord-news/accord"
)

// Preparer is implemented by cleaners that learn from the whole input set
// before cleaning any one document (e.g. lines that repeat across an outlet).
type Preparer interface {
	Prepare(inputs []*accord.Input)
}

// Pipeline is a cleaner, per-document stages and corpus stages.
type Pipeline struct {
	Cleaner accord.Cleaner
	Doc     []accord.DocStage
	Corpus  []accord.CorpusStage
	// Workers is the number of goroutines for per-document work (default GOMAXPROCS).
	Workers int
	// Progress, if set, is called as documents finish their per-document stages.
	Progress func(done, total int)
	// StageProgress, if set, is called before each corpus stage.
	StageProgress func(name string)
	// Cache, if set, keeps documents after the per-document stages, so that
	// a re-analysis runs those stages only on new documents.
	Cache accord.DocCache
	// State, if set, keeps the state of resumable corpus stages between
	// runs, so that they add new documents to their earlier result.
	State accord.StateStore
	// ReleaseInputs lets Run set inputs[i] to nil once document i has been
	// made from it, so that the raw inputs (a web page's HTML is tens of
	// KB) are freed during the per-document stages, not after them. Set it
	// only when the caller no longer needs the slice's elements.
	ReleaseInputs bool
}

// StageError is an error of one stage on one document.
type StageError struct {
	Doc   string
	Stage string
	Err   error
}

func (e *StageError) Error() string {
	if e.Doc == "" {
		return fmt.Sprintf("stage %s: %v", e.Stage, e.Err)
	}
	return fmt.Sprintf("%s: stage %s: %v", e.Doc, e.Stage, e.Err)
}

func (e *StageError) Unwrap() error { return e.Err }

// Run analyzes inputs. Errors of one document never stop the others: they are
// returned alongside the corpus, and a document whose cleaning failed is left
// out. A panic inside a stage is recovered and reported as that stage's error.
//
// The corpus's documents keep every layer but two that no corpus stage or
// report needs (see release): Tokens (readers re-derive them from the text)
// and, unless State is set, Input (the raw input, HTML included).
func (p *Pipeline) Run(ctx context.Context, inputs []*accord.Input, opt accord.Options) (*accord.Corpus, []error) {
	var errs []error
	if prep, ok := p.Cleaner.(Preparer); ok && !opt.NoClean {
		prep.Prepare(inputs)
	}
	docs := make([]*accord.Document, len(inputs))
	docErrs := make([][]error, len(inputs))
	version := cacheVersion(opt)
	cached, hashes := p.loadCached(ctx, inputs, version)
	for i, d := range cached {
		p.release(d)
		docs[i] = d
		if p.ReleaseInputs {
			inputs[i] = nil
		}
	}
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		wg   sync.WaitGroup
		next = make(chan int)
		mu   sync.Mutex
		done int
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i], docErrs[i] = p.runDoc(inputs[i], opt)
				p.release(docs[i])
				if p.ReleaseInputs {
					inputs[i] = nil
				}
				if p.Progress != nil {
					mu.Lock()
					done++
					p.Progress(done, len(inputs))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range inputs {
		if ctx.Err() != nil {
			break
		}
		if docs[i] != nil {
			if p.Progress != nil {
				mu.Lock()
				done++
				p.Progress(done, len(inputs))
				mu.Unlock()
			}
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, append(errs, err)
	}
	if p.Cache != nil {
		fresh := map[string][]byte{}
		for i, d := range docs {
			if d == nil || cached[i] != nil || len(docErrs[i]) > 0 {
				continue
			}
			if b, err := encodeDoc(d); err == nil {
				fresh[hashes[i]] = b
			}
			if len(fresh) >= 1000 {
				if err := p.Cache.SaveAnnotations(ctx, version, fresh); err != nil {
					errs = append(errs, &StageError{Stage: "cache", Err: err})
				}
				fresh = map[string][]byte{}
			}
		}
		if err := p.Cache.SaveAnnotations(ctx, version, fresh); err != nil {
			errs = append(errs, &StageError{Stage: "cache", Err: err})
		}
	}
	kept := docs[:0]
	seen := map[string]int{}
	for i, d := range docs {
		errs = append(errs, docErrs[i]...)
		if d == nil {
			continue
		}
		// Document IDs must be unique in a report: a second document with the
		// same ID (two files with one base name) gets a numbered suffix.
		if n, dup := seen[d.ID]; dup {
			seen[d.ID] = n + 1
			d.ID = fmt.Sprintf("%s~%d", d.ID, n+1)
		}
		seen[d.ID] = 0
		kept = append(kept, d)
	}
	c := accord.NewCorpus(kept, opt)
	for _, st := range p.Corpus {
		if ctx.Err() != nil {
			return nil, append(errs, ctx.Err())
		}
		if p.StageProgress != nil {
			p.StageProgress(st.Name())
		}
		if rs, ok := st.(accord.ResumableStage); ok && p.State != nil {
			errs = append(errs, p.runResumable(ctx, rs, c, opt)...)
			continue
		}
		if err := safeCorpus(ctx, st, c); err != nil {
			errs = append(errs, &StageError{Stage: st.Name(), Err: err})
		}
	}
	return c, errs
}

// runResumable runs a resumable corpus stage from the state of the last run
// and saves its new state. The state's version includes the executable's
// hash, like the annotation cache: a rebuilt Accord starts afresh. A state
// that cannot be loaded or resumed is reported and the stage runs afresh.
func (p *Pipeline) runResumable(ctx context.Context, st accord.ResumableStage, c *accord.Corpus, opt accord.Options) []error {
	var errs []error
	version := cacheVersion(opt) + "/" + st.StateVersion()
	state, err := p.State.LoadState(ctx, st.Name(), version)
	if err != nil {
		errs = append(errs, &StageError{Stage: st.Name(), Err: err})
		state = nil
	}
	if state == nil {
		state = map[string][]byte{}
	}
	if err := safeResume(st, state); err != nil {
		errs = append(errs, &StageError{Stage: st.Name(), Err: fmt.Errorf("resume: %w", err)})
		if err := safeResume(st, map[string][]byte{}); err != nil {
			return append(errs, &StageError{Stage: st.Name(), Err: fmt.Errorf("resume: %w", err)})
		}
	}
	if err := safeCorpus(ctx, st, c); err != nil {
		return append(errs, &StageError{Stage: st.Name(), Err: err})
	}
	values, replace, err := st.State()
	if err == nil {
		err = p.State.SaveState(ctx, st.Name(), version, values, replace)
	}
	if err != nil {
		errs = append(errs, &StageError{Stage: st.Name(), Err: fmt.Errorf("save state: %w", err)})
	}
	return errs
}

func safeResume(st accord.ResumableStage, state map[string][]byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return st.Resume(state)
}

// release drops what a document holds after the per-document stages and no
// later reader needs, so that a large corpus fits in memory: the tokens
// (~7 KB per 1 KB of text, 40% of a make_bulk corpus's heap after these
// stages; every later reader tokenizes the text when d.Tokens is empty, with
// the same function) and the raw input, kept only for resumable stages,
// which key their state by the input's hash (Input.Hash).
func (p *Pipeline) release(d *accord.Document) {
	if d == nil {
		return
	}
	d.Tokens = nil
	if p.State == nil {
		d.Input = nil
	}
}

func (p *Pipeline) runDoc(in *accord.Input, opt accord.Options) (d *accord.Document, errs []error) {
	defer func() {
		if r := recover(); r != nil {
			errs = append(errs, &StageError{Doc: in.Source, Stage: "clean", Err: fmt.Errorf("panic: %v", r)})
			d = nil
		}
	}()
	d, err := p.Cleaner.Clean(in, opt)
	if err != nil {
		return nil, []error{&StageError{Doc: in.Source, Stage: "clean", Err: err}}
	}
	for _, st := range p.Doc {
		if err := safeDoc(st, d); err != nil {
			errs = append(errs, &StageError{Doc: d.ID, Stage: st.Name(), Err: err})
		}
	}
	return d, errs
}

func safeDoc(st accord.DocStage, d *accord.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return st.Annotate(d)
}

func safeCorpus(ctx context.Context, st accord.CorpusStage, c *accord.Corpus) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return st.Analyze(ctx, c)
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// BuildReport turns an analyzed corpus into the contract's report, with every
// list non-nil and sorted as the schema says.
func BuildReport(c *accord.Corpus) *accord.Report {
	r := &accord.Report{
		Version:             accord.ReportVersion,
		Documents:           []accord.ReportDocument{},
		Links:               nonNil(c.Links),
		Stories:             nonNil(c.Stories),
		Entities:            nonNil(c.Entities),
		Quotes:              nonNil(c.Quotes),
		TemporalExpressions: []accord.ReportTimex{},
		Timeline:            nonNil(c.Timeline),
		Quantities:          []accord.ReportQuantity{},
		Claims:              nonNil(c.Claims),
		Conflicts:           nonNil(c.Conflicts),
		Brief:               c.Brief,
	}
	if r.Brief.Sentences == nil {
		r.Brief.Sentences = []accord.BriefSentence{}
	}
	for _, d := range c.Docs {
		basis := d.PublishedBasis
		if basis == "" || d.Published == "" {
			basis = accord.BasisUnknown
		}
		removed := d.Removed
		if removed == nil {
			removed = []accord.Removed{}
		}
		r.Documents = append(r.Documents, accord.ReportDocument{
			ID: d.ID, Source: d.Source, Title: d.Title, Outlet: strPtr(d.Outlet), Author: strPtr(d.Author),
			URL: strPtr(d.URL), Published: strPtr(d.Published), PublishedBasis: basis,
			Language: d.Language, Text: d.Text, Removed: removed,
		})
		for _, t := range d.Timexes {
			r.TemporalExpressions = append(r.TemporalExpressions, accord.ReportTimex{
				Document: d.ID, Start: t.Start, End: t.End, Text: d.Slice(t.Span), Value: t.Value, Type: t.Type,
			})
		}
		for _, q := range d.Quantities {
			rq := accord.ReportQuantity{
				Document: d.ID, Start: q.Start, End: q.End, Text: d.Slice(q.Span), Value: q.Value,
				Approximate: q.Approximate, Unit: strPtr(q.Unit), Counts: strPtr(q.Counts),
			}
			if q.Low != q.Value || q.High != q.Value {
				lo, hi := q.Low, q.High
				rq.Low, rq.High = &lo, &hi
			}
			r.Quantities = append(r.Quantities, rq)
		}
	}
	sort.SliceStable(r.Links, func(i, j int) bool {
		a, b := r.Links[i], r.Links[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		return a.Kind < b.Kind
	})
	sort.SliceStable(r.Timeline, func(i, j int) bool { return r.Timeline[i].Date < r.Timeline[j].Date })
	return r
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
