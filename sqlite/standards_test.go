package sqlite

import (
	"context"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/resources"
)

func manager() context.Context {
	return resources.WithActor(context.Background(), resources.Actor{ID: "m-1", Name: "Rina Manager", Role: resources.RoleShiftManager})
}

func TestNewDatabaseStartsWithDefaultStandardsOnce(t *testing.T) {
	path := t.TempDir() + "/fd.db"
	s := openAt(t, path)
	cats, err := s.ListCategories(context.Background())
	must(t, err)
	if len(cats) != len(resources.DefaultCategories()) {
		t.Fatalf("%d categories", len(cats))
	}
	depts, err := s.ListDepartments(context.Background())
	must(t, err)
	if len(depts) != len(resources.DefaultDepartments()) {
		t.Fatalf("%d departments", len(depts))
	}
	must(t, s.SaveDepartment(manager(), &resources.Department{Code: "spa", Name: "Spa", Hours: resources.ServiceHours{Open: 600, Close: 1320}}))
	s.Close()
	s = openAt(t, path)
	depts, _ = s.ListDepartments(context.Background())
	if len(depts) != len(resources.DefaultDepartments())+1 {
		t.Fatalf("reopening changed the departments: %d", len(depts))
	}
}

func TestOnlyManagersChangeServiceStandards(t *testing.T) {
	s := openTest(t)
	towels := resources.Category{Code: "towels", Name: "Extra towels", Department: resources.DeptHousekeeping, Promise: 20 * time.Minute}
	agent := resources.WithActor(context.Background(), resources.Actor{Name: "Agus", Role: resources.RoleAgent})
	for _, ctx := range []context.Context{context.Background(), agent} {
		if err := s.SaveCategory(ctx, &towels); err == nil || err.Error() != resources.MsgManagerOnly {
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
		cat   resources.Category
		field string
	}{
		{"unknown department", resources.Category{Code: "spa_booking", Name: "Spa", Department: "spa", Promise: time.Hour}, resources.FieldDepartment},
		{"no promise", resources.Category{Code: "x1", Name: "X", Department: resources.DeptFrontDesk}, resources.FieldPromise},
		{"VIP slower than standard", resources.Category{Code: "x2", Name: "X", Department: resources.DeptFrontDesk, Promise: 10 * time.Minute, TopTierPromise: time.Hour}, resources.FieldTopTier},
		{"bad code", resources.Category{Code: "Spa Booking", Name: "X", Department: resources.DeptFrontDesk, Promise: time.Hour}, resources.FieldCode},
	}
	for _, c := range cases {
		err := s.SaveCategory(manager(), &c.cat)
		if errs.AsFields(err).For(c.field) == nil {
			t.Errorf("%s: got %v", c.name, err)
		}
	}
}
