package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/escalation"
	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

var _ requests.Service = (*Store)(nil)

// standard is what a request's promise is computed from.
type standard struct {
	cat     standards.Category
	dept    standards.Department
	topTier bool
}

// loadStandard reads the category, the department serving it (the category's when
// department is empty) and whether the guest gets top-tier standards.
func loadStandard(ctx context.Context, tx *sql.Tx, category, department, guestID string) (standard, error) {
	var st standard
	var err error
	if st.cat, err = loadCategory(ctx, tx, category, true); err != nil {
		return st, err
	}
	if department == "" {
		department = st.cat.Department
	}
	if st.dept, err = loadDepartment(ctx, tx, department); err != nil {
		return st, err
	}
	if guestID != "" {
		var g guests.Guest
		err := tx.QueryRowContext(ctx, "SELECT vip, tier, casino_tier FROM guests WHERE id = ?", guestID).Scan(&g.VIP, &g.Tier, &g.CasinoTier)
		if err == sql.ErrNoRows {
			return st, errs.FieldError(requests.FieldGuest, "This guest's profile no longer exists.", nil)
		}
		if err != nil {
			return st, err
		}
		st.topTier = g.IsTopTier()
	}
	return st, nil
}

// loadCategory reads a category's service standard; activeOnly refuses a retired one,
// which a new request may not use but a reopened one still keeps.
func loadCategory(ctx context.Context, tx *sql.Tx, code string, activeOnly bool) (standards.Category, error) {
	var c standards.Category
	var promise, topTier int
	err := tx.QueryRowContext(ctx, `SELECT code, name, department, promise_min, top_tier_min, guest_names_time, complaint
		FROM categories WHERE code = ? AND (active = 1 OR NOT ?)`, code, activeOnly).
		Scan(&c.Code, &c.Name, &c.Department, &promise, &topTier, &c.GuestNamesTime, &c.Complaint)
	if err == sql.ErrNoRows {
		return c, errs.FieldError(requests.FieldCategory, "Choose one of the options in the list.", nil)
	}
	c.Promise, c.TopTierPromise = time.Duration(promise)*time.Minute, time.Duration(topTier)*time.Minute
	return c, err
}

func loadDepartment(ctx context.Context, tx *sql.Tx, code string) (standards.Department, error) {
	d := standards.Department{Code: code}
	err := tx.QueryRowContext(ctx, `SELECT name, on_duty_contact, open_minute, close_minute FROM departments
		WHERE code = ? AND active = 1`, code).Scan(&d.Name, &d.OnDutyContact, &d.Hours.Open, &d.Hours.Close)
	if err == sql.ErrNoRows {
		return d, errs.FieldError(requests.FieldDepartment, "Choose one of the options in the list.", nil)
	}
	return d, err
}

// Quote returns the promise the agent gives the guest before the request is saved.
func (s *Store) Quote(ctx context.Context, category, department, guestID string, guestTime time.Time) (standards.Promise, error) {
	var p standards.Promise
	err := s.read(ctx, func(tx *sql.Tx) error {
		st, err := loadStandard(ctx, tx, category, department, guestID)
		if err != nil {
			return err
		}
		p, err = standards.PromiseFor(st.cat, st.dept, s.now(), st.topTier, guestTime)
		return err
	})
	return p, err
}

// CreateRequest logs a request with its promise and first timeline event.
func (s *Store) CreateRequest(ctx context.Context, r *requests.Request, guestTime time.Time) error {
	actor, err := requestActor(ctx)
	if err != nil {
		return err
	}
	if err := r.Normalize().Err(); err != nil {
		return err
	}
	now := s.now()
	r.ID, r.CreatedBy, r.CreatedAt, r.Status = newID(), actor.ID, now.UTC(), requests.StatusNew
	if r.Owner == "" {
		r.Owner = actor.ID
	}
	c := change{entity: "request", entityID: r.ID, guestID: r.GuestID, action: "create", summary: r.Category + ": " + r.Description}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		return s.insertRequest(ctx, tx, r, now, guestTime, actor)
	})
}

