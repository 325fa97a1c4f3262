package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

var _ guests.Privacy = (*Store)(nil)

// ExportGuestData gathers everything stored about a guest and records the export in the
// audit log, in one transaction: the export is on record exactly when it was made.
func (s *Store) ExportGuestData(ctx context.Context, guestID string) (*guests.DataExport, error) {
	actor := staff.ActorFrom(ctx)
	if err := actor.Role.Check(staff.PermGuestPrivacy); err != nil {
		return nil, err
	}
	d := &guests.DataExport{Format: guests.DataExportFormat, ExportedAt: s.now().UTC(), ExportedBy: actor.Name}
	c := change{entity: "guest", entityID: guestID, guestID: guestID, action: "data export"}
	err := s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		p := &guests.Profile{}
		row := tx.QueryRowContext(ctx, "SELECT "+guestColumns+" FROM guests WHERE id = ?", guestID)
		if err := scanGuest(row, &p.Guest); err != nil {
			return notFoundGuest(err)
		}
		if err := loadProfileParts(ctx, tx, p); err != nil {
			return err
		}
		d.Guest, d.Alerts, d.Preferences, d.Occasions, d.Stays = p.Guest, p.Alerts, p.Preferences, p.Occasions, p.Stays
		for _, load := range []func(context.Context, *sql.Tx, *guests.DataExport) error{
			exportRequests, exportEvents, exportLoans, exportNotes, exportPrompts, exportChanges,
		} {
			if err := load(ctx, tx, d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

func notFoundGuest(err error) error {
	if err == sql.ErrNoRows {
		return errs.New(errs.NotFound, "This guest's profile no longer exists.", nil)
	}
	return err
}

func exportRequests(ctx context.Context, tx *sql.Tx, d *guests.DataExport) error {
	return eachRow(ctx, tx, `SELECT id, coalesce(room, ''), category, department, description, guest_said, priority, kind,
		status, created_at, promised_at, done_at, closed_at, outcome, score FROM requests WHERE guest_id = ? ORDER BY created_at, seq`,
		[]any{d.Guest.ID}, func(r *sql.Rows) error {
			var q guests.ExportedRequest
			var created, promised, done, closed string
			err := r.Scan(&q.ID, &q.Room, &q.Category, &q.Department, &q.Description, &q.GuestSaid, &q.Priority, &q.Kind, &q.Status,
				&created, &promised, &done, &closed, &q.Outcome, &q.Score)
			q.CreatedAt, q.PromisedAt, q.DoneAt, q.ClosedAt = parseTime(created), parseTime(promised), parseTime(done), parseTime(closed)
			d.Requests = append(d.Requests, q)
			return err
		})
}

// exportEvents puts each request's timeline under it, oldest step first.
func exportEvents(ctx context.Context, tx *sql.Tx, d *guests.DataExport) error {
	index := map[string]int{}
	for i, q := range d.Requests {
		index[q.ID] = i
	}
	return eachRow(ctx, tx, `SELECT e.request_id, e.at, e.actor_name, e.action, e.from_status, e.to_status, e.note,
		e.outcome, e.score FROM request_events e JOIN requests q ON q.id = e.request_id
		WHERE q.guest_id = ? ORDER BY e.seq`, []any{d.Guest.ID}, func(r *sql.Rows) error {
		var id, at string
		var e guests.ExportedEvent
		err := r.Scan(&id, &at, &e.By, &e.Action, &e.From, &e.To, &e.Note, &e.Outcome, &e.Score)
		e.At = parseTime(at)
		if i, ok := index[id]; ok {
			d.Requests[i].Timeline = append(d.Requests[i].Timeline, e)
		}
		return err
	})
}

func exportLoans(ctx context.Context, tx *sql.Tx, d *guests.DataExport) error {
	return eachRow(ctx, tx, `SELECT i.name, l.room, l.qty, l.lent_by, l.lent_at, l.due_back, l.returned_at
		FROM loans l JOIN items i ON i.code = l.item WHERE l.guest_id = ? ORDER BY l.lent_at`,
		[]any{d.Guest.ID}, func(r *sql.Rows) error {
			var l guests.ExportedLoan
			var lent, due, returned string
			err := r.Scan(&l.Item, &l.Room, &l.Qty, &l.LentBy, &lent, &due, &returned)
			l.LentAt, l.DueBack, l.ReturnedAt = parseTime(lent), parseTime(due), parseTime(returned)
			d.Loans = append(d.Loans, l)
			return err
		})
}

func exportNotes(ctx context.Context, tx *sql.Tx, d *guests.DataExport) error {
	return eachRow(ctx, tx, `SELECT at, author_name, coalesce(room, ''), text FROM logbook WHERE guest_id = ? ORDER BY seq`,
		[]any{d.Guest.ID}, func(r *sql.Rows) error {
			var n guests.ExportedNote
			var at string
			err := r.Scan(&at, &n.By, &n.Room, &n.Text)
			n.At = parseTime(at)
			d.Notes = append(d.Notes, n)
			return err
		})
}

func exportPrompts(ctx context.Context, tx *sql.Tx, d *guests.DataExport) error {
	return eachRow(ctx, tx, `SELECT at, actor_name, kind, action, note FROM prompt_actions WHERE guest_id = ? ORDER BY at`,
		[]any{d.Guest.ID}, func(r *sql.Rows) error {
			var p guests.ExportedPrompt
			var at string
			err := r.Scan(&at, &p.By, &p.Kind, &p.Action, &p.Note)
			p.At = parseTime(at)
			d.Prompts = append(d.Prompts, p)
			return err
		})
}

func exportChanges(ctx context.Context, tx *sql.Tx, d *guests.DataExport) error {
	return eachRow(ctx, tx, `SELECT at, actor_name, entity, action, summary FROM audit_log WHERE guest_id = ? ORDER BY seq`,
		[]any{d.Guest.ID}, func(r *sql.Rows) error {
			var c guests.ExportedChange
			var at string
			err := r.Scan(&at, &c.By, &c.Entity, &c.Action, &c.Summary)
			c.At = parseTime(at)
			d.Changes = append(d.Changes, c)
			return err
		})
}

// EraseGuest anonymises a guest in one transaction, then removes the copies the file
// still holds. The writer overwrites what it frees (secure_delete=ON, and FTS5's
// secure-delete on both search indexes, migration 0018), so the erasure's own deletions
// leave nothing; a file written before that is compacted once (CompactForPrivacy), and
// the write-ahead log, which holds the pages as they were, is emptied into the file.
// Success means no copy is known to remain: when the log cannot be emptied because
// another desk is reading, the error says so (guests.ErrCopyInLog), and erasing the
// same guest again only removes the copies.
func (s *Store) EraseGuest(ctx context.Context, guestID string) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermGuestPrivacy); err != nil {
		return err
	}
	if err := s.eraseRows(ctx, guestID, true); err != nil {
		return err
	}
	return s.removeCopies(ctx)
}

// eraseRows runs the erase steps and records the erasure in the audit log, in one
// transaction. A guest erased before is left as they are. A guest in house or expected
// is refused when refuseStaying is set (a backup's guest is erased whatever their stay).
func (s *Store) eraseRows(ctx context.Context, guestID string, refuseStaying bool) error {
	c := change{entity: "guest", entityID: guestID, guestID: guestID, action: "erase"}
	err := s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		if err := checkErasable(ctx, tx, guestID, refuseStaying); err != nil {
			return err
		}
		binds := []any{guestID, fmtTime(s.now())}
		for _, step := range eraseSteps {
			if _, err := tx.ExecContext(ctx, step.query, binds[:step.binds]...); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errErasedBefore) {
		return nil
	}
	return err
}

// errErasedBefore marks a guest whose rows an earlier erasure already emptied.
var errErasedBefore = errors.New("guest erased before")

// checkErasable refuses a guest who is gone or still needs a profile, and marks one
// already erased (errErasedBefore).
func checkErasable(ctx context.Context, tx *sql.Tx, guestID string, refuseStaying bool) error {
	p := &guests.Profile{}
	var erasedAt string
	row := tx.QueryRowContext(ctx, "SELECT "+guestColumns+", erased_at FROM guests WHERE id = ?", guestID)
	if err := scanGuest(withMore{row, []any{&erasedAt}}, &p.Guest); err != nil {
		return notFoundGuest(err)
	}
	if erasedAt != "" {
		return errs.Wrap(errErasedBefore, errs.Conflict, guests.MsgAlreadyErased, nil)
	}
	if !refuseStaying {
		return nil
	}
	if err := loadStays(ctx, tx, p); err != nil {
		return err
	}
	if p.Staying() {
		return errs.New(errs.Conflict, guests.MsgEraseWhileStaying, map[string]any{"Name": p.FullName()})
	}
	return nil
}

// eraseStep is one statement of an erasure and how many of (guest ID, time) it binds,
// as ?1 and ?2.
type eraseStep struct {
	query string
	binds int
}

// eraseSteps empty every place a guest's data is kept. The search index row is updated
// by the guests trigger and then deleted, both with FTS5's secure-delete on (0018), so
// no word of the guest's stays in the index.
var eraseSteps = []eraseStep{
	{`UPDATE guests SET salutation = '', given_name = '', family_name = '` + guests.ErasedName + `', email = '',
		phone = '', phone_search = '', language = '', loyalty_number = NULL, tier = 'none', vip = 0,
		casino_tier = 'none', notes = '', updated_at = ?2, erased_at = ?2 WHERE id = ?1`, 2},
	{`DELETE FROM guest_fts WHERE rowid = (SELECT seq FROM guests WHERE id = ?1)`, 1},
	{`DELETE FROM guest_alerts WHERE guest_id = ?1`, 1},
	{`DELETE FROM guest_preferences WHERE guest_id = ?1`, 1},
	{`DELETE FROM guest_occasions WHERE guest_id = ?1`, 1},
	{`DELETE FROM import_rows WHERE guest_id = ?1`, 1},
	{`UPDATE requests SET description = '` + guests.ErasedName + `', guest_said = '', occasion = '', occasion_on = '' WHERE guest_id = ?1`, 1},
	{`UPDATE request_events SET note = '' WHERE note <> '' AND request_id IN (SELECT id FROM requests WHERE guest_id = ?1)`, 1},
	{`UPDATE logbook SET text = '` + guests.ErasedName + `' WHERE guest_id = ?1`, 1},
	{`UPDATE prompt_actions SET note = '' WHERE guest_id = ?1 AND note <> ''`, 1},
	{`UPDATE audit_log SET summary = '', summary_words = '' WHERE guest_id = ?1 AND (summary <> '' OR summary_words <> '')`, 1},
}
