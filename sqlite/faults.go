package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"frontdesk/errs"
)

// errDamaged is the cause of every "damaged file" error, so IsDamaged can find it.
var errDamaged = errors.New("database file damaged")

// IsDamaged reports whether err says the database file is damaged or is not a database
// at all: the faults restoring a backup repairs. A file from a newer Frontdesk, a locked
// or read-only file are not damaged.
func IsDamaged(err error) bool {
	if errors.Is(err, errDamaged) {
		return true
	}
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// damaged returns the error for a damaged file at path, keeping what was found for IT;
// the start-up screen then offers the latest good backup.
func damaged(path string, found error) error {
	return errs.Wrap(fmt.Errorf("%w: %w", errDamaged, found), errs.Unavailable,
		"The database file {{.Path}} is damaged, so Frontdesk did not open it. Nothing was changed; restore the latest backup.", map[string]any{"Path": path})
}

// checkIntegrity runs SQLite's quick check on an existing database before anything
// writes to it, over a read-only connection, so a damaged file is refused untouched.
func checkIntegrity(ctx context.Context, path string, busy time.Duration) error {
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		return nil // a new database: nothing to check
	}
	db, err := sql.Open("sqlite3", "file:"+escapePath(path)+fmt.Sprintf("?mode=ro&_busy_timeout=%d", busy.Milliseconds()))
	if err != nil {
		return openFault(path, err)
	}
	defer db.Close()
	problems, err := pragmaLines(ctx, db, "PRAGMA quick_check(5)")
	if err != nil {
		return openFault(path, err)
	}
	if len(problems) != 1 || problems[0] != "ok" {
		return damaged(path, errors.New("quick_check: "+strings.Join(problems, "; ")))
	}
	return nil
}

// pragmaLines returns the one-column rows a check pragma reports.
func pragmaLines(ctx context.Context, db *sql.DB, pragma string) ([]string, error) {
	rows, err := db.QueryContext(ctx, pragma)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		out = append(out, line)
	}
	return out, rows.Err()
}

// checkWritable makes sure Frontdesk may change the database file and create its
// journal (the -wal and -shm files) beside it, naming what IT must fix if not.
func checkWritable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return errs.Wrap(err, errs.Unavailable, "The database file {{.Path}} is read-only, so Frontdesk cannot save anything. Nothing was changed; ask IT to let this user account change the file.", map[string]any{"Path": path})
		}
		return errs.Wrap(err, errs.Unavailable, "Frontdesk may not read the database file {{.Path}}. Check its permissions.", map[string]any{"Path": path})
	}
	f.Close()
	dir := filepath.Dir(path)
	probe, err := os.CreateTemp(dir, ".frontdesk-probe-*")
	if err != nil {
		return errs.Wrap(err, errs.Unavailable, "Frontdesk cannot write in the folder {{.Dir}}, where it keeps the database's journal. Nothing was changed; ask IT to let this user account write there.", map[string]any{"Dir": dir})
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// openFault gives a database error met while opening path a message that names the
// file, so IT knows which one to look at. Errors that already say what is wrong pass
// through.
func openFault(path string, err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return mapErr(err)
	}
	args := map[string]any{"Path": path}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return errs.Wrap(err, errs.Unavailable, "The database file {{.Path}} is locked by another program, so Frontdesk cannot open it. Nothing was changed; close the other program (IT: find what holds the file open) and start Frontdesk again.", args)
	case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
		return damaged(path, err)
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen, sqlite3.ErrAuth:
		return errs.Wrap(err, errs.Unavailable, "Frontdesk cannot open the database file {{.Path}} for writing, or the -wal and -shm files beside it. Nothing was changed; ask IT to check their permissions and the disk.", args)
	}
	return mapErr(err)
}
