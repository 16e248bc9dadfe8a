package pipeline

import (
	"strings"

	"github.com/accord-news/accord"
)

// Passthrough is the cleaner for text taken as already clean: the document's
// text is the input text exactly as given (so offsets point into it), HTML is
// not accepted, and metadata is what the input stated. It is what --no-clean
// means, and what a pipeline without a cleaning package uses.
type Passthrough struct{}

// Clean implements accord.Cleaner.
func (Passthrough) Clean(in *accord.Input, _ accord.Options) (*accord.Document, error) {
	d := &accord.Document{
		ID: in.ID, Source: in.Source, URL: in.URL, Title: in.Title, Outlet: in.Outlet, Author: in.Author,
		Published: in.Published, PublishedBasis: in.PublishedBasis, Text: in.Text, Input: in,
	}
	if d.Text == "" && in.HTML != "" {
		d.Text = in.HTML
	}
	if d.Title == "" {
		t := strings.TrimSpace(d.Text)
		if i := strings.IndexByte(t, '\n'); i >= 0 {
			t = t[:i]
		}
		d.Title = strings.TrimSpace(t)
	}
	if d.Published != "" && d.PublishedBasis == "" {
		d.PublishedBasis = accord.BasisMetadata
	}
	return d, nil
}
