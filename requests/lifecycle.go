package requests

import (
	"slices"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/escalation"
	"frontdesk/staff"
)

// ActionKind names a step in a request's life.
type ActionKind string

// The actions staff can take.
const (
	ActAcknowledge ActionKind = "acknowledge"
	ActStart       ActionKind = "start"
	ActDone        ActionKind = "done"
	ActFollowUp    ActionKind = "follow_up"
	ActTransfer    ActionKind = "transfer"
	ActReopen      ActionKind = "reopen"
	ActCancel      ActionKind = "cancel"
	ActClose       ActionKind = "close" // a manager closing without a follow-up
	ActEscalate    ActionKind = "escalate"
	ActAssign      ActionKind = "assign"
)

// ActCreate is the first event of every timeline, written when a request is logged; it
// is not an action anyone can take afterwards.
const ActCreate ActionKind = "create"

// Actions lists every action in the order the UI offers them.
var Actions = []ActionKind{ActAcknowledge, ActStart, ActDone, ActFollowUp, ActAssign, ActTransfer, ActEscalate, ActReopen, ActCancel, ActClose}

// Action is one step with what it needs: a reason, a follow-up's outcome, a department.
type Action struct {
	Kind        ActionKind
	Reason      string
	Outcome     Outcome
	Score       int // 1–5, for follow-ups where the guest answered
	Department  string
	NextAttempt time.Time       // for an unreachable guest: when to try again
	Assignee    string          // staff ID, for assign
	Escalation  escalation.Step // for escalate: the level reached and who it reached
	// GuestTime is the time the guest names for a reopened request whose category takes
	// one (wake-up calls, transport); the other categories' standards need none.
	GuestTime time.Time
	// Promise is the reopened request's new promised time: a reopen, or a follow-up where
	// the guest was not satisfied, restarts the promise from the category's standard at
	// that moment. The store fills it in; the agent tells the guest.
	Promise time.Time
	// Undo marks a cancel as an undo at the desk taking back what it created.
	Undo bool
}

// Reopens reports whether the action reopens the request, so that it needs a new promise.
func (a Action) Reopens() bool {
	return a.Kind == ActReopen || (a.Kind == ActFollowUp && a.Outcome == OutcomeNotSatisfied)
}

// MsgNoNewPromise is the refusal of a reopen without a new promised time.
const MsgNoNewPromise = "A reopened request needs a new promised time."

// Event is one line of a request's append-only timeline.
type Event struct {
	At      time.Time
	ActorID string
	Actor   string
	Action  ActionKind
	From    Status
	To      Status
	Note    string // the reason or comment, as typed
	Outcome Outcome
	Score   int
	// Escalation is the climb an escalate event made; zero for every other action.
	Escalation escalation.Step
	// FromDepartment and ToDepartment are a transfer's department codes; the names are
	// read with them, for display.
	FromDepartment, ToDepartment         string
	FromDepartmentName, ToDepartmentName string
	// Undo marks a cancel made by an undo at the desk: the tasks were created by mistake.
	Undo bool
}

// from lists the statuses each action may start from.
var from = map[ActionKind][]Status{
	ActAcknowledge: {StatusNew, StatusReopened},
	ActStart:       {StatusNew, StatusAcknowledged, StatusReopened},
	ActDone:        {StatusNew, StatusAcknowledged, StatusInProgress, StatusReopened},
	ActFollowUp:    {StatusDone},
	ActTransfer:    {StatusNew, StatusAcknowledged, StatusInProgress, StatusReopened},
	ActReopen:      {StatusDone, StatusClosed},
	ActCancel:      {StatusNew, StatusAcknowledged, StatusInProgress, StatusReopened},
	ActClose:       {StatusNew, StatusAcknowledged, StatusInProgress, StatusDone, StatusReopened},
	ActEscalate:    {StatusNew, StatusAcknowledged, StatusInProgress, StatusReopened},
	ActAssign:      {StatusNew, StatusAcknowledged, StatusInProgress, StatusReopened},
}

