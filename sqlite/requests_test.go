package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/escalation"
	"frontdesk/guests"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// desk is a property with staff, a roster, rooms and two guests, on a clock the test moves.
type desk struct {
	s                *Store
	now              time.Time
	rina, dewi, agus staff.Actor
	siti, vip        *guests.Guest
}

func newDesk(t *testing.T) *desk {
	t.Helper()
	d := &desk{now: testNow}
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "fd.db"), Options{Now: func() time.Time { return d.now }, PhoneRegion: "ID"})
	must(t, err)
	t.Cleanup(func() { s.Close() })
	d.s = s
	must(t, s.CreateFirstAdministrator(context.Background(), &staff.Staff{Name: "Wayan Sudarma"}, "1357"))
	d.rina = d.staff(t, "Rina Kusuma", staff.RoleShiftManager)
	d.dewi = d.staff(t, "Dewi Lestari", staff.RoleAgent)
	d.agus = d.staff(t, "Agus Pratama", staff.RoleAgent)
	on, _, _, _, err := s.OnShift(context.Background(), d.now)
	must(t, err)
	must(t, s.SetRoster(manager(), property.DayOf(d.now), on, []property.RosterEntry{
		{StaffID: d.rina.ID, Manager: true}, {StaffID: d.dewi.ID}}))
	for _, n := range []string{"1204", "1315"} {
		must(t, s.SaveRoom(manager(), &property.Room{Number: n, Floor: 12}))
	}
	d.siti = &guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}
	d.vip = &guests.Guest{GivenName: "Kenji", FamilyName: "Sato", VIP: true}
	must(t, s.CreateGuest(context.Background(), d.siti))
	must(t, s.CreateGuest(context.Background(), d.vip))
	return d
}

func (d *desk) staff(t *testing.T, name string, role staff.Role) staff.Actor {
	t.Helper()
	st := &staff.Staff{Name: name, Role: role, Active: true}
	must(t, d.s.CreateStaff(manager(), st, "4829"))
	return staff.Actor{ID: st.ID, Name: name, Role: role}
}

func as(a staff.Actor) context.Context { return staff.WithActor(context.Background(), a) }

// log creates a request for guest g (may be nil) in room as the actor.
func (d *desk) log(t *testing.T, a staff.Actor, g *guests.Guest, room, category, text string) *requests.Request {
	t.Helper()
	r := &requests.Request{Room: room, Category: category, Description: text}
	if g != nil {
		r.GuestID = g.ID
	}
	must(t, d.s.CreateRequest(as(a), r, time.Time{}))
	return r
}

func (d *desk) act(t *testing.T, a staff.Actor, id string, act requests.Action) *requests.Detail {
	t.Helper()
	det, err := d.s.Act(as(a), id, act)
	must(t, err)
	return det
}

func TestCreateRequestPromisesFromTheStandardAndStartsTheTimeline(t *testing.T) {
	d := newDesk(t)
	r := d.log(t, d.dewi, d.siti, "1204", "towels", "Two bath towels")
	if r.ID == "" || r.Owner != d.dewi.ID || r.Department != standards.DeptHousekeeping || r.Status != requests.StatusNew {
		t.Fatalf("created %+v", r)
	}
	if !r.PromisedAt.Equal(testNow.Add(15 * time.Minute)) {
		t.Errorf("towels promised at %v, want +15 min", r.PromisedAt)
	}
	vip := d.log(t, d.dewi, d.vip, "1315", "towels", "Towels")
	if !vip.PromisedAt.Equal(testNow.Add(10*time.Minute)) || !vip.TopTier {
		t.Errorf("a VIP's towels promised at %v, want the top-tier +10 min", vip.PromisedAt)
	}
	q, err := d.s.Quote(context.Background(), "towels", "", d.vip.ID, time.Time{})
	if err != nil || !q.Due.Equal(vip.PromisedAt) {
		t.Errorf("quote %v %v differs from what was saved", q, err)
	}
	det, err := d.s.GetRequest(context.Background(), r.ID)
	must(t, err)
	if det.GuestName != "Siti Rahayu" || det.OwnerName != "Dewi Lestari" || det.CategoryName != "Extra towels" ||
		len(det.Timeline) != 1 || det.Timeline[0].Actor != "Dewi Lestari" || det.Timeline[0].To != requests.StatusNew {
		t.Fatalf("detail %+v", det)
	}
	complaint := d.log(t, d.dewi, d.siti, "", "complaint", "Noise from the corridor")
	if complaint.Kind != requests.KindComplaint {
		t.Error("a complaint category makes a complaint")
	}
}

