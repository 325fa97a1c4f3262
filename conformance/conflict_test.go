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
