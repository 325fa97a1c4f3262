package conformance

import (
	"slices"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/handover"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
)

// The handover comes over whole: both shifts and their managers, the counts, the load by
// department, and every section — open, escalated, complaints, call-backs, guests in
// house, arrivals, occasions, loans, the logbook — with the changes since the last
// acknowledged handover, as the store built it.
func TestHandoverReportTravelsWhole(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		h := newHotel(t, d)
		note := handover.Note{Text: "The corridor lights on 13 flicker", Room: "1315", Pinned: true}
		must(t, d.svc.Handover.AddNote(h.as(staff.RoleAgent), &note))
		manager := h.as(staff.RoleShiftManager)
		night, err := d.svc.Handover.Acknowledge(manager, d.now.AddDate(0, 0, -1), property.ShiftNight, "")
		must(t, err)

		r, err := d.svc.Handover.Report(manager, d.now, "")
		must(t, err)
		want, err := d.store.Report(manager, d.now, "")
		must(t, err)
		sameAsStore(t, "report", r, want)

		today := property.DayOf(d.now)
		at := func(hour int) time.Time { return today.Add(time.Duration(hour) * time.Hour) }
		if !r.Now.Equal(d.now) || r.Shift.Shift != property.ShiftMorning || !r.Shift.Day.Equal(today) ||
			!r.Shift.Start.Equal(at(7)) || !r.Shift.End.Equal(at(15)) ||
			r.Next.Shift != property.ShiftEvening || !r.Next.Start.Equal(at(15)) || !r.Next.End.Equal(at(23)) {
			t.Errorf("the shifts %+v → %+v at %v", r.Shift, r.Next, r.Now)
		}
		if r.Manager != h.managerName || r.NextManager != "" || r.Ack != nil {
			t.Errorf("managers %q → %q, ack %+v", r.Manager, r.NextManager, r.Ack)
		}
		wantCounts := handover.Counts{Open: 4, Escalated: 1, Complaints: 1, CallBacks: 1, InHouse: 1, Arrivals: 1, Loans: 1, Notes: 1}
		if r.Counts != wantCounts {
			t.Errorf("counts %+v, want %+v", r.Counts, wantCounts)
		}
		if len(r.Departments) != 2 || r.Departments[0].Code != "housekeeping" || r.Departments[0].Open != 3 ||
			r.Departments[0].Ages != [4]int{3, 0, 0, 0} || r.Departments[1].Name != "Front desk" {
			t.Errorf("departments %+v", r.Departments)
		}
		if r.Open.Total != 4 || len(r.Open.Items) != 4 {
			t.Errorf("open %+v", r.Open)
		}
		if len(r.Escalated.Items) != 1 || r.Escalated.Items[0].ID != h.towels[1].ID || r.Escalated.Items[0].EscalatedName != h.agentName {
			t.Errorf("escalated %+v", r.Escalated)
		}
		if len(r.Complaints.Items) != 1 || r.Complaints.Items[0].ID != h.noise.ID || r.Complaints.Items[0].GuestName != "Kenji Sato" {
			t.Errorf("complaints %+v", r.Complaints)
		}
		if len(r.CallBacks.Items) != 1 || r.CallBacks.Items[0].ID != h.towels[2].ID || r.CallBacks.Items[0].Status != requests.StatusDone {
			t.Errorf("call-backs %+v", r.CallBacks)
		}
		if in := r.InHouse.Items; r.InHouse.Total != 1 || len(in) != 1 || in[0].GuestID != h.kenji.ID || !in[0].VIP || in[0].Room != "1315" ||
			!in[0].Departure.Equal(date(26)) || len(in[0].Alerts) != 1 || in[0].Alerts[0].ID != h.wheelchair.ID {
			t.Errorf("in house %+v", r.InHouse)
		}
		if a := r.Arrivals.Items; len(a) != 1 || a[0].GuestID != h.putu.ID || a[0].Name != "Putu Ayu" || a[0].PartySize != 3 ||
			!a[0].Arrival.Equal(date(23)) || !a[0].Departure.Equal(date(25)) || a[0].Room != "" {
			t.Errorf("arrivals %+v", r.Arrivals)
		}
		if o := r.Occasions.Items; len(o) != 1 || o[0].ID != h.birthday.ID || o[0].Kind != h.birthday.Kind || o[0].Name != "Kenji Sato" ||
			o[0].Room != "1315" || o[0].Arriving {
			t.Errorf("occasions %+v", r.Occasions)
		}
		if l := r.Loans.Items; len(l) != 1 || l[0].ID != h.adapter.ID || l[0].ItemName != "Plug adapter" || l[0].Qty != 1 ||
			!l[0].LentAt.Equal(d.now) || l[0].Overdue {
			t.Errorf("loans %+v", r.Loans)
		}
		if n := r.Logbook.Items; len(n) != 1 || n[0].ID != note.ID || !n[0].Pinned || n[0].Author != h.agentName {
			t.Errorf("logbook %+v", r.Logbook)
		}
		if r.Changes.Since == nil || r.Changes.Since.ID != night.ID || r.Changes.Since.Shift.Shift != property.ShiftNight {
			t.Errorf("changes since %+v", r.Changes.Since)
		}
	})
}

