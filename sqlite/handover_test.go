package sqlite

import (
	"context"
	"slices"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/handover"
	"frontdesk/loans"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// shiftFixture is a morning shift (07:00–15:00 on 23 Nov 2026) handed over at 09:30 (the
// desk's testNow): the night's handover acknowledged at 07:05, requests in every state,
// guests in house, arriving and with a birthday, items on loan and logbook notes.
type shiftFixture struct {
	*desk
	budi                                                 staff.Actor
	towels, ac, noise, amenities, unhappy, served, unrea *requests.Request
	recovery                                             string
	maria                                                *guests.Guest
	pinned, during, yesterday                            *handover.Note
	overdueLoan, loan                                    string
}

func at(hour, min int) time.Time { return time.Date(2026, 11, 23, hour, min, 0, 0, time.UTC) }

func newShiftFixture(t *testing.T) *shiftFixture {
	t.Helper()
	f := &shiftFixture{desk: newDesk(t)}
	ctx := context.Background()
	f.budi = f.staff(t, "Budi Santoso", staff.RoleShiftManager)
	must(t, f.s.SetRoster(manager(), testNow, property.ShiftEvening, []property.RosterEntry{{StaffID: f.budi.ID, Manager: true}}))
	for _, st := range []guests.Stay{
		{GuestID: f.siti.ID, Arrival: fromToday(-2), Departure: fromToday(2), Room: "1204", Status: guests.StayInHouse, PartySize: 2},
		{GuestID: f.vip.ID, Arrival: fromToday(-1), Departure: fromToday(3), Room: "1315", Status: guests.StayInHouse, PartySize: 1},
	} {
		must(t, f.s.AddStay(ctx, &st))
	}
	must(t, f.s.AddAlert(ctx, &guests.Alert{GuestID: f.siti.ID, Kind: guests.AlertAllergy, Text: "Peanuts", CreatedBy: "Dewi"}))
	f.maria = &guests.Guest{GivenName: "Maria", FamilyName: "Santos", Tier: guests.TierGold}
	must(t, f.s.CreateGuest(ctx, f.maria))
	must(t, f.s.AddStay(ctx, &guests.Stay{GuestID: f.maria.ID, Arrival: fromToday(0), Departure: fromToday(3), Status: guests.StayExpected, PartySize: 3}))
	must(t, f.s.AddOccasion(ctx, &guests.Occasion{GuestID: f.maria.ID, Kind: guests.OccasionBirthday, Month: 11, Day: 23}))
	tomorrow := &guests.Guest{GivenName: "Tomas", FamilyName: "Later"}
	must(t, f.s.CreateGuest(ctx, tomorrow))
	must(t, f.s.AddStay(ctx, &guests.Stay{GuestID: tomorrow.ID, Arrival: fromToday(1), Departure: fromToday(2), Status: guests.StayExpected, PartySize: 1}))

	f.now = at(6, 0)
	f.towels = f.log(t, f.dewi, f.siti, "1204", "towels", "Two bath towels")
	f.yesterday = f.note(t, f.dewi, at(6, 10).AddDate(0, 0, -1), "Lift 2 serviced tomorrow", false)
	f.pinned = f.note(t, f.rina, at(6, 20).AddDate(0, 0, -2), "Pool closed until Friday", true)
	must(t, f.s.SaveItem(manager(), &loans.Item{Code: "crib", Name: "Crib", Total: 3}))
	f.overdueLoan = f.lend(t, at(6, 30).AddDate(0, 0, -3), "1204", at(12, 0).AddDate(0, 0, -1))
	f.now = at(7, 5)
	_, err := f.s.Acknowledge(as(f.rina), fromToday(-1), property.ShiftNight, "All quiet")
	must(t, err)

	f.now = at(7, 30)
	f.served = f.log(t, f.dewi, f.vip, "1315", "room_service", "Breakfast for one")
	f.now = at(7, 50)
	f.act(t, f.dewi, f.served.ID, requests.Action{Kind: requests.ActDone})
	f.act(t, f.dewi, f.served.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: 5})
	f.now = at(8, 0)
	f.ac = f.log(t, f.dewi, f.vip, "1315", "maintenance", "AC not cooling")
	f.during = f.note(t, f.dewi, at(8, 5), "Guest in 1315 asked for a late check-out", false)
	f.now = at(8, 30)
	f.amenities = f.log(t, f.dewi, f.siti, "1204", "amenities", "Baby shampoo")
	f.now = at(8, 40)
	f.act(t, f.dewi, f.amenities.ID, requests.Action{Kind: requests.ActDone})
	f.now = at(8, 45)
	f.unhappy = f.log(t, f.dewi, f.siti, "1204", "towels", "Hand towels")
	f.act(t, f.dewi, f.unhappy.ID, requests.Action{Kind: requests.ActDone})
	f.now = at(8, 55)
	det := f.act(t, f.dewi, f.unhappy.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeNotSatisfied, Score: 2})
	f.recovery = det.Linked[0].ID
	f.now = at(9, 0)
	f.noise = f.log(t, f.dewi, f.siti, "", "complaint", "Noise from the corridor")
	f.unrea = f.log(t, f.dewi, f.vip, "1315", "amenities", "Slippers")
	f.act(t, f.dewi, f.unrea.ID, requests.Action{Kind: requests.ActDone})
	f.act(t, f.dewi, f.unrea.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeUnreachable, NextAttempt: at(10, 0)})
	f.loan = f.lend(t, at(9, 10), "1315", fromToday(3).Add(12*time.Hour))
	f.now = testNow
	_, err = f.s.EscalateDue(context.Background())
	must(t, err)
	return f
}

