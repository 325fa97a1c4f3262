package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"frontdesk/errs"
	"frontdesk/handover"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
)

var _ handover.Service = (*Store)(nil)

// Report builds the handover of a shift (the one on now when shift is empty) from one
// consistent snapshot.
func (s *Store) Report(ctx context.Context, day time.Time, shift property.Shift) (*handover.Report, error) {
	now := s.now()
	var r *handover.Report
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		r, err = buildReport(ctx, tx, now, day, shift)
		return err
	})
	return r, err
}

// shiftRefs returns the chosen shift (the one on now when shift is empty) and the next.
func shiftRefs(ctx context.Context, tx *sql.Tx, now, day time.Time, shift property.Shift) (handover.ShiftRef, handover.ShiftRef, error) {
	times, err := loadShiftTimes(ctx, tx)
	if err != nil {
		return handover.ShiftRef{}, handover.ShiftRef{}, err
	}
	if shift == "" {
		shift, day = times.At(now)
	}
	if !slices.Contains(property.Shifts, shift) {
		return handover.ShiftRef{}, handover.ShiftRef{}, errs.FieldError(property.FieldShift, handover.MsgUnknownShift, nil)
	}
	ref := handover.ShiftRef{Day: property.DayOf(day), Shift: shift}
	ref.Start, ref.End = times.Bounds(ref.Day, shift)
	var next handover.ShiftRef
	next.Shift, next.Day, next.Start = times.Next(ref.Start)
	_, next.End = times.Bounds(next.Day, next.Shift)
	return ref, next, nil
}

func buildReport(ctx context.Context, tx *sql.Tx, now, day time.Time, shift property.Shift) (*handover.Report, error) {
	ref, next, err := shiftRefs(ctx, tx, now, day, shift)
	if err != nil {
		return nil, err
	}
	r := &handover.Report{Now: now, Shift: ref, Next: next}
	steps := []func(context.Context, *sql.Tx, *handover.Report) error{
		loadManagers, loadAcks, loadRequestSections, loadDepartmentLoad, loadInHouse, loadArrivals,
		loadShiftOccasions, loadLoanSection, loadShiftNotes, loadChanges,
	}
	for _, step := range steps {
		if err := step(ctx, tx, r); err != nil {
			return nil, err
		}
	}
	c := &r.Counts
	c.Escalated, c.Complaints, c.CallBacks = r.Escalated.Total, r.Complaints.Total, r.CallBacks.Total
	c.InHouse, c.Arrivals, c.Loans, c.Notes = r.InHouse.Total, r.Arrivals.Total, r.Loans.Total, r.Logbook.Total
	return r, nil
}

// loadManagers names the shift managers on the roster of both shifts.
func loadManagers(ctx context.Context, tx *sql.Tx, r *handover.Report) error {
	for _, x := range []struct {
		ref  handover.ShiftRef
		name *string
	}{{r.Shift, &r.Manager}, {r.Next, &r.NextManager}} {
		people, err := loadRoster(ctx, tx, x.ref.Day, x.ref.Shift, false)
		if err != nil {
			return err
		}
		for _, p := range people {
			if p.Manager {
				*x.name = p.StaffName
			}
		}
	}
	return nil
}

const ackColumns = `id, day, shift, shift_start, shift_end, by_id, by_name, at, note, open_count, overdue_count,
	escalated_count, complaint_count, callback_count, inhouse_count, arrival_count, loan_count`

func scanAck(row scanner, loc *time.Location) (*handover.Ack, error) {
	a := &handover.Ack{}
	var day, start, end, at string
	c := &a.Counts
	err := row.Scan(&a.ID, &day, &a.Shift.Shift, &start, &end, &a.ByID, &a.ByName, &at, &a.Note, &c.Open, &c.Overdue,
		&c.Escalated, &c.Complaints, &c.CallBacks, &c.InHouse, &c.Arrivals, &c.Loans)
	if err != nil {
		return nil, err
	}
	d := parseDate(day)
	a.Shift.Day = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
	a.Shift.Start, a.Shift.End, a.At = parseTime(start).In(loc), parseTime(end).In(loc), parseTime(at).In(loc)
	return a, nil
}

// loadAcks reads this shift's acknowledgement and the last one before it, which changes
// are counted from.
func loadAcks(ctx context.Context, tx *sql.Tx, r *handover.Report) error {
	loc := r.Now.Location()
	a, err := scanAck(tx.QueryRowContext(ctx, "SELECT "+ackColumns+" FROM handover_acks WHERE day = ? AND shift = ?",
		fmtDate(r.Shift.Day), r.Shift.Shift), loc)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	r.Ack = a
	last, err := scanAck(tx.QueryRowContext(ctx, "SELECT "+ackColumns+` FROM handover_acks
		WHERE shift_start < ? ORDER BY shift_start DESC LIMIT 1`, fmtTime(r.Shift.Start)), loc)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	r.Changes.Since = last
	return nil
}

