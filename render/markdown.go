// Package render draws a Report as Markdown or as one standalone HTML page.
// Both are views of the same report: nothing here computes new facts.
package render

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// index gives quick access to the report's documents and entities by id.
type index struct {
	r        *accord.Report
	docs     map[string]*accord.ReportDocument
	entities map[string]*accord.Entity
}

func newIndex(r *accord.Report) *index {
	ix := &index{r: r, docs: map[string]*accord.ReportDocument{}, entities: map[string]*accord.Entity{}}
	for i := range r.Documents {
		ix.docs[r.Documents[i].ID] = &r.Documents[i]
	}
	for i := range r.Entities {
		ix.entities[r.Entities[i].ID] = &r.Entities[i]
	}
	return ix
}

// speaker is a quote's speaker as a reader should see it.
func (ix *index) speaker(q accord.Quote) string {
	var e *accord.Entity
	if q.Speaker != nil {
		if e = ix.entities[*q.Speaker]; e == nil {
			return *q.Speaker
		}
	}
	return q.SpeakerLabel(e)
}

// statedLabel is a variant's stated speaker as the document words it, with
// the entity's name where that differs.
func (ix *index) statedLabel(v accord.QuoteVariant) string {
	if v.StatedSpeaker == nil {
		return v.StatedLabel(nil)
	}
	if e, ok := ix.entities[*v.StatedSpeaker]; ok {
		return v.StatedLabel(e)
	}
	return *v.StatedSpeaker
}

func (ix *index) docLabel(id string) string {
	d, ok := ix.docs[id]
	if !ok {
		return id
	}
	if d.Outlet != nil && *d.Outlet != "" {
		return *d.Outlet + " (" + id + ")"
	}
	return id
}

func deref(s *string, def string) string {
	if s == nil || *s == "" {
		return def
	}
	return *s
}

// mdEscape keeps article text from being read as Markdown markup or HTML.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`,
)

func md(s string) string { return mdEscaper.Replace(strings.Join(strings.Fields(s), " ")) }

func mdCite(docs []string) string {
	var parts []string
	for _, d := range docs {
		parts = append(parts, fmt.Sprintf("[%s](#doc-%s)", md(d), anchor(d)))
	}
	return strings.Join(parts, ", ")
}

// anchor makes a document id safe for use as a fragment identifier.
func anchor(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "-%x", r)
		}
	}
	return b.String()
}

