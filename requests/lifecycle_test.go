package requests

import (
	"slices"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/escalation"
	"frontdesk/staff"
)

var (
	t0      = time.Date(2026, 11, 23, 14, 20, 0, 0, time.UTC)
	agent   = staff.Actor{ID: "s-agent", Name: "Dewi Lestari", Role: staff.RoleAgent}
	manager = staff.Actor{ID: "s-mgr", Name: "Rina Kusuma", Role: staff.RoleShiftManager}
)

func newRequest(s Status) *Request {
	return &Request{Status: s, Department: "housekeeping", Owner: agent.ID, CreatedAt: t0, PromisedAt: t0.Add(15 * time.Minute)}
}

// actionFor returns an action with the details it needs.
func actionFor(k ActionKind) Action {
	a := Action{Kind: k, Reason: "guest asked", Promise: t0.Add(time.Hour)}
	switch k {
	case ActFollowUp:
		a.Outcome, a.Score = OutcomeSatisfied, 5
	case ActTransfer:
		a.Department = "maintenance"
	case ActEscalate:
		a.Escalation = escalation.Step{Level: 1, Target: escalation.TargetOwner, ToStaff: agent.ID, ToName: agent.Name}
	case ActAssign:
		a.Assignee = "s-hk"
	}
	return a
}

func TestEveryTransitionIsLegalOrRefusedWithAReason(t *testing.T) {
	statuses := []Status{StatusNew, StatusAcknowledged, StatusInProgress, StatusDone, StatusClosed, StatusCancelled, StatusReopened}
	want := map[ActionKind]map[Status]Status{ // status after the action; missing = refused
		ActAcknowledge: {StatusNew: StatusAcknowledged, StatusReopened: StatusAcknowledged},
		ActStart:       {StatusNew: StatusInProgress, StatusAcknowledged: StatusInProgress, StatusReopened: StatusInProgress},
		ActDone:        {StatusNew: StatusDone, StatusAcknowledged: StatusDone, StatusInProgress: StatusDone, StatusReopened: StatusDone},
		ActFollowUp:    {StatusDone: StatusClosed},
		ActTransfer:    {StatusNew: StatusNew, StatusAcknowledged: StatusAcknowledged, StatusInProgress: StatusInProgress, StatusReopened: StatusReopened},
		ActReopen:      {StatusDone: StatusReopened, StatusClosed: StatusReopened},
		ActCancel:      {StatusNew: StatusCancelled, StatusAcknowledged: StatusCancelled, StatusInProgress: StatusCancelled, StatusReopened: StatusCancelled},
		ActClose:       {StatusNew: StatusClosed, StatusAcknowledged: StatusClosed, StatusInProgress: StatusClosed, StatusDone: StatusClosed, StatusReopened: StatusClosed},
		ActEscalate:    {StatusNew: StatusNew, StatusAcknowledged: StatusAcknowledged, StatusInProgress: StatusInProgress, StatusReopened: StatusReopened},
		ActAssign:      {StatusNew: StatusNew, StatusAcknowledged: StatusAcknowledged, StatusInProgress: StatusInProgress, StatusReopened: StatusReopened},
	}
	for action, to := range want {
		for _, s := range statuses {
			r := newRequest(s)
			ev, err := r.Apply(actionFor(action), t0.Add(time.Minute), manager)
			next, legal := to[s]
			switch {
			case legal && err != nil:
				t.Errorf("%s from %s refused: %v", action, s, err)
			case legal && (r.Status != next || ev.From != s || ev.To != next):
				t.Errorf("%s from %s: status %s, event %s→%s; want %s", action, s, r.Status, ev.From, ev.To, next)
			case !legal && (err == nil || errs.CodeOf(err) != errs.Invalid || err.Error() == ""):
				t.Errorf("%s from %s accepted or refused without a reason: %v", action, s, err)
			case !legal && r.Status != s:
				t.Errorf("refused %s from %s changed the status to %s", action, s, r.Status)
			}
			if got := slices.Contains(newRequest(s).Legal(), action); got != legal {
				t.Errorf("Legal() for %s offers %s = %v", s, action, got)
			}
		}
	}
}

func TestStepTimesAreKeptForMeasures(t *testing.T) {
	r := newRequest(StatusNew)
	must(t, r, Action{Kind: ActAcknowledge}, t0.Add(3*time.Minute))
	must(t, r, Action{Kind: ActStart}, t0.Add(5*time.Minute))
	must(t, r, Action{Kind: ActDone}, t0.Add(12*time.Minute))
	if r.AcknowledgedIn() != 3*time.Minute || r.ResolvedIn() != 12*time.Minute || !r.OnTime() {
		t.Fatalf("ack %v, resolved %v, on time %v", r.AcknowledgedIn(), r.ResolvedIn(), r.OnTime())
	}
	late := newRequest(StatusNew)
	must(t, late, Action{Kind: ActDone}, t0.Add(16*time.Minute))
	if late.OnTime() || late.AcknowledgedIn() != 16*time.Minute {
		t.Fatalf("a request done after its promise counted as on time")
	}
	if !newRequest(StatusInProgress).Overdue(t0.Add(16*time.Minute)) || newRequest(StatusDone).Overdue(t0.Add(time.Hour)) {
		t.Fatal("overdue means open, not done, past the promise")
	}
}

