package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"frontdesk/backup"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

var _ backup.Eraser = BackupFiles{}

// PlanErasure tells a manager what erasing the guest involves beyond their rows: the
// one-time privacy compaction when the file has not had it, and the kept backups that
// hold the guest (each looked into, read-only).
func (s *Store) PlanErasure(ctx context.Context, guestID string) (guests.ErasurePlan, error) {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermGuestPrivacy); err != nil {
		return guests.ErasurePlan{}, err
	}
	compacted, err := s.PrivacyCompacted(ctx)
	if err != nil {
		return guests.ErasurePlan{}, err
	}
	held, err := backup.Holding(ctx, BackupFiles{}, s.path, guestID)
	if err != nil {
		return guests.ErasurePlan{}, err
	}
	return guests.ErasurePlan{Compaction: !compacted, Backups: len(held), BackupDir: backup.DirFor(s.path), KeepBackups: s.keep}, nil
}

// EraseGuestFromBackups erases the guest from every kept backup that holds them
// (backup.EraseGuest) and records it in the audit log.
func (s *Store) EraseGuestFromBackups(ctx context.Context, guestID string, progress func(done, total int)) (guests.BackupErasure, error) {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermGuestPrivacy); err != nil {
		return guests.BackupErasure{}, err
	}
	erased, checked, err := backup.EraseGuest(ctx, BackupFiles{}, s.path, guestID, progress)
	out := guests.BackupErasure{Erased: erased, Checked: checked}
	if erased > 0 {
		c := change{entity: "guest", entityID: guestID, guestID: guestID, action: "erase from backups"}
		err = errors.Join(err, s.writeAudited(ctx, c, func(*sql.Tx) error { return nil }))
	}
	return out, err
}

// BackupHolds is the package function BackupHolds.
func (BackupFiles) BackupHolds(ctx context.Context, path, guestID string) (bool, error) {
	return BackupHolds(ctx, path, guestID)
}

// EraseGuestFromBackup is the package function EraseGuestFromBackup.
func (BackupFiles) EraseGuestFromBackup(ctx context.Context, path, guestID string) error {
	return EraseGuestFromBackup(ctx, path, guestID)
}

// BackupHolds reports, reading the backup at path without changing it, whether it holds
// the guest's data: their profile not erased, or erased in a file that was never
// compacted (its free space may still hold the profile as it was).
func BackupHolds(ctx context.Context, path, guestID string) (bool, error) {
	if _, err := os.Stat(path); err != nil {
		return false, err
	}
	db, err := sql.Open("sqlite3", "file:"+escapePath(path)+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		return false, mapErr(err)
	}
	defer db.Close()
	var erasedAt string
	var compacted int
	err = db.QueryRowContext(ctx, `SELECT erased_at, (SELECT count(*) FROM settings WHERE key = ?)
		FROM guests WHERE id = ?`, privacyCompactedKey, guestID).Scan(&erasedAt, &compacted)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, mapErr(err)
	}
	return erasedAt == "" || compacted == 0, nil
}

// EraseGuestFromBackup erases the guest from the backup at path, whatever their stay
// was when it was taken, and compacts it (CompactForPrivacy), so the backup holds no
// copy of their data; the backup is then checked as every backup is (VerifyBackup). The
// work is done on a copy beside the backup, which takes its place only once checked: a
// failure leaves the backup as it was. The copy is brought to this program's schema, as
// a restore would. The actor in ctx is recorded in the backup's audit log.
func EraseGuestFromBackup(ctx context.Context, path, guestID string) error {
	if _, err := VerifyBackup(ctx, path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := newTemp(dir, filepath.Base(path)+".partial")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			removeWork(tmp)
		}
	}()
	if err := copyFile(path, tmp); err != nil {
		return writeFault(dir, err)
	}
	if err := eraseInCopy(ctx, tmp, guestID); err != nil {
		return err
	}
	if _, err := VerifyBackup(ctx, tmp); err != nil {
		return errs.Wrap(err, errs.Internal, "The backup {{.Path}} failed its check after the guest was erased from it, so it was left as it was. Ask IT to check the disk.", map[string]any{"Path": path})
	}
	if _, err := os.Stat(path); err != nil {
		return err // rotated out meanwhile: nothing to replace
	}
	if err := os.Rename(tmp, path); err != nil {
		return writeFault(dir, err)
	}
	done = true
	syncDir(dir)
	return nil
}

// eraseInCopy erases the guest in the database file at path, compacts it and leaves it
// one self-contained file in rollback-journal mode, as backups are.
func eraseInCopy(ctx context.Context, path, guestID string) error {
	s, err := Open(ctx, path, Options{})
	if err != nil {
		return err
	}
	err = s.eraseRows(ctx, guestID, false)
	if err == nil {
		err = s.CompactForPrivacy(ctx)
	}
	if err = errors.Join(err, s.Close()); err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", "file:"+escapePath(path)+fmt.Sprintf("?_busy_timeout=%d", defaultBusyTimeout.Milliseconds()))
	if err != nil {
		return mapErr(err)
	}
	defer db.Close()
	var mode string
	return mapErr(db.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode))
}

// copyFile copies from into the existing file to and makes it durable.
func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	return errors.Join(err, dst.Close())
}

// removeWork removes a working copy with whatever SQLite kept beside it.
func removeWork(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		os.Remove(p)
	}
}