// A note comes back as written, with its author, time and the names it links; pinning
// records who pinned it; the list has the pinned first.
func TestLogbookNotesWrittenAndPinned(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		h := newHotel(t, d)
		agent := h.as(staff.RoleAgent)
		noise := handover.Note{Text: "Mr Sato wants a call about the noise tonight", GuestID: h.kenji.ID, Room: "1315", RequestID: h.noise.ID}
		must(t, d.svc.Handover.AddNote(agent, &noise))
		if noise.ID == "" || !noise.At.Equal(d.now) || noise.AuthorID != h.agentID || noise.Author != h.agentName ||
			noise.GuestName != "Kenji Sato" || noise.Request != "Noise from the corridor at night" || noise.Pinned {
			t.Fatalf("the note as stored %+v", noise)
		}
		keys := handover.Note{Text: "Spare keys are in the safe"}
		must(t, d.svc.Handover.AddNote(agent, &keys))

		pinned, err := d.svc.Handover.SetPinned(agent, noise.ID, true)
		must(t, err)
		if pinned.ID != noise.ID || !pinned.Pinned || pinned.PinnedBy != h.agentName || !pinned.PinnedAt.Equal(d.now) ||
			pinned.Text != noise.Text || pinned.GuestName != "Kenji Sato" {
			t.Errorf("pinned %+v", pinned)
		}
		f := handover.NoteFilter{From: d.now.Add(-time.Hour), To: d.now.Add(time.Hour)}
		notes, err := d.svc.Handover.ListNotes(agent, f)
		must(t, err)
		want, err := d.store.ListNotes(agent, f)
		must(t, err)
		sameAsStore(t, "notes", notes, want)
		if len(notes) != 2 || notes[0].ID != noise.ID || notes[1].ID != keys.ID {
			t.Errorf("notes %+v", notes)
		}

		var empty handover.Note
		wantFieldError(t, d.svc.Handover.AddNote(agent, &empty), handover.FieldText, handover.MsgEmptyNote, nil)
		lost := handover.Note{Text: "About a guest", GuestID: "no-such-guest"}
		wantFieldError(t, d.svc.Handover.AddNote(agent, &lost), handover.FieldGuest, "This guest's profile no longer exists.", nil)
		_, err = d.svc.Handover.SetPinned(agent, "no-such-note", true)
		wantRefusal(t, err, errs.NotFound, handover.MsgNoteNotFound)
		_, err = d.svc.Handover.SetPinned(h.as(staff.RoleConcierge), keys.ID, true)
		wantRefusal(t, err, errs.Invalid, handover.MsgPinByAuthor)
	})
}

