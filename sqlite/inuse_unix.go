//go:build unix

package sqlite

import (
	"errors"
	"os"
	"syscall"
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
