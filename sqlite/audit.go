package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/staff"
)

// change is one audited write: the entity touched and what happened to it. The summary
// is a name or a text as typed, or words Frontdesk wrote, kept as their facts.
type change struct {
	entity, entityID, guestID, action, summary string
	words                                      *audit.Words
}

// summaryOf is a summary in Frontdesk's words: a text of the catalogue (app/translations)
// with its facts, which each reader's window renders in its language.
func summaryOf(key string, args map[string]any) *audit.Words {
	return &audit.Words{Parts: []audit.Part{said(key, args)}}
}

// said is one part of a summary in Frontdesk's words; typed is one as typed.
func said(key string, args map[string]any) audit.Part { return audit.Part{Key: key, Args: args} }

func typed(text string) audit.Part { return audit.Part{Text: text} }

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
	values, err := s.auditValues(ctx, c)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor_id, actor_name, entity, entity_id, guest_id, action, summary,
		summary_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, values...)
	return err
}

// auditValues are the columns of c's audit entry, in auditRows' order: a summary in
// Frontdesk's words is stored rendered in English and as its facts.
func (s *Store) auditValues(ctx context.Context, c change) ([]any, error) {
	a := staff.ActorFrom(ctx)
	words := ""
	if c.words != nil {
		c.summary = c.words.Render(errs.Render)
		b, err := json.Marshal(c.words)
		if err != nil {
			return nil, err
		}
		words = string(b)
	}
	return []any{fmtTime(s.now()), a.ID, a.Name, c.entity, c.entityID, c.guestID, c.action, c.summary, words}, nil
}

// ListAudit returns a page of the audit log, newest first.
func (s *Store) ListAudit(ctx context.Context, f audit.Filter) ([]audit.Entry, error) {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermBrowseAudit); err != nil {
		return nil, err
	}
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
	q := "SELECT at, actor_id, actor_name, entity, entity_id, guest_id, action, summary, summary_words FROM audit_log"
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
			var at, words string
			if err := r.Scan(&at, &e.ActorID, &e.ActorName, &e.Entity, &e.EntityID, &e.GuestID, &e.Action, &e.Summary,
				&words); err != nil {
				return err
			}
			e.At = parseTime(at)
			if words != "" {
				e.Words = &audit.Words{}
				if err := json.Unmarshal([]byte(words), e.Words); err != nil {
					return err
				}
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}
