//go:build !unix

package sqlite

import (
	"os"

	"frontdesk/errs"
)

// MsgServedElsewhere is the refusal of a second server on one file.
const MsgServedElsewhere = "Another Frontdesk server is already serving {{.Path}}."

// LockForServing takes the serving lock of the database at path: the lock file is
// opened for writing with no sharing, which a second server cannot do while the first
// holds it.
func LockForServing(path string) (release func(), err error) {
	f, err := os.OpenFile(path+".serve-lock", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if os.IsExist(err) {
			if rmErr := os.Remove(path + ".serve-lock"); rmErr == nil {
				return LockForServing(path)
			}
			return nil, errs.New(errs.Unavailable, MsgServedElsewhere, map[string]any{"Path": path})
		}
		return nil, err
	}
	return func() { f.Close(); os.Remove(path + ".serve-lock") }, nil
}

// InUse reports whether another program has the database file open: not known here.
func InUse(path string) (bool, error) { return inUse(path) }