func TestRequestMustPointAtAGuestOrRoomThatExists(t *testing.T) {
	d := newDesk(t)
	cases := []struct {
		r     requests.Request
		field string
	}{
		{requests.Request{Category: "towels", Description: "x"}, requests.FieldGuest},
		{requests.Request{Room: "9999", Category: "towels", Description: "x"}, requests.FieldRoom},
		{requests.Request{GuestID: "no-such-guest", Category: "towels", Description: "x"}, requests.FieldGuest},
		{requests.Request{Room: "1204", Category: "no_such", Description: "x"}, requests.FieldCategory},
		{requests.Request{Room: "1204", Category: "towels", Description: "  "}, requests.FieldDescription},
		{requests.Request{Room: "1204", Category: "towels", Department: "nowhere", Description: "x"}, requests.FieldDepartment},
		{requests.Request{Room: "1204", Category: "wake_up", Description: "6:30"}, requests.FieldPromised},
	}
	for _, c := range cases {
		r := c.r
		err := d.s.CreateRequest(as(d.dewi), &r, time.Time{})
		if errs.AsFields(err).For(c.field) == nil {
			t.Errorf("%+v: want a problem with %s, got %v", c.r, c.field, err)
		}
	}
	if n := count(t, d.s, "requests"); n != 0 {
		t.Fatalf("refused requests stored %d rows", n)
	}
	if err := d.s.CreateRequest(context.Background(), &requests.Request{Room: "1204", Category: "towels", Description: "x"}, time.Time{}); err == nil {
		t.Fatal("a request without a signed-in member of staff was accepted")
	}
	fromRoom := d.log(t, d.dewi, nil, "1204", "maintenance", "AC dripping")
	if fromRoom.GuestID != "" || fromRoom.Room != "1204" {
		t.Fatalf("a request from a room without a profile: %+v", fromRoom)
	}
}

func TestTimelineAndRequestsAreKept(t *testing.T) {
	d := newDesk(t)
	r := d.log(t, d.dewi, d.siti, "1204", "towels", "Towels")
	d.act(t, d.dewi, r.ID, requests.Action{Kind: requests.ActAcknowledge})
	for _, q := range []string{
		"UPDATE request_events SET note = 'changed'",
		"DELETE FROM request_events",
		"DELETE FROM requests",
	} {
		if _, err := d.s.writer.Exec(q); err == nil {
			t.Errorf("%s was allowed", q)
		}
	}
	det, err := d.s.GetRequest(context.Background(), r.ID)
	must(t, err)
	if len(det.Timeline) != 2 || det.Timeline[1].Action != requests.ActAcknowledge || det.Timeline[1].From != requests.StatusNew {
		t.Fatalf("timeline %+v", det.Timeline)
	}
}

func TestRefusedActionChangesNothing(t *testing.T) {
	d := newDesk(t)
	r := d.log(t, d.dewi, d.siti, "1204", "towels", "Towels")
	_, err := d.s.Act(as(d.dewi), r.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: 5})
	if err == nil || err.Error() != requests.MsgCannotFollowUp {
		t.Fatalf("follow-up before done: %v", err)
	}
	_, err = d.s.Act(as(d.dewi), r.ID, requests.Action{Kind: requests.ActClose, Reason: "guest left"})
	if err == nil {
		t.Fatal("an agent closed without a follow-up")
	}
	_, err = d.s.Act(as(d.dewi), r.ID, requests.Action{Kind: requests.ActTransfer, Department: "nowhere"})
	if errs.AsFields(err).For(requests.FieldDepartment) == nil {
		t.Fatalf("transfer to an unknown department: %v", err)
	}
	if _, err := d.s.Act(as(d.dewi), "missing", requests.Action{Kind: requests.ActDone}); errs.CodeOf(err) != errs.NotFound {
		t.Fatalf("unknown request: %v", err)
	}
	det, _ := d.s.GetRequest(context.Background(), r.ID)
	if det.Status != requests.StatusNew || len(det.Timeline) != 1 {
		t.Fatalf("refused actions changed the request: %s, %d events", det.Status, len(det.Timeline))
	}
	closed := d.act(t, d.rina, r.ID, requests.Action{Kind: requests.ActClose, Reason: "guest checked out early"})
	if closed.Status != requests.StatusClosed || closed.Timeline[1].Note != "guest checked out early" {
		t.Fatalf("manager close: %+v", closed.Request)
	}
}

func TestTransferKeepsTheOwnerAndRecordsWhy(t *testing.T) {
	d := newDesk(t)
	r := d.log(t, d.dewi, d.siti, "1204", "housekeeping", "Room smells of smoke")
	det := d.act(t, d.agus, r.ID, requests.Action{Kind: requests.ActTransfer, Department: standards.DeptMaintenance, Reason: "AC filter"})
	if det.Owner != d.dewi.ID || det.Department != standards.DeptMaintenance || det.DepartmentName != "Maintenance & engineering" {
		t.Fatalf("after transfer %+v", det.Request)
	}
	last := det.Timeline[len(det.Timeline)-1]
	if last.Note != "AC filter" || last.FromDepartment != standards.DeptHousekeeping || last.ToDepartment != standards.DeptMaintenance ||
		last.FromDepartmentName != "Housekeeping" || last.ToDepartmentName != "Maintenance & engineering" || last.Actor != "Agus Pratama" {
		t.Fatalf("transfer event %+v", last)
	}
}

