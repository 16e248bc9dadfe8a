package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// capTable learns, for each lower-cased word of the unlabeled news
// (Reuters-21578, BBC News) and the eng.train text, how often it is written
// capitalised when it is not the first word of a sentence: bucket 1 (< 5 %),
// 2 (< 50 %), 3 (< 95 %), 4 (>= 95 %). Words seen fewer than 3 times inside
// sentences are left out.
func capTable(root string, train []doc) map[string]uint8 {
	var sents [][]string
	for _, t := range loadUnlabeled(root) {
		addSent(&sents, t)
	}
	for _, d := range train {
		for _, s := range d {
			sents = append(sents, s.words)
		}
	}
	type cnt struct{ cap, low int }
	counts := map[string]*cnt{}
	for _, s := range sents {
		caps, letters := 0, 0
		for _, w := range s {
			for _, r := range w {
				if unicode.IsLetter(r) {
					letters++
					if unicode.IsUpper(r) {
						caps++
					}
				}
			}
		}
		if letters > 0 && caps*10 > letters*8 {
			continue // headline in capitals
		}
		for i, w := range s {
			if i == 0 {
				continue
			}
			prev := s[i-1]
			if prev == "." || prev == "!" || prev == "?" || prev == "\"" || prev == ":" || prev == "``" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsLetter(r) {
				continue
			}
			l := strings.ToLower(w)
			c := counts[l]
			if c == nil {
				c = &cnt{}
				counts[l] = c
			}
			if unicode.IsUpper(r) {
				c.cap++
			} else {
				c.low++
			}
		}
	}
	out := map[string]uint8{}
	for w, c := range counts {
		n := c.cap + c.low
		if n < 3 {
			continue
		}
		r := float64(c.cap) / float64(n)
		switch {
		case r < 0.05:
			out[w] = 1
		case r < 0.5:
			out[w] = 2
		case r < 0.95:
			out[w] = 3
		default:
			out[w] = 4
		}
	}
	return out
}
