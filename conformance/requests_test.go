package conformance

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/escalation"
	"frontdesk/requests"
	"frontdesk/staff"
)

// wantFieldError fails unless err holds a problem with field and template (and, when
// given, these facts), of code Invalid.
func wantFieldError(t *testing.T, err error, field, template string, args map[string]any) {
	t.Helper()
	if errs.CodeOf(err) != errs.Invalid {
		t.Fatalf("want an invalid %s (%q), got %v", field, template, err)
	}
	e := errs.AsFields(err).For(field)
	if e == nil {
		t.Fatalf("want a problem beside %s (%q), got %v", field, template, err)
	}
	if e.Template != template {
		t.Fatalf("%s: want %q, got %q", field, template, e.Template)
	}
	for k, v := range args {
		if fmt.Sprint(e.Args[k]) != fmt.Sprint(v) {
			t.Errorf("%s: fact %s is %v, want %v", field, k, e.Args[k], v)
		}
	}
}

// asError is the typed error in err (the first problem of a list).
func asError(err error) *errs.Error {
	if fs := errs.AsFields(err); len(fs) > 0 {
		return fs[0]
	}
	var e *errs.Error
	errors.As(err, &e)
	return e
}

// A request is quoted, logged and read back as stored: the one the desk passed in is
// filled in (ID, owner, times, promise), its detail names everything, and the queue and
// its counts list it.
func TestRequestLoggedAndListed(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		h := newHotel(t, d)
		agent := h.as(staff.RoleAgent)
		p, err := d.svc.Requests.Quote(agent, "amenities", "", h.made.ID, time.Time{})
		if err != nil || !p.Due.Equal(d.now.Add(20*time.Minute)) || p.Delayed {
			t.Fatalf("amenities quoted %+v (%v)", p, err)
		}
		p, err = d.svc.Requests.Quote(agent, "amenities", "", h.kenji.ID, time.Time{})
		if err != nil || !p.Due.Equal(d.now.Add(10*time.Minute)) {
			t.Fatalf("amenities for a VIP quoted %+v (%v)", p, err)
		}
		pickup := time.Date(2026, 11, 23, 18, 0, 0, 0, zone)
		p, err = d.svc.Requests.Quote(agent, "transport", "", h.made.ID, pickup)
		if err != nil || !p.Due.Equal(pickup) {
			t.Fatalf("transport at 18:00 quoted %+v (%v)", p, err)
		}

		r := requests.Request{GuestID: h.made.ID, Room: "1402", Category: "amenities", Description: "Toothbrush and toothpaste",
			Priority: requests.PriorityHigh}
		must(t, d.svc.Requests.CreateRequest(agent, &r, time.Time{}))
		if r.ID == "" || r.CreatedBy != h.agentID || r.Owner != h.agentID || r.Status != requests.StatusNew ||
			r.Department != "housekeeping" || r.Kind != requests.KindRequest || r.Priority != requests.PriorityHigh ||
			!r.CreatedAt.Equal(d.now) || !r.PromisedAt.Equal(d.now.Add(20*time.Minute)) {
			t.Fatalf("the request as stored %+v", r)
		}

		detail, err := d.svc.Requests.GetRequest(agent, r.ID)
		must(t, err)
		want, err := d.store.GetRequest(agent, r.ID)
		must(t, err)
		sameAsStore(t, "detail", detail, want)
		sameAsStore(t, "request", detail.Request, r)
		if detail.GuestName != "Made Wirawan" || detail.CategoryName != "Amenities" || detail.DepartmentName != "Housekeeping" ||
			detail.OwnerName != h.agentName || detail.GuestVIP || detail.CategoryComplaint {
			t.Errorf("the names %+v", detail.Summary)
		}
		if len(detail.Timeline) != 1 || detail.Timeline[0].Action != requests.ActCreate || detail.Timeline[0].ActorID != h.agentID ||
			detail.Timeline[0].Actor != h.agentName || detail.Timeline[0].To != requests.StatusNew ||
			detail.Timeline[0].Note != "Amenities" || !detail.Timeline[0].At.Equal(d.now) {
			t.Errorf("the timeline %+v", detail.Timeline)
		}

		f := requests.Filter{GuestID: h.made.ID}
		list, err := d.svc.Requests.ListRequests(agent, f)
		must(t, err)
		wantList, err := d.store.ListRequests(agent, f)
		must(t, err)
		sameAsStore(t, "queue", list, wantList)
		if len(list) != 4 || !slices.ContainsFunc(list, func(s requests.Summary) bool { return s.ID == r.ID && s.OwnerName == h.agentName }) {
			t.Errorf("Made's queue %+v", list)
		}
		counts, err := d.svc.Requests.CountRequests(agent, f)
		must(t, err)
		wantCounts, err := d.store.CountRequests(agent, f)
		must(t, err)
		sameAsStore(t, "counts", counts, wantCounts)
		if counts[requests.ViewOpen] != 4 || counts[requests.ViewFollowUp] != 1 || counts[requests.ViewHistory] != 0 {
			t.Errorf("counts %v", counts)
		}
	})
}

