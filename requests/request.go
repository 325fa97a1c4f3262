// Package requests holds the heart of Frontdesk: a guest's request, owned by one person,
// promised for a time, done by a department and closed only after a follow-up with the
// guest. The lifecycle is a pure state machine; storage and UI live elsewhere.
package requests

import (
	"time"

	"frontdesk/errs"
	"frontdesk/escalation"
)

// Status is where a request stands.
type Status string

// The statuses. A request is open until it is closed or cancelled; "done" means the
// department finished, not that the guest is satisfied.
const (
	StatusNew          Status = "new"
	StatusAcknowledged Status = "acknowledged"
	StatusInProgress   Status = "in_progress"
	StatusDone         Status = "done"
	StatusClosed       Status = "closed"
	StatusCancelled    Status = "cancelled"
	StatusReopened     Status = "reopened"
)

// Priority orders the work.
type Priority string

// Priorities, lowest first.
const (
	PriorityNormal Priority = "normal"
	PriorityHigh   Priority = "high"
	PriorityUrgent Priority = "urgent"
)

// Kind says whether the guest asked for something or complained.
type Kind string

// Kinds of request.
const (
	KindRequest   Kind = "request"
	KindComplaint Kind = "complaint"
)

// Outcome is what the guest said when staff checked back.
type Outcome string

// Follow-up outcomes.
const (
	OutcomeSatisfied    Outcome = "satisfied"
	OutcomeNotSatisfied Outcome = "not_satisfied"
	OutcomeUnreachable  Outcome = "unreachable"
)

// Outcomes lists the follow-up outcomes in the order the UI offers them.
var Outcomes = []Outcome{OutcomeSatisfied, OutcomeNotSatisfied, OutcomeUnreachable}

// Request is one thing a guest asked for or complained about.
type Request struct {
	ID           string
	GuestID      string // empty when the request came from a room without a profile
	Room         string
	Category     string // category code
	Department   string // department code; from the category, changeable
	Description  string
	Priority     Priority
	Kind         Kind
	CreatedBy    string // staff ID
	Owner        string // staff ID: accountable until closed, kept across transfers
	Assignee     string // staff ID in the department, optional
	Status       Status
	CreatedAt    time.Time
	PromisedAt   time.Time
	AckAt        time.Time // first acknowledgement
	StartedAt    time.Time
	DoneAt       time.Time // last time the department finished
	ClosedAt     time.Time
	NextFollowUp time.Time // when to try the guest again after "could not reach"
	Recovery     bool      // an unsatisfied guest triggered service recovery
	RecoveryOf   string    // for a recovery request: the request the guest was unhappy with
	TopTier      bool      // the guest was VIP or top tier when it was logged: escalates sooner
	Score        int       // the guest's last follow-up score, 1–5 (0 = none yet)
	Outcome      Outcome   // the last follow-up's outcome

	// What Frontdesk logged the request for, kept as facts so that every desk reads its
	// words in its own language (words.RequestText). Description is then the part in
	// people's words: the request the guest was unhappy with, the preparation task, the
	// occasion's name.
	RecoveryScore int       // a recovery: the score the guest gave on the follow-up (1–5)
	GuestSaid     string    // a recovery: what the guest said on the follow-up
	Occasion      string    // an occasion task: the occasion's kind (guests.OccasionKind)
	OccasionOn    time.Time // an occasion task: the occasion's date

	// Escalation: the highest level reached and who it reached.
	EscalationLevel  int
	EscalationTarget escalation.Target
	EscalatedTo      string // staff ID, when the target is a person
	EscalatedAt      time.Time
}

// Open reports whether the request still needs someone.
func (r *Request) Open() bool { return r.Status != StatusClosed && r.Status != StatusCancelled }

// AwaitingFollowUp reports whether the department is done and the guest not yet asked.
func (r *Request) AwaitingFollowUp() bool { return r.Status == StatusDone }

// Overdue reports whether the department has not finished by the promised time.
func (r *Request) Overdue(now time.Time) bool {
	return r.Open() && r.Status != StatusDone && !r.PromisedAt.IsZero() && now.After(r.PromisedAt)
}

// AcknowledgedIn is how long the first acknowledgement took (0 when not yet).
func (r *Request) AcknowledgedIn() time.Duration { return since(r.CreatedAt, r.AckAt) }

// ResolvedIn is how long the department took to finish (0 when not yet).
func (r *Request) ResolvedIn() time.Duration { return since(r.CreatedAt, r.DoneAt) }

// OnTime reports whether the department finished by the promised time; false until done.
func (r *Request) OnTime() bool {
	return !r.DoneAt.IsZero() && !r.PromisedAt.IsZero() && !r.DoneAt.After(r.PromisedAt)
}

func since(from, to time.Time) time.Duration {
	if to.IsZero() || from.IsZero() {
		return 0
	}
	return to.Sub(from)
}

// EscalationClass picks the escalation rules that apply to the request.
func (r *Request) EscalationClass() escalation.Class {
	return escalation.ClassFor(escalation.Traits{Urgent: r.Priority == PriorityUrgent, Complaint: r.Kind == KindComplaint, VIP: r.TopTier})
}

// DueAt is when the request next needs someone: the promised time while the department
// works on it; once done, the moment the guest should be called (at once, or the next
// attempt after "could not reach"). Queues are sorted by it.
func (r *Request) DueAt() time.Time {
	if r.Status == StatusDone {
		if !r.NextFollowUp.IsZero() {
			return r.NextFollowUp
		}
		return r.DoneAt
	}
	return r.PromisedAt
}

// DueSoonWindow is how far ahead "due soon" looks.
const DueSoonWindow = 30 * time.Minute

// DueSoon reports whether the department's promise falls due within DueSoonWindow (a
// promise exactly DueSoonWindow away is not due soon yet, as in the store's view).
func (r *Request) DueSoon(now time.Time) bool {
	return r.Open() && r.Status != StatusDone && !r.Overdue(now) && !r.PromisedAt.IsZero() && r.PromisedAt.Sub(now) < DueSoonWindow
}

// invalid is a refused transition or a missing detail, with a message for staff.
func invalid(tmpl string, args map[string]any) error {
	return errs.New(errs.Invalid, tmpl, args)
}
