package conformance

import (
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/staff"
	"frontdesk/standards"
)

// byCode finds the value with code in vs.
func byCode[T any](vs []T, code func(T) string, want string) (T, bool) {
	for _, v := range vs {
		if code(v) == want {
			return v, true
		}
	}
	var zero T
	return zero, false
}

func deptCode(d standards.Department) string { return d.Code }
func catCode(c standards.Category) string    { return c.Code }

func TestAFreshPropertyListsTheDefaultStandards(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleDepartment)
		ds, err := d.svc.Standards.ListDepartments(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defaults := standards.DefaultDepartments()
		if len(ds) != len(defaults) {
			t.Errorf("%d departments, want the %d defaults", len(ds), len(defaults))
		}
		for _, want := range defaults {
			got, ok := byCode(ds, deptCode, want.Code)
			if !ok {
				t.Errorf("no department %s", want.Code)
				continue
			}
			sameValue(t, "department "+want.Code, got, want)
		}
		cs, err := d.svc.Standards.ListCategories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range standards.DefaultCategories() {
			got, ok := byCode(cs, catCode, want.Code)
			if !ok {
				t.Errorf("no category %s", want.Code)
				continue
			}
			sameValue(t, "category "+want.Code, got, want)
		}
	})
}

func TestDepartmentsAndCategoriesAreSavedAsNormalised(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleShiftManager)
		dept := standards.Department{Code: "spa", Name: " Spa  ", OnDutyContact: "ext 210", Hours: standards.ServiceHours{Open: 9 * 60, Close: 21 * 60}}
		if err := d.svc.Standards.SaveDepartment(ctx, &dept); err != nil {
			t.Fatal(err)
		}
		wantDept := standards.Department{Code: "spa", Name: "Spa", OnDutyContact: "ext 210", Hours: standards.ServiceHours{Open: 540, Close: 1260}}
		sameValue(t, "saved department", dept, wantDept)
		ds, err := d.svc.Standards.ListDepartments(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := byCode(ds, deptCode, "spa")
		sameValue(t, "listed department", got, wantDept)

		cat := standards.Category{Code: "spa_booking", Name: "Spa booking", Department: "spa", Promise: 30 * time.Minute,
			TopTierPromise: 15 * time.Minute, Words: []string{"Pijat", "massage", " MASSAGE "}}
		if err := d.svc.Standards.SaveCategory(ctx, &cat); err != nil {
			t.Fatal(err)
		}
		wantCat := standards.Category{Code: "spa_booking", Name: "Spa booking", Department: "spa", Promise: 30 * time.Minute,
			TopTierPromise: 15 * time.Minute, Words: []string{"pijat", "massage"}}
		sameValue(t, "saved category", cat, wantCat)
		wake := standards.Category{Code: "spa_wake", Name: "Spa wake-up", Department: "spa", GuestNamesTime: true, Promise: time.Hour}
		if err := d.svc.Standards.SaveCategory(ctx, &wake); err != nil {
			t.Fatal(err)
		}
		sameValue(t, "category where the guest names the time", wake,
			standards.Category{Code: "spa_wake", Name: "Spa wake-up", Department: "spa", GuestNamesTime: true})
		cs, err := d.svc.Standards.ListCategories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		listed, _ := byCode(cs, catCode, "spa_booking")
		sameValue(t, "listed category", listed, wantCat)
	})
}

func TestStandardsRefusals(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAgent)
		dept := standards.Department{Code: "spa", Name: "Spa"}
		err := d.svc.Standards.SaveDepartment(ctx, &dept)
		wantProblem(t, err, errs.Invalid, "", staff.MsgManagerOnly)

		ctx = d.signIn(t, staff.RoleAdministrator)
		cat := standards.Category{Code: "spa_booking", Name: "Spa booking", Department: "spa", Promise: 10 * time.Minute,
			TopTierPromise: 20 * time.Minute}
		err = d.svc.Standards.SaveCategory(ctx, &cat)
		wantProblem(t, err, errs.Invalid, standards.FieldTopTier, "The VIP promise must be no longer than the standard one.")
		cat.TopTierPromise = 0
		err = d.svc.Standards.SaveCategory(ctx, &cat)
		wantProblem(t, err, errs.Invalid, standards.FieldDepartment, "Choose the department that serves this category.")
		bad := standards.Department{Code: "Spa!", Name: "Spa", Hours: standards.ServiceHours{Open: 0, Close: 1500}}
		err = d.svc.Standards.SaveDepartment(ctx, &bad)
		wantProblem(t, err, errs.Invalid, standards.FieldCode, "A code is 2 to 31 lower-case letters, digits or '_', starting with a letter.")
		wantProblem(t, err, errs.Invalid, standards.FieldHours, "Service hours run from 00:00 to 24:00.")
	})
}
