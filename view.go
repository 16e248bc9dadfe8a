package accord

// Story returns the story with the given id, or nil.
func (r *Report) Story(id string) *Story {
	for i := range r.Stories {
		if r.Stories[i].ID == id {
			return &r.Stories[i]
		}
	}
	return nil
}

// ForStory returns the part of the report that concerns one story: its
// documents and everything that rests on them. The result is a valid report
// (every list present). It returns nil when no story has that id.
func (r *Report) ForStory(id string) *Report {
	st := r.Story(id)
	if st == nil {
		return nil
	}
	in := map[string]bool{}
	for _, d := range st.Documents {
		in[d] = true
	}
	any := func(ids []string) bool {
		for _, d := range ids {
			if in[d] {
				return true
			}
		}
		return false
	}
	out := &Report{Version: r.Version, Stories: []Story{*st}, Brief: Brief{Title: st.Title, Sentences: []BriefSentence{}},
		Documents: []ReportDocument{}, Links: []Link{}, Entities: []Entity{}, Quotes: []Quote{},
		TemporalExpressions: []ReportTimex{}, Timeline: []TimelineItem{}, Quantities: []ReportQuantity{},
		Claims: []Claim{}, Conflicts: []Conflict{}}
	for _, d := range r.Documents {
		if in[d.ID] {
			out.Documents = append(out.Documents, d)
		}
	}
	for _, l := range r.Links {
		if in[l.From] {
			out.Links = append(out.Links, l)
		}
	}
	for _, e := range r.Entities {
		var ms []SpanRef
		for _, m := range e.Mentions {
			if in[m.Document] {
				ms = append(ms, m)
			}
		}
		if len(ms) == 0 {
			continue
		}
		e.Mentions = ms
		out.Entities = append(out.Entities, e)
	}
	for _, q := range r.Quotes {
		var vs []QuoteVariant
		for _, v := range q.Variants {
			if in[v.Document] {
				vs = append(vs, v)
			}
		}
		if len(vs) == 0 {
			continue
		}
		q.Variants = vs
		out.Quotes = append(out.Quotes, q)
	}
	for _, t := range r.TemporalExpressions {
		if in[t.Document] {
			out.TemporalExpressions = append(out.TemporalExpressions, t)
		}
	}
	for _, t := range r.Timeline {
		if t.Story == id || (t.Story == "" && any(t.Documents)) {
			out.Timeline = append(out.Timeline, t)
		}
	}
	for _, q := range r.Quantities {
		if in[q.Document] {
			out.Quantities = append(out.Quantities, q)
		}
	}
	for _, c := range r.Claims {
		if c.Story == id || (c.Story == "" && any(c.Documents)) {
			out.Claims = append(out.Claims, c)
		}
	}
	for _, c := range r.Conflicts {
		if c.Story == id || (c.Story == "" && any(c.Documents)) {
			out.Conflicts = append(out.Conflicts, c)
		}
	}
	for _, s := range r.Brief.Sentences {
		if s.Story == id || (s.Story == "" && any(s.Documents)) {
			out.Brief.Sentences = append(out.Brief.Sentences, s)
		}
	}
	return out
}
