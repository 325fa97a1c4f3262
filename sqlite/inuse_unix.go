//go:build unix

package sqlite

import (
	"errors"
	"os"
	"syscall"
)

// SQLite's lock bytes in a database file (pending, reserved, then the shared range). In
// WAL mode every open connection holds a read lock on the shared range for as long as it
// is open, so a conflicting lock there means another program has the file open.
const (
	lockStart = 0x40000000
	lockLen   = 512
)

// inUse reports whether another process has the database file open. It only asks the
// operating system about locks; it takes none and reads nothing.
func inUse(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: 0, Start: lockStart, Len: lockLen}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_GETLK, &lk); err != nil {
		return false, err
	}
	return lk.Type != syscall.F_UNLCK, nil
}