// insertRequest checks what r points at, computes its promise and writes it with its
// first event.
func (s *Store) insertRequest(ctx context.Context, tx *sql.Tx, r *requests.Request, now, guestTime time.Time, actor staff.Actor) error {
	st, err := loadStandard(ctx, tx, r.Category, r.Department, r.GuestID)
	if err != nil {
		return err
	}
	p, err := standards.PromiseFor(st.cat, st.dept, now, st.topTier, guestTime)
	if err != nil {
		return err
	}
	if err := roomExists(ctx, tx, r.Room); err != nil {
		return err
	}
	if _, err := staffName(ctx, tx, r.Owner); err != nil {
		return err
	}
	r.Department, r.PromisedAt, r.TopTier = st.dept.Code, p.Due.UTC(), st.topTier
	if st.cat.Complaint {
		r.Kind = requests.KindComplaint
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO requests (id, guest_id, room, category, department, description,
		priority, kind, created_by, owner, assignee, status, open, top_tier, created_at, promised_at, due_at,
		escalation_level, escalation_target, escalated_to, recovery_of, recovery_score, guest_said, occasion, occasion_on)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, null(r.GuestID), null(r.Room), r.Category, r.Department, r.Description, r.Priority, r.Kind,
		r.CreatedBy, r.Owner, null(r.Assignee), r.Status, r.TopTier, fmtTime(r.CreatedAt), fmtTime(r.PromisedAt),
		fmtTime(r.DueAt()), r.EscalationLevel, string(r.EscalationTarget), null(r.EscalatedTo), null(r.RecoveryOf),
		r.RecoveryScore, r.GuestSaid, r.Occasion, fmtOptionalDate(r.OccasionOn))
	if err != nil {
		return err
	}
	note := st.cat.Name
	if p.Delayed {
		note += " · " + st.dept.Name + " " + st.dept.Hours.String()
	}
	return insertEvent(ctx, tx, r.ID, requests.Event{At: r.CreatedAt, ActorID: actor.ID, Actor: actor.Name,
		Action: requests.ActCreate, To: r.Status, Note: note})
}

// requestActor is the signed-in member of staff, who must be allowed to work on requests.
func requestActor(ctx context.Context) (staff.Actor, error) {
	actor := staff.ActorFrom(ctx)
	if actor.ID == "" {
		return actor, errs.New(errs.Invalid, "Sign in to log a request.", nil)
	}
	return actor, actor.Role.Check(staff.PermLogRequests)
}

// null stores an empty reference as NULL.
func null(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

func roomExists(ctx context.Context, tx *sql.Tx, room string) error {
	if room == "" {
		return nil
	}
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM rooms WHERE number = ?", room).Scan(&one)
	if err == sql.ErrNoRows {
		return errs.FieldError(requests.FieldRoom, "There is no room {{.Room}} in the room list.", map[string]any{"Room": room})
	}
	return err
}

// staffName returns the name of an active member of staff.
func staffName(ctx context.Context, tx *sql.Tx, id string) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, "SELECT name FROM staff WHERE id = ? AND active = 1", id).Scan(&name)
	if err == sql.ErrNoRows {
		return "", errs.New(errs.Invalid, "This member of staff is not active.", nil)
	}
	return name, err
}

func insertEvent(ctx context.Context, tx *sql.Tx, requestID string, e requests.Event) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO request_events (request_id, at, actor_id, actor_name, action,
		from_status, to_status, note, outcome, score, escalation_level, escalation_target, escalated_to_name,
		from_department, to_department, undo)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		requestID, fmtTime(e.At), e.ActorID, e.Actor, e.Action, e.From, e.To, e.Note, e.Outcome, e.Score,
		e.Escalation.Level, e.Escalation.Target, e.Escalation.ToName, e.FromDepartment, e.ToDepartment, e.Undo)
	return err
}

// updateRequest writes back everything an action may change.
func updateRequest(ctx context.Context, tx *sql.Tx, r *requests.Request) error {
	_, err := tx.ExecContext(ctx, `UPDATE requests SET department = ?, assignee = ?, status = ?, open = ?,
		promised_at = ?, due_at = ?, ack_at = ?, started_at = ?, done_at = ?, closed_at = ?, next_follow_up = ?, score = ?,
		outcome = ?, recovery = ?, escalation_level = ?, escalation_target = ?, escalated_to = ?, escalated_at = ?
		WHERE id = ?`,
		r.Department, null(r.Assignee), r.Status, r.Open(), fmtTime(r.PromisedAt), fmtTime(r.DueAt()), fmtOptionalTime(r.AckAt),
		fmtOptionalTime(r.StartedAt), fmtOptionalTime(r.DoneAt), fmtOptionalTime(r.ClosedAt),
		fmtOptionalTime(r.NextFollowUp), r.Score, r.Outcome, r.Recovery, r.EscalationLevel,
		string(r.EscalationTarget), null(r.EscalatedTo), fmtOptionalTime(r.EscalatedAt), r.ID)
	return err
}

