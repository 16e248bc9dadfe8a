package accord

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"unicode"
)

// ResolveNameIDs keeps documents whose ID is a file's base name apart from
// other files of the same name. A store keys documents by ID, and a new
// content under a known ID is that document's new version; that is right for
// a file edited in place, or a feed item updated under its guid, but two
// files "a/001.txt" and "b/001.txt" are two documents. So an input with
// IDFromName whose ID is held (in the store, or earlier in the same batch)
// by a document from another source gets the ID "001~b" (its folder's
// name), or "001~" and a hash of its source when that is taken too. The
// same file always gets the same ID, so re-ingesting stays idempotent.
//
// latestSource returns the source of the latest stored version of an ID,
// and whether the ID is stored.
func ResolveNameIDs(inputs []*Input, latestSource func(id string) (source string, ok bool, err error)) error {
	batch := map[string]string{} // id -> source, within this batch
	owner := func(id string) (string, bool, error) {
		if src, ok := batch[id]; ok {
			return src, true, nil
		}
		return latestSource(id)
	}
	for _, in := range inputs {
		if in == nil || in.ID == "" {
			continue
		}
		if in.IDFromName {
			for _, cand := range []string{in.ID, in.ID + "~" + folderTag(in.Source), in.ID + "~" + sourceTag(in.Source)} {
				src, ok, err := owner(cand)
				if err != nil {
					return err
				}
				if !ok || src == in.Source {
					in.ID = cand
					break
				}
			}
		}
		if _, ok := batch[in.ID]; !ok {
			batch[in.ID] = in.Source
		}
	}
	return nil
}

// folderTag is the name of a source file's folder, reduced to letters,
// digits, '-' and '_' ("" at the root).
func folderTag(source string) string {
	dir := filepath.Base(filepath.Dir(filepath.ToSlash(source)))
	if dir == "." || dir == "/" || dir == ".." {
		return sourceTag(source)
	}
	t := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
			return r
		}
		return -1
	}, dir)
	if t == "" {
		return sourceTag(source)
	}
	return t
}

// sourceTag is 8 hex digits of the SHA-256 of a source.
func sourceTag(source string) string {
	sum := sha256.Sum256([]byte(source))
	return hex.EncodeToString(sum[:4])
}
