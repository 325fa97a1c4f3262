package sqlite

import (
	"context"
	"database/sql"

	"frontdesk/errs"
	"frontdesk/requests"
	"frontdesk/staff"
)

// ImportRequests writes requests with their own times and timelines in one transaction;
// administrators only. Every request is checked as a new one would be (guest, room,
// category, department and staff must exist); one bad request stores nothing.
func (s *Store) ImportRequests(ctx context.Context, rs []requests.Historic) error {
	if staff.ActorFrom(ctx).Role != staff.RoleAdministrator {
		return errs.New(errs.Invalid, staff.MsgManagerOnly, nil)
	}
	c := change{entity: "request", entityID: "import", action: "import", words: summaryOf("{{.Count}} requests", map[string]any{"Count": len(rs)})}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		for i := range rs {
			if err := importRequest(ctx, tx, &rs[i]); err != nil {
				return errs.Wrap(err, errs.CodeOf(err), "Request {{.N}} of the import: {{.Problem}}",
					map[string]any{"N": i + 1, "Problem": err.Error()})
			}
		}
		return nil
	})
}

func importRequest(ctx context.Context, tx *sql.Tx, h *requests.Historic) error {
	r := &h.Request
	if err := r.Normalize().Err(); err != nil {
		return err
	}
	if r.ID == "" {
		r.ID = newID()
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO requests (id, guest_id, room, category, department, description,
		priority, kind, created_by, owner, assignee, status, open, top_tier, created_at, promised_at, due_at,
		ack_at, started_at, done_at, closed_at, next_follow_up, score, outcome, recovery, recovery_of,
		escalation_level, escalation_target, escalated_to, escalated_at, recovery_score, guest_said, occasion, occasion_on)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, null(r.GuestID), null(r.Room), r.Category, r.Department, r.Description, r.Priority, r.Kind,
		r.CreatedBy, r.Owner, null(r.Assignee), r.Status, r.Open(), r.TopTier, fmtTime(r.CreatedAt),
		fmtTime(r.PromisedAt), fmtTime(r.DueAt()), fmtOptionalTime(r.AckAt), fmtOptionalTime(r.StartedAt),
		fmtOptionalTime(r.DoneAt), fmtOptionalTime(r.ClosedAt), fmtOptionalTime(r.NextFollowUp), r.Score, r.Outcome,
		r.Recovery, null(r.RecoveryOf), r.EscalationLevel, string(r.EscalationTarget), null(r.EscalatedTo),
		fmtOptionalTime(r.EscalatedAt), r.RecoveryScore, r.GuestSaid, r.Occasion, fmtOptionalDate(r.OccasionOn))
	if err != nil {
		return mapErr(err)
	}
	for _, e := range h.Timeline {
		if err := insertEvent(ctx, tx, r.ID, e); err != nil {
			return err
		}
	}
	return nil
}