// Markdown writes the report as Markdown: the brief, then stories, timeline,
// entities, quotes, claims, conflicts, copies and documents.
func Markdown(w io.Writer, r *accord.Report) error {
	ix := newIndex(r)
	var b strings.Builder
	title := r.Brief.Title
	if title == "" {
		title = "Accord report"
	}
	fmt.Fprintf(&b, "# %s\n\n", md(title))
	fmt.Fprintf(&b, "%s, %s, %s, %s, %s, %s.\n\n",
		text.Count(len(r.Documents), "document", "documents"), text.Count(len(r.Stories), "story", "stories"),
		text.Count(len(r.Entities), "entity", "entities"), text.Count(len(r.Quotes), "quote", "quotes"),
		text.Count(len(r.Claims), "claim", "claims"), text.Count(len(r.Conflicts), "conflict", "conflicts"))

	b.WriteString("## Brief\n\n")
	if len(r.Brief.Sentences) == 0 {
		b.WriteString("_No brief: no statement is supported well enough to summarise._\n\n")
	}
	for _, s := range r.Brief.Sentences {
		tag := ""
		switch s.Status {
		case accord.StatusSingle:
			tag = " _(single source)_"
		case accord.StatusDisputed:
			tag = " _(disputed)_"
		}
		fmt.Fprintf(&b, "- %s%s [%s]\n", md(s.Text), tag, mdCite(s.Documents))
	}
	b.WriteString("\n## Stories\n\n")
	if len(r.Stories) == 0 {
		b.WriteString("_None._\n")
	}
	for _, s := range r.Stories {
		fmt.Fprintf(&b, "### %s\n\n", md(s.Title))
		fmt.Fprintf(&b, "- id: `%s`; %s, %s; dates: %s to %s\n",
			s.ID, text.Count(len(s.Documents), "document", "documents"),
			text.Count(len(s.IndependentGroups), "independent source", "independent sources"),
			deref(s.FirstDate, "?"), deref(s.LastDate, "?"))
		for _, g := range s.IndependentGroups {
			fmt.Fprintf(&b, "- source group: %s\n", mdCite(g))
		}
		for _, e := range s.Events {
			fmt.Fprintf(&b, "- event %s: %s (%s)\n", e.ID, md(e.Title), mdCite(e.Documents))
		}
		b.WriteString("\n")
	}

	b.WriteString("\n## Timeline\n\n")
	if len(r.Timeline) == 0 {
		b.WriteString("_No dated happenings found._\n")
	}
	for _, t := range r.Timeline {
		place := ""
		if t.Place != nil {
			place = " (" + md(*t.Place) + ")"
		}
		fmt.Fprintf(&b, "- **%s**%s: %s [%s]\n", md(t.Date), place, md(t.Summary), mdCite(t.Documents))
	}

	b.WriteString("\n## Entities\n\n")
	if len(r.Entities) == 0 {
		b.WriteString("_None._\n")
	} else {
		b.WriteString("| entity | type | aliases | roles (documents) | mentions |\n|---|---|---|---|---|\n")
		ents := append([]accord.Entity(nil), r.Entities...)
		sort.SliceStable(ents, func(i, j int) bool { return len(ents[i].Mentions) > len(ents[j].Mentions) })
		for _, e := range ents {
			var roles []string
			for _, ro := range e.Roles {
				org := ""
				if ro.Organization != nil && *ro.Organization != "" {
					org = " (" + *ro.Organization + ")"
				}
				roles = append(roles, md(ro.Role+org)+": "+strings.Join(ro.Documents, ", "))
			}
			var aliases []string
			for _, a := range e.AliasLabels() {
				aliases = append(aliases, md(a))
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %d |\n", md(e.Name), e.Type, strings.Join(aliases, "; "), strings.Join(roles, "; "), len(e.Mentions))
		}
	}

	b.WriteString("\n## Quotes\n\n")
	if len(r.Quotes) == 0 {
		b.WriteString("_None._\n")
	}
	for _, q := range byReach(r.Quotes) {
		if quoted(q) {
			fmt.Fprintf(&b, "### %s — “%s”\n\n", md(ix.speaker(q)), md(q.Text))
		} else {
			fmt.Fprintf(&b, "### %s — reported: %s\n\n", md(ix.speaker(q)), md(q.Text))
		}
		b.WriteString("| document | wording | stated speaker |\n|---|---|---|\n")
		for _, v := range q.Variants {
			flags := ""
			if v.Partial {
				flags += " (partial)"
			}
			if v.Spun {
				flags += " (spun)"
			}
			if !direct(v) {
				flags += " (reported speech)"
			}
			fmt.Fprintf(&b, "| %s | %s%s | %s |\n", mdCite([]string{v.Document}), md(v.Text), flags, md(ix.statedLabel(v)))
		}
		b.WriteString("\n")
	}

	b.WriteString("\n## Claims\n\n")
	if len(r.Claims) == 0 {
		b.WriteString("_None._\n")
	}
	for _, c := range r.Claims {
		fmt.Fprintf(&b, "- [%s, %d independent] %s [%s]\n", c.Status, c.IndependentSources, md(c.Statement), mdCite(c.Documents))
	}

	b.WriteString("\n## Conflicts\n\n")
	if len(r.Conflicts) == 0 {
		b.WriteString("_No disagreement found between the documents._\n")
	}
	for _, c := range r.Conflicts {
		fmt.Fprintf(&b, "- **%s**: %s\n", c.Kind, md(c.Summary))
		for _, s := range c.Sides {
			fmt.Fprintf(&b, "  - %s [%s]\n", md(s.Says), mdCite(s.Documents))
		}
	}

	b.WriteString("\n## Copies and citations\n\n")
	if len(r.Links) == 0 {
		b.WriteString("_No copies or citations found._\n")
	}
	for _, l := range r.Links {
		fmt.Fprintf(&b, "- %s → %s: %s (score %.2f)", md(ix.docLabel(l.From)), md(ix.docLabel(l.To)), l.Kind, l.Score)
		if len(l.Evidence) > 0 {
			fmt.Fprintf(&b, "; %s", md(strings.Join(l.Evidence, "; ")))
		}
		b.WriteString("\n")
	}

	b.WriteString("\n## Documents\n\n")
	for _, d := range r.Documents {
		fmt.Fprintf(&b, "<a id=\"doc-%s\"></a>\n- **%s** — %s", anchor(d.ID), md(d.ID), md(d.Title))
		if d.Outlet != nil {
			fmt.Fprintf(&b, "; %s", md(*d.Outlet))
		}
		fmt.Fprintf(&b, "; published %s (%s); %s removed", deref(d.Published, "unknown"), d.PublishedBasis,
			text.Count(len(d.Removed), "boilerplate line", "boilerplate lines"))
		if lang := text.ForeignLanguage(&accord.Document{Language: d.Language, Text: d.Text}); lang != "" {
			fmt.Fprintf(&b, "; language %s: not annotated (Accord reads names, quotes, times and numbers in English)", lang)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// byReach orders quotes for reading: statements carried by more documents
// first, then by id. The report itself keeps the contract's order.
func byReach(qs []accord.Quote) []accord.Quote {
	out := append([]accord.Quote(nil), qs...)
	reach := func(q accord.Quote) int {
		docs := map[string]bool{}
		for _, v := range q.Variants {
			docs[v.Document] = true
		}
		return len(docs)
	}
	sort.SliceStable(out, func(i, j int) bool { return reach(out[i]) > reach(out[j]) })
	return out
}

// direct reports whether a variant is a direct quotation (the contract's
// default) rather than reported speech.
func direct(v accord.QuoteVariant) bool { return v.Direct == nil || *v.Direct }

// quoted reports whether a statement is quoted directly by any document: its
// text is then shown in quotation marks, and otherwise as reported speech.
func quoted(q accord.Quote) bool {
	for _, v := range q.Variants {
		if direct(v) {
			return true
		}
	}
	return len(q.Variants) == 0
}