func TestFollowUpOutcomes(t *testing.T) {
	next := t0.Add(2 * time.Hour)
	cases := []struct {
		name     string
		action   Action
		status   Status
		recovery bool
		retry    time.Time
	}{
		{"satisfied closes", Action{Kind: ActFollowUp, Outcome: OutcomeSatisfied, Score: 5}, StatusClosed, false, time.Time{}},
		{"unreachable schedules another try", Action{Kind: ActFollowUp, Outcome: OutcomeUnreachable, NextAttempt: next}, StatusDone, false, next},
		{"not satisfied reopens with recovery", Action{Kind: ActFollowUp, Outcome: OutcomeNotSatisfied, Score: 2, Reason: "still noisy", Promise: t0.Add(time.Hour)}, StatusReopened, true, time.Time{}},
	}
	for _, c := range cases {
		r := newRequest(StatusDone)
		ev, err := r.Apply(c.action, t0.Add(30*time.Minute), agent)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if r.Status != c.status || r.Recovery != c.recovery || !r.NextFollowUp.Equal(c.retry) || ev.Outcome != c.action.Outcome {
			t.Errorf("%s: %+v", c.name, r)
		}
	}
	for _, bad := range []Action{
		{Kind: ActFollowUp, Outcome: OutcomeSatisfied}, // no score
		{Kind: ActFollowUp, Outcome: OutcomeSatisfied, Score: 6},
		{Kind: ActFollowUp, Outcome: OutcomeUnreachable}, // no next attempt
		{Kind: ActFollowUp, Outcome: "maybe", Score: 3},
		{Kind: ActFollowUp, Outcome: OutcomeNotSatisfied, Score: 2}, // no new promise
	} {
		r := newRequest(StatusDone)
		if _, err := r.Apply(bad, t0, agent); err == nil || r.Status != StatusDone {
			t.Errorf("follow-up %+v accepted", bad)
		}
	}
}

func TestOnlyAManagerClosesWithoutAFollowUpAndMustSayWhy(t *testing.T) {
	r := newRequest(StatusDone)
	if _, err := r.Apply(Action{Kind: ActClose, Reason: "guest left"}, t0, agent); err == nil {
		t.Fatal("an agent closed without a follow-up")
	}
	if _, err := r.Apply(Action{Kind: ActClose}, t0, manager); err == nil {
		t.Fatal("a manager closed without a reason")
	}
	ev, err := r.Apply(Action{Kind: ActClose, Reason: "guest checked out early"}, t0, manager)
	if err != nil || r.Status != StatusClosed || ev.Note != "guest checked out early" || ev.Actor != "Rina Kusuma" {
		t.Fatalf("close: %+v %v", ev, err)
	}
}

func TestTransferKeepsTheOwnerAndRecordsFromTo(t *testing.T) {
	r := newRequest(StatusAcknowledged)
	r.Assignee = "s-hk"
	ev, err := r.Apply(Action{Kind: ActTransfer, Department: "maintenance", Reason: "AC, not cleaning"}, t0, agent)
	if err != nil || r.Owner != agent.ID || r.Department != "maintenance" || r.Assignee != "" {
		t.Fatalf("transfer: %+v %v", r, err)
	}
	if ev.FromDepartment != "housekeeping" || ev.ToDepartment != "maintenance" || ev.Note != "AC, not cleaning" {
		t.Errorf("timeline event %+v", ev)
	}
}

func TestAnUndoCancelsWithoutATypedReason(t *testing.T) {
	r := newRequest(StatusNew)
	if _, err := r.Apply(Action{Kind: ActCancel}, t0, agent); err == nil {
		t.Fatal("cancelled without a reason")
	}
	ev, err := r.Apply(Action{Kind: ActCancel, Undo: true}, t0, agent)
	if err != nil || r.Status != StatusCancelled || !ev.Undo || ev.Note != "" {
		t.Fatalf("undo: %+v %v", ev, err)
	}
	reopen := newRequest(StatusDone)
	if _, err := reopen.Apply(Action{Kind: ActReopen, Undo: true}, t0, agent); err == nil {
		t.Error("an undo reopened without a reason")
	}
}

func TestEscalationClassFollowsPriorityKindAndVIP(t *testing.T) {
	r := newRequest(StatusNew)
	r.Priority, r.Kind = PriorityNormal, KindRequest
	if r.EscalationClass() != escalation.ClassStandard {
		t.Error("standard")
	}
	r.TopTier = true
	if r.EscalationClass() != escalation.ClassVIP {
		t.Error("vip")
	}
	r.Kind = KindComplaint
	if r.EscalationClass() != escalation.ClassComplaint {
		t.Error("a complaint outranks VIP")
	}
	r.Priority = PriorityUrgent
	if r.EscalationClass() != escalation.ClassUrgent {
		t.Error("urgent outranks everything")
	}
}