func TestNotSatisfiedOpensRecoveryForTheShiftManagerAndFlagsTheProfile(t *testing.T) {
	d := newDesk(t)
	r := d.log(t, d.dewi, d.siti, "1204", "maintenance", "AC not cooling")
	d.act(t, d.agus, r.ID, requests.Action{Kind: requests.ActDone})
	d.now = d.now.Add(20 * time.Minute)
	det := d.act(t, d.dewi, r.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeNotSatisfied, Score: 2, Reason: "still warm"})
	if det.Status != requests.StatusReopened || !det.Recovery || det.Score != 2 {
		t.Fatalf("original after not satisfied: %+v", det.Request)
	}
	if len(det.Linked) != 1 {
		t.Fatalf("linked %+v", det.Linked)
	}
	rec := det.Linked[0]
	// The recovery keeps the facts; the words around them are each reader's.
	if rec.RecoveryOf != r.ID || rec.Owner != d.rina.ID || rec.Kind != requests.KindComplaint || rec.Category != standards.CategoryRecovery ||
		rec.Description != "AC not cooling" || rec.RecoveryScore != 2 || rec.GuestSaid != "still warm" {
		t.Fatalf("recovery %+v", rec.Request)
	}
	mine, err := d.s.ListRequests(context.Background(), requests.Filter{Mine: d.rina.ID, MineRole: d.rina.Role})
	must(t, err)
	if len(mine) != 1 || mine[0].ID != rec.ID {
		t.Fatalf("the shift manager's queue: %+v", mine)
	}
	p, err := d.s.FindGuestByID(context.Background(), d.siti.ID)
	must(t, err)
	if len(p.Alerts) != 1 || p.Alerts[0].Kind != guests.AlertComplaint || p.Alerts[0].Text != "AC not cooling" || p.Alerts[0].Score != 2 {
		t.Fatalf("profile alerts %+v", p.Alerts)
	}
	back, _ := d.s.GetRequest(context.Background(), rec.ID)
	if len(back.Linked) != 1 || back.Linked[0].ID != r.ID {
		t.Fatalf("the recovery links back: %+v", back.Linked)
	}
}

func TestSatisfiedClosesAndUnreachableSchedulesAnotherTry(t *testing.T) {
	d := newDesk(t)
	r := d.log(t, d.dewi, d.siti, "1204", "towels", "Towels")
	d.act(t, d.agus, r.ID, requests.Action{Kind: requests.ActDone})
	retry := testNow.Add(2 * time.Hour)
	det := d.act(t, d.dewi, r.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeUnreachable, NextAttempt: retry})
	if det.Status != requests.StatusDone || !det.NextFollowUp.Equal(retry) {
		t.Fatalf("unreachable: %+v", det.Request)
	}
	det = d.act(t, d.dewi, r.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: 5})
	if det.Status != requests.StatusClosed || det.Score != 5 || len(det.Linked) != 0 {
		t.Fatalf("satisfied: %+v", det.Request)
	}
}

