package sqlite

import (
	"context"
	"database/sql"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
)

// privacyCompactedKey is the setting that records when the file's one-time privacy
// compaction ran (migration 0018 records it at once for a file that never held a guest).
const privacyCompactedKey = "privacy_compacted_at"

// PrivacyCompacted reports whether the file holds no earlier versions of rows written
// before the writer overwrote what it freed: it was compacted, or made new since.
func (s *Store) PrivacyCompacted(ctx context.Context) (bool, error) {
	var n int
	err := s.reader.QueryRowContext(ctx, "SELECT count(*) FROM settings WHERE key = ?", privacyCompactedKey).Scan(&n)
	return n > 0, mapErr(err)
}

// CompactForPrivacy removes every earlier version of a row that the file still holds:
// both search indexes are built again from their rows and merged into one segment each
// (so no old segment keeps a word that was deleted or replaced, and no page an in-place
// delete edited keeps a piece of one: merging alone does nothing to an index that is a
// single segment already), VACUUM rewrites the file from its live rows (free pages
// and the free space inside pages go), the time is recorded, and the write-ahead log,
// which still holds the pages as they were, is emptied. It holds the writer for the
// whole run — minutes on a resort's file — and needs free disk space of about twice the
// file. It may run again at any time; it changes no data.
func (s *Store) CompactForPrivacy(ctx context.Context) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, fts := range []string{"guest_fts", "guest_house_fts"} {
			for _, cmd := range []string{"rebuild", "optimize"} {
				if _, err := tx.ExecContext(ctx, "INSERT INTO "+fts+"("+fts+") VALUES ('"+cmd+"')"); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if _, err := s.writer.ExecContext(ctx, "VACUUM"); err != nil {
		return mapErr(err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, privacyCompactedKey, fmtTime(s.now()))
		return err
	})
	if err != nil {
		return err
	}
	return s.emptyLog(ctx)
}

// removeCopies removes what a change leaves outside the live rows: on a file not yet
// compacted, the earlier versions of everything (CompactForPrivacy); on any file, the
// write-ahead log's copies of the pages as they were before.
func (s *Store) removeCopies(ctx context.Context) error {
	compacted, err := s.PrivacyCompacted(ctx)
	if err != nil {
		return err
	}
	if !compacted {
		return s.CompactForPrivacy(ctx)
	}
	return s.emptyLog(ctx)
}

// emptyLog copies the write-ahead log into the database file and truncates it to
// nothing. While another connection reads an older snapshot the log cannot be emptied
// (the checkpoint answers busy); it is tried again for as long as a write waits for
// another desk, and then reported: a copy is known to remain, so nothing may claim the
// data is gone.
func (s *Store) emptyLog(ctx context.Context) error {
	deadline := time.Now().Add(s.busy)
	for {
		var busy, frames, copied int
		err := s.writer.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &frames, &copied)
		if err != nil {
			return mapErr(err)
		}
		if busy == 0 {
			return nil
		}
		if !time.Now().Before(deadline) {
			return errs.Wrap(guests.ErrCopyInLog, errs.Unavailable, guests.MsgErasedCopyInLog, nil)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
