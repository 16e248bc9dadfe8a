package render

import (
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

// CSP is the Content-Security-Policy of the standalone page: no script at all,
// inline styles only, no outside loads. Article text is escaped by
// html/template in any case; the policy is a second wall.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

var funcs = template.FuncMap{
	"anchor": anchor,
	"deref":  deref,
	"join":   strings.Join,
	"count":  text.Count,
}

var page = template.Must(template.New("page").Funcs(funcs).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}
.cite a{font-size:.8rem;margin-left:.2rem;color:#06c}
.tag{font-size:.75rem;padding:0 .3rem;border-radius:3px;background:#eee;margin-left:.3rem}
.corroborated{background:#d8f5d8}.disputed{background:#fbd9d3}.single_source{background:#f4ecc8}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
.doc{border:1px solid #ddd;padding:.5rem 1rem;margin:1rem 0}.doc pre{white-space:pre-wrap;font:inherit}
.removed{color:#888;font-size:.85rem}.muted{color:#777}
</style></head><body>
<h1>{{.Title}}</h1>
<p class="muted">{{count (len .R.Documents) "document" "documents"}}, {{count (len .R.Stories) "story" "stories"}}, {{count (len .R.Entities) "entity" "entities"}}, {{count (len .R.Quotes) "quote" "quotes"}}, {{count (len .R.Claims) "claim" "claims"}}, {{count (len .R.Conflicts) "conflict" "conflicts"}}.</p>
<h2>Brief</h2>
{{if not .R.Brief.Sentences}}<p class="muted">No brief: no statement is supported well enough to summarise.</p>{{end}}
<ul>{{range .R.Brief.Sentences}}<li>{{.Text}}{{if .Status}}<span class="tag {{.Status}}">{{.Status}}</span>{{end}}<span class="cite">{{range .Documents}}<a href="#doc-{{anchor .}}">[{{.}}]</a>{{end}}</span></li>{{end}}</ul>
<h2>Stories</h2>
{{if not .R.Stories}}<p class="muted">None.</p>{{end}}
{{range .R.Stories}}<h3>{{.Title}}</h3><p>{{count (len .Documents) "document" "documents"}}, {{count (len .IndependentGroups) "independent source" "independent sources"}}; {{deref .FirstDate "?"}} to {{deref .LastDate "?"}}</p>
<ul>{{range .IndependentGroups}}<li>source group:<span class="cite">{{range .}}<a href="#doc-{{anchor .}}">[{{.}}]</a>{{end}}</span></li>{{end}}</ul>{{end}}
<h2>Timeline</h2>
{{if not .R.Timeline}}<p class="muted">No dated happenings found.</p>{{end}}
<table>{{range .R.Timeline}}<tr><td>{{.Date}}</td><td>{{.Summary}}{{if .Place}} <span class="muted">({{deref .Place ""}})</span>{{end}}<span class="cite">{{range .Documents}}<a href="#doc-{{anchor .}}">[{{.}}]</a>{{end}}</span></td></tr>{{end}}</table>
<h2>Entities</h2>
{{if not .R.Entities}}<p class="muted">None.</p>{{else}}
<table><tr><th>entity</th><th>type</th><th>aliases</th><th>roles</th><th>mentions</th></tr>
{{range .Entities}}<tr><td>{{.Name}}</td><td>{{.Type}}</td><td>{{join .AliasLabels "; "}}</td><td>{{range .Roles}}{{.Role}}{{if .Organization}} ({{deref .Organization ""}}){{end}}<span class="cite">{{range .Documents}}<a href="#doc-{{anchor .}}">[{{.}}]</a>{{end}}</span><br>{{end}}</td><td>{{len .Mentions}}</td></tr>{{end}}</table>{{end}}
<h2>Quotes</h2>
{{if not .Quotes}}<p class="muted">None.</p>{{end}}
{{range .Quotes}}<h3>{{.Speaker}}: {{if .Quoted}}“{{.Text}}”{{else}}<span class="muted">reported:</span> {{.Text}}{{end}}</h3>
<table><tr><th>document</th><th>wording</th><th>stated speaker</th></tr>{{range .Variants}}<tr><td><a href="#doc-{{anchor .Document}}">{{.Document}}</a></td><td>{{.Text}}{{if .Partial}}<span class="tag">partial</span>{{end}}{{if .Spun}}<span class="tag disputed">spun</span>{{end}}{{if .Reported}}<span class="tag">reported speech</span>{{end}}</td><td>{{.Stated}}</td></tr>{{end}}</table>{{end}}
<h2>Claims</h2>
{{if not .R.Claims}}<p class="muted">None.</p>{{end}}
<ul>{{range .R.Claims}}<li><span class="tag {{.Status}}">{{.Status}}, {{.IndependentSources}} independent</span> {{.Statement}}<span class="cite">{{range .Documents}}<a href="#doc-{{anchor .}}">[{{.}}]</a>{{end}}</span></li>{{end}}</ul>
<h2>Conflicts</h2>
{{if not .R.Conflicts}}<p class="muted">No disagreement found between the documents.</p>{{end}}
{{range .R.Conflicts}}<div class="doc"><b>{{.Kind}}</b>: {{.Summary}}<ul>{{range .Sides}}<li>{{.Says}}<span class="cite">{{range .Documents}}<a href="#doc-{{anchor .}}">[{{.}}]</a>{{end}}</span></li>{{end}}</ul></div>{{end}}
<h2>Copies and citations</h2>
{{if not .R.Links}}<p class="muted">No copies or citations found.</p>{{end}}
<ul>{{range .R.Links}}<li><a href="#doc-{{anchor .From}}">{{.From}}</a> → {{.To}}: {{.Kind}} ({{printf "%.2f" .Score}}){{if .Evidence}} <span class="muted">{{join .Evidence "; "}}</span>{{end}}</li>{{end}}</ul>
<h2>Documents</h2>
{{range .R.Documents}}<div class="doc" id="doc-{{anchor .ID}}"><h3>{{.Title}}</h3>
<p class="muted">{{.ID}} · {{deref .Outlet "outlet unknown"}} · published {{deref .Published "unknown"}} ({{.PublishedBasis}}) · {{.Source}}</p>
<pre>{{.Text}}</pre>
{{if .Removed}}<div class="removed"><b>Removed boilerplate</b><ul>{{range .Removed}}<li>[{{.Reason}}] {{.Text}}</li>{{end}}</ul></div>{{end}}</div>{{end}}
</body></html>
`))

type htmlQuote struct {
	Speaker  string
	Text     string
	Quoted   bool // some document quotes it directly
	Variants []htmlVariant
}

type htmlVariant struct {
	accord.QuoteVariant
	Stated   string
	Reported bool // reported speech, not a direct quotation
}

// HTML writes the report as one standalone page with no script. Every piece
// of article text goes through html/template's contextual escaping.
func HTML(w io.Writer, r *accord.Report) error {
	ix := newIndex(r)
	title := r.Brief.Title
	if title == "" {
		title = "Accord report"
	}
	var quotes []htmlQuote
	for _, q := range byReach(r.Quotes) {
		hq := htmlQuote{Speaker: ix.speaker(q), Text: q.Text, Quoted: quoted(q)}
		for _, v := range q.Variants {
			hq.Variants = append(hq.Variants, htmlVariant{QuoteVariant: v, Stated: ix.statedLabel(v), Reported: !direct(v)})
		}
		quotes = append(quotes, hq)
	}
	ents := append([]accord.Entity(nil), r.Entities...)
	sort.SliceStable(ents, func(i, j int) bool { return len(ents[i].Mentions) > len(ents[j].Mentions) })
	return page.Execute(w, map[string]any{
		"R": r, "Title": title, "CSP": CSP, "Quotes": quotes, "Entities": ents,
	})
}
