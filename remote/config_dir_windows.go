package remote

import "os"

// configDir is %LOCALAPPDATA%, the user's data on this PC.
func configDir() string {
	if d := os.Getenv("LOCALAPPDATA"); d != "" {
		return d
	}
	if dir, err := os.UserConfigDir(); err == nil {
		return dir
	}
	return "."
}