// The incoming manager's acknowledgement keeps the report's numbers, shows on the report
// and is given once; an agent cannot give it, nor anyone for a shift still to come.
func TestHandoverAcknowledgedOnce(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		h := newHotel(t, d)
		_, err := d.svc.Handover.Acknowledge(h.as(staff.RoleAgent), d.now, property.ShiftMorning, "")
		wantRefusal(t, err, errs.Invalid, handover.MsgAckManagers)

		manager := h.as(staff.RoleShiftManager)
		before, err := d.svc.Handover.Report(manager, d.now, property.ShiftMorning)
		must(t, err)
		ack, err := d.svc.Handover.Acknowledge(manager, d.now, property.ShiftMorning, "Quiet morning")
		must(t, err)
		if ack.ID == "" || ack.ByID != h.managerID || ack.ByName != h.managerName || !ack.At.Equal(d.now) || ack.Note != "Quiet morning" ||
			ack.Counts != before.Counts || ack.Shift.Shift != property.ShiftMorning || !ack.Shift.Start.Equal(before.Shift.Start) ||
			!ack.Shift.Day.Equal(before.Shift.Day) {
			t.Fatalf("the acknowledgement %+v of %+v", ack, before.Counts)
		}
		r, err := d.svc.Handover.Report(manager, d.now, property.ShiftMorning)
		must(t, err)
		if r.Ack == nil {
			t.Fatal("the report does not show the acknowledgement")
		}
		sameAsStore(t, "ack", r.Ack, ack)

		_, err = d.svc.Handover.Acknowledge(manager, d.now, property.ShiftMorning, "")
		wantRefusal(t, err, errs.Conflict, handover.MsgAckTwice)
		if e := asError(err); e.Args["Name"] != h.managerName || e.Args["Time"] != "23 Nov 09:30" {
			t.Errorf("the refusal's facts %v", e.Args)
		}
		_, err = d.svc.Handover.Acknowledge(manager, d.now, property.ShiftEvening, "")
		wantRefusal(t, err, errs.Invalid, handover.MsgAckNotStarted)
		_, err = d.svc.Handover.Report(manager, d.now, "brunch")
		wantFieldError(t, err, property.FieldShift, handover.MsgUnknownShift, nil)
	})
}

// The measures of a period come over with every row, share and time as the store
// computed them; a period that ends before it starts is refused.
func TestServiceMeasures(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		h := newHotel(t, d)
		agent := h.as(staff.RoleAgent)
		for range 3 {
			r := requests.Request{GuestID: h.made.ID, Room: "1402", Category: "maintenance", Description: "The AC is not cooling"}
			must(t, d.svc.Requests.CreateRequest(agent, &r, time.Time{}))
		}
		manager := h.as(staff.RoleShiftManager)
		p := handover.LastDays(d.now, 28)
		m, err := d.svc.Handover.Measures(manager, p)
		must(t, err)
		want, err := d.store.Measures(manager, p)
		must(t, err)
		sameAsStore(t, "measures", m, want)
		if !m.Period.From.Equal(p.From) || !m.Period.To.Equal(p.To) || m.Total.Requests != 7 || m.Total.Complaints != 1 ||
			len(m.ByDepartment) != 3 || len(m.ByCategory) != 3 || len(m.Weeks) == 0 {
			t.Errorf("measures %+v", m)
		}
		i := slices.IndexFunc(m.ByDepartment, func(r handover.Row) bool { return r.Code == "housekeeping" })
		if i < 0 || m.ByDepartment[i].Name != "Housekeeping" || m.ByDepartment[i].Requests != 3 || m.ByDepartment[i].Resolve.N != 1 {
			t.Errorf("by department %+v", m.ByDepartment)
		}
		if len(m.Repeats) != 1 || m.Repeats[0].Room != "1402" || m.Repeats[0].Category != "maintenance" || m.Repeats[0].Count != 3 ||
			m.Repeats[0].CategoryName != "Maintenance" || !m.Repeats[0].Last.Equal(d.now) {
			t.Errorf("repeats %+v", m.Repeats)
		}

		_, err = d.svc.Handover.Measures(manager, handover.Period{From: d.now, To: d.now.Add(-time.Hour)})
		wantRefusal(t, err, errs.Invalid, handover.MsgBadPeriod)
		if e := asError(err); e.Field != "" {
			t.Errorf("a period's refusal beside %q", e.Field)
		}
	})
}