func TestQueueViewsOrderAndCounts(t *testing.T) {
	d := newDesk(t)
	d.log(t, d.dewi, d.siti, "1204", "luggage", "Bags down")      // +10 min
	d.log(t, d.agus, d.siti, "1315", "towels", "Towels")          // +15 min
	d.log(t, d.dewi, d.siti, "1204", "housekeeping", "Turndown")  // +45 min
	fixed := d.log(t, d.dewi, nil, "1204", "maintenance", "Bulb") // +30 min, done
	d.act(t, d.agus, fixed.ID, requests.Action{Kind: requests.ActDone})
	gone := d.log(t, d.dewi, nil, "1315", "amenities", "Slippers")
	d.act(t, d.dewi, gone.ID, requests.Action{Kind: requests.ActCancel, Reason: "guest found them"})
	d.now = testNow.Add(12 * time.Minute) // luggage is overdue, towels due soon

	ids := func(f requests.Filter) []string {
		t.Helper()
		rows, err := d.s.ListRequests(context.Background(), f)
		must(t, err)
		var out []string
		for _, r := range rows {
			out = append(out, r.Description)
		}
		return out
	}
	check := func(name string, got []string, want ...string) {
		t.Helper()
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: got %v, want %v", name, got, want)
		}
	}
	// Overdue, then due soon; the done request's follow-up has been due since it was
	// done, so it leads the rest.
	check("open", ids(requests.Filter{}), "Bags down", "Towels", "Bulb", "Turndown")
	check("needs attention", ids(requests.Filter{View: requests.ViewAttention}), "Bags down", "Towels")
	check("overdue", ids(requests.Filter{View: requests.ViewOverdue}), "Bags down")
	check("due soon", ids(requests.Filter{View: requests.ViewDueSoon}), "Towels")
	check("follow-up", ids(requests.Filter{View: requests.ViewFollowUp}), "Bulb")
	check("history", ids(requests.Filter{View: requests.ViewHistory}), "Slippers")
	check("housekeeping", ids(requests.Filter{Department: standards.DeptHousekeeping}), "Towels", "Turndown")
	check("mine (Agus)", ids(requests.Filter{Mine: d.agus.ID}), "Towels")
	check("owner", ids(requests.Filter{OwnerID: d.dewi.ID}), "Bags down", "Bulb", "Turndown")
	check("room", ids(requests.Filter{Room: "1315", View: requests.ViewHistory}), "Slippers")
	check("page", ids(requests.Filter{Limit: 2, Offset: 1}), "Towels", "Bulb")

	c, err := d.s.CountRequests(context.Background(), requests.Filter{})
	must(t, err)
	want := requests.Counts{requests.ViewOpen: 4, requests.ViewAttention: 2, requests.ViewOverdue: 1, requests.ViewDueSoon: 1, requests.ViewFollowUp: 1, requests.ViewHistory: 1}
	for v, n := range want {
		if c[v] != n {
			t.Errorf("count %s = %d, want %d", v, c[v], n)
		}
	}
	c, _ = d.s.CountRequests(context.Background(), requests.Filter{Mine: d.agus.ID})
	if c[requests.ViewOpen] != 1 || c[requests.ViewDueSoon] != 1 || c[requests.ViewOverdue] != 0 {
		t.Errorf("Agus's counts %v", c)
	}
}

func TestOverdueRequestsClimbTheEscalationLevels(t *testing.T) {
	d := newDesk(t)
	std := d.log(t, d.dewi, d.siti, "1204", "towels", "Towels")    // promised +15, standard class
	vip := d.log(t, d.dewi, d.vip, "1315", "towels", "VIP towels") // promised +10, vip class
	esc := func(at time.Duration) map[string]escalation.Step {
		t.Helper()
		d.now = testNow.Add(at)
		got, err := d.s.EscalateDue(context.Background())
		must(t, err)
		out := map[string]escalation.Step{}
		for _, e := range got {
			out[e.RequestID] = e.Step
		}
		return out
	}
	if got := esc(9 * time.Minute); len(got) != 0 {
		t.Fatalf("escalated before any promise was due: %v", got)
	}
	got := esc(10 * time.Minute)
	if e := got[vip.ID]; len(got) != 1 || e.Level != 1 || e.ToStaff != d.dewi.ID {
		t.Fatalf("at +10 the VIP request reaches its owner: %+v", got)
	}
	got = esc(20 * time.Minute) // VIP +10 → level 3 (shift manager); standard +5 → level 1
	if e := got[vip.ID]; e.Level != 3 || e.Target != escalation.TargetShiftManager || e.ToStaff != d.rina.ID || e.ToName != "Rina Kusuma" {
		t.Errorf("VIP at +10 past its promise: %+v", e)
	}
	if e := got[std.ID]; e.Level != 1 || e.Target != escalation.TargetOwner {
		t.Errorf("standard at +5: %+v", e)
	}
	if again := esc(20 * time.Minute); len(again) != 0 {
		t.Fatalf("the same levels were escalated twice: %v", again)
	}
	mine, err := d.s.ListRequests(context.Background(), requests.Filter{Mine: d.rina.ID, MineRole: d.rina.Role})
	must(t, err)
	if len(mine) != 1 || mine[0].ID != vip.ID || mine[0].EscalatedName != "Rina Kusuma" {
		t.Fatalf("the escalation shows in the shift manager's queue: %+v", mine)
	}
	det, _ := d.s.GetRequest(context.Background(), vip.ID)
	var steps []escalation.Step
	for _, e := range det.Timeline {
		if e.Action == requests.ActEscalate {
			steps = append(steps, e.Escalation)
		}
	}
	third := escalation.Step{Level: 3, Target: escalation.TargetShiftManager, ToStaff: "", ToName: "Rina Kusuma"}
	if len(steps) != 2 || steps[1] != third || det.Timeline[1].Actor != "Frontdesk" {
		t.Fatalf("escalations in the timeline: %v", steps)
	}
	manual := d.act(t, d.dewi, std.ID, requests.Action{Kind: requests.ActEscalate, Reason: "guest called again"})
	if manual.EscalationLevel != 2 || manual.EscalationTarget != escalation.TargetDepartmentOnDuty {
		t.Fatalf("manual escalation goes one level up: %+v", manual.Request)
	}
}
