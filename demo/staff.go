package demo

import (
	"context"

	"frontdesk/resources"
)

// StaffMember is a demo account with its PIN, listed in the README so anyone can sign in.
type StaffMember struct {
	Name        string
	Role        resources.Role
	Departments []string
	PIN         string
}

// Staff are the demo accounts; the first is the administrator.
var Staff = []StaffMember{
	{"Wayan Sudarma", resources.RoleAdministrator, nil, "1357"},
	{"Rina Kusuma", resources.RoleShiftManager, []string{resources.DeptFrontDesk, resources.DeptManagement}, "2468"},
	{"Dewi Lestari", resources.RoleAgent, []string{resources.DeptFrontDesk}, "4829"},
	{"Agus Pratama", resources.RoleAgent, []string{resources.DeptFrontDesk}, "5930"},
	{"Maria Santos", resources.RoleConcierge, []string{resources.DeptConcierge}, "6047"},
	{"Kenji Watanabe", resources.RoleDepartment, []string{resources.DeptHousekeeping}, "7153"},
}

// fillStaff creates the demo accounts in a database that has none.
func fillStaff(ctx context.Context, t Target) error {
	n, err := t.CountStaff(ctx)
	if err != nil || n > 0 {
		return err
	}
	admin := resources.Staff{Name: Staff[0].Name}
	if err := t.CreateFirstAdministrator(ctx, &admin, Staff[0].PIN); err != nil {
		return err
	}
	asAdmin := resources.WithActor(ctx, resources.Actor{ID: admin.ID, Name: admin.Name, Role: admin.Role})
	for _, m := range Staff[1:] {
		st := resources.Staff{Name: m.Name, Role: m.Role, Departments: m.Departments, Active: true}
		if err := t.CreateStaff(asAdmin, &st, m.PIN); err != nil {
			return err
		}
	}
	return nil
}
