// Package split assigns a page to the training or the held-out half of the
// extraction data by a hash of its id, so trainer and evaluation agree.
package split

import "hash/fnv"

// Of returns "dev" for about one page in three (held out), else "train".
func Of(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	if h.Sum32()%3 == 0 {
		return "dev"
	}
	return "train"
}