// Every step comes back in the detail: transfer, assignment, escalation and a follow-up
// where the guest was not satisfied, which opens a recovery for the manager on shift.
func TestRequestStepsAndRecovery(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		h := newHotel(t, d)
		agent := h.as(staff.RoleAgent)
		act := func(id string, a requests.Action) *requests.Detail {
			t.Helper()
			got, err := d.svc.Requests.Act(agent, id, a)
			must(t, err)
			want, err := d.store.GetRequest(agent, id)
			must(t, err)
			sameAsStore(t, string(a.Kind), got, want)
			return got
		}

		moved := act(h.towels[0].ID, requests.Action{Kind: requests.ActTransfer, Department: "maintenance", Reason: "The rail is loose"})
		ev := moved.Timeline[len(moved.Timeline)-1]
		if moved.Department != "maintenance" || ev.FromDepartment != "housekeeping" || ev.ToDepartment != "maintenance" ||
			ev.FromDepartmentName != "Housekeeping" || ev.ToDepartmentName != "Maintenance & engineering" || ev.Note != "The rail is loose" {
			t.Errorf("transferred: %s, event %+v", moved.Department, ev)
		}
		assigned := act(h.towels[0].ID, requests.Action{Kind: requests.ActAssign, Assignee: h.managerID})
		if assigned.Assignee != h.managerID || assigned.AssigneeName != h.managerName {
			t.Errorf("assigned to %s (%s)", assigned.Assignee, assigned.AssigneeName)
		}

		escalated, err := d.svc.Requests.GetRequest(agent, h.towels[1].ID)
		must(t, err)
		step := escalated.Timeline[len(escalated.Timeline)-1].Escalation
		if escalated.EscalationLevel != 1 || escalated.EscalationTarget != escalation.TargetOwner || escalated.EscalatedTo != h.agentID ||
			escalated.EscalatedName != h.agentName || !escalated.EscalatedAt.Equal(d.now) ||
			step.Level != 1 || step.Target != escalation.TargetOwner || step.ToName != h.agentName { // the timeline keeps the name
			t.Errorf("escalated %+v, step %+v", escalated.Request, step)
		}

		r := requests.Request{GuestID: h.made.ID, Room: "1402", Category: "amenities", Description: "Toothbrush and toothpaste"}
		must(t, d.svc.Requests.CreateRequest(agent, &r, time.Time{}))
		act(r.ID, requests.Action{Kind: requests.ActAcknowledge})
		started := act(r.ID, requests.Action{Kind: requests.ActStart})
		if started.Status != requests.StatusInProgress || !started.AckAt.Equal(d.now) || !started.StartedAt.Equal(d.now) {
			t.Errorf("started %+v", started.Request)
		}
		act(r.ID, requests.Action{Kind: requests.ActDone})
		unhappy := act(r.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeNotSatisfied, Score: 2,
			Reason: "Still no toothpaste"})
		last := unhappy.Timeline[len(unhappy.Timeline)-1]
		if unhappy.Status != requests.StatusReopened || !unhappy.Recovery || unhappy.Score != 2 ||
			unhappy.Outcome != requests.OutcomeNotSatisfied || len(unhappy.Timeline) != 5 ||
			last.Outcome != requests.OutcomeNotSatisfied || last.Score != 2 || last.From != requests.StatusDone {
			t.Errorf("after the follow-up %+v, last event %+v", unhappy.Request, last)
		}
		if len(unhappy.Linked) != 1 {
			t.Fatalf("linked %+v", unhappy.Linked)
		}
		rec := unhappy.Linked[0]
		if rec.Category != "service_recovery" || rec.RecoveryOf != r.ID || rec.RecoveryScore != 2 || rec.GuestSaid != "Still no toothpaste" ||
			rec.Owner != h.managerID || rec.OwnerName != h.managerName || rec.Kind != requests.KindComplaint || !rec.CategoryComplaint {
			t.Errorf("the recovery %+v", rec)
		}
	})
}

// Refusals come back as the store gives them: the problems beside their fields with
// their facts, and the reason an action cannot be taken.
func TestRequestRefusals(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		h := newHotel(t, d)
		agent := h.as(staff.RoleAgent)
		var empty requests.Request
		err := d.svc.Requests.CreateRequest(agent, &empty, time.Time{})
		wantFieldError(t, err, requests.FieldGuest, "Choose the guest or enter the room the request came from.", nil)
		wantFieldError(t, err, requests.FieldCategory, "Choose what the guest needs.", nil)
		wantFieldError(t, err, requests.FieldDescription, "Say what the guest asked for, in a few words.", nil)
		if empty.ID != "" {
			t.Errorf("a refused request has an ID: %+v", empty)
		}

		nowhere := requests.Request{Room: "9999", Category: "towels", Description: "Towels"}
		err = d.svc.Requests.CreateRequest(agent, &nowhere, time.Time{})
		wantFieldError(t, err, requests.FieldRoom, "There is no room {{.Room}} in the room list.", map[string]any{"Room": "9999"})

		_, err = d.svc.Requests.Quote(agent, "spa", "", "", time.Time{})
		wantFieldError(t, err, requests.FieldCategory, "Choose one of the options in the list.", nil)

		// Already past: the refusal names who moved it on, and when (two desks, one request).
		_, err = d.svc.Requests.Act(agent, h.towels[2].ID, requests.Action{Kind: requests.ActAcknowledge})
		wantRefusal(t, err, errs.Conflict, requests.MsgAlreadyBy[requests.StatusDone])
		if e := refusalOf(err); e.Args["Name"] != "Test agent" || e.Args["Time"] != d.now.Format("15:04") {
			t.Errorf("the refusal names %v at %v", e.Args["Name"], e.Args["Time"])
		}
		_, err = d.svc.Requests.Act(agent, h.towels[0].ID, requests.Action{Kind: requests.ActCancel})
		wantFieldError(t, err, requests.FieldReason, "Give a reason.", nil)
		_, err = d.svc.Requests.GetRequest(agent, "no-such-request")
		wantRefusal(t, err, errs.NotFound, "This request no longer exists.")
	})
}

// refusalOf is the typed error err carries.
func refusalOf(err error) *errs.Error {
	var e *errs.Error
	errors.As(err, &e)
	if e == nil {
		return &errs.Error{}
	}
	return e
}
