package sqlite

import (
	"context"
	"strings"
	"testing"
	"time"

	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/staff"
	"frontdesk/standards"
)

func TestFirstRunCreatesTheAdministratorOnce(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	n, err := s.CountStaff(ctx)
	if err != nil || n != 0 {
		t.Fatalf("fresh database has %d staff, %v", n, err)
	}
	admin := &staff.Staff{Name: "Wayan Admin"}
	must(t, s.CreateFirstAdministrator(ctx, admin, "4829"))
	if admin.Role != staff.RoleAdministrator || !admin.Active || strings.Contains(admin.PINHash, "4829") {
		t.Fatalf("administrator: %+v", admin)
	}
	err = s.CreateFirstAdministrator(ctx, &staff.Staff{Name: "Someone Else"}, "5930")
	if errs.CodeOf(err) != errs.Conflict {
		t.Fatalf("a second first administrator: %v", err)
	}
	actor, err := s.SignIn(ctx, admin.ID, "4829")
	if err != nil || actor.Name != "Wayan Admin" || actor.Role != staff.RoleAdministrator {
		t.Fatalf("sign-in: %+v %v", actor, err)
	}
}

func TestStaffChangesNeedAManagerAndValidInput(t *testing.T) {
	s := openTest(t)
	agent := staff.WithActor(context.Background(), staff.Actor{Name: "Agus", Role: staff.RoleAgent})
	if err := s.CreateStaff(agent, &staff.Staff{Name: "Dewi", Role: staff.RoleAgent, Active: true}, "4829"); err == nil {
		t.Fatal("an agent created staff")
	}
	err := s.CreateStaff(manager(), &staff.Staff{Name: "", Role: "chef"}, "1111")
	fs := errs.AsFields(err)
	for _, f := range []string{staff.FieldName, staff.FieldRole, staff.FieldPIN} {
		if fs.For(f) == nil {
			t.Errorf("no problem shown beside %s: %v", f, err)
		}
	}
	err = s.CreateStaff(manager(), &staff.Staff{Name: "Dewi", Role: staff.RoleDepartment, Departments: []string{"spa"}}, "4829")
	if errs.AsFields(err).For(staff.FieldDepartments) == nil {
		t.Fatalf("unknown department accepted: %v", err)
	}
	if n, _ := s.CountStaff(context.Background()); n != 0 {
		t.Fatalf("%d staff stored by refused changes", n)
	}
}

func TestSignInLockOutSurvivesAReopenAndAManagerCanReset(t *testing.T) {
	path := t.TempDir() + "/fd.db"
	s := openAt(t, path)
	dewi := &staff.Staff{Name: "Dewi Lestari", Role: staff.RoleAgent, Active: true, Departments: []string{standards.DeptFrontDesk}}
	must(t, s.CreateStaff(manager(), dewi, "4829"))
	ctx := context.Background()
	for i := 0; i < staff.MaxPINFailures; i++ {
		if _, err := s.SignIn(ctx, dewi.ID, "0000"); err == nil {
			t.Fatal("a wrong PIN signed in")
		}
	}
	s.Close()
	s = openAt(t, path)
	_, err := s.SignIn(ctx, dewi.ID, "4829")
	if err == nil || !strings.Contains(err.Error(), "Too many wrong PINs") {
		t.Fatalf("the lock did not survive a restart: %v", err)
	}
	must(t, s.ResetStaffPIN(manager(), dewi.ID, "5830"))
	if _, err := s.SignIn(ctx, dewi.ID, "5830"); err != nil {
		t.Fatalf("sign-in after reset: %v", err)
	}
	list, err := s.ListStaff(ctx, staff.Filter{NamePrefix: "De"})
	must(t, err)
	if len(list) != 1 || len(list[0].Departments) != 1 || list[0].FailedPINs != 0 || !list[0].LockedUntil.IsZero() {
		t.Fatalf("listed: %+v", list)
	}
	log, _ := s.ListAudit(auditor(), audit.Filter{ActorName: "Dewi Lestari", Limit: 20})
	if len(log) != staff.MaxPINFailures+2 || log[0].Action != "sign_in" {
		t.Fatalf("sign-ins not audited: %+v", log)
	}
}

func TestLockExpiresWithTheClock(t *testing.T) {
	now := testNow
	s, err := Open(context.Background(), t.TempDir()+"/fd.db", Options{Now: func() time.Time { return now }})
	must(t, err)
	defer s.Close()
	st := &staff.Staff{Name: "Kenji", Role: staff.RoleConcierge, Active: true}
	must(t, s.CreateStaff(manager(), st, "4829"))
	for i := 0; i < staff.MaxPINFailures; i++ {
		s.SignIn(context.Background(), st.ID, "0000")
	}
	now = now.Add(staff.LockDuration - time.Second)
	if _, err := s.SignIn(context.Background(), st.ID, "4829"); errs.CodeOf(err) != errs.Unavailable {
		t.Fatalf("the right PIN a second before the lock runs out: %v, want it refused", err)
	}
	now = now.Add(time.Second)
	if _, err := s.SignIn(context.Background(), st.ID, "4829"); err != nil {
		t.Fatalf("still locked after the lock ran out: %v", err)
	}
}

// The lock-out message names the time on the property's clock, whatever zone the
// machine running Frontdesk is set to.
func TestLockMessageIsInThePropertysZone(t *testing.T) {
	bali := time.FixedZone("WITA", 8*60*60)
	now := time.Date(2026, 11, 23, 22, 58, 0, 0, bali)
	s, err := Open(context.Background(), t.TempDir()+"/fd.db", Options{Now: func() time.Time { return now }})
	must(t, err)
	defer s.Close()
	st := &staff.Staff{Name: "Kenji", Role: staff.RoleConcierge, Active: true}
	must(t, s.CreateStaff(manager(), st, "4829"))
	var last error
	for i := 0; i < staff.MaxPINFailures; i++ {
		_, last = s.SignIn(context.Background(), st.ID, "0000")
	}
	if last == nil || !strings.Contains(last.Error(), "Try again at 23:03 ") {
		t.Fatalf("got %v, want the lock to end at 23:03 Bali time", last)
	}
}

func TestSignInCarriesTheDepartmentsWorkedIn(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	must(t, s.CreateFirstAdministrator(ctx, &staff.Staff{Name: "Wayan Admin"}, "1357"))
	kenji := &staff.Staff{Name: "Kenji Watanabe", Role: staff.RoleDepartment, Departments: []string{standards.DeptHousekeeping}, Active: true}
	must(t, s.CreateStaff(manager(), kenji, "7153"))
	actor, err := s.SignIn(ctx, kenji.ID, "7153")
	must(t, err)
	if len(actor.Departments) != 1 || actor.HomeDepartment() != standards.DeptHousekeeping {
		t.Fatalf("Kenji signed in as %+v", actor)
	}
}
