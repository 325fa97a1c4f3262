package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"frontdesk/backup"
	"frontdesk/errs"
)

// BackupFiles checks and restores backup files (backup.Restorer) without a Store, so it
// works when the database itself cannot be opened. The zero value is ready to use.
type BackupFiles struct {
	Now func() time.Time // names the kept copy of the replaced file; time.Now when nil
}

// VerifyBackup is the package function VerifyBackup.
func (BackupFiles) VerifyBackup(ctx context.Context, path string) (backup.Info, error) {
	return VerifyBackup(ctx, path)
}

// Restore is the package function Restore at the current time.
func (b BackupFiles) Restore(ctx context.Context, from, db string) (string, error) {
	now := time.Now
	if b.Now != nil {
		now = b.Now
	}
	return Restore(ctx, from, db, now())
}

// Restore puts the backup from in place of the database file db. It verifies the backup
// first, refuses while Frontdesk has db open, and never destroys the file it replaces:
// db (with its -wal and -shm files) is renamed to db.before-restore-TIME, returned as
// kept ("" when there was no file). The restored copy is written and verified beside db
// before anything is renamed.
func Restore(ctx context.Context, from, db string, now time.Time) (kept string, err error) {
	if sameFile(from, db) {
		return "", errs.New(errs.Invalid, "The backup and the database are the same file; choose a backup from the backups folder.", nil)
	}
	if _, err := VerifyBackup(ctx, from); err != nil {
		return "", err
	}
	dir := filepath.Dir(db)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return "", errs.New(errs.Unavailable, "The folder for the database does not exist: {{.Dir}}. Create it or choose another file with --db.", map[string]any{"Dir": dir})
	}
	if busy, err := inUse(db); err != nil || busy {
		return "", errs.Wrap(err, errs.Unavailable, "Frontdesk (or another program) still has {{.Path}} open. Close Frontdesk at every desk that uses this file, then restore again.", map[string]any{"Path": db})
	}
	tmp, err := restoredCopy(ctx, from, dir, filepath.Base(db))
	if err != nil {
		return "", err
	}
	if kept, err = keepOld(db, now); err != nil {
		removeTemp(tmp)
		return "", err
	}
	if err := os.Rename(tmp, db); err != nil {
		removeTemp(tmp)
		return "", errors.Join(writeFault(dir, err), putBack(kept, db))
	}
	syncDir(dir)
	return kept, nil
}

// restoredCopy copies from into a hidden file in dir with the backup API and verifies it.
func restoredCopy(ctx context.Context, from, dir, name string) (string, error) {
	tmp, err := newTemp(dir, name+".restoring")
	if err != nil {
		return "", err
	}
	src, err := sql.Open("sqlite3", "file:"+escapePath(from)+"?mode=ro&_busy_timeout=5000")
	if err == nil {
		err = copyFrom(ctx, src, tmp)
		src.Close()
	}
	if err == nil {
		_, err = VerifyBackup(ctx, tmp)
	}
	if err != nil {
		removeTemp(tmp)
		return "", errs.Wrap(err, errs.Unavailable, "Frontdesk could not write the restored copy in {{.Dir}}, so nothing was changed. Ask IT to check the folder and the disk.", map[string]any{"Dir": dir})
	}
	return tmp, nil
}

func copyFrom(ctx context.Context, src *sql.DB, dest string) error {
	conn, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return copyDatabase(ctx, conn, dest, defaultBusyTimeout)
}

// companions are the files SQLite keeps beside a database; they belong with it.
var companions = []string{"", "-wal", "-shm"}

// keepOld renames db and its companions to db.before-restore-TIME (numbered if that
// exists) and returns the new name, or "" when there is no db.
func keepOld(db string, now time.Time) (string, error) {
	if _, err := os.Lstat(db); errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	kept := db + ".before-restore-" + now.UTC().Format("20060102T150405Z")
	for n := 2; exists(kept); n++ {
		kept = fmt.Sprintf("%s.before-restore-%s-%d", db, now.UTC().Format("20060102T150405Z"), n)
	}
	for i, suffix := range companions {
		if err := os.Rename(db+suffix, kept+suffix); err != nil && (i == 0 || !errors.Is(err, os.ErrNotExist)) {
			return "", errors.Join(writeFault(filepath.Dir(db), err), putBack(kept, db))
		}
	}
	return kept, nil
}

// putBack undoes keepOld after a failed restore.
func putBack(kept, db string) error {
	if kept == "" {
		return nil
	}
	var problems []error
	for _, suffix := range companions {
		if err := os.Rename(kept+suffix, db+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			problems = append(problems, err)
		}
	}
	return errors.Join(problems...)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
