package backup

import (
	"context"
	"errors"
	"os"

	"frontdesk/errs"
)

// Eraser erases one guest from backup files; the storage package implements it.
type Eraser interface {
	// BackupHolds reports whether the backup at path holds the guest's data: their
	// profile, not yet erased.
	BackupHolds(ctx context.Context, path, guestID string) (bool, error)
	// EraseGuestFromBackup erases the guest from the backup at path and compacts it, so
	// no copy of their data is left in it, and checks it again as every backup is
	// checked. A failure leaves the backup as it was.
	EraseGuestFromBackup(ctx context.Context, path, guestID string) error
}

// Holding returns the backups of dbPath that hold the guest's data, newest first. A
// backup that cannot be read counts as holding it: nobody can say it does not.
func Holding(ctx context.Context, e Eraser, dbPath, guestID string) ([]File, error) {
	files, err := List(dbPath)
	if err != nil {
		return nil, err
	}
	var out []File
	for _, f := range files {
		held, err := e.BackupHolds(ctx, f.Path, guestID)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if held || err != nil {
			out = append(out, f)
		}
	}
	return out, nil
}

// EraseGuest erases the guest from every backup of dbPath that holds them, one file at
// a time, and returns how many it erased them from out of how many it looked at. A
// backup that fails is left as it was and named in the error; the others are still
// done. A backup the schedule rotated out meanwhile is gone already, which is as good.
// progress, when set, is called after each backup with the number done of the total.
func EraseGuest(ctx context.Context, e Eraser, dbPath, guestID string, progress func(done, total int)) (erased, checked int, err error) {
	files, err := List(dbPath)
	if err != nil {
		return 0, 0, err
	}
	var problems []error
	for i, f := range files {
		n, err := eraseFrom(ctx, e, f, guestID)
		if ctx.Err() != nil {
			return erased, i, ctx.Err()
		}
		erased += n
		if err != nil {
			problems = append(problems, errs.Wrap(err, errs.CodeOf(err),
				"The guest was not erased from the backup {{.Path}}: {{.Reason}}", map[string]any{"Path": f.Path, "Reason": err.Error()}))
		}
		if progress != nil {
			progress(i+1, len(files))
		}
	}
	return erased, len(files), errors.Join(problems...)
}

// eraseFrom erases the guest from one backup that holds them; it returns 1 when it did.
func eraseFrom(ctx context.Context, e Eraser, f File, guestID string) (int, error) {
	held, err := e.BackupHolds(ctx, f.Path, guestID)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil // rotated out while we worked
	}
	if err != nil || !held {
		return 0, err
	}
	if err := e.EraseGuestFromBackup(ctx, f.Path, guestID); err != nil {
		if _, gone := os.Stat(f.Path); errors.Is(gone, os.ErrNotExist) {
			return 0, nil
		}
		return 0, err
	}
	return 1, nil
}
