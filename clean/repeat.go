package clean

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/accord-news/accord"
)

// outletKey groups inputs by outlet: the stated outlet, else the URL's host.
func outletKey(in *accord.Input) string {
	if in.Outlet != "" {
		return strings.ToLower(strings.TrimSpace(in.Outlet))
	}
	if u, err := url.Parse(in.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	}
	return ""
}

// learnRepeated finds, per outlet, the short lines that occur in at least
// three documents and in at least a quarter of that outlet's documents.
// Only plain-text inputs are read (pages are learned from their DOM by the
// extractor); an outlet needs at least three documents.
func learnRepeated(inputs []*accord.Input) map[string]map[string]bool {
	type stat struct {
		docs   int
		counts map[string]int
	}
	by := map[string]*stat{}
	for _, in := range inputs {
		if in == nil || in.Text == "" {
			continue
		}
		k := outletKey(in)
		if k == "" {
			continue
		}
		s := by[k]
		if s == nil {
			s = &stat{counts: map[string]int{}}
			by[k] = s
		}
		s.docs++
		seen := map[string]bool{}
		for _, line := range strings.Split(in.Text, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || utf8.RuneCountInString(line) > 300 {
				continue
			}
			key := normKey(line)
			if len(key) < 6 || seen[key] {
				continue
			}
			seen[key] = true
			s.counts[key]++
		}
	}
	out := map[string]map[string]bool{}
	for k, s := range by {
		if s.docs < 3 {
			continue
		}
		for line, n := range s.counts {
			if n >= 3 && 4*n >= s.docs {
				if out[k] == nil {
					out[k] = map[string]bool{}
				}
				out[k][line] = true
			}
		}
	}
	return out
}
