package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/escalation"
	"frontdesk/requests"
	"frontdesk/staff"
)

// requestColumns are the columns scanRequest reads, from requests aliased r.
const requestColumns = `r.id, COALESCE(r.guest_id, ''), COALESCE(r.room, ''), r.category, r.department, r.description,
	r.priority, r.kind, r.created_by, r.owner, COALESCE(r.assignee, ''), r.status, r.top_tier, r.created_at,
	r.promised_at, r.ack_at, r.started_at, r.done_at, r.closed_at, r.next_follow_up, r.score, r.outcome,
	r.recovery, COALESCE(r.recovery_of, ''), r.escalation_level, r.escalation_target, COALESCE(r.escalated_to, ''), r.escalated_at,
	r.recovery_score, r.guest_said, r.occasion, r.occasion_on`

func scanRequest(row scanner, r *requests.Request, extra ...any) error {
	var created, promised, ack, started, done, closed, next, escalated, occasionOn string
	dest := []any{&r.ID, &r.GuestID, &r.Room, &r.Category, &r.Department, &r.Description, &r.Priority, &r.Kind,
		&r.CreatedBy, &r.Owner, &r.Assignee, &r.Status, &r.TopTier, &created, &promised, &ack, &started, &done,
		&closed, &next, &r.Score, &r.Outcome, &r.Recovery, &r.RecoveryOf, &r.EscalationLevel, &r.EscalationTarget,
		&r.EscalatedTo, &escalated, &r.RecoveryScore, &r.GuestSaid, &r.Occasion, &occasionOn}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return err
	}
	r.CreatedAt, r.PromisedAt = parseTime(created), parseTime(promised)
	if occasionOn != "" {
		r.OccasionOn = parseDate(occasionOn)
	}
	for p, s := range map[*time.Time]string{&r.AckAt: ack, &r.StartedAt: started, &r.DoneAt: done,
		&r.ClosedAt: closed, &r.NextFollowUp: next, &r.EscalatedAt: escalated} {
		if s != "" {
			*p = parseTime(s)
		}
	}
	return nil
}

func loadRequest(ctx context.Context, tx *sql.Tx, id string) (*requests.Request, error) {
	r := &requests.Request{}
	err := scanRequest(tx.QueryRowContext(ctx, "SELECT "+requestColumns+" FROM requests r WHERE r.id = ?", id), r)
	if err == sql.ErrNoRows {
		return nil, errs.New(errs.NotFound, "This request no longer exists.", nil)
	}
	return r, err
}

// summaryQuery reads requests with the names the screens show.
const summaryQuery = `SELECT ` + requestColumns + `,
	COALESCE(TRIM(g.given_name || ' ' || g.family_name), ''), COALESCE(g.vip, 0), c.name, c.complaint, c.guest_names_time, d.name, o.name,
	COALESCE(a.name, ''), COALESCE(e.name, '')
	FROM requests r
	LEFT JOIN guests g ON g.id = r.guest_id
	JOIN categories c ON c.code = r.category
	JOIN departments d ON d.code = r.department
	JOIN staff o ON o.id = r.owner
	LEFT JOIN staff a ON a.id = r.assignee
	LEFT JOIN staff e ON e.id = r.escalated_to`

func scanSummary(row scanner) (requests.Summary, error) {
	var s requests.Summary
	err := scanRequest(row, &s.Request, &s.GuestName, &s.GuestVIP, &s.CategoryName, &s.CategoryComplaint, &s.CategoryGuestTime, &s.DepartmentName,
		&s.OwnerName, &s.AssigneeName, &s.EscalatedName)
	return s, err
}

func listSummaries(ctx context.Context, tx *sql.Tx, where string, args []any, tail string) ([]requests.Summary, error) {
	var out []requests.Summary
	q := summaryQuery
	if where != "" {
		q += " WHERE " + where
	}
	err := eachRow(ctx, tx, q+" "+tail, args, func(rows *sql.Rows) error {
		s, err := scanSummary(rows)
		out = append(out, s)
		return err
	})
	return out, err
}

