//go:build unix

package sqlite

import (
	"errors"
	"os"
	"syscall"

	"frontdesk/errs"
)

// LockForServing takes the serving lock of the database at path (a lock on a file
// beside it, path + ".serve-lock", held while the process lives): one server per file.
// release gives it back.
func LockForServing(path string) (release func(), err error) {
	f, err := os.OpenFile(path+serveLockSuffix, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errs.New(errs.Unavailable, MsgServedElsewhere, map[string]any{"Path": path})
		}
		return nil, err
	}
	return func() { f.Close() }, nil
}
