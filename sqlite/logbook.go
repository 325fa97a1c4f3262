package sqlite

import (
	"context"
	"database/sql"
	"time"

	"frontdesk/errs"
	"frontdesk/handover"
	"frontdesk/staff"
)

// noteQuery reads logbook notes with the guest's name and the request's description.
const noteQuery = `SELECT n.id, n.at, n.author_id, n.author_name, n.text, COALESCE(n.guest_id, ''),
	COALESCE(TRIM(g.given_name || ' ' || g.family_name), ''), COALESCE(n.room, ''), COALESCE(n.request_id, ''),
	COALESCE(r.description, ''), n.pinned, n.pinned_by, n.pinned_at
	FROM logbook n
	LEFT JOIN guests g ON g.id = n.guest_id
	LEFT JOIN requests r ON r.id = n.request_id`

func scanNote(row scanner) (handover.Note, error) {
	var n handover.Note
	var at, pinnedAt string
	err := row.Scan(&n.ID, &at, &n.AuthorID, &n.Author, &n.Text, &n.GuestID, &n.GuestName, &n.Room, &n.RequestID,
		&n.Request, &n.Pinned, &n.PinnedBy, &pinnedAt)
	n.At = parseTime(at)
	if pinnedAt != "" {
		n.PinnedAt = parseTime(pinnedAt)
	}
	return n, err
}

// AddNote writes a note in the logbook as the actor at the desk.
func (s *Store) AddNote(ctx context.Context, n *handover.Note) error {
	actor := staff.ActorFrom(ctx)
	if actor.ID == "" {
		return errs.New(errs.Invalid, handover.MsgSignInToWrite, nil)
	}
	if err := n.Normalize().Err(); err != nil {
		return err
	}
	now := s.now()
	n.ID, n.At, n.AuthorID, n.Author = newID(), now.UTC(), actor.ID, actor.Name
	if n.Pinned {
		n.PinnedBy, n.PinnedAt = actor.Name, n.At
	}
	c := change{entity: "logbook", entityID: n.ID, guestID: n.GuestID, action: "write", summary: clip(n.Text, 200)}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		if err := checkNoteLinks(ctx, tx, n); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO logbook (id, at, author_id, author_name, text, guest_id, room,
			request_id, pinned, pinned_by, pinned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			n.ID, fmtTime(n.At), n.AuthorID, n.Author, n.Text, null(n.GuestID), null(n.Room), null(n.RequestID),
			n.Pinned, n.PinnedBy, fmtOptionalTime(n.PinnedAt))
		return err
	})
}

// checkNoteLinks refuses a note about a guest, room or request that does not exist, and
// fills in the names the note is read back with.
func checkNoteLinks(ctx context.Context, tx *sql.Tx, n *handover.Note) error {
	if err := roomExists(ctx, tx, n.Room); err != nil {
		return err // beside the room field: requests.FieldRoom and handover.FieldRoom are both "room"
	}
	if n.GuestID != "" {
		err := tx.QueryRowContext(ctx, "SELECT TRIM(given_name || ' ' || family_name) FROM guests WHERE id = ?", n.GuestID).Scan(&n.GuestName)
		if err == sql.ErrNoRows {
			return errs.FieldError(handover.FieldGuest, "This guest's profile no longer exists.", nil)
		}
		if err != nil {
			return err
		}
	}
	if n.RequestID != "" {
		err := tx.QueryRowContext(ctx, "SELECT description FROM requests WHERE id = ?", n.RequestID).Scan(&n.Request)
		if err == sql.ErrNoRows {
			return errs.FieldError(handover.FieldRequest, handover.MsgRequestUnknown, nil)
		}
		return err
	}
	return nil
}

// SetPinned pins or unpins a note; only its author or a manager may.
func (s *Store) SetPinned(ctx context.Context, id string, pinned bool) (*handover.Note, error) {
	actor := staff.ActorFrom(ctx)
	if actor.ID == "" {
		return nil, errs.New(errs.Invalid, handover.MsgSignInToWrite, nil)
	}
	now := s.now()
	var out handover.Note
	action := "unpin"
	if pinned {
		action = "pin"
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		n, err := scanNote(tx.QueryRowContext(ctx, noteQuery+" WHERE n.id = ?", id))
		if err == sql.ErrNoRows {
			return errs.New(errs.NotFound, handover.MsgNoteNotFound, nil)
		}
		if err != nil {
			return err
		}
		if n.AuthorID != actor.ID && !actor.Role.IsManager() {
			return errs.New(errs.Invalid, handover.MsgPinByAuthor, nil)
		}
		n.Pinned, n.PinnedBy, n.PinnedAt = pinned, "", time.Time{}
		if pinned {
			n.PinnedBy, n.PinnedAt = actor.Name, now.UTC()
		}
		if _, err := tx.ExecContext(ctx, "UPDATE logbook SET pinned = ?, pinned_by = ?, pinned_at = ? WHERE id = ?",
			n.Pinned, n.PinnedBy, fmtOptionalTime(n.PinnedAt), id); err != nil {
			return err
		}
		out = n
		return s.audit(ctx, tx, change{entity: "logbook", entityID: id, guestID: n.GuestID, action: action, summary: clip(n.Text, 200)})
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// ListNotes returns the notes written in [f.From, f.To) and, with f.Pinned, every pinned
// note: pinned first, then newest first.
func (s *Store) ListNotes(ctx context.Context, f handover.NoteFilter) ([]handover.Note, error) {
	var out []handover.Note
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		out, _, err = listNotes(ctx, tx, f)
		return err
	})
	return out, err
}

// listNotes returns a page of notes and how many there are in all. The window and the
// pinned notes are read through their own indexes and joined with UNION.
func listNotes(ctx context.Context, tx *sql.Tx, f handover.NoteFilter) ([]handover.Note, int, error) {
	to := f.To
	if to.IsZero() {
		to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	sel := `SELECT seq FROM logbook WHERE at >= ? AND at < ?`
	args := []any{fmtTime(f.From), fmtTime(to)}
	if f.Pinned {
		sel += ` UNION SELECT seq FROM logbook WHERE pinned = 1`
	}
	var total int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM ("+sel+")", args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	var out []handover.Note
	err := eachRow(ctx, tx, noteQuery+" WHERE n.seq IN ("+sel+") ORDER BY n.pinned DESC, n.at DESC, n.seq DESC LIMIT ?",
		append(args, f.PageSize()), func(rows *sql.Rows) error {
			n, err := scanNote(rows)
			out = append(out, n)
			return err
		})
	return out, total, err
}
