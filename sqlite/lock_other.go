//go:build !unix && !windows

package sqlite

import (
	"errors"
	"os"
)

// tryFlock has no implementation here: the coordinator lock is refused
// rather than silently not held.
func tryFlock(*os.File) (bool, error) {
	return false, errors.New("coordinator lock not supported on this platform")
}
