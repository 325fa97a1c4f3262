package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"frontdesk/audit"
	"frontdesk/staff"
)

// change is one audited write: the entity touched and what happened to it.
type change struct {
	entity, entityID, guestID, action, summary string
}

// writeAudited runs fn and records c in the audit log in the same transaction, so a
// change and its attribution land together or not at all.
func (s *Store) writeAudited(ctx context.Context, c change, fn func(tx *sql.Tx) error) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return s.audit(ctx, tx, c)
	})
}

func (s *Store) audit(ctx context.Context, tx execer, c change) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor_id, actor_name, entity, entity_id, guest_id, action, summary)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, s.auditValues(ctx, c)...)
	return err
}

// auditValues are the columns of c's audit entry, in auditRows' order.
func (s *Store) auditValues(ctx context.Context, c change) []any {
	a := staff.ActorFrom(ctx)
	return []any{fmtTime(s.now()), a.ID, a.Name, c.entity, c.entityID, c.guestID, c.action, c.summary}
}

// ListAudit returns a page of the audit log, newest first.
func (s *Store) ListAudit(ctx context.Context, f audit.Filter) ([]audit.Entry, error) {
	var where []string
	var args []any
	add := func(cond string, v any) { where = append(where, cond); args = append(args, v) }
	if f.ActorName != "" {
		add("actor_name = ?", f.ActorName)
	}
	if f.GuestID != "" {
		add("guest_id = ?", f.GuestID)
	}
	if !f.From.IsZero() {
		add("at >= ?", fmtTime(f.From))
	}
	if !f.To.IsZero() {
		add("at < ?", fmtTime(f.To))
	}
	q := "SELECT at, actor_id, actor_name, entity, entity_id, guest_id, action, summary FROM audit_log"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, limit)
	var out []audit.Entry
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, q+" ORDER BY at DESC, seq DESC LIMIT ?", args, func(r *sql.Rows) error {
			var e audit.Entry
			var at string
			err := r.Scan(&at, &e.ActorID, &e.ActorName, &e.Entity, &e.EntityID, &e.GuestID, &e.Action, &e.Summary)
			e.At = parseTime(at)
			out = append(out, e)
			return err
		})
	})
	return out, err
}