// requestSection reads the first rows of a section of open requests, of total in all
// (countOpen); none when there are none.
func requestSection(ctx context.Context, tx *sql.Tx, r *handover.Report, total int, where string, order string) (handover.Section[handover.RequestLine], error) {
	sec := handover.Section[handover.RequestLine]{Total: total}
	if total == 0 {
		return sec, nil
	}
	// Pick the page from the requests table alone, then join the names for those rows
	// only: a busy property has thousands of open requests.
	page := "r.seq IN (SELECT r.seq FROM requests r WHERE " + where + " " + order + ", r.seq LIMIT ?)"
	list, err := listSummaries(ctx, tx, page, []any{handover.SectionLimit}, order+", r.seq")
	if err != nil {
		return sec, err
	}
	since := time.Time{}
	if r.Changes.Since != nil {
		since = r.Changes.Since.At
	}
	for _, s := range list {
		sec.Items = append(sec.Items, handover.RequestLine{Summary: s, Overdue: s.Overdue(r.Now),
			New: !since.IsZero() && s.CreatedAt.After(since)})
	}
	return sec, nil
}

// openTotals are how many open requests each section of the report holds, and how many
// are overdue.
type openTotals struct{ open, escalated, complaints, callBacks, overdue int }

// countOpen counts every section's requests in one read of the open-board index, which
// carries status, promise, kind and escalation: a busy resort has tens of thousands open.
func countOpen(ctx context.Context, tx *sql.Tx, now time.Time) (openTotals, error) {
	var t openTotals
	err := tx.QueryRowContext(ctx, `SELECT count(*), COALESCE(sum(escalation_level > 0), 0),
		COALESCE(sum(kind = 'complaint' OR recovery = 1), 0), COALESCE(sum(status = 'done'), 0),
		COALESCE(sum(status <> 'done' AND due_at < ?), 0)
		FROM requests INDEXED BY requests_open_board WHERE open = 1`, fmtTime(now)).
		Scan(&t.open, &t.escalated, &t.complaints, &t.callBacks, &t.overdue)
	return t, err
}

// loadRequestSections reads the open requests (in requests.CompareAttention order: the
// most late first, then due soon, then the rest), the escalated ones, the complaints and
// unhappy guests, and those waiting for a call-back.
func loadRequestSections(ctx context.Context, tx *sql.Tx, r *handover.Report) error {
	t, err := countOpen(ctx, tx, r.Now)
	if err != nil {
		return err
	}
	if r.Open, err = requestSection(ctx, tx, r, t.open, "r.open = 1", attentionOrder(r.Now)); err != nil {
		return err
	}
	slices.SortStableFunc(r.Open.Items, func(a, b handover.RequestLine) int {
		return requests.CompareAttention(&a.Request, &b.Request, r.Now)
	})
	if r.Escalated, err = requestSection(ctx, tx, r, t.escalated, "r.open = 1 AND r.escalation_level > 0",
		"ORDER BY r.escalation_level DESC, r.escalated_at"); err != nil {
		return err
	}
	// "+r.created_at": read the few open requests and sort them, rather than walk years
	// of history in creation order looking for open ones.
	if r.Complaints, err = requestSection(ctx, tx, r, t.complaints, "r.open = 1 AND (r.kind = 'complaint' OR r.recovery = 1)",
		"ORDER BY +r.created_at"); err != nil {
		return err
	}
	if r.CallBacks, err = requestSection(ctx, tx, r, t.callBacks, "r.open = 1 AND r.status = 'done'", "ORDER BY r.due_at"); err != nil {
		return err
	}
	r.Counts.Open, r.Counts.Overdue = t.open, t.overdue
	return nil
}

// loadDepartmentLoad counts open requests per department, overdue and by age, from the
// open-board index alone (the department index would visit the table for every row).
func loadDepartmentLoad(ctx context.Context, tx *sql.Tx, r *handover.Report) error {
	limits := make([]any, 0, 4)
	limits = append(limits, fmtTime(r.Now))
	for _, l := range handover.AgeLimits {
		limits = append(limits, fmtTime(r.Now.Add(-l)))
	}
	// Counted first and named after: joining the names before grouping looked up a
	// department for every open request.
	return eachRow(ctx, tx, `SELECT l.department, d.name, l.n, l.overdue, l.a0, l.a1, l.a2, l.a3 FROM (
			SELECT r.department, count(*) AS n, sum(r.status <> 'done' AND r.due_at < ?1) AS overdue,
				sum(r.created_at > ?2) AS a0, sum(r.created_at <= ?2 AND r.created_at > ?3) AS a1,
				sum(r.created_at <= ?3 AND r.created_at > ?4) AS a2, sum(r.created_at <= ?4) AS a3
			FROM requests r INDEXED BY requests_open_board WHERE r.open = 1 GROUP BY r.department
		) l JOIN departments d ON d.code = l.department ORDER BY l.n DESC, d.name`, limits, func(rows *sql.Rows) error {
		var l handover.DepartmentLoad
		err := rows.Scan(&l.Code, &l.Name, &l.Open, &l.Overdue, &l.Ages[0], &l.Ages[1], &l.Ages[2], &l.Ages[3])
		r.Departments = append(r.Departments, l)
		return err
	})
}