// GetRequest returns one request with its timeline and linked requests.
func (s *Store) GetRequest(ctx context.Context, id string) (*requests.Detail, error) {
	d := &requests.Detail{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		found, err := listSummaries(ctx, tx, "r.id = ?", []any{id}, "")
		if err != nil {
			return err
		}
		if len(found) == 0 {
			return errs.New(errs.NotFound, "This request no longer exists.", nil)
		}
		d.Summary = found[0]
		if d.Linked, err = listSummaries(ctx, tx, "r.recovery_of = ? OR r.id = ?", []any{id, d.RecoveryOf}, "ORDER BY r.created_at"); err != nil {
			return err
		}
		d.Timeline, err = loadTimeline(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

func loadTimeline(ctx context.Context, tx *sql.Tx, id string) ([]requests.Event, error) {
	var out []requests.Event
	err := eachRow(ctx, tx, `SELECT e.at, e.actor_id, e.actor_name, e.action, e.from_status, e.to_status, e.note, e.outcome,
		e.score, e.escalation_level, e.escalation_target, e.escalated_to_name, e.from_department, e.to_department,
		COALESCE(f.name, e.from_department), COALESCE(t.name, e.to_department), e.undo
		FROM request_events e
		LEFT JOIN departments f ON f.code = e.from_department
		LEFT JOIN departments t ON t.code = e.to_department
		WHERE e.request_id = ? ORDER BY e.seq`, []any{id}, func(rows *sql.Rows) error {
		var e requests.Event
		var at string
		err := rows.Scan(&at, &e.ActorID, &e.Actor, &e.Action, &e.From, &e.To, &e.Note, &e.Outcome, &e.Score,
			&e.Escalation.Level, &e.Escalation.Target, &e.Escalation.ToName, &e.FromDepartment, &e.ToDepartment,
			&e.FromDepartmentName, &e.ToDepartmentName, &e.Undo)
		e.At = parseTime(at)
		out = append(out, e)
		return err
	})
	return out, err
}

// conditions builds the WHERE terms of a filter apart from its view; union asks for a
// person's open requests as a union of index ranges, which counts read fastest (see
// mineCondition).
func conditions(f requests.Filter, union bool) ([]string, []any) {
	var where []string
	var args []any
	add := func(cond string, v ...any) { where = append(where, cond); args = append(args, v...) }
	if f.Department != "" {
		add("r.department = ?", f.Department)
	}
	if f.Status != "" {
		add("r.status = ?", f.Status)
	}
	if f.OwnerID != "" {
		add("r.owner = ?", f.OwnerID)
	}
	if f.GuestID != "" {
		add("r.guest_id = ?", f.GuestID)
	}
	if f.Room != "" {
		add("r.room = ?", f.Room)
	}
	if f.Mine != "" {
		cond, margs := mineCondition(f, union)
		add(cond, margs...)
	}
	return where, args
}

// mineCondition selects the requests that are someone's: owned by them, assigned to
// them, escalated to them, or escalated to the role they hold. As a union it reads the
// open-request indexes of each (owner, assignee, escalated_to and requests_open_target):
// counting a person's open requests so takes milliseconds, where the OR made SQLite read
// every open request. A page is faster with the OR, which stops at the page's end.
func mineCondition(f requests.Filter, union bool) (string, []any) {
	args := []any{f.Mine, f.Mine, f.Mine}
	target := roleTarget(f.MineRole)
	if !union {
		cond := "(r.owner = ? OR r.assignee = ? OR r.escalated_to = ?"
		if target != "" {
			cond += " OR (r.escalated_to IS NULL AND r.escalation_target = ?)"
			args = append(args, target)
		}
		return cond + ")", args
	}
	cond := `r.seq IN (SELECT seq FROM requests WHERE open = 1 AND owner = ?
		UNION ALL SELECT seq FROM requests WHERE open = 1 AND assignee = ?
		UNION ALL SELECT seq FROM requests WHERE open = 1 AND escalated_to = ?`
	if target != "" {
		cond += " UNION ALL SELECT seq FROM requests WHERE open = 1 AND escalated_to IS NULL AND escalation_target = ?"
		args = append(args, target)
	}
	return cond + ")", args
}

// roleTarget is the escalation target a role answers for when no one person is named.
func roleTarget(r staff.Role) escalation.Target {
	switch r {
	case staff.RoleShiftManager:
		return escalation.TargetShiftManager
	case staff.RoleAdministrator:
		return escalation.TargetManagement
	}
	return ""
}

// viewCondition is the WHERE term of a view at now, and the order it picks a page in:
// attentionOrder for every view of open requests, the newest first for the history.
func viewCondition(v requests.View, now time.Time) (string, []any, string) {
	soon := fmtTime(now.Add(requests.DueSoonWindow))
	switch v {
	case requests.ViewAttention:
		return "r.open = 1 AND r.status <> 'done' AND r.due_at < ?", []any{soon}, attentionOrder(now)
	case requests.ViewOverdue:
		return "r.open = 1 AND r.status <> 'done' AND r.due_at < ?", []any{fmtTime(now)}, attentionOrder(now)
	case requests.ViewDueSoon:
		return "r.open = 1 AND r.status <> 'done' AND r.due_at >= ? AND r.due_at < ?", []any{fmtTime(now), soon}, attentionOrder(now)
	case requests.ViewFollowUp:
		return "r.open = 1 AND r.status = 'done'", nil, attentionOrder(now)
	case requests.ViewHistory:
		return "r.open = 0", nil, "ORDER BY r.created_at DESC"
	}
	return "r.open = 1", nil, attentionOrder(now)
}

// attentionOrder is requests.CompareAttention in SQL at now, for picking a page: first
// the requests not done whose promise is before the end of the due-soon window (overdue
// and due soon), then by due_at — the promise, or for a done request its follow-up call;
// r.seq, added by the callers, keeps ties in the order they were logged. The time is
// written into the statement (it is the store's own formatting of the clock) so that
// the order takes no argument between the WHERE's and the LIMIT's.
func attentionOrder(now time.Time) string {
	return "ORDER BY (r.status <> 'done' AND r.due_at < '" + fmtTime(now.Add(requests.DueSoonWindow)) + "') DESC, r.due_at"
}

// ListRequests returns a page of a queue view: the history newest first, every other view
// in requests.CompareAttention order.
//
// The page is picked from the requests table and its indexes alone, in attentionOrder,
// and the names are joined for its rows only: the order is not one an index holds, so
// SQLite sorts a department's thousands of open requests, which it does from the
// covering index in a few milliseconds, where sorting them joined would read every
// row's guest and staff. A person's requests come from their index ranges (see
// mineCondition). The rows picked are then put in order by requests.SortByAttention,
// the same order: a test holds the two together.
func (s *Store) ListRequests(ctx context.Context, f requests.Filter) ([]requests.Summary, error) {
	now := s.now()
	var out []requests.Summary
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		out, err = queuePage(ctx, tx, f, now)
		return err
	})
	return out, err
}

// queuePage reads ListRequests' page in tx.
func queuePage(ctx context.Context, tx *sql.Tx, f requests.Filter, now time.Time) ([]requests.Summary, error) {
	history := f.View == requests.ViewHistory
	where, args := conditions(f, !history)
	cond, vargs, order := viewCondition(f.View, now)
	where, args = append(where, cond), append(args, vargs...)
	page := "r.seq IN (SELECT r.seq FROM requests r WHERE " + strings.Join(where, " AND ") + " " + order + ", r.seq LIMIT ? OFFSET ?)"
	args = append(args, f.PageSize(), max(f.Offset, 0))
	outer := "ORDER BY r.seq"
	if history {
		outer = order + ", r.seq"
	}
	out, err := listSummaries(ctx, tx, page, args, outer)
	if !history {
		requests.SortByAttention(out, now)
	}
	return out, err
}

// CountRequests counts each view under the filter's other conditions.
//
// The open views are counted in one pass over the filter's open requests, which the
// partial indexes hold with their status and due time (a person's come from the indexes
// by owner, assignee and escalation). A queue filtered by department alone, or not at
// all, takes its history total from request_tally, which triggers keep. Under any other
// filter the history is counted only when it is the filter's view: a person's or a
// room's years of history run to hundreds of thousands of requests, and counting them on
// every refresh of a screen that does not show them took seconds.
func (s *Store) CountRequests(ctx context.Context, f requests.Filter) (requests.Counts, error) {
	now := s.now()
	out := requests.Counts{}
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		if err := countOpenViews(ctx, tx, f, now, out); err != nil {
			return err
		}
		switch {
		case departmentOnly(f):
			out[requests.ViewHistory], err = closedTally(ctx, tx, f.Department)
		case f.View == requests.ViewHistory:
			out[requests.ViewHistory], err = countHistory(ctx, tx, f, now)
		}
		return err
	})
	return out, err
}

