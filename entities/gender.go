package entities

import (
	_ "embed"
	"strings"
	"sync"
)

// gender.tsv maps first names to m/f; it is derived from data by
// internal/train (see its gender.go).
//
//go:embed gender.tsv
var genderData string

var (
	genderOnce  sync.Once
	genderTable map[string]int
)

// firstNameGender returns the gender of a lower-cased first name, or
// genderUnknown.
func firstNameGender(first string) int {
	genderOnce.Do(func() {
		genderTable = map[string]int{}
		for _, line := range strings.Split(genderData, "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 2 {
				continue
			}
			switch f[1] {
			case "m":
				genderTable[f[0]] = genderMale
			case "f":
				genderTable[f[0]] = genderFemale
			}
		}
	})
	return genderTable[first]
}
