package entities

import (
	"strings"
	"unicode"

	"github.com/accord-news/accord"
)

// ChainGenders returns the gender of each person chain of d ("m" or "f";
// chains with no evidence or with evidence both ways are absent), read from
// what the coreference step uses: the honorific written before a name or
// opening it ("Mr", "Ms", "Lady") and the known gender of its first name.
// The he/she pronouns a chain holds are no evidence: they were resolved by
// nearness and would give a chain the gender of a wrong pronoun. It reads
// d.Text and d.Mentions as the entities stage left them.
func ChainGenders(d *accord.Document) map[int]string {
	votes := map[int]*[3]int{}
	for _, m := range d.Mentions {
		if m.Chain < 0 || m.Type != "PERSON" || m.Kind != accord.MentionName {
			continue
		}
		v := votes[m.Chain]
		if v == nil {
			v = &[3]int{}
			votes[m.Chain] = v
		}
		if g := honorificBefore(d.Text, m.Start); g != genderUnknown {
			v[g]++
		}
		if g := honorificIn(m.Text); g != genderUnknown {
			v[g]++
		}
		if first, _, _ := personName(m.Text); first != "" {
			if g := firstNameGender(first); g != genderUnknown {
				v[g]++
			}
		}
	}
	out := map[int]string{}
	for c, v := range votes {
		switch {
		case v[genderMale] > 0 && v[genderFemale] == 0:
			out[c] = "m"
		case v[genderFemale] > 0 && v[genderMale] == 0:
			out[c] = "f"
		}
	}
	return out
}

// honorificBefore reads an honorific right before off ("Mr ", "Mrs. ").
func honorificBefore(txt string, off int) int {
	j := off
	for j > 0 && txt[j-1] == ' ' {
		j--
	}
	if j > 0 && txt[j-1] == '.' {
		j--
	}
	i := j
	for i > 0 && unicode.IsLetter(rune(txt[i-1])) {
		i--
	}
	if i == j || j-i > 8 {
		return genderUnknown
	}
	return honorificWord(strings.ToLower(txt[i:j]))
}

// honorificIn reads an honorific that opens a name mention ("Mr Smith").
func honorificIn(name string) int {
	f := strings.Fields(name)
	if len(f) < 2 {
		return genderUnknown
	}
	return honorificWord(strings.ToLower(strings.TrimSuffix(f[0], ".")))
}

func honorificWord(w string) int {
	switch {
	case honorificsMale[w] || honorificsMale[w+"."]:
		return genderMale
	case honorificsFemale[w] || honorificsFemale[w+"."]:
		return genderFemale
	}
	return genderUnknown
}