// countOpenViews counts every view of open requests in one query: count(*) for the open
// view and a sum of its condition for each of the others.
func countOpenViews(ctx context.Context, tx *sql.Tx, f requests.Filter, now time.Time, out requests.Counts) error {
	where, args := conditions(f, true)
	var cols []string
	var views []requests.View
	var vargs []any
	for _, v := range requests.Views {
		cond, a, _ := viewCondition(v, now)
		rest, narrowed := strings.CutPrefix(cond, openCondition+" AND ")
		switch {
		case cond == openCondition:
			cols = append(cols, "count(*)")
		case narrowed:
			cols, vargs = append(cols, "coalesce(sum("+rest+"), 0)"), append(vargs, a...)
		default:
			continue // not a view of open requests
		}
		views = append(views, v)
	}
	q := "SELECT " + strings.Join(cols, ", ") + " FROM requests r WHERE " + strings.Join(append(where, openCondition), " AND ")
	counts := make([]int, len(views))
	dest := make([]any, len(views))
	for i := range counts {
		dest[i] = &counts[i]
	}
	if err := tx.QueryRowContext(ctx, q, append(vargs, args...)...).Scan(dest...); err != nil {
		return err
	}
	for i, v := range views {
		out[v] = counts[i]
	}
	return nil
}

// openCondition is how every view of open requests starts (see viewCondition).
const openCondition = "r.open = 1"

// countHistory counts the closed and cancelled requests under f.
func countHistory(ctx context.Context, tx *sql.Tx, f requests.Filter, now time.Time) (int, error) {
	where, args := conditions(f, false)
	cond, vargs, _ := viewCondition(requests.ViewHistory, now)
	var n int
	err := tx.QueryRowContext(ctx, "SELECT count(*) FROM requests r WHERE "+strings.Join(append(where, cond), " AND "),
		append(args, vargs...)...).Scan(&n)
	return n, err
}

// departmentOnly reports whether f narrows the queue by department at most, so that
// request_tally holds its totals.
func departmentOnly(f requests.Filter) bool {
	f.Department, f.View, f.Limit, f.Offset = "", "", 0, 0
	return f == requests.Filter{}
}

// closedTally is how many requests are closed or cancelled in department, or in every
// department when it is empty, as request_tally keeps them.
func closedTally(ctx context.Context, tx *sql.Tx, department string) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(n), 0) FROM request_tally
		WHERE open = 0 AND (? = '' OR department = ?)`, department, department).Scan(&n)
	return n, err
}