// loadShiftNotes reads the logbook of the shift and every pinned note.
func loadShiftNotes(ctx context.Context, tx *sql.Tx, r *handover.Report) error {
	notes, total, err := listNotes(ctx, tx, handover.NoteFilter{From: r.Shift.Start, To: r.Shift.End, Pinned: true})
	r.Logbook = handover.Section[handover.Note]{Items: notes, Total: total}
	return err
}

// loadChanges counts what happened since the last acknowledged handover.
func loadChanges(ctx context.Context, tx *sql.Tx, r *handover.Report) error {
	if r.Changes.Since == nil {
		return nil
	}
	since := fmtTime(r.Changes.Since.At)
	ch := &r.Changes
	counts := []struct {
		n *int
		q string
	}{
		{&ch.NewRequests, "SELECT count(*) FROM requests WHERE created_at > ?"},
		{&ch.Closed, "SELECT count(*) FROM requests WHERE closed_at <> '' AND closed_at > ? AND status = 'closed'"},
		{&ch.Escalated, "SELECT count(*) FROM requests WHERE escalated_at <> '' AND escalated_at > ?"},
		{&ch.NewComplaints, "SELECT count(*) FROM requests WHERE created_at > ? AND kind = 'complaint'"},
		{&ch.NotSatisfied, "SELECT count(*) FROM request_events WHERE outcome = 'not_satisfied' AND at > ?"},
		{&ch.Notes, "SELECT count(*) FROM logbook WHERE at > ?"},
		{&ch.Lent, "SELECT count(*) FROM loans WHERE lent_at > ?"},
		{&ch.Returned, "SELECT count(*) FROM loans WHERE returned_at <> '' AND returned_at > ?"},
	}
	for _, c := range counts {
		if err := tx.QueryRowContext(ctx, c.q, since).Scan(c.n); err != nil {
			return err
		}
	}
	return nil
}

// Acknowledge records that the incoming manager has taken the shift over, with the
// report's numbers at this moment.
func (s *Store) Acknowledge(ctx context.Context, day time.Time, shift property.Shift, note string) (*handover.Ack, error) {
	actor := staff.ActorFrom(ctx)
	if !actor.Role.IsManager() || actor.ID == "" {
		return nil, errs.New(errs.Invalid, handover.MsgAckManagers, nil)
	}
	if err := handover.CleanAckNote(&note); err != nil {
		return nil, err
	}
	now := s.now()
	var ack *handover.Ack
	err := s.write(ctx, func(tx *sql.Tx) error {
		r, err := buildReport(ctx, tx, now, day, shift)
		if err != nil {
			return err
		}
		if r.Shift.Start.After(now) {
			return errs.New(errs.Invalid, handover.MsgAckNotStarted, nil)
		}
		if r.Ack != nil {
			return ackedTwice(r.Ack)
		}
		ack = &handover.Ack{ID: newID(), Shift: r.Shift, ByID: actor.ID, ByName: actor.Name, At: now, Note: note, Counts: r.Counts}
		if err := insertAck(ctx, tx, ack); err != nil {
			return err
		}
		return s.audit(ctx, tx, change{entity: "handover", entityID: ack.ID, action: "acknowledge",
			words: summaryOf("{{.Shift}} {{.Day}}", map[string]any{"Shift": r.Shift.Shift, "Day": fmtDate(r.Shift.Day)})})
	})
	if err != nil {
		return nil, err
	}
	return ack, nil
}

func ackedTwice(a *handover.Ack) error {
	return errs.New(errs.Conflict, handover.MsgAckTwice, map[string]any{"Name": a.ByName, "Time": a.At.Format("2 Jan 15:04")})
}

func insertAck(ctx context.Context, tx *sql.Tx, a *handover.Ack) error {
	c := a.Counts
	_, err := tx.ExecContext(ctx, `INSERT INTO handover_acks (`+ackColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, fmtDate(a.Shift.Day), a.Shift.Shift, fmtTime(a.Shift.Start), fmtTime(a.Shift.End), a.ByID, a.ByName,
		fmtTime(a.At), a.Note, c.Open, c.Overdue, c.Escalated, c.Complaints, c.CallBacks, c.InHouse, c.Arrivals, c.Loans)
	return err
}
