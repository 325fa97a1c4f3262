package sqlite

import (
	"context"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/staff"
	"frontdesk/standards"
)

func manager() context.Context {
	return staff.WithActor(context.Background(), staff.Actor{ID: "m-1", Name: "Rina Manager", Role: staff.RoleShiftManager})
}

func TestNewDatabaseStartsWithDefaultStandardsOnce(t *testing.T) {
	path := t.TempDir() + "/fd.db"
	s := openAt(t, path)
	cats, err := s.ListCategories(context.Background())
	must(t, err)
	if len(cats) != len(standards.DefaultCategories()) {
		t.Fatalf("%d categories", len(cats))
	}
	depts, err := s.ListDepartments(context.Background())
	must(t, err)
	if len(depts) != len(standards.DefaultDepartments()) {
		t.Fatalf("%d departments", len(depts))
	}
	must(t, s.SaveDepartment(manager(), &standards.Department{Code: "spa", Name: "Spa", Hours: standards.ServiceHours{Open: 600, Close: 1320}}))
	s.Close()
	s = openAt(t, path)
	depts, _ = s.ListDepartments(context.Background())
	if len(depts) != len(standards.DefaultDepartments())+1 {
		t.Fatalf("reopening changed the departments: %d", len(depts))
	}
}

func TestOnlyManagersChangeServiceStandards(t *testing.T) {
	s := openTest(t)
	towels := standards.Category{Code: "towels", Name: "Extra towels", Department: standards.DeptHousekeeping, Promise: 20 * time.Minute}
	agent := staff.WithActor(context.Background(), staff.Actor{Name: "Agus", Role: staff.RoleAgent})
	for _, ctx := range []context.Context{context.Background(), agent} {
		if err := s.SaveCategory(ctx, &towels); err == nil || err.Error() != staff.MsgManagerOnly {
			t.Fatalf("non-manager saved a standard: %v", err)
		}
	}
	must(t, s.SaveCategory(manager(), &towels))
	cats, _ := s.ListCategories(context.Background())
	for _, c := range cats {
		if c.Code == "towels" && (c.Promise != 20*time.Minute || c.TopTierPromise != 0) {
			t.Fatalf("saved: %+v", c)
		}
	}
}

func TestCategoryValidation(t *testing.T) {
	s := openTest(t)
	cases := []struct {
		name  string
		cat   standards.Category
		field string
	}{
		{"unknown department", standards.Category{Code: "spa_booking", Name: "Spa", Department: "spa", Promise: time.Hour}, standards.FieldDepartment},
		{"no promise", standards.Category{Code: "x1", Name: "X", Department: standards.DeptFrontDesk}, standards.FieldPromise},
		{"VIP slower than standard", standards.Category{Code: "x2", Name: "X", Department: standards.DeptFrontDesk, Promise: 10 * time.Minute, TopTierPromise: time.Hour}, standards.FieldTopTier},
		{"bad code", standards.Category{Code: "Spa Booking", Name: "X", Department: standards.DeptFrontDesk, Promise: time.Hour}, standards.FieldCode},
	}
	for _, c := range cases {
		err := s.SaveCategory(manager(), &c.cat)
		if errs.AsFields(err).For(c.field) == nil {
			t.Errorf("%s: got %v", c.name, err)
		}
	}
}
