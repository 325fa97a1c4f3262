package conformance

import (
	"testing"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

// Two people edit one profile: the first save lands, the second is refused with who
// changed it and when, and nothing of the first is overwritten. On a server that is two
// desks; on a PC of its own, two windows on one file.
func TestSecondEditOfAProfileIsToldNotApplied(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		agent := d.signIn(t, staff.RoleAgent)
		g := guests.Guest{GivenName: "Siti", FamilyName: "Rahayu", Email: "siti@example.com"}
		must(t, d.svc.Guests.CreateGuest(agent, &g))
		p, err := d.svc.Guests.FindGuestByID(agent, g.ID)
		must(t, err)
		first, second := p.Guest, p.Guest // both desks opened the profile
		first.Email = "siti.rahayu@example.com"
		must(t, d.svc.Guests.UpdateGuest(agent, &first))

		second.Notes = "Prefers a high floor"
		err = d.svc.Guests.UpdateGuest(agent, &second)
		e := wantProblem(t, err, errs.Conflict, "", guests.MsgChangedElsewhere)
		if e.Args["Name"] != "Test agent" || e.Args["Time"] != d.now.Format("15:04") {
			t.Fatalf("the refusal names %v at %v", e.Args["Name"], e.Args["Time"])
		}
		if second.Notes != "Prefers a high floor" || second.Version != p.Guest.Version {
			t.Fatalf("the refused edit lost what was typed or its version: %+v", second)
		}
		now, err := d.svc.Guests.FindGuestByID(agent, g.ID)
		must(t, err)
		if now.Guest.Email != "siti.rahayu@example.com" || now.Guest.Notes != "" {
			t.Fatalf("the first save was overwritten: %+v", now.Guest)
		}
		// Read again, the same edit goes through.
		again := now.Guest
		again.Notes = "Prefers a high floor"
		must(t, d.svc.Guests.UpdateGuest(agent, &again))
		// And a save twice from the same form (its version moved on) is not a conflict.
		again.Notes = "Prefers a high floor, away from the lift"
		must(t, d.svc.Guests.UpdateGuest(agent, &again))
	})
}

// Two people edit one stay: the second save is refused with who and when, and keeps
// what was typed and the version it started from.
func TestSecondEditOfAStayIsToldNotApplied(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		agent := d.signIn(t, staff.RoleAgent)
		g := newGuest(t, d, agent, "Ana", "Lima")
		st := guests.Stay{GuestID: g.ID, Arrival: calendarDay(2026, 11, 23), Departure: calendarDay(2026, 11, 26),
			Status: guests.StayExpected, PartySize: 2}
		must(t, d.svc.Guests.AddStay(agent, &st))
		first, second := st, st // both desks opened the stay
		first.Room = "1204"
		must(t, d.svc.Guests.UpdateStay(agent, &first))
		if first.Version != st.Version+1 {
			t.Fatalf("a saved stay is at version %d, want %d", first.Version, st.Version+1)
		}

		second.PartySize = 3
		err := d.svc.Guests.UpdateStay(agent, &second)
		e := wantProblem(t, err, errs.Conflict, "", guests.MsgChangedElsewhere)
		if e.Args["Name"] != "Test agent" || e.Args["Time"] != d.now.Format("15:04") {
			t.Fatalf("the refusal names %v at %v", e.Args["Name"], e.Args["Time"])
		}
		if second.PartySize != 3 || second.Version != st.Version {
			t.Fatalf("the refused edit lost what was typed or its version: %+v", second)
		}
		p, err := d.svc.Guests.FindGuestByID(agent, g.ID)
		must(t, err)
		if len(p.Stays) != 1 || p.Stays[0].Room != "1204" || p.Stays[0].PartySize != 2 {
			t.Fatalf("the first save was overwritten: %+v", p.Stays)
		}
		again := p.Stays[0]
		again.PartySize = 3
		must(t, d.svc.Guests.UpdateStay(agent, &again))
	})
}