// Why an action cannot happen now. They are translation keys too: keep the text stable.
const (
	MsgCannotAcknowledge = "Only a new or reopened request can be acknowledged."
	MsgCannotStart       = "This request has already been started or finished."
	MsgCannotDone        = "Only an open request that is not done yet can be marked done."
	MsgCannotFollowUp    = "Follow up with the guest once the department has marked the request done."
	MsgCannotTransfer    = "Only a request that is still being worked on can be transferred."
	MsgCannotReopen      = "Only a done or closed request can be reopened."
	MsgCannotCancel      = "A request that is done, closed or cancelled cannot be cancelled."
	MsgCannotClose       = "This request is already closed or cancelled."
	MsgCannotEscalate    = "Only a request that is still being worked on can be escalated."
	MsgCannotAssign      = "Only a request that is still being worked on can be assigned."
	MsgTopLevel          = "This request has already reached the top escalation level."
)

// refusals explain, per action, why it cannot happen now.
var refusals = map[ActionKind]string{
	ActAcknowledge: MsgCannotAcknowledge, ActStart: MsgCannotStart, ActDone: MsgCannotDone,
	ActFollowUp: MsgCannotFollowUp, ActTransfer: MsgCannotTransfer, ActReopen: MsgCannotReopen,
	ActCancel: MsgCannotCancel, ActClose: MsgCannotClose, ActEscalate: MsgCannotEscalate, ActAssign: MsgCannotAssign,
}

// Refusal says why action a cannot be taken in the request's current status, or "" when
// it can: the UI shows it beside the action it keeps in place but switches off.
func (r *Request) Refusal(a ActionKind) string {
	if slices.Contains(from[a], r.Status) {
		return ""
	}
	return refusals[a]
}

// Legal reports the actions allowed in the request's current status, for the UI to offer.
func (r *Request) Legal() []ActionKind {
	var out []ActionKind
	for _, a := range Actions {
		if slices.Contains(from[a], r.Status) {
			out = append(out, a)
		}
	}
	return out
}

// Apply performs a on the request at now on behalf of actor and returns the timeline
// event to append. A refused action changes nothing and says why.
func (r *Request) Apply(a Action, now time.Time, actor staff.Actor) (Event, error) {
	if !slices.Contains(from[a.Kind], r.Status) {
		if _, known := from[a.Kind]; !known {
			return Event{}, invalid("Unknown action.", nil)
		}
		return Event{}, invalid(refusals[a.Kind], nil)
	}
	if err := r.checkDetails(a, actor); err != nil {
		return Event{}, err
	}
	if a.Reopens() && a.Promise.IsZero() {
		return Event{}, invalid(MsgNoNewPromise, nil)
	}
	if a.Kind == ActFollowUp && a.Outcome == OutcomeUnreachable && !a.NextAttempt.After(now) {
		return Event{}, errs.FieldError(FieldNextAttempt, "Choose a time to try the guest again that is still to come.", nil)
	}
	ev := Event{At: now, ActorID: actor.ID, Actor: actor.Name, Action: a.Kind, From: r.Status, Note: strings.TrimSpace(a.Reason)}
	r.step(a, now, &ev)
	ev.To = r.Status
	return ev, nil
}

// checkDetails refuses actions that lack what they need.
func (r *Request) checkDetails(a Action, actor staff.Actor) error {
	switch a.Kind {
	case ActEscalate:
		if a.Escalation.Level <= r.EscalationLevel {
			return invalid(MsgTopLevel, nil)
		}
	case ActAssign:
		if a.Assignee == "" {
			return errs.FieldError(FieldAssignee, "Choose who does the work.", nil)
		}
	case ActFollowUp:
		return checkFollowUp(a)
	case ActTransfer:
		if a.Department == "" {
			return errs.FieldError(FieldDepartment, "Choose the department to transfer to.", nil)
		}
	case ActClose:
		if !actor.Role.Can(staff.PermCloseWithoutFollowUp) {
			return invalid("Only a shift manager or an administrator may close a request without a follow-up.", nil)
		}
		if strings.TrimSpace(a.Reason) == "" {
			return errs.FieldError(FieldReason, "Say why the request is closed without a follow-up with the guest.", nil)
		}
	case ActCancel, ActReopen:
		// An undo gives its reason itself (Event.Undo).
		if strings.TrimSpace(a.Reason) == "" && !(a.Undo && a.Kind == ActCancel) {
			return errs.FieldError(FieldReason, "Give a reason.", nil)
		}
	}
	return nil
}

