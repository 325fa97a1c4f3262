//go:build !windows

package privatedir

import "os"

// Make creates dir, and any missing parent, readable by its owner only.
func Make(dir string) error {
	return os.MkdirAll(dir, 0o700)
}
