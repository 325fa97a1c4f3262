package sqlite

import (
	"context"
	"slices"
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

// A property from before 0014 gets the default search words on its default categories,
// and keeps the words a manager set.
func TestDefaultCategoriesGetTheirSearchWordsOnUpgrade(t *testing.T) {
	path, db := schemaAt(t, 13)
	for _, q := range []string{
		"INSERT INTO departments (code, name) VALUES ('maintenance', 'Maintenance')",
		"INSERT INTO categories (code, name, department, promise_min) VALUES ('maintenance', 'Maintenance', 'maintenance', 30)",
		"INSERT INTO categories (code, name, department, promise_min) VALUES ('pool', 'Pool towels', 'maintenance', 10)",
	} {
		_, err := db.Exec(q)
		must(t, err)
	}
	db.Close()
	s := openAt(t, path)
	cats, err := s.ListCategories(context.Background())
	must(t, err)
	words := map[string][]string{}
	for _, c := range cats {
		words[c.Code] = c.Words
	}
	if !slices.Contains(words["maintenance"], "ac") || len(words["pool"]) != 0 {
		t.Fatalf("words after the upgrade: %v", words)
	}
	m := cats[slices.IndexFunc(cats, func(c standards.Category) bool { return c.Code == "maintenance" })]
	m.Words = []string{"AC", "kipas angin"}
	must(t, s.SaveCategory(manager(), &m))
	cats, _ = s.ListCategories(context.Background())
	if got := cats[slices.IndexFunc(cats, func(c standards.Category) bool { return c.Code == "maintenance" })].Words; !slices.Equal(got, []string{"ac", "kipas angin"}) {
		t.Fatalf("saved words read back as %q", got)
	}
}