// Act applies one action to a request and appends it to the timeline, in one transaction.
func (s *Store) Act(ctx context.Context, id string, a requests.Action) (*requests.Detail, error) {
	actor, err := requestActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := requests.CleanAction(&a); err != nil {
		return nil, err
	}
	a.Undo = false // only UndoPrompt cancels as an undo
	now := s.now()
	err = s.write(ctx, func(tx *sql.Tx) error {
		r, err := loadRequest(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := s.prepareAction(ctx, tx, r, &a, now); err != nil {
			return err
		}
		ev, err := applyAction(ctx, tx, r, a, now, actor)
		if err != nil {
			return s.saidWhoActed(ctx, tx, r, a.Kind, err)
		}
		if a.Kind == requests.ActFollowUp && a.Outcome == requests.OutcomeNotSatisfied {
			if err := s.openRecovery(ctx, tx, r, a, now, actor); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, change{entity: "request", entityID: r.ID, guestID: r.GuestID, action: string(a.Kind), summary: eventSummary(ev)})
	})
	if err != nil {
		return nil, err
	}
	return s.GetRequest(ctx, id)
}

// saidWhoActed words an action that is no longer legal by what happened to the request
// and who did it ("Already acknowledged by Kenji Watanabe at 14:02."), when the request
// is already where the action would take it; other refusals pass as they are.
func (s *Store) saidWhoActed(ctx context.Context, tx *sql.Tx, r *requests.Request, k requests.ActionKind, err error) error {
	msg := requests.MsgAlreadyBy[r.Status]
	if msg == "" || !requests.AlreadyDone(k, r.Status) || errs.CodeOf(err) != errs.Invalid || len(errs.AsFields(err)) > 0 {
		return err
	}
	var who, at string
	qerr := tx.QueryRowContext(ctx, `SELECT actor_name, at FROM request_events WHERE request_id = ? AND to_status = ?
		ORDER BY seq DESC LIMIT 1`, r.ID, r.Status).Scan(&who, &at)
	if qerr == sql.ErrNoRows {
		return err
	}
	if qerr != nil {
		return qerr
	}
	return errs.Wrap(err, errs.Conflict, msg, map[string]any{"Name": who, "Time": parseTime(at).In(s.now().Location()).Format("15:04")})
}

// applyAction applies a to r at now for actor and stores the request and its new
// timeline event.
func applyAction(ctx context.Context, tx *sql.Tx, r *requests.Request, a requests.Action, now time.Time, actor staff.Actor) (requests.Event, error) {
	ev, err := r.Apply(a, now.UTC(), actor)
	if err != nil {
		return ev, err
	}
	if err := updateRequest(ctx, tx, r); err != nil {
		return ev, err
	}
	return ev, insertEvent(ctx, tx, r.ID, ev)
}

// prepareAction checks what an action points at and fills in what the store knows:
// the next escalation level and who it reaches, a reopened request's new promise.
func (s *Store) prepareAction(ctx context.Context, tx *sql.Tx, r *requests.Request, a *requests.Action, now time.Time) error {
	if a.Reopens() && r.Refusal(a.Kind) == "" {
		var err error
		a.Promise, err = reopenPromise(ctx, tx, r, a.GuestTime, now)
		return err
	}
	switch a.Kind {
	case requests.ActTransfer:
		if a.Department == r.Department {
			return errs.FieldError(requests.FieldDepartment, "The request is already with this department.", nil)
		}
		_, err := loadDepartment(ctx, tx, a.Department)
		return err
	case requests.ActAssign:
		_, err := staffName(ctx, tx, a.Assignee)
		return err
	case requests.ActEscalate:
		if a.Escalation.Level != 0 {
			return nil
		}
		rules, err := loadEscalationRules(ctx, tx)
		if err != nil {
			return err
		}
		next, ok := nextLevel(rules.ForClass(r.EscalationClass()), r.EscalationLevel)
		if !ok {
			return errs.New(errs.Invalid, requests.MsgTopLevel, nil)
		}
		a.Escalation, err = s.resolveTarget(ctx, tx, r, next, now)
		return err
	}
	return nil
}

// reopenPromise is the new promise of a request reopened at now: its category's service
// standard counted from now (the department's next opening when it is closed), tighter
// when the guest was top tier as it was logged, or the time the guest names for the
// categories that take one.
func reopenPromise(ctx context.Context, tx *sql.Tx, r *requests.Request, guestTime, now time.Time) (time.Time, error) {
	cat, err := loadCategory(ctx, tx, r.Category, false)
	if err != nil {
		return time.Time{}, err
	}
	dept, err := loadDepartment(ctx, tx, r.Department)
	if err != nil {
		return time.Time{}, err
	}
	p, err := standards.PromiseFor(cat, dept, now, r.TopTier, guestTime)
	return p.Due.UTC(), err
}

// nextLevel is the first level above current.
func nextLevel(levels escalation.Rules, current int) (escalation.Level, bool) {
	for _, l := range levels {
		if l.Level > current {
			return l, true
		}
	}
	return escalation.Level{}, false
}

// resolveTarget names who an escalation level reaches now: the owner, the department's
// on-duty contact, the shift manager on the roster, or management.
func (s *Store) resolveTarget(ctx context.Context, tx *sql.Tx, r *requests.Request, l escalation.Level, now time.Time) (escalation.Step, error) {
	e := escalation.Step{Level: l.Level, Target: l.Target}
	switch l.Target {
	case escalation.TargetOwner:
		name, err := ownerName(ctx, tx, r.Owner)
		e.ToStaff, e.ToName = r.Owner, name
		return e, err
	case escalation.TargetDepartmentOnDuty:
		d, err := loadDepartment(ctx, tx, r.Department)
		e.ToName = strings.TrimSpace(d.Name + " " + d.OnDutyContact)
		return e, err
	case escalation.TargetShiftManager:
		on, err := loadOnShift(ctx, tx, now)
		if on.manager != nil {
			e.ToStaff, e.ToName = on.manager.StaffID, on.manager.StaffName
		}
		return e, err
	}
	return e, nil
}

// ownerName is the owner's name even when they have left (the request stays theirs).
func ownerName(ctx context.Context, tx *sql.Tx, id string) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, "SELECT name FROM staff WHERE id = ?", id).Scan(&name)
	return name, err
}

