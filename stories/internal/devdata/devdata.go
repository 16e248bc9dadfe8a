// Package devdata rebuilds, for story-clustering development, the documents
// a report was made from (text, title, date, entity mentions, timexes) and
// reads a clustering gold file. It serves the tune command and the
// development tests of the stories package.
package devdata

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// Gold is a clustering gold file: partition name -> document -> label.
type Gold struct {
	Partitions map[string]map[string]string `json:"partitions"`
}

// ReadJSON decodes the JSON file at path into v.
func ReadJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// Documents rebuilds the report's documents, segmented, with the entity
// mentions and time expressions the report lists for them.
func Documents(r *accord.Report) []*accord.Document {
	docs := map[string]*accord.Document{}
	var list []*accord.Document
	for _, d := range r.Documents {
		doc := &accord.Document{ID: d.ID, Title: d.Title, Text: d.Text}
		if d.Published != nil {
			doc.Published = *d.Published
		}
		_ = text.New().Annotate(doc)
		docs[d.ID] = doc
		list = append(list, doc)
	}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			if d := docs[m.Document]; d != nil {
				d.Mentions = append(d.Mentions, accord.Mention{Span: accord.Span{Start: m.Start, End: m.End}, Text: m.Text, Type: e.Type, Kind: accord.MentionName})
			}
		}
	}
	for _, tx := range r.TemporalExpressions {
		if d := docs[tx.Document]; d != nil {
			d.Timexes = append(d.Timexes, accord.Timex{Span: accord.Span{Start: tx.Start, End: tx.End}, Text: tx.Text, Type: tx.Type, Value: tx.Value})
		}
	}
	for _, d := range list {
		sort.Slice(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	}
	return list
}
