// Package split assigns a page to the training or the held-out part of the
// extraction data by a hash of its id, so trainer and evaluation agree.
package split

import "hash/fnv"

// Of returns "dev" for about one page in three (held out), else "train".
// The dev pages are fold 0 of Fold(id, 3).
func Of(id string) string {
	if Fold(id, 3) == 0 {
		return "dev"
	}
	return "train"
}

// Fold returns the page's fold, 0..k-1, for k-fold cross-validation.
func Fold(id string, k int) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(k))
}
