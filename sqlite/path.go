package sqlite

import (
	"context"
	"path/filepath"

	"frontdesk/errs"
	"frontdesk/privatedir"
)

// DefaultPath is where the database lives when no --db is given: the user's data
// directory ($XDG_DATA_HOME or ~/.local/share on Linux, %LOCALAPPDATA% on Windows).
func DefaultPath() string {
	return filepath.Join(dataDir(), "frontdesk", "frontdesk.db")
}

// PrepareDefaultPath creates the default database folder, owner-only, and returns the path.
func PrepareDefaultPath() (string, error) {
	p := DefaultPath()
	if err := privatedir.Make(filepath.Dir(p)); err != nil {
		return "", errs.Wrap(err, errs.Unavailable, "Frontdesk cannot create its data folder {{.Dir}}.", map[string]any{"Dir": filepath.Dir(p)})
	}
	return p, nil
}

// HasGuests reports whether any guest is stored; demo data goes only into empty databases.
func (s *Store) HasGuests(ctx context.Context) (bool, error) {
	var any bool
	err := s.reader.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM guests)").Scan(&any)
	return any, mapErr(err)
}
