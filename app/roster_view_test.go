package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"frontdesk/staff"
)

func TestManagerRostersAShiftAndSeesWhoIsOn(t *testing.T) {
	h := newHarness(t, nil)
	ctx := context.Background()
	admin := staff.Staff{Name: "Wayan Sudarma"}
	must(t, h.store.CreateFirstAdministrator(ctx, &admin, "1357"))
	asAdmin := staff.WithActor(ctx, staff.Actor{Name: admin.Name, Role: admin.Role})
	must(t, h.store.CreateStaff(asAdmin, &staff.Staff{Name: "Dewi Lestari", Role: staff.RoleAgent, Active: true}, "4829"))
	h.ui.actor = staff.Actor{ID: admin.ID, Name: admin.Name, Role: admin.Role}
	v := h.ui.resources.roster
	v.reload()
	h.settle(0)
	current := v.data.current

	v.edit(current)
	rf := v.open
	rf.people.SetSelected([]string{"Dewi Lestari"})
	rf.manager.SetSelected("Wayan Sudarma")
	test.Tap(rf.dialog.save)
	h.settle(0)
	if !strings.Contains(v.now.Text, "shift manager Wayan Sudarma") || !strings.Contains(v.now.Text, "2 on the roster") {
		t.Fatalf("on shift now: %q", v.now.Text)
	}
	if got := v.shifts[current].Text; !strings.Contains(got, "★ Wayan Sudarma (manager)") || !strings.Contains(got, "Dewi Lestari") {
		t.Fatalf("shift column: %q", got)
	}
}

func TestAgentsSeeTheRosterButCannotEditIt(t *testing.T) {
	h := newHarness(t, nil)
	v := h.ui.resources.roster
	v.reload()
	h.settle(0)
	for _, b := range v.edits {
		if b.Visible() {
			t.Fatal("an agent is offered roster editing")
		}
	}
	if !strings.Contains(v.now.Text, "no shift manager rostered") {
		t.Errorf("on shift now: %q", v.now.Text)
	}
}
