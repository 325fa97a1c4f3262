package sqlite

// The escalation sweep: overdue requests climb the levels their lateness has reached.

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"frontdesk/escalation"
	"frontdesk/requests"
	"frontdesk/staff"
)

// classConditions say in SQL which requests have the trait of each class of
// escalation.Precedence; classCase turns them into the class a request falls into.
var classConditions = map[escalation.Class]string{
	escalation.ClassUrgent:    "r.priority = 'urgent'",
	escalation.ClassComplaint: "r.kind = 'complaint'",
	escalation.ClassVIP:       "r.top_tier = 1",
}

// classCase is a CASE expression over the requests table r that takes, for each class in
// escalation.Precedence order, one argument when the request falls into it, and a last
// argument for the standard class. value gives the argument of each class.
func classCase(value func(escalation.Class) any) (string, []any) {
	var b strings.Builder
	var args []any
	b.WriteString("CASE")
	for _, c := range escalation.Precedence {
		b.WriteString(" WHEN " + classConditions[c] + " THEN ?")
		args = append(args, value(c))
	}
	b.WriteString(" ELSE ? END")
	return b.String(), append(args, value(escalation.ClassStandard))
}

// escalationBounds are the sweep's bounds: the levels below the highest of any class (a
// list, so that requests_escalation is read level by level), and the highest level of
// the request's own class as a CASE with its arguments. A request at the top of its
// class cannot climb further, so the sweep reads only the overdue requests still below
// their top, not every overdue request the house has ever left open.
func escalationBounds(rules escalation.Rules) (below, topOfClass string, args []any) {
	top := func(c escalation.Class) int {
		n := 0
		for _, l := range rules.ForClass(c) {
			n = max(n, l.Level)
		}
		return n
	}
	highest := 0
	for _, c := range escalation.Classes {
		highest = max(highest, top(c))
	}
	levels := make([]string, max(highest, 1))
	for i := range levels {
		levels[i] = strconv.Itoa(i)
	}
	topOfClass, args = classCase(func(c escalation.Class) any { return top(c) })
	return strings.Join(levels, ", "), topOfClass, args
}

// escalator is the actor escalations made by the clock are attributed to.
var escalator = staff.Actor{Name: "Frontdesk"}

// EscalateDue climbs every overdue request to the level its lateness has reached. It is
// safe to run from several places at once: each climb is checked inside the transaction.
func (s *Store) EscalateDue(ctx context.Context) ([]escalation.Escalated, error) {
	now := s.now()
	var out []escalation.Escalated
	err := s.write(staff.WithActor(ctx, escalator), func(tx *sql.Tx) error {
		rules, err := loadEscalationRules(ctx, tx)
		if err != nil {
			return err
		}
		var late []*requests.Request
		below, topOfClass, tops := escalationBounds(rules)
		err = eachRow(ctx, tx, "SELECT "+requestColumns+` FROM requests r
			WHERE r.open = 1 AND r.status <> 'done' AND r.escalation_level IN (`+below+`) AND r.due_at <= ?
			AND r.escalation_level < `+topOfClass+`
			ORDER BY r.due_at`, append([]any{fmtTime(now)}, tops...),
			func(rows *sql.Rows) error {
				r := &requests.Request{}
				late = append(late, r)
				return scanRequest(rows, r)
			})
		if err != nil {
			return err
		}
		for _, r := range late {
			level, ok := rules.Due(r.EscalationClass(), r.PromisedAt, now)
			if !ok || level.Level <= r.EscalationLevel {
				continue
			}
			e, err := s.escalate(ctx, tx, r, level, now)
			if err != nil {
				return err
			}
			out = append(out, escalation.Escalated{RequestID: r.ID, Step: e})
		}
		return nil
	})
	return out, err
}

func (s *Store) escalate(ctx context.Context, tx *sql.Tx, r *requests.Request, l escalation.Level, now time.Time) (escalation.Step, error) {
	e, err := s.resolveTarget(ctx, tx, r, l, now)
	if err != nil {
		return e, err
	}
	ev, err := applyAction(ctx, tx, r, requests.Action{Kind: requests.ActEscalate, Escalation: e}, now, escalator)
	if err != nil {
		return e, err
	}
	// In the audit log, and with it in the change feed: every desk sees the climb.
	return e, s.audit(staff.WithActor(ctx, escalator), tx, change{entity: "request", entityID: r.ID, guestID: r.GuestID,
		action: string(requests.ActEscalate), summary: eventSummary(ev)})
}
