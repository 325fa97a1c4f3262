package guests

import "errors"

// ErasurePlan is what an erasure involves beyond the guest's own rows.
type ErasurePlan struct {
	// Compaction is set when the database has not had its one-time privacy compaction
	// (a file written before Frontdesk overwrote every change): the erasure runs it, which
	// rewrites the whole file and takes minutes on a large database.
	Compaction bool
	// Backups are the kept backups that hold the guest's data, in BackupDir; they keep it
	// until the schedule replaces them, unless the guest is erased from them too.
	Backups   int
	BackupDir string
	// KeepBackups is how many backups of each kind (shift change, daily, manual) the
	// schedule keeps: the daily ones reach back that many days.
	KeepBackups int
}

// BackupErasure is what erasing a guest from the kept backups did.
type BackupErasure struct {
	Erased  int // backups the guest was erased from, each checked again
	Checked int // backups looked at
}

// ErrCopyInLog marks an erasure whose rows are erased but whose old versions are still
// in the database's write-ahead log, because another desk was reading them; erasing the
// guest again, once the other desks have finished, removes them.
var ErrCopyInLog = errors.New("an erased guest's data remains in the write-ahead log")

// Messages about an erasure's copies. They are translation keys too: keep the texts stable.
const (
	MsgErasedCopyInLog = "The guest's data is erased, but a copy remains in the database's log until the other desks finish reading it. Try again in a minute to remove it."
)
