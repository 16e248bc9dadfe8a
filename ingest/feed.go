package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/accord-news/accord"
	"github.com/mmcdole/gofeed"
)

// markupRe finds an HTML tag: item content with tags is HTML, without it
// plain text.
var markupRe = regexp.MustCompile(`<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>`)

// parseFeed parses an RSS, Atom or JSON feed into Inputs, one per item. Items
// without any content are returned as errors (by item number).
func parseFeed(data []byte, source string) (items []*accord.Input, itemErrs []error, err error) {
	defer func() {
		if r := recover(); r != nil {
			items, itemErrs, err = nil, nil, fmt.Errorf("malformed feed: %v", r)
		}
	}()
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, ErrEmpty
	}
	if looksBinary(data) {
		return nil, nil, ErrBinary
	}
	feed, perr := gofeed.NewParser().Parse(bytes.NewReader(data))
	if perr != nil {
		if errors.Is(perr, gofeed.ErrFeedTypeNotDetected) {
			return nil, nil, errors.New("malformed feed: not RSS, Atom or JSON Feed")
		}
		return nil, nil, fmt.Errorf("malformed feed: %v", perr)
	}
	if feed == nil {
		return nil, nil, errors.New("malformed feed")
	}
	outlet := clean1(feed.Title)
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		content := it.Content
		if strings.TrimSpace(content) == "" {
			content = it.Description
		}
		content = strings.ToValidUTF8(content, "\uFFFD")
		if strings.TrimSpace(content) == "" {
			itemErrs = append(itemErrs, fmt.Errorf("item %d: no content", i+1))
			continue
		}
		in := &accord.Input{
			Source: source,
			URL:    strings.TrimSpace(it.Link),
			Title:  clean1(it.Title),
			Outlet: outlet,
		}
		if markupRe.MatchString(content) {
			in.HTML = content
		} else {
			in.Text = strings.TrimSpace(html.UnescapeString(content))
		}
		switch {
		case len(it.Authors) > 0:
			var names []string
			for _, a := range it.Authors {
				if a != nil && strings.TrimSpace(a.Name) != "" {
					names = append(names, strings.TrimSpace(a.Name))
				}
			}
			in.Author = strings.Join(names, ", ")
		case it.Author != nil:
			in.Author = strings.TrimSpace(it.Author.Name)
		}
		// The stated value first: it keeps the publisher's own UTC offset (and
		// so the local calendar day), which gofeed's parsed time (UTC) loses.
		in.Published = normalizeDate(it.Published)
		if in.Published == "" && it.PublishedParsed != nil {
			in.Published = isoFromTime(*it.PublishedParsed)
		}
		if in.Published == "" {
			in.Published = normalizeDate(it.Updated)
		}
		if in.Published == "" && it.UpdatedParsed != nil {
			in.Published = isoFromTime(*it.UpdatedParsed)
		}
		if in.Published != "" {
			in.PublishedBasis = accord.BasisMetadata
		}
		in.ID = strings.TrimSpace(it.GUID)
		if in.ID == "" {
			in.ID = in.URL
		}
		if in.ID == "" {
			in.ID = accord.TextID(in.Text + in.HTML)
		}
		items = append(items, in)
	}
	return items, itemErrs, nil
}

// clean1 makes a one-line metadata value: entities decoded, whitespace folded.
func clean1(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

func (s *sink) readFeed(data []byte, source string) error {
	items, itemErrs, err := parseFeed(data, source)
	if err != nil {
		return &Error{Source: source, Err: err}
	}
	for _, e := range itemErrs {
		s.bad(source, 0, e)
	}
	for _, in := range items {
		if int64(len(in.Text)+len(in.HTML)) > s.opt.MaxDocBytes {
			s.bad(source, 0, fmt.Errorf("item %s: %w", in.ID, ErrTooLarge))
			continue
		}
		if err := s.put(in); err != nil {
			return err
		}
	}
	return nil
}
