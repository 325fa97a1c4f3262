package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"frontdesk/staff"
)

func TestManagerAddsStaffWithInlinePINCheck(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	v := h.ui.resources.staff
	v.reload()
	h.settle(0)
	v.edit(staff.Staff{Active: true})
	sf := v.open
	test.Type(sf.name, "Putu Ayu")
	sf.role.SetSelected("Concierge")
	sf.depts.SetSelected([]string{"Concierge"})
	test.Type(sf.pin, "1234")
	test.Tap(sf.dialog.save)
	h.settle(0)
	if got := sf.dialog.form.message(staff.FieldPIN); got == "" {
		t.Fatal("a guessable PIN was accepted without a message")
	}
	sf.pin.SetText("7391")
	test.Tap(sf.dialog.save)
	h.settle(0)
	if len(v.shown) != 1 || v.shown[0].Name != "Putu Ayu" || v.shown[0].Role != staff.RoleConcierge {
		t.Fatalf("listed: %+v", v.shown)
	}
	if got := v.describe(v.shown[0]); got != "Concierge · Concierge" {
		t.Errorf("description %q", got)
	}
	if _, err := h.store.SignIn(context.Background(), v.shown[0].ID, "7391"); err != nil {
		t.Fatalf("the new account cannot sign in: %v", err)
	}
}

func TestAgentsSeeStaffButCannotChangeThem(t *testing.T) {
	h := newHarness(t, nil)
	v := h.ui.resources.staff
	v.reload()
	h.settle(0)
	if v.add.Visible() {
		t.Fatal("an agent is offered 'New member of staff'")
	}
}
