// Package backup keeps Frontdesk's backups: where they live, what they are called, how
// many are kept, and when they are taken (at every shift change and once a day). It does
// not know how a backup is written or checked; the storage package does that through the
// Source and Restorer interfaces, so this package imports no SQL driver.
package backup

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/property"
)

// Kind says why a backup was taken; each kind is rotated on its own.
type Kind string

// The kinds of backup.
const (
	KindShift  Kind = "shift"  // at a shift change
	KindDaily  Kind = "daily"  // once a day
	KindManual Kind = "manual" // `frontdesk backup` without --out
)

// DefaultKeep is how many backups of each kind are kept when nothing else is configured:
// with three shifts a day, 7 shift backups reach back more than two days, and 7 daily
// backups a week; 14 copies of the database in all.
const DefaultKeep = 7

// Info describes a verified backup.
type Info struct {
	Schema   int // the schema (migration) version it was written with
	Guests   int
	Requests int
}

// File is one backup file in a backup folder.
type File struct {
	Path  string
	Taken time.Time // UTC, from the file name
	Kind  Kind
}

// Writer writes backups of one database.
type Writer interface {
	// Backup writes a complete, verified backup to dest, which must not exist yet.
	Backup(ctx context.Context, dest string) (Info, error)
}

// Source is the live database the scheduler backs up.
type Source interface {
	Writer
	// ShiftTimes returns when the shifts start, so backups follow shift changes.
	ShiftTimes(ctx context.Context) (property.ShiftTimes, error)
}

// Restorer checks backup files and puts one back in place of a database file.
type Restorer interface {
	// VerifyBackup checks that path is a whole, undamaged Frontdesk database this program
	// can open.
	VerifyBackup(ctx context.Context, path string) (Info, error)
	// Restore verifies from, keeps the current database file under a new name (returned)
	// and puts a copy of from in its place.
	Restore(ctx context.Context, from, db string) (kept string, err error)
}

// stampLayout is the time in a backup's name: UTC, fixed width, so name order is time order.
const stampLayout = "20060102T150405Z"

// DirFor is the folder a database's backups go in: "backups" beside the database file.
func DirFor(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// baseFor is the database file's name without its extension; every backup name starts
// with it, so two databases can share a backup folder.
func baseFor(dbPath string) string {
	b := filepath.Base(dbPath)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// Name is the file name of a backup of dbPath taken at t: base-YYYYMMDDTHHMMSSZ-kind.db.
func Name(dbPath string, kind Kind, t time.Time) string {
	return baseFor(dbPath) + "-" + t.UTC().Format(stampLayout) + "-" + string(kind) + ".db"
}

// parseName reads a name made by Name for a database with base name base.
func parseName(base, name string) (time.Time, Kind, bool) {
	rest, ok := strings.CutPrefix(name, base+"-")
	if !ok {
		return time.Time{}, "", false
	}
	rest, ok = strings.CutSuffix(rest, ".db")
	if !ok || len(rest) < len(stampLayout)+2 || rest[len(stampLayout)] != '-' {
		return time.Time{}, "", false
	}
	t, err := time.Parse(stampLayout, rest[:len(stampLayout)])
	kind := Kind(rest[len(stampLayout)+1:])
	switch kind {
	case KindShift, KindDaily, KindManual:
		return t, kind, err == nil
	}
	return time.Time{}, "", false
}

// List returns the backups of dbPath in its backup folder, newest first. A folder that
// does not exist holds no backups.
func List(dbPath string) ([]File, error) {
	dir := DirFor(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, errs.Wrap(err, errs.Unavailable, "Frontdesk cannot read the backup folder {{.Dir}}. Ask IT to check its permissions.", map[string]any{"Dir": dir})
	}
	base := baseFor(dbPath)
	var out []File
	for _, e := range entries {
		if t, kind, ok := parseName(base, e.Name()); ok && e.Type().IsRegular() {
			out = append(out, File{Path: filepath.Join(dir, e.Name()), Taken: t, Kind: kind})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Taken.After(out[j].Taken) })
	return out, nil
}

// Take writes a backup of kind for the database at dbPath into its backup folder, then
// removes the oldest backups of that kind beyond keep. A backup that fails leaves the
// earlier ones alone. When the backup was written but an old one could not be removed,
// the returned File is set and so is the error.
func Take(ctx context.Context, src Writer, dbPath string, kind Kind, now time.Time, keep int) (File, Info, error) {
	dir := DirFor(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return File{}, Info{}, errs.Wrap(err, errs.Unavailable, "Frontdesk cannot create the backup folder {{.Dir}}. Ask IT to check that it can write there.", map[string]any{"Dir": dir})
	}
	removeStalePartials(dir, baseFor(dbPath), now)
	f := File{Path: filepath.Join(dir, Name(dbPath, kind, now)), Taken: now.UTC().Truncate(time.Second), Kind: kind}
	info, err := src.Backup(ctx, f.Path)
	if err != nil {
		return File{}, Info{}, err
	}
	return f, info, rotate(dbPath, kind, keep)
}

// StaleAfter is how long a backup being written may go untouched before it counts as left
// behind by a Frontdesk that was stopped while writing it. Writing touches the file every
// moment; checking a resort's file takes a few minutes at most.
const StaleAfter = time.Hour

// removeStalePartials deletes the hidden files of backups of base that were being written
// when their Frontdesk stopped (power cut, killed): each is as big as the database, and
// nothing else would ever remove them.
func removeStalePartials(dir, base string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, "."+base+"-")
		if !ok || rest == "" || rest[0] < '0' || rest[0] > '9' || !strings.Contains(rest, ".partial-") {
			continue // not a backup of this database being written
		}
		info, err := e.Info()
		if err == nil && now.Sub(info.ModTime()) > StaleAfter {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// rotate removes the oldest backups of kind beyond the newest keep (at least one is kept).
func rotate(dbPath string, kind Kind, keep int) error {
	files, err := List(dbPath)
	if err != nil {
		return err
	}
	keep = max(keep, 1)
	var problems []error
	for _, f := range files {
		if f.Kind != kind {
			continue
		}
		if keep > 0 {
			keep--
			continue
		}
		if err := os.Remove(f.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			problems = append(problems, err)
		}
	}
	return errors.Join(problems...)
}

// LatestGood returns the newest backup of dbPath that verifies, with what it holds. It
// returns a NotFound error when there is none.
func LatestGood(ctx context.Context, r Restorer, dbPath string) (File, Info, error) {
	files, err := List(dbPath)
	if err != nil {
		return File{}, Info{}, err
	}
	for _, f := range files {
		info, err := r.VerifyBackup(ctx, f.Path)
		if err == nil {
			return f, info, nil
		}
		if ctx.Err() != nil {
			return File{}, Info{}, ctx.Err()
		}
	}
	return File{}, Info{}, errs.New(errs.NotFound, "There is no usable backup in {{.Dir}}.", map[string]any{"Dir": DirFor(dbPath)})
}
