package staff

import (
	"slices"
	"strings"
	"testing"

	"frontdesk/errs"
)

func TestRolePermissions(t *testing.T) {
	cases := []struct {
		role    Role
		allowed []Permission
	}{
		{RoleAdministrator, Permissions},
		{RoleShiftManager, Permissions},
		{RoleAgent, []Permission{PermLendItems, PermLogRequests}},
		{RoleConcierge, []Permission{PermLendItems, PermLogRequests}},
		{RoleDepartment, []Permission{PermLogRequests}},
		{Role("night_porter"), nil}, // unknown roles get nothing
		{Role(""), nil},
	}
	for _, c := range cases {
		for _, p := range Permissions {
			want := slices.Contains(c.allowed, p)
			if got := c.role.Can(p); got != want {
				t.Errorf("%q.Can(%q) = %v, want %v", c.role, p, got, want)
			}
		}
	}
}

func TestUnknownPermissionIsRefusedEvenToAdministrators(t *testing.T) {
	if RoleAdministrator.Can(Permission("edit_stafff")) {
		t.Fatal("a misspelt permission was granted")
	}
}

func TestOnlyShiftManagersAndAdministratorsAreManagers(t *testing.T) {
	for _, r := range Roles {
		want := r == RoleShiftManager || r == RoleAdministrator
		if r.IsManager() != want {
			t.Errorf("%q.IsManager() = %v", r, !want)
		}
	}
}

func TestCheckRefusesWithATypedError(t *testing.T) {
	if err := RoleShiftManager.Check(PermEditStaff); err != nil {
		t.Fatalf("manager refused: %v", err)
	}
	if err := RoleAgent.Check(PermLendItems); err != nil {
		t.Fatalf("agent refused lending: %v", err)
	}
	err := RoleAgent.Check(PermEditStaff)
	if errs.CodeOf(err) != errs.Invalid || err.Error() != MsgManagerOnly {
		t.Fatalf("got %v (%s)", err, errs.CodeOf(err))
	}
}

func TestStaffNormalize(t *testing.T) {
	cases := []struct {
		name      string
		in        Staff
		wantName  string
		wantDepts []string
		badFields []string
	}{
		{"clean record", Staff{Name: "Dewi Lestari", Role: RoleAgent}, "Dewi Lestari", nil, nil},
		{"name trimmed and spaces collapsed", Staff{Name: "  Dewi   Lestari ", Role: RoleAgent}, "Dewi Lestari", nil, nil},
		{"name required", Staff{Name: "   ", Role: RoleAgent}, "", nil, []string{FieldName}},
		{"name of 100 characters allowed", Staff{Name: strings.Repeat("é", 100), Role: RoleAgent}, strings.Repeat("é", 100), nil, nil},
		{"name of 101 characters refused", Staff{Name: strings.Repeat("a", 101), Role: RoleAgent}, strings.Repeat("a", 101), nil, []string{FieldName}},
		{"control character refused", Staff{Name: "Dewi\x07", Role: RoleAgent}, "Dewi\x07", nil, []string{FieldName}},
		{"unknown role refused", Staff{Name: "Dewi", Role: "boss"}, "Dewi", nil, []string{FieldRole}},
		{"empty role refused", Staff{Name: "Dewi"}, "Dewi", nil, []string{FieldRole}},
		{"every problem reported", Staff{Name: "", Role: "boss"}, "", nil, []string{FieldName, FieldRole}},
		{
			"department codes trimmed, lower-cased, deduplicated",
			Staff{Name: "Ana", Role: RoleDepartment, Departments: []string{" Housekeeping", "spa", "HOUSEKEEPING ", "", "  "}},
			"Ana", []string{"housekeeping", "spa"}, nil,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := c.in
			fs := s.Normalize()
			if s.Name != c.wantName {
				t.Errorf("name = %q, want %q", s.Name, c.wantName)
			}
			if !slices.Equal(s.Departments, c.wantDepts) {
				t.Errorf("departments = %q, want %q", s.Departments, c.wantDepts)
			}
			if len(fs) != len(c.badFields) {
				t.Fatalf("problems = %v, want fields %v", fs, c.badFields)
			}
			for _, f := range c.badFields {
				if fs.For(f) == nil {
					t.Errorf("no problem for %s in %v", f, fs)
				}
			}
		})
	}
}

func TestRefusalSaysWhoMayDoIt(t *testing.T) {
	if err := RoleDepartment.Check(PermLendItems); err == nil || err.Error() != MsgNotYourRole {
		t.Errorf("department staff lending: %v", err)
	}
	if err := RoleAgent.Check(PermEditStandards); err == nil || err.Error() != MsgManagerOnly {
		t.Errorf("agent editing standards: %v", err)
	}
}