func checkFollowUp(a Action) error {
	switch a.Outcome {
	case OutcomeSatisfied, OutcomeNotSatisfied:
		if a.Score < 1 || a.Score > 5 {
			return errs.FieldError(FieldScore, "Record the guest's score from 1 to 5.", nil)
		}
	case OutcomeUnreachable:
		if a.NextAttempt.IsZero() {
			return errs.FieldError(FieldNextAttempt, "Choose when to try the guest again.", nil)
		}
	default:
		return errs.FieldError(FieldOutcome, "Choose what the guest said: satisfied, not satisfied, or could not reach.", nil)
	}
	return nil
}

// step changes the request for an allowed action and fills in the event.
func (r *Request) step(a Action, now time.Time, ev *Event) {
	switch a.Kind {
	case ActAcknowledge:
		r.Status = StatusAcknowledged
		setOnce(&r.AckAt, now)
	case ActStart:
		r.Status = StatusInProgress
		setOnce(&r.AckAt, now)
		setOnce(&r.StartedAt, now)
	case ActDone:
		r.Status, r.DoneAt = StatusDone, now
		setOnce(&r.AckAt, now)
	case ActFollowUp:
		r.followUp(a, now, ev)
	case ActTransfer:
		ev.FromDepartment, ev.ToDepartment = r.Department, a.Department
		r.Department, r.Assignee = a.Department, "" // the owner stays accountable
	case ActEscalate:
		e := a.Escalation
		r.EscalationLevel, r.EscalationTarget, r.EscalatedTo, r.EscalatedAt = e.Level, e.Target, e.ToStaff, now
		ev.Escalation = e
	case ActAssign:
		r.Assignee = a.Assignee
	case ActReopen:
		r.Status, r.ClosedAt, r.PromisedAt = StatusReopened, time.Time{}, a.Promise
	case ActCancel:
		r.Status, r.ClosedAt = StatusCancelled, now
		ev.Undo = a.Undo
	case ActClose:
		r.Status, r.ClosedAt = StatusClosed, now
	}
}

// followUp records what the guest said: satisfied closes, unreachable schedules another
// try, not satisfied reopens the request and starts service recovery.
func (r *Request) followUp(a Action, now time.Time, ev *Event) {
	ev.Outcome, ev.Score = a.Outcome, a.Score
	switch a.Outcome {
	case OutcomeSatisfied:
		r.Status, r.ClosedAt, r.NextFollowUp = StatusClosed, now, time.Time{}
		r.Score, r.Outcome = a.Score, a.Outcome
	case OutcomeUnreachable:
		r.NextFollowUp, r.Outcome = a.NextAttempt, a.Outcome
	case OutcomeNotSatisfied:
		r.Status, r.Recovery, r.NextFollowUp, r.PromisedAt = StatusReopened, true, time.Time{}, a.Promise
		r.Score, r.Outcome = a.Score, a.Outcome
	}
}

func setOnce(t *time.Time, now time.Time) {
	if t.IsZero() {
		*t = now
	}
}

// AlreadyDone says whether action k is refused because the request is already where k
// would take it, or past it (two desks acknowledging one request: the second is told who
// won, MsgAlreadyBy), rather than for another reason.
func AlreadyDone(k ActionKind, s Status) bool {
	past := map[ActionKind][]Status{
		ActAcknowledge: {StatusAcknowledged, StatusInProgress, StatusDone, StatusClosed, StatusCancelled},
		ActStart:       {StatusInProgress, StatusDone, StatusClosed, StatusCancelled},
		ActDone:        {StatusDone, StatusClosed, StatusCancelled},
		ActFollowUp:    {StatusClosed, StatusCancelled},
		ActCancel:      {StatusClosed, StatusCancelled},
		ActClose:       {StatusClosed, StatusCancelled},
	}
	return slices.Contains(past[k], s)
}

// MsgAlreadyBy words a refused action by the status the request already has and who
// gave it that status.
var MsgAlreadyBy = map[Status]string{
	StatusAcknowledged: "Already acknowledged by {{.Name}} at {{.Time}}.",
	StatusInProgress:   "Already started by {{.Name}} at {{.Time}}.",
	StatusDone:         "Already marked done by {{.Name}} at {{.Time}}.",
	StatusClosed:       "Already closed with the guest by {{.Name}} at {{.Time}}.",
	StatusCancelled:    "Already cancelled by {{.Name}} at {{.Time}}.",
}
