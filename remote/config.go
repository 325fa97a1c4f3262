package remote

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"

	"frontdesk/privatedir"
)

// Modes of a desk PC, chosen at its first start and remembered.
const (
	ModeLocal  = "local"  // this PC on its own: the database file on this PC
	ModeServer = "server" // a desk of a Frontdesk server
)

// DeskConfig is what a desk PC remembers of how it works: on its own, or as a desk of
// the server it paired with. The file holds the desk's secret and is the user's alone.
type DeskConfig struct {
	Mode   string      `json:"mode"`
	Server *Credential `json:"server,omitempty"`
}

// ConfigPath is where the desk's choice is kept: the user's configuration folder on
// this PC (~/.config/frontdesk/desk.json on Linux, %LOCALAPPDATA%\frontdesk\desk.json on
// Windows, beside the database: the desk's secret names this PC, and %APPDATA% would
// carry it to every PC the user signs in to with a roaming profile).
func ConfigPath() string {
	return filepath.Join(configDir(), "frontdesk", "desk.json")
}

// LoadConfig reads the desk's choice; a PC that has not chosen yet has none (ok false).
func LoadConfig(path string) (DeskConfig, bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return DeskConfig{}, false, nil
	}
	if err != nil {
		return DeskConfig{}, false, err
	}
	var c DeskConfig
	if err := json.Unmarshal(b, &c); err != nil {
		return DeskConfig{}, false, err
	}
	return c, c.Mode != "", nil
}

// SaveConfig writes the desk's choice, owner-only, replacing the file whole.
func SaveConfig(path string, c DeskConfig) error {
	if err := privatedir.Make(filepath.Dir(path)); err != nil {
		return err
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
