package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"frontdesk/staff"
)

func TestFreshDatabaseCreatesTheAdministratorAndSignsIn(t *testing.T) {
	h := newBareHarness(t, nil)
	h.ui.start()
	h.settle(0)
	s := h.ui.firstRun
	if s == nil {
		t.Fatal("a fresh database should open on the first-run step")
	}
	test.Type(s.name, "Wayan Sudarma")
	test.Type(s.pin, "1357")
	test.Type(s.again, "1358")
	test.Tap(s.button)
	h.settle(0)
	if got := s.form.message("pin_again"); got != "The two PINs differ." {
		t.Fatalf("mismatch message = %q", got)
	}
	s.again.SetText("1357")
	test.Tap(s.button)
	h.settle(0)
	if h.ui.actor.Name != "Wayan Sudarma" || h.ui.actor.Role != staff.RoleAdministrator || h.ui.tabs == nil {
		t.Fatalf("not signed in as the administrator: %+v", h.ui.actor)
	}
	if findLabel(h.win.Content(), "At the desk: Wayan Sudarma (Administrator)") == nil {
		t.Error("the person at the desk is not shown")
	}
}

func TestSignInWithWrongThenRightPIN(t *testing.T) {
	h := newBareHarness(t, nil)
	ctx := context.Background()
	admin := staff.Staff{Name: "Wayan Sudarma"}
	must(t, h.store.CreateFirstAdministrator(ctx, &admin, "1357"))
	asAdmin := staff.WithActor(ctx, staff.Actor{Name: admin.Name, Role: admin.Role})
	must(t, h.store.CreateStaff(asAdmin, &staff.Staff{Name: "Dewi Lestari", Role: staff.RoleAgent, Active: true}, "4829"))

	h.ui.start()
	h.settle(0)
	s := h.ui.signIn
	if s == nil || len(s.shown) != 2 {
		t.Fatalf("the sign-in screen should list both accounts: %+v", s)
	}
	test.Type(s.filter, "dew")
	if len(s.shown) != 1 {
		t.Fatalf("filter kept %d names", len(s.shown))
	}
	s.filter.onEnter()
	if h.win.Canvas().Focused() != s.pin {
		t.Fatal("choosing a name should move the cursor to the PIN")
	}
	test.Type(s.pin, "0000")
	s.submit()
	h.settle(0)
	if !strings.HasPrefix(s.message.Text, "Wrong PIN.") || h.ui.tabs != nil {
		t.Fatalf("wrong PIN: message %q", s.message.Text)
	}
	test.Type(s.pin, "4829")
	s.submit()
	h.settle(0)
	if h.ui.actor.Name != "Dewi Lestari" || h.ui.tabs == nil {
		t.Fatalf("not signed in: %+v", h.ui.actor)
	}
	if h.win.Canvas().Focused() != h.ui.guests.search {
		t.Error("after sign-in the cursor should be in the guest search")
	}
}
