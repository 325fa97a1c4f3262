package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/mattn/go-sqlite3"

	"frontdesk/errs"
)

// mapErr turns driver errors into typed errors with messages staff and IT can act on.
// Typed errors pass through unchanged.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	var typed *errs.Error
	var fields errs.Fields
	if errors.As(err, &typed) || errors.As(err, &fields) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return errs.Wrap(err, errs.NotFound, "Not found; it may have been removed at another desk.", nil)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return errs.Wrap(err, errs.Internal, "Something went wrong in the database; nothing was changed. The details are in the log.", nil)
	}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return errs.Wrap(err, errs.Unavailable, "The database is busy at another desk. Nothing was lost; try again in a moment.", nil)
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen:
		return errs.Wrap(err, errs.Unavailable, "Frontdesk cannot write to its database file. Ask IT to check the file's permissions and the disk.", nil)
	case sqlite3.ErrFull:
		return errs.Wrap(err, errs.Unavailable, "The disk is full, so the change was not saved. Ask IT to free space; nothing was lost.", nil)
	case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
		return errs.Wrap(err, errs.Unavailable, "The database file is damaged. Nothing was changed; ask IT to restore the latest backup.", nil)
	case sqlite3.ErrConstraint:
		return errs.Wrap(err, errs.Conflict, "This change conflicts with what is already stored.", nil)
	}
	return errs.Wrap(err, errs.Internal, "Something went wrong in the database; nothing was changed. The details are in the log.", nil)
}

// isUnique reports whether err is a UNIQUE or PRIMARY KEY constraint violation (a key
// already taken).
func isUnique(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey)
}

// isForeignKey reports whether err is a FOREIGN KEY constraint violation.
func isForeignKey(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintForeignKey
}
