package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-sqlite3"

	"frontdesk/backup"
	"frontdesk/errs"
)

var (
	_ backup.Source   = (*Store)(nil)
	_ backup.Restorer = BackupFiles{}
)

// Backup writes an online backup of the open database to dest with SQLite's backup API:
// one consistent snapshot, taken while the desk keeps writing. The backup is a single
// self-contained file, created owner-only and verified before it gets its name; dest
// must not exist.
func (s *Store) Backup(ctx context.Context, dest string) (backup.Info, error) {
	conn, err := s.reader.Conn(ctx)
	if err != nil {
		return backup.Info{}, mapErr(err)
	}
	defer conn.Close()
	return writeBackup(ctx, conn, dest, s.busy)
}

// BackupFile backs up the Frontdesk database at path without opening it as a Store, so
// nothing in it changes (no migration runs) and a missing file is not created.
func BackupFile(ctx context.Context, path, dest string) (backup.Info, error) {
	if _, err := os.Stat(path); err != nil {
		return backup.Info{}, errs.Wrap(err, errs.NotFound, "There is no database file {{.Path}}.", map[string]any{"Path": path})
	}
	if ok, _ := isSQLite(path); !ok {
		return backup.Info{}, errs.Wrap(errDamaged, errs.Unavailable, "The file {{.Path}} is not a Frontdesk database, or it is damaged. Nothing was changed; restore a backup or choose another file with --db.", map[string]any{"Path": path})
	}
	db, err := sql.Open("sqlite3", "file:"+escapePath(path)+fmt.Sprintf("?_query_only=1&_busy_timeout=%d", defaultBusyTimeout.Milliseconds()))
	if err != nil {
		return backup.Info{}, openFault(path, err)
	}
	defer db.Close()
	if _, err := checkSchema(ctx, db, knownVersion()); err != nil {
		return backup.Info{}, openFault(path, err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return backup.Info{}, openFault(path, err)
	}
	defer conn.Close()
	return writeBackup(ctx, conn, dest, defaultBusyTimeout)
}

// writeBackup copies src into a hidden temporary file beside dest, verifies it and only
// then renames it to dest, so a file with a backup's name is always a whole, checked
// backup. Nothing is left behind when it fails.
func writeBackup(ctx context.Context, src *sql.Conn, dest string, busy time.Duration) (backup.Info, error) {
	if _, err := os.Lstat(dest); err == nil {
		return backup.Info{}, errs.New(errs.Conflict, "The file {{.Path}} already exists; choose another name for the backup.", map[string]any{"Path": dest})
	}
	dir := filepath.Dir(dest)
	tmp, err := newTemp(dir, filepath.Base(dest)+".partial")
	if err != nil {
		return backup.Info{}, err
	}
	done := false
	defer func() {
		if !done {
			removeTemp(tmp)
		}
	}()
	if err := copyDatabase(ctx, src, tmp, busy); err != nil {
		return backup.Info{}, mapErr(err)
	}
	info, err := VerifyBackup(ctx, tmp)
	if err != nil {
		return backup.Info{}, errs.Wrap(err, errs.Internal, "The backup just written to {{.Dir}} failed its check, so it was deleted; the earlier backups are kept. Ask IT to check the disk.", map[string]any{"Dir": dir})
	}
	if err := os.Rename(tmp, dest); err != nil {
		return backup.Info{}, writeFault(dir, err)
	}
	done = true
	syncDir(dir)
	return info, nil
}

// newTemp creates an empty owner-only file in dir for SQLite to fill.
func newTemp(dir, name string) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+"-*") // CreateTemp makes it 0600
	if err != nil {
		return "", writeFault(dir, err)
	}
	return f.Name(), f.Close()
}

func removeTemp(path string) {
	os.Remove(path)
	os.Remove(path + "-journal")
}

// writeFault is the message for a backup or restore that cannot write its file.
func writeFault(dir string, err error) error {
	return errs.Wrap(err, errs.Unavailable, "Frontdesk cannot write in {{.Dir}}. Ask IT to check that the folder exists, that this user account may write there, and that the disk has space.", map[string]any{"Dir": dir})
}

// copyDatabase copies the database open on src into the empty file dest with SQLite's
// backup API, and leaves dest in rollback-journal mode: one file, nothing beside it.
func copyDatabase(ctx context.Context, src *sql.Conn, dest string, busy time.Duration) error {
	db, err := sql.Open("sqlite3", "file:"+escapePath(dest)+fmt.Sprintf("?_busy_timeout=%d", busy.Milliseconds()))
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	err = conn.Raw(func(d any) error {
		return src.Raw(func(s any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", s.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			// One step copies every page while holding one read snapshot of the source.
			for done := false; !done && err == nil; {
				done, err = b.Step(-1)
			}
			return errors.Join(err, b.Finish())
		})
	})
	if err != nil {
		return err
	}
	var mode string
	return conn.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode)
}

// VerifyBackup checks, over a read-only connection, that path is a whole Frontdesk
// database this program can open: SQLite's full integrity check passes, the application
// ID is Frontdesk's and the schema is not newer than this program's.
func VerifyBackup(ctx context.Context, path string) (backup.Info, error) {
	args := map[string]any{"Path": path}
	notOurs := errs.New(errs.Invalid, "The file {{.Path}} is not a Frontdesk backup. Nothing was changed; choose another file.", args)
	if ok, err := isSQLite(path); err != nil {
		return backup.Info{}, errs.Wrap(err, errs.NotFound, "Frontdesk cannot read the backup {{.Path}}. Check the name and its permissions.", args)
	} else if !ok {
		return backup.Info{}, notOurs
	}
	db, err := sql.Open("sqlite3", "file:"+escapePath(path)+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		return backup.Info{}, mapErr(err)
	}
	defer db.Close()
	problems, err := pragmaLines(ctx, db, "PRAGMA integrity_check(5)")
	if err != nil || len(problems) != 1 || problems[0] != "ok" {
		return backup.Info{}, errs.Wrap(fmt.Errorf("%w: integrity_check %v %v", errDamaged, problems, err), errs.Invalid,
			"The backup {{.Path}} is damaged and cannot be used. Nothing was changed; choose an older backup.", args)
	}
	var info backup.Info
	var appID, hasRequests int
	err = db.QueryRowContext(ctx, `SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT count(*) FROM sqlite_master WHERE name = 'requests')`).Scan(&appID, &hasRequests)
	if err != nil || appID != applicationID {
		return backup.Info{}, notOurs
	}
	if err := db.QueryRowContext(ctx, "SELECT max(version), (SELECT count(*) FROM guests) FROM schema_migrations").Scan(&info.Schema, &info.Guests); err != nil {
		return backup.Info{}, notOurs
	}
	if info.Schema > knownVersion() {
		return backup.Info{}, errs.New(errs.Invalid, "The backup {{.Path}} was written by a newer version of Frontdesk. Nothing was changed; install the newer Frontdesk to use it.", args)
	}
	if hasRequests > 0 {
		err = db.QueryRowContext(ctx, "SELECT count(*) FROM requests").Scan(&info.Requests)
	}
	return info, mapErr(err)
}

// isSQLite reports whether the file at path starts with SQLite's header.
func isSQLite(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	return n == 16 && string(head) == "SQLite format 3\x00", nil
}

// knownVersion is the newest schema this program knows.
func knownVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// syncDir makes a rename in dir durable; file systems that cannot sync a folder are
// left to their own devices.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