// fromToday is midnight UTC n days from the fixture's date.
func fromToday(n int) time.Time { return time.Date(2026, 11, 23+n, 0, 0, 0, 0, time.UTC) }

func (f *shiftFixture) note(t *testing.T, a staff.Actor, when time.Time, text string, pinned bool) *handover.Note {
	t.Helper()
	keep := f.now
	f.now = when
	n := &handover.Note{Text: text, Pinned: pinned, Room: "1204"}
	must(t, f.s.AddNote(as(a), n))
	f.now = keep
	return n
}

func (f *shiftFixture) lend(t *testing.T, when time.Time, room string, due time.Time) string {
	t.Helper()
	keep := f.now
	f.now = when
	l := &loans.Loan{ItemCode: "crib", Room: room, Qty: 1, DueBack: due}
	must(t, f.s.Lend(as(f.dewi), l))
	f.now = keep
	return l.ID
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}

func reqIDs(s handover.Section[handover.RequestLine]) []string {
	return ids(s.Items, func(l handover.RequestLine) string { return l.ID })
}

func TestHandoverReportListsEverySectionOfTheShift(t *testing.T) {
	f := newShiftFixture(t)
	r, err := f.s.Report(context.Background(), time.Time{}, "")
	must(t, err)
	if r.Shift.Shift != property.ShiftMorning || !r.Shift.Start.Equal(at(7, 0)) || !r.Shift.End.Equal(at(15, 0)) ||
		r.Next.Shift != property.ShiftEvening || r.Manager != "Rina Kusuma" || r.NextManager != "Budi Santoso" {
		t.Fatalf("shift %+v next %+v managers %q %q", r.Shift, r.Next, r.Manager, r.NextManager)
	}
	// Open: the overdue by age (towels promised 06:15, the VIP's AC 08:15, the reopened hand
	// towels 09:00, the recovery and the noise 09:10), then the rest by age.
	wantOpen := []string{f.towels.ID, f.ac.ID, f.unhappy.ID, f.recovery, f.noise.ID, f.amenities.ID, f.unrea.ID}
	if got := reqIDs(r.Open); !slices.Equal(got, wantOpen) || r.Open.Total != 7 {
		t.Errorf("open = %v (total %d), want %v", got, r.Open.Total, wantOpen)
	}
	if !r.Open.Items[0].Overdue || r.Open.Items[0].New || !r.Open.Items[1].New {
		t.Errorf("the towels are overdue and older than the last handover; the AC is new: %+v", r.Open.Items[:2])
	}
	if got := reqIDs(r.Escalated); !sameSet(got, wantOpen[:5]) || r.Escalated.Items[0].EscalationLevel < r.Escalated.Items[4].EscalationLevel {
		t.Errorf("escalated = %v", got)
	}
	if got := reqIDs(r.Complaints); !slices.Equal(got, []string{f.unhappy.ID, f.recovery, f.noise.ID}) {
		t.Errorf("complaints and unhappy guests = %v", got)
	}
	if got := reqIDs(r.CallBacks); !slices.Equal(got, []string{f.amenities.ID, f.unrea.ID}) {
		t.Errorf("call-backs = %v, want amenities (done 08:40) then slippers (try again 10:00)", got)
	}
	if got := ids(r.InHouse.Items, func(g handover.GuestLine) string { return g.GuestID }); !slices.Equal(got, []string{f.vip.ID, f.siti.ID}) ||
		len(r.InHouse.Items[1].Alerts) != 2 || r.InHouse.Items[1].Room != "1204" {
		t.Errorf("in house = %+v, want the VIP then Siti with her allergy and today's complaint", r.InHouse.Items)
	}
	if len(r.Arrivals.Items) != 1 || r.Arrivals.Items[0].GuestID != f.maria.ID || r.Arrivals.Items[0].PartySize != 3 {
		t.Errorf("arrivals = %+v, want Maria only (Tomas comes tomorrow)", r.Arrivals.Items)
	}
	if len(r.Occasions.Items) != 1 || r.Occasions.Items[0].GuestID != f.maria.ID || !r.Occasions.Items[0].Arriving {
		t.Errorf("occasions = %+v, want Maria's birthday as she arrives", r.Occasions.Items)
	}
	if got := ids(r.Loans.Items, func(l handover.LoanLine) string { return l.ID }); !slices.Equal(got, []string{f.overdueLoan, f.loan}) ||
		!r.Loans.Items[0].Overdue || r.Loans.Items[0].ItemName != "Crib" || r.Loans.Items[1].Overdue {
		t.Errorf("loans = %+v, want the overdue crib first", r.Loans.Items)
	}
	if got := ids(r.Logbook.Items, func(n handover.Note) string { return n.ID }); !slices.Equal(got, []string{f.pinned.ID, f.during.ID}) {
		t.Errorf("logbook = %v, want the pinned note then the shift's (not yesterday's)", got)
	}
	want := handover.Counts{Open: 7, Overdue: 5, Escalated: 5, Complaints: 3, CallBacks: 2, InHouse: 2, Arrivals: 1, Loans: 2, LoansOverdue: 1, Notes: 2}
	if r.Counts != want {
		t.Errorf("counts = %+v, want %+v", r.Counts, want)
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestHandoverCountsWhatChangedSinceTheLastAcknowledgement(t *testing.T) {
	f := newShiftFixture(t)
	r, err := f.s.Report(context.Background(), time.Time{}, "")
	must(t, err)
	ch := r.Changes
	if ch.Since == nil || ch.Since.ByName != "Rina Kusuma" || ch.Since.Shift.Shift != property.ShiftNight || ch.Since.Note != "All quiet" {
		t.Fatalf("since = %+v, want Rina's acknowledgement of last night", ch.Since)
	}
	if ch.Since.Counts.Open != 1 || ch.Since.Counts.Overdue != 1 || ch.Since.Counts.Loans != 1 {
		t.Errorf("the acknowledgement kept %+v, want the towels open and overdue and one crib out", ch.Since.Counts)
	}
	// Since 07:05: room service, AC, amenities, hand towels, the recovery, noise, slippers.
	want := handover.Changes{Since: ch.Since, NewRequests: 7, Closed: 1, Escalated: 5, NewComplaints: 2, NotSatisfied: 1, Notes: 1, Lent: 1}
	if ch != want {
		t.Errorf("changes = %+v, want %+v", ch, want)
	}
	if len(r.Departments) == 0 || r.Departments[0].Code != standards.DeptHousekeeping || r.Departments[0].Open != 4 ||
		r.Departments[0].Overdue != 2 || r.Departments[0].Ages != [4]int{2, 2, 0, 0} || len(r.Departments) != 4 {
		t.Errorf("departments = %+v, want housekeeping busiest: 4 open, 2 overdue, 2 under an hour", r.Departments)
	}
}

func TestIncomingManagerAcknowledgesAShiftOnce(t *testing.T) {
	f := newShiftFixture(t)
	if _, err := f.s.Acknowledge(as(f.dewi), fromToday(0), property.ShiftMorning, ""); errs.CodeOf(err) != errs.Invalid {
		t.Errorf("an agent acknowledged: %v", err)
	}
	if _, err := f.s.Acknowledge(as(f.budi), fromToday(0), property.ShiftEvening, ""); errs.CodeOf(err) != errs.Invalid {
		t.Errorf("a shift not yet started was acknowledged: %v", err)
	}
	f.now = at(14, 55)
	ack, err := f.s.Acknowledge(as(f.budi), fromToday(0), property.ShiftMorning, "  Took over; AC in 1315 first  ")
	must(t, err)
	if ack.ByName != "Budi Santoso" || !ack.At.Equal(at(14, 55)) || ack.Note != "Took over; AC in 1315 first" || ack.Counts.Open != 7 {
		t.Fatalf("ack = %+v", ack)
	}
	_, err = f.s.Acknowledge(as(f.rina), fromToday(0), property.ShiftMorning, "")
	if errs.CodeOf(err) != errs.Conflict || err.Error() != "Budi Santoso already acknowledged this handover at 23 Nov 14:55." {
		t.Errorf("second acknowledgement: %v", err)
	}
	r, err := f.s.Report(context.Background(), fromToday(0), property.ShiftMorning)
	must(t, err)
	if r.Ack == nil || r.Ack.ID != ack.ID || r.Changes.Since.Shift.Shift != property.ShiftNight {
		t.Errorf("the morning report shows ack %+v since %+v", r.Ack, r.Changes.Since)
	}
	f.now = at(16, 0)
	ev, err := f.s.Report(context.Background(), time.Time{}, "")
	must(t, err)
	if ev.Shift.Shift != property.ShiftEvening || ev.Changes.Since == nil || ev.Changes.Since.ID != ack.ID || ev.Changes.NewRequests != 0 {
		t.Errorf("the evening report counts changes since %+v: %+v", ev.Changes.Since, ev.Changes)
	}
}

func TestReportRefusesAnUnknownShift(t *testing.T) {
	d := newDesk(t)
	_, err := d.s.Report(context.Background(), fromToday(0), "afternoon")
	if fs := errs.AsFields(err); len(fs) != 1 || fs[0].Field != property.FieldShift {
		t.Fatalf("unknown shift: %v", err)
	}
}
