package conformance

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/services"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// eachBareDesk runs fn as eachDesk does, on databases without any staff yet: the first
// start of a property, before its administrator exists.
func eachBareDesk(t *testing.T, fn func(t *testing.T, svc services.Services)) {
	open := func(t *testing.T) *sqlite.Store {
		st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "frontdesk.db"),
			sqlite.Options{Now: func() time.Time { return pinned }, PhoneRegion: "ID"})
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	t.Run("local", func(t *testing.T) { fn(t, services.Of(open(t))) })
	t.Run("server", func(t *testing.T) {
		st := open(t)
		ts := startServer(t, st)
		all, ok := any(pairDesk(t, st, ts.URL, "Front desk 1")).(services.All)
		if !ok {
			t.Fatal("the API client does not implement every service yet")
		}
		fn(t, services.Of(all))
	})
}

// hashless is s without its PIN hash, which stays in the server.
func hashless(s staff.Staff) staff.Staff {
	s.PINHash = ""
	return s
}

// noHashFromServer fails when a PIN hash reached a server's desk.
func noHashFromServer(t *testing.T, d *desk, ss ...staff.Staff) {
	t.Helper()
	for _, s := range ss {
		if d.client != nil && s.PINHash != "" {
			t.Errorf("the PIN hash of %s left the server", s.Name)
		}
	}
}

func TestFirstAdministratorIsCreatedOnceAtTheFirstStart(t *testing.T) {
	eachBareDesk(t, func(t *testing.T, svc services.Services) {
		ctx := context.Background()
		if n, err := svc.Staff.CountStaff(ctx); err != nil || n != 0 {
			t.Fatalf("a fresh database has %d staff, %v", n, err)
		}
		admin := staff.Staff{Name: " Wayan Sudarma ", Role: staff.RoleAgent}
		if err := svc.Staff.CreateFirstAdministrator(ctx, &admin, "2580"); err != nil {
			t.Fatal(err)
		}
		if admin.ID == "" {
			t.Fatal("the administrator came back without an ID")
		}
		sameValue(t, "first administrator", hashless(admin), staff.Staff{ID: admin.ID, Name: "Wayan Sudarma",
			Role: staff.RoleAdministrator, Active: true, CreatedAt: pinned, UpdatedAt: pinned})
		if n, err := svc.Staff.CountStaff(ctx); err != nil || n != 1 {
			t.Errorf("after the first start: %d staff, %v", n, err)
		}
		second := staff.Staff{Name: "Someone Else"}
		err := svc.Staff.CreateFirstAdministrator(ctx, &second, "2580")
		wantProblem(t, err, errs.Conflict, "", "Frontdesk already has an administrator. Sign in and add staff from Resources.")
	})
}

func TestStaffAreCreatedListedUpdatedAndTheirPINReset(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAdministrator)
		s := staff.Staff{Name: "Made Wirawan ", Role: staff.RoleConcierge, Departments: []string{"Concierge", "concierge", " "}, Active: true}
		if err := d.svc.Staff.CreateStaff(ctx, &s, "2468"); err != nil {
			t.Fatal(err)
		}
		noHashFromServer(t, d, s)
		want := staff.Staff{ID: s.ID, Name: "Made Wirawan", Role: staff.RoleConcierge, Departments: []string{"concierge"},
			Active: true, CreatedAt: d.now, UpdatedAt: d.now}
		if s.ID == "" {
			t.Fatal("the member of staff came back without an ID")
		}
		sameValue(t, "created", hashless(s), want)
		if n, err := d.svc.Staff.CountStaff(ctx); err != nil || n != 2 {
			t.Errorf("%d staff, %v; want the administrator and the new one", n, err)
		}

		// A wrong PIN counts against the account; a reset lifts it.
		if _, err := d.svc.Staff.SignIn(context.Background(), s.ID, "9753"); err == nil {
			t.Fatal("a wrong PIN signed in")
		}
		list, err := d.svc.Staff.ListStaff(ctx, staff.Filter{NamePrefix: "Made"})
		if err != nil {
			t.Fatal(err)
		}
		noHashFromServer(t, d, list...)
		counted := want
		counted.FailedPINs = 1
		if len(list) != 1 {
			t.Fatalf("listed %d, want Made", len(list))
		}
		sameValue(t, "listed", hashless(list[0]), counted)
		if err := d.svc.Staff.ResetStaffPIN(ctx, s.ID, "8642"); err != nil {
			t.Fatal(err)
		}
		d.signInAs(t, s.ID, "8642")

		ctx = d.signIn(t, staff.RoleAdministrator)
		s.Role, s.Active, s.Departments = staff.RoleAgent, false, nil
		if err := d.svc.Staff.UpdateStaff(ctx, &s); err != nil {
			t.Fatal(err)
		}
		want.Role, want.Active, want.Departments = staff.RoleAgent, false, nil
		sameValue(t, "updated", hashless(s), want)
		if list, err = d.svc.Staff.ListStaff(ctx, staff.Filter{ActiveOnly: true}); err != nil {
			t.Fatal(err)
		}
		for _, other := range list {
			if other.ID == s.ID {
				t.Error("a member of staff switched off is listed as active")
			}
		}
		if list, err = d.svc.Staff.ListStaff(ctx, staff.Filter{NamePrefix: "Made"}); err != nil || len(list) != 1 {
			t.Fatalf("listed %v, %v", list, err)
		}
		sameValue(t, "listed after the update", hashless(list[0]), want)
	})
}

func TestStaffRefusals(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAdministrator)
		bad := staff.Staff{Name: " ", Role: staff.Role("chef")}
		err := d.svc.Staff.CreateStaff(ctx, &bad, "1111")
		wantProblem(t, err, errs.Invalid, staff.FieldName, "Enter the name colleagues know this person by.")
		wantProblem(t, err, errs.Invalid, staff.FieldRole, "Choose one of the options in the list.")
		wantProblem(t, err, errs.Invalid, staff.FieldPIN, staff.MsgPINWeak)

		s := staff.Staff{Name: "Nyoman Ayu", Role: staff.RoleAgent, Active: true}
		if err := d.svc.Staff.CreateStaff(ctx, &s, "3691"); err != nil {
			t.Fatal(err)
		}
		s.Departments = []string{"spa"}
		err = d.svc.Staff.UpdateStaff(ctx, &s)
		e := wantProblem(t, err, errs.Invalid, staff.FieldDepartments, "Unknown department '{{.Code}}'.")
		sameValue(t, "refusal's values", e.Args, map[string]any{"Code": "spa"})
		err = d.svc.Staff.ResetStaffPIN(ctx, "no-such-member", "3691")
		wantProblem(t, err, errs.NotFound, "", "This member of staff no longer exists.")

		ctx = d.signIn(t, staff.RoleAgent)
		other := staff.Staff{Name: "Ketut Sari", Role: staff.RoleAgent, Active: true}
		err = d.svc.Staff.CreateStaff(ctx, &other, "3691")
		wantProblem(t, err, errs.Invalid, "", staff.MsgManagerOnly)
		err = d.svc.Staff.ResetStaffPIN(ctx, s.ID, "3692")
		wantProblem(t, err, errs.Invalid, "", staff.MsgManagerOnly)
	})
}
