package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"frontdesk/guests"
	"frontdesk/staff"
)

func TestManagerSeesWhoChangedWhatToday(t *testing.T) {
	h := newHarness(t, nil)
	h.addGuest(guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}, "")
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	v := h.ui.resources.audit
	v.reload()
	h.settle(0)
	found := false
	for _, e := range v.entries {
		if e.Entity == "guest" && strings.Contains(auditLine(e, time.UTC), "Siti Rahayu") {
			found = true
		}
	}
	if !found {
		t.Fatalf("today's guest creation not listed: %+v", v.entries)
	}
	test.Type(v.person, "Nobody Here")
	h.settle(0)
	if len(v.entries) != 0 {
		t.Fatalf("filter by person kept %d entries", len(v.entries))
	}
}

func TestAgentsCannotBrowseTheAuditLog(t *testing.T) {
	h := newHarness(t, nil)
	v := h.ui.resources.audit
	v.reload()
	h.settle(0)
	if len(v.entries) != 0 || v.status.Text != staff.MsgManagerOnly {
		t.Fatalf("agent view: %d entries, %q", len(v.entries), v.status.Text)
	}
}

func TestManagerSeesAGuestsChangeHistory(t *testing.T) {
	h := newHarness(t, nil)
	id := h.addGuest(guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}, "1204")
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	h.ui.showGuestHistory(guests.Guest{ID: id, GivenName: "Siti", FamilyName: "Rahayu"})
	h.settle(0)
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no history dialog")
	}
	l := findLabelDeep(top, "create guest")
	if l == nil || !strings.Contains(l.Text, "create stay") {
		t.Fatalf("history does not list the guest's changes: %+v", l)
	}
}
