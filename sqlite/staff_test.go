package sqlite

import (
	"context"
	"strings"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/resources"
)

func TestFirstRunCreatesTheAdministratorOnce(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	n, err := s.CountStaff(ctx)
	if err != nil || n != 0 {
		t.Fatalf("fresh database has %d staff, %v", n, err)
	}
	admin := &resources.Staff{Name: "Wayan Admin"}
	must(t, s.CreateFirstAdministrator(ctx, admin, "4829"))
	if admin.Role != resources.RoleAdministrator || !admin.Active || strings.Contains(admin.PINHash, "4829") {
		t.Fatalf("administrator: %+v", admin)
	}
	err = s.CreateFirstAdministrator(ctx, &resources.Staff{Name: "Someone Else"}, "5930")
	if errs.CodeOf(err) != errs.Conflict {
		t.Fatalf("a second first administrator: %v", err)
	}
	actor, err := s.SignIn(ctx, admin.ID, "4829")
	if err != nil || actor.Name != "Wayan Admin" || actor.Role != resources.RoleAdministrator {
		t.Fatalf("sign-in: %+v %v", actor, err)
	}
}

func TestStaffChangesNeedAManagerAndValidInput(t *testing.T) {
	s := openTest(t)
	agent := resources.WithActor(context.Background(), resources.Actor{Name: "Agus", Role: resources.RoleAgent})
	if err := s.CreateStaff(agent, &resources.Staff{Name: "Dewi", Role: resources.RoleAgent, Active: true}, "4829"); err == nil {
		t.Fatal("an agent created staff")
	}
	err := s.CreateStaff(manager(), &resources.Staff{Name: "", Role: "chef"}, "1111")
	fs := errs.AsFields(err)
	for _, f := range []string{resources.FieldName, resources.FieldRole, resources.FieldPIN} {
		if fs.For(f) == nil {
			t.Errorf("no problem shown beside %s: %v", f, err)
		}
	}
	err = s.CreateStaff(manager(), &resources.Staff{Name: "Dewi", Role: resources.RoleDepartment, Departments: []string{"spa"}}, "4829")
	if errs.AsFields(err).For(resources.FieldDepartments) == nil {
		t.Fatalf("unknown department accepted: %v", err)
	}
	if n, _ := s.CountStaff(context.Background()); n != 0 {
		t.Fatalf("%d staff stored by refused changes", n)
	}
}

func TestSignInLockOutSurvivesAReopenAndAManagerCanReset(t *testing.T) {
	path := t.TempDir() + "/fd.db"
	s := openAt(t, path)
	dewi := &resources.Staff{Name: "Dewi Lestari", Role: resources.RoleAgent, Active: true, Departments: []string{resources.DeptFrontDesk}}
	must(t, s.CreateStaff(manager(), dewi, "4829"))
	ctx := context.Background()
	for i := 0; i < resources.MaxPINFailures; i++ {
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
	list, err := s.ListStaff(ctx, resources.StaffFilter{NamePrefix: "De"})
	must(t, err)
	if len(list) != 1 || len(list[0].Departments) != 1 || list[0].FailedPINs != 0 || !list[0].LockedUntil.IsZero() {
		t.Fatalf("listed: %+v", list)
	}
	log, _ := s.ListAudit(ctx, resources.AuditFilter{ActorName: "Dewi Lestari", Limit: 20})
	if len(log) != resources.MaxPINFailures+2 || log[0].Action != "sign_in" {
		t.Fatalf("sign-ins not audited: %+v", log)
	}
}

func TestLockExpiresWithTheClock(t *testing.T) {
	now := testNow
	s, err := Open(context.Background(), t.TempDir()+"/fd.db", Options{Now: func() time.Time { return now }})
	must(t, err)
	defer s.Close()
	st := &resources.Staff{Name: "Kenji", Role: resources.RoleConcierge, Active: true}
	must(t, s.CreateStaff(manager(), st, "4829"))
	for i := 0; i < resources.MaxPINFailures; i++ {
		s.SignIn(context.Background(), st.ID, "0000")
	}
	now = now.Add(resources.LockDuration)
	if _, err := s.SignIn(context.Background(), st.ID, "4829"); err != nil {
		t.Fatalf("still locked after the lock ran out: %v", err)
	}
}