func must(t *testing.T, r *Request, a Action, at time.Time) {
	t.Helper()
	if _, err := r.Apply(a, at, agent); err != nil {
		t.Fatal(err)
	}
}

func TestEscalationOnlyClimbs(t *testing.T) {
	r := newRequest(StatusAcknowledged)
	up := Action{Kind: ActEscalate, Escalation: escalation.Step{Level: 2, Target: escalation.TargetShiftManager, ToStaff: manager.ID, ToName: manager.Name}}
	ev, err := r.Apply(up, t0.Add(40*time.Minute), agent)
	if err != nil || r.EscalationLevel != 2 || r.EscalatedTo != manager.ID || !r.EscalatedAt.Equal(t0.Add(40*time.Minute)) {
		t.Fatalf("escalate: %+v %v", r, err)
	}
	if ev.Escalation != up.Escalation || ev.Note != "" || r.Status != StatusAcknowledged {
		t.Errorf("event %+v, status %s", ev, r.Status)
	}
	if _, err := r.Apply(up, t0.Add(41*time.Minute), agent); err == nil || err.Error() != MsgTopLevel {
		t.Errorf("escalating to the same level again: %v", err)
	}
}

func TestDueAtAndDueSoon(t *testing.T) {
	r := newRequest(StatusNew) // promised t0+15m
	if !r.DueAt().Equal(r.PromisedAt) || !r.DueSoon(t0) || r.Overdue(t0) {
		t.Fatal("a request promised in 15 minutes is due soon")
	}
	if r.DueSoon(t0.Add(16*time.Minute)) || !r.Overdue(t0.Add(16*time.Minute)) {
		t.Fatal("past the promise it is overdue, not due soon")
	}
	far := newRequest(StatusNew)
	far.PromisedAt = t0.Add(2 * time.Hour)
	if far.DueSoon(t0) {
		t.Fatal("two hours ahead is not due soon")
	}
	must(t, r, Action{Kind: ActDone}, t0.Add(20*time.Minute))
	if !r.DueAt().Equal(t0.Add(20*time.Minute)) || r.Overdue(t0.Add(time.Hour)) || r.DueSoon(t0.Add(21*time.Minute)) {
		t.Fatal("a done request is due for its follow-up, and neither overdue nor due soon")
	}
	must(t, r, Action{Kind: ActFollowUp, Outcome: OutcomeUnreachable, NextAttempt: t0.Add(3 * time.Hour)}, t0.Add(25*time.Minute))
	if !r.DueAt().Equal(t0.Add(3*time.Hour)) || r.Outcome != OutcomeUnreachable {
		t.Fatal("after an unreachable follow-up the next attempt is due")
	}
}

func TestUnreachableGuestIsTriedAgainLaterNotEarlier(t *testing.T) {
	r := newRequest(StatusDone)
	_, err := r.Apply(Action{Kind: ActFollowUp, Outcome: OutcomeUnreachable, NextAttempt: t0.Add(-time.Minute)}, t0, agent)
	if errs.AsFields(err).For(FieldNextAttempt) == nil || r.Status != StatusDone || !r.NextFollowUp.IsZero() {
		t.Fatalf("a next attempt in the past: %v, %+v", err, r)
	}
}

// A reopened request is promised anew: the old promise has passed or was kept, and the
// guest is told a new time.
func TestReopeningReplacesThePromise(t *testing.T) {
	for _, a := range []Action{
		{Kind: ActReopen, Reason: "towels are wet"},
		{Kind: ActFollowUp, Outcome: OutcomeNotSatisfied, Score: 2},
	} {
		r := newRequest(StatusDone)
		if _, err := r.Apply(a, t0.Add(time.Hour), agent); err == nil || err.Error() != MsgNoNewPromise {
			t.Errorf("%s without a new promise: %v", a.Kind, err)
		}
		a.Promise = t0.Add(80 * time.Minute)
		if _, err := r.Apply(a, t0.Add(time.Hour), agent); err != nil {
			t.Fatalf("%s: %v", a.Kind, err)
		}
		if !r.PromisedAt.Equal(a.Promise) || !r.DueAt().Equal(a.Promise) || r.Overdue(t0.Add(time.Hour)) || !r.DueSoon(t0.Add(time.Hour)) {
			t.Errorf("%s: promised %v, want %v, and due soon rather than overdue", a.Kind, r.PromisedAt, a.Promise)
		}
	}
	r := newRequest(StatusDone)
	if _, err := r.Apply(Action{Kind: ActFollowUp, Outcome: OutcomeSatisfied, Score: 5}, t0, agent); err != nil {
		t.Fatal(err)
	}
	if !r.PromisedAt.Equal(t0.Add(15 * time.Minute)) {
		t.Errorf("a satisfied follow-up changed the promise to %v", r.PromisedAt)
	}
}
