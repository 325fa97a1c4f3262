package sqlite

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"

	"frontdesk/errs"
)

// Windows locks byte ranges with LockFileEx, per file handle: SQLite's own locks
// (os_win.c) are on the same bytes as on Unix, and a lock held through another handle,
// in this process or another, makes ours fail at once with ERROR_LOCK_VIOLATION.

// inUse reports whether a program (another one, or another connection of this one) has
// the database file open. Windows cannot only ask, as Unix can: it takes an exclusive
// lock on SQLite's lock bytes for an instant and gives it straight back. A connection
// that wants a lock in that instant sees SQLITE_BUSY and retries within its busy timeout.
func inUse(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	err = lockRange(f, lockStart, lockLen)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	return false, unlockRange(f, lockStart, lockLen)
}

// LockForServing takes the serving lock of the database at path (an exclusive lock on
// the first byte of a file beside it, path + ".serve-lock", held while the process
// lives; Windows drops it when the process ends): one server per file. release gives
// it back.
func LockForServing(path string) (release func(), err error) {
	f, err := os.OpenFile(path+serveLockSuffix, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockRange(f, 0, 1); err != nil {
		f.Close()
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			return nil, errs.New(errs.Unavailable, MsgServedElsewhere, map[string]any{"Path": path})
		}
		return nil, err
	}
	return func() { f.Close() }, nil
}

// lockRange takes an exclusive lock on n bytes of f from off, or fails at once.
func lockRange(f *os.File, off, n uint32) error {
	ol := windows.Overlapped{Offset: off}
	return windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, n, 0, &ol)
}

// unlockRange gives back a lock taken by lockRange.
func unlockRange(f *os.File, off, n uint32) error {
	ol := windows.Overlapped{Offset: off}
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, n, 0, &ol)
}