// eventSummary is the audit text of a step: its note, after the departments of a
// transfer ("housekeeping → maintenance AC, not cleaning").
func eventSummary(ev requests.Event) string {
	if ev.Action != requests.ActTransfer {
		return ev.Note
	}
	return strings.TrimSpace(ev.FromDepartment + " → " + ev.ToDepartment + " " + ev.Note)
}

// openRecovery starts service recovery for a guest who was not satisfied: a linked
// complaint for the manager on shift, and an alert on the guest's profile so that the
// next stay starts with care.
func (s *Store) openRecovery(ctx context.Context, tx *sql.Tx, orig *requests.Request, a requests.Action, now time.Time, actor staff.Actor) error {
	on, err := loadOnShift(ctx, tx, now)
	if err != nil {
		return err
	}
	rec := &requests.Request{ID: newID(), GuestID: orig.GuestID, Room: orig.Room, Category: standards.CategoryRecovery,
		Priority: requests.PriorityHigh, Kind: requests.KindComplaint, CreatedBy: actor.ID, Owner: actor.ID,
		Status: requests.StatusNew, CreatedAt: now.UTC(), RecoveryOf: orig.ID,
		Description: clip(orig.Description, 300), RecoveryScore: a.Score, GuestSaid: a.Reason}
	if on.manager != nil {
		rec.Owner = on.manager.StaffID
	} else {
		rec.EscalationTarget = escalation.TargetShiftManager // every shift manager sees it
	}
	if err := s.insertRequest(ctx, tx, rec, now, time.Time{}, actor); err != nil {
		return err
	}
	if orig.GuestID == "" {
		return nil
	}
	alert := &guests.Alert{ID: newID(), GuestID: orig.GuestID, Kind: guests.AlertComplaint, CreatedBy: actor.Name, CreatedAt: now.UTC(),
		Text: clip(orig.Description, 120), Score: a.Score}
	return insertAlert(ctx, tx, alert)
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
