//go:build !windows

package sqlite

import (
	"os"
	"path/filepath"
	"runtime"
)

// dataDir is the folder the user's application data goes in: $XDG_DATA_HOME or
// ~/.local/share on Linux, the user's configuration folder elsewhere.
func dataDir() string {
	if runtime.GOOS == "linux" {
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			return d
		}
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, ".local", "share")
		}
	}
	if d, err := os.UserConfigDir(); err == nil {
		return d
	}
	return "."
}
