//go:build !windows

package remote

import "os"

// configDir is the user's configuration folder.
func configDir() string {
	if dir, err := os.UserConfigDir(); err == nil {
		return dir
	}
	return "."
}
