package sqlite

// MsgServedElsewhere is the refusal of a second server on one file.
const MsgServedElsewhere = "Another Frontdesk server is already serving {{.Path}}."

// serveLockSuffix names the file beside a database whose lock marks it as served.
const serveLockSuffix = ".serve-lock"

// SQLite's lock bytes in a database file (pending, reserved, then the shared range), the
// same on Unix and Windows. In WAL mode every open connection holds a read lock on the
// shared range for as long as it is open, so a conflicting lock there means another
// program has the file open.
const (
	lockStart = 0x40000000
	lockLen   = 512
)

// InUse reports whether another program has the database file open.
func InUse(path string) (bool, error) { return inUse(path) }
