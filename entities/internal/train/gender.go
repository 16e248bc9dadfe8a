package main

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/entities"
	"github.com/accord-news/accord/text"
)

// learnGender derives a first-name gender table. Person names come from the
// gold annotation of eng.train and from the trained tagger run over the
// unlabeled news (Reuters-21578, BBC News): for each multi-word person name,
// the first he/him/his or she/her/hers that follows it (in that sentence or
// the next, before another person is named) votes for its first name. Names
// with at least three votes and a 4:1 majority are kept.
func learnGender(train []doc, texts []string, m *entities.Model, out string) (int, error) {
	votes := map[string]*[2]int{}
	for _, d := range train {
		var words [][]string
		var tags [][]int
		for _, s := range d {
			words = append(words, s.words)
			tags = append(tags, s.tags)
		}
		vote(votes, words, tags)
	}
	for _, t := range texts {
		var words [][]string
		var sents []*entities.Sentence
		for _, p := range text.Paragraphs(t) {
			for _, sp := range text.Sentences(t, p) {
				toks := text.Tokens(t, sp)
				ws := make([]string, 0, len(toks))
				for _, tk := range toks {
					w := t[tk.Start:tk.End]
					if strings.HasSuffix(w, "'s") && len(w) > 2 {
						ws = append(ws, w[:len(w)-2], "'s")
						continue
					}
					ws = append(ws, w)
				}
				if len(ws) > 0 {
					words = append(words, ws)
					sents = append(sents, m.Sentence(ws))
				}
			}
		}
		vote(votes, words, m.Tag(sents))
	}
	var names []string
	for n, v := range votes {
		if v[0]+v[1] >= 3 && (v[0] >= 4*v[1] || v[1] >= 4*v[0]) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("# first name -> m/f, derived by entities/internal/train (see gender.go there)\n")
	for _, n := range names {
		g := "m"
		if votes[n][1] > votes[n][0] {
			g = "f"
		}
		fmt.Fprintf(&b, "%s\t%s\n", n, g)
	}
	return len(names), os.WriteFile(out, []byte(b.String()), 0o644)
}

func isPer(t int) bool { return strings.HasSuffix(entities.TagNames[t], "PER") }

func vote(votes map[string]*[2]int, words [][]string, tags [][]int) {
	for si := range words {
		for _, c := range sentChunks(sent{words: words[si], tags: tags[si]}) {
			if c.typ != "PER" || c.j-c.i < 2 {
				continue
			}
			first := strings.ToLower(words[si][c.i])
			if len([]rune(first)) < 3 || strings.HasSuffix(first, ".") || !isLetters(first) {
				continue
			}
			g := -1
		scan:
			for sj := si; sj < len(words) && sj <= si+1; sj++ {
				start := 0
				if sj == si {
					start = c.j
				}
				for k := start; k < len(words[sj]); k++ {
					if isPer(tags[sj][k]) {
						break scan
					}
					switch strings.ToLower(words[sj][k]) {
					case "he", "him", "his", "himself":
						g = 0
						break scan
					case "she", "her", "hers", "herself":
						g = 1
						break scan
					}
				}
			}
			if g >= 0 {
				v := votes[first]
				if v == nil {
					v = &[2]int{}
					votes[first] = v
				}
				v[g]++
			}
		}
	}
}

func isLetters(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z') && r < 0x80 {
			return false
		}
	}
	return true
}

var _ = accord.Span{}
